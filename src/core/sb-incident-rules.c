/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-incident-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-core-error.h"
#include "sb-incident-rules.h"

/* The string forms, in the order of SbIncidentStatus. */
static const char *const status_strings[SB_INCIDENT_N_STATUSES] = {
  "new",
  "in-progress",
  "on-hold",
  "resolved",
  "closed",
  "cancelled",
  "duplicate",
};

static const char *const status_labels[SB_INCIDENT_N_STATUSES] = {
  N_ ("New"),
  N_ ("In progress"),
  N_ ("On hold"),
  N_ ("Resolved"),
  N_ ("Closed"),
  N_ ("Cancelled"),
  N_ ("Duplicate"),
};

static const char *const hold_reasons[] = { SB_INCIDENT_HOLD_REASONS, NULL };
static const char *const hold_reason_labels[] = {
  N_ ("Awaiting customer"),
  N_ ("Awaiting supplier"),
  N_ ("Awaiting change"),
  N_ ("Other"),
};

static const char *const channels[] = { SB_INCIDENT_CHANNELS, NULL };
static const char *const channel_labels[] = {
  N_ ("Phone"),
  N_ ("Email"),
  N_ ("Walk-in"),
  N_ ("Monitoring"),
  N_ ("Self-detected"),
  N_ ("Supplier notice"),
  N_ ("Other"),
};

static const char *const resolution_codes[] = { SB_INCIDENT_RESOLUTION_CODES, NULL };
static const char *const resolution_code_labels[] = {
  N_ ("Fixed"),
  N_ ("Workaround"),
  N_ ("Advice given"),
  N_ ("No fault found"),
  N_ ("Fixed by supplier"),
  N_ ("Fixed by a change"),
  N_ ("Other"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (hold_reasons) == G_N_ELEMENTS (hold_reason_labels) + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (channels) == G_N_ELEMENTS (channel_labels) + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (resolution_codes) == G_N_ELEMENTS (resolution_code_labels) + 1);

/* Allowed transitions: allowed[from][to]. */
static const gboolean allowed[SB_INCIDENT_N_STATUSES][SB_INCIDENT_N_STATUSES] = {
  /*                      new    prog   hold   resol  closed cancel dup */
  [SB_INCIDENT_NEW]         = { FALSE, TRUE,  TRUE,  TRUE,  FALSE, TRUE,  TRUE },
  [SB_INCIDENT_IN_PROGRESS] = { FALSE, FALSE, TRUE,  TRUE,  FALSE, TRUE,  TRUE },
  [SB_INCIDENT_ON_HOLD]     = { FALSE, TRUE,  FALSE, TRUE,  FALSE, TRUE,  TRUE },
  [SB_INCIDENT_RESOLVED]    = { FALSE, TRUE,  FALSE, FALSE, TRUE,  FALSE, FALSE },
};

static int
find_in (const char *const *list, const char *text)
{
  int i;

  if (text == NULL)
    return -1;

  for (i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], text) == 0)
      return i;

  return -1;
}

static gboolean
status_valid (SbIncidentStatus status)
{
  return (guint) status < SB_INCIDENT_N_STATUSES;
}

/**
 * sb_incident_status_to_string:
 * @status: a status
 *
 * Returns: the stored form ("in-progress"), or %NULL for an unknown value
 */
const char *
sb_incident_status_to_string (SbIncidentStatus status)
{
  g_return_val_if_fail (status_valid (status), NULL);

  return status_strings[status];
}

/**
 * sb_incident_status_from_string:
 * @text: (nullable): a stored form such as "on-hold"
 * @out_status: (out) (optional): the status
 *
 * Returns: %TRUE if @text names a status
 */
gboolean
sb_incident_status_from_string (const char *text, SbIncidentStatus *out_status)
{
  int   i = -1;
  guint j;

  if (text == NULL)
    return FALSE;

  for (j = 0; j < SB_INCIDENT_N_STATUSES; j++)
    if (strcmp (status_strings[j], text) == 0)
      {
        i = (int) j;
        break;
      }

  if (i < 0)
    return FALSE;

  if (out_status != NULL)
    *out_status = (SbIncidentStatus) i;
  return TRUE;
}

/**
 * sb_incident_status_get_label:
 * @status: a status
 *
 * Returns: the translated name for people ("In progress")
 */
