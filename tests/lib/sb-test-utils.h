/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
