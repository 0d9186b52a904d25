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
#include "sb-report-print.h"
#include "sb-review-dialog.h"
#include "sb-supplier-detail-private.h"
#include "sb-supplier-performance.h"
#include "sb-suppliers.h"
#include "sb-time.h"
#include "sb-ui-format.h"

/* What the book knows around a supplier, each part read again on every
 * change of the book: its contracts, its performance in the chosen
 * period with a 12-month trend, its reviews and its disputes.  Reviews
 * and disputes are written at once, each through its own dialog. */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
add_record_row (SbSupplierDetail    *self,
                AdwPreferencesGroup *group,
                GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->record_rows, row);
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

static char *
format_date_text (const char *iso)
{
  GDate date;

  if (iso == NULL || !sb_date_parse (iso, &date, NULL))
    return g_strdup (or_empty (iso));

  return sb_date_format_local (&date);
}

/* Contracts */

static gboolean
ahead (const GDate *date,
       const GDate *today)
{
  return g_date_valid (date) && g_date_compare (date, today) >= 0;
}

static char *
contract_deadline_text (SbContractState *state,
                        const GDate     *today)
{
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;

  if (ahead (&state->notice_deadline, today))
    {
      date = sb_date_format_local (&state->notice_deadline);
      when = sb_format_date_relative (&state->notice_deadline, today);
      /* Translators: the last day to give notice, "Notice by 30 Sep 2026 (in 3 weeks)" */
      return g_strdup_printf (_("Notice by %s (%s)"), date, when);
    }
  if (ahead (&state->next_renewal, today))
    {
      date = sb_date_format_local (&state->next_renewal);
      when = sb_format_date_relative (&state->next_renewal, today);
      /* Translators: "Renews 1 Jan 2027 (in 4 months)" */
      return g_strdup_printf (_("Renews %s (%s)"), date, when);
    }
  if (ahead (&state->final_end, today))
    {
      date = sb_date_format_local (&state->final_end);
      when = sb_format_date_relative (&state->final_end, today);
      /* Translators: "Ends 31 Dec 2026 (in 3 months)" */
      return g_strdup_printf (_("Ends %s (%s)"), date, when);
    }

  return g_strdup (_("No deadline ahead"));
}

static void
on_contract_activated_cb (AdwActionRow     *row,
                          SbSupplierDetail *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "contract-id");

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-contract", "s", id))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
load_contracts (SbSupplierDetail *self,
                const GDate      *today)
{
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GError) error = NULL;
  int warning_days = sb_contracts_get_warning_days (self->store);

  self->n_contracts = 0;
  contracts = sb_contracts_list (self->store, sb_supplier_detail_get_id (self), &error);
  if (contracts == NULL)
    {
      add_record_row (self, self->contracts_group, plain_row (_("The contracts cannot be read"), error->message));
      return;
    }

  self->n_contracts = g_list_model_get_n_items (contracts);
  for (guint i = 0; i < self->n_contracts; i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);
      g_autofree char *title = g_strdup_printf ("%s · %s", or_empty (sb_contract_get_reference (contract)),
                                                or_empty (sb_contract_get_title (contract)));
      g_autofree char *deadline = NULL;
      SbContractState state;
      GtkWidget *row, *status;

      sb_contract_get_state (contract, today, warning_days, &state);
      deadline = contract_deadline_text (&state, today);
      row = plain_row (title, deadline);
      status = gtk_label_new (sb_contract_status_get_label (state.status));
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (status, "caption-heading");
      switch (state.status)
        {
        case SB_CONTRACT_IN_NOTICE_WINDOW:
        case SB_CONTRACT_EXPIRING:
          gtk_widget_add_css_class (status, "warning");
          break;
        case SB_CONTRACT_ACTIVE:
          gtk_widget_add_css_class (status, "success");
          break;
        case SB_CONTRACT_NOT_STARTED:
        case SB_CONTRACT_EXPIRED:
        case SB_CONTRACT_TERMINATED:
        default:
          gtk_widget_add_css_class (status, "dim-label");
          break;
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the contract"));
      g_object_set_data_full (G_OBJECT (row), "contract-id", g_strdup (sb_contract_get_id (contract)), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_contract_activated_cb), self);
      add_record_row (self, self->contracts_group, row);
    }

  if (self->n_contracts == 0)
    {
      GtkWidget *row = plain_row (_("No contracts yet"),
                                  _("Contracts with this supplier are added on the Contracts page."));

      gtk_widget_add_css_class (row, "dim-label");
      add_record_row (self, self->contracts_group, row);
    }
}

