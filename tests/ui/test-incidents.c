/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui-test"

#include "config.h"

#include <adwaita.h>

#include "sb-attention-card.h"
#include "sb-incident-detail.h"
#include "sb-incident-new-dialog.h"
#include "sb-incidents.h"
#include "sb-incidents-page.h"
#include "sb-overview-page.h"
#include "sb-store.h"
#include "sb-window.h"
#include "sb-test-utils.h"
#include "sb-ui-test-utils.h"

/* The Incidents page in a real window on a real display (Xvfb in CI):
 * the list, its views and search, the whole flow of one incident through
 * the new-incident dialog and the detail's one-key actions, the Overview's
 * "Needs attention" card, and delete with undo. */

typedef struct
{
  SbTestBook *book;
  SbWindow   *window;
  char       *mail_id;      /* open, major */
  char       *printer_id;   /* on hold */
  char       *vpn_id;       /* resolved */
} Fixture;

/* Until @n_items, or a few seconds (the search entry waits a moment
 * before it searches). */
static guint
wait_for_items (GListModel *model,
                guint       n_items)
{
  for (guint i = 0; i < 40 && g_list_model_get_n_items (model) != n_items; i++)
    {
      sb_ui_test_settle ();
      g_usleep (20000);
    }

  return g_list_model_get_n_items (model);
}

static char *
create_incident (SbStore    *store,
                 const char *title,
                 gboolean    major)
{
  g_autoptr(SbIncident) draft = sb_incident_new ();
  g_autoptr(GError) error = NULL;

  sb_incident_set_title (draft, title);
  sb_incident_set_major (draft, major);
  g_assert_true (sb_incidents_create (store, draft, &error));
  g_assert_no_error (error);

  return g_strdup (sb_incident_get_id (draft));
}

static SbIncidentStatus
status_of (Fixture    *fixture,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbIncident) incident = sb_incidents_get (fixture->book->store, id, &error);

  g_assert_no_error (error);

  return sb_incident_get_status (incident);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->book = sb_test_book_new ();

  if (data != NULL)
    {
      fixture->mail_id = create_incident (fixture->book->store, "Mail server down", TRUE);
      fixture->printer_id = create_incident (fixture->book->store, "Printer jams on every page", FALSE);
      fixture->vpn_id = create_incident (fixture->book->store, "VPN slow from home", FALSE);
      g_assert_true (sb_incidents_hold (fixture->book->store, fixture->printer_id, "awaiting-customer",
                                        "Asked for the model", 0, SB_INCIDENT_NO_TIME, &error));
      g_assert_no_error (error);
      g_assert_true (sb_incidents_resolve (fixture->book->store, fixture->vpn_id, "fixed", "New tunnel",
                                           NULL, 5, SB_INCIDENT_NO_TIME, &error));
      g_assert_no_error (error);
    }

  fixture->window = sb_ui_test_present_window (fixture->book->store, 1400, 800, "incidents");
  sb_ui_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sb_ui_test_destroy_windows (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->book, sb_test_book_free);
  g_clear_pointer (&fixture->mail_id, g_free);
  g_clear_pointer (&fixture->printer_id, g_free);
  g_clear_pointer (&fixture->vpn_id, g_free);
}

static SbIncidentsPage *
incidents_page (Fixture *fixture)
{
  GtkWidget *page = sb_window_get_page (fixture->window, "incidents");

  g_assert_true (SB_IS_INCIDENTS_PAGE (page));

  return SB_INCIDENTS_PAGE (page);
}

static GListModel *
page_list (Fixture *fixture)
{
  return G_LIST_MODEL (sb_incidents_page_get_list (incidents_page (fixture)));
}

static SbIncidentDetail *
page_detail (Fixture *fixture)
{
  return SB_INCIDENT_DETAIL (sb_incidents_page_get_detail (incidents_page (fixture)));
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (incidents_page (fixture)),
                                                  SB_TYPE_INCIDENTS_PAGE, name);

  g_assert_nonnull (child);

  return child;
}

