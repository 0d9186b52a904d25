/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sb-catalog.h"
#include "sb-incident-list.h"
#include "sb-incidents.h"
#include "sb-incidents-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* Finding incidents on real books: every sort key and filter, the
 * full-text search, the on-demand list model, and the SLA views. The
 * incidents are written through the store's write path as rows, so these
 * tests need nothing but the schema. */

#define MINUTE (G_GINT64_CONSTANT (60000))
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

typedef struct
{
  SbTestBook *book;
  gint64      now;     /* the fixed "now" of every test */
  gint64      clock;   /* the store's clock: stamps updated_at */
  char       *email;   /* service ids */
  char       *net;
  char       *acme;    /* customer ids */
  char       *beta;
  char       *ids[9];  /* incident ids by number */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *f = user_data;

  f->clock += 1000;
  return f->clock;
}

static gint64
parse (const char *text)
{
  gint64 ms = 0;

  g_assert_true (sb_time_parse_instant (text, &ms, NULL));
  return ms;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = sb_test_book_new ();
  f->now = parse ("2026-03-10T12:00:00.000Z");
  f->clock = f->now - 30 * DAY;
  sb_store_set_clock_func (f->book->store, fake_clock, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
  g_free (f->email);
  g_free (f->net);
  g_free (f->acme);
  g_free (f->beta);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_free (f->ids[i]);
}

static char *
add_customer (Fixture    *f,
              const char *name)
{
  return sb_test_add_customer (f->book->store, name);
}

/* A 24×7 service; priority 1 has 30 min to respond, 4 h to resolve. */
static char *
add_service (Fixture    *f,
             const char *code,
             const char *name)
{
  g_autoptr(SbService) service = sb_service_new ();

  sb_service_set_code (service, code);
  sb_service_set_name (service, name);
  sb_service_set_targets (service, 1, 30, 240);
  sb_service_set_targets (service, 2, 60, 480);

  return sb_test_save_service (f->book->store, service);
}

typedef struct
{
  const char *reference;
  const char *title;
  const char *description;
  const char *service_id;
  const char *customer_id;
  int         priority;
  gboolean    major;
  const char *status;
  gint64      opened_ms;
  gint64      responded_ms;  /* 0: none */
  gint64      resolved_ms;   /* 0: none */
  const char *resolution;
} Spec;

static void
set_instant (SbChange   *change,
             const char *column,
             gint64      ms)
{
  g_autofree char *text = NULL;

  if (ms == 0)
    return;
  text = sb_time_format_instant (ms);
  sb_change_set_string (change, column, text);
}

static char *
insert_incident (SbTransaction *tx,
                 const Spec    *spec)
{
  g_autoptr(SbChange) change = sb_change_insert ("incident");
  g_autoptr(SbChange) opened = sb_change_insert ("incident_event");
  g_autoptr(GError) error = NULL;
  char *id = g_strdup (sb_change_get_id (change));

  sb_change_set_string (change, "reference", spec->reference);
  sb_change_set_string (change, "title", spec->title);
  if (spec->description != NULL)
    sb_change_set_string (change, "description", spec->description);
  if (spec->service_id != NULL)
    sb_change_set_string (change, "service_id", spec->service_id);
  if (spec->customer_id != NULL)
    sb_change_set_string (change, "customer_id", spec->customer_id);
  sb_change_set_int (change, "priority", spec->priority);
  sb_change_set_bool (change, "major", spec->major);
  sb_change_set_string (change, "status", spec->status != NULL ? spec->status : "new");
  set_instant (change, "opened_at", spec->opened_ms);
  set_instant (change, "responded_at", spec->responded_ms);
  set_instant (change, "resolved_at", spec->resolved_ms);
  if (spec->resolution != NULL)
    {
      sb_change_set_string (change, "resolution_code", "fixed");
      sb_change_set_string (change, "resolution_notes", spec->resolution);
    }
  g_assert_true (sb_transaction_apply (tx, change, &error));
  g_assert_no_error (error);

  sb_change_set_string (opened, "incident_id", id);
  set_instant (opened, "at", spec->opened_ms);
  sb_change_set_string (opened, "kind", "opened");
  g_assert_true (sb_transaction_apply (tx, opened, &error));
  g_assert_no_error (error);

  return id;
}

static char *
add_incident (Fixture    *f,
              const Spec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTransaction) tx = sb_store_begin (f->book->store, &error);
  char *id;

  g_assert_no_error (error);
  id = insert_incident (tx, spec);
  g_assert_true (sb_transaction_commit (tx, &error));
  g_assert_no_error (error);

  return id;
}

static void
add_event (Fixture    *f,
           const char *incident_id,
           gint64      at_ms,
           const char *kind,
           const char *new_value,
           const char *body)
{
  g_autoptr(SbChange) change = sb_change_insert ("incident_event");
  g_autoptr(GError) error = NULL;

  sb_change_set_string (change, "incident_id", incident_id);
  set_instant (change, "at", at_ms);
  sb_change_set_string (change, "kind", kind);
  if (new_value != NULL)
    {
      sb_change_set_string (change, "field", "status");
      sb_change_set_string (change, "new_value", new_value);
    }
  if (body != NULL)
    sb_change_set_string (change, "body", body);
  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);
}

static void
update_field (Fixture    *f,
              const char *id,
              const char *column,
              const char *value)
{
  g_autoptr(SbChange) change = sb_change_update ("incident", id);
  g_autoptr(GError) error = NULL;

  sb_change_set_string (change, column, value);
  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);
}

static void
delete_incident (Fixture    *f,
                 const char *id)
{
  g_autoptr(SbChange) change = sb_change_delete ("incident", id);
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_store_apply (f->book->store, change, &error));
  g_assert_no_error (error);
}