/* Performance */

static void
period_dates (SbSupplierDetail *self,
              const GDate      *today,
              GDate            *from)
{
  *from = *today;
  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case SB_PERFORMANCE_LAST_12_MONTHS:
      sb_date_add_months_clamped (from, -12);
      g_date_add_days (from, 1);
      break;
    case SB_PERFORMANCE_THIS_YEAR:
      g_date_set_dmy (from, 1, G_DATE_JANUARY, g_date_get_year (today));
      break;
    case SB_PERFORMANCE_LAST_3_MONTHS:
    default:
      sb_date_add_months_clamped (from, -3);
      g_date_add_days (from, 1);
      break;
    }
}

static char *
percent_text (int percent)
{
  /* Translators: a share of escalations, "92 %" */
  return percent < 0 ? g_strdup (C_("no figure", "—")) : g_strdup_printf (_("%d %%"), percent);
}

static char *
minutes_text (gint64 minutes)
{
  return minutes < 0 ? g_strdup (C_("no figure", "—")) : sb_duration_format (minutes);
}

static void
load_performance (SbSupplierDetail *self,
                  const GDate      *today)
{
  SbSupplierPerformance perf = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) scores = g_string_new (NULL);
  g_autofree char *escalated = NULL, *response = NULL, *resolution = NULL;
  g_autofree char *breaches = NULL, *median_response = NULL, *median_resolution = NULL;
  g_autofree char *disputes = NULL, *response_detail = NULL, *resolution_detail = NULL;
  GDate from;

  period_dates (self, today, &from);
  if (!sb_supplier_performance_compute (self->store, sb_supplier_detail_get_id (self), NULL, &from, today, &perf, &error))
    {
      adw_action_row_set_subtitle (self->scores_row, error->message);
      return;
    }

  escalated = perf.n_open > 0
              /* Translators: escalations in the period and how many are still open, "5 (2 open)" */
              ? g_strdup_printf (_("%u (%u open)"), perf.n_escalated, perf.n_open)
              : g_strdup_printf ("%u", perf.n_escalated);
  response = percent_text (sb_supplier_performance_response_percent (&perf));
  resolution = percent_text (sb_supplier_performance_resolution_percent (&perf));
  /* Translators: how many escalations met and breached a target */
  response_detail = g_strdup_printf (_("%u met, %u breached"), perf.n_response_met, perf.n_response_breached);
  resolution_detail = g_strdup_printf (_("%u met, %u breached"), perf.n_resolution_met,
                                       perf.n_resolution_breached);
  /* Translators: breaches of the response and of the resolution target, "2 response, 1 resolution" */
  breaches = g_strdup_printf (_("%u response, %u resolution"), perf.n_response_breached,
                              perf.n_resolution_breached);
  median_response = minutes_text (perf.median_response_minutes);
  median_resolution = minutes_text (perf.median_resolution_minutes);
  /* Translators: disputes raised in the period and open at its end */
  disputes = g_strdup_printf (_("%u raised, %u open"), perf.n_disputes_raised, perf.n_disputes_open);

  gtk_label_set_label (self->escalated_label, escalated);
  gtk_label_set_label (self->response_label, response);
  gtk_label_set_label (self->resolution_label, resolution);
  adw_action_row_set_subtitle (self->response_row, response_detail);
  adw_action_row_set_subtitle (self->resolution_row, resolution_detail);
  gtk_label_set_label (self->breaches_label, breaches);
  gtk_label_set_label (self->median_response_label, median_response);
  gtk_label_set_label (self->median_resolution_label, median_resolution);
  gtk_label_set_label (self->disputes_label, disputes);

  for (guint i = 0; i < SB_REVIEW_N_SCORES; i++)
    {
      if (perf.mean_scores[i] <= 0)
        continue;
      /* Translators: a mean review score, "Quality 4.5" */
      g_string_append_printf (scores, "%s%s %.1f", scores->len > 0 ? " · " : "",
                              sb_review_score_get_label (i), perf.mean_scores[i]);
    }
  if (perf.n_reviews == 0)
    g_string_assign (scores, _("No review in the period"));
  adw_action_row_set_subtitle (self->scores_row, scores->str);

  g_clear_pointer (&self->trend, g_array_unref);
  self->trend = sb_supplier_performance_by_month (self->store, sb_supplier_detail_get_id (self), today, TREND_MONTHS, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->trend_area));

  if (self->trend != NULL)
    {
      g_autoptr(GString) description = g_string_new (NULL);

      for (guint i = 0; i < self->trend->len; i++)
        {
          const SbSupplierPerformance *month = &g_array_index (self->trend, SbSupplierPerformance, i);
          char name[32];

          g_date_strftime (name, sizeof name, "%B %Y", &month->from);
          /* Translators: one month of the trend, "March 2026: 4 escalated, 1 breached" */
          g_string_append_printf (description, _("%s: %u escalated, %u breached"), name, month->n_escalated,
                                  MAX (month->n_response_breached, month->n_resolution_breached));
          g_string_append (description, i + 1 < self->trend->len ? "; " : ".");
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->trend_area),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
    }
}

