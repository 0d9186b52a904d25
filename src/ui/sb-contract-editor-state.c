/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include "sb-contract-editor-private.h"
#include "sb-contracts.h"
#include "sb-money.h"
#include "sb-time.h"
#include "sb-ui-format.h"

/* What a contract's terms mean, shown as they are typed: status, current
 * term, last day to give notice, the cost ahead, and the alignment risks
 * the register finds */

/* Shared with the list */

/**
 * sb_contract_editor_status_style:
 * @status: a contract status
 *
 * Returns: (nullable): the style class a status label wears: a warning
 *   while a decision is due, dimmed once the contract is over
 */
const char *
sb_contract_editor_status_style (SbContractStatus status)
{
  switch (status)
    {
    case SB_CONTRACT_IN_NOTICE_WINDOW:
    case SB_CONTRACT_EXPIRING:
      return "warning";
    case SB_CONTRACT_EXPIRED:
    case SB_CONTRACT_TERMINATED:
      return "dim-label";
    case SB_CONTRACT_ACTIVE:
      return "success";
    case SB_CONTRACT_NOT_STARTED:
    default:
      return NULL;
    }
}

/**
 * sb_contract_editor_format_deadline:
 * @terms: a contract's terms
 * @state: what they mean on @today
 * @today: the day
 * @out_date: (out caller-allocates) (optional): the deadline's date, or
 *   an invalid date when there is none
 *
 * The next date that asks for a decision or marks an end, in words:
 * "Give notice by 30 Sep 2026 · in 12 days", "Ends 20 May 2029 · in 2 years":
 * the date, then how far away it is in the words of
 * sb_format_date_relative().
 *
 * Returns: (transfer full): the text; empty when nothing lies ahead
 */
char *
sb_contract_editor_format_deadline (const SbContractTerms *terms,
                                    const SbContractState *state,
                                    const GDate           *today,
                                    GDate                 *out_date)
{
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;
  GDate shown;

  g_date_clear (&shown, 1);

  if (state->status == SB_CONTRACT_TERMINATED || state->status == SB_CONTRACT_EXPIRED)
    {
      if (g_date_valid (&state->final_end))
        shown = state->final_end;
      if (out_date != NULL)
        g_date_clear (out_date, 1);
      date = sb_contract_editor_format_date (&shown);
      if (date == NULL)
        return g_strdup (_("Ended"));
      /* Translators: %s is a date, as in “Ended 31 Dec 2025” */
      return g_strdup_printf (_("Ended %s"), date);
    }

  if (state->status == SB_CONTRACT_NOT_STARTED && g_date_valid (&terms->start))
    {
      shown = terms->start;
      date = sb_contract_editor_format_date (&shown);
      when = sb_format_date_relative (&shown, today);
      if (out_date != NULL)
        *out_date = shown;
      /* Translators: a date, then how far away it is, as in “Starts 1 Jan 2027 · in 4 weeks” */
      return g_strdup_printf (_("Starts %s · %s"), date, when);
    }

  if (terms->notice_amount > 0 && g_date_valid (&state->notice_deadline) && state->days_to_notice >= 0 &&
      terms->renewal != SB_RENEWAL_NONE)
    {
      date = sb_contract_editor_format_date (&state->notice_deadline);
      when = sb_format_date_relative (&state->notice_deadline, today);
      if (out_date != NULL)
        *out_date = state->notice_deadline;
      if (terms->renewal == SB_RENEWAL_AGREEMENT)
        /* Translators: a date, then how far away it is, as in “Agree renewal by 30 Sep 2026 · in 12 days” */
        return g_strdup_printf (_("Agree renewal by %s · %s"), date, when);
      /* Translators: a date, then how far away it is, as in “Give notice by 30 Sep 2026 · in 12 days” */
      return g_strdup_printf (_("Give notice by %s · %s"), date, when);
    }

  if (g_date_valid (&state->final_end) && state->days_to_end >= 0)
    {
      date = sb_contract_editor_format_date (&state->final_end);
      when = sb_format_date_relative (&state->final_end, today);
      if (out_date != NULL)
        *out_date = state->final_end;
      /* Translators: a date, then how far away it is, as in “Ends 31 Dec 2026 · in 3 months” */
      return g_strdup_printf (_("Ends %s · %s"), date, when);
    }

  if (g_date_valid (&state->next_renewal))
    {
      date = sb_contract_editor_format_date (&state->next_renewal);
      when = sb_format_date_relative (&state->next_renewal, today);
      if (out_date != NULL)
        *out_date = state->next_renewal;
      /* Translators: a date, then how far away it is, as in “Renews 1 Jan 2027 · in 3 months” */
      return g_strdup_printf (_("Renews %s · %s"), date, when);
    }

  if (out_date != NULL)
    g_date_clear (out_date, 1);

  return g_strdup ("");
}

