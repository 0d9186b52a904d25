/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sb-budget-math"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-budget-math.h"
#include "sb-core-error.h"
#include "sb-money.h"

/*
 * Months are counted from year 0, so that a month is one integer and the
 * months of a period follow each other. Only the years 1…9999 are used:
 * GDate needs a year of at least 1, and a month is written with four
 * digits of year.
 *
 * Conversion multiplies two 64-bit numbers and a power of ten, which may
 * need up to 140 bits before the division brings it back; the products
 * are kept in a small unsigned 128-bit number made of two 64-bit halves
 * (portable C, no compiler extension), and any product that does not fit
 * in 128 bits is far too large for the result anyway.
 */

#define MIN_YEAR 1
#define MAX_YEAR 9999

/* How many micro-units make one unit of a rate. */
#define RATE_SCALE     G_GINT64_CONSTANT (1000000)
#define RATE_MAX_DIGITS 6

/* The magnitude of G_MININT64, the largest a negative amount can have. */
#define MAX_NEGATIVE_MAGNITUDE ((guint64) G_MAXINT64 + 1)

static gboolean
month_is_valid (SbMonth month)
{
  return month >= MIN_YEAR * 12 && month <= MAX_YEAR * 12 + 11;
}

/**
 * sb_month_from_ymd:
 * @year: the year, 1…9999
 * @month: the month, 1…12
 *
 * Returns: the month as one number, @year × 12 + (@month − 1)
 */
SbMonth
sb_month_from_ymd (int year,
                   int month)
{
  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return (SbMonth) year * 12 + (month - 1);
}

/**
 * sb_month_of_date:
 * @date: a valid date
 *
 * Returns: the month @date falls in
 */
SbMonth
sb_month_of_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return sb_month_from_ymd (g_date_get_year (date), g_date_get_month (date));
}

/**
 * sb_month_get_year:
 * @month: a month
 *
 * Returns: the calendar year of @month
 */
int
sb_month_get_year (SbMonth month)
{
  /* Floor division, so that even a month before year 0 stays coherent. */
  return month >= 0 ? month / 12 : -((-month + 11) / 12);
}

/**
 * sb_month_get_month:
 * @month: a month
 *
 * Returns: the month of the year of @month, 1…12
 */
int
sb_month_get_month (SbMonth month)
{
  return month - sb_month_get_year (month) * 12 + 1;
}

/**
 * sb_month_get_first_day:
 * @month: a month of the years 1…9999
 * @out: (out caller-allocates): the date to set
 *
 * Sets @out to the first day of @month.
 */
void
sb_month_get_first_day (SbMonth month,
                        GDate *out)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (month_is_valid (month));

  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, (GDateMonth) sb_month_get_month (month),
                  (GDateYear) sb_month_get_year (month));
}

/**
 * sb_month_get_last_day:
 * @month: a month of the years 1…9999
 * @out: (out caller-allocates): the date to set
 *
 * Sets @out to the last day of @month.
 */
void
sb_month_get_last_day (SbMonth month,
                       GDate *out)
{
  GDateMonth m;
  GDateYear y;

  g_return_if_fail (out != NULL);
  g_return_if_fail (month_is_valid (month));

  m = (GDateMonth) sb_month_get_month (month);
  y = (GDateYear) sb_month_get_year (month);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_get_days_in_month (m, y), m, y);
}

/**
 * sb_month_parse:
 * @text: a month as "YYYY-MM"
 * @out: (out): the month
 *
 * Reads a month written as four digits of year (0001…9999), a hyphen and
 * two digits of month (01…12), with nothing before or after.
 *
 * Returns: whether @text is such a month
 */
gboolean
sb_month_parse (const char *text,
                SbMonth *out)
{
  int year = 0;
  int month = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;

  for (int i = 0; i < 7; i++)
    {
      if (i == 4)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      if (i < 4)
        year = year * 10 + (text[i] - '0');
      else
        month = month * 10 + (text[i] - '0');
    }

  if (year < MIN_YEAR || month < 1 || month > 12)
    return FALSE;

  *out = sb_month_from_ymd (year, month);
  return TRUE;
}

