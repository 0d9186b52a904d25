/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-incident-write-private.h"
#include "sb-time.h"

/*
 * The incident lifecycle: edits with their "field" entries, status
 * changes with their "status" entries and side effects, notes and time
 * spent, delete and undelete. Each public call is one transaction of the
 * store's write path; creating incidents and reading them is in
 * sb-incidents.c.
 */

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
    name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
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
  g_auto(SbIncidentChecked) c = { 0 };
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (FieldChange));
  g_autoptr(SbChange) change = NULL;
  g_autofree char *old_opened = NULL;
  g_autofree char *new_opened = NULL;
  const char *channel = sb_incident_get_channel (edited);

  g_array_set_clear_func (changes, field_change_clear);
  *out_n_changed = 0;

  if (!sb_incident_check (store, edited, old, &c, error))
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

typedef struct
{
  struct
  {
    const char *column;     /* NULL: unchanged */
    char       *old_text;
    char       *new_text;
  } edit[2];
} TextEdits;

static void
text_edits_clear (TextEdits *texts)
{
  for (guint i = 0; i < G_N_ELEMENTS (texts->edit); i++)
    {
      g_free (texts->edit[i].old_text);
      g_free (texts->edit[i].new_text);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TextEdits, text_edits_clear)

/* The resolution notes and workaround a caller put on @incident before
 * resolving it are written with the resolution, each with a "field"
 * entry; %NULL keeps what is stored. */
static gboolean
take_resolution_texts (SbStore     *store,
                       SbIncident  *incident,
                       SbChange    *change,
                       TextEdits   *texts,
                       GError     **error)
{
  static const char * const columns[2] = { "resolution_notes", "workaround" };
  g_autoptr(SbIncident) stored = sb_incidents_read (store, sb_incident_get_id (incident), error);

  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < 2; i++)
    {
      const char *wanted = i == 0 ? sb_incident_get_resolution_notes (incident)
                                  : sb_incident_get_workaround (incident);
      const char *now = i == 0 ? sb_incident_get_resolution_notes (stored)
                               : sb_incident_get_workaround (stored);
      g_autofree char *stripped = sb_catalog_strip (wanted);

      if (stripped == NULL || g_strcmp0 (stripped, now) == 0)
        continue;

      sb_change_set_string (change, columns[i], stripped);
      texts->edit[i].column = columns[i];
      texts->edit[i].old_text = g_strdup (now);
      texts->edit[i].new_text = g_steal_pointer (&stripped);
    }

  return TRUE;
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
  g_auto(TextEdits) texts = { 0 };

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

  /* Picking up a new incident is its first response, as most service
   * desks count it; one put on hold straight away is answered later
   * with sb_incidents_respond(). */
  if ((respond || (from == SB_INCIDENT_NEW && to == SB_INCIDENT_IN_PROGRESS)) &&
      responded_ms == SB_INCIDENT_NO_TIME)
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
      if (!take_resolution_texts (store, incident, change, &texts, error))
        return FALSE;
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

  for (guint i = 0; i < G_N_ELEMENTS (texts.edit); i++)
    {
      if (texts.edit[i].column != NULL &&
          !sb_incidents_append_in (tx, id, at_ms, SB_INCIDENT_EVENT_FIELD, FALSE, texts.edit[i].column,
                                   texts.edit[i].old_text, texts.edit[i].new_text, NULL, 0, error))
        return FALSE;
    }

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
  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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

  if (!action_begin (&a, store, id, now_ms, error))
    return FALSE;

  if (notes != NULL)
    sb_incident_set_resolution_notes (a.incident, notes);
  if (workaround != NULL)
    sb_incident_set_workaround (a.incident, workaround);

  if (!transition (a.tx, a.incident, SB_INCIDENT_RESOLVED, code, FALSE, a.at_ms, error))
    return FALSE;

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

