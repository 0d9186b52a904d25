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

#include "sb-budgets.h"
#include "sb-catalog.h"
#include "sb-cli-private.h"
#include "sb-contracts.h"
#include "sb-cost-csv.h"
#include "sb-money.h"
#include "sb-store.h"
#include "sb-suppliers.h"
#include "sb-time.h"

/*
 * The cost and budget commands: import costs from an accounting or bank
 * export (with the mapping options of the incident import), export
 * costs, and export a budget's grid.
 */

static const char * const categories[] = {
  "hardware", "software", "cloud", "supplier-services", "labour", "facilities", "training",
  "other", NULL,
};

static gboolean
is_category (const char *text)
{
  return text != NULL && g_strv_contains (categories, text);
}

static char *
category_names (void)
{
  return g_strjoinv (", ", (char **)categories);
}

static char *
field_names (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint f = 0; f < SB_COST_N_FIELDS; f++)
    g_ptr_array_add (names, (gpointer)sb_cost_field_to_string (f));
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **)names->pdata);
}

/* A column by its number (from 1) or its name, in any case. */
static gboolean
find_column (SbCostImport *import,
             const char   *text,
             guint        *out_column)
{
  guint n = sb_cost_import_get_n_columns (import);
  g_autofree char *wanted = g_utf8_casefold (text, -1);
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, n, &number, NULL))
    {
      *out_column = (guint)number - 1;
      return TRUE;
    }

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *name = g_utf8_casefold (sb_cost_import_get_column_name (import, c), -1);

      if (g_str_equal (name, wanted))
        {
          *out_column = c;
          return TRUE;
        }
    }

  return FALSE;
}

/* Options that need no book: checked before it is opened. */
static int
check_import_options (SbCliContext *ctx)
{
  const char *unknown = g_hash_table_lookup (ctx->options, "--unknown");
  const char *decimal = g_hash_table_lookup (ctx->options, "--decimal");
  const char *date_format = g_hash_table_lookup (ctx->options, "--date-format");
  const char *category = g_hash_table_lookup (ctx->options, "--category");
  const char *currency = g_hash_table_lookup (ctx->options, "--currency");
  SbDecimalMark mark;
  SbDateFormat format;

  if (unknown != NULL && !g_str_equal (unknown, "create") && !g_str_equal (unknown, "leave"))
    return sb_cli_usage_error (_("Unknown choice “%s” for --unknown: use create or leave"),
                               unknown);
  if (decimal != NULL && !sb_decimal_mark_from_string (decimal, &mark))
    return sb_cli_usage_error (_("Unknown decimal mark “%s”: use auto, point or comma"),
                               decimal);
  if (date_format != NULL && !sb_date_format_from_string (date_format, &format))
    return sb_cli_usage_error (_("Unknown date format “%s”: use auto, iso, day-first or "
                                 "month-first"), date_format);
  if (category != NULL && !is_category (category))
    {
      g_autofree char *names = category_names ();

      return sb_cli_usage_error (_("Unknown category “%s”: use one of %s"), category, names);
    }
  if (currency != NULL)
    {
      g_autofree char *code = g_ascii_strup (currency, -1);

      if (!sb_currency_is_valid (code))
        return sb_cli_usage_error (_("Unknown currency “%s”: use an ISO 4217 code such as EUR"),
                                   currency);
    }

  return 0;
}

