/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sb-store-private.h"

G_BEGIN_DECLS

/* What an import remembers for the next file with the same header: one
 * book setting per kind of import, a JSON object of header key → entry,
 * each entry an object with at least "columns" (a field name per
 * column). At most SB_IMPORT_MEMORY_MAX headers are kept. */
#define SB_IMPORT_MEMORY_MAX 20

JsonObject *sb_import_memory_lookup     (SbStore        *store,
                                         const char     *setting,
                                         const char     *header_key,
                                         guint           n_columns);
const char *sb_import_memory_column     (JsonObject     *entry,
                                         guint           column);
gboolean    sb_import_memory_remember_in (SbTransaction *tx,
                                         const char     *setting,
                                         const char     *header_key,
                                         JsonObject     *entry,
                                         GError        **error);

JsonObject *sb_json_member_object       (JsonObject     *object,
                                         const char     *name);
const char *sb_json_member_string       (JsonObject     *object,
                                         const char     *name);

G_END_DECLS
