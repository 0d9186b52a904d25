/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sb-catalog.h"
#include "sb-incident-csv.h"
#include "sb-incident-detail.h"
#include "sb-incident-import-dialog.h"
#include "sb-incident-new-dialog.h"
#include "sb-incidents.h"
#include "sb-incidents-page.h"

/* The incident log: a column view straight over SbIncidentList (the store
 * sorts and filters, so 100,000 incidents cost the rows on screen), the
 * views, search and filters that feed the list's filter, and the detail
 * pane beside the list (or after it, in a narrow window). */

#define CLOCK_INTERVAL_SECONDS 60

/* The views in the order of the drop-down and of Ctrl+1…Ctrl+6. */
static const struct
{
  SbIncidentView view;
  const char    *name;
} views[] = {
  { SB_INCIDENT_VIEW_OPEN, "open" },
  { SB_INCIDENT_VIEW_AT_RISK, "at-risk" },
  { SB_INCIDENT_VIEW_BREACHED, "breached" },
  { SB_INCIDENT_VIEW_MAJOR, "major" },
  { SB_INCIDENT_VIEW_RECENTLY_RESOLVED, "recently-resolved" },
  { SB_INCIDENT_VIEW_ALL, "all" },
};

typedef enum
{
  COL_REFERENCE,
  COL_TITLE,
  COL_PRIORITY,
  COL_STATUS,
  COL_SLA,
  COL_SERVICE,
  COL_CUSTOMER,
  COL_OPENED,
  N_COLUMNS
} Column;

/* Columns: title, sort key (-1: not sortable), fixed width (0: expands),
 * and the list width from which the column shows.  The visible columns'
 * widths plus a little title always fit the width they show at. */
#define COMPACT_WIDTH 640
#define LIST_MIN_WIDTH 360   /* the list pane's width-request in the .ui */

static const struct
{
  const char *title;
  int         sort;
  int         width;
  int         min_list_width;
} columns[N_COLUMNS] = {
  [COL_REFERENCE] = { N_("Reference"), SB_INCIDENT_SORT_REFERENCE, 120, COMPACT_WIDTH },
  [COL_TITLE] = { N_("Title"), SB_INCIDENT_SORT_TITLE, 0, 0 },
  [COL_PRIORITY] = { N_("Priority"), SB_INCIDENT_SORT_PRIORITY, 72, COMPACT_WIDTH },
  [COL_STATUS] = { N_("Status"), SB_INCIDENT_SORT_STATUS, 150, COMPACT_WIDTH },
  [COL_SLA] = { N_("SLA"), -1, 210, 0 },
  [COL_SERVICE] = { N_("Service"), SB_INCIDENT_SORT_SERVICE, 90, 740 },
  [COL_CUSTOMER] = { N_("Customer"), SB_INCIDENT_SORT_CUSTOMER, 150, 1020 },
  [COL_OPENED] = { N_("Opened"), SB_INCIDENT_SORT_OPENED, 130, 880 },
};

/* The period filter's items. */
typedef enum
{
  PERIOD_ALL,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_LAST_30_DAYS,
  PERIOD_QUARTER,
  PERIOD_YEAR,
} Period;

static const char * const period_labels[] = {
  N_("Any time"),
  N_("This week"),
  N_("This month"),
  N_("Last 30 days"),
  N_("This quarter"),
  N_("This year"),
  NULL
};

static const SbSlaState sla_states[] = {
  SB_SLA_STATE_BREACHED,
  SB_SLA_STATE_AT_RISK,
  SB_SLA_STATE_WITHIN,
  SB_SLA_STATE_NONE,
};

struct _SbIncidentsPage
{
  GtkWidget           parent_instance;

  SbStore            *store;
  SbIncidentList     *list;
  SbIncidentDetail   *detail;
  GSimpleActionGroup *header_actions;
  gulong              changed_id;
  guint               clock_id;
  int                 list_width;
  gboolean            updating_columns;
  char               *selected_id;
  int                 requerying;
  Period              period;
  gboolean            compact;
  GPtrArray          *service_ids;   /* of char*, parallel to the service drop-down after "Any" */
  GPtrArray          *customer_ids;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* Filter popover widgets, made in code */
  GtkWidget          *status_checks[SB_INCIDENT_N_STATUSES];
  GtkWidget          *priority_toggles[5];
  GtkWidget          *sla_checks[G_N_ELEMENTS (sla_states)];
  GtkDropDown        *service_dropdown;
  GtkDropDown        *customer_dropdown;
  GtkDropDown        *period_dropdown;
  gboolean            building_filters;

  /* Template objects */
  GtkSingleSelection *selection;
  GtkWidget          *header_box;
  GtkStack           *content_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkDropDown        *view_dropdown;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkLabel           *filter_label;
  GtkBox             *filter_box;
  GtkStack           *results_stack;
  GtkScrolledWindow  *list_scroller;
  GtkColumnView      *column_view;
  GtkBox             *detail_pane;
  GtkLabel           *detail_title;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_HEADER_WIDGET,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbIncidentsPage, sb_incidents_page, GTK_TYPE_WIDGET)

/* Column sorters.  GTK 4.8 cannot say which column the column view sorts
 * by, so each sortable column gets one of these: it knows its store sort
 * key, and comparing two probe items through the view's sorter tells
 * which column answers first (the primary one) and in which direction.
 * Nothing is ever sorted in memory: the list is not a GtkSortListModel. */

#define SB_TYPE_INCIDENT_COLUMN_SORTER (sb_incident_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (SbIncidentColumnSorter, sb_incident_column_sorter, SB, INCIDENT_COLUMN_SORTER, GtkSorter)

struct _SbIncidentColumnSorter
{
  GtkSorter      parent_instance;
  SbIncidentSort key;
};

G_DEFINE_FINAL_TYPE (SbIncidentColumnSorter, sb_incident_column_sorter, GTK_TYPE_SORTER)

static struct
{
  int  first, second;     /* the probe items: only their addresses are used */
  int  key;               /* the first column sorter asked, -1 if none */
} probe;

