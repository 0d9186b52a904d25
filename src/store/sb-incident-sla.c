/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-incidents-private.h"
#include "sb-service.h"
#include "sb-time.h"

/*
 * SLA clocks of stored incidents: the glue between the book and
 * sb_sla_compute(). Nothing here is stored; every clock comes from the
 * incident's status entries, its service's calendar, targets and
 * clock-stop reasons as they are now, so a change to any of them
 * recomputes every clock as if it had always been so.
 *
 * A status entry becomes a clock segment: new and in progress run the
 * clock; on hold pauses it when the service stops the clock for that
 * reason (awaiting customer by default) and otherwise lets it run;
 * resolved, closed, cancelled and duplicate stop it.
 */

#define N_PRIORITIES SB_SERVICE_N_PRIORITIES

/* Segments of one incident kept on the stack; longer timelines are rare. */
#define STACK_SEGMENTS 64

typedef struct
{
  SbSlaCache *cache;      /* the calendar's; owned by the context */
  gint64      response[N_PRIORITIES];
  gint64      resolution[N_PRIORITIES];
  guint       stop_mask;  /* bit i: hold reason i stops the clock */
} ServiceSla;

struct _SbSlaContext
{
  GHashTable *services;   /* id → ServiceSla */
  GHashTable *calendars;  /* calendar id → SbSlaCache */
  SbSlaCache *around_the_clock;
  ServiceSla  fallback;   /* no service: 24×7, no targets */
};

/* The index of a hold reason in sb_incident_get_hold_reasons(), or -1. */
static int
hold_reason_index (const char *reason, gsize length)
{
  const char *const *reasons = sb_incident_get_hold_reasons ();
  int i;

  if (reason == NULL)
    return -1;

  for (i = 0; reasons[i] != NULL; i++)
    if (strlen (reasons[i]) == length && memcmp (reasons[i], reason, length) == 0)
      return i;

  return -1;
}

static guint
parse_stop_reasons (const char *text)
{
  guint mask = 0;

  while (text != NULL && *text != '\0')
    {
      const char *end = strchr (text, ',');
      gsize length = end != NULL ? (gsize) (end - text) : strlen (text);
      const char *start = text;
      int index;

      /* Tolerate spaces around the commas. */
      while (length > 0 && g_ascii_isspace (*start))
        start++, length--;
      while (length > 0 && g_ascii_isspace (start[length - 1]))
        length--;

      index = hold_reason_index (start, length);
      if (index >= 0)
        mask |= 1u << index;

      text = end != NULL ? end + 1 : NULL;
    }

  return mask;
}

static gboolean
step_failed (SbStore *store, int rc, const char *doing, GError **error)
{
  return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc, doing);
}

/* Reads one row of a query of load_rows() into @ctx. */
typedef gboolean (*LoadRowFunc) (SbSlaContext  *ctx,
                                 sqlite3_stmt  *stmt,
                                 GError       **error);

/* Runs @sql, whose ?1 is "all rows" and ?2 the one id wanted otherwise,
 * and hands each row to @load_row; @doing names the work in an error. */
static gboolean
load_rows (SbSlaContext *ctx, SbStore *store, const char *sql, gboolean all,
           const char *only_id, LoadRowFunc load_row, const char *doing, GError **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, all);
  sqlite3_bind_text (stmt, 2, only_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!load_row (ctx, stmt, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return step_failed (store, rc, doing, error);

  return TRUE;
}

static gboolean
load_calendar_row (SbSlaContext *ctx, sqlite3_stmt *stmt, GError **error)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  const char *definition = (const char *) sqlite3_column_text (stmt, 2);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (SbCalendar) calendar = NULL;

  calendar = sb_calendar_new_from_string (definition, &local_error);
  if (calendar == NULL)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   /* Translators: %s is a calendar's name, then the reason */
                   _ ("The support calendar “%s” cannot be read: %s"),
                   (const char *) sqlite3_column_text (stmt, 1), local_error->message);
      return FALSE;
    }
  g_hash_table_insert (ctx->calendars, g_strdup (id), sb_sla_cache_new (calendar));

  return TRUE;
}