void
sb_supplier_detail_draw_trend (GtkDrawingArea *area,
                               cairo_t        *cr,
                               int             width,
                               int             height,
                               gpointer        user_data)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (user_data);
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* Adwaita's destructive reds, one for each scheme, read on its backgrounds */
  GdkRGBA breached = dark ? (GdkRGBA) { 1.0, 0.482, 0.388, 1.0 } : (GdkRGBA) { 0.753, 0.110, 0.157, 1.0 };
  PangoLayout *layout;
  int text_height;
  GdkRGBA fg;
  guint max = 1;
  double label_height = 18, top, slot, bar_height;

  if (self->trend == NULL || self->trend->len == 0)
    return;

  gtk_style_context_get_color (context, &fg);
  for (guint i = 0; i < self->trend->len; i++)
    max = MAX (max, g_array_index (self->trend, SbSupplierPerformance, i).n_escalated);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  label_height = text_height + 2;

  /* Room over the tallest bar for its count, under the bars for months. */
  top = label_height;
  slot = (double) width / self->trend->len;
  bar_height = height - label_height - 4 - top;
  cairo_translate (cr, 0, top);

  for (guint i = 0; i < self->trend->len; i++)
    {
      const SbSupplierPerformance *month = &g_array_index (self->trend, SbSupplierPerformance, i);
      guint n_breached = MIN (month->n_escalated, MAX (month->n_response_breached, month->n_resolution_breached));
      double x = i * slot + slot * 0.2;
      double w = slot * 0.6;
      double h = bar_height * month->n_escalated / max;
      double hb = bar_height * n_breached / max;
      char name[16];
      int text_width;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
      cairo_rectangle (cr, x, bar_height - h, w, h - hb);
      cairo_fill (cr);
      if (n_breached > 0)
        {
          gdk_cairo_set_source_rgba (cr, &breached);
          cairo_rectangle (cr, x, bar_height - hb, w, hb);
          cairo_fill (cr);
        }

      /* The month's first letter under its bar, the count over it. */
      g_date_strftime (name, sizeof name, "%b", &month->from);
      pango_layout_set_text (layout, name, g_utf8_next_char (name) - name);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, i * slot + (slot - text_width) / 2, bar_height + 4);
      pango_cairo_show_layout (cr, layout);

      if (month->n_escalated > 0)
        {
          char count[16];

          g_snprintf (count, sizeof count, "%u", month->n_escalated);
          pango_layout_set_text (layout, count, -1);
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          cairo_move_to (cr, i * slot + (slot - text_width) / 2, bar_height - h - text_height);
          pango_cairo_show_layout (cr, layout);
        }
    }

  /* The baseline */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
  cairo_rectangle (cr, 0, bar_height, width, 1);
  cairo_fill (cr);

  g_object_unref (layout);
}

void
sb_supplier_detail_period_changed (SbSupplierDetail *self)
{
  GDate today;

  if (self->store == NULL || self->original == NULL)
    return;

  sb_contracts_get_today (self->store, &today);
  load_performance (self, &today);
}

