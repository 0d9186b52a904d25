/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-incidents.h"
#include "sb-report-output.h"
#include "sb-reports-page-private.h"

/* The Reports page: the reports on the left; on the right the chosen
 * one's period, filters and paper, and its pages previewed by the same
 * renderer that prints them and writes the PDF.
 *
 * The store may only be read on the main thread, so a report is built
 * there: a short while after the last change of its settings (so a
 * person going through the periods with the keyboard does not build each
 * one), with a spinner shown for the moment it takes. */

#define BUILD_DELAY_MS 200


enum {
  PROP_0,
  PROP_STORE,
  PROP_HEADER_WIDGET,
  PROP_CAN_NAVIGATE_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbReportsPage, sb_reports_page, ADW_TYPE_BIN)

static void schedule_build (SbReportsPage *self,
                            guint          delay_ms);

/* Showing the report */

static void
update_actions (SbReportsPage *self)
{
  gboolean have = self->document != NULL;
  const char *names[] = { "print", "export-pdf", "export-csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                              names[i])),
                                 have);
}

static void
show_problem (SbReportsPage *self,
              const char    *title,
              const char    *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  sb_report_preview_set_renderer (self->preview, NULL);

  adw_status_page_set_title (self->problem_page, title);
  adw_status_page_set_description (self->problem_page, message);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "problem");
  update_actions (self);
}

static void
render (SbReportsPage *self)
{
  SbReportPageSetup setup;
  guint page = sb_report_preview_get_page (self->preview);

  if (self->document == NULL)
    return;

  sb_reports_page_read_page_setup (self, &setup);
  g_clear_object (&self->renderer);
  self->renderer = sb_report_renderer_new (self->document, &setup);
  sb_report_preview_set_renderer (self->preview, self->renderer);
  sb_report_preview_set_page (self->preview, page);
}

static void
build (SbReportsPage *self)
{
  g_autoptr(SbReportDocument) document = NULL;
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  SbReportFilters filters = { 0 };
  const SbReportPeriod *period = NULL;
  guint period_index = adw_combo_row_get_selected (self->period_row);
  gboolean same_report;

  if (self->info == NULL || self->store == NULL)
    return;

  if (period_index < self->periods->len)
    period = &g_array_index (self->periods, SbReportPeriod, period_index);

  filters.customer_id = sb_reports_page_chosen_id (self->customer_row, self->customer_ids);
  filters.service_id = sb_reports_page_chosen_id (self->service_row, self->service_ids);
  filters.supplier_id = sb_reports_page_chosen_id (self->supplier_row, self->supplier_ids);

  if (self->info->needs & SB_REPORT_NEEDS_INCIDENT)
    {
      g_autofree char *reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->incident_row))));

      if (*reference == '\0')
        {
          show_problem (self, _("Which Incident?"),
                        _("Enter the reference of the incident to print, as in INC-K7QX-0042. It is at the top of the incident’s page."));
          return;
        }
      incident = sb_incidents_find (self->store, reference);
      if (incident == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("No incident has the reference “%s”. Check it on the incident’s page."),
                                                      reference);

          show_problem (self, _("Which Incident?"), message);
          return;
        }
      filters.incident_id = sb_incident_get_id (incident);
    }

  if ((self->info->needs & SB_REPORT_NEEDS_SUPPLIER) && filters.supplier_id == NULL)
    {
      show_problem (self, _("Which Supplier?"), _("Choose a supplier for the supplier review."));
      return;
    }

  document = sb_reports_build (self->info, self->store, period, &filters, &error);
  if (document == NULL)
    {
      show_problem (self, _("The Report Could Not Be Made"), error->message);
      return;
    }

  same_report = self->document != NULL
                && g_strcmp0 (sb_report_document_get_title (self->document),
                              sb_report_document_get_title (document)) == 0;
  g_clear_pointer (&self->problem, g_free);
  g_set_object (&self->document, document);
  if (!same_report)
    sb_report_preview_set_renderer (self->preview, NULL);   /* from its first page */
  render (self);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  update_actions (self);
}

static gboolean
build_cb (gpointer user_data)
{
  SbReportsPage *self = SB_REPORTS_PAGE (user_data);

  self->build_source = 0;
  build (self);

  return G_SOURCE_REMOVE;
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  SbReportsPage *self = SB_REPORTS_PAGE (user_data);

  /* A frame with the spinner is drawn before the build takes the thread. */
  self->build_source = g_timeout_add (20, build_cb, self);
  return G_SOURCE_REMOVE;
}

