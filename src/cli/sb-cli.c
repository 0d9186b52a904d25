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
#include "sb-catalog-csv.h"
#include "sb-cli-private.h"
#include "sb-contracts.h"
#include "sb-deadlines.h"
#include "sb-sample-data.h"
#include "sb-store.h"
#include "sb-time.h"

/*
 * The headless command line. It runs before GTK is initialised, so every
 * command works with no display. Exit status: 0 done, 1 failed (the reason
 * on stderr), 2 the command line itself was wrong (usage on stderr).
 */

static int cmd_check       (SbCliContext *ctx);
static int cmd_backup      (SbCliContext *ctx);
static int cmd_restore     (SbCliContext *ctx);
static int cmd_sample_data (SbCliContext *ctx);
static int cmd_import      (SbCliContext *ctx);
static int cmd_export      (SbCliContext *ctx);
static int cmd_export_deadlines (SbCliContext *ctx);

static const SbCliOption import_options[] = {
  { "--dry-run", NULL, FALSE },
  { NULL },
};

static const SbCliOption export_options[] = {
  { "-o", "--output", TRUE },
  { NULL },
};

static const SbCliOption export_deadlines_options[] = {
  { "-o", "--output", TRUE },
  { "--months", NULL, TRUE },
  { NULL },
};

static const SbCliOption import_incidents_options[] = {
  { "--dry-run", NULL, FALSE },
  { "--map", NULL, TRUE, TRUE },
  { "--value", NULL, TRUE, TRUE },
  { "--date-format", NULL, TRUE },
  { "--unknown", NULL, TRUE },
  { NULL },
};

static const SbCliOption export_incidents_options[] = {
  { "-o", "--output", TRUE },
  { "--view", NULL, TRUE },
  { "--status", NULL, TRUE },
  { "--search", NULL, TRUE },
  { "--service", NULL, TRUE },
  { "--customer", NULL, TRUE },
  { "--from", NULL, TRUE },
  { "--to", NULL, TRUE },
  { NULL },
};

static const SbCliOption import_costs_options[] = {
  { "--dry-run", NULL, FALSE },
  { "--map", NULL, TRUE, TRUE },
  { "--value", NULL, TRUE, TRUE },
  { "--date-format", NULL, TRUE },
  { "--decimal", NULL, TRUE },
  { "--category", NULL, TRUE },
  { "--currency", NULL, TRUE },
  { "--unknown", NULL, TRUE },
  { NULL },
};

static const SbCliOption export_costs_options[] = {
  { "-o", "--output", TRUE },
  { "--from", NULL, TRUE },
  { "--to", NULL, TRUE },
  { "--category", NULL, TRUE },
  { "--supplier", NULL, TRUE },
  { "--service", NULL, TRUE },
  { NULL },
};

/* A name of two words ("import incidents") is matched before a command
 * named by its first word alone. */
