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
#include "sb-suppliers.h"
#include "sb-time.h"

/* A dispute with a supplier, new or edited: what it is about, when it was
 * raised, the amount, a description, then its status, outcome and the
 * day it was closed (asked for only once it is resolved or withdrawn).
 * Enter in a field saves, Escape closes. */

struct _SbDisputeDialog
{
  AdwWindow          parent_instance;

  SbStore           *store;
  SbSupplierDispute *dispute;   /* what is edited: a copy, or a new one */
  char              *currency;
  char              *problem;
  guint              loading : 1;
  guint              tried : 1;     /* Save was pressed: every problem shows */

  /* Template widgets */
  GtkLabel          *problem_label;
  GtkWidget         *save_button;
  AdwEntryRow       *title_row;
  AdwEntryRow       *raised_row;
  AdwEntryRow       *amount_row;
  GtkTextView       *description_view;
  AdwComboRow       *status_row;
  GtkStringList     *status_labels;
  AdwEntryRow       *outcome_row;
  AdwEntryRow       *closed_row;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbDisputeDialog, sb_dispute_dialog, ADW_TYPE_WINDOW)

static const char *
selected_status (SbDisputeDialog *self)
{
  const char * const *statuses = sb_dispute_statuses ();
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (selected >= g_strv_length ((char **) statuses))
    return statuses[0];

  return statuses[selected];
}

static gboolean
status_is_closed (const char *status)
{
  return g_strcmp0 (status, "resolved") == 0 || g_strcmp0 (status, "withdrawn") == 0;
}

/* The problem is said under its field; the line at the top is for what
 * the book refused on Save (@shown). */
static void
set_problem (SbDisputeDialog *self,
             const char      *message,
             gboolean         shown)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  gtk_label_set_label (self->problem_label, shown && message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), shown && message != NULL);
}

/* A problem shows under its row once the row was typed into (or Save
 * pressed): a new, empty form is not scolded. */
static void
note_problem (SbDisputeDialog  *self,
              GtkWidget        *row,
              char             *message,
              char            **first)
{
  gboolean touched = self->tried || g_object_get_data (G_OBJECT (row), "touched") != NULL;

  sb_service_editor_set_row_problem (row, touched ? message : NULL);
  if (message != NULL && *first == NULL)
    *first = g_strdup (message);
  g_free (message);
}

static gboolean
read_date (AdwEntryRow *row,
           GDate       *out,
           char       **message)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  *message = NULL;
  if (*text == '\0')
    return FALSE;

  if (!sb_date_parse (text, out, &error))
    {
      *message = g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  error->message);
      return FALSE;
    }

  return TRUE;
}

/* Reads the form into self->dispute; returns the first problem, if any. */
static char *
read_form (SbDisputeDialog *self)
{
  char *first = NULL;
  char *message = NULL;
  const char *status = selected_status (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *amount_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row))));
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  GDate raised, closed;
  gint64 amount = -1;

  note_problem (self, GTK_WIDGET (self->title_row),
                *title == '\0' ? g_strdup (_("Say in a few words what the dispute is about.")) : NULL,
                &first);
  sb_supplier_dispute_set_title (self->dispute, title);

  if (!read_date (self->raised_row, &raised, &message) && message == NULL)
    message = g_strdup (_("Raised on: a date is needed."));
  note_problem (self, GTK_WIDGET (self->raised_row), message, &first);
  if (g_date_valid (&raised))
    {
      g_autofree char *text = sb_date_format (&raised);

      sb_supplier_dispute_set_raised_on (self->dispute, text);
    }

  message = NULL;
  if (*amount_text != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!sb_money_parse (amount_text, self->currency, &amount, &error))
        message = g_strdup_printf (_("Amount: %s"), error->message);
      else if (amount < 0)
        message = g_strdup (_("Amount: the amount in dispute cannot be negative."));
    }
  note_problem (self, GTK_WIDGET (self->amount_row), message, &first);
  sb_supplier_dispute_set_amount (self->dispute, message == NULL ? amount : -1, self->currency);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  sb_supplier_dispute_set_description (self->dispute, description);
  sb_supplier_dispute_set_status (self->dispute, status);
  sb_supplier_dispute_set_outcome (self->dispute, gtk_editable_get_text (GTK_EDITABLE (self->outcome_row)));

  message = NULL;
  if (status_is_closed (status))
    {
      if (!read_date (self->closed_row, &closed, &message) && message == NULL)
        message = g_strdup (_("Closed on: a resolved or withdrawn dispute needs the day it was closed."));
      else if (message == NULL && g_date_valid (&raised) && g_date_compare (&closed, &raised) < 0)
        message = g_strdup (_("Closed on: the dispute cannot close before it was raised."));
    }
  else
    {
      g_date_clear (&closed, 1);
    }
  note_problem (self, GTK_WIDGET (self->closed_row), message, &first);
  {
    g_autofree char *text = g_date_valid (&closed) ? sb_date_format (&closed) : NULL;

    sb_supplier_dispute_set_closed_on (self->dispute, text);
  }

  return first;
}

