/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SB_BOOK_CHOOSER_OPEN,
  SB_BOOK_CHOOSER_CREATE,
} SbBookChooserMode;

void sb_book_chooser_show (GtkWindow         *parent,
                           SbBookChooserMode  mode);

G_END_DECLS
