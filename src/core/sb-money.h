/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SbMoneyStyle:
 * @decimal: the decimal separator, e.g. "." or ","
 * @group: the digit group separator, e.g. "," or "."; empty for none
 * @symbol_first: whether the currency symbol goes before the number
 * @symbol_space: whether a space separates the symbol and the number
 *
 * How amounts of money are written for people: in English "€1,234.56",
 * in German "1.234,56 €".
 */
typedef struct
{
  char decimal[8];
  char group[8];
  gboolean symbol_first;
  gboolean symbol_space;
} SbMoneyStyle;

int sb_currency_get_digits (const char *code);
gboolean sb_currency_is_valid (const char *code);
const char *const *sb_currency_get_codes (void);
const char *sb_currency_get_symbol (const char *code);

void sb_money_style_init (SbMoneyStyle *style,
                          const char *decimal,
                          const char *group,
                          gboolean symbol_first,
                          gboolean symbol_space);
void sb_money_style_from_locale (SbMoneyStyle *style);

char *sb_money_format_with_style (gint64 amount,
                                  const char *currency,
                                  const SbMoneyStyle *style);
char *sb_money_format (gint64 amount, const char *currency);
char *sb_money_format_plain (gint64 amount, const char *currency);

gboolean sb_money_parse_with_style (const char *text,
                                    const char *currency,
                                    const SbMoneyStyle *style,
                                    gint64 *out,
                                    GError **error);
gboolean sb_money_parse (const char *text,
                         const char *currency,
                         gint64 *out,
                         GError **error);
gboolean sb_money_parse_plain (const char *text,
                               const char *currency,
                               gint64 *out,
                               GError **error);

gboolean sb_money_add (gint64 a, gint64 b, gint64 *out);

G_END_DECLS