static void
schedule_build (SbReportsPage *self,
                guint          delay_ms)
{
  if (self->info == NULL)
    return;

  g_clear_handle_id (&self->build_source, g_source_remove);
  self->stale = FALSE;

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "building");
  self->build_source = g_timeout_add (delay_ms, show_spinner_cb, self);
}

static void
show_report (SbReportsPage *self)
{
  guint needs = self->info->needs;
  guint accepts = self->info->accepts;

  gtk_label_set_label (self->title_label, _(self->info->title));
  gtk_label_set_label (self->description_label, _(self->info->description));

  gtk_widget_set_visible (self->period_group, !(needs & SB_REPORT_NEEDS_INCIDENT));
  gtk_widget_set_visible (GTK_WIDGET (self->incident_row), (needs & SB_REPORT_NEEDS_INCIDENT) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), (accepts & SB_REPORT_ACCEPTS_CUSTOMER) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->service_row), (accepts & SB_REPORT_ACCEPTS_SERVICE) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->supplier_row),
                          (accepts & SB_REPORT_ACCEPTS_SUPPLIER) || (needs & SB_REPORT_NEEDS_SUPPLIER));
  gtk_widget_set_visible (self->filters_group,
                          (needs & (SB_REPORT_NEEDS_INCIDENT | SB_REPORT_NEEDS_SUPPLIER)) || accepts != 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->supplier_row),
                                 sb_reports_page_needs_supplier (self) ? _("Su_pplier (required)") : _("Su_pplier"));
  sb_reports_page_fill_filters (self);

  gtk_stack_set_visible_child_name (self->detail_stack, "report");
  g_clear_object (&self->document);
  sb_report_preview_set_renderer (self->preview, NULL);
  schedule_build (self, 0);
}

/* Navigation */

static void
update_can_navigate_back (SbReportsPage *self)
{
  gboolean can = adw_leaflet_get_folded (self->leaflet) &&
                 g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;

  if (can == self->can_navigate_back)
    return;

  self->can_navigate_back = can;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_NAVIGATE_BACK]);
}

static void
on_folded_changed_cb (SbReportsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Narrow: the settings above the preview, scrolling if they need more
   * than a third of the height; wide: side by side. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body_box),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body_separator),
                                  folded ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_scrolled_window_set_max_content_height (self->settings_scroller, folded ? 300 : -1);
  gtk_widget_set_vexpand (GTK_WIDGET (self->settings_scroller), !folded);

  if (folded && self->info == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "list");

  update_can_navigate_back (self);
}

static void
on_leaflet_visible_child_cb (SbReportsPage *self)
{
  update_can_navigate_back (self);
}

/* A click, or Enter on the row with the focus, opens the report; moving
 * the focus along the list does not build each report it passes. */
static void
show_row (SbReportsPage *self,
          GtkListBoxRow *row)
{
  const SbReportInfo *reports;
  guint n_reports;
  int index;

  if (row == NULL)
    return;

  reports = sb_reports_get_all (&n_reports);
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= n_reports || self->info == &reports[index])
    return;

  self->info = &reports[index];
  show_report (self);
}

static void
on_report_activated_cb (SbReportsPage *self,
                        GtkListBoxRow *row)
{
  show_row (self, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_period_kind_changed_cb (SbReportsPage *self)
{
  if (self->store == NULL)
    return;

  sb_reports_page_fill_periods (self);
  schedule_build (self, BUILD_DELAY_MS);
}

static void
on_setting_changed_cb (SbReportsPage *self)
{
  if (self->loading)
    return;

  schedule_build (self, BUILD_DELAY_MS);
}

static void
on_store_changed_cb (SbReportsPage *self,
                     const char    *table)
{
  if (g_strcmp0 (table, "customers") == 0 || g_strcmp0 (table, "services") == 0
      || g_strcmp0 (table, "suppliers") == 0)
    sb_reports_page_fill_filters (self);

  if (self->info == NULL)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    schedule_build (self, BUILD_DELAY_MS);
  else
    self->stale = TRUE;
}

static void
on_map_cb (SbReportsPage *self)
{
  if (self->stale)
    schedule_build (self, 0);
}

/* Actions */

static void
print_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  SbReportsPage *self = SB_REPORTS_PAGE (user_data);
  SbReportPageSetup setup;

  if (self->document == NULL)
    return;

  sb_reports_page_read_page_setup (self, &setup);
  sb_report_print_from_page (GTK_WIDGET (self), self->document, &setup,
                             (int) sb_report_preview_get_page (self->preview));
}

static void
export_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  SbReportsPage *self = SB_REPORTS_PAGE (user_data);
  SbReportFormat format = g_str_equal (g_action_get_name (G_ACTION (action)), "export-csv")
                          ? SB_REPORT_FORMAT_CSV : SB_REPORT_FORMAT_PDF;
  SbReportPageSetup setup;

  if (self->document == NULL)
    return;

  sb_reports_page_read_page_setup (self, &setup);
  sb_report_export (GTK_WIDGET (self), self->document, &setup, format);
}

