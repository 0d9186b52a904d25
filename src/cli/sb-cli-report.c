/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-budget-math.h"
#include "sb-budgets.h"
#include "sb-catalog.h"
#include "sb-cli-private.h"
#include "sb-contracts.h"
#include "sb-incidents.h"
#include "sb-report-output.h"
#include "sb-reports.h"
#include "sb-store.h"
#include "sb-suppliers.h"

/*
 * servicebook report NAME -o FILE.pdf|FILE.csv: one of the reports of the
 * registry, built from the book for a period and filters given by the
 * names a person knows (a customer's name, a service's code, an
 * incident's reference), written to a PDF laid out by the same renderer
 * as the app's preview and print, or to a CSV of its tables. No display.
 */

const SbCliOption sb_cli_report_options[] = {
  { "-o", "--output", TRUE },
  { "--period", NULL, TRUE },
  { "--customer", NULL, TRUE },
  { "--service", NULL, TRUE },
  { "--supplier", NULL, TRUE },
  { "--incident", NULL, TRUE },
  { "--contract", NULL, TRUE },
  { "--paper", NULL, TRUE },
  { "--landscape", NULL, FALSE },
  { "--list", NULL, FALSE },
  { NULL },
};

typedef enum
{
  OUTPUT_PDF,
  OUTPUT_CSV,
  OUTPUT_CSV_STDOUT,
} OutputKind;

/* What a report takes besides -o, as the usage shows it:
 * "--incident REF [--customer NAME]". */
static char *
describe_options (const SbReportInfo *info)
{
  GString *out = g_string_new (NULL);

  if (info->needs & SB_REPORT_NEEDS_INCIDENT)
    g_string_append (out, " --incident REF");
  if (info->needs & SB_REPORT_NEEDS_SUPPLIER)
    g_string_append (out, " --supplier NAME");
  if (info->needs & SB_REPORT_NEEDS_CONTRACT)
    g_string_append (out, " --contract REF");
  if (info->needs & SB_REPORT_NEEDS_PERIOD)
    g_string_append (out, " [--period P]");
  if (info->accepts & SB_REPORT_ACCEPTS_CUSTOMER)
    g_string_append (out, " [--customer NAME]");
  if (info->accepts & SB_REPORT_ACCEPTS_SERVICE)
    g_string_append (out, " [--service CODE]");
  if ((info->accepts & SB_REPORT_ACCEPTS_SUPPLIER) && !(info->needs & SB_REPORT_NEEDS_SUPPLIER))
    g_string_append (out, " [--supplier NAME]");
  if ((info->accepts & SB_REPORT_ACCEPTS_CONTRACT) && !(info->needs & SB_REPORT_NEEDS_CONTRACT))
    g_string_append (out, " [--contract REF]");

  if (out->len > 0)
    g_string_erase (out, 0, 1);

  return g_string_free (out, FALSE);
}

static void
print_report_list (FILE *out)
{
  const SbReportInfo *reports;
  guint n_reports = 0;

  reports = sb_reports_get_all (&n_reports);
  for (guint i = 0; i < n_reports; i++)
    {
      g_autofree char *options = describe_options (&reports[i]);

      fprintf (out, "  %-18s %s\n", reports[i].name, _(reports[i].title));
      fprintf (out, "  %-18s %s\n", "", _(reports[i].description));
      if (*options != '\0')
        fprintf (out, "  %-18s %s\n", "", options);
    }
}

/**
 * sb_cli_report_print_options:
 * @out: where to print
 *
 * Prints the options of the report command for the usage.
 */
void
sb_cli_report_print_options (FILE *out)
{
  fprintf (out, "\n%s\n", _("Options of report:"));
  fprintf (out, "  %-30s %s\n", "--list", _("List the reports and what each takes"));
  fprintf (out, "  %-30s %s\n", "-o FILE.pdf, -o FILE.csv",
           _("A PDF of the pages, or a CSV of the report’s tables (-o - for standard output)"));
  fprintf (out, "  %-30s %s\n", "--period 2026-10|2026-Q3|2026",
           _("A month, a quarter or a year (default: this month; for budget, this financial year)"));
  fprintf (out, "  %-30s %s\n", "--customer NAME", _("Only this customer"));
  fprintf (out, "  %-30s %s\n", "--service CODE", _("Only this service"));
  fprintf (out, "  %-30s %s\n", "--supplier NAME", _("Only this supplier; the supplier of a supplier review"));
  fprintf (out, "  %-30s %s\n", "--incident REF", _("The incident of the single-incident report"));
  fprintf (out, "  %-30s %s\n", "--contract REF", _("Only this contract, in the contract register (with --supplier when two suppliers use the reference)"));
  fprintf (out, "  %-30s %s\n", "--paper a4|letter", _("The paper (default: the locale’s)"));
  fprintf (out, "  %-30s %s\n", "--landscape", _("Pages on their side, for wide tables"));
}

