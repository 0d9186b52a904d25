/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-budget-card.h"
#include "sb-budget-figures.h"
#include "sb-budgets.h"
#include "sb-contracts.h"
#include "sb-money.h"

/* The Overview card "Budget burn": how much of the plan to date has been
 * spent, where the year will end against the plan, and which lines will
 * end furthest over it.  Every figure is the total row of the budget's
 * derived figures (sb_budget_figures_compute()); nothing is summed here.
 * The rows are made anew at each refresh: a handful at most. */

struct _SbBudgetCard
{
  AdwPreferencesGroup  parent_instance;

  SbStore             *store;
  gulong               changed_id;
  GPtrArray           *rows;   /* of GtkWidget *, the ones added below the title */

  char                *budget_id;
  gint64               planned_to_date;
  gint64               actual_to_date;
  gint64               forecast;
  gint64               committed;
  gint64               planned_total;
  guint                n_over;

  /* Template widgets */
  GtkWidget           *show_button;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbBudgetCard, sb_budget_card, ADW_TYPE_PREFERENCES_GROUP)

static void
clear_rows (SbBudgetCard *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (SbBudgetCard *self,
         const char   *icon_name,
         const char   *icon_class,
         const char   *title,
         const char   *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      if (icon_class != NULL)
        gtk_widget_add_css_class (icon, icon_class);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);

  return row;
}

/* "€1,200.00 over plan (+12.5 %)", "€300.00 under plan (−3.0 %)", "On plan" */
static char *
describe_variance (gint64      variance,
                   int         variance_bp,
                   gboolean    defined,
                   const char *currency)
{
  g_autofree char *money = sb_money_format (ABS (variance), currency);
  g_autofree char *percent = defined ? sb_percent_bp_format (variance_bp, TRUE) : NULL;

  if (variance == 0)
    return g_strdup (_("On plan"));

  if (!defined)
    /* Translators: an amount spent on something with no plan */
    return g_strdup_printf (_("%s with nothing planned"), money);

  if (variance > 0)
    /* Translators: an amount and a percent, as in “€1,200.00 over plan (+12.5 %)” */
    return g_strdup_printf (_("%s over plan (%s)"), money, percent);

  /* Translators: an amount and a percent, as in “€300.00 under plan (−3.0 %)” */
  return g_strdup_printf (_("%s under plan (%s)"), money, percent);
}

static GtkWidget *
new_level_bar (gint64 actual,
               gint64 planned)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);
  double ratio = planned > 0 ? (double) actual / (double) planned : (actual > 0 ? 1.0 : 0.0);

  /* The default offsets colour a low fill as a warning; here the warning
   * is for spending past the plan: the accent up to it, the warning once
   * it is passed (the bar then shows full). */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH, 0.9999);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW, 1.0);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), actual > planned ? 1.0 : CLAMP (ratio, 0.0, 0.9999));

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 90, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Share of the plan to date spent"),
                                  -1);

  return bar;
}

/* Planned against actual up to the current month. */
static void
add_to_date (SbBudgetCard       *self,
             const SbFiguresRow *total,
             const char         *currency)
{
  g_autofree char *actual = sb_money_format (total->actual_to_date, currency);
  g_autofree char *planned = sb_money_format (total->planned_to_date, currency);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gint64 variance = sb_variance (total->actual_to_date, total->planned_to_date);
  int bp = 0;
  gboolean defined = sb_variance_percent_bp (total->actual_to_date, total->planned_to_date, &bp);
  GtkWidget *row;

  /* Translators: money spent and money planned up to this month, as in
   * “€41,200.00 spent of €45,000.00 planned to date” */
  title = g_strdup_printf (_("%s spent of %s planned to date"), actual, planned);
  subtitle = describe_variance (variance, bp, defined, currency);

  row = add_row (self, NULL, NULL, title, subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_level_bar (total->actual_to_date, total->planned_to_date));
}

/* The forecast at the period's end against the whole plan, and what it
 * is made of. Its committed part is the budget's own (the contract
 * charges dated in the budget's months, past or to come, not yet
 * confirmed), not the charges due that the Costs view lists: the words
 * say so, as the Budgets page's key figure does. */