static GtkOrdering
sb_incident_column_sorter_compare (GtkSorter *sorter,
                                   gpointer   item1,
                                   gpointer   item2)
{
  if (probe.key < 0)
    probe.key = SB_INCIDENT_COLUMN_SORTER (sorter)->key;

  return item1 == &probe.first ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static GtkSorterOrder
sb_incident_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
sb_incident_column_sorter_class_init (SbIncidentColumnSorterClass *klass)
{
  GTK_SORTER_CLASS (klass)->compare = sb_incident_column_sorter_compare;
  GTK_SORTER_CLASS (klass)->get_order = sb_incident_column_sorter_get_order;
}

static void
sb_incident_column_sorter_init (SbIncidentColumnSorter *self)
{
}

static GtkSorter *
column_sorter_new (SbIncidentSort key)
{
  SbIncidentColumnSorter *sorter = g_object_new (SB_TYPE_INCIDENT_COLUMN_SORTER, NULL);

  sorter->key = key;

  return GTK_SORTER (sorter);
}

/* Helpers */

static void
add_toast (SbIncidentsPage *self,
           AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error (SbIncidentsPage *self,
            const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static GtkWindow *
parent_window (SbIncidentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static int
view_index (SbIncidentView view)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i].view == view)
      return i;

  return 0;
}

static gboolean
view_from_name (const char     *name,
                SbIncidentView *out_view)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      if (g_strcmp0 (views[i].name, name) == 0)
        {
          *out_view = views[i].view;
          return TRUE;
        }
    }

  return FALSE;
}

/* GTK 4.8's column view cannot scroll to a row itself; its list can. */
static void
scroll_to (SbIncidentsPage *self,
           guint            position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

static void
set_filter (SbIncidentsPage        *self,
            const SbIncidentFilter *filter)
{
  if (sb_incident_filter_equal (filter, sb_incident_list_get_filter (self->list)))
    return;

  sb_incident_list_set_filter (self->list, filter);
}

static void
show_incident (SbIncidentsPage *self,
               const char      *id)
{
  if (g_strcmp0 (self->selected_id, id) != 0)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
    }

  if (g_strcmp0 (sb_incident_detail_get_incident_id (self->detail), id) != 0)
    sb_incident_detail_set_incident_id (self->detail, id);
}

static void
update_detail_title (SbIncidentsPage *self)
{
  SbIncidentRow *row = gtk_single_selection_get_selected_item (self->selection);

  gtk_label_set_label (self->detail_title, row != NULL ? sb_incident_row_get_reference (row) : "");
}

/* Whether the book has any incident at all, asked only when the list is
 * empty, to tell "nothing logged yet" from "nothing matches". */
static gboolean
book_has_incidents (SbIncidentsPage *self)
{
  g_autoptr(SbIncidentFilter) all = sb_incident_filter_new ();
  g_autoptr(GArray) rowids = NULL;

  rowids = sb_incidents_query_rowids (self->store, all, SB_SLA_NO_TIME, NULL);

  return rowids == NULL || rowids->len > 0;
}

static void
update_content_page (SbIncidentsPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0;

  if (any)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      gtk_stack_set_visible_child_name (self->results_stack, "results");
    }
  else if (book_has_incidents (self))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      gtk_stack_set_visible_child_name (self->results_stack, "no-results");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
}

static void
select_position (SbIncidentsPage *self,
                 guint            position)
{
  self->requerying++;
  gtk_single_selection_set_selected (self->selection, position);
  self->requerying--;

  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
  update_detail_title (self);
}

/* View counts in the drop-down: open, at risk and breached come from one
 * SLA pass (the Overview's); the others would cost a query each. */
static void
update_view_labels (SbIncidentsPage *self)
{
  SbIncidentAttention attention = { 0, };
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (self->view_dropdown));
  guint selected = gtk_drop_down_get_selected (self->view_dropdown);
  gboolean counted = sb_incidents_get_attention (self->store, SB_INCIDENT_NO_TIME, &attention, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      const char *label = sb_incident_view_get_label (views[i].view);
      guint count = 0;
      gboolean has_count = counted;

      switch (views[i].view)
        {
        case SB_INCIDENT_VIEW_OPEN: count = attention.n_open; break;
        case SB_INCIDENT_VIEW_AT_RISK: count = attention.n_at_risk; break;
        case SB_INCIDENT_VIEW_BREACHED: count = attention.n_breached; break;
        default: has_count = FALSE; break;
        }

      if (has_count)
        g_ptr_array_add (labels, g_strdup_printf (C_("view name with its count", "%s (%u)"), label, count));
      else
        g_ptr_array_add (labels, g_strdup (label));
    }

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (model, i), g_ptr_array_index (labels, i)) != 0)
        {
          g_ptr_array_add (labels, NULL);
          self->building_filters = TRUE;
          gtk_string_list_splice (model, 0, G_N_ELEMENTS (views), (const char * const *) labels->pdata);
          gtk_drop_down_set_selected (self->view_dropdown, selected);
          self->building_filters = FALSE;
          break;
        }
    }

  sb_incident_attention_clear (&attention);
}

/* Cells: each column's setup makes the widgets once; bind only sets text
 * on them, and follows the row's clock while bound. */

static GtkWidget *
new_label (gboolean ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

static char *
format_opened (gint64 ms,
               char **out_tooltip)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) when = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int days;
  const char *format;

  if (when == NULL)
    return g_strdup ("");

  days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (when);
  if (g_date_time_get_year (now) != g_date_time_get_year (when))
    days = 1000;

  if (days == 0)
    format = C_("incident opened today", "Today, %H:%M");
  else if (days == 1)
    format = C_("incident opened yesterday", "Yesterday, %H:%M");
  else if (days < 1000)
    format = C_("incident opened this year", "%e %b, %H:%M");
  else
    format = C_("incident opened another year", "%e %b %Y");

  *out_tooltip = g_date_time_format (when, "%c");

  return g_date_time_format (when, format);
}

