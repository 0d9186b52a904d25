/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "sb-catalog.h"
#include "sb-incident-csv-private.h"
#include "sb-test-utils.h"
#include "sb-time.h"

/* Importing incidents from other tools' CSV exports on real books: the
 * guessed mapping, dates, value mappings, event logs collapsed with
 * their history, messy lines, re-import, undo, unknown services and
 * customers, the remembered mapping and the export round trip. */

/* 2026-06-01T00:00:00.000Z: after every date of the fixtures */
#define NOW G_GINT64_CONSTANT (1780272000000)

typedef struct
{
  SbTestBook *book;
} Fixture;

static SbStore *
open_book (const char *path)
{
  SbStore *store = sb_test_store_open (path);

  sb_test_store_set_fixed_clock (store, NOW);

  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = sb_test_book_new ();
  sb_test_store_set_fixed_clock (f->book->store, NOW);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->book, sb_test_book_free);
}

static gint64
count (SbStore    *store,
       const char *sql,
       const char *arg)
{
  return sb_test_store_count (store, sql, arg);
}

static char *
text (SbStore    *store,
      const char *sql,
      const char *arg)
{
  return sb_test_store_text (store, sql, arg);
}

static GFile *
fixture_file (const char *name)
{
  const char *source_dir = g_getenv ("SERVICEBOOK_SOURCE_DIR");

  g_assert_nonnull (source_dir);

  return g_file_new_build_filename (source_dir, "tests", "fixtures", name, NULL);
}

static SbIncidentImport *
open_import (SbStore    *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fixture_file (name);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  SbIncidentImport *import = sb_incident_import_new (store, file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  sb_incident_import_set_time_zone (import, utc);

  return import;
}

static int
column_named (SbIncidentImport *import,
              const char       *name)
{
  for (guint c = 0; c < sb_incident_import_get_n_columns (import); c++)
    if (g_str_equal (sb_incident_import_get_column_name (import, c), name))
      return (int)c;

  g_assert_not_reached ();
  return -1;
}

static const SbIncidentImportItem *
item_for (SbIncidentImport *import,
          const char       *reference)
{
  for (guint i = 0; i < sb_incident_import_get_n_items (import); i++)
    {
      const SbIncidentImportItem *item = sb_incident_import_get_item (import, i);

      if (g_strcmp0 (item->reference, reference) == 0)
        return item;
    }

  g_error ("no item for %s", reference);
}

static char *
apply (SbIncidentImport *import)
{
  g_autoptr(GError) error = NULL;
  char *batch = NULL;

  g_assert_true (sb_incident_import_plan (import, &error));
  g_assert_no_error (error);
  g_assert_true (sb_incident_import_apply (import, &batch, &error));
  g_assert_no_error (error);

  return batch;
}

static gint64
ms (const char *iso)
{
  gint64 value = 0;

  g_assert_true (sb_time_parse_instant (iso, &value, NULL));

  return value;
}

/* ------------------------------------------------------------------ */

static void
test_parse_time (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) madrid = g_time_zone_new_identifier ("Europe/Madrid");
  static const struct
  {
    const char   *text;
    SbDateFormat  format;
    const char   *expected;
  } good[] = {
    { "2026-10-31 14:05", SB_DATE_FORMAT_ISO, "2026-10-31T14:05:00.000Z" },
    { "2026-10-31T14:05:09", SB_DATE_FORMAT_ISO, "2026-10-31T14:05:09.000Z" },
    { "2026-10-31T14:05:09Z", SB_DATE_FORMAT_DAY_FIRST, "2026-10-31T14:05:09.000Z" },
    { "2026-10-31T14:05:09.250+01:00", SB_DATE_FORMAT_ISO, "2026-10-31T13:05:09.250Z" },
    { "2026-10-31", SB_DATE_FORMAT_ISO, "2026-10-31T00:00:00.000Z" },
    { "31/10/2026 14:05", SB_DATE_FORMAT_DAY_FIRST, "2026-10-31T14:05:00.000Z" },
    { "31.10.2026 14:05:30", SB_DATE_FORMAT_DAY_FIRST, "2026-10-31T14:05:30.000Z" },
    { "31-10-2026", SB_DATE_FORMAT_DAY_FIRST, "2026-10-31T00:00:00.000Z" },
    { "10/31/2026 2:05 PM", SB_DATE_FORMAT_MONTH_FIRST, "2026-10-31T14:05:00.000Z" },
    { "10/31/2026 12:05:09 AM", SB_DATE_FORMAT_MONTH_FIRST, "2026-10-31T00:05:09.000Z" },
    { "1/2/26 9:00", SB_DATE_FORMAT_MONTH_FIRST, "2026-01-02T09:00:00.000Z" },
  };
  static const char * const impossible[] = {
    "31/02/2026 10:00", "30/13/2026", "2026-02-29", "01/01/2026 25:00", NULL,
  };
  gint64 value = 0;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;

      g_assert_true (sb_incident_csv_parse_time (good[i].text, good[i].format, utc, &value,
                                                 &error));
      g_assert_no_error (error);
      formatted = sb_time_format_instant (value);
      g_assert_cmpstr (formatted, ==, good[i].expected);
    }

  for (guint i = 0; impossible[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sb_incident_csv_parse_time (impossible[i], SB_DATE_FORMAT_DAY_FIRST, utc,
                                                  &value, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, impossible[i]));
    }

  /* Without an offset, in the import's zone: summer time in Madrid */
  g_assert_true (sb_incident_csv_parse_time ("2026-07-01 12:00", SB_DATE_FORMAT_ISO, madrid,
                                             &value, NULL));
  g_assert_cmpint (value, ==, ms ("2026-07-01T10:00:00.000Z"));

  g_assert_false (sb_incident_csv_parse_time ("yesterday", SB_DATE_FORMAT_ISO, utc, &value,
                                              NULL));
}