static gboolean
listed (Fixture    *fixture,
        const char *id)
{
  return sb_incident_list_find (sb_incidents_page_get_list (incidents_page (fixture)), id) != G_MAXUINT;
}

/* Presses @keyval as the person would on the list: through the page's
 * one-key shortcuts on the column view. */
static void
press_key (Fixture *fixture,
           guint    keyval)
{
  GtkWidget *view = page_child (fixture, "column_view");
  GtkShortcut *shortcut = sb_ui_test_find_shortcut (view, "sb-incident-keys", keyval, 0);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, view,
                                               gtk_shortcut_get_arguments (shortcut)));
  sb_ui_test_settle ();
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = page_child (fixture, "content_stack");
  GtkWidget *card;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);

  /* The Overview's card is calm, not a row of zeros. */
  card = sb_ui_test_find_type (sb_window_get_page (fixture->window, "overview"), SB_TYPE_ATTENTION_CARD);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (card, SB_TYPE_ATTENTION_CARD, "calm_row"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (card, SB_TYPE_ATTENTION_CARD, "breached_row"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (card, SB_TYPE_ATTENTION_CARD, "oldest_row"))));
}

static void
test_views_and_search (Fixture       *fixture,
                       gconstpointer  data)
{
  SbIncidentsPage *page = incidents_page (fixture);
  GListModel *list = page_list (fixture);
  GtkStack *stack = page_child (fixture, "content_stack");
  GtkStack *results = page_child (fixture, "results_stack");

  /* Open: the mail and the printer incidents; the VPN one is resolved. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (listed (fixture, fixture->mail_id));
  g_assert_true (listed (fixture, fixture->printer_id));
  g_assert_false (listed (fixture, fixture->vpn_id));

  /* Ctrl+4 and friends go through page.view. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.view", "s", "major");
  sb_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (listed (fixture, fixture->mail_id));

  sb_incidents_page_show_view (page, SB_INCIDENT_VIEW_RECENTLY_RESOLVED);
  sb_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (listed (fixture, fixture->vpn_id));

  gtk_widget_activate_action (GTK_WIDGET (page), "page.view", "s", "all");
  sb_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  /* Search narrows to the match; nothing matching says so. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "search_entry")), "printer");
  g_assert_cmpuint (wait_for_items (list, 1), ==, 1);
  g_assert_true (listed (fixture, fixture->printer_id));

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "search_entry")), "kangaroo");
  g_assert_cmpuint (wait_for_items (list, 0), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (results), ==, "no-results");

  gtk_widget_activate_action (GTK_WIDGET (page), "page.clear-filters", NULL);
  g_assert_cmpuint (wait_for_items (list, 3), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (results), ==, "results");

  /* The Overview's links: on hold shows the open ones on hold. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-incidents", "s", "on-hold");
  sb_ui_test_settle ();
  g_assert_cmpstr (sb_window_get_visible_page (fixture->window), ==, "incidents");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (listed (fixture, fixture->printer_id));
}

static void
test_sort_by_column (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkColumnView *view = page_child (fixture, "column_view");
  SbIncidentList *list = sb_incidents_page_get_list (incidents_page (fixture));
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkColumnViewColumn *title = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Title") == 0)
        title = column;
    }
  g_assert_nonnull (title);

  /* Newest first by default. */
  g_assert_cmpint (sb_incident_list_get_filter (list)->sort, ==, SB_INCIDENT_SORT_OPENED);
  g_assert_true (sb_incident_list_get_filter (list)->descending);

  /* A click on a header sorts in the store, ascending, then descending. */
  gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
  sb_ui_test_settle ();
  g_assert_cmpint (sb_incident_list_get_filter (list)->sort, ==, SB_INCIDENT_SORT_TITLE);
  g_assert_false (sb_incident_list_get_filter (list)->descending);
  {
    g_autoptr(SbIncidentRow) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (sb_incident_row_get_title (first), ==, "Mail server down");
  }

  gtk_column_view_sort_by_column (view, title, GTK_SORT_DESCENDING);
  sb_ui_test_settle ();
  g_assert_true (sb_incident_list_get_filter (list)->descending);
  {
    g_autoptr(SbIncidentRow) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (sb_incident_row_get_title (first), ==, "Printer jams on every page");
  }
}

