/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-contract.h"
#include "sb-store.h"

G_BEGIN_DECLS

/*
 * The contract register. Reads return new objects (with the supplier's
 * name filled in); saves validate, then write the contract, its targets
 * and its underpinned services through the one write path in a single
 * transaction, failing with SB_STORE_ERROR_INVALID and a message naming
 * the field when a rule is broken: no supplier, no reference or title, an
 * impossible date, a start after the early termination, a negative
 * amount, a notice period longer than the term, renewal months missing,
 * an unknown calendar or service.
 */

/* Live contracts, of one supplier or of all (@supplier_id NULL), ordered
 * by supplier name, then reference. */
GListModel *sb_contracts_list              (SbStore     *store,
                                            const char  *supplier_id,
                                            GError     **error);   /* of SbContract */
SbContract *sb_contracts_get               (SbStore     *store,
                                            const char  *id,
                                            GError     **error);
/* By reference (case-insensitive); @supplier_id may be NULL when the
 * reference is unique among live contracts. */
SbContract *sb_contracts_find              (SbStore     *store,
                                            const char  *supplier_id,
                                            const char  *reference);
gboolean    sb_contracts_validate          (SbStore     *store,
                                            SbContract  *contract,
                                            GError     **error);
gboolean    sb_contracts_save              (SbStore     *store,
                                            SbContract  *contract,
                                            GError     **error);
gboolean    sb_contracts_delete            (SbStore     *store,
                                            const char  *id,
                                            GError     **error);
gboolean    sb_contracts_undelete          (SbStore     *store,
                                            const char  *id,
                                            GError     **error);

/* Live contracts underpinning a service, those in force on @day first. */
GPtrArray  *sb_contracts_for_service       (SbStore     *store,
                                            const char  *service_id,
                                            const GDate *day,
                                            GError     **error);   /* of SbContract */

/* The warning window for notice deadlines and expiry, in days: the book
 * setting "notice-warning-days", SB_CONTRACT_DEFAULT_WARNING_DAYS when
 * unset; 1…365. */
int         sb_contracts_get_warning_days  (SbStore     *store);
gboolean    sb_contracts_set_warning_days  (SbStore     *store,
                                            int          days,
                                            GError     **error);

/* Today in the user's local time zone, or the store's fixed clock in
 * tests (sb_store_now_ms()). */
void        sb_contracts_get_today         (SbStore     *store,
                                            GDate       *out_day);

/*
 * The alignment check: each supplier target must fit inside the customer
 * target of every service the contract underpins, priority by priority.
 * A gap is a risk: the supplier target is longer than the service's, or
 * the service has a target the contract has none for. Minutes are
 * compared as agreed, each in its own hours.
 */
typedef enum
{
  SB_ALIGNMENT_RESPONSE_LONGER,
  SB_ALIGNMENT_RESOLUTION_LONGER,
  SB_ALIGNMENT_NO_RESPONSE_TARGET,
  SB_ALIGNMENT_NO_RESOLUTION_TARGET,
} SbAlignmentGapKind;

typedef struct
{
  SbAlignmentGapKind kind;
  char  *contract_id;
  char  *contract_reference;
  char  *supplier_name;
  char  *service_id;
  char  *service_code;
  char  *service_name;
  guint  priority;
  guint  supplier_minutes;   /* 0: none */
  guint  customer_minutes;
} SbAlignmentGap;

void        sb_alignment_gap_free          (SbAlignmentGap *gap);
/* "P2 resolution: the supplier has 16 h, EMAIL promises 8 h" */
char       *sb_alignment_gap_describe      (const SbAlignmentGap *gap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbAlignmentGap, sb_alignment_gap_free)

/* Gaps of live contracts, narrowed to one contract and/or one service
 * (either may be NULL), ordered by contract, service and priority. */
GPtrArray  *sb_contracts_check_alignment   (SbStore     *store,
                                            const char  *contract_id,
                                            const char  *service_id,
                                            GError     **error);   /* of SbAlignmentGap */

/* Labels (translated) and the values the schema allows, NULL-terminated */
const char * const *sb_contract_types           (void);
const char         *sb_contract_type_get_label  (const char *type);
const char * const *sb_cost_categories          (void);
const char         *sb_cost_category_get_label  (const char *category);

G_END_DECLS
