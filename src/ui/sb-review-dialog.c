/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-contracts.h"
#include "sb-review-dialog.h"
#include "sb-service-editor.h"
#include "sb-suppliers.h"
#include "sb-time.h"

/* A periodic review of a supplier: the dates, the four scores as rows of
 * 1…5 toggles, notes, agreed actions and the next review.  Dates are
 * checked as they are typed; the store's own checks speak on Save.
 * Enter in a field saves, Escape closes. */

struct _SbReviewDialog
{
  AdwWindow        parent_instance;

  SbStore         *store;
  char            *supplier_id;
  char            *problem;
  GtkToggleButton *scores[SB_REVIEW_N_SCORES][5];

  /* Template widgets */
  GtkLabel            *problem_label;
  GtkWidget           *save_button;
  AdwEntryRow         *review_date_row;
  AdwEntryRow         *period_from_row;
  AdwEntryRow         *period_to_row;
  AdwEntryRow         *reviewer_row;
  AdwPreferencesGroup *scores_group;
  AdwEntryRow         *notes_row;
  AdwEntryRow         *actions_row;
  AdwEntryRow         *next_review_row;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SbReviewDialog, sb_review_dialog, ADW_TYPE_WINDOW)

/* The problem is said under its field; the line at the top is for what
 * the book refused on Save (@shown). */
static void
set_problem (SbReviewDialog  *self,
             const char      *message,
             gboolean         shown)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  gtk_label_set_label (self->problem_label, shown && message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), shown && message != NULL);
}

/* Reads a date row; a problem goes under the row and, the first one,
 * into @first_problem. */
static void
read_date_row (AdwEntryRow  *row,
               gboolean      required,
               GDate        *out,
               char        **first_problem)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_date_clear (out, 1);
  if (*text == '\0')
    {
      if (!required)
        {
          sb_service_editor_set_row_problem (GTK_WIDGET (row), NULL);
          return;
        }
      message = g_strdup_printf (_("%s: a date is needed."),
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  else if (!sb_date_parse (text, out, &error))
    {
      message = g_strdup_printf ("%s: %s",
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                 error->message);
    }

  sb_service_editor_set_row_problem (GTK_WIDGET (row), message);
  if (message != NULL && *first_problem == NULL)
    *first_problem = g_steal_pointer (&message);
}

static char *
check_dates (SbReviewDialog *self,
             GDate          *review,
             GDate          *from,
             GDate          *to,
             GDate          *next)
{
  char *problem = NULL;

  read_date_row (self->review_date_row, TRUE, review, &problem);
  read_date_row (self->period_from_row, FALSE, from, &problem);
  read_date_row (self->period_to_row, FALSE, to, &problem);
  read_date_row (self->next_review_row, FALSE, next, &problem);

  if (problem == NULL && g_date_valid (from) && g_date_valid (to) && g_date_compare (to, from) < 0)
    {
      problem = g_strdup (_("The period reviewed ends before it starts."));
      sb_service_editor_set_row_problem (GTK_WIDGET (self->period_to_row), problem);
    }
  if (problem == NULL && g_date_valid (next) && g_date_compare (next, review) <= 0)
    {
      problem = g_strdup (_("The next review is due after this one."));
      sb_service_editor_set_row_problem (GTK_WIDGET (self->next_review_row), problem);
    }

  return problem;
}

static gboolean
validate (SbReviewDialog *self)
{
  GDate review, from, to, next;
  g_autofree char *problem = check_dates (self, &review, &from, &to, &next);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", problem == NULL);
  gtk_widget_set_tooltip_text (self->save_button, problem != NULL ? problem : _("Save the review (Enter)"));
  set_problem (self, problem, FALSE);

  return problem == NULL;
}

static int
score_of (SbReviewDialog *self,
          guint           which)
{
  for (guint i = 0; i < 5; i++)
    if (gtk_toggle_button_get_active (self->scores[which][i]))
      return i + 1;

  return 0;
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? sb_date_format (date) : NULL;
}

static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbReviewDialog *self = SB_REVIEW_DIALOG (widget);
  g_autoptr(SbSupplierReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *review_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *next_text = NULL;
  GDate review_date, from, to, next;

  if (!validate (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_free (check_dates (self, &review_date, &from, &to, &next));
  review_text = date_text (&review_date);
  from_text = date_text (&from);
  to_text = date_text (&to);
  next_text = date_text (&next);

  review = sb_supplier_review_new (self->supplier_id);
  sb_supplier_review_set_review_date (review, review_text);
  sb_supplier_review_set_period_from (review, from_text);
  sb_supplier_review_set_period_to (review, to_text);
  sb_supplier_review_set_next_review (review, next_text);
  sb_supplier_review_set_reviewer (review, entry_text (self->reviewer_row));
  sb_supplier_review_set_notes (review, entry_text (self->notes_row));
  sb_supplier_review_set_actions (review, entry_text (self->actions_row));
  for (guint i = 0; i < SB_REVIEW_N_SCORES; i++)
    sb_supplier_review_set_score (review, i, score_of (self, i));

  if (!sb_suppliers_add_review (self->store, review, &error))
    {
      set_problem (self, error->message, TRUE);
      gtk_widget_error_bell (widget);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, sb_supplier_review_get_id (review));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_changed_cb (SbReviewDialog *self)
{
  validate (self);
}

static void
on_entry_activated_cb (SbReviewDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.save", NULL);
}

/* The date picker */

static void
on_day_selected_cb (GtkCalendar *calendar,
                    AdwEntryRow *row)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (picked, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_picker_show_cb (GtkPopover  *popover,
                   AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (sb_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &date, NULL))
    shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), 0, 0, 0);
  else
    shown = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (calendar, on_day_selected_cb, row);
  gtk_calendar_select_day (calendar, shown);
  g_signal_handlers_unblock_by_func (calendar, on_day_selected_cb, row);
}

/**
 * sb_date_row_add_picker:
 * @row: an entry row for a date typed as YYYY-MM-DD
 *
 * Adds a calendar button at the end of @row: the date picked is written
 * into the row, as if typed.
 */
void
sb_date_row_add_picker (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autofree char *label = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  label = g_strdup_printf (_("Pick a date for “%s”"),
                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_picker_show_cb), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), row, 0);
  adw_entry_row_add_suffix (row, button);
}

