/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include "sb-ui-test-utils.h"

/* Helpers shared by the widget tests: letting the display catch up,
 * finding widgets as a person sees them, and the windows a test shows
 * its page in. The temporary book comes from sb-test-utils.h. */

/**
 * sb_ui_test_skip_without_display:
 *
 * Says, in TAP, that the whole program is skipped when there is no
 * display to open windows on. With meson's TAP protocol a skip is a plan
 * of zero, not exit code 77.
 *
 * Returns: %TRUE when there is no display and the caller should return 0
 */
gboolean
sb_ui_test_skip_without_display (void)
{
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return FALSE;

  g_print ("1..0 # SKIP no display\n");

  return TRUE;
}

/**
 * sb_ui_test_init:
 * @argc: the address of main()'s argc
 * @argv: the address of main()'s argv
 *
 * Starts a widget test program: the GLib test framework and libadwaita,
 * or, without a display, the skip of the whole program
 * (sb_ui_test_skip_without_display()).
 *
 * Returns: %FALSE when there is no display and main() should return 0
 */
gboolean
sb_ui_test_init (int    *argc,
                 char ***argv)
{
  if (sb_ui_test_skip_without_display ())
    return FALSE;

  g_test_init (argc, argv, NULL);
  adw_init ();

  return TRUE;
}

/**
 * sb_ui_test_settle_for:
 * @rounds: how many times to run what is pending
 * @pause_usec: the pause after each, in microseconds
 *
 * Runs what the main loop has pending @rounds times, pausing after each,
 * so that what a page does after a change (a re-read list, a layout, a
 * toast) is done. sb_ui_test_settle() is the usual measure.
 */
void
sb_ui_test_settle_for (guint  rounds,
                       gulong pause_usec)
{
  for (guint i = 0; i < rounds; i++)
    {
      sb_ui_test_drain ();
      g_usleep (pause_usec);
    }
}

/**
 * sb_ui_test_settle:
 *
 * Runs the main loop for about a tenth of a second: enough for a page in
 * a window to follow a change.
 */
void
sb_ui_test_settle (void)
{
  sb_ui_test_settle_for (50, 2000);
}

/**
 * sb_ui_test_settle_briefly:
 *
 * Like sb_ui_test_settle(), for about a fiftieth of a second: enough for
 * a lone widget in a plain window, such as the incident detail pane.
 */
void
sb_ui_test_settle_briefly (void)
{
  sb_ui_test_settle_for (20, 1000);
}

/**
 * sb_ui_test_drain:
 *
 * Runs what the main loop has pending, without waiting for more.
 */
void
sb_ui_test_drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/**
 * sb_ui_test_wait_until:
 * @condition: what to wait for
 * @data: passed to @condition
 *
 * Runs the main loop until @condition says so, for 10 seconds at the
 * most, then lets layout and any pending notifications settle.
 *
 * Returns: %TRUE when @condition came, %FALSE after 10 seconds
 */
gboolean
sb_ui_test_wait_until (SbUiTestCondition condition,
                       gpointer          data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  sb_ui_test_drain ();

  return TRUE;
}

/**
 * sb_ui_test_spin_until:
 * @done: what to wait for
 * @data: passed to @done
 *
 * Runs the main loop one step at a time until @done says so, for 2000
 * steps at the most: a bound on rounds, not on time. Unlike
 * sb_ui_test_wait_until() it returns at once, with nothing more run,
 * so that a test can catch a state that passes (an import under way).
 *
 * Returns: what @done says last
 */
gboolean
sb_ui_test_spin_until (SbUiTestCondition done,
                       gpointer          data)
{
  for (guint round = 0; round < 2000; round++)
    {
      if (done (data))
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  return done (data);
}

/**
 * sb_ui_test_is_mapped:
 * @widget: (type GtkWidget): a widget
 *
 * An #SbUiTestCondition: @widget is on the screen.
 *
 * Returns: whether @widget is mapped
 */
gboolean
sb_ui_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/**
 * sb_ui_test_template_child:
 * @widget: (type GtkWidget): a widget built from a template
 * @type: the class whose template declares the child
 * @name: the child's id in the template
 *
 * The template child @name of @widget; the test fails when there is none.
 *
 * Returns: (transfer none): the child
 */
gpointer
sb_ui_test_template_child (gpointer    widget,
                           GType       type,
                           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);

  return child;
}