/* Log an incident through the dialog, then hold, resolve, reopen it with
 * the one-key actions; search finds it; the card counts it. */
static void
test_incident_flow (Fixture       *fixture,
                    gconstpointer  data)
{
  SbIncidentsPage *page = incidents_page (fixture);
  SbIncidentDetail *detail = page_detail (fixture);
  GtkWidget *dialog = NULL;
  GtkWidget *title_row;
  g_autofree char *id = NULL;
  g_autoptr(GList) toplevels = NULL;
  SbIncidentAttention attention = { 0, };
  g_autoptr(GError) error = NULL;
  GtkWidget *card;
  GtkLabel *label;

  gtk_widget_activate_action (GTK_WIDGET (page), "page.new", NULL);
  sb_ui_test_settle ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SB_IS_INCIDENT_NEW_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);

  title_row = GTK_WIDGET (gtk_widget_get_template_child (dialog, SB_TYPE_INCIDENT_NEW_DIALOG, "title_row"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Scanner offline in reception");
  gtk_widget_activate_action (dialog, "new.log", NULL);
  sb_ui_test_settle ();

  /* The new incident is selected and shown. */
  id = g_strdup (sb_incident_detail_get_incident_id (detail));
  g_assert_nonnull (id);
  g_assert_true (listed (fixture, id));
  g_assert_cmpuint (gtk_single_selection_get_selected (page_child (fixture, "selection")), ==,
                    sb_incident_list_find (sb_incidents_page_get_list (page), id));
  g_assert_cmpint (status_of (fixture, id), ==, SB_INCIDENT_NEW);

  /* H on the list: the hold dialog, a reason, done. */
  press_key (fixture, GDK_KEY_h);
  g_assert_nonnull (sb_incident_detail_get_dialog_for_test (detail));
  g_assert_true (sb_incident_detail_complete_dialog_for_test (detail, "awaiting-supplier", NULL));
  sb_ui_test_settle ();
  g_assert_cmpint (status_of (fixture, id), ==, SB_INCIDENT_ON_HOLD);
  /* Still selected after the list re-read itself. */
  g_assert_cmpstr (sb_incident_detail_get_incident_id (detail), ==, id);
  g_assert_cmpuint (gtk_single_selection_get_selected (page_child (fixture, "selection")), ==,
                    sb_incident_list_find (sb_incidents_page_get_list (page), id));

  /* S resolves; it leaves the Open view but stays in the detail. */
  press_key (fixture, GDK_KEY_s);
  g_assert_true (sb_incident_detail_complete_dialog_for_test (detail, "workaround", "Power cycled"));
  sb_ui_test_settle ();
  g_assert_cmpint (status_of (fixture, id), ==, SB_INCIDENT_RESOLVED);
  g_assert_false (listed (fixture, id));
  g_assert_cmpstr (sb_incident_detail_get_incident_id (detail), ==, id);

  /* O reopens it: back in the Open view, selected again. */
  press_key (fixture, GDK_KEY_o);
  g_assert_true (sb_incident_detail_complete_dialog_for_test (detail, NULL, "Offline again"));
  sb_ui_test_settle ();
  g_assert_cmpint (status_of (fixture, id), ==, SB_INCIDENT_IN_PROGRESS);
  g_assert_true (listed (fixture, id));
  g_assert_cmpuint (gtk_single_selection_get_selected (page_child (fixture, "selection")), ==,
                    sb_incident_list_find (sb_incidents_page_get_list (page), id));

  /* A key the lifecycle refuses does nothing (C: close needs resolved). */
  press_key (fixture, GDK_KEY_c);
  g_assert_null (sb_incident_detail_get_dialog_for_test (detail));
  g_assert_cmpint (status_of (fixture, id), ==, SB_INCIDENT_IN_PROGRESS);

  /* Search finds it, by a word of its title and by a note. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "search_entry")), "scanner");
  g_assert_cmpuint (wait_for_items (page_list (fixture), 1), ==, 1);
  g_assert_true (listed (fixture, id));
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "search_entry")), "");
  g_assert_cmpuint (wait_for_items (page_list (fixture), 3), ==, 3);

  /* The card on the Overview says what the store says. */
  g_assert_true (sb_incidents_get_attention (fixture->book->store, SB_INCIDENT_NO_TIME, &attention, &error));
  g_assert_no_error (error);
  card = sb_ui_test_find_type (sb_window_get_page (fixture->window, "overview"), SB_TYPE_ATTENTION_CARD);
  g_assert_nonnull (card);
  label = GTK_LABEL (gtk_widget_get_template_child (card, SB_TYPE_ATTENTION_CARD, "major_label"));
  g_assert_cmpuint (attention.n_major, ==, 1);
  g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_label (label), NULL, 10), ==, attention.n_major);
  label = GTK_LABEL (gtk_widget_get_template_child (card, SB_TYPE_ATTENTION_CARD, "on_hold_label"));
  g_assert_cmpuint (attention.n_on_hold, ==, 1);
  g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_label (label), NULL, 10), ==, attention.n_on_hold);
  label = GTK_LABEL (gtk_widget_get_template_child (card, SB_TYPE_ATTENTION_CARD, "breached_label"));
  g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_label (label), NULL, 10), ==, attention.n_breached);
  g_assert_nonnull (attention.oldest_open_id);
  g_assert_cmpstr (attention.oldest_open_id, ==, fixture->mail_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (card, SB_TYPE_ATTENTION_CARD, "calm_row"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (card, SB_TYPE_ATTENTION_CARD, "oldest_row"))));

  /* Its oldest-open link selects that incident. */
  {
    g_autofree char *target = g_strconcat ("incident:", attention.oldest_open_id, NULL);

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-incidents", "s", target);
    sb_ui_test_settle ();
    g_assert_cmpstr (sb_incident_detail_get_incident_id (detail), ==, fixture->mail_id);
  }

  sb_incident_attention_clear (&attention);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  SbIncidentsPage *page = incidents_page (fixture);
  g_autoptr(SbIncident) gone = NULL;
  g_autoptr(SbIncident) back = NULL;
  GtkWidget *undo;

  sb_incidents_page_select_incident (page, fixture->printer_id);
  sb_ui_test_settle ();
  g_assert_cmpstr (sb_incident_detail_get_incident_id (page_detail (fixture)), ==, fixture->printer_id);

  /* Delete on the list. */
  press_key (fixture, GDK_KEY_Delete);
  gone = sb_incidents_get (fixture->book->store, fixture->printer_id, NULL);
  g_assert_null (gone);
  g_assert_false (listed (fixture, fixture->printer_id));
  g_assert_null (sb_incident_detail_get_incident_id (page_detail (fixture)));

  /* The toast offers Undo; it brings it back, selected. */
  undo = sb_ui_test_find_button (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
  sb_ui_test_settle ();

  back = sb_incidents_get (fixture->book->store, fixture->printer_id, NULL);
  g_assert_nonnull (back);
  g_assert_true (listed (fixture, fixture->printer_id));
  g_assert_cmpstr (sb_incident_detail_get_incident_id (page_detail (fixture)), ==, fixture->printer_id);
}

