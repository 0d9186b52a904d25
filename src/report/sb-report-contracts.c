/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-contract-terms.h"
#include "sb-contracts.h"
#include "sb-deadlines.h"
#include "sb-suppliers.h"

#include "sb-report-util-b.h"
#include "sb-reports-private.h"

/*
 * The contract register and renewal calendar (DOMAIN.md, Reports 5): every
 * live contract as of a day with its terms, status and cost, then every
 * deadline of the twelve months from that day, month by month, so that no
 * notice date passes unnoticed. With a supplier, only its contracts.
 */

/* Per currency: the yearly cost of the contracts in force. */
typedef struct
{
  char   currency[4];
  gint64 yearly;
} CurrencyTotal;

static gboolean
status_in_force (SbContractStatus status)
{
  return status == SB_CONTRACT_ACTIVE ||
         status == SB_CONTRACT_IN_NOTICE_WINDOW ||
         status == SB_CONTRACT_EXPIRING;
}

static void
add_to_totals (GArray     *totals,
               const char *currency,
               gint64      yearly)
{
  CurrencyTotal total = { { 0 }, 0 };

  for (guint i = 0; i < totals->len; i++)
    {
      CurrencyTotal *t = &g_array_index (totals, CurrencyTotal, i);

      if (g_strcmp0 (t->currency, currency) == 0)
        {
          t->yearly += yearly;
          return;
        }
    }

  g_strlcpy (total.currency, currency, sizeof total.currency);
  total.yearly = yearly;
  g_array_append_val (totals, total);
}

/* "€12,000.00", or "€12,000.00 + $3,000.00" for several currencies */
static char *
format_totals (GArray *totals)
{
  GString *out = g_string_new (NULL);

  if (totals->len == 0)
    return sb_report_b_money (0, NULL);

  for (guint i = 0; i < totals->len; i++)
    {
      CurrencyTotal *t = &g_array_index (totals, CurrencyTotal, i);
      g_autofree char *money = sb_report_b_money (t->yearly, t->currency);

      if (i > 0)
        g_string_append (out, " + ");
      g_string_append (out, money);
    }

  return g_string_free (out, FALSE);
}

/* "€450.00 a month", "€6,400.00 once" */
static char *
format_cost (gint64          amount,
             const char     *currency,
             SbBillingPeriod billing)
{
  g_autofree char *money = sb_report_b_money (amount, currency);

  switch (billing)
    {
    case SB_BILLING_MONTHLY:
      /* Translators: a contract's cost, %s is an amount */
      return g_strdup_printf (_("%s a month"), money);
    case SB_BILLING_QUARTERLY:
      /* Translators: a contract's cost, %s is an amount */
      return g_strdup_printf (_("%s a quarter"), money);
    case SB_BILLING_YEARLY:
      /* Translators: a contract's cost, %s is an amount */
      return g_strdup_printf (_("%s a year"), money);
    case SB_BILLING_ONE_OFF:
    default:
      /* Translators: a contract's one-off cost, %s is an amount */
      return g_strdup_printf (_("%s once"), money);
    }
}

static char *
format_renewal (const SbContractTerms *terms)
{
  g_autofree char *months = NULL;

  if (terms->renewal == SB_RENEWAL_NONE)
    return g_strdup (sb_renewal_get_label (terms->renewal));

  months = sb_contract_terms_format_months (terms->renewal_months);
  /* Translators: how a contract renews and for how long, as in
   * "Renews automatically, 12 months" */
  return g_strdup_printf (C_ ("contract renewal", "%s, %s"),
                          sb_renewal_get_label (terms->renewal), months);
}

/* "November 2026" */
static char *
format_month_long (const GDate *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                 1, 0, 0, 0);
  /* Translators: a month and year as a heading of the renewal calendar,
   * as in "November 2026"; the codes are those of g_date_time_format() */
  char *text = g_date_time_format (dt, C_ ("renewal calendar month", "%B %Y"));

  return text != NULL ? text : g_strdup_printf ("%04d-%02d", g_date_get_year (day),
                                                g_date_get_month (day));
}