static void
update_sla_cell (GtkWidget     *box,
                 SbIncidentRow *row)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  SbSlaState state = sb_incident_row_get_sla_state (row);
  const SbSla *sla = sb_incident_row_get_sla (row);
  gboolean paused = FALSE;
  const char *icon_name = NULL;

  if (sla != NULL)
    paused = sla->response.done ? sla->resolution.paused : sla->response.paused;

  gtk_widget_remove_css_class (box, "error");
  gtk_widget_remove_css_class (box, "warning");
  gtk_widget_remove_css_class (box, "dim-label");

  switch (state)
    {
    case SB_SLA_STATE_BREACHED:
      icon_name = "dialog-error-symbolic";
      gtk_widget_add_css_class (box, "error");
      break;
    case SB_SLA_STATE_AT_RISK:
      icon_name = "dialog-warning-symbolic";
      gtk_widget_add_css_class (box, "warning");
      break;
    case SB_SLA_STATE_WITHIN:
      icon_name = paused ? "media-playback-pause-symbolic" : "emblem-ok-symbolic";
      break;
    case SB_SLA_STATE_NONE:
    default:
      gtk_widget_add_css_class (box, "dim-label");
      break;
    }

  gtk_widget_set_visible (icon, icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_label_set_label (GTK_LABEL (label), sb_incident_row_get_sla_text (row));
  gtk_widget_set_tooltip_text (box, sb_sla_state_get_label (state));
}

static void
on_row_clock_changed_cb (SbIncidentRow *row,
                         GParamSpec    *pspec,
                         GtkWidget     *box)
{
  update_sla_cell (box, row);
}

static char *
status_text (SbIncidentRow *row)
{
  SbIncidentStatus status = sb_incident_row_get_status (row);
  const char *reason = sb_incident_row_get_hold_reason (row);

  if (status == SB_INCIDENT_ON_HOLD && reason != NULL && *reason != '\0')
    return g_strdup_printf (C_("status with hold reason", "%s: %s"),
                            sb_incident_status_get_label (status),
                            sb_incident_hold_reason_get_label (reason));

  return g_strdup (sb_incident_status_get_label (status));
}

static void
bind_priority (GtkWidget     *label,
               SbIncidentRow *row)
{
  guint priority = CLAMP (sb_incident_row_get_priority (row), 1, 5);
  g_autofree char *text = g_strdup_printf (C_("priority, short", "P%u"), priority);
  g_autofree char *tip = g_strdup_printf (_("Priority %u"), priority);
  g_autofree char *css = g_strdup_printf ("sb-priority-%u", priority);
  const char *classes[] = { "sb-priority", css, NULL };

  gtk_widget_set_css_classes (label, classes);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tip);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SbIncidentsPage          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child = NULL;

  switch (column)
    {
    case COL_TITLE:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *pill = gtk_label_new (NULL);
        GtkWidget *major = gtk_image_new_from_icon_name ("emblem-important-symbolic");
        GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
        GtkWidget *title = new_label (TRUE);
        GtkWidget *subtitle = new_label (TRUE);

        gtk_widget_set_tooltip_text (major, _("Major incident"));
        gtk_widget_add_css_class (major, "error");
        gtk_widget_set_hexpand (lines, TRUE);
        gtk_widget_add_css_class (subtitle, "dim-label");
        gtk_widget_add_css_class (subtitle, "caption");
        g_object_bind_property (self, "compact", subtitle, "visible", G_BINDING_SYNC_CREATE);
        gtk_box_append (GTK_BOX (lines), title);
        gtk_box_append (GTK_BOX (lines), subtitle);
        /* Narrow, the priority pill moves into the title cell. */
        gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
        g_object_bind_property (self, "compact", pill, "visible", G_BINDING_SYNC_CREATE);
        gtk_box_append (GTK_BOX (box), pill);
        gtk_box_append (GTK_BOX (box), major);
        gtk_box_append (GTK_BOX (box), lines);
        child = box;
      }
      break;

    case COL_PRIORITY:
      child = gtk_label_new (NULL);
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      break;

    case COL_SLA:
      {
        GtkWidget *label = new_label (TRUE);

        /* Narrow rows have two lines anyway: the clock may take both. */
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_lines (GTK_LABEL (label), 2);
        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_box_append (GTK_BOX (child), gtk_image_new ());
        gtk_box_append (GTK_BOX (child), label);
      }
      break;

    case COL_REFERENCE:
    case COL_OPENED:
      child = new_label (TRUE);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case COL_STATUS:
    case COL_SERVICE:
    case COL_CUSTOMER:
    case N_COLUMNS:
    default:
      child = new_label (TRUE);
      break;
    }

  gtk_list_item_set_child (item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SbIncidentsPage          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  SbIncidentRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  switch (column)
    {
    case COL_REFERENCE:
      gtk_label_set_label (GTK_LABEL (child), sb_incident_row_get_reference (row));
      break;

    case COL_TITLE:
      {
        GtkWidget *pill = gtk_widget_get_first_child (child);
        GtkWidget *major = gtk_widget_get_next_sibling (pill);
        GtkWidget *lines = gtk_widget_get_last_child (child);
        g_autofree char *status = status_text (row);
        g_autofree char *subtitle = g_strdup_printf (C_("reference and status", "%s · %s"),
                                                     sb_incident_row_get_reference (row), status);

        bind_priority (pill, row);
        gtk_widget_set_visible (major, sb_incident_row_get_major (row));
        gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (lines)),
                             sb_incident_row_get_title (row));
        gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (lines)), subtitle);
        gtk_widget_set_tooltip_text (lines, sb_incident_row_get_title (row));
      }
      break;

    case COL_PRIORITY:
      bind_priority (child, row);
      break;

    case COL_STATUS:
      {
        g_autofree char *text = status_text (row);

        gtk_label_set_label (GTK_LABEL (child), text);
        gtk_widget_set_tooltip_text (child, text);
      }
      break;

    case COL_SLA:
      update_sla_cell (child, row);
      g_signal_connect_object (row, "notify::sla-text", G_CALLBACK (on_row_clock_changed_cb), child, 0);
      g_signal_connect_object (row, "notify::sla-state", G_CALLBACK (on_row_clock_changed_cb), child, 0);
      break;

    case COL_SERVICE:
      gtk_label_set_label (GTK_LABEL (child), sb_incident_row_get_service_code (row));
      gtk_widget_set_tooltip_text (child, sb_incident_row_get_service_name (row));
      break;

    case COL_CUSTOMER:
      gtk_label_set_label (GTK_LABEL (child), sb_incident_row_get_customer_name (row));
      gtk_widget_set_tooltip_text (child, sb_incident_row_get_customer_name (row));
      break;

    case COL_OPENED:
      {
        g_autofree char *tooltip = NULL;
        g_autofree char *text = format_opened (sb_incident_row_get_opened_ms (row), &tooltip);

        gtk_label_set_label (GTK_LABEL (child), text);
        gtk_widget_set_tooltip_text (child, tooltip);
      }
      break;

    case N_COLUMNS:
    default:
      break;
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SbIncidentsPage          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  SbIncidentRow *row = gtk_list_item_get_item (item);

  if (column == COL_SLA && row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_clock_changed_cb, gtk_list_item_get_child (item));
}