/* Narrow, the list is a page of its own and shows only what fits. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = page_child (fixture, "leaflet");
  GtkColumnView *view = page_child (fixture, "column_view");
  guint wide_columns = g_list_model_get_n_items (gtk_column_view_get_columns (view));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  sb_ui_test_settle ();
  sb_ui_test_settle ();

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), <, wide_columns);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 2);

  /* Activating a row opens the detail; Back returns to the list. */
  g_signal_emit_by_name (view, "activate", 0);
  sb_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_nonnull (sb_incident_detail_get_incident_id (page_detail (fixture)));
  gtk_widget_activate_action (GTK_WIDGET (incidents_page (fixture)), "page.back", NULL);
  sb_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
}

static gboolean
can_navigate_back (Fixture *fixture)
{
  gboolean can = FALSE;

  g_object_get (incidents_page (fixture), "can-navigate-back", &can, NULL);

  return can;
}

/* Narrow: a selected row opens with Enter, whatever has the focus; the
 * window's header bar has the one Back button, which goes to the list
 * first and then to the sidebar. */
static void
test_narrow_enter_and_back (Fixture       *fixture,
                            gconstpointer  data)
{
  AdwLeaflet *leaflet = page_child (fixture, "leaflet");
  AdwLeaflet *window_leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                           SB_TYPE_WINDOW, "leaflet"));
  GtkWidget *back_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                      SB_TYPE_WINDOW, "back_button"));
  GtkWidget *content_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                      SB_TYPE_WINDOW, "content_box"));

  /* Wide: no Back anywhere. */
  g_assert_false (gtk_widget_get_visible (back_button));
  g_assert_false (can_navigate_back (fixture));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  sb_ui_test_settle ();
  sb_ui_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "incidents");
  sb_ui_test_settle ();
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (window_leaflet) == content_box);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_true (gtk_widget_get_visible (back_button));

  /* Selecting alone (arrow keys) stays on the list; Enter opens. */
  gtk_single_selection_set_selected (page_child (fixture, "selection"), 1);
  sb_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  press_key (fixture, GDK_KEY_Return);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_nonnull (sb_incident_detail_get_incident_id (page_detail (fixture)));
  g_assert_true (can_navigate_back (fixture));
  g_assert_true (gtk_widget_get_visible (back_button));

  /* Back: to the list, then to the sidebar. */
  g_signal_emit_by_name (back_button, "clicked");
  sb_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_false (can_navigate_back (fixture));
  g_assert_true (adw_leaflet_get_visible_child (window_leaflet) == content_box);
  g_signal_emit_by_name (back_button, "clicked");
  sb_ui_test_settle ();
  g_assert_true (adw_leaflet_get_visible_child (window_leaflet) != content_box);
}