/**
 * sb_month_format:
 * @month: a month of the years 1…9999
 *
 * Returns: (transfer full): the month as "YYYY-MM", as the book stores it
 */
char *
sb_month_format (SbMonth month)
{
  g_return_val_if_fail (month_is_valid (month), NULL);

  return g_strdup_printf ("%04d-%02d", sb_month_get_year (month),
                          sb_month_get_month (month));
}

/**
 * sb_month_get_label:
 * @month: a month of the years 1…9999
 * @with_year: whether to name the year too
 *
 * Returns: (transfer full): the month as a person reads it, "Apr 2026" or
 *   "Apr", in the user's language
 */
char *
sb_month_get_label (SbMonth month,
                    gboolean with_year)
{
  g_autoptr (GDateTime) first = NULL;
  char *label;

  g_return_val_if_fail (month_is_valid (month), NULL);

  first = g_date_time_new_utc (sb_month_get_year (month),
                               sb_month_get_month (month), 1, 0, 0, 0);
  /* Translators: a month and its year, as in “Apr 2026”; the codes are
   * those of g_date_time_format() */
  label = g_date_time_format (first, with_year ? C_ ("month label", "%b %Y")
                                               /* Translators: a month alone, as in “Apr” */
                                               : C_ ("month label", "%b"));

  /* A translation with a bad code gives NULL; the number is better than
   * nothing. */
  return label != NULL ? label : sb_month_format (month);
}

/**
 * sb_fiscal_year_start:
 * @day: a valid date
 * @start_month: the first month of a financial year, 1…12 (4 for a year
 *   from April to March)
 *
 * For a day in February 2026 and years from April, April 2025; for 1 April
 * 2026, April 2026; with @start_month 1, January of @day's year.
 *
 * Returns: the first month of the financial year that contains @day
 */
SbMonth
sb_fiscal_year_start (const GDate *day,
                      int start_month)
{
  int year;

  g_return_val_if_fail (day != NULL && g_date_valid (day), 0);
  g_return_val_if_fail (start_month >= 1 && start_month <= 12, 0);

  year = g_date_get_year (day);
  if ((int) g_date_get_month (day) < start_month)
    year--;

  g_return_val_if_fail (year >= MIN_YEAR, 0);

  return sb_month_from_ymd (year, start_month);
}

/**
 * sb_fiscal_period_get_label:
 * @start: the first month of the period
 * @n_months: how many months it lasts, at least 1
 *
 * Returns: (transfer full): "Apr 2026 – Mar 2027"; "2026" for exactly a
 *   calendar year; "Apr 2026" for a single month
 */
char *
sb_fiscal_period_get_label (SbMonth start,
                            guint n_months)
{
  SbMonth last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (n_months >= 1 && n_months <= 12 * MAX_YEAR, NULL);
  g_return_val_if_fail (month_is_valid (start), NULL);

  last = start + (SbMonth) n_months - 1;
  g_return_val_if_fail (month_is_valid (last), NULL);

  if (n_months == 12 && sb_month_get_month (start) == 1)
    return g_strdup_printf ("%d", sb_month_get_year (start));

  from = sb_month_get_label (start, TRUE);
  if (n_months == 1)
    return g_steal_pointer (&from);

  to = sb_month_get_label (last, TRUE);
  /* Translators: a financial period from its first month to its last, as
   * in “Apr 2026 – Mar 2027” */
  return g_strdup_printf (_ ("%s – %s"), from, to);
}

/**
 * sb_budget_spread:
 * @total: the figure to spread, in minor units, not negative
 * @n_months: how many months, at least 1
 * @out_months: (out caller-allocates) (array length=n_months): the parts
 *
 * Spreads @total over @n_months in equal parts, giving what is left over
 * one minor unit each to the first months, so that the parts add up to
 * @total exactly and differ by at most one: 100 over 12 months is 9 in
 * each of the first four months and 8 in the other eight.
 */
