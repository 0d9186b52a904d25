/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-contracts.h"
#include "sb-money.h"
#include "sb-service-editor.h"
#include "sb-targets-editor.h"
#include "sb-time.h"

/* Every field of one service, grouped as a person thinks of them, checked
 * as they type. The editor works on a copy: nothing reaches the book until
 * Save, and Cancel brings back what was saved. */

struct _SbServiceEditor
{
  AdwBin                parent_instance;

  SbStore              *store;
  SbService            *original;      /* what is saved; a fresh one for a new service */
  GString              *problems;
  GPtrArray            *calendar_ids;  /* of char *, [0] NULL: 24×7 */
  GPtrArray            *calendars;     /* of SbCalendar * */
  GPtrArray            *calendar_texts;
  GPtrArray            *customer_rows;
  GPtrArray            *depends_rows;
  GPtrArray            *alignment_rows;
  gulong                changed_id;
  GtkWidget            *customers_problem;
  GtkWidget            *depends_problem;
  guint                 folded : 1;
  guint                 modified : 1;
  guint                 can_save : 1;
  guint                 loading : 1;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkWidget            *save_button;
  GtkWidget            *delete_button;
  GtkLabel             *problem_label;
  GtkScrolledWindow    *scroller;
  AdwEntryRow          *code_row;
  AdwEntryRow          *name_row;
  AdwComboRow          *status_row;
  AdwComboRow          *type_row;
  AdwEntryRow          *category_row;
  AdwEntryRow          *owner_row;
  AdwComboRow          *criticality_row;
  GtkTextView          *description_view;
  GtkTextView          *outcomes_view;
  GtkTextView          *exclusions_view;
  GtkTextView          *prerequisites_view;
  AdwEntryRow          *channel_row;
  AdwEntryRow          *contact_row;
  AdwComboRow          *calendar_row;
  GtkStringList        *calendar_names;
  SbTargetsEditor      *targets;
  AdwPreferencesGroup  *alignment_group;
  AdwPreferencesGroup  *customers_group;
  AdwPreferencesGroup  *depends_group;
  AdwEntryRow          *price_row;
  AdwComboRow          *period_row;
  AdwEntryRow          *last_review_row;
  AdwEntryRow          *next_review_row;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  PROP_MODIFIED,
  PROP_CAN_SAVE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbServiceEditor, sb_service_editor, ADW_TYPE_BIN)

/* The values behind the combo rows, in the order of their items. */
static const char * const statuses[] = {
  SB_SERVICE_STATUS_PIPELINE, SB_SERVICE_STATUS_LIVE,
  SB_SERVICE_STATUS_RETIRING, SB_SERVICE_STATUS_RETIRED, NULL
};
static const char * const types[] = {
  SB_SERVICE_TYPE_CUSTOMER_FACING, SB_SERVICE_TYPE_SUPPORTING,
  SB_SERVICE_TYPE_THIRD_PARTY, NULL
};
static const char * const criticalities[] = { "low", "medium", "high", "critical", NULL };
static const char * const periods[] = { "month", "quarter", "year", "one-off", NULL };

static void validate (SbServiceEditor *self);

static guint
index_of (const char * const *values,
          const char         *value,
          guint               fallback)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], value) == 0)
        return i;
    }

  return fallback;
}

static const char *
value_at (const char * const *values,
          AdwComboRow        *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected >= g_strv_length ((char **) values))
    return values[0];

  return values[selected];
}

