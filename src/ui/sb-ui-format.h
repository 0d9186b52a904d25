/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char             *sb_format_date_relative           (const GDate *date,
                                                     const GDate *today);
char             *sb_format_percent                 (int          percent);

AdwMessageDialog *sb_save_changes_dialog_new        (GtkWidget   *parent,
                                                     const char  *name,
                                                     const char  *new_body,
                                                     gboolean     can_save);

G_END_DECLS