/* What the terms mean, shown as they are typed */

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

void
sb_contract_editor_update_state (SbContractEditor *self,
              SbContract       *draft)
{
  const SbContractTerms *terms = sb_contract_get_terms (draft);
  g_autofree char *term = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *renewal = NULL;
  g_autofree char *describe = NULL;
  g_autoptr(GError) error = NULL;
  const char *style;
  GDate today;

  self->state_valid = self->store != NULL && sb_contract_terms_validate (terms, &error);
  for (guint i = 0; i < 2; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), i == 0 ? "warning" : "dim-label");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");

  if (!self->state_valid)
    {
      gtk_label_set_label (self->status_label, "—");
      if (error != NULL && g_date_valid (&terms->start))
        {
          /* Translators: %s says what is wrong with the terms */
          g_autofree char *why = g_strdup_printf (_("Not worked out: %s"), error->message);

          set_subtitle (self->term_row, why);
        }
      else
        {
          set_subtitle (self->term_row, _("Shown once the start date and the terms are complete"));
        }
      set_subtitle (self->notice_deadline_row, NULL);
      set_subtitle (self->renewal_date_row, NULL);
      set_subtitle (self->describe_row, NULL);
      adw_action_row_set_subtitle (self->notice_row, "");
      adw_combo_row_set_use_subtitle (self->renewal_row, FALSE);
      return;
    }

  sb_contracts_get_today (self->store, &today);
  sb_contract_terms_compute (terms, &today, sb_contracts_get_warning_days (self->store), &self->state);

  gtk_label_set_label (self->status_label, sb_contract_status_get_label (self->state.status));
  style = sb_contract_editor_status_style (self->state.status);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);

  if (g_date_valid (&self->state.term_start) && g_date_valid (&self->state.term_end))
    {
      g_autofree char *from = sb_contract_editor_format_date (&self->state.term_start);
      g_autofree char *to = sb_contract_editor_format_date (&self->state.term_end);

      if (self->state.term_index == 0)
        /* Translators: the term in force, as in “1 Jan 2026 – 31 Dec 2028, the initial term” */
        term = g_strdup_printf (_("%s – %s, the initial term"), from, to);
      else
        /* Translators: the term in force, as in “1 Jan 2029 – 31 Dec 2029, renewal 1” */
        term = g_strdup_printf (_("%s – %s, renewal %d"), from, to, self->state.term_index);
    }
  set_subtitle (self->term_row, term);

  if (terms->renewal == SB_RENEWAL_NONE || !g_date_valid (&self->state.notice_deadline))
    {
      notice = g_strdup (terms->renewal == SB_RENEWAL_NONE
                         ? _("None: the contract ends with its initial term")
                         : NULL);
    }
  else
    {
      g_autofree char *date = sb_contract_editor_format_date (&self->state.notice_deadline);
      g_autofree char *when = sb_format_date_relative (&self->state.notice_deadline, &today);

      if (terms->renewal == SB_RENEWAL_AGREEMENT)
        /* Translators: as in “30 Sep 2026 (in 12 days), to agree a renewal” */
        notice = g_strdup_printf (_("%s (%s), to agree a renewal"), date, when);
      else
        /* Translators: as in “30 Sep 2026 (in 12 days)” */
        notice = g_strdup_printf (_("%s (%s)"), date, when);
    }
  set_subtitle (self->notice_deadline_row, notice);
  adw_action_row_set_subtitle (self->notice_row, notice != NULL && g_date_valid (&self->state.notice_deadline)
                                                 ? notice : "");

  if (g_date_valid (&self->state.next_renewal))
    renewal = sb_contract_editor_format_date (&self->state.next_renewal);
  else if (g_date_valid (&self->state.final_end))
    {
      g_autofree char *end = sb_contract_editor_format_date (&self->state.final_end);

      /* Translators: as in “None: it ends on 31 Dec 2026” */
      renewal = g_strdup_printf (_("None: it ends on %s"), end);
    }
  set_subtitle (self->renewal_date_row, renewal);

  describe = sb_contract_terms_describe (terms);
  set_subtitle (self->describe_row, describe);
}