/* Reviews */

static void
on_undo_review_delete_cb (AdwToast         *toast,
                          SbSupplierDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !sb_suppliers_undelete_review (self->store, g_object_get_data (G_OBJECT (toast), "id"), &error))
    sb_supplier_detail_show_error (self, error);
}

static void
on_delete_review_cb (GtkButton        *button,
                     SbSupplierDetail *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "review-id");
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!sb_suppliers_delete_review (self->store, id, &error))
    {
      sb_supplier_detail_show_error (self, error);
      return;
    }

  toast = adw_toast_new (_("Review deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_review_delete_cb), self, 0);
  sb_supplier_detail_add_toast (self, toast);
}

static void
add_detail_line (GtkWidget  *expander,
                 const char *title,
                 const char *text)
{
  GtkWidget *row;

  if (text == NULL || *text == '\0')
    return;

  row = plain_row (title, text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static void
add_review_row (SbSupplierDetail *self,
                SbSupplierReview *review)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *delete = icon_button ("user-trash-symbolic", _("Delete Review"));
  g_autoptr(GString) scores = g_string_new (NULL);
  g_autofree char *date = format_date_text (sb_supplier_review_get_review_date (review));
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *next = NULL;
  double mean = sb_supplier_review_get_mean_score (review);

  for (guint i = 0; i < SB_REVIEW_N_SCORES; i++)
    {
      int score = sb_supplier_review_get_score (review, i);

      if (score > 0)
        /* Translators: one review score, "Quality 4" */
        g_string_append_printf (scores, "%s%s %d", scores->len > 0 ? " · " : "",
                                sb_review_score_get_label (i), score);
    }
  if (scores->len == 0)
    g_string_assign (scores, _("Not scored"));

  /* Translators: a review's date and mean score, "12 Mar 2026 · mean 3.8 of 5" */
  title = mean > 0 ? g_strdup_printf (_("%s · mean %.1f of 5"), date, mean) : g_strdup (date);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), scores->str);

  if (sb_supplier_review_get_period_from (review) != NULL && sb_supplier_review_get_period_to (review) != NULL)
    {
      g_autofree char *from = format_date_text (sb_supplier_review_get_period_from (review));
      g_autofree char *to = format_date_text (sb_supplier_review_get_period_to (review));

      /* Translators: a period, "1 Jan 2026 – 31 Mar 2026" */
      period = g_strdup_printf (_("%s – %s"), from, to);
    }
  next = sb_supplier_review_get_next_review (review) != NULL
         ? format_date_text (sb_supplier_review_get_next_review (review)) : NULL;

  add_detail_line (expander, _("Period reviewed"), period);
  add_detail_line (expander, _("Reviewer"), sb_supplier_review_get_reviewer (review));
  add_detail_line (expander, _("Notes"), sb_supplier_review_get_notes (review));
  add_detail_line (expander, _("Agreed actions"), sb_supplier_review_get_actions (review));
  add_detail_line (expander, _("Next review due"), next);

  g_object_set_data_full (G_OBJECT (delete), "review-id", g_strdup (sb_supplier_review_get_id (review)), g_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_review_cb), self);
  {
    GtkWidget *print = icon_button ("document-print-symbolic", _("Print the Supplier Review of This Period"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "detail.print-review");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (print), "s", sb_supplier_review_get_id (review));
    adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), print);
  }
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), delete);
  add_record_row (self, self->reviews_group, expander);
}

static void
load_reviews (SbSupplierDetail *self)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;

  self->n_reviews = 0;
  reviews = sb_suppliers_list_reviews (self->store, sb_supplier_detail_get_id (self), &error);
  if (reviews == NULL)
    {
      add_record_row (self, self->reviews_group, plain_row (_("The reviews cannot be read"), error->message));
      return;
    }

  self->n_reviews = reviews->len;
  for (guint i = 0; i < reviews->len; i++)
    add_review_row (self, g_ptr_array_index (reviews, i));

  if (reviews->len == 0)
    {
      GtkWidget *row = plain_row (_("Not reviewed yet"),
                                  _("A review scores quality, delivery, responsiveness and value from 1 to 5."));

      gtk_widget_add_css_class (row, "dim-label");
      add_record_row (self, self->reviews_group, row);
    }
}

