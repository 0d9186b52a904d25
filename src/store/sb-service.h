/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The lifecycle of a service (DOMAIN.md, Services). */
#define SB_SERVICE_STATUS_PIPELINE  "pipeline"
#define SB_SERVICE_STATUS_LIVE      "live"
#define SB_SERVICE_STATUS_RETIRING  "retiring"
#define SB_SERVICE_STATUS_RETIRED   "retired"

#define SB_SERVICE_TYPE_CUSTOMER_FACING "customer-facing"
#define SB_SERVICE_TYPE_SUPPORTING      "supporting"
#define SB_SERVICE_TYPE_THIRD_PARTY     "third-party"

/* Hold reasons (DOMAIN.md, Incidents); a service says which stop its clock. */
#define SB_HOLD_AWAITING_CUSTOMER "awaiting-customer"
#define SB_HOLD_AWAITING_SUPPLIER "awaiting-supplier"
#define SB_HOLD_AWAITING_CHANGE   "awaiting-change"
#define SB_HOLD_OTHER             "other"

#define SB_SERVICE_N_PRIORITIES 5

/**
 * SbService:
 *
 * One service of the catalogue, as a plain value object: the store fills
 * it, the UI edits it, sb_catalog_save_service() writes it back. Every
 * field is also a GObject property of the same name (with dashes), so
 * list views can bind and sort on it.
 *
 * Conventions: text fields are %NULL or non-empty; dates are `YYYY-MM-DD`
 * or %NULL; money is minor units; availability is in hundredths of a
 * percent (9950 means 99.50 %), 0 for none; minutes are business minutes
 * of the service's calendar, 0 for no target.
 */
#define SB_TYPE_SERVICE (sb_service_get_type ())
G_DECLARE_FINAL_TYPE (SbService, sb_service, SB, SERVICE, GObject)

SbService    *sb_service_new                    (void);
SbService    *sb_service_copy                   (SbService   *self);

/* "id": %NULL until saved */
const char   *sb_service_get_id                 (SbService   *self);
/* "code", e.g. EMAIL: required, unique among live services, A–Z 0–9 - _ */
const char   *sb_service_get_code               (SbService   *self);
void          sb_service_set_code               (SbService   *self, const char *code);
const char   *sb_service_get_name               (SbService   *self);
void          sb_service_set_name               (SbService   *self, const char *name);
const char   *sb_service_get_description        (SbService   *self);
void          sb_service_set_description        (SbService   *self, const char *text);
const char   *sb_service_get_outcomes           (SbService   *self);
void          sb_service_set_outcomes           (SbService   *self, const char *text);
const char   *sb_service_get_category           (SbService   *self);
void          sb_service_set_category           (SbService   *self, const char *category);
/* "service-type": one of SB_SERVICE_TYPE_… */
const char   *sb_service_get_service_type       (SbService   *self);
void          sb_service_set_service_type       (SbService   *self, const char *type);
const char   *sb_service_get_owner              (SbService   *self);
void          sb_service_set_owner              (SbService   *self, const char *owner);
/* "criticality": low, medium, high, critical */
const char   *sb_service_get_criticality        (SbService   *self);
void          sb_service_set_criticality        (SbService   *self, const char *criticality);
/* "status": one of SB_SERVICE_STATUS_… */
const char   *sb_service_get_status             (SbService   *self);
void          sb_service_set_status             (SbService   *self, const char *status);
const char   *sb_service_get_support_channel    (SbService   *self);
void          sb_service_set_support_channel    (SbService   *self, const char *text);
const char   *sb_service_get_support_contact    (SbService   *self);
void          sb_service_set_support_contact    (SbService   *self, const char *text);
/* "calendar-id": the support calendar; %NULL means 24×7 */
const char   *sb_service_get_calendar_id        (SbService   *self);
void          sb_service_set_calendar_id        (SbService   *self, const char *id);
const char   *sb_service_get_exclusions         (SbService   *self);
void          sb_service_set_exclusions         (SbService   *self, const char *text);
const char   *sb_service_get_prerequisites      (SbService   *self);
void          sb_service_set_prerequisites      (SbService   *self, const char *text);
/* "price-amount" (-1: no price), "price-currency", "price-period"
 * (month, quarter, year, one-off) */
gint64        sb_service_get_price_amount       (SbService   *self);
void          sb_service_set_price_amount       (SbService   *self, gint64 amount);
const char   *sb_service_get_price_currency     (SbService   *self);
void          sb_service_set_price_currency     (SbService   *self, const char *currency);
const char   *sb_service_get_price_period       (SbService   *self);
void          sb_service_set_price_period       (SbService   *self, const char *period);
/* "availability-target": hundredths of a percent per month, 0 for none */
int           sb_service_get_availability_target (SbService  *self);
void          sb_service_set_availability_target (SbService  *self, int hundredths);
/* "workload-limit": incidents per month, 0 for none */
int           sb_service_get_workload_limit     (SbService   *self);
void          sb_service_set_workload_limit     (SbService   *self, int per_month);
/* "clock-stop-reasons": the hold reasons that stop the SLA clock
 * (default: awaiting-customer only) */
const char * const *sb_service_get_clock_stop_reasons (SbService *self);
void          sb_service_set_clock_stop_reasons (SbService   *self, const char * const *reasons);
gboolean      sb_service_stops_clock_for        (SbService   *self, const char *hold_reason);
const char   *sb_service_get_exceptions         (SbService   *self);
void          sb_service_set_exceptions         (SbService   *self, const char *text);
/* "last-review", "next-review": YYYY-MM-DD or NULL */
const char   *sb_service_get_last_review        (SbService   *self);
void          sb_service_set_last_review        (SbService   *self, const char *date);
const char   *sb_service_get_next_review        (SbService   *self);
void          sb_service_set_next_review        (SbService   *self, const char *date);
gboolean      sb_service_is_review_overdue      (SbService   *self, const GDate *today);

/* Targets per priority 1–5, in business minutes; 0 means no target. */
int           sb_service_get_response_target    (SbService   *self, int priority);
int           sb_service_get_resolution_target  (SbService   *self, int priority);
void          sb_service_set_targets            (SbService   *self, int priority,
                                                 int response_minutes, int resolution_minutes);

/* Links: the customers using it, the services it depends on (ids). */
const char * const *sb_service_get_customer_ids (SbService   *self);
void          sb_service_set_customer_ids       (SbService   *self, const char * const *ids);
const char * const *sb_service_get_depends_on_ids (SbService *self);
void          sb_service_set_depends_on_ids     (SbService   *self, const char * const *ids);

/* Derived for display, kept by the store when it loads the service:
 * "customer-names" (comma-separated), "calendar-name". */
const char   *sb_service_get_customer_names     (SbService   *self);
const char   *sb_service_get_calendar_name      (SbService   *self);

G_END_DECLS