static void
add_register (SbReportDocument *doc,
              GListModel       *contracts,
              const GDate      *as_of,
              int               warning_days,
              GArray           *totals,
              guint            *out_in_force,
              guint            *out_attention)
{
  SbReportTable *table;
  SbReportTable *terms_table;
  guint n = g_list_model_get_n_items (contracts);

  *out_in_force = 0;
  *out_attention = 0;

  sb_report_document_add_section (doc, _("Contracts"));

  table = sb_report_document_add_table (doc, _("Contracts and their cost"));
  sb_report_table_add_column (table, _("Supplier"), SB_REPORT_ALIGN_START, 1.4);
  sb_report_table_add_column (table, _("Reference"), SB_REPORT_ALIGN_START, 1.4);
  sb_report_table_add_column (table, _("Title"), SB_REPORT_ALIGN_START, 2.0);
  sb_report_table_add_column (table, _("Status"), SB_REPORT_ALIGN_START, 1.1);
  sb_report_table_add_column (table, _("Cost"), SB_REPORT_ALIGN_END, 1.7);
  sb_report_table_add_column (table, _("Per year"), SB_REPORT_ALIGN_END, 1.3);
  sb_report_table_set_empty_text (table, _("No contracts are recorded."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);
      SbContractState state;
      gint64 amount = sb_contract_get_cost_amount (contract);
      const char *currency = sb_contract_get_cost_currency (contract);
      SbBillingPeriod billing = sb_contract_get_billing_period (contract);
      g_autofree char *cost = NULL;
      g_autofree char *yearly = NULL;

      sb_contract_get_state (contract, as_of, warning_days, &state);
      if (status_in_force (state.status))
        (*out_in_force)++;
      if (state.status == SB_CONTRACT_IN_NOTICE_WINDOW || state.status == SB_CONTRACT_EXPIRING)
        (*out_attention)++;

      if (amount >= 0 && currency != NULL)
        {
          gint64 per_year = sb_billing_yearly_amount (billing, amount);

          cost = format_cost (amount, currency, billing);
          if (billing == SB_BILLING_ONE_OFF)
            yearly = g_strdup ("—");
          else
            yearly = sb_report_b_money (per_year, currency);
          if (status_in_force (state.status) && billing != SB_BILLING_ONE_OFF)
            add_to_totals (totals, currency, per_year);
        }
      else
        {
          cost = g_strdup ("—");
          yearly = g_strdup ("—");
        }

      sb_report_table_add_row (table,
                               sb_contract_get_supplier_name (contract),
                               sb_contract_get_reference (contract),
                               sb_contract_get_title (contract),
                               sb_contract_status_get_label (state.status),
                               cost, yearly, NULL);
    }

  if (n > 0)
    {
      g_autofree char *total = format_totals (totals);
      const char *cells[] = { _("Total"), "", _("Contracts in force"), "", "", total };

      sb_report_table_add_total_rowv (table, cells);
    }

  terms_table = sb_report_document_add_table (doc, _("Terms and current dates"));
  sb_report_table_add_column (terms_table, _("Reference"), SB_REPORT_ALIGN_START, 1.3);
  sb_report_table_add_column (terms_table, _("Type"), SB_REPORT_ALIGN_START, 1.3);
  sb_report_table_add_column (terms_table, _("Start"), SB_REPORT_ALIGN_END, 1.35);
  sb_report_table_add_column (terms_table, _("Term"), SB_REPORT_ALIGN_START, 1.0);
  sb_report_table_add_column (terms_table, _("Renewal"), SB_REPORT_ALIGN_START, 1.6);
  sb_report_table_add_column (terms_table, _("Notice"), SB_REPORT_ALIGN_START, 1.0);
  sb_report_table_add_column (terms_table, _("Term ends"), SB_REPORT_ALIGN_END, 1.35);
  sb_report_table_add_column (terms_table, _("Last day for notice"), SB_REPORT_ALIGN_END, 1.35);
  sb_report_table_set_empty_text (terms_table, _("No contracts are recorded."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);
      const SbContractTerms *terms = sb_contract_get_terms (contract);
      SbContractState state;
      g_autofree char *start = sb_report_b_date (&terms->start);
      g_autofree char *term = sb_contract_terms_format_months (terms->initial_months);
      g_autofree char *renewal = format_renewal (terms);
      g_autofree char *notice = sb_contract_terms_format_notice_period (terms);
      g_autofree char *ends = NULL;
      g_autofree char *notice_day = NULL;

      sb_contract_get_state (contract, as_of, warning_days, &state);

      if (state.status == SB_CONTRACT_EXPIRED || state.status == SB_CONTRACT_TERMINATED)
        ends = sb_report_b_date (&state.final_end);
      else
        ends = sb_report_b_date (&state.term_end);

      if (terms->renewal != SB_RENEWAL_NONE && status_in_force (state.status))
        notice_day = sb_report_b_date (&state.notice_deadline);
      else
        notice_day = g_strdup ("—");

      sb_report_table_add_row (terms_table, sb_contract_get_reference (contract),
                               sb_contract_type_get_label (sb_contract_get_contract_type (contract)),
                               start, term, renewal, notice, ends, notice_day, NULL);
    }
}

