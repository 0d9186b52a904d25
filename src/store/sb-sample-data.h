/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-store.h"

G_BEGIN_DECLS

gboolean sb_sample_data_load (SbStore  *store,
                              GError  **error);

G_END_DECLS