void
sb_budget_spread (gint64 total,
                  guint n_months,
                  gint64 *out_months)
{
  gint64 part;
  gint64 left_over;

  g_return_if_fail (total >= 0);
  g_return_if_fail (n_months >= 1);
  g_return_if_fail (out_months != NULL);

  part = total / n_months;
  left_over = total % n_months;

  for (guint i = 0; i < n_months; i++)
    out_months[i] = part + ((gint64) i < left_over ? 1 : 0);
}

/* An unsigned 128-bit number in two halves. */
typedef struct
{
  guint64 hi;
  guint64 lo;
} U128;

static U128
u128_mul_64 (guint64 a,
             guint64 b)
{
  guint64 a_lo = a & 0xffffffffu, a_hi = a >> 32;
  guint64 b_lo = b & 0xffffffffu, b_hi = b >> 32;
  guint64 lo_lo = a_lo * b_lo;
  guint64 hi_lo = a_hi * b_lo;
  guint64 lo_hi = a_lo * b_hi;
  guint64 hi_hi = a_hi * b_hi;
  guint64 middle = (lo_lo >> 32) + (hi_lo & 0xffffffffu) + (lo_hi & 0xffffffffu);
  U128 r;

  r.lo = (middle << 32) | (lo_lo & 0xffffffffu);
  r.hi = hi_hi + (hi_lo >> 32) + (lo_hi >> 32) + (middle >> 32);
  return r;
}

/* @a × @b, or FALSE when it needs more than 128 bits. */
static gboolean
u128_mul_small (U128 a,
                guint64 b,
                U128 *out)
{
  U128 lo = u128_mul_64 (a.lo, b);
  U128 hi = u128_mul_64 (a.hi, b);

  if (hi.hi != 0 || lo.hi > G_MAXUINT64 - hi.lo)
    return FALSE;

  out->lo = lo.lo;
  out->hi = lo.hi + hi.lo;
  return TRUE;
}

/* @a ÷ @d for any @d > 0, by binary long division; the running remainder
 * is below @d, so one bit more than 64 is all it can need. */
static U128
u128_divmod (U128 a,
             guint64 d,
             guint64 *remainder)
{
  guint64 r = 0;
  U128 q = { 0, 0 };

  g_assert (d > 0);

  for (int bit = 127; bit >= 0; bit--)
    {
      guint64 in = bit >= 64 ? (a.hi >> (bit - 64)) & 1 : (a.lo >> bit) & 1;
      gboolean carry = (r >> 63) != 0;

      r = (r << 1) | in;
      if (carry || r >= d)
        {
          r -= d; /* wraps back into range when carry was set */
          if (bit >= 64)
            q.hi |= G_GUINT64_CONSTANT (1) << (bit - 64);
          else
            q.lo |= G_GUINT64_CONSTANT (1) << bit;
        }
    }

  *remainder = r;
  return q;
}

/* @a + 1, in place */
static void
u128_increment (U128 *a)
{
  a->lo++;
  if (a->lo == 0)
    a->hi++;
}

static guint64
power_of_ten (int n)
{
  guint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

static int
currency_digits (const char *code,
                 GError **error)
{
  int digits = sb_currency_get_digits (code);

  if (digits < 0)
    {
      g_autofree char *quoted = sb_core_error_quote_input (code);

      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   _ ("“%s” is not a known currency"), quoted);
    }

  return digits;
}

/**
 * sb_money_convert:
 * @amount: the amount in minor units of @from
 * @from: the ISO 4217 code of @amount's currency
 * @rate_micro: how many units of @to one unit of @from is worth, times
 *   1,000,000 (1.0834 is 1083400); more than zero
 * @to: the ISO 4217 code of the result's currency
 * @out: (out): the amount in minor units of @to
 * @error: return location for an error
 *
 * Converts with a stored rate, minding both currencies' minor digits:
 * 100.00 EUR at 1.0834 is 108.34 USD, 1.00 USD at 151.5 is 152 JPY. The
 * result is rounded half away from zero, the same way for both signs.
 *
 * Returns: whether the amount converted; fails with
 *   %SB_CORE_ERROR_INVALID for an unknown currency or a rate that is not
 *   positive, and %SB_CORE_ERROR_OVERFLOW when the result does not fit
 */