/**
 * sb_report_b_add_renewal_calendar:
 * @doc: a report document
 * @deadlines: (element-type SbDeadline): deadlines by date
 * @from: the calendar's first day
 * @to: its last day
 *
 * Adds the section "Renewal calendar": a table of deadlines per month.
 */
void
sb_report_b_add_renewal_calendar (SbReportDocument *doc,
                                  GPtrArray        *deadlines,
                                  const GDate      *from,
                                  const GDate      *to)
{
  g_autofree char *from_text = sb_report_b_date (from);
  g_autofree char *to_text = sb_report_b_date (to);
  g_autofree char *intro = NULL;
  SbReportTable *table = NULL;
  int month_key = -1;

  sb_report_document_add_section (doc, _("Renewal calendar"));

  if (deadlines->len == 0)
    /* Translators: the two %s are dates */
    intro = g_strdup_printf (_("No decision falls due from %s to %s."), from_text, to_text);
  else
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %u is a count, the two %s are dates */
                                          "%u deadline from %s to %s: the last days to give "
                                          "notice or agree a renewal, the ends of terms and "
                                          "the supplier reviews due.",
                                          "%u deadlines from %s to %s: the last days to give "
                                          "notice or agree a renewal, the ends of terms and "
                                          "the supplier reviews due.",
                                          deadlines->len),
                             deadlines->len, from_text, to_text);
  sb_report_document_add_paragraph (doc, intro);

  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (deadlines, i);
      int key = g_date_get_year (&deadline->date) * 12 + g_date_get_month (&deadline->date);
      g_autofree char *day = sb_report_b_date (&deadline->date);
      g_autofree char *contract = NULL;

      if (key != month_key)
        {
          g_autofree char *month = format_month_long (&deadline->date);

          table = sb_report_document_add_table (doc, month);
          sb_report_table_add_column (table, _("Date"), SB_REPORT_ALIGN_END, 1.3);
          sb_report_table_add_column (table, _("Deadline"), SB_REPORT_ALIGN_START, 1.3);
          sb_report_table_add_column (table, _("Supplier"), SB_REPORT_ALIGN_START, 1.3);
          sb_report_table_add_column (table, _("Contract"), SB_REPORT_ALIGN_START, 1.8);
          sb_report_table_add_column (table, _("What it means"), SB_REPORT_ALIGN_START, 3.2);
          month_key = key;
        }

      if (deadline->contract_reference != NULL)
        /* Translators: a contract's reference and title, as in
         * "HOST-2024 — Managed hosting" */
        contract = g_strdup_printf (C_ ("contract", "%s — %s"), deadline->contract_reference,
                                    deadline->contract_title != NULL ? deadline->contract_title : "");
      else
        contract = g_strdup ("—");

      sb_report_table_add_row (table, day, sb_deadline_kind_get_label (deadline->kind),
                               deadline->supplier_name != NULL ? deadline->supplier_name : "",
                               contract, deadline->detail != NULL ? deadline->detail : "", NULL);
    }
}

/**
 * sb_report_build_contracts:
 * @store: the book
 * @period: the period; the register is as of its reference day (today
 *   within it, else its last day)
 * @filters: (nullable): a supplier narrows it to its contracts
 * @error: return location for a #GError
 *
 * Builds the contract register and renewal calendar.
 *
 * Returns: (transfer full): the document, or %NULL on error
 */
