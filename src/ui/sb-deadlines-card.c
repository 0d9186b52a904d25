/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-contracts.h"
#include "sb-deadlines-card.h"
#include "sb-deadlines-view.h"

/* The Overview card "Deadlines": what must be decided within the warning
 * window (and what was missed lately), and the contracts that put their
 * services' targets at risk.  The rows are made anew at each refresh: a
 * handful at most. */

struct _SbDeadlinesCard
{
  AdwPreferencesGroup  parent_instance;

  SbStore             *store;
  gulong               changed_id;
  GPtrArray           *rows;   /* of GtkWidget *, the ones added below the title */
  guint                n_deadlines;
  guint                n_risky_contracts;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbDeadlinesCard, sb_deadlines_card, ADW_TYPE_PREFERENCES_GROUP)

static void
clear_rows (SbDeadlinesCard *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (SbDeadlinesCard *self,
         GtkWidget       *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
new_plain_row (const char *icon_name,
               const char *icon_class,
               const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (icon_class != NULL)
    gtk_widget_add_css_class (icon, icon_class);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
make_link (GtkWidget  *row,
           const char *action_name,
           const char *target)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
}

static void
add_error_row (SbDeadlinesCard *self,
               const char      *title,
               const GError    *error)
{
  add_row (self, new_plain_row ("dialog-warning-symbolic", "error", title, error->message));
}

/* Deadlines within the warning window, and those missed lately. */
static void
add_deadlines (SbDeadlinesCard *self,
               const GDate     *today)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int warning_days = sb_contracts_get_warning_days (self->store);
  GDate from = *today;
  GDate to = *today;
  guint n_more;

  g_date_subtract_days (&from, SB_DEADLINES_PAST_DAYS);
  g_date_add_days (&to, warning_days);

  deadlines = sb_deadlines_list (self->store, &from, &to, &error);
  if (deadlines == NULL)
    {
      add_error_row (self, _("Deadlines cannot be listed"), error);
      return;
    }

  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (g_date_compare (&deadline->date, today) >= 0 || sb_deadline_is_missed (deadline, today))
        g_ptr_array_add (shown, deadline);
    }

  self->n_deadlines = shown->len;

  if (shown->len == 0)
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (ngettext ("No deadlines in the next %d day",
                                         "No deadlines in the next %d days",
                                         warning_days),
                               warning_days);
      add_row (self, new_plain_row ("emblem-ok-symbolic", "success", title,
                                    _("No notice to give, no contract ending and no review due")));
      return;
    }

  for (guint i = 0; i < shown->len && i < SB_DEADLINES_CARD_MAX_ROWS; i++)
    add_row (self, sb_deadline_row_new (g_ptr_array_index (shown, i), today));

  n_more = shown->len > SB_DEADLINES_CARD_MAX_ROWS ? shown->len - SB_DEADLINES_CARD_MAX_ROWS : 0;
  if (n_more > 0)
    {
      g_autofree char *title = NULL;
      GtkWidget *row;

      title = g_strdup_printf (ngettext ("%u more deadline", "%u more deadlines", n_more), n_more);
      row = new_plain_row ("x-office-calendar-symbolic", NULL, title, NULL);
      make_link (row, "win.show-deadlines", NULL);
      add_row (self, row);
    }
}

