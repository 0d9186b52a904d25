/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-budget-math.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * The derived figures of a budget on a day, never stored: per month the
 * plan, the actuals (cost entries' base amounts, plus labour when the
 * book has an hourly rate) and the committed costs (unconfirmed billing
 * charges); per row the totals, actual to date, forecast at the period's
 * end (sb_budget_forecast()) and variance (forecast − plan) in amount and
 * percent.
 *
 * Rows by line: each actual and committed cost goes to the most specific
 * line that matches it (same category, and the line's contract, else the
 * line's service, else a line of the category alone); what matches no
 * line goes to an "Unbudgeted" row of its category. Rows by category,
 * service or supplier sum the same figures another way.
 */
typedef enum
{
  SB_FIGURES_BY_LINE,
  SB_FIGURES_BY_CATEGORY,
  SB_FIGURES_BY_SERVICE,
  SB_FIGURES_BY_SUPPLIER,
} SbFiguresGrouping;

/* Where a row's figures came from (a bit set). */
typedef enum
{
  SB_FIGURE_FROM_ENTRY     = 1 << 0,   /* typed in */
  SB_FIGURE_FROM_IMPORT    = 1 << 1,
  SB_FIGURE_FROM_CONTRACT  = 1 << 2,   /* confirmed billing charge */
  SB_FIGURE_FROM_COMMITTED = 1 << 3,   /* charge still to confirm */
  SB_FIGURE_FROM_LABOUR    = 1 << 4,   /* incident time × rate */
} SbFigureSource;

#define SB_FIGURES_MAX_MONTHS 24

typedef struct
{
  char    *key;          /* line id, category, service id, supplier id; "" for none */
  char    *label;        /* what a person reads: "Cloud and hosting — EMAIL" */
  char    *category;     /* NULL when grouping mixes categories */
  gboolean unbudgeted;   /* actuals that match no line */
  gint64   planned[SB_FIGURES_MAX_MONTHS];
  gint64   actual[SB_FIGURES_MAX_MONTHS];
  gint64   committed[SB_FIGURES_MAX_MONTHS];
  gint64   planned_total;
  gint64   actual_total;
  gint64   committed_total;
  gint64   planned_to_date;   /* months up to and including the current one */
  gint64   actual_to_date;
  gint64   forecast;
  gint64   variance;          /* forecast − planned_total */
  int      variance_bp;
  gboolean variance_defined;  /* FALSE when nothing was planned */
  guint    sources;           /* SbFigureSource bits */
} SbFiguresRow;

typedef struct _SbBudgetFigures SbBudgetFigures;

SbBudgetFigures    *sb_budget_figures_compute     (SbStore           *store,
                                                   const char        *budget_id,
                                                   const GDate       *today,
                                                   SbFiguresGrouping  grouping,
                                                   GError           **error);
void                sb_budget_figures_free        (SbBudgetFigures   *self);
SbMonth             sb_budget_figures_get_start   (SbBudgetFigures   *self);
guint               sb_budget_figures_get_n_months (SbBudgetFigures  *self);
/* Index of today's month in the period; -1 before it, n_months after. */
int                 sb_budget_figures_get_current (SbBudgetFigures   *self);
const char         *sb_budget_figures_get_currency (SbBudgetFigures  *self);
guint               sb_budget_figures_get_n_rows  (SbBudgetFigures   *self);
const SbFiguresRow *sb_budget_figures_get_row     (SbBudgetFigures   *self,
                                                   guint              index);
/* The sum of every row. */
const SbFiguresRow *sb_budget_figures_get_total   (SbBudgetFigures   *self);

/* One cost behind a figure, for "where did this come from". */
typedef struct
{
  SbFigureSource source;
  GDate    date;
  gint64   amount;           /* base currency */
  char    *record_id;        /* cost entry or contract id; NULL for labour */
  char    *description;      /* "Invoice 2026-114 — Stratus Cloud", "12 h 30 min on incidents" */
} SbFigureDetail;

void                sb_figure_detail_free         (SbFigureDetail    *detail);
/* The costs behind the actual and committed figures of one row and month
 * (index in the period), by date. */
GPtrArray          *sb_budget_figures_explain     (SbBudgetFigures   *self,
                                                   guint              row,
                                                   guint              month_index);   /* of SbFigureDetail */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbBudgetFigures, sb_budget_figures_free)

G_END_DECLS
