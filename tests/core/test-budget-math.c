/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-budget-math"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sb-budget-math.h"
#include "sb-core-error.h"

/* Every expectation is worked out by hand in the comment beside it. The
 * tests run in the C.UTF-8 locale, whose month names are the English
 * abbreviations and whose decimal separator is ".". */

/* Helpers {{{1 */

static GDate
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return date;
}

static char *
text_of (const GDate *d)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (d),
              g_date_get_month (d), g_date_get_day (d));
  return g_strdup (buf);
}

static gint64
convert_ok (gint64 amount, const char *from, gint64 rate, const char *to)
{
  g_autoptr (GError) error = NULL;
  gint64 out = G_MININT64 + 12345;

  g_assert_true (sb_money_convert (amount, from, rate, to, &out, &error));
  g_assert_no_error (error);
  return out;
}

/* Months {{{1 */

static void
test_month_numbers (void)
{
  SbMonth m;

  /* 2026 × 12 + 3 = 24315 */
  g_assert_cmpint (sb_month_from_ymd (2026, 4), ==, 24315);
  g_assert_cmpint (sb_month_get_year (24315), ==, 2026);
  g_assert_cmpint (sb_month_get_month (24315), ==, 4);
  /* December 2025 is 2025 × 12 + 11 = 24311, one before January 2026 (24312) */
  g_assert_cmpint (sb_month_from_ymd (2025, 12), ==, 24311);
  g_assert_cmpint (sb_month_from_ymd (2026, 1), ==, 24312);
  g_assert_cmpint (sb_month_get_month (24311), ==, 12);
  g_assert_cmpint (sb_month_get_year (24311), ==, 2025);

  for (int year = 1; year <= 9999; year += 7)
    for (int month = 1; month <= 12; month++)
      {
        m = sb_month_from_ymd (year, month);
        g_assert_cmpint (sb_month_get_year (m), ==, year);
        g_assert_cmpint (sb_month_get_month (m), ==, month);
      }

  {
    GDate d = day (2026, 2, 15);

    g_assert_cmpint (sb_month_of_date (&d), ==, 2026 * 12 + 1);
  }
}

static void
test_month_days (void)
{
  struct
  {
    int year, month;
    const char *first, *last;
  } cases[] = {
    { 2026, 1, "2026-01-01", "2026-01-31" },
    { 2026, 2, "2026-02-01", "2026-02-28" },
    { 2024, 2, "2024-02-01", "2024-02-29" }, /* leap year */
    { 2000, 2, "2000-02-01", "2000-02-29" }, /* divisible by 400 */
    { 1900, 2, "1900-02-01", "1900-02-28" }, /* by 100, not 400 */
    { 2026, 4, "2026-04-01", "2026-04-30" },
    { 2026, 12, "2026-12-01", "2026-12-31" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SbMonth m = sb_month_from_ymd (cases[i].year, cases[i].month);
      GDate first, last;
      g_autofree char *first_text = NULL;
      g_autofree char *last_text = NULL;

      sb_month_get_first_day (m, &first);
      sb_month_get_last_day (m, &last);
      first_text = text_of (&first);
      last_text = text_of (&last);
      g_assert_cmpstr (first_text, ==, cases[i].first);
      g_assert_cmpstr (last_text, ==, cases[i].last);
      g_assert_cmpint (sb_month_of_date (&first), ==, m);
      g_assert_cmpint (sb_month_of_date (&last), ==, m);
    }
}

static void
test_month_parse (void)
{
  const char *bad[] = {
    "2026-13", "2026-00", "2026-1", "26-01", "2026-01-01", "0000-01",
    "", " 2026-01", "2026-01 ", "2026/01", "2026-1a", "+026-01",
    "2026-011", "202601", "２０２６-01",
  };
  SbMonth m = 42;

  g_assert_true (sb_month_parse ("2026-04", &m));
  g_assert_cmpint (m, ==, 24315);
  g_assert_true (sb_month_parse ("0001-01", &m));
  g_assert_cmpint (m, ==, 12);
  g_assert_true (sb_month_parse ("9999-12", &m));
  g_assert_cmpint (m, ==, 9999 * 12 + 11);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      m = 42;
      g_assert_false (sb_month_parse (bad[i], &m));
      g_assert_cmpint (m, ==, 42); /* untouched */
    }
  g_assert_false (sb_month_parse (NULL, &m));

  /* Round trip over every month of a few centuries. */
  for (SbMonth month = sb_month_from_ymd (1990, 1); month <= sb_month_from_ymd (2210, 12); month++)
    {
      g_autofree char *text = sb_month_format (month);
      SbMonth back = 0;

      g_assert_cmpuint (strlen (text), ==, 7);
      g_assert_true (sb_month_parse (text, &back));
      g_assert_cmpint (back, ==, month);
    }

  {
    g_autofree char *text = sb_month_format (sb_month_from_ymd (987, 3));

    g_assert_cmpstr (text, ==, "0987-03"); /* zero-padded year */
  }
}

