/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"

/*
 * The catalogue's shared helpers, its customers, the categories in use and
 * the priority matrix. Services live in sb-catalog-services.c, calendars
 * in sb-catalog-calendars.c, the sample catalogue in sb-catalog-sample.c.
 */

#define PRIORITY_MATRIX_KEY "priority-matrix"

/* Shared helpers */

gboolean
sb_catalog_invalid (GError     **error,
                    const char  *format,
                    ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (SB_STORE_ERROR, SB_STORE_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

/* Text as it is stored: without surrounding blanks, %NULL for none. */
char *
sb_catalog_strip (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

char *
sb_catalog_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

gboolean
sb_catalog_step_error (SbStore     *store,
                       int          rc,
                       const char  *doing,
                       GError     **error)
{
  return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc, doing);
}

gboolean
sb_catalog_record_exists (SbStore     *store,
                          const char  *table,
                          const char  *id,
                          gboolean     live_only,
                          gboolean    *out_exists,
                          GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT deleted FROM \"%s\" WHERE id = ?", table);
  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_exists = !live_only || sqlite3_column_int (stmt, 0) == 0;
  else
    *out_exists = FALSE;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the catalogue"), error);

  return TRUE;
}

/* Customers */

#define CUSTOMER_SELECT                                                      \
  "SELECT c.id, c.name, c.contact_person, c.email, c.phone, c.notes, "       \
  "       c.status, "                                                        \
  "       (SELECT group_concat (code, ', ') FROM "                           \
  "          (SELECT s.code FROM service_customer sc "                       \
  "             JOIN service s ON s.id = sc.service_id "                     \
  "            WHERE sc.customer_id = c.id AND sc.deleted = 0 "              \
  "              AND s.deleted = 0 ORDER BY s.code)) "                       \
  "  FROM customer c WHERE c.deleted = 0 "

static SbCustomer *
customer_from_row (sqlite3_stmt *stmt)
{
  SbCustomer *customer = sb_customer_new ();
  g_autofree char *id = sb_catalog_column_text (stmt, 0);
  g_autofree char *name = sb_catalog_column_text (stmt, 1);
  g_autofree char *contact = sb_catalog_column_text (stmt, 2);
  g_autofree char *email = sb_catalog_column_text (stmt, 3);
  g_autofree char *phone = sb_catalog_column_text (stmt, 4);
  g_autofree char *notes = sb_catalog_column_text (stmt, 5);
  g_autofree char *status = sb_catalog_column_text (stmt, 6);
  g_autofree char *codes = sb_catalog_column_text (stmt, 7);

  sb_customer_set_id (customer, id);
  sb_customer_set_name (customer, name);
  sb_customer_set_contact_person (customer, contact);
  sb_customer_set_email (customer, email);
  sb_customer_set_phone (customer, phone);
  sb_customer_set_notes (customer, notes);
  sb_customer_set_status (customer, status);
  sb_customer_set_service_codes (customer, codes);

  return customer;
}

/**
 * sb_catalog_list_customers:
 * @store: a store
 * @error: return location for a #GError
 *
 * Lists the live customers ordered by name, each with the codes of the
 * live services it uses.
 *
 * Returns: (transfer full) (nullable): a list model of #SbCustomer
 */
GListModel *
sb_catalog_list_customers (SbStore  *store,
                           GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store, CUSTOMER_SELECT "ORDER BY c.name COLLATE NOCASE, c.id", error);
  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (SB_TYPE_CUSTOMER);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SbCustomer) customer = customer_from_row (stmt);

      g_list_store_append (list, customer);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the customers"), error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * sb_catalog_get_customer:
 * @store: a store
 * @id: the customer's id
 * @error: return location for a #GError
 *
 * Reads one live customer.
 *
 * Returns: (transfer full) (nullable): the customer, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is no live customer @id
 */
