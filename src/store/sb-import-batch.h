/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-store.h"

G_BEGIN_DECLS

/* Any kind of import: the batch @batch_id (or, NULL, the latest not yet
 * undone) and its kind ("incidents", "costs"). FALSE with @error when
 * there is none. */
gboolean      sb_import_batch_find             (SbStore       *store,
                                                const char    *batch_id,
                                                char         **out_id,
                                                char         **out_kind,
                                                GError       **error);

G_END_DECLS