/* Columns follow the list's width.  Below COMPACT_WIDTH the title cell
 * says the priority, reference and status itself.  Columns are removed
 * rather than hidden: GTK 4.8 does not give a hidden column's width to
 * the expanding title.  Returns whether anything changed. */
static gboolean
update_columns (SbIncidentsPage *self,
                int              width)
{
  gboolean compact = width < COMPACT_WIDTH;
  gboolean changed = FALSE;
  guint position = 0;

  if (width == self->list_width)
    return FALSE;
  self->list_width = width;

  self->updating_columns = TRUE;
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gboolean wanted = width >= columns[i].min_list_width;
      gboolean shown = gtk_column_view_column_get_column_view (self->columns[i]) != NULL;

      if (wanted && !shown)
        gtk_column_view_insert_column (self->column_view, position, self->columns[i]);
      else if (!wanted && shown)
        gtk_column_view_remove_column (self->column_view, self->columns[i]);

      changed |= wanted != shown;
      if (wanted)
        position++;
    }
  self->updating_columns = FALSE;

  if (compact != self->compact)
    {
      self->compact = compact;
      gtk_column_view_column_set_fixed_width (self->columns[COL_SLA], compact ? 150 : columns[COL_SLA].width);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
      changed = TRUE;
    }

  return changed;
}

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      SbIncidentsPage *self)
{
  g_autoptr(SbIncidentFilter) filter = NULL;
  GtkOrdering order;

  /* A column taken away for want of width keeps the list's order. */
  if (self->updating_columns || self->list == NULL)
    return;

  filter = sb_incident_filter_copy (sb_incident_list_get_filter (self->list));

  probe.key = -1;
  order = gtk_sorter_compare (sorter, &probe.first, &probe.second);

  if (probe.key < 0)
    {
      /* No column sorts: the default order, newest first. */
      filter->sort = SB_INCIDENT_SORT_OPENED;
      filter->descending = TRUE;
    }
  else
    {
      filter->sort = probe.key;
      filter->descending = order == GTK_ORDERING_LARGER;
    }

  set_filter (self, filter);
}

static void
build_columns (SbIncidentsPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      if (columns[i].sort >= 0)
        {
          g_autoptr(GtkSorter) sorter = column_sorter_new (columns[i].sort);

          gtk_column_view_column_set_sorter (column, sorter);
        }

      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;   /* kept while the view does not show it */
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COL_OPENED], GTK_SORT_DESCENDING);

}

/* Filters */

static guint
count_active_filters (const SbIncidentFilter *filter)
{
  return (filter->statuses != 0) + (filter->priorities != 0) + (filter->service_id != NULL) +
         (filter->customer_id != NULL) + (filter->sla_states != 0) +
         (filter->opened_from_ms != SB_SLA_NO_TIME || filter->opened_to_ms != SB_SLA_NO_TIME);
}

static void
update_filter_indicator (SbIncidentsPage *self)
{
  guint n = count_active_filters (sb_incident_list_get_filter (self->list));

  if (n == 0)
    {
      gtk_label_set_label (self->filter_label, _("Filters"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
  else
    {
      g_autofree char *text = g_strdup_printf (C_("filter button with the number of filters", "Filters (%u)"), n);

      gtk_label_set_label (self->filter_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
}

static gint64
local_start_ms (int year,
                int month,
                int day)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (year, month, day, 0, 0, 0);

  return start != NULL ? g_date_time_to_unix (start) * 1000 : SB_SLA_NO_TIME;
}

static gint64
period_start_ms (Period period)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  int day = g_date_time_get_day_of_month (now);

  switch (period)
    {
    case PERIOD_WEEK:
      {
        g_autoptr(GDateTime) monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));

        return local_start_ms (g_date_time_get_year (monday), g_date_time_get_month (monday),
                               g_date_time_get_day_of_month (monday));
      }
    case PERIOD_MONTH:
      return local_start_ms (year, month, 1);
    case PERIOD_LAST_30_DAYS:
      return g_date_time_to_unix (now) * 1000 - (gint64) 30 * 24 * 3600 * 1000;
    case PERIOD_QUARTER:
      return local_start_ms (year, ((month - 1) / 3) * 3 + 1, 1);
    case PERIOD_YEAR:
      return local_start_ms (year, 1, 1);
    case PERIOD_ALL:
    default:
      (void) day;
      return SB_SLA_NO_TIME;
    }
}

/* Reads the filter popover and the search entry into the list's filter. */
static void
apply_filters (SbIncidentsPage *self)
{
  g_autoptr(SbIncidentFilter) filter = sb_incident_filter_copy (sb_incident_list_get_filter (self->list));
  guint service = gtk_drop_down_get_selected (self->service_dropdown);
  guint customer = gtk_drop_down_get_selected (self->customer_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->building_filters)
    return;

  filter->statuses = 0;
  for (guint i = 0; i < SB_INCIDENT_N_STATUSES; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->status_checks[i])))
      filter->statuses |= 1u << i;

  filter->priorities = 0;
  for (guint i = 0; i < 5; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->priority_toggles[i])))
      filter->priorities |= 1u << (i + 1);

  filter->sla_states = 0;
  for (guint i = 0; i < G_N_ELEMENTS (sla_states); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->sla_checks[i])))
      filter->sla_states |= 1u << sla_states[i];

  g_clear_pointer (&filter->service_id, g_free);
  if (service > 0 && service != GTK_INVALID_LIST_POSITION && service <= self->service_ids->len)
    filter->service_id = g_strdup (g_ptr_array_index (self->service_ids, service - 1));

  g_clear_pointer (&filter->customer_id, g_free);
  if (customer > 0 && customer != GTK_INVALID_LIST_POSITION && customer <= self->customer_ids->len)
    filter->customer_id = g_strdup (g_ptr_array_index (self->customer_ids, customer - 1));

  self->period = gtk_drop_down_get_selected (self->period_dropdown);
  if (self->period == (Period) GTK_INVALID_LIST_POSITION)
    self->period = PERIOD_ALL;
  filter->opened_from_ms = period_start_ms (self->period);
  filter->opened_to_ms = SB_SLA_NO_TIME;

  g_clear_pointer (&filter->text, g_free);
  if (text != NULL && *text != '\0')
    filter->text = g_strdup (text);

  set_filter (self, filter);
  update_filter_indicator (self);
}

