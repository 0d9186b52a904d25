/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sb-budget-figures.h"
#include "sb-budget-grid.h"
#include "sb-budgets.h"
#include "sb-budgets-page-private.h"
#include "sb-chart-view.h"
#include "sb-contracts.h"
#include "sb-costs-view.h"
#include "sb-money.h"
#include "sb-sample-data.h"
#include "sb-time.h"

/* The Budgets page: one budget at a time, chosen from the book's
 * budgets; its status and what can be done with it next (approve,
 * revise, close); its key figures for the period; a chart of plan and
 * costs per month; the grid of its lines by month.  A second view lists
 * the costs themselves (SbCostsView).  Every figure comes from
 * sb_budget_figures_compute(): nothing is summed here. */

enum {
  PROP_0,
  PROP_STORE,
  PROP_HEADER_WIDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbBudgetsPage, sb_budgets_page, ADW_TYPE_BIN)


void
sb_budgets_page_add_toast (SbBudgetsPage *self,
                           AdwToast      *toast)
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

void
sb_budgets_page_show_message (SbBudgetsPage *self,
                              const char    *message,
                              guint          timeout)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  sb_budgets_page_add_toast (self, toast);
}

void
sb_budgets_page_show_error (SbBudgetsPage *self,
                            const GError  *error)
{
  sb_budgets_page_show_message (self, error->message, 8);
}

GtkWindow *
sb_budgets_page_parent_window (SbBudgetsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

const char *
sb_budgets_page_budget_status (SbBudgetsPage *self)
{
  return self->budget != NULL ? sb_budget_get_status (self->budget) : NULL;
}

static char *
format_day (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso != NULL)
    g_date_set_parse (&date, iso);
  if (!g_date_valid (&date))
    return g_strdup (iso != NULL ? iso : "");

  return sb_date_format_local (&date);
}

/* What the budget is and what it allows, in words. */
static char *
describe_status (SbBudgetsPage *self,
                 GListModel    *budgets)
{
  const char *status = sb_budgets_page_budget_status (self);
  guint revision = sb_budget_get_revision (self->budget);
  g_autofree char *period = sb_fiscal_period_get_label (sb_budget_get_start (self->budget),
                                                        sb_budget_get_n_months (self->budget));

  if (g_strcmp0 (status, "approved") == 0)
    {
      g_autofree char *day = format_day (sb_budget_get_approved_on (self->budget));

      if (revision > 1)
        return g_strdup_printf (_("%s · Revision %u, approved on %s. Its plan is fixed: revise it to plan again; this version is kept."),
                                period, revision, day);
      return g_strdup_printf (_("%s · Approved on %s. Its plan is fixed: revise it to plan again; this version is kept."),
                              period, day);
    }

  if (g_strcmp0 (status, "superseded") == 0)
    {
      for (guint i = 0; budgets != NULL && i < g_list_model_get_n_items (budgets); i++)
        {
          g_autoptr(SbBudget) other = g_list_model_get_item (budgets, i);

          if (g_strcmp0 (sb_budget_get_revision_of (other), sb_budget_get_id (self->budget)) == 0)
            return g_strdup_printf (_("%s · Superseded by revision %u, kept for history."),
                                    period, sb_budget_get_revision (other));
        }
      return g_strdup_printf (_("%s · Superseded by a later revision, kept for history."), period);
    }

  if (g_strcmp0 (status, "closed") == 0)
    return g_strdup_printf (_("%s · Closed, kept for history."), period);

  if (revision > 1)
    return g_strdup_printf (_("%s · Draft of revision %u. Each amount is saved as you type it; approve it to replace the approved version."),
                            period, revision);
  return g_strdup_printf (_("%s · Draft. Each amount is saved as you type it; approve it when the plan is agreed."), period);
}

static void
update_actions (SbBudgetsPage *self)
{
  const char *status = sb_budgets_page_budget_status (self);
  gboolean draft = g_strcmp0 (status, "draft") == 0;
  gboolean approved = g_strcmp0 (status, "approved") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.approve", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.revise", approved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.close", approved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-line", draft);
  gtk_widget_set_visible (self->approve_button, draft);
  gtk_widget_set_visible (self->delete_button, draft);
  gtk_widget_set_visible (self->revise_button, approved);
  gtk_widget_set_visible (self->close_button, approved);
}

