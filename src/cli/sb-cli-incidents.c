/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "sb-catalog.h"
#include "sb-cli-private.h"
#include "sb-cost-csv.h"
#include "sb-incident-csv.h"
#include "sb-store.h"
#include "sb-time.h"

/*
 * The incident commands: import incidents from another tool's CSV (with
 * its mapping options and the undo of the last import) and export them.
 */
static char *
join_strv (const char * const *values,
           const char         *separator)
{
  return g_strjoinv (separator, (char **)values);
}

static char *
field_names (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint f = 0; f < SB_INCIDENT_N_FIELDS; f++)
    g_ptr_array_add (names, (gpointer)sb_incident_field_to_string (f));
  g_ptr_array_add (names, NULL);

  return join_strv ((const char * const *)names->pdata, ", ");
}

static GPtrArray *
list_option (SbCliContext *ctx,
             const char   *name)
{
  return g_hash_table_lookup (ctx->lists, name);
}

/* A column by its number (from 1) or its name, in any case. */
static gboolean
find_column (SbIncidentImport *import,
             const char       *text,
             guint            *out_column)
{
  guint n = sb_incident_import_get_n_columns (import);
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, n, &number, NULL))
    {
      *out_column = (guint)number - 1;
      return TRUE;
    }

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *a = g_utf8_casefold (sb_incident_import_get_column_name (import, c), -1);
      g_autofree char *b = g_utf8_casefold (text, -1);

      if (g_str_equal (a, b))
        {
          *out_column = c;
          return TRUE;
        }
    }

  return FALSE;
}

static int
apply_import_options (SbCliContext     *ctx,
                      SbIncidentImport *import)
{
  GPtrArray *maps = list_option (ctx, "--map");
  GPtrArray *values = list_option (ctx, "--value");
  const char *date_format = g_hash_table_lookup (ctx->options, "--date-format");

  if (date_format != NULL)
    {
      SbDateFormat format;

      if (!sb_date_format_from_string (date_format, &format))
        return sb_cli_usage_error (_("Unknown date format “%s”: use auto, iso, day-first or month-first"),
                            date_format);
      sb_incident_import_set_date_format (import, format);
    }

  for (guint i = 0; maps != NULL && i < maps->len; i++)
    {
      const char *arg = g_ptr_array_index (maps, i);
      const char *equals = strrchr (arg, '=');
      g_autofree char *column_text = NULL;
      SbIncidentField field;
      guint column;

      if (equals == NULL)
        return sb_cli_usage_error (_("--map takes COLUMN=FIELD, not “%s”"), arg);

      column_text = g_strndup (arg, equals - arg);
      if (!sb_incident_field_from_string (equals + 1, &field))
        {
          g_autofree char *fields = field_names ();

          return sb_cli_usage_error (_("Unknown field “%s” in --map: use one of %s"), equals + 1, fields);
        }
      if (!find_column (import, column_text, &column))
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          g_autofree char *joined = NULL;

          for (guint c = 0; c < sb_incident_import_get_n_columns (import); c++)
            g_ptr_array_add (names, (gpointer)sb_incident_import_get_column_name (import, c));
          g_ptr_array_add (names, NULL);
          joined = join_strv ((const char * const *)names->pdata, ", ");

          return sb_cli_usage_error (_("The file has no column “%s”: its columns are %s"), column_text,
                              joined);
        }
      sb_incident_import_set_mapping (import, column, field);
    }

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *arg = g_ptr_array_index (values, i);
      const char *colon = strchr (arg, ':');
      const char *equals = colon != NULL ? strrchr (colon, '=') : NULL;
      g_autofree char *field_text = NULL;
      g_autofree char *source = NULL;
      const char * const *allowed;
      SbIncidentField field;
      gboolean ok = FALSE;

      if (colon == NULL || equals == NULL)
        return sb_cli_usage_error (_("--value takes FIELD:SOURCE=TARGET, not “%s”"), arg);

      field_text = g_strndup (arg, colon - arg);
      source = g_strndup (colon + 1, equals - colon - 1);
      if (!sb_incident_field_from_string (field_text, &field) ||
          !sb_incident_field_is_enumerated (field))
        return sb_cli_usage_error (_("Unknown field “%s” in --value: use channel, impact, urgency, "
                              "priority, major, status, hold-reason or resolution-code"),
                            field_text);

      allowed = sb_incident_field_get_values (field);
      for (guint v = 0; allowed[v] != NULL; v++)
        ok = ok || g_str_equal (allowed[v], equals + 1);
      if (!ok)
        {
          g_autofree char *joined = join_strv (allowed, ", ");

          return sb_cli_usage_error (_("Unknown value “%s” for %s: use one of %s"), equals + 1,
                              field_text, joined);
        }
      sb_incident_import_set_value_mapping (import, field, source, equals + 1);
    }

  return 0;
}

