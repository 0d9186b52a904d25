/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-catalog.h"
#include "sb-money.h"
#include "sb-time.h"

#include "sb-report-util.h"
#include "sb-reports-private.h"

/*
 * The service catalogue (DOMAIN.md, Reports 1): the document a provider
 * hands its customers. Live services that customers use (supporting
 * services stay inside), grouped by category, each with what it is for,
 * when it is supported and how to reach support, its targets per
 * priority in business time, its availability target and workload limit,
 * what it excludes, and its price. With a customer, only the services
 * that customer has.
 */

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static gboolean
service_is_listed (SbService  *service,
                   const char *customer_id)
{
  const char * const *customers;

  if (g_strcmp0 (sb_service_get_status (service), SB_SERVICE_STATUS_LIVE) != 0)
    return FALSE;
  if (g_strcmp0 (sb_service_get_service_type (service), SB_SERVICE_TYPE_SUPPORTING) == 0)
    return FALSE;
  if (customer_id == NULL)
    return TRUE;

  customers = sb_service_get_customer_ids (service);
  return customers != NULL && g_strv_contains (customers, customer_id);
}

static int
compare_services (gconstpointer a,
                  gconstpointer b)
{
  SbService *sa = *(SbService **) a;
  SbService *sb = *(SbService **) b;
  const char *ca = sb_service_get_category (sa);
  const char *cb = sb_service_get_category (sb);
  int order;

  /* Services without a category come last, under "Other services". */
  if (is_set (ca) != is_set (cb))
    return is_set (ca) ? -1 : 1;
  if (is_set (ca) && (order = g_utf8_collate (ca, cb)) != 0)
    return order;

  return g_utf8_collate (sb_service_get_name (sa), sb_service_get_name (sb));
}

static char *
describe_price (SbService *service)
{
  g_autofree char *amount = NULL;
  const char *period = sb_service_get_price_period (service);

  if (sb_service_get_price_amount (service) < 0 || !is_set (sb_service_get_price_currency (service)))
    return NULL;

  amount = sb_money_format (sb_service_get_price_amount (service),
                            sb_service_get_price_currency (service));
  if (g_strcmp0 (period, "month") == 0)
    /* Translators: a service's price, as in "€ 120.00 per month" */
    return g_strdup_printf (_("%s per month"), amount);
  if (g_strcmp0 (period, "quarter") == 0)
    return g_strdup_printf (_("%s per quarter"), amount);
  if (g_strcmp0 (period, "year") == 0)
    return g_strdup_printf (_("%s per year"), amount);
  if (g_strcmp0 (period, "one-off") == 0)
    /* Translators: a service's price charged once */
    return g_strdup_printf (_("%s once"), amount);
  return g_steal_pointer (&amount);
}

static char *
describe_hours (SbStore   *store,
                SbService *service)
{
  g_autoptr (SbCalendar) calendar = NULL;

  calendar = sb_catalog_get_calendar (store, sb_service_get_calendar_id (service), NULL);
  if (calendar == NULL)
    return g_strdup (_("Around the clock"));

  return sb_catalog_describe_calendar (calendar);
}

static void
add_fact (SbReportTable *table,
          const char    *label,
          const char    *value)
{
  if (is_set (value))
    sb_report_table_add_row (table, label, value);
}

