/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-deadlines.h"
#include "sb-ical.h"
#include "sb-time.h"

/*
 * Deadlines are derived, never stored: from the terms of each live
 * contract (src/core/sb-contract-terms.c) and the next review date of each
 * live supplier's latest review. A deadline's key, "<kind>:<record
 * id>:<YYYY-MM-DD>", is the same on every run and device; the
 * device-local table sb_deadline_notified remembers the keys this device
 * has shown a notification for. That table is the store's own (never
 * synced, not journalled), so it is written with plain SQL.
 */

/* Safety net for terms counted from long ago with short renewals. */
#define MAX_TERMS 100000

static const char * const kind_keys[] = { "notice", "renewal", "end", "review" };

/**
 * sb_deadline_free:
 * @deadline: (nullable): a deadline
 *
 * Frees a deadline and its strings.
 */
void
sb_deadline_free (SbDeadline *deadline)
{
  if (deadline == NULL)
    return;

  g_free (deadline->key);
  g_free (deadline->supplier_id);
  g_free (deadline->supplier_name);
  g_free (deadline->contract_id);
  g_free (deadline->contract_reference);
  g_free (deadline->contract_title);
  g_free (deadline->summary);
  g_free (deadline->detail);
  g_free (deadline);
}

/**
 * sb_deadline_kind_get_label:
 * @kind: a kind of deadline
 *
 * Returns: (transfer none): its translated name, as in "Notice deadline"
 */
const char *
sb_deadline_kind_get_label (SbDeadlineKind kind)
{
  switch (kind)
    {
    case SB_DEADLINE_NOTICE:
      return _("Notice deadline");
    case SB_DEADLINE_RENEWAL:
      return _("Renewal");
    case SB_DEADLINE_END:
      return _("Contract end");
    case SB_DEADLINE_REVIEW:
      return _("Review due");
    default:
      g_return_val_if_reached (NULL);
    }
}

static SbDeadline *
deadline_new (SbDeadlineKind  kind,
              const GDate    *date,
              const char     *record_id)
{
  SbDeadline *deadline = g_new0 (SbDeadline, 1);
  g_autofree char *day = sb_date_format (date);

  deadline->kind = kind;
  deadline->date = *date;
  deadline->key = g_strdup_printf ("%s:%s:%s", kind_keys[kind], record_id, day);

  return deadline;
}

static SbDeadline *
contract_deadline (SbContract     *contract,
                   SbDeadlineKind  kind,
                   const GDate    *date)
{
  SbDeadline *deadline = deadline_new (kind, date, sb_contract_get_id (contract));
  const char *supplier = sb_contract_get_supplier_name (contract);
  const char *reference = sb_contract_get_reference (contract);

  deadline->supplier_id = g_strdup (sb_contract_get_supplier_id (contract));
  deadline->supplier_name = g_strdup (supplier);
  deadline->contract_id = g_strdup (sb_contract_get_id (contract));
  deadline->contract_reference = g_strdup (reference);
  deadline->contract_title = g_strdup (sb_contract_get_title (contract));

  switch (kind)
    {
    case SB_DEADLINE_NOTICE:
      if (sb_contract_get_terms (contract)->renewal == SB_RENEWAL_AGREEMENT)
        /* Translators: the first %s is a supplier, the second a contract reference */
        deadline->summary = g_strdup_printf (_("Last day to agree a renewal: %s — %s"), supplier, reference);
      else
        /* Translators: the first %s is a supplier, the second a contract reference */
        deadline->summary = g_strdup_printf (_("Last day to give notice: %s — %s"), supplier, reference);
      break;

    case SB_DEADLINE_RENEWAL:
      /* Translators: the first %s is a supplier, the second a contract reference */
      deadline->summary = g_strdup_printf (_("Term ends and renews: %s — %s"), supplier, reference);
      break;

    case SB_DEADLINE_END:
      /* Translators: the first %s is a supplier, the second a contract reference */
      deadline->summary = g_strdup_printf (_("Contract ends: %s — %s"), supplier, reference);
      break;

    case SB_DEADLINE_REVIEW:
    default:
      g_assert_not_reached ();
    }

  return deadline;
}

