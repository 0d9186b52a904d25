/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include "sb-catalog-private.h"

gboolean
sb_catalog_load_sample (SbTransaction  *tx,
                        SbStore        *store,
                        GError        **error)
{
  return TRUE;
}
