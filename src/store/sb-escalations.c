/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-escalations-private.h"
#include "sb-incidents-private.h"
#include "sb-time.h"

/*
 * Escalations of incidents to suppliers (migrations/0004-suppliers.sql,
 * incident_escalation). Every step writes the escalation row and an
 * 'escalation' entry on the incident's timeline in one transaction of the
 * store's write path, so the store's "changed" signal fires for both
 * tables. Reads join the incident's reference and title, the supplier's
 * name and the contract's reference.
 */

struct _SbEscalation
{
  GObject parent_instance;

  char   *id;
  char   *incident_id;
  char   *incident_reference;
  char   *incident_title;
  char   *supplier_id;
  char   *supplier_name;
  char   *contract_id;
  char   *contract_reference;
  char   *supplier_ref;
  guint   priority;
  gint64  escalated_ms;
  gint64  responded_ms;
  gint64  resolved_ms;
};

G_DEFINE_FINAL_TYPE (SbEscalation, sb_escalation, G_TYPE_OBJECT)

static void
sb_escalation_finalize (GObject *object)
{
  SbEscalation *self = SB_ESCALATION (object);

  g_free (self->id);
  g_free (self->incident_id);
  g_free (self->incident_reference);
  g_free (self->incident_title);
  g_free (self->supplier_id);
  g_free (self->supplier_name);
  g_free (self->contract_id);
  g_free (self->contract_reference);
  g_free (self->supplier_ref);

  G_OBJECT_CLASS (sb_escalation_parent_class)->finalize (object);
}

static void
sb_escalation_class_init (SbEscalationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sb_escalation_finalize;
}

static void
sb_escalation_init (SbEscalation *self)
{
  self->escalated_ms = SB_INCIDENT_NO_TIME;
  self->responded_ms = SB_INCIDENT_NO_TIME;
  self->resolved_ms = SB_INCIDENT_NO_TIME;
}

/**
 * sb_escalation_get_id:
 * @self: an escalation
 *
 * Returns: the escalation's id
 */
const char *
sb_escalation_get_id (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->id;
}

/**
 * sb_escalation_get_incident_id:
 * @self: an escalation
 *
 * Returns: the id of the incident escalated
 */
const char *
sb_escalation_get_incident_id (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->incident_id;
}

/**
 * sb_escalation_get_incident_reference:
 * @self: an escalation
 *
 * Returns: the incident's reference, e.g. INC-K7QX-0042
 */
const char *
sb_escalation_get_incident_reference (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->incident_reference;
}

/**
 * sb_escalation_get_incident_title:
 * @self: an escalation
 *
 * Returns: the incident's title
 */
const char *
sb_escalation_get_incident_title (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->incident_title;
}

/**
 * sb_escalation_get_supplier_id:
 * @self: an escalation
 *
 * Returns: the supplier's id
 */
const char *
sb_escalation_get_supplier_id (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->supplier_id;
}

/**
 * sb_escalation_get_supplier_name:
 * @self: an escalation
 *
 * Returns: the supplier's name
 */
const char *
sb_escalation_get_supplier_name (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->supplier_name;
}

/**
 * sb_escalation_get_contract_id:
 * @self: an escalation
 *
 * Returns: (nullable): the contract it was raised under
 */
const char *
sb_escalation_get_contract_id (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->contract_id;
}

/**
 * sb_escalation_get_contract_reference:
 * @self: an escalation
 *
 * Returns: (nullable): the contract's reference
 */
const char *
sb_escalation_get_contract_reference (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->contract_reference;
}

/**
 * sb_escalation_get_supplier_ref:
 * @self: an escalation
 *
 * Returns: (nullable): the supplier's own ticket reference
 */
const char *
sb_escalation_get_supplier_ref (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), NULL);
  return self->supplier_ref;
}

/**
 * sb_escalation_get_priority:
 * @self: an escalation
 *
 * Returns: the incident's priority when it was escalated (1…5)
 */
guint
sb_escalation_get_priority (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), 0);
  return self->priority;
}

/**
 * sb_escalation_get_escalated_ms:
 * @self: an escalation
 *
 * Returns: when it was raised with the supplier, UTC milliseconds
 */
gint64
sb_escalation_get_escalated_ms (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), SB_INCIDENT_NO_TIME);
  return self->escalated_ms;
}

/**
 * sb_escalation_get_responded_ms:
 * @self: an escalation
 *
 * Returns: when the supplier responded, or %SB_INCIDENT_NO_TIME
 */