/* Appends "How to give notice: …" when the contract says how. */
static void
append_method (GString    *detail,
               SbContract *contract)
{
  const char *method = sb_contract_get_cancellation_method (contract);

  if (method != NULL)
    {
      g_string_append_c (detail, ' ');
      /* Translators: %s is the cancellation method typed on the contract */
      g_string_append_printf (detail, _("How to give notice: %s"), method);
    }
}

static void
add_notice (GPtrArray   *out,
            SbContract  *contract,
            const GDate *deadline_day,
            const GDate *term_end)
{
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  SbDeadline *deadline = contract_deadline (contract, SB_DEADLINE_NOTICE, deadline_day);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *notice = sb_contract_terms_format_notice_period (terms);
  g_autofree char *notice_phrase = sb_contract_terms_format_notice (terms);
  g_autofree char *months = sb_contract_terms_format_months (terms->renewal_months);
  g_autofree char *end_text = sb_date_format_local (term_end);
  g_autofree char *next_text = NULL;
  GDate next = *term_end;

  g_date_add_days (&next, 1);
  next_text = sb_date_format_local (&next);

  if (terms->renewal == SB_RENEWAL_AGREEMENT)
    /* Translators: the first %s is a date, the second a duration such as "12 months", the
     * third a notice period such as "3 months" */
    g_string_append_printf (detail, _("Expires after %s unless a renewal for %s is agreed (%s before the end)."),
                            end_text, months, notice);
  else
    /* Translators: the first %s is a duration such as "12 months", the second a date, the
     * third a notice period such as "3 months’ notice" */
    g_string_append_printf (detail, _("Renews for %s on %s unless notice is given (%s)."),
                            months, next_text, notice_phrase);
  append_method (detail, contract);

  deadline->detail = g_string_free (g_steal_pointer (&detail), FALSE);
  g_ptr_array_add (out, deadline);
}

static void
add_renewal (GPtrArray   *out,
             SbContract  *contract,
             const GDate *term_end)
{
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  SbDeadline *deadline = contract_deadline (contract, SB_DEADLINE_RENEWAL, term_end);
  g_autofree char *months = sb_contract_terms_format_months (terms->renewal_months);
  g_autofree char *end_text = sb_date_format_local (term_end);
  g_autofree char *next_text = NULL;
  GDate next = *term_end;

  g_date_add_days (&next, 1);
  next_text = sb_date_format_local (&next);
  /* Translators: the first %s is a date, the second a duration such as "12 months", the
   * third a date */
  deadline->detail = g_strdup_printf (_("The term ends on %s; the next term of %s begins on %s."),
                                      end_text, months, next_text);
  g_ptr_array_add (out, deadline);
}

static void
add_end (GPtrArray   *out,
         SbContract  *contract,
         const GDate *end)
{
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  SbDeadline *deadline = contract_deadline (contract, SB_DEADLINE_END, end);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *end_text = sb_date_format_local (end);

  if (g_date_valid (&terms->terminated))
    {
      const char *conditions = sb_contract_get_early_termination (contract);

      /* Translators: %s is a date */
      g_string_append_printf (detail, _("Terminated early: the last day in force is %s."), end_text);
      if (conditions != NULL)
        {
          g_string_append_c (detail, ' ');
          /* Translators: %s is what ending early costs or requires, as typed on the contract */
          g_string_append_printf (detail, _("Early termination: %s"), conditions);
        }
    }
  else if (g_date_valid (&terms->notice_given))
    {
      g_autofree char *given = sb_date_format_local (&terms->notice_given);

      /* Translators: both %s are dates */
      g_string_append_printf (detail, _("Ends after %s: notice was given on %s."), end_text, given);
    }
  else if (terms->renewal == SB_RENEWAL_AGREEMENT)
    {
      /* Translators: %s is a date */
      g_string_append_printf (detail, _("Expires after %s unless a renewal is agreed."), end_text);
    }
  else
    {
      /* Translators: %s is a date */
      g_string_append_printf (detail, _("Ends after %s; it does not renew."), end_text);
    }

  deadline->detail = g_string_free (g_steal_pointer (&detail), FALSE);
  g_ptr_array_add (out, deadline);
}