gboolean
sb_money_convert (gint64 amount,
                  const char *from,
                  gint64 rate_micro,
                  const char *to,
                  gint64 *out,
                  GError **error)
{
  int from_digits;
  int to_digits;
  guint64 magnitude;
  guint64 divisor;
  guint64 remainder;
  guint64 limit;
  U128 product;
  U128 quotient;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  from_digits = currency_digits (from, error);
  if (from_digits < 0)
    return FALSE;
  to_digits = currency_digits (to, error);
  if (to_digits < 0)
    return FALSE;

  if (rate_micro <= 0)
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _ ("An exchange rate must be more than zero"));
      return FALSE;
    }

  /* result = amount × rate × 10^to_digits ÷ (10^from_digits × 10^6) */
  magnitude = amount < 0 ? -(guint64) amount : (guint64) amount;
  product = u128_mul_64 (magnitude, (guint64) rate_micro);
  divisor = (guint64) RATE_SCALE;
  if (to_digits >= from_digits)
    {
      if (!u128_mul_small (product, power_of_ten (to_digits - from_digits), &product))
        goto overflow;
    }
  else
    {
      divisor *= power_of_ten (from_digits - to_digits);
    }

  quotient = u128_divmod (product, divisor, &remainder);
  /* The divisor is even, so half of it is exact. */
  if (remainder >= divisor / 2)
    u128_increment (&quotient);

  limit = amount < 0 ? MAX_NEGATIVE_MAGNITUDE : (guint64) G_MAXINT64;
  if (quotient.hi != 0 || quotient.lo > limit)
    goto overflow;

  *out = amount < 0 ? (gint64) (0 - quotient.lo) : (gint64) quotient.lo;
  return TRUE;

overflow:
  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW,
               /* Translators: two currency codes */
               _ ("The amount is too large to convert from %s to %s"), from, to);
  return FALSE;
}

/**
 * sb_rate_parse:
 * @text: a rate such as "1.0834" or "1,0834"
 * @out_rate_micro: (out): the rate times 1,000,000
 * @error: return location for an error
 *
 * Reads an exchange rate: digits, then optionally a decimal point or comma
 * and one to six decimals. Spaces around it are ignored; thousands
 * separators, signs and exponents are not accepted, and neither is a rate
 * of zero.
 *
 * Returns: whether @text is a rate
 */
gboolean
sb_rate_parse (const char *text,
               gint64 *out_rate_micro,
               GError **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *quoted = NULL;
  const char *p;
  gint64 whole = 0;
  gint64 fraction = 0;
  int n_whole = 0;
  int n_fraction = 0;
  gboolean has_separator = FALSE;

  g_return_val_if_fail (out_rate_micro != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  quoted = sb_core_error_quote_input (copy);

  if (copy[0] == '\0')
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _ ("The exchange rate is empty"));
      return FALSE;
    }

  for (p = copy; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && !has_separator)
        {
          if (whole > (G_MAXINT64 / RATE_SCALE - (*p - '0')) / 10)
            goto too_large;
          whole = whole * 10 + (*p - '0');
          n_whole++;
        }
      else if (g_ascii_isdigit (*p))
        {
          if (n_fraction == RATE_MAX_DIGITS)
            {
              g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           /* Translators: a rate, then a number of decimals */
                           _ ("The exchange rate “%s” has more than %d decimals"),
                           quoted, RATE_MAX_DIGITS);
              return FALSE;
            }
          fraction = fraction * 10 + (*p - '0');
          n_fraction++;
        }
      else if ((*p == '.' || *p == ',') && !has_separator)
        {
          has_separator = TRUE;
        }
      else
        {
          g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                       _ ("The exchange rate “%s” is not a number such as 1.0834"),
                       quoted);
          return FALSE;
        }
    }

  if (n_whole == 0 || (has_separator && n_fraction == 0))
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   _ ("The exchange rate “%s” is not a number such as 1.0834"),
                   quoted);
      return FALSE;
    }

  fraction *= (gint64) power_of_ten (RATE_MAX_DIGITS - n_fraction);
  if (whole == 0 && fraction == 0)
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   _ ("The exchange rate “%s” must be more than zero"), quoted);
      return FALSE;
    }

  if (whole * RATE_SCALE > G_MAXINT64 - fraction)
    goto too_large;

  *out_rate_micro = whole * RATE_SCALE + fraction;
  return TRUE;

