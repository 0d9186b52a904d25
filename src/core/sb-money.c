/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-core"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-core-error.h"
#include "sb-money.h"

typedef struct
{
  char code[4];
  guint8 digits;
  const char *symbol; /* NULL: people write the code */
} Currency;

/* Active ISO 4217 currencies with their minor units, sorted by code for
 * bsearch(). Fund codes, precious metals and testing codes are left out:
 * nobody invoices in them. Symbols are those an English reader knows
 * without ambiguity; a dollar other than the US one keeps its prefix. */
/* clang-format off */
static const Currency currencies[] = {
  { "AED", 2, NULL },     { "AFN", 2, "؋" },     { "ALL", 2, NULL },
  { "AMD", 2, "֏" },      { "ANG", 2, NULL },    { "AOA", 2, NULL },
  { "ARS", 2, NULL },     { "AUD", 2, "A$" },    { "AWG", 2, NULL },
  { "AZN", 2, "₼" },      { "BAM", 2, "KM" },    { "BBD", 2, NULL },
  { "BDT", 2, "৳" },      { "BGN", 2, NULL },    { "BHD", 3, NULL },
  { "BIF", 0, NULL },     { "BMD", 2, NULL },    { "BND", 2, NULL },
  { "BOB", 2, "Bs" },     { "BRL", 2, "R$" },    { "BSD", 2, NULL },
  { "BTN", 2, NULL },     { "BWP", 2, NULL },    { "BYN", 2, NULL },
  { "BZD", 2, NULL },     { "CAD", 2, "CA$" },   { "CDF", 2, NULL },
  { "CHF", 2, "CHF" },    { "CLF", 4, NULL },    { "CLP", 0, NULL },
  { "CNY", 2, "CN¥" },    { "COP", 2, NULL },    { "CRC", 2, "₡" },
  { "CUP", 2, NULL },     { "CVE", 2, NULL },    { "CZK", 2, "Kč" },
  { "DJF", 0, NULL },     { "DKK", 2, "kr." },   { "DOP", 2, NULL },
  { "DZD", 2, NULL },     { "EGP", 2, "E£" },    { "ERN", 2, NULL },
  { "ETB", 2, NULL },     { "EUR", 2, "€" },     { "FJD", 2, NULL },
  { "FKP", 2, NULL },     { "GBP", 2, "£" },     { "GEL", 2, "₾" },
  { "GHS", 2, "GH₵" },    { "GIP", 2, NULL },    { "GMD", 2, NULL },
  { "GNF", 0, NULL },     { "GTQ", 2, "Q" },     { "GYD", 2, NULL },
  { "HKD", 2, "HK$" },    { "HNL", 2, NULL },    { "HTG", 2, NULL },
  { "HUF", 2, "Ft" },     { "IDR", 2, "Rp" },    { "ILS", 2, "₪" },
  { "INR", 2, "₹" },      { "IQD", 3, NULL },    { "IRR", 2, NULL },
  { "ISK", 0, NULL },     { "JMD", 2, NULL },    { "JOD", 3, NULL },
  { "JPY", 0, "¥" },      { "KES", 2, "KSh" },   { "KGS", 2, NULL },
  { "KHR", 2, "៛" },      { "KMF", 0, NULL },    { "KPW", 2, NULL },
  { "KRW", 0, "₩" },      { "KWD", 3, NULL },    { "KYD", 2, NULL },
  { "KZT", 2, "₸" },      { "LAK", 2, "₭" },     { "LBP", 2, NULL },
  { "LKR", 2, NULL },     { "LRD", 2, NULL },    { "LSL", 2, NULL },
  { "LYD", 3, NULL },     { "MAD", 2, NULL },    { "MDL", 2, NULL },
  { "MGA", 2, NULL },     { "MKD", 2, NULL },    { "MMK", 2, NULL },
  { "MNT", 2, "₮" },      { "MOP", 2, NULL },    { "MRU", 2, NULL },
  { "MUR", 2, NULL },     { "MVR", 2, NULL },    { "MWK", 2, NULL },
  { "MXN", 2, "MX$" },    { "MYR", 2, "RM" },    { "MZN", 2, NULL },
  { "NAD", 2, NULL },     { "NGN", 2, "₦" },     { "NIO", 2, NULL },
  { "NOK", 2, "kr" },     { "NPR", 2, NULL },    { "NZD", 2, "NZ$" },
  { "OMR", 3, NULL },     { "PAB", 2, NULL },    { "PEN", 2, "S/" },
  { "PGK", 2, NULL },     { "PHP", 2, "₱" },     { "PKR", 2, NULL },
  { "PLN", 2, "zł" },     { "PYG", 0, "₲" },     { "QAR", 2, NULL },
  { "RON", 2, "lei" },    { "RSD", 2, NULL },    { "RUB", 2, "₽" },
  { "RWF", 0, NULL },     { "SAR", 2, NULL },    { "SBD", 2, NULL },
  { "SCR", 2, NULL },     { "SDG", 2, NULL },    { "SEK", 2, "kr" },
  { "SGD", 2, "S$" },     { "SHP", 2, NULL },    { "SLE", 2, NULL },
  { "SOS", 2, NULL },     { "SRD", 2, NULL },    { "SSP", 2, NULL },
  { "STN", 2, NULL },     { "SVC", 2, NULL },    { "SYP", 2, NULL },
  { "SZL", 2, NULL },     { "THB", 2, "฿" },     { "TJS", 2, NULL },
  { "TMT", 2, NULL },     { "TND", 3, NULL },    { "TOP", 2, NULL },
  { "TRY", 2, "₺" },      { "TTD", 2, NULL },    { "TWD", 2, "NT$" },
  { "TZS", 2, NULL },     { "UAH", 2, "₴" },     { "UGX", 0, NULL },
  { "USD", 2, "$" },      { "UYU", 2, NULL },    { "UYW", 4, NULL },
  { "UZS", 2, NULL },     { "VED", 2, NULL },    { "VES", 2, NULL },
  { "VND", 0, "₫" },      { "VUV", 0, NULL },    { "WST", 2, NULL },
  { "XAF", 0, "FCFA" },   { "XCD", 2, "EC$" },   { "XCG", 2, NULL },
  { "XOF", 0, "F CFA" },  { "XPF", 0, "CFPF" },  { "YER", 2, NULL },
  { "ZAR", 2, "R" },      { "ZMW", 2, NULL },    { "ZWG", 2, NULL },
};
/* clang-format on */