SbReportDocument *
sb_report_build_contracts (SbStore               *store,
                           const SbReportPeriod  *period,
                           const SbReportFilters *filters,
                           GError               **error)
{
  g_autoptr(SbReportDocument) doc = NULL;
  g_autoptr(SbSupplier) supplier = NULL;
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (CurrencyTotal));
  g_autofree char *as_of_text = NULL;
  g_autofree char *period_label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *n_text = NULL;
  g_autofree char *in_force_text = NULL;
  g_autofree char *attention_text = NULL;
  g_autofree char *yearly_text = NULL;
  g_autofree char *yearly_detail = NULL;
  g_autofree char *deadlines_text = NULL;
  const char *supplier_id = filters != NULL ? filters->supplier_id : NULL;
  const char *contract_id = filters != NULL ? filters->contract_id : NULL;
  g_autoptr(SbContract) only = NULL;
  GDate as_of;
  GDate until;
  guint in_force;
  guint attention;
  int warning_days;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  /* One contract (printed from the contract itself): its supplier's
   * register narrowed to it. */
  if (contract_id != NULL)
    {
      only = sb_contracts_get (store, contract_id, error);
      if (only == NULL)
        return NULL;
      supplier_id = sb_contract_get_supplier_id (only);
    }

  if (supplier_id != NULL)
    {
      supplier = sb_suppliers_get (store, supplier_id, error);
      if (supplier == NULL)
        return NULL;
    }

  if (only != NULL)
    {
      GListStore *one = g_list_store_new (SB_TYPE_CONTRACT);

      g_list_store_append (one, only);
      contracts = G_LIST_MODEL (one);
    }
  else
    {
      contracts = sb_contracts_list (store, supplier_id, error);
      if (contracts == NULL)
        return NULL;
    }

  sb_report_b_reference_day (store, period, &as_of);
  sb_report_b_add_months (&as_of, 12, &until);
  g_date_subtract_days (&until, 1);
  deadlines = sb_report_b_deadlines (store, supplier_id, &as_of, &until, error);
  if (deadlines == NULL)
    return NULL;
  if (only != NULL)
    for (guint i = deadlines->len; i > 0; i--)
      {
        SbDeadline *deadline = g_ptr_array_index (deadlines, i - 1);

        if (g_strcmp0 (deadline->contract_id, contract_id) != 0)
          g_ptr_array_remove_index (deadlines, i - 1);
      }

  warning_days = sb_contracts_get_warning_days (store);

  if (only != NULL)
    /* Translators: a report's title; the contract's reference, then its supplier */
    title = g_strdup_printf (_("Contract %s with %s"), sb_contract_get_reference (only),
                             sb_supplier_get_name (supplier));
  else if (supplier != NULL)
    /* Translators: a report's title; %s is a supplier's name */
    title = g_strdup_printf (_("Contract register and renewal calendar: %s"),
                             sb_supplier_get_name (supplier));
  else
    title = g_strdup (_("Contract register and renewal calendar"));

  doc = sb_report_document_new (title);
  as_of_text = sb_report_b_date (&as_of);
  /* Translators: the period of the contract register; %s is a date */
  period_label = g_strdup_printf (_("As of %s"), as_of_text);
  sb_report_b_describe (doc, store, period_label,
                        _("Every contract with its terms, status and cost, and every decision "
                          "its terms call for in the next twelve months, so that no renewal "
                          "or notice date passes unnoticed."),
                        _("The business owner, the service manager and whoever signs or "
                          "cancels contracts"),
                        _("The contract register of this book: the terms and billing of each "
                          "contract and the deadlines derived from them"));

  /* Key figures after the tables are known, but shown first */
  {
    g_autoptr(SbReportDocument) body = sb_report_document_new (title);

    add_register (body, contracts, &as_of, warning_days, totals, &in_force, &attention);
    sb_report_b_add_renewal_calendar (body, deadlines, &as_of, &until);

    n_text = g_strdup_printf ("%u", g_list_model_get_n_items (contracts));
    in_force_text = g_strdup_printf ("%u", in_force);
    attention_text = g_strdup_printf ("%u", attention);
    if (totals->len > 1)
      {
        g_autoptr(GArray) others = g_array_new (FALSE, TRUE, sizeof (CurrencyTotal));
        g_autofree char *rest = NULL;

        g_array_append_vals (others, &g_array_index (totals, CurrencyTotal, 1), totals->len - 1);
        rest = format_totals (others);
        g_array_set_size (totals, 1);
        /* Translators: under the yearly cost when contracts are in several
         * currencies; %s is the other amounts, as in "$10,320.00" */
        yearly_detail = g_strdup_printf (_("of the contracts in force, plus %s"), rest);
      }
    else
      yearly_detail = g_strdup (_("of the contracts in force"));
    yearly_text = format_totals (totals);
    deadlines_text = g_strdup_printf ("%u", deadlines->len);

    sb_report_document_add_key_figure (doc, _("Contracts"), n_text, NULL);
    sb_report_document_add_key_figure (doc, _("In force"), in_force_text, NULL);
    sb_report_document_add_key_figure (doc, _("Need a decision soon"), attention_text,
                                       _("in the notice window or expiring"));
    sb_report_document_add_key_figure (doc, _("Cost per year"), yearly_text, yearly_detail);
    sb_report_document_add_key_figure (doc, _("Deadlines"), deadlines_text,
                                       _("in the next 12 months"));
    sb_report_document_end_key_figures (doc);

    sb_report_document_append (doc, body);
  }

  return g_steal_pointer (&doc);
}