/*
 * The standard book, six live incidents and a deleted one:
 *   1 Mail server down      EMAIL Acme P1 major new          opened now-1h
 *   2 Printer jam at café   NET   Beta P3 in-progress         now-30h, note "fuser"
 *   3 VPN (remote) fails    NET   Acme P2 on-hold             now-5h
 *   4 Password reset        EMAIL Beta P4 resolved now-2d     now-3d
 *   5 Disk full             EMAIL Acme P2 major closed (resolved now-10d), now-12d
 *   6 Old outage            NET   —    P5 cancelled           now-40d
 *   7 Deleted mail outage   EMAIL Acme P1 new, deleted        now-2h
 * Incident 3 is edited last, so it is the most recently updated.
 */
static void
fill_standard (Fixture *f)
{
  gint64 now = f->now;
  Spec specs[] = {
    { "INC-TEST-0001", "Mail server down", "Nobody can send mail", f->email, f->acme, 1, TRUE, "new", now - HOUR, 0, 0, NULL },
    { "INC-TEST-0002", "Printer jam at café", "Paper stuck in tray two", f->net, f->beta, 3, FALSE, "in-progress", now - 30 * HOUR, now - 29 * HOUR, 0, NULL },
    { "INC-TEST-0003", "VPN (remote) fails: \"timeout\"", "Users report timeouts", f->net, f->acme, 2, FALSE, "on-hold", now - 5 * HOUR, 0, 0, NULL },
    { "INC-TEST-0004", "Password reset", NULL, f->email, f->beta, 4, FALSE, "resolved", now - 3 * DAY, now - 3 * DAY + HOUR, now - 2 * DAY, "Reset via the self-service portal" },
    { "INC-TEST-0005", "Disk full", "Logs filled the volume", f->email, f->acme, 2, TRUE, "closed", now - 12 * DAY, now - 12 * DAY + MINUTE, now - 10 * DAY, "Rotated the logs" },
    { "INC-TEST-0006", "Old outage", NULL, f->net, NULL, 5, FALSE, "cancelled", now - 40 * DAY, 0, 0, NULL },
    { "INC-TEST-0007", "Deleted mail outage", "Mail again", f->email, f->acme, 1, FALSE, "new", now - 2 * HOUR, 0, 0, NULL },
  };

  f->email = add_service (f, "EMAIL", "Email");
  f->net = add_service (f, "NET", "Network");
  f->acme = add_customer (f, "Acme");
  f->beta = add_customer (f, "Beta Corp");
  specs[0].service_id = specs[3].service_id = specs[4].service_id = specs[6].service_id = f->email;
  specs[1].service_id = specs[2].service_id = specs[5].service_id = f->net;
  specs[0].customer_id = specs[2].customer_id = specs[4].customer_id = specs[6].customer_id = f->acme;
  specs[1].customer_id = specs[3].customer_id = f->beta;

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    f->ids[i + 1] = add_incident (f, &specs[i]);

  add_event (f, f->ids[2], now - 29 * HOUR, "status", "in-progress", NULL);
  add_event (f, f->ids[2], now - 28 * HOUR, "note", NULL, "Replaced the fuser unit");
  add_event (f, f->ids[3], now - 4 * HOUR, "status", "on-hold", "awaiting-supplier");
  delete_incident (f, f->ids[7]);
  update_field (f, f->ids[3], "contact", "Maria at the front desk");
}

