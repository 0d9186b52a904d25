/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-money.h"
#include "sb-time.h"

/*
 * Services: checking them, and writing a service, its five targets, its
 * customer links and its dependencies in one transaction (reading them is
 * in sb-catalog-services-read.c). Links are rows of their own; removing
 * one leaves a tombstone and adding it again brings the same row back, so
 * sync sees one record per link, not a new one on every edit.
 */

#define CODE_MAX_LENGTH 32

static const char * const service_types[] = {
  SB_SERVICE_TYPE_CUSTOMER_FACING, SB_SERVICE_TYPE_SUPPORTING, SB_SERVICE_TYPE_THIRD_PARTY, NULL
};
static const char * const criticalities[] = { "low", "medium", "high", "critical", NULL };
static const char * const statuses[] = {
  SB_SERVICE_STATUS_PIPELINE, SB_SERVICE_STATUS_LIVE,
  SB_SERVICE_STATUS_RETIRING, SB_SERVICE_STATUS_RETIRED, NULL
};
static const char * const price_periods[] = { "month", "quarter", "year", "one-off", NULL };
static const char * const hold_reasons[] = {
  SB_HOLD_AWAITING_CUSTOMER, SB_HOLD_AWAITING_SUPPLIER,
  SB_HOLD_AWAITING_CHANGE, SB_HOLD_OTHER, NULL
};

/* A service's fields as they are written: stripped, upper-cased where
 * that is the rule, without duplicates in the lists. */
typedef struct
{
  char      *code;
  char      *text[13];
  char      *price_currency;
  char      *price_period;
  char      *clock_stop_reasons;
  GPtrArray *customer_ids;
  GPtrArray *depends_on_ids;
} Normalized;

/* The plain text columns, in the order of Normalized.text. */
static const struct
{
  const char *column;
  const char *(*get) (SbService *self);
} text_columns[] = {
  { "name", sb_service_get_name },
  { "description", sb_service_get_description },
  { "outcomes", sb_service_get_outcomes },
  { "category", sb_service_get_category },
  { "owner", sb_service_get_owner },
  { "support_channel", sb_service_get_support_channel },
  { "support_contact", sb_service_get_support_contact },
  { "calendar_id", sb_service_get_calendar_id },
  { "exclusions", sb_service_get_exclusions },
  { "prerequisites", sb_service_get_prerequisites },
  { "exceptions", sb_service_get_exceptions },
  { "last_review", sb_service_get_last_review },
  { "next_review", sb_service_get_next_review },
};

G_STATIC_ASSERT (G_N_ELEMENTS (text_columns) == G_N_ELEMENTS (((Normalized *)NULL)->text));

enum
{
  TEXT_NAME,
  TEXT_DESCRIPTION,
  TEXT_OUTCOMES,
  TEXT_CATEGORY,
  TEXT_OWNER,
  TEXT_SUPPORT_CHANNEL,
  TEXT_SUPPORT_CONTACT,
  TEXT_CALENDAR_ID,
  TEXT_EXCLUSIONS,
  TEXT_PREREQUISITES,
  TEXT_EXCEPTIONS,
  TEXT_LAST_REVIEW,
  TEXT_NEXT_REVIEW,
};

static void
normalized_clear (Normalized *n)
{
  g_free (n->code);
  for (guint i = 0; i < G_N_ELEMENTS (n->text); i++)
    g_free (n->text[i]);
  g_free (n->price_currency);
  g_free (n->price_period);
  g_free (n->clock_stop_reasons);
  g_clear_pointer (&n->customer_ids, g_ptr_array_unref);
  g_clear_pointer (&n->depends_on_ids, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Normalized, normalized_clear)

static GPtrArray *
unique_ids (const char * const *ids)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *id = sb_catalog_strip (ids[i]);

      if (id == NULL)
        continue;
      if (!g_ptr_array_find_with_equal_func (out, id, g_str_equal, NULL))
        g_ptr_array_add (out, g_steal_pointer (&id));
    }

  return out;
}

static char *
format_percent (int hundredths)
{
  int magnitude = ABS (hundredths);

  return g_strdup_printf ("%s%d.%02d %%", hundredths < 0 ? "-" : "",
                          magnitude / 100, magnitude % 100);
}

