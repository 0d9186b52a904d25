/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-suppliers-private.h"
#include "sb-time.h"

/*
 * The supplier register: reading, checking and writing suppliers with
 * their contacts, deleting and restoring them, and the labels of the
 * register's values. Reviews and disputes are in sb-suppliers-reviews.c.
 *
 * Contacts are rows of their own (supplier_contact) in the order of their
 * position. Saving a supplier updates the contacts that keep their id,
 * inserts new ones and leaves a tombstone for the ones taken away; a
 * deleted supplier takes its contacts with it and brings them back when
 * restored. The register's values and their labels are in
 * sb-suppliers-labels.c.
 */

/* Shared with sb-suppliers-reviews.c */

gboolean
sb_suppliers_is_one_of (const char         *value,
                        const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

gboolean
sb_suppliers_check_date (const char  *text,
                         const char  *what,
                         GDate       *out,
                         GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!sb_date_parse (text, out, NULL))
    /* Translators: the first %s is a field such as "review date" */
    return sb_catalog_invalid (error, _("The %s “%s” is not a date: write it as YYYY-MM-DD, for example 2026-03-31"),
                               what, text);

  return TRUE;
}

gboolean
sb_suppliers_check_links (SbStore     *store,
                          const char  *supplier_id,
                          const char  *contract_id,
                          const char  *what,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  if (supplier_id == NULL)
    /* Translators: %s is a record such as "review" or "dispute" */
    return sb_catalog_invalid (error, _("The %s needs a supplier: choose one"), what);

  if (!sb_catalog_record_exists (store, "supplier", supplier_id, TRUE, &found, error))
    return FALSE;
  if (!found)
    return sb_catalog_invalid (error, _("The supplier of the %s no longer exists: it may have been deleted"), what);

  if (contract_id == NULL)
    return TRUE;

  stmt = sb_store_prepare (store,
                           "SELECT 1 FROM contract WHERE id = ? AND supplier_id = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, supplier_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the contract"), error);
  if (!found)
    return sb_catalog_invalid (error, _("The contract of the %s is not a live contract of this supplier: choose another contract or none"),
                               what);

  return TRUE;
}

/* The first column of every row of @sql, with @first bound to ?1 and
 * (when the statement has it) @second to ?2; @doing names the read in
 * an error. */
GPtrArray *
sb_suppliers_read_ids (SbStore     *store,
                       const char  *sql,
                       const char  *first,
                       const char  *second,
                       const char  *doing,
                       GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, sb_catalog_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, doing, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Reading */

#define SUPPLIER_SELECT                                                     \
  "SELECT id, name, kind, status, criticality, website, account_number, "  \
  "       relationship_owner, notes "                                       \
  "  FROM supplier WHERE deleted = 0 "

static SbSupplier *
supplier_from_row (sqlite3_stmt *stmt)
{
  SbSupplier *supplier = sb_supplier_new ();
  g_autofree char *id = sb_catalog_column_text (stmt, 0);
  g_autofree char *name = sb_catalog_column_text (stmt, 1);
  g_autofree char *kind = sb_catalog_column_text (stmt, 2);
  g_autofree char *status = sb_catalog_column_text (stmt, 3);
  g_autofree char *criticality = sb_catalog_column_text (stmt, 4);
  g_autofree char *website = sb_catalog_column_text (stmt, 5);
  g_autofree char *account = sb_catalog_column_text (stmt, 6);
  g_autofree char *owner = sb_catalog_column_text (stmt, 7);
  g_autofree char *notes = sb_catalog_column_text (stmt, 8);

  sb_supplier_set_id (supplier, id);
  sb_supplier_set_name (supplier, name);
  sb_supplier_set_kind (supplier, kind);
  sb_supplier_set_status (supplier, status);
  sb_supplier_set_criticality (supplier, criticality);
  sb_supplier_set_website (supplier, website);
  sb_supplier_set_account_number (supplier, account);
  sb_supplier_set_relationship_owner (supplier, owner);
  sb_supplier_set_notes (supplier, notes);

  return supplier;
}

/* The live contacts of @supplier_id, or of every supplier when it is
 * %NULL, in order: supplier id -> GPtrArray of SbSupplierContact. */
static GHashTable *
read_contacts (SbStore     *store,
               const char  *supplier_id,
               GError     **error)
{
  g_autoptr(GHashTable) by_supplier = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT supplier_id, id, name, role, email, phone FROM supplier_contact "
                           "WHERE deleted = 0 AND (?1 IS NULL OR supplier_id = ?1) "
                           "ORDER BY supplier_id, position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  by_supplier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_ptr_array_unref);

  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner = (const char *)sqlite3_column_text (stmt, 0);
      GPtrArray *contacts = g_hash_table_lookup (by_supplier, owner);
      SbSupplierContact *contact;

      if (contacts == NULL)
        {
          contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_supplier_contact_free);
          g_hash_table_insert (by_supplier, g_strdup (owner), contacts);
        }

      contact = sb_supplier_contact_new ((const char *)sqlite3_column_text (stmt, 2),
                                         (const char *)sqlite3_column_text (stmt, 3),
                                         (const char *)sqlite3_column_text (stmt, 4),
                                         (const char *)sqlite3_column_text (stmt, 5));
      contact->id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      g_ptr_array_add (contacts, contact);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the supplier contacts"), error);
      return NULL;
    }

  return g_steal_pointer (&by_supplier);
}