SbCustomer *
sb_catalog_get_customer (SbStore     *store,
                         const char  *id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  SbCustomer *customer = NULL;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store, CUSTOMER_SELECT "AND c.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    customer = customer_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    sb_catalog_invalid (error, _("There is no customer with the id %s; it may have been deleted"), id);
  else if (rc != SQLITE_ROW)
    sb_catalog_step_error (store, rc, _("Reading the customer"), error);

  return customer;
}

/**
 * sb_catalog_find_customer:
 * @store: a store
 * @name: a customer's name, in any case
 *
 * Finds a live customer by name, as an import does.
 *
 * Returns: (transfer full) (nullable): the customer, or %NULL
 */
SbCustomer *
sb_catalog_find_customer (SbStore    *store,
                          const char *name)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  SbCustomer *customer = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = sb_catalog_strip (name);
  if (stripped == NULL)
    return NULL;

  stmt = sb_store_prepare (store,
                           CUSTOMER_SELECT "AND c.name = ? COLLATE NOCASE ORDER BY c.id LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    customer = customer_from_row (stmt);
  sqlite3_reset (stmt);

  return customer;
}

static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strchr (at + 1, '.') == NULL || g_str_has_suffix (email, "."))
    return FALSE;

  for (const char *p = email; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == ',' || *p == ';')
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_customer (SbStore     *store,
                   SbCustomer  *customer,
                   GError     **error)
{
  g_autofree char *name = sb_catalog_strip (sb_customer_get_name (customer));
  g_autofree char *email = sb_catalog_strip (sb_customer_get_email (customer));
  const char *status = sb_customer_get_status (customer);
  const char *id = sb_customer_get_id (customer);
  sqlite3_stmt *stmt;
  gboolean taken;
  int rc;

  if (name == NULL)
    return sb_catalog_invalid (error, _("The customer needs a name: type the name of the organisation"));

  if (status == NULL || !(g_str_equal (status, "active") || g_str_equal (status, "inactive")))
    return sb_catalog_invalid (error, _("The customer status “%s” is unknown: choose active or inactive"),
                               status != NULL ? status : "");

  if (email != NULL && !email_looks_valid (email))
    return sb_catalog_invalid (error, _("The email “%s” does not look like an address: write it as name@example.com"),
                               email);

  stmt = sb_store_prepare (store,
                           "SELECT 1 FROM customer WHERE deleted = 0 AND name = ? COLLATE NOCASE "
                           "AND id IS NOT ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  taken = rc == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the customer’s name"), error);
  if (taken)
    return sb_catalog_invalid (error, _("Another customer is already called “%s”: choose a different name"),
                               name);

  return TRUE;
}

gboolean
sb_catalog_save_customer_in (SbTransaction  *tx,
                             SbStore        *store,
                             SbCustomer     *customer,
                             GError        **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *notes = NULL;
  const char *id = sb_customer_get_id (customer);
  gboolean exists = FALSE;

  if (!validate_customer (store, customer, error))
    return FALSE;

  if (id != NULL && !sb_catalog_record_exists (store, "customer", id, FALSE, &exists, error))
    return FALSE;

  if (id == NULL)
    change = sb_change_insert ("customer");
  else if (exists)
    change = sb_change_update ("customer", id);
  else
    change = sb_change_insert_with_id ("customer", id);

  name = sb_catalog_strip (sb_customer_get_name (customer));
  contact = sb_catalog_strip (sb_customer_get_contact_person (customer));
  email = sb_catalog_strip (sb_customer_get_email (customer));
  phone = sb_catalog_strip (sb_customer_get_phone (customer));
  notes = sb_catalog_strip (sb_customer_get_notes (customer));

  sb_change_set_string (change, "name", name);
  sb_change_set_string (change, "contact_person", contact);
  sb_change_set_string (change, "email", email);
  sb_change_set_string (change, "phone", phone);
  sb_change_set_string (change, "notes", notes);
  sb_change_set_string (change, "status", sb_customer_get_status (customer));

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  sb_customer_set_id (customer, sb_change_get_id (change));

  return TRUE;
}

