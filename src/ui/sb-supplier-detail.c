/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-contracts.h"
#include "sb-dispute-dialog.h"
#include "sb-money.h"
#include "sb-review-dialog.h"
#include "sb-service-editor.h"
#include "sb-supplier-detail-private.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers.h"
#include "sb-time.h"
#include "sb-ui-format.h"

/* One supplier: its own fields and contacts (edited, then saved or
 * reverted together), and what the book knows around it: its contracts,
 * its performance in a chosen period with a 12-month trend, its reviews
 * and its disputes (each written at once, through its own dialog). */

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbSupplierDetail, sb_supplier_detail, ADW_TYPE_BIN)

static void validate (SbSupplierDetail *self);

/* Helpers */

void
sb_supplier_detail_add_toast (SbSupplierDetail *self,
                              AdwToast         *toast)
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
sb_supplier_detail_show_error (SbSupplierDetail *self,
                               const GError     *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  sb_supplier_detail_add_toast (self, toast);
}

GtkWindow *
sb_supplier_detail_parent_window (SbSupplierDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

const char *
sb_supplier_detail_get_id (SbSupplierDetail *self)
{
  return self->original != NULL ? sb_supplier_get_id (self->original) : NULL;
}

static void
fill_choices (GtkStringList       *labels,
              const char * const  *values,
              const char *       (*get_label) (const char *))
{
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (labels, get_label (values[i]));
}

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return 0;
}

static const char *
value_at (const char * const *values,
          guint               position)
{
  return position < g_strv_length ((char **) values) ? values[position] : values[0];
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
text_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (or_empty (text)));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* The edited supplier */

static void
set_modified (SbSupplierDetail *self,
              gboolean          modified)
{
  self->modified = modified;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.revert", modified);
}

static void
update_title (SbSupplierDetail *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (*name != '\0')
    gtk_label_set_label (self->title_label, name);
  else
    gtk_label_set_label (self->title_label, self->original == NULL ? _("New Supplier") : _("Supplier"));
}

static void
contact_update_row (GtkWidget         *expander,
                    SbSupplierContact *contact)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  if (contact->role != NULL && *contact->role != '\0')
    g_ptr_array_add (parts, contact->role);
  if (contact->email != NULL && *contact->email != '\0')
    g_ptr_array_add (parts, contact->email);
  if (contact->phone != NULL && *contact->phone != '\0')
    g_ptr_array_add (parts, contact->phone);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 contact->name != NULL && *contact->name != '\0'
                                 ? contact->name : _("New contact"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
}

static void
on_contact_field_changed_cb (GtkEditable      *entry,
                             SbSupplierDetail *self)
{
  SbSupplierContact *contact = g_object_get_data (G_OBJECT (entry), "contact");
  const char *field = g_object_get_data (G_OBJECT (entry), "field");
  char **slot = NULL;

  if (self->loading || contact == NULL)
    return;

  if (g_str_equal (field, "name"))
    slot = &contact->name;
  else if (g_str_equal (field, "role"))
    slot = &contact->role;
  else if (g_str_equal (field, "email"))
    slot = &contact->email;
  else
    slot = &contact->phone;

  g_free (*slot);
  *slot = g_strdup (gtk_editable_get_text (entry));
  contact_update_row (g_object_get_data (G_OBJECT (entry), "expander"), contact);

  set_modified (self, TRUE);
  validate (self);
}

static void
on_remove_contact_cb (GtkButton        *button,
                      SbSupplierDetail *self)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (button), "expander");

  g_ptr_array_remove (self->contacts, g_object_get_data (G_OBJECT (button), "contact"));
  g_ptr_array_remove (self->contact_rows, expander);
  adw_preferences_group_remove (self->contacts_group, expander);

  set_modified (self, TRUE);
  validate (self);
}

