/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SB_CHANGE_INSERT,
  SB_CHANGE_UPDATE,
  SB_CHANGE_DELETE,
} SbChangeKind;

/**
 * SbChange:
 *
 * One insert, update or delete of one record, described as column values.
 * Build it, hand it to sb_store_apply() or sb_transaction_apply(); the store
 * stamps it, journals it and audits it.
 */
typedef struct _SbChange SbChange;

SbChange     *sb_change_insert          (const char *table);
SbChange     *sb_change_insert_with_id  (const char *table,
                                         const char *id);
SbChange     *sb_change_update          (const char *table,
                                         const char *id);
SbChange     *sb_change_delete          (const char *table,
                                         const char *id);
SbChange     *sb_change_undelete        (const char *table,
                                         const char *id);
void          sb_change_free            (SbChange   *change);

SbChangeKind  sb_change_get_kind        (SbChange   *change);
const char   *sb_change_get_table       (SbChange   *change);
const char   *sb_change_get_id          (SbChange   *change);
guint         sb_change_get_n_values    (SbChange   *change);

void          sb_change_set_string      (SbChange   *change,
                                         const char *column,
                                         const char *value);
void          sb_change_set_int         (SbChange   *change,
                                         const char *column,
                                         gint64      value);
void          sb_change_set_bool        (SbChange   *change,
                                         const char *column,
                                         gboolean    value);
void          sb_change_set_null        (SbChange   *change,
                                         const char *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbChange, sb_change_free)

G_END_DECLS