static GtkWidget *
add_key_figure (SbBudgetsPage *self,
                const char    *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("");
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (value, 12);
  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_end (value, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (self->figures_box, box);
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);

  return value;
}

static void
update_figures (SbBudgetsPage   *self,
                SbBudgetFigures *figures)
{
  const SbFiguresRow *total = sb_budget_figures_get_total (figures);
  const char *currency = sb_budget_figures_get_currency (figures);
  guint months = sb_budget_figures_get_n_months (figures);
  int current = sb_budget_figures_get_current (figures);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 planned[SB_FIGURES_MAX_MONTHS], actual[SB_FIGURES_MAX_MONTHS], forecast[SB_FIGURES_MAX_MONTHS];
  gint64 amounts[N_KEY_FIGURES - 1] = {
    total->planned_total, total->actual_to_date, total->committed_total, total->forecast,
  };
  g_autofree char *variance = sb_money_format (total->variance, currency);
  g_autofree char *variance_text = NULL;

  for (guint i = 0; i < N_KEY_FIGURES - 1; i++)
    {
      g_autofree char *text = sb_money_format (amounts[i], currency);

      gtk_label_set_label (GTK_LABEL (self->values[i]), text);
    }

  if (total->variance_defined)
    {
      g_autofree char *percent = sb_percent_bp_format (total->variance_bp, TRUE);

      if (total->variance > 0)
        {
          g_autofree char *signed_amount = g_strconcat ("+", variance, NULL);

          /* Translators: a variance and its percent, e.g. "+€1,200.00 (+4.0 %)" */
          variance_text = g_strdup_printf (_("%s (%s)"), signed_amount, percent);
        }
      else
        variance_text = g_strdup_printf (_("%s (%s)"), variance, percent);
    }
  else
    variance_text = g_strdup (variance);
  gtk_label_set_label (GTK_LABEL (self->values[N_KEY_FIGURES - 1]), variance_text);
  gtk_widget_remove_css_class (self->values[N_KEY_FIGURES - 1], "error");
  gtk_widget_remove_css_class (self->values[N_KEY_FIGURES - 1], "success");
  if (total->variance != 0)
    gtk_widget_add_css_class (self->values[N_KEY_FIGURES - 1], total->variance > 0 ? "error" : "success");

  /* The chart: plan and costs (committed included) per month as bars,
   * the expected spend per month as a line, and this month marked. */
  for (guint m = 0; m < months; m++)
    {
      SbMonth month = sb_budget_figures_get_start (figures) + m;
      gint64 spent = total->actual[m] + total->committed[m];

      g_ptr_array_add (labels, sb_month_get_label (month, m == 0 || sb_month_get_month (month) == 1));
      planned[m] = total->planned[m];
      actual[m] = spent;
      forecast[m] = (int) m <= current ? spent : MAX (spent, total->planned[m]);
    }

  sb_chart_view_clear (self->chart_view);
  sb_chart_view_set_currency (self->chart_view, currency);
  sb_chart_view_set_categories (self->chart_view, (const char * const *) labels->pdata, labels->len);
  sb_chart_view_add_series (self->chart_view, _("Planned"), SB_CHART_BARS, planned, months);
  sb_chart_view_add_series (self->chart_view, _("Actual and committed"), SB_CHART_BARS, actual, months);
  sb_chart_view_add_series (self->chart_view, _("Forecast"), SB_CHART_LINE, forecast, months);
  sb_chart_view_set_marker (self->chart_view, current >= 0 && (guint) current < months ? current : -1,
                            _("This month"));
}

