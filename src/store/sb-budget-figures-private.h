/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-budget-figures.h"
#include "sb-store-private.h"

G_BEGIN_DECLS

/* Shared by sb-budget-figures.c (the sums) and sb-budget-figures-read.c
 * (the sources). */

/* One cost on its way into a row. */
typedef struct
{
  SbFigureSource source;
  GDate          date;
  gint64         amount;
  const char    *category;
  const char    *service_id;     /* nullable */
  const char    *contract_id;    /* nullable */
  const char    *supplier_id;    /* nullable */
  const char    *record_id;      /* nullable */
  char          *description;    /* taken */
} SbFigureCost;

typedef struct
{
  char   *id;
  char   *category;
  char   *service_id;
  char   *contract_id;
  char   *supplier_id;    /* of the contract */
  char   *label;
  gint64  planned[SB_FIGURES_MAX_MONTHS];
  gint64  actual[SB_FIGURES_MAX_MONTHS];
  gint64  committed[SB_FIGURES_MAX_MONTHS];
} SbFigureLine;

typedef struct _SbFiguresRowPriv SbFiguresRowPriv;

struct _SbBudgetFigures
{
  SbMonth            start;
  guint              n_months;
  int                current;
  char              *currency;
  SbFiguresGrouping  grouping;
  GPtrArray         *rows;       /* of Row */
  GHashTable        *by_key;     /* key -> Row, not owned */
  SbFiguresRowPriv  *total;
  GPtrArray         *lines;      /* of Line */
  GHashTable        *unmatched;  /* category -> Line of the costs matching no line */
  GHashTable        *services;   /* id -> code */
  GHashTable        *suppliers;  /* id -> name */
};

/* sb-budget-figures.c */
const char *sb_budget_figures_category_label (const char        *category);
void        sb_budget_figures_line_free      (gpointer           line);
/* Adds @cost to its row; takes its description. */
void        sb_budget_figures_add_cost       (SbBudgetFigures   *self,
                                              SbFigureCost      *cost);

/* sb-budget-figures-read.c: each fails with @error set */
GHashTable *sb_budget_figures_read_names     (SbStore           *store,
                                              const char        *sql,
                                              GError           **error);
gboolean    sb_budget_figures_read_budget    (SbBudgetFigures   *self,
                                              SbStore           *store,
                                              const char        *budget_id,
                                              GError           **error);
gboolean    sb_budget_figures_read_lines     (SbBudgetFigures   *self,
                                              SbStore           *store,
                                              const char        *budget_id,
                                              GError           **error);
/* The cost entries, the committed charges and the labour of the period. */
gboolean    sb_budget_figures_read_costs     (SbBudgetFigures   *self,
                                              SbStore           *store,
                                              GError           **error);

/* sb-budget-sample.c: the sample budget and a year of costs, inside the
 * transaction of sb_sample_data_load() */
gboolean    sb_budget_load_sample            (SbTransaction     *tx,
                                              SbStore           *store,
                                              GError           **error);

G_END_DECLS