/* The last four characters of each matching reference, space separated. */
static char *
refs_of (Fixture *f,
         GArray  *rowids)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < rowids->len; i++)
    {
      sqlite3_stmt *stmt = sb_store_prepare (f->book->store, "SELECT reference FROM incident WHERE rowid = ?", NULL);
      const char *ref;

      sqlite3_bind_int64 (stmt, 1, g_array_index (rowids, gint64, i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      ref = (const char *)sqlite3_column_text (stmt, 0);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, strlen (ref) > 4 ? ref + strlen (ref) - 4 : ref);
      sqlite3_reset (stmt);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
query (Fixture                *f,
       const SbIncidentFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = sb_incidents_query_rowids (f->book->store, filter, f->now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rowids);

  return refs_of (f, rowids);
}

#define assert_query(f, filter, expected)          \
  G_STMT_START {                                   \
    g_autofree char *got_ = query ((f), (filter)); \
    g_assert_cmpstr (got_, ==, (expected));        \
  } G_STMT_END

static char *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();

  filter->text = g_strdup (text);
  return query (f, filter);
}

#define assert_search(f, text, expected)         \
  G_STMT_START {                                 \
    g_autofree char *got_ = search ((f), (text)); \
    g_assert_cmpstr (got_, ==, (expected));      \
  } G_STMT_END

/* Tests */

static void
test_filter_value (void)
{
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  g_autoptr(SbIncidentFilter) copy = NULL;

  g_assert_cmpint (filter->view, ==, SB_INCIDENT_VIEW_ALL);
  g_assert_cmpint (filter->sort, ==, SB_INCIDENT_SORT_OPENED);
  g_assert_true (filter->descending);
  g_assert_cmpint (filter->opened_from_ms, ==, SB_SLA_NO_TIME);
  g_assert_cmpint (filter->opened_to_ms, ==, SB_SLA_NO_TIME);

  filter->text = g_strdup ("mail");
  filter->service_id = g_strdup ("s1");
  copy = sb_incident_filter_copy (filter);
  g_assert_true (sb_incident_filter_equal (filter, copy));
  g_assert_true (copy->text != filter->text);
  g_free (copy->text);
  copy->text = g_strdup ("mails");
  g_assert_false (sb_incident_filter_equal (filter, copy));

  g_assert_cmpstr (sb_incident_view_get_label (SB_INCIDENT_VIEW_AT_RISK), ==, "At risk");
  g_assert_cmpstr (sb_incident_view_get_label (SB_INCIDENT_VIEW_RECENTLY_RESOLVED), ==, "Recently resolved");
}

static void
test_fts_query (void)
{
  g_autofree char *a = sb_incident_fts_query ("mail  server");
  g_autofree char *b = sb_incident_fts_query ("say \"hi\"");
  g_autofree char *c = sb_incident_fts_query ("( * - : \"");
  g_autofree char *d = sb_incident_fts_query ("   ");

  g_assert_cmpstr (a, ==, "\"mail\" AND \"server\"*");
  g_assert_cmpstr (b, ==, "\"say\" AND \"\"\"hi\"\"\"*");
  g_assert_null (c);
  g_assert_null (d);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  static const struct
  {
    SbIncidentSort sort;
    const char    *ascending;
  } cases[] = {
    { SB_INCIDENT_SORT_OPENED, "0006 0005 0004 0002 0003 0001" },
    { SB_INCIDENT_SORT_PRIORITY, "0001 0005 0003 0002 0004 0006" },
    { SB_INCIDENT_SORT_REFERENCE, "0001 0002 0003 0004 0005 0006" },
    { SB_INCIDENT_SORT_TITLE, "0005 0001 0006 0004 0002 0003" },
    { SB_INCIDENT_SORT_STATUS, "0001 0002 0003 0004 0005 0006" },
    { SB_INCIDENT_SORT_SERVICE, "0005 0004 0001 0006 0002 0003" },
    { SB_INCIDENT_SORT_CUSTOMER, "0006 0005 0003 0001 0004 0002" },
    { SB_INCIDENT_SORT_UPDATED, "0001 0002 0004 0005 0006 0003" },
  };

  fill_standard (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
      g_auto(GStrv) words = g_strsplit (cases[i].ascending, " ", -1);
      g_autoptr(GString) descending = g_string_new (NULL);

      for (int w = g_strv_length (words) - 1; w >= 0; w--)
        g_string_append_printf (descending, "%s%s", descending->len > 0 ? " " : "", words[w]);

      g_test_message ("sort %d", cases[i].sort);
      filter->sort = cases[i].sort;
      filter->descending = FALSE;
      assert_query (f, filter, cases[i].ascending);
      filter->descending = TRUE;
      assert_query (f, filter, descending->str);
    }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();

  fill_standard (f);

  /* Deleted incidents never appear. */
  assert_query (f, filter, "0001 0003 0002 0004 0005 0006");

  filter->statuses = (1 << SB_INCIDENT_NEW) | (1 << SB_INCIDENT_ON_HOLD);
  assert_query (f, filter, "0001 0003");
  filter->statuses = 0;

  filter->priorities = 1 << 2;
  assert_query (f, filter, "0003 0005");
  filter->priorities = (1 << 4) | (1 << 5);
  assert_query (f, filter, "0004 0006");
  filter->priorities = 0;

  filter->service_id = g_strdup (f->net);
  assert_query (f, filter, "0003 0002 0006");
  g_clear_pointer (&filter->service_id, g_free);

  filter->customer_id = g_strdup (f->beta);
  assert_query (f, filter, "0002 0004");
  g_clear_pointer (&filter->customer_id, g_free);

  /* From is inclusive, to is exclusive. */
  filter->opened_from_ms = f->now - 3 * DAY;
  filter->opened_to_ms = f->now - HOUR;
  assert_query (f, filter, "0003 0002 0004");
  filter->opened_from_ms = filter->opened_to_ms = SB_SLA_NO_TIME;

  filter->view = SB_INCIDENT_VIEW_OPEN;
  assert_query (f, filter, "0001 0003 0002");
  filter->view = SB_INCIDENT_VIEW_MAJOR;
  assert_query (f, filter, "0001");
  filter->view = SB_INCIDENT_VIEW_RECENTLY_RESOLVED;
  assert_query (f, filter, "0004");
  filter->view = SB_INCIDENT_VIEW_ALL;

  /* Combined */
  filter->view = SB_INCIDENT_VIEW_OPEN;
  filter->customer_id = g_strdup (f->acme);
  assert_query (f, filter, "0001 0003");
  filter->priorities = 1 << 2;
  assert_query (f, filter, "0003");
  filter->view = SB_INCIDENT_VIEW_ALL;
  filter->statuses = (1 << SB_INCIDENT_RESOLVED) | (1 << SB_INCIDENT_CLOSED);
  assert_query (f, filter, "0005");
  filter->service_id = g_strdup (f->net);
  assert_query (f, filter, "");
  g_clear_pointer (&filter->customer_id, g_free);
  g_clear_pointer (&filter->service_id, g_free);
  filter->statuses = 0;
  filter->priorities = 0;
  filter->view = SB_INCIDENT_VIEW_OPEN;
  filter->text = g_strdup ("printer");
  assert_query (f, filter, "0002");
  filter->sort = SB_INCIDENT_SORT_PRIORITY;
  filter->descending = FALSE;
  g_clear_pointer (&filter->text, g_free);
  assert_query (f, filter, "0001 0003 0002");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  static const char * const odd[] = {
    "\"", "\"\"", "(", ")", "()", "*", "-", ":", "mail\"", "\"mail", "(mail", "mail)",
    "NOT", "AND OR", "NEAR(mail", "title:mail", "-mail", "mail*", "^mail", "{mail}", "'", "a'b",
    "\\", "%", "_", NULL,
  };
  Spec odd_ref = { "**", "Imported with an odd reference", NULL, NULL, NULL, 3, FALSE, "new", f->now - 20 * DAY, 0, 0, NULL };
  g_autofree char *odd_id = NULL;

  fill_standard (f);

  assert_search (f, "mail", "0001");            /* title and description; 7 is deleted */
  assert_search (f, "stuck", "0002");           /* description */
  assert_search (f, "self-service", "0004");    /* resolution notes */
  assert_search (f, "rotated", "0005");
  assert_search (f, "fuser", "0002");           /* a timeline note */
  assert_search (f, "cafe", "0002");            /* diacritics */
  assert_search (f, "Café", "0002");
  assert_search (f, "pass", "0004");            /* prefix */
  assert_search (f, "paper stuck", "0002");     /* every word */
  assert_search (f, "paper mail", "");
  assert_search (f, "\"timeout\"", "0003");     /* quotes */
  assert_search (f, "VPN (remote", "0003");     /* parentheses */
  assert_search (f, "(remote) fails:", "0003");
  assert_search (f, "INC-TEST-0004", "0004");   /* a reference typed whole */
  assert_search (f, "inc-test-0004", "0004");
  assert_search (f, "   ", "0001 0003 0002 0004 0005 0006");
  assert_search (f, "", "0001 0003 0002 0004 0005 0006");

  for (guint i = 0; odd[i] != NULL; i++)
    {
      g_autofree char *got = search (f, odd[i]);

      g_test_message ("searched %s: %s", odd[i], got);
    }

  /* A reference the full-text index cannot see still matches whole. */
  odd_id = add_incident (f, &odd_ref);
  assert_search (f, "**", "**");
  assert_search (f, " ** ", "**");
}

static void
test_query_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  g_autoptr(GError) error = NULL;
  SbIncidentSort sorts[] = { SB_INCIDENT_SORT_OPENED, SB_INCIDENT_SORT_PRIORITY };

  fill_standard (f);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      for (int desc = 0; desc <= 1; desc++)
        {
          g_autofree char *plan = NULL;

          filter->sort = sorts[i];
          filter->descending = desc;
          plan = sb_incidents_query_explain (f->book->store, filter, f->now, &error);
          g_assert_no_error (error);
          g_test_message ("%s", plan);
          g_assert_nonnull (strstr (plan, sorts[i] == SB_INCIDENT_SORT_OPENED ? "incident_opened" : "incident_priority"));
          g_assert_null (strstr (plan, "TEMP B-TREE"));
        }
    }

  /* Open incidents are found through their status, not by walking the
   * whole log in date order. */
  {
    g_autofree char *plan = NULL;

    filter->sort = SB_INCIDENT_SORT_OPENED;
    filter->view = SB_INCIDENT_VIEW_OPEN;
    plan = sb_incidents_query_explain (f->book->store, filter, f->now, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (plan, "incident_status"));
  }
}

