/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-incident-csv-private.h"
#include "sb-time.h"

/*
 * The vocabulary of the format (field and date format names, the values
 * an enumerated field takes), and incidents to CSV in the form the import
 * reads back: one row per incident, headers the import's guesser maps to
 * the same fields, enumerations in their stored form and instants in ISO
 * 8601 UTC.
 */

static const char * const field_names[SB_INCIDENT_N_FIELDS] = {
  "ignore", "reference", "title", "description", "service", "customer", "contact",
  "channel", "category", "impact", "urgency", "priority", "major", "status",
  "hold-reason", "opened", "responded", "resolved", "closed", "resolution-code",
  "resolution-notes", "workaround", "note", "event-time", "time-spent", "reopen-count",
};

static const char * const level3_values[] = { "1", "2", "3", NULL };
static const char * const level5_values[] = { "1", "2", "3", "4", "5", NULL };
static const char * const major_values[] = { "yes", "no", NULL };
static const char * const status_values[] = {
  "new", "in-progress", "on-hold", "on-hold:awaiting-customer", "on-hold:awaiting-supplier",
  "on-hold:awaiting-change", "on-hold:other", "resolved", "closed", "cancelled", "duplicate",
  NULL,
};

const char *
sb_incident_field_to_string (SbIncidentField field)
{
  g_return_val_if_fail (field < SB_INCIDENT_N_FIELDS, NULL);

  return field_names[field];
}

gboolean
sb_incident_field_from_string (const char      *text,
                               SbIncidentField *out_field)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  normal = g_strdelimit (g_ascii_strdown (text, -1), "_ ", '-');
  for (guint f = 0; f < SB_INCIDENT_N_FIELDS; f++)
    {
      if (g_str_equal (normal, field_names[f]))
        {
          if (out_field != NULL)
            *out_field = f;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sb_incident_field_get_label (SbIncidentField field)
{
  switch (field)
    {
    case SB_INCIDENT_FIELD_IGNORE: return _("Ignore this column");
    case SB_INCIDENT_FIELD_REFERENCE: return _("Reference");
    case SB_INCIDENT_FIELD_TITLE: return _("Title");
    case SB_INCIDENT_FIELD_DESCRIPTION: return _("Description");
    case SB_INCIDENT_FIELD_SERVICE: return _("Service");
    case SB_INCIDENT_FIELD_CUSTOMER: return _("Customer");
    case SB_INCIDENT_FIELD_CONTACT: return _("Contact");
    case SB_INCIDENT_FIELD_CHANNEL: return _("Channel");
    case SB_INCIDENT_FIELD_CATEGORY: return _("Category");
    case SB_INCIDENT_FIELD_IMPACT: return _("Impact");
    case SB_INCIDENT_FIELD_URGENCY: return _("Urgency");
    case SB_INCIDENT_FIELD_PRIORITY: return _("Priority");
    case SB_INCIDENT_FIELD_MAJOR: return _("Major incident");
    case SB_INCIDENT_FIELD_STATUS: return _("Status");
    case SB_INCIDENT_FIELD_HOLD_REASON: return _("Hold reason");
    case SB_INCIDENT_FIELD_OPENED: return _("Opened");
    case SB_INCIDENT_FIELD_RESPONDED: return _("First response");
    case SB_INCIDENT_FIELD_RESOLVED: return _("Resolved");
    case SB_INCIDENT_FIELD_CLOSED: return _("Closed");
    case SB_INCIDENT_FIELD_RESOLUTION_CODE: return _("Resolution code");
    case SB_INCIDENT_FIELD_RESOLUTION_NOTES: return _("Resolution notes");
    case SB_INCIDENT_FIELD_WORKAROUND: return _("Workaround");
    case SB_INCIDENT_FIELD_NOTE: return _("Timeline note");
    case SB_INCIDENT_FIELD_EVENT_TIME: return _("Time of the event");
    case SB_INCIDENT_FIELD_TIME_SPENT: return _("Time spent");
    case SB_INCIDENT_FIELD_REOPEN_COUNT: return _("Times reopened");
    default: return NULL;
    }
}

gboolean
sb_incident_field_is_enumerated (SbIncidentField field)
{
  return sb_incident_field_get_values (field) != NULL;
}

const char * const *
sb_incident_field_get_values (SbIncidentField field)
{
  switch (field)
    {
    case SB_INCIDENT_FIELD_CHANNEL: return sb_incident_get_channels ();
    case SB_INCIDENT_FIELD_IMPACT:
    case SB_INCIDENT_FIELD_URGENCY: return level3_values;
    case SB_INCIDENT_FIELD_PRIORITY: return level5_values;
    case SB_INCIDENT_FIELD_MAJOR: return major_values;
    case SB_INCIDENT_FIELD_STATUS: return status_values;
    case SB_INCIDENT_FIELD_HOLD_REASON: return sb_incident_get_hold_reasons ();
    case SB_INCIDENT_FIELD_RESOLUTION_CODE: return sb_incident_get_resolution_codes ();
    default: return NULL;
    }
}

static const char * const date_format_names[] = { "auto", "iso", "day-first", "month-first" };

const char *
sb_date_format_to_string (SbDateFormat format)
{
  g_return_val_if_fail (format <= SB_DATE_FORMAT_MONTH_FIRST, NULL);

  return date_format_names[format];
}

gboolean
sb_date_format_from_string (const char   *text,
                            SbDateFormat *out_format)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (date_format_names); i++)
    {
      if (g_ascii_strcasecmp (text, date_format_names[i]) == 0)
        {
          if (out_format != NULL)
            *out_format = i;
          return TRUE;
        }
    }

  return FALSE;
}


