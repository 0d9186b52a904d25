/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-store.h"

G_BEGIN_DECLS

/*
 * The dates by which a decision must be made: the last day to give notice
 * (or to agree a renewal), the end of a term (a renewal, or the end of
 * the contract) and supplier reviews due. Derived from the contracts'
 * terms and the latest review of each supplier; nothing is stored but
 * which deadlines this device has already notified about.
 */
typedef enum
{
  SB_DEADLINE_NOTICE,     /* last day to give notice / agree a renewal */
  SB_DEADLINE_RENEWAL,    /* a term ends and the next begins */
  SB_DEADLINE_END,        /* the contract ends */
  SB_DEADLINE_REVIEW,     /* a supplier review is due */
} SbDeadlineKind;

typedef struct
{
  SbDeadlineKind kind;
  GDate   date;
  /* stable across runs and devices: "<kind>:<record id>:<YYYY-MM-DD>",
   * kind one of notice, renewal, end, review; the record is the contract,
   * or the supplier for a review */
  char   *key;
  char   *supplier_id;
  char   *supplier_name;
  char   *contract_id;           /* NULL for a review */
  char   *contract_reference;
  char   *contract_title;
  /* "Last day to give notice: Acme Hosting — HOST-2024" (translated) */
  char   *summary;
  /* what happens if nothing is done, the notice period and method */
  char   *detail;
} SbDeadline;

void        sb_deadline_free                  (SbDeadline *deadline);
const char *sb_deadline_kind_get_label        (SbDeadlineKind kind);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbDeadline, sb_deadline_free)

/* Deadlines of live contracts and suppliers from @from to @to (inclusive),
 * by date, then kind. */
GPtrArray  *sb_deadlines_list                 (SbStore      *store,
                                               const GDate  *from,
                                               const GDate  *to,
                                               GError      **error);   /* of SbDeadline */

/* Notice deadlines from @today to @today + warning window (see
 * sb_contracts_get_warning_days()) this device has not notified about. */
GPtrArray  *sb_deadlines_due_for_notification (SbStore      *store,
                                               const GDate  *today,
                                               GError      **error);   /* of SbDeadline */
gboolean    sb_deadlines_mark_notified        (SbStore      *store,
                                               const SbDeadline *deadline,
                                               GError      **error);

/* Every deadline from @from to @to as an iCalendar file, with a reminder
 * the warning window before each notice deadline. */
GBytes     *sb_deadlines_to_ical              (SbStore      *store,
                                               const GDate  *from,
                                               const GDate  *to,
                                               GError      **error);
gboolean    sb_deadlines_export_ical          (SbStore      *store,
                                               const GDate  *from,
                                               const GDate  *to,
                                               GFile        *file,
                                               GError      **error);

G_END_DECLS