static void
print_mapping (SbIncidentImport *import)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < sb_incident_import_get_n_columns (import); c++)
    {
      SbIncidentField field = sb_incident_import_get_mapping (import, c);

      if (field == SB_INCIDENT_FIELD_IGNORE)
        continue;
      if (line->len > 0)
        g_string_append (line, ", ");
      g_string_append_printf (line, "%s → %s", sb_incident_import_get_column_name (import, c),
                              sb_incident_field_to_string (field));
    }

  if (sb_incident_import_mapping_was_remembered (import))
    printf (_("Columns (as remembered from the last import): %s\n"), line->str);
  else
    printf (_("Columns: %s\n"), line->str);
  printf (_("Dates: %s\n"), sb_date_format_to_string (sb_incident_import_get_date_format (import)));
}

int
sb_cli_import_incidents (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(SbIncidentImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *batch = NULL;
  gboolean dry_run = g_hash_table_contains (ctx->options, "--dry-run");
  const char *unknown = g_hash_table_lookup (ctx->options, "--unknown");
  guint n_items;
  int status;

  if (unknown != NULL && !g_str_equal (unknown, "create") && !g_str_equal (unknown, "leave"))
    return sb_cli_usage_error (_("Unknown choice “%s” for --unknown: use create or leave"), unknown);

  /* A dry run never creates a book; a real import may start one. */
  store = sb_store_open (ctx->book_path, dry_run ? SB_STORE_OPEN_DEFAULT : SB_STORE_OPEN_CREATE,
                         &error);
  if (store == NULL)
    return sb_cli_fail (error);

  file = g_file_new_for_commandline_arg (ctx->args[0]);
  import = sb_incident_import_new (store, file, &error);
  if (import == NULL)
    return sb_cli_fail (error);

  status = apply_import_options (ctx, import);
  if (status != 0)
    return status;
  if (unknown != NULL)
    sb_incident_import_set_unknown_default (import, g_str_equal (unknown, "leave")
                                                      ? SB_UNKNOWN_LEAVE : SB_UNKNOWN_CREATE);

  if (!sb_incident_import_plan (import, &error))
    return sb_cli_fail (error);

  print_mapping (import);
  summary = sb_incident_import_summarize (import);
  printf ("%s: %s\n", ctx->args[0], summary);

  n_items = sb_incident_import_get_n_items (import);
  for (guint i = 0; i < n_items; i++)
    {
      const SbIncidentImportItem *item = sb_incident_import_get_item (import, i);
      g_autofree char *line = g_strdup_printf ("%u", item->line);

      if (item->problem == NULL)
        continue;
      if (item->reference != NULL)
        /* Translators: line 4 (INC0010002): Unknown status “Parked”: … */
        fprintf (stderr, _("line %s (%s): %s\n"), line, item->reference, item->problem);
      else
        fprintf (stderr, _("line %s: %s\n"), line, item->problem);
    }

  if (sb_incident_import_get_n_new (import) == 0 && sb_incident_import_get_n_problems (import) > 0)
    {
      fprintf (stderr, "servicebook: %s\n",
               _("Nothing could be imported: correct the lines above, or map the columns and "
                 "values with --map and --value, and run the command again."));
      return EXIT_FAILED;
    }

  if (dry_run)
    {
      printf ("%s\n", _("Dry run: nothing was written."));
      return 0;
    }

  if (sb_incident_import_get_n_new (import) == 0)
    {
      printf ("%s\n", _("Nothing new to import."));
      return 0;
    }

  if (!sb_incident_import_apply (import, &batch, &error))
    return sb_cli_fail (error);

  {
    g_autofree char *count = g_strdup_printf ("%u", sb_incident_import_get_n_new (import));
    guint n_problems = sb_incident_import_get_n_problems (import);

    printf (_("Imported %s incidents into %s.\n"), count, ctx->book_path);
    if (n_problems > 0)
      {
        g_autofree char *left = g_strdup_printf ("%u", n_problems);

        printf (_("%s lines with problems were left out (listed above).\n"), left);
      }
    printf (_("To undo it: servicebook import undo %s\n"), batch);
  }

  return 0;
}

/* An incident or a cost import, by its batch or the latest not yet
 * undone of either kind. */
int
sb_cli_import_undo (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kind = NULL;
  const char *batch = ctx->n_args > 0 ? ctx->args[0] : NULL;
  gboolean costs;

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  if (!sb_import_batch_find (store, batch, &id, &kind, &error))
    return sb_cli_fail (error);

  costs = g_str_equal (kind, "costs");
  if (costs ? !sb_cost_import_undo (store, id, &error)
            : !sb_incident_import_undo (store, id, &error))
    return sb_cli_fail (error);

  if (batch != NULL)
    printf (_("Undid the import %s\n"), batch);
  else if (costs)
    printf ("%s\n", _("Undid the latest cost import"));
  else
    printf ("%s\n", _("Undid the latest incident import"));

  return 0;
}

static const struct
{
  const char     *name;
  SbIncidentView  view;
} view_names[] = {
  { "all", SB_INCIDENT_VIEW_ALL },
  { "open", SB_INCIDENT_VIEW_OPEN },
  { "at-risk", SB_INCIDENT_VIEW_AT_RISK },
  { "breached", SB_INCIDENT_VIEW_BREACHED },
  { "major", SB_INCIDENT_VIEW_MAJOR },
  { "recently-resolved", SB_INCIDENT_VIEW_RECENTLY_RESOLVED },
};

/* Local midnight of a YYYY-MM-DD date, in ms; @next_day for an
 * inclusive end. */
static gboolean
parse_day (const char *text,
           gboolean    next_day,
           gint64     *out_ms)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (!sb_date_parse (text, &date, NULL))
    return FALSE;
  if (next_day)
    g_date_add_days (&date, 1);

  dt = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), 0, 0, 0);
  if (dt == NULL)
    return FALSE;

  *out_ms = g_date_time_to_unix (dt) * 1000;

  return TRUE;
}

