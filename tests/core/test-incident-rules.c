/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-incident-rules"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sb-core-error.h"
#include "sb-incident-rules.h"

#define NEW      SB_INCIDENT_NEW
#define PROGRESS SB_INCIDENT_IN_PROGRESS
#define HOLD     SB_INCIDENT_ON_HOLD
#define RESOLVED SB_INCIDENT_RESOLVED
#define CLOSED   SB_INCIDENT_CLOSED
#define CANCEL   SB_INCIDENT_CANCELLED
#define DUP      SB_INCIDENT_DUPLICATE

/* The table of the header, written out once more by hand. */
static const gboolean expected[SB_INCIDENT_N_STATUSES][SB_INCIDENT_N_STATUSES] = {
  /*             new    prog   hold   resol  closed cancel dup */
  [NEW]      = { FALSE, TRUE,  TRUE,  TRUE,  FALSE, TRUE,  TRUE },
  [PROGRESS] = { FALSE, FALSE, TRUE,  TRUE,  FALSE, TRUE,  TRUE },
  [HOLD]     = { FALSE, TRUE,  FALSE, TRUE,  FALSE, TRUE,  TRUE },
  [RESOLVED] = { FALSE, TRUE,  FALSE, FALSE, TRUE,  FALSE, FALSE },
  [CLOSED]   = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
  [CANCEL]   = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
  [DUP]      = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },
};

/* A detail that satisfies the target status. */
static const char *
good_detail (SbIncidentStatus to)
{
  switch (to)
    {
    case HOLD:
      return "awaiting-customer";
    case RESOLVED:
      return "fixed";
    case DUP:
      return "INC-K7QX-0001";
    default:
      return NULL;
    }
}