static void
set_entry (gpointer    editable,
           const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static const char *
get_entry (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static char *
get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
price_currency (SbServiceEditor *self)
{
  const char *currency = NULL;

  if (self->original != NULL)
    currency = sb_service_get_price_currency (self->original);
  if (currency == NULL && self->store != NULL)
    currency = sb_store_get_base_currency (self->store);

  return currency != NULL ? currency : "EUR";
}

static gboolean
is_new (SbServiceEditor *self)
{
  return self->original == NULL || sb_service_get_id (self->original) == NULL;
}

static void
set_can_save (SbServiceEditor *self,
              gboolean         can_save)
{
  if (self->can_save == !!can_save)
    return;

  self->can_save = !!can_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

static void
set_modified (SbServiceEditor *self,
              gboolean         modified)
{
  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_check_row (SbServiceEditor     *self,
               AdwPreferencesGroup *group,
               const char          *id,
               const char          *title,
               const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (validate), self);
  adw_preferences_group_add (group, row);

  return row;
}

static void
add_empty_row (AdwPreferencesGroup *group,
               GPtrArray           *rows,
               const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static void
set_checked_ids (GPtrArray          *rows,
                 const char * const *ids)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      GtkCheckButton *check = g_object_get_data (row, "check");
      const char *id = g_object_get_data (row, "id");

      if (check != NULL)
        gtk_check_button_set_active (check, ids != NULL && g_strv_contains (ids, id));
    }
}

static GStrv
get_checked_ids (GPtrArray *rows)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = g_ptr_array_index (rows, i);
      GtkCheckButton *check = g_object_get_data (row, "check");

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (row, "id"));
    }

  return g_strv_builder_end (builder);
}

/* Calendars, customers and other services come from the book; they are
 * listed again whenever the book changes. */
static void
refresh_choices (SbServiceEditor *self)
{
  g_autoptr(GListModel) calendars = NULL;
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *own_id = self->original != NULL ? sb_service_get_id (self->original) : NULL;
  gboolean was_loading = self->loading;

  if (self->store == NULL)
    return;

  self->loading = TRUE;

  g_ptr_array_set_size (self->calendar_ids, 0);
  g_ptr_array_set_size (self->calendars, 0);
  g_ptr_array_set_size (self->calendar_texts, 0);
  g_ptr_array_add (self->calendar_ids, NULL);
  g_ptr_array_add (self->calendars, sb_calendar_new_24x7 ());
  g_ptr_array_add (self->calendar_texts, g_strdup (_("around the clock, 24×7")));
  g_ptr_array_add (names, g_strdup (_("Around the Clock (24×7)")));

  calendars = sb_catalog_list_calendars (self->store, NULL);
  for (guint i = 0; calendars != NULL && i < g_list_model_get_n_items (calendars); i++)
    {
      g_autoptr(SbCalendarItem) item = g_list_model_get_item (calendars, i);

      g_ptr_array_add (self->calendar_ids, g_strdup (sb_calendar_item_get_id (item)));
      g_ptr_array_add (self->calendars, sb_calendar_ref (sb_calendar_item_get_calendar (item)));
      /* Translators: a calendar in words, as in “Office hours: Mon–Fri 09:00–17:30, Europe/Madrid” */
      g_ptr_array_add (self->calendar_texts, g_strdup_printf (_("%s: %s"),
                                                              sb_calendar_item_get_name (item),
                                                              sb_calendar_item_get_summary (item)));
      g_ptr_array_add (names, g_strdup (sb_calendar_item_get_name (item)));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->calendar_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->calendar_names)),
                          (const char * const *) names->pdata);

  clear_rows (self->customers_group, self->customer_rows);
  customers = sb_catalog_list_customers (self->store, NULL);
  for (guint i = 0; customers != NULL && i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(SbCustomer) customer = g_list_model_get_item (customers, i);

      g_ptr_array_add (self->customer_rows,
                       add_check_row (self, self->customers_group,
                                      sb_customer_get_id (customer),
                                      sb_customer_get_name (customer),
                                      sb_customer_get_contact_person (customer)));
    }
  if (self->customer_rows->len == 0)
    add_empty_row (self->customers_group, self->customer_rows,
                   _("No customers yet: add them in the Customers view"));

  clear_rows (self->depends_group, self->depends_rows);
  services = sb_catalog_list_services (self->store, NULL);
  for (guint i = 0; services != NULL && i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (sb_service_get_id (service), own_id) == 0)
        continue;

      g_ptr_array_add (self->depends_rows,
                       add_check_row (self, self->depends_group,
                                      sb_service_get_id (service),
                                      sb_service_get_code (service),
                                      sb_service_get_name (service)));
    }
  if (self->depends_rows->len == 0)
    add_empty_row (self->depends_group, self->depends_rows, _("No other services yet"));

  self->loading = was_loading;
}

/* The gaps between this service's targets and the supplier targets of
 * the contracts underpinning it, as saved; each leads to its contract. */
