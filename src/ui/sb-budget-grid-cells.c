/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-budget-grid-private.h"
#include "sb-money.h"

/* What a cell of the budget grid says: its figure in the mode shown, how
 * it looks (over or under plan, committed, nothing), and, when it cannot
 * be typed into, why. */

/* Whole amounts without the zeros after the decimal point: the grid has
 * many figures and "€1,200" reads faster than "€1,200.00". */
char *
sb_budget_grid_format_amount (gint64      amount,
                              const char *currency)
{
  g_autofree char *text = sb_money_format (amount, currency);
  int digits = sb_currency_get_digits (currency);
  gint64 unit = 1;

  for (int i = 0; i < digits; i++)
    unit *= 10;

  if (digits > 0 && amount % unit == 0)
    {
      SbMoneyStyle style;
      g_autofree char *zeros = g_strnfill (digits, '0');
      g_autofree char *suffix = NULL;
      char *found;

      sb_money_style_from_locale (&style);
      suffix = g_strconcat (style.decimal, zeros, NULL);
      found = g_strrstr (text, suffix);
      if (found != NULL)
        memmove (found, found + strlen (suffix), strlen (found + strlen (suffix)) + 1);
    }

  return g_steal_pointer (&text);
}

/* Why a cell cannot be typed into, in words. */
const char *
sb_budget_grid_why_read_only (SbBudgetGrid *self)
{
  if (self->budget == NULL)
    return _("There is no budget to edit.");
  if (!(self->budget != NULL && sb_budget_is_editable (self->budget)))
    return _("This budget is no longer a draft and cannot change. Revise it to make a draft copy that can.");
  if (self->mode != SB_BUDGET_GRID_PLANNED)
    return _("Only the plan can be typed in: switch the cells to Planned. Costs are recorded on the Costs view.");
  if (self->grouping != SB_FIGURES_BY_LINE)
    return _("The plan is typed per line: group the rows by line to change it.");
  if (self->cursor_column >= sb_budget_grid_n_months (self))
    return _("Totals are worked out from the months.");
  return _("Costs that match no line cannot be planned here: add a line for them.");
}

/* The text and look of one cell. */
char *
sb_budget_grid_cell_text (SbBudgetGrid *self,
                          guint         row,
                          guint         column,
                          const char  **css_class,
                          char        **tooltip)
{
  const SbFiguresRow *figures = sb_budget_grid_figure_row (self, row);
  const char *currency = sb_budget_figures_get_currency (self->figures);
  guint months = sb_budget_grid_n_months (self);
  int current = sb_budget_figures_get_current (self->figures);
  gint64 amount;

  *css_class = NULL;
  *tooltip = NULL;

  if (column < months)
    {
      switch (self->mode)
        {
        case SB_BUDGET_GRID_PLANNED:
          if (figures->planned[column] == 0)
            {
              /* A dash reads as "nothing" faster than a column of €0. */
              *css_class = "sb-zero";
              return g_strdup ("–");
            }
          return sb_budget_grid_format_amount (figures->planned[column], currency);

        case SB_BUDGET_GRID_ACTUAL:
          amount = figures->actual[column] + figures->committed[column];
          if (figures->committed[column] != 0)
            {
              g_autofree char *committed = sb_budget_grid_format_amount (figures->committed[column], currency);

              *css_class = "sb-committed";
              *tooltip = g_strdup_printf (_("Includes %s committed, still to confirm"), committed);
            }
          if (amount == 0 && (int) column > current)
            return g_strdup ("");
          if (amount == 0)
            {
              *css_class = "sb-zero";
              return g_strdup ("–");
            }
          return sb_budget_grid_format_amount (amount, currency);

        case SB_BUDGET_GRID_VARIANCE:
        default:
          if ((int) column > current && figures->committed[column] == 0)
            return g_strdup ("");
          amount = figures->actual[column] + figures->committed[column] - figures->planned[column];
          if (amount == 0)
            {
              *css_class = "sb-zero";
              return g_strdup ("–");
            }
          *css_class = amount > 0 ? "sb-over" : "sb-under";
          return sb_budget_grid_format_amount (amount, currency);
        }
    }

  switch (column - months)
    {
    case 0:
      return sb_budget_grid_format_amount (figures->planned_total, currency);
    case 1:
      return sb_budget_grid_format_amount (figures->actual_to_date, currency);
    case 2:
      return sb_budget_grid_format_amount (figures->committed_total, currency);
    case 3:
      return sb_budget_grid_format_amount (figures->forecast, currency);
    case 4:
      *css_class = figures->variance > 0 ? "sb-over" : figures->variance < 0 ? "sb-under" : NULL;
      *tooltip = g_strdup (_("Forecast at the end of the period against the plan"));
      return sb_budget_grid_format_amount (figures->variance, currency);
    case 5:
    default:
      if (!figures->variance_defined)
        {
          *tooltip = g_strdup (_("Nothing was planned"));
          return g_strdup ("—");
        }
      *css_class = figures->variance > 0 ? "sb-over" : figures->variance < 0 ? "sb-under" : NULL;
      return sb_percent_bp_format (figures->variance_bp, TRUE);
    }
}