/* Disputes */

static void
on_undo_dispute_delete_cb (AdwToast         *toast,
                           SbSupplierDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !sb_suppliers_undelete_dispute (self->store, g_object_get_data (G_OBJECT (toast), "id"), &error))
    sb_supplier_detail_show_error (self, error);
}

static void
on_delete_dispute_cb (GtkButton        *button,
                      SbSupplierDetail *self)
{
  SbSupplierDispute *dispute = g_object_get_data (G_OBJECT (button), "dispute");
  g_autofree char *id = g_strdup (sb_supplier_dispute_get_id (dispute));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!sb_suppliers_delete_dispute (self->store, id, &error))
    {
      sb_supplier_detail_show_error (self, error);
      return;
    }

  toast = adw_toast_new (_("Dispute deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_dispute_delete_cb), self, 0);
  sb_supplier_detail_add_toast (self, toast);
}

static void
on_edit_dispute_cb (GtkButton        *button,
                    SbSupplierDetail *self)
{
  SbSupplierDispute *dispute = g_object_get_data (G_OBJECT (button), "dispute");
  SbDisputeDialog *dialog = sb_dispute_dialog_new (sb_supplier_detail_parent_window (self), self->store,
                                                   sb_supplier_detail_get_id (self), dispute);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_dispute_row (SbSupplierDetail  *self,
                 SbSupplierDispute *dispute)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *edit = icon_button ("document-edit-symbolic", _("Edit Dispute or Change Its Status"));
  GtkWidget *delete = icon_button ("user-trash-symbolic", _("Delete Dispute"));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *raised = format_date_text (sb_supplier_dispute_get_raised_on (dispute));
  g_autofree char *closed = NULL;
  g_autofree char *subtitle = NULL;
  gint64 amount = sb_supplier_dispute_get_amount (dispute);

  g_ptr_array_add (parts, g_strdup (sb_dispute_status_get_label (sb_supplier_dispute_get_status (dispute))));
  /* Translators: when a dispute was raised, "raised 3 Mar 2026" */
  g_ptr_array_add (parts, g_strdup_printf (_("raised %s"), raised));
  if (amount >= 0)
    g_ptr_array_add (parts, sb_money_format (amount, sb_supplier_dispute_get_currency (dispute)));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), or_empty (sb_supplier_dispute_get_title (dispute)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  if (sb_supplier_dispute_is_open (dispute))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Open dispute"));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), icon);
    }

  if (sb_supplier_dispute_get_closed_on (dispute) != NULL)
    closed = format_date_text (sb_supplier_dispute_get_closed_on (dispute));
  add_detail_line (expander, _("Description"), sb_supplier_dispute_get_description (dispute));
  add_detail_line (expander, _("Outcome"), sb_supplier_dispute_get_outcome (dispute));
  add_detail_line (expander, _("Closed on"), closed);

  g_object_set_data_full (G_OBJECT (edit), "dispute", g_object_ref (dispute), g_object_unref);
  g_object_set_data_full (G_OBJECT (delete), "dispute", g_object_ref (dispute), g_object_unref);
  g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_dispute_cb), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_dispute_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), edit);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), delete);
  add_record_row (self, self->disputes_group, expander);
}