static gboolean
validate (SbDisputeDialog *self)
{
  g_autofree char *problem = NULL;

  if (self->loading)
    return FALSE;

  problem = read_form (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dispute.save", problem == NULL);
  gtk_widget_set_tooltip_text (self->save_button, problem != NULL ? problem : _("Save the dispute (Enter)"));
  set_problem (self, problem, FALSE);

  return problem == NULL;
}

static void
on_changed_cb (SbDisputeDialog *self)
{
  validate (self);
}

static void
on_row_changed_cb (GtkEditable     *row,
                   SbDisputeDialog *self)
{
  if (!self->loading)
    g_object_set_data (G_OBJECT (row), "touched", GINT_TO_POINTER (TRUE));
  validate (self);
}

static void
on_status_changed_cb (SbDisputeDialog *self)
{
  gboolean closed = status_is_closed (selected_status (self));
  const char *closed_text = gtk_editable_get_text (GTK_EDITABLE (self->closed_row));

  if (self->loading)
    return;

  /* Closing it closes it today, unless a day is typed; reopening it
   * takes the day away. */
  if (closed && *closed_text == '\0')
    {
      g_autofree char *today_text = NULL;
      GDate today;

      sb_contracts_get_today (self->store, &today);
      today_text = sb_date_format (&today);
      gtk_editable_set_text (GTK_EDITABLE (self->closed_row), today_text);
    }
  else if (!closed)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->closed_row), "");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->closed_row), closed);
  validate (self);
}

static void
on_entry_activated_cb (SbDisputeDialog *self)
{
  /* Enter on a form that cannot be saved yet says why. */
  self->tried = TRUE;
  if (!validate (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "dispute.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbDisputeDialog *self = SB_DISPUTE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  self->tried = TRUE;
  if (!validate (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (!sb_suppliers_save_dispute (self->store, self->dispute, &error))
    {
      set_problem (self, error->message, TRUE);
      gtk_widget_error_bell (widget);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, sb_supplier_dispute_get_id (self->dispute));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load (SbDisputeDialog *self)
{
  const char * const *statuses = sb_dispute_statuses ();
  gint64 amount = sb_supplier_dispute_get_amount (self->dispute);
  const char *text;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         (text = sb_supplier_dispute_get_title (self->dispute)) != NULL ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->raised_row),
                         (text = sb_supplier_dispute_get_raised_on (self->dispute)) != NULL ? text : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            (text = sb_supplier_dispute_get_description (self->dispute)) != NULL ? text : "",
                            -1);
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_row),
                         (text = sb_supplier_dispute_get_outcome (self->dispute)) != NULL ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->closed_row),
                         (text = sb_supplier_dispute_get_closed_on (self->dispute)) != NULL ? text : "");

  if (amount >= 0)
    {
      g_autofree char *shown = sb_money_format_plain (amount, self->currency);

      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), shown);
    }

  {
    /* Translators: the amount row's title with the currency, "Amount in dispute (EUR)" */
    g_autofree char *title = g_strdup_printf (_("Amount in dispute (%s)"), self->currency);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), title);
  }

  for (guint i = 0; statuses[i] != NULL; i++)
    {
      gtk_string_list_append (self->status_labels, sb_dispute_status_get_label (statuses[i]));
      if (g_strcmp0 (statuses[i], sb_supplier_dispute_get_status (self->dispute)) == 0)
        adw_combo_row_set_selected (self->status_row, i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->closed_row),
                          status_is_closed (sb_supplier_dispute_get_status (self->dispute)));

  self->loading = FALSE;
  validate (self);
}