static const SbCliCommand commands[] = {
  { "check", "", N_("Check the book’s format and integrity; changes nothing"), 0, 0, cmd_check },
  { "backup", "FILE", N_("Copy the book to FILE, safely, even while it is open"), 1, 1, cmd_backup },
  { "restore", "FILE", N_("Replace the book with the backup FILE, keeping the old book as a dated copy"), 1, 1, cmd_restore },
  { "sample-data", "", N_("Create the book if needed and fill it with sample records"), 0, 0, cmd_sample_data },
  { "import", "KIND FILE", N_("Import services, customers, suppliers or contracts from a CSV file; with --dry-run, only show what it would change"), 2, 2, cmd_import, import_options },
  { "export", "KIND -o FILE", N_("Export services, customers, suppliers or contracts to a CSV file (-o - for standard output)"), 1, 1, cmd_export, export_options },
  { "export deadlines", "-o FILE.ics", N_("Export the contract and review deadlines as an iCalendar file, from today for --months N (default 12)"), 0, 0, cmd_export_deadlines, export_deadlines_options },
  { "import incidents", "FILE", N_("Import incidents from another service desk’s or a spreadsheet’s CSV export; with --dry-run, only show the preview"), 1, 1, sb_cli_import_incidents, import_incidents_options },
  { "import costs", "FILE", N_("Import costs from an accounting or bank export (CSV); with --dry-run, only show the preview"), 1, 1, sb_cli_import_costs, import_costs_options },
  { "import undo", "[BATCH]", N_("Undo an incident or cost import (without BATCH: the latest one)"), 0, 1, sb_cli_import_undo },
  { "export incidents", "-o FILE", N_("Export incidents to a CSV file that import incidents reads back"), 0, 0, sb_cli_export_incidents, export_incidents_options },
  { "export costs", "-o FILE", N_("Export costs to a CSV file that import costs reads back"), 0, 0, sb_cli_export_costs, export_costs_options },
  { "export budget", "NAME -o FILE", N_("Export a budget’s lines with planned, actual and variance per month and the totals to a CSV file"), 1, 1, sb_cli_export_budget, export_options },
  { "report", "NAME -o FILE.pdf|FILE.csv", N_("Write a report as a PDF or a CSV of its tables; report --list lists them"), 0, 1, sb_cli_report, sb_cli_report_options },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: servicebook [--book PATH] [COMMAND [ARGUMENTS…]]"));
  fprintf (out, "\n%s\n", _("Without a command, Servicebook opens its window."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);

      fprintf (out, "  %-22s %s\n", left, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("KIND is services, customers, suppliers or contracts. Import suppliers before their contracts."));
  fprintf (out, "\n%s\n", _("Options of import incidents:"));
  fprintf (out, "  %-30s %s\n", "--dry-run", _("Show the preview and the problems; write nothing"));
  fprintf (out, "  %-30s %s\n", "--map COLUMN=FIELD", _("Read the column (its name or number) as FIELD, or ignore"));
  fprintf (out, "  %-30s %s\n", "--value FIELD:SOURCE=TARGET", _("Read the value SOURCE of FIELD as TARGET, e.g. status:Parked=on-hold"));
  fprintf (out, "  %-30s %s\n", "--date-format FORMAT", _("auto (default), iso, day-first or month-first"));
  fprintf (out, "  %-30s %s\n", "--unknown create|leave", _("Create services and customers the book lacks (default), or leave them out"));
  fprintf (out, "\n%s\n", _("Options of export incidents:"));
  fprintf (out, "  %-30s %s\n", "--view VIEW", _("open, at-risk, breached, major, recently-resolved or all (default)"));
  fprintf (out, "  %-30s %s\n", "--status STATUS[,STATUS]", _("new, in-progress, on-hold, resolved, closed, cancelled, duplicate"));
  fprintf (out, "  %-30s %s\n", "--search TEXT", _("Only incidents whose text matches"));
  fprintf (out, "  %-30s %s\n", "--service CODE", _("Only incidents of this service"));
  fprintf (out, "  %-30s %s\n", "--customer NAME", _("Only incidents of this customer"));
  fprintf (out, "  %-30s %s\n", "--from DATE, --to DATE", _("Only incidents opened from, up to (YYYY-MM-DD, both included)"));
  fprintf (out, "\n%s\n", _("Options of import costs:"));
  fprintf (out, "  %-30s %s\n", "--dry-run", _("Show the preview and the problems; write nothing"));
  fprintf (out, "  %-30s %s\n", "--map COLUMN=FIELD", _("date, amount, debit, credit, currency, rate, category, supplier, contract, service, invoice, description or ignore"));
  fprintf (out, "  %-30s %s\n", "--value category:WORD=CATEGORY", _("Read WORD of the category column as CATEGORY, e.g. category:Abos=software"));
  fprintf (out, "  %-30s %s\n", "--date-format FORMAT", _("auto (default), iso, day-first or month-first"));
  fprintf (out, "  %-30s %s\n", "--decimal MARK", _("auto (default, guessed from the amounts), point or comma"));
  fprintf (out, "  %-30s %s\n", "--category CATEGORY", _("For lines without one: hardware, software, cloud, supplier-services, labour, facilities, training or other"));
  fprintf (out, "  %-30s %s\n", "--currency CODE", _("For lines without one (default: the book’s base currency)"));
  fprintf (out, "  %-30s %s\n", "--unknown create|leave", _("Create suppliers the book lacks (default), or import their costs without one"));
  fprintf (out, "  %s\n", _("A debit column is a cost, a credit column a credit note; a foreign currency needs a rate column or a rate used before. Balance lines and lines without an amount are skipped, and so are costs already in the book."));
  fprintf (out, "\n%s\n", _("Options of export costs:"));
  fprintf (out, "  %-30s %s\n", "--from DATE, --to DATE", _("Only costs dated from, up to (YYYY-MM-DD, both included)"));
  fprintf (out, "  %-30s %s\n", "--category CATEGORY", _("Only costs of this category"));
  fprintf (out, "  %-30s %s\n", "--supplier NAME", _("Only costs of this supplier"));
  fprintf (out, "  %-30s %s\n", "--service CODE", _("Only costs of this service"));
  fprintf (out, "\n%s\n", _("export budget writes one row per line: its planned, actual and variance (actual − planned) per month, then total planned, total actual, committed, forecast and variance, as plain numbers in the budget’s currency."));
  sb_cli_report_print_options (out);
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-22s %s\n", "--book PATH", _("Use the book at PATH instead of the default one"));
  fprintf (out, "  %-22s %s\n", "--version", _("Print the version and exit"));
  fprintf (out, "  %-22s %s\n", "-h, --help", _("Show this help and exit"));
}

int
sb_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "servicebook: %s\n\n", message);
  print_usage (stderr);

  return EXIT_USAGE;
}