static void
refresh_alignment (SbServiceEditor *self)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = self->original != NULL ? sb_service_get_id (self->original) : NULL;

  clear_rows (self->alignment_group, self->alignment_rows);

  if (self->store == NULL || id == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->alignment_group), FALSE);
      return;
    }

  gaps = sb_contracts_check_alignment (self->store, NULL, id, &error);
  if (gaps == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Supplier contracts cannot be checked"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      adw_preferences_group_add (self->alignment_group, row);
      g_ptr_array_add (self->alignment_rows, row);
    }

  for (guint i = 0; gaps != NULL && i < gaps->len; i++)
    {
      const SbAlignmentGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *title = sb_alignment_gap_describe (gap);
      /* Translators: a contract reference and its supplier */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), gap->contract_reference, gap->supplier_name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gap->contract_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-contract");
      adw_preferences_group_add (self->alignment_group, row);
      g_ptr_array_add (self->alignment_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->alignment_group), self->alignment_rows->len > 0);
}

static void
on_store_changed_cb (SbServiceEditor *self,
                     const char      *table)
{
  refresh_alignment (self);
}

static void
load (SbServiceEditor *self,
      SbService       *service)
{
  g_autofree char *price = NULL;
  g_autofree char *price_title = NULL;
  guint calendar = 0;

  g_set_object (&self->original, service);

  self->loading = TRUE;

  refresh_choices (self);

  set_entry (self->code_row, sb_service_get_code (service));
  set_entry (self->name_row, sb_service_get_name (service));
  adw_combo_row_set_selected (self->status_row, index_of (statuses, sb_service_get_status (service), 1));
  adw_combo_row_set_selected (self->type_row, index_of (types, sb_service_get_service_type (service), 0));
  set_entry (self->category_row, sb_service_get_category (service));
  set_entry (self->owner_row, sb_service_get_owner (service));
  adw_combo_row_set_selected (self->criticality_row,
                              index_of (criticalities, sb_service_get_criticality (service), 1));

  set_view_text (self->description_view, sb_service_get_description (service));
  set_view_text (self->outcomes_view, sb_service_get_outcomes (service));
  set_view_text (self->exclusions_view, sb_service_get_exclusions (service));
  set_view_text (self->prerequisites_view, sb_service_get_prerequisites (service));

  set_entry (self->channel_row, sb_service_get_support_channel (service));
  set_entry (self->contact_row, sb_service_get_support_contact (service));
  for (guint i = 1; i < self->calendar_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->calendar_ids, i), sb_service_get_calendar_id (service)) == 0)
        calendar = i;
    }
  adw_combo_row_set_selected (self->calendar_row, calendar);

  sb_targets_editor_load (self->targets, service);
  refresh_alignment (self);

  set_checked_ids (self->customer_rows, sb_service_get_customer_ids (service));
  set_checked_ids (self->depends_rows, sb_service_get_depends_on_ids (service));

  /* Translators: %s is a currency code such as EUR */
  price_title = g_strdup_printf (_("Price in %s"), price_currency (self));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->price_row), price_title);
  if (sb_service_get_price_amount (service) >= 0)
    price = sb_money_format (sb_service_get_price_amount (service), price_currency (self));
  set_entry (self->price_row, price);
  adw_combo_row_set_selected (self->period_row, index_of (periods, sb_service_get_price_period (service), 0));

  set_entry (self->last_review_row, sb_service_get_last_review (service));
  set_entry (self->next_review_row, sb_service_get_next_review (service));

  /* Problems show under a field once it has been typed in, or at once for
   * a service that was already saved. */
  g_object_set_data (G_OBJECT (self->code_row), "touched", NULL);
  g_object_set_data (G_OBJECT (self->name_row), "touched", NULL);

  self->loading = FALSE;

  gtk_widget_set_visible (self->delete_button, TRUE);
  set_modified (self, FALSE);
  validate (self);
}

/* A problem found by the catalogue's rules is shown under the field it is
 * about. The rules stop at the first problem, so each candidate field is
 * set to a harmless value in turn: the one that changes the answer is the
 * one the problem is about. */
