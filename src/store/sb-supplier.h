/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Value objects of the supplier register (DOMAIN.md, Suppliers and
 * contracts). The store hands out fresh objects; edits are written with
 * the functions of sb-suppliers.h. Enumerations are stored as the
 * schema's strings (migrations/0004-suppliers.sql) and shown with the
 * *_get_label() functions of sb-suppliers.h.
 */

/* One person at a supplier. */
typedef struct
{
  char *id;      /* NULL until saved */
  char *name;
  char *role;
  char *email;
  char *phone;
} SbSupplierContact;

SbSupplierContact *sb_supplier_contact_new  (const char *name,
                                             const char *role,
                                             const char *email,
                                             const char *phone);
SbSupplierContact *sb_supplier_contact_copy (const SbSupplierContact *contact);
void               sb_supplier_contact_free (SbSupplierContact       *contact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbSupplierContact, sb_supplier_contact_free)

#define SB_TYPE_SUPPLIER (sb_supplier_get_type ())
G_DECLARE_FINAL_TYPE (SbSupplier, sb_supplier, SB, SUPPLIER, GObject)

/* A draft: kind external, status active, criticality medium. */
SbSupplier *sb_supplier_new                    (void);
SbSupplier *sb_supplier_copy                   (SbSupplier *self);
const char *sb_supplier_get_id                 (SbSupplier *self);   /* NULL for a draft */
const char *sb_supplier_get_name               (SbSupplier *self);
void        sb_supplier_set_name               (SbSupplier *self, const char *name);
/* external, internal, customer */
const char *sb_supplier_get_kind               (SbSupplier *self);
void        sb_supplier_set_kind               (SbSupplier *self, const char *kind);
/* prospective, active, under-review, exiting, ended */
const char *sb_supplier_get_status             (SbSupplier *self);
void        sb_supplier_set_status             (SbSupplier *self, const char *status);
/* low, medium, high, critical */
const char *sb_supplier_get_criticality        (SbSupplier *self);
void        sb_supplier_set_criticality        (SbSupplier *self, const char *criticality);
const char *sb_supplier_get_website            (SbSupplier *self);
void        sb_supplier_set_website            (SbSupplier *self, const char *website);
const char *sb_supplier_get_account_number     (SbSupplier *self);
void        sb_supplier_set_account_number     (SbSupplier *self, const char *number);
const char *sb_supplier_get_relationship_owner (SbSupplier *self);
void        sb_supplier_set_relationship_owner (SbSupplier *self, const char *owner);
const char *sb_supplier_get_notes              (SbSupplier *self);
void        sb_supplier_set_notes              (SbSupplier *self, const char *notes);
/* Contacts, in order; the first is the main one. (element-type SbSupplierContact) */
GPtrArray  *sb_supplier_get_contacts           (SbSupplier *self);
void        sb_supplier_set_contacts           (SbSupplier *self, GPtrArray *contacts);

/* A periodic review: append-only (a correction is a new review). */
#define SB_TYPE_SUPPLIER_REVIEW (sb_supplier_review_get_type ())
G_DECLARE_FINAL_TYPE (SbSupplierReview, sb_supplier_review, SB, SUPPLIER_REVIEW, GObject)

SbSupplierReview *sb_supplier_review_new              (const char *supplier_id);
SbSupplierReview *sb_supplier_review_copy             (SbSupplierReview *self);
const char       *sb_supplier_review_get_id           (SbSupplierReview *self);
const char       *sb_supplier_review_get_supplier_id  (SbSupplierReview *self);
const char       *sb_supplier_review_get_contract_id  (SbSupplierReview *self);   /* nullable */
void              sb_supplier_review_set_contract_id  (SbSupplierReview *self, const char *id);
/* Dates are YYYY-MM-DD strings, as stored. */
const char       *sb_supplier_review_get_review_date  (SbSupplierReview *self);
void              sb_supplier_review_set_review_date  (SbSupplierReview *self, const char *date);
const char       *sb_supplier_review_get_period_from  (SbSupplierReview *self);
void              sb_supplier_review_set_period_from  (SbSupplierReview *self, const char *date);
const char       *sb_supplier_review_get_period_to    (SbSupplierReview *self);
void              sb_supplier_review_set_period_to    (SbSupplierReview *self, const char *date);