static void
load_disputes (SbSupplierDetail *self)
{
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GError) error = NULL;

  self->n_disputes = 0;
  disputes = sb_suppliers_list_disputes (self->store, sb_supplier_detail_get_id (self), &error);
  if (disputes == NULL)
    {
      add_record_row (self, self->disputes_group, plain_row (_("The disputes cannot be read"), error->message));
      return;
    }

  self->n_disputes = disputes->len;
  for (guint i = 0; i < disputes->len; i++)
    add_dispute_row (self, g_ptr_array_index (disputes, i));

  if (disputes->len == 0)
    {
      GtkWidget *row = plain_row (_("No disputes"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      add_record_row (self, self->disputes_group, row);
    }
}

/* Actions */

static void
add_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (widget);
  SbReviewDialog *dialog;

  if (sb_supplier_detail_get_id (self) == NULL)
    return;

  dialog = sb_review_dialog_new (sb_supplier_detail_parent_window (self), self->store,
                                 sb_supplier_detail_get_id (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The period a review covers, as a report period: its kind from its
 * length, so the trend steps back by periods of that length. */
static gboolean
review_period (SbSupplierReview *review,
               SbReportPeriod   *out)
{
  const char *from = sb_supplier_review_get_period_from (review);
  const char *to = sb_supplier_review_get_period_to (review);
  int days;

  if (from == NULL || to == NULL
      || !sb_date_parse (from, &out->first, NULL) || !sb_date_parse (to, &out->last, NULL)
      || g_date_compare (&out->first, &out->last) > 0)
    return FALSE;

  days = g_date_days_between (&out->first, &out->last) + 1;
  out->kind = days <= 31 ? SB_REPORT_PERIOD_MONTH : days <= 92 ? SB_REPORT_PERIOD_QUARTER : SB_REPORT_PERIOD_YEAR;
  return TRUE;
}

/* Print (Ctrl+P): the supplier performance review for the period of a
 * review (@parameter its id), or of the latest one; with no review, for
 * the current quarter. */
static void
print_review_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (widget);
  const char *review_id = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  SbSupplierReview *chosen = NULL;
  SbReportFilters filters = { 0 };
  SbReportPeriod period;

  if (self->store == NULL || sb_supplier_detail_get_id (self) == NULL)
    return;

  reviews = sb_suppliers_list_reviews (self->store, sb_supplier_detail_get_id (self), &error);
  if (reviews == NULL)
    {
      sb_report_show_problem (widget, _("The Report Could Not Be Made"), error->message);
      return;
    }

  for (guint i = 0; i < reviews->len; i++)
    {
      SbSupplierReview *review = g_ptr_array_index (reviews, i);

      if (*review_id != '\0')
        {
          if (g_strcmp0 (sb_supplier_review_get_id (review), review_id) == 0)
            chosen = review;
        }
      else if (chosen == NULL
               || g_strcmp0 (sb_supplier_review_get_review_date (review),
                             sb_supplier_review_get_review_date (chosen)) > 0)
        {
          chosen = review;
        }
    }

  if (chosen == NULL || !review_period (chosen, &period))
    sb_report_period_current (self->store, SB_REPORT_PERIOD_QUARTER, &period);

  filters.supplier_id = sb_supplier_detail_get_id (self);
  if (chosen != NULL)
    filters.contract_id = sb_supplier_review_get_contract_id (chosen);
  sb_report_print_from_store (widget, self->store, "supplier-review", &period, &filters);
}

static void
raise_dispute_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbSupplierDetail *self = SB_SUPPLIER_DETAIL (widget);
  SbDisputeDialog *dialog;

  if (sb_supplier_detail_get_id (self) == NULL)
    return;

  dialog = sb_dispute_dialog_new (sb_supplier_detail_parent_window (self), self->store,
                                  sb_supplier_detail_get_id (self), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sb_supplier_detail_install_record_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "detail.add-review", NULL, add_review_action);
  gtk_widget_class_install_action (widget_class, "detail.raise-dispute", NULL, raise_dispute_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "detail.add-review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "detail.raise-dispute", NULL);
  gtk_widget_class_install_action (widget_class, "detail.print-review", "s", print_review_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "detail.print-review", "s", "");
}

void
sb_supplier_detail_clear_records (SbSupplierDetail *self)
{
  for (guint i = 0; i < self->record_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->record_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->record_rows, 0);
  self->n_contracts = self->n_reviews = self->n_disputes = 0;
}

/* Reads everything around the supplier again, keeping the scroll place. */
void
sb_supplier_detail_load_records (SbSupplierDetail *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double position = gtk_adjustment_get_value (adjustment);
  gboolean has_id = sb_supplier_detail_get_id (self) != NULL;
  GDate today;

  sb_supplier_detail_clear_records (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-review", has_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.raise-dispute", has_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.print-review", has_id);
  if (self->store == NULL || !has_id)
    return;

  sb_contracts_get_today (self->store, &today);
  load_contracts (self, &today);
  load_performance (self, &today);
  load_reviews (self);
  load_disputes (self);

  gtk_adjustment_set_value (adjustment, position);
}
