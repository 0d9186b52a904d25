/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sb-catalog.h"
#include "sb-store.h"

G_BEGIN_DECLS

char     *sb_test_make_tmpdir     (void);
void      sb_test_rm_rf           (const char *path);
char     *sb_test_file_checksum   (const char *path);
void      sb_test_raw_exec        (const char *db_path,
                                   const char *sql);
gint64    sb_test_raw_count       (const char *db_path,
                                   const char *sql);
char     *sb_test_raw_text        (const char *db_path,
                                   const char *sql);

/* A new book in a private temporary folder, for the store tests. */
typedef struct
{
  char    *dir;    /* the temporary folder, removed by sb_test_book_free() */
  char    *path;   /* dir/book.sqlite */
  SbStore *store;  /* the book, open; may be closed and reopened by a test */
} SbTestBook;

SbStore    *sb_test_store_open    (const char *path);
void        sb_test_store_set_fixed_clock (SbStore *store,
                                           gint64   now_ms);
char       *sb_test_add_customer  (SbStore    *store,
                                   const char *name);
char       *sb_test_save_service  (SbStore    *store,
                                   SbService  *service);

SbTestBook *sb_test_book_new      (void);
void        sb_test_book_free     (SbTestBook *book);
gint64      sb_test_store_count   (SbStore    *store,
                                   const char *sql,
                                   const char *arg);
char       *sb_test_store_text    (SbStore    *store,
                                   const char *sql,
                                   const char *arg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTestBook, sb_test_book_free)

G_END_DECLS