static int
apply_import_options (SbCliContext *ctx,
                      SbCostImport *import)
{
  GPtrArray *maps = g_hash_table_lookup (ctx->lists, "--map");
  GPtrArray *values = g_hash_table_lookup (ctx->lists, "--value");
  const char *unknown = g_hash_table_lookup (ctx->options, "--unknown");
  const char *decimal = g_hash_table_lookup (ctx->options, "--decimal");
  const char *date_format = g_hash_table_lookup (ctx->options, "--date-format");
  const char *category = g_hash_table_lookup (ctx->options, "--category");
  const char *currency = g_hash_table_lookup (ctx->options, "--currency");

  for (guint i = 0; maps != NULL && i < maps->len; i++)
    {
      const char *arg = g_ptr_array_index (maps, i);
      const char *equals = strrchr (arg, '=');
      g_autofree char *column_text = NULL;
      SbCostField field;
      guint column;

      if (equals == NULL)
        return sb_cli_usage_error (_("--map takes COLUMN=FIELD, not “%s”"), arg);

      column_text = g_strndup (arg, equals - arg);
      if (!sb_cost_field_from_string (equals + 1, &field))
        {
          g_autofree char *names = field_names ();

          return sb_cli_usage_error (_("Unknown field “%s” in --map: use one of %s"), equals + 1,
                                     names);
        }
      if (!find_column (import, column_text, &column))
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          g_autofree char *joined = NULL;

          for (guint c = 0; c < sb_cost_import_get_n_columns (import); c++)
            g_ptr_array_add (names, (gpointer)sb_cost_import_get_column_name (import, c));
          g_ptr_array_add (names, NULL);
          joined = g_strjoinv (", ", (char **)names->pdata);

          return sb_cli_usage_error (_("The file has no column “%s”: its columns are %s"),
                                     column_text, joined);
        }
      sb_cost_import_set_mapping (import, column, field);
    }

  /* After the mapping: the words are those of the category column. */
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *arg = g_ptr_array_index (values, i);
      const char *colon = strchr (arg, ':');
      const char *equals = colon != NULL ? strrchr (colon, '=') : NULL;
      g_autofree char *word = NULL;

      if (colon == NULL || equals == NULL || strncmp (arg, "category:", colon - arg + 1) != 0)
        return sb_cli_usage_error (_("--value takes category:WORD=CATEGORY, not “%s”"), arg);
      if (!is_category (equals + 1))
        {
          g_autofree char *names = category_names ();

          return sb_cli_usage_error (_("Unknown category “%s”: use one of %s"), equals + 1,
                                     names);
        }
      word = g_strndup (colon + 1, equals - colon - 1);
      sb_cost_import_set_category_mapping (import, word, equals + 1);
    }

  if (date_format != NULL)
    {
      SbDateFormat format = SB_DATE_FORMAT_AUTO;

      sb_date_format_from_string (date_format, &format);
      sb_cost_import_set_date_format (import, format);
    }
  if (decimal != NULL)
    {
      SbDecimalMark mark = SB_DECIMAL_AUTO;

      sb_decimal_mark_from_string (decimal, &mark);
      sb_cost_import_set_decimal_mark (import, mark);
    }
  if (category != NULL)
    sb_cost_import_set_default_category (import, category);
  if (currency != NULL)
    sb_cost_import_set_default_currency (import, currency);
  if (unknown != NULL)
    sb_cost_import_set_unknown_suppliers (import, g_str_equal (unknown, "leave")
                                                    ? SB_UNKNOWN_LEAVE : SB_UNKNOWN_CREATE);

  return 0;
}

static void
print_mapping (SbCostImport *import)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < sb_cost_import_get_n_columns (import); c++)
    {
      SbCostField field = sb_cost_import_get_mapping (import, c);

      if (field == SB_COST_FIELD_IGNORE)
        continue;
      if (line->len > 0)
        g_string_append (line, ", ");
      g_string_append_printf (line, "%s → %s", sb_cost_import_get_column_name (import, c),
                              sb_cost_field_to_string (field));
    }

  if (sb_cost_import_mapping_was_remembered (import))
    printf (_("Columns (as remembered from the last import): %s\n"), line->str);
  else
    printf (_("Columns: %s\n"), line->str);
  /* Translators: Dates: day-first; decimal mark: comma */
  printf (_("Dates: %s; decimal mark: %s\n"),
          sb_date_format_to_string (sb_cost_import_get_date_format (import)),
          sb_decimal_mark_to_string (sb_cost_import_get_decimal_mark (import)));
}