static void
test_guess_values (void)
{
  static const struct
  {
    SbIncidentField field;
    const char     *source;
    const char     *target;
  } cases[] = {
    { SB_INCIDENT_FIELD_PRIORITY, "2 - High", "2" },
    { SB_INCIDENT_FIELD_PRIORITY, "P1", "1" },
    { SB_INCIDENT_FIELD_PRIORITY, "Priority 4", "4" },
    { SB_INCIDENT_FIELD_PRIORITY, "Critical", "1" },
    { SB_INCIDENT_FIELD_PRIORITY, "Planning", "5" },
    { SB_INCIDENT_FIELD_PRIORITY, "Niedrig", "4" },
    { SB_INCIDENT_FIELD_IMPACT, "2 - Medium", "2" },
    { SB_INCIDENT_FIELD_IMPACT, "Alta", "1" },
    { SB_INCIDENT_FIELD_URGENCY, "Low", "3" },
    { SB_INCIDENT_FIELD_URGENCY, "7", NULL },
    { SB_INCIDENT_FIELD_STATUS, "Work in progress", "in-progress" },
    { SB_INCIDENT_FIELD_STATUS, "Pending customer", "on-hold:awaiting-customer" },
    { SB_INCIDENT_FIELD_STATUS, "Awaiting user info", "on-hold:awaiting-customer" },
    { SB_INCIDENT_FIELD_STATUS, "Awaiting Vendor", "on-hold:awaiting-supplier" },
    { SB_INCIDENT_FIELD_STATUS, "On Hold", "on-hold" },
    { SB_INCIDENT_FIELD_STATUS, "Canceled", "cancelled" },
    { SB_INCIDENT_FIELD_STATUS, "Solved", "resolved" },
    { SB_INCIDENT_FIELD_STATUS, "Geschlossen", "closed" },
    { SB_INCIDENT_FIELD_STATUS, "Nuevo", "new" },
    { SB_INCIDENT_FIELD_STATUS, "Parked", NULL },
    { SB_INCIDENT_FIELD_CHANNEL, "E-mail", "email" },
    { SB_INCIDENT_FIELD_CHANNEL, "Walk-in", "walk-in" },
    { SB_INCIDENT_FIELD_CHANNEL, "Self-service", "other" },
    { SB_INCIDENT_FIELD_CHANNEL, "Event", "monitoring" },
    { SB_INCIDENT_FIELD_MAJOR, "x", "yes" },
    { SB_INCIDENT_FIELD_MAJOR, "FALSE", "no" },
    { SB_INCIDENT_FIELD_RESOLUTION_CODE, "Solved (Work Around)", "workaround" },
    { SB_INCIDENT_FIELD_RESOLUTION_CODE, "Not Solved (Not Reproducible)", "no-fault-found" },
    { SB_INCIDENT_FIELD_RESOLUTION_CODE, "Solved (Permanently)", "fixed" },
  };
  guint minutes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *target = sb_import_guess_value (cases[i].field, cases[i].source);

      g_test_message ("%s", cases[i].source);
      g_assert_cmpstr (target, ==, cases[i].target);
    }

  g_assert_true (sb_import_parse_minutes ("90", &minutes));
  g_assert_cmpuint (minutes, ==, 90);
  g_assert_true (sb_import_parse_minutes ("1:30", &minutes));
  g_assert_cmpuint (minutes, ==, 90);
  g_assert_true (sb_import_parse_minutes ("1h 30m", &minutes));
  g_assert_cmpuint (minutes, ==, 90);
  g_assert_true (sb_import_parse_minutes ("1,5 h", &minutes));
  g_assert_cmpuint (minutes, ==, 90);
  g_assert_false (sb_import_parse_minutes ("lots", &minutes));
}

