/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-incidents-private.h"
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

typedef struct
{
  char  *title;
  char  *description;
  char  *contact;
  char  *category;
  char  *priority_reason;
  char  *resolution_notes;
  char  *workaround;
  guint  priority;
  gint64 opened_ms;
} Checked;

static void
checked_clear (Checked *c)
{
  g_free (c->title);
  g_free (c->description);
  g_free (c->contact);
  g_free (c->category);
  g_free (c->priority_reason);
  g_free (c->resolution_notes);
  g_free (c->workaround);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checked, checked_clear)

/* The priority to store: the matrix's, or an override with its reason.
 * @old is the stored incident when editing. */
static gboolean
settle_priority (SbStore     *store,
                 SbIncident  *incident,
                 SbIncident  *old,
                 Checked     *c,
                 GError     **error)
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

static gboolean
check_incident (SbStore     *store,
                SbIncident  *incident,
                SbIncident  *old,
                Checked     *c,
                GError      **error)
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

  if (service_id != NULL)
    {
      if (!check_known (store, &cache->services, "service", service_id, &exists, error))
        return FALSE;
      if (!exists)
        return sb_catalog_invalid (error, _("There is no service with the id %s; it may have been deleted"),
                                   service_id);
    }

  if (customer_id != NULL)
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
  if (c->opened_ms > now_ms + FUTURE_SLACK_MS)
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
  if (customer_visible)
    sb_change_set_string (change, "visibility", "customer");
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
 * status is not new (an import of an incident's latest state, set with
 * sb_incident_set_stored()) is written in that state with its instants;
 * the caller appends the status entries it knows. Sets the draft's id,
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
  g_auto(Checked) c = { 0 };
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

  if (!check_incident (store, draft, NULL, &c, error))
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
  if (status != SB_INCIDENT_NEW)
    {
      responded = format_instant (sb_incident_get_responded_ms (draft));
      resolved = format_instant (sb_incident_get_resolved_ms (draft));
      closed = format_instant (sb_incident_get_closed_ms (draft));
      sb_change_set_string (change, "hold_reason", hold_reason);
      sb_change_set_string (change, "duplicate_of", sb_incident_get_duplicate_of (draft));
      sb_change_set_string (change, "responded_at", responded);
      sb_change_set_string (change, "resolved_at", resolved);
      sb_change_set_string (change, "closed_at", closed);
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
                          status != SB_INCIDENT_NEW ? sb_incident_get_responded_ms (draft) : SB_INCIDENT_NO_TIME,
                          status != SB_INCIDENT_NEW ? sb_incident_get_resolved_ms (draft) : SB_INCIDENT_NO_TIME,
                          status != SB_INCIDENT_NEW ? sb_incident_get_closed_ms (draft) : SB_INCIDENT_NO_TIME,
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

/* Editing */

/* A field as the timeline shows it: service code, customer name. */
static char *
lookup_name (SbStore    *store,
             const char *sql,
             const char *id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (id == NULL)
    return NULL;

  stmt = sb_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return g_strdup (id);

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);

  return name != NULL ? name : g_strdup (id);
}

typedef struct
{
  const char *column;
  const char *event_field;
  char       *old_text;
  char       *new_text;
  gboolean    is_int;
  gint64      new_int;
} FieldChange;

static void
field_change_clear (gpointer data)
{
  FieldChange *change = data;

  g_free (change->old_text);
  g_free (change->new_text);
}

static void
add_text_change (GArray     *changes,
                 const char *column,
                 const char *event_field,
                 const char *old_text,
                 const char *new_text)
{
  FieldChange change = { column, event_field, NULL, NULL, FALSE, 0 };

  if (g_strcmp0 (old_text, new_text) == 0)
    return;

  change.old_text = g_strdup (old_text);
  change.new_text = g_strdup (new_text);
  g_array_append_val (changes, change);
}