int
sb_cli_fail (const GError *error)
{
  fprintf (stderr, "servicebook: %s\n", error->message);

  return EXIT_FAILED;
}

/* Writes a CSV export with @func to @output: for a spreadsheet with CRLF
 * and a byte order mark, or for "-" (standard output, a pipe) with LF and
 * none, through a temporary file, as the exports write files. */
int
sb_cli_export_csv (SbStore         *store,
                   const char      *output,
                   SbCliExportFunc  func,
                   gpointer         data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GFileIOStream) stream = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      file = g_file_new_tmp ("servicebook-XXXXXX.csv", &stream, &error);
      if (file == NULL)
        return sb_cli_fail (error);
      if (!func (store, data, file, SB_CSV_WRITE_DEFAULT, &error) ||
          !g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        {
          g_file_delete (file, NULL, NULL);
          return sb_cli_fail (error);
        }
      g_file_delete (file, NULL, NULL);

      if (fwrite (contents, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          fprintf (stderr, "servicebook: %s\n", _("Could not write to standard output"));
          return EXIT_FAILED;
        }
      return 0;
    }

  /* For a spreadsheet: CRLF and a byte order mark. */
  file = g_file_new_for_commandline_arg (output);
  if (!func (store, data, file, SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM, &error))
    return sb_cli_fail (error);

  return 0;
}

/* The book the app would open: the preference when the schema is
 * installed and the user set one, else the default location. */
static char *
resolve_book_path (const char *explicit_path)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (explicit_path != NULL)
    return g_strdup (explicit_path);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *path = g_settings_get_string (settings, "book-path");

      if (path != NULL && *path != '\0')
        return g_steal_pointer (&path);
    }

  return sb_store_get_default_path ();
}

static int
cmd_check (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  SbStoreInfo info;
  gboolean ok;

  ok = sb_store_inspect (ctx->book_path, &info, &error);

  if (!ok && info.schema_version == 0 && info.integrity_message == NULL)
    return sb_cli_fail (error);

  printf (_("Book: %s\n"), ctx->book_path);
  printf (_("Format: %d (this version reads up to %d)\n"),
          info.schema_version, info.latest_version);

  if (!ok)
    {
      sb_store_info_clear (&info);
      return sb_cli_fail (error);
    }

  size = g_format_size (info.file_size);
  printf (_("Integrity: %s\n"), info.integrity_message);
  {
    g_autofree char *records = g_strdup_printf ("%" G_GINT64_FORMAT, info.n_records);
    g_autofree char *journal = g_strdup_printf ("%" G_GINT64_FORMAT, info.n_journal);

    printf (_("Records: %s\n"), records);
    printf (_("Changes recorded for sync: %s\n"), journal);
  }
  printf (_("Size: %s\n"), size);

  sb_store_info_clear (&info);

  return 0;
}

static int
cmd_backup (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  if (!sb_store_backup (store, ctx->args[0], &error))
    return sb_cli_fail (error);

  printf (_("Backed up %s to %s\n"), ctx->book_path, ctx->args[0]);

  return 0;
}

static int
cmd_restore (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (!sb_store_restore (ctx->book_path, ctx->args[0], &saved, &error))
    return sb_cli_fail (error);

  printf (_("Restored %s from %s\n"), ctx->book_path, ctx->args[0]);
  if (saved != NULL)
    printf (_("The previous book was kept as %s\n"), saved);

  return 0;
}

