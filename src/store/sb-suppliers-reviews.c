/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-money.h"
#include "sb-suppliers-private.h"

/*
 * A supplier's reviews and disputes. Reviews are append-only: a
 * correction is a new review, a mistaken one is deleted (a tombstone that
 * can be undone). Disputes are saved new or edited as they go from open
 * to resolved or withdrawn.
 */

static const char * const score_columns[SB_REVIEW_N_SCORES] = {
  [SB_REVIEW_QUALITY] = "quality",
  [SB_REVIEW_DELIVERY] = "delivery",
  [SB_REVIEW_RESPONSIVENESS] = "responsiveness",
  [SB_REVIEW_VALUE] = "value",
};

/* Deletes or undeletes one record of @table through the write path. */
static gboolean
set_deleted (SbStore     *store,
             const char  *table,
             const char  *id,
             gboolean     deleted,
             GError     **error)
{
  g_autoptr(SbChange) change = NULL;

  change = deleted ? sb_change_delete (table, id) : sb_change_undelete (table, id);

  return sb_store_apply (store, change, error);
}

typedef GObject *(*RecordFromRow) (sqlite3_stmt *stmt);

/* The records @from_row makes of the rows of @stmt (prepared, or NULL
 * after a failed prepare) for @supplier_id; @doing names the read in an
 * error. */