/**
 * sb_ui_test_find_type:
 * @root: where to look
 * @type: the widget type looked for
 *
 * The first widget of @type at or under @root, depth first.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL
 */
GtkWidget *
sb_ui_test_find_type (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sb_ui_test_find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sb_ui_test_find_button:
 * @root: where to look
 * @label: the button's label, mnemonic included ("_Undo")
 *
 * The first button at or under @root labelled @label, depth first.
 *
 * Returns: (transfer none) (nullable): the button, or %NULL
 */
GtkWidget *
sb_ui_test_find_button (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sb_ui_test_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sb_ui_test_find_widget:
 * @root: where to look
 * @text: a tooltip or a button label
 *
 * The first widget at or under @root whose tooltip or button label is
 * @text, depth first: how a person finds an icon button or an entry
 * without a label of its own.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL
 */
GtkWidget *
sb_ui_test_find_widget (GtkWidget  *root,
                        const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0)
    return root;
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sb_ui_test_find_widget (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sb_ui_test_find_toplevel:
 * @type: a window type
 *
 * The first visible window of @type, oldest first: a dialog that a page
 * opened.
 *
 * Returns: (transfer none) (nullable) (type GtkWindow): the window, or %NULL
 */
gpointer
sb_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/**
 * sb_ui_test_find_shortcut:
 * @widget: the widget whose shortcut controllers to look in
 * @controller_name: (nullable): only the controller of this name, or %NULL for all
 * @keyval: the key
 * @mods: the modifiers, exactly
 *
 * The first shortcut of @widget's own shortcut controllers that @keyval
 * with @mods triggers: what pressing the key would run, found without
 * sending a key event that a test's display might route elsewhere.
 *
 * Returns: (transfer none) (nullable): the shortcut, or %NULL
 */
GtkShortcut *
sb_ui_test_find_shortcut (GtkWidget       *widget,
                          const char      *controller_name,
                          guint            keyval,
                          GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (controller_name != NULL && g_strcmp0 (gtk_event_controller_get_name (controller), controller_name) != 0))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            return shortcut;   /* the controller keeps it */
        }
    }

  return NULL;
}

/**
 * sb_ui_test_type_into:
 * @widget: (type GtkWidget): a widget built from a template
 * @type: the class whose template declares the field
 * @name: the field's id in the template, an editable
 * @text: what to type
 *
 * Puts @text in the template child @name of @widget, as typing does.
 */
void
sb_ui_test_type_into (gpointer    widget,
                      GType       type,
                      const char *name,
                      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sb_ui_test_template_child (widget, type, name)), text);
}

/**
 * sb_ui_test_present_window:
 * @store: the book the window shows
 * @width: the window's width
 * @height: the window's height
 * @page: the name of the page to show, as `win.show-page` takes it
 *
 * Shows the application's window over @store on @page. The last page
 * remembered in the settings is forgotten first, so that every test
 * starts alike. The caller lets the display settle.
 *
 * Returns: (transfer none): the window; destroy it with gtk_window_destroy()
 */
SbWindow *
sb_ui_test_present_window (SbStore    *store,
                           int         width,
                           int         height,
                           const char *page)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SbWindow *window;

  g_settings_reset (settings, "last-page");

  window = sb_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);

  return window;
}

/**
 * sb_ui_test_present_in_window:
 * @child: a page or view to test on its own
 * @width: the window's width
 * @height: the window's height
 *
 * Shows @child in a plain window, under a toast overlay as in the
 * application's window, so that its toasts have somewhere to go. The
 * caller lets the display settle.
 *
 * Returns: (transfer none): the window; destroy it with
 *   sb_ui_test_destroy_windows() or gtk_window_destroy()
 */
GtkWindow *
sb_ui_test_present_in_window (GtkWidget *child,
                              int        width,
                              int        height)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  gtk_window_set_child (window, overlay);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);

  return window;
}

/**
 * sb_ui_test_destroy_windows:
 * @window: the test's window
 *
 * Destroys every window other than @window (the dialogs a test left
 * open), then @window, and lets the display settle.
 */
void
sb_ui_test_destroy_windows (GtkWindow *window)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != window)
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);

  gtk_window_destroy (window);
  sb_ui_test_settle ();
}