static gboolean
load_service_row (SbSlaContext *ctx, sqlite3_stmt *stmt, GError **error)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  const char *calendar_id = (const char *) sqlite3_column_text (stmt, 1);
  ServiceSla *s = g_new0 (ServiceSla, 1);
  SbSlaCache *cache = NULL;

  if (calendar_id != NULL)
    cache = g_hash_table_lookup (ctx->calendars, calendar_id);
  s->cache = cache != NULL ? cache : ctx->around_the_clock;
  s->stop_mask = parse_stop_reasons ((const char *) sqlite3_column_text (stmt, 2));
  g_hash_table_insert (ctx->services, g_strdup (id), s);

  return TRUE;
}

static gboolean
load_target_row (SbSlaContext *ctx, sqlite3_stmt *stmt, GError **error)
{
  ServiceSla *s = g_hash_table_lookup (ctx->services, sqlite3_column_text (stmt, 0));
  gint64 priority = sqlite3_column_int64 (stmt, 1);

  if (s == NULL || priority < 1 || priority > N_PRIORITIES)
    return TRUE;

  s->response[priority - 1] = MAX (sqlite3_column_int64 (stmt, 2), 0);
  s->resolution[priority - 1] = MAX (sqlite3_column_int64 (stmt, 3), 0);

  return TRUE;
}

static gboolean
load_calendars (SbSlaContext *ctx, SbStore *store, gboolean all, const char *only_service_id,
                GError **error)
{
  /* Deleted calendars too: a service may still point at one. */
  return load_rows (ctx, store,
                    "SELECT id, name, definition FROM calendar "
                    "WHERE ?1 OR id = (SELECT calendar_id FROM service WHERE id = ?2)",
                    all, only_service_id, load_calendar_row,
                    _ ("Reading the support calendars"), error);
}

static gboolean
load_services (SbSlaContext *ctx, SbStore *store, gboolean all, const char *only_id,
               GError **error)
{
  /* Deleted services too: their incidents keep their clocks. */
  return load_rows (ctx, store,
                    "SELECT id, calendar_id, clock_stop_reasons FROM service "
                    "WHERE ?1 OR id = ?2",
                    all, only_id, load_service_row,
                    _ ("Reading the services’ service levels"), error) &&
         load_rows (ctx, store,
                    "SELECT service_id, priority, response_minutes, resolution_minutes "
                    "FROM service_target WHERE deleted = 0 AND (?1 OR service_id = ?2)",
                    all, only_id, load_target_row,
                    _ ("Reading the services’ service levels"), error);
}

/* With @all, every service; otherwise only @only_service_id (none when
 * %NULL), for the clocks of one incident. */
static SbSlaContext *
context_new (SbStore *store, gboolean all, const char *only_service_id, GError **error)
{
  g_autoptr (SbCalendar) around_the_clock = sb_calendar_new_24x7 ();
  SbSlaContext *ctx = g_new0 (SbSlaContext, 1);

  ctx->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) sb_sla_cache_free);
  ctx->around_the_clock = sb_sla_cache_new (around_the_clock);
  ctx->fallback.cache = ctx->around_the_clock;
  ctx->fallback.stop_mask = parse_stop_reasons (SB_HOLD_AWAITING_CUSTOMER);

  if (!load_calendars (ctx, store, all, only_service_id, error) ||
      !load_services (ctx, store, all, only_service_id, error))
    {
      sb_sla_context_free (ctx);
      return NULL;
    }

  return ctx;
}

/**
 * sb_sla_context_new:
 * @store: the store
 * @error: a SQLite failure or an unreadable calendar
 *
 * Reads every service's calendar, targets and clock-stop reasons once,
 * with a table of each calendar's open spans that the clocks share. For
 * one thread at a time.
 *
 * Returns: (transfer full) (nullable): the context; free with
 *   sb_sla_context_free()
 */