static gboolean
in_range (const GDate *day,
          const GDate *from,
          const GDate *to)
{
  return g_date_valid (day) && g_date_compare (day, from) >= 0 && g_date_compare (day, to) <= 0;
}

/* The last day to give notice (or to agree a renewal) for the term
 * ending on @end. Worked out from the term's end, not from the state on a
 * day inside the term: with monthly terms and 30 days' notice the
 * deadline of a term can fall in the term before it. */
static gboolean
notice_deadline_for (const SbContractTerms *terms,
                     const GDate           *end,
                     GDate                 *out)
{
  int days = sb_contract_terms_notice_days (terms, end);

  *out = *end;
  if (days >= (int) g_date_get_julian (out))
    return FALSE;
  g_date_subtract_days (out, (guint) days);

  return g_date_valid (out);
}

/* Adds the deadlines of one contract from @from to @to. */
static void
add_contract_deadlines (GPtrArray   *out,
                        SbContract  *contract,
                        const GDate *today,
                        const GDate *from,
                        const GDate *to)
{
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  gboolean terminated = g_date_valid (&terms->terminated);
  gboolean notice_given = g_date_valid (&terms->notice_given);
  GDate final_end;
  gboolean final_known;

  if (!g_date_valid (&terms->start))
    return;

  g_date_clear (&final_end, 1);
  final_known = sb_contract_terms_final_end (terms, &final_end) && g_date_valid (&final_end);
  if (terminated && (!final_known || g_date_compare (&terms->terminated, &final_end) < 0))
    {
      final_end = terms->terminated;
      final_known = TRUE;
    }

  /* A contract renewing more often than yearly (a monthly SIM, say)
   * shows only its next decision and renewal from today: a line every
   * month, or a missed one every month, would drown the dates that
   * matter. */
  gboolean next_only = terms->renewal != SB_RENEWAL_NONE && terms->renewal_months < 12;
  guint n_notices = 0;
  guint n_renewals = 0;

  for (int i = 0; i < MAX_TERMS; i++)
    {
      GDate start;
      GDate end;
      GDate notice;
      gboolean last;

      if (!sb_contract_terms_get_term (terms, i, &start, &end))
        break;
      if (g_date_compare (&start, to) > 0)
        break;
      if (final_known && g_date_compare (&start, &final_end) > 0)
        break;

      last = final_known && g_date_compare (&end, &final_end) >= 0;

      /* Automatic renewal: a decision before every term end until notice
       * is given. By agreement: only before the last agreed term ends. */
      if (!terminated && !notice_given &&
          (terms->renewal == SB_RENEWAL_AUTOMATIC ||
           (terms->renewal == SB_RENEWAL_AGREEMENT && last)) &&
          notice_deadline_for (terms, &end, &notice) &&
          in_range (&notice, from, to) &&
          (!next_only || (n_notices == 0 && g_date_compare (&notice, today) >= 0)))
        {
          add_notice (out, contract, &notice, &end);
          n_notices++;
        }

      if (last)
        break;
      if (in_range (&end, from, to) &&
          (!next_only || (n_renewals == 0 && g_date_compare (&end, today) >= 0)))
        {
          add_renewal (out, contract, &end);
          n_renewals++;
        }
    }

  if (final_known && in_range (&final_end, from, to))
    add_end (out, contract, &final_end);
}