static gboolean
code_is_valid (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    {
      if (!(g_ascii_isupper (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_'))
        return FALSE;
    }

  return TRUE;
}

/* The service of another id holding @code among the live ones. */
static gboolean
find_code_holder (SbStore     *store,
                  const char  *code,
                  const char  *except_id,
                  char       **out_name,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_name = NULL;

  stmt = sb_store_prepare (store,
                           "SELECT name FROM service WHERE deleted = 0 AND code = ? AND id IS NOT ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, except_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the service code"), error);

  return TRUE;
}

static gboolean
check_date (const char  *text,
            const char  *what,
            GDate       *out,
            GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!sb_date_parse (text, out, NULL))
    /* Translators: the first %s is a field such as "last review date" */
    return sb_catalog_invalid (error, _("The %s “%s” is not a date: write it as YYYY-MM-DD, for example 2026-03-31"),
                               what, text);

  return TRUE;
}

static gboolean
is_one_of (const char         *value,
           const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

static gboolean
check_calendar (SbStore     *store,
                const char  *calendar_id,
                GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name = NULL;
  gboolean found = FALSE;
  gboolean deleted = FALSE;
  int rc;

  if (calendar_id == NULL)
    return TRUE;

  stmt = sb_store_prepare (store, "SELECT name, deleted FROM calendar WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, calendar_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      deleted = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the support calendar"), error);
  if (!found)
    return sb_catalog_invalid (error, _("The support calendar of the service does not exist: choose one of the calendars"));
  if (deleted)
    return sb_catalog_invalid (error, _("The support calendar “%s” was deleted: choose another calendar"), name);

  return TRUE;
}

static gboolean
check_linked (SbStore     *store,
              const char  *table,
              GPtrArray   *ids,
              const char  *message,
              GError     **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean exists = FALSE;

      if (!sb_catalog_record_exists (store, table, g_ptr_array_index (ids, i), TRUE, &exists, error))
        return FALSE;
      if (!exists)
        return sb_catalog_invalid (error, "%s", message);
    }

  return TRUE;
}

/* Depth-first search along live dependencies from @from; TRUE with the
 * path (ids, @from first) when @target is reached. */
static gboolean
reaches (GHashTable *edges,
         const char *from,
         const char *target,
         GHashTable *visited,
         GPtrArray  *path)
{
  GPtrArray *next;

  g_ptr_array_add (path, (gpointer)from);
  if (g_str_equal (from, target))
    return TRUE;

  if (!g_hash_table_add (visited, (gpointer)from))
    goto not_here;

  next = g_hash_table_lookup (edges, from);
  for (guint i = 0; next != NULL && i < next->len; i++)
    {
      if (reaches (edges, g_ptr_array_index (next, i), target, visited, path))
        return TRUE;
    }

not_here:
  g_ptr_array_remove_index (path, path->len - 1);
  return FALSE;
}