SbSlaContext *
sb_sla_context_new (SbStore *store, GError **error)
{
  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return context_new (store, TRUE, NULL, error);
}

/**
 * sb_sla_context_free:
 * @ctx: (nullable): a context
 *
 * Frees the context.
 */
void
sb_sla_context_free (SbSlaContext *ctx)
{
  if (ctx == NULL)
    return;

  g_clear_pointer (&ctx->services, g_hash_table_unref);
  g_clear_pointer (&ctx->calendars, g_hash_table_unref);
  g_clear_pointer (&ctx->around_the_clock, sb_sla_cache_free);
  g_free (ctx);
}

static SbSlaSegmentKind
segment_kind (const ServiceSla *s, const SbStatusMark *mark)
{
  switch (mark->status)
    {
    case SB_INCIDENT_NEW:
    case SB_INCIDENT_IN_PROGRESS:
      return SB_SLA_RUNNING;

    case SB_INCIDENT_ON_HOLD:
      {
        int index = mark->hold_reason != NULL
                      ? hold_reason_index (mark->hold_reason, strlen (mark->hold_reason))
                      : -1;

        return index >= 0 && (s->stop_mask & (1u << index)) != 0 ? SB_SLA_PAUSED : SB_SLA_RUNNING;
      }

    case SB_INCIDENT_RESOLVED:
    case SB_INCIDENT_CLOSED:
    case SB_INCIDENT_CANCELLED:
    case SB_INCIDENT_DUPLICATE:
    default:
      return SB_SLA_STOPPED;
    }
}

/* Cancelled or marked a duplicate without ever being resolved: there was
 * nothing to restore, so no target was met or missed. */
static gboolean
ended_without_resolution (const SbStatusMark *marks, guint n_marks)
{
  guint i;

  if (n_marks == 0)
    return FALSE;

  if (marks[n_marks - 1].status != SB_INCIDENT_CANCELLED &&
      marks[n_marks - 1].status != SB_INCIDENT_DUPLICATE)
    return FALSE;

  for (i = 0; i < n_marks; i++)
    if (marks[i].status == SB_INCIDENT_RESOLVED || marks[i].status == SB_INCIDENT_CLOSED)
      return FALSE;

  return TRUE;
}

static void
sla_set_none (SbSla *out)
{
  out->response.state = SB_SLA_STATE_NONE;
  out->resolution.state = SB_SLA_STATE_NONE;
  out->state = SB_SLA_STATE_NONE;
}

static gboolean
compute_for (const ServiceSla   *s,
             guint               priority,
             gint64              opened_ms,
             gint64              responded_ms,
             const SbStatusMark *marks,
             guint               n_marks,
             gint64              now_ms,
             SbSla              *out,
             GError            **error)
{
  SbSlaSegment stack[STACK_SEGMENTS];
  g_autofree SbSlaSegment *heap = NULL;
  SbSlaSegment *segments = stack;
  gint64 response = 0, resolution = 0;
  guint n = 0;
  guint i;

  if (n_marks + 1 > STACK_SEGMENTS)
    segments = heap = g_new (SbSlaSegment, n_marks + 1);

  segments[n].start_ms = opened_ms;
  segments[n].kind = SB_SLA_RUNNING;
  n++;

  for (i = 0; i < n_marks; i++)
    {
      /* A status entry dated before the opening (an import, a clock
       * gone wrong) counts from the opening: the order must hold. */
      segments[n].start_ms = MAX (marks[i].at_ms, segments[n - 1].start_ms);
      segments[n].kind = segment_kind (s, &marks[i]);
      n++;
    }

  if (priority >= 1 && priority <= N_PRIORITIES)
    {
      response = s->response[priority - 1];
      resolution = s->resolution[priority - 1];
    }

  if (!sb_sla_cache_compute (s->cache, segments, n, responded_ms, response, resolution,
                       now_ms, out, error))
    return FALSE;

  if (ended_without_resolution (marks, n_marks))
    sla_set_none (out);

  return TRUE;
}