static GPtrArray *
read_records (SbStore        *store,
              sqlite3_stmt   *stmt,
              const char     *supplier_id,
              RecordFromRow   from_row,
              const char     *doing,
              GError        **error)
{
  g_autoptr(GPtrArray) records = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, from_row (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, doing, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* Reviews */

static gboolean
require_date (const char  *text,
              const char  *message,
              const char  *what,
              GDate       *out,
              GError     **error)
{
  if (text == NULL)
    return sb_catalog_invalid (error, "%s", message);

  return sb_suppliers_check_date (text, what, out, error);
}

static gboolean
validate_review (SbStore           *store,
                 SbSupplierReview  *review,
                 GError           **error)
{
  const char *next_text = sb_supplier_review_get_next_review (review);
  GDate review_date;
  GDate from;
  GDate to;
  GDate next;

  if (!sb_suppliers_check_links (store,
                                 sb_supplier_review_get_supplier_id (review),
                                 sb_supplier_review_get_contract_id (review),
                                 _("review"), error))
    return FALSE;

  if (!require_date (sb_supplier_review_get_review_date (review),
                     _("The review needs a review date: type the day of the review as YYYY-MM-DD"),
                     _("review date"), &review_date, error) ||
      !require_date (sb_supplier_review_get_period_from (review),
                     _("The review needs the start of the period reviewed (period from): type it as YYYY-MM-DD"),
                     _("start of the period"), &from, error) ||
      !require_date (sb_supplier_review_get_period_to (review),
                     _("The review needs the end of the period reviewed (period to): type it as YYYY-MM-DD"),
                     _("end of the period"), &to, error))
    return FALSE;

  if (g_date_compare (&to, &from) < 0)
    return sb_catalog_invalid (error, _("The period reviewed ends (%s) before it starts (%s): move the end of the period later"),
                               sb_supplier_review_get_period_to (review),
                               sb_supplier_review_get_period_from (review));

  for (guint i = 0; i < SB_REVIEW_N_SCORES; i++)
    {
      int score = sb_supplier_review_get_score (review, i);

      if (score < 0 || score > 5)
        /* Translators: %s is a score such as "Quality", %d the number given */
        return sb_catalog_invalid (error, _("The score for %s (%d) is out of range: choose 1 (poor) to 5 (excellent), or 0 for not scored"),
                                   sb_review_score_get_label (i), score);
    }

  if (!sb_suppliers_check_date (next_text, _("next review date"), &next, error))
    return FALSE;
  if (next_text != NULL && g_date_compare (&next, &review_date) <= 0)
    return sb_catalog_invalid (error, _("The next review (%s) must come after the review date (%s): move the next review later"),
                               next_text, sb_supplier_review_get_review_date (review));

  return TRUE;
}

gboolean
sb_suppliers_add_review_in (SbTransaction     *tx,
                            SbStore           *store,
                            SbSupplierReview  *review,
                            GError           **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *reviewer = NULL;

  if (sb_supplier_review_get_id (review) != NULL)
    return sb_catalog_invalid (error, _("This review is already saved: reviews are not edited; add a new review as the correction"));

  if (!validate_review (store, review, error))
    return FALSE;

  notes = sb_catalog_strip (sb_supplier_review_get_notes (review));
  actions = sb_catalog_strip (sb_supplier_review_get_actions (review));
  reviewer = sb_catalog_strip (sb_supplier_review_get_reviewer (review));

  change = sb_change_insert ("supplier_review");
  sb_change_set_string (change, "supplier_id", sb_supplier_review_get_supplier_id (review));
  sb_change_set_string (change, "contract_id", sb_supplier_review_get_contract_id (review));
  sb_change_set_string (change, "review_date", sb_supplier_review_get_review_date (review));
  sb_change_set_string (change, "period_from", sb_supplier_review_get_period_from (review));
  sb_change_set_string (change, "period_to", sb_supplier_review_get_period_to (review));
  for (guint i = 0; i < SB_REVIEW_N_SCORES; i++)
    {
      int score = sb_supplier_review_get_score (review, i);

      if (score > 0)
        sb_change_set_int (change, score_columns[i], score);
      else
        sb_change_set_null (change, score_columns[i]);
    }
  sb_change_set_string (change, "notes", notes);
  sb_change_set_string (change, "actions", actions);
  sb_change_set_string (change, "next_review", sb_supplier_review_get_next_review (review));
  sb_change_set_string (change, "reviewer", reviewer);

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  sb_supplier_review_set_id (review, sb_change_get_id (change));

  return TRUE;
}

/**
 * sb_suppliers_add_review:
 * @store: a store
 * @review: a new review; it gets its id when saved
 * @error: return location for a #GError
 *
 * Checks the review (the supplier and, if given, a contract of that
 * supplier; a review date; a period whose end is not before its start;
 * scores from 0 to 5; a next review after the review date) and adds it.
 * Reviews are never edited: a correction is a new review.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID naming
 *   the field, and nothing written, when a rule is broken
 */
gboolean
sb_suppliers_add_review (SbStore           *store,
                         SbSupplierReview  *review,
                         GError           **error)
{
  g_autoptr(SbTransaction) tx = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_SUPPLIER_REVIEW (review), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_suppliers_add_review_in (tx, store, review, error))
    return FALSE;

  if (!sb_transaction_commit (tx, error))
    {
      sb_supplier_review_set_id (review, NULL);
      return FALSE;
    }

  return TRUE;
}

static SbSupplierReview *
review_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *supplier_id = sb_catalog_column_text (stmt, 1);
  SbSupplierReview *review = sb_supplier_review_new (supplier_id);
  void (*const setters[]) (SbSupplierReview *, const char *) = {
    sb_supplier_review_set_id,
    NULL,
    sb_supplier_review_set_contract_id,
    sb_supplier_review_set_review_date,
    sb_supplier_review_set_period_from,
    sb_supplier_review_set_period_to,
    sb_supplier_review_set_notes,
    sb_supplier_review_set_actions,
    sb_supplier_review_set_next_review,
    sb_supplier_review_set_reviewer,
  };

  for (guint i = 0; i < G_N_ELEMENTS (setters); i++)
    {
      g_autofree char *text = sb_catalog_column_text (stmt, i);

      if (setters[i] != NULL)
        setters[i] (review, text);
    }

  for (guint i = 0; i < SB_REVIEW_N_SCORES; i++)
    sb_supplier_review_set_score (review, i, sqlite3_column_int (stmt, G_N_ELEMENTS (setters) + i));

  return review;
}