typedef enum {
  SLOT_CODE,
  SLOT_NAME,
  SLOT_REVIEW,
  SLOT_AVAILABILITY,
  SLOT_WORKLOAD,
  SLOT_TARGET_1,
  SLOT_TARGET_5 = SLOT_TARGET_1 + SB_SERVICE_N_PRIORITIES - 1,
  SLOT_PRICE,
  SLOT_CALENDAR,
  SLOT_CUSTOMERS,
  SLOT_DEPENDS,
  N_SLOTS
} Slot;

static void
neutralize (SbService *service,
            Slot       slot)
{
  static const char * const none[] = { NULL };

  switch (slot)
    {
    case SLOT_CODE:
      sb_service_set_code (service, "SB-CHECK-0123456789");
      break;
    case SLOT_NAME:
      sb_service_set_name (service, "Check");
      break;
    case SLOT_REVIEW:
      sb_service_set_last_review (service, NULL);
      sb_service_set_next_review (service, NULL);
      break;
    case SLOT_AVAILABILITY:
      sb_service_set_availability_target (service, 0);
      break;
    case SLOT_WORKLOAD:
      sb_service_set_workload_limit (service, 0);
      break;
    case SLOT_PRICE:
      sb_service_set_price_amount (service, -1);
      break;
    case SLOT_CALENDAR:
      sb_service_set_calendar_id (service, NULL);
      break;
    case SLOT_CUSTOMERS:
      sb_service_set_customer_ids (service, none);
      break;
    case SLOT_DEPENDS:
      sb_service_set_depends_on_ids (service, none);
      break;
    case N_SLOTS:
    default:
      if (slot >= SLOT_TARGET_1 && slot <= SLOT_TARGET_5)
        sb_service_set_targets (service, slot - SLOT_TARGET_1 + 1, 0, 0);
      break;
    }
}

static void
set_group_problem (GtkWidget  *label,
                   const char *message)
{
  gtk_label_set_label (GTK_LABEL (label), message != NULL ? message : "");
  gtk_widget_set_visible (label, message != NULL);
}

static gboolean
show_problem (SbServiceEditor *self,
              GtkWidget       *row,
              const char      *message)
{
  gboolean touched = !is_new (self) || g_object_get_data (G_OBJECT (row), "touched") != NULL;

  g_string_append_printf (self->problems, "%s%s", self->problems->len > 0 ? "\n" : "", message);
  if (touched)
    sb_service_editor_set_row_problem (row, message);

  return touched;
}

static void
place_problem (SbServiceEditor *self,
               Slot             slot,
               const char      *message)
{
  if (slot == SLOT_CODE || slot == SLOT_NAME)
    {
      show_problem (self, GTK_WIDGET (slot == SLOT_CODE ? self->code_row : self->name_row), message);
      return;
    }

  g_string_append_printf (self->problems, "%s%s", self->problems->len > 0 ? "\n" : "", message);

  switch (slot)
    {
    case SLOT_CODE:
    case SLOT_NAME:
      break;
    case SLOT_REVIEW:
      sb_service_editor_set_row_problem (GTK_WIDGET (self->next_review_row), message);
      break;
    case SLOT_AVAILABILITY:
      sb_targets_editor_set_problem (self->targets, SB_TARGETS_SLOT_AVAILABILITY, message);
      break;
    case SLOT_WORKLOAD:
      sb_targets_editor_set_problem (self->targets, SB_TARGETS_SLOT_WORKLOAD, message);
      break;
    case SLOT_PRICE:
      sb_service_editor_set_row_problem (GTK_WIDGET (self->price_row), message);
      break;
    case SLOT_CALENDAR:
      sb_service_editor_set_row_problem (GTK_WIDGET (self->calendar_row), message);
      break;
    case SLOT_CUSTOMERS:
      set_group_problem (self->customers_problem, message);
      break;
    case SLOT_DEPENDS:
      set_group_problem (self->depends_problem, message);
      break;
    case N_SLOTS:
    default:
      sb_targets_editor_set_problem (self->targets, slot - SLOT_TARGET_1 + 1, message);
      break;
    }
}

