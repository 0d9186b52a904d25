/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-book-chooser.h"
#include "sb-budgets.h"
#include "sb-contracts.h"
#include "sb-money.h"
#include "sb-preferences-window.h"
#include "sb-priority-matrix-group.h"
#include "sb-ui-widgets.h"

struct _SbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SbStore              *store;
  gulong                changed_id;
  gulong                currency_id;
  gboolean              updating;
  gboolean              applying;

  /* Template widgets */
  AdwActionRow         *location_row;
  AdwComboRow          *currency_row;
  AdwActionRow         *warning_row;
  GtkSpinButton        *warning_spin;
  AdwComboRow          *fiscal_month_row;
  AdwActionRow         *hourly_rate_row;
  GtkEntry             *hourly_rate_entry;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbPreferencesWindow, sb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
currency_label (const char *code)
{
  const char *symbol = sb_currency_get_symbol (code);

  if (symbol == NULL || symbol[0] == '\0' || g_strcmp0 (symbol, code) == 0)
    return g_strdup (code);

  /* Translators: a currency code and its symbol, such as "EUR (€)" */
  return g_strdup_printf (_("%s (%s)"), code, symbol);
}

static gboolean
is_default_location (SbStore *store)
{
  g_autofree char *default_path = sb_store_get_default_path ();

  return g_strcmp0 (sb_store_get_path (store), default_path) == 0;
}

/* A refusal is said on the row it is about, in its subtitle, which wraps:
 * a toast's single line cut the longer messages short and covered the
 * row. The row's own subtitle comes back with its next accepted change. */
static void
show_problem (AdwActionRow *row,
              const char   *message)
{
  /* A subtitle is markup; an error message is plain text. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (g_object_get_data (G_OBJECT (row), "sb-subtitle") == NULL)
    g_object_set_data_full (G_OBJECT (row), "sb-subtitle",
                            g_strdup (adw_action_row_get_subtitle (row)), g_free);
  adw_action_row_set_subtitle (row, escaped);
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
clear_problem (AdwActionRow *row)
{
  const char *subtitle = g_object_get_data (G_OBJECT (row), "sb-subtitle");

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (subtitle == NULL)
    return;

  adw_action_row_set_subtitle (row, subtitle);
  g_object_set_data (G_OBJECT (row), "sb-subtitle", NULL);
}

/* The hourly rate as the entry shows it: the amount without a symbol,
 * the currency in the row's subtitle. */
static void
show_hourly_rate (SbPreferencesWindow *self)
{
  const char *currency = sb_store_get_base_currency (self->store);
  g_autofree char *text = sb_money_format_plain (sb_budgets_get_hourly_rate (self->store), currency);
  g_autofree char *subtitle = NULL;

  /* Translators: %s is the book's base currency, as in "EUR" */
  subtitle = g_strdup_printf (_("In %s per hour of incident time; 0 leaves that time out of the costs"), currency);
  clear_problem (self->hourly_rate_row);
  adw_action_row_set_subtitle (self->hourly_rate_row, subtitle);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->hourly_rate_entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->hourly_rate_entry), "error");
  self->updating = FALSE;
}

static void
refresh (SbPreferencesWindow *self)
{
  const char *const *codes = sb_currency_get_codes ();
  g_autofree char *location = NULL;
  const char *currency;
  GtkWidget *focus;

  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->warning_row), self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fiscal_month_row), self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hourly_rate_row), self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.use-default-book",
                                 self->store != NULL && !is_default_location (self->store));

  if (self->store == NULL)
    {
      adw_action_row_set_subtitle (self->location_row, "");
      return;
    }

  /* The subtitle is markup; a path is plain text. */
  location = g_markup_escape_text (sb_store_get_path (self->store), -1);
  adw_action_row_set_subtitle (self->location_row, location);

  /* While our own change is being applied the store may still report the
   * old currency; the row already shows the new one. */
  if (self->applying)
    return;

  self->updating = TRUE;
  gtk_spin_button_set_value (self->warning_spin, sb_contracts_get_warning_days (self->store));
  adw_combo_row_set_selected (self->fiscal_month_row, sb_budgets_get_fiscal_start_month (self->store) - 1);
  self->updating = FALSE;

  /* Not while the person is typing a rate. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || (focus != GTK_WIDGET (self->hourly_rate_entry) &&
                        !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->hourly_rate_entry))))
    show_hourly_rate (self);

  currency = sb_store_get_base_currency (self->store);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (g_strcmp0 (codes[i], currency) == 0)
        {
          self->updating = TRUE;
          adw_combo_row_set_selected (self->currency_row, i);
          self->updating = FALSE;
          break;
        }
    }
}

static void
on_currency_selected_cb (SbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *const *codes = sb_currency_get_codes ();
  guint selected = adw_combo_row_get_selected (self->currency_row);
  const char *code;

  if (self->updating || self->store == NULL)
    return;

  /* The rows are in the order of sb_currency_get_codes (). */
  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) codes))
    return;

  code = codes[selected];
  if (g_strcmp0 (code, sb_store_get_base_currency (self->store)) == 0)
    return;

  self->applying = TRUE;
  if (!sb_store_set_base_currency (self->store, code, &error))
    show_problem (ADW_ACTION_ROW (self->currency_row), error->message);
  else
    clear_problem (ADW_ACTION_ROW (self->currency_row));
  self->applying = FALSE;

  refresh (self);
}

static void
on_warning_changed_cb (SbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  int days = gtk_spin_button_get_value_as_int (self->warning_spin);

  if (self->updating || self->store == NULL)
    return;

  if (days == sb_contracts_get_warning_days (self->store))
    return;

  self->applying = TRUE;
  if (!sb_contracts_set_warning_days (self->store, days, &error))
    {
      show_problem (self->warning_row, error->message);
      /* Back to what the book keeps. */
      self->updating = TRUE;
      gtk_spin_button_set_value (self->warning_spin, sb_contracts_get_warning_days (self->store));
      self->updating = FALSE;
    }
  else
    clear_problem (self->warning_row);
  self->applying = FALSE;
}

