/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sb-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* "SBk1" in the database header: how we tell our books from other files. */
#define SB_STORE_APPLICATION_ID 0x53426b31

typedef gint64 (*SbStoreClockFunc) (gpointer user_data);

/* What a change may do with a column of a register. */
typedef enum
{
  SB_COLUMN_FIELD = 1,     /* set by changes */
  SB_COLUMN_STAMPED,       /* id, created_at, updated_at: set by the store */
  SB_COLUMN_DELETED,       /* only through sb_change_delete() and _undelete() */
} SbColumnKind;

typedef struct
{
  char       *name;
  GHashTable *columns;   /* column name -> GINT_TO_POINTER (SbColumnKind) */
} SbTableInfo;

/* sb-store.c */
sqlite3       *sb_store_get_db              (SbStore           *self);
sqlite3_stmt  *sb_store_prepare             (SbStore           *self,
                                             const char        *sql,
                                             GError           **error);
gboolean       sb_store_exec                (SbStore           *self,
                                             const char        *sql,
                                             GError           **error);
gboolean       sb_store_reload_tables       (SbStore           *self,
                                             GError           **error);
SbTableInfo   *sb_store_lookup_table        (SbStore           *self,
                                             const char        *table);
gint64         sb_store_now_ms              (SbStore           *self);
void           sb_store_set_clock_func      (SbStore           *self,
                                             SbStoreClockFunc   func,
                                             gpointer           user_data);
char          *sb_store_next_stamp          (SbStore           *self,
                                             gint64             now_ms);
void           sb_store_emit_changed        (SbStore           *self,
                                             const char        *table);
void           sb_store_set_in_transaction  (SbStore           *self,
                                             gboolean           in_transaction);

/* Reopens the connection when the process lost its file locks on the
 * book (sb-store.c). */
gboolean       sb_store_ensure_locks        (SbStore           *self,
                                             GError           **error);

/* A book setting written as part of a transaction (sb-store.c). */
gboolean       sb_transaction_set_setting   (SbTransaction     *tx,
                                             const char        *key,
                                             const char        *value,
                                             GError           **error);

/* The store a transaction writes to (sb-store-write.c). */
SbStore       *sb_transaction_get_store     (SbTransaction     *tx);
gboolean       sb_transaction_delete_rows   (SbTransaction     *tx,
                                             const char        *table,
                                             GPtrArray         *ids,
                                             gboolean           undelete,
                                             GError           **error);
gboolean       sb_store_collect_ids         (SbStore           *self,
                                             const char        *sql,
                                             const char        *arg,
                                             GPtrArray         *out,
                                             GError           **error);
/* A transaction that stands or falls as a whole, like an import: no
 * savepoint per change; after a failed change it only rolls back. */
void           sb_transaction_set_all_or_nothing (SbTransaction *tx);

/* Internal construction, used by sb-store-open.c */
SbStore       *sb_store_new_for_db          (sqlite3           *db,
                                             const char        *path,
                                             GError           **error);

/* sb-store-open.c */
void           sb_store_configure_sqlite    (void);
gboolean       sb_store_open_connection     (const char        *path,
                                             sqlite3          **out_db,
                                             GError           **error);
gboolean       sb_store_set_error_from_sqlite (GError         **error,
                                               sqlite3         *db,
                                               int              rc,
                                               const char      *doing);
gboolean       sb_store_migrate_to          (sqlite3           *db,
                                             int                target_version,
                                             GError           **error);
char          *sb_store_load_migration      (int                version,
                                             GError           **error);

/* sb-change.c */
typedef struct
{
  char     *column;
  GVariant *value;     /* NULL means SQL NULL; otherwise "x" or "s" */
} SbChangeValue;

const SbChangeValue *sb_change_get_value    (SbChange          *change,
                                             guint              index);

/* JSON helpers for the journal */
void           sb_json_append_string        (GString           *out,
                                             const char        *text);

G_END_DECLS