static GtkWidget *
add_contact_row (SbSupplierDetail  *self,
                 SbSupplierContact *contact)
{
  static const struct
  {
    const char *field;
    const char *title;
    GtkInputPurpose purpose;
  } fields[] = {
    { "name", N_("Name"), GTK_INPUT_PURPOSE_NAME },
    { "role", N_("Role"), GTK_INPUT_PURPOSE_FREE_FORM },
    { "email", N_("Email"), GTK_INPUT_PURPOSE_EMAIL },
    { "phone", N_("Phone"), GTK_INPUT_PURPOSE_PHONE },
  };
  const char *values[] = { contact->name, contact->role, contact->email, contact->phone };
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Contact"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(fields[i].title));
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), fields[i].purpose);
      gtk_editable_set_text (GTK_EDITABLE (entry), or_empty (values[i]));
      g_object_set_data (G_OBJECT (entry), "contact", contact);
      g_object_set_data (G_OBJECT (entry), "field", (gpointer) fields[i].field);
      g_object_set_data (G_OBJECT (entry), "expander", expander);
      g_signal_connect (entry, "changed", G_CALLBACK (on_contact_field_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry);
      if (i == 0)
        g_object_set_data (G_OBJECT (expander), "name-entry", entry);
    }

  g_object_set_data (G_OBJECT (remove), "contact", contact);
  g_object_set_data (G_OBJECT (remove), "expander", expander);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_contact_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

  contact_update_row (expander, contact);
  adw_preferences_group_add (self->contacts_group, expander);
  g_ptr_array_add (self->contact_rows, expander);

  return expander;
}

static void
load_contacts (SbSupplierDetail *self,
               SbSupplier       *supplier)
{
  GPtrArray *contacts = supplier != NULL ? sb_supplier_get_contacts (supplier) : NULL;

  for (guint i = 0; i < self->contact_rows->len; i++)
    adw_preferences_group_remove (self->contacts_group, g_ptr_array_index (self->contact_rows, i));
  g_ptr_array_set_size (self->contact_rows, 0);
  g_ptr_array_set_size (self->contacts, 0);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      SbSupplierContact *copy = sb_supplier_contact_copy (g_ptr_array_index (contacts, i));

      g_ptr_array_add (self->contacts, copy);
      add_contact_row (self, copy);
    }
}

static void
load (SbSupplierDetail *self,
      SbSupplier       *supplier)
{
  g_autoptr(SbSupplier) draft = supplier != NULL ? g_object_ref (supplier) : sb_supplier_new ();
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->website_row),
    GTK_WIDGET (self->account_row), GTK_WIDGET (self->owner_row),
  };

  self->loading = TRUE;

  if (supplier != self->original)
    {
      g_clear_object (&self->original);
      if (supplier != NULL && sb_supplier_get_id (supplier) != NULL)
        self->original = sb_supplier_copy (supplier);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), or_empty (sb_supplier_get_name (draft)));
  adw_combo_row_set_selected (self->kind_row, index_of (sb_supplier_kinds (), sb_supplier_get_kind (draft)));
  adw_combo_row_set_selected (self->status_row,
                              index_of (sb_supplier_statuses (), sb_supplier_get_status (draft)));
  adw_combo_row_set_selected (self->criticality_row,
                              index_of (sb_supplier_criticalities (), sb_supplier_get_criticality (draft)));
  gtk_editable_set_text (GTK_EDITABLE (self->website_row), or_empty (sb_supplier_get_website (draft)));
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), or_empty (sb_supplier_get_account_number (draft)));
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), or_empty (sb_supplier_get_relationship_owner (draft)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            or_empty (sb_supplier_get_notes (draft)), -1);
  load_contacts (self, draft);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_object_set_data (G_OBJECT (rows[i]), "touched", NULL);
      sb_service_editor_set_row_problem (rows[i], NULL);
    }

  self->loading = FALSE;

  set_modified (self, FALSE);
  gtk_widget_set_visible (self->delete_button, self->original != NULL);
  gtk_widget_set_visible (self->draft_hint, self->original == NULL);
  gtk_widget_set_visible (self->records_box, self->original != NULL);
  update_title (self);
  validate (self);
}