static void
test_status_strings (void)
{
  static const char *const names[] = {
    "new", "in-progress", "on-hold", "resolved", "closed", "cancelled", "duplicate",
  };
  static const char *const labels[] = {
    "New", "In progress", "On hold", "Resolved", "Closed", "Cancelled", "Duplicate",
  };
  guint i;

  for (i = 0; i < SB_INCIDENT_N_STATUSES; i++)
    {
      SbIncidentStatus status = 99;

      g_assert_cmpstr (sb_incident_status_to_string (i), ==, names[i]);
      g_assert_true (sb_incident_status_from_string (names[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (sb_incident_status_get_label (i), ==, labels[i]);
    }

  g_assert_false (sb_incident_status_from_string ("open", NULL));
  g_assert_false (sb_incident_status_from_string ("", NULL));
  g_assert_false (sb_incident_status_from_string (NULL, NULL));
  g_assert_false (sb_incident_status_from_string ("In progress", NULL));

  g_assert_true (sb_incident_status_is_open (NEW));
  g_assert_true (sb_incident_status_is_open (PROGRESS));
  g_assert_true (sb_incident_status_is_open (HOLD));
  g_assert_false (sb_incident_status_is_open (RESOLVED));
  g_assert_false (sb_incident_status_is_open (CLOSED));
  g_assert_false (sb_incident_status_is_open (CANCEL));
  g_assert_false (sb_incident_status_is_open (DUP));

  g_assert_false (sb_incident_status_is_final (NEW));
  g_assert_false (sb_incident_status_is_final (PROGRESS));
  g_assert_false (sb_incident_status_is_final (HOLD));
  g_assert_false (sb_incident_status_is_final (RESOLVED));
  g_assert_true (sb_incident_status_is_final (CLOSED));
  g_assert_true (sb_incident_status_is_final (CANCEL));
  g_assert_true (sb_incident_status_is_final (DUP));
}

/* Every pair of statuses: allowed ones pass with their detail, refused
 * ones fail with a reason in words whatever the detail. */
static void
test_every_transition (void)
{
  guint from, to;
  guint n_allowed = 0;

  for (from = 0; from < SB_INCIDENT_N_STATUSES; from++)
    for (to = 0; to < SB_INCIDENT_N_STATUSES; to++)
      {
        g_autoptr (GError) error = NULL;
        gboolean ok;

        ok = sb_incident_check_transition (from, to, good_detail (to), &error);
        if (expected[from][to])
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            n_allowed++;
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
            g_assert_cmpuint (strlen (error->message), >, 20);
            /* A sentence, not a code. */
            g_assert_true (g_ascii_isupper (error->message[0]));
            g_assert_true (g_str_has_suffix (error->message, "."));
          }
      }

  /* new 5, in progress 4, on hold 4, resolved 2 */
  g_assert_cmpuint (n_allowed, ==, 15);
}

static void
assert_refused (SbIncidentStatus from,
                SbIncidentStatus to,
                const char      *detail,
                const char      *message)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (sb_incident_check_transition (from, to, detail, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_refusal_reasons (void)
{
  guint to;

  for (to = 0; to < SB_INCIDENT_N_STATUSES; to++)
    {
      assert_refused (CLOSED, to, good_detail (to),
                      "A closed incident cannot change. Log a new incident instead.");
      assert_refused (CANCEL, to, good_detail (to),
                      "A cancelled incident cannot change. Log a new incident instead.");
      assert_refused (DUP, to, good_detail (to),
                      "An incident marked as a duplicate cannot change. Work on "
                      "the original incident instead.");
    }

  assert_refused (NEW, CLOSED, NULL,
                  "An incident that has not been resolved cannot be closed.");
  assert_refused (PROGRESS, CLOSED, NULL,
                  "An incident that has not been resolved cannot be closed.");
  assert_refused (HOLD, CLOSED, NULL,
                  "An incident that has not been resolved cannot be closed.");
  assert_refused (PROGRESS, NEW, NULL,
                  "An incident cannot go back to new once it has been worked on.");
  assert_refused (RESOLVED, HOLD, "awaiting-customer",
                  "A resolved incident cannot be put on hold. Reopen it first.");
  assert_refused (RESOLVED, CANCEL, NULL,
                  "A resolved incident cannot be cancelled. Close it, or reopen "
                  "it if the problem is back.");
  assert_refused (RESOLVED, DUP, "INC-1",
                  "A resolved incident cannot be marked as a duplicate. Close it instead.");
  assert_refused (PROGRESS, PROGRESS, NULL, "The incident is already in progress.");
  assert_refused (HOLD, HOLD, "other", "The incident is already on hold.");
  assert_refused (RESOLVED, RESOLVED, "fixed", "The incident is already resolved.");
}

static void
test_details (void)
{
  g_autoptr (GError) error = NULL;

  /* On hold needs a known reason. */
  assert_refused (PROGRESS, HOLD, NULL, "Choose why the incident is on hold.");
  assert_refused (NEW, HOLD, "", "Choose why the incident is on hold.");
  assert_refused (PROGRESS, HOLD, "lunch",
                  "“lunch” is not a hold reason. Choose awaiting customer, "
                  "awaiting supplier, awaiting change or other.");
  g_assert_true (sb_incident_check_transition (PROGRESS, HOLD, "awaiting-supplier", NULL));
  g_assert_true (sb_incident_check_transition (NEW, HOLD, "awaiting-change", NULL));
  g_assert_true (sb_incident_check_transition (PROGRESS, HOLD, "other", NULL));

  /* Resolved needs a known code. */
  assert_refused (PROGRESS, RESOLVED, NULL, "Choose a resolution code.");
  assert_refused (HOLD, RESOLVED, "", "Choose a resolution code.");
  assert_refused (NEW, RESOLVED, "magic",
                  "“magic” is not a resolution code. Choose one from the list.");
  g_assert_true (sb_incident_check_transition (NEW, RESOLVED, "no-fault-found", NULL));

  /* Duplicate needs the original. */
  assert_refused (NEW, DUP, NULL, "Choose the incident this one duplicates.");
  assert_refused (HOLD, DUP, "", "Choose the incident this one duplicates.");
  g_assert_true (sb_incident_check_transition (HOLD, DUP, "INC-K7QX-0042", &error));
  g_assert_no_error (error);

  /* Other targets ignore the detail. */
  g_assert_true (sb_incident_check_transition (RESOLVED, CLOSED, NULL, NULL));
  g_assert_true (sb_incident_check_transition (RESOLVED, PROGRESS, "why", NULL));
  g_assert_true (sb_incident_check_transition (NEW, CANCEL, NULL, NULL));

  /* A closed incident is refused before its detail is looked at. */
  assert_refused (CLOSED, HOLD, NULL,
                  "A closed incident cannot change. Log a new incident instead.");
}

static void
test_reopen (void)
{
  guint from, to;

  for (from = 0; from < SB_INCIDENT_N_STATUSES; from++)
    for (to = 0; to < SB_INCIDENT_N_STATUSES; to++)
      g_assert_cmpint (sb_incident_transition_is_reopen (from, to), ==,
                       from == RESOLVED && to == PROGRESS);
}

static void
test_hold_reasons (void)
{
  const char *const *reasons = sb_incident_get_hold_reasons ();

  g_assert_cmpuint (g_strv_length ((char **) reasons), ==, 4);
  g_assert_cmpstr (reasons[0], ==, "awaiting-customer");
  g_assert_cmpstr (reasons[1], ==, "awaiting-supplier");
  g_assert_cmpstr (reasons[2], ==, "awaiting-change");
  g_assert_cmpstr (reasons[3], ==, "other");

  for (; *reasons != NULL; reasons++)
    g_assert_true (sb_incident_hold_reason_is_valid (*reasons));

  g_assert_false (sb_incident_hold_reason_is_valid (NULL));
  g_assert_false (sb_incident_hold_reason_is_valid (""));
  g_assert_false (sb_incident_hold_reason_is_valid ("Awaiting customer"));

  g_assert_cmpstr (sb_incident_hold_reason_get_label ("awaiting-customer"), ==, "Awaiting customer");
  g_assert_cmpstr (sb_incident_hold_reason_get_label ("awaiting-supplier"), ==, "Awaiting supplier");
  g_assert_cmpstr (sb_incident_hold_reason_get_label ("awaiting-change"), ==, "Awaiting change");
  g_assert_cmpstr (sb_incident_hold_reason_get_label ("other"), ==, "Other");
  /* Unknown values are shown as they are, never hidden. */
  g_assert_cmpstr (sb_incident_hold_reason_get_label ("lunch"), ==, "lunch");
}

static void
test_channels (void)
{
  static const char *const labels[] = {
    "Phone", "Email", "Walk-in", "Monitoring", "Self-detected", "Supplier notice", "Other",
  };
  const char *const *channels = sb_incident_get_channels ();
  guint i;

  g_assert_cmpuint (g_strv_length ((char **) channels), ==, G_N_ELEMENTS (labels));
  g_assert_cmpstr (channels[0], ==, "phone");
  g_assert_cmpstr (channels[5], ==, "supplier-notice");

  for (i = 0; channels[i] != NULL; i++)
    {
      g_assert_true (sb_incident_channel_is_valid (channels[i]));
      g_assert_cmpstr (sb_incident_channel_get_label (channels[i]), ==, labels[i]);
    }

  g_assert_false (sb_incident_channel_is_valid ("fax"));
  g_assert_false (sb_incident_channel_is_valid (NULL));
  g_assert_cmpstr (sb_incident_channel_get_label ("fax"), ==, "fax");
}

static void
test_resolution_codes (void)
{
  const char *const *codes = sb_incident_get_resolution_codes ();
  guint i;

  g_assert_cmpuint (g_strv_length ((char **) codes), ==, 7);
  g_assert_cmpstr (codes[0], ==, "fixed");
  g_assert_cmpstr (codes[3], ==, "no-fault-found");

  for (i = 0; codes[i] != NULL; i++)
    {
      const char *label = sb_incident_resolution_code_get_label (codes[i]);

      g_assert_true (sb_incident_resolution_code_is_valid (codes[i]));
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, codes[i]);
      g_assert_true (g_ascii_isupper (label[0]));
    }

  g_assert_cmpstr (sb_incident_resolution_code_get_label ("fixed"), ==, "Fixed");
  g_assert_cmpstr (sb_incident_resolution_code_get_label ("no-fault-found"), ==, "No fault found");
  g_assert_false (sb_incident_resolution_code_is_valid ("solved"));
  g_assert_false (sb_incident_resolution_code_is_valid (NULL));
  g_assert_cmpstr (sb_incident_resolution_code_get_label ("solved"), ==, "solved");
}

static void
test_levels (void)
{
  g_assert_cmpstr (sb_incident_level_get_label (1), ==, "High");
  g_assert_cmpstr (sb_incident_level_get_label (2), ==, "Medium");
  g_assert_cmpstr (sb_incident_level_get_label (3), ==, "Low");
  g_assert_null (sb_incident_level_get_label (0));
  g_assert_null (sb_incident_level_get_label (4));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/incident-rules/status-strings", test_status_strings);
  g_test_add_func ("/incident-rules/every-transition", test_every_transition);
  g_test_add_func ("/incident-rules/refusal-reasons", test_refusal_reasons);
  g_test_add_func ("/incident-rules/details", test_details);
  g_test_add_func ("/incident-rules/reopen", test_reopen);
  g_test_add_func ("/incident-rules/hold-reasons", test_hold_reasons);
  g_test_add_func ("/incident-rules/channels", test_channels);
  g_test_add_func ("/incident-rules/resolution-codes", test_resolution_codes);
  g_test_add_func ("/incident-rules/levels", test_levels);

  return g_test_run ();
}