too_large:
  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW,
               _ ("The exchange rate “%s” is too large"), quoted);
  return FALSE;
}

static char *
format_rate (gint64 rate_micro,
             const char *decimal)
{
  guint64 magnitude = rate_micro < 0 ? -(guint64) rate_micro : (guint64) rate_micro;
  char fraction[RATE_MAX_DIGITS + 1];
  int len = RATE_MAX_DIGITS;

  g_snprintf (fraction, sizeof fraction, "%06" G_GUINT64_FORMAT,
              magnitude % (guint64) RATE_SCALE);
  while (len > 0 && fraction[len - 1] == '0')
    fraction[--len] = '\0';

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%s", rate_micro < 0 ? "-" : "",
                          magnitude / (guint64) RATE_SCALE, len > 0 ? decimal : "",
                          fraction);
}

/* The decimal separator of the current locale, when it is one that
 * sb_rate_parse() reads back. */
static const char *
locale_decimal (void)
{
  const struct lconv *lc = localeconv ();

  return lc->decimal_point != NULL && strcmp (lc->decimal_point, ",") == 0 ? "," : ".";
}

/**
 * sb_rate_format:
 * @rate_micro: a rate times 1,000,000
 *
 * Writes a rate for people, with the locale's decimal separator and no
 * trailing zeros: 1083400 is "1.0834" (or "1,0834"), 1000000 is "1".
 * sb_rate_parse() reads it back.
 *
 * Returns: (transfer full): the rate
 */
char *
sb_rate_format (gint64 rate_micro)
{
  return format_rate (rate_micro, locale_decimal ());
}

/**
 * sb_rate_format_plain:
 * @rate_micro: a rate times 1,000,000
 *
 * Writes a rate with a decimal point whatever the locale, for files:
 * 1083400 is "1.0834".
 *
 * Returns: (transfer full): the rate
 */
char *
sb_rate_format_plain (gint64 rate_micro)
{
  return format_rate (rate_micro, ".");
}

/**
 * sb_variance:
 * @value: the actual or forecast figure
 * @planned: the planned figure
 *
 * Returns: @value − @planned (more than planned is positive), held at the
 *   limits of #gint64 rather than wrapping
 */
gint64
sb_variance (gint64 value,
             gint64 planned)
{
  if (planned < 0 && value > G_MAXINT64 + planned)
    return G_MAXINT64;
  if (planned > 0 && value < G_MININT64 + planned)
    return G_MININT64;

  return value - planned;
}

/**
 * sb_variance_percent_bp:
 * @value: the actual or forecast figure
 * @planned: the planned figure
 * @out_bp: (out) (optional): the variance in basis points of @planned
 *
 * The variance as a share of the plan, in hundredths of a percent,
 * rounded half away from zero: 11250 against 10000 is +1250 (12.5 %).
 * A share beyond the range of an int is held at its limit.
 *
 * Returns: whether there is a percent, that is whether anything was
 *   planned; %FALSE (and 0) for a plan of zero
 */
