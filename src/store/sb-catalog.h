/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-calendar.h"
#include "sb-customer.h"
#include "sb-priority-matrix.h"
#include "sb-service.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * The service catalogue: services, customers, support calendars, service
 * level targets and the priority matrix. Reads return new objects; saves
 * validate, then write through the store's one write path in a single
 * transaction, and fail with SB_STORE_ERROR_INVALID and a message a person
 * can act on (naming the field) when a rule is broken.
 */

/* Services: live (not deleted) ones, ordered by code. */
GListModel *sb_catalog_list_services        (SbStore     *store,
                                             GError     **error);
SbService  *sb_catalog_get_service          (SbStore     *store,
                                             const char  *id,
                                             GError     **error);
SbService  *sb_catalog_find_service         (SbStore     *store,
                                             const char  *code);
gboolean    sb_catalog_validate_service     (SbStore     *store,
                                             SbService   *service,
                                             GError     **error);
gboolean    sb_catalog_save_service         (SbStore     *store,
                                             SbService   *service,
                                             GError     **error);
gboolean    sb_catalog_delete_service       (SbStore     *store,
                                             const char  *id,
                                             GError     **error);
gboolean    sb_catalog_undelete_service     (SbStore     *store,
                                             const char  *id,
                                             GError     **error);
char      **sb_catalog_list_categories      (SbStore     *store);

/* Customers: live ones, ordered by name. */
GListModel *sb_catalog_list_customers       (SbStore     *store,
                                             GError     **error);
SbCustomer *sb_catalog_get_customer         (SbStore     *store,
                                             const char  *id,
                                             GError     **error);
SbCustomer *sb_catalog_find_customer        (SbStore     *store,
                                             const char  *name);
gboolean    sb_catalog_save_customer        (SbStore     *store,
                                             SbCustomer  *customer,
                                             GError     **error);
gboolean    sb_catalog_delete_customer      (SbStore     *store,
                                             const char  *id,
                                             GError     **error);
gboolean    sb_catalog_undelete_customer    (SbStore     *store,
                                             const char  *id,
                                             GError     **error);

/* Support calendars. Each is stored as sb_calendar_to_string() text with
 * an id; the id of a new calendar is returned in @out_id. */
GListModel *sb_catalog_list_calendars       (SbStore     *store,
                                             GError     **error);   /* of SbCalendarItem */
SbCalendar *sb_catalog_get_calendar         (SbStore     *store,
                                             const char  *id,
                                             GError     **error);   /* NULL id: 24×7 */
gboolean    sb_catalog_save_calendar        (SbStore     *store,
                                             const char  *id,       /* NULL: new */
                                             SbCalendar  *calendar,
                                             char       **out_id,
                                             GError     **error);
gboolean    sb_catalog_delete_calendar      (SbStore     *store,
                                             const char  *id,
                                             GError     **error);   /* refused while a live service uses it */

/* The book's priority matrix (default: DOMAIN.md's table). */
SbPriorityMatrix *sb_catalog_get_priority_matrix (SbStore          *store);
gboolean          sb_catalog_set_priority_matrix (SbStore          *store,
                                                  SbPriorityMatrix *matrix,
                                                  GError          **error);

/* An item of sb_catalog_list_calendars(): "id", "name", "summary"
 * (e.g. "Mon–Fri 09:00–17:00, Europe/Madrid, 12 holidays"). */
#define SB_TYPE_CALENDAR_ITEM (sb_calendar_item_get_type ())
G_DECLARE_FINAL_TYPE (SbCalendarItem, sb_calendar_item, SB, CALENDAR_ITEM, GObject)

const char *sb_calendar_item_get_id         (SbCalendarItem *self);
const char *sb_calendar_item_get_name       (SbCalendarItem *self);
const char *sb_calendar_item_get_summary    (SbCalendarItem *self);
SbCalendar *sb_calendar_item_get_calendar   (SbCalendarItem *self);

G_END_DECLS