static void
test_servicenow (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-servicenow.csv");
  g_autoptr(SbIncident) closed = NULL;
  g_autoptr(SbIncident) held = NULL;
  g_autoptr(SbIncident) fresh = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) services = NULL;
  g_autoptr(SbService) email = NULL;

  g_assert_false (sb_incident_import_mapping_was_remembered (import));
  g_assert_cmpint (sb_incident_import_get_mapping (import, column_named (import, "Number")), ==,
                   SB_INCIDENT_FIELD_REFERENCE);
  g_assert_cmpint (sb_incident_import_get_mapping (import,
                                                   column_named (import, "Short description")),
                   ==, SB_INCIDENT_FIELD_TITLE);
  g_assert_cmpint (sb_incident_import_get_mapping (import, column_named (import, "Caller")), ==,
                   SB_INCIDENT_FIELD_CONTACT);
  g_assert_cmpint (sb_incident_import_get_mapping (import, column_named (import, "Company")), ==,
                   SB_INCIDENT_FIELD_CUSTOMER);
  g_assert_cmpint (sb_incident_import_get_mapping (import, column_named (import, "Close notes")),
                   ==, SB_INCIDENT_FIELD_RESOLUTION_NOTES);
  g_assert_cmpint (sb_incident_import_get_mapping (import,
                                                   column_named (import, "Assignment group")),
                   ==, SB_INCIDENT_FIELD_IGNORE);
  g_assert_cmpint (sb_incident_import_get_date_format (import), ==, SB_DATE_FORMAT_ISO);
  g_assert_cmpstr (sb_incident_import_get_value_mapping (import, SB_INCIDENT_FIELD_PRIORITY,
                                                         "2 - High"), ==, "2");
  g_assert_cmpstr (sb_incident_import_get_value_mapping (import, SB_INCIDENT_FIELD_STATUS,
                                                         "Pending customer"),
                   ==, "on-hold:awaiting-customer");

  g_assert_true (sb_incident_import_plan (import, NULL));
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, 5);
  g_assert_cmpuint (sb_incident_import_get_n_problems (import), ==, 0);
  services = sb_incident_import_get_unknown_services (import);
  g_assert_cmpuint (g_strv_length (services), ==, 3);
  summary = sb_incident_import_summarize (import);
  g_assert_nonnull (strstr (summary, "5 incidents will be imported."));
  g_assert_nonnull (strstr (summary, "3 services will be created: EMAIL, Printing, Remote access"));
  g_assert_nonnull (strstr (summary, "2 customers will be created"));

  batch = apply (import);
  g_assert_nonnull (batch);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident WHERE import_batch = ?", batch),
                   ==, 5);

  closed = sb_incidents_find (f->book->store, "INC0010001");
  g_assert_nonnull (closed);
  g_assert_cmpint (sb_incident_get_status (closed), ==, SB_INCIDENT_CLOSED);
  g_assert_cmpuint (sb_incident_get_priority (closed), ==, 2);
  g_assert_cmpuint (sb_incident_get_impact (closed), ==, 1);
  g_assert_cmpuint (sb_incident_get_urgency (closed), ==, 2);
  g_assert_null (sb_incident_get_priority_reason (closed));
  g_assert_cmpstr (sb_incident_get_contact (closed), ==, "Maria Lopez");
  g_assert_cmpstr (sb_incident_get_channel (closed), ==, "phone");
  g_assert_cmpstr (sb_incident_get_resolution_code (closed), ==, "fixed");
  g_assert_cmpstr (sb_incident_get_resolution_notes (closed), ==,
                   "Reset the ActiveSync partnership");
  g_assert_cmpstr (sb_incident_get_description (closed), ==,
                   "Since this morning phones do not sync.\nOutlook on PCs works.");
  g_assert_cmpint (sb_incident_get_opened_ms (closed), ==, ms ("2026-03-02T09:15:00.000Z"));
  g_assert_cmpint (sb_incident_get_resolved_ms (closed), ==, ms ("2026-03-02T11:40:00.000Z"));
  g_assert_cmpint (sb_incident_get_closed_ms (closed), ==, ms ("2026-03-05T08:00:00.000Z"));
  g_assert_cmpint (sb_incident_get_responded_ms (closed), !=, SB_INCIDENT_NO_TIME);
  email = sb_catalog_find_service (f->book->store, "EMAIL");
  g_assert_nonnull (email);
  g_assert_cmpstr (sb_incident_get_service_id (closed), ==, sb_service_get_id (email));

  /* The status history is on the timeline at its real times, so the
   * clocks come out right: opened, in progress, resolved, closed. */
  timeline = sb_incidents_list_timeline (f->book->store, sb_incident_get_id (closed), NULL);
  g_assert_cmpuint (timeline->len, ==, 4);
  g_assert_cmpstr (sb_incident_event_get_kind (g_ptr_array_index (timeline, 0)), ==, "opened");
  g_assert_cmpstr (sb_incident_event_get_new_value (g_ptr_array_index (timeline, 2)), ==,
                   "resolved");
  g_assert_cmpint (sb_incident_event_get_at_ms (g_ptr_array_index (timeline, 2)), ==,
                   ms ("2026-03-02T11:40:00.000Z"));
  g_assert_cmpstr (sb_incident_event_get_new_value (g_ptr_array_index (timeline, 3)), ==,
                   "closed");
  g_assert_cmpint (sb_incident_event_get_at_ms (g_ptr_array_index (timeline, 3)), ==,
                   ms ("2026-03-05T08:00:00.000Z"));

  held = sb_incidents_find (f->book->store, "INC0010003");
  g_assert_cmpint (sb_incident_get_status (held), ==, SB_INCIDENT_ON_HOLD);
  g_assert_cmpstr (sb_incident_get_hold_reason (held), ==, "awaiting-customer");
  g_assert_cmpstr (sb_incident_get_channel (held), ==, "email");

  fresh = sb_incidents_find (f->book->store, "INC0010005");
  g_assert_cmpint (sb_incident_get_status (fresh), ==, SB_INCIDENT_NEW);
  g_assert_cmpuint (sb_incident_get_priority (fresh), ==, 5);
  g_assert_cmpstr (sb_incident_get_channel (fresh), ==, "other");
  g_assert_null (sb_incident_get_service_id (fresh));

  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM service WHERE deleted = 0", NULL), ==, 3);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM customer WHERE deleted = 0", NULL), ==,
                   2);
  {
    g_autofree char *created = text (f->book->store,
                                     "SELECT created_services FROM import_batch WHERE id = ?",
                                     batch);
    g_auto(GStrv) ids = g_strsplit (created, ",", -1);

    g_assert_cmpuint (g_strv_length (ids), ==, 3);
  }
}