/**
 * sb_suppliers_list_reviews:
 * @store: a store
 * @supplier_id: the supplier's id
 * @error: return location for a #GError
 *
 * Lists the live reviews of a supplier, the newest review date first
 * (and the latest added first on the same day).
 *
 * Returns: (transfer full) (element-type SbSupplierReview) (nullable):
 *   the reviews
 */
GPtrArray *
sb_suppliers_list_reviews (SbStore     *store,
                           const char  *supplier_id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store,
                           "SELECT id, supplier_id, contract_id, review_date, period_from, period_to, "
                           "       notes, actions, next_review, reviewer, "
                           "       quality, delivery, responsiveness, value "
                           "  FROM supplier_review WHERE supplier_id = ? AND deleted = 0 "
                           " ORDER BY review_date DESC, created_at DESC, rowid DESC",
                           error);
  return read_records (store, stmt, supplier_id, (RecordFromRow) review_from_row,
                       _("Reading the supplier reviews"), error);
}

/**
 * sb_suppliers_delete_review:
 * @store: a store
 * @id: the review's id
 * @error: return location for a #GError
 *
 * Deletes a mistaken review (a tombstone).
 *
 * Returns: %TRUE on success
 */
gboolean
sb_suppliers_delete_review (SbStore     *store,
                            const char  *id,
                            GError     **error)
{
  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_deleted (store, "supplier_review", id, TRUE, error);
}

/**
 * sb_suppliers_undelete_review:
 * @store: a store
 * @id: the id of a deleted review
 * @error: return location for a #GError
 *
 * Brings a deleted review back, as the undo of a delete.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_suppliers_undelete_review (SbStore     *store,
                              const char  *id,
                              GError     **error)
{
  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_deleted (store, "supplier_review", id, FALSE, error);
}

/* Disputes */

typedef struct
{
  char *title;
  char *description;
  char *outcome;
  char *currency;
} DisputeText;

static void
dispute_text_clear (DisputeText *t)
{
  g_free (t->title);
  g_free (t->description);
  g_free (t->outcome);
  g_free (t->currency);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DisputeText, dispute_text_clear)

static gboolean
validate_amount (SbSupplierDispute  *dispute,
                 DisputeText        *t,
                 GError            **error)
{
  gint64 amount = sb_supplier_dispute_get_amount (dispute);
  g_autofree char *currency = NULL;

  if (amount == -1)
    return TRUE;
  if (amount < 0)
    return sb_catalog_invalid (error, _("The amount in dispute cannot be negative: type an amount, or leave it empty for none"));

  currency = sb_catalog_strip (sb_supplier_dispute_get_currency (dispute));
  if (currency == NULL)
    return sb_catalog_invalid (error, _("The amount in dispute needs a currency: choose one such as EUR"));

  t->currency = g_ascii_strup (currency, -1);
  if (!sb_currency_is_valid (t->currency))
    return sb_catalog_invalid (error, _("The currency “%s” of the amount in dispute is not an ISO 4217 code: choose one such as EUR or USD"),
                               currency);

  return TRUE;
}

