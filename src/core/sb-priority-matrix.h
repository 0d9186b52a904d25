/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SB_TYPE_PRIORITY_MATRIX (sb_priority_matrix_get_type ())

/**
 * SbPriority:
 * @SB_PRIORITY_CRITICAL: 1, critical
 * @SB_PRIORITY_HIGH: 2, high
 * @SB_PRIORITY_MODERATE: 3, moderate
 * @SB_PRIORITY_LOW: 4, low
 * @SB_PRIORITY_PLANNING: 5, planning
 *
 * The priority of an incident; a lower number is more pressing.
 */
typedef enum {
  SB_PRIORITY_CRITICAL = 1,
  SB_PRIORITY_HIGH = 2,
  SB_PRIORITY_MODERATE = 3,
  SB_PRIORITY_LOW = 4,
  SB_PRIORITY_PLANNING = 5,
} SbPriority;

/**
 * SB_PRIORITY_MATRIX_LEVELS:
 *
 * Impact and urgency both go from 1 (high) to this (low).
 */
#define SB_PRIORITY_MATRIX_LEVELS 3

/**
 * SbPriorityMatrix:
 *
 * Derives an incident's priority from its impact and urgency (1 high,
 * 2 medium, 3 low). A boxed type; copy it with sb_priority_matrix_copy().
 */
typedef struct _SbPriorityMatrix SbPriorityMatrix;

GType sb_priority_matrix_get_type (void) G_GNUC_CONST;

SbPriorityMatrix *sb_priority_matrix_new (void);
SbPriorityMatrix *sb_priority_matrix_new_from_string (const char *text,
                                                      GError    **error);
SbPriorityMatrix *sb_priority_matrix_copy (const SbPriorityMatrix *self);
void              sb_priority_matrix_free (SbPriorityMatrix *self);
gboolean          sb_priority_matrix_equal (const SbPriorityMatrix *a,
                                            const SbPriorityMatrix *b);

SbPriority sb_priority_matrix_get (const SbPriorityMatrix *self,
                                   guint                   impact,
                                   guint                   urgency);
gboolean   sb_priority_matrix_set (SbPriorityMatrix *self,
                                   guint             impact,
                                   guint             urgency,
                                   guint             priority,
                                   GError          **error);
gboolean   sb_priority_matrix_validate (const SbPriorityMatrix *self,
                                        GError                **error);
char      *sb_priority_matrix_to_string (const SbPriorityMatrix *self);

const char *sb_priority_get_name (SbPriority priority);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbPriorityMatrix, sb_priority_matrix_free)

G_END_DECLS