static void
add_service (SbReportDocument *document,
             SbStore          *store,
             SbService        *service)
{
  g_autofree char *heading = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *price = NULL;
  g_autofree char *availability = NULL;
  g_autofree char *workload = NULL;
  g_autofree char *facts_title = NULL;
  g_autofree char *targets_title = NULL;
  SbReportTable *facts;
  SbReportTable *targets;
  gboolean any_target = FALSE;

  /* Translators: a service in the catalogue, "Email (EMAIL)" */
  heading = g_strdup_printf (_("%1$s (%2$s)"), sb_service_get_name (service),
                             sb_service_get_code (service));
  sb_report_document_add_heading (document, 2, heading);

  if (is_set (sb_service_get_description (service)))
    sb_report_document_add_paragraph (document, sb_service_get_description (service));
  if (is_set (sb_service_get_outcomes (service)))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is what the customer gets from the service */
      text = g_strdup_printf (_("What you get: %s"), sb_service_get_outcomes (service));
      sb_report_document_add_paragraph (document, text);
    }

  hours = describe_hours (store, service);
  price = describe_price (service);
  if (sb_service_get_availability_target (service) > 0)
    {
      g_autofree char *percent =
        sb_report_util_format_hundredths (sb_service_get_availability_target (service));

      /* Translators: an availability target, as in "99.5 % per month" */
      availability = g_strdup_printf (_("%s per month"), percent);
    }
  if (sb_service_get_workload_limit (service) > 0)
    workload = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Up to %d incident per month",
                                             "Up to %d incidents per month",
                                             sb_service_get_workload_limit (service)),
                                sb_service_get_workload_limit (service));

  /* Translators: the table of a service's terms; %s is its code */
  facts_title = g_strdup_printf (_("Terms of %s"), sb_service_get_code (service));
  facts = sb_report_document_add_table (document, facts_title);
  sb_report_table_add_column (facts, _("Term"), SB_REPORT_ALIGN_START, 1);
  sb_report_table_add_column (facts, _("Details"), SB_REPORT_ALIGN_START, 3);
  /* the terms of a service on one page when they fit */
  sb_report_table_begin_group (facts);
  add_fact (facts, _("Support hours"), hours);
  add_fact (facts, _("Support channel"), sb_service_get_support_channel (service));
  add_fact (facts, _("Support contact"), sb_service_get_support_contact (service));
  add_fact (facts, _("Availability target"), availability);
  add_fact (facts, _("Workload limit"), workload);
  add_fact (facts, _("Prerequisites"), sb_service_get_prerequisites (service));
  add_fact (facts, _("Exclusions"), sb_service_get_exclusions (service));
  add_fact (facts, _("Agreed exceptions"), sb_service_get_exceptions (service));
  add_fact (facts, _("Price"), price);
  sb_report_table_end_group (facts);
  sb_report_table_set_empty_text (facts, _("No terms recorded."));

  /* Translators: the table of a service's targets; %s is its code */
  targets_title = g_strdup_printf (_("Service level targets of %s"), sb_service_get_code (service));
  targets = sb_report_document_add_table (document, targets_title);
  sb_report_table_add_column (targets, _("Priority"), SB_REPORT_ALIGN_START, 2);
  sb_report_table_add_column (targets, _("Response within"), SB_REPORT_ALIGN_END, 2);
  sb_report_table_add_column (targets, _("Resolution within"), SB_REPORT_ALIGN_END, 2);
  for (int p = 1; p <= SB_SERVICE_N_PRIORITIES; p++)
    {
      int response = sb_service_get_response_target (service, p);
      int resolution = sb_service_get_resolution_target (service, p);
      g_autofree char *label = NULL;
      g_autofree char *r1 = NULL;
      g_autofree char *r2 = NULL;

      if (response <= 0 && resolution <= 0)
        continue;
      if (!any_target)
        sb_report_table_begin_group (targets);
      any_target = TRUE;
      label = sb_report_util_priority_label (p);
      r1 = response > 0 ? sb_duration_format (response) : g_strdup ("–");
      r2 = resolution > 0 ? sb_duration_format (resolution) : g_strdup ("–");
      sb_report_table_add_row (targets, label, r1, r2);
    }
  if (any_target)
    sb_report_table_end_group (targets);
  sb_report_table_set_empty_text (targets, _("No response or resolution targets are agreed for this service."));
  if (any_target)
    sb_report_document_add_paragraph (document,
                                      _("Times are business time: they count only during the support hours above."));
}

SbReportDocument *
sb_report_build_catalogue (SbStore               *store,
                           const SbReportPeriod  *period,
                           const SbReportFilters *filters,
                           GError               **error)
{
  g_autoptr (SbReportDocument) document = NULL;
  g_autoptr (GListModel) model = NULL;
  g_autoptr (GPtrArray) services = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *previous_category = NULL;
  gboolean first = TRUE;
  SbReportTable *overview;
  guint n;

  model = sb_catalog_list_services (store, error);
  if (model == NULL)
    return NULL;

  if (filters->customer_id != NULL)
    {
      customer = sb_report_util_customer_name (store, filters->customer_id, error);
      if (customer == NULL)
        return NULL;
    }

  services = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SbService) service = g_list_model_get_item (model, i);

      if (service_is_listed (service, filters->customer_id))
        g_ptr_array_add (services, g_steal_pointer (&service));
    }
  g_ptr_array_sort (services, compare_services);

  if (customer != NULL)
    /* Translators: the catalogue's title for one customer */
    title = g_strdup_printf (_("Service catalogue for %s"), customer);
  else
    title = g_strdup (_("Service catalogue"));

  document = sb_report_document_new (title);
  sb_report_util_describe (document, store,
                           _("Describes the services on offer, how they are supported and the service levels agreed for them."),
                           customer != NULL ? _("The customer’s staff and service owner")
                                            : _("Customers and prospective customers"),
                           period);

  sb_report_document_add_section (document, _("Services at a glance"));
  overview = sb_report_document_add_table (document, _("Services"));
  sb_report_table_add_column (overview, _("Service"), SB_REPORT_ALIGN_START, 2.6);
  sb_report_table_add_column (overview, _("Code"), SB_REPORT_ALIGN_START, 1.8);
  sb_report_table_add_column (overview, _("Category"), SB_REPORT_ALIGN_START, 2.4);
  sb_report_table_add_column (overview, _("Support hours"), SB_REPORT_ALIGN_START, 3.3);
  sb_report_table_add_column (overview, _("Price"), SB_REPORT_ALIGN_END, 2.5);
  sb_report_table_set_empty_text (overview,
                                  customer != NULL ? _("This customer has no live services.")
                                                   : _("No live services are in the catalogue."));
  for (guint i = 0; i < services->len; i++)
    {
      SbService *service = g_ptr_array_index (services, i);
      g_autofree char *hours = describe_hours (store, service);
      g_autofree char *price = describe_price (service);
      const char *category = sb_service_get_category (service);

      sb_report_table_add_row (overview, sb_service_get_name (service),
                               sb_service_get_code (service),
                               is_set (category) ? category : _("Other services"),
                               hours, price != NULL ? price : "–");
    }

  for (guint i = 0; i < services->len; i++)
    {
      SbService *service = g_ptr_array_index (services, i);
      const char *category = sb_service_get_category (service);

      if (!is_set (category))
        category = NULL;
      if (first || g_strcmp0 (category, previous_category) != 0)
        {
          sb_report_document_add_section (document, category != NULL ? category
                                                                      : _("Other services"));
          g_free (previous_category);
          previous_category = g_strdup (category);
          first = FALSE;
        }
      add_service (document, store, service);
    }

  return g_steal_pointer (&document);
}