static void
add_int_change (GArray     *changes,
                const char *column,
                gint64      old_value,
                gint64      new_value)
{
  FieldChange change = { column, column, NULL, NULL, TRUE, new_value };

  if (old_value == new_value)
    return;

  change.old_text = g_strdup_printf ("%" G_GINT64_FORMAT, old_value);
  change.new_text = g_strdup_printf ("%" G_GINT64_FORMAT, new_value);
  g_array_append_val (changes, change);
}

/* Writes the edited fields of @edited over @old (the stored row) in @tx,
 * with a "field" entry for each; leaves @old untouched. */
static gboolean
write_edits_in (SbTransaction  *tx,
                SbIncident     *old,
                SbIncident     *edited,
                gint64          at_ms,
                guint          *out_n_changed,
                GError        **error)
{
  SbStore *store = sb_transaction_get_store (tx);
  const char *id = sb_incident_get_id (old);
  g_auto(Checked) c = { 0 };
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (FieldChange));
  g_autoptr(SbChange) change = NULL;
  g_autofree char *old_opened = NULL;
  g_autofree char *new_opened = NULL;
  const char *channel = sb_incident_get_channel (edited);

  g_array_set_clear_func (changes, field_change_clear);
  *out_n_changed = 0;

  if (!check_incident (store, edited, old, &c, error))
    return FALSE;

  if (channel == NULL)
    channel = "phone";

  add_text_change (changes, "title", "title", sb_incident_get_title (old), c.title);
  add_text_change (changes, "description", "description", sb_incident_get_description (old), c.description);
  if (g_strcmp0 (sb_incident_get_service_id (old), sb_incident_get_service_id (edited)) != 0)
    {
      static const char sql[] = "SELECT code FROM service WHERE id = ?";
      g_autofree char *from = lookup_name (store, sql, sb_incident_get_service_id (old));
      g_autofree char *to = lookup_name (store, sql, sb_incident_get_service_id (edited));
      FieldChange fc = { "service_id", "service", g_steal_pointer (&from), g_steal_pointer (&to), FALSE, 0 };

      g_array_append_val (changes, fc);
    }
  if (g_strcmp0 (sb_incident_get_customer_id (old), sb_incident_get_customer_id (edited)) != 0)
    {
      static const char sql[] = "SELECT name FROM customer WHERE id = ?";
      g_autofree char *from = lookup_name (store, sql, sb_incident_get_customer_id (old));
      g_autofree char *to = lookup_name (store, sql, sb_incident_get_customer_id (edited));
      FieldChange fc = { "customer_id", "customer", g_steal_pointer (&from), g_steal_pointer (&to), FALSE, 0 };

      g_array_append_val (changes, fc);
    }
  add_text_change (changes, "contact", "contact", sb_incident_get_contact (old), c.contact);
  add_text_change (changes, "channel", "channel", sb_incident_get_channel (old), channel);
  add_text_change (changes, "category", "category", sb_incident_get_category (old), c.category);
  add_int_change (changes, "impact", sb_incident_get_impact (old), sb_incident_get_impact (edited));
  add_int_change (changes, "urgency", sb_incident_get_urgency (old), sb_incident_get_urgency (edited));
  add_int_change (changes, "priority", sb_incident_get_priority (old), c.priority);
  add_text_change (changes, "priority_reason", "priority_reason",
                   sb_incident_get_priority_reason (old), c.priority_reason);
  add_int_change (changes, "major", sb_incident_get_major (old), sb_incident_get_major (edited));
  old_opened = sb_time_format_instant (sb_incident_get_opened_ms (old));
  new_opened = sb_time_format_instant (c.opened_ms);
  add_text_change (changes, "opened_at", "opened_at", old_opened, new_opened);
  add_text_change (changes, "resolution_code", "resolution_code",
                   sb_incident_get_resolution_code (old), sb_incident_get_resolution_code (edited));
  add_text_change (changes, "resolution_notes", "resolution_notes",
                   sb_incident_get_resolution_notes (old), c.resolution_notes);
  add_text_change (changes, "workaround", "workaround", sb_incident_get_workaround (old), c.workaround);

  if (changes->len == 0)
    return TRUE;

  change = sb_change_update ("incident", id);
  for (guint i = 0; i < changes->len; i++)
    {
      FieldChange *fc = &g_array_index (changes, FieldChange, i);

      if (fc->is_int)
        sb_change_set_int (change, fc->column, fc->new_int);
      else if (g_str_equal (fc->column, "service_id"))
        sb_change_set_string (change, fc->column, sb_incident_get_service_id (edited));
      else if (g_str_equal (fc->column, "customer_id"))
        sb_change_set_string (change, fc->column, sb_incident_get_customer_id (edited));
      else
        sb_change_set_string (change, fc->column, fc->new_text);
    }

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      FieldChange *fc = &g_array_index (changes, FieldChange, i);

      if (!sb_incidents_append_in (tx, id, at_ms, SB_INCIDENT_EVENT_FIELD, FALSE,
                                   fc->event_field, fc->old_text, fc->new_text, NULL, 0, error))
        return FALSE;
    }

  *out_n_changed = changes->len;

  return TRUE;
}

