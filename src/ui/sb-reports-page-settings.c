/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-customer.h"
#include "sb-incidents.h"
#include "sb-reports-page-private.h"
#include "sb-service.h"
#include "sb-supplier.h"
#include "sb-suppliers.h"

/* The Reports page's settings: the periods offered (the next one, the
 * current one, then back), the customers, services and suppliers to
 * filter by, kept chosen when the book changes, and the paper. */

void
sb_reports_page_fill_periods (SbReportsPage *self)
{
  SbReportPeriodKind kind = MIN (adw_combo_row_get_selected (self->period_kind_row), SB_REPORT_PERIOD_YEAR);
  guint n = kind == SB_REPORT_PERIOD_MONTH ? N_MONTHS : kind == SB_REPORT_PERIOD_QUARTER ? N_QUARTERS : N_YEARS;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  SbReportPeriod current;
  SbReportPeriod next;
  GDate day;

  sb_report_period_current (self->store, kind, &current);
  day = current.last;
  g_date_add_days (&day, 1);
  sb_report_period_for_day (kind, &day, &next);

  g_array_set_size (self->periods, 0);
  g_array_append_val (self->periods, next);
  g_array_append_val (self->periods, current);
  for (guint i = 1; i < n; i++)
    {
      SbReportPeriod before;

      sb_report_period_previous (&current, i, &before);
      g_array_append_val (self->periods, before);
    }

  for (guint i = 0; i < self->periods->len; i++)
    g_ptr_array_add (labels, sb_report_period_get_label (&g_array_index (self->periods, SbReportPeriod, i)));
  g_ptr_array_add (labels, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->period_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->period_names)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (self->period_row, 1);
  self->loading = FALSE;
}

/* Refills a filter's choices keeping the one chosen. */
static void
fill_choices (SbReportsPage *self,
              AdwComboRow   *row,
              GtkStringList *names,
              GPtrArray     *ids,
              const char    *first,
              GListModel    *items,
              const char *(*get_id) (gpointer),
              char       *(*get_label) (gpointer))
{
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *kept = selected != GTK_INVALID_LIST_POSITION && selected < ids->len
                          ? g_strdup (g_ptr_array_index (ids, selected)) : NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;
  guint select = 0;

  g_ptr_array_set_size (ids, 0);
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, g_strdup (first));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_ptr_array_add (ids, g_strdup (get_id (item)));
      g_ptr_array_add (labels, get_label (item));
      if (kept != NULL && g_strcmp0 (kept, get_id (item)) == 0)
        select = i + 1;
    }
  g_ptr_array_add (labels, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (row, select);
  self->loading = FALSE;
}

static const char *
customer_id (gpointer item)
{
  return sb_customer_get_id (item);
}

static char *
customer_label (gpointer item)
{
  return g_strdup (sb_customer_get_name (item));
}

static const char *
service_id (gpointer item)
{
  return sb_service_get_id (item);
}

static char *
service_label (gpointer item)
{
  /* Translators: a service in a report's filter: its name and its code */
  return g_strdup_printf (_("%s (%s)"), sb_service_get_name (item), sb_service_get_code (item));
}

static const char *
supplier_id (gpointer item)
{
  return sb_supplier_get_id (item);
}

static char *
supplier_label (gpointer item)
{
  return g_strdup (sb_supplier_get_name (item));
}

gboolean
sb_reports_page_needs_supplier (SbReportsPage *self)
{
  return self->info != NULL && (self->info->needs & SB_REPORT_NEEDS_SUPPLIER) != 0;
}