static const ServiceSla *
context_lookup (SbSlaContext *ctx, const char *service_id)
{
  const ServiceSla *s = NULL;

  if (service_id != NULL)
    s = g_hash_table_lookup (ctx->services, service_id);

  return s != NULL ? s : &ctx->fallback;
}

/**
 * sb_sla_context_compute:
 * @ctx: a context
 * @service_id: (nullable): the incident's service; %NULL or unknown means
 *   24×7 without targets
 * @priority: 1–5
 * @opened_ms: when the incident was logged
 * @responded_ms: the first response, or %SB_SLA_NO_TIME
 * @marks: (array length=n_marks) (nullable): the status entries, oldest first
 * @n_marks: how many
 * @now_ms: the instant to compute at
 * @out: (out caller-allocates): the clocks
 * @error: a calendar without open hours
 *
 * Computes an incident's clocks with what the context read. An incident
 * cancelled or marked a duplicate without being resolved has state
 * %SB_SLA_STATE_NONE.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_sla_context_compute (SbSlaContext       *ctx,
                        const char         *service_id,
                        guint               priority,
                        gint64              opened_ms,
                        gint64              responded_ms,
                        const SbStatusMark *marks,
                        guint               n_marks,
                        gint64              now_ms,
                        SbSla              *out,
                        GError            **error)
{
  g_return_val_if_fail (ctx != NULL, FALSE);
  g_return_val_if_fail (marks != NULL || n_marks == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return compute_for (context_lookup (ctx, service_id), priority, opened_ms, responded_ms,
                      marks, n_marks, now_ms, out, error);
}

/* Instants {{{1 */

static inline gboolean
two_digits (const char *p, guint *out)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  *out = (guint) (p[0] - '0') * 10 + (guint) (p[1] - '0');
  return TRUE;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static gint64