static void
show_budget (SbBudgetsPage *self,
             GListModel    *budgets)
{
  g_autoptr(SbBudgetFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_clear_object (&self->budget);
  for (guint i = 0; budgets != NULL && i < g_list_model_get_n_items (budgets); i++)
    {
      g_autoptr(SbBudget) budget = g_list_model_get_item (budgets, i);

      if (g_strcmp0 (sb_budget_get_id (budget), self->budget_id) == 0)
        self->budget = g_steal_pointer (&budget);
    }

  g_clear_pointer (&self->status_text, g_free);
  if (self->budget == NULL)
    {
      gtk_stack_set_visible_child_name (self->budget_stack, "empty");
      sb_budget_grid_set_budget_id (self->grid, NULL);
      update_actions (self);
      return;
    }

  self->status_text = describe_status (self, budgets);
  gtk_label_set_label (self->status_label, self->status_text);
  gtk_stack_set_visible_child_name (self->budget_stack, "budget");

  sb_contracts_get_today (self->store, &today);
  figures = sb_budget_figures_compute (self->store, self->budget_id, &today, SB_FIGURES_BY_LINE, &error);
  if (figures == NULL)
    sb_budgets_page_show_error (self, error);
  else
    update_figures (self, figures);

  sb_budget_grid_set_budget_id (self->grid, self->budget_id);
  update_actions (self);
}

void
sb_budgets_page_refresh (SbBudgetsPage *self)
{
  g_autoptr(GListModel) budgets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  if (self->store == NULL)
    return;

  budgets = sb_budgets_list (self->store, &error);
  if (budgets == NULL)
    {
      sb_budgets_page_show_error (self, error);
      return;
    }

  /* A budget no longer there gives way to the current one. */
  n = g_list_model_get_n_items (budgets);
  g_ptr_array_set_size (self->budget_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbBudget) budget = g_list_model_get_item (budgets, i);
      g_autofree char *period = sb_fiscal_period_get_label (sb_budget_get_start (budget),
                                                            sb_budget_get_n_months (budget));

      /* A name that already says its period ("IT budget 2026") is not
       * followed by it again. */
      if (strstr (sb_budget_get_name (budget), period) != NULL)
        /* Translators: a budget in the chooser: name and status */
        g_ptr_array_add (names, g_strdup_printf (_("%s · %s"), sb_budget_get_name (budget),
                                                 sb_budget_status_get_label (sb_budget_get_status (budget))));
      else
        /* Translators: a budget in the chooser: name, period and status */
        g_ptr_array_add (names, g_strdup_printf (_("%s · %s · %s"), sb_budget_get_name (budget), period,
                                                 sb_budget_status_get_label (sb_budget_get_status (budget))));
      g_ptr_array_add (self->budget_ids, g_strdup (sb_budget_get_id (budget)));
      if (g_strcmp0 (sb_budget_get_id (budget), self->budget_id) == 0)
        selected = i;
    }

  if (selected == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(SbBudget) current = NULL;
      GDate today;

      sb_contracts_get_today (self->store, &today);
      current = sb_budgets_find_current (self->store, &today, NULL);
      for (guint i = 0; i < self->budget_ids->len; i++)
        if (current != NULL && g_strcmp0 (g_ptr_array_index (self->budget_ids, i), sb_budget_get_id (current)) == 0)
          selected = i;
      if (selected == GTK_INVALID_LIST_POSITION && n > 0)
        selected = 0;
    }

  g_free (self->budget_id);
  self->budget_id = selected != GTK_INVALID_LIST_POSITION ? g_strdup (g_ptr_array_index (self->budget_ids, selected)) : NULL;

  g_ptr_array_add (names, NULL);
  self->refreshing++;
  gtk_string_list_splice (self->budget_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->budget_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->budget_dropdown, selected);
  self->refreshing--;

  show_budget (self, budgets);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SbBudgetsPage *self = user_data;

  self->refresh_idle = 0;
  sb_budgets_page_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
on_store_changed_cb (SbBudgetsPage *self,
                     const char    *table)
{
  static const char *tables[] = {
    "budget", "budget_line", "budget_plan", "cost_entry", "contract", "incident_event",
    "incident", "setting", "service", "supplier",
  };
  gboolean relevant = table == NULL;

  for (guint i = 0; !relevant && i < G_N_ELEMENTS (tables); i++)
    relevant = g_strcmp0 (table, tables[i]) == 0;

  /* One commit names several tables: one refresh for them all. */
  if (relevant && self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
on_budget_selected_cb (SbBudgetsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->budget_dropdown);

  if (self->refreshing > 0 || selected >= self->budget_ids->len)
    return;

  sb_budgets_page_select_budget (self, g_ptr_array_index (self->budget_ids, selected));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (widget);

  if (self->costs_view != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "costs") == 0)
    {
      gtk_widget_activate_action (self->costs_view, "costs.search", NULL);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "budget");
  if (self->budget != NULL)
    sb_budget_grid_focus_search (self->grid);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "budget");
  gtk_widget_activate_action (GTK_WIDGET (self->grid), "grid.add-line", NULL);
}