/* The list model */

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_signals++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static void
on_error (SbIncidentList *list,
          GError         *error,
          guint          *n_errors)
{
  g_test_message ("list error: %s", error->message);
  (*n_errors)++;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static SbIncidentList *
new_list (Fixture *f,
          guint   *n_errors)
{
  SbIncidentList *list = sb_incident_list_new (f->book->store);

  sb_incident_list_set_now (list, f->now);
  g_signal_connect (list, "error", G_CALLBACK (on_error), n_errors);

  return list;
}

static const char *
ref_at (GListModel *model,
        guint       position)
{
  g_autoptr(SbIncidentRow) row = g_list_model_get_item (model, position);
  static char tail[8];
  const char *ref;

  g_assert_nonnull (row);
  ref = sb_incident_row_get_reference (row);
  g_strlcpy (tail, ref + strlen (ref) - 4, sizeof tail);

  return tail;
}

static void
test_list_rows (Fixture       *f,
                gconstpointer  data)
{
  guint n_errors = 0;
  g_autoptr(SbIncidentList) list = NULL;
  g_autoptr(SbIncidentRow) row = NULL;
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  g_autofree char *service_name = NULL;
  g_autofree char *status_label = NULL;
  g_autofree char *contact = NULL;
  GListModel *model;
  guint priority = 0;
  gint64 opened = 0;
  gboolean major = FALSE;
  const char *order[] = { "0001", "0003", "0002", "0004", "0005", "0006" };

  fill_standard (f);
  list = new_list (f, &n_errors);
  model = G_LIST_MODEL (list);

  g_assert_true (g_list_model_get_item_type (model) == SB_TYPE_INCIDENT_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (ref_at (model, i), ==, order[i]);
  g_assert_null (g_list_model_get_item (model, 6));
  g_assert_null (g_list_model_get_item (model, 1000));

  row = g_list_model_get_item (model, 1);
  g_assert_cmpstr (sb_incident_row_get_id (row), ==, f->ids[3]);
  g_assert_cmpstr (sb_incident_row_get_title (row), ==, "VPN (remote) fails: \"timeout\"");
  g_assert_cmpint (sb_incident_row_get_status (row), ==, SB_INCIDENT_ON_HOLD);
  g_assert_cmpstr (sb_incident_row_get_hold_reason (row), ==, NULL);
  g_assert_cmpuint (sb_incident_row_get_priority (row), ==, 2);
  g_assert_false (sb_incident_row_get_major (row));
  g_assert_cmpstr (sb_incident_row_get_service_code (row), ==, "NET");
  g_assert_cmpstr (sb_incident_row_get_service_name (row), ==, "Network");
  g_assert_cmpstr (sb_incident_row_get_customer_name (row), ==, "Acme");
  g_assert_cmpint (sb_incident_row_get_opened_ms (row), ==, f->now - 5 * HOUR);
  /* Incident 3 was the last record written. */
  g_assert_cmpint (sb_incident_row_get_updated_ms (row), >, f->now - 30 * DAY);
  g_assert_cmpint (sb_incident_row_get_updated_ms (row), <=, f->clock);
  g_object_get (row, "service-name", &service_name, "status-label", &status_label,
                "contact", &contact, "priority", &priority, "opened-ms", &opened,
                "major", &major, NULL);
  g_assert_cmpstr (service_name, ==, "Network");
  g_assert_cmpstr (status_label, ==, sb_incident_status_get_label (SB_INCIDENT_ON_HOLD));
  g_assert_cmpstr (contact, ==, "Maria at the front desk");
  g_assert_cmpuint (priority, ==, 2);
  g_assert_cmpint (opened, ==, f->now - 5 * HOUR);
  g_assert_false (major);

  g_assert_cmpuint (sb_incident_list_find (list, f->ids[4]), ==, 3);
  g_assert_cmpuint (sb_incident_list_find (list, f->ids[7]), ==, G_MAXUINT);
  g_assert_cmpuint (sb_incident_list_find (list, "no-such-id"), ==, G_MAXUINT);

  /* A new filter: one items-changed for the whole range. */
  {
    Changes changes = { 0, };
    gulong id = g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

    filter->service_id = g_strdup (f->email);
    sb_incident_list_set_filter (list, filter);
    g_assert_cmpuint (changes.n_signals, ==, 1);
    g_assert_cmpuint (changes.removed, ==, 6);
    g_assert_cmpuint (changes.added, ==, 3);
    g_assert_true (sb_incident_filter_equal (sb_incident_list_get_filter (list), filter));
    g_assert_cmpstr (ref_at (model, 0), ==, "0001");
    g_assert_cmpuint (sb_incident_list_find (list, f->ids[3]), ==, G_MAXUINT);

    /* The same filter again changes nothing. */
    sb_incident_list_set_filter (list, filter);
    g_assert_cmpuint (changes.n_signals, ==, 1);
    g_signal_handler_disconnect (list, id);
  }

  g_assert_cmpuint (n_errors, ==, 0);
}

static void
test_list_follows_store (Fixture       *f,
                         gconstpointer  data)
{
  guint n_errors = 0;
  g_autoptr(SbIncidentList) list = NULL;
  g_autofree char *id = NULL;
  Changes changes = { 0, };
  GListModel *model;
  Spec spec = { "INC-TEST-0010", "Brand new", NULL, NULL, NULL, 3, FALSE, "new", f->now - MINUTE, 0, 0, NULL };

  fill_standard (f);
  list = new_list (f, &n_errors);
  model = G_LIST_MODEL (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpstr (ref_at (model, 0), ==, "0001");

  /* A new incident (two tables in one commit) and an edit: one reload. */
  spec.service_id = f->email;
  id = add_incident (f, &spec);
  update_field (f, f->ids[2], "title", "Printer jam fixed");
  g_assert_cmpuint (changes.n_signals, ==, 0);
  iterate ();
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 6);
  g_assert_cmpuint (changes.added, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  g_assert_cmpstr (ref_at (model, 0), ==, "0010");
  g_assert_cmpuint (sb_incident_list_find (list, id), ==, 0);

  /* The cache was dropped: the edit shows. */
  {
    g_autoptr(SbIncidentRow) row = g_list_model_get_item (model, sb_incident_list_find (list, f->ids[2]));

    g_assert_cmpstr (sb_incident_row_get_title (row), ==, "Printer jam fixed");
  }

  /* A deleted incident disappears. */
  delete_incident (f, f->ids[1]);
  iterate ();
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 7);
  g_assert_cmpuint (changes.added, ==, 6);
  g_assert_cmpuint (sb_incident_list_find (list, f->ids[1]), ==, G_MAXUINT);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpstr (ref_at (model, i), !=, "0001");

  /* A service renamed shows in the rows. */
  {
    g_autoptr(SbChange) change = sb_change_update ("service", f->email);
    g_autoptr(GError) error = NULL;
    g_autoptr(SbIncidentRow) row = NULL;

    sb_change_set_string (change, "name", "Electronic mail");
    g_assert_true (sb_store_apply (f->book->store, change, &error));
    g_assert_no_error (error);
    iterate ();
    g_assert_cmpuint (changes.n_signals, ==, 3);
    row = g_list_model_get_item (model, 0);
    g_assert_cmpstr (sb_incident_row_get_service_name (row), ==, "Electronic mail");
  }

  /* Changes elsewhere do not reload. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sb_store_set_setting (f->book->store, "some-key", "value", &error));
    g_assert_no_error (error);
    iterate ();
    g_assert_cmpuint (changes.n_signals, ==, 3);
  }

  g_assert_cmpuint (n_errors, ==, 0);
}

static void
test_list_cache_bounded (Fixture       *f,
                         gconstpointer  data)
{
  guint n_errors = 0;
  g_autoptr(SbIncidentList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbTransaction) tx = NULL;
  GListModel *model;
  guint n_cached;

  f->email = add_service (f, "EMAIL", "Email");
  tx = sb_store_begin (f->book->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *ref = g_strdup_printf ("INC-BULK-%05u", i);
      g_autofree char *title = g_strdup_printf ("Bulk incident %u", i);
      Spec spec = { ref, title, NULL, f->email, NULL, 1 + i % 5, FALSE, "new", f->now - (10000 - i) * MINUTE, 0, 0, NULL };
      g_autofree char *id = insert_incident (tx, &spec);
    }
  g_assert_true (sb_transaction_commit (tx, &error));
  g_assert_no_error (error);

  list = new_list (f, &n_errors);
  model = G_LIST_MODEL (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10000);
  g_assert_cmpuint (sb_incident_list_get_n_cached (list), ==, 0);

  /* Newest first: position p is bulk incident 9999 - p. */
  for (guint p = 0; p < 5000; p++)
    {
      g_autoptr(SbIncidentRow) row = g_list_model_get_item (model, p);
      g_autofree char *ref = g_strdup_printf ("INC-BULK-%05u", 9999 - p);

      g_assert_cmpstr (sb_incident_row_get_reference (row), ==, ref);
    }
  n_cached = sb_incident_list_get_n_cached (list);
  g_test_message ("cached after reading 5,000 rows: %u", n_cached);
  g_assert_cmpuint (n_cached, >, 0);
  g_assert_cmpuint (n_cached, <=, 500);

  /* Going back reads again and stays bounded; the last page is short. */
  {
    g_autoptr(SbIncidentRow) first = g_list_model_get_item (model, 0);
    g_autoptr(SbIncidentRow) last = g_list_model_get_item (model, 9999);

    g_assert_cmpstr (sb_incident_row_get_reference (first), ==, "INC-BULK-09999");
    g_assert_cmpstr (sb_incident_row_get_reference (last), ==, "INC-BULK-00000");
  }
  g_assert_cmpuint (sb_incident_list_get_n_cached (list), <=, 500);
  g_assert_cmpuint (n_errors, ==, 0);
}

/* SLA states. Service EMAIL, 24×7: priority 1 responds in 30 min and
 * resolves in 4 h. At "now":
 *   A new, opened 10 min ago                     within
 *   B new, opened 25 min ago                     at risk (response 83 %)
 *   C in progress, responded 10 min after opening 60 min ago   within
 *   D new, opened 2 h ago                        breached (response)
 *   E resolved 1 h ago, opened 10 h ago          breached (resolution, done)
 *   F closed, resolved 10 min after opening 3 h ago            within
 */
static void
fill_sla (Fixture *f)
{
  gint64 now = f->now;
  Spec specs[] = {
    { "INC-SLA-000A", "Clock A", NULL, NULL, NULL, 1, FALSE, "new", now - 10 * MINUTE, 0, 0, NULL },
    { "INC-SLA-000B", "Clock B", NULL, NULL, NULL, 1, FALSE, "new", now - 25 * MINUTE, 0, 0, NULL },
    { "INC-SLA-000C", "Clock C", NULL, NULL, NULL, 1, FALSE, "in-progress", now - 60 * MINUTE, now - 50 * MINUTE, 0, NULL },
    { "INC-SLA-000D", "Clock D", NULL, NULL, NULL, 1, FALSE, "new", now - 2 * HOUR, 0, 0, NULL },
    { "INC-SLA-000E", "Clock E", NULL, NULL, NULL, 1, FALSE, "resolved", now - 10 * HOUR, now - 10 * HOUR + 5 * MINUTE, now - HOUR, "Late fix" },
    { "INC-SLA-000F", "Clock F", NULL, NULL, NULL, 1, FALSE, "closed", now - 3 * HOUR, now - 3 * HOUR + 5 * MINUTE, now - 3 * HOUR + 10 * MINUTE, "Quick fix" },
  };

  f->email = add_service (f, "EMAIL", "Email");
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      specs[i].service_id = f->email;
      f->ids[i + 1] = add_incident (f, &specs[i]);
    }
  add_event (f, f->ids[3], now - 50 * MINUTE, "status", "in-progress", NULL);
  add_event (f, f->ids[5], now - 10 * HOUR + 5 * MINUTE, "status", "in-progress", NULL);
  add_event (f, f->ids[5], now - HOUR, "status", "resolved", "fixed");
  add_event (f, f->ids[6], now - 3 * HOUR + 5 * MINUTE, "status", "in-progress", NULL);
  add_event (f, f->ids[6], now - 3 * HOUR + 10 * MINUTE, "status", "resolved", "fixed");
  add_event (f, f->ids[6], now - 2 * HOUR, "status", "closed", NULL);
}

static void
test_sla_filters (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();

  fill_sla (f);

  assert_query (f, filter, "000A 000B 000C 000D 000F 000E");
  filter->view = SB_INCIDENT_VIEW_AT_RISK;
  assert_query (f, filter, "000B");
  filter->view = SB_INCIDENT_VIEW_BREACHED;
  assert_query (f, filter, "000D");
  filter->view = SB_INCIDENT_VIEW_ALL;

  /* Non-open incidents are computed too when the filter asks for states. */
  filter->sla_states = 1 << SB_SLA_STATE_BREACHED;
  assert_query (f, filter, "000D 000E");
  filter->sla_states = 1 << SB_SLA_STATE_WITHIN;
  assert_query (f, filter, "000A 000C 000F");
  filter->sla_states = (1 << SB_SLA_STATE_WITHIN) | (1 << SB_SLA_STATE_AT_RISK);
  filter->sort = SB_INCIDENT_SORT_REFERENCE;
  filter->descending = FALSE;
  assert_query (f, filter, "000A 000B 000C 000F");
  filter->view = SB_INCIDENT_VIEW_OPEN;
  assert_query (f, filter, "000A 000B 000C");
  filter->view = SB_INCIDENT_VIEW_BREACHED;
  assert_query (f, filter, "");

  /* Later, A is at risk too. */
  filter->view = SB_INCIDENT_VIEW_AT_RISK;
  filter->sla_states = 0;
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) rowids = sb_incidents_query_rowids (f->book->store, filter, f->now + 15 * MINUTE, &error);
    g_autofree char *refs = NULL;

    g_assert_no_error (error);
    refs = refs_of (f, rowids);
    g_assert_cmpstr (refs, ==, "000A");   /* B is breached by then */
  }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_sla_rows (Fixture       *f,
               gconstpointer  data)
{
  guint n_errors = 0;
  g_autoptr(SbIncidentList) list = NULL;
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  GListModel *model;
  const SbSla *sla;

  fill_sla (f);
  list = new_list (f, &n_errors);
  model = G_LIST_MODEL (list);
  filter->sort = SB_INCIDENT_SORT_REFERENCE;
  filter->descending = FALSE;
  sb_incident_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);

  {
    g_autoptr(SbIncidentRow) a = g_list_model_get_item (model, 0);
    g_autoptr(SbIncidentRow) b = g_list_model_get_item (model, 1);
    g_autoptr(SbIncidentRow) c = g_list_model_get_item (model, 2);
    g_autoptr(SbIncidentRow) d = g_list_model_get_item (model, 3);
    g_autoptr(SbIncidentRow) e = g_list_model_get_item (model, 4);
    g_autoptr(SbIncidentRow) row_f = g_list_model_get_item (model, 5);
    g_autofree char *a_text = NULL;
    g_autofree char *c_text = NULL;
    g_autofree char *d_text = NULL;
    g_autofree char *e_text = NULL;
    int state = -1;

    /* The response clock until responded, then the resolution clock. */
    sla = sb_incident_row_get_sla (a);
    a_text = sb_sla_clock_describe (&sla->response, f->now);
    g_assert_cmpint (sb_incident_row_get_sla_state (a), ==, SB_SLA_STATE_WITHIN);
    g_assert_cmpstr (sb_incident_row_get_sla_text (a), ==, a_text);
    g_assert_cmpint (sb_incident_row_get_sla_state (b), ==, SB_SLA_STATE_AT_RISK);
    sla = sb_incident_row_get_sla (c);
    c_text = sb_sla_clock_describe (&sla->resolution, f->now);
    g_assert_cmpint (sb_incident_row_get_sla_state (c), ==, SB_SLA_STATE_WITHIN);
    g_assert_cmpstr (sb_incident_row_get_sla_text (c), ==, c_text);
    sla = sb_incident_row_get_sla (d);
    d_text = sb_sla_clock_describe (&sla->response, f->now);
    g_assert_cmpint (sb_incident_row_get_sla_state (d), ==, SB_SLA_STATE_BREACHED);
    g_assert_cmpstr (sb_incident_row_get_sla_text (d), ==, d_text);
    sla = sb_incident_row_get_sla (e);
    e_text = sb_sla_clock_describe (&sla->resolution, f->now);
    g_assert_cmpint (sb_incident_row_get_sla_state (e), ==, SB_SLA_STATE_BREACHED);
    g_assert_cmpstr (sb_incident_row_get_sla_text (e), ==, e_text);
    /* Closed within target: nothing to say. */
    g_assert_cmpint (sb_incident_row_get_sla_state (row_f), ==, SB_SLA_STATE_WITHIN);
    g_assert_cmpstr (sb_incident_row_get_sla_text (row_f), ==, "");

    /* Time passes: cached rows are recomputed and tell their bindings. */
    g_signal_connect (a, "notify", G_CALLBACK (on_notify), log);
    g_signal_connect (row_f, "notify", G_CALLBACK (on_notify), log);
    sb_incident_list_set_now (list, f->now + 15 * MINUTE);
    sb_incident_list_refresh_clocks (list);
    g_assert_cmpint (sb_incident_row_get_sla_state (a), ==, SB_SLA_STATE_AT_RISK);
    g_object_get (a, "sla-state", &state, NULL);
    g_assert_cmpint (state, ==, SB_SLA_STATE_AT_RISK);
    g_assert_nonnull (strstr (log->str, "sla-state;"));
    g_assert_nonnull (strstr (log->str, "sla-text;"));
    g_assert_cmpstr (sb_incident_row_get_sla_text (row_f), ==, "");
  }

  /* The SLA views as lists. */
  filter->view = SB_INCIDENT_VIEW_BREACHED;
  sb_incident_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (ref_at (model, 0), ==, "000B");
  g_assert_cmpstr (ref_at (model, 1), ==, "000D");

  /* A minute later the same incidents: nothing moves. Two hours later
   * A has breached too: one change for the whole range. */
  {
    Changes changes = { 0, };

    g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
    sb_incident_list_set_now (list, f->now + 16 * MINUTE);
    sb_incident_list_refresh_clocks (list);
    g_assert_cmpuint (changes.n_signals, ==, 0);
    sb_incident_list_set_now (list, f->now + 2 * HOUR);
    sb_incident_list_refresh_clocks (list);
    g_assert_cmpuint (changes.n_signals, ==, 1);
    g_assert_cmpuint (changes.removed, ==, 2);
    g_assert_cmpuint (changes.added, ==, 3);
    g_assert_cmpstr (ref_at (model, 0), ==, "000A");
  }
  g_assert_cmpuint (n_errors, ==, 0);
}

