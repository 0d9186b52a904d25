/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-budget-math.h"
#include "sb-contracts.h"
#include "sb-deadlines.h"
#include "sb-money.h"
#include "sb-store-private.h"
#include "sb-time.h"

#include "sb-report-util-b.h"

/**
 * sb_report_b_describe:
 * @doc: a report document
 * @store: the book it is made from
 * @period_label: the period as people read it
 * @purpose: what the report is for
 * @audience: who it is for
 * @data_source: where its figures come from
 *
 * Fills in what every report names (DOMAIN.md, Reports) and dates it by
 * the store's clock, so that a test with a fixed clock gets the same
 * footer every time.
 */
void
sb_report_b_describe (SbReportDocument *doc,
                      SbStore          *store,
                      const char       *period_label,
                      const char       *purpose,
                      const char       *audience,
                      const char       *data_source)
{
  g_autofree char *base = NULL;
  g_autofree char *source = NULL;
  const char *path;

  sb_report_document_set_period (doc, period_label);
  sb_report_document_set_purpose (doc, purpose);
  sb_report_document_set_audience (doc, audience);
  path = sb_store_get_path (store);
  base = path != NULL ? g_path_get_basename (path) : g_strdup (_("an unsaved book"));
  /* Translators: a report's data source: which records, then the book's
   * file name */
  source = g_strdup_printf (_("%s, in the book “%s”"), data_source, base);
  sb_report_document_set_data_source (doc, source);
  sb_report_document_set_generated_at (doc, sb_store_now_ms (store));
}

/**
 * sb_report_b_reference_day:
 * @store: the book
 * @period: a report's period
 * @out_day: (out): the day the report looks at
 *
 * Today when the period contains it; the period's last day when it is
 * over; its first day when it lies ahead.
 */
void
sb_report_b_reference_day (SbStore              *store,
                           const SbReportPeriod *period,
                           GDate                *out_day)
{
  GDate today;

  sb_contracts_get_today (store, &today);
  if (g_date_compare (&today, &period->last) > 0)
    *out_day = period->last;
  else if (g_date_compare (&today, &period->first) < 0)
    *out_day = period->first;
  else
    *out_day = today;
}

/**
 * sb_report_b_date:
 * @date: a date, valid or not
 *
 * Returns: (transfer full): the date in the user's format, or a dash
 */
char *
sb_report_b_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");
  return sb_date_format_local (date);
}

/**
 * sb_report_b_date_text:
 * @text: (nullable): a stored YYYY-MM-DD date
 *
 * Returns: (transfer full): the date in the user's format, or a dash
 */
char *
sb_report_b_date_text (const char *text)
{
  GDate date;

  if (text == NULL || *text == '\0')
    return g_strdup ("—");
  g_date_clear (&date, 1);
  if (!sb_date_parse (text, &date, NULL))
    return g_strdup (text);
  return sb_date_format_local (&date);
}

/**
 * sb_report_b_money:
 * @amount: minor units; negative with a %NULL currency means none
 * @currency: (nullable): an ISO 4217 code
 *
 * Returns: (transfer full): the amount in the user's locale, or a dash
 */
char *
sb_report_b_money (gint64      amount,
                   const char *currency)
{
  if (currency == NULL || *currency == '\0')
    return g_strdup ("—");
  return sb_money_format (amount, currency);
}

/**
 * sb_report_b_money_whole:
 * @amount: minor units
 * @currency: an ISO 4217 code
 *
 * Rounds half away from zero to whole units of the currency and leaves
 * out the minor digits, for grids of months and chart axes.
 *
 * Returns: (transfer full): the amount in the user's locale
 */
char *
sb_report_b_money_whole (gint64      amount,
                         const char *currency)
{
  SbMoneyStyle style;
  g_autofree char *text = NULL;
  g_autofree char *tail = NULL;
  int digits = sb_currency_get_digits (currency);
  gint64 scale = 1;
  char *at;

  if (digits <= 0)
    return sb_report_b_money (amount, currency);

  for (int i = 0; i < digits; i++)
    scale *= 10;
  amount = (amount >= 0 ? amount + scale / 2 : amount - scale / 2) / scale * scale;

  text = sb_money_format (amount, currency);
  sb_money_style_from_locale (&style);

  /* Leave out the decimal separator and its zeros, wherever the symbol is */
  tail = g_strnfill (digits, '0');
  at = g_strrstr (text, style.decimal);
  if (at != NULL && strncmp (at + strlen (style.decimal), tail, digits) == 0)
    {
      size_t cut = strlen (style.decimal) + digits;

      memmove (at, at + cut, strlen (at + cut) + 1);
    }

  return g_steal_pointer (&text);
}

static char *
chart_money (gint64   value,
             gpointer user_data)
{
  return sb_report_b_money_whole (value, user_data);
}

/**
 * sb_report_b_chart_money:
 * @chart: a chart of amounts
 * @currency: their currency
 *
 * Labels the chart's axis and values as money in whole units.
 */
void
sb_report_b_chart_money (SbChart    *chart,
                         const char *currency)
{
  sb_chart_set_format_func (chart, chart_money, g_strdup (currency), g_free);
}

/**
 * sb_report_b_month_label:
 * @year: the year
 * @month: 1…12
 *
 * Returns: (transfer full): "Nov 2026", in the user's language
 */
char *
sb_report_b_month_label (int year,
                         int month)
{
  return sb_month_get_label (sb_month_from_ymd (year, month), TRUE);
}

/**
 * sb_report_b_percent:
 * @percent: a whole per cent, or -1 for none
 *
 * Returns: (transfer full): "82 %", or a dash
 */
char *
sb_report_b_percent (int percent)
{
  if (percent < 0)
    return g_strdup ("—");
  /* Translators: a whole per cent, as in "82 %" */
  return g_strdup_printf (_("%d %%"), percent);
}

/**
 * sb_report_b_add_months:
 * @day: a valid date
 * @n: months to add (may be negative)
 * @out_day: (out): the day @n months later, clamped to its month's end
 */
void
sb_report_b_add_months (const GDate *day,
                        int          n,
                        GDate       *out_day)
{
  *out_day = *day;
  sb_date_add_months_clamped (out_day, n);
}

/**
 * sb_report_b_deadlines:
 * @store: the book
 * @supplier_id: (nullable): one supplier, or all
 * @from: the first day
 * @to: the last day
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type SbDeadline): the deadlines
 *   by date, or %NULL on error
 */
GPtrArray *
sb_report_b_deadlines (SbStore      *store,
                       const char   *supplier_id,
                       const GDate  *from,
                       const GDate  *to,
                       GError      **error)
{
  g_autoptr(GPtrArray) all = sb_deadlines_list (store, from, to, error);

  if (all == NULL)
    return NULL;

  if (supplier_id != NULL)
    {
      for (guint i = all->len; i > 0; i--)
        {
          SbDeadline *deadline = g_ptr_array_index (all, i - 1);

          if (g_strcmp0 (deadline->supplier_id, supplier_id) != 0)
            g_ptr_array_remove_index (all, i - 1);
        }
    }

  return g_steal_pointer (&all);
}