static void
load_sample_data_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!sb_sample_data_load (self->store, &error) ||
      (!sb_store_get_welcome_done (self->store) &&
       !sb_store_set_welcome_done (self->store, &error)))
    sb_budgets_page_show_error (self, error);

  sb_budgets_page_refresh (self);
}

/* The header widget sits in the window's header bar, outside the page:
 * its buttons reach the page's actions through this group. */
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
sb_budgets_page_constructed (GObject *object)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (object);

  G_OBJECT_CLASS (sb_budgets_page_parent_class)->constructed (object);

  sb_budget_grid_set_store (self->grid, self->store);

  if (self->store != NULL)
    {
      AdwViewStackPage *page;

      self->changed_id = g_signal_connect_object (self->store, "changed",
                                                  G_CALLBACK (on_store_changed_cb),
                                                  self, G_CONNECT_SWAPPED);

      self->costs_view = g_object_new (sb_costs_view_get_type (), "store", self->store, NULL);
      page = adw_view_stack_add_titled (self->view_stack, self->costs_view, "costs", _("Costs"));
      adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
    }

  sb_budgets_page_refresh (self);
}

static void
sb_budgets_page_dispose (GObject *object)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_BUDGETS_PAGE);
  self->costs_view = NULL;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->budget);

  G_OBJECT_CLASS (sb_budgets_page_parent_class)->dispose (object);
}

static void
sb_budgets_page_finalize (GObject *object)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (object);

  g_ptr_array_unref (self->budget_ids);
  g_free (self->budget_id);
  g_free (self->status_text);

  G_OBJECT_CLASS (sb_budgets_page_parent_class)->finalize (object);
}

static void
sb_budgets_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_HEADER_WIDGET:
      g_value_set_object (value, self->header_box);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_budgets_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SbBudgetsPage *self = SB_BUDGETS_PAGE (object);

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
sb_budgets_page_class_init (SbBudgetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_budgets_page_constructed;
  object_class->dispose = sb_budgets_page_dispose;
  object_class->finalize = sb_budgets_page_finalize;
  object_class->get_property = sb_budgets_page_get_property;
  object_class->set_property = sb_budgets_page_set_property;

  /**
   * SbBudgetsPage:store:
   *
   * The book whose budgets are shown.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SbBudgetsPage:header-widget:
   *
   * What the window shows at the end of its header bar for this page.
   */
  properties[PROP_HEADER_WIDGET] =
    g_param_spec_object ("header-widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SB_TYPE_CHART_VIEW);
  g_type_ensure (SB_TYPE_BUDGET_GRID);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-budgets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, budget_stack);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, budget_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, budget_names);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, revise_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, SbBudgetsPage, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_budget_selected_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, sb_budgets_page_new_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.approve", NULL, sb_budgets_page_approve_action);
  gtk_widget_class_install_action (widget_class, "page.revise", NULL, sb_budgets_page_revise_action);
  gtk_widget_class_install_action (widget_class, "page.close", NULL, sb_budgets_page_close_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, sb_budgets_page_delete_action);
  gtk_widget_class_install_action (widget_class, "page.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "page.load-sample-data", NULL,
                                   load_sample_data_action);
}