static gboolean
refuse_final (SbIncident  *incident,
              GError     **error)
{
  SbIncidentStatus status = sb_incident_get_status (incident);

  if (!sb_incident_status_is_final (status))
    return TRUE;

  /* Translators: "INC-K7QX-0042 is Closed: …" */
  return sb_catalog_invalid (error, _("%s is %s: a finished incident cannot change any more. "
                                      "Add a note, or log a new incident"),
                             sb_incident_get_reference (incident),
                             sb_incident_status_get_label (status));
}

/* Fills @incident from the book again after a write. */
static void
refresh (SbStore    *store,
         SbIncident *incident,
         const char *id)
{
  g_autoptr(SbIncident) fresh = sb_incidents_read (store, id, NULL);

  if (fresh == NULL)
    return;

  sb_incident_set_title (incident, sb_incident_get_title (fresh));
  sb_incident_set_description (incident, sb_incident_get_description (fresh));
  sb_incident_set_service_id (incident, sb_incident_get_service_id (fresh));
  sb_incident_set_customer_id (incident, sb_incident_get_customer_id (fresh));
  sb_incident_set_contact (incident, sb_incident_get_contact (fresh));
  sb_incident_set_channel (incident, sb_incident_get_channel (fresh));
  sb_incident_set_category (incident, sb_incident_get_category (fresh));
  sb_incident_set_impact (incident, sb_incident_get_impact (fresh));
  sb_incident_set_urgency (incident, sb_incident_get_urgency (fresh));
  sb_incident_set_priority (incident, sb_incident_get_priority (fresh),
                            sb_incident_get_priority_reason (fresh));
  sb_incident_set_major (incident, sb_incident_get_major (fresh));
  sb_incident_set_opened_ms (incident, sb_incident_get_opened_ms (fresh));
  sb_incident_set_resolution_code (incident, sb_incident_get_resolution_code (fresh));
  sb_incident_set_resolution_notes (incident, sb_incident_get_resolution_notes (fresh));
  sb_incident_set_workaround (incident, sb_incident_get_workaround (fresh));
  sb_incident_set_stored (incident,
                          sb_incident_get_id (fresh),
                          sb_incident_get_reference (fresh),
                          sb_incident_get_status (fresh),
                          sb_incident_get_hold_reason (fresh),
                          sb_incident_get_duplicate_of (fresh),
                          sb_incident_get_responded_ms (fresh),
                          sb_incident_get_resolved_ms (fresh),
                          sb_incident_get_closed_ms (fresh),
                          sb_incident_get_reopen_count (fresh),
                          sb_incident_get_updated_ms (fresh),
                          sb_incident_get_import_batch (fresh));
}

