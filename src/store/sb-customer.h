/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SbCustomer:
 *
 * An organisation the provider serves. Fields are GObject properties
 * too: "id", "name", "contact-person", "email", "phone", "notes",
 * "status" (active or inactive), and the derived "service-codes".
 */
#define SB_TYPE_CUSTOMER (sb_customer_get_type ())
G_DECLARE_FINAL_TYPE (SbCustomer, sb_customer, SB, CUSTOMER, GObject)

SbCustomer *sb_customer_new                (void);
SbCustomer *sb_customer_copy               (SbCustomer *self);
const char *sb_customer_get_id             (SbCustomer *self);
const char *sb_customer_get_name           (SbCustomer *self);
void        sb_customer_set_name           (SbCustomer *self, const char *name);
const char *sb_customer_get_contact_person (SbCustomer *self);
void        sb_customer_set_contact_person (SbCustomer *self, const char *text);
const char *sb_customer_get_email          (SbCustomer *self);
void        sb_customer_set_email          (SbCustomer *self, const char *email);
const char *sb_customer_get_phone          (SbCustomer *self);
void        sb_customer_set_phone          (SbCustomer *self, const char *phone);
const char *sb_customer_get_notes          (SbCustomer *self);
void        sb_customer_set_notes          (SbCustomer *self, const char *notes);
const char *sb_customer_get_status         (SbCustomer *self);
void        sb_customer_set_status         (SbCustomer *self, const char *status);
const char *sb_customer_get_service_codes  (SbCustomer *self);

G_END_DECLS