/* 10^digits for every minor unit in the table. */
static const guint64 powers_of_ten[] = { 1, 10, 100, 1000, 10000 };

/* The magnitude of G_MININT64, the largest a negative amount can have. */
#define MAX_NEGATIVE_MAGNITUDE ((guint64) G_MAXINT64 + 1)

static int
compare_currency_code (const void *key, const void *element)
{
  const Currency *currency = element;

  return strcmp (key, currency->code);
}

static const Currency *
lookup_currency (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return NULL;

  return bsearch (code, currencies, G_N_ELEMENTS (currencies),
                  sizeof (Currency), compare_currency_code);
}

static guint64
magnitude_of (gint64 amount)
{
  /* Unsigned negation is defined for G_MININT64 too. */
  return amount < 0 ? -(guint64) amount : (guint64) amount;
}

/* Writes the number without sign or symbol: digit groups of three, then
 * the decimal separator and exactly @digits minor digits. */
static void
append_number (GString *out,
               guint64 magnitude,
               guint digits,
               const char *decimal,
               const char *group)
{
  guint64 scale = powers_of_ten[digits];
  char whole[24];
  gsize n_whole;

  n_whole = (gsize) g_snprintf (whole, sizeof whole, "%" G_GUINT64_FORMAT,
                                magnitude / scale);

  for (gsize i = 0; i < n_whole; i++)
    {
      if (i > 0 && (n_whole - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, whole[i]);
    }

  if (digits > 0)
    {
      g_string_append (out, decimal);
      g_string_append_printf (out, "%0*" G_GUINT64_FORMAT, (int) digits,
                              magnitude % scale);
    }
}

/* Space characters people and locales use around and inside amounts:
 * space, tab, no-break space, thin space and narrow no-break space.
 * Returns the length in bytes of the one at @p, or 0. */
static gsize
space_length (const char *p)
{
  if (*p == ' ' || *p == '\t')
    return 1;
  if (g_str_has_prefix (p, "\u00a0"))
    return 2;
  if (g_str_has_prefix (p, "\u2009") || g_str_has_prefix (p, "\u202f"))
    return 3;

  return 0;
}

/* The same, for the character that ends just before @end. */
static gsize
space_length_before (const char *start, const char *end)
{
  for (gsize len = 1; len <= 3 && (gsize) (end - start) >= len; len++)
    {
      if (space_length (end - len) == len)
        return len;
    }

  return 0;
}

static gboolean
is_apostrophe (const char *p, gsize *len)
{
  if (*p == '\'')
    {
      *len = 1;
      return TRUE;
    }
  if (g_str_has_prefix (p, "\u2019"))
    {
      *len = 3;
      return TRUE;
    }

  return FALSE;
}

/* Whether a group separator of @style starts at @p. Spaces of any kind
 * stand for each other, and so do straight and curly apostrophes, since
 * people type the plain one whatever the locale prints. */
static gboolean
is_group_at (const SbMoneyStyle *style, const char *p, gsize *len)
{
  gsize dummy;

  if (style->group[0] == '\0')
    return FALSE;

  if (space_length (style->group) == strlen (style->group))
    {
      *len = space_length (p);
      return *len > 0 && *p != '\t';
    }

  if (is_apostrophe (style->group, &dummy))
    return is_apostrophe (p, len);

  if (g_str_has_prefix (p, style->group))
    {
      *len = strlen (style->group);
      return TRUE;
    }

  return FALSE;
}

static gboolean
has_prefix_ascii_case (const char *text, const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

/* Matches the currency symbol or code at the start of [*start, end). */
static gboolean
eat_currency_prefix (const Currency *currency,
                     const char **start,
                     const char *end)
{
  gsize available = (gsize) (end - *start);

  if (currency->symbol != NULL && strlen (currency->symbol) <= available &&
      strncmp (*start, currency->symbol, strlen (currency->symbol)) == 0)
    {
      *start += strlen (currency->symbol);
      return TRUE;
    }

  if (available >= 3 && has_prefix_ascii_case (*start, currency->code))
    {
      *start += 3;
      return TRUE;
    }

  return FALSE;
}

/* Matches the currency symbol or code at the end of [start, *end). */
static gboolean
eat_currency_suffix (const Currency *currency,
                     const char *start,
                     const char **end)
{
  gsize available = (gsize) (*end - start);

  if (currency->symbol != NULL && strlen (currency->symbol) <= available &&
      strncmp (*end - strlen (currency->symbol), currency->symbol,
               strlen (currency->symbol)) == 0)
    {
      *end -= strlen (currency->symbol);
      return TRUE;
    }

  if (available >= 3 && has_prefix_ascii_case (*end - 3, currency->code))
    {
      *end -= 3;
      return TRUE;
    }

  return FALSE;
}

static gboolean
eat_minus (const char **start)
{
  if (**start == '-')
    {
      *start += 1;
      return TRUE;
    }

  /* U+2212 MINUS SIGN, which some locales and word processors use. */
  if (g_str_has_prefix (*start, "\u2212"))
    {
      *start += 3;
      return TRUE;
    }

  return FALSE;
}

typedef enum
{
  TOKEN_DIGITS,
  TOKEN_DECIMAL,
  TOKEN_GROUP,
  TOKEN_DOT,
} TokenKind;

typedef struct
{
  TokenKind kind;
  const char *start;
  gsize len;
} Token;

/* Accumulates one digit into @value without passing @limit. */
static gboolean
push_digit (guint64 *value, guint digit, guint64 limit)
{
  if (*value > (limit - digit) / 10)
    return FALSE;

  *value = *value * 10 + digit;

  return TRUE;
}

/**
 * sb_currency_get_digits:
 * @code: an ISO 4217 currency code, e.g. "EUR"
 *
 * The number of minor-unit digits of a currency: 2 for most, 0 for JPY,
 * KRW, ISK, CLP, VND, XAF, XOF and others, 3 for BHD, IQD, JOD, KWD, LYD,
 * OMR and TND.
 *
 * Returns: the number of digits, or -1 if @code is not a currency we know
 */
int
sb_currency_get_digits (const char *code)
{
  const Currency *currency;

  g_return_val_if_fail (code != NULL, -1);

  currency = lookup_currency (code);

  return currency != NULL ? currency->digits : -1;
}

/**
 * sb_currency_is_valid:
 * @code: (nullable): text to check
 *
 * Checks that @code is an active ISO 4217 currency code, in upper case.
 *
 * Returns: %TRUE if @code is a currency we know
 */
gboolean
sb_currency_is_valid (const char *code)
{
  return lookup_currency (code) != NULL;
}

/**
 * sb_currency_get_codes:
 *
 * All currency codes Servicebook knows: active ISO 4217 codes, sorted.
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes; owned by
 *   Servicebook, do not free
 */
const char *const *
sb_currency_get_codes (void)
{
  static const char **codes;

  if (g_once_init_enter (&codes))
    {
      const char **list = g_new0 (const char *, G_N_ELEMENTS (currencies) + 1);

      for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
        list[i] = currencies[i].code;

      g_once_init_leave (&codes, list);
    }

  return codes;
}

/**
 * sb_currency_get_symbol:
 * @code: an ISO 4217 currency code
 *
 * The symbol people write for a currency: "€" for EUR, "$" for USD, "£"
 * for GBP, "¥" for JPY, "CHF" for CHF. A currency without a well-known
 * symbol is written with its code.
 *
 * Returns: (transfer none): the symbol, or @code itself
 */
const char *
sb_currency_get_symbol (const char *code)
{
  const Currency *currency;

  g_return_val_if_fail (code != NULL, NULL);

  currency = lookup_currency (code);
  if (currency == NULL || currency->symbol == NULL)
    return code;

  return currency->symbol;
}

/**
 * sb_money_style_init:
 * @style: (out caller-allocates): the style to fill in
 * @decimal: the decimal separator, one character
 * @group: the digit group separator, one character or "" for none; not
 *   the same as @decimal
 * @symbol_first: whether the symbol goes before the number
 * @symbol_space: whether a space separates symbol and number
 *
 * Fills in a money style by hand, e.g. `(".", ",", TRUE, FALSE)` for
 * English or `(",", ".", FALSE, TRUE)` for German.
 */
void
sb_money_style_init (SbMoneyStyle *style,
                     const char *decimal,
                     const char *group,
                     gboolean symbol_first,
                     gboolean symbol_space)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (decimal != NULL && decimal[0] != '\0');
  g_return_if_fail (strlen (decimal) < sizeof style->decimal);
  g_return_if_fail (group != NULL);
  g_return_if_fail (strlen (group) < sizeof style->group);
  g_return_if_fail (strcmp (decimal, group) != 0);

  memset (style, 0, sizeof *style);
  g_strlcpy (style->decimal, decimal, sizeof style->decimal);
  g_strlcpy (style->group, group, sizeof style->group);
  style->symbol_first = !!symbol_first;
  style->symbol_space = !!symbol_space;
}

/**
 * sb_money_style_from_locale:
 * @style: (out caller-allocates): the style to fill in
 *
 * Fills in the money style of the current locale (`LC_MONETARY`, falling
 * back to `LC_NUMERIC` for the decimal separator). Where the locale says
 * nothing, as the C locale does, the style is "." for decimals, "," for
 * groups, symbol first and no space: "€1,234.56".
 */
void
sb_money_style_from_locale (SbMoneyStyle *style)
{
  const struct lconv *lc;
  const char *decimal = ".";
  const char *group;
  gboolean symbol_first = TRUE;
  gboolean symbol_space = FALSE;

  g_return_if_fail (style != NULL);

  lc = localeconv ();

  if (lc->mon_decimal_point != NULL && lc->mon_decimal_point[0] != '\0')
    decimal = lc->mon_decimal_point;
  else if (lc->decimal_point != NULL && lc->decimal_point[0] != '\0')
    decimal = lc->decimal_point;

  if (lc->mon_thousands_sep != NULL && lc->mon_thousands_sep[0] != '\0')
    group = lc->mon_thousands_sep;
  else
    group = strcmp (decimal, ",") == 0 ? "." : ",";

  if (lc->p_cs_precedes != CHAR_MAX)
    symbol_first = lc->p_cs_precedes == 1;
  if (lc->p_sep_by_space != CHAR_MAX)
    symbol_space = lc->p_sep_by_space == 1;

  /* Separators that do not fit or clash would make amounts unreadable. */
  if (strlen (decimal) >= sizeof style->decimal)
    decimal = ".";
  if (strlen (group) >= sizeof style->group || strcmp (group, decimal) == 0)
    group = strcmp (decimal, ",") == 0 ? "." : ",";

  sb_money_style_init (style, decimal, group, symbol_first, symbol_space);
}

/* A code or a symbol in letters ("CHF", "KWD", "kr") is set apart from the
 * digits even in styles that join symbols to numbers: "CHF 12.50", not
 * "CHF12.50". */
static gboolean
symbol_needs_space (const char *symbol, gboolean before_number)
{
  const char *edge;

  if (before_number)
    edge = g_utf8_prev_char (symbol + strlen (symbol));
  else
    edge = symbol;

  return g_unichar_isalpha (g_utf8_get_char (edge));
}

/**
 * sb_money_format_with_style:
 * @amount: the amount in minor units (cents for EUR, yen for JPY)
 * @currency: a known ISO 4217 currency code
 * @style: how to write it
 *
 * Formats an amount for people: digit groups, the currency's number of
 * decimals, the symbol (or the code) where the style puts it and a
 * leading minus for negative amounts: "€1,234.56", "-€1,234.56",
 * "1.234,56 €", "¥1,235". A symbol in letters is always set apart by a
 * space ("CHF 12.50"). Exact for every #gint64.
 *
 * Returns: (transfer full): the display text; free with g_free()
 */
char *
sb_money_format_with_style (gint64 amount,
                            const char *currency,
                            const SbMoneyStyle *style)
{
  const Currency *cur;
  const char *symbol;
  GString *out;

  g_return_val_if_fail (currency != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  cur = lookup_currency (currency);
  g_return_val_if_fail (cur != NULL, NULL);

  symbol = cur->symbol != NULL ? cur->symbol : cur->code;
  out = g_string_new (amount < 0 ? "-" : NULL);

  if (style->symbol_first)
    {
      g_string_append (out, symbol);
      if (style->symbol_space || symbol_needs_space (symbol, TRUE))
        g_string_append_c (out, ' ');
    }

  append_number (out, magnitude_of (amount), cur->digits, style->decimal,
                 style->group);

  if (!style->symbol_first)
    {
      if (style->symbol_space || symbol_needs_space (symbol, FALSE))
        g_string_append_c (out, ' ');
      g_string_append (out, symbol);
    }

  return g_string_free (out, FALSE);
}

/**
 * sb_money_format:
 * @amount: the amount in minor units
 * @currency: a known ISO 4217 currency code
 *
 * Formats an amount for people in the style of the current locale; see
 * sb_money_format_with_style().
 *
 * Returns: (transfer full): the display text; free with g_free()
 */
char *
sb_money_format (gint64 amount, const char *currency)
{
  SbMoneyStyle style;

  sb_money_style_from_locale (&style);

  return sb_money_format_with_style (amount, currency, &style);
}

/**
 * sb_money_format_plain:
 * @amount: the amount in minor units
 * @currency: a known ISO 4217 currency code
 *
 * Formats an amount for files (CSV, JSON): no symbol, no groups, "." for
 * decimals and exactly the currency's decimals: "1234.56", "-0.05", "1234"
 * for JPY. sb_money_parse_plain() reads it back.
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_money_format_plain (gint64 amount, const char *currency)
{
  const Currency *cur;
  GString *out;

  g_return_val_if_fail (currency != NULL, NULL);

  cur = lookup_currency (currency);
  g_return_val_if_fail (cur != NULL, NULL);

  out = g_string_new (amount < 0 ? "-" : NULL);
  append_number (out, magnitude_of (amount), cur->digits, ".", "");

  return g_string_free (out, FALSE);
}

/* Turns the digits of the whole and fractional parts into minor units,
 * refusing more fractional digits than the currency has. */
static gboolean
digits_to_amount (const char *quoted,
                  const Currency *cur,
                  const char *whole,
                  gsize whole_len,
                  const char *fraction,
                  gsize fraction_len,
                  gboolean negative,
                  gint64 *out,
                  GError **error)
{
  guint64 limit = negative ? MAX_NEGATIVE_MAGNITUDE : (guint64) G_MAXINT64;
  guint64 value = 0;
  gboolean fits = TRUE;

  if (fraction_len > cur->digits && cur->digits == 0)
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   /* Translators: an amount, then a currency code */
                   _ ("“%s” has decimals, but %s amounts are whole numbers"),
                   quoted, cur->code);
      return FALSE;
    }

  if (fraction_len > cur->digits)
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   /* Translators: an amount, a currency code, a number */
                   _ ("“%s” has too many decimals for %s (at most %d)"), quoted,
                   cur->code, (int) cur->digits);
      return FALSE;
    }

  for (gsize i = 0; fits && i < whole_len; i++)
    fits = push_digit (&value, (guint) (whole[i] - '0'), limit);
  for (gsize i = 0; fits && i < cur->digits; i++)
    fits = push_digit (
      &value, i < fraction_len ? (guint) (fraction[i] - '0') : 0, limit);

  if (!fits)
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_OVERFLOW,
                   /* Translators: %s is the amount that was given */
                   _ ("“%s” is too large an amount"), quoted);
      return FALSE;
    }

  if (out != NULL)
    {
      if (!negative)
        *out = (gint64) value;
      else if (value == 0)
        *out = 0;
      else
        *out = -(gint64) (value - 1) - 1;
    }

  return TRUE;
}