/* Wide, nothing selected: no empty detail pane takes the list's width. */
static void
test_wide_without_selection (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *detail_pane = page_child (fixture, "detail_pane");
  GtkWidget *list_pane = page_child (fixture, "list_pane");
  int page_width = gtk_widget_get_width (GTK_WIDGET (incidents_page (fixture)));

  g_assert_null (sb_incident_detail_get_incident_id (page_detail (fixture)));
  g_assert_false (gtk_widget_get_visible (detail_pane));
  g_assert_cmpint (gtk_widget_get_width (list_pane), ==, page_width);

  /* Choosing one brings the detail beside the list, unfolded. */
  sb_incidents_page_select_incident (incidents_page (fixture), fixture->mail_id);
  sb_ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (detail_pane));
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (page_child (fixture, "leaflet"))));
  g_assert_cmpint (gtk_widget_get_width (list_pane), <, page_width);
  g_assert_cmpint (gtk_widget_get_width (detail_pane), >=, 360);

  /* And it leaves again with the selection. */
  sb_incidents_page_select_incident (incidents_page (fixture), NULL);
  sb_ui_test_settle ();
  g_assert_false (gtk_widget_get_visible (detail_pane));
}

int
main (int   argc,
      char *argv[])
{
  if (!sb_ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, with_incidents, func) \
  g_test_add ((path), Fixture, (with_incidents) ? "incidents" : NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/ui/incidents/empty", FALSE, test_empty);
  ADD ("/ui/incidents/views-and-search", TRUE, test_views_and_search);
  ADD ("/ui/incidents/sort-by-column", TRUE, test_sort_by_column);
  ADD ("/ui/incidents/flow", TRUE, test_incident_flow);
  ADD ("/ui/incidents/delete-and-undo", TRUE, test_delete_and_undo);
  ADD ("/ui/incidents/narrow", TRUE, test_narrow);
  ADD ("/ui/incidents/narrow-enter-and-back", TRUE, test_narrow_enter_and_back);
  ADD ("/ui/incidents/wide-without-selection", TRUE, test_wide_without_selection);

#undef ADD

  return g_test_run ();
}
