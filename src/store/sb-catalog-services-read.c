/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"

/*
 * Reading services: each complete with its five targets, the live
 * customers using it (and their names, for display), the live services it
 * depends on and the name of its support calendar. A list reads the
 * targets and links of all services in three queries, not three per
 * service.
 */

#define SERVICE_SELECT                                                           \
  "SELECT s.id, s.code, s.name, s.description, s.outcomes, s.category, "         \
  "       s.service_type, s.owner, s.criticality, s.status, s.support_channel, " \
  "       s.support_contact, s.calendar_id, s.exclusions, s.prerequisites, "     \
  "       s.price_amount, s.price_currency, s.price_period, "                    \
  "       s.availability_target, s.workload_limit, s.clock_stop_reasons, "       \
  "       s.exceptions, s.last_review, s.next_review, "                          \
  "       (SELECT c.name FROM calendar c WHERE c.id = s.calendar_id) "           \
  "  FROM service s WHERE s.deleted = 0 "

static SbService *
service_from_row (sqlite3_stmt *stmt)
{
  static void (* const setters[]) (SbService *, const char *) = {
    sb_service_set_id, sb_service_set_code, sb_service_set_name,
    sb_service_set_description, sb_service_set_outcomes, sb_service_set_category,
    sb_service_set_service_type, sb_service_set_owner, sb_service_set_criticality,
    sb_service_set_status, sb_service_set_support_channel, sb_service_set_support_contact,
    sb_service_set_calendar_id, sb_service_set_exclusions, sb_service_set_prerequisites,
  };
  SbService *service = sb_service_new ();
  g_autofree char *currency = sb_catalog_column_text (stmt, 16);
  g_autofree char *period = sb_catalog_column_text (stmt, 17);
  g_autofree char *stops = NULL;
  g_autofree char *exceptions = sb_catalog_column_text (stmt, 21);
  g_autofree char *last_review = sb_catalog_column_text (stmt, 22);
  g_autofree char *next_review = sb_catalog_column_text (stmt, 23);
  g_autofree char *calendar_name = sb_catalog_column_text (stmt, 24);
  g_auto(GStrv) stop_list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (setters); i++)
    {
      g_autofree char *value = sb_catalog_column_text (stmt, i);

      setters[i] (service, value);
    }

  if (sqlite3_column_type (stmt, 15) == SQLITE_NULL)
    sb_service_set_price_amount (service, -1);
  else
    sb_service_set_price_amount (service, sqlite3_column_int64 (stmt, 15));
  sb_service_set_price_currency (service, currency);
  sb_service_set_price_period (service, period);
  sb_service_set_availability_target (service, sqlite3_column_int (stmt, 18));
  sb_service_set_workload_limit (service, sqlite3_column_int (stmt, 19));

  stops = g_strdup ((const char *)sqlite3_column_text (stmt, 20));
  stop_list = stops != NULL && *stops != '\0' ? g_strsplit (stops, ",", -1) : g_new0 (char *, 1);
  sb_service_set_clock_stop_reasons (service, (const char * const *)stop_list);

  sb_service_set_exceptions (service, exceptions);
  sb_service_set_last_review (service, last_review);
  sb_service_set_next_review (service, next_review);
  sb_service_set_calendar_name (service, calendar_name);

  return service;
}

typedef struct
{
  GPtrArray *ids;
  GString   *names;
} Links;

static void
links_free (gpointer data)
{
  Links *links = data;

  g_ptr_array_unref (links->ids);
  if (links->names != NULL)
    g_string_free (links->names, TRUE);
  g_free (links);
}

static Links *
links_for (GHashTable *table,
           const char *service_id)
{
  Links *links = g_hash_table_lookup (table, service_id);

  if (links == NULL)
    {
      links = g_new0 (Links, 1);
      links->ids = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (table, g_strdup (service_id), links);
    }

  return links;
}

static void
links_null_terminate (Links *links)
{
  if (links->ids->len == 0 || g_ptr_array_index (links->ids, links->ids->len - 1) != NULL)
    g_ptr_array_add (links->ids, NULL);
}

/* Fills the targets, customers and dependencies of @services (id ->
 * SbService), reading only those of @only_id when it is given. */