static gboolean
set_not_an_amount (GError **error, const char *quoted)
{
  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
               /* Translators: %s is the text that was given */
               _ ("“%s” is not an amount of money"), quoted);

  return FALSE;
}

static gboolean
set_bad_grouping (GError **error, const char *quoted)
{
  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
               /* Translators: %s is the amount that was given; a digit group
                * separator is the "," in 1,234.56 */
               _ ("“%s” has a digit group separator in the wrong place"),
               quoted);

  return FALSE;
}

static gboolean
set_stray_character (GError **error, const char *quoted, const char *p)
{
  g_autofree char *bad = g_utf8_substring (p, 0, 1);

  g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
               /* Translators: the first %s is the text that was given, the
                * second the character that does not belong in an amount */
               _ ("“%s” is not an amount of money: “%s” does not belong in it"),
               quoted, bad);

  return FALSE;
}

/* People type "." for decimals whatever their locale says. With a style
 * whose decimal separator is not "." and no such separator typed, the "."
 * is a decimal separator unless exactly three digits follow the last one:
 * "12.5" and "12.50" are decimals, "1.234" is a thousand and more. */
static void
resolve_dots (GArray *tokens, const SbMoneyStyle *style)
{
  gint last_dot = -1;
  gboolean three_digits;

  if (strcmp (style->decimal, ".") == 0)
    return;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOKEN_DECIMAL)
        return;
      if (t->len == 1 && *t->start == '.')
        last_dot = (gint) i;
    }

  if (last_dot < 0)
    return;

  three_digits =
    (guint) last_dot + 1 < tokens->len &&
    g_array_index (tokens, Token, last_dot + 1).kind == TOKEN_DIGITS &&
    g_array_index (tokens, Token, last_dot + 1).len == 3;
  if (three_digits)
    return;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);

      if (t->len == 1 && *t->start == '.')
        t->kind = TOKEN_DECIMAL;
    }
}

