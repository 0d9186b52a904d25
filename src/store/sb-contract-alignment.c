/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-time.h"

/*
 * The alignment check (DOMAIN.md, Suppliers and contracts): a contract
 * underpins services; each of the supplier's targets must fit inside the
 * customer target of every one of those services, priority by priority.
 * Where the service promises nothing (0) there is nothing to fit in.
 * Minutes are compared as agreed, each counted in its own hours.
 */

/**
 * sb_alignment_gap_free:
 * @gap: (nullable): a gap
 *
 * Frees a gap and its strings.
 */
void
sb_alignment_gap_free (SbAlignmentGap *gap)
{
  if (gap == NULL)
    return;

  g_free (gap->contract_id);
  g_free (gap->contract_reference);
  g_free (gap->supplier_name);
  g_free (gap->service_id);
  g_free (gap->service_code);
  g_free (gap->service_name);
  g_free (gap);
}

/**
 * sb_alignment_gap_describe:
 * @gap: a gap
 *
 * Describes a gap in words, as in "P2 resolution: the supplier has 16 h,
 * EMAIL promises 8 h".
 *
 * Returns: (transfer full): the translated text
 */
char *
sb_alignment_gap_describe (const SbAlignmentGap *gap)
{
  g_autofree char *customer = NULL;
  g_autofree char *supplier = NULL;
  const char *code;

  g_return_val_if_fail (gap != NULL, NULL);

  customer = sb_duration_format (gap->customer_minutes);
  code = gap->service_code != NULL ? gap->service_code : "";

  switch (gap->kind)
    {
    case SB_ALIGNMENT_RESPONSE_LONGER:
      supplier = sb_duration_format (gap->supplier_minutes);
      /* Translators: P%u is a priority such as P2; the durations are as in "16 h"; %s before
       * "promises" is a service code */
      return g_strdup_printf (_("P%u response: the supplier has %s, %s promises %s"),
                              gap->priority, supplier, code, customer);

    case SB_ALIGNMENT_RESOLUTION_LONGER:
      supplier = sb_duration_format (gap->supplier_minutes);
      /* Translators: P%u is a priority such as P2; the durations are as in "16 h"; %s before
       * "promises" is a service code */
      return g_strdup_printf (_("P%u resolution: the supplier has %s, %s promises %s"),
                              gap->priority, supplier, code, customer);

    case SB_ALIGNMENT_NO_RESPONSE_TARGET:
      /* Translators: P%u is a priority such as P2; the first %s is a service code, the
       * second a duration as in "4 h" */
      return g_strdup_printf (_("P%u response: the supplier has no target, %s promises %s"),
                              gap->priority, code, customer);

    case SB_ALIGNMENT_NO_RESOLUTION_TARGET:
      /* Translators: P%u is a priority such as P2; the first %s is a service code, the
       * second a duration as in "4 h" */
      return g_strdup_printf (_("P%u resolution: the supplier has no target, %s promises %s"),
                              gap->priority, code, customer);

    default:
      g_return_val_if_reached (NULL);
    }
}

static SbAlignmentGap *
gap_new (sqlite3_stmt       *stmt,
         SbAlignmentGapKind  kind,
         guint               supplier_minutes,
         guint               customer_minutes)
{
  SbAlignmentGap *gap = g_new0 (SbAlignmentGap, 1);

  gap->kind = kind;
  gap->contract_id = sb_catalog_column_text (stmt, 0);
  gap->contract_reference = sb_catalog_column_text (stmt, 1);
  gap->supplier_name = sb_catalog_column_text (stmt, 2);
  gap->service_id = sb_catalog_column_text (stmt, 3);
  gap->service_code = sb_catalog_column_text (stmt, 4);
  gap->service_name = sb_catalog_column_text (stmt, 5);
  gap->priority = sqlite3_column_int (stmt, 6);
  gap->supplier_minutes = supplier_minutes;
  gap->customer_minutes = customer_minutes;

  return gap;
}

/* Adds the gap of one target pair, if there is one. */
static void
compare (GPtrArray          *gaps,
         sqlite3_stmt       *stmt,
         int                 customer_column,
         int                 supplier_column,
         SbAlignmentGapKind  longer,
         SbAlignmentGapKind  missing)
{
  gint64 customer = sqlite3_column_int64 (stmt, customer_column);
  gint64 supplier = sqlite3_column_int64 (stmt, supplier_column);   /* NULL reads as 0 */

  if (customer <= 0)
    return;

  if (supplier <= 0)
    g_ptr_array_add (gaps, gap_new (stmt, missing, 0, customer));
  else if (supplier > customer)
    g_ptr_array_add (gaps, gap_new (stmt, longer, supplier, customer));
}

/**
 * sb_contracts_check_alignment:
 * @store: a store
 * @contract_id: (nullable): one contract, or %NULL for all
 * @service_id: (nullable): one service, or %NULL for all
 * @error: return location for a #GError
 *
 * Finds where a supplier target does not fit inside the customer target
 * of a service the contract underpins: a longer response or resolution,
 * or no supplier target where the service has one. Only live contracts
 * of live suppliers and live services count.
 *
 * Returns: (transfer full) (element-type SbAlignmentGap) (nullable): the
 *   gaps, ordered by supplier and contract, service and priority, the
 *   response before the resolution
 */
GPtrArray *
sb_contracts_check_alignment (SbStore     *store,
                              const char  *contract_id,
                              const char  *service_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) gaps = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store,
                           "SELECT c.id, c.reference, s.name, v.id, v.code, v.name, t.priority, "
                           "       t.response_minutes, t.resolution_minutes, "
                           "       ct.response_minutes, ct.resolution_minutes "
                           "  FROM contract c "
                           "  JOIN supplier s ON s.id = c.supplier_id AND s.deleted = 0 "
                           "  JOIN contract_service l ON l.contract_id = c.id AND l.deleted = 0 "
                           "  JOIN service v ON v.id = l.service_id AND v.deleted = 0 "
                           "  JOIN service_target t ON t.service_id = v.id AND t.deleted = 0 "
                           "  LEFT JOIN contract_target ct ON ct.contract_id = c.id "
                           "       AND ct.priority = t.priority AND ct.deleted = 0 "
                           " WHERE c.deleted = 0 AND t.priority BETWEEN 1 AND 5 "
                           "   AND (?1 IS NULL OR c.id = ?1) AND (?2 IS NULL OR v.id = ?2) "
                           " ORDER BY s.name COLLATE NOCASE, s.id, c.reference COLLATE NOCASE, c.id, "
                           "          v.code, v.id, t.priority",
                           error);
  if (stmt == NULL)
    return NULL;

  gaps = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_alignment_gap_free);
  sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, service_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      compare (gaps, stmt, 7, 9, SB_ALIGNMENT_RESPONSE_LONGER, SB_ALIGNMENT_NO_RESPONSE_TARGET);
      compare (gaps, stmt, 8, 10, SB_ALIGNMENT_RESOLUTION_LONGER, SB_ALIGNMENT_NO_RESOLUTION_TARGET);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Checking the supplier targets against the services"), error);
      return NULL;
    }

  return g_steal_pointer (&gaps);
}