/* GObject */

static void
build_scores (SbReviewDialog *self)
{
  for (guint which = 0; which < SB_REVIEW_N_SCORES; which++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      const char *title = sb_review_score_get_label (which);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

      for (guint i = 0; i < 5; i++)
        {
          g_autofree char *text = g_strdup_printf ("%u", i + 1);
          /* Translators: a review score, e.g. "Quality: 4 of 5" */
          g_autofree char *tip = g_strdup_printf (_("%s: %u of 5"), title, i + 1);
          GtkWidget *toggle = gtk_toggle_button_new_with_label (text);

          gtk_widget_set_tooltip_text (toggle, tip);
          if (i > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->scores[which][0]);
          self->scores[which][i] = GTK_TOGGLE_BUTTON (toggle);
          gtk_box_append (GTK_BOX (box), toggle);
        }

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_preferences_group_add (self->scores_group, row);
    }
}

static void
sb_review_dialog_dispose (GObject *object)
{
  SbReviewDialog *self = SB_REVIEW_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_review_dialog_parent_class)->dispose (object);
}

static void
sb_review_dialog_finalize (GObject *object)
{
  SbReviewDialog *self = SB_REVIEW_DIALOG (object);

  g_free (self->supplier_id);
  g_free (self->problem);

  G_OBJECT_CLASS (sb_review_dialog_parent_class)->finalize (object);
}

static void
sb_review_dialog_class_init (SbReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_review_dialog_dispose;
  object_class->finalize = sb_review_dialog_finalize;

  /**
   * SbReviewDialog::saved:
   * @id: the new review's id
   *
   * The review was written to the book; the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, review_date_row);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, period_from_row);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, period_to_row);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, scores_group);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, actions_row);
  gtk_widget_class_bind_template_child (widget_class, SbReviewDialog, next_review_row);

  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
}

static void
sb_review_dialog_init (SbReviewDialog *self)
{
  AdwEntryRow *rows[7];

  gtk_widget_init_template (GTK_WIDGET (self));
  build_scores (self);

  rows[0] = self->review_date_row;
  rows[1] = self->period_from_row;
  rows[2] = self->period_to_row;
  rows[3] = self->reviewer_row;
  rows[4] = self->notes_row;
  rows[5] = self->actions_row;
  rows[6] = self->next_review_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (on_changed_cb), self);
      g_signal_connect_swapped (rows[i], "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
    }

  sb_date_row_add_picker (self->review_date_row);
  sb_date_row_add_picker (self->period_from_row);
  sb_date_row_add_picker (self->period_to_row);
  sb_date_row_add_picker (self->next_review_row);
}

/**
 * sb_review_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the book
 * @supplier_id: the supplier reviewed
 *
 * A form for a new review, dated today, of the three months up to today,
 * with the next review due three months on.
 *
 * Returns: (transfer none): the dialog, owned by the window list
 */
SbReviewDialog *
sb_review_dialog_new (GtkWindow  *parent,
                      SbStore    *store,
                      const char *supplier_id)
{
  SbReviewDialog *self;
  g_autofree char *today_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *next_text = NULL;
  GDate today, from, next;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);

  self = g_object_new (SB_TYPE_REVIEW_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->supplier_id = g_strdup (supplier_id);

  sb_contracts_get_today (store, &today);
  from = today;
  sb_date_add_months_clamped (&from, -3);
  g_date_add_days (&from, 1);
  next = today;
  sb_date_add_months_clamped (&next, 3);

  today_text = sb_date_format (&today);
  from_text = sb_date_format (&from);
  next_text = sb_date_format (&next);
  gtk_editable_set_text (GTK_EDITABLE (self->review_date_row), today_text);
  gtk_editable_set_text (GTK_EDITABLE (self->period_from_row), from_text);
  gtk_editable_set_text (GTK_EDITABLE (self->period_to_row), today_text);
  gtk_editable_set_text (GTK_EDITABLE (self->next_review_row), next_text);
  validate (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->review_date_row));

  return self;
}

/**
 * sb_review_dialog_set_score:
 * @self: a review dialog
 * @which: an #SbReviewScore
 * @score: 1…5
 *
 * Presses the toggle of @score in the row of @which, as a click would.
 */
void
sb_review_dialog_set_score (SbReviewDialog *self,
                            guint           which,
                            int             score)
{
  g_return_if_fail (SB_IS_REVIEW_DIALOG (self));
  g_return_if_fail (which < SB_REVIEW_N_SCORES);
  g_return_if_fail (score >= 1 && score <= 5);

  gtk_toggle_button_set_active (self->scores[which][score - 1], TRUE);
}

/**
 * sb_review_dialog_get_problem:
 * @self: a review dialog
 *
 * Returns: (nullable): what keeps the review from being saved, as shown
 */
const char *
sb_review_dialog_get_problem (SbReviewDialog *self)
{
  g_return_val_if_fail (SB_IS_REVIEW_DIALOG (self), NULL);

  return self->problem;
}
