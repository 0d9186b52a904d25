/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <math.h>

#include "sb-ui-widgets.h"

/*
 * Behaviours shared by the forms.
 *
 * A spin button changes its value under the mouse wheel. In a form that
 * scrolls, that turns a term's notice period from 3 into 2 months while
 * the user only meant to read further down. Here the wheel over a spin
 * button the user is not editing scrolls the form instead; once it has
 * the keyboard focus, the wheel changes its value as usual.
 */

static gboolean
spin_is_being_edited (GtkWidget *spin)
{
  GtkRoot *root = gtk_widget_get_root (spin);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == spin || gtk_widget_is_ancestor (focus, spin));
}

static gboolean
on_spin_scroll_cb (GtkEventControllerScroll *controller,
                   double                    dx,
                   double                    dy,
                   gpointer                  user_data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  double step;

  if (spin_is_being_edited (spin))
    return FALSE;

  scrolled = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return TRUE;   /* nothing to scroll: the value stays as it is */

  /* As GtkScrolledWindow scrolls: a wheel click moves by a step that
   * grows with the page; a touchpad moves by the pixels it reports. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    step = dy;
  else
    step = dy * pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);

  return TRUE;
}

static void
guard_spin_button (GtkWidget *spin)
{
  GtkEventController *scroll;

  if (g_object_get_data (G_OBJECT (spin), "sb-scroll-guard") != NULL)
    return;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  /* before the spin button's own controller sees the wheel */
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_spin_scroll_cb), NULL);
  gtk_widget_add_controller (spin, scroll);
  g_object_set_data (G_OBJECT (spin), "sb-scroll-guard", GINT_TO_POINTER (1));
}

/**
 * sb_ui_scroll_past_spin_buttons:
 * @root: a form, after its template is set up
 *
 * Makes the mouse wheel over every spin button inside @root scroll the
 * form rather than change the value, unless the user is editing that
 * spin button (it has the keyboard focus). Spin buttons added to @root
 * later need another call.
 */
void
sb_ui_scroll_past_spin_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SPIN_BUTTON (child))
        guard_spin_button (child);
      else
        sb_ui_scroll_past_spin_buttons (child);
    }
}