static int
cmd_sample_data (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  if (sb_store_count_records (store) > 0)
    {
      fprintf (stderr, "servicebook: %s\n",
               _("The book already holds records; sample data only goes into an empty "
                 "book. Use --book with a new file to try it."));
      return EXIT_FAILED;
    }

  if (!sb_sample_data_load (store, &error))
    return sb_cli_fail (error);

  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, sb_store_count_records (store));

    printf (_("Filled %s with %s sample records\n"), ctx->book_path, count);
  }

  return 0;
}

static const SbCliOption *
find_option (const SbCliCommand *command,
             const char         *arg,
             const char        **inline_value)
{
  *inline_value = NULL;

  for (const SbCliOption *o = command->options; o != NULL && o->name != NULL; o++)
    {
      if (g_str_equal (arg, o->name) || g_strcmp0 (arg, o->long_name) == 0)
        return o;

      if (o->has_value && o->long_name != NULL && g_str_has_prefix (arg, o->long_name) &&
          arg[strlen (o->long_name)] == '=')
        {
          *inline_value = arg + strlen (o->long_name) + 1;
          return o;
        }
    }

  return NULL;
}

/* Splits what follows the command into the options it accepts and its
 * arguments. "-" alone is an argument (standard output); "--" ends the
 * options. */
static gboolean
parse_command_options (const SbCliCommand  *command,
                       int                  argc,
                       char               **argv,
                       int                  first_arg,
                       GHashTable          *options,
                       GHashTable          *lists,
                       GPtrArray           *positional,
                       int                 *exit_status)
{
  gboolean only_args = FALSE;

  for (int i = first_arg; i < argc; i++)
    {
      const SbCliOption *option;
      const char *value = NULL;
      const char *arg = argv[i];

      if (only_args || arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (positional, (gpointer)arg);
          continue;
        }

      if (g_str_equal (arg, "--"))
        {
          only_args = TRUE;
          continue;
        }

      option = find_option (command, arg, &value);
      if (option == NULL)
        {
          *exit_status = sb_cli_usage_error (_("Unknown option “%s” for %s"), arg, command->name);
          return FALSE;
        }

      if (option->has_value && value == NULL)
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            {
              *exit_status = sb_cli_usage_error (_("%s needs a value"), arg);
              return FALSE;
            }
          value = argv[++i];
        }

      if (option->repeatable)
        {
          GPtrArray *list = g_hash_table_lookup (lists, option->name);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (lists, (gpointer)option->name, list);
            }
          g_ptr_array_add (list, (gpointer)value);
        }
      else
        g_hash_table_replace (options, (gpointer)option->name, g_strdup (value ? value : ""));
    }

  return TRUE;
}

static gboolean
parse_kind (SbCliContext     *ctx,
            SbCatalogCsvKind *out_kind,
            int              *exit_status)
{
  if (sb_catalog_csv_kind_from_string (ctx->args[0], out_kind))
    return TRUE;

  if (g_str_equal (ctx->args[0], "incidents") || g_str_equal (ctx->args[0], "undo") ||
      g_str_equal (ctx->args[0], "deadlines") || g_str_equal (ctx->args[0], "costs") ||
      g_str_equal (ctx->args[0], "budget"))
    *exit_status = sb_cli_usage_error (_("Write “%s” right after the command, before any option"),
                                ctx->args[0]);
  else
    *exit_status = sb_cli_usage_error (_("Unknown kind “%s”: use services, customers, suppliers or "
                                  "contracts"),
                                ctx->args[0]);

  return FALSE;
}

static const char *
action_label (SbImportAction action)
{
  switch (action)
    {
    case SB_IMPORT_ACTION_CREATE:
      return _("create");
    case SB_IMPORT_ACTION_UPDATE:
      return _("update");
    case SB_IMPORT_ACTION_UNCHANGED:
      return _("unchanged");
    case SB_IMPORT_ACTION_SKIP:
    default:
      return _("skip");
    }
}