static void
clear_problems (SbServiceEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->code_row), GTK_WIDGET (self->name_row),
    GTK_WIDGET (self->last_review_row), GTK_WIDGET (self->next_review_row),
    GTK_WIDGET (self->price_row), GTK_WIDGET (self->calendar_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    sb_service_editor_set_row_problem (rows[i], NULL);
  sb_targets_editor_clear_problems (self->targets);
  set_group_problem (self->customers_problem, NULL);
  set_group_problem (self->depends_problem, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  g_string_truncate (self->problems, 0);
}

static gboolean
read_date (SbServiceEditor *self,
           AdwEntryRow     *row,
           char           **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (get_entry (row)));
  GDate date;

  *out = NULL;
  if (*text == '\0')
    return TRUE;

  if (!sb_date_parse (text, &date, &error))
    {
      show_problem (self, GTK_WIDGET (row), error->message);
      return FALSE;
    }

  *out = sb_date_format (&date);
  return TRUE;
}

/* The service as the form says it is; fields that cannot be read keep
 * their saved value and show what is wrong. */
static SbService *
build_draft (SbServiceEditor *self,
             gboolean        *readable)
{
  SbService *draft = self->original != NULL ? sb_service_copy (self->original) : sb_service_new ();
  g_autofree char *description = get_view_text (self->description_view);
  g_autofree char *outcomes = get_view_text (self->outcomes_view);
  g_autofree char *exclusions = get_view_text (self->exclusions_view);
  g_autofree char *prerequisites = get_view_text (self->prerequisites_view);
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;
  g_auto(GStrv) customers = get_checked_ids (self->customer_rows);
  g_auto(GStrv) depends = get_checked_ids (self->depends_rows);
  g_autofree char *price_text = g_strstrip (g_strdup (get_entry (self->price_row)));
  guint calendar = adw_combo_row_get_selected (self->calendar_row);
  gboolean ok = TRUE;

  sb_service_set_code (draft, get_entry (self->code_row));
  sb_service_set_name (draft, get_entry (self->name_row));
  sb_service_set_status (draft, value_at (statuses, self->status_row));
  sb_service_set_service_type (draft, value_at (types, self->type_row));
  sb_service_set_category (draft, get_entry (self->category_row));
  sb_service_set_owner (draft, get_entry (self->owner_row));
  sb_service_set_criticality (draft, value_at (criticalities, self->criticality_row));
  sb_service_set_description (draft, description);
  sb_service_set_outcomes (draft, outcomes);
  sb_service_set_exclusions (draft, exclusions);
  sb_service_set_prerequisites (draft, prerequisites);
  sb_service_set_support_channel (draft, get_entry (self->channel_row));
  sb_service_set_support_contact (draft, get_entry (self->contact_row));
  if (calendar < self->calendar_ids->len)
    sb_service_set_calendar_id (draft, g_ptr_array_index (self->calendar_ids, calendar));
  sb_service_set_customer_ids (draft, (const char * const *) customers);
  sb_service_set_depends_on_ids (draft, (const char * const *) depends);

  if (!sb_targets_editor_apply (self->targets, draft))
    ok = FALSE;

  if (*price_text == '\0')
    {
      sb_service_set_price_amount (draft, -1);
      sb_service_set_price_period (draft, NULL);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      gint64 amount = 0;

      if (!sb_money_parse (price_text, price_currency (self), &amount, &error))
        {
          sb_service_editor_set_row_problem (GTK_WIDGET (self->price_row), error->message);
          g_string_append_printf (self->problems, "%s%s", self->problems->len > 0 ? "\n" : "", error->message);
          ok = FALSE;
        }
      else
        {
          sb_service_set_price_amount (draft, amount);
          sb_service_set_price_currency (draft, price_currency (self));
          sb_service_set_price_period (draft, value_at (periods, self->period_row));
        }
    }

  if (read_date (self, self->last_review_row, &last))
    sb_service_set_last_review (draft, last);
  else
    ok = FALSE;
  if (read_date (self, self->next_review_row, &next))
    sb_service_set_next_review (draft, next);
  else
    ok = FALSE;

  *readable = ok;

  return draft;
}