/**
 * sb_incidents_update:
 * @store: a store
 * @incident: an incident read with sb_incidents_get() and edited
 * @error: return location for a #GError
 *
 * See sb-incidents.h. On success @incident holds what was stored.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_incidents_update (SbStore     *store,
                     SbIncident  *incident,
                     GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbIncident) old = NULL;
  g_autofree char *id = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_INCIDENT (incident), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sb_incident_get_id (incident) == NULL)
    return sb_catalog_invalid (error, _("The incident has not been logged yet"));

  id = g_strdup (sb_incident_get_id (incident));

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  old = sb_incidents_read (store, id, error);
  if (old == NULL)
    return FALSE;

  if (!refuse_final (old, error) ||
      !write_edits_in (tx, old, incident, sb_store_now_ms (store), &n_changed, error) ||
      !sb_transaction_commit (tx, error))
    return FALSE;

  if (n_changed > 0)
    refresh (store, incident, id);

  return TRUE;
}

/* Status changes */

/* The live incident @detail names, by id or by reference. */
static SbIncident *
find_original (SbStore     *store,
               const char  *detail,
               GError     **error)
{
  SbIncident *original;

  if (detail == NULL || *detail == '\0')
    {
      sb_catalog_invalid (error, _("Say which incident this one duplicates"));
      return NULL;
    }

  original = sb_incidents_find (store, detail);
  if (original != NULL)
    return original;

  original = sb_incidents_read (store, detail, NULL);
  if (original == NULL)
    sb_catalog_invalid (error, _("There is no incident %s to be a duplicate of; it may have been deleted"),
                        detail);

  return original;
}

static gboolean
transition (SbTransaction    *tx,
            SbIncident       *incident,
            SbIncidentStatus  to,
            const char       *detail,
            gboolean          respond,
            gint64            at_ms,
            GError          **error)
{
  SbStore *store = sb_transaction_get_store (tx);
  SbIncidentStatus from = sb_incident_get_status (incident);
  const char *id = sb_incident_get_id (incident);
  g_autoptr(SbChange) change = NULL;
  g_autoptr(SbIncident) original = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *at = NULL;
  const char *body = detail;
  gint64 responded_ms = sb_incident_get_responded_ms (incident);
  gint64 resolved_ms = sb_incident_get_resolved_ms (incident);
  gint64 closed_ms = sb_incident_get_closed_ms (incident);
  guint reopen_count = sb_incident_get_reopen_count (incident);
  const char *hold_reason = NULL;
  const char *duplicate_of = sb_incident_get_duplicate_of (incident);

  if (at_ms == SB_INCIDENT_NO_TIME)
    at_ms = sb_store_now_ms (store);
  at = sb_time_format_instant (at_ms);

  if (to == SB_INCIDENT_DUPLICATE && !sb_incident_status_is_final (from))
    {
      original = find_original (store, detail, error);
      if (original == NULL)
        return FALSE;
      if (g_str_equal (sb_incident_get_id (original), id))
        return sb_catalog_invalid (error, _("%s cannot be a duplicate of itself"),
                                   sb_incident_get_reference (incident));
      body = sb_incident_get_reference (original);
    }

  if (!sb_incident_check_transition (from, to, body, &local_error))
    return sb_catalog_invalid (error, "%s", local_error->message);

  change = sb_change_update ("incident", id);
  sb_change_set_string (change, "status", sb_incident_status_to_string (to));

  if (to == SB_INCIDENT_ON_HOLD)
    hold_reason = detail;
  sb_change_set_string (change, "hold_reason", hold_reason);

  if (respond && responded_ms == SB_INCIDENT_NO_TIME)
    {
      responded_ms = at_ms;
      sb_change_set_string (change, "responded_at", at);
    }

  if (sb_incident_transition_is_reopen (from, to))
    {
      reopen_count++;
      resolved_ms = SB_INCIDENT_NO_TIME;
      sb_change_set_int (change, "reopen_count", reopen_count);
      sb_change_set_null (change, "resolved_at");
      sb_change_set_null (change, "resolution_code");
    }

  switch (to)
    {
    case SB_INCIDENT_RESOLVED:
      resolved_ms = at_ms;
      sb_change_set_string (change, "resolved_at", at);
      sb_change_set_string (change, "resolution_code", detail);
      if (responded_ms == SB_INCIDENT_NO_TIME)
        {
          responded_ms = at_ms;
          sb_change_set_string (change, "responded_at", at);
        }
      break;

    case SB_INCIDENT_CLOSED:
      closed_ms = at_ms;
      sb_change_set_string (change, "closed_at", at);
      break;

    case SB_INCIDENT_DUPLICATE:
      duplicate_of = sb_incident_get_id (original);
      sb_change_set_string (change, "duplicate_of", duplicate_of);
      break;

    default:
      break;
    }

  if (!sb_transaction_apply (tx, change, error) ||
      !sb_incidents_append_in (tx, id, at_ms, SB_INCIDENT_EVENT_STATUS, FALSE, "status",
                               sb_incident_status_to_string (from),
                               sb_incident_status_to_string (to),
                               to == SB_INCIDENT_IN_PROGRESS ? NULL : body, 0, error))
    return FALSE;

  if (to == SB_INCIDENT_RESOLVED)
    sb_incident_set_resolution_code (incident, detail);
  else if (sb_incident_transition_is_reopen (from, to))
    sb_incident_set_resolution_code (incident, NULL);

  sb_incident_set_stored (incident, id, sb_incident_get_reference (incident), to, hold_reason,
                          duplicate_of, responded_ms, resolved_ms, closed_ms, reopen_count,
                          sb_store_now_ms (store), sb_incident_get_import_batch (incident));

  return TRUE;
}