/**
 * sb_suppliers_list:
 * @store: a store
 * @error: return location for a #GError
 *
 * Lists the live suppliers ordered by name (case-insensitive), each with
 * its contacts.
 *
 * Returns: (transfer full) (nullable): a list model of #SbSupplier
 */
GListModel *
sb_suppliers_list (SbStore  *store,
                   GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GHashTable) contacts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contacts = read_contacts (store, NULL, error);
  if (contacts == NULL)
    return NULL;

  stmt = sb_store_prepare (store, SUPPLIER_SELECT "ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (SB_TYPE_SUPPLIER);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SbSupplier) supplier = supplier_from_row (stmt);

      sb_supplier_set_contacts (supplier, g_hash_table_lookup (contacts, sb_supplier_get_id (supplier)));
      g_list_store_append (list, supplier);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the suppliers"), error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static SbSupplier *
read_one (SbStore     *store,
          const char  *sql,
          const char  *arg,
          GError     **error)
{
  g_autoptr(SbSupplier) supplier = NULL;
  g_autoptr(GHashTable) contacts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    supplier = supplier_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the supplier"), error);
      return NULL;
    }
  if (supplier == NULL)
    return NULL;

  contacts = read_contacts (store, sb_supplier_get_id (supplier), error);
  if (contacts == NULL)
    return NULL;
  sb_supplier_set_contacts (supplier, g_hash_table_lookup (contacts, sb_supplier_get_id (supplier)));

  return g_steal_pointer (&supplier);
}

/**
 * sb_suppliers_get:
 * @store: a store
 * @id: the supplier's id
 * @error: return location for a #GError
 *
 * Reads one live supplier with its contacts.
 *
 * Returns: (transfer full) (nullable): the supplier, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is no live supplier @id
 */