static void
turn_page_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SbReportsPage *self = SB_REPORTS_PAGE (user_data);
  guint page = sb_report_preview_get_page (self->preview);

  if (g_str_equal (g_action_get_name (G_ACTION (action)), "next-page"))
    sb_report_preview_set_page (self->preview, page + 1);
  else if (page > 0)
    sb_report_preview_set_page (self->preview, page - 1);
}

static void
back_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  SbReportsPage *self = SB_REPORTS_PAGE (user_data);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->report_list));
}

static void
fill_report_list (SbReportsPage *self)
{
  const SbReportInfo *reports;
  guint n_reports;

  reports = sb_reports_get_all (&n_reports);
  for (guint i = 0; i < n_reports; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (_(reports[i].title));
      GtkWidget *description = gtk_label_new (_(reports[i].description));

      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 40);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_widget_add_css_class (description, "caption");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), description);
      gtk_list_box_append (self->report_list, box);
    }
}

/* GObject */

static void
sb_reports_page_constructed (GObject *object)
{
  SbReportsPage *self = SB_REPORTS_PAGE (object);

  G_OBJECT_CLASS (sb_reports_page_parent_class)->constructed (object);

  g_return_if_fail (SB_IS_STORE (self->store));

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (on_store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  sb_reports_page_fill_periods (self);
  sb_reports_page_fill_filters (self);
}

static void
sb_reports_page_dispose (GObject *object)
{
  SbReportsPage *self = SB_REPORTS_PAGE (object);

  g_clear_handle_id (&self->build_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_REPORTS_PAGE);

  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  g_clear_object (&self->actions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_reports_page_parent_class)->dispose (object);
}

static void
sb_reports_page_finalize (GObject *object)
{
  SbReportsPage *self = SB_REPORTS_PAGE (object);

  g_free (self->problem);
  g_array_unref (self->periods);
  g_ptr_array_unref (self->customer_ids);
  g_ptr_array_unref (self->service_ids);
  g_ptr_array_unref (self->supplier_ids);

  G_OBJECT_CLASS (sb_reports_page_parent_class)->finalize (object);
}

static void
sb_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SbReportsPage *self = SB_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->header_box);
      break;

    case PROP_CAN_NAVIGATE_BACK:
      g_value_set_boolean (value, self->can_navigate_back);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SbReportsPage *self = SB_REPORTS_PAGE (object);

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
sb_reports_page_class_init (SbReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_reports_page_constructed;
  object_class->dispose = sb_reports_page_dispose;
  object_class->finalize = sb_reports_page_finalize;
  object_class->get_property = sb_reports_page_get_property;
  object_class->set_property = sb_reports_page_set_property;

  /**
   * SbReportsPage:store:
   *
   * The book the reports are made from.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SbReportsPage:header-widget:
   *
   * Print and Export, shown by the window at the end of its header bar.
   */
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SbReportsPage:can-navigate-back:
   *
   * Whether the page is folded on a report's settings and preview, so
   * that Back (page.back) returns to the list of reports.
   */
  properties[PROP_CAN_NAVIGATE_BACK] =
    g_param_spec_boolean ("can-navigate-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_REPORT_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servicebook/Servicebook/sb-reports-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SbReportsPage, name)
  BIND (header_box);
  BIND (leaflet);
  BIND (report_list);
  BIND (detail_stack);
  BIND (body_box);
  BIND (body_separator);
  BIND (settings_scroller);
  BIND (title_label);
  BIND (description_label);
  BIND (period_group);
  BIND (period_kind_row);
  BIND (period_row);
  BIND (period_names);
  BIND (filters_group);
  BIND (incident_row);
  BIND (customer_row);
  BIND (customer_names);
  BIND (service_row);
  BIND (service_names);
  BIND (supplier_row);
  BIND (supplier_names);
  BIND (paper_row);
  BIND (orientation_row);
  BIND (preview_stack);
  BIND (preview);
  BIND (spinner);
  BIND (problem_page);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setting_changed_cb);
}