days_from_civil (gint64 y, guint m, guint d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/* The store's own form "2026-11-21T09:30:00.000Z" read without any
 * allocation; anything else goes through sb_time_parse_instant(). */
static gboolean
parse_instant (const char *text, int length, gint64 *out_ms)
{
  guint c1, c2, month, day, hour, minute, second, ms_hi, ms_lo;

  if (text == NULL)
    return FALSE;

  if (length == 24 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
      text[13] == ':' && text[16] == ':' && text[19] == '.' && text[23] == 'Z' &&
      two_digits (text, &c1) && two_digits (text + 2, &c2) &&
      two_digits (text + 5, &month) && two_digits (text + 8, &day) &&
      two_digits (text + 11, &hour) && two_digits (text + 14, &minute) &&
      two_digits (text + 17, &second) && two_digits (text + 20, &ms_hi) &&
      g_ascii_isdigit (text[22]) &&
      month >= 1 && month <= 12 && day >= 1 && day <= 28 &&
      hour < 24 && minute < 60 && second < 60)
    {
      gint64 days = days_from_civil (c1 * 100 + c2, month, day);

      ms_lo = (guint) (text[22] - '0');
      *out_ms = ((days * 86400 + hour * 3600 + minute * 60 + second) * 1000) +
                ms_hi * 10 + ms_lo;
      return TRUE;
    }

  /* Days 29 to 31 need the month's length checked: the full parser. */
  return sb_time_parse_instant (text, out_ms, NULL);
}

static gint64
column_instant (sqlite3_stmt *stmt, int column)
{
  gint64 ms;

  if (!parse_instant ((const char *) sqlite3_column_text (stmt, column),
                      sqlite3_column_bytes (stmt, column), &ms))
    return SB_SLA_NO_TIME;

  return ms;
}

/* Fills @mark from a status row (at, new_value, body at @column…); FALSE
 * when the row does not say anything the clock can use. */
static gboolean
mark_from_row (sqlite3_stmt *stmt, int column, SbStatusMark *mark)
{
  const char *status = (const char *) sqlite3_column_text (stmt, column + 1);

  mark->at_ms = column_instant (stmt, column);
  if (mark->at_ms == SB_SLA_NO_TIME || !sb_incident_status_from_string (status, &mark->status))
    return FALSE;

  mark->hold_reason = NULL;
  if (mark->status == SB_INCIDENT_ON_HOLD)
    {
      /* Point at our own copy of the reason: the row's text is gone
       * after the next step. */
      const char *body = (const char *) sqlite3_column_text (stmt, column + 2);
      int index = hold_reason_index (body, body != NULL ? strlen (body) : 0);

      if (index >= 0)
        mark->hold_reason = sb_incident_get_hold_reasons ()[index];
    }

  return TRUE;
}

/* Open incidents, many at once {{{1 */

typedef struct
{
  gint64 rowid;   /* first: the key points here, and frees the whole entry */
  SbSla  sla;
} OpenSla;

#define OPEN_STATUSES "('new', 'in-progress', 'on-hold')"

/**
 * sb_incidents_compute_open_slas:
 *
 * See sb-incidents-private.h. One query gives every open incident with
 * its status entries, one row per entry (or one row without any), in
 * rowid order: reading each incident once is cheaper than reading it for
 * the incidents and again to find their entries. The clocks of an
 * incident whose calendar has no business hours are left with state
 * %SB_SLA_STATE_NONE.
 *
 * Returns: (transfer full) (nullable): rowid → #SbSla
 */
GHashTable *
sb_incidents_compute_open_slas (SbStore *store, gint64 now_ms, GError **error)
{
  g_autoptr (SbSlaContext) ctx = NULL;
  g_autoptr (GHashTable) result = NULL;
  g_autoptr (GArray) marks = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (now_ms == SB_SLA_NO_TIME)
    now_ms = sb_store_now_ms (store);

  ctx = sb_sla_context_new (store, error);
  if (ctx == NULL)
    return NULL;

  stmt = sb_store_prepare (store,
                           "SELECT i.rowid, i.service_id, i.priority, i.opened_at, i.responded_at, "
                           "e.at, e.new_value, e.body "
                           "FROM incident i LEFT JOIN incident_event e "
                           "ON e.incident_id = i.id AND e.kind = 'status' AND e.deleted = 0 "
                           "WHERE i.deleted = 0 AND i.status IN " OPEN_STATUSES
                           " ORDER BY i.rowid, e.at, e.rowid",
                           error);
  if (stmt == NULL)
    return NULL;

  result = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  marks = g_array_sized_new (FALSE, FALSE, sizeof (SbStatusMark), 16);

  rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      /* Read the incident's own columns before the next step. */
      const ServiceSla *service = context_lookup (ctx, (const char *) sqlite3_column_text (stmt, 1));
      guint priority = (guint) sqlite3_column_int (stmt, 2);
      gint64 opened_ms = column_instant (stmt, 3);
      gint64 responded_ms = column_instant (stmt, 4);
      OpenSla *entry;

      g_array_set_size (marks, 0);
      do
        {
          SbStatusMark mark;

          if (sqlite3_column_type (stmt, 5) != SQLITE_NULL && mark_from_row (stmt, 5, &mark))
            g_array_append_val (marks, mark);
          rc = sqlite3_step (stmt);
        }
      while (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == rowid);

      entry = g_new (OpenSla, 1);
      entry->rowid = rowid;
      if (!compute_for (service, priority, opened_ms, responded_ms,
                        (const SbStatusMark *) (gpointer) marks->data, marks->len,
                        now_ms, &entry->sla, NULL))
        {
          /* A calendar that never opens: no clock can be shown. */
          memset (&entry->sla, 0, sizeof entry->sla);
          sla_set_none (&entry->sla);
        }
      g_hash_table_insert (result, &entry->rowid, &entry->sla);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      step_failed (store, rc, _ ("Reading the open incidents and their status history"), error);
      return NULL;
    }

  return g_steal_pointer (&result);
}

/* One incident {{{1 */

