/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-incident-write-private.h"
#include "sb-time.h"

/*
 * The incident log's write path: creating incidents, editing them,
 * moving them through their lifecycle and appending to their timeline.
 * Everything goes through SbChange and the store's one write path, one
 * transaction per public call together with its timeline entries; the
 * timeline is only ever inserted into.
 *
 * sb_incidents_create_in() is on the import's hot path, so what it needs
 * from the book (the priority matrix, the services and customers known
 * to exist, the device's reference tag) is cached on the store and
 * dropped when the store says those registers changed.
 */

#define INCIDENT_COLUMNS                                                 \
  "id, reference, title, description, service_id, customer_id, contact, " \
  "channel, category, impact, urgency, priority, priority_reason, major, " \
  "status, hold_reason, duplicate_of, opened_at, responded_at, "         \
  "resolved_at, closed_at, reopen_count, resolution_code, "              \
  "resolution_notes, workaround, import_batch, updated_at"

#define SEQ_META_KEY "incident-seq"
#define FUTURE_SLACK_MS (60 * 1000)

typedef struct
{
  SbPriorityMatrix *matrix;        /* NULL until needed */
  GHashTable       *services;      /* live ids seen, NULL until needed */
  GHashTable       *customers;
  char              tag[5];
} IncidentCache;

static void
incident_cache_free (gpointer data)
{
  IncidentCache *cache = data;

  g_clear_pointer (&cache->matrix, sb_priority_matrix_free);
  g_clear_pointer (&cache->services, g_hash_table_unref);
  g_clear_pointer (&cache->customers, g_hash_table_unref);
  g_free (cache);
}

static void
on_store_changed_cb (SbStore       *store,
                     const char    *table,
                     IncidentCache *cache)
{
  if (g_str_equal (table, "book_setting"))
    g_clear_pointer (&cache->matrix, sb_priority_matrix_free);
  else if (g_str_equal (table, "service"))
    g_clear_pointer (&cache->services, g_hash_table_unref);
  else if (g_str_equal (table, "customer"))
    g_clear_pointer (&cache->customers, g_hash_table_unref);
}

/* The device's tag: 20 bits of a hash of its id, as four Crockford
 * base32 characters. */
static void
make_tag (const char *device_id,
          char        out[5])
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  guint32 bits;

  g_checksum_update (checksum, (const guchar *)device_id, -1);
  g_checksum_get_digest (checksum, digest, &length);
  bits = ((guint32)digest[0] << 12) | ((guint32)digest[1] << 4) | (digest[2] >> 4);

  for (int i = 3; i >= 0; i--)
    {
      out[i] = alphabet[bits & 31];
      bits >>= 5;
    }
  out[4] = '\0';
}

static IncidentCache *
get_cache (SbStore *store)
{
  IncidentCache *cache = g_object_get_data (G_OBJECT (store), "sb-incident-cache");

  if (cache != NULL)
    return cache;

  cache = g_new0 (IncidentCache, 1);
  make_tag (sb_store_get_device_id (store), cache->tag);
  g_object_set_data_full (G_OBJECT (store), "sb-incident-cache", cache, incident_cache_free);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), cache);

  return cache;
}

static const SbPriorityMatrix *
get_matrix (SbStore *store)
{
  IncidentCache *cache = get_cache (store);

  if (cache->matrix == NULL)
    cache->matrix = sb_catalog_get_priority_matrix (store);

  return cache->matrix;
}

static gboolean
step_error (SbStore     *store,
            int          rc,
            const char  *doing,
            GError     **error)
{
  return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc, doing);
}

/* Whether a live record @id is in @table, remembered in @known. */
static gboolean
check_known (SbStore      *store,
             GHashTable  **known,
             const char   *table,
             const char   *id,
             gboolean     *out_exists,
             GError      **error)
{
  if (*known == NULL)
    *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_hash_table_contains (*known, id))
    {
      *out_exists = TRUE;
      return TRUE;
    }

  if (!sb_catalog_record_exists (store, table, id, TRUE, out_exists, error))
    return FALSE;

  if (*out_exists)
    g_hash_table_add (*known, g_strdup (id));

  return TRUE;
}

