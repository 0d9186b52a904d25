/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sb_uuid_new (void);
gboolean sb_uuid_is_valid (const char *s);

G_END_DECLS