static gboolean
validate_dispute (SbStore            *store,
                  SbSupplierDispute  *dispute,
                  DisputeText        *t,
                  GError            **error)
{
  const char *status = sb_supplier_dispute_get_status (dispute);
  const char *raised_text = sb_supplier_dispute_get_raised_on (dispute);
  const char *closed_text = sb_supplier_dispute_get_closed_on (dispute);
  GDate raised;
  GDate closed;

  t->title = sb_catalog_strip (sb_supplier_dispute_get_title (dispute));
  t->description = sb_catalog_strip (sb_supplier_dispute_get_description (dispute));
  t->outcome = sb_catalog_strip (sb_supplier_dispute_get_outcome (dispute));

  if (!sb_suppliers_check_links (store,
                                 sb_supplier_dispute_get_supplier_id (dispute),
                                 sb_supplier_dispute_get_contract_id (dispute),
                                 _("dispute"), error))
    return FALSE;

  if (t->title == NULL)
    return sb_catalog_invalid (error, _("The dispute needs a title: say in a few words what it is about"));

  if (raised_text == NULL)
    return sb_catalog_invalid (error, _("The dispute needs the date it was raised: type it as YYYY-MM-DD"));
  if (!sb_suppliers_check_date (raised_text, _("raised date"), &raised, error))
    return FALSE;

  if (!sb_suppliers_is_one_of (status, sb_dispute_statuses ()))
    return sb_catalog_invalid (error, _("The dispute status “%s” is unknown: choose open, in-progress, resolved or withdrawn"),
                               status != NULL ? status : "");

  if (sb_supplier_dispute_is_open (dispute))
    {
      if (closed_text != NULL)
        return sb_catalog_invalid (error, _("A dispute that is still open has no closed date: clear the closed date, or set the status to resolved or withdrawn"));
    }
  else
    {
      if (closed_text == NULL)
        return sb_catalog_invalid (error, _("A resolved or withdrawn dispute needs a closed date: type the day it was closed as YYYY-MM-DD"));
      if (!sb_suppliers_check_date (closed_text, _("closed date"), &closed, error))
        return FALSE;
      if (g_date_compare (&closed, &raised) < 0)
        return sb_catalog_invalid (error, _("The closed date (%s) is before the dispute was raised (%s): correct the closed date"),
                                   closed_text, raised_text);
    }

  return validate_amount (dispute, t, error);
}

gboolean
sb_suppliers_save_dispute_in (SbTransaction      *tx,
                              SbStore            *store,
                              SbSupplierDispute  *dispute,
                              GError            **error)
{
  g_auto(DisputeText) t = { 0 };
  g_autoptr(SbChange) change = NULL;
  const char *id = sb_supplier_dispute_get_id (dispute);
  gint64 amount = sb_supplier_dispute_get_amount (dispute);
  gboolean exists = FALSE;
  gboolean live = FALSE;

  if (!validate_dispute (store, dispute, &t, error))
    return FALSE;

  if (id != NULL &&
      (!sb_catalog_record_exists (store, "supplier_dispute", id, FALSE, &exists, error) ||
       !sb_catalog_record_exists (store, "supplier_dispute", id, TRUE, &live, error)))
    return FALSE;
  if (exists && !live)
    return sb_catalog_invalid (error, _("The dispute “%s” was deleted meanwhile: restore it first"), t.title);

  if (id == NULL)
    change = sb_change_insert ("supplier_dispute");
  else if (exists)
    change = sb_change_update ("supplier_dispute", id);
  else
    change = sb_change_insert_with_id ("supplier_dispute", id);

  sb_change_set_string (change, "supplier_id", sb_supplier_dispute_get_supplier_id (dispute));
  sb_change_set_string (change, "contract_id", sb_supplier_dispute_get_contract_id (dispute));
  sb_change_set_string (change, "raised_on", sb_supplier_dispute_get_raised_on (dispute));
  sb_change_set_string (change, "title", t.title);
  sb_change_set_string (change, "description", t.description);
  sb_change_set_string (change, "status", sb_supplier_dispute_get_status (dispute));
  if (amount >= 0)
    sb_change_set_int (change, "amount", amount);
  else
    sb_change_set_null (change, "amount");
  sb_change_set_string (change, "amount_currency", amount >= 0 ? t.currency : NULL);
  sb_change_set_string (change, "outcome", t.outcome);
  sb_change_set_string (change, "closed_on", sb_supplier_dispute_get_closed_on (dispute));

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  sb_supplier_dispute_set_id (dispute, sb_change_get_id (change));

  return TRUE;
}

