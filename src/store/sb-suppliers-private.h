/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-store-private.h"
#include "sb-suppliers.h"

G_BEGIN_DECLS

/* sb-supplier.c: shared by the three value objects */
gboolean    sb_supplier_replace_text (char       **slot,
                                      const char  *value);
GParamSpec *sb_supplier_text_pspec   (const char  *name,
                                      const char  *default_value,
                                      gboolean     read_only);

/* sb-suppliers.c: checks shared with sb-suppliers-reviews.c */
gboolean    sb_suppliers_is_one_of   (const char         *value,
                                      const char * const *allowed);
gboolean    sb_suppliers_check_date  (const char         *text,
                                      const char         *what,
                                      GDate              *out,
                                      GError            **error);
gboolean    sb_suppliers_check_links (SbStore            *store,
                                      const char         *supplier_id,
                                      const char         *contract_id,
                                      const char         *what,
                                      GError            **error);
GPtrArray  *sb_suppliers_read_ids    (SbStore            *store,
                                      const char         *sql,
                                      const char         *first,
                                      const char         *second,
                                      const char         *doing,
                                      GError            **error);

/* What only the store sets on the supplier register's objects. */
void     sb_supplier_set_id               (SbSupplier        *self,
                                           const char        *id);
void     sb_supplier_review_set_id        (SbSupplierReview  *self,
                                           const char        *id);
void     sb_supplier_dispute_set_id       (SbSupplierDispute *self,
                                           const char        *id);

/* The same writes as the public ones, inside a transaction that is
 * already open (the sample data, an import). They set the new ids on the
 * objects at once; the caller restores them if the transaction fails. */
gboolean sb_suppliers_save_in             (SbTransaction     *tx,
                                           SbStore           *store,
                                           SbSupplier        *supplier,
                                           GError           **error);
gboolean sb_suppliers_add_review_in       (SbTransaction     *tx,
                                           SbStore           *store,
                                           SbSupplierReview  *review,
                                           GError           **error);
gboolean sb_suppliers_save_dispute_in     (SbTransaction     *tx,
                                           SbStore           *store,
                                           SbSupplierDispute *dispute,
                                           GError           **error);

G_END_DECLS