static void
test_day_first (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-dayfirst.csv");
  g_autoptr(SbIncident) printer = NULL;
  g_autoptr(SbIncident) office = NULL;
  g_autofree char *batch = NULL;

  g_assert_cmpint (sb_incident_import_get_n_columns (import), ==, 8);
  g_assert_cmpint (sb_incident_import_get_date_format (import), ==, SB_DATE_FORMAT_DAY_FIRST);
  g_assert_cmpint (sb_incident_import_get_mapping (import, 0), ==, SB_INCIDENT_FIELD_REFERENCE);
  g_assert_cmpint (sb_incident_import_get_mapping (import, 4), ==, SB_INCIDENT_FIELD_PRIORITY);
  g_assert_cmpint (sb_incident_import_get_mapping (import, 7), ==, SB_INCIDENT_FIELD_RESOLVED);

  batch = apply (import);
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, 3);

  printer = sb_incidents_find (f->book->store, "T-100");
  g_assert_cmpint (sb_incident_get_status (printer), ==, SB_INCIDENT_CLOSED);
  g_assert_cmpuint (sb_incident_get_priority (printer), ==, 2);
  g_assert_cmpint (sb_incident_get_opened_ms (printer), ==, ms ("2026-01-13T08:30:00.000Z"));
  g_assert_cmpint (sb_incident_get_resolved_ms (printer), ==, ms ("2026-01-14T10:00:00.000Z"));

  office = sb_incidents_find (f->book->store, "T-101");
  g_assert_cmpint (sb_incident_get_status (office), ==, SB_INCIDENT_IN_PROGRESS);
  g_assert_cmpstr (sb_incident_get_title (office), ==, "Kein Internet im Büro");
  g_assert_nonnull (sb_catalog_find_customer (f->book->store, "Café Central"));
}

static void
test_month_first (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-monthfirst.csv");
  g_autoptr(SbIncident) laptop = NULL;
  g_autoptr(SbIncident) outlook = NULL;
  g_autofree char *batch = NULL;

  g_assert_cmpint (sb_incident_import_get_date_format (import), ==, SB_DATE_FORMAT_MONTH_FIRST);
  batch = apply (import);
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, 3);

  laptop = sb_incidents_find (f->book->store, "HD-1");
  g_assert_cmpint (sb_incident_get_opened_ms (laptop), ==, ms ("2026-01-13T14:05:00.000Z"));
  g_assert_cmpint (sb_incident_get_resolved_ms (laptop), ==, ms ("2026-01-13T16:30:00.000Z"));
  g_assert_cmpint (sb_incident_get_status (laptop), ==, SB_INCIDENT_RESOLVED);
  g_assert_cmpuint (sb_incident_get_priority (laptop), ==, 1);
  g_assert_cmpstr (sb_incident_get_contact (laptop), ==, "jane@example.com");

  outlook = sb_incidents_find (f->book->store, "HD-3");
  g_assert_cmpint (sb_incident_get_opened_ms (outlook), ==, ms ("2026-03-04T11:15:30.000Z"));
  g_assert_cmpint (sb_incident_get_status (outlook), ==, SB_INCIDENT_ON_HOLD);
  g_assert_cmpstr (sb_incident_get_hold_reason (outlook), ==, "other");
}