const char *
sb_incident_status_get_label (SbIncidentStatus status)
{
  g_return_val_if_fail (status_valid (status), NULL);

  return _ (status_labels[status]);
}

/**
 * sb_incident_status_is_open:
 * @status: a status
 *
 * Returns: %TRUE for new, in progress and on hold
 */
gboolean
sb_incident_status_is_open (SbIncidentStatus status)
{
  return status == SB_INCIDENT_NEW || status == SB_INCIDENT_IN_PROGRESS ||
         status == SB_INCIDENT_ON_HOLD;
}

/**
 * sb_incident_status_is_final:
 * @status: a status
 *
 * Returns: %TRUE for closed, cancelled and duplicate
 */
gboolean
sb_incident_status_is_final (SbIncidentStatus status)
{
  return status == SB_INCIDENT_CLOSED || status == SB_INCIDENT_CANCELLED ||
         status == SB_INCIDENT_DUPLICATE;
}

static void
set_refused (GError **error, const char *message)
{
  g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID, message);
}

/* Why @from cannot become @to, when the table says no. */
static const char *
refusal_reason (SbIncidentStatus from, SbIncidentStatus to)
{
  switch (from)
    {
    case SB_INCIDENT_CLOSED:
      return _ ("A closed incident cannot change. Log a new incident instead.");
    case SB_INCIDENT_CANCELLED:
      return _ ("A cancelled incident cannot change. Log a new incident instead.");
    case SB_INCIDENT_DUPLICATE:
      return _ ("An incident marked as a duplicate cannot change. Work on the "
                "original incident instead.");
    default:
      break;
    }

  if (from == to)
    {
      switch (to)
        {
        case SB_INCIDENT_IN_PROGRESS:
          return _ ("The incident is already in progress.");
        case SB_INCIDENT_ON_HOLD:
          return _ ("The incident is already on hold.");
        case SB_INCIDENT_RESOLVED:
          return _ ("The incident is already resolved.");
        default:
          break;
        }
    }

  switch (to)
    {
    case SB_INCIDENT_NEW:
      return _ ("An incident cannot go back to new once it has been worked on.");
    case SB_INCIDENT_CLOSED:
      return _ ("An incident that has not been resolved cannot be closed.");
    case SB_INCIDENT_ON_HOLD:
      /* only from resolved */
      return _ ("A resolved incident cannot be put on hold. Reopen it first.");
    case SB_INCIDENT_CANCELLED:
      return _ ("A resolved incident cannot be cancelled. Close it, or reopen it "
                "if the problem is back.");
    case SB_INCIDENT_DUPLICATE:
      return _ ("A resolved incident cannot be marked as a duplicate. Close it "
                "instead.");
    default:
      break;
    }

  return _ ("This status change is not allowed.");
}

/**
 * sb_incident_check_transition:
 * @from: the current status
 * @to: the wished status
 * @detail: (nullable): the hold reason (on hold), resolution code
 *   (resolved) or the original incident (duplicate)
 * @error: return location for an error
 *
 * Checks a status change against the lifecycle; see the header for the
 * allowed transitions.
 *
 * Returns: %TRUE if allowed; %FALSE with %SB_CORE_ERROR_INVALID and the
 *   reason in words otherwise
 */
gboolean
sb_incident_check_transition (SbIncidentStatus from,
                              SbIncidentStatus to,
                              const char      *detail,
                              GError         **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!status_valid (from) || !status_valid (to))
    {
      set_refused (error, _ ("The incident's status is not one Servicebook knows."));
      return FALSE;
    }

  if (!allowed[from][to])
    {
      set_refused (error, refusal_reason (from, to));
      return FALSE;
    }

  switch (to)
    {
    case SB_INCIDENT_ON_HOLD:
      if (detail == NULL || detail[0] == '\0')
        {
          set_refused (error, _ ("Choose why the incident is on hold."));
          return FALSE;
        }
      if (!sb_incident_hold_reason_is_valid (detail))
        {
          g_autofree char *quoted = sb_core_error_quote_input (detail);

          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       /* Translators: %s is what was given as the reason */
                       _ ("“%s” is not a hold reason. Choose awaiting customer, "
                          "awaiting supplier, awaiting change or other."),
                       quoted);
          return FALSE;
        }
      break;

    case SB_INCIDENT_RESOLVED:
      if (detail == NULL || detail[0] == '\0')
        {
          set_refused (error, _ ("Choose a resolution code."));
          return FALSE;
        }
      if (!sb_incident_resolution_code_is_valid (detail))
        {
          g_autofree char *quoted = sb_core_error_quote_input (detail);

          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       /* Translators: %s is what was given as the code */
                       _ ("“%s” is not a resolution code. Choose one from the list."),
                       quoted);
          return FALSE;
        }
      break;

    case SB_INCIDENT_DUPLICATE:
      if (detail == NULL || detail[0] == '\0')
        {
          set_refused (error, _ ("Choose the incident this one duplicates."));
          return FALSE;
        }
      break;

    default:
      break;
    }

  return TRUE;
}

