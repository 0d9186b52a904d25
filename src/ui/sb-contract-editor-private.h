/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>

#include "sb-contract-editor.h"

G_BEGIN_DECLS

/* The contract editor's parts, one file each: the widget and its form
 * (sb-contract-editor.c), what the terms mean, cost and alignment risks
 * shown as they are typed (-state.c), and reading the form and checking
 * it with the register's rules (-checks.c). */

#define N_PRIORITIES 5

typedef enum
{
  TEXT_SCOPE,
  TEXT_OURS,
  TEXT_THEIRS,
  TEXT_ESCALATION,
  TEXT_NOTES,
  N_TEXTS
} TextField;

struct _SbContractEditor
{
  AdwBin                parent_instance;

  SbStore              *store;
  SbContract           *original;       /* what is saved; a draft for a new contract */
  GString              *problems;
  GPtrArray            *supplier_ids;   /* of char *, [0] NULL: none chosen */
  GPtrArray            *calendar_ids;   /* of char *, [0] NULL: around the clock */
  GPtrArray            *service_rows;
  GPtrArray            *gap_rows;
  GtkWidget            *targets_problem;
  GtkWidget            *services_problem;
  GtkEditable          *response_entries[N_PRIORITIES];
  GtkEditable          *resolution_entries[N_PRIORITIES];
  GtkWidget            *target_rows[N_PRIORITIES];
  GtkTextView          *text_views[N_TEXTS];
  SbContractState       state;
  gboolean              state_valid;
  guint                 modified : 1;
  guint                 can_save : 1;
  guint                 loading : 1;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkWidget            *save_button;
  GtkWidget            *delete_button;
  GtkLabel             *problem_label;
  GtkScrolledWindow    *scroller;
  AdwComboRow          *supplier_row;
  GtkStringList        *supplier_names;
  AdwEntryRow          *reference_row;
  AdwEntryRow          *title_row;
  AdwComboRow          *type_row;
  GtkStringList        *type_names;
  GtkLabel             *status_label;
  AdwActionRow         *term_row;
  AdwActionRow         *notice_deadline_row;
  AdwActionRow         *renewal_date_row;
  AdwActionRow         *describe_row;
  AdwEntryRow          *start_row;
  GtkSpinButton        *initial_spin;
  AdwComboRow          *renewal_row;
  GtkStringList        *renewal_names;
  AdwActionRow         *renewal_months_row;
  GtkSpinButton        *renewal_spin;
  AdwActionRow         *agreed_row;
  GtkSpinButton        *agreed_spin;
  AdwActionRow         *notice_row;
  GtkSpinButton        *notice_spin;
  GtkDropDown          *notice_unit_dropdown;
  AdwEntryRow          *cancellation_row;
  AdwEntryRow          *notice_given_row;
  AdwEntryRow          *terminated_row;
  AdwEntryRow          *early_termination_row;
  AdwEntryRow          *amount_row;
  AdwEntryRow          *currency_row;
  AdwComboRow          *period_row;
  GtkStringList        *period_names;
  AdwComboRow          *category_row;
  GtkStringList        *category_names;
  GtkLabel             *year_cost_label;
  GtkLabel             *ahead_cost_label;
  AdwPreferencesGroup  *targets_group;
  AdwPreferencesGroup  *services_group;
  AdwPreferencesGroup  *gaps_group;
  AdwEntryRow          *how_to_raise_row;
  AdwEntryRow          *support_hours_row;
  AdwComboRow          *calendar_row;
  GtkStringList        *calendar_names;
  GtkBox               *texts_box;
};

static const struct
{
  const char *label;
  const char *tooltip;
  const char *(*get) (SbContract *self);
  void        (*set) (SbContract *self, const char *text);
} texts[N_TEXTS] = {
  { N_("_Scope"), N_("What the contract covers"),
    sb_contract_get_scope, sb_contract_set_scope },
  { N_("_Our Responsibilities"), N_("What we must do for the supplier to deliver"),
    sb_contract_get_our_responsibilities, sb_contract_set_our_responsibilities },
  { N_("The Supplier’s _Responsibilities"), N_("What the supplier must do"),
    sb_contract_get_supplier_responsibilities, sb_contract_set_supplier_responsibilities },
  { N_("_Escalation Path"), N_("Whom to call, in order, when a ticket does not move"),
    sb_contract_get_escalation_path, sb_contract_set_escalation_path },
  { N_("_Notes"), NULL,
    sb_contract_get_notes, sb_contract_set_notes },
};

/* The values behind the combo rows, in the order of their items. */
static const SbRenewal renewals[] = {
  SB_RENEWAL_NONE, SB_RENEWAL_AUTOMATIC, SB_RENEWAL_AGREEMENT,
};
static const SbBillingPeriod periods[] = {
  SB_BILLING_MONTHLY, SB_BILLING_QUARTERLY, SB_BILLING_YEARLY, SB_BILLING_ONE_OFF,
};

/* sb-contract-editor.c */
gboolean    sb_contract_editor_is_new            (SbContractEditor    *self);
const char *sb_contract_editor_default_currency  (SbContractEditor    *self);
char       *sb_contract_editor_get_entry         (gpointer             editable);
char       *sb_contract_editor_get_view_text     (GtkTextView         *view);
char       *sb_contract_editor_format_date       (const GDate         *date);
GStrv       sb_contract_editor_get_service_ids   (SbContractEditor    *self);
void        sb_contract_editor_append_problem    (SbContractEditor    *self,
                                                  const char          *message);
void        sb_contract_editor_set_group_problem (GtkWidget           *label,
                                                  const char          *message);
void        sb_contract_editor_clear_rows        (AdwPreferencesGroup *group,
                                                  GPtrArray           *rows);
GtkWidget  *sb_contract_editor_add_plain_row     (AdwPreferencesGroup *group,
                                                  GPtrArray           *rows,
                                                  const char          *title,
                                                  const char          *subtitle,
                                                  const char          *icon_name);

/* sb-contract-editor-state.c */
void        sb_contract_editor_update_state      (SbContractEditor    *self,
                                                  SbContract          *draft);
void        sb_contract_editor_update_costs      (SbContractEditor    *self,
                                                  SbContract          *draft);
void        sb_contract_editor_update_gaps       (SbContractEditor    *self);

/* sb-contract-editor-checks.c */
SbContract *sb_contract_editor_build_draft       (SbContractEditor    *self,
                                                  gboolean            *readable);
gboolean    sb_contract_editor_check             (SbContractEditor    *self,
                                                  SbContract          *draft);
void        sb_contract_editor_clear_problems    (SbContractEditor    *self);

G_END_DECLS