static void
on_fiscal_month_selected_cb (SbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->fiscal_month_row);

  if (self->updating || self->store == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if ((int) selected + 1 == sb_budgets_get_fiscal_start_month (self->store))
    return;

  self->applying = TRUE;
  if (!sb_budgets_set_fiscal_start_month (self->store, (int) selected + 1, &error))
    show_problem (ADW_ACTION_ROW (self->fiscal_month_row), error->message);
  else
    clear_problem (ADW_ACTION_ROW (self->fiscal_month_row));
  self->applying = FALSE;

  refresh (self);
}

/* Stores the rate typed; a refusal is said and the entry keeps the text
 * to correct. */
static void
apply_hourly_rate (SbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->hourly_rate_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 rate = 0;

  if (self->updating || self->store == NULL)
    return;

  if (*stripped != '\0' &&
      !sb_money_parse (stripped, sb_store_get_base_currency (self->store), &rate, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->hourly_rate_entry), "error");
      show_problem (self->hourly_rate_row, error->message);
      return;
    }

  if (rate == sb_budgets_get_hourly_rate (self->store))
    {
      show_hourly_rate (self);
      return;
    }

  self->applying = TRUE;
  if (!sb_budgets_set_hourly_rate (self->store, rate, &error))
    {
      self->applying = FALSE;
      gtk_widget_add_css_class (GTK_WIDGET (self->hourly_rate_entry), "error");
      show_problem (self->hourly_rate_row, error->message);
      return;
    }
  self->applying = FALSE;

  show_hourly_rate (self);
}

static void
on_hourly_rate_activate_cb (SbPreferencesWindow *self)
{
  apply_hourly_rate (self);
}

static void
on_hourly_rate_focus_leave_cb (SbPreferencesWindow *self)
{
  apply_hourly_rate (self);
}

static void
on_store_changed_cb (SbPreferencesWindow *self,
                     const char          *table)
{
  refresh (self);
}

static void
open_book_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sb_book_chooser_show (GTK_WINDOW (widget), SB_BOOK_CHOOSER_OPEN);
}

static void
new_book_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sb_book_chooser_show (GTK_WINDOW (widget), SB_BOOK_CHOOSER_CREATE);
}

static void
use_default_book_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  /* An empty path means the default location. */
  gtk_widget_activate_action (widget, "app.open-book", "s", "");
}

static void
sb_preferences_window_dispose (GObject *object)
{
  SbPreferencesWindow *self = SB_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PREFERENCES_WINDOW);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->currency_id, self->store);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_preferences_window_parent_class)->dispose (object);
}

static void
sb_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SbPreferencesWindow *self = SB_PREFERENCES_WINDOW (object);

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
sb_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SbPreferencesWindow *self = SB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sb_preferences_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_preferences_window_class_init (SbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_preferences_window_dispose;
  object_class->get_property = sb_preferences_window_get_property;
  object_class->set_property = sb_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, warning_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, warning_spin);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, fiscal_month_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, hourly_rate_row);
  gtk_widget_class_bind_template_child (widget_class, SbPreferencesWindow, hourly_rate_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_warning_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fiscal_month_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hourly_rate_activate_cb);

  gtk_widget_class_install_action (widget_class, "prefs.open-book", NULL, open_book_action);
  gtk_widget_class_install_action (widget_class, "prefs.new-book", NULL, new_book_action);
  gtk_widget_class_install_action (widget_class, "prefs.use-default-book", NULL,
                                   use_default_book_action);
}

static void
sb_preferences_window_init (SbPreferencesWindow *self)
{
  const char *const *codes = sb_currency_get_codes ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  GtkEventController *focus;

  g_type_ensure (SB_TYPE_PRIORITY_MATRIX_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  sb_ui_scroll_past_spin_buttons (GTK_WIDGET (self));

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *label = currency_label (codes[i]);

      gtk_string_list_append (labels, label);
    }

  /* Month names in the user's language. */
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (day, "%OB");

      gtk_string_list_append (months, name != NULL ? name : "");
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (labels));
  adw_combo_row_set_model (self->fiscal_month_row, G_LIST_MODEL (months));
  self->updating = FALSE;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_hourly_rate_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->hourly_rate_entry), focus);

  refresh (self);
}

/**
 * sb_preferences_window_new:
 * @store: (nullable): the open book
 *
 * Returns: (transfer full): a new preferences window
 */
SbPreferencesWindow *
sb_preferences_window_new (SbStore *store)
{
  g_return_val_if_fail (store == NULL || SB_IS_STORE (store), NULL);

  return g_object_new (SB_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       NULL);
}

SbStore *
sb_preferences_window_get_store (SbPreferencesWindow *self)
{
  g_return_val_if_fail (SB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

/**
 * sb_preferences_window_set_store:
 * @self: a preferences window
 * @store: (nullable): the book whose settings to show
 */
void
sb_preferences_window_set_store (SbPreferencesWindow *self,
                                 SbStore             *store)
{
  g_return_if_fail (SB_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (store == NULL || SB_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->currency_id, self->store);
    }
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      self->changed_id = g_signal_connect_object (store, "changed",
                                                  G_CALLBACK (on_store_changed_cb),
                                                  self, G_CONNECT_SWAPPED);
      self->currency_id = g_signal_connect_object (store, "notify::base-currency",
                                                   G_CALLBACK (refresh),
                                                   self, G_CONNECT_SWAPPED);
    }

  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
