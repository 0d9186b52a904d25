/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-catalog.h"
#include "sb-store-private.h"

G_BEGIN_DECLS

/* What only the store sets on the catalogue's objects. */
void            sb_service_set_id             (SbService      *self,
                                               const char     *id);
void            sb_service_set_customer_names (SbService      *self,
                                               const char     *names);
void            sb_service_set_calendar_name  (SbService      *self,
                                               const char     *name);
void            sb_customer_set_id            (SbCustomer     *self,
                                               const char     *id);
void            sb_customer_set_service_codes (SbCustomer     *self,
                                               const char     *codes);
SbCalendarItem *sb_calendar_item_new          (const char     *id,
                                               SbCalendar     *calendar,
                                               const char     *summary);

/* sb-catalog.c: shared helpers */
gboolean        sb_catalog_invalid            (GError        **error,
                                               const char     *format,
                                               ...) G_GNUC_PRINTF (2, 3);
char           *sb_catalog_strip              (const char     *text);
char           *sb_catalog_column_text        (sqlite3_stmt   *stmt,
                                               int             column);
gboolean        sb_catalog_step_error         (SbStore        *store,
                                               int             rc,
                                               const char     *doing,
                                               GError        **error);
gboolean        sb_catalog_record_exists      (SbStore        *store,
                                               const char     *table,
                                               const char     *id,
                                               gboolean        live_only,
                                               gboolean       *out_exists,
                                               GError        **error);

/* The same saves as the public ones, inside a transaction that is already
 * open (the sample data, an import). */
gboolean        sb_catalog_save_service_in    (SbTransaction  *tx,
                                               SbStore        *store,
                                               SbService      *service,
                                               GError        **error);
gboolean        sb_catalog_save_customer_in   (SbTransaction  *tx,
                                               SbStore        *store,
                                               SbCustomer     *customer,
                                               GError        **error);
gboolean        sb_catalog_save_calendar_in   (SbTransaction  *tx,
                                               SbStore        *store,
                                               const char     *id,
                                               SbCalendar     *calendar,
                                               char          **out_id,
                                               GError        **error);

/* sb-catalog-calendars.c */
char           *sb_catalog_describe_calendar  (SbCalendar     *calendar);
char           *sb_catalog_local_time_zone_id (void);

/* sb-catalog-sample.c: the loader of sb-sample-data.c */
gboolean        sb_catalog_load_sample        (SbTransaction  *tx,
                                               SbStore        *store,
                                               GError        **error);

G_END_DECLS