static void
sb_reports_page_init (SbReportsPage *self)
{
  static const GActionEntry entries[] = {
    { "print", print_cb, NULL, NULL, NULL },
    { "export-pdf", export_cb, NULL, NULL, NULL },
    { "export-csv", export_cb, NULL, NULL, NULL },
    { "previous-page", turn_page_cb, NULL, NULL, NULL },
    { "next-page", turn_page_cb, NULL, NULL, NULL },
    { "back", back_cb, NULL, NULL, NULL },
  };

  self->periods = g_array_new (FALSE, TRUE, sizeof (SbReportPeriod));
  self->customer_ids = g_ptr_array_new_with_free_func (g_free);
  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->supplier_ids = g_ptr_array_new_with_free_func (g_free);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  /* One group for the page and for its header widget, which sits in the
   * window's header bar outside the page: the same actions, enabled and
   * disabled together. */
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "page", G_ACTION_GROUP (self->actions));
  gtk_widget_insert_action_group (self->header_box, "page", G_ACTION_GROUP (self->actions));

  adw_combo_row_set_selected (self->paper_row,
                              sb_report_paper_for_locale (NULL) == SB_REPORT_PAPER_LETTER ? 1 : 0);
  g_signal_connect_swapped (self, "map", G_CALLBACK (on_map_cb), self);

  fill_report_list (self);
  update_actions (self);
}

/* Public API */

/**
 * sb_reports_page_new:
 * @store: the book
 *
 * Returns: (transfer full): a new Reports page
 */
GtkWidget *
sb_reports_page_new (SbStore *store)
{
  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  return g_object_new (SB_TYPE_REPORTS_PAGE, "store", store, NULL);
}

/**
 * sb_reports_page_select_report:
 * @self: a Reports page
 * @name: a report's name, as in "incident-log"
 *
 * Chooses a report as a click on it in the list does.
 *
 * Returns: %TRUE if there is a report of that name
 */
gboolean
sb_reports_page_select_report (SbReportsPage *self,
                               const char    *name)
{
  const SbReportInfo *reports;
  guint n_reports;

  g_return_val_if_fail (SB_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  reports = sb_reports_get_all (&n_reports);
  for (guint i = 0; i < n_reports; i++)
    {
      if (g_strcmp0 (reports[i].name, name) == 0)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->report_list, (int) i);

          gtk_list_box_select_row (self->report_list, row);
          on_report_activated_cb (self, row);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sb_reports_page_build_now:
 * @self: a Reports page
 *
 * Builds the report now if a change of its settings is waiting for it.
 */
void
sb_reports_page_build_now (SbReportsPage *self)
{
  g_return_if_fail (SB_IS_REPORTS_PAGE (self));

  if (self->build_source == 0)
    return;

  g_clear_handle_id (&self->build_source, g_source_remove);
  build (self);
}

/**
 * sb_reports_page_get_document:
 * @self: a Reports page
 *
 * Returns: (transfer none) (nullable): the report as previewed, %NULL
 *   while it is being made or when it cannot be
 */
SbReportDocument *
sb_reports_page_get_document (SbReportsPage *self)
{
  g_return_val_if_fail (SB_IS_REPORTS_PAGE (self), NULL);

  return self->build_source == 0 ? self->document : NULL;
}

/**
 * sb_reports_page_get_problem:
 * @self: a Reports page
 *
 * Returns: (nullable): why the chosen report cannot be made, in words
 */
const char *
sb_reports_page_get_problem (SbReportsPage *self)
{
  g_return_val_if_fail (SB_IS_REPORTS_PAGE (self), NULL);

  return self->problem;
}

/**
 * sb_reports_page_get_preview:
 * @self: a Reports page
 *
 * Returns: (transfer none): the preview of the pages
 */
SbReportPreview *
sb_reports_page_get_preview (SbReportsPage *self)
{
  g_return_val_if_fail (SB_IS_REPORTS_PAGE (self), NULL);

  return self->preview;
}

/**
 * sb_reports_page_export_to_file:
 * @self: a Reports page
 * @format: PDF or CSV
 * @file: where to write it
 * @error: return location for a #GError
 *
 * Writes the report previewed, on the paper chosen, as Export PDF… and
 * Export CSV… do with the file chosen.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sb_reports_page_export_to_file (SbReportsPage   *self,
                                SbReportFormat   format,
                                GFile           *file,
                                GError         **error)
{
  SbReportPageSetup setup;

  g_return_val_if_fail (SB_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  sb_reports_page_build_now (self);
  if (self->document == NULL)
    {
      g_set_error_literal (error, SB_REPORT_ERROR, SB_REPORT_ERROR_INVALID,
                           self->problem != NULL ? self->problem : _("Choose a report first."));
      return FALSE;
    }

  sb_reports_page_read_page_setup (self, &setup);
  return sb_report_export_to_file (self->document, &setup, format, file, error);
}