/* Fills a drop-down with "Any …" and the book's services or customers,
 * keeping the chosen one. */
static void
fill_catalog_dropdown (SbIncidentsPage *self,
                       GtkDropDown     *dropdown,
                       GPtrArray       *ids,
                       gboolean         services)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint position = 0;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected <= ids->len)
    current = g_strdup (g_ptr_array_index (ids, selected - 1));

  items = services ? sb_catalog_list_services (self->store, NULL)
                   : sb_catalog_list_customers (self->store, NULL);

  g_ptr_array_set_size (ids, 0);
  gtk_string_list_append (labels, services ? _("Any service") : _("Any customer"));
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      const char *id;

      if (services)
        {
          g_autofree char *label = g_strdup_printf (C_("service code and name", "%s — %s"),
                                                    sb_service_get_code (SB_SERVICE (item)),
                                                    sb_service_get_name (SB_SERVICE (item)));

          id = sb_service_get_id (SB_SERVICE (item));
          gtk_string_list_append (labels, label);
        }
      else
        {
          id = sb_customer_get_id (SB_CUSTOMER (item));
          gtk_string_list_append (labels, sb_customer_get_name (SB_CUSTOMER (item)));
        }

      g_ptr_array_add (ids, g_strdup (id));
      if (g_strcmp0 (id, current) == 0)
        position = ids->len;
    }

  self->building_filters = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, position);
  self->building_filters = FALSE;
}

static void
on_filter_popover_show_cb (SbIncidentsPage *self)
{
  fill_catalog_dropdown (self, self->service_dropdown, self->service_ids, TRUE);
  fill_catalog_dropdown (self, self->customer_dropdown, self->customer_ids, FALSE);
}

static GtkWidget *
filter_heading (const char *text)
{
  GtkWidget *label = new_label (FALSE);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);

  return label;
}

static GtkWidget *
filter_check (SbIncidentsPage *self,
              const char      *label,
              GtkWidget       *flow)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_signal_connect_object (check, "toggled", G_CALLBACK (apply_filters), self, G_CONNECT_SWAPPED);
  gtk_flow_box_insert (GTK_FLOW_BOX (flow), check, -1);

  return check;
}

static GtkWidget *
filter_flow (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);

  return flow;
}

static GtkDropDown *
filter_dropdown (SbIncidentsPage *self,
                 GtkWidget       *grid,
                 int              row,
                 const char      *title,
                 const char * const *items)
{
  GtkWidget *label = new_label (FALSE);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_label_set_label (GTK_LABEL (label), title);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_widget_set_hexpand (dropdown, TRUE);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (apply_filters), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), dropdown, 1, row, 1, 1);

  return GTK_DROP_DOWN (dropdown);
}

static void
build_filters (SbIncidentsPage *self)
{
  GtkWidget *flow;
  GtkWidget *box;
  GtkWidget *grid;
  GtkWidget *clear;
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();

  self->building_filters = TRUE;

  gtk_box_append (self->filter_box, filter_heading (_("Status")));
  flow = filter_flow ();
  for (guint i = 0; i < SB_INCIDENT_N_STATUSES; i++)
    self->status_checks[i] = filter_check (self, sb_incident_status_get_label (i), flow);
  gtk_box_append (self->filter_box, flow);

  gtk_box_append (self->filter_box, filter_heading (_("Priority")));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf (C_("priority, short", "P%u"), i + 1);
      g_autofree char *tip = g_strdup_printf (_("Priority %u"), i + 1);

      self->priority_toggles[i] = gtk_toggle_button_new_with_label (text);
      gtk_widget_set_tooltip_text (self->priority_toggles[i], tip);
      g_signal_connect_object (self->priority_toggles[i], "toggled", G_CALLBACK (apply_filters),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), self->priority_toggles[i]);
    }
  gtk_box_append (self->filter_box, box);

  gtk_box_append (self->filter_box, filter_heading (_("SLA")));
  flow = filter_flow ();
  for (guint i = 0; i < G_N_ELEMENTS (sla_states); i++)
    self->sla_checks[i] = filter_check (self, sb_sla_state_get_label (sla_states[i]), flow);
  gtk_box_append (self->filter_box, flow);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 12);
  self->service_dropdown = filter_dropdown (self, grid, 0, _("Service"), NULL);
  self->customer_dropdown = filter_dropdown (self, grid, 1, _("Customer"), NULL);
  for (guint i = 0; period_labels[i] != NULL; i++)
    g_ptr_array_add (periods, (gpointer) _(period_labels[i]));
  g_ptr_array_add (periods, NULL);
  self->period_dropdown = filter_dropdown (self, grid, 2, _("Opened"),
                                           (const char * const *) periods->pdata);
  gtk_box_append (self->filter_box, grid);

  clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));
  gtk_widget_set_margin_top (clear, 12);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "page.clear-filters");
  gtk_box_append (self->filter_box, clear);

  self->building_filters = FALSE;
}

