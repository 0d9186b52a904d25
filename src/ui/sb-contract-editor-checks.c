/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include "sb-contract-editor-private.h"
#include "sb-contracts.h"
#include "sb-money.h"
#include "sb-service-editor.h"
#include "sb-targets-editor.h"
#include "sb-time.h"

/* Reading the form into a draft, and checking the draft with the
 * register's rules, each problem shown under the field it is about */

/* Reading the form */

static gboolean
read_date (SbContractEditor *self,
           AdwEntryRow      *row,
           GDate            *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sb_contract_editor_get_entry (row);

  g_date_clear (out, 1);
  if (*text == '\0')
    return TRUE;

  if (!sb_date_parse (text, out, &error))
    {
      sb_service_editor_set_row_problem (GTK_WIDGET (row), error->message);
      sb_contract_editor_append_problem (self, error->message);
      g_date_clear (out, 1);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_targets (SbContractEditor *self,
              SbContract       *draft)
{
  gboolean ok = TRUE;

  for (guint p = 1; p <= N_PRIORITIES; p++)
    {
      int response = 0;
      int resolution = 0;
      gboolean read = sb_targets_parse_duration (gtk_editable_get_text (self->response_entries[p - 1]), &response) &&
                      sb_targets_parse_duration (gtk_editable_get_text (self->resolution_entries[p - 1]), &resolution);

      if (!read)
        {
          /* Translators: %u is a priority, 1 to 5 */
          g_autofree char *message = g_strdup_printf (_("Priority %u: type a time such as 30 min, 4 h or 1 h 30 min"), p);

          sb_service_editor_set_row_problem (self->target_rows[p - 1], message);
          sb_contract_editor_append_problem (self, message);
          ok = FALSE;
          continue;
        }

      sb_contract_set_targets (draft, p, response, resolution);
    }

  return ok;
}

/* The contract as the form says it is; fields that cannot be read keep
 * their saved value and say what is wrong. */
SbContract *
sb_contract_editor_build_draft (SbContractEditor *self,
             gboolean         *readable)
{
  SbContract *draft = self->original != NULL ? sb_contract_copy (self->original) : sb_contract_new (NULL);
  SbContractTerms terms = *sb_contract_get_terms (draft);
  g_autofree char *reference = sb_contract_editor_get_entry (self->reference_row);
  g_autofree char *title = sb_contract_editor_get_entry (self->title_row);
  g_autofree char *cancellation = sb_contract_editor_get_entry (self->cancellation_row);
  g_autofree char *early = sb_contract_editor_get_entry (self->early_termination_row);
  g_autofree char *amount_text = sb_contract_editor_get_entry (self->amount_row);
  g_autofree char *currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  g_autofree char *how = sb_contract_editor_get_entry (self->how_to_raise_row);
  g_autofree char *hours = sb_contract_editor_get_entry (self->support_hours_row);
  g_auto(GStrv) services = sb_contract_editor_get_service_ids (self);
  const char * const *types = sb_contract_types ();
  const char * const *categories = sb_cost_categories ();
  guint supplier = adw_combo_row_get_selected (self->supplier_row);
  guint type = adw_combo_row_get_selected (self->type_row);
  guint renewal = adw_combo_row_get_selected (self->renewal_row);
  guint period = adw_combo_row_get_selected (self->period_row);
  guint category = adw_combo_row_get_selected (self->category_row);
  guint calendar = adw_combo_row_get_selected (self->calendar_row);
  gboolean ok = TRUE;
  GDate date;

  g_strstrip (currency);

  sb_contract_set_supplier_id (draft, supplier < self->supplier_ids->len ? g_ptr_array_index (self->supplier_ids, supplier) : NULL);
  sb_contract_set_reference (draft, *reference != '\0' ? reference : NULL);
  sb_contract_set_title (draft, *title != '\0' ? title : NULL);
  if (type < g_strv_length ((char **) types))
    sb_contract_set_contract_type (draft, types[type]);

  if (read_date (self, self->start_row, &date))
    terms.start = date;
  else
    ok = FALSE;
  terms.initial_months = gtk_spin_button_get_value_as_int (self->initial_spin);
  terms.renewal = renewals[MIN (renewal, G_N_ELEMENTS (renewals) - 1)];
  terms.renewal_months = terms.renewal == SB_RENEWAL_NONE ? 0 : gtk_spin_button_get_value_as_int (self->renewal_spin);
  terms.renewals_agreed = terms.renewal == SB_RENEWAL_AGREEMENT ? gtk_spin_button_get_value_as_int (self->agreed_spin) : 0;
  terms.notice_amount = gtk_spin_button_get_value_as_int (self->notice_spin);
  terms.notice_unit = gtk_drop_down_get_selected (self->notice_unit_dropdown) == 1 ? SB_NOTICE_MONTHS : SB_NOTICE_DAYS;
  if (read_date (self, self->notice_given_row, &date))
    terms.notice_given = date;
  else
    ok = FALSE;
  if (read_date (self, self->terminated_row, &date))
    terms.terminated = date;
  else
    ok = FALSE;
  sb_contract_set_terms (draft, &terms);
  sb_contract_set_cancellation_method (draft, *cancellation != '\0' ? cancellation : NULL);
  sb_contract_set_early_termination (draft, *early != '\0' ? early : NULL);

  if (*currency != '\0' && !sb_currency_is_valid (currency))
    {
      const char *message = _("Type a currency code of three letters, such as EUR or USD");

      sb_service_editor_set_row_problem (GTK_WIDGET (self->currency_row), message);
      sb_contract_editor_append_problem (self, message);
      ok = FALSE;
      g_free (currency);
      currency = g_strdup (sb_contract_editor_default_currency (self));
    }
  else if (*currency == '\0')
    {
      g_free (currency);
      currency = g_strdup (sb_contract_editor_default_currency (self));
    }

  if (*amount_text == '\0')
    {
      sb_contract_set_cost (draft, -1, currency);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      gint64 amount = 0;

      if (sb_money_parse (amount_text, currency, &amount, &error))
        {
          sb_contract_set_cost (draft, amount, currency);
        }
      else
        {
          sb_service_editor_set_row_problem (GTK_WIDGET (self->amount_row), error->message);
          sb_contract_editor_append_problem (self, error->message);
          ok = FALSE;
        }
    }
  sb_contract_set_billing_period (draft, periods[MIN (period, G_N_ELEMENTS (periods) - 1)]);
  sb_contract_set_cost_category (draft, category > 0 && category <= g_strv_length ((char **) categories)
                                        ? categories[category - 1] : NULL);

  if (!read_targets (self, draft))
    ok = FALSE;
  sb_contract_set_service_ids (draft, (const char * const *) services);

  sb_contract_set_how_to_raise (draft, *how != '\0' ? how : NULL);
  sb_contract_set_support_hours (draft, *hours != '\0' ? hours : NULL);
  sb_contract_set_calendar_id (draft, calendar < self->calendar_ids->len ? g_ptr_array_index (self->calendar_ids, calendar) : NULL);
  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_autofree char *text = sb_contract_editor_get_view_text (self->text_views[i]);

      g_strstrip (text);
      texts[i].set (draft, *text != '\0' ? text : NULL);
    }

  *readable = ok;

  return draft;
}

/* Checking with the book's rules */

/* A problem found by the register's rules is shown under the field it is
 * about.  The rules stop at the first problem, so each candidate field is
 * set to a harmless value in turn: the one that changes the answer is the
 * one the problem is about. */
typedef enum
{
  SLOT_SUPPLIER,
  SLOT_REFERENCE,
  SLOT_TITLE,
  SLOT_NOTICE_GIVEN,
  SLOT_TERMINATED,
  SLOT_NOTICE,
  SLOT_RENEWAL,
  SLOT_START,
  SLOT_AMOUNT,
  SLOT_TARGETS,
  SLOT_CALENDAR,
  SLOT_SERVICES,
  N_SLOTS
} Slot;

static void
neutralize (SbContractEditor *self,
            SbContract       *contract,
            Slot              slot)
{
  static const char * const none[] = { NULL };
  SbContractTerms terms = *sb_contract_get_terms (contract);

  switch (slot)
    {
    case SLOT_SUPPLIER:
      if (self->supplier_ids->len > 1)
        sb_contract_set_supplier_id (contract, g_ptr_array_index (self->supplier_ids, 1));
      break;
    case SLOT_REFERENCE:
      sb_contract_set_reference (contract, "SB-CHECK-0123456789");
      break;
    case SLOT_TITLE:
      sb_contract_set_title (contract, "Check");
      break;
    case SLOT_NOTICE_GIVEN:
      g_date_clear (&terms.notice_given, 1);
      break;
    case SLOT_TERMINATED:
      g_date_clear (&terms.terminated, 1);
      break;
    case SLOT_NOTICE:
      terms.notice_amount = 0;
      break;
    case SLOT_RENEWAL:
      terms.renewal_months = 12;
      terms.renewals_agreed = 0;
      break;
    case SLOT_START:
      g_date_set_dmy (&terms.start, 1, G_DATE_JANUARY, 2000);
      break;
    case SLOT_AMOUNT:
      sb_contract_set_cost (contract, -1, sb_contract_get_cost_currency (contract));
      break;
    case SLOT_TARGETS:
      for (guint p = 1; p <= N_PRIORITIES; p++)
        sb_contract_set_targets (contract, p, 0, 0);
      break;
    case SLOT_CALENDAR:
      sb_contract_set_calendar_id (contract, NULL);
      break;
    case SLOT_SERVICES:
      sb_contract_set_service_ids (contract, none);
      break;
    case N_SLOTS:
    default:
      break;
    }

  sb_contract_set_terms (contract, &terms);
}

static GtkWidget *
slot_row (SbContractEditor *self,
          Slot              slot)
{
  switch (slot)
    {
    case SLOT_SUPPLIER: return GTK_WIDGET (self->supplier_row);
    case SLOT_REFERENCE: return GTK_WIDGET (self->reference_row);
    case SLOT_TITLE: return GTK_WIDGET (self->title_row);
    case SLOT_NOTICE_GIVEN: return GTK_WIDGET (self->notice_given_row);
    case SLOT_TERMINATED: return GTK_WIDGET (self->terminated_row);
    case SLOT_NOTICE: return GTK_WIDGET (self->notice_row);
    case SLOT_RENEWAL: return GTK_WIDGET (self->renewal_months_row);
    case SLOT_START: return GTK_WIDGET (self->start_row);
    case SLOT_AMOUNT: return GTK_WIDGET (self->amount_row);
    case SLOT_CALENDAR: return GTK_WIDGET (self->calendar_row);
    case SLOT_TARGETS:
    case SLOT_SERVICES:
    case N_SLOTS:
    default:
      return NULL;
    }
}

static void
place_problem (SbContractEditor *self,
               Slot              slot,
               const char       *message)
{
  GtkWidget *row = slot_row (self, slot);

  sb_contract_editor_append_problem (self, message);

  if (slot == SLOT_TARGETS)
    sb_contract_editor_set_group_problem (self->targets_problem, message);
  else if (slot == SLOT_SERVICES)
    sb_contract_editor_set_group_problem (self->services_problem, message);
  else if (row != NULL && (!sb_contract_editor_is_new (self) || g_object_get_data (G_OBJECT (row), "touched") != NULL))
    sb_service_editor_set_row_problem (row, message);
}

gboolean
sb_contract_editor_check (SbContractEditor *self,
                     SbContract       *draft)
{
  g_autoptr(SbContract) work = sb_contract_copy (draft);
  gboolean valid = TRUE;

  if (self->store == NULL)
    return FALSE;

  for (guint round = 0; round < N_SLOTS; round++)
    {
      g_autoptr(GError) error = NULL;
      gboolean placed = FALSE;

      if (sb_contracts_validate (self->store, work, &error))
        break;

      valid = FALSE;
      for (Slot slot = 0; slot < N_SLOTS && !placed; slot++)
        {
          g_autoptr(SbContract) probe = sb_contract_copy (work);
          g_autoptr(GError) probe_error = NULL;

          neutralize (self, probe, slot);
          if (!sb_contracts_validate (self->store, probe, &probe_error) &&
              g_strcmp0 (probe_error->message, error->message) == 0)
            continue;

          place_problem (self, slot, error->message);
          neutralize (self, work, slot);
          placed = TRUE;
        }

      if (!placed)
        {
          /* A problem of no single field: say it above the form. */
          sb_contract_editor_append_problem (self, error->message);
          gtk_label_set_label (self->problem_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
          break;
        }
    }

  return valid;
}

void
sb_contract_editor_clear_problems (SbContractEditor *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->supplier_row), GTK_WIDGET (self->reference_row),
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->renewal_months_row), GTK_WIDGET (self->notice_row),
    GTK_WIDGET (self->notice_given_row), GTK_WIDGET (self->terminated_row),
    GTK_WIDGET (self->amount_row), GTK_WIDGET (self->currency_row),
    GTK_WIDGET (self->calendar_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    sb_service_editor_set_row_problem (rows[i], NULL);
  for (guint i = 0; i < N_PRIORITIES; i++)
    sb_service_editor_set_row_problem (self->target_rows[i], NULL);
  sb_contract_editor_set_group_problem (self->targets_problem, NULL);
  sb_contract_editor_set_group_problem (self->services_problem, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  g_string_truncate (self->problems, 0);
}