/**
 * sb_money_parse_with_style:
 * @text: an amount as a person typed it
 * @currency: a known ISO 4217 currency code
 * @style: the style the person writes in
 * @out: (out) (optional): the amount in minor units
 * @error: return location for a #GError
 *
 * Reads an amount a person typed, without ever rounding. Accepted:
 * surrounding spaces; the currency's symbol or code before or after the
 * number; a leading minus or parentheses for negative amounts; digit group
 * separators of @style where they make sense (groups of three); the
 * decimal separator of @style. When the style's decimal separator is not
 * "." and @text has none, a "." not followed by exactly three digits is
 * taken as the decimal separator too, so "12.5" means 12,50 in German
 * while "1.234" still means 1234.
 *
 * Refused with %SB_CORE_ERROR_INVALID: empty text, other characters,
 * misplaced group separators, two decimal separators and more decimals than
 * the currency has; with %SB_CORE_ERROR_OVERFLOW: amounts beyond #gint64.
 * The messages quote @text.
 *
 * Returns: %TRUE if @text was an amount
 */
gboolean
sb_money_parse_with_style (const char *text,
                           const char *currency,
                           const SbMoneyStyle *style,
                           gint64 *out,
                           GError **error)
{
  g_autofree char *quoted = NULL;
  g_autoptr (GArray) tokens = NULL;
  g_autoptr (GString) whole = NULL;
  g_autoptr (GString) fraction = NULL;
  const Currency *cur;
  const char *start;
  const char *end;
  gboolean negative = FALSE;
  gboolean open_paren = FALSE;
  gboolean close_paren = FALSE;
  gboolean has_currency = FALSE;
  gboolean in_fraction = FALSE;
  gboolean grouped = FALSE;
  guint n_decimals = 0;
  guint i;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cur = lookup_currency (currency);
  g_return_val_if_fail (cur != NULL, FALSE);

  quoted = sb_core_error_quote_input (text);

  if (!g_utf8_validate (text, -1, NULL))
    return set_not_an_amount (error, quoted);

  start = text;
  end = text + strlen (text);

  /* Peel sign, parenthesis and currency off the front, in any order... */
  for (;;)
    {
      gsize len = space_length (start);

      if (len > 0)
        start += len;
      else if (!open_paren && !negative && *start == '(')
        open_paren = TRUE, start++;
      else if (!negative && !open_paren && eat_minus (&start))
        negative = TRUE;
      else if (!has_currency && eat_currency_prefix (cur, &start, end))
        has_currency = TRUE;
      else
        break;
    }

  /* ... and parenthesis and currency off the back. */
  for (;;)
    {
      gsize len = end > start ? space_length_before (start, end) : 0;

      if (len > 0)
        end -= len;
      else if (open_paren && !close_paren && end > start && end[-1] == ')')
        close_paren = TRUE, end--;
      else if (!has_currency && end > start &&
               eat_currency_suffix (cur, start, &end))
        has_currency = TRUE;
      else
        break;
    }

  if (start == end)
    {
      if (!negative && !open_paren && !has_currency)
        g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                             _ ("The amount is empty"));
      else
        g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                     /* Translators: %s is the text that was given */
                     _ ("“%s” has no digits"), quoted);
      return FALSE;
    }

  if (open_paren != close_paren)
    return set_not_an_amount (error, quoted);
  negative = negative || open_paren;

  /* Split the number into digit runs and separators. */
  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  for (const char *p = start; p < end;)
    {
      Token token = { TOKEN_DIGITS, p, 0 };
      gsize len;

      if (g_ascii_isdigit (*p))
        {
          while (p + token.len < end && g_ascii_isdigit (p[token.len]))
            token.len++;
        }
      else if (g_str_has_prefix (p, style->decimal))
        {
          token.kind = TOKEN_DECIMAL;
          token.len = strlen (style->decimal);
        }
      else if (is_group_at (style, p, &len))
        {
          token.kind = TOKEN_GROUP;
          token.len = len;
        }
      else if (*p == '.')
        {
          token.kind = TOKEN_DOT;
          token.len = 1;
        }
      else
        {
          return set_stray_character (error, quoted, p);
        }

      g_array_append_val (tokens, token);
      p += token.len;
    }

  resolve_dots (tokens, style);

  for (i = 0; i < tokens->len; i++)
    {
      if (g_array_index (tokens, Token, i).kind == TOKEN_DECIMAL)
        n_decimals++;
    }

  if (n_decimals > 1)
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   /* Translators: %s is the amount that was given */
                   _ ("“%s” has more than one decimal separator"), quoted);
      return FALSE;
    }

  whole = g_string_new (NULL);
  fraction = g_string_new (NULL);

  for (i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      const Token *prev = i > 0 ? &g_array_index (tokens, Token, i - 1) : NULL;
      const Token *next =
        i + 1 < tokens->len ? &g_array_index (tokens, Token, i + 1) : NULL;

      switch (t->kind)
        {
        case TOKEN_DIGITS:
          if (in_fraction)
            g_string_append_len (fraction, t->start, (gssize) t->len);
          else if (grouped && t->len != 3)
            return set_bad_grouping (error, quoted);
          else
            g_string_append_len (whole, t->start, (gssize) t->len);
          break;

        case TOKEN_DECIMAL:
          in_fraction = TRUE;
          break;

        case TOKEN_GROUP:
          /* Groups only in the whole part: 1 to 3 digits first, then
           * exactly 3 between separators and after the last one. */
          if (in_fraction || prev == NULL || prev->kind != TOKEN_DIGITS ||
              (!grouped && prev->len > 3) || next == NULL ||
              next->kind != TOKEN_DIGITS)
            return set_bad_grouping (error, quoted);
          grouped = TRUE;
          break;

        case TOKEN_DOT:
          /* A "." that is neither the decimal nor the group separator. */
          return set_stray_character (error, quoted, t->start);

        default:
          g_assert_not_reached ();
        }
    }

  if (whole->len == 0 && fraction->len == 0)
    {
      g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                   /* Translators: %s is the text that was given */
                   _ ("“%s” has no digits"), quoted);
      return FALSE;
    }

  return digits_to_amount (quoted, cur, whole->str, whole->len, fraction->str,
                           fraction->len, negative, out, error);
}