static gboolean
check_cycles (SbStore     *store,
              const char  *id,
              const char  *code,
              GPtrArray   *depends_on,
              GError     **error)
{
  g_autoptr(GHashTable) edges = NULL;
  g_autoptr(GHashTable) codes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* A new service has no id yet, so nothing can depend on it. */
  if (id == NULL || depends_on->len == 0)
    return TRUE;

  edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stmt = sb_store_prepare (store, "SELECT id, code FROM service WHERE deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (codes,
                         g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the dependencies"), error);

  stmt = sb_store_prepare (store,
                           "SELECT d.service_id, d.depends_on_id FROM service_dependency d "
                           "JOIN service a ON a.id = d.service_id AND a.deleted = 0 "
                           "JOIN service b ON b.id = d.depends_on_id AND b.deleted = 0 "
                           "WHERE d.deleted = 0 AND d.service_id <> ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *from = (const char *)sqlite3_column_text (stmt, 0);
      GPtrArray *next = g_hash_table_lookup (edges, from);

      if (next == NULL)
        {
          next = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (edges, g_strdup (from), next);
        }
      g_ptr_array_add (next, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the dependencies"), error);

  for (guint i = 0; i < depends_on->len; i++)
    {
      g_autoptr(GHashTable) visited = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) path = g_ptr_array_new ();

      if (reaches (edges, g_ptr_array_index (depends_on, i), id, visited, path))
        {
          g_autoptr(GString) loop = g_string_new (code);

          for (guint k = 0; k < path->len; k++)
            {
              const char *step = g_ptr_array_index (path, k);
              const char *step_code = g_str_equal (step, id) ? code : g_hash_table_lookup (codes, step);

              g_string_append_printf (loop, " → %s", step_code != NULL ? step_code : step);
            }

          return sb_catalog_invalid (error, _("The dependencies would go round in a circle: %s. Remove one of these dependencies"),
                                     loop->str);
        }
    }

  return TRUE;
}

static gboolean
check_targets (SbService  *service,
               GError    **error)
{
  for (int p = 1; p <= SB_SERVICE_N_PRIORITIES; p++)
    {
      int response = sb_service_get_response_target (service, p);
      int resolution = sb_service_get_resolution_target (service, p);
      const char *name = sb_priority_get_name ((SbPriority)p);

      if (response < 0 || resolution < 0)
        return sb_catalog_invalid (error, _("The targets for priority %d (%s) cannot be negative: use 0 for no target"),
                                   p, name);

      if (response > 0 && resolution > 0 && response > resolution)
        {
          g_autofree char *response_text = sb_duration_format (response);
          g_autofree char *resolution_text = sb_duration_format (resolution);

          return sb_catalog_invalid (error, _("For priority %d (%s) the response target (%s) is longer than the resolution target (%s): the first response must come no later than the resolution"),
                                     p, name, response_text, resolution_text);
        }
    }

  return TRUE;
}

static gboolean
validate_service (SbStore     *store,
                  SbService   *service,
                  Normalized  *n,
                  GError     **error)
{
  const char *id = sb_service_get_id (service);
  const char * const *reasons = sb_service_get_clock_stop_reasons (service);
  g_autoptr(GString) stops = g_string_new (NULL);
  g_autofree char *holder = NULL;
  g_autofree char *stripped_code = NULL;
  gint64 price = sb_service_get_price_amount (service);
  int availability = sb_service_get_availability_target (service);
  GDate last;
  GDate next;

  stripped_code = sb_catalog_strip (sb_service_get_code (service));
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    n->text[i] = sb_catalog_strip (text_columns[i].get (service));

  if (stripped_code == NULL)
    return sb_catalog_invalid (error, _("The service needs a code, a short unique name such as EMAIL: type one"));

  n->code = g_ascii_strup (stripped_code, -1);
  if (!code_is_valid (n->code))
    return sb_catalog_invalid (error, _("The code “%s” may only contain the letters A–Z, digits, - and _: remove the other characters"),
                               stripped_code);
  if (strlen (n->code) > CODE_MAX_LENGTH)
    return sb_catalog_invalid (error, _("The code “%s” is too long: keep it to %d characters or fewer"),
                               n->code, CODE_MAX_LENGTH);

  if (!find_code_holder (store, n->code, id, &holder, error))
    return FALSE;
  if (holder != NULL)
    return sb_catalog_invalid (error, _("The code %s is already used by the service “%s”: choose another code"),
                               n->code, holder);

  if (n->text[TEXT_NAME] == NULL)
    return sb_catalog_invalid (error, _("The service needs a name: type what its customers call it, such as Email and calendars"));

  if (!is_one_of (sb_service_get_service_type (service), service_types))
    return sb_catalog_invalid (error, _("The service type “%s” is unknown: choose customer-facing, supporting or third-party"),
                               sb_service_get_service_type (service) ? sb_service_get_service_type (service) : "");
  if (!is_one_of (sb_service_get_criticality (service), criticalities))
    return sb_catalog_invalid (error, _("The criticality “%s” is unknown: choose low, medium, high or critical"),
                               sb_service_get_criticality (service) ? sb_service_get_criticality (service) : "");
  if (!is_one_of (sb_service_get_status (service), statuses))
    return sb_catalog_invalid (error, _("The status “%s” is unknown: choose pipeline, live, retiring or retired"),
                               sb_service_get_status (service) ? sb_service_get_status (service) : "");

  if (!check_date (n->text[TEXT_LAST_REVIEW], _("last review date"), &last, error) ||
      !check_date (n->text[TEXT_NEXT_REVIEW], _("next review date"), &next, error))
    return FALSE;
  if (n->text[TEXT_LAST_REVIEW] != NULL && n->text[TEXT_NEXT_REVIEW] != NULL &&
      g_date_compare (&next, &last) <= 0)
    return sb_catalog_invalid (error, _("The next review (%s) must come after the last review (%s): move the next review later"),
                               n->text[TEXT_NEXT_REVIEW], n->text[TEXT_LAST_REVIEW]);

  if (availability < 0 || availability > 10000)
    {
      g_autofree char *shown = format_percent (availability);

      return sb_catalog_invalid (error, _("The availability target %s is out of range: type a percentage from 0 to 100, or 0 for no target"),
                                 shown);
    }

  if (sb_service_get_workload_limit (service) < 0)
    return sb_catalog_invalid (error, _("The workload limit cannot be negative: type the incidents per month it is sized for, or 0 for no limit"));

  if (!check_targets (service, error))
    return FALSE;

  if (price < -1)
    return sb_catalog_invalid (error, _("The price cannot be negative: type an amount, or leave it empty for no price"));
  if (price >= 0)
    {
      g_autofree char *currency = sb_catalog_strip (sb_service_get_price_currency (service));

      if (currency == NULL)
        return sb_catalog_invalid (error, _("The price needs a currency: choose one such as EUR"));

      n->price_currency = g_ascii_strup (currency, -1);
      if (!sb_currency_is_valid (n->price_currency))
        return sb_catalog_invalid (error, _("The price currency “%s” is not an ISO 4217 code: choose one such as EUR or USD"),
                                   currency);

      n->price_period = sb_catalog_strip (sb_service_get_price_period (service));
      if (n->price_period == NULL)
        return sb_catalog_invalid (error, _("The price needs a charging period: choose month, quarter, year or one-off"));
      if (!is_one_of (n->price_period, price_periods))
        return sb_catalog_invalid (error, _("The charging period “%s” is unknown: choose month, quarter, year or one-off"),
                                   n->price_period);
    }

  for (guint i = 0; reasons[i] != NULL; i++)
    {
      if (!g_strv_contains (hold_reasons, reasons[i]))
        return sb_catalog_invalid (error, _("“%s” is not a hold reason: choose from awaiting-customer, awaiting-supplier, awaiting-change and other"),
                                   reasons[i]);
    }
  /* Kept in the order of hold_reasons, so the same set is the same text. */
  for (guint i = 0; hold_reasons[i] != NULL; i++)
    {
      if (g_strv_contains (reasons, hold_reasons[i]))
        g_string_append_printf (stops, "%s%s", stops->len ? "," : "", hold_reasons[i]);
    }
  n->clock_stop_reasons = g_strdup (stops->str);

  if (!check_calendar (store, n->text[TEXT_CALENDAR_ID], error))
    return FALSE;

  n->customer_ids = unique_ids (sb_service_get_customer_ids (service));
  if (!check_linked (store, "customer", n->customer_ids,
                     _("One of the service’s customers no longer exists: remove it from the customers"),
                     error))
    return FALSE;

  n->depends_on_ids = unique_ids (sb_service_get_depends_on_ids (service));
  if (id != NULL && g_ptr_array_find_with_equal_func (n->depends_on_ids, id, g_str_equal, NULL))
    return sb_catalog_invalid (error, _("The service %s cannot depend on itself: remove it from its dependencies"),
                               n->code);
  if (!check_linked (store, "service", n->depends_on_ids,
                     _("One of the services it depends on no longer exists: remove it from the dependencies"),
                     error))
    return FALSE;

  return check_cycles (store, id, n->code, n->depends_on_ids, error);
}

/**
 * sb_catalog_validate_service:
 * @store: a store
 * @service: the service
 * @error: return location for a #GError
 *
 * Checks every rule sb_catalog_save_service() checks, without writing:
 * for a form that validates as the person types.
 *
 * Returns: %TRUE when the service can be saved; otherwise %FALSE with
 *   %SB_STORE_ERROR_INVALID and a message naming the field and the fix
 */
gboolean
sb_catalog_validate_service (SbStore     *store,
                             SbService   *service,
                             GError     **error)
{
  g_auto(Normalized) n = { 0 };

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_SERVICE (service), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_service (store, service, &n, error);
}

/* Writing */

static gboolean
save_targets (SbTransaction  *tx,
              SbStore        *store,
              const char     *service_id,
              SbService      *service,
              GError        **error)
{
  for (int p = 1; p <= SB_SERVICE_N_PRIORITIES; p++)
    {
      g_autoptr(SbChange) change = NULL;
      g_autofree char *target_id = NULL;
      sqlite3_stmt *stmt;
      int rc;

      stmt = sb_store_prepare (store,
                               "SELECT id FROM service_target "
                               "WHERE service_id = ? AND priority = ? AND deleted = 0",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, service_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, p);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        target_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sb_catalog_step_error (store, rc, _("Reading the service level targets"), error);

      if (target_id != NULL)
        change = sb_change_update ("service_target", target_id);
      else
        {
          change = sb_change_insert ("service_target");
          sb_change_set_string (change, "service_id", service_id);
          sb_change_set_int (change, "priority", p);
        }
      sb_change_set_int (change, "response_minutes", sb_service_get_response_target (service, p));
      sb_change_set_int (change, "resolution_minutes", sb_service_get_resolution_target (service, p));

      if (!sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  return TRUE;
}

/* Makes the live links of @service_id in @table exactly @wanted: new
 * ones are inserted, removed ones become tombstones, re-added ones are
 * brought back. A link whose other end is deleted is left alone: it is
 * hidden with that record and returns with it. */
static gboolean
save_links (SbTransaction  *tx,
            SbStore        *store,
            const char     *table,
            const char     *column,
            const char     *other_table,
            const char     *service_id,
            GPtrArray      *wanted,
            GError        **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = NULL;
  GHashTableIter iter;
  const char *other;
  const char *row_id;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT l.id, l.\"%s\", l.deleted, o.deleted FROM \"%s\" l "
                         "LEFT JOIN \"%s\" o ON o.id = l.\"%s\" "
                         "WHERE l.service_id = ? ORDER BY l.deleted, l.id",
                         column, table, other_table, column);
  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, service_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      const char *other_id = (const char *)sqlite3_column_text (stmt, 1);

      /* Live rows come first: one row per other end is enough. */
      if (g_hash_table_contains (rows, other_id))
        continue;

      g_hash_table_insert (rows, g_strdup (other_id), g_strdup (id));
      if (sqlite3_column_int (stmt, 2) == 0)
        g_hash_table_add (live, g_strdup (other_id));
      if (sqlite3_column_int (stmt, 3) != 0)
        g_hash_table_add (hidden, g_strdup (other_id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the links of the service"), error);

  for (guint i = 0; i < wanted->len; i++)
    {
      const char *want = g_ptr_array_index (wanted, i);
      g_autoptr(SbChange) change = NULL;

      row_id = g_hash_table_lookup (rows, want);
      if (row_id == NULL)
        {
          change = sb_change_insert (table);
          sb_change_set_string (change, "service_id", service_id);
          sb_change_set_string (change, column, want);
        }
      else if (!g_hash_table_contains (live, want))
        change = sb_change_undelete (table, row_id);

      if (change != NULL && !sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, (gpointer *)&other, (gpointer *)&row_id))
    {
      g_autoptr(SbChange) change = NULL;

      if (!g_hash_table_contains (live, other) || g_hash_table_contains (hidden, other))
        continue;
      if (g_ptr_array_find_with_equal_func (wanted, other, g_str_equal, NULL))
        continue;

      change = sb_change_delete (table, row_id);
      if (!sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sb_catalog_save_service_in (SbTransaction  *tx,
                            SbStore        *store,
                            SbService      *service,
                            GError        **error)
{
  g_auto(Normalized) n = { 0 };
  g_autoptr(SbChange) change = NULL;
  const char *id = sb_service_get_id (service);
  g_autofree char *service_id = NULL;
  gint64 price = sb_service_get_price_amount (service);
  gboolean exists = FALSE;

  if (!validate_service (store, service, &n, error))
    return FALSE;

  if (id != NULL && !sb_catalog_record_exists (store, "service", id, FALSE, &exists, error))
    return FALSE;

  if (id == NULL)
    change = sb_change_insert ("service");
  else if (exists)
    change = sb_change_update ("service", id);
  else
    change = sb_change_insert_with_id ("service", id);

  sb_change_set_string (change, "code", n.code);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    sb_change_set_string (change, text_columns[i].column, n.text[i]);
  sb_change_set_string (change, "service_type", sb_service_get_service_type (service));
  sb_change_set_string (change, "criticality", sb_service_get_criticality (service));
  sb_change_set_string (change, "status", sb_service_get_status (service));
  if (price >= 0)
    sb_change_set_int (change, "price_amount", price);
  else
    sb_change_set_null (change, "price_amount");
  sb_change_set_string (change, "price_currency", n.price_currency);
  sb_change_set_string (change, "price_period", n.price_period);
  sb_change_set_int (change, "availability_target", sb_service_get_availability_target (service));
  sb_change_set_int (change, "workload_limit", sb_service_get_workload_limit (service));
  sb_change_set_string (change, "clock_stop_reasons", n.clock_stop_reasons);

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  service_id = g_strdup (sb_change_get_id (change));

  if (!save_targets (tx, store, service_id, service, error) ||
      !save_links (tx, store, "service_customer", "customer_id", "customer",
                   service_id, n.customer_ids, error) ||
      !save_links (tx, store, "service_dependency", "depends_on_id", "service",
                   service_id, n.depends_on_ids, error))
    return FALSE;

  sb_service_set_id (service, service_id);
  sb_service_set_code (service, n.code);

  return TRUE;
}

/**
 * sb_catalog_save_service:
 * @store: a store
 * @service: the service; a new one gets its id when saved
 * @error: return location for a #GError
 *
 * Checks the service (see sb_catalog_validate_service()) and writes it,
 * its five service level targets, its customers and its dependencies in
 * one transaction through the write path. Only what changed is written;
 * links taken away become tombstones.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID and
 *   nothing written when a rule is broken
 */
gboolean
sb_catalog_save_service (SbStore     *store,
                         SbService   *service,
                         GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autofree char *old_id = NULL;
  g_autofree char *old_code = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_SERVICE (service), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_id = g_strdup (sb_service_get_id (service));
  old_code = g_strdup (sb_service_get_code (service));

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_catalog_save_service_in (tx, store, service, error) ||
      !sb_transaction_commit (tx, error))
    {
      /* Nothing was written, so the object keeps what the person typed. */
      sb_service_set_id (service, old_id);
      sb_service_set_code (service, old_code);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_catalog_delete_service:
 * @store: a store
 * @id: the service's id
 * @error: return location for a #GError
 *
 * Deletes a service (a tombstone). Its targets and links are kept and
 * hidden with it, so sb_catalog_undelete_service() brings all back.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_catalog_delete_service (SbStore     *store,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(SbChange) change = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  change = sb_change_delete ("service", id);

  return sb_store_apply (store, change, error);
}

/**
 * sb_catalog_undelete_service:
 * @store: a store
 * @id: the id of a deleted service
 * @error: return location for a #GError
 *
 * Brings a deleted service back, as the undo of a delete. Refused when a
 * live service took its code meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_catalog_undelete_service (SbStore     *store,
                             const char  *id,
                             GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autofree char *code = NULL;
  g_autofree char *holder = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = sb_store_prepare (store, "SELECT code FROM service WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    code = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the service"), error);
  if (code == NULL)
    return sb_catalog_invalid (error, _("There is no service with the id %s to restore"), id);

  if (!find_code_holder (store, code, id, &holder, error))
    return FALSE;
  if (holder != NULL)
    return sb_catalog_invalid (error, _("The service %s cannot be restored: “%s” uses that code now; change one of the codes first"),
                               code, holder);

  change = sb_change_undelete ("service", id);

  return sb_store_apply (store, change, error);
}