static void
clear_filters (SbIncidentsPage *self,
               gboolean         clear_search)
{
  self->building_filters = TRUE;
  for (guint i = 0; i < SB_INCIDENT_N_STATUSES; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->status_checks[i]), FALSE);
  for (guint i = 0; i < 5; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->priority_toggles[i]), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (sla_states); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->sla_checks[i]), FALSE);
  gtk_drop_down_set_selected (self->service_dropdown, 0);
  gtk_drop_down_set_selected (self->customer_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_ALL);
  if (clear_search)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->building_filters = FALSE;

  apply_filters (self);
}

/* Callbacks */

static void
on_list_items_changed_before_cb (SbIncidentsPage *self)
{
  /* The selection drops its item while the list re-queries; that is not
   * the person choosing another incident. */
  self->requerying++;
}

static void
on_list_items_changed_after_cb (SbIncidentsPage *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected_id != NULL)
    position = sb_incident_list_find (self->list, self->selected_id);

  /* An incident that left the view stays in the detail (it was just
   * resolved, say); only the list no longer marks it. */
  gtk_single_selection_set_selected (self->selection, position);
  self->requerying--;

  update_detail_title (self);
  update_content_page (self);
}

static void
on_list_error_cb (SbIncidentsPage *self,
                  GError          *error)
{
  show_error (self, error);
}