static int
cmd_import (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(SbImportPreview) preview = NULL;
  g_autofree char *summary = NULL;
  const char * const *notes;
  gboolean dry_run = g_hash_table_contains (ctx->options, "--dry-run");
  SbCatalogCsvKind kind;
  int status = 0;
  guint n_items;

  if (!parse_kind (ctx, &kind, &status))
    return status;

  /* A dry run never creates a book; a real import may start one. */
  store = sb_store_open (ctx->book_path, dry_run ? SB_STORE_OPEN_DEFAULT : SB_STORE_OPEN_CREATE,
                         &error);
  if (store == NULL)
    return sb_cli_fail (error);

  if (!sb_catalog_csv_preview_path (store, kind, ctx->args[1], &preview, &error))
    return sb_cli_fail (error);

  summary = sb_import_preview_summarize (preview);
  printf ("%s: %s\n", ctx->args[1], summary);

  notes = sb_import_preview_get_notes (preview);
  for (guint i = 0; notes[i] != NULL; i++)
    printf (_("Note: %s\n"), notes[i]);

  n_items = sb_import_preview_get_n_items (preview);
  for (guint i = 0; i < n_items; i++)
    {
      const SbImportItem *item = sb_import_preview_get_item (preview, i);
      g_autofree char *line = g_strdup_printf ("%u", item->line);

      if (item->action == SB_IMPORT_ACTION_SKIP)
        fprintf (stderr, _("line %s: %s\n"), line, item->problem);
      else if (item->action == SB_IMPORT_ACTION_UPDATE)
        /* Translators: line 4: update NET (Owner, P1 response (min)) */
        printf (_("line %s: %s %s (%s)\n"), line, action_label (item->action), item->key,
                item->changes);
      else if (item->action == SB_IMPORT_ACTION_CREATE)
        printf (_("line %s: %s %s\n"), line, action_label (item->action), item->key);
    }

  if (sb_import_preview_has_problems (preview))
    {
      fprintf (stderr, "servicebook: %s\n",
               _("Nothing was imported: correct the lines above in the file and run the "
                 "command again."));
      return EXIT_FAILED;
    }

  if (dry_run)
    {
      printf ("%s\n", _("Dry run: nothing was written."));
      return 0;
    }

  if (!sb_catalog_csv_apply (store, preview, &error))
    return sb_cli_fail (error);

  {
    g_autofree char *count = g_strdup_printf ("%u", sb_import_preview_get_n_writes (preview));

    printf (_("Wrote %s records to %s\n"), count, ctx->book_path);
  }

  return 0;
}

static int
cmd_export (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  const char *output = g_hash_table_lookup (ctx->options, "-o");
  SbCatalogCsvKind kind;
  int status = 0;

  if (!parse_kind (ctx, &kind, &status))
    return status;

  if (output == NULL)
    return sb_cli_usage_error (_("export needs -o FILE (or -o - for standard output)"));

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GBytes) bytes = NULL;
      gsize length = 0;
      const char *data;

      /* For a pipe: LF line ends, no byte order mark. */
      bytes = sb_catalog_csv_export (store, kind, SB_CSV_WRITE_DEFAULT, &error);
      if (bytes == NULL)
        return sb_cli_fail (error);

      data = g_bytes_get_data (bytes, &length);
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          fprintf (stderr, "servicebook: %s\n", _("Could not write to standard output"));
          return EXIT_FAILED;
        }

      return 0;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      /* For a spreadsheet: CRLF and a byte order mark, so Excel reads
       * the accents right. */
      if (!sb_catalog_csv_export_to_file (store, kind, file,
                                          SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM, &error))
        return sb_cli_fail (error);

      switch (kind)
        {
        case SB_CATALOG_CSV_SERVICES:
          printf (_("Exported the services of %s to %s\n"), ctx->book_path, output);
          break;
        case SB_CATALOG_CSV_CUSTOMERS:
          printf (_("Exported the customers of %s to %s\n"), ctx->book_path, output);
          break;
        case SB_CATALOG_CSV_SUPPLIERS:
          printf (_("Exported the suppliers of %s to %s\n"), ctx->book_path, output);
          break;
        case SB_CATALOG_CSV_CONTRACTS:
        case SB_CATALOG_CSV_N_KINDS:
        default:
          printf (_("Exported the contracts of %s to %s\n"), ctx->book_path, output);
          break;
        }
    }

  return 0;
}

/* From today for --months months: every notice deadline, term end and
 * review due, as an iCalendar file calendar applications import. */