SbSupplier *
sb_suppliers_get (SbStore     *store,
                  const char  *id,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  SbSupplier *supplier;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  supplier = read_one (store, SUPPLIER_SELECT "AND id = ?", id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (supplier == NULL)
    sb_catalog_invalid (error, _("There is no supplier with the id %s; it may have been deleted"), id);

  return supplier;
}

/**
 * sb_suppliers_find:
 * @store: a store
 * @name: a supplier's name, in any case
 *
 * Finds a live supplier by name, as an import does.
 *
 * Returns: (transfer full) (nullable): the supplier with its contacts, or
 *   %NULL
 */
SbSupplier *
sb_suppliers_find (SbStore    *store,
                   const char *name)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = sb_catalog_strip (name);
  if (stripped == NULL)
    return NULL;

  return read_one (store,
                   SUPPLIER_SELECT "AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                   stripped, NULL);
}

/* Checking */

/* A supplier's fields as they are written. */
typedef struct
{
  char      *name;
  char      *website;
  char      *account_number;
  char      *relationship_owner;
  char      *notes;
  GPtrArray *contacts;   /* of SbSupplierContact, stripped */
} Normalized;

static void
normalized_clear (Normalized *n)
{
  g_free (n->name);
  g_free (n->website);
  g_free (n->account_number);
  g_free (n->relationship_owner);
  g_free (n->notes);
  g_clear_pointer (&n->contacts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Normalized, normalized_clear)

static gboolean
host_char_ok (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.' || c == ':' || (guchar)c >= 0x80;
}

/* http(s)://anything, or a bare domain such as example.com/support. */
static gboolean
website_looks_valid (const char *website)
{
  const char *host = website;
  const char *end;
  const char *dot;

  for (const char *p = website; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        return FALSE;
    }

  if (g_ascii_strncasecmp (website, "http://", 7) == 0)
    host = website + 7;
  else if (g_ascii_strncasecmp (website, "https://", 8) == 0)
    host = website + 8;
  else if (strstr (website, "://") != NULL)
    return FALSE;

  end = host + strcspn (host, "/?#");
  if (end == host)
    return FALSE;

  for (const char *p = host; p < end; p++)
    {
      if (!host_char_ok (*p))
        return FALSE;
    }

  /* With a scheme any host will do (localhost, an intranet name); a bare
   * domain needs a dot inside it. */
  if (host != website)
    return TRUE;

  dot = memchr (host, '.', end - host);

  return dot != NULL && host[0] != '.' && end[-1] != '.';
}

static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');

  if (at == NULL || at == email || at[1] == '\0')
    return FALSE;

  for (const char *p = email; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* Whether a live supplier other than @id is called @name. */
static gboolean
name_taken (SbStore     *store,
            const char  *name,
            const char  *id,
            gboolean    *out_taken,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT 1 FROM supplier WHERE deleted = 0 AND name = ? COLLATE NOCASE "
                           "AND id IS NOT ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_taken = rc == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the supplier’s name"), error);

  return TRUE;
}

static gboolean
validate_contacts (SbSupplier  *supplier,
                   Normalized  *n,
                   GError     **error)
{
  GPtrArray *contacts = sb_supplier_get_contacts (supplier);

  n->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_supplier_contact_free);

  for (guint i = 0; i < contacts->len; i++)
    {
      const SbSupplierContact *given = g_ptr_array_index (contacts, i);
      g_autofree char *name = sb_catalog_strip (given->name);
      g_autofree char *role = sb_catalog_strip (given->role);
      g_autofree char *email = sb_catalog_strip (given->email);
      g_autofree char *phone = sb_catalog_strip (given->phone);
      SbSupplierContact *contact;

      if (name == NULL)
        return sb_catalog_invalid (error, _("Contact %u of the supplier needs a name: type the person’s name, or remove the contact"),
                                   i + 1);
      if (email != NULL && !email_looks_valid (email))
        return sb_catalog_invalid (error, _("The email “%s” of the contact %s does not look like an address: write it as name@example.com"),
                                   email, name);

      contact = sb_supplier_contact_new (name, role, email, phone);
      contact->id = g_strdup (given->id);
      g_ptr_array_add (n->contacts, contact);
    }

  return TRUE;
}

static gboolean
validate_supplier (SbStore     *store,
                   SbSupplier  *supplier,
                   Normalized  *n,
                   GError     **error)
{
  const char *kind = sb_supplier_get_kind (supplier);
  const char *status = sb_supplier_get_status (supplier);
  const char *criticality = sb_supplier_get_criticality (supplier);
  gboolean taken = FALSE;

  n->name = sb_catalog_strip (sb_supplier_get_name (supplier));
  n->website = sb_catalog_strip (sb_supplier_get_website (supplier));
  n->account_number = sb_catalog_strip (sb_supplier_get_account_number (supplier));
  n->relationship_owner = sb_catalog_strip (sb_supplier_get_relationship_owner (supplier));
  n->notes = sb_catalog_strip (sb_supplier_get_notes (supplier));

  if (n->name == NULL)
    return sb_catalog_invalid (error, _("The supplier needs a name: type the name of the company or team"));

  if (!sb_suppliers_is_one_of (kind, sb_supplier_kinds ()))
    return sb_catalog_invalid (error, _("The supplier kind “%s” is unknown: choose external, internal or customer"),
                               kind != NULL ? kind : "");
  if (!sb_suppliers_is_one_of (status, sb_supplier_statuses ()))
    return sb_catalog_invalid (error, _("The supplier status “%s” is unknown: choose prospective, active, under-review, exiting or ended"),
                               status != NULL ? status : "");
  if (!sb_suppliers_is_one_of (criticality, sb_supplier_criticalities ()))
    return sb_catalog_invalid (error, _("The supplier criticality “%s” is unknown: choose low, medium, high or critical"),
                               criticality != NULL ? criticality : "");

  if (n->website != NULL && !website_looks_valid (n->website))
    return sb_catalog_invalid (error, _("The website “%s” does not look like an address: write it as https://example.com or example.com, without spaces"),
                               n->website);

  if (!validate_contacts (supplier, n, error))
    return FALSE;

  if (!name_taken (store, n->name, sb_supplier_get_id (supplier), &taken, error))
    return FALSE;
  if (taken)
    return sb_catalog_invalid (error, _("Another supplier is already called “%s”: choose a different name"),
                               n->name);

  return TRUE;
}