int
sb_cli_import_costs (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(SbCostImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *batch = NULL;
  gboolean dry_run = g_hash_table_contains (ctx->options, "--dry-run");
  int status;

  status = check_import_options (ctx);
  if (status != 0)
    return status;

  /* A dry run never creates a book; a real import may start one. */
  store = sb_store_open (ctx->book_path, dry_run ? SB_STORE_OPEN_DEFAULT : SB_STORE_OPEN_CREATE,
                         &error);
  if (store == NULL)
    return sb_cli_fail (error);

  file = g_file_new_for_commandline_arg (ctx->args[0]);
  import = sb_cost_import_new (store, file, &error);
  if (import == NULL)
    return sb_cli_fail (error);

  status = apply_import_options (ctx, import);
  if (status != 0)
    return status;

  if (!sb_cost_import_plan (import, &error))
    return sb_cli_fail (error);

  print_mapping (import);
  summary = sb_cost_import_summarize (import);
  printf ("%s: %s\n", ctx->args[0], summary);

  for (guint i = 0; i < sb_cost_import_get_n_items (import); i++)
    {
      const SbCostImportItem *item = sb_cost_import_get_item (import, i);
      g_autofree char *line = g_strdup_printf ("%u", item->line);

      switch (item->status)
        {
        case SB_COST_LINE_PROBLEM:
          fprintf (stderr, _("line %s: %s\n"), line, item->reason);
          break;
        case SB_COST_LINE_SKIPPED:
          /* Translators: line 7: skipped, a balance line, not a cost */
          printf (_("line %s: skipped, %s\n"), line, item->reason);
          break;
        case SB_COST_LINE_DUPLICATE:
          printf (_("line %s: skipped, %s\n"), line, item->reason);
          break;
        case SB_COST_LINE_NEW:
        default:
          break;
        }
    }

  if (sb_cost_import_get_n_new (import) == 0 && sb_cost_import_get_n_problems (import) > 0)
    {
      fprintf (stderr, "servicebook: %s\n",
               _("Nothing could be imported: correct the lines above, or map the columns and "
                 "words with --map, --value and --category, and run the command again."));
      return EXIT_FAILED;
    }

  if (dry_run)
    {
      printf ("%s\n", _("Dry run: nothing was written."));
      return 0;
    }

  if (sb_cost_import_get_n_new (import) == 0)
    {
      printf ("%s\n", _("Nothing new to import."));
      return 0;
    }

  if (!sb_cost_import_apply (import, &batch, &error))
    return sb_cli_fail (error);

  {
    guint n_new = sb_cost_import_get_n_new (import);
    g_autofree char *count = g_strdup_printf ("%u", n_new);
    guint n_problems = sb_cost_import_get_n_problems (import);

    printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s cost into %s.\n",
                         "Imported %s costs into %s.\n", n_new),
            count, ctx->book_path);
    if (n_problems > 0)
      {
        g_autofree char *left = g_strdup_printf ("%u", n_problems);

        printf (g_dngettext (GETTEXT_PACKAGE,
                             "%s line with problems was left out (listed above).\n",
                             "%s lines with problems were left out (listed above).\n",
                             n_problems),
                left);
      }
    printf (_("To undo it: servicebook import undo %s\n"), batch);
  }

  return 0;
}


static gboolean
export_costs_func (SbStore          *store,
                   gpointer          data,
                   GFile            *file,
                   SbCsvWriteFlags   flags,
                   GError          **error)
{
  return sb_cost_csv_export_to_file (store, data, file, flags, error);
}

static int
fail_with (const char *message)
{
  fprintf (stderr, "servicebook: %s\n", message);

  return EXIT_FAILED;
}

