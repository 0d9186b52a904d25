/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-calendar.h"
#include "sb-service.h"

G_BEGIN_DECLS

/* Where a problem of the targets is shown: priorities 1–5, then these. */
#define SB_TARGETS_SLOT_AVAILABILITY 6
#define SB_TARGETS_SLOT_WORKLOAD     7

#define SB_TYPE_TARGETS_EDITOR (sb_targets_editor_get_type ())
G_DECLARE_FINAL_TYPE (SbTargetsEditor, sb_targets_editor, SB, TARGETS_EDITOR, AdwBin)

void     sb_targets_editor_load           (SbTargetsEditor *self,
                                           SbService       *service);
gboolean sb_targets_editor_apply          (SbTargetsEditor *self,
                                           SbService       *service);
void     sb_targets_editor_set_problem    (SbTargetsEditor *self,
                                           int              slot,
                                           const char      *message);
void     sb_targets_editor_clear_problems (SbTargetsEditor *self);
void     sb_targets_editor_explain        (SbTargetsEditor *self,
                                           SbService       *service,
                                           SbCalendar      *calendar,
                                           const char      *calendar_text);
char    *sb_targets_editor_get_explanation (SbTargetsEditor *self);
gboolean sb_targets_parse_duration        (const char      *text,
                                           int             *out_minutes);

G_END_DECLS
