/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

/*
 * SbCostsView: the "Costs" view of the Budgets page. A list of the cost
 * entries with filters (period, category, supplier, service) and search,
 * the totals of what is listed, a quick-entry row at the top (Enter adds a
 * cost and keeps the date and category for the next one), editing and
 * deleting with undo, and the committed charges of the billing schedules
 * with "Confirm" and "Confirm All Due". Its actions, in the group "costs":
 * costs.import (Ctrl+I while the view is shown), costs.export,
 * costs.confirm-due, costs.focus-entry and costs.search (the page that
 * holds the view gives them its Ctrl+N and Ctrl+F). "store" property
 * (construct-only).
 */
#define SB_TYPE_COSTS_VIEW (sb_costs_view_get_type ())
G_DECLARE_FINAL_TYPE (SbCostsView, sb_costs_view, SB, COSTS_VIEW, GtkWidget)

GtkWidget *sb_costs_view_new                (SbStore     *store);
/* Lists the costs of a period (both ends inclusive; NULL: all). */
void       sb_costs_view_show_period        (SbCostsView *self,
                                             const GDate *from,
                                             const GDate *to);
/* Moves the focus to the quick-entry row's amount. */
void       sb_costs_view_focus_entry        (SbCostsView *self);

/* For tests and the page's header: what the list shows now. */
guint      sb_costs_view_get_n_costs        (SbCostsView *self);
gint64     sb_costs_view_get_total          (SbCostsView *self);   /* base currency */
guint      sb_costs_view_get_n_committed    (SbCostsView *self);

G_END_DECLS
