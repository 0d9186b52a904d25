/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sb_cli_handle (int     argc,
                        char  **argv,
                        char  **book_path,
                        int    *exit_status);

G_END_DECLS