static void
on_selected_item_changed_cb (SbIncidentsPage *self)
{
  SbIncidentRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (self->requerying > 0 || self->detail == NULL)
    return;

  show_incident (self, row != NULL ? sb_incident_row_get_id (row) : NULL);
  update_detail_title (self);

  if (row == NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_row_activated_cb (SbIncidentsPage *self,
                     guint            position)
{
  g_autoptr(SbIncidentRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row == NULL)
    return;

  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);

  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

static void
on_folded_changed_cb (SbIncidentsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && self->selected_id == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_view_selected_cb (SbIncidentsPage *self)
{
  g_autoptr(SbIncidentFilter) filter = NULL;
  guint selected = gtk_drop_down_get_selected (self->view_dropdown);

  if (self->building_filters || self->list == NULL || selected >= G_N_ELEMENTS (views))
    return;

  filter = sb_incident_filter_copy (sb_incident_list_get_filter (self->list));
  filter->view = views[selected].view;
  set_filter (self, filter);
}

static void
on_search_changed_cb (SbIncidentsPage *self)
{
  if (self->list != NULL)
    apply_filters (self);
}

static void
on_search_stop_cb (SbIncidentsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_search_activate_cb (SbIncidentsPage *self)
{
  /* Enter in the search goes to the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  scroll_to (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_store_changed_cb (SbIncidentsPage *self,
                     const char      *table)
{
  /* The list follows the store by itself; the view counts do not. */
  update_view_labels (self);
}

static gboolean
on_clock_tick_cb (gpointer user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (user_data);

  sb_incident_list_refresh_clocks (self->list);
  sb_incident_detail_refresh (self->detail);
  update_view_labels (self);

  return G_SOURCE_CONTINUE;
}

static void
on_undo_delete_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (user_data);
  const char *id = g_object_get_data (G_OBJECT (toast), "incident-id");
  g_autoptr(GError) error = NULL;

  if (!sb_incidents_undelete (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  sb_incidents_page_select_incident (self, id);
}

static void
on_incident_created_cb (SbIncidentsPage *self,
                        const char      *id)
{
  sb_incidents_page_select_incident (self, id);
}

static void
on_undo_import_cb (AdwToast *toast,
                   gpointer  user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (user_data);
  g_autoptr(GError) error = NULL;

  if (!sb_incident_import_undo (self->store, g_object_get_data (G_OBJECT (toast), "batch-id"), &error))
    show_error (self, error);
}

static void
on_incidents_imported_cb (SbIncidentsPage *self,
                          const char      *batch_id,
                          guint            n_incidents)
{
  g_autofree char *title = g_strdup_printf (ngettext ("Imported %u incident",
                                                      "Imported %u incidents", n_incidents),
                                            n_incidents);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "batch-id", g_strdup (batch_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_import_cb), self, 0);
  add_toast (self, toast);
}

static void
on_import_file_chosen_cb (GtkNativeDialog *chooser,
                          int              response,
                          SbIncidentsPage *self)
{
  g_autoptr(GFile) file = NULL;
  SbIncidentImportDialog *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  dialog = sb_incident_import_dialog_new (parent_window (self), self->store, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_incidents_imported_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_file_chosen_cb (GtkNativeDialog *chooser,
                          int              response,
                          SbIncidentsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  if (!sb_incident_csv_export_to_file (self->store, sb_incident_list_get_filter (self->list),
                                       file, SB_CSV_WRITE_DEFAULT, &error))
    {
      show_error (self, error);
      return;
    }

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported the list to %s"), name);
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    add_toast (self, adw_toast_new (escaped));
  }
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");

  return filter;
}

/* One-key actions: the detail's "incident" actions, from the list or the
 * detail.  They never see keys typed into an entry: those stop there. */
static gboolean
incident_key_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (gtk_widget_get_ancestor (widget, SB_TYPE_INCIDENTS_PAGE));
  const char *action = g_variant_get_string (args, NULL);

  if (self == NULL || self->selected_id == NULL)
    return FALSE;   /* on the list with nothing selected: typing searches */

  if (g_strcmp0 (action, "delete") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "page.delete", NULL);
    }
  else
    {
      GActionGroup *actions = sb_incident_detail_get_actions (self->detail);

      /* The lifecycle decides: H on a closed incident only beeps. */
      if (actions != NULL && g_action_group_get_action_enabled (actions, action))
        g_action_group_activate_action (actions, action, NULL);
      else
        gtk_widget_error_bell (widget);
    }

  return TRUE;
}

static void
add_incident_keys (GtkWidget *widget)
{
  static const struct
  {
    guint       key;
    const char *action;
  } keys[] = {
    { GDK_KEY_r, "respond" },
    { GDK_KEY_w, "start" },
    { GDK_KEY_h, "hold" },
    { GDK_KEY_s, "resolve" },
    { GDK_KEY_c, "close" },
    { GDK_KEY_o, "reopen" },
    { GDK_KEY_n, "note" },
    { GDK_KEY_e, "edit" },
    { GDK_KEY_Delete, "delete" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  gtk_event_controller_set_name (controller, "sb-incident-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keys[i].key, 0),
                                         gtk_callback_action_new (incident_key_cb, NULL, NULL),
                                         "s", keys[i].action);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  gtk_widget_add_controller (widget, controller);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  SbIncidentNewDialog *dialog = sb_incident_new_dialog_new (parent_window (self), self->store);

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_incident_created_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Incidents"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Incidents"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("incidents.csv"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SbIncident) incident = NULL;
  g_autofree char *id = g_strdup (self->selected_id);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (id == NULL)
    return;

  incident = sb_incidents_get (self->store, id, NULL);
  if (!sb_incidents_delete (self->store, id, &error))
    {
      show_error (self, error);
      return;
    }

  show_incident (self, NULL);
  update_detail_title (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  title = g_strdup_printf (_("Incident %s deleted"),
                           incident != NULL ? sb_incident_get_reference (incident) : "");
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "incident-id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  add_toast (self, toast);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "list");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  SbIncidentView view;

  if (view_from_name (g_variant_get_string (parameter, NULL), &view))
    sb_incidents_page_show_view (self, view);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  clear_filters (SB_INCIDENTS_PAGE (widget), TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static gboolean
back_to_list_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  if (!adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0)
    return FALSE;

  back_action (widget, "page.back", NULL);
  return TRUE;
}

static void
forward_header_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_autofree char *name = g_strconcat ("page.", g_action_get_name (G_ACTION (action)), NULL);

  gtk_widget_activate_action (GTK_WIDGET (user_data), name, NULL);
}

/* GObject */

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;

  /* Priority pills: the number is always written; the colour only helps. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
    ".sb-priority { border-radius: 999px; padding: 0 8px; font-weight: bold;"
    "  font-feature-settings: \"tnum\"; min-width: 20px; }"
    ".sb-priority-1 { background-color: @error_bg_color; color: @error_fg_color; }"
    ".sb-priority-2 { background-color: @warning_bg_color; color: @warning_fg_color; }"
    ".sb-priority-3 { background-color: @accent_bg_color; color: @accent_fg_color; }"
    ".sb-priority-4 { background-color: alpha(currentColor, 0.12); }"
    ".sb-priority-5 { background-color: alpha(currentColor, 0.06); }",
    -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The page lays out its one child itself, to choose the list's columns
 * for the width it is about to get (update_columns). */
static void
sb_incidents_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->content_stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  /* The columns shown follow the width given, so they never make the
   * page ask for more than the narrowest list. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MIN (*minimum, LIST_MIN_WIDTH);
}

static void
sb_incidents_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);
  int detail_min, detail_nat;
  int list_width = width;

  /* A first guess of the list's width, so that the list is never given
   * less than its columns need: the leaflet shows both panes when their
   * minimum widths fit, the detail at about its natural width. */
  gtk_widget_measure (GTK_WIDGET (self->detail_pane), GTK_ORIENTATION_HORIZONTAL, -1,
                      &detail_min, &detail_nat, NULL, NULL);
  if (width >= LIST_MIN_WIDTH + 1 + detail_min)
    list_width = MAX (LIST_MIN_WIDTH, width - 1 - detail_nat);
  update_columns (self, list_width);

  gtk_widget_allocate (GTK_WIDGET (self->content_stack), width, height, baseline, NULL);

  /* Then the width it really got; a change of columns can move the
   * panes' border a little, so settle in a few rounds at most. */
  for (guint round = 0; round < 3; round++)
    {
      int got = gtk_widget_get_width (GTK_WIDGET (self->list_scroller));

      if (got <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->list_scroller)) ||
          !update_columns (self, got))
        break;
      gtk_widget_allocate (GTK_WIDGET (self->content_stack), width, height, baseline, NULL);
    }
}

static void
sb_incidents_page_map (GtkWidget *widget)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  GTK_WIDGET_CLASS (sb_incidents_page_parent_class)->map (widget);

  /* Clocks move while the page is shown: catch up, then once a minute. */
  if (self->list != NULL && self->clock_id == 0)
    {
      on_clock_tick_cb (self);
      self->clock_id = g_timeout_add_seconds (CLOCK_INTERVAL_SECONDS, on_clock_tick_cb, self);
    }
}

static void
sb_incidents_page_unmap (GtkWidget *widget)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  GTK_WIDGET_CLASS (sb_incidents_page_parent_class)->unmap (widget);
}

static void
sb_incidents_page_constructed (GObject *object)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);
  g_autoptr(SbIncidentFilter) filter = NULL;
  g_autoptr(GtkStringList) view_labels = gtk_string_list_new (NULL);
  static const char * const header_actions[] = { "new", "import", "export" };

  G_OBJECT_CLASS (sb_incidents_page_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_string_list_append (view_labels, sb_incident_view_get_label (views[i].view));
  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (view_labels));

  build_filters (self);

  /* The list starts on the Open view, newest first. */
  self->list = sb_incident_list_new (self->store);
  filter = sb_incident_filter_new ();
  filter->view = SB_INCIDENT_VIEW_OPEN;
  filter->sort = SB_INCIDENT_SORT_OPENED;
  filter->descending = TRUE;
  sb_incident_list_set_filter (self->list, filter);

  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (on_list_items_changed_before_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (on_list_items_changed_after_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->list, "error", G_CALLBACK (on_list_error_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));

  build_columns (self);

  self->detail = SB_INCIDENT_DETAIL (sb_incident_detail_new (self->store));
  gtk_widget_set_vexpand (GTK_WIDGET (self->detail), TRUE);
  gtk_box_append (self->detail_pane, GTK_WIDGET (self->detail));

  add_incident_keys (GTK_WIDGET (self->column_view));
  add_incident_keys (GTK_WIDGET (self->detail));
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);

  self->header_actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (header_actions); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (header_actions[i], NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (forward_header_action_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->header_actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (self->header_box, "incidents", G_ACTION_GROUP (self->header_actions));

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (on_store_changed_cb),
                                              self, G_CONNECT_SWAPPED);

  update_view_labels (self);
  update_filter_indicator (self);
  update_content_page (self);
}