/* A failing query empties the list and says why. */
static void
test_list_error (Fixture       *f,
                 gconstpointer  data)
{
  guint n_errors = 0;
  g_autoptr(SbIncidentList) list = NULL;
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  Changes changes = { 0, };

  fill_standard (f);
  list = new_list (f, &n_errors);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  g_assert_true (sb_store_exec (f->book->store, "DROP TABLE incident_note_fts", &error));
  g_assert_no_error (error);

  filter->text = g_strdup ("mail");
  rowids = sb_incidents_query_rowids (f->book->store, filter, f->now, &error);
  g_assert_null (rowids);
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "incident_note_fts"));

  sb_incident_list_set_filter (list, filter);
  g_assert_cmpuint (n_errors, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 6);
  g_assert_cmpuint (changes.added, ==, 0);
}

/* The whole way through the incident write path: what it records is
 * what the list finds. */
static void
test_write_path (Fixture       *f,
                 gconstpointer  data)
{
  guint n_errors = 0;
  g_autoptr(SbIncidentList) list = NULL;
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SbIncident) x = sb_incident_new ();
  g_autoptr(SbIncident) y = sb_incident_new ();
  g_autoptr(SbIncident) z = sb_incident_new ();
  g_autofree char *y_ref = NULL;
  GListModel *model;
  gint64 now = f->now;

  f->clock = now - 3 * DAY;
  f->email = add_service (f, "EMAIL", "Email");
  f->clock = now;

  sb_incident_set_title (x, "Scanner offline");
  sb_incident_set_service_id (x, f->email);
  sb_incident_set_impact (x, 1);
  sb_incident_set_urgency (x, 1);
  sb_incident_set_opened_ms (x, now - 20 * MINUTE);
  g_assert_true (sb_incidents_create (f->book->store, x, &error));
  g_assert_no_error (error);

  sb_incident_set_title (y, "Shared drive slow");
  sb_incident_set_service_id (y, f->email);
  sb_incident_set_impact (y, 1);
  sb_incident_set_urgency (y, 1);
  sb_incident_set_opened_ms (y, now - 3 * HOUR);
  g_assert_true (sb_incidents_create (f->book->store, y, &error));
  g_assert_no_error (error);
  y_ref = g_strdup (sb_incident_get_reference (y));
  g_assert_true (sb_incidents_respond (f->book->store, sb_incident_get_id (y), "Looking into the quota",
                                       5, now - 3 * HOUR + 10 * MINUTE, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_hold (f->book->store, sb_incident_get_id (y), "awaiting-customer", NULL,
                                    0, now - 3 * HOUR + 20 * MINUTE, &error));
  g_assert_no_error (error);

  sb_incident_set_title (z, "Café terminal broken");
  sb_incident_set_service_id (z, f->email);
  sb_incident_set_impact (z, 1);
  sb_incident_set_urgency (z, 1);
  sb_incident_set_opened_ms (z, now - 2 * DAY);
  g_assert_true (sb_incidents_create (f->book->store, z, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_respond (f->book->store, sb_incident_get_id (z), NULL, 0,
                                       now - 2 * DAY + 5 * MINUTE, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incidents_resolve (f->book->store, sb_incident_get_id (z), "fixed",
                                       "Replaced the card reader", NULL, 30, now - DAY, &error));
  g_assert_no_error (error);

  {
    g_autofree char *by_note = search (f, "quota");
    g_autofree char *by_resolution = search (f, "reader");
    g_autofree char *by_title = search (f, "cafe term");
    g_autofree char *by_reference = search (f, y_ref);
    g_autofree char *y_tail = g_strdup (y_ref + strlen (y_ref) - 4);
    g_autofree char *z_tail = g_strdup (sb_incident_get_reference (z) + strlen (sb_incident_get_reference (z)) - 4);

    g_assert_cmpstr (by_note, ==, y_tail);
    g_assert_cmpstr (by_resolution, ==, z_tail);
    g_assert_cmpstr (by_title, ==, z_tail);
    g_assert_cmpstr (by_reference, ==, y_tail);
  }

  list = new_list (f, &n_errors);
  model = G_LIST_MODEL (list);
  filter->view = SB_INCIDENT_VIEW_OPEN;
  sb_incident_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  {
    g_autoptr(SbIncidentRow) first = g_list_model_get_item (model, 0);
    g_autoptr(SbIncidentRow) second = g_list_model_get_item (model, 1);
    g_autofree char *paused = NULL;
    const SbSla *sla;

    g_assert_cmpstr (sb_incident_row_get_id (first), ==, sb_incident_get_id (x));
    g_assert_cmpuint (sb_incident_row_get_priority (first), ==, 1);
    g_assert_cmpint (sb_incident_row_get_sla_state (first), ==, SB_SLA_STATE_WITHIN);
    g_assert_cmpstr (sb_incident_row_get_id (second), ==, sb_incident_get_id (y));
    g_assert_cmpint (sb_incident_row_get_status (second), ==, SB_INCIDENT_ON_HOLD);
    g_assert_cmpstr (sb_incident_row_get_hold_reason (second), ==, "awaiting-customer");

    /* Responded, then on hold for the customer: the resolution clock
     * is paused with 4 h - 20 min left. */
    sla = sb_incident_row_get_sla (second);
    g_assert_true (sla->response.done);
    g_assert_true (sla->resolution.paused);
    g_assert_cmpint (sla->resolution.elapsed_minutes, ==, 20);
    paused = sb_sla_clock_describe (&sla->resolution, now);
    g_assert_cmpstr (sb_incident_row_get_sla_text (second), ==, paused);
  }

  /* Five minutes on, the scanner's response is at risk. */
  filter->view = SB_INCIDENT_VIEW_AT_RISK;
  sb_incident_list_set_now (list, now + 5 * MINUTE);
  sb_incident_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (sb_incident_list_find (list, sb_incident_get_id (x)), ==, 0);

  filter->view = SB_INCIDENT_VIEW_RECENTLY_RESOLVED;
  sb_incident_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (sb_incident_list_find (list, sb_incident_get_id (z)), ==, 0);

  /* Deleted through the write path: gone from the list. */
  filter->view = SB_INCIDENT_VIEW_ALL;
  sb_incident_list_set_filter (list, filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (sb_incidents_delete (f->book->store, sb_incident_get_id (x), &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (sb_incident_list_find (list, sb_incident_get_id (x)), ==, G_MAXUINT);
  g_assert_cmpuint (n_errors, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/incident-list/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/store/incident-list/filter-value", test_filter_value);
  g_test_add_func ("/store/incident-list/fts-query", test_fts_query);
  ADD ("sort", test_sort);
  ADD ("filters", test_filters);
  ADD ("search", test_search);
  ADD ("query-plan", test_query_plan);
  ADD ("list-rows", test_list_rows);
  ADD ("list-follows-store", test_list_follows_store);
  ADD ("list-cache-bounded", test_list_cache_bounded);
  ADD ("list-error", test_list_error);
  ADD ("sla-filters", test_sla_filters);
  ADD ("sla-rows", test_sla_rows);
  ADD ("write-path", test_write_path);

  return g_test_run ();
}