static char *
format_instant (gint64 ms)
{
  return ms == SB_INCIDENT_NO_TIME ? NULL : sb_time_format_instant (ms);
}

static gint64
column_instant (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  gint64 ms;

  if (text == NULL || !sb_time_parse_instant (text, &ms, NULL))
    return SB_INCIDENT_NO_TIME;

  return ms;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static SbIncident *
incident_from_row (sqlite3_stmt *stmt)
{
  SbIncident *incident = sb_incident_new ();
  SbIncidentStatus status = SB_INCIDENT_NEW;

  sb_incident_set_title (incident, column_text (stmt, 2));
  sb_incident_set_description (incident, column_text (stmt, 3));
  sb_incident_set_service_id (incident, column_text (stmt, 4));
  sb_incident_set_customer_id (incident, column_text (stmt, 5));
  sb_incident_set_contact (incident, column_text (stmt, 6));
  sb_incident_set_channel (incident, column_text (stmt, 7));
  sb_incident_set_category (incident, column_text (stmt, 8));
  sb_incident_set_impact (incident, sqlite3_column_int (stmt, 9));
  sb_incident_set_urgency (incident, sqlite3_column_int (stmt, 10));
  sb_incident_set_priority (incident, sqlite3_column_int (stmt, 11), column_text (stmt, 12));
  sb_incident_set_major (incident, sqlite3_column_int (stmt, 13) != 0);
  sb_incident_status_from_string (column_text (stmt, 14), &status);
  sb_incident_set_opened_ms (incident, column_instant (stmt, 17));
  sb_incident_set_resolution_code (incident, column_text (stmt, 22));
  sb_incident_set_resolution_notes (incident, column_text (stmt, 23));
  sb_incident_set_workaround (incident, column_text (stmt, 24));
  sb_incident_set_stored (incident,
                          column_text (stmt, 0),
                          column_text (stmt, 1),
                          status,
                          column_text (stmt, 15),
                          column_text (stmt, 16),
                          column_instant (stmt, 18),
                          column_instant (stmt, 19),
                          column_instant (stmt, 20),
                          sqlite3_column_int (stmt, 21),
                          column_instant (stmt, 26),
                          column_text (stmt, 25));

  return incident;
}

/**
 * sb_incidents_read:
 * @store: a store
 * @id: an incident's id
 * @error: return location for a #GError
 *
 * Reads a live (not deleted) incident.
 *
 * Returns: (transfer full) (nullable): the incident, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is none
 */
SbIncident *
sb_incidents_read (SbStore     *store,
                   const char  *id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  SbIncident *incident = NULL;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT " INCIDENT_COLUMNS " FROM incident WHERE id = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    incident = incident_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    sb_catalog_invalid (error, _("There is no incident with the id %s; it may have been deleted"), id);
  else if (rc != SQLITE_ROW)
    step_error (store, rc, _("Reading the incident"), error);

  return incident;
}

/* References */

static gboolean
reference_taken (SbStore     *store,
                 const char  *reference,
                 gboolean    *out_taken,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store, "SELECT 1 FROM incident WHERE reference = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return step_error (store, rc, _("Checking the incident reference"), error);

  *out_taken = rc == SQLITE_ROW;

  return TRUE;
}

/* The number of @reference if it is "INC-<tag>-<digits>" with our tag. */
static gboolean
parse_own_reference (const char *reference,
                     const char *tag,
                     gint64     *out_n)
{
  guint64 n;

  if (!g_str_has_prefix (reference, "INC-") ||
      strncmp (reference + 4, tag, 4) != 0 ||
      reference[8] != '-' ||
      !g_ascii_string_to_unsigned (reference + 9, 10, 0, G_MAXINT64, &n, NULL))
    return FALSE;

  *out_n = (gint64)n;

  return TRUE;
}

/* The high-water mark of our reference numbers: sb_meta when it is set,
 * otherwise the highest number among the references with our tag. */
static gboolean
read_sequence (SbStore     *store,
               const char  *tag,
               gint64      *out_n,
               GError     **error)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store, "SELECT value FROM sb_meta WHERE key = '" SEQ_META_KEY "'", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_n = g_ascii_strtoll (column_text (stmt, 0), NULL, 10);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return step_error (store, rc, _("Reading the incident numbers"), error);

  low = g_strdup_printf ("INC-%s-", tag);
  high = g_strdup_printf ("INC-%s.", tag);
  stmt = sb_store_prepare (store,
                           "SELECT coalesce (max (CAST (substr (reference, 10) AS INTEGER)), 0) "
                           "FROM incident WHERE reference >= ? AND reference < ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, low, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, high, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return step_error (store, rc, _("Reading the incident numbers"), error);

  return TRUE;
}

static gboolean
write_sequence (SbStore     *store,
                gint64       n,
                GError     **error)
{
  char text[32];
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_store_prepare (store,
                           "INSERT OR REPLACE INTO sb_meta (key, value) VALUES ('" SEQ_META_KEY "', ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, n);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return step_error (store, rc, _("Saving the incident numbers"), error);

  return TRUE;
}

/* A new reference: one past the highest number ever used with our tag,
 * skipping any that an import took. */
static char *
new_reference (SbStore     *store,
               const char  *tag,
               gint64      *out_n,
               GError     **error)
{
  gint64 n = 0;

  if (!read_sequence (store, tag, &n, error))
    return NULL;

  for (;;)
    {
      g_autofree char *reference = NULL;
      gboolean taken = FALSE;

      n++;
      reference = g_strdup_printf ("INC-%s-%04" G_GINT64_FORMAT, tag, n);
      if (!reference_taken (store, reference, &taken, error))
        return NULL;
      if (!taken)
        {
          *out_n = n;
          return g_steal_pointer (&reference);
        }
    }
}

/* Validation */

void
sb_incident_checked_clear (SbIncidentChecked *c)
{
  g_free (c->title);
  g_free (c->description);
  g_free (c->contact);
  g_free (c->category);
  g_free (c->priority_reason);
  g_free (c->resolution_notes);
  g_free (c->workaround);
}

/* The priority to store: the matrix's, or an override with its reason.
 * @old is the stored incident when editing. */
static gboolean
settle_priority (SbStore           *store,
                 SbIncident        *incident,
                 SbIncident        *old,
                 SbIncidentChecked *c,
                 GError           **error)
{
  guint impact = sb_incident_get_impact (incident);
  guint urgency = sb_incident_get_urgency (incident);
  guint priority = sb_incident_get_priority (incident);
  guint derived = sb_priority_matrix_get (get_matrix (store), impact, urgency);

  if (priority > 5)
    return sb_catalog_invalid (error, _("The priority %u is not one of 1 (critical) to 5 (planning)"),
                               priority);

  if (priority == 0 || priority == derived)
    {
      c->priority = derived;
      g_clear_pointer (&c->priority_reason, g_free);
      return TRUE;
    }

  if (c->priority_reason != NULL)
    {
      c->priority = priority;
      return TRUE;
    }

  /* An edit that leaves a priority alone keeps it, even when the matrix
   * has changed since; a new impact or urgency derives it again. */
  if (old != NULL && priority == sb_incident_get_priority (old) &&
      sb_incident_get_priority_reason (old) == NULL)
    {
      if (impact == sb_incident_get_impact (old) && urgency == sb_incident_get_urgency (old))
        c->priority = priority;
      else
        c->priority = derived;
      return TRUE;
    }

  return sb_catalog_invalid (error,
                             _("The priority %u %s differs from the priority matrix’s %u %s for impact %u and urgency %u: "
                               "give a reason for the override"),
                             priority, sb_priority_get_name (priority),
                             derived, sb_priority_get_name (derived), impact, urgency);
}

/* Checks @incident (a draft, or an edit of @old) and gives the values to
 * store: stripped texts, the settled priority, the opened instant. */
gboolean
sb_incident_check (SbStore           *store,
                   SbIncident        *incident,
                   SbIncident        *old,
                   SbIncidentChecked *c,
                   GError           **error)
{
  IncidentCache *cache = get_cache (store);
  const char *service_id = sb_incident_get_service_id (incident);
  const char *customer_id = sb_incident_get_customer_id (incident);
  const char *channel = sb_incident_get_channel (incident);
  const char *code = sb_incident_get_resolution_code (incident);
  guint impact = sb_incident_get_impact (incident);
  guint urgency = sb_incident_get_urgency (incident);
  gint64 now_ms = sb_store_now_ms (store);
  gboolean exists = FALSE;

  c->title = sb_catalog_strip (sb_incident_get_title (incident));
  c->description = sb_catalog_strip (sb_incident_get_description (incident));
  c->contact = sb_catalog_strip (sb_incident_get_contact (incident));
  c->category = sb_catalog_strip (sb_incident_get_category (incident));
  c->priority_reason = sb_catalog_strip (sb_incident_get_priority_reason (incident));
  c->resolution_notes = sb_catalog_strip (sb_incident_get_resolution_notes (incident));
  c->workaround = sb_catalog_strip (sb_incident_get_workaround (incident));

  if (c->title == NULL)
    return sb_catalog_invalid (error, _("The incident needs a title: say in a few words what is wrong"));

  if (impact < 1 || impact > 3)
    return sb_catalog_invalid (error, _("The impact %u is not one of 1 (high), 2 (medium) or 3 (low)"), impact);
  if (urgency < 1 || urgency > 3)
    return sb_catalog_invalid (error, _("The urgency %u is not one of 1 (high), 2 (medium) or 3 (low)"), urgency);

  if (channel != NULL && !sb_incident_channel_is_valid (channel))
    return sb_catalog_invalid (error, _("The channel “%s” is unknown: choose phone, email, walk-in, monitoring, "
                                        "self-detected, supplier notice or other"),
                               channel);

  if (code != NULL && !sb_incident_resolution_code_is_valid (code))
    return sb_catalog_invalid (error, _("The resolution code “%s” is unknown"), code);

  /* An edit may keep a service or customer deleted since. */
  if (service_id != NULL &&
      (old == NULL || g_strcmp0 (service_id, sb_incident_get_service_id (old)) != 0))
    {
      if (!check_known (store, &cache->services, "service", service_id, &exists, error))
        return FALSE;
      if (!exists)
        return sb_catalog_invalid (error, _("There is no service with the id %s; it may have been deleted"),
                                   service_id);
    }

  if (customer_id != NULL &&
      (old == NULL || g_strcmp0 (customer_id, sb_incident_get_customer_id (old)) != 0))
    {
      if (!check_known (store, &cache->customers, "customer", customer_id, &exists, error))
        return FALSE;
      if (!exists)
        return sb_catalog_invalid (error, _("There is no customer with the id %s; it may have been deleted"),
                                   customer_id);
    }

  c->opened_ms = sb_incident_get_opened_ms (incident);
  if (c->opened_ms == SB_INCIDENT_NO_TIME)
    c->opened_ms = now_ms;
  if (c->opened_ms > now_ms + FUTURE_SLACK_MS &&
      (old == NULL || c->opened_ms != sb_incident_get_opened_ms (old)))
    {
      g_autofree char *when = sb_time_format_instant (c->opened_ms);

      return sb_catalog_invalid (error, _("The incident cannot be opened in the future (%s): "
                                          "give the time it was reported"),
                                 when);
    }
  if (c->opened_ms < SB_TIME_MIN_MS)
    return sb_catalog_invalid (error, _("The opening time of the incident is out of range"));

  return settle_priority (store, incident, old, c, error);
}

/* Timeline */

/**
 * sb_incidents_append_in:
 *
 * Inserts one timeline entry inside @tx. Entries are never updated.
 */
gboolean
sb_incidents_append_in (SbTransaction  *tx,
                        const char     *incident_id,
                        gint64          at_ms,
                        const char     *kind,
                        gboolean        customer_visible,
                        const char     *field,
                        const char     *old_value,
                        const char     *new_value,
                        const char     *body,
                        guint           minutes,
                        GError        **error)
{
  g_autoptr(SbChange) change = sb_change_insert ("incident_event");
  g_autofree char *at = NULL;

  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (incident_id != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (at_ms == SB_INCIDENT_NO_TIME)
    at_ms = sb_store_now_ms (sb_transaction_get_store (tx));
  at = sb_time_format_instant (at_ms);

  sb_change_set_string (change, "incident_id", incident_id);
  sb_change_set_string (change, "at", at);
  sb_change_set_string (change, "kind", kind);
  sb_change_set_string (change, "visibility", customer_visible ? "customer" : "internal");
  if (field != NULL)
    sb_change_set_string (change, "field", field);
  if (old_value != NULL)
    sb_change_set_string (change, "old_value", old_value);
  if (new_value != NULL)
    sb_change_set_string (change, "new_value", new_value);
  if (body != NULL)
    sb_change_set_string (change, "body", body);
  if (minutes > 0)
    sb_change_set_int (change, "minutes", minutes);

  return sb_transaction_apply (tx, change, error);
}

/* Creating */

/**
 * sb_incidents_create_in:
 *
 * Creates an incident inside @tx with its "opened" entry. A draft whose
 * status or instants were set with sb_incident_set_stored() (an import of
 * an incident's latest state) is written in that state with its
 * responded, resolved and closed instants; the caller appends the status
 * entries it knows. Sets the draft's id,
 * reference, status and import batch.
 */
gboolean
sb_incidents_create_in (SbTransaction  *tx,
                        SbIncident     *draft,
                        const char     *reference,
                        const char     *import_batch,
                        GError        **error)
{
  SbStore *store;
  IncidentCache *cache;
  g_auto(SbIncidentChecked) c = { 0 };
  g_autoptr(SbChange) change = NULL;
  g_autofree char *new_ref = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *responded = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *closed = NULL;
  SbIncidentStatus status;
  const char *hold_reason = NULL;
  gint64 seq = -1;
  gint64 own_n;

  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (SB_IS_INCIDENT (draft), FALSE);

  store = sb_transaction_get_store (tx);
  cache = get_cache (store);

  if (!sb_incident_check (store, draft, NULL, &c, error))
    return FALSE;

  status = sb_incident_get_status (draft);
  if (status == SB_INCIDENT_ON_HOLD)
    {
      hold_reason = sb_incident_get_hold_reason (draft);
      if (!sb_incident_hold_reason_is_valid (hold_reason))
        return sb_catalog_invalid (error, _("The hold reason “%s” is unknown: choose awaiting customer, "
                                            "awaiting supplier, awaiting change or other"),
                                   hold_reason != NULL ? hold_reason : "");
    }

  if (reference != NULL)
    {
      gboolean taken = FALSE;

      if (*reference == '\0')
        return sb_catalog_invalid (error, _("The incident reference is empty"));
      if (!reference_taken (store, reference, &taken, error))
        return FALSE;
      if (taken)
        return sb_catalog_invalid (error, _("The reference %s is already used by another incident "
                                            "(perhaps a deleted one) and is never reused"),
                                   reference);
      if (parse_own_reference (reference, cache->tag, &own_n))
        {
          gint64 high = 0;

          if (!read_sequence (store, cache->tag, &high, error))
            return FALSE;
          if (own_n > high)
            seq = own_n;
        }
    }
  else
    {
      new_ref = new_reference (store, cache->tag, &seq, error);
      if (new_ref == NULL)
        return FALSE;
      reference = new_ref;
    }

  opened = sb_time_format_instant (c.opened_ms);

  change = sb_change_insert ("incident");
  sb_change_set_string (change, "reference", reference);
  sb_change_set_string (change, "title", c.title);
  sb_change_set_string (change, "description", c.description);
  sb_change_set_string (change, "service_id", sb_incident_get_service_id (draft));
  sb_change_set_string (change, "customer_id", sb_incident_get_customer_id (draft));
  sb_change_set_string (change, "contact", c.contact);
  sb_change_set_string (change, "channel",
                        sb_incident_get_channel (draft) ? sb_incident_get_channel (draft) : "phone");
  sb_change_set_string (change, "category", c.category);
  sb_change_set_int (change, "impact", sb_incident_get_impact (draft));
  sb_change_set_int (change, "urgency", sb_incident_get_urgency (draft));
  sb_change_set_int (change, "priority", c.priority);
  sb_change_set_string (change, "priority_reason", c.priority_reason);
  sb_change_set_int (change, "major", sb_incident_get_major (draft) ? 1 : 0);
  sb_change_set_string (change, "status", sb_incident_status_to_string (status));
  sb_change_set_string (change, "opened_at", opened);
  /* An import brings an incident at its latest state. */
  responded = format_instant (sb_incident_get_responded_ms (draft));
  resolved = format_instant (sb_incident_get_resolved_ms (draft));
  closed = format_instant (sb_incident_get_closed_ms (draft));
  if (responded != NULL)
    sb_change_set_string (change, "responded_at", responded);
  if (resolved != NULL)
    sb_change_set_string (change, "resolved_at", resolved);
  if (closed != NULL)
    sb_change_set_string (change, "closed_at", closed);
  if (status != SB_INCIDENT_NEW)
    {
      sb_change_set_string (change, "hold_reason", hold_reason);
      sb_change_set_string (change, "duplicate_of", sb_incident_get_duplicate_of (draft));
      sb_change_set_int (change, "reopen_count", sb_incident_get_reopen_count (draft));
    }
  sb_change_set_string (change, "resolution_code", sb_incident_get_resolution_code (draft));
  sb_change_set_string (change, "resolution_notes", c.resolution_notes);
  sb_change_set_string (change, "workaround", c.workaround);
  if (import_batch != NULL)
    sb_change_set_string (change, "import_batch", import_batch);

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  if (!sb_incidents_append_in (tx, sb_change_get_id (change), c.opened_ms,
                               SB_INCIDENT_EVENT_OPENED, FALSE,
                               NULL, NULL, NULL, NULL, 0, error))
    return FALSE;

  if (seq >= 0 && !write_sequence (store, seq, error))
    return FALSE;

  sb_incident_set_opened_ms (draft, c.opened_ms);
  sb_incident_set_priority (draft, c.priority, c.priority_reason);
  sb_incident_set_stored (draft,
                          sb_change_get_id (change),
                          reference,
                          status,
                          hold_reason,
                          status != SB_INCIDENT_NEW ? sb_incident_get_duplicate_of (draft) : NULL,
                          sb_incident_get_responded_ms (draft),
                          sb_incident_get_resolved_ms (draft),
                          sb_incident_get_closed_ms (draft),
                          status != SB_INCIDENT_NEW ? sb_incident_get_reopen_count (draft) : 0,
                          sb_store_now_ms (store),
                          import_batch);

  return TRUE;
}

/**
 * sb_incidents_create:
 * @store: a store
 * @draft: the incident to log; gets its id and reference
 * @error: return location for a #GError
 *
 * See sb-incidents.h.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID and the
 *   reason when a rule is broken, and nothing written
 */
gboolean
sb_incidents_create (SbStore     *store,
                     SbIncident  *draft,
                     GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbIncident) attempt = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_INCIDENT (draft), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sb_incident_get_id (draft) != NULL)
    return sb_catalog_invalid (error, _("The incident %s has already been logged"),
                               sb_incident_get_reference (draft));

  /* Work on a copy so that a refused draft stays as the caller left it. */
  attempt = sb_incident_copy (draft);
  sb_incident_set_stored (attempt, NULL, NULL, SB_INCIDENT_NEW, NULL, NULL,
                          SB_INCIDENT_NO_TIME, SB_INCIDENT_NO_TIME, SB_INCIDENT_NO_TIME,
                          0, SB_INCIDENT_NO_TIME, NULL);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_incidents_create_in (tx, attempt, NULL, NULL, error) ||
      !sb_transaction_commit (tx, error))
    return FALSE;

  sb_incident_set_opened_ms (draft, sb_incident_get_opened_ms (attempt));
  sb_incident_set_priority (draft, sb_incident_get_priority (attempt),
                            sb_incident_get_priority_reason (attempt));
  sb_incident_set_stored (draft,
                          sb_incident_get_id (attempt),
                          sb_incident_get_reference (attempt),
                          SB_INCIDENT_NEW, NULL, NULL,
                          SB_INCIDENT_NO_TIME, SB_INCIDENT_NO_TIME, SB_INCIDENT_NO_TIME,
                          0, sb_incident_get_updated_ms (attempt), NULL);

  return TRUE;
}

