/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-contract.h"
#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_CONTRACT_EDITOR (sb_contract_editor_get_type ())
G_DECLARE_FINAL_TYPE (SbContractEditor, sb_contract_editor, SB, CONTRACT_EDITOR, AdwBin)

void        sb_contract_editor_set_store        (SbContractEditor *self,
                                                 SbStore          *store);
SbContract *sb_contract_editor_get_contract     (SbContractEditor *self);
void        sb_contract_editor_set_contract     (SbContractEditor *self,
                                                 SbContract       *contract);
void        sb_contract_editor_reload           (SbContractEditor *self);
void        sb_contract_editor_focus            (SbContractEditor *self);
gboolean    sb_contract_editor_get_modified     (SbContractEditor *self);
gboolean    sb_contract_editor_get_can_save     (SbContractEditor *self);
gboolean    sb_contract_editor_save             (SbContractEditor *self);
char       *sb_contract_editor_get_problems     (SbContractEditor *self);
gboolean    sb_contract_editor_get_state        (SbContractEditor *self,
                                                 SbContractState  *out_state);
char       *sb_contract_editor_get_gaps_text    (SbContractEditor *self);

/* Shared with the list */
const char *sb_contract_editor_status_style     (SbContractStatus  status);
char       *sb_contract_editor_format_deadline  (const SbContractTerms *terms,
                                                 const SbContractState *state,
                                                 const GDate           *today,
                                                 GDate                 *out_date);

G_END_DECLS
