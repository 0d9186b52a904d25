/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

/* The contract register: a sortable, searchable list of contracts with
 * their status and next deadline, the selected one's editor beside it (or
 * after it, narrow), and the deadlines of the next 12 months one view
 * switcher away.  A page of the window (see sb-window.c): "store",
 * "header-widget", "can-navigate-back", "page.back", "page.search". */
#define SB_TYPE_CONTRACTS_PAGE (sb_contracts_page_get_type ())
G_DECLARE_FINAL_TYPE (SbContractsPage, sb_contracts_page, SB, CONTRACTS_PAGE, AdwBin)

SbStore    *sb_contracts_page_get_store       (SbContractsPage *self);
GListModel *sb_contracts_page_get_model       (SbContractsPage *self);
GtkWidget  *sb_contracts_page_get_editor      (SbContractsPage *self);
void        sb_contracts_page_select_contract (SbContractsPage *self,
                                               const char      *id);
void        sb_contracts_page_new_contract    (SbContractsPage *self);
void        sb_contracts_page_show_view       (SbContractsPage *self,
                                               const char      *name);

G_END_DECLS