static void
sb_budgets_page_init (SbBudgetsPage *self)
{
  static const char *captions[N_KEY_FIGURES] = {
    N_("Planned for the period"), N_("Actual to date"), N_("Committed in the period"),
    N_("Forecast at the end"), N_("Variance of the forecast"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->budget_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_KEY_FIGURES; i++)
    self->values[i] = add_key_figure (self, _(captions[i]));
  /* Not the Costs view's charges due, which are those up to today of any year. */
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (self->values[2]),
                               _("The contract charges dated in the budget’s months, past or still to come, that are not yet confirmed as costs"));

  {
    static const GActionEntry entries[] = {
      { "new", forward_header_action_cb, NULL, NULL, NULL },
    };
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
    gtk_widget_insert_action_group (self->header_box, "page", G_ACTION_GROUP (group));
  }

  sb_chart_view_set_title (self->chart_view, _("Plan and costs per month"));
  update_actions (self);
}

/* Public API */

SbStore *
sb_budgets_page_get_store (SbBudgetsPage *self)
{
  g_return_val_if_fail (SB_IS_BUDGETS_PAGE (self), NULL);

  return self->store;
}

/**
 * sb_budgets_page_get_budget_id:
 * @self: a budgets page
 *
 * Returns: (nullable): the id of the budget shown
 */
const char *
sb_budgets_page_get_budget_id (SbBudgetsPage *self)
{
  g_return_val_if_fail (SB_IS_BUDGETS_PAGE (self), NULL);

  return self->budget_id;
}

/**
 * sb_budgets_page_select_budget:
 * @self: a budgets page
 * @id: a budget's id
 *
 * Shows that budget (the chooser follows).
 */
void
sb_budgets_page_select_budget (SbBudgetsPage *self,
                               const char    *id)
{
  g_return_if_fail (SB_IS_BUDGETS_PAGE (self));

  g_free (self->budget_id);
  self->budget_id = g_strdup (id);
  adw_view_stack_set_visible_child_name (self->view_stack, "budget");
  sb_budgets_page_refresh (self);
}

/**
 * sb_budgets_page_show_view:
 * @self: a budgets page
 * @name: "budget" or "costs"
 */
void
sb_budgets_page_show_view (SbBudgetsPage *self,
                           const char    *name)
{
  g_return_if_fail (SB_IS_BUDGETS_PAGE (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * sb_budgets_page_get_grid:
 * @self: a budgets page
 *
 * Returns: (transfer none): the grid of the budget's lines
 */
GtkWidget *
sb_budgets_page_get_grid (SbBudgetsPage *self)
{
  g_return_val_if_fail (SB_IS_BUDGETS_PAGE (self), NULL);

  return GTK_WIDGET (self->grid);
}

/**
 * sb_budgets_page_get_chart:
 * @self: a budgets page
 *
 * Returns: (transfer none): the chart view
 */
GtkWidget *
sb_budgets_page_get_chart (SbBudgetsPage *self)
{
  g_return_val_if_fail (SB_IS_BUDGETS_PAGE (self), NULL);

  return GTK_WIDGET (self->chart_view);
}

/**
 * sb_budgets_page_get_key_figure:
 * @self: a budgets page
 * @index: 0 planned, 1 actual to date, 2 committed, 3 forecast, 4 variance
 *
 * Returns: the key figure as shown
 */
const char *
sb_budgets_page_get_key_figure (SbBudgetsPage *self,
                                guint          index)
{
  g_return_val_if_fail (SB_IS_BUDGETS_PAGE (self), NULL);
  g_return_val_if_fail (index < N_KEY_FIGURES, NULL);

  return gtk_label_get_label (GTK_LABEL (self->values[index]));
}

/**
 * sb_budgets_page_get_status_text:
 * @self: a budgets page
 *
 * Returns: (nullable): the status line of the budget shown
 */
const char *
sb_budgets_page_get_status_text (SbBudgetsPage *self)
{
  g_return_val_if_fail (SB_IS_BUDGETS_PAGE (self), NULL);

  return self->status_text;
}
