/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-report-output.h"
#include "sb-reports-private.h"

/* In DOMAIN.md's order (Reports). */
static const SbReportInfo reports[] = {
  {
    "catalogue",
    N_("Service catalogue"),
    N_("The services offered, their support hours, targets and prices, for customers"),
    0,
    SB_REPORT_ACCEPTS_CUSTOMER,
    sb_report_build_catalogue,
  },
  {
    "service-levels",
    N_("Service level report"),
    N_("Targets against achieved per service and priority, breaches with reasons, workload and trend"),
    SB_REPORT_NEEDS_PERIOD,
    SB_REPORT_ACCEPTS_CUSTOMER | SB_REPORT_ACCEPTS_SERVICE,
    sb_report_build_service_levels,
  },
  {
    "incident-log",
    N_("Incident log"),
    N_("Every incident opened in a period, with its state against the targets"),
    SB_REPORT_NEEDS_PERIOD,
    SB_REPORT_ACCEPTS_CUSTOMER | SB_REPORT_ACCEPTS_SERVICE,
    sb_report_build_incident_log,
  },
  {
    "incident",
    N_("Incident record"),
    N_("One incident with every field, its service level clocks and its whole timeline"),
    SB_REPORT_NEEDS_INCIDENT,
    0,
    sb_report_build_incident,
  },
  {
    "supplier-review",
    N_("Supplier performance review"),
    N_("A supplier's contracts, spend, escalated incidents against its targets, scores and deadlines"),
    SB_REPORT_NEEDS_PERIOD | SB_REPORT_NEEDS_SUPPLIER,
    SB_REPORT_ACCEPTS_SUPPLIER,
    sb_report_build_supplier_review,
  },
  {
    "contracts",
    N_("Contract register and renewal calendar"),
    N_("Every contract with its terms and its next deadlines"),
    0,
    SB_REPORT_ACCEPTS_SUPPLIER | SB_REPORT_ACCEPTS_CONTRACT,
    sb_report_build_contracts,
  },
  {
    "budget",
    N_("Budget against actual"),
    N_("Budget, actual and forecast per line and month with variance; spend per supplier and service"),
    SB_REPORT_NEEDS_PERIOD,
    SB_REPORT_ACCEPTS_SERVICE | SB_REPORT_ACCEPTS_SUPPLIER,
    sb_report_build_budget,
  },
  {
    "management-review",
    N_("Management review pack"),
    N_("One document gathering service levels, incidents, suppliers, contracts and budget for a period"),
    SB_REPORT_NEEDS_PERIOD,
    0,
    sb_report_build_management_review,
  },
};

/**
 * sb_reports_get_all:
 * @n_reports: (out): the number of reports
 *
 * The reports Servicebook can make, in the order of DOMAIN.md.
 *
 * Returns: (transfer none) (array length=n_reports): the reports
 */
const SbReportInfo *
sb_reports_get_all (guint *n_reports)
{
  g_return_val_if_fail (n_reports != NULL, NULL);

  *n_reports = G_N_ELEMENTS (reports);
  return reports;
}

/**
 * sb_reports_lookup:
 * @name: a report's name for the command line, as in "incident-log"
 *
 * Finds a report by its name.
 *
 * Returns: (transfer none) (nullable): the report, or %NULL if there is no
 *   report of that name
 */
const SbReportInfo *
sb_reports_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    if (g_strcmp0 (reports[i].name, name) == 0)
      return &reports[i];

  return NULL;
}

static gboolean
is_set (const char *id)
{
  return id != NULL && id[0] != '\0';
}

/**
 * sb_reports_build:
 * @info: the report
 * @store: the book to read
 * @period: (nullable): the report's period; needed by reports with
 *   %SB_REPORT_NEEDS_PERIOD, optional for the others
 * @filters: (nullable): customer, service, supplier, incident or contract
 * @error: return location for a #GError
 *
 * Checks that what the report needs is given and builds its document. A
 * missing period, incident, supplier or contract fails with
 * %SB_REPORT_ERROR_INVALID and a message saying what the report needs.
 *
 * Returns: (transfer full) (nullable): the report's document, or %NULL
 *   with @error set
 */
SbReportDocument *
sb_reports_build (const SbReportInfo    *info,
                  SbStore               *store,
                  const SbReportPeriod  *period,
                  const SbReportFilters *filters,
                  GError               **error)
{
  static const SbReportFilters no_filters = { 0 };

  g_return_val_if_fail (info != NULL && info->build != NULL, NULL);
  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filters == NULL)
    filters = &no_filters;

  if ((info->needs & SB_REPORT_NEEDS_PERIOD) && period == NULL)
    {
      /* Translators: %s is a report's title, as in "Incident log" */
      g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                   _("The report “%s” needs a period: a month (2026-10), a quarter (2026-Q3) or a year (2026)."),
                   _(info->title));
      return NULL;
    }
  if ((info->needs & SB_REPORT_NEEDS_INCIDENT) && !is_set (filters->incident_id))
    {
      g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                   _("The report “%s” needs an incident."),
                   _(info->title));
      return NULL;
    }
  if ((info->needs & SB_REPORT_NEEDS_SUPPLIER) && !is_set (filters->supplier_id))
    {
      g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                   _("The report “%s” needs a supplier."),
                   _(info->title));
      return NULL;
    }
  if ((info->needs & SB_REPORT_NEEDS_CONTRACT) && !is_set (filters->contract_id))
    {
      g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                   _("The report “%s” needs a contract."),
                   _(info->title));
      return NULL;
    }
  if (period != NULL
      && (!g_date_valid (&period->first) || !g_date_valid (&period->last)
          || g_date_compare (&period->first, &period->last) > 0))
    {
      g_set_error (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                   _("The report’s period is not valid."));
      return NULL;
    }

  return info->build (store, period, filters, error);
}