/* One line for every contract whose supplier targets leave a gap. */
static void
add_alignment (SbDeadlinesCard *self)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GHashTable) contracts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *subtitle = NULL;
  const SbAlignmentGap *gap;
  GtkWidget *row;

  gaps = sb_contracts_check_alignment (self->store, NULL, NULL, &error);
  if (gaps == NULL)
    {
      add_error_row (self, _("Contracts cannot be checked against their services"), error);
      return;
    }

  for (guint i = 0; i < gaps->len; i++)
    {
      gap = g_ptr_array_index (gaps, i);
      g_hash_table_add (contracts, gap->contract_id);
    }

  self->n_risky_contracts = g_hash_table_size (contracts);
  if (self->n_risky_contracts == 0)
    return;

  gap = g_ptr_array_index (gaps, 0);
  first = sb_alignment_gap_describe (gap);
  title = g_strdup_printf (ngettext ("%u contract does not cover its services’ targets",
                                     "%u contracts do not cover their services’ targets",
                                     self->n_risky_contracts),
                           self->n_risky_contracts);
  if (gaps->len > 1)
    /* Translators: the first gap of a contract, and how many more there are, as in
     * “HOST-2024 — P2 resolution: the supplier has 16 h, EMAIL promises 8 h, and 2 more” */
    subtitle = g_strdup_printf (ngettext ("%s — %s, and %u more", "%s — %s, and %u more", gaps->len - 1),
                                gap->contract_reference, first, gaps->len - 1);
  else
    /* Translators: a contract reference and its gap */
    subtitle = g_strdup_printf (_("%s — %s"), gap->contract_reference, first);

  row = new_plain_row ("dialog-warning-symbolic", "warning", title, subtitle);
  /* One contract: straight to it; several: to the list. */
  if (self->n_risky_contracts == 1)
    make_link (row, "win.show-contract", gap->contract_id);
  else
    make_link (row, "win.show-page", "contracts");
  add_row (self, row);
}

static void
refresh (SbDeadlinesCard *self)
{
  g_autoptr(GListModel) contracts = NULL;
  GDate today;

  if (self->store == NULL)
    return;

  clear_rows (self);
  self->n_deadlines = 0;
  self->n_risky_contracts = 0;

  /* Nothing to say about contracts in a book without any. */
  contracts = sb_contracts_list (self->store, NULL, NULL);
  if (contracts != NULL && g_list_model_get_n_items (contracts) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  sb_contracts_get_today (self->store, &today);
  add_deadlines (self, &today);
  add_alignment (self);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
on_store_changed_cb (SbDeadlinesCard *self,
                     const char      *table)
{
  refresh (self);
}

static void
sb_deadlines_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sb_deadlines_card_parent_class)->map (widget);

  /* The day may have changed since the card was last shown. */
  refresh (SB_DEADLINES_CARD (widget));
}

static void
sb_deadlines_card_constructed (GObject *object)
{
  SbDeadlinesCard *self = SB_DEADLINES_CARD (object);

  G_OBJECT_CLASS (sb_deadlines_card_parent_class)->constructed (object);

  if (self->store != NULL)
    self->changed_id = g_signal_connect_object (self->store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
sb_deadlines_card_dispose (GObject *object)
{
  SbDeadlinesCard *self = SB_DEADLINES_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_DEADLINES_CARD);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_deadlines_card_parent_class)->dispose (object);
}

static void
sb_deadlines_card_finalize (GObject *object)
{
  SbDeadlinesCard *self = SB_DEADLINES_CARD (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (sb_deadlines_card_parent_class)->finalize (object);
}

static void
sb_deadlines_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbDeadlinesCard *self = SB_DEADLINES_CARD (object);

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
sb_deadlines_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbDeadlinesCard *self = SB_DEADLINES_CARD (object);

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
sb_deadlines_card_class_init (SbDeadlinesCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_deadlines_card_constructed;
  object_class->dispose = sb_deadlines_card_dispose;
  object_class->finalize = sb_deadlines_card_finalize;
  object_class->get_property = sb_deadlines_card_get_property;
  object_class->set_property = sb_deadlines_card_set_property;

  widget_class->map = sb_deadlines_card_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-deadlines-card.ui");
}

static void
sb_deadlines_card_init (SbDeadlinesCard *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sb_deadlines_card_get_n_deadlines:
 * @self: a deadlines card
 *
 * Returns: the deadlines within the warning window and those missed
 *   lately, shown or counted in the “more” row
 */
guint
sb_deadlines_card_get_n_deadlines (SbDeadlinesCard *self)
{
  g_return_val_if_fail (SB_IS_DEADLINES_CARD (self), 0);

  return self->n_deadlines;
}

/**
 * sb_deadlines_card_get_n_risky_contracts:
 * @self: a deadlines card
 *
 * Returns: the contracts whose supplier targets leave a gap
 */
guint
sb_deadlines_card_get_n_risky_contracts (SbDeadlinesCard *self)
{
  g_return_val_if_fail (SB_IS_DEADLINES_CARD (self), 0);

  return self->n_risky_contracts;
}