/* "Unknown report “x”." and the list, on stderr: a usage error. */
static int
unknown_report (const char *name)
{
  fprintf (stderr, "servicebook: ");
  fprintf (stderr, _("There is no report named “%s”. The reports are:"), name);
  fprintf (stderr, "\n");
  print_report_list (stderr);

  return EXIT_USAGE;
}

static int
fail_with (const char *message)
{
  fprintf (stderr, "servicebook: %s\n", message);

  return EXIT_FAILED;
}

static gboolean
parse_output (const char *output,
              OutputKind *out_kind)
{
  g_autofree char *lower = NULL;

  if (g_str_equal (output, "-"))
    {
      *out_kind = OUTPUT_CSV_STDOUT;
      return TRUE;
    }

  lower = g_utf8_strdown (output, -1);
  if (g_str_has_suffix (lower, ".pdf") && strlen (lower) > 4)
    *out_kind = OUTPUT_PDF;
  else if (g_str_has_suffix (lower, ".csv") && strlen (lower) > 4)
    *out_kind = OUTPUT_CSV;
  else
    return FALSE;

  return TRUE;
}

/* The financial year containing today, as a year period. */
static void
current_financial_year (SbStore        *store,
                        const GDate    *today,
                        SbReportPeriod *out)
{
  SbMonth start = sb_fiscal_year_start (today, sb_budgets_get_fiscal_start_month (store));

  memset (out, 0, sizeof *out);
  out->kind = SB_REPORT_PERIOD_YEAR;
  g_date_clear (&out->first, 1);
  g_date_clear (&out->last, 1);
  g_date_set_dmy (&out->first, 1, sb_month_get_month (start), sb_month_get_year (start));
  out->last = out->first;
  g_date_add_months (&out->last, 12);
  g_date_subtract_days (&out->last, 1);
}

/* Names to ids through the store; a name the book lacks fails with a
 * message saying which. The ids are kept in @keep. */
static int
resolve_filters (SbCliContext     *ctx,
                 SbStore          *store,
                 SbReportFilters  *filters,
                 GPtrArray        *keep)
{
  const char *customer = g_hash_table_lookup (ctx->options, "--customer");
  const char *service = g_hash_table_lookup (ctx->options, "--service");
  const char *supplier = g_hash_table_lookup (ctx->options, "--supplier");
  const char *incident = g_hash_table_lookup (ctx->options, "--incident");
  const char *contract = g_hash_table_lookup (ctx->options, "--contract");

  if (customer != NULL)
    {
      g_autoptr(SbCustomer) found = sb_catalog_find_customer (store, customer);
      g_autofree char *message = NULL;

      if (found == NULL)
        {
          message = g_strdup_printf (_("There is no customer named “%s”"), customer);
          return fail_with (message);
        }
      filters->customer_id = g_strdup (sb_customer_get_id (found));
      g_ptr_array_add (keep, (gpointer)filters->customer_id);
    }

  if (service != NULL)
    {
      g_autoptr(SbService) found = sb_catalog_find_service (store, service);
      g_autofree char *message = NULL;

      if (found == NULL)
        {
          message = g_strdup_printf (_("There is no service with the code “%s”"), service);
          return fail_with (message);
        }
      filters->service_id = g_strdup (sb_service_get_id (found));
      g_ptr_array_add (keep, (gpointer)filters->service_id);
    }

  if (supplier != NULL)
    {
      g_autoptr(SbSupplier) found = sb_suppliers_find (store, supplier);
      g_autofree char *message = NULL;

      if (found == NULL)
        {
          message = g_strdup_printf (_("There is no supplier named “%s”"), supplier);
          return fail_with (message);
        }
      filters->supplier_id = g_strdup (sb_supplier_get_id (found));
      g_ptr_array_add (keep, (gpointer)filters->supplier_id);
    }

  if (incident != NULL)
    {
      g_autoptr(SbIncident) found = sb_incidents_find (store, incident);
      g_autofree char *message = NULL;

      if (found == NULL)
        {
          message = g_strdup_printf (_("There is no incident with the reference “%s”"), incident);
          return fail_with (message);
        }
      filters->incident_id = g_strdup (sb_incident_get_id (found));
      g_ptr_array_add (keep, (gpointer)filters->incident_id);
    }

  if (contract != NULL)
    {
      /* With --supplier, the reference need only be unique among that
       * supplier's contracts. */
      g_autoptr(SbContract) found = sb_contracts_find (store, filters->supplier_id, contract);
      g_autofree char *message = NULL;

      if (found == NULL)
        {
          if (filters->supplier_id != NULL)
            message = g_strdup_printf (_("There is no contract with the reference “%s” from "
                                         "the supplier “%s”"), contract, supplier);
          else
            message = g_strdup_printf (_("There is no contract with the reference “%s”, or "
                                         "several suppliers use it: add --supplier NAME"),
                                       contract);
          return fail_with (message);
        }
      filters->contract_id = g_strdup (sb_contract_get_id (found));
      g_ptr_array_add (keep, (gpointer)filters->contract_id);
    }

  return 0;
}