static void
test_event_log (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-eventlog.csv");
  g_autoptr(SbIncident) web = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *summary = NULL;
  const SbIncidentImportItem *item;
  static const struct
  {
    const char *at;
    const char *kind;
    const char *field;
    const char *new_value;
    const char *body;
    guint       minutes;
  } expected[] = {
    { "2026-04-01T09:00:00.000Z", "opened", NULL, NULL, NULL, 0 },
    { "2026-04-01T09:20:00.000Z", "status", "status", "in-progress", NULL, 0 },
    { "2026-04-01T09:20:00.000Z", "note", NULL, NULL, "Looking at the web server", 15 },
    { "2026-04-01T10:00:00.000Z", "status", "status", "on-hold", "awaiting-supplier", 0 },
    { "2026-04-01T10:00:00.000Z", "field", "priority", "1", NULL, 0 },
    { "2026-04-01T10:00:00.000Z", "note", NULL, NULL, "Hosting provider asked", 0 },
    { "2026-04-01T12:30:00.000Z", "status", "status", "resolved", "other", 0 },
    { "2026-04-01T12:30:00.000Z", "note", NULL, NULL, "Provider restarted the server", 30 },
    { "2026-04-02T08:00:00.000Z", "status", "status", "closed", NULL, 0 },
  };

  g_assert_cmpint (sb_incident_import_get_mapping (import, column_named (import, "Updated")), ==,
                   SB_INCIDENT_FIELD_EVENT_TIME);
  g_assert_cmpint (sb_incident_import_get_mapping (import, column_named (import, "Comments")), ==,
                   SB_INCIDENT_FIELD_NOTE);
  g_assert_cmpint (sb_incident_import_get_mapping (import, column_named (import, "Time spent")),
                   ==, SB_INCIDENT_FIELD_TIME_SPENT);

  g_assert_true (sb_incident_import_plan (import, NULL));
  g_assert_cmpuint (sb_incident_import_get_n_items (import), ==, 2);
  item = item_for (import, "INC-7");
  g_assert_cmpuint (item->n_rows, ==, 6);
  g_assert_cmpuint (item->line, ==, 2);
  g_assert_cmpuint (item->n_events, ==, G_N_ELEMENTS (expected) - 1);
  summary = sb_incident_import_summarize (import);
  g_assert_nonnull (strstr (summary, "2 incidents will be imported from 7 rows (an event log)."));

  batch = apply (import);

  web = sb_incidents_find (f->book->store, "INC-7");
  g_assert_cmpint (sb_incident_get_status (web), ==, SB_INCIDENT_CLOSED);
  g_assert_cmpuint (sb_incident_get_priority (web), ==, 1);
  g_assert_cmpint (sb_incident_get_responded_ms (web), ==, ms ("2026-04-01T09:20:00.000Z"));
  g_assert_cmpint (sb_incident_get_resolved_ms (web), ==, ms ("2026-04-01T12:30:00.000Z"));
  g_assert_cmpint (sb_incident_get_closed_ms (web), ==, ms ("2026-04-02T08:00:00.000Z"));
  g_assert_cmpint (sb_incidents_get_time_spent (f->book->store, sb_incident_get_id (web)), ==, 45);

  timeline = sb_incidents_list_timeline (f->book->store, sb_incident_get_id (web), NULL);
  g_assert_cmpuint (timeline->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SbIncidentEvent *e = g_ptr_array_index (timeline, i);
      g_autofree char *at = sb_time_format_instant (sb_incident_event_get_at_ms (e));

      g_test_message ("entry %u", i);
      g_assert_cmpstr (at, ==, expected[i].at);
      g_assert_cmpstr (sb_incident_event_get_kind (e), ==, expected[i].kind);
      g_assert_cmpstr (sb_incident_event_get_field (e), ==, expected[i].field);
      g_assert_cmpstr (sb_incident_event_get_new_value (e), ==, expected[i].new_value);
      g_assert_cmpstr (sb_incident_event_get_body (e), ==, expected[i].body);
      g_assert_cmpuint (sb_incident_event_get_minutes (e), ==, expected[i].minutes);
    }
}

static void
test_messy (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-messy.csv");
  g_autoptr(SbIncident) fine = NULL;
  g_autoptr(SbIncident) closed = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *summary = NULL;
  const SbIncidentImportItem *item;

  g_assert_cmpint (sb_incident_import_get_date_format (import), ==, SB_DATE_FORMAT_DAY_FIRST);
  g_assert_true (sb_incident_import_plan (import, NULL));
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, 2);
  g_assert_cmpuint (sb_incident_import_get_n_problems (import), ==, 3);

  item = item_for (import, "M-2");
  g_assert_cmpuint (item->line, ==, 4);
  g_assert_nonnull (strstr (item->problem, "Date opened"));
  g_assert_nonnull (strstr (item->problem, "31/02/2026 10:00"));
  item = item_for (import, "M-3");
  g_assert_cmpuint (item->line, ==, 5);
  g_assert_cmpstr (item->problem, ==, "Unknown status “Parked”: map it to a status");
  item = item_for (import, "M-4");
  g_assert_cmpuint (item->line, ==, 6);
  g_assert_cmpstr (item->problem, ==, "no title");
  summary = sb_incident_import_summarize (import);
  g_assert_nonnull (strstr (summary, "3 lines have problems and will be left out."));

  /* Mapping the unknown value and planning again solves that line. */
  sb_incident_import_set_value_mapping (import, SB_INCIDENT_FIELD_STATUS, "Parked",
                                        "on-hold:awaiting-change");
  g_assert_true (sb_incident_import_plan (import, NULL));
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, 3);
  g_assert_null (item_for (import, "M-3")->problem);

  batch = apply (import);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident", NULL), ==, 3);

  fine = sb_incidents_find (f->book->store, "M-1");
  g_assert_cmpstr (sb_incident_get_description (fine), ==,
                   "A description\nover two lines, with \"quotes\"");
  g_assert_null (sb_incident_get_customer_id (fine));
  g_assert_cmpuint (sb_incident_get_urgency (fine), ==, 1);

  closed = sb_incidents_find (f->book->store, "M-5");
  g_assert_null (sb_incident_get_description (closed));
  g_assert_cmpint (sb_incident_get_status (closed), ==, SB_INCIDENT_CLOSED);
  g_assert_nonnull (sb_incident_get_customer_id (closed));
  g_assert_null (sb_incidents_find (f->book->store, "M-2"));
  g_assert_cmpstr (sb_incident_get_hold_reason (sb_incidents_find (f->book->store, "M-3")), ==,
                   "awaiting-change");
}

