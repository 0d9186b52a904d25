/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_WINDOW (sb_window_get_type ())
G_DECLARE_FINAL_TYPE (SbWindow, sb_window, SB, WINDOW, AdwApplicationWindow)

SbWindow   *sb_window_new               (AdwApplication *application,
                                         SbStore        *store,
                                         GSettings      *settings);
SbStore    *sb_window_get_store         (SbWindow       *self);
void        sb_window_set_store         (SbWindow       *self,
                                         SbStore        *store);
void        sb_window_show_book_error   (SbWindow       *self,
                                         const char     *path,
                                         const GError   *error);
const char *sb_window_get_visible_page  (SbWindow       *self);
GtkWidget  *sb_window_get_page          (SbWindow       *self,
                                         const char     *page_id);
void        sb_window_add_toast         (SbWindow       *self,
                                         AdwToast       *toast);

G_END_DECLS