/* Options the report has no use for are refused rather than ignored:
 * a person asking for one customer's figures must not get everyone's. */
static int
check_options (SbCliContext       *ctx,
               const SbReportInfo *info)
{
  static const struct {
    const char *option;
    guint       accepts;
    guint       needs;
  } filters[] = {
    { "--customer", SB_REPORT_ACCEPTS_CUSTOMER, 0 },
    { "--service", SB_REPORT_ACCEPTS_SERVICE, 0 },
    { "--supplier", SB_REPORT_ACCEPTS_SUPPLIER, SB_REPORT_NEEDS_SUPPLIER },
    { "--incident", 0, SB_REPORT_NEEDS_INCIDENT },
    { "--contract", SB_REPORT_ACCEPTS_CONTRACT, SB_REPORT_NEEDS_CONTRACT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      gboolean given = g_hash_table_contains (ctx->options, filters[i].option);
      gboolean accepted = (info->accepts & filters[i].accepts) || (info->needs & filters[i].needs);

      /* --supplier to tell apart two contracts with the same reference */
      if (given && !accepted && g_str_equal (filters[i].option, "--supplier") &&
          g_hash_table_contains (ctx->options, "--contract") &&
          (info->needs & SB_REPORT_NEEDS_CONTRACT))
        accepted = TRUE;

      if (given && !accepted)
        {
          g_autofree char *options = describe_options (info);

          if (*options == '\0')
            return sb_cli_usage_error (_("The report “%s” takes no %s: it takes only -o FILE"),
                                       info->name, filters[i].option);
          return sb_cli_usage_error (_("The report “%s” takes no %s: it takes %s"),
                                     info->name, filters[i].option, options);
        }
      if (!given && filters[i].needs != 0 && (info->needs & filters[i].needs))
        {
          const char *what = g_str_equal (filters[i].option, "--supplier") ? "NAME" : "REF";

          return sb_cli_usage_error (_("The report “%s” needs %s %s"), info->name,
                                     filters[i].option, what);
        }
    }

  return 0;
}

static int
write_report (SbReportDocument        *document,
              const char              *output,
              OutputKind               kind,
              const SbReportPageSetup *setup,
              guint                   *out_n_pages,
              GError                 **error)
{
  *out_n_pages = 0;

  switch (kind)
    {
    case OUTPUT_PDF:
      {
        g_autoptr(SbReportRenderer) renderer = sb_report_renderer_new (document, setup);

        *out_n_pages = sb_report_renderer_get_n_pages (renderer);
        return sb_report_renderer_write_pdf (renderer, output, error) ? 0 : EXIT_FAILED;
      }

    case OUTPUT_CSV:
      /* For a spreadsheet: CRLF and a byte order mark, as the other
       * exports. */
      return sb_report_write_csv (document, output, SB_CSV_WRITE_CRLF | SB_CSV_WRITE_BOM,
                                  error) ? 0 : EXIT_FAILED;

    case OUTPUT_CSV_STDOUT:
    default:
      {
        /* For a pipe: LF line ends, no byte order mark. */
        g_autofree char *csv = sb_report_document_to_csv (document, SB_CSV_WRITE_DEFAULT);
        gsize length = strlen (csv);

        if (fwrite (csv, 1, length, stdout) != length || fflush (stdout) != 0)
          {
            g_set_error_literal (error, SB_REPORT_ERROR, SB_REPORT_ERROR_IO,
                                 _("Could not write to standard output"));
            return EXIT_FAILED;
          }
        return 0;
      }
    }
}

/**
 * sb_cli_report:
 * @ctx: the parsed command line
 *
 * `servicebook report NAME -o FILE`: builds a report and writes it as a
 * PDF or a CSV, by the output's extension. Without a name, or with
 * --list, lists the reports.
 *
 * Returns: the exit status
 */
int
sb_cli_report (SbCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(SbReportDocument) document = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *described = NULL;
  const char *title;
  const char *output = g_hash_table_lookup (ctx->options, "-o");
  const char *period_text = g_hash_table_lookup (ctx->options, "--period");
  const char *paper = g_hash_table_lookup (ctx->options, "--paper");
  const SbReportInfo *info;
  SbReportFilters filters = { 0 };
  SbReportPageSetup setup;
  SbReportPeriod period;
  OutputKind kind;
  guint n_pages = 0;
  int status;

  if (ctx->n_args == 0)
    {
      if (output != NULL)
        {
          fprintf (stderr, "servicebook: %s\n", _("Name the report to write. The reports are:"));
          print_report_list (stderr);
          return EXIT_USAGE;
        }
      printf ("%s\n", _("The reports:"));
      print_report_list (stdout);
      printf ("\n%s\n", _("Usage: servicebook [--book PATH] report NAME [--period P] [filters] "
                          "-o FILE.pdf|FILE.csv"));
      return 0;
    }

  info = sb_reports_lookup (ctx->args[0]);
  if (info == NULL)
    return unknown_report (ctx->args[0]);

  if (g_hash_table_contains (ctx->options, "--list"))
    return sb_cli_usage_error (_("--list takes no report name"));

  if (output == NULL)
    return sb_cli_usage_error (_("report needs -o FILE.pdf or -o FILE.csv"));
  if (!parse_output (output, &kind))
    return sb_cli_usage_error (_("The output file must end in .pdf (a PDF of the pages) or .csv "
                                 "(a CSV of the tables), not “%s”"), output);

  sb_report_page_setup_init (&setup);
  if (paper != NULL)
    {
      if (g_ascii_strcasecmp (paper, "a4") == 0)
        setup.paper = SB_REPORT_PAPER_A4;
      else if (g_ascii_strcasecmp (paper, "letter") == 0)
        setup.paper = SB_REPORT_PAPER_LETTER;
      else
        return sb_cli_usage_error (_("--paper takes a4 or letter, not “%s”"), paper);
    }
  if (g_hash_table_contains (ctx->options, "--landscape"))
    setup.orientation = SB_REPORT_LANDSCAPE;

  if (period_text != NULL && !sb_report_period_parse (period_text, &period, &error))
    return sb_cli_usage_error ("%s", error->message);

  status = check_options (ctx, info);
  if (status != 0)
    return status;

  store = sb_store_open (ctx->book_path, SB_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return sb_cli_fail (error);

  if (period_text == NULL)
    {
      GDate today;

      sb_contracts_get_today (store, &today);
      if (g_str_equal (info->name, "budget"))
        current_financial_year (store, &today, &period);
      else
        sb_report_period_for_day (SB_REPORT_PERIOD_MONTH, &today, &period);
    }

  status = resolve_filters (ctx, store, &filters, keep);
  if (status != 0)
    return status;

  document = sb_reports_build (info, store, &period, &filters, &error);
  if (document == NULL)
    return sb_cli_fail (error);

  status = write_report (document, output, kind, &setup, &n_pages, &error);
  if (status != 0)
    return sb_cli_fail (error);

  if (kind == OUTPUT_CSV_STDOUT)
    return 0;

  /* The document's own title names the record: "Incident INC-0042". */
  title = sb_report_document_get_title (document);
  if (info->needs & SB_REPORT_NEEDS_PERIOD)
    {
      /* The document's own period: a budget's is its financial year. */
      const char *document_period = sb_report_document_get_period (document);
      g_autofree char *label = NULL;

      if (document_period != NULL && *document_period != '\0')
        label = g_strdup (document_period);
      else
        label = sb_report_period_get_label (&period);

      /* Translators: “Incident log” for October 2026 */
      described = g_strdup_printf (_("“%s” for %s"), title, label);
    }
  else
    described = g_strdup_printf (_("“%s”"), title);

  if (kind == OUTPUT_PDF)
    {
      g_autofree char *pages = g_strdup_printf ("%u", n_pages);

      /* Translators: Wrote “Incident log” for October 2026 to log.pdf (12 pages) */
      printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s to %s (%s page)\n",
                           "Wrote %s to %s (%s pages)\n", n_pages),
              described, output, pages);
    }
  else
    {
      /* Translators: Wrote the tables of “Incident log” for October 2026 to log.csv */
      printf (_("Wrote the tables of %s to %s\n"), described, output);
    }

  return 0;
}