static void
test_missing_column (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-no-title.csv");
  g_autofree char *batch = NULL;
  const SbIncidentImportItem *item;

  g_assert_true (sb_incident_import_plan (import, NULL));
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, 0);
  g_assert_cmpuint (sb_incident_import_get_n_problems (import), ==, 1);
  item = sb_incident_import_get_item (import, 0);
  g_assert_cmpuint (item->line, ==, 1);
  g_assert_nonnull (strstr (item->problem, "title"));

  g_assert_true (sb_incident_import_apply (import, &batch, NULL));
  g_assert_null (batch);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident", NULL), ==, 0);
}

static void
test_reimport_and_undo (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SbIncidentImport) first = open_import (f->book->store, "incidents-servicenow.csv");
  g_autoptr(SbIncidentImport) again = NULL;
  g_autoptr(SbIncident) mine = sb_incident_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *batch2 = NULL;
  g_autofree char *summary = NULL;
  gint64 journal_before;
  gint64 events_before;

  batch = apply (first);
  journal_before = count (f->book->store, "SELECT count(*) FROM sb_journal", NULL);
  events_before = count (f->book->store, "SELECT count(*) FROM incident_event", NULL);

  again = open_import (f->book->store, "incidents-servicenow.csv");
  g_assert_true (sb_incident_import_mapping_was_remembered (again));
  g_assert_true (sb_incident_import_plan (again, NULL));
  g_assert_cmpuint (sb_incident_import_get_n_new (again), ==, 0);
  g_assert_true (item_for (again, "INC0010001")->exists);
  summary = sb_incident_import_summarize (again);
  g_assert_nonnull (strstr (summary, "5 are already in the book"));
  g_assert_true (sb_incident_import_apply (again, &batch2, &error));
  g_assert_no_error (error);
  g_assert_null (batch2);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM sb_journal", NULL), ==, journal_before);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident_event", NULL), ==,
                   events_before);

  /* An incident logged by hand on an imported service keeps the
   * service when the import is undone. */
  sb_incident_set_title (mine, "Logged here");
  sb_incident_set_service_id (mine, sb_service_get_id (sb_catalog_find_service (f->book->store,
                                                                                "PRINTING")));
  g_assert_true (sb_incidents_create (f->book->store, mine, &error));
  g_assert_no_error (error);

  g_assert_true (sb_incident_import_undo (f->book->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident WHERE deleted = 0", NULL), ==,
                   1);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident_event e JOIN incident i ON "
                                    "i.id = e.incident_id WHERE i.import_batch = ? "
                                    "AND e.deleted = 0", batch), ==, 0);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident_event WHERE deleted = 0",
                          NULL), ==, 1);
  g_assert_null (sb_catalog_find_service (f->book->store, "EMAIL"));
  g_assert_nonnull (sb_catalog_find_service (f->book->store, "PRINTING"));
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM customer WHERE deleted = 0", NULL), ==,
                   0);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM import_batch WHERE id = ? "
                                    "AND undone_at IS NOT NULL", batch), ==, 1);

  /* Once only */
  g_assert_false (sb_incident_import_undo (f->book->store, batch, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sb_incident_import_undo (f->book->store, NULL, &error));
  g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
}

static void
test_unknown_names (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-servicenow.csv");
  g_autoptr(SbService) mail = sb_service_new ();
  g_autoptr(SbIncident) first = NULL;
  g_autoptr(SbIncident) second = NULL;
  g_autoptr(SbIncident) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = NULL;
  g_auto(GStrv) services = NULL;

  sb_service_set_code (mail, "MAIL");
  sb_service_set_name (mail, "Remote access");
  g_assert_true (sb_catalog_save_service (f->book->store, mail, &error));
  g_assert_no_error (error);

  /* "Remote access" is known by name; and the book's import sees it */
  g_clear_pointer (&import, sb_incident_import_free);
  import = open_import (f->book->store, "incidents-servicenow.csv");
  g_assert_true (sb_incident_import_plan (import, NULL));
  services = sb_incident_import_get_unknown_services (import);
  g_assert_cmpuint (g_strv_length (services), ==, 2);
  g_assert_cmpstr (services[0], ==, "EMAIL");
  g_assert_cmpstr (services[1], ==, "Printing");

  /* everything left out, but EMAIL is mapped to an existing service */
  sb_incident_import_set_unknown_default (import, SB_UNKNOWN_LEAVE);
  sb_incident_import_set_unknown_service (import, "email", SB_UNKNOWN_MAP, sb_service_get_id (mail));
  batch = apply (import);

  first = sb_incidents_find (f->book->store, "INC0010001");
  g_assert_cmpstr (sb_incident_get_service_id (first), ==, sb_service_get_id (mail));
  second = sb_incidents_find (f->book->store, "INC0010002");
  g_assert_null (sb_incident_get_service_id (second));
  g_assert_null (sb_incident_get_customer_id (second));
  third = sb_incidents_find (f->book->store, "INC0010003");
  g_assert_cmpstr (sb_incident_get_service_id (third), ==, sb_service_get_id (mail));
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM service", NULL), ==, 1);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM customer", NULL), ==, 0);
}