/**
 * sb_money_parse:
 * @text: an amount as a person typed it
 * @currency: a known ISO 4217 currency code
 * @out: (out) (optional): the amount in minor units
 * @error: return location for a #GError
 *
 * Reads an amount typed in the style of the current locale; see
 * sb_money_parse_with_style().
 *
 * Returns: %TRUE if @text was an amount
 */
gboolean
sb_money_parse (const char *text,
                const char *currency,
                gint64 *out,
                GError **error)
{
  SbMoneyStyle style;

  sb_money_style_from_locale (&style);

  return sb_money_parse_with_style (text, currency, &style, out, error);
}

/**
 * sb_money_parse_plain:
 * @text: an amount as sb_money_format_plain() writes it
 * @currency: a known ISO 4217 currency code
 * @out: (out) (optional): the amount in minor units
 * @error: return location for a #GError
 *
 * Reads an amount from a file: an optional "-", digits, and optionally "."
 * followed by at most as many digits as the currency has decimals
 * ("1234.56", "-0.05", "1234.5", "1234" for JPY). Nothing else is
 * accepted, not even spaces, so a column of the wrong kind is noticed.
 *
 * Returns: %TRUE if @text was an amount; otherwise @error is set with
 *   %SB_CORE_ERROR_INVALID or %SB_CORE_ERROR_OVERFLOW
 */