/* Adds the next review of each live supplier's latest review. */
static gboolean
add_reviews (GPtrArray    *out,
             SbStore      *store,
             const GDate  *from,
             const GDate  *to,
             GError      **error)
{
  g_autofree char *from_text = sb_date_format (from);
  g_autofree char *to_text = sb_date_format (to);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT s.id, s.name, r.next_review, r.review_date FROM supplier s "
                           "JOIN supplier_review r ON r.id = (SELECT x.id FROM supplier_review x "
                           "  WHERE x.supplier_id = s.id AND x.deleted = 0 "
                           "  ORDER BY x.review_date DESC, x.created_at DESC, x.id DESC LIMIT 1) "
                           "WHERE s.deleted = 0 AND r.next_review BETWEEN ?1 AND ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *supplier_id = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      SbDeadline *deadline;
      g_autofree char *last_text = NULL;
      GDate next;
      GDate last;

      if (!sb_date_parse ((const char *)sqlite3_column_text (stmt, 2), &next, NULL) ||
          !sb_date_parse ((const char *)sqlite3_column_text (stmt, 3), &last, NULL))
        continue;

      deadline = deadline_new (SB_DEADLINE_REVIEW, &next, supplier_id);
      deadline->supplier_id = g_strdup (supplier_id);
      deadline->supplier_name = g_strdup (name);
      /* Translators: %s is a supplier */
      deadline->summary = g_strdup_printf (_("Supplier review due: %s"), name);
      last_text = sb_date_format_local (&last);
      /* Translators: %s is a date */
      deadline->detail = g_strdup_printf (_("The last review was on %s."), last_text);
      g_ptr_array_add (out, deadline);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the supplier reviews"), error);

  return TRUE;
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  const SbDeadline *x = *(SbDeadline * const *)a;
  const SbDeadline *y = *(SbDeadline * const *)b;
  int order = g_date_compare (&x->date, &y->date);

  if (order == 0)
    order = (int)x->kind - (int)y->kind;
  if (order == 0)
    order = g_utf8_collate (x->supplier_name ? x->supplier_name : "", y->supplier_name ? y->supplier_name : "");
  if (order == 0)
    order = g_strcmp0 (x->key, y->key);

  return order;
}

/**
 * sb_deadlines_list:
 * @store: a store
 * @from: the first day
 * @to: the last day
 * @error: return location for a #GError
 *
 * Derives the deadlines from @from to @to (inclusive): for each live
 * contract of a live supplier the last days to give notice (automatic
 * renewal, until notice is given) or to agree a renewal (by agreement,
 * for the last agreed term), the term ends followed by a renewal and its
 * end (the final one or an early termination); for each live supplier the
 * next review its latest review set.
 *
 * Returns: (transfer full) (element-type SbDeadline) (nullable): the
 *   deadlines by date, then kind
 */
GPtrArray *
sb_deadlines_list (SbStore      *store,
                   const GDate  *from,
                   const GDate  *to,
                   GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GListModel) contracts = NULL;
  GDate today;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_deadline_free);
  if (g_date_compare (from, to) > 0)
    return g_steal_pointer (&out);

  contracts = sb_contracts_list (store, NULL, error);
  if (contracts == NULL)
    return NULL;

  sb_contracts_get_today (store, &today);
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (contracts, i);

      add_contract_deadlines (out, contract, &today, from, to);
    }

  if (!add_reviews (out, store, from, to, error))
    return NULL;

  g_ptr_array_sort (out, compare_deadlines);

  return g_steal_pointer (&out);
}

static gboolean
was_notified (SbStore     *store,
              const char  *key,
              gboolean    *out_notified,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store, "SELECT 1 FROM sb_deadline_notified WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_notified = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading which deadlines were notified"), error);

  return TRUE;
}

/**
 * sb_deadlines_due_for_notification:
 * @store: a store
 * @today: today's local date
 * @error: return location for a #GError
 *
 * The notice deadlines from @today to @today plus the warning window
 * (sb_contracts_get_warning_days()) this device has not yet notified
 * about (see sb_deadlines_mark_notified()).
 *
 * Returns: (transfer full) (element-type SbDeadline) (nullable): the
 *   deadlines by date
 */