/**
 * sb_incidents_get_sla:
 *
 * See sb-incidents.h.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_incidents_get_sla (SbStore    *store,
                      SbIncident *incident,
                      gint64      now_ms,
                      SbSla      *out,
                      GError    **error)
{
  g_autoptr (SbSlaContext) ctx = NULL;
  g_autoptr (GArray) marks = NULL;
  const char *service_id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (SB_IS_INCIDENT (incident), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (now_ms == SB_INCIDENT_NO_TIME)
    now_ms = sb_store_now_ms (store);

  service_id = sb_incident_get_service_id (incident);
  ctx = context_new (store, FALSE, service_id, error);
  if (ctx == NULL)
    return FALSE;

  marks = g_array_new (FALSE, FALSE, sizeof (SbStatusMark));
  if (sb_incident_get_id (incident) != NULL)
    {
      stmt = sb_store_prepare (store,
                               "SELECT at, new_value, body FROM incident_event "
                               "WHERE incident_id = ? AND kind = 'status' AND deleted = 0 "
                               "ORDER BY at, rowid",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, sb_incident_get_id (incident), -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SbStatusMark mark;

          if (mark_from_row (stmt, 0, &mark))
            g_array_append_val (marks, mark);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        return step_failed (store, rc, _ ("Reading the status history of an incident"), error);
    }

  return compute_for (context_lookup (ctx, service_id), sb_incident_get_priority (incident),
                      sb_incident_get_opened_ms (incident),
                      sb_incident_get_responded_ms (incident),
                      (const SbStatusMark *) (gpointer) marks->data, marks->len,
                      now_ms, out, error);
}

/* Needs attention {{{1 */

/**
 * sb_incidents_get_attention:
 *
 * See sb-incidents.h. Fill @out; clear it with
 * sb_incident_attention_clear().
 *
 * Returns: %TRUE on success
 */
gboolean
sb_incidents_get_attention (SbStore             *store,
                            gint64               now_ms,
                            SbIncidentAttention *out,
                            GError             **error)
{
  g_autoptr (GHashTable) slas = NULL;
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->oldest_open_ms = SB_INCIDENT_NO_TIME;

  slas = sb_incidents_compute_open_slas (store, now_ms, error);
  if (slas == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, slas);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const SbSla *sla = value;

      if (sla->state == SB_SLA_STATE_BREACHED)
        out->n_breached++;
      else if (sla->state == SB_SLA_STATE_AT_RISK)
        out->n_at_risk++;
    }

  stmt = sb_store_prepare (store,
                           "SELECT count(*), coalesce (sum (major <> 0), 0), "
                           "coalesce (sum (status = 'on-hold'), 0) "
                           "FROM incident WHERE deleted = 0 AND status IN " OPEN_STATUSES,
                           error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->n_open = (guint) sqlite3_column_int64 (stmt, 0);
      out->n_major = (guint) sqlite3_column_int64 (stmt, 1);
      out->n_on_hold = (guint) sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return step_failed (store, rc, _ ("Counting the open incidents"), error);

  stmt = sb_store_prepare (store,
                           "SELECT id, reference, title, opened_at FROM incident "
                           "WHERE deleted = 0 AND status IN " OPEN_STATUSES
                           " ORDER BY opened_at, rowid LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->oldest_open_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      out->oldest_open_reference = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      out->oldest_open_title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      out->oldest_open_ms = column_instant (stmt, 3);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sb_incident_attention_clear (out);
      return step_failed (store, rc, _ ("Finding the oldest open incident"), error);
    }

  return TRUE;
}

/**
 * sb_incident_attention_clear:
 * @attention: what sb_incidents_get_attention() filled
 *
 * Frees the strings and resets the counts.
 */
void
sb_incident_attention_clear (SbIncidentAttention *attention)
{
  g_return_if_fail (attention != NULL);

  g_free (attention->oldest_open_id);
  g_free (attention->oldest_open_reference);
  g_free (attention->oldest_open_title);
  memset (attention, 0, sizeof *attention);
  attention->oldest_open_ms = SB_INCIDENT_NO_TIME;
}