static gboolean
check_with_catalogue (SbServiceEditor *self,
                      SbService       *draft)
{
  g_autoptr(SbService) work = sb_service_copy (draft);
  gboolean valid = TRUE;

  if (self->store == NULL)
    return FALSE;

  for (guint round = 0; round < N_SLOTS; round++)
    {
      g_autoptr(GError) error = NULL;
      gboolean placed = FALSE;

      if (sb_catalog_validate_service (self->store, work, &error))
        break;

      valid = FALSE;
      for (Slot slot = 0; slot < N_SLOTS && !placed; slot++)
        {
          g_autoptr(SbService) probe = sb_service_copy (work);
          g_autoptr(GError) probe_error = NULL;

          neutralize (probe, slot);
          if (!sb_catalog_validate_service (self->store, probe, &probe_error) &&
              g_strcmp0 (probe_error->message, error->message) == 0)
            continue;

          place_problem (self, slot, error->message);
          neutralize (work, slot);
          placed = TRUE;
        }

      if (!placed)
        {
          /* A problem of no single field: say it above the form. */
          g_string_append_printf (self->problems, "%s%s", self->problems->len > 0 ? "\n" : "", error->message);
          gtk_label_set_label (self->problem_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
          break;
        }
    }

  return valid;
}

static void
update_title (SbServiceEditor *self,
              SbService       *draft)
{
  const char *code = sb_service_get_code (draft);
  const char *name = sb_service_get_name (draft);
  g_autofree char *title = NULL;

  if (is_new (self) && code == NULL && name == NULL)
    title = g_strdup (_("New Service"));
  else if (code != NULL && name != NULL)
    /* Translators: the editor's title, as in “EMAIL · Email and calendars” */
    title = g_strdup_printf (_("%s · %s"), code, name);
  else
    title = g_strdup (code != NULL ? code : name);

  gtk_label_set_label (self->title_label, title);
}

static void
validate (SbServiceEditor *self)
{
  g_autoptr(SbService) draft = NULL;
  gboolean readable = TRUE;
  gboolean valid;
  guint calendar;

  if (self->loading)
    return;

  clear_problems (self);
  draft = build_draft (self, &readable);
  valid = check_with_catalogue (self, draft) && readable;

  calendar = adw_combo_row_get_selected (self->calendar_row);
  if (calendar >= self->calendars->len)
    calendar = 0;
  if (self->calendars->len > 0)
    sb_targets_editor_explain (self->targets, draft,
                               g_ptr_array_index (self->calendars, calendar),
                               g_ptr_array_index (self->calendar_texts, calendar));

  update_title (self, draft);

  set_can_save (self, valid && (self->modified || is_new (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
  gtk_widget_set_tooltip_text (self->save_button,
                               valid ? _("Save (Ctrl+S)") : self->problems->str);
}

static void
on_field_changed_cb (SbServiceEditor *self)
{
  if (self->loading)
    return;

  set_modified (self, TRUE);
  validate (self);
}

static void
on_entry_changed_cb (GtkEditable     *editable,
                     SbServiceEditor *self)
{
  if (self->loading)
    return;

  g_object_set_data (G_OBJECT (editable), "touched", GINT_TO_POINTER (TRUE));
  on_field_changed_cb (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbServiceEditor *self = SB_SERVICE_EDITOR (widget);
  g_autoptr(SbService) draft = NULL;
  g_autoptr(GError) error = NULL;
  gboolean readable = TRUE;

  if (self->store == NULL || !self->can_save)
    return;

  clear_problems (self);
  draft = build_draft (self, &readable);
  if (!readable)
    return;

  if (!sb_catalog_save_service (self->store, draft, &error))
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      validate (self);
      return;
    }

  /* Read it back: the store fills the derived fields (customer names…). */
  {
    g_autoptr(SbService) saved = sb_catalog_get_service (self->store, sb_service_get_id (draft), NULL);

    load (self, saved != NULL ? saved : draft);
  }

  g_signal_emit (self, signals[SAVED], 0, sb_service_get_id (self->original));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbServiceEditor *self = SB_SERVICE_EDITOR (widget);
  g_autoptr(SbService) fresh = self->original != NULL ? g_object_ref (self->original) : sb_service_new ();

  load (self, fresh);
}

static void
sb_service_editor_dispose (GObject *object)
{
  SbServiceEditor *self = SB_SERVICE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_SERVICE_EDITOR);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (sb_service_editor_parent_class)->dispose (object);
}

static void
sb_service_editor_finalize (GObject *object)
{
  SbServiceEditor *self = SB_SERVICE_EDITOR (object);

  g_string_free (self->problems, TRUE);
  g_ptr_array_unref (self->calendar_ids);
  g_ptr_array_unref (self->calendars);
  g_ptr_array_unref (self->calendar_texts);
  g_ptr_array_unref (self->customer_rows);
  g_ptr_array_unref (self->depends_rows);
  g_ptr_array_unref (self->alignment_rows);

  G_OBJECT_CLASS (sb_service_editor_parent_class)->finalize (object);
}

static void
sb_service_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbServiceEditor *self = SB_SERVICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_service_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbServiceEditor *self = SB_SERVICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sb_service_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_service_editor_class_init (SbServiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_service_editor_dispose;
  object_class->finalize = sb_service_editor_finalize;
  object_class->get_property = sb_service_editor_get_property;
  object_class->set_property = sb_service_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SbServiceEditor:folded:
   *
   * Whether the editor fills a narrow window alone, with a way back to
   * the list.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL, FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbServiceEditor::saved:
   * @id: the id of the saved service
   *
   * The service was written to the book.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SB_TYPE_TARGETS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-service-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, criticality_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, outcomes_view);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, exclusions_view);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, prerequisites_view);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, calendar_names);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, targets);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, alignment_group);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, customers_group);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, depends_group);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, price_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, period_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, last_review_row);
  gtk_widget_class_bind_template_child (widget_class, SbServiceEditor, next_review_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.revert", NULL);
}