/* Reading */

/**
 * sb_incidents_get:
 * @store: a store
 * @id: an incident's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the live incident, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is none
 */
SbIncident *
sb_incidents_get (SbStore     *store,
                  const char  *id,
                  GError     **error)
{
  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return sb_incidents_read (store, id, error);
}

/**
 * sb_incidents_find:
 * @store: a store
 * @reference: an incident reference such as INC-K7QX-0042
 *
 * Returns: (transfer full) (nullable): the live incident with that
 *   reference, or %NULL
 */
SbIncident *
sb_incidents_find (SbStore    *store,
                   const char *reference)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  SbIncident *incident = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  stripped = sb_catalog_strip (reference);
  if (stripped == NULL)
    return NULL;

  stmt = sb_store_prepare (store,
                           "SELECT " INCIDENT_COLUMNS " FROM incident WHERE reference = ? AND deleted = 0",
                           NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    incident = incident_from_row (stmt);
  sqlite3_reset (stmt);

  return incident;
}

/**
 * sb_incidents_list_timeline:
 * @store: a store
 * @id: an incident's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SbIncidentEvent): the timeline,
 *   oldest first (entries of the same instant in the order written)
 */
GPtrArray *
sb_incidents_list_timeline (SbStore     *store,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sb_store_prepare (store,
                           "SELECT id, incident_id, at, kind, visibility, field, old_value, new_value, "
                           "body, minutes, author FROM incident_event "
                           "WHERE incident_id = ? AND deleted = 0 ORDER BY at, rowid",
                           error);
  if (stmt == NULL)
    return NULL;

  events = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events,
                     sb_incident_event_new (column_text (stmt, 0),
                                            column_text (stmt, 1),
                                            column_instant (stmt, 2),
                                            column_text (stmt, 3),
                                            g_strcmp0 (column_text (stmt, 4), "customer") == 0,
                                            column_text (stmt, 5),
                                            column_text (stmt, 6),
                                            column_text (stmt, 7),
                                            column_text (stmt, 8),
                                            sqlite3_column_int (stmt, 9),
                                            column_text (stmt, 10)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      step_error (store, rc, _("Reading the incident’s timeline"), error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

/**
 * sb_incidents_get_time_spent:
 * @store: a store
 * @id: an incident's id
 *
 * Returns: the minutes of all its timeline entries together
 */
gint64
sb_incidents_get_time_spent (SbStore    *store,
                             const char *id)
{
  sqlite3_stmt *stmt;
  gint64 total = 0;

  g_return_val_if_fail (SB_IS_STORE (store), 0);
  g_return_val_if_fail (id != NULL, 0);

  stmt = sb_store_prepare (store,
                           "SELECT coalesce (sum (minutes), 0) FROM incident_event "
                           "WHERE incident_id = ? AND deleted = 0",
                           NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return total;
}