static void
add_forecast (SbBudgetCard       *self,
              const SbFiguresRow *total,
              const char         *currency)
{
  g_autofree char *forecast = sb_money_format (total->forecast, currency);
  g_autofree char *planned = sb_money_format (total->planned_total, currency);
  g_autofree char *committed = sb_money_format (total->committed_total, currency);
  g_autofree char *title = NULL;
  g_autofree char *variance = NULL;
  g_autofree char *subtitle = NULL;
  gboolean over = total->variance > 0;
  GtkWidget *row;

  /* Translators: where the period will end and its plan, as in
   * “€182,000.00 forecast for the year against €175,000.00 planned” */
  title = g_strdup_printf (_("%s forecast for the year against %s planned"), forecast, planned);
  variance = describe_variance (total->variance, total->variance_bp, total->variance_defined, currency);
  /* Translators: the variance, then how the forecast is made, as in
   * “€1,373.05 over plan (+2.0 %) — the costs so far, €5,572.40 committed
   * in the period and the rest of the plan”; “committed in the period” is
   * the caption of the same figure on the Budgets page */
  subtitle = g_strdup_printf (_("%s — the costs so far, %s committed in the period and the rest of the plan"),
                              variance, committed);

  row = add_row (self,
                 over ? "dialog-warning-symbolic" : "emblem-ok-symbolic",
                 over ? "warning" : "success",
                 title, subtitle);
  gtk_widget_set_tooltip_text (row, _("Committed in the period: the contract charges dated in the budget’s months, past or still to come, that are not yet confirmed as costs"));
}

static int
compare_variance_desc (gconstpointer a,
                       gconstpointer b)
{
  const SbFiguresRow *ra = *(const SbFiguresRow * const *) a;
  const SbFiguresRow *rb = *(const SbFiguresRow * const *) b;

  return ra->variance < rb->variance ? 1 : ra->variance > rb->variance ? -1 : 0;
}

/* The lines that will end furthest over their plan. */
static void
add_most_over (SbBudgetCard    *self,
               SbBudgetFigures *figures,
               const char      *currency)
{
  g_autoptr(GPtrArray) over = g_ptr_array_new ();
  guint n_rows = sb_budget_figures_get_n_rows (figures);

  for (guint i = 0; i < n_rows; i++)
    {
      const SbFiguresRow *row = sb_budget_figures_get_row (figures, i);

      if (row->variance > 0)
        g_ptr_array_add (over, (gpointer) row);
    }
  g_ptr_array_sort (over, compare_variance_desc);

  self->n_over = MIN (over->len, SB_BUDGET_CARD_MAX_OVER);
  for (guint i = 0; i < self->n_over; i++)
    {
      const SbFiguresRow *row = g_ptr_array_index (over, i);
      g_autofree char *variance = describe_variance (row->variance, row->variance_bp,
                                                     row->variance_defined, currency);
      g_autofree char *forecast = sb_money_format (row->forecast, currency);
      g_autofree char *subtitle = NULL;

      /* Translators: a line's variance and its forecast, as in
       * “€1,200.00 over plan (+12.5 %) · €10,800.00 by the year’s end” */
      subtitle = g_strdup_printf (_("%s · %s by the year’s end"), variance, forecast);
      /* The label says "Unbudgeted" itself for costs no line covers. */
      add_row (self, "go-up-symbolic", "warning", row->label, subtitle);
    }
}

static void
reset_figures (SbBudgetCard *self)
{
  g_clear_pointer (&self->budget_id, g_free);
  self->planned_to_date = 0;
  self->actual_to_date = 0;
  self->forecast = 0;
  self->committed = 0;
  self->planned_total = 0;
  self->n_over = 0;
}

static void
refresh (SbBudgetCard *self)
{
  g_autoptr(GListModel) budgets = NULL;
  g_autoptr(SbBudget) budget = NULL;
  g_autoptr(SbBudgetFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *description = NULL;
  const SbFiguresRow *total;
  const char *currency;
  GDate today;

  if (self->store == NULL)
    return;

  clear_rows (self);
  reset_figures (self);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);

  /* Nothing to say about budgets in a book without any. */
  budgets = sb_budgets_list (self->store, &error);
  if (budgets != NULL && g_list_model_get_n_items (budgets) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  g_clear_error (&error);

  sb_contracts_get_today (self->store, &today);
  budget = sb_budgets_find_current (self->store, &today, &error);
  if (budget == NULL)
    {
      if (error != NULL)
        add_row (self, "dialog-warning-symbolic", "error", _("The budget cannot be read"), error->message);
      else
        add_row (self, "x-office-calendar-symbolic", NULL, _("No budget covers today"),
                 _("Make one for this financial year on the Budgets page to follow its costs here"));
      gtk_widget_set_visible (self->show_button, error == NULL);
      return;
    }
  gtk_widget_set_visible (self->show_button, TRUE);

  figures = sb_budget_figures_compute (self->store, sb_budget_get_id (budget), &today,
                                       SB_FIGURES_BY_LINE, &error);
  if (figures == NULL)
    {
      add_row (self, "dialog-warning-symbolic", "error", _("The budget’s figures cannot be worked out"),
               error->message);
      return;
    }

  self->budget_id = g_strdup (sb_budget_get_id (budget));
  total = sb_budget_figures_get_total (figures);
  currency = sb_budget_figures_get_currency (figures);
  self->planned_to_date = total->planned_to_date;
  self->actual_to_date = total->actual_to_date;
  self->forecast = total->forecast;
  self->committed = total->committed_total;
  self->planned_total = total->planned_total;

  period = sb_fiscal_period_get_label (sb_budget_get_start (budget), sb_budget_get_n_months (budget));
  if (g_strcmp0 (sb_budget_get_status (budget), "approved") == 0)
    /* Translators: a budget's name and its period, as in “IT 2026 · Apr 2026 – Mar 2027” */
    description = g_strdup_printf (_("%s · %s"), sb_budget_get_name (budget), period);
  else
    /* Translators: a budget's name, its period and its status, as in
     * “IT 2026 · Apr 2026 – Mar 2027 · Draft” */
    description = g_strdup_printf (_("%s · %s · %s"), sb_budget_get_name (budget), period,
                                   sb_budget_status_get_label (sb_budget_get_status (budget)));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);

  add_to_date (self, total, currency);
  add_forecast (self, total, currency);
  add_most_over (self, figures, currency);
}