static gboolean
fill_children (SbStore     *store,
               GHashTable  *services,
               const char  *only_id,
               GError     **error)
{
  g_autoptr(GHashTable) customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, links_free);
  g_autoptr(GHashTable) depends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, links_free);
  GHashTableIter iter;
  const char *id;
  SbService *service;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT service_id, priority, response_minutes, resolution_minutes "
                           "FROM service_target WHERE deleted = 0 AND (?1 IS NULL OR service_id = ?1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, only_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int priority = sqlite3_column_int (stmt, 1);

      service = g_hash_table_lookup (services, sqlite3_column_text (stmt, 0));
      if (service != NULL && priority >= 1 && priority <= SB_SERVICE_N_PRIORITIES)
        sb_service_set_targets (service, priority,
                                sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the service level targets"), error);

  /* Links to deleted customers and services stay, hidden with them. */
  stmt = sb_store_prepare (store,
                           "SELECT l.service_id, c.id, c.name FROM service_customer l "
                           "JOIN customer c ON c.id = l.customer_id AND c.deleted = 0 "
                           "WHERE l.deleted = 0 AND (?1 IS NULL OR l.service_id = ?1) "
                           "ORDER BY c.name COLLATE NOCASE, c.id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, only_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Links *links = links_for (customers, (const char *)sqlite3_column_text (stmt, 0));

      if (g_ptr_array_find_with_equal_func (links->ids, sqlite3_column_text (stmt, 1), g_str_equal, NULL))
        continue;
      g_ptr_array_add (links->ids, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
      if (links->names == NULL)
        links->names = g_string_new (NULL);
      else
        g_string_append (links->names, ", ");
      g_string_append (links->names, (const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the customers of the services"), error);

  stmt = sb_store_prepare (store,
                           "SELECT l.service_id, d.id FROM service_dependency l "
                           "JOIN service d ON d.id = l.depends_on_id AND d.deleted = 0 "
                           "WHERE l.deleted = 0 AND (?1 IS NULL OR l.service_id = ?1) "
                           "ORDER BY d.code",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, only_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Links *links = links_for (depends, (const char *)sqlite3_column_text (stmt, 0));

      if (!g_ptr_array_find_with_equal_func (links->ids, sqlite3_column_text (stmt, 1), g_str_equal, NULL))
        g_ptr_array_add (links->ids, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the dependencies of the services"), error);

  g_hash_table_iter_init (&iter, services);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, (gpointer *)&service))
    {
      Links *links = g_hash_table_lookup (customers, id);

      if (links != NULL)
        {
          links_null_terminate (links);
          sb_service_set_customer_ids (service, (const char * const *)links->ids->pdata);
          sb_service_set_customer_names (service, links->names != NULL ? links->names->str : NULL);
        }

      links = g_hash_table_lookup (depends, id);
      if (links != NULL)
        {
          links_null_terminate (links);
          sb_service_set_depends_on_ids (service, (const char * const *)links->ids->pdata);
        }
    }

  return TRUE;
}

static GPtrArray *
read_services (SbStore     *store,
               const char  *sql,
               const char  *parameter,
               GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (parameter != NULL)
    sqlite3_bind_text (stmt, 1, parameter, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbService *service = service_from_row (stmt);

      g_ptr_array_add (found, service);
      g_hash_table_insert (by_id, (gpointer)sb_service_get_id (service), service);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the services"), error);
      return NULL;
    }

  if (found->len > 0 &&
      !fill_children (store, by_id,
                      found->len == 1 ? sb_service_get_id (g_ptr_array_index (found, 0)) : NULL,
                      error))
    return NULL;

  return g_steal_pointer (&found);
}

/**
 * sb_catalog_list_services:
 * @store: a store
 * @error: return location for a #GError
 *
 * Lists the live services ordered by code, each complete with its
 * targets, links, customer names and calendar name.
 *
 * Returns: (transfer full) (nullable): a list model of #SbService
 */
GListModel *
sb_catalog_list_services (SbStore  *store,
                          GError  **error)
{
  g_autoptr(GPtrArray) services = NULL;
  GListStore *list;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  services = read_services (store, SERVICE_SELECT "ORDER BY s.code, s.id", NULL, error);
  if (services == NULL)
    return NULL;

  list = g_list_store_new (SB_TYPE_SERVICE);
  g_list_store_splice (list, 0, 0, services->pdata, services->len);

  return G_LIST_MODEL (list);
}

/**
 * sb_catalog_get_service:
 * @store: a store
 * @id: the service's id
 * @error: return location for a #GError
 *
 * Reads one live service with its targets and links.
 *
 * Returns: (transfer full) (nullable): the service, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is no live service @id
 */
SbService *
sb_catalog_get_service (SbStore     *store,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(GPtrArray) services = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  services = read_services (store, SERVICE_SELECT "AND s.id = ?", id, error);
  if (services == NULL)
    return NULL;

  if (services->len == 0)
    {
      sb_catalog_invalid (error, _("There is no service with the id %s; it may have been deleted"), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (services, 0));
}

/**
 * sb_catalog_find_service:
 * @store: a store
 * @code: a service code, in any case
 *
 * Finds the live service with @code.
 *
 * Returns: (transfer full) (nullable): the service, or %NULL
 */
SbService *
sb_catalog_find_service (SbStore    *store,
                         const char *code)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stripped = sb_catalog_strip (code);
  if (stripped == NULL)
    return NULL;
  upper = g_ascii_strup (stripped, -1);

  services = read_services (store, SERVICE_SELECT "AND s.code = ?", upper, NULL);
  if (services == NULL || services->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (services, 0));
}