static void
sb_incidents_page_dispose (GObject *object)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  self->updating_columns = TRUE;
  if (self->header_box != NULL)
    gtk_widget_insert_action_group (self->header_box, "incidents", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_INCIDENTS_PAGE);
  self->detail = NULL;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->list);
  g_clear_object (&self->header_actions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_incidents_page_parent_class)->dispose (object);
}

static void
sb_incidents_page_finalize (GObject *object)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);

  g_free (self->selected_id);
  g_ptr_array_unref (self->service_ids);
  g_ptr_array_unref (self->customer_ids);

  G_OBJECT_CLASS (sb_incidents_page_parent_class)->finalize (object);
}

static void
sb_incidents_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->header_box);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incidents_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbIncidentsPage *self = SB_INCIDENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incidents_page_class_init (SbIncidentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_incidents_page_constructed;
  object_class->dispose = sb_incidents_page_dispose;
  object_class->finalize = sb_incidents_page_finalize;
  object_class->get_property = sb_incidents_page_get_property;
  object_class->set_property = sb_incidents_page_set_property;

  widget_class->measure = sb_incidents_page_measure;
  widget_class->size_allocate = sb_incidents_page_size_allocate;
  widget_class->map = sb_incidents_page_map;
  widget_class->unmap = sb_incidents_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SbIncidentsPage:header-widget:
   *
   * The page's buttons for the window's header bar (New, Import, Export).
   */
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SbIncidentsPage:compact:
   *
   * Whether the list is narrow enough that rows carry their reference
   * and status under the title instead of in columns.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-incidents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SbIncidentsPage, detail_title);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "page.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_to_list_cb, NULL);
}

static void
sb_incidents_page_init (SbIncidentsPage *self)
{
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->customer_ids = g_ptr_array_new_with_free_func (g_free);
  self->period = PERIOD_ALL;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

SbStore *
sb_incidents_page_get_store (SbIncidentsPage *self)
{
  g_return_val_if_fail (SB_IS_INCIDENTS_PAGE (self), NULL);

  return self->store;
}

/**
 * sb_incidents_page_get_list:
 * @self: an incidents page
 *
 * Returns: (transfer none): the list the column view shows
 */
SbIncidentList *
sb_incidents_page_get_list (SbIncidentsPage *self)
{
  g_return_val_if_fail (SB_IS_INCIDENTS_PAGE (self), NULL);

  return self->list;
}

/**
 * sb_incidents_page_get_detail:
 * @self: an incidents page
 *
 * Returns: (transfer none): the SbIncidentDetail of the detail pane
 */
GtkWidget *
sb_incidents_page_get_detail (SbIncidentsPage *self)
{
  g_return_val_if_fail (SB_IS_INCIDENTS_PAGE (self), NULL);

  return GTK_WIDGET (self->detail);
}

/**
 * sb_incidents_page_show_view:
 * @self: an incidents page
 * @view: the view to show
 *
 * Switches to @view, keeping the search and filters.
 */
void
sb_incidents_page_show_view (SbIncidentsPage *self,
                             SbIncidentView   view)
{
  g_return_if_fail (SB_IS_INCIDENTS_PAGE (self));

  /* The drop-down's handler sets the filter. */
  gtk_drop_down_set_selected (self->view_dropdown, view_index (view));
  on_view_selected_cb (self);
}

/**
 * sb_incidents_page_select_incident:
 * @self: an incidents page
 * @id: (nullable): an incident id, or %NULL for none
 *
 * Selects the incident and shows it in the detail.  When the current
 * view, search or filters hide it, they make way: first the Open view
 * without filters, then all incidents.
 */
void
sb_incidents_page_select_incident (SbIncidentsPage *self,
                                   const char      *id)
{
  guint position;

  g_return_if_fail (SB_IS_INCIDENTS_PAGE (self));

  if (id == NULL)
    {
      select_position (self, GTK_INVALID_LIST_POSITION);
      show_incident (self, NULL);
      return;
    }

  /* Known before the list moves, so a re-query keeps it selected. */
  show_incident (self, id);

  position = sb_incident_list_find (self->list, id);
  if (position == G_MAXUINT)
    {
      /* Just written: the list may not have re-read the book yet. */
      sb_incident_list_reload (self->list);
      position = sb_incident_list_find (self->list, id);
    }
  if (position == G_MAXUINT)
    {
      clear_filters (self, TRUE);
      sb_incidents_page_show_view (self, SB_INCIDENT_VIEW_OPEN);
      position = sb_incident_list_find (self->list, id);
    }
  if (position == G_MAXUINT)
    {
      sb_incidents_page_show_view (self, SB_INCIDENT_VIEW_ALL);
      position = sb_incident_list_find (self->list, id);
    }

  select_position (self, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  update_content_page (self);
}

/**
 * sb_incidents_page_show_target:
 * @self: an incidents page
 * @target: "view:NAME" (open, at-risk, breached, major,
 *   recently-resolved, all), "on-hold" (the open ones on hold) or
 *   "incident:ID"
 *
 * What the Overview's links ask for (the window's win.show-incidents).
 */
void
sb_incidents_page_show_target (SbIncidentsPage *self,
                               const char      *target)
{
  SbIncidentView view;

  g_return_if_fail (SB_IS_INCIDENTS_PAGE (self));
  g_return_if_fail (target != NULL);

  if (g_str_has_prefix (target, "incident:"))
    {
      sb_incidents_page_select_incident (self, target + strlen ("incident:"));
      adw_leaflet_set_visible_child_name (self->leaflet, "detail");
      return;
    }

  clear_filters (self, TRUE);
  if (g_strcmp0 (target, "on-hold") == 0)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->status_checks[SB_INCIDENT_ON_HOLD]), TRUE);
      sb_incidents_page_show_view (self, SB_INCIDENT_VIEW_OPEN);
    }
  else if (g_str_has_prefix (target, "view:") && view_from_name (target + strlen ("view:"), &view))
    {
      sb_incidents_page_show_view (self, view);
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}