static int
cmd_export_deadlines (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  const char *output = g_hash_table_lookup (ctx->options, "-o");
  const char *months_text = g_hash_table_lookup (ctx->options, "--months");
  guint64 months = 12;
  GDate from, to;

  if (output == NULL)
    return sb_cli_usage_error (_("export deadlines needs -o FILE.ics"));

  if (months_text != NULL &&
      !g_ascii_string_to_unsigned (months_text, 10, 1, 120, &months, NULL))
    return sb_cli_usage_error (_("--months takes a number of months from 1 to 120, not “%s”"),
                        months_text);

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  sb_contracts_get_today (store, &from);
  to = from;
  g_date_add_months (&to, (guint)months);

  file = g_file_new_for_commandline_arg (output);
  if (!sb_deadlines_export_ical (store, &from, &to, file, &error))
    return sb_cli_fail (error);

  {
    g_autofree char *first = sb_date_format (&from);
    g_autofree char *last = sb_date_format (&to);

    /* Translators: Exported the deadlines from 2026-03-01 to 2027-03-01 to deadlines.ics */
    printf (_("Exported the deadlines from %s to %s to %s\n"), first, last, output);
  }

  return 0;
}

/**
 * sb_cli_handle:
 * @argc: the program's argument count
 * @argv: the program's arguments
 * @book_path: (out) (transfer full): the book the window should open when
 *   the command line is not handled here (%NULL: the app decides)
 * @exit_status: (out): the status to exit with when handled
 *
 * Runs a headless command when the arguments name one (or ask for help,
 * the version, or are wrong).
 *
 * Returns: %TRUE when the program should exit with @exit_status; %FALSE
 *   when it should start the application
 */
gboolean
sb_cli_handle (int     argc,
               char  **argv,
               char  **book_path,
               int    *exit_status)
{
  const char *explicit_book = NULL;
  const SbCliCommand *command = NULL;
  g_autoptr(GHashTable) options = NULL;
  g_autoptr(GHashTable) lists = NULL;
  g_autoptr(GPtrArray) positional = NULL;
  g_autofree char *resolved = NULL;
  SbCliContext ctx = { 0 };
  int first_arg = argc;

  g_return_val_if_fail (book_path != NULL, TRUE);
  g_return_val_if_fail (exit_status != NULL, TRUE);

  *book_path = NULL;
  *exit_status = 0;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--version"))
        {
          printf ("servicebook %s\n", PACKAGE_VERSION);
          return TRUE;
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return TRUE;
        }
      else if (g_str_equal (arg, "--book"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            {
              *exit_status = sb_cli_usage_error (_("--book needs a path"));
              return TRUE;
            }
          explicit_book = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--book="))
        {
          explicit_book = arg + strlen ("--book=");
          if (*explicit_book == '\0')
            {
              *exit_status = sb_cli_usage_error (_("--book needs a path"));
              return TRUE;
            }
        }
      else if (arg[0] == '-')
        {
          *exit_status = sb_cli_usage_error (_("Unknown option “%s”"), arg);
          return TRUE;
        }
      else
        {
          const char *next = i + 1 < argc ? argv[i + 1] : NULL;
          int n_words = 1;

          for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
            {
              const char *space = strchr (commands[c].name, ' ');

              if (space != NULL)
                {
                  if (next != NULL && strncmp (arg, commands[c].name, space - commands[c].name) == 0 &&
                      arg[space - commands[c].name] == '\0' && g_str_equal (next, space + 1))
                    {
                      command = &commands[c];
                      n_words = 2;
                      break;
                    }
                }
              else if (g_str_equal (arg, commands[c].name))
                command = &commands[c];
            }

          if (command == NULL)
            {
              *exit_status = sb_cli_usage_error (_("Unknown command “%s”"), arg);
              return TRUE;
            }

          first_arg = i + n_words;
          break;
        }
    }

  if (command == NULL)
    {
      *book_path = explicit_book ? g_canonicalize_filename (explicit_book, NULL) : NULL;
      return FALSE;
    }

  options = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                 (GDestroyNotify)g_ptr_array_unref);
  positional = g_ptr_array_new ();
  ctx.options = options;
  ctx.lists = lists;

  if (!parse_command_options (command, argc, argv, first_arg, options, lists, positional,
                              exit_status))
    return TRUE;

  g_ptr_array_add (positional, NULL);
  ctx.n_args = positional->len - 1;
  ctx.args = (char **)positional->pdata;

  if (ctx.n_args < command->min_args || ctx.n_args > command->max_args)
    {
      if (command->max_args == 0)
        *exit_status = sb_cli_usage_error (_("%s takes no arguments"), command->name);
      else
        *exit_status = sb_cli_usage_error (_("Usage: servicebook [--book PATH] %s %s"),
                                    command->name, command->args);
      return TRUE;
    }

  resolved = resolve_book_path (explicit_book);
  ctx.book_path = resolved;

  *exit_status = command->func (&ctx);

  return TRUE;
}