/**
 * sb_suppliers_save_dispute:
 * @store: a store
 * @dispute: a new or edited dispute; a new one gets its id when saved
 * @error: return location for a #GError
 *
 * Checks the dispute (the supplier and, if given, a contract of that
 * supplier; a title; the raised date; a known status; a closed date set
 * exactly when the status is resolved or withdrawn and not before the
 * raised date; an amount of zero or more with its currency) and writes it.
 * Only the fields that changed are written.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID naming
 *   the field, and nothing written, when a rule is broken
 */
gboolean
sb_suppliers_save_dispute (SbStore            *store,
                           SbSupplierDispute  *dispute,
                           GError            **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autofree char *old_id = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_SUPPLIER_DISPUTE (dispute), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_id = g_strdup (sb_supplier_dispute_get_id (dispute));

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_suppliers_save_dispute_in (tx, store, dispute, error) ||
      !sb_transaction_commit (tx, error))
    {
      sb_supplier_dispute_set_id (dispute, old_id);
      return FALSE;
    }

  return TRUE;
}

static SbSupplierDispute *
dispute_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *supplier_id = sb_catalog_column_text (stmt, 1);
  g_autofree char *currency = sb_catalog_column_text (stmt, 10);
  SbSupplierDispute *dispute = sb_supplier_dispute_new (supplier_id);
  void (*const setters[]) (SbSupplierDispute *, const char *) = {
    sb_supplier_dispute_set_id,
    NULL,
    sb_supplier_dispute_set_contract_id,
    sb_supplier_dispute_set_raised_on,
    sb_supplier_dispute_set_title,
    sb_supplier_dispute_set_description,
    sb_supplier_dispute_set_status,
    sb_supplier_dispute_set_outcome,
    sb_supplier_dispute_set_closed_on,
  };

  for (guint i = 0; i < G_N_ELEMENTS (setters); i++)
    {
      g_autofree char *text = sb_catalog_column_text (stmt, i);

      if (setters[i] != NULL)
        setters[i] (dispute, text);
    }

  sb_supplier_dispute_set_amount (dispute,
                                  sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 9),
                                  currency);

  return dispute;
}

/**
 * sb_suppliers_list_disputes:
 * @store: a store
 * @supplier_id: the supplier's id
 * @error: return location for a #GError
 *
 * Lists the live disputes of a supplier: open and in-progress ones first,
 * then the others; within each, the latest raised first.
 *
 * Returns: (transfer full) (element-type SbSupplierDispute) (nullable):
 *   the disputes
 */
GPtrArray *
sb_suppliers_list_disputes (SbStore     *store,
                            const char  *supplier_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store,
                           "SELECT id, supplier_id, contract_id, raised_on, title, description, "
                           "       status, outcome, closed_on, amount, amount_currency "
                           "  FROM supplier_dispute WHERE supplier_id = ? AND deleted = 0 "
                           " ORDER BY status NOT IN ('open', 'in-progress'), raised_on DESC, "
                           "          created_at DESC, rowid DESC",
                           error);
  return read_records (store, stmt, supplier_id, (RecordFromRow) dispute_from_row,
                       _("Reading the supplier disputes"), error);
}

/**
 * sb_suppliers_delete_dispute:
 * @store: a store
 * @id: the dispute's id
 * @error: return location for a #GError
 *
 * Deletes a dispute (a tombstone).
 *
 * Returns: %TRUE on success
 */
gboolean
sb_suppliers_delete_dispute (SbStore     *store,
                             const char  *id,
                             GError     **error)
{
  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_deleted (store, "supplier_dispute", id, TRUE, error);
}

/**
 * sb_suppliers_undelete_dispute:
 * @store: a store
 * @id: the id of a deleted dispute
 * @error: return location for a #GError
 *
 * Brings a deleted dispute back, as the undo of a delete.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_suppliers_undelete_dispute (SbStore     *store,
                               const char  *id,
                               GError     **error)
{
  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return set_deleted (store, "supplier_dispute", id, FALSE, error);
}
