/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-money"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sb-core-error.h"
#include "sb-money.h"

static SbMoneyStyle en; /* €1,234.56 */
static SbMoneyStyle de; /* 1.234,56 € */
static SbMoneyStyle ch; /* CHF 1’234.56 */
static SbMoneyStyle fr; /* 1 234,56 € with a narrow no-break space */

static void
init_styles (void)
{
  sb_money_style_init (&en, ".", ",", TRUE, FALSE);
  sb_money_style_init (&de, ",", ".", FALSE, TRUE);
  sb_money_style_init (&ch, ".", "’", TRUE, TRUE);
  sb_money_style_init (&fr, ",", "\u202f", FALSE, TRUE);
}

static void
assert_format (const SbMoneyStyle *style,
               gint64 amount,
               const char *currency,
               const char *expected)
{
  g_autofree char *text = sb_money_format_with_style (amount, currency, style);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_parse (const SbMoneyStyle *style,
              const char *text,
              const char *currency,
              gint64 expected)
{
  g_autoptr (GError) error = NULL;
  gint64 amount = 42;

  if (!sb_money_parse_with_style (text, currency, style, &amount, &error))
    g_error ("“%s” (%s) should parse: %s", text, currency, error->message);

  if (amount != expected)
    g_error ("“%s” (%s) parsed as %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
             text, currency, amount, expected);
}

static void
assert_refused (const SbMoneyStyle *style,
                const char *text,
                const char *currency,
                SbCoreError code,
                const char *reason)
{
  g_autoptr (GError) error = NULL;
  gint64 amount = 42;
  gboolean quote = FALSE;

  if (sb_money_parse_with_style (text, currency, style, &amount, &error))
    g_error ("“%s” (%s) should be refused, parsed as %" G_GINT64_FORMAT, text,
             currency, amount);

  g_assert_error (error, SB_CORE_ERROR, (int) code);
  g_assert_cmpint (amount, ==, 42);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  /* The message quotes what was typed (when there is something to quote). */
  if (code != SB_CORE_ERROR_INVALID ||
      strcmp (reason, "The amount is empty") != 0)
    quote = g_utf8_validate (text, -1, NULL);
  if (quote && strstr (error->message, text) == NULL)
    g_error ("message for “%s” should quote it: %s", text, error->message);

  if (strstr (error->message, reason) == NULL)
    g_error ("message for “%s” should say “%s”: %s", text, reason,
             error->message);
}

static void
test_currency_digits (void)
{
  static const char *const two[] = { "EUR", "USD", "GBP", "CHF", "SEK",
                                     "CAD", "AUD", "CNY", "INR" };
  static const char *const zero[] = { "JPY", "KRW", "ISK", "CLP", "VND",
                                      "XAF", "XOF", "XPF", "PYG", "UGX" };
  static const char *const three[] = { "BHD", "IQD", "JOD", "KWD",
                                       "LYD", "OMR", "TND" };
  static const char *const unknown[] = { "",    "EU",  "EURO", "eur", "Eur",
                                         "XXX", "XAU", "DEM",  "HRK", "ABC" };

  for (gsize i = 0; i < G_N_ELEMENTS (two); i++)
    g_assert_cmpint (sb_currency_get_digits (two[i]), ==, 2);
  for (gsize i = 0; i < G_N_ELEMENTS (zero); i++)
    g_assert_cmpint (sb_currency_get_digits (zero[i]), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (three); i++)
    g_assert_cmpint (sb_currency_get_digits (three[i]), ==, 3);
  for (gsize i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_assert_cmpint (sb_currency_get_digits (unknown[i]), ==, -1);
      g_assert_false (sb_currency_is_valid (unknown[i]));
    }

  g_assert_true (sb_currency_is_valid ("EUR"));
  g_assert_false (sb_currency_is_valid (NULL));
}

static void
test_currency_codes (void)
{
  const char *const *codes = sb_currency_get_codes ();
  guint n;

  g_assert_nonnull (codes);
  g_assert_true (codes == sb_currency_get_codes ());

  for (n = 0; codes[n] != NULL; n++)
    {
      const char *code = codes[n];

      g_assert_cmpuint (strlen (code), ==, 3);
      for (guint i = 0; i < 3; i++)
        g_assert_true (g_ascii_isupper (code[i]));

      g_assert_true (sb_currency_is_valid (code));
      g_assert_cmpint (sb_currency_get_digits (code), >=, 0);
      g_assert_cmpint (sb_currency_get_digits (code), <=, 4);
      g_assert_nonnull (sb_currency_get_symbol (code));

      /* Sorted and without duplicates. */
      if (n > 0)
        g_assert_cmpint (strcmp (codes[n - 1], code), <, 0);
    }

  g_assert_cmpuint (n, >, 150);
  g_assert_true (g_strv_contains (codes, "EUR"));
  g_assert_true (g_strv_contains (codes, "USD"));
  g_assert_true (g_strv_contains (codes, "JPY"));
  g_assert_true (g_strv_contains (codes, "KWD"));
  g_assert_true (g_strv_contains (codes, "CHF"));
}

static void
test_currency_symbol (void)
{
  g_assert_cmpstr (sb_currency_get_symbol ("EUR"), ==, "€");
  g_assert_cmpstr (sb_currency_get_symbol ("USD"), ==, "$");
  g_assert_cmpstr (sb_currency_get_symbol ("GBP"), ==, "£");
  g_assert_cmpstr (sb_currency_get_symbol ("JPY"), ==, "¥");
  g_assert_cmpstr (sb_currency_get_symbol ("CHF"), ==, "CHF");
  g_assert_cmpstr (sb_currency_get_symbol ("KWD"), ==, "KWD");
  g_assert_cmpstr (sb_currency_get_symbol ("XYZ"), ==, "XYZ");
  /* Other dollars are told apart from the US one. */
  g_assert_cmpstr (sb_currency_get_symbol ("CAD"), !=, "$");
  g_assert_cmpstr (sb_currency_get_symbol ("AUD"), !=, "$");
}

static void
test_style (void)
{
  SbMoneyStyle style;
  g_autofree char *text = NULL;

  /* The tests run in the C locale: the documented defaults. */
  sb_money_style_from_locale (&style);
  g_assert_cmpstr (style.decimal, ==, ".");
  g_assert_cmpstr (style.group, ==, ",");
  g_assert_true (style.symbol_first);
  g_assert_false (style.symbol_space);

  text = sb_money_format (123456, "EUR");
  g_assert_cmpstr (text, ==, "€1,234.56");

  {
    gint64 amount = 0;

    g_assert_true (sb_money_parse ("€1,234.56", "EUR", &amount, NULL));
    g_assert_cmpint (amount, ==, 123456);
  }

  g_assert_cmpstr (de.decimal, ==, ",");
  g_assert_cmpstr (de.group, ==, ".");
  g_assert_false (de.symbol_first);
  g_assert_true (de.symbol_space);
}

static void
test_format_en (void)
{
  assert_format (&en, 123456, "EUR", "€1,234.56");
  assert_format (&en, -123456, "EUR", "-€1,234.56");
  assert_format (&en, 0, "EUR", "€0.00");
  assert_format (&en, 5, "EUR", "€0.05");
  assert_format (&en, -5, "EUR", "-€0.05");
  assert_format (&en, 99, "EUR", "€0.99");
  assert_format (&en, 100, "EUR", "€1.00");
  assert_format (&en, 99999, "EUR", "€999.99");
  assert_format (&en, 100000, "EUR", "€1,000.00");
  assert_format (&en, 100000000, "EUR", "€1,000,000.00");
  assert_format (&en, 123456, "USD", "$1,234.56");
  assert_format (&en, 123456, "GBP", "£1,234.56");
  assert_format (&en, 1234, "JPY", "¥1,234");
  assert_format (&en, -1234, "JPY", "-¥1,234");
  assert_format (&en, 0, "JPY", "¥0");
  assert_format (&en, 1234567, "KWD", "KWD 1,234.567");
  assert_format (&en, -1, "KWD", "-KWD 0.001");
  assert_format (&en, 123456, "CHF", "CHF 1,234.56");
  assert_format (&ch, 123456, "CHF", "CHF 1’234.56");
}

static void
test_format_de (void)
{
  assert_format (&de, 123456, "EUR", "1.234,56 €");
  assert_format (&de, -123456, "EUR", "-1.234,56 €");
  assert_format (&de, 5, "EUR", "0,05 €");
  assert_format (&de, 100000000, "EUR", "1.000.000,00 €");
  assert_format (&de, 123456, "USD", "1.234,56 $");
  assert_format (&de, 1234, "JPY", "1.234 ¥");
  assert_format (&de, 1234567, "KWD", "1.234,567 KWD");
  assert_format (&fr, 123456, "EUR", "1\u202f234,56 €");
}

static void
test_format_plain (void)
{
  static const struct
  {
    gint64 amount;
    const char *currency;
    const char *text;
  } cases[] = {
    { 123456, "EUR", "1234.56" },
    { -123456, "EUR", "-1234.56" },
    { -5, "EUR", "-0.05" },
    { 5, "EUR", "0.05" },
    { 0, "EUR", "0.00" },
    { 1234, "JPY", "1234" },
    { -1234, "JPY", "-1234" },
    { 0, "JPY", "0" },
    { 1, "KWD", "0.001" },
    { 1234567, "KWD", "1234.567" },
    { 12345, "CLF", "1.2345" },
    { G_MAXINT64, "EUR", "92233720368547758.07" },
    { G_MININT64, "EUR", "-92233720368547758.08" },
    { G_MAXINT64, "JPY", "9223372036854775807" },
    { G_MININT64, "JPY", "-9223372036854775808" },
    { G_MININT64, "KWD", "-9223372036854775.808" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text =
        sb_money_format_plain (cases[i].amount, cases[i].currency);
      g_autoptr (GError) error = NULL;
      gint64 back = 42;

      g_assert_cmpstr (text, ==, cases[i].text);

      g_assert_true (
        sb_money_parse_plain (text, cases[i].currency, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, cases[i].amount);
    }
}

static void
test_format_int64_edges (void)
{
  assert_format (&en, G_MAXINT64, "EUR", "€92,233,720,368,547,758.07");
  assert_format (&en, G_MININT64, "EUR", "-€92,233,720,368,547,758.08");
  assert_format (&en, G_MININT64 + 1, "EUR", "-€92,233,720,368,547,758.07");
  assert_format (&en, G_MAXINT64, "JPY", "¥9,223,372,036,854,775,807");
  assert_format (&en, G_MININT64, "JPY", "-¥9,223,372,036,854,775,808");
  assert_format (&de, G_MAXINT64, "KWD", "9.223.372.036.854.775,807 KWD");
  assert_format (&de, G_MININT64, "KWD", "-9.223.372.036.854.775,808 KWD");
}

static void
test_format_unknown_currency (void)
{
  char *text;

  if (!g_test_undefined ())
    return;

  g_test_expect_message ("sb-core", G_LOG_LEVEL_CRITICAL, "*cur != NULL*");
  text = sb_money_format_with_style (100, "XYZ", &en);
  g_test_assert_expected_messages ();
  g_assert_null (text);
}

static void
test_parse_en (void)
{
  assert_parse (&en, "1234.56", "EUR", 123456);
  assert_parse (&en, "1,234.56", "EUR", 123456);
  assert_parse (&en, "€1,234.56", "EUR", 123456);
  assert_parse (&en, "€ 1,234.56", "EUR", 123456);
  assert_parse (&en, "1,234.56€", "EUR", 123456);
  assert_parse (&en, "1,234.56 €", "EUR", 123456);
  assert_parse (&en, "EUR 1,234.56", "EUR", 123456);
  assert_parse (&en, "1234.56 EUR", "EUR", 123456);
  assert_parse (&en, "1234.56 eur", "EUR", 123456);
  assert_parse (&en, "   €1,234.56   ", "EUR", 123456);
  assert_parse (&en, "\t1.00\u00a0", "EUR", 100);
  assert_parse (&en, "-€1,234.56", "EUR", -123456);
  assert_parse (&en, "€-1,234.56", "EUR", -123456);
  assert_parse (&en, "- 1234.56", "EUR", -123456);
  assert_parse (&en, "\u22125", "EUR", -500);
  assert_parse (&en, "(€1,234.56)", "EUR", -123456);
  assert_parse (&en, "(1,234.56)", "EUR", -123456);
  assert_parse (&en, "€(1,234.56)", "EUR", -123456);
  assert_parse (&en, "( 5.00 € )", "EUR", -500);
  assert_parse (&en, "12", "EUR", 1200);
  assert_parse (&en, "12.5", "EUR", 1250);
  assert_parse (&en, "12.", "EUR", 1200);
  assert_parse (&en, ".5", "EUR", 50);
  assert_parse (&en, "0.05", "EUR", 5);
  assert_parse (&en, "-0.05", "EUR", -5);
  assert_parse (&en, "-0", "EUR", 0);
  assert_parse (&en, "0000.10", "EUR", 10);
  assert_parse (&en, "1,234,567", "EUR", 123456700);
  assert_parse (&en, "$1,234.56", "USD", 123456);
  assert_parse (&en, "USD1234.56", "USD", 123456);
  assert_parse (&en, "¥1,234", "JPY", 1234);
  assert_parse (&en, "1234 JPY", "JPY", 1234);
  assert_parse (&en, "KWD 1,234.567", "KWD", 1234567);
  assert_parse (&en, "1,234.5 KWD", "KWD", 1234500);
  assert_parse (&en, "CHF 12.50", "CHF", 1250);
  assert_parse (&ch, "CHF 1’234.56", "CHF", 123456);
  assert_parse (&ch, "1'234.56", "CHF", 123456);
}

static void
test_parse_de (void)
{
  assert_parse (&de, "1.234,56", "EUR", 123456);
  assert_parse (&de, "1234,56", "EUR", 123456);
  assert_parse (&de, "1.234,56 €", "EUR", 123456);
  assert_parse (&de, "1.234,56€", "EUR", 123456);
  assert_parse (&de, "€ 1.234,56", "EUR", 123456);
  assert_parse (&de, "-1.234,56 €", "EUR", -123456);
  assert_parse (&de, "(5,00 €)", "EUR", -500);
  assert_parse (&de, "0,05", "EUR", 5);
  assert_parse (&de, "12,5", "EUR", 1250);
  /* A "." is a decimal point unless exactly three digits follow. */
  assert_parse (&de, "12.5", "EUR", 1250);
  assert_parse (&de, "12.50", "EUR", 1250);
  assert_parse (&de, "-0.05 €", "EUR", -5);
  assert_parse (&de, "1.234", "EUR", 123400);
  assert_parse (&de, "1.234.567", "EUR", 123456700);
  assert_parse (&de, "1234", "EUR", 123400);
  assert_parse (&de, "1.234 ¥", "JPY", 1234);
  assert_parse (&de, "1234 JPY", "JPY", 1234);
  assert_parse (&de, "1.234,567 KWD", "KWD", 1234567);
  assert_parse (&de, "1.234 KWD", "KWD", 1234000);
  assert_parse (&de, "1.5 KWD", "KWD", 1500);
  assert_parse (&de, "1.234,56 $", "USD", 123456);
  /* Spaces of any kind stand for a space group separator. */
  assert_parse (&fr, "1\u202f234,56 €", "EUR", 123456);
  assert_parse (&fr, "1\u00a0234,56 €", "EUR", 123456);
  assert_parse (&fr, "1 234,56 €", "EUR", 123456);
  assert_parse (&fr, "1 234 567,5", "EUR", 123456750);
  assert_parse (&fr, "12.5", "EUR", 1250);
}

static void
test_parse_refusals (void)
{
  const char *empty = "The amount is empty";
  const char *no_digits = "has no digits";
  const char *stray = "does not belong";
  const char *not_amount = "is not an amount of money";
  const char *two_decimals = "more than one decimal separator";
  const char *grouping = "group separator in the wrong place";
  const char *decimals = "too many decimals";
  const char *whole = "are whole numbers";
  const char *too_large = "too large an amount";

  assert_refused (&en, "", "EUR", SB_CORE_ERROR_INVALID, empty);
  assert_refused (&en, "   ", "EUR", SB_CORE_ERROR_INVALID, empty);
  assert_refused (&en, "€", "EUR", SB_CORE_ERROR_INVALID, no_digits);
  assert_refused (&en, "-", "EUR", SB_CORE_ERROR_INVALID, no_digits);
  assert_refused (&en, "()", "EUR", SB_CORE_ERROR_INVALID, no_digits);
  assert_refused (&en, "- €", "EUR", SB_CORE_ERROR_INVALID, no_digits);
  assert_refused (&en, ".", "EUR", SB_CORE_ERROR_INVALID, no_digits);

  /* Letters and other characters. */
  assert_refused (&en, "12abc", "EUR", SB_CORE_ERROR_INVALID,
                  "“a” does not belong");
  assert_refused (&en, "twelve", "EUR", SB_CORE_ERROR_INVALID,
                  "“t” does not belong");
  assert_refused (&en, "1e5", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "+5", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "$5", "EUR", SB_CORE_ERROR_INVALID,
                  "“$” does not belong");
  assert_refused (&en, "5 USD", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "€€5", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "--5", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "(-5)", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "5)", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "5-", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "1 234.56", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "１２", "EUR", SB_CORE_ERROR_INVALID, stray);
  assert_refused (&en, "(5", "EUR", SB_CORE_ERROR_INVALID, not_amount);
  assert_refused (&en,
                  "\xff"
                  "5",
                  "EUR", SB_CORE_ERROR_INVALID, not_amount);

  /* Two decimal separators. */
  assert_refused (&en, "1.2.3", "EUR", SB_CORE_ERROR_INVALID, two_decimals);
  assert_refused (&en, "1,234.56.7", "EUR", SB_CORE_ERROR_INVALID,
                  two_decimals);
  assert_refused (&de, "1,2,3", "EUR", SB_CORE_ERROR_INVALID, two_decimals);
  assert_refused (&de, "1.234.5", "EUR", SB_CORE_ERROR_INVALID, two_decimals);
  assert_refused (&de, "1.2.3", "EUR", SB_CORE_ERROR_INVALID, two_decimals);

  /* Grouping where it is not plausible. */
  assert_refused (&en, "1,5", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&en, "12,34,567", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&en, "1234,567", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&en, ",123", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&en, "1,,234", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&en, "1,234,", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&en, "1,234.5,6", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&en, "1.234,56", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&en, "1,2345", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&de, "1.23,45", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&de, "1,234.56", "EUR", SB_CORE_ERROR_INVALID, grouping);
  assert_refused (&de, "12.34.567", "EUR", SB_CORE_ERROR_INVALID, grouping);

  /* More decimals than the currency has: never rounded. */
  assert_refused (&en, "1.234", "EUR", SB_CORE_ERROR_INVALID, decimals);
  assert_refused (&en, "0.001", "USD", SB_CORE_ERROR_INVALID, decimals);
  assert_refused (&de, "12,345", "EUR", SB_CORE_ERROR_INVALID, decimals);
  assert_refused (&en, "1.2345", "KWD", SB_CORE_ERROR_INVALID, decimals);
  assert_refused (&en, "1.5", "JPY", SB_CORE_ERROR_INVALID, whole);
  assert_refused (&en, "1.0", "JPY", SB_CORE_ERROR_INVALID, whole);
  assert_refused (&de, "1,5 ¥", "JPY", SB_CORE_ERROR_INVALID, whole);
  assert_refused (&de, "1.5", "JPY", SB_CORE_ERROR_INVALID, whole);

  /* Beyond gint64. */
  assert_refused (&en, "€92,233,720,368,547,758.08", "EUR",
                  SB_CORE_ERROR_OVERFLOW, too_large);
  assert_refused (&en, "-€92,233,720,368,547,758.09", "EUR",
                  SB_CORE_ERROR_OVERFLOW, too_large);
  assert_refused (&en, "99999999999999999999999", "EUR", SB_CORE_ERROR_OVERFLOW,
                  too_large);
  assert_refused (&en, "9223372036854775808", "JPY", SB_CORE_ERROR_OVERFLOW,
                  too_large);
  assert_refused (&en, "-9223372036854775809", "JPY", SB_CORE_ERROR_OVERFLOW,
                  too_large);
  assert_refused (&en, "92233720368547758.08", "EUR", SB_CORE_ERROR_OVERFLOW,
                  too_large);
  assert_refused (&en, "9223372036854775.808", "KWD", SB_CORE_ERROR_OVERFLOW,
                  too_large);
  assert_refused (&en, "100000000000000000", "EUR", SB_CORE_ERROR_OVERFLOW,
                  too_large);
}

static void
test_parse_int64_edges (void)
{
  assert_parse (&en, "€92,233,720,368,547,758.07", "EUR", G_MAXINT64);
  assert_parse (&en, "-€92,233,720,368,547,758.08", "EUR", G_MININT64);
  assert_parse (&en, "(92233720368547758.08)", "EUR", G_MININT64);
  assert_parse (&en, "9223372036854775807", "JPY", G_MAXINT64);
  assert_parse (&en, "-9223372036854775808", "JPY", G_MININT64);
  assert_parse (&de, "-9.223.372.036.854.775,808 KWD", "KWD", G_MININT64);
  assert_parse (&en, "00000000000000000000000000001", "JPY", 1);
}

static void
test_parse_optional_out (void)
{
  g_assert_true (sb_money_parse_with_style ("5", "EUR", &en, NULL, NULL));
  g_assert_false (sb_money_parse_with_style ("x", "EUR", &en, NULL, NULL));
  g_assert_true (sb_money_parse_plain ("5", "EUR", NULL, NULL));
}

static void
test_round_trip (void)
{
  static const char *const currencies[] = { "EUR", "USD", "JPY",
                                            "KWD", "CHF", "CLF" };
  const SbMoneyStyle *styles[] = { &en, &de, &ch, &fr };
  static const gint64 edges[] = {
    0,
    1,
    -1,
    5,
    -5,
    99,
    -99,
    100,
    -100,
    999,
    1000,
    1001,
    123456,
    -123456,
    1234567,
    100000000,
    -100000000,
    G_MAXINT64,
    G_MININT64,
    G_MAXINT64 - 1,
    G_MININT64 + 1,
    G_MAXINT32,
    G_MININT32,
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (4217);

  for (gsize c = 0; c < G_N_ELEMENTS (currencies); c++)
    for (gsize s = 0; s < G_N_ELEMENTS (styles); s++)
      for (guint i = 0; i < G_N_ELEMENTS (edges) + 3000; i++)
        {
          g_autofree char *text = NULL;
          g_autofree char *plain = NULL;
          g_autoptr (GError) error = NULL;
          gint64 amount;
          gint64 back = 42;

          if (i < G_N_ELEMENTS (edges))
            amount = edges[i];
          else
            /* Random magnitudes from cents to the whole range. */
            amount = (gint64) ((guint64) g_rand_int (rand) << 32 |
                               g_rand_int (rand)) >>
                     g_rand_int_range (rand, 0, 63);

          text = sb_money_format_with_style (amount, currencies[c], styles[s]);
          if (!sb_money_parse_with_style (text, currencies[c], styles[s], &back,
                                          &error))
            g_error ("“%s” does not parse back: %s", text, error->message);
          g_assert_cmpint (back, ==, amount);

          plain = sb_money_format_plain (amount, currencies[c]);
          back = 42;
          g_assert_true (
            sb_money_parse_plain (plain, currencies[c], &back, &error));
          g_assert_cmpint (back, ==, amount);
        }
}

static void
assert_plain_refused (const char *text, const char *currency, SbCoreError code)
{
  g_autoptr (GError) error = NULL;
  gint64 amount = 42;

  if (sb_money_parse_plain (text, currency, &amount, &error))
    g_error ("“%s” (%s) should be refused by the plain parser", text, currency);

  g_assert_error (error, SB_CORE_ERROR, (int) code);
  g_assert_cmpint (amount, ==, 42);
  if (text[0] != '\0')
    g_assert_nonnull (strstr (error->message, text));
}

static void
test_parse_plain (void)
{
  static const struct
  {
    const char *text;
    const char *currency;
    gint64 amount;
  } ok[] = {
    { "1234.56", "EUR", 123456 },
    { "-0.05", "EUR", -5 },
    { "1234.5", "EUR", 123450 },
    { "1234", "EUR", 123400 },
    { "0", "EUR", 0 },
    { "-0", "EUR", 0 },
    { "007", "EUR", 700 },
    { "1234", "JPY", 1234 },
    { "1.234", "KWD", 1234 },
    { "-92233720368547758.08", "EUR", G_MININT64 },
    { "92233720368547758.07", "EUR", G_MAXINT64 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 amount = 42;

      if (!sb_money_parse_plain (ok[i].text, ok[i].currency, &amount, &error))
        g_error ("“%s” should parse: %s", ok[i].text, error->message);
      g_assert_cmpint (amount, ==, ok[i].amount);
    }

  assert_plain_refused ("", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused (" 1", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1 ", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1,234.56", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1234,56", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("€1", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1 EUR", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1.", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused (".5", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("-", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("+1", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("--1", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("(1)", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1e3", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1.2.3", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1.234", "EUR", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("1.5", "JPY", SB_CORE_ERROR_INVALID);
  assert_plain_refused ("9223372036854775808", "JPY", SB_CORE_ERROR_OVERFLOW);
  assert_plain_refused ("-9223372036854775809", "JPY", SB_CORE_ERROR_OVERFLOW);
  assert_plain_refused ("92233720368547758.08", "EUR", SB_CORE_ERROR_OVERFLOW);
}

static void
test_add (void)
{
  gint64 out = 42;

  g_assert_true (sb_money_add (1, 2, &out));
  g_assert_cmpint (out, ==, 3);
  g_assert_true (sb_money_add (-5, 3, &out));
  g_assert_cmpint (out, ==, -2);
  g_assert_true (sb_money_add (G_MAXINT64, 0, &out));
  g_assert_cmpint (out, ==, G_MAXINT64);
  g_assert_true (sb_money_add (G_MININT64, G_MAXINT64, &out));
  g_assert_cmpint (out, ==, -1);
  g_assert_true (sb_money_add (G_MAXINT64, G_MININT64, &out));
  g_assert_cmpint (out, ==, -1);
  g_assert_true (sb_money_add (G_MAXINT64 - 1, 1, &out));
  g_assert_cmpint (out, ==, G_MAXINT64);
  g_assert_true (sb_money_add (G_MININT64 + 1, -1, &out));
  g_assert_cmpint (out, ==, G_MININT64);

  out = 42;
  g_assert_false (sb_money_add (G_MAXINT64, 1, &out));
  g_assert_false (sb_money_add (1, G_MAXINT64, &out));
  g_assert_false (sb_money_add (G_MAXINT64, G_MAXINT64, &out));
  g_assert_false (sb_money_add (G_MININT64, -1, &out));
  g_assert_false (sb_money_add (-1, G_MININT64, &out));
  g_assert_false (sb_money_add (G_MININT64, G_MININT64, &out));
  g_assert_cmpint (out, ==, 42);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);
  init_styles ();

  g_test_add_func ("/money/currency/digits", test_currency_digits);
  g_test_add_func ("/money/currency/codes", test_currency_codes);
  g_test_add_func ("/money/currency/symbol", test_currency_symbol);
  g_test_add_func ("/money/style", test_style);
  g_test_add_func ("/money/format/en", test_format_en);
  g_test_add_func ("/money/format/de", test_format_de);
  g_test_add_func ("/money/format/plain", test_format_plain);
  g_test_add_func ("/money/format/int64-edges", test_format_int64_edges);
  g_test_add_func ("/money/format/unknown-currency",
                   test_format_unknown_currency);
  g_test_add_func ("/money/parse/en", test_parse_en);
  g_test_add_func ("/money/parse/de", test_parse_de);
  g_test_add_func ("/money/parse/refusals", test_parse_refusals);
  g_test_add_func ("/money/parse/int64-edges", test_parse_int64_edges);
  g_test_add_func ("/money/parse/optional-out", test_parse_optional_out);
  g_test_add_func ("/money/parse/plain", test_parse_plain);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/add", test_add);

  return g_test_run ();
}