/**
 * sb_suppliers_validate:
 * @store: a store
 * @supplier: the supplier
 * @error: return location for a #GError
 *
 * Checks every rule sb_suppliers_save() checks, without writing: a name
 * unique among live suppliers (case-insensitive), a known kind, status and
 * criticality, a website that looks like one, and contacts that each have
 * a name and, if any, an email address with an @.
 *
 * Returns: %TRUE when the supplier can be saved; otherwise %FALSE with
 *   %SB_STORE_ERROR_INVALID and a message naming the field and the fix
 */
gboolean
sb_suppliers_validate (SbStore     *store,
                       SbSupplier  *supplier,
                       GError     **error)
{
  g_auto(Normalized) n = { 0 };

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_SUPPLIER (supplier), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_supplier (store, supplier, &n, error);
}

/* Writing */

/* Whether row @id exists in @table: 0 no, 1 live, 2 deleted; with the
 * owner it belongs to in @out_owner when @owner_column is given. */
static gboolean
row_state (SbStore     *store,
           const char  *table,
           const char  *owner_column,
           const char  *id,
           int         *out_state,
           char       **out_owner,
           GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT deleted, %s FROM \"%s\" WHERE id = ?",
                         owner_column != NULL ? owner_column : "NULL", table);
  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_state = rc == SQLITE_ROW ? (sqlite3_column_int (stmt, 0) != 0 ? 2 : 1) : 0;
  if (out_owner != NULL)
    *out_owner = rc == SQLITE_ROW ? sb_catalog_column_text (stmt, 1) : NULL;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the supplier register"), error);

  return TRUE;
}

static gboolean
apply_contact (SbTransaction      *tx,
               SbStore            *store,
               const char         *supplier_id,
               SbSupplierContact  *contact,
               guint               position,
               GHashTable         *seen,
               GError            **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autofree char *owner = NULL;
  int state = 0;

  /* A contact id appears once; a second copy becomes a new contact. */
  if (contact->id != NULL && !g_hash_table_contains (seen, contact->id) &&
      !row_state (store, "supplier_contact", "supplier_id", contact->id, &state, &owner, error))
    return FALSE;

  if (state != 0 && g_strcmp0 (owner, supplier_id) == 0)
    {
      if (state == 2)
        {
          g_autoptr(SbChange) undelete = sb_change_undelete ("supplier_contact", contact->id);

          if (!sb_transaction_apply (tx, undelete, error))
            return FALSE;
        }
      change = sb_change_update ("supplier_contact", contact->id);
    }
  else
    {
      /* An id this book does not know (an import) is kept; one of another
       * supplier's contacts (a copied contact) is not. */
      if (contact->id != NULL && state == 0 && !g_hash_table_contains (seen, contact->id))
        change = sb_change_insert_with_id ("supplier_contact", contact->id);
      else
        change = sb_change_insert ("supplier_contact");
      sb_change_set_string (change, "supplier_id", supplier_id);
    }

  sb_change_set_string (change, "name", contact->name);
  sb_change_set_string (change, "role", contact->role);
  sb_change_set_string (change, "email", contact->email);
  sb_change_set_string (change, "phone", contact->phone);
  sb_change_set_int (change, "position", position);

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  g_free (contact->id);
  contact->id = g_strdup (sb_change_get_id (change));
  g_hash_table_add (seen, g_strdup (contact->id));

  return TRUE;
}