static GtkWidget *
new_group_problem (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);

  return label;
}

static void
sb_service_editor_init (SbServiceEditor *self)
{
  GtkTextView *views[4];

  self->problems = g_string_new (NULL);
  self->calendar_ids = g_ptr_array_new_with_free_func (g_free);
  self->calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_calendar_unref);
  self->calendar_texts = g_ptr_array_new_with_free_func (g_free);
  self->customer_rows = g_ptr_array_new ();
  self->depends_rows = g_ptr_array_new ();
  self->alignment_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->customers_problem = new_group_problem (self->customers_group);
  self->depends_problem = new_group_problem (self->depends_group);

  views[0] = self->description_view;
  views[1] = self->outcomes_view;
  views[2] = self->exclusions_view;
  views[3] = self->prerequisites_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_swapped (gtk_text_view_get_buffer (views[i]), "changed",
                              G_CALLBACK (on_field_changed_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", FALSE);
}

/**
 * sb_service_editor_set_store:
 * @self: a service editor
 * @store: (nullable): the book
 *
 * Sets the book the editor reads its choices from and saves to.
 */
void
sb_service_editor_set_store (SbServiceEditor *self,
                             SbStore         *store)
{
  g_return_if_fail (SB_IS_SERVICE_EDITOR (self));
  g_return_if_fail (store == NULL || SB_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  refresh_alignment (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sb_service_editor_get_service:
 * @self: a service editor
 *
 * Returns: (transfer none) (nullable): the service as saved, or %NULL
 */
SbService *
sb_service_editor_get_service (SbServiceEditor *self)
{
  g_return_val_if_fail (SB_IS_SERVICE_EDITOR (self), NULL);

  return self->original;
}

/**
 * sb_service_editor_set_service:
 * @self: a service editor
 * @service: (nullable): the service to edit, or %NULL for a new one
 *
 * Shows @service for editing; the editor keeps its own copy.
 */
void
sb_service_editor_set_service (SbServiceEditor *self,
                               SbService       *service)
{
  g_autoptr(SbService) copy = NULL;

  g_return_if_fail (SB_IS_SERVICE_EDITOR (self));
  g_return_if_fail (service == NULL || SB_IS_SERVICE (service));

  copy = service != NULL ? sb_service_copy (service) : sb_service_new ();
  load (self, copy);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * sb_service_editor_reload:
 * @self: a service editor
 *
 * Lists the book's calendars, customers and services again, and shows the
 * service as saved now unless the person has changed it.
 */
void
sb_service_editor_reload (SbServiceEditor *self)
{
  g_autoptr(SbService) fresh = NULL;

  g_return_if_fail (SB_IS_SERVICE_EDITOR (self));

  /* Nothing shown yet: the choices are listed when a service is. */
  if (self->store == NULL || self->original == NULL)
    return;

  if (!self->modified && !is_new (self))
    fresh = sb_catalog_get_service (self->store, sb_service_get_id (self->original), NULL);

  if (fresh != NULL)
    {
      load (self, fresh);
      return;
    }

  /* Keep what the person typed; only the choices change. */
  {
    g_autoptr(SbService) draft = NULL;
    g_autoptr(SbService) keep = self->original != NULL ? g_object_ref (self->original) : sb_service_new ();
    gboolean readable = TRUE;
    gboolean modified = self->modified;

    draft = build_draft (self, &readable);
    g_set_object (&self->original, draft);
    self->loading = TRUE;
    refresh_choices (self);
    set_checked_ids (self->customer_rows, sb_service_get_customer_ids (draft));
    set_checked_ids (self->depends_rows, sb_service_get_depends_on_ids (draft));
    self->loading = FALSE;
    g_set_object (&self->original, keep);
    set_modified (self, modified);
    validate (self);
  }
}

/**
 * sb_service_editor_focus:
 * @self: a service editor
 *
 * Puts the keyboard focus on the first field.
 */
void
sb_service_editor_focus (SbServiceEditor *self)
{
  g_return_if_fail (SB_IS_SERVICE_EDITOR (self));

  gtk_widget_grab_focus (is_new (self) ? GTK_WIDGET (self->code_row) : GTK_WIDGET (self->name_row));
}

gboolean
sb_service_editor_get_modified (SbServiceEditor *self)
{
  g_return_val_if_fail (SB_IS_SERVICE_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
sb_service_editor_get_can_save (SbServiceEditor *self)
{
  g_return_val_if_fail (SB_IS_SERVICE_EDITOR (self), FALSE);

  return self->can_save;
}

/**
 * sb_service_editor_get_problems:
 * @self: a service editor
 *
 * Returns: (transfer full): every problem of the form, one a line; empty
 *   when there is none
 */
char *
sb_service_editor_get_problems (SbServiceEditor *self)
{
  g_return_val_if_fail (SB_IS_SERVICE_EDITOR (self), NULL);

  return g_strdup (self->problems->str);
}

/**
 * sb_service_editor_get_explanation:
 * @self: a service editor
 *
 * Returns: (transfer full): the targets in plain words, as shown
 */
char *
sb_service_editor_get_explanation (SbServiceEditor *self)
{
  g_return_val_if_fail (SB_IS_SERVICE_EDITOR (self), NULL);

  return sb_targets_editor_get_explanation (self->targets);
}

/**
 * sb_service_editor_set_row_problem:
 * @row: a row of a boxed list
 * @message: (nullable): what is wrong with its value, or %NULL
 *
 * Marks @row with the error style and says @message in a line right under
 * it; %NULL takes both away again.
 */
void
sb_service_editor_set_row_problem (GtkWidget  *row,
                                   const char *message)
{
  GtkWidget *message_row;
  gboolean has_problem = message != NULL && *message != '\0';

  g_return_if_fail (GTK_IS_WIDGET (row));

  message_row = g_object_get_data (G_OBJECT (row), "sb-problem-row");
  if (message_row == NULL)
    {
      GtkWidget *list = gtk_widget_get_parent (row);
      GtkWidget *label;

      if (!has_problem)
        return;

      if (!GTK_IS_LIST_BOX (list) || !GTK_IS_LIST_BOX_ROW (row))
        {
          gtk_widget_set_tooltip_text (row, message);
          return;
        }

      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption");

      message_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
      gtk_widget_set_focusable (message_row, FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), label);
      gtk_list_box_insert (GTK_LIST_BOX (list), message_row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
      g_object_set_data (G_OBJECT (row), "sb-problem-row", message_row);
    }

  gtk_label_set_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message_row))),
                       has_problem ? message : "");
  gtk_widget_set_visible (message_row, has_problem);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, has_problem ? message : "",
                                  -1);
  if (has_problem)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}