/**
 * sb_incidents_transition_in:
 *
 * See sb-incidents-private.h. @incident is updated to its new state.
 */
gboolean
sb_incidents_transition_in (SbTransaction    *tx,
                            SbIncident       *incident,
                            SbIncidentStatus  to,
                            const char       *detail,
                            gint64            at_ms,
                            GError          **error)
{
  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (SB_IS_INCIDENT (incident), FALSE);
  g_return_val_if_fail (sb_incident_get_id (incident) != NULL, FALSE);

  return transition (tx, incident, to, detail, FALSE, at_ms, error);
}

/* What every action shares: one transaction, the incident as stored. */
typedef struct
{
  SbStore       *store;
  SbTransaction *tx;
  SbIncident    *incident;
  gint64         at_ms;
} Action;

static void
action_clear (Action *a)
{
  g_clear_pointer (&a->tx, sb_transaction_free);
  g_clear_object (&a->incident);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Action, action_clear)

static gboolean
action_begin (Action      *a,
              SbStore     *store,
              const char  *id,
              gint64       now_ms,
              GError     **error)
{
  a->store = store;
  a->at_ms = now_ms != SB_INCIDENT_NO_TIME ? now_ms : sb_store_now_ms (store);

  if (id == NULL)
    return sb_catalog_invalid (error, _("No incident was given"));

  a->tx = sb_store_begin (store, error);
  if (a->tx == NULL)
    return FALSE;

  a->incident = sb_incidents_read (store, id, error);

  return a->incident != NULL;
}

/* The note that goes with an action, or its time spent alone. */
static gboolean
action_note (Action      *a,
             const char  *note,
             gboolean     customer_visible,
             guint        minutes,
             GError     **error)
{
  g_autofree char *text = sb_catalog_strip (note);
  const char *id = sb_incident_get_id (a->incident);

  if (text != NULL)
    return sb_incidents_append_in (a->tx, id, a->at_ms, SB_INCIDENT_EVENT_NOTE, customer_visible,
                                   NULL, NULL, NULL, text, minutes, error);
  if (minutes > 0)
    return sb_incidents_append_in (a->tx, id, a->at_ms, SB_INCIDENT_EVENT_TIME, FALSE,
                                   NULL, NULL, NULL, NULL, minutes, error);

  return TRUE;
}