static void
test_month_label (void)
{
  g_autofree char *with_year = sb_month_get_label (sb_month_from_ymd (2026, 4), TRUE);
  g_autofree char *alone = sb_month_get_label (sb_month_from_ymd (2026, 4), FALSE);
  g_autofree char *dec = sb_month_get_label (sb_month_from_ymd (2025, 12), TRUE);

  g_assert_cmpstr (with_year, ==, "Apr 2026");
  g_assert_cmpstr (alone, ==, "Apr");
  g_assert_cmpstr (dec, ==, "Dec 2025");
}

/* Financial years {{{1 */

static void
test_fiscal_year_start (void)
{
  struct
  {
    int y, m, d, start_month;
    int expect_year, expect_month;
  } cases[] = {
    /* April–March */
    { 2026, 2, 15, 4, 2025, 4 },  /* February is in the year that began last April */
    { 2026, 4, 1, 4, 2026, 4 },   /* the first day starts the new year */
    { 2026, 3, 31, 4, 2025, 4 },  /* the last day belongs to the old one */
    { 2026, 12, 31, 4, 2026, 4 }, /* across the calendar year */
    { 2027, 1, 1, 4, 2026, 4 },
    /* October–September */
    { 2025, 9, 30, 10, 2024, 10 },
    { 2025, 10, 1, 10, 2025, 10 },
    { 2025, 12, 31, 10, 2025, 10 },
    { 2026, 1, 1, 10, 2025, 10 },
    /* calendar year */
    { 2026, 1, 1, 1, 2026, 1 },
    { 2026, 7, 4, 1, 2026, 1 },
    { 2026, 12, 31, 1, 2026, 1 },
    /* December–November */
    { 2026, 11, 30, 12, 2025, 12 },
    { 2026, 12, 1, 12, 2026, 12 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = day (cases[i].y, cases[i].m, cases[i].d);
      SbMonth start = sb_fiscal_year_start (&d, cases[i].start_month);

      g_assert_cmpint (sb_month_get_year (start), ==, cases[i].expect_year);
      g_assert_cmpint (sb_month_get_month (start), ==, cases[i].expect_month);
    }

  /* Every day of 2025–2027 lies within the 12 months from its year start. */
  for (int start_month = 1; start_month <= 12; start_month++)
    {
      GDate d = day (2025, 1, 1);

      for (int n = 0; n < 3 * 365; n++, g_date_add_days (&d, 1))
        {
          SbMonth start = sb_fiscal_year_start (&d, start_month);
          SbMonth m = sb_month_of_date (&d);

          g_assert_cmpint (sb_month_get_month (start), ==, start_month);
          g_assert_cmpint (m, >=, start);
          g_assert_cmpint (m, <, start + 12);
        }
    }
}

static void
test_fiscal_period_label (void)
{
  struct
  {
    int year, month;
    guint n;
    const char *expect;
  } cases[] = {
    { 2026, 4, 12, "Apr 2026 – Mar 2027" },
    { 2025, 10, 12, "Oct 2025 – Sep 2026" },
    { 2026, 1, 12, "2026" },
    { 2026, 1, 6, "Jan 2026 – Jun 2026" },
    { 2026, 1, 24, "Jan 2026 – Dec 2027" },
    { 2026, 7, 12, "Jul 2026 – Jun 2027" },
    { 2026, 4, 1, "Apr 2026" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = sb_fiscal_period_get_label (
        sb_month_from_ymd (cases[i].year, cases[i].month), cases[i].n);

      g_assert_cmpstr (label, ==, cases[i].expect);
    }
}

/* Spreading {{{1 */

static void
test_spread_examples (void)
{
  gint64 parts[12];
  /* 100 = 12 × 8 + 4: the first four months get 9, the rest 8 */
  const gint64 hundred[12] = { 9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8 };
  /* 11 = 12 × 0 + 11: eleven months of 1, the last 0 */
  const gint64 eleven[12] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 };

  sb_budget_spread (120000, 12, parts);
  for (int i = 0; i < 12; i++)
    g_assert_cmpint (parts[i], ==, 10000);

  sb_budget_spread (100, 12, parts);
  for (int i = 0; i < 12; i++)
    g_assert_cmpint (parts[i], ==, hundred[i]);

  sb_budget_spread (11, 12, parts);
  for (int i = 0; i < 12; i++)
    g_assert_cmpint (parts[i], ==, eleven[i]);

  sb_budget_spread (0, 12, parts);
  for (int i = 0; i < 12; i++)
    g_assert_cmpint (parts[i], ==, 0);

  /* 1000 over 3: 334, 333, 333 */
  sb_budget_spread (1000, 3, parts);
  g_assert_cmpint (parts[0], ==, 334);
  g_assert_cmpint (parts[1], ==, 333);
  g_assert_cmpint (parts[2], ==, 333);

  sb_budget_spread (777, 1, parts);
  g_assert_cmpint (parts[0], ==, 777);
}

static void
test_spread_property (void)
{
  gint64 totals[] = { 1, 7, 99, 1001, 123457, 999999999, G_MAXINT64, G_MAXINT64 - 1 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260401);

  for (guint n = 1; n <= 36; n++)
    {
      gint64 *parts = g_new (gint64, n);

      for (gsize k = 0; k < G_N_ELEMENTS (totals) + 500; k++)
        {
          gint64 total = k < G_N_ELEMENTS (totals)
                           ? totals[k]
                           : (gint64) g_rand_int_range (rand, 0, G_MAXINT32);
          gint64 lo = G_MAXINT64, hi = G_MININT64;
          guint64 sum = 0;

          sb_budget_spread (total, n, parts);
          for (guint i = 0; i < n; i++)
            {
              g_assert_cmpint (parts[i], >=, 0);
              sum += (guint64) parts[i];
              lo = MIN (lo, parts[i]);
              hi = MAX (hi, parts[i]);
              /* larger parts come first */
              if (i > 0)
                g_assert_cmpint (parts[i], <=, parts[i - 1]);
            }
          g_assert_cmpuint (sum, ==, (guint64) total);
          g_assert_cmpint (hi - lo, <=, 1);
        }
      g_free (parts);
    }
}

static void
test_spread_negative_refused (void)
{
  gint64 parts[3] = { 5, 5, 5 };

  g_test_expect_message ("sb-budget-math", G_LOG_LEVEL_CRITICAL, "*total >= 0*");
  sb_budget_spread (-100, 3, parts);
  g_test_assert_expected_messages ();
  g_assert_cmpint (parts[0], ==, 5);
  g_assert_cmpint (parts[2], ==, 5);
}

/* Conversion {{{1 */

static void
test_convert_examples (void)
{
  /* 100.00 EUR × 1.0834 = 108.34 USD */
  g_assert_cmpint (convert_ok (10000, "EUR", 1083400, "USD"), ==, 10834);
  /* 123.45 EUR × 1.0834 = 133.74573 USD → 133.75 */
  g_assert_cmpint (convert_ok (12345, "EUR", 1083400, "USD"), ==, 13375);
  g_assert_cmpint (convert_ok (-12345, "EUR", 1083400, "USD"), ==, -13375);
  /* 1.00 USD × 151.5 = 151.5 JPY → 152 (half away from zero) */
  g_assert_cmpint (convert_ok (100, "USD", 151500000, "JPY"), ==, 152);
  g_assert_cmpint (convert_ok (-100, "USD", 151500000, "JPY"), ==, -152);
  /* 25.99 USD × 151.5 = 3937.485 JPY → 3937 */
  g_assert_cmpint (convert_ok (2599, "USD", 151500000, "JPY"), ==, 3937);
  /* 10000 JPY × 0.006123 = 61.23 EUR */
  g_assert_cmpint (convert_ok (10000, "JPY", 6123, "EUR"), ==, 6123);
  /* 1 JPY × 0.006123 = 0.006123 EUR = 0.6123 cent → 1 cent */
  g_assert_cmpint (convert_ok (1, "JPY", 6123, "EUR"), ==, 1);
  /* 1.000 BHD × 2.659574 = 2.659574 USD → 2.66 */
  g_assert_cmpint (convert_ok (1000, "BHD", 2659574, "USD"), ==, 266);
  /* 100.00 USD × 0.376 = 37.600 BHD */
  g_assert_cmpint (convert_ok (10000, "USD", 376000, "BHD"), ==, 37600);
  /* 0.01 USD × 0.376 = 0.00376 BHD → 0.004 */
  g_assert_cmpint (convert_ok (1, "USD", 376000, "BHD"), ==, 4);
  /* 5.000 BHD × 397.5 = 1987.5 JPY → 1988 */
  g_assert_cmpint (convert_ok (5000, "BHD", 397500000, "JPY"), ==, 1988);
  /* Same currency at 1: unchanged */
  g_assert_cmpint (convert_ok (987654321, "EUR", 1000000, "EUR"), ==, 987654321);
  g_assert_cmpint (convert_ok (0, "EUR", 1083400, "USD"), ==, 0);
}

static void
test_convert_halves (void)
{
  /* EUR → EUR at 0.5: 1 → 0.5 → 1; 3 → 1.5 → 2; both signs alike */
  g_assert_cmpint (convert_ok (1, "EUR", 500000, "EUR"), ==, 1);
  g_assert_cmpint (convert_ok (-1, "EUR", 500000, "EUR"), ==, -1);
  g_assert_cmpint (convert_ok (3, "EUR", 500000, "EUR"), ==, 2);
  g_assert_cmpint (convert_ok (-3, "EUR", 500000, "EUR"), ==, -2);
  /* at 0.499999: 0.499999 → 0, on both sides */
  g_assert_cmpint (convert_ok (1, "EUR", 499999, "EUR"), ==, 0);
  g_assert_cmpint (convert_ok (-1, "EUR", 499999, "EUR"), ==, 0);
  /* at 0.500001: 0.500001 → 1 */
  g_assert_cmpint (convert_ok (-1, "EUR", 500001, "EUR"), ==, -1);
  /* 0.05 EUR → JPY at 10: 0.5 JPY → 1; −0.05 → −1; 0.04 → 0.4 → 0 */
  g_assert_cmpint (convert_ok (5, "EUR", 10000000, "JPY"), ==, 1);
  g_assert_cmpint (convert_ok (-5, "EUR", 10000000, "JPY"), ==, -1);
  g_assert_cmpint (convert_ok (4, "EUR", 10000000, "JPY"), ==, 0);
}

/* The same conversion with plain 64-bit arithmetic, for figures small
 * enough: 10^6 × 10^8 × 10^4 stays below 2^63. */
static gint64
reference_convert (gint64 amount, int from_digits, gint64 rate, int to_digits)
{
  gint64 num = (amount < 0 ? -amount : amount) * rate;
  gint64 den = 1000000;
  gint64 q, r;

  for (int i = from_digits; i < to_digits; i++)
    num *= 10;
  for (int i = to_digits; i < from_digits; i++)
    den *= 10;
  q = num / den;
  r = num % den;
  if (2 * r >= den)
    q++;
  return amount < 0 ? -q : q;
}

static void
test_convert_property (void)
{
  const char *codes[] = { "JPY", "EUR", "BHD", "CLF" };
  const int digits[] = { 0, 2, 3, 4 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (4217);

  for (int n = 0; n < 20000; n++)
    {
      int f = g_rand_int_range (rand, 0, 4);
      int t = g_rand_int_range (rand, 0, 4);
      gint64 amount = g_rand_int_range (rand, -1000000, 1000001);
      gint64 rate = g_rand_int_range (rand, 1, 100000000); /* below 100 */

      g_assert_cmpint (convert_ok (amount, codes[f], rate, codes[t]), ==,
                       reference_convert (amount, digits[f], rate, digits[t]));
    }
}

static void
test_convert_limits (void)
{
  g_autoptr (GError) error = NULL;
  gint64 out = 77;

  /* At 1 between currencies of the same digits the extremes survive. */
  g_assert_cmpint (convert_ok (G_MAXINT64, "EUR", 1000000, "USD"), ==, G_MAXINT64);
  g_assert_cmpint (convert_ok (G_MININT64, "EUR", 1000000, "USD"), ==, G_MININT64);
  /* 2^63 − 1 JPY at 0.01 EUR: 92233720368547758.07 EUR = all the cents */
  g_assert_cmpint (convert_ok (G_MAXINT64, "JPY", 10000, "EUR"), ==, G_MAXINT64);

  /* Twice the largest amount does not fit. */
  g_assert_false (sb_money_convert (G_MAXINT64, "EUR", 2000000, "USD", &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW);
  g_assert_cmpint (out, ==, 77);
  g_clear_error (&error);

  /* JPY → EUR multiplies by 100. */
  g_assert_false (sb_money_convert (G_MININT64, "JPY", 1000000, "EUR", &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* 2^63 × 2^63 × 10^4 needs more than 128 bits before dividing. */
  g_assert_false (sb_money_convert (G_MAXINT64, "JPY", G_MAXINT64, "CLF", &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* Just over: G_MAXINT64 + 1 is fine only for a negative result. */
  g_assert_false (sb_money_convert (G_MININT64 + 1, "EUR", 1000001, "EUR", &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);
}

static void
test_convert_invalid (void)
{
  g_autoptr (GError) error = NULL;
  gint64 out = 77;

  g_assert_false (sb_money_convert (100, "XXX", 1000000, "EUR", &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "XXX"));
  g_clear_error (&error);

  g_assert_false (sb_money_convert (100, "EUR", 1000000, "eur", &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "eur"));
  g_clear_error (&error);

  g_assert_false (sb_money_convert (100, "EUR", 0, "USD", &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sb_money_convert (100, "EUR", -1083400, "USD", &out, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_cmpint (out, ==, 77);
}

/* Rates {{{1 */

static void
test_rate_parse (void)
{
  struct
  {
    const char *text;
    gint64 micro;
  } good[] = {
    { "1.0834", 1083400 },  { "1,0834", 1083400 },   { "151.5", 151500000 },
    { "0.000001", 1 },      { " 2 ", 2000000 },      { "0,376", 376000 },
    { "2.659574", 2659574 }, { "0010.50", 10500000 }, { "1000", 1000000000 },
    { "9223372036854", G_GINT64_CONSTANT (9223372036854000000) },
    { "9223372036854.775807", G_MAXINT64 },
  };
  struct
  {
    const char *text;
    int code;
  } bad[] = {
    { "", SB_CORE_ERROR_INVALID },          { "   ", SB_CORE_ERROR_INVALID },
    { "0", SB_CORE_ERROR_INVALID },         { "0.000000", SB_CORE_ERROR_INVALID },
    { "-1.2", SB_CORE_ERROR_INVALID },      { "+1.2", SB_CORE_ERROR_INVALID },
    { "1.1234567", SB_CORE_ERROR_INVALID }, { "1,000.5", SB_CORE_ERROR_INVALID },
    { "1.000,5", SB_CORE_ERROR_INVALID },   { "1 000", SB_CORE_ERROR_INVALID },
    { "1e3", SB_CORE_ERROR_INVALID },       { ".5", SB_CORE_ERROR_INVALID },
    { "1.", SB_CORE_ERROR_INVALID },        { "abc", SB_CORE_ERROR_INVALID },
    { "99999999999999", SB_CORE_ERROR_OVERFLOW },
    { "9223372036855", SB_CORE_ERROR_OVERFLOW },
    { "9223372036854.775808", SB_CORE_ERROR_OVERFLOW },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 micro = 0;

      g_assert_true (sb_rate_parse (good[i].text, &micro, &error));
      g_assert_no_error (error);
      g_assert_cmpint (micro, ==, good[i].micro);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 micro = 42;

      g_assert_false (sb_rate_parse (bad[i].text, &micro, &error));
      g_assert_error (error, SB_CORE_ERROR, bad[i].code);
      g_assert_cmpint (micro, ==, 42);
    }
}

static void
test_rate_format (void)
{
  struct
  {
    gint64 micro;
    const char *text;
  } cases[] = {
    { 1083400, "1.0834" }, { 1000000, "1" },        { 1, "0.000001" },
    { 151500000, "151.5" }, { 2659574, "2.659574" }, { 10000000, "10" },
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (1083400);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sb_rate_format (cases[i].micro);
      g_autofree char *plain = sb_rate_format_plain (cases[i].micro);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (plain, ==, cases[i].text);
    }

  /* Round trip */
  for (int n = 0; n < 5000; n++)
    {
      gint64 micro = (gint64) g_rand_int_range (rand, 1, G_MAXINT32) * g_rand_int_range (rand, 1, 1000);
      g_autofree char *text = sb_rate_format (micro);
      g_autoptr (GError) error = NULL;
      gint64 back = 0;

      g_assert_true (sb_rate_parse (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, micro);
    }
}

static void
test_rate_format_comma_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "nl_NL.UTF-8" };
  const char *found = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      found = locales[i];

  if (found == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  {
    g_autofree char *text = sb_rate_format (1083400);
    g_autofree char *plain = sb_rate_format_plain (1083400);
    g_autofree char *percent = sb_percent_bp_format (1250, TRUE);
    gint64 back = 0;

    g_assert_cmpstr (text, ==, "1,0834");
    g_assert_cmpstr (plain, ==, "1.0834");
    g_assert_cmpstr (percent, ==, "+12,5 %");
    g_assert_true (sb_rate_parse (text, &back, NULL));
    g_assert_cmpint (back, ==, 1083400);
  }

  setlocale (LC_NUMERIC, "C.UTF-8");
}

/* Variance {{{1 */

static void
test_variance (void)
{
  int bp = 99;

  g_assert_cmpint (sb_variance (11250, 10000), ==, 1250);
  g_assert_cmpint (sb_variance (9700, 10000), ==, -300);
  g_assert_cmpint (sb_variance (0, 0), ==, 0);
  /* held at the limits */
  g_assert_cmpint (sb_variance (G_MAXINT64, -1), ==, G_MAXINT64);
  g_assert_cmpint (sb_variance (G_MININT64, 1), ==, G_MININT64);

  /* 1250 / 10000 = 12.5 % = 1250 bp */
  g_assert_true (sb_variance_percent_bp (11250, 10000, &bp));
  g_assert_cmpint (bp, ==, 1250);
  /* −300 / 10000 = −3 % */
  g_assert_true (sb_variance_percent_bp (9700, 10000, &bp));
  g_assert_cmpint (bp, ==, -300);
  /* −2 / 3 = −66.666… % → −6667 bp */
  g_assert_true (sb_variance_percent_bp (1, 3, &bp));
  g_assert_cmpint (bp, ==, -6667);
  /* −1 / 3 = −33.333… % → −3333 bp */
  g_assert_true (sb_variance_percent_bp (2, 3, &bp));
  g_assert_cmpint (bp, ==, -3333);
  /* −9999 / 20000 = −49.995 % → −5000 bp (half away from zero) */
  g_assert_true (sb_variance_percent_bp (10001, 20000, &bp));
  g_assert_cmpint (bp, ==, -5000);
  /* 10001 / 20000 = 50.005 % → 5001 bp */
  g_assert_true (sb_variance_percent_bp (30001, 20000, &bp));
  g_assert_cmpint (bp, ==, 5001);
  /* nothing spent: −100 % */
  g_assert_true (sb_variance_percent_bp (0, 500, &bp));
  g_assert_cmpint (bp, ==, -10000);
  /* a large plan: 1 / 3·10^15 of it is far below half a basis point */
  g_assert_true (sb_variance_percent_bp (G_GINT64_CONSTANT (3000000000000001),
                                         G_GINT64_CONSTANT (3000000000000000), &bp));
  g_assert_cmpint (bp, ==, 0);
  /* 1.5·10^15 over 3·10^15 = 50 % */
  g_assert_true (sb_variance_percent_bp (G_GINT64_CONSTANT (4500000000000000),
                                         G_GINT64_CONSTANT (3000000000000000), &bp));
  g_assert_cmpint (bp, ==, 5000);
  /* far beyond an int: held */
  g_assert_true (sb_variance_percent_bp (G_MAXINT64, 1, &bp));
  g_assert_cmpint (bp, ==, G_MAXINT);
  g_assert_true (sb_variance_percent_bp (G_MININT64, 1, &bp));
  g_assert_cmpint (bp, ==, -G_MAXINT);

  /* nothing planned: no percent */
  bp = 99;
  g_assert_false (sb_variance_percent_bp (500, 0, &bp));
  g_assert_cmpint (bp, ==, 0);
  g_assert_false (sb_variance_percent_bp (0, 0, NULL));
}

static void
test_percent_format (void)
{
  struct
  {
    int bp;
    gboolean with_sign;
    const char *text;
  } cases[] = {
    { 1250, TRUE, "+12.5 %" },
    { 1250, FALSE, "12.5 %" },
    { -300, TRUE, "\u22123.0 %" },
    { -300, FALSE, "\u22123.0 %" },
    { 0, TRUE, "0.0 %" },
    { -4, TRUE, "0.0 %" },         /* −0.04 % rounds to zero: no sign */
    { 5, TRUE, "+0.1 %" },         /* 0.05 % → 0.1 (half away from zero) */
    { -5, TRUE, "\u22120.1 %" },
    { 1234, FALSE, "12.3 %" },     /* 12.34 % */
    { 12345, TRUE, "+123.5 %" },   /* 123.45 % */
    { -10000, TRUE, "\u2212100.0 %" },
    { G_MAXINT, TRUE, "+21474836.5 %" }, /* 2147483647 bp = 21474836.47 % */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sb_percent_bp_format (cases[i].bp, cases[i].with_sign);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Forecast {{{1 */

/* Four months planned at 100 each. Actual: 90, 120, 0, 0. Committed: 0, 0,
 * 30, 150 (month 3 is committed over its plan).
 * Actual + committed = 90 + 120 + 30 + 150 = 390.
 * Remaining plan per month, never below zero: 10, 0, 70, 0. */
static const gint64 plan4[] = { 100, 100, 100, 100 };
static const gint64 actual4[] = { 90, 120, 0, 0 };
static const gint64 committed4[] = { 0, 0, 30, 150 };

static void
test_forecast (void)
{
  const gint64 zeros[4] = { 0 };

  /* The current month is not over: its unspent plan still counts, and
   * so does that of every later month.
   * Before the start and in the first month: 390 + 10 + 0 + 70 + 0 = 470 */
  g_assert_cmpint (sb_budget_forecast (plan4, actual4, committed4, 4, -1), ==, 470);
  g_assert_cmpint (sb_budget_forecast (plan4, actual4, committed4, 4, 0), ==, 470);
  /* Second month current: 390 + 0 + 70 + 0 = 460 */
  g_assert_cmpint (sb_budget_forecast (plan4, actual4, committed4, 4, 1), ==, 460);
  /* Third month current: 390 + 70 + 0 = 460 */
  g_assert_cmpint (sb_budget_forecast (plan4, actual4, committed4, 4, 2), ==, 460);
  /* Last month current (over its plan) and after the end: 390 */
  g_assert_cmpint (sb_budget_forecast (plan4, actual4, committed4, 4, 3), ==, 390);
  g_assert_cmpint (sb_budget_forecast (plan4, actual4, committed4, 4, 4), ==, 390);

  /* Nothing spent yet: the whole plan, 400 */
  g_assert_cmpint (sb_budget_forecast (plan4, zeros, zeros, 4, -1), ==, 400);
  g_assert_cmpint (sb_budget_forecast (plan4, NULL, NULL, 4, -1), ==, 400);
  /* Period over, nothing spent: 0 */
  g_assert_cmpint (sb_budget_forecast (plan4, zeros, zeros, 4, 4), ==, 0);
  /* No plan: only what is spent and committed, 390 */
  g_assert_cmpint (sb_budget_forecast (NULL, actual4, committed4, 4, -1), ==, 390);
  g_assert_cmpint (sb_budget_forecast (plan4, actual4, committed4, 0, -1), ==, 0);
}

static void
test_forecast_year (void)
{
  /* An April–March year spread from 120000 (10000 a month). By October
   * (index 6) the actuals are 9000 a month for April–September (54000)
   * and 4000 so far in October; committed: 10000 in November, 15000 in
   * December (over plan) and 10000 each January–March.
   * Actual + committed = 54000 + 4000 + 10000 + 15000 + 30000 = 113000.
   * Remaining plan from October on: October 10000 − 4000 = 6000 (the month
   * is not over), November 0, December 0 (over plan, not negative),
   * January–March 0. Forecast: 113000 + 6000 = 119000. */
  gint64 plan[12], actual[12] = { 0 }, committed[12] = { 0 };

  sb_budget_spread (120000, 12, plan);
  for (int i = 0; i < 6; i++)
    actual[i] = 9000;
  actual[6] = 4000;
  committed[7] = 10000;
  committed[8] = 15000;
  committed[9] = committed[10] = committed[11] = 10000;
  g_assert_cmpint (sb_budget_forecast (plan, actual, committed, 12, 6), ==, 119000);

  /* With only 2500 committed in January and nothing in February and
   * March, the plan fills the gaps: 54000 + 4000 + 10000 + 15000 + 2500
   * = 85500, plus 6000 (October) + 7500 + 10000 + 10000 remaining
   * = 119000 again. */
  committed[9] = 2500;
  committed[10] = committed[11] = 0;
  g_assert_cmpint (sb_budget_forecast (plan, actual, committed, 12, 6), ==, 119000);

  /* Once the year is over only what was spent counts: in the end
   * January–March cost 2000 each in actuals and the commitments were all
   * confirmed as actuals (October ended at 9000):
   * 6 × 9000 + 9000 + 10000 + 15000 + 3 × 2000 = 94000. */
  actual[6] = 9000;
  actual[7] = 10000;
  actual[8] = 15000;
  actual[9] = actual[10] = actual[11] = 2000;
  memset (committed, 0, sizeof committed);
  g_assert_cmpint (sb_budget_forecast (plan, actual, committed, 12, 12), ==, 94000);

  /* Variance of the first forecast against the plan: 113000 − 120000 =
   * −7000; −7000 / 120000 = −5.8333 % → −583 bp → "−5.8 %" */
  {
    int bp = 0;
    g_autofree char *text = NULL;

    g_assert_cmpint (sb_variance (113000, 120000), ==, -7000);
    g_assert_true (sb_variance_percent_bp (113000, 120000, &bp));
    g_assert_cmpint (bp, ==, -583);
    text = sb_percent_bp_format (bp, TRUE);
    g_assert_cmpstr (text, ==, "\u22125.8 %");
  }
}

/* Main {{{1 */

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/budget-math/month/numbers", test_month_numbers);
  g_test_add_func ("/budget-math/month/days", test_month_days);
  g_test_add_func ("/budget-math/month/parse", test_month_parse);
  g_test_add_func ("/budget-math/month/label", test_month_label);
  g_test_add_func ("/budget-math/fiscal/year-start", test_fiscal_year_start);
  g_test_add_func ("/budget-math/fiscal/label", test_fiscal_period_label);
  g_test_add_func ("/budget-math/spread/examples", test_spread_examples);
  g_test_add_func ("/budget-math/spread/property", test_spread_property);
  g_test_add_func ("/budget-math/spread/negative", test_spread_negative_refused);
  g_test_add_func ("/budget-math/convert/examples", test_convert_examples);
  g_test_add_func ("/budget-math/convert/halves", test_convert_halves);
  g_test_add_func ("/budget-math/convert/property", test_convert_property);
  g_test_add_func ("/budget-math/convert/limits", test_convert_limits);
  g_test_add_func ("/budget-math/convert/invalid", test_convert_invalid);
  g_test_add_func ("/budget-math/rate/parse", test_rate_parse);
  g_test_add_func ("/budget-math/rate/format", test_rate_format);
  g_test_add_func ("/budget-math/rate/comma-locale", test_rate_format_comma_locale);
  g_test_add_func ("/budget-math/variance", test_variance);
  g_test_add_func ("/budget-math/percent-format", test_percent_format);
  g_test_add_func ("/budget-math/forecast/small", test_forecast);
  g_test_add_func ("/budget-math/forecast/year", test_forecast_year);

  return g_test_run ();
}
