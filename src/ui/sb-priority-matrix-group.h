/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_PRIORITY_MATRIX_GROUP (sb_priority_matrix_group_get_type ())
G_DECLARE_FINAL_TYPE (SbPriorityMatrixGroup, sb_priority_matrix_group, SB, PRIORITY_MATRIX_GROUP, AdwPreferencesGroup)

void     sb_priority_matrix_group_set_store (SbPriorityMatrixGroup *self,
                                             SbStore               *store);
gboolean sb_priority_matrix_group_choose    (SbPriorityMatrixGroup *self,
                                             guint                  impact,
                                             guint                  urgency,
                                             guint                  priority);

G_END_DECLS
