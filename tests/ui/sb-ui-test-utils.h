/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"
#include "sb-test-utils.h"
#include "sb-window.h"

G_BEGIN_DECLS

/**
 * SbUiTestCondition:
 * @data: what the waiter was given
 *
 * Says whether what a test waits for has come.
 *
 * Returns: %TRUE when it has
 */
typedef gboolean (*SbUiTestCondition) (gpointer data);

gboolean     sb_ui_test_skip_without_display (void);
gboolean     sb_ui_test_init                (int                 *argc,
                                             char              ***argv);

void         sb_ui_test_settle_for          (guint                rounds,
                                             gulong               pause_usec);
void         sb_ui_test_settle              (void);
void         sb_ui_test_settle_briefly      (void);
void         sb_ui_test_drain               (void);
gboolean     sb_ui_test_wait_until          (SbUiTestCondition    condition,
                                             gpointer             data);
gboolean     sb_ui_test_spin_until          (SbUiTestCondition    done,
                                             gpointer             data);
gboolean     sb_ui_test_is_mapped           (gpointer             widget);

gpointer     sb_ui_test_template_child      (gpointer             widget,
                                             GType                type,
                                             const char          *name);
GtkWidget   *sb_ui_test_find_type           (GtkWidget           *root,
                                             GType                type);
GtkWidget   *sb_ui_test_find_button         (GtkWidget           *root,
                                             const char          *label);
GtkWidget   *sb_ui_test_find_widget         (GtkWidget           *root,
                                             const char          *text);
gpointer     sb_ui_test_find_toplevel       (GType                type);
GtkShortcut *sb_ui_test_find_shortcut       (GtkWidget           *widget,
                                             const char          *controller_name,
                                             guint                keyval,
                                             GdkModifierType      mods);
void         sb_ui_test_type_into           (gpointer             widget,
                                             GType                type,
                                             const char          *name,
                                             const char          *text);

SbWindow    *sb_ui_test_present_window      (SbStore             *store,
                                             int                  width,
                                             int                  height,
                                             const char          *page);
GtkWindow   *sb_ui_test_present_in_window   (GtkWidget           *child,
                                             int                  width,
                                             int                  height);
void         sb_ui_test_destroy_windows     (GtkWindow           *window);

G_END_DECLS