int
sb_cli_export_costs (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(SbSupplier) supplier = NULL;
  g_autoptr(SbService) service = NULL;
  const char *output = g_hash_table_lookup (ctx->options, "-o");
  const char *from = g_hash_table_lookup (ctx->options, "--from");
  const char *to = g_hash_table_lookup (ctx->options, "--to");
  const char *category = g_hash_table_lookup (ctx->options, "--category");
  const char *supplier_name = g_hash_table_lookup (ctx->options, "--supplier");
  const char *service_code = g_hash_table_lookup (ctx->options, "--service");
  SbCostFilter filter;
  int status;

  if (output == NULL)
    return sb_cli_usage_error (_("export costs needs -o FILE (or -o - for standard output)"));

  sb_cost_filter_init (&filter);
  if (from != NULL && !sb_date_parse (from, &filter.from, NULL))
    return sb_cli_usage_error (_("--from takes a date as YYYY-MM-DD, not “%s”"), from);
  if (to != NULL && !sb_date_parse (to, &filter.to, NULL))
    return sb_cli_usage_error (_("--to takes a date as YYYY-MM-DD, not “%s”"), to);
  if (category != NULL && !is_category (category))
    {
      g_autofree char *names = category_names ();

      return sb_cli_usage_error (_("Unknown category “%s”: use one of %s"), category, names);
    }
  filter.category = category;

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  if (supplier_name != NULL)
    {
      supplier = sb_suppliers_find (store, supplier_name);
      if (supplier == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("There is no supplier named “%s”"),
                                                      supplier_name);

          return fail_with (message);
        }
      filter.supplier_id = sb_supplier_get_id (supplier);
    }
  if (service_code != NULL)
    {
      service = sb_catalog_find_service (store, service_code);
      if (service == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("There is no service with the code "
                                                        "“%s”"), service_code);

          return fail_with (message);
        }
      filter.service_id = sb_service_get_id (service);
    }

  status = sb_cli_export_csv (store, output, export_costs_func, &filter);
  if (status == 0 && !g_str_equal (output, "-"))
    printf (_("Exported the costs of %s to %s\n"), ctx->book_path, output);

  return status;
}

static gboolean
export_budget_func (SbStore          *store,
                    gpointer          data,
                    GFile            *file,
                    SbCsvWriteFlags   flags,
                    GError          **error)
{
  return sb_budget_csv_export_to_file (store, data, NULL, file, flags, error);
}

/* "There is no budget “X”. The budgets are: …" */
static int
fail_unknown_budget (SbStore    *store,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) budgets = sb_budgets_list (store, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (budgets == NULL)
    return sb_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (budgets); i++)
    {
      g_autoptr(SbBudget) budget = g_list_model_get_item (budgets, i);
      const char *budget_name = sb_budget_get_name (budget);
      gboolean seen = FALSE;

      /* Revisions share a name: list it once. */
      for (guint n = 0; n < names->len && !seen; n++)
        seen = g_str_equal (g_ptr_array_index (names, n), budget_name);
      if (!seen)
        g_ptr_array_add (names, g_strdup (budget_name));
    }

  fprintf (stderr, "servicebook: ");
  fprintf (stderr, _("There is no budget named “%s”."), name);
  fprintf (stderr, " ");
  if (names->len == 0)
    fprintf (stderr, "%s\n", _("The book has no budgets yet."));
  else
    {
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **)names->pdata);
      fprintf (stderr, _("The budgets are: %s\n"), joined);
    }

  return EXIT_FAILED;
}

int
sb_cli_export_budget (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(SbBudget) budget = NULL;
  const char *output = g_hash_table_lookup (ctx->options, "-o");
  g_autofree char *id = NULL;
  int status;

  if (output == NULL)
    return sb_cli_usage_error (_("export budget needs -o FILE (or -o - for standard output)"));

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  budget = sb_budgets_find (store, ctx->args[0]);
  if (budget == NULL)
    return fail_unknown_budget (store, ctx->args[0]);

  id = g_strdup (sb_budget_get_id (budget));
  status = sb_cli_export_csv (store, output, export_budget_func, id);
  if (status == 0 && !g_str_equal (output, "-"))
    /* Translators: Exported the budget “IT 2026” to budget.csv */
    printf (_("Exported the budget “%s” to %s\n"), sb_budget_get_name (budget), output);

  return status;
}