gint64
sb_escalation_get_responded_ms (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), SB_INCIDENT_NO_TIME);
  return self->responded_ms;
}

/**
 * sb_escalation_get_resolved_ms:
 * @self: an escalation
 *
 * Returns: when the supplier resolved its part, or %SB_INCIDENT_NO_TIME
 */
gint64
sb_escalation_get_resolved_ms (SbEscalation *self)
{
  g_return_val_if_fail (SB_IS_ESCALATION (self), SB_INCIDENT_NO_TIME);
  return self->resolved_ms;
}

/* Reading */

#define ESCALATION_SELECT                                                         \
  "SELECT e.id, e.incident_id, i.reference, i.title, e.supplier_id, s.name, "     \
  "e.contract_id, c.reference, e.supplier_ref, e.priority, e.escalated_at, "      \
  "e.responded_at, e.resolved_at "                                                \
  "FROM incident_escalation e "                                                   \
  "JOIN incident i ON i.id = e.incident_id "                                      \
  "JOIN supplier s ON s.id = e.supplier_id "                                      \
  "LEFT JOIN contract c ON c.id = e.contract_id "

static gint64
column_instant (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  gint64 ms = SB_INCIDENT_NO_TIME;

  if (text == NULL || !sb_time_parse_instant (text, &ms, NULL))
    return SB_INCIDENT_NO_TIME;

  return ms;
}

static SbEscalation *
escalation_from_row (sqlite3_stmt *stmt)
{
  SbEscalation *self = g_object_new (SB_TYPE_ESCALATION, NULL);

  self->id = sb_catalog_column_text (stmt, 0);
  self->incident_id = sb_catalog_column_text (stmt, 1);
  self->incident_reference = sb_catalog_column_text (stmt, 2);
  self->incident_title = sb_catalog_column_text (stmt, 3);
  self->supplier_id = sb_catalog_column_text (stmt, 4);
  self->supplier_name = sb_catalog_column_text (stmt, 5);
  self->contract_id = sb_catalog_column_text (stmt, 6);
  self->contract_reference = sb_catalog_column_text (stmt, 7);
  self->supplier_ref = sb_catalog_column_text (stmt, 8);
  self->priority = sqlite3_column_int (stmt, 9);
  self->escalated_ms = column_instant (stmt, 10);
  self->responded_ms = column_instant (stmt, 11);
  self->resolved_ms = column_instant (stmt, 12);

  return self;
}