static void
test_remembered (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-messy.csv");
  g_autoptr(SbIncidentImport) again = NULL;
  g_autoptr(SbIncident) parked = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *setting = NULL;
  int customer = column_named (import, "Customer");

  /* The user ignores the customer column and maps "Parked" */
  sb_incident_import_set_mapping (import, customer, SB_INCIDENT_FIELD_IGNORE);
  sb_incident_import_set_mapping (import, column_named (import, "Description"),
                                  SB_INCIDENT_FIELD_NOTE);
  sb_incident_import_set_value_mapping (import, SB_INCIDENT_FIELD_STATUS, "Parked",
                                        "on-hold:awaiting-supplier");
  batch = apply (import);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM customer", NULL), ==, 0);
  setting = sb_store_get_setting (f->book->store, SB_INCIDENT_IMPORT_SETTING);
  g_assert_nonnull (setting);

  sb_incident_import_undo (f->book->store, batch, NULL);

  again = open_import (f->book->store, "incidents-messy.csv");
  g_assert_true (sb_incident_import_mapping_was_remembered (again));
  g_assert_cmpint (sb_incident_import_get_mapping (again, customer), ==, SB_INCIDENT_FIELD_IGNORE);
  g_assert_cmpint (sb_incident_import_get_mapping (again, column_named (again, "Description")),
                   ==, SB_INCIDENT_FIELD_NOTE);
  g_assert_cmpstr (sb_incident_import_get_value_mapping (again, SB_INCIDENT_FIELD_STATUS,
                                                         "Parked"),
                   ==, "on-hold:awaiting-supplier");
  g_assert_true (sb_incident_import_plan (again, NULL));
  /* Undone references stay taken: nothing new */
  g_assert_cmpuint (sb_incident_import_get_n_new (again), ==, 0);
  g_assert_cmpuint (sb_incident_import_get_n_problems (again), ==, 2);

  /* Another header is not remembered */
  g_clear_pointer (&again, sb_incident_import_free);
  again = open_import (f->book->store, "incidents-monthfirst.csv");
  g_assert_false (sb_incident_import_mapping_was_remembered (again));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-servicenow.csv");
  g_autoptr(SbIncidentImport) back = NULL;
  g_autoptr(SbStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) exported = NULL;
  g_autofree char *other_path = g_build_filename (f->book->dir, "other.sqlite", NULL);
  g_autofree char *csv_path = g_build_filename (f->book->dir, "export.csv", NULL);
  g_autofree char *batch = NULL;
  g_autofree char *batch2 = NULL;
  g_autofree char *contents = NULL;
  const char *columns = "i.reference, i.title, i.description, s.code, c.name, i.contact, "
                        "i.channel, i.category, i.impact, i.urgency, i.priority, i.major, "
                        "i.status, i.hold_reason, i.opened_at, i.responded_at, i.resolved_at, "
                        "i.closed_at, i.reopen_count, i.resolution_code, i.resolution_notes, "
                        "i.workaround";
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (j, char (10)) FROM (SELECT "
                                          "json_array (%s) AS j FROM incident i LEFT JOIN "
                                          "service s ON s.id = i.service_id LEFT JOIN customer "
                                          "c ON c.id = i.customer_id ORDER BY i.reference)",
                                          columns);
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  batch = apply (import);

  /* A reopened incident keeps its count through the round trip. */
  {
    g_autoptr(SbIncident) resolved = sb_incidents_find (f->book->store, "INC0010004");

    g_assert_true (sb_incidents_reopen (f->book->store, sb_incident_get_id (resolved),
                                        "Down again", NOW, &error));
    g_assert_no_error (error);
  }

  exported = g_file_new_for_path (csv_path);
  g_assert_true (sb_incident_csv_export_to_file (f->book->store, NULL, exported,
                                                 SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFReference,Title,Description,Service,"));
  g_assert_nonnull (strstr (contents, "\r\nINC0010001,Email not syncing on phones,"));

  other = open_book (other_path);
  back = sb_incident_import_new (other, exported, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < sb_incident_import_get_n_columns (back); c++)
    g_assert_cmpint (sb_incident_import_get_mapping (back, c), !=, SB_INCIDENT_FIELD_IGNORE);
  batch2 = apply (back);
  g_assert_cmpuint (sb_incident_import_get_n_problems (back), ==, 0);
  g_assert_cmpuint (sb_incident_import_get_n_new (back), ==, 5);

  mine = text (f->book->store, sql, NULL);
  theirs = text (other, sql, NULL);
  g_assert_nonnull (mine);
  g_assert_cmpstr (mine, ==, theirs);
  g_assert_cmpint (count (other, "SELECT reopen_count FROM incident WHERE reference = ?",
                          "INC0010004"), ==, 1);
}

/* Written a slice at a time: the book shows nothing of it until the
 * finish, a run freed before rolls everything back, and one finished is
 * the same as sb_incident_import_apply(). */
static void
test_run_in_steps (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SbIncidentImport) import = open_import (f->book->store, "incidents-servicenow.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = NULL;
  gint64 journal = count (f->book->store, "SELECT count(*) FROM sb_journal", NULL);
  gboolean done = FALSE;
  guint steps = 0;

  {
    g_autoptr(SbIncidentImportRun) run = sb_incident_import_run_start (import, &error);

    g_assert_no_error (error);
    g_assert_nonnull (run);
    /* a tiny budget: the clock is read every 32 incidents, so these
     * five go in one step, and nothing is committed yet */
    g_assert_true (sb_incident_import_run_step (run, 1, &done, &error));
    g_assert_no_error (error);
    g_assert_true (done);
    g_assert_cmpuint (sb_incident_import_run_get_n_written (run), ==, 5);

    /* The book takes no other change meanwhile. */
    g_assert_false (sb_store_set_setting (f->book->store, "probe", "1", &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident", NULL), ==, 0);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM sb_journal", NULL), ==, journal);
  g_assert_true (sb_store_set_setting (f->book->store, "probe", "1", &error));
  g_assert_no_error (error);

  {
    g_autoptr(SbIncidentImportRun) run = sb_incident_import_run_start (import, &error);

    g_assert_no_error (error);
    done = FALSE;
    while (!done)
      {
        g_assert_true (sb_incident_import_run_step (run, 1, &done, &error));
        g_assert_no_error (error);
        steps++;
      }
    g_assert_cmpuint (sb_incident_import_run_get_n_written (run), ==, 5);
    g_assert_true (sb_incident_import_run_finish (run, &batch, &error));
    g_assert_no_error (error);
    g_assert_nonnull (batch);
  }
  g_assert_cmpuint (steps, ==, 1);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM incident WHERE import_batch = ?",
                          batch), ==, 5);
  g_assert_cmpint (count (f->book->store, "SELECT count(*) FROM import_batch WHERE id = ?", batch),
                   ==, 1);

  /* A longer file stops after 32 incidents on a tiny budget, and cannot
   * be finished half-way. */
  {
    g_autofree char *path = g_build_filename (f->book->dir, "long.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GString) csv = g_string_new ("Number,Short description,Opened,State\n");
    g_autoptr(SbIncidentImport) longer = NULL;
    g_autoptr(SbIncidentImportRun) run = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append_printf (csv, "L-%u,Paper jam %u,2026-03-02 09:15:00,New\n", i, i);
    g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
    longer = sb_incident_import_new (f->book->store, file, &error);
    g_assert_no_error (error);
    run = sb_incident_import_run_start (longer, &error);
    g_assert_no_error (error);
    g_assert_true (sb_incident_import_run_step (run, 1, &done, &error));
    g_assert_false (done);
    g_assert_cmpuint (sb_incident_import_run_get_n_written (run), ==, 32);
    g_assert_false (sb_incident_import_run_finish (run, NULL, &error));
    g_assert_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_null (sb_incidents_find (f->book->store, "L-0"));
}

/* A column with how often each incident was reopened: kept when it says
 * more than the rows do, a line with a count that is not one left out. */
static void
test_reopen_count (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->book->dir, "reopens.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(SbIncidentImport) import = NULL;
  g_autoptr(SbIncident) twice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch = NULL;
  const SbIncidentImportItem *bad;

  g_assert_true (g_file_set_contents (path,
                                      "Number,Short description,Opened,State,Times reopened\n"
                                      "R-1,Disk full again,2026-03-02 09:15:00,In Progress,2\n"
                                      "R-2,Fan noise,2026-03-02 10:00:00,New,twice\n"
                                      "R-3,Slow login,2026-03-02 11:00:00,New,\n"
                                      "R-4,Scanner offline,2026-03-02 12:00:00,New,3\n",
                                      -1, NULL));
  import = sb_incident_import_new (f->book->store, file, &error);
  g_assert_no_error (error);
  sb_incident_import_set_time_zone (import, utc);
  g_assert_cmpint (sb_incident_import_get_mapping (import, 4), ==, SB_INCIDENT_FIELD_REOPEN_COUNT);

  batch = apply (import);
  g_assert_cmpuint (sb_incident_import_get_n_new (import), ==, 3);
  bad = item_for (import, "R-2");
  g_assert_nonnull (bad->problem);
  g_assert_nonnull (strstr (bad->problem, "“twice” is not a count of reopenings"));

  twice = sb_incidents_find (f->book->store, "R-1");
  g_assert_cmpuint (sb_incident_get_reopen_count (twice), ==, 2);
  g_assert_cmpint (count (f->book->store, "SELECT reopen_count FROM incident WHERE reference = ?",
                          "R-3"), ==, 0);
  /* a new incident keeps the count too */
  g_assert_cmpint (count (f->book->store, "SELECT reopen_count FROM incident WHERE reference = ?",
                          "R-4"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/incident-csv/parse-time", test_parse_time);
  g_test_add_func ("/store/incident-csv/guess-values", test_guess_values);

#define ADD(name, func) \
  g_test_add ("/store/incident-csv/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("servicenow", test_servicenow);
  ADD ("day-first", test_day_first);
  ADD ("month-first", test_month_first);
  ADD ("event-log", test_event_log);
  ADD ("messy", test_messy);
  ADD ("missing-column", test_missing_column);
  ADD ("reimport-undo", test_reimport_and_undo);
  ADD ("unknown-names", test_unknown_names);
  ADD ("remembered", test_remembered);
  ADD ("round-trip", test_round_trip);
  ADD ("reopen-count", test_reopen_count);
  ADD ("run-in-steps", test_run_in_steps);

#undef ADD

  return g_test_run ();
}