void
sb_contract_editor_update_costs (SbContractEditor *self,
              SbContract       *draft)
{
  const SbContractTerms *terms = sb_contract_get_terms (draft);
  gint64 amount = sb_contract_get_cost_amount (draft);
  const char *currency = sb_contract_get_cost_currency (draft);
  g_autofree char *year = NULL;
  g_autofree char *ahead = NULL;
  GDate today, from, to;

  if (!self->state_valid || amount < 0 || currency == NULL)
    {
      gtk_label_set_label (self->year_cost_label, "—");
      gtk_label_set_label (self->ahead_cost_label, "—");
      return;
    }

  sb_contracts_get_today (self->store, &today);

  g_date_set_dmy (&from, 1, G_DATE_JANUARY, g_date_get_year (&today));
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, g_date_get_year (&today));
  year = sb_money_format (sb_billing_total (terms, sb_contract_get_billing_period (draft), amount, &from, &to),
                          currency);

  from = today;
  to = today;
  sb_date_add_months_clamped (&to, 12);
  g_date_subtract_days (&to, 1);
  ahead = sb_money_format (sb_billing_total (terms, sb_contract_get_billing_period (draft), amount, &from, &to),
                           currency);

  gtk_label_set_label (self->year_cost_label, year);
  gtk_label_set_label (self->ahead_cost_label, ahead);
}

/* The gaps the register finds are those of the contract as saved. */
void
sb_contract_editor_update_gaps (SbContractEditor *self)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;

  sb_contract_editor_clear_rows (self->gaps_group, self->gap_rows);

  if (self->store == NULL || sb_contract_editor_is_new (self))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->gaps_group), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->gaps_group), TRUE);
  adw_preferences_group_set_description (self->gaps_group,
                                         self->modified
                                         ? _("As saved: save to check your changes.")
                                         : _("Where a supplier target does not fit inside an underpinned service’s target."));

  gaps = sb_contracts_check_alignment (self->store, sb_contract_get_id (self->original), NULL, &error);
  if (gaps == NULL)
    {
      sb_contract_editor_add_plain_row (self->gaps_group, self->gap_rows, error->message, NULL, "dialog-error-symbolic");
      return;
    }

  for (guint i = 0; i < gaps->len; i++)
    {
      const SbAlignmentGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *text = sb_alignment_gap_describe (gap);

      sb_contract_editor_add_plain_row (self->gaps_group, self->gap_rows, text, gap->service_name, "dialog-warning-symbolic");
    }

  if (gaps->len == 0)
    {
      GtkWidget *row = sb_contract_editor_add_plain_row (self->gaps_group, self->gap_rows,
                                      sb_contract_get_service_ids (self->original)[0] != NULL
                                      ? _("None: every supplier target fits")
                                      : _("None: the contract underpins no service yet"),
                                      NULL, NULL);

      gtk_widget_add_css_class (row, "dim-label");
    }
}