gboolean
sb_money_parse_plain (const char *text,
                      const char *currency,
                      gint64 *out,
                      GError **error)
{
  g_autofree char *quoted = NULL;
  const Currency *cur;
  const char *p = text;
  const char *whole;
  const char *fraction = "";
  gsize whole_len = 0;
  gsize fraction_len = 0;
  gboolean negative = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cur = lookup_currency (currency);
  g_return_val_if_fail (cur != NULL, FALSE);

  quoted = sb_core_error_quote_input (text);

  if (*text == '\0')
    {
      g_set_error_literal (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                           _ ("The amount is empty"));
      return FALSE;
    }

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  whole = p;
  while (g_ascii_isdigit (*p))
    p++;
  whole_len = (gsize) (p - whole);

  if (*p == '.')
    {
      fraction = ++p;
      while (g_ascii_isdigit (*p))
        p++;
      fraction_len = (gsize) (p - fraction);
      if (fraction_len == 0)
        return set_not_an_amount (error, quoted);
    }

  if (whole_len == 0 || *p != '\0')
    return set_not_an_amount (error, quoted);

  return digits_to_amount (quoted, cur, whole, whole_len, fraction,
                           fraction_len, negative, out, error);
}

/**
 * sb_money_add:
 * @a: an amount in minor units
 * @b: another amount in the same currency
 * @out: (out): where to store the sum
 *
 * Adds two amounts, refusing to wrap around.
 *
 * Returns: %TRUE if the sum fits in a #gint64; %FALSE on overflow, and
 *   then @out is left unchanged
 */
gboolean
sb_money_add (gint64 a, gint64 b, gint64 *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if ((b > 0 && a > G_MAXINT64 - b) || (b < 0 && a < G_MININT64 - b))
    return FALSE;

  *out = a + b;

  return TRUE;
}