typedef enum
{
  SB_REVIEW_QUALITY,
  SB_REVIEW_DELIVERY,
  SB_REVIEW_RESPONSIVENESS,
  SB_REVIEW_VALUE,
  SB_REVIEW_N_SCORES,
} SbReviewScore;

/* 1 (poor) … 5 (excellent); 0: not scored */
int               sb_supplier_review_get_score        (SbSupplierReview *self, SbReviewScore which);
void              sb_supplier_review_set_score        (SbSupplierReview *self, SbReviewScore which, int score);
double            sb_supplier_review_get_mean_score   (SbSupplierReview *self);   /* 0: none scored */
const char       *sb_supplier_review_get_notes        (SbSupplierReview *self);
void              sb_supplier_review_set_notes        (SbSupplierReview *self, const char *notes);
const char       *sb_supplier_review_get_actions      (SbSupplierReview *self);
void              sb_supplier_review_set_actions      (SbSupplierReview *self, const char *actions);
const char       *sb_supplier_review_get_next_review  (SbSupplierReview *self);   /* nullable */
void              sb_supplier_review_set_next_review  (SbSupplierReview *self, const char *date);
const char       *sb_supplier_review_get_reviewer     (SbSupplierReview *self);
void              sb_supplier_review_set_reviewer     (SbSupplierReview *self, const char *name);

/* A dispute with a supplier. */
#define SB_TYPE_SUPPLIER_DISPUTE (sb_supplier_dispute_get_type ())
G_DECLARE_FINAL_TYPE (SbSupplierDispute, sb_supplier_dispute, SB, SUPPLIER_DISPUTE, GObject)

SbSupplierDispute *sb_supplier_dispute_new             (const char *supplier_id);
SbSupplierDispute *sb_supplier_dispute_copy            (SbSupplierDispute *self);
const char        *sb_supplier_dispute_get_id          (SbSupplierDispute *self);
const char        *sb_supplier_dispute_get_supplier_id (SbSupplierDispute *self);
const char        *sb_supplier_dispute_get_contract_id (SbSupplierDispute *self);   /* nullable */
void               sb_supplier_dispute_set_contract_id (SbSupplierDispute *self, const char *id);
const char        *sb_supplier_dispute_get_raised_on   (SbSupplierDispute *self);   /* YYYY-MM-DD */
void               sb_supplier_dispute_set_raised_on   (SbSupplierDispute *self, const char *date);
const char        *sb_supplier_dispute_get_title       (SbSupplierDispute *self);
void               sb_supplier_dispute_set_title       (SbSupplierDispute *self, const char *title);
const char        *sb_supplier_dispute_get_description (SbSupplierDispute *self);
void               sb_supplier_dispute_set_description (SbSupplierDispute *self, const char *text);
/* open, in-progress, resolved, withdrawn */
const char        *sb_supplier_dispute_get_status      (SbSupplierDispute *self);
void               sb_supplier_dispute_set_status      (SbSupplierDispute *self, const char *status);
/* minor units; -1: no amount */
gint64             sb_supplier_dispute_get_amount      (SbSupplierDispute *self);
const char        *sb_supplier_dispute_get_currency    (SbSupplierDispute *self);
void               sb_supplier_dispute_set_amount      (SbSupplierDispute *self, gint64 amount, const char *currency);
const char        *sb_supplier_dispute_get_outcome     (SbSupplierDispute *self);
void               sb_supplier_dispute_set_outcome     (SbSupplierDispute *self, const char *outcome);
const char        *sb_supplier_dispute_get_closed_on   (SbSupplierDispute *self);   /* nullable */
void               sb_supplier_dispute_set_closed_on   (SbSupplierDispute *self, const char *date);
gboolean           sb_supplier_dispute_is_open         (SbSupplierDispute *self);

G_END_DECLS
