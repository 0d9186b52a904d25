/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sb-store.h"

G_BEGIN_DECLS

#define SB_TYPE_SERVICES_PAGE (sb_services_page_get_type ())
G_DECLARE_FINAL_TYPE (SbServicesPage, sb_services_page, SB, SERVICES_PAGE, AdwBin)

SbStore    *sb_services_page_get_store      (SbServicesPage *self);
GListModel *sb_services_page_get_model      (SbServicesPage *self);
GtkWidget  *sb_services_page_get_editor     (SbServicesPage *self);
void        sb_services_page_select_service (SbServicesPage *self,
                                             const char     *id);
void        sb_services_page_show_view      (SbServicesPage *self,
                                             const char     *name);

G_END_DECLS