/* The supplier as the form says it is. */
static SbSupplier *
build_draft (SbSupplierDetail *self)
{
  SbSupplier *draft = self->original != NULL ? sb_supplier_copy (self->original) : sb_supplier_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_supplier_contact_free);
  g_autofree char *name = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autofree char *website = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->website_row)));
  g_autofree char *account = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->account_row)));
  g_autofree char *owner = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  sb_supplier_set_name (draft, name);
  sb_supplier_set_kind (draft, value_at (sb_supplier_kinds (), adw_combo_row_get_selected (self->kind_row)));
  sb_supplier_set_status (draft, value_at (sb_supplier_statuses (),
                                           adw_combo_row_get_selected (self->status_row)));
  sb_supplier_set_criticality (draft, value_at (sb_supplier_criticalities (),
                                                adw_combo_row_get_selected (self->criticality_row)));
  sb_supplier_set_website (draft, website);
  sb_supplier_set_account_number (draft, account);
  sb_supplier_set_relationship_owner (draft, owner);
  sb_supplier_set_notes (draft, *notes != '\0' ? notes : NULL);

  for (guint i = 0; i < self->contacts->len; i++)
    g_ptr_array_add (contacts, sb_supplier_contact_copy (g_ptr_array_index (self->contacts, i)));
  sb_supplier_set_contacts (draft, contacts);

  return draft;
}

/* Which row a validation message belongs to: the one whose field, put
 * back to a harmless value, makes the message go away. */
static GtkWidget *
row_for_problem (SbSupplierDetail *self,
                 SbSupplier       *draft,
                 const char       *message)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->website_row),
    GTK_WIDGET (self->account_row), GTK_WIDGET (self->owner_row),
    GTK_WIDGET (self->contacts_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SbSupplier) probe = sb_supplier_copy (draft);
      g_autoptr(GError) error = NULL;
      g_autofree char *unique = NULL;

      switch (i)
        {
        case 0:
          unique = g_strdup_printf ("%s %s", _("Supplier"), g_uuid_string_random ());
          sb_supplier_set_name (probe, unique);
          break;
        case 1:
          sb_supplier_set_website (probe, NULL);
          break;
        case 2:
          sb_supplier_set_account_number (probe, NULL);
          break;
        case 3:
          sb_supplier_set_relationship_owner (probe, NULL);
          break;
        default:
          {
            g_autoptr(GPtrArray) none = g_ptr_array_new ();

            sb_supplier_set_contacts (probe, none);
          }
          break;
        }

      if (sb_suppliers_validate (self->store, probe, &error) ||
          g_strcmp0 (error->message, message) != 0)
        return rows[i];
    }

  return NULL;
}

static void
set_problem (SbSupplierDetail *self,
             const char       *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
}

static void
validate (SbSupplierDetail *self)
{
  g_autoptr(SbSupplier) draft = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->website_row),
    GTK_WIDGET (self->account_row), GTK_WIDGET (self->owner_row),
  };
  GtkWidget *culprit = NULL;
  gboolean valid;

  if (self->loading || self->store == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    sb_service_editor_set_row_problem (rows[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  draft = build_draft (self);
  valid = sb_suppliers_validate (self->store, draft, &error);
  set_problem (self, valid ? NULL : error->message);

  if (!valid)
    {
      culprit = row_for_problem (self, draft, error->message);

      /* A new supplier's empty name is not scolded before it is typed. */
      if (culprit == GTK_WIDGET (self->name_row) && self->original == NULL &&
          g_object_get_data (G_OBJECT (culprit), "touched") == NULL)
        ;
      else if (culprit != NULL && ADW_IS_PREFERENCES_ROW (culprit))
        sb_service_editor_set_row_problem (culprit, error->message);
      else
        {
          gtk_label_set_label (self->problem_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
        }
    }

  self->can_save = valid && (self->modified || self->original == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.save", self->can_save);
  gtk_widget_set_tooltip_text (self->save_button, valid ? _("Save (Ctrl+S)") : error->message);
}

static void
on_field_changed_cb (SbSupplierDetail *self)
{
  if (self->loading)
    return;

  set_modified (self, TRUE);
  update_title (self);
  validate (self);
}

static void
on_entry_changed_cb (GtkEditable      *editable,
                     SbSupplierDetail *self)
{
  if (self->loading)
    return;

  g_object_set_data (G_OBJECT (editable), "touched", GINT_TO_POINTER (TRUE));
  on_field_changed_cb (self);
}


/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sb_supplier_detail_save (SB_SUPPLIER_DETAIL (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (widget);

  if (!self->modified)
    return;

  load (self, self->original);
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (widget);
  SbSupplierContact *contact = sb_supplier_contact_new (NULL, NULL, NULL, NULL);
  GtkWidget *expander;

  g_ptr_array_add (self->contacts, contact);
  expander = add_contact_row (self, contact);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);

  set_modified (self, TRUE);
  validate (self);

  /* Straight into the new contact's name. */
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (expander), "name-entry"));
}

/* GObject */

/* The detail lays out its one child itself (AdwBin's layout manager is
 * taken away in init) so that the page can ask for a wider natural
 * width on a wide window. */
static void
sb_supplier_detail_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->preferred_width > 0)
    *natural = MAX (*minimum, self->preferred_width);
}