GPtrArray *
sb_deadlines_due_for_notification (SbStore      *store,
                                   const GDate  *today,
                                   GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *due;
  GDate until;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  until = *today;
  g_date_add_days (&until, sb_contracts_get_warning_days (store));

  all = sb_deadlines_list (store, today, &until, error);
  if (all == NULL)
    return NULL;

  due = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_deadline_free);
  for (guint i = 0; i < all->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (all, i);
      gboolean notified = FALSE;

      if (deadline->kind != SB_DEADLINE_NOTICE)
        continue;
      if (!was_notified (store, deadline->key, &notified, error))
        {
          g_ptr_array_unref (due);
          return NULL;
        }
      if (!notified)
        g_ptr_array_add (due, g_steal_pointer (&all->pdata[i]));
    }

  return due;
}

/**
 * sb_deadlines_mark_notified:
 * @store: a store
 * @deadline: a deadline a notification was shown for
 * @error: return location for a #GError
 *
 * Remembers on this device that @deadline was notified, so that it is
 * never notified again. Device-local: not journalled, never synced.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_deadlines_mark_notified (SbStore           *store,
                            const SbDeadline  *deadline,
                            GError           **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (deadline != NULL && deadline->key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = sb_time_format_instant (sb_store_now_ms (store));
  stmt = sb_store_prepare (store,
                           "INSERT OR IGNORE INTO sb_deadline_notified (key, notified_at) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, deadline->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Remembering a notified deadline"), error);

  return TRUE;
}

/**
 * sb_deadlines_to_ical:
 * @store: a store
 * @from: the first day
 * @to: the last day
 * @error: return location for a #GError
 *
 * Writes every deadline from @from to @to as an iCalendar file: one
 * all-day event each, with the UID "<key>@servicebook" so that importing
 * again updates the events, and a reminder the warning window before each
 * notice deadline.
 *
 * Returns: (transfer full) (nullable): the file's content
 */
GBytes *
sb_deadlines_to_ical (SbStore      *store,
                      const GDate  *from,
                      const GDate  *to,
                      GError      **error)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(SbIcalWriter) writer = NULL;
  int warning_days;
  char *text;
  gsize length = 0;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  deadlines = sb_deadlines_list (store, from, to, error);
  if (deadlines == NULL)
    return NULL;

  warning_days = sb_contracts_get_warning_days (store);
  writer = sb_ical_writer_new (_("Servicebook deadlines"));
  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *uid = g_strdup_printf ("%s@servicebook", deadline->key);

      sb_ical_writer_add_all_day (writer, uid, &deadline->date, deadline->summary, deadline->detail,
                                  sb_deadline_kind_get_label (deadline->kind),
                                  deadline->kind == SB_DEADLINE_NOTICE ? warning_days : -1);
    }

  text = sb_ical_writer_finish (writer, sb_store_now_ms (store), &length);

  return g_bytes_new_take (text, length);
}

/**
 * sb_deadlines_export_ical:
 * @store: a store
 * @from: the first day
 * @to: the last day
 * @file: the file to write
 * @error: return location for a #GError
 *
 * Writes sb_deadlines_to_ical() to @file atomically: the old file stays
 * as it was when writing fails.
 *
 * Returns: %TRUE on success; %FALSE with a #GError naming the file when
 *   the disk refuses
 */
gboolean
sb_deadlines_export_ical (SbStore      *store,
                          const GDate  *from,
                          const GDate  *to,
                          GFile        *file,
                          GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = sb_deadlines_to_ical (store, from, to, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &local_error))
    {
      name = g_file_get_parse_name (file);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  /* Translators: %s is a file name; the reason follows */
                                  _("Could not write the deadlines to %s: "), name);
      return FALSE;
    }

  return TRUE;
}
