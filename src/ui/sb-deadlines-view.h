/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-deadlines.h"
#include "sb-store.h"

G_BEGIN_DECLS

/* The deadlines timeline: the next 12 months of notice deadlines, term
 * ends and reviews due (and those missed in the last 30 days), grouped by
 * month, each row leading to its contract or supplier (win.show-contract,
 * win.show-supplier), with an "Export to Calendar…" button
 * (Ctrl+Shift+E while the view is shown). "store" property. */
#define SB_TYPE_DEADLINES_VIEW (sb_deadlines_view_get_type ())
G_DECLARE_FINAL_TYPE (SbDeadlinesView, sb_deadlines_view, SB, DEADLINES_VIEW, GtkWidget)

/* How far back missed deadlines are still shown, in days. */
#define SB_DEADLINES_PAST_DAYS 30

GtkWidget  *sb_deadlines_view_new             (SbStore         *store);
SbStore    *sb_deadlines_view_get_store       (SbDeadlinesView *self);
guint       sb_deadlines_view_get_n_deadlines (SbDeadlinesView *self);
void        sb_deadlines_view_refresh         (SbDeadlinesView *self);
gboolean    sb_deadlines_view_export_to_file  (SbDeadlinesView *self,
                                               GFile           *file,
                                               GError         **error);

/* Shared with the Overview card and the notifications. */
char       *sb_deadline_format_days_left      (int               days);
char       *sb_deadline_format_date           (const GDate      *date);
const char *sb_deadline_kind_get_icon_name    (SbDeadlineKind    kind);
gboolean    sb_deadline_is_missed             (const SbDeadline *deadline,
                                               const GDate      *today);
GtkWidget  *sb_deadline_row_new               (const SbDeadline *deadline,
                                               const GDate      *today);

G_END_DECLS