/**
 * sb_catalog_save_customer:
 * @store: a store
 * @customer: the customer; a new one gets its id when saved
 * @error: return location for a #GError
 *
 * Checks the customer (a name unique among live customers, a plausible
 * email, a known status) and writes it through the write path.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID naming
 *   the field when a rule is broken, and nothing written
 */
gboolean
sb_catalog_save_customer (SbStore     *store,
                          SbCustomer  *customer,
                          GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autofree char *old_id = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_CUSTOMER (customer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_id = g_strdup (sb_customer_get_id (customer));

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_catalog_save_customer_in (tx, store, customer, error) ||
      !sb_transaction_commit (tx, error))
    {
      sb_customer_set_id (customer, old_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_catalog_delete_customer:
 * @store: a store
 * @id: the customer's id
 * @error: return location for a #GError
 *
 * Deletes a customer (a tombstone). Its links to services are kept and
 * hidden with it, so sb_catalog_undelete_customer() brings both back.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_catalog_delete_customer (SbStore     *store,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(SbChange) change = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  change = sb_change_delete ("customer", id);

  return sb_store_apply (store, change, error);
}

/**
 * sb_catalog_undelete_customer:
 * @store: a store
 * @id: the id of a deleted customer
 * @error: return location for a #GError
 *
 * Brings a deleted customer back with its links, as the undo of a delete.
 * Refused when another live customer took its name meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_catalog_undelete_customer (SbStore     *store,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *clash = NULL;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = sb_store_prepare (store,
                           "SELECT c.name FROM customer c JOIN customer o "
                           "ON o.name = c.name COLLATE NOCASE AND o.id <> c.id AND o.deleted = 0 "
                           "WHERE c.id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    clash = sb_catalog_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the customer"), error);
  if (clash != NULL)
    return sb_catalog_invalid (error, _("The customer “%s” cannot be restored: another customer now has that name; rename one of them first"),
                               clash);

  change = sb_change_undelete ("customer", id);

  return sb_store_apply (store, change, error);
}

/* Categories */

/**
 * sb_catalog_list_categories:
 * @store: a store
 *
 * Lists the categories the live services use, for a filter or to suggest
 * while typing.
 *
 * Returns: (transfer full): the categories in alphabetical order; never
 *   %NULL
 */
char **
sb_catalog_list_categories (SbStore *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  stmt = sb_store_prepare (store,
                           "SELECT DISTINCT category FROM service "
                           "WHERE deleted = 0 AND category IS NOT NULL AND category <> '' "
                           "ORDER BY category COLLATE NOCASE",
                           NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return g_strv_builder_end (builder);
}

/* The priority matrix */

/**
 * sb_catalog_get_priority_matrix:
 * @store: a store
 *
 * Reads the book's priority matrix, kept in the book settings so that it
 * syncs. A book that never changed it has the usual default.
 *
 * Returns: (transfer full): the matrix
 */
SbPriorityMatrix *
sb_catalog_get_priority_matrix (SbStore *store)
{
  g_autofree char *text = NULL;
  SbPriorityMatrix *matrix = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  text = sb_store_get_setting (store, PRIORITY_MATRIX_KEY);
  if (text != NULL)
    matrix = sb_priority_matrix_new_from_string (text, NULL);

  if (matrix == NULL)
    matrix = sb_priority_matrix_new ();

  return matrix;
}

/**
 * sb_catalog_set_priority_matrix:
 * @store: a store
 * @matrix: the new matrix
 * @error: return location for a #GError
 *
 * Checks and stores the book's priority matrix.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_catalog_set_priority_matrix (SbStore           *store,
                                SbPriorityMatrix  *matrix,
                                GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sb_priority_matrix_validate (matrix, &local_error))
    return sb_catalog_invalid (error, "%s", local_error->message);

  text = sb_priority_matrix_to_string (matrix);

  return sb_store_set_setting (store, PRIORITY_MATRIX_KEY, text, error);
}
