/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-escalations.h"
#include "sb-store-private.h"

G_BEGIN_DECLS

/*
 * Inside the store: the escalation steps inside a transaction that is
 * already open (the sample data, imports), and the sample suppliers.
 */

/* As sb_escalations_escalate(); @historical: the escalation is written
 * after the fact (sample data, an import), so the incident may be
 * finished by now; the instant must then lie before its closing. */
gboolean sb_escalations_escalate_in          (SbTransaction  *tx,
                                              const char     *incident_id,
                                              const char     *supplier_id,
                                              const char     *contract_id,
                                              const char     *supplier_ref,
                                              gint64          at_ms,
                                              const char     *note,
                                              gboolean        historical,
                                              char          **out_id,
                                              GError        **error);
gboolean sb_escalations_record_response_in   (SbTransaction  *tx,
                                              const char     *escalation_id,
                                              gint64          at_ms,
                                              const char     *note,
                                              GError        **error);
gboolean sb_escalations_record_resolution_in (SbTransaction  *tx,
                                              const char     *escalation_id,
                                              gint64          at_ms,
                                              const char     *note,
                                              GError        **error);

/* The local day of an instant, and the first instant of a local day. */
void     sb_escalations_local_day            (gint64          ms,
                                              GDate          *out_day);
gint64   sb_escalations_day_start_ms         (const GDate    *day);

/* sb-supplier-sample.c: the loader of sb-sample-data.c, after the
 * catalogue and the incident log. */
gboolean sb_suppliers_load_sample            (SbTransaction  *tx,
                                              SbStore        *store,
                                              GError        **error);

G_END_DECLS