static int
build_export_filter (SbCliContext      *ctx,
                     SbStore           *store,
                     SbIncidentFilter **out_filter)
{
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_new ();
  const char *view = g_hash_table_lookup (ctx->options, "--view");
  const char *statuses = g_hash_table_lookup (ctx->options, "--status");
  const char *search = g_hash_table_lookup (ctx->options, "--search");
  const char *service = g_hash_table_lookup (ctx->options, "--service");
  const char *customer = g_hash_table_lookup (ctx->options, "--customer");
  const char *from = g_hash_table_lookup (ctx->options, "--from");
  const char *to = g_hash_table_lookup (ctx->options, "--to");

  *out_filter = NULL;
  if (view == NULL && statuses == NULL && search == NULL && service == NULL &&
      customer == NULL && from == NULL && to == NULL)
    return 0;

  /* The export reads oldest first, as the import writes them. */
  filter->sort = SB_INCIDENT_SORT_OPENED;
  filter->descending = FALSE;

  if (view != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (view_names) && !found; i++)
        if (g_str_equal (view, view_names[i].name))
          {
            filter->view = view_names[i].view;
            found = TRUE;
          }
      if (!found)
        return sb_cli_usage_error (_("Unknown view “%s”: use open, at-risk, breached, major, "
                              "recently-resolved or all"), view);
    }

  if (statuses != NULL)
    {
      g_auto(GStrv) names = g_strsplit (statuses, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          SbIncidentStatus status;

          if (!sb_incident_status_from_string (g_strstrip (names[i]), &status))
            return sb_cli_usage_error (_("Unknown status “%s”: use new, in-progress, on-hold, "
                                  "resolved, closed, cancelled or duplicate"), names[i]);
          filter->statuses |= 1u << status;
        }
    }

  if (from != NULL && !parse_day (from, FALSE, &filter->opened_from_ms))
    return sb_cli_usage_error (_("--from takes a date as YYYY-MM-DD, not “%s”"), from);
  if (to != NULL && !parse_day (to, TRUE, &filter->opened_to_ms))
    return sb_cli_usage_error (_("--to takes a date as YYYY-MM-DD, not “%s”"), to);

  filter->text = g_strdup (search);

  if (service != NULL)
    {
      g_autoptr(SbService) found = sb_catalog_find_service (store, service);

      if (found == NULL)
        {
          fprintf (stderr, "servicebook: ");
          fprintf (stderr, _("There is no service with the code “%s”"), service);
          fprintf (stderr, "\n");
          return EXIT_FAILED;
        }
      filter->service_id = g_strdup (sb_service_get_id (found));
    }

  if (customer != NULL)
    {
      g_autoptr(SbCustomer) found = sb_catalog_find_customer (store, customer);

      if (found == NULL)
        {
          fprintf (stderr, "servicebook: ");
          fprintf (stderr, _("There is no customer named “%s”"), customer);
          fprintf (stderr, "\n");
          return EXIT_FAILED;
        }
      filter->customer_id = g_strdup (sb_customer_get_id (found));
    }

  *out_filter = g_steal_pointer (&filter);

  return 0;
}

static gboolean
export_incidents_func (SbStore          *store,
                       gpointer          data,
                       GFile            *file,
                       SbCsvWriteFlags   flags,
                       GError          **error)
{
  return sb_incident_csv_export_to_file (store, data, file, flags, error);
}

int
sb_cli_export_incidents (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(SbIncidentFilter) filter = NULL;
  const char *output = g_hash_table_lookup (ctx->options, "-o");
  const char *view = g_hash_table_lookup (ctx->options, "--view");
  int status;

  if (output == NULL)
    return sb_cli_usage_error (_("export incidents needs -o FILE (or -o - for standard output)"));

  /* Wrong words are found before the book is opened. */
  if (view != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
        found = found || g_str_equal (view, view_names[i].name);
      if (!found)
        return sb_cli_usage_error (_("Unknown view “%s”: use open, at-risk, breached, major, "
                              "recently-resolved or all"), view);
    }

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  status = build_export_filter (ctx, store, &filter);
  if (status != 0)
    return status;

  status = sb_cli_export_csv (store, output, export_incidents_func, filter);
  if (status != 0 || g_str_equal (output, "-"))
    return status;

  printf (_("Exported the incidents of %s to %s\n"), ctx->book_path, output);

  return 0;
}
