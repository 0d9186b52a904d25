/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-store.h"
#include "sb-supplier.h"

G_BEGIN_DECLS

/*
 * The supplier register: suppliers with their contacts, their reviews
 * and their disputes. Reads return new objects; saves validate, then
 * write through the store's one write path in a single transaction, and
 * fail with SB_STORE_ERROR_INVALID and a message a person can act on
 * (naming the field) when a rule is broken.
 */

/* Suppliers: live ones, ordered by name (case-insensitive). */
GListModel *sb_suppliers_list               (SbStore           *store,
                                             GError           **error);   /* of SbSupplier */
SbSupplier *sb_suppliers_get                (SbStore           *store,
                                             const char        *id,
                                             GError           **error);
SbSupplier *sb_suppliers_find               (SbStore           *store,
                                             const char        *name);     /* case-insensitive */
gboolean    sb_suppliers_validate           (SbStore           *store,
                                             SbSupplier        *supplier,
                                             GError           **error);
/* Writes the supplier and its contacts (added, changed, removed); a new
 * supplier gets its id set on @supplier. Names are unique among live
 * suppliers (case-insensitive). */
gboolean    sb_suppliers_save               (SbStore           *store,
                                             SbSupplier        *supplier,
                                             GError           **error);
/* Refused while the supplier has live contracts (the message says so). */
gboolean    sb_suppliers_delete             (SbStore           *store,
                                             const char        *id,
                                             GError           **error);
gboolean    sb_suppliers_undelete           (SbStore           *store,
                                             const char        *id,
                                             GError           **error);

/* Reviews of one supplier, newest review date first. */
GPtrArray  *sb_suppliers_list_reviews       (SbStore           *store,
                                             const char        *supplier_id,
                                             GError           **error);   /* of SbSupplierReview */
/* Checks: review date, a period whose end is not before its start, scores
 * 0…5, a next review after the review date. Sets the new id. */
gboolean    sb_suppliers_add_review         (SbStore           *store,
                                             SbSupplierReview  *review,
                                             GError           **error);
gboolean    sb_suppliers_delete_review      (SbStore           *store,
                                             const char        *id,
                                             GError           **error);
gboolean    sb_suppliers_undelete_review    (SbStore           *store,
                                             const char        *id,
                                             GError           **error);

/* Disputes of one supplier, open ones first, then newest raised first. */
GPtrArray  *sb_suppliers_list_disputes      (SbStore           *store,
                                             const char        *supplier_id,
                                             GError           **error);   /* of SbSupplierDispute */
/* New or edited. Checks: title, raised date, closed date not before the
 * raised one and set exactly when the status is resolved or withdrawn. */
gboolean    sb_suppliers_save_dispute       (SbStore           *store,
                                             SbSupplierDispute *dispute,
                                             GError           **error);
gboolean    sb_suppliers_delete_dispute     (SbStore           *store,
                                             const char        *id,
                                             GError           **error);
gboolean    sb_suppliers_undelete_dispute   (SbStore           *store,
                                             const char        *id,
                                             GError           **error);

/* The values the schema allows, NULL-terminated, and their labels
 * (translated). */
const char * const *sb_supplier_kinds             (void);
const char         *sb_supplier_kind_get_label    (const char *kind);
const char * const *sb_supplier_statuses          (void);
const char         *sb_supplier_status_get_label  (const char *status);
const char * const *sb_supplier_criticalities     (void);
const char         *sb_supplier_criticality_get_label (const char *criticality);
const char * const *sb_dispute_statuses           (void);
const char         *sb_dispute_status_get_label   (const char *status);
const char         *sb_review_score_get_label     (SbReviewScore which);

G_END_DECLS