void
sb_reports_page_fill_filters (SbReportsPage *self)
{
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GListModel) suppliers = NULL;
  g_autoptr(GError) error = NULL;

  /* A list that cannot be read leaves its filter with "All" alone; the
   * report itself then says what is wrong with the book. */
  customers = sb_catalog_list_customers (self->store, &error);
  if (customers == NULL)
    g_warning ("Customers not read for the report filters: %s", error->message);
  g_clear_error (&error);
  services = sb_catalog_list_services (self->store, &error);
  if (services == NULL)
    g_warning ("Services not read for the report filters: %s", error->message);
  g_clear_error (&error);
  suppliers = sb_suppliers_list (self->store, &error);
  if (suppliers == NULL)
    g_warning ("Suppliers not read for the report filters: %s", error->message);

  fill_choices (self, self->customer_row, self->customer_names, self->customer_ids,
                _("All customers"), customers, customer_id, customer_label);
  fill_choices (self, self->service_row, self->service_names, self->service_ids,
                _("All services"), services, service_id, service_label);
  fill_choices (self, self->supplier_row, self->supplier_names, self->supplier_ids,
                sb_reports_page_needs_supplier (self) ? _("Choose a supplier") : _("All suppliers"),
                suppliers, supplier_id, supplier_label);
}

const char *
sb_reports_page_chosen_id (AdwComboRow *row,
           GPtrArray   *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (!gtk_widget_get_visible (GTK_WIDGET (row)) || selected >= ids->len)
    return NULL;

  return g_ptr_array_index (ids, selected);
}

void
sb_reports_page_read_page_setup (SbReportsPage     *self,
                SbReportPageSetup *setup)
{
  sb_report_page_setup_init (setup);
  setup->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? SB_REPORT_PAPER_LETTER
                                                                    : SB_REPORT_PAPER_A4;
  setup->orientation = adw_combo_row_get_selected (self->orientation_row) == 1 ? SB_REPORT_LANDSCAPE
                                                                                : SB_REPORT_PORTRAIT;
}

static void
choose (AdwComboRow *row,
        GPtrArray   *ids,
        const char  *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      adw_combo_row_set_selected (row, i);
}

/* Public API */

/**
 * sb_reports_page_set_filters:
 * @self: a Reports page
 * @filters: the customer, service and supplier to choose; for the
 *   single-incident report, the incident
 *
 * Chooses the filters as a person would in their lists; unset ones are
 * set back to all.
 */
void
sb_reports_page_set_filters (SbReportsPage         *self,
                             const SbReportFilters *filters)
{
  g_return_if_fail (SB_IS_REPORTS_PAGE (self));
  g_return_if_fail (filters != NULL);

  choose (self->customer_row, self->customer_ids, filters->customer_id);
  choose (self->service_row, self->service_ids, filters->service_id);
  choose (self->supplier_row, self->supplier_ids, filters->supplier_id);
  if (filters->incident_id != NULL)
    {
      g_autoptr(SbIncident) incident = sb_incidents_get (self->store, filters->incident_id, NULL);

      if (incident != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->incident_row), sb_incident_get_reference (incident));
    }
}

/**
 * sb_reports_page_set_period:
 * @self: a Reports page
 * @period: one of the periods the page offers
 *
 * Chooses @period's kind and @period in the period's list.
 */
void
sb_reports_page_set_period (SbReportsPage        *self,
                            const SbReportPeriod *period)
{
  g_return_if_fail (SB_IS_REPORTS_PAGE (self));
  g_return_if_fail (period != NULL);

  adw_combo_row_set_selected (self->period_kind_row, period->kind);
  for (guint i = 0; i < self->periods->len; i++)
    {
      SbReportPeriod *p = &g_array_index (self->periods, SbReportPeriod, i);

      if (g_date_compare (&p->first, &period->first) == 0 && g_date_compare (&p->last, &period->last) == 0)
        adw_combo_row_set_selected (self->period_row, i);
    }
}

/**
 * sb_reports_page_set_paper:
 * @self: a Reports page
 * @paper: A4 or Letter
 * @orientation: portrait or landscape
 *
 * Chooses the paper the preview, the PDF and the print dialog start with.
 */
void
sb_reports_page_set_paper (SbReportsPage       *self,
                           SbReportPaper        paper,
                           SbReportOrientation  orientation)
{
  g_return_if_fail (SB_IS_REPORTS_PAGE (self));

  adw_combo_row_set_selected (self->paper_row, paper == SB_REPORT_PAPER_LETTER ? 1 : 0);
  adw_combo_row_set_selected (self->orientation_row, orientation == SB_REPORT_LANDSCAPE ? 1 : 0);
}