static const struct
{
  const char *header;
  const char *sql;      /* the column, as selected; instants are stored in ISO form */
} export_columns[] = {
  { "Reference", "i.reference" },
  { "Title", "i.title" },
  { "Description", "i.description" },
  { "Service", "s.code" },
  { "Customer", "c.name" },
  { "Contact", "i.contact" },
  { "Channel", "i.channel" },
  { "Category", "i.category" },
  { "Impact", "i.impact" },
  { "Urgency", "i.urgency" },
  { "Priority", "i.priority" },
  { "Major", "CASE i.major WHEN 1 THEN 'yes' ELSE 'no' END" },
  { "Status", "i.status" },
  { "Hold reason", "i.hold_reason" },
  { "Opened", "i.opened_at" },
  { "Responded", "i.responded_at" },
  { "Resolved", "i.resolved_at" },
  { "Closed", "i.closed_at" },
  { "Resolution code", "i.resolution_code" },
  { "Resolution notes", "i.resolution_notes" },
  { "Workaround", "i.workaround" },
  { "Times reopened", "i.reopen_count" },
};

static GString *
select_sql (void)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", export_columns[i].sql);
  g_string_append (sql, " FROM incident i LEFT JOIN service s ON s.id = i.service_id "
                        "LEFT JOIN customer c ON c.id = i.customer_id ");

  return sql;
}

static void
write_row (GString         *out,
           sqlite3_stmt    *stmt,
           SbCsvWriteFlags  flags)
{
  const char *fields[G_N_ELEMENTS (export_columns)];

  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, i);

      fields[i] = text != NULL ? text : "";
    }

  sb_csv_write_row (out, fields, G_N_ELEMENTS (export_columns), ',', flags);
}

static gboolean
write_rows (SbStore                *store,
            const SbIncidentFilter *filter,
            GString                *out,
            SbCsvWriteFlags         flags,
            GError                **error)
{
  g_autoptr(GString) sql = select_sql ();
  g_autoptr(GArray) rowids = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  /* Every live incident, or those the filter matches, in its order. */
  if (filter == NULL)
    {
      g_string_append (sql, "WHERE i.deleted = 0 ORDER BY i.opened_at, i.reference");
      stmt = sb_store_prepare (store, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        write_row (out, stmt, flags);
      sqlite3_reset (stmt);
    }
  else
    {
      rowids = sb_incidents_query_rowids (store, filter, SB_SLA_NO_TIME, error);
      if (rowids == NULL)
        return FALSE;

      g_string_append (sql, "WHERE i.rowid = ?");
      stmt = sb_store_prepare (store, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < rowids->len; r++)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (rowids, gint64, r));
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            write_row (out, stmt, flags);
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            break;
          rc = SQLITE_DONE;
        }
    }

  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc,
                                           _("Reading the incidents"));

  return TRUE;
}

/**
 * sb_incident_csv_export_to_file:
 * @store: a store
 * @filter: (nullable): which incidents, in which order; %NULL for every
 *   live incident by opening time
 * @file: where to write; replaced safely
 * @flags: how to write; %SB_CSV_WRITE_CRLF | %SB_CSV_WRITE_BOM suits
 *   spreadsheets
 * @error: return location for a #GError
 *
 * Writes the incidents in the form sb_incident_import_new() reads back.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
sb_incident_csv_export_to_file (SbStore                *store,
                                const SbIncidentFilter *filter,
                                GFile                  *file,
                                SbCsvWriteFlags         flags,
                                GError                **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  const char *header[G_N_ELEMENTS (export_columns)];

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sb_csv_write_start (out, flags);
  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    header[i] = export_columns[i].header;
  sb_csv_write_row (out, header, G_N_ELEMENTS (export_columns), ',', flags);

  if (!write_rows (store, filter, out, flags, error))
    return FALSE;

  if (!g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_IO,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