/**
 * sb_incident_transition_is_reopen:
 * @from: the current status
 * @to: the wished status
 *
 * Returns: %TRUE when a resolved incident goes back to in progress
 */
gboolean
sb_incident_transition_is_reopen (SbIncidentStatus from, SbIncidentStatus to)
{
  return from == SB_INCIDENT_RESOLVED && to == SB_INCIDENT_IN_PROGRESS;
}

/**
 * sb_incident_hold_reason_is_valid:
 * @reason: (nullable): a stored hold reason
 *
 * Returns: %TRUE if @reason is one of %SB_INCIDENT_HOLD_REASONS
 */
gboolean
sb_incident_hold_reason_is_valid (const char *reason)
{
  return find_in (hold_reasons, reason) >= 0;
}

/**
 * sb_incident_hold_reason_get_label:
 * @reason: a stored hold reason
 *
 * Returns: the translated label ("Awaiting customer"), or @reason itself
 *   when it is not one Servicebook knows
 */
const char *
sb_incident_hold_reason_get_label (const char *reason)
{
  int i = find_in (hold_reasons, reason);

  return i >= 0 ? _ (hold_reason_labels[i]) : reason;
}

/**
 * sb_incident_channel_is_valid:
 * @channel: (nullable): a stored channel
 *
 * Returns: %TRUE if @channel is one of %SB_INCIDENT_CHANNELS
 */
gboolean
sb_incident_channel_is_valid (const char *channel)
{
  return find_in (channels, channel) >= 0;
}

/**
 * sb_incident_channel_get_label:
 * @channel: a stored channel
 *
 * Returns: the translated label ("Walk-in"), or @channel itself when unknown
 */
const char *
sb_incident_channel_get_label (const char *channel)
{
  int i = find_in (channels, channel);

  return i >= 0 ? _ (channel_labels[i]) : channel;
}

/**
 * sb_incident_resolution_code_is_valid:
 * @code: (nullable): a stored resolution code
 *
 * Returns: %TRUE if @code is one of %SB_INCIDENT_RESOLUTION_CODES
 */
gboolean
sb_incident_resolution_code_is_valid (const char *code)
{
  return find_in (resolution_codes, code) >= 0;
}

/**
 * sb_incident_resolution_code_get_label:
 * @code: a stored resolution code
 *
 * Returns: the translated label ("No fault found"), or @code itself when
 *   unknown
 */
const char *
sb_incident_resolution_code_get_label (const char *code)
{
  int i = find_in (resolution_codes, code);

  return i >= 0 ? _ (resolution_code_labels[i]) : code;
}

/**
 * sb_incident_level_get_label:
 * @level: an impact or urgency, 1 to 3
 *
 * Returns: the translated label ("High", "Medium", "Low"), or %NULL for a
 *   level out of range
 */
const char *
sb_incident_level_get_label (guint level)
{
  switch (level)
    {
    case 1:
      return C_ ("impact or urgency", "High");
    case 2:
      return C_ ("impact or urgency", "Medium");
    case 3:
      return C_ ("impact or urgency", "Low");
    default:
      return NULL;
    }
}

/**
 * sb_incident_get_hold_reasons:
 *
 * Returns: (transfer none) (array zero-terminated=1): the hold reasons
 */
const char *const *
sb_incident_get_hold_reasons (void)
{
  return hold_reasons;
}

/**
 * sb_incident_get_channels:
 *
 * Returns: (transfer none) (array zero-terminated=1): the channels
 */
const char *const *
sb_incident_get_channels (void)
{
  return channels;
}

/**
 * sb_incident_get_resolution_codes:
 *
 * Returns: (transfer none) (array zero-terminated=1): the resolution codes
 */
const char *const *
sb_incident_get_resolution_codes (void)
{
  return resolution_codes;
}