/* Makes the live contacts of @supplier_id exactly @contacts, in order. */
static gboolean
save_contacts (SbTransaction  *tx,
               SbStore        *store,
               const char     *supplier_id,
               GPtrArray      *contacts,
               GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < contacts->len; i++)
    {
      if (!apply_contact (tx, store, supplier_id, g_ptr_array_index (contacts, i), i, seen, error))
        return FALSE;
    }

  stmt = sb_store_prepare (store,
                           "SELECT id FROM supplier_contact WHERE supplier_id = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);

      if (!g_hash_table_contains (seen, id))
        g_ptr_array_add (removed, g_strdup (id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the supplier contacts"), error);

  for (guint i = 0; i < removed->len; i++)
    {
      g_autoptr(SbChange) change = sb_change_delete ("supplier_contact", g_ptr_array_index (removed, i));

      if (!sb_transaction_apply (tx, change, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sb_suppliers_save_in (SbTransaction  *tx,
                      SbStore        *store,
                      SbSupplier     *supplier,
                      GError        **error)
{
  g_auto(Normalized) n = { 0 };
  g_autoptr(SbChange) change = NULL;
  g_autofree char *supplier_id = NULL;
  const char *id = sb_supplier_get_id (supplier);
  int state = 0;

  if (!validate_supplier (store, supplier, &n, error))
    return FALSE;

  if (id != NULL && !row_state (store, "supplier", NULL, id, &state, NULL, error))
    return FALSE;
  if (state == 2)
    return sb_catalog_invalid (error, _("The supplier “%s” was deleted meanwhile: restore it first, or save it as a new supplier"),
                               n.name);

  if (id == NULL)
    change = sb_change_insert ("supplier");
  else if (state == 1)
    change = sb_change_update ("supplier", id);
  else
    change = sb_change_insert_with_id ("supplier", id);

  sb_change_set_string (change, "name", n.name);
  sb_change_set_string (change, "kind", sb_supplier_get_kind (supplier));
  sb_change_set_string (change, "status", sb_supplier_get_status (supplier));
  sb_change_set_string (change, "criticality", sb_supplier_get_criticality (supplier));
  sb_change_set_string (change, "website", n.website);
  sb_change_set_string (change, "account_number", n.account_number);
  sb_change_set_string (change, "relationship_owner", n.relationship_owner);
  sb_change_set_string (change, "notes", n.notes);

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  supplier_id = g_strdup (sb_change_get_id (change));
  if (!save_contacts (tx, store, supplier_id, n.contacts, error))
    return FALSE;

  /* The object now holds what was written, the new ids included. */
  sb_supplier_set_id (supplier, supplier_id);
  sb_supplier_set_name (supplier, n.name);
  sb_supplier_set_website (supplier, n.website);
  sb_supplier_set_account_number (supplier, n.account_number);
  sb_supplier_set_relationship_owner (supplier, n.relationship_owner);
  sb_supplier_set_notes (supplier, n.notes);
  sb_supplier_set_contacts (supplier, n.contacts);

  return TRUE;
}

/**
 * sb_suppliers_save:
 * @store: a store
 * @supplier: the supplier; a new one gets its id when saved, new contacts
 *   theirs
 * @error: return location for a #GError
 *
 * Checks the supplier (see sb_suppliers_validate()) and writes it with its
 * contacts in one transaction through the write path: contacts that keep
 * their id are updated, new ones inserted, the ones taken away left as
 * tombstones, all in the order given. Only the fields that changed are
 * written. On success @supplier holds the values as stored (trimmed).
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID and
 *   nothing written when a rule is broken
 */
gboolean
sb_suppliers_save (SbStore     *store,
                   SbSupplier  *supplier,
                   GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbSupplier) before = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_SUPPLIER (supplier), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = sb_supplier_copy (supplier);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_suppliers_save_in (tx, store, supplier, error) ||
      !sb_transaction_commit (tx, error))
    {
      /* Nothing was written, so the object keeps what the person typed. */
      sb_supplier_set_id (supplier, sb_supplier_get_id (before));
      sb_supplier_set_name (supplier, sb_supplier_get_name (before));
      sb_supplier_set_website (supplier, sb_supplier_get_website (before));
      sb_supplier_set_account_number (supplier, sb_supplier_get_account_number (before));
      sb_supplier_set_relationship_owner (supplier, sb_supplier_get_relationship_owner (before));
      sb_supplier_set_notes (supplier, sb_supplier_get_notes (before));
      sb_supplier_set_contacts (supplier, sb_supplier_get_contacts (before));
      return FALSE;
    }

  return TRUE;
}

/* Deleting */

static gboolean
read_name (SbStore     *store,
           const char  *id,
           char       **out_name,
           gboolean    *out_deleted,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_name = NULL;

  stmt = sb_store_prepare (store, "SELECT name, deleted FROM supplier WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_name = sb_catalog_column_text (stmt, 0);
      *out_deleted = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the supplier"), error);
  if (*out_name == NULL)
    return sb_catalog_invalid (error, _("There is no supplier with the id %s"), id);

  return TRUE;
}

/* Applies @first, then deletes (or undeletes) each row of @table in
 * @ids, in one transaction. */
static gboolean
apply_with_rows (SbStore     *store,
                 SbChange    *first,
                 const char  *table,
                 GPtrArray   *ids,
                 gboolean     undelete,
                 GError     **error)
{
  g_autoptr(SbTransaction) tx = sb_store_begin (store, error);

  return tx != NULL &&
         sb_transaction_apply (tx, first, error) &&
         sb_transaction_delete_rows (tx, table, ids, undelete, error) &&
         sb_transaction_commit (tx, error);
}

/**
 * sb_suppliers_delete:
 * @store: a store
 * @id: the supplier's id
 * @error: return location for a #GError
 *
 * Deletes a supplier and its contacts (tombstones) in one transaction.
 * Refused while live contracts are with the supplier: they have to be
 * ended or deleted first. Reviews and disputes are kept and hidden with
 * the supplier.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID when the
 *   supplier has live contracts or does not exist
 */
gboolean
sb_suppliers_delete (SbStore     *store,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *name = NULL;
  gboolean deleted = FALSE;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_name (store, id, &name, &deleted, error))
    return FALSE;
  if (deleted)
    return TRUE;

  contracts = sb_suppliers_read_ids (store, "SELECT id FROM contract WHERE supplier_id = ?1 AND deleted = 0",
                                     id, NULL, _("Reading the contracts of the supplier"), error);
  if (contracts == NULL)
    return FALSE;
  if (contracts->len > 0)
    return sb_catalog_invalid (error,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s has %u contract; end or delete it first",
                                            "%s has %u contracts; end or delete them first",
                                            contracts->len),
                               name, contracts->len);

  contacts = sb_suppliers_read_ids (store,
                                    "SELECT id FROM supplier_contact WHERE supplier_id = ?1 AND deleted = 0 "
                                    "ORDER BY position, id",
                                    id, NULL, _("Reading the contacts of the supplier"), error);
  if (contacts == NULL)
    return FALSE;

  /* The supplier first: its contacts' tombstones then carry later stamps,
   * which is how sb_suppliers_undelete() knows which went with it. */
  change = sb_change_delete ("supplier", id);

  return apply_with_rows (store, change, "supplier_contact", contacts, FALSE, error);
}

/**
 * sb_suppliers_undelete:
 * @store: a store
 * @id: the id of a deleted supplier
 * @error: return location for a #GError
 *
 * Brings a deleted supplier back with the contacts that were deleted with
 * it (not those removed by an earlier edit), as the undo of a delete.
 * Refused when another live supplier took its name meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_suppliers_undelete (SbStore     *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *name = NULL;
  gboolean deleted = FALSE;
  gboolean taken = FALSE;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_name (store, id, &name, &deleted, error))
    return FALSE;
  if (!deleted)
    return TRUE;

  if (!name_taken (store, name, id, &taken, error))
    return FALSE;
  if (taken)
    return sb_catalog_invalid (error, _("The supplier “%s” cannot be restored: another supplier now has that name; rename one of them first"),
                               name);

  /* Contacts whose last change came after the supplier's delete. */
  contacts = sb_suppliers_read_ids (store,
                                    "SELECT c.id FROM supplier_contact c "
                                    " WHERE c.supplier_id = ?1 AND c.deleted = 1 "
                                    "   AND (SELECT max (hlc) FROM sb_journal "
                                    "         WHERE tbl = 'supplier_contact' AND row_id = c.id) > "
                                    "       (SELECT max (hlc) FROM sb_journal "
                                    "         WHERE tbl = 'supplier' AND row_id = ?1) "
                                    " ORDER BY c.position, c.id",
                                    id, NULL, _("Reading the contacts of the supplier"), error);
  if (contacts == NULL)
    return FALSE;

  change = sb_change_undelete ("supplier", id);

  return apply_with_rows (store, change, "supplier_contact", contacts, TRUE, error);
}
