/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sb-change.h"

G_BEGIN_DECLS

#define SB_STORE_ERROR (sb_store_error_quark ())

/**
 * SbStoreError:
 * @SB_STORE_ERROR_MISSING: the book file does not exist
 * @SB_STORE_ERROR_NEWER: the book was written by a newer Servicebook
 * @SB_STORE_ERROR_CORRUPT: the file is damaged
 * @SB_STORE_ERROR_FOREIGN: the file is not a Servicebook book
 * @SB_STORE_ERROR_IO: the disk refused (full, read-only, permissions)
 * @SB_STORE_ERROR_INVALID: a change names an unknown table, column or record
 * @SB_STORE_ERROR_CONSTRAINT: a change breaks a rule of the schema
 * @SB_STORE_ERROR_BUSY: another program holds the book
 * @SB_STORE_ERROR_FAILED: anything else SQLite reported
 */
typedef enum
{
  SB_STORE_ERROR_MISSING,
  SB_STORE_ERROR_NEWER,
  SB_STORE_ERROR_CORRUPT,
  SB_STORE_ERROR_FOREIGN,
  SB_STORE_ERROR_IO,
  SB_STORE_ERROR_INVALID,
  SB_STORE_ERROR_CONSTRAINT,
  SB_STORE_ERROR_BUSY,
  SB_STORE_ERROR_FAILED,
} SbStoreError;

/* Records the program itself provides (built-in calendars) have ids with
 * this prefix; they do not make a book "not empty". */
#define SB_STORE_BUILTIN_PREFIX "builtin-"

typedef enum
{
  SB_STORE_OPEN_DEFAULT = 0,
  SB_STORE_OPEN_CREATE  = 1 << 0,
} SbStoreOpenFlags;

/**
 * SbStoreInfo:
 * What `servicebook check` reports about a book without changing it.
 */
typedef struct
{
  int      schema_version;
  int      latest_version;
  gboolean integrity_ok;
  char    *integrity_message;
  gint64   n_records;
  gint64   n_journal;
  gint64   file_size;
} SbStoreInfo;

void sb_store_info_clear (SbStoreInfo *info);

typedef struct _SbTransaction SbTransaction;

#define SB_TYPE_STORE (sb_store_get_type ())
G_DECLARE_FINAL_TYPE (SbStore, sb_store, SB, STORE, GObject)

GQuark         sb_store_error_quark               (void);

char          *sb_store_get_default_path          (void);
int            sb_store_get_latest_schema_version (void);

SbStore       *sb_store_open                      (const char        *path,
                                                   SbStoreOpenFlags   flags,
                                                   GError           **error);
gboolean       sb_store_inspect                   (const char        *path,
                                                   SbStoreInfo       *info,
                                                   GError           **error);
gboolean       sb_store_restore                   (const char        *book_path,
                                                   const char        *source_path,
                                                   char             **saved_copy,
                                                   GError           **error);

const char    *sb_store_get_path                  (SbStore           *self);
const char    *sb_store_get_device_id             (SbStore           *self);
int            sb_store_get_schema_version        (SbStore           *self);

const char    *sb_store_get_base_currency         (SbStore           *self);
gboolean       sb_store_set_base_currency         (SbStore           *self,
                                                   const char        *currency,
                                                   GError           **error);
gboolean       sb_store_in_transaction            (SbStore           *self);
char          *sb_store_get_setting               (SbStore           *self,
                                                   const char        *key);
gboolean       sb_store_set_setting               (SbStore           *self,
                                                   const char        *key,
                                                   const char        *value,
                                                   GError           **error);

gboolean       sb_store_get_welcome_done          (SbStore           *self);
gboolean       sb_store_set_welcome_done          (SbStore           *self,
                                                   GError           **error);
gint64         sb_store_count_records             (SbStore           *self);

gboolean       sb_store_backup                    (SbStore           *self,
                                                   const char        *dest_path,
                                                   GError           **error);

/* The one write path */
gboolean       sb_store_apply                     (SbStore           *self,
                                                   SbChange          *change,
                                                   GError           **error);
SbTransaction *sb_store_begin                     (SbStore           *self,
                                                   GError           **error);
gboolean       sb_transaction_apply               (SbTransaction     *tx,
                                                   SbChange          *change,
                                                   GError           **error);
gboolean       sb_transaction_commit              (SbTransaction     *tx,
                                                   GError           **error);
void           sb_transaction_free                (SbTransaction     *tx);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTransaction, sb_transaction_free)

G_END_DECLS
