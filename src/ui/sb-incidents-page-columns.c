/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-incidents-page-private.h"
#include "sb-incident-list.h"
#include "sb-time.h"

/* The incident list's columns: their cells, their sorting (in the
 * store) and which of them show at which width. */

/* Columns: title, sort key (-1: not sortable), fixed width (0: expands,
 * -1: as wide as its widest cell), and the list width from which the
 * column shows.  The visible columns' widths (the SLA's about 200 px)
 * leave the title at least about 230 px at the width they show at: the
 * title is what a person reads first.  The SLA column follows its text: a clock
 * is never cut or wrapped inside a duration ("2 h 10 min"). */

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
  [COL_SLA] = { N_("SLA"), -1, -1, 0 },
  [COL_SERVICE] = { N_("Service"), SB_INCIDENT_SORT_SERVICE, 90, 880 },
  [COL_CUSTOMER] = { N_("Customer"), SB_INCIDENT_SORT_CUSTOMER, 150, 1150 },
  [COL_OPENED] = { N_("Opened"), SB_INCIDENT_SORT_OPENED, 130, 1010 },
};

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

/* The clock the row's text describes (as the list does). */
static const SbSlaClock *
row_clock (SbIncidentRow *row)
{
  const SbSla *sla = sb_incident_row_get_sla (row);

  if (sla == NULL)
    return NULL;
  if (!sla->response.done && sla->response.target_minutes > 0)
    return &sla->response;

  return &sla->resolution;
}

static void
update_sla_cell (GtkWidget     *box,
                 SbIncidentRow *row)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  SbSlaState state = sb_incident_row_get_sla_state (row);
  const SbSlaClock *clock = row_clock (row);
  const char *full = sb_incident_row_get_sla_text (row);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  gboolean paused = FALSE;
  const char *icon_name = NULL;

  if (clock != NULL && !sb_incident_status_is_final (sb_incident_row_get_status (row)))
    paused = clock->paused && !clock->done && state != SB_SLA_STATE_BREACHED;

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
      icon_name = paused ? "media-playback-pause-symbolic" : "dialog-warning-symbolic";
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

  /* The pause icon already says "paused": the cell keeps to the time
   * left, so that the clock fits on one line; the tooltip says it all. */
  if (paused)
    {
      g_autofree char *duration = sb_duration_format (clock->remaining_minutes);

      /* Translators: %s is a duration such as "2 h 10 min" */
      text = g_strdup_printf (_("%s left"), duration);
    }
  else
    text = g_strdup (full);

  /* Breached, yet the clock shown still runs: the response was late. The
   * cell says so rather than a red "left" that reads as a contradiction. */
  if (state == SB_SLA_STATE_BREACHED && clock != NULL && clock->state != SB_SLA_STATE_BREACHED &&
      sb_incident_row_get_sla (row)->response.state == SB_SLA_STATE_BREACHED &&
      text != NULL && *text != '\0')
    {
      g_autofree char *shown = g_steal_pointer (&text);

      /* Translators: the response target was missed; the resolution clock
       * still runs: "response late · 1 h 21 min left" */
      text = g_strdup_printf (_("response late · %s"), shown);
    }

  if (full != NULL && *full != '\0')
    /* Translators: an SLA state and its clock in words: "Within target · paused, 1 h 5 min left" */
    tooltip = g_strdup_printf (C_("SLA state and clock", "%s · %s"), sb_sla_state_get_label (state), full);
  else
    tooltip = g_strdup (sb_sla_state_get_label (state));

  gtk_widget_set_visible (icon, icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (box, tooltip);
}

static void
on_row_clock_changed_cb (SbIncidentRow *row,
                         GParamSpec    *pspec,
                         GtkWidget     *box)
{
  update_sla_cell (box, row);
}

/* Short words for the hold reasons, for the list where "On hold:
 * Awaiting customer" would not fit; the tooltip has the full text. */
static const char *
hold_reason_short (const char *reason)
{
  if (g_strcmp0 (reason, "awaiting-customer") == 0)
    return C_("hold reason, short", "customer");
  if (g_strcmp0 (reason, "awaiting-supplier") == 0)
    return C_("hold reason, short", "supplier");
  if (g_strcmp0 (reason, "awaiting-change") == 0)
    return C_("hold reason, short", "change");
  if (g_strcmp0 (reason, "other") == 0)
    return C_("hold reason, short", "other");

  return sb_incident_hold_reason_get_label (reason);
}

/* The status in words: "On hold: Awaiting customer", or with @compact
 * "On hold · customer". */
static char *
status_text (SbIncidentRow *row,
             gboolean       compact)
{
  SbIncidentStatus status = sb_incident_row_get_status (row);
  const char *reason = sb_incident_row_get_hold_reason (row);

  if (status == SB_INCIDENT_ON_HOLD && reason != NULL && *reason != '\0')
    {
      if (compact)
        /* Translators: "On hold · customer": a status and a short hold reason */
        return g_strdup_printf (C_("status with short hold reason", "%s · %s"),
                                sb_incident_status_get_label (status),
                                hold_reason_short (reason));

      return g_strdup_printf (C_("status with hold reason", "%s: %s"),
                              sb_incident_status_get_label (status),
                              sb_incident_hold_reason_get_label (reason));
    }

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
        GtkWidget *label = new_label (FALSE);

        /* One line, never broken or cut inside a duration: the column is
         * as wide as its longest clock (about 200 px: the columns'
         * thresholds leave room for it), and the title gives way.  Kept
         * short by the pause icon standing for "paused". */
        gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
        gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
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
        g_autofree char *status = status_text (row, TRUE);
        g_autofree char *full_status = status_text (row, FALSE);
        g_autofree char *subtitle = g_strdup_printf (C_("reference and status", "%s · %s"),
                                                     sb_incident_row_get_reference (row), status);
        g_autofree char *tooltip = NULL;

        bind_priority (pill, row);
        gtk_widget_set_visible (major, sb_incident_row_get_major (row));
        gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (lines)),
                             sb_incident_row_get_title (row));
        gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (lines)), subtitle);
        /* Narrow, the tooltip also says the status in full. */
        if (self->compact && g_strcmp0 (status, full_status) != 0)
          tooltip = g_strdup_printf ("%s\n%s", sb_incident_row_get_title (row), full_status);
        gtk_widget_set_tooltip_text (lines, tooltip != NULL ? tooltip : sb_incident_row_get_title (row));
      }
      break;

    case COL_PRIORITY:
      bind_priority (child, row);
      break;

    case COL_STATUS:
      {
        g_autofree char *text = status_text (row, TRUE);
        g_autofree char *tooltip = status_text (row, FALSE);

        gtk_label_set_label (GTK_LABEL (child), text);
        gtk_widget_set_tooltip_text (child, tooltip);
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
gboolean
sb_incidents_page_update_columns (SbIncidentsPage *self,
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
      g_object_notify (G_OBJECT (self), "compact");
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

  sb_incidents_page_set_filter (self, filter);
}

void
sb_incidents_page_build_columns (SbIncidentsPage *self)
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
      else if (columns[i].width == 0)
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

void
sb_incidents_page_load_css (void)
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