/* Steps @stmt (bound, not yet stepped) to the end into a new array. */
static GPtrArray *
collect (SbStore       *store,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, escalation_from_row (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the escalations"), error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static SbEscalation *
read_escalation (SbStore     *store,
                 const char  *id,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  SbEscalation *escalation = NULL;
  int rc;

  stmt = sb_store_prepare (store, ESCALATION_SELECT "WHERE e.id = ? AND e.deleted = 0", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    escalation = escalation_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    sb_catalog_invalid (error, _("There is no escalation with the id %s; it may have been deleted"), id);
  else if (rc != SQLITE_ROW)
    sb_catalog_step_error (store, rc, _("Reading the escalation"), error);

  return escalation;
}

/**
 * sb_escalations_list_for_incident:
 * @store: a store
 * @incident_id: an incident's id
 * @error: return location for a #GError
 *
 * The incident's escalations, oldest first.
 *
 * Returns: (transfer full) (element-type SbEscalation): the escalations,
 *   or %NULL on error
 */
GPtrArray *
sb_escalations_list_for_incident (SbStore     *store,
                                  const char  *incident_id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (incident_id != NULL, NULL);

  stmt = sb_store_prepare (store,
                           ESCALATION_SELECT
                           "WHERE e.incident_id = ? AND e.deleted = 0 "
                           "ORDER BY e.escalated_at, e.rowid",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, incident_id, -1, SQLITE_TRANSIENT);

  return collect (store, stmt, error);
}

/**
 * sb_escalations_list_for_supplier:
 * @store: a store
 * @supplier_id: a supplier's id
 * @contract_id: (nullable): only those under this contract
 * @from_ms: the first instant
 * @to_ms: the end (exclusive)
 * @error: return location for a #GError
 *
 * The escalations to one supplier (of live incidents) raised from
 * @from_ms to @to_ms, oldest first.
 *
 * Returns: (transfer full) (element-type SbEscalation): the escalations,
 *   or %NULL on error
 */
GPtrArray *
sb_escalations_list_for_supplier (SbStore     *store,
                                  const char  *supplier_id,
                                  const char  *contract_id,
                                  gint64       from_ms,
                                  gint64       to_ms,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (supplier_id != NULL, NULL);

  stmt = sb_store_prepare (store,
                           ESCALATION_SELECT
                           "WHERE e.supplier_id = ?1 AND e.deleted = 0 AND i.deleted = 0 "
                           "AND (?2 IS NULL OR e.contract_id = ?2) "
                           "AND e.escalated_at >= ?3 AND e.escalated_at < ?4 "
                           "ORDER BY e.escalated_at, e.rowid",
                           error);
  if (stmt == NULL)
    return NULL;

  from = sb_time_format_instant (from_ms);
  to = sb_time_format_instant (to_ms);
  sqlite3_bind_text (stmt, 1, supplier_id, -1, SQLITE_TRANSIENT);
  if (contract_id != NULL)
    sqlite3_bind_text (stmt, 2, contract_id, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);

  return collect (store, stmt, error);
}

/* Days */

/**
 * sb_escalations_local_day:
 * @ms: an instant, UTC milliseconds
 * @out_day: (out caller-allocates): its date in the local time zone
 *
 * The local day an instant falls on.
 */
void
sb_escalations_local_day (gint64  ms,
                          GDate  *out_day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  g_date_clear (out_day, 1);
  g_date_set_dmy (out_day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

/**
 * sb_escalations_day_start_ms:
 * @day: a valid date
 *
 * Returns: the first instant of @day in the local time zone, UTC
 *   milliseconds
 */
gint64
sb_escalations_day_start_ms (const GDate *day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                                g_date_get_day (day), 0, 0, 0);

  return g_date_time_to_unix (start) * 1000;
}

/**
 * sb_escalations_suggest_contracts:
 * @store: a store
 * @incident_id: an incident's id
 * @error: return location for a #GError
 *
 * The contracts underpinning the incident's service, those in force on
 * the day it was opened first. Empty for an incident without a service.
 *
 * Returns: (transfer full) (element-type SbContract): the contracts, or
 *   %NULL on error
 */
GPtrArray *
sb_escalations_suggest_contracts (SbStore     *store,
                                  const char  *incident_id,
                                  GError     **error)
{
  g_autoptr(SbIncident) incident = NULL;
  GDate day;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (incident_id != NULL, NULL);

  incident = sb_incidents_read (store, incident_id, error);
  if (incident == NULL)
    return NULL;

  if (sb_incident_get_service_id (incident) == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  sb_escalations_local_day (sb_incident_get_opened_ms (incident), &day);

  return sb_contracts_for_service (store, sb_incident_get_service_id (incident), &day, error);
}

/* Writing */

typedef struct
{
  char     *name;
  char     *status;
} SupplierRow;

static void
supplier_row_clear (SupplierRow *row)
{
  g_free (row->name);
  g_free (row->status);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SupplierRow, supplier_row_clear)

/* The live supplier @id, or an error that says there is none. */
static gboolean
read_supplier (SbStore     *store,
               const char  *id,
               SupplierRow *out,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (id == NULL)
    return sb_catalog_invalid (error, _("Choose the supplier to escalate to"));

  stmt = sb_store_prepare (store, "SELECT name, status FROM supplier WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->name = sb_catalog_column_text (stmt, 0);
      out->status = sb_catalog_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return sb_catalog_invalid (error, _("There is no supplier with the id %s; it may have been deleted"), id);
  if (rc != SQLITE_ROW)
    return sb_catalog_step_error (store, rc, _("Reading the supplier"), error);

  return TRUE;
}

/* A live contract of @supplier_id, or the reason why @contract_id is not. */
static gboolean
check_contract (SbStore     *store,
                const char  *contract_id,
                const char  *supplier_id,
                const char  *supplier_name,
                GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *owner = NULL;
  g_autofree char *reference = NULL;
  int rc;

  stmt = sb_store_prepare (store,
                           "SELECT supplier_id, reference FROM contract WHERE id = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, contract_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      owner = sb_catalog_column_text (stmt, 0);
      reference = sb_catalog_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return sb_catalog_invalid (error, _("There is no contract with the id %s; it may have been deleted"),
                               contract_id);
  if (rc != SQLITE_ROW)
    return sb_catalog_step_error (store, rc, _("Reading the contract"), error);

  if (g_strcmp0 (owner, supplier_id) != 0)
    /* Translators: "Contract HOST-2024 is not a contract with Northline Telecom" */
    return sb_catalog_invalid (error, _("Contract %s is not a contract with %s: choose one of theirs, or none"),
                               reference, supplier_name);

  return TRUE;
}

/* "<supplier name> <ticket ref>", or the name alone. */
static char *
timeline_value (const char *supplier_name,
                const char *supplier_ref)
{
  if (supplier_ref == NULL)
    return g_strdup (supplier_name);

  return g_strdup_printf ("%s %s", supplier_name, supplier_ref);
}

/**
 * sb_escalations_escalate_in:
 * @tx: an open transaction
 * @incident_id: the incident
 * @supplier_id: the supplier
 * @contract_id: (nullable): one of the supplier's contracts
 * @supplier_ref: (nullable): the supplier's ticket reference
 * @at_ms: when, or %SB_INCIDENT_NO_TIME for now
 * @note: (nullable): the timeline entry's text
 * @historical: written after the fact: a finished incident is allowed
 * @out_id: (out) (optional): the new escalation's id
 * @error: return location for a #GError
 *
 * See sb_escalations_escalate(); nothing is committed.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_escalations_escalate_in (SbTransaction  *tx,
                            const char     *incident_id,
                            const char     *supplier_id,
                            const char     *contract_id,
                            const char     *supplier_ref,
                            gint64          at_ms,
                            const char     *note,
                            gboolean        historical,
                            char          **out_id,
                            GError        **error)
{
  SbStore *store = sb_transaction_get_store (tx);
  g_autoptr(SbIncident) incident = NULL;
  g_autoptr(SbChange) change = NULL;
  g_auto(SupplierRow) supplier = { 0 };
  g_autofree char *ref = sb_catalog_strip (supplier_ref);
  g_autofree char *body = sb_catalog_strip (note);
  g_autofree char *at = NULL;
  g_autofree char *value = NULL;
  SbIncidentStatus status;

  if (incident_id == NULL)
    return sb_catalog_invalid (error, _("Choose the incident to escalate"));

  incident = sb_incidents_read (store, incident_id, error);
  if (incident == NULL)
    return FALSE;

  status = sb_incident_get_status (incident);
  if (!historical && sb_incident_status_is_final (status))
    /* Translators: "INC-K7QX-0042 is Closed: …" */
    return sb_catalog_invalid (error, _("%s is %s: a finished incident cannot be escalated any more"),
                               sb_incident_get_reference (incident),
                               sb_incident_status_get_label (status));

  if (!read_supplier (store, supplier_id, &supplier, error))
    return FALSE;
  if (g_strcmp0 (supplier.status, "ended") == 0)
    return sb_catalog_invalid (error, _("The relationship with %s has ended: choose another supplier"),
                               supplier.name);

  if (contract_id != NULL &&
      !check_contract (store, contract_id, supplier_id, supplier.name, error))
    return FALSE;

  if (at_ms == SB_INCIDENT_NO_TIME)
    at_ms = sb_store_now_ms (store);

  if (at_ms < sb_incident_get_opened_ms (incident))
    return sb_catalog_invalid (error, _("An incident cannot be escalated before it was opened: "
                                        "check the time of the escalation"));
  if (historical && sb_incident_get_closed_ms (incident) != SB_INCIDENT_NO_TIME &&
      at_ms > sb_incident_get_closed_ms (incident))
    return sb_catalog_invalid (error, _("%s was closed before the time of the escalation"),
                               sb_incident_get_reference (incident));

  at = sb_time_format_instant (at_ms);
  change = sb_change_insert ("incident_escalation");
  sb_change_set_string (change, "incident_id", incident_id);
  sb_change_set_string (change, "supplier_id", supplier_id);
  sb_change_set_string (change, "contract_id", contract_id);
  sb_change_set_string (change, "supplier_ref", ref);
  sb_change_set_int (change, "priority", sb_incident_get_priority (incident));
  sb_change_set_string (change, "escalated_at", at);

  value = timeline_value (supplier.name, ref);
  if (!sb_transaction_apply (tx, change, error) ||
      !sb_incidents_append_in (tx, incident_id, at_ms, SB_INCIDENT_EVENT_ESCALATION, FALSE,
                               SB_ESCALATION_EVENT_ESCALATED, NULL, value, body, 0, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_strdup (sb_change_get_id (change));

  return TRUE;
}

/**
 * sb_escalations_escalate:
 * @store: a store
 * @incident_id: the incident
 * @supplier_id: the supplier
 * @contract_id: (nullable): one of the supplier's contracts
 * @supplier_ref: (nullable): the supplier's ticket reference
 * @at_ms: when, or %SB_INCIDENT_NO_TIME for now
 * @note: (nullable): the timeline entry's text
 * @out_id: (out) (optional): the new escalation's id
 * @error: return location for a #GError
 *
 * Escalates the incident to the supplier, with the incident's current
 * priority, and writes the "escalated" timeline entry, in one
 * transaction. Refused (%SB_STORE_ERROR_INVALID) for a closed, cancelled
 * or duplicate incident, an unknown or ended supplier, a contract of
 * another supplier, or an instant before the incident was opened.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_escalations_escalate (SbStore     *store,
                         const char  *incident_id,
                         const char  *supplier_id,
                         const char  *contract_id,
                         const char  *supplier_ref,
                         gint64       at_ms,
                         const char  *note,
                         char       **out_id,
                         GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_escalations_escalate_in (tx, incident_id, supplier_id, contract_id, supplier_ref,
                                   at_ms, note, FALSE, &id, error) ||
      !sb_transaction_commit (tx, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_steal_pointer (&id);

  return TRUE;
}

typedef enum
{
  STEP_RESPONSE,
  STEP_RESOLUTION,
} Step;

static gboolean
record_in (SbTransaction  *tx,
           const char     *escalation_id,
           Step            step,
           gint64          at_ms,
           const char     *note,
           GError        **error)
{
  SbStore *store = sb_transaction_get_store (tx);
  g_autoptr(SbEscalation) escalation = NULL;
  g_autoptr(SbChange) change = NULL;
  g_autofree char *body = sb_catalog_strip (note);
  g_autofree char *at = NULL;
  g_autofree char *value = NULL;

  if (escalation_id == NULL)
    return sb_catalog_invalid (error, _("Choose the escalation"));

  escalation = read_escalation (store, escalation_id, error);
  if (escalation == NULL)
    return FALSE;

  if (at_ms == SB_INCIDENT_NO_TIME)
    at_ms = sb_store_now_ms (store);
  at = sb_time_format_instant (at_ms);

  if (step == STEP_RESPONSE && escalation->responded_ms != SB_INCIDENT_NO_TIME)
    /* Translators: "The response of Northline Telecom to INC-K7QX-0042 is recorded already" */
    return sb_catalog_invalid (error, _("The response of %s to %s is recorded already"),
                               escalation->supplier_name, escalation->incident_reference);
  if (step == STEP_RESOLUTION && escalation->resolved_ms != SB_INCIDENT_NO_TIME)
    return sb_catalog_invalid (error, _("The resolution of %s by %s is recorded already"),
                               escalation->incident_reference, escalation->supplier_name);

  if (at_ms < escalation->escalated_ms)
    return sb_catalog_invalid (error, step == STEP_RESPONSE
                                        ? _("The supplier cannot respond before the incident was escalated to them: "
                                            "check the time")
                                        : _("The supplier cannot resolve before the incident was escalated to them: "
                                            "check the time"));
  if (step == STEP_RESOLUTION && escalation->responded_ms != SB_INCIDENT_NO_TIME &&
      at_ms < escalation->responded_ms)
    return sb_catalog_invalid (error, _("The supplier cannot resolve before they responded: check the time"));

  change = sb_change_update ("incident_escalation", escalation_id);
  if (escalation->responded_ms == SB_INCIDENT_NO_TIME)
    sb_change_set_string (change, "responded_at", at);
  if (step == STEP_RESOLUTION)
    sb_change_set_string (change, "resolved_at", at);

  value = timeline_value (escalation->supplier_name, escalation->supplier_ref);

  return sb_transaction_apply (tx, change, error) &&
         sb_incidents_append_in (tx, escalation->incident_id, at_ms, SB_INCIDENT_EVENT_ESCALATION, FALSE,
                                 step == STEP_RESPONSE ? SB_ESCALATION_EVENT_RESPONSE
                                                       : SB_ESCALATION_EVENT_RESOLUTION,
                                 NULL, value, body, 0, error);
}

/**
 * sb_escalations_record_response_in:
 * @tx: an open transaction
 * @escalation_id: the escalation
 * @at_ms: when, or %SB_INCIDENT_NO_TIME for now
 * @note: (nullable): the timeline entry's text
 * @error: return location for a #GError
 *
 * See sb_escalations_record_response(); nothing is committed.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_escalations_record_response_in (SbTransaction  *tx,
                                   const char     *escalation_id,
                                   gint64          at_ms,
                                   const char     *note,
                                   GError        **error)
{
  return record_in (tx, escalation_id, STEP_RESPONSE, at_ms, note, error);
}

/**
 * sb_escalations_record_resolution_in:
 * @tx: an open transaction
 * @escalation_id: the escalation
 * @at_ms: when, or %SB_INCIDENT_NO_TIME for now
 * @note: (nullable): the timeline entry's text
 * @error: return location for a #GError
 *
 * See sb_escalations_record_resolution(); nothing is committed.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_escalations_record_resolution_in (SbTransaction  *tx,
                                     const char     *escalation_id,
                                     gint64          at_ms,
                                     const char     *note,
                                     GError        **error)
{
  return record_in (tx, escalation_id, STEP_RESOLUTION, at_ms, note, error);
}

static gboolean
record (SbStore     *store,
        const char  *escalation_id,
        Step         step,
        gint64       at_ms,
        const char  *note,
        GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  return record_in (tx, escalation_id, step, at_ms, note, error) &&
         sb_transaction_commit (tx, error);
}

/**
 * sb_escalations_record_response:
 * @store: a store
 * @escalation_id: the escalation
 * @at_ms: when, or %SB_INCIDENT_NO_TIME for now
 * @note: (nullable): the timeline entry's text
 * @error: return location for a #GError
 *
 * Records the supplier's response with its "supplier-response" timeline
 * entry. Refused when one is recorded already or before the escalation.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_escalations_record_response (SbStore     *store,
                                const char  *escalation_id,
                                gint64       at_ms,
                                const char  *note,
                                GError     **error)
{
  return record (store, escalation_id, STEP_RESPONSE, at_ms, note, error);
}

/**
 * sb_escalations_record_resolution:
 * @store: a store
 * @escalation_id: the escalation
 * @at_ms: when, or %SB_INCIDENT_NO_TIME for now
 * @note: (nullable): the timeline entry's text
 * @error: return location for a #GError
 *
 * Records the supplier's resolution with its "supplier-resolution"
 * timeline entry; without a recorded response, the response is taken to
 * be at the same time. Refused when one is recorded already, before the
 * escalation or before the response.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_escalations_record_resolution (SbStore     *store,
                                  const char  *escalation_id,
                                  gint64       at_ms,
                                  const char  *note,
                                  GError     **error)
{
  return record (store, escalation_id, STEP_RESOLUTION, at_ms, note, error);
}

/**
 * sb_escalations_set_supplier_ref:
 * @store: a store
 * @escalation_id: the escalation
 * @supplier_ref: (nullable): the supplier's ticket reference; %NULL or
 *   blank removes it
 * @error: return location for a #GError
 *
 * Sets the supplier's ticket reference (often only known after the
 * supplier answered), with a "supplier-ref" timeline entry whose old and
 * new values are "<supplier name> <ticket ref>". Nothing changes: %TRUE,
 * nothing written.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_escalations_set_supplier_ref (SbStore     *store,
                                 const char  *escalation_id,
                                 const char  *supplier_ref,
                                 GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbEscalation) escalation = NULL;
  g_autoptr(SbChange) change = NULL;
  g_autofree char *ref = sb_catalog_strip (supplier_ref);
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (escalation_id == NULL)
    return sb_catalog_invalid (error, _("Choose the escalation"));

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  escalation = read_escalation (store, escalation_id, error);
  if (escalation == NULL)
    return FALSE;

  if (g_strcmp0 (escalation->supplier_ref, ref) == 0)
    return TRUE;

  change = sb_change_update ("incident_escalation", escalation_id);
  sb_change_set_string (change, "supplier_ref", ref);

  old_value = escalation->supplier_ref != NULL
                ? timeline_value (escalation->supplier_name, escalation->supplier_ref) : NULL;
  new_value = ref != NULL ? timeline_value (escalation->supplier_name, ref) : NULL;

  return sb_transaction_apply (tx, change, error) &&
         sb_incidents_append_in (tx, escalation->incident_id, sb_store_now_ms (store),
                                 SB_INCIDENT_EVENT_ESCALATION, FALSE, SB_ESCALATION_EVENT_SUPPLIER_REF,
                                 old_value, new_value, NULL, 0, error) &&
         sb_transaction_commit (tx, error);
}