gboolean
sb_variance_percent_bp (gint64 value,
                        gint64 planned,
                        int *out_bp)
{
  gint64 diff;
  guint64 magnitude;
  guint64 plan;
  guint64 remainder;
  gint64 bp;
  U128 scaled;
  U128 q;

  if (out_bp != NULL)
    *out_bp = 0;

  if (planned == 0)
    return FALSE;

  /* The difference may not fit in 64 bits with both at their limits;
   * those extremes are held at the limit, which is still far beyond any
   * int percent. */
  diff = sb_variance (value, planned);
  magnitude = diff < 0 ? -(guint64) diff : (guint64) diff;
  plan = planned < 0 ? -(guint64) planned : (guint64) planned;

  scaled = u128_mul_64 (magnitude, 10000);
  q = u128_divmod (scaled, plan, &remainder);
  if (remainder >= plan - remainder)
    u128_increment (&q);

  if (q.hi != 0 || q.lo > (guint64) G_MAXINT)
    bp = G_MAXINT;
  else
    bp = (gint64) q.lo;

  if (out_bp != NULL)
    *out_bp = diff < 0 ? (int) -bp : (int) bp;
  return TRUE;
}

/**
 * sb_percent_bp_format:
 * @bp: a percent in basis points (hundredths of a percent)
 * @with_sign: whether to write a plus sign before a positive figure
 *
 * Writes a percent with one decimal, rounded half away from zero, with the
 * locale's decimal separator and a true minus sign (U+2212): 1250 is
 * "+12.5 %" with a sign and "12.5 %" without; −300 is "−3.0 %". A figure
 * that rounds to zero has no sign.
 *
 * Returns: (transfer full): the percent
 */
char *
sb_percent_bp_format (int bp,
                      gboolean with_sign)
{
  gint64 tenths = ((gint64) ABS ((gint64) bp) + 5) / 10;
  const char *sign = "";
  g_autofree char *number = NULL;

  if (tenths != 0 && bp < 0)
    sign = "\u2212";
  else if (tenths != 0 && with_sign)
    sign = "+";

  number = g_strdup_printf ("%s%" G_GINT64_FORMAT "%s%" G_GINT64_FORMAT, sign,
                            tenths / 10, locale_decimal (), tenths % 10);
  /* Translators: a per cent with its sign and one decimal, as in “+12.5 %”;
   * use your language's spacing, the same as for “92 %” */
  return g_strdup_printf (_ ("%s %%"), number);
}

static gint64
add_held (gint64 a,
          gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;
  return a + b;
}

/**
 * sb_budget_forecast:
 * @planned: (array length=n_months) (nullable): the plan per month
 * @actual: (array length=n_months) (nullable): the actual costs per month
 * @committed: (array length=n_months) (nullable): the committed costs per
 *   month
 * @n_months: how many months the period has
 * @current: the index of the current month; -1 before the period starts,
 *   @n_months (or more) once it is over
 *
 * Where the period will end: every actual and committed cost, plus, for
 * the current month and each month after it, what remains of its plan
 * after that month's actual and committed costs, never below zero (a
 * month already over its plan adds nothing more). The current month is
 * not over, so its unspent plan still counts: otherwise the forecast
 * would drop by a month's plan on the first of every month. A %NULL array
 * counts as zero in every month.
 *
 * Returns: the forecast, in minor units
 */
gint64
sb_budget_forecast (const gint64 *planned,
                    const gint64 *actual,
                    const gint64 *committed,
                    guint n_months,
                    int current)
{
  gint64 total = 0;

  g_return_val_if_fail (current >= -1, 0);

  for (guint i = 0; i < n_months; i++)
    {
      gint64 a = actual != NULL ? actual[i] : 0;
      gint64 c = committed != NULL ? committed[i] : 0;
      gint64 spent = add_held (a, c);

      total = add_held (total, spent);

      if ((gint64) i >= current && planned != NULL)
        {
          gint64 remaining = sb_variance (planned[i], spent);

          if (remaining > 0)
            total = add_held (total, remaining);
        }
    }

  return total;
}