/* GObject */

static void
sb_dispute_dialog_dispose (GObject *object)
{
  SbDisputeDialog *self = SB_DISPUTE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->dispute);

  G_OBJECT_CLASS (sb_dispute_dialog_parent_class)->dispose (object);
}

static void
sb_dispute_dialog_finalize (GObject *object)
{
  SbDisputeDialog *self = SB_DISPUTE_DIALOG (object);

  g_free (self->currency);
  g_free (self->problem);

  G_OBJECT_CLASS (sb_dispute_dialog_parent_class)->finalize (object);
}

static void
sb_dispute_dialog_class_init (SbDisputeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_dispute_dialog_dispose;
  object_class->finalize = sb_dispute_dialog_finalize;

  /**
   * SbDisputeDialog::saved:
   * @id: the dispute's id
   *
   * The dispute was written to the book; the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-dispute-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, raised_row);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, status_labels);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SbDisputeDialog, closed_row);

  gtk_widget_class_install_action (widget_class, "dispute.save", NULL, save_action);
}

static void
sb_dispute_dialog_init (SbDisputeDialog *self)
{
  AdwEntryRow *rows[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  rows[0] = self->title_row;
  rows[1] = self->raised_row;
  rows[2] = self->amount_row;
  rows[3] = self->outcome_row;
  rows[4] = self->closed_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_signal_connect (rows[i], "changed", G_CALLBACK (on_row_changed_cb), self);
      g_signal_connect_swapped (rows[i], "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
    }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected",
                            G_CALLBACK (on_status_changed_cb), self);

  sb_date_row_add_picker (self->raised_row);
  sb_date_row_add_picker (self->closed_row);
}

/**
 * sb_dispute_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the book
 * @supplier_id: the supplier the dispute is with
 * @dispute: (nullable): the dispute to edit, or %NULL to raise a new one
 *   (open, raised today)
 *
 * Returns: (transfer none): the dialog, owned by the window list
 */
SbDisputeDialog *
sb_dispute_dialog_new (GtkWindow         *parent,
                       SbStore           *store,
                       const char        *supplier_id,
                       SbSupplierDispute *dispute)
{
  SbDisputeDialog *self;
  const char *currency;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);

  self = g_object_new (SB_TYPE_DISPUTE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (dispute != NULL)
    {
      self->dispute = sb_supplier_dispute_copy (dispute);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Dispute"));
    }
  else
    {
      g_autofree char *today_text = NULL;
      GDate today;

      self->dispute = sb_supplier_dispute_new (supplier_id);
      sb_contracts_get_today (store, &today);
      today_text = sb_date_format (&today);
      sb_supplier_dispute_set_raised_on (self->dispute, today_text);
    }

  currency = sb_supplier_dispute_get_currency (self->dispute);
  if (currency == NULL || *currency == '\0')
    currency = sb_store_get_base_currency (store);
  self->currency = g_strdup (currency);

  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

/**
 * sb_dispute_dialog_set_status:
 * @self: a dispute dialog
 * @status: a dispute status (sb_dispute_statuses())
 *
 * Chooses @status in the form, as the drop-down would.
 */
void
sb_dispute_dialog_set_status (SbDisputeDialog *self,
                              const char      *status)
{
  const char * const *statuses = sb_dispute_statuses ();

  g_return_if_fail (SB_IS_DISPUTE_DIALOG (self));

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      adw_combo_row_set_selected (self->status_row, i);
}

/**
 * sb_dispute_dialog_get_problem:
 * @self: a dispute dialog
 *
 * Returns: (nullable): what keeps the dispute from being saved, as shown
 */
const char *
sb_dispute_dialog_get_problem (SbDisputeDialog *self)
{
  g_return_val_if_fail (SB_IS_DISPUTE_DIALOG (self), NULL);

  return self->problem;
}