static gboolean
simple_action (SbStore          *store,
               const char       *id,
               SbIncidentStatus  to,
               const char       *detail,
               const char       *note,
               guint             minutes,
               gint64            now_ms,
               GError          **error)
{
  g_auto(Action) a = { 0 };

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return action_begin (&a, store, id, now_ms, error) &&
         transition (a.tx, a.incident, to, detail, FALSE, a.at_ms, error) &&
         action_note (&a, note, FALSE, minutes, error) &&
         sb_transaction_commit (a.tx, error);
}

gboolean
sb_incidents_respond (SbStore     *store,
                      const char  *id,
                      const char  *note,
                      guint        minutes,
                      gint64       now_ms,
                      GError     **error)
{
  g_auto(Action) a = { 0 };
  SbIncidentStatus status;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!action_begin (&a, store, id, now_ms, error))
    return FALSE;

  status = sb_incident_get_status (a.incident);

  if (sb_incident_get_responded_ms (a.incident) != SB_INCIDENT_NO_TIME)
    return sb_catalog_invalid (error, _("%s has already had its first response: add a note instead"),
                               sb_incident_get_reference (a.incident));

  if (status == SB_INCIDENT_NEW)
    {
      if (!transition (a.tx, a.incident, SB_INCIDENT_IN_PROGRESS, NULL, TRUE, a.at_ms, error))
        return FALSE;
    }
  else if (status == SB_INCIDENT_IN_PROGRESS || status == SB_INCIDENT_ON_HOLD)
    {
      g_autoptr(SbChange) change = sb_change_update ("incident", id);
      g_autofree char *at = sb_time_format_instant (a.at_ms);

      sb_change_set_string (change, "responded_at", at);
      if (!sb_transaction_apply (a.tx, change, error) ||
          !sb_incidents_append_in (a.tx, id, a.at_ms, SB_INCIDENT_EVENT_FIELD, FALSE,
                                   "responded_at", NULL, at, NULL, 0, error))
        return FALSE;
    }
  else
    {
      return sb_catalog_invalid (error, _("%s is %s: only an open incident gets a first response"),
                                 sb_incident_get_reference (a.incident),
                                 sb_incident_status_get_label (status));
    }

  return action_note (&a, note, TRUE, minutes, error) &&
         sb_transaction_commit (a.tx, error);
}

gboolean
sb_incidents_start (SbStore     *store,
                    const char  *id,
                    const char  *note,
                    guint        minutes,
                    gint64       now_ms,
                    GError     **error)
{
  return simple_action (store, id, SB_INCIDENT_IN_PROGRESS, NULL, note, minutes, now_ms, error);
}

gboolean
sb_incidents_hold (SbStore     *store,
                   const char  *id,
                   const char  *reason,
                   const char  *note,
                   guint        minutes,
                   gint64       now_ms,
                   GError     **error)
{
  return simple_action (store, id, SB_INCIDENT_ON_HOLD, reason, note, minutes, now_ms, error);
}