static void
sb_supplier_detail_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
sb_supplier_detail_dispose (GObject *object)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_SUPPLIER_DETAIL);

  g_clear_object (&self->store);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (sb_supplier_detail_parent_class)->dispose (object);
}

static void
sb_supplier_detail_finalize (GObject *object)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (object);

  g_ptr_array_unref (self->contacts);
  g_ptr_array_unref (self->contact_rows);
  g_ptr_array_unref (self->record_rows);
  g_clear_pointer (&self->trend, g_array_unref);
  g_free (self->problem);

  G_OBJECT_CLASS (sb_supplier_detail_parent_class)->finalize (object);
}

static void
sb_supplier_detail_class_init (SbSupplierDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_supplier_detail_dispose;
  object_class->finalize = sb_supplier_detail_finalize;

  widget_class->measure = sb_supplier_detail_measure;
  widget_class->size_allocate = sb_supplier_detail_size_allocate;

  /**
   * SbSupplierDetail::saved:
   * @id: the supplier's id
   *
   * The supplier was written to the book.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-supplier-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, save_button);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, kind_labels);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, status_labels);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, criticality_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, criticality_labels);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, website_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, account_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, draft_hint);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, records_box);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, contracts_group);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, escalated_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, response_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, response_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, resolution_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, breaches_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, median_response_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, median_resolution_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, scores_row);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, disputes_label);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, trend_area);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, SbSupplierDetail, disputes_group);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_period_changed_cb",
                                                G_CALLBACK (sb_supplier_detail_period_changed));

  gtk_widget_class_install_action (widget_class, "detail.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "detail.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "detail.add-contact", NULL, add_contact_action);
  sb_supplier_detail_install_record_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "detail.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "detail.revert", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "detail.add-contact", NULL);
}

static void
sb_supplier_detail_init (SbSupplierDetail *self)
{
  GtkWidget *entries[4];
  AdwComboRow *combos[3];

  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_supplier_contact_free);
  self->contact_rows = g_ptr_array_new ();
  self->record_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  fill_choices (self->kind_labels, sb_supplier_kinds (), sb_supplier_kind_get_label);
  fill_choices (self->status_labels, sb_supplier_statuses (), sb_supplier_status_get_label);
  fill_choices (self->criticality_labels, sb_supplier_criticalities (), sb_supplier_criticality_get_label);

  entries[0] = GTK_WIDGET (self->name_row);
  entries[1] = GTK_WIDGET (self->website_row);
  entries[2] = GTK_WIDGET (self->account_row);
  entries[3] = GTK_WIDGET (self->owner_row);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed_cb), self);

  combos[0] = self->kind_row;
  combos[1] = self->status_row;
  combos[2] = self->criticality_row;
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    g_signal_connect_swapped (combos[i], "notify::selected", G_CALLBACK (on_field_changed_cb), self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed_cb), self);

  gtk_drawing_area_set_draw_func (self->trend_area, sb_supplier_detail_draw_trend, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->trend_area, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.revert", FALSE);
}

/* Public API */

/**
 * sb_supplier_detail_set_store:
 * @self: a supplier detail
 * @store: (nullable): the book
 *
 * Sets the book the detail reads from and writes to.
 */
void
sb_supplier_detail_set_store (SbSupplierDetail *self,
                              SbStore          *store)
{
  g_return_if_fail (SB_IS_SUPPLIER_DETAIL (self));
  g_return_if_fail (store == NULL || SB_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  load (self, NULL);
}

/**
 * sb_supplier_detail_get_supplier:
 * @self: a supplier detail
 *
 * Returns: (transfer none) (nullable): the supplier as saved, or %NULL
 *   while a new one is being typed
 */
SbSupplier *
sb_supplier_detail_get_supplier (SbSupplierDetail *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DETAIL (self), NULL);

  return self->original;
}

/**
 * sb_supplier_detail_set_supplier:
 * @self: a supplier detail
 * @supplier: (nullable): the supplier to show, or %NULL for a new one
 *
 * Shows @supplier (a copy is kept), dropping any unsaved changes.
 */
void
sb_supplier_detail_set_supplier (SbSupplierDetail *self,
                                 SbSupplier       *supplier)
{
  g_return_if_fail (SB_IS_SUPPLIER_DETAIL (self));

  load (self, supplier);
  sb_supplier_detail_load_records (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * sb_supplier_detail_reload:
 * @self: a supplier detail
 *
 * Reads the supplier again after a change of the book: its fields unless
 * they are being edited, and everything around it.
 */
void
sb_supplier_detail_reload (SbSupplierDetail *self)
{
  g_return_if_fail (SB_IS_SUPPLIER_DETAIL (self));

  if (self->store == NULL || self->original == NULL)
    return;

  if (!self->modified)
    {
      g_autoptr(SbSupplier) fresh = sb_suppliers_get (self->store, sb_supplier_get_id (self->original), NULL);

      if (fresh != NULL)
        load (self, fresh);
    }

  sb_supplier_detail_load_records (self);
}

/**
 * sb_supplier_detail_focus:
 * @self: a supplier detail
 *
 * Puts the keyboard focus on the name.
 */
void
sb_supplier_detail_focus (SbSupplierDetail *self)
{
  g_return_if_fail (SB_IS_SUPPLIER_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * sb_supplier_detail_save:
 * @self: a supplier detail
 *
 * Writes the supplier as edited to the book when it can be saved, then
 * emits #SbSupplierDetail::saved; a refusal of the book is shown above
 * the form.
 *
 * Returns: %TRUE when it was saved
 */
gboolean
sb_supplier_detail_save (SbSupplierDetail *self)
{
  g_autoptr(SbSupplier) draft = NULL;
  g_autoptr(SbSupplier) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (SB_IS_SUPPLIER_DETAIL (self), FALSE);

  if (self->store == NULL || !self->can_save)
    return FALSE;

  draft = build_draft (self);
  if (!sb_suppliers_save (self->store, draft, &error))
    {
      set_problem (self, error->message);
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  id = g_strdup (sb_supplier_get_id (draft));
  saved = sb_suppliers_get (self->store, id, NULL);
  load (self, saved != NULL ? saved : draft);
  sb_supplier_detail_load_records (self);

  g_signal_emit (self, signals[SAVED], 0, id);

  return TRUE;
}

/**
 * sb_supplier_detail_set_preferred_width:
 * @self: a supplier detail
 * @width: the natural width wanted, or 0 for the form's own
 *
 * Lets the page share a wide window between its list and the detail.
 */
void
sb_supplier_detail_set_preferred_width (SbSupplierDetail *self,
                                        int               width)
{
  g_return_if_fail (SB_IS_SUPPLIER_DETAIL (self));

  width = MAX (width, 0);
  if (width == self->preferred_width)
    return;

  self->preferred_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
sb_supplier_detail_get_modified (SbSupplierDetail *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DETAIL (self), FALSE);

  return self->modified;
}

gboolean
sb_supplier_detail_get_can_save (SbSupplierDetail *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DETAIL (self), FALSE);

  return self->can_save;
}

/**
 * sb_supplier_detail_get_problem:
 * @self: a supplier detail
 *
 * Returns: (nullable): why the supplier cannot be saved as it stands
 */
const char *
sb_supplier_detail_get_problem (SbSupplierDetail *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DETAIL (self), NULL);

  return self->problem;
}

/**
 * sb_supplier_detail_set_period:
 * @self: a supplier detail
 * @period: the period of the performance figures
 *
 * Chooses the period, as the drop-down would.
 */
void
sb_supplier_detail_set_period (SbSupplierDetail    *self,
                               SbPerformancePeriod  period)
{
  g_return_if_fail (SB_IS_SUPPLIER_DETAIL (self));

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

guint
sb_supplier_detail_get_n_reviews (SbSupplierDetail *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DETAIL (self), 0);

  return self->n_reviews;
}

guint
sb_supplier_detail_get_n_disputes (SbSupplierDetail *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DETAIL (self), 0);

  return self->n_disputes;
}

guint
sb_supplier_detail_get_n_contracts (SbSupplierDetail *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DETAIL (self), 0);

  return self->n_contracts;
}
