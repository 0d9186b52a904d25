/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-service.h"
#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_SERVICE_EDITOR (sb_service_editor_get_type ())
G_DECLARE_FINAL_TYPE (SbServiceEditor, sb_service_editor, SB, SERVICE_EDITOR, AdwBin)

void        sb_service_editor_set_store       (SbServiceEditor *self,
                                               SbStore         *store);
SbService  *sb_service_editor_get_service     (SbServiceEditor *self);
void        sb_service_editor_set_service     (SbServiceEditor *self,
                                               SbService       *service);
void        sb_service_editor_reload          (SbServiceEditor *self);
void        sb_service_editor_focus           (SbServiceEditor *self);
gboolean    sb_service_editor_get_modified    (SbServiceEditor *self);
gboolean    sb_service_editor_get_can_save    (SbServiceEditor *self);
char       *sb_service_editor_get_problems    (SbServiceEditor *self);
char       *sb_service_editor_get_explanation (SbServiceEditor *self);

void        sb_service_editor_set_row_problem (GtkWidget       *row,
                                               const char      *message);

G_END_DECLS