static void
on_store_changed_cb (SbBudgetCard *self,
                     const char   *table)
{
  refresh (self);
}

static void
sb_budget_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sb_budget_card_parent_class)->map (widget);

  /* The day may have changed since the card was last shown. */
  refresh (SB_BUDGET_CARD (widget));
}

static void
sb_budget_card_constructed (GObject *object)
{
  SbBudgetCard *self = SB_BUDGET_CARD (object);

  G_OBJECT_CLASS (sb_budget_card_parent_class)->constructed (object);

  if (self->store != NULL)
    self->changed_id = g_signal_connect_object (self->store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
sb_budget_card_dispose (GObject *object)
{
  SbBudgetCard *self = SB_BUDGET_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_BUDGET_CARD);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_budget_card_parent_class)->dispose (object);
}

static void
sb_budget_card_finalize (GObject *object)
{
  SbBudgetCard *self = SB_BUDGET_CARD (object);

  g_ptr_array_unref (self->rows);
  g_free (self->budget_id);

  G_OBJECT_CLASS (sb_budget_card_parent_class)->finalize (object);
}

static void
sb_budget_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SbBudgetCard *self = SB_BUDGET_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_budget_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SbBudgetCard *self = SB_BUDGET_CARD (object);

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
sb_budget_card_class_init (SbBudgetCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_budget_card_constructed;
  object_class->dispose = sb_budget_card_dispose;
  object_class->finalize = sb_budget_card_finalize;
  object_class->get_property = sb_budget_card_get_property;
  object_class->set_property = sb_budget_card_set_property;

  widget_class->map = sb_budget_card_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-budget-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SbBudgetCard, show_button);
}

static void
sb_budget_card_init (SbBudgetCard *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sb_budget_card_get_budget_id:
 * @self: a budget card
 *
 * Returns: (nullable): the budget shown, %NULL when none covers today
 */
const char *
sb_budget_card_get_budget_id (SbBudgetCard *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_CARD (self), NULL);

  return self->budget_id;
}

/**
 * sb_budget_card_get_planned_to_date:
 * @self: a budget card
 *
 * Returns: the plan up to and including the current month, as shown
 */
gint64
sb_budget_card_get_planned_to_date (SbBudgetCard *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_CARD (self), 0);

  return self->planned_to_date;
}

/**
 * sb_budget_card_get_actual_to_date:
 * @self: a budget card
 *
 * Returns: the actual costs up to and including the current month, as shown
 */
gint64
sb_budget_card_get_actual_to_date (SbBudgetCard *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_CARD (self), 0);

  return self->actual_to_date;
}

/**
 * sb_budget_card_get_forecast:
 * @self: a budget card
 *
 * Returns: the forecast at the period's end, as shown
 */
gint64
sb_budget_card_get_forecast (SbBudgetCard *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_CARD (self), 0);

  return self->forecast;
}

/**
 * sb_budget_card_get_committed:
 * @self: a budget card
 *
 * Returns: the committed figure of the budget's period the card names
 *   in its forecast row, in minor units of the budget's currency
 */
gint64
sb_budget_card_get_committed (SbBudgetCard *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_CARD (self), 0);

  return self->committed;
}

/**
 * sb_budget_card_get_planned_total:
 * @self: a budget card
 *
 * Returns: the plan of the whole period, as shown
 */
gint64
sb_budget_card_get_planned_total (SbBudgetCard *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_CARD (self), 0);

  return self->planned_total;
}

/**
 * sb_budget_card_get_n_over:
 * @self: a budget card
 *
 * Returns: how many lines over plan the card names
 */
guint
sb_budget_card_get_n_over (SbBudgetCard *self)
{
  g_return_val_if_fail (SB_IS_BUDGET_CARD (self), 0);

  return self->n_over;
}
