/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-incidents-page-private.h"

/* The filter popover: status, priority, SLA, service, customer and
 * period, read with the search text into the list's filter. */

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

/* Filters */

static guint
count_active_filters (const SbIncidentFilter *filter)
{
  return (filter->statuses != 0) + (filter->priorities != 0) + (filter->service_id != NULL) +
         (filter->customer_id != NULL) + (filter->sla_states != 0) +
         (filter->opened_from_ms != SB_SLA_NO_TIME || filter->opened_to_ms != SB_SLA_NO_TIME);
}

void
sb_incidents_page_update_filter_indicator (SbIncidentsPage *self)
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
void
sb_incidents_page_apply_filters (SbIncidentsPage *self)
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

  sb_incidents_page_set_filter (self, filter);
  sb_incidents_page_update_filter_indicator (self);
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

void
sb_incidents_page_refresh_filter_choices (SbIncidentsPage *self)
{
  fill_catalog_dropdown (self, self->service_dropdown, self->service_ids, TRUE);
  fill_catalog_dropdown (self, self->customer_dropdown, self->customer_ids, FALSE);
}

static GtkWidget *
filter_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);

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

  g_signal_connect_object (check, "toggled", G_CALLBACK (sb_incidents_page_apply_filters), self, G_CONNECT_SWAPPED);
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
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_label (GTK_LABEL (label), title);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_widget_set_hexpand (dropdown, TRUE);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (sb_incidents_page_apply_filters), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), dropdown, 1, row, 1, 1);

  return GTK_DROP_DOWN (dropdown);
}

void
sb_incidents_page_build_filters (SbIncidentsPage *self)
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
      g_signal_connect_object (self->priority_toggles[i], "toggled", G_CALLBACK (sb_incidents_page_apply_filters),
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

void
sb_incidents_page_clear_filters (SbIncidentsPage *self,
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

  sb_incidents_page_apply_filters (self);
}