gboolean
sb_incidents_resolve (SbStore     *store,
                      const char  *id,
                      const char  *code,
                      const char  *notes,
                      const char  *workaround,
                      guint        minutes,
                      gint64       now_ms,
                      GError     **error)
{
  g_auto(Action) a = { 0 };

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!action_begin (&a, store, id, now_ms, error) ||
      !transition (a.tx, a.incident, SB_INCIDENT_RESOLVED, code, FALSE, a.at_ms, error))
    return FALSE;

  if (notes != NULL || workaround != NULL)
    {
      g_autoptr(SbIncident) edited = sb_incident_copy (a.incident);
      guint n_changed = 0;

      if (notes != NULL)
        sb_incident_set_resolution_notes (edited, notes);
      if (workaround != NULL)
        sb_incident_set_workaround (edited, workaround);
      if (!write_edits_in (a.tx, a.incident, edited, a.at_ms, &n_changed, error))
        return FALSE;
    }

  return action_note (&a, NULL, FALSE, minutes, error) &&
         sb_transaction_commit (a.tx, error);
}

gboolean
sb_incidents_close (SbStore     *store,
                    const char  *id,
                    const char  *note,
                    gint64       now_ms,
                    GError     **error)
{
  return simple_action (store, id, SB_INCIDENT_CLOSED, NULL, note, 0, now_ms, error);
}

gboolean
sb_incidents_reopen (SbStore     *store,
                     const char  *id,
                     const char  *note,
                     gint64       now_ms,
                     GError     **error)
{
  g_auto(Action) a = { 0 };

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!action_begin (&a, store, id, now_ms, error))
    return FALSE;

  if (sb_incident_get_status (a.incident) != SB_INCIDENT_RESOLVED)
    return sb_catalog_invalid (error, _("%s is %s: only a resolved incident can be reopened"),
                               sb_incident_get_reference (a.incident),
                               sb_incident_status_get_label (sb_incident_get_status (a.incident)));

  return transition (a.tx, a.incident, SB_INCIDENT_IN_PROGRESS, NULL, FALSE, a.at_ms, error) &&
         action_note (&a, note, FALSE, 0, error) &&
         sb_transaction_commit (a.tx, error);
}

gboolean
sb_incidents_cancel (SbStore     *store,
                     const char  *id,
                     const char  *note,
                     gint64       now_ms,
                     GError     **error)
{
  return simple_action (store, id, SB_INCIDENT_CANCELLED, NULL, note, 0, now_ms, error);
}

gboolean
sb_incidents_mark_duplicate (SbStore     *store,
                             const char  *id,
                             const char  *original_id,
                             gint64       now_ms,
                             GError     **error)
{
  return simple_action (store, id, SB_INCIDENT_DUPLICATE, original_id, NULL, 0, now_ms, error);
}

/**
 * sb_incidents_add_note:
 *
 * See sb-incidents.h: allowed on every live incident, final ones too.
 */
gboolean
sb_incidents_add_note (SbStore     *store,
                       const char  *id,
                       const char  *text,
                       gboolean     customer_visible,
                       guint        minutes,
                       gint64       now_ms,
                       GError     **error)
{
  g_auto(Action) a = { 0 };
  g_autofree char *stripped = sb_catalog_strip (text);

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stripped == NULL && minutes == 0)
    return sb_catalog_invalid (error, _("The note is empty: write what happened, or give the time spent"));

  return action_begin (&a, store, id, now_ms, error) &&
         action_note (&a, stripped, customer_visible, minutes, error) &&
         sb_transaction_commit (a.tx, error);
}

/* Deleting */

static gboolean
set_deleted (SbStore     *store,
             const char  *id,
             gboolean     deleted,
             GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sb_catalog_record_exists (store, "incident", id, FALSE, &exists, error))
    return FALSE;
  if (!exists)
    return sb_catalog_invalid (error, _("There is no incident with the id %s"), id);

  change = deleted ? sb_change_delete ("incident", id) : sb_change_undelete ("incident", id);

  return sb_store_apply (store, change, error);
}

gboolean
sb_incidents_delete (SbStore     *store,
                     const char  *id,
                     GError     **error)
{
  return set_deleted (store, id, TRUE, error);
}

gboolean
sb_incidents_undelete (SbStore     *store,
                       const char  *id,
                       GError     **error)
{
  return set_deleted (store, id, FALSE, error);
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
