/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-incident-list.h"
#include "sb-incidents-private.h"
#include "sb-time.h"

/*
 * Finding incidents: the filter value, the full-text query made safe, and
 * the one SQL query that turns a filter into incident rowids in sort
 * order. User values are always bound, never pasted into the SQL. The
 * SLA states are not stored, so a filter on them computes the clocks of
 * the candidates the SQL query found, and keeps their order.
 */

#define MS_PER_DAY (G_GINT64_CONSTANT (86400000))
#define RECENT_DAYS 7

/* Status marks are read for this many incidents per statement; the
 * statement has a fixed number of placeholders so it is prepared once. */
#define MARKS_CHUNK 100

G_DEFINE_BOXED_TYPE (SbIncidentFilter, sb_incident_filter,
                     sb_incident_filter_copy, sb_incident_filter_free)

/* Filter value */

/**
 * sb_incident_filter_new:
 *
 * A filter that matches every live incident, newest opened first.
 *
 * Returns: (transfer full): the filter
 */
SbIncidentFilter *
sb_incident_filter_new (void)
{
  SbIncidentFilter *filter = g_new0 (SbIncidentFilter, 1);

  filter->view = SB_INCIDENT_VIEW_ALL;
  filter->opened_from_ms = SB_SLA_NO_TIME;
  filter->opened_to_ms = SB_SLA_NO_TIME;
  filter->sort = SB_INCIDENT_SORT_OPENED;
  filter->descending = TRUE;

  return filter;
}

SbIncidentFilter *
sb_incident_filter_copy (const SbIncidentFilter *filter)
{
  SbIncidentFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->text = g_strdup (filter->text);
  copy->service_id = g_strdup (filter->service_id);
  copy->customer_id = g_strdup (filter->customer_id);

  return copy;
}

void
sb_incident_filter_free (SbIncidentFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->text);
  g_free (filter->service_id);
  g_free (filter->customer_id);
  g_free (filter);
}

gboolean
sb_incident_filter_equal (const SbIncidentFilter *a,
                          const SbIncidentFilter *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->view == b->view &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->statuses == b->statuses &&
         a->priorities == b->priorities &&
         g_strcmp0 (a->service_id, b->service_id) == 0 &&
         g_strcmp0 (a->customer_id, b->customer_id) == 0 &&
         a->sla_states == b->sla_states &&
         a->opened_from_ms == b->opened_from_ms &&
         a->opened_to_ms == b->opened_to_ms &&
         a->sort == b->sort &&
         !a->descending == !b->descending;
}

const char *
sb_incident_view_get_label (SbIncidentView view)
{
  switch (view)
    {
    case SB_INCIDENT_VIEW_OPEN:
      return _("Open");
    case SB_INCIDENT_VIEW_AT_RISK:
      return _("At risk");
    case SB_INCIDENT_VIEW_BREACHED:
      return _("Breached");
    case SB_INCIDENT_VIEW_MAJOR:
      return _("Major");
    case SB_INCIDENT_VIEW_RECENTLY_RESOLVED:
      return _("Recently resolved");
    case SB_INCIDENT_VIEW_ALL:
    default:
      return _("All incidents");
    }
}

/* Full-text query */

static gboolean
word_is_searchable (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

/**
 * sb_incident_fts_query:
 * @text: what the user typed
 *
 * Makes an FTS5 query that cannot be a syntax error: each word becomes
 * an FTS5 string (inner double quotes doubled), the last one a prefix,
 * all ANDed. Words without a letter or digit carry no token and are left
 * out.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text has
 *   no searchable word
 */
char *
sb_incident_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  guint n_words = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  words = g_strsplit_set (text, " \t\r\n\f\v", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!word_is_searchable (words[i]))
        continue;

      if (n_words > 0)
        g_string_append (query, " AND ");
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
      n_words++;
    }

  if (n_words == 0)
    return NULL;

  g_string_append_c (query, '*');

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* SQL building */

typedef struct
{
  gboolean  is_text;
  gint64    number;
  char     *text;
} Bind;

typedef struct
{
  GString *sql;
  GArray  *binds;
} Query;

static void
bind_clear (gpointer data)
{
  Bind *bind = data;

  g_free (bind->text);
}

static void
query_init (Query *q)
{
  q->sql = g_string_new (NULL);
  q->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (q->binds, bind_clear);
}

static void
query_clear (Query *q)
{
  g_string_free (q->sql, TRUE);
  g_array_unref (q->binds);
}

static void
query_bind_text (Query      *q,
                 const char *text)
{
  Bind bind = { TRUE, 0, g_strdup (text) };

  g_array_append_val (q->binds, bind);
}

static void
query_bind_int (Query  *q,
                gint64  number)
{
  Bind bind = { FALSE, number, NULL };

  g_array_append_val (q->binds, bind);
}

static void
query_bind_instant (Query  *q,
                    gint64  ms)
{
  g_autofree char *text = sb_time_format_instant (CLAMP (ms, SB_TIME_MIN_MS, SB_TIME_MAX_MS));

  query_bind_text (q, text);
}

static void
query_bind_all (Query        *q,
                sqlite3_stmt *stmt)
{
  for (guint i = 0; i < q->binds->len; i++)
    {
      const Bind *bind = &g_array_index (q->binds, Bind, i);

      if (bind->is_text)
        sqlite3_bind_text (stmt, i + 1, bind->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, bind->number);
    }
}

static const char *
sort_direction (const SbIncidentFilter *filter)
{
  return filter->descending ? " DESC" : " ASC";
}

static void
append_order_by (Query                  *q,
                 const SbIncidentFilter *filter)
{
  const char *dir = sort_direction (filter);

  g_string_append (q->sql, " ORDER BY ");

  /* The same direction for every key: an index on (key, opened_at)
   * then serves both directions without a sort step. */
  switch (filter->sort)
    {
    case SB_INCIDENT_SORT_PRIORITY:
      g_string_append_printf (q->sql, "i.priority%s, i.opened_at%s, i.rowid%s", dir, dir, dir);
      break;
    case SB_INCIDENT_SORT_REFERENCE:
      g_string_append_printf (q->sql, "i.reference%s", dir);
      break;
    case SB_INCIDENT_SORT_TITLE:
      g_string_append_printf (q->sql, "i.title COLLATE NOCASE%s, i.rowid%s", dir, dir);
      break;
    case SB_INCIDENT_SORT_STATUS:
      g_string_append_printf (q->sql,
                              "CASE i.status WHEN 'new' THEN 0 WHEN 'in-progress' THEN 1 "
                              "WHEN 'on-hold' THEN 2 WHEN 'resolved' THEN 3 WHEN 'closed' THEN 4 "
                              "WHEN 'cancelled' THEN 5 ELSE 6 END%s, i.opened_at%s, i.rowid%s",
                              dir, dir, dir);
      break;
    case SB_INCIDENT_SORT_SERVICE:
      g_string_append_printf (q->sql, "s.code%s, i.opened_at%s, i.rowid%s", dir, dir, dir);
      break;
    case SB_INCIDENT_SORT_CUSTOMER:
      g_string_append_printf (q->sql, "c.name COLLATE NOCASE%s, i.opened_at%s, i.rowid%s",
                              dir, dir, dir);
      break;
    case SB_INCIDENT_SORT_UPDATED:
      g_string_append_printf (q->sql, "i.updated_at%s, i.rowid%s", dir, dir);
      break;
    case SB_INCIDENT_SORT_OPENED:
    default:
      g_string_append_printf (q->sql, "i.opened_at%s, i.rowid%s", dir, dir);
      break;
    }
}

static gboolean
filter_needs_sla (const SbIncidentFilter *filter)
{
  return filter->view == SB_INCIDENT_VIEW_AT_RISK ||
         filter->view == SB_INCIDENT_VIEW_BREACHED ||
         filter->sla_states != 0;
}

static void
append_text_source (Query      *q,
                    const char *text)
{
  g_autofree char *fts = sb_incident_fts_query (text);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *upper = g_ascii_strup (trimmed, -1);
  gboolean first = TRUE;

  /* The matches are gathered first and drive the join: a search usually
   * finds few incidents, and scanning all of them in sort order to test
   * each would cost more than sorting the few. */
  g_string_append (q->sql, "WITH m (rid) AS MATERIALIZED (");
  if (fts != NULL)
    {
      g_string_append (q->sql,
                       "SELECT rowid FROM incident_fts WHERE incident_fts MATCH ? "
                       "UNION SELECT i2.rowid FROM incident_note_fts n "
                       "JOIN incident_event e ON e.rowid = n.rowid "
                       "JOIN incident i2 ON i2.id = e.incident_id "
                       "WHERE incident_note_fts MATCH ? AND e.deleted = 0");
      query_bind_text (q, fts);
      query_bind_text (q, fts);
      first = FALSE;
    }

  /* A reference typed whole, as shown or in capitals. */
  if (!first)
    g_string_append (q->sql, " UNION ");
  g_string_append (q->sql, "SELECT rowid FROM incident WHERE reference IN (?, ?)");
  query_bind_text (q, trimmed);
  query_bind_text (q, upper);

  g_string_append (q->sql, ") ");
}

static void
append_in_list (Query      *q,
                const char *column,
                guint       n)
{
  g_string_append_printf (q->sql, " AND %s IN (", column);
  for (guint i = 0; i < n; i++)
    g_string_append (q->sql, i == 0 ? "?" : ", ?");
  g_string_append_c (q->sql, ')');
}

#define STATUS_BIT(s) (1u << (s))
#define ALL_STATUSES ((1u << SB_INCIDENT_N_STATUSES) - 1)
#define OPEN_STATUSES (STATUS_BIT (SB_INCIDENT_NEW) | STATUS_BIT (SB_INCIDENT_IN_PROGRESS) | \
                       STATUS_BIT (SB_INCIDENT_ON_HOLD))
#define FINAL_STATUSES (STATUS_BIT (SB_INCIDENT_CLOSED) | STATUS_BIT (SB_INCIDENT_CANCELLED) | \
                        STATUS_BIT (SB_INCIDENT_DUPLICATE))

/* The statuses a view can show; the filter's own statuses narrow them. */
static guint
view_statuses (SbIncidentView view)
{
  switch (view)
    {
    case SB_INCIDENT_VIEW_OPEN:
    case SB_INCIDENT_VIEW_AT_RISK:
    case SB_INCIDENT_VIEW_BREACHED:
      return OPEN_STATUSES;
    case SB_INCIDENT_VIEW_MAJOR:
      return ALL_STATUSES & ~FINAL_STATUSES;
    case SB_INCIDENT_VIEW_RECENTLY_RESOLVED:
      return STATUS_BIT (SB_INCIDENT_RESOLVED) | STATUS_BIT (SB_INCIDENT_CLOSED);
    case SB_INCIDENT_VIEW_ALL:
    default:
      return ALL_STATUSES;
    }
}

/* Builds the query for @filter: its columns are the rowid, then (with
 * @with_sla_columns) id, service_id, priority, opened_at, responded_at. */
static void
build_query (Query                  *q,
             const SbIncidentFilter *filter,
             gint64                  now_ms,
             gboolean                with_sla_columns)
{
  g_autofree char *trimmed = filter->text != NULL ? g_strstrip (g_strdup (filter->text)) : NULL;
  gboolean has_text = trimmed != NULL && *trimmed != '\0';
  guint statuses = view_statuses (filter->view);
  guint n;

  if (filter->statuses != 0)
    statuses &= filter->statuses;

  if (has_text)
    append_text_source (q, filter->text);

  g_string_append (q->sql, "SELECT i.rowid");
  if (with_sla_columns)
    g_string_append (q->sql, ", i.id, i.service_id, i.priority, i.opened_at, i.responded_at");
  g_string_append (q->sql, has_text ? " FROM m CROSS JOIN incident i" : " FROM incident i");
  /* Open incidents are a small part of a long log: finding them by
   * status and sorting them beats walking the whole log in sort order,
   * which is what the planner picks without statistics. */
  if (!has_text && statuses != 0 && (statuses & FINAL_STATUSES) == 0)
    g_string_append (q->sql, " INDEXED BY incident_status");
  if (filter->sort == SB_INCIDENT_SORT_SERVICE)
    g_string_append (q->sql, " LEFT JOIN service s ON s.id = i.service_id");
  if (filter->sort == SB_INCIDENT_SORT_CUSTOMER)
    g_string_append (q->sql, " LEFT JOIN customer c ON c.id = i.customer_id");

  g_string_append (q->sql, " WHERE i.deleted = 0");
  if (has_text)
    g_string_append (q->sql, " AND i.rowid = m.rid");

  if (filter->view == SB_INCIDENT_VIEW_MAJOR)
    g_string_append (q->sql, " AND i.major = 1");
  if (filter->view == SB_INCIDENT_VIEW_RECENTLY_RESOLVED)
    {
      g_string_append (q->sql, " AND i.resolved_at >= ? AND i.resolved_at <= ?");
      query_bind_instant (q, now_ms - RECENT_DAYS * MS_PER_DAY);
      query_bind_instant (q, now_ms);
    }

  if (statuses != ALL_STATUSES)
    {
      n = 0;
      for (guint s = 0; s < SB_INCIDENT_N_STATUSES; s++)
        {
          if (statuses & (1u << s))
            {
              query_bind_text (q, sb_incident_status_to_string (s));
              n++;
            }
        }
      if (n > 0)
        append_in_list (q, "i.status", n);
      else
        g_string_append (q->sql, " AND 0");
    }

  if (filter->priorities != 0)
    {
      n = 0;
      for (guint p = 1; p <= 5; p++)
        {
          if (filter->priorities & (1u << p))
            {
              query_bind_int (q, p);
              n++;
            }
        }
      if (n > 0)
        append_in_list (q, "i.priority", n);
      else
        g_string_append (q->sql, " AND 0");
    }

  if (filter->service_id != NULL)
    {
      g_string_append (q->sql, " AND i.service_id = ?");
      query_bind_text (q, filter->service_id);
    }

  if (filter->customer_id != NULL)
    {
      g_string_append (q->sql, " AND i.customer_id = ?");
      query_bind_text (q, filter->customer_id);
    }

  if (filter->opened_from_ms != SB_SLA_NO_TIME)
    {
      g_string_append (q->sql, " AND i.opened_at >= ?");
      query_bind_instant (q, filter->opened_from_ms);
    }

  if (filter->opened_to_ms != SB_SLA_NO_TIME)
    {
      g_string_append (q->sql, " AND i.opened_at < ?");
      query_bind_instant (q, filter->opened_to_ms);
    }

  append_order_by (q, filter);
}

static sqlite3_stmt *
prepare_query (SbStore  *store,
               Query    *q,
               GError  **error)
{
  sqlite3 *db = sb_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Not through the statement cache: filters make many distinct texts. */
  rc = sqlite3_prepare_v2 (db, q->sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sb_store_set_error_from_sqlite (error, db, rc, _("Finding incidents"));
      return NULL;
    }
  query_bind_all (q, stmt);

  return stmt;
}

/* Status marks */

static void
marks_free (gpointer data)
{
  g_array_unref (data);
}

/**
 * sb_incident_read_marks:
 * @store: the store
 * @rowids: (array length=n_rowids): incident rowids
 * @n_rowids: how many
 * @error: a SQLite failure
 *
 * Reads the status timeline entries of the incidents, oldest first.
 *
 * Returns: (transfer full) (nullable): rowid (gint64 *) → GArray of
 *   #SbStatusMark (hold reasons interned); incidents without a status
 *   entry have none
 */
GHashTable *
sb_incident_read_marks (SbStore       *store,
                        const gint64  *rowids,
                        guint          n_rowids,
                        GError       **error)
{
  g_autoptr(GHashTable) marks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, marks_free);
  static gsize sql_once = 0;
  static const char *sql = NULL;

  if (g_once_init_enter (&sql_once))
    {
      GString *text = g_string_new ("SELECT i.rowid, e.at, e.new_value, e.body "
                                    "FROM incident i JOIN incident_event e ON e.incident_id = i.id "
                                    "WHERE e.kind = 'status' AND e.deleted = 0 AND i.rowid IN (");

      for (guint i = 0; i < MARKS_CHUNK; i++)
        g_string_append (text, i == 0 ? "?" : ", ?");
      g_string_append (text, ") ORDER BY i.rowid, e.at, e.rowid");
      sql = g_string_free (text, FALSE);
      g_once_init_leave (&sql_once, 1);
    }

  for (guint start = 0; start < n_rowids; start += MARKS_CHUNK)
    {
      sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;

      for (guint i = 0; i < MARKS_CHUNK; i++)
        {
          if (start + i < n_rowids)
            sqlite3_bind_int64 (stmt, i + 1, rowids[start + i]);
          else
            sqlite3_bind_null (stmt, i + 1);
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);
          const char *status_text = (const char *)sqlite3_column_text (stmt, 2);
          SbStatusMark mark = { 0, };
          GArray *list;

          if (!sb_time_parse_instant ((const char *)sqlite3_column_text (stmt, 1), &mark.at_ms, NULL) ||
              !sb_incident_status_from_string (status_text, &mark.status))
            continue;
          if (mark.status == SB_INCIDENT_ON_HOLD)
            mark.hold_reason = g_intern_string ((const char *)sqlite3_column_text (stmt, 3));

          list = g_hash_table_lookup (marks, &rowid);
          if (list == NULL)
            {
              list = g_array_new (FALSE, TRUE, sizeof (SbStatusMark));
              g_hash_table_insert (marks, g_memdup2 (&rowid, sizeof rowid), list);
            }
          g_array_append_val (list, mark);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc,
                                          _("Reading the status history of incidents"));
          return NULL;
        }
    }

  return g_steal_pointer (&marks);
}

/* The query */

typedef struct
{
  gint64  rowid;
  char   *id;
  char   *service_id;
  guint   priority;
  gint64  opened_ms;
  gint64  responded_ms;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_free (c->id);
  g_free (c->service_id);
}

static gint64
column_instant (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  gint64 ms;

  if (text == NULL || !sb_time_parse_instant (text, &ms, NULL))
    return SB_SLA_NO_TIME;

  return ms;
}

static gboolean
sla_state_wanted (const SbIncidentFilter *filter,
                  SbSlaState              state)
{
  if (filter->view == SB_INCIDENT_VIEW_AT_RISK && state != SB_SLA_STATE_AT_RISK)
    return FALSE;
  if (filter->view == SB_INCIDENT_VIEW_BREACHED && state != SB_SLA_STATE_BREACHED)
    return FALSE;
  if (filter->sla_states != 0 && (filter->sla_states & (1u << state)) == 0)
    return FALSE;

  return TRUE;
}

/* Keeps the candidates (in their order) whose SLA state the filter wants. */
static GArray *
filter_by_sla (SbStore                *store,
               const SbIncidentFilter *filter,
               GArray                 *candidates,
               gint64                  now_ms,
               GError                **error)
{
  g_autoptr(SbSlaContext) ctx = NULL;
  g_autoptr(GArray) rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), candidates->len);
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) marks = NULL;

  if (candidates->len == 0)
    return g_steal_pointer (&result);

  ctx = sb_sla_context_new (store, error);
  if (ctx == NULL)
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    g_array_append_val (rowids, g_array_index (candidates, Candidate, i).rowid);
  marks = sb_incident_read_marks (store, (const gint64 *)(gpointer)rowids->data, rowids->len, error);
  if (marks == NULL)
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      GArray *list = g_hash_table_lookup (marks, &c->rowid);
      g_autoptr(GError) local_error = NULL;
      SbSla sla = { 0, };

      /* A clock that cannot be computed (a calendar without open hours)
       * has no state; the incident is still listed under "no target". */
      if (!sb_sla_context_compute (ctx, c->service_id, c->priority, c->opened_ms, c->responded_ms,
                                   list != NULL ? (const SbStatusMark *)(gpointer)list->data : NULL,
                                   list != NULL ? list->len : 0,
                                   now_ms, &sla, &local_error))
        {
          g_debug ("No SLA for incident %s: %s", c->id, local_error->message);
          sla.state = SB_SLA_STATE_NONE;
        }

      if (sla_state_wanted (filter, sla.state))
        g_array_append_val (result, c->rowid);
    }

  return g_steal_pointer (&result);
}

GArray *
sb_incidents_query_rowids (SbStore                *store,
                           const SbIncidentFilter *filter,
                           gint64                  now_ms,
                           GError                **error)
{
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GArray) candidates = NULL;
  gboolean with_sla = FALSE;
  sqlite3_stmt *stmt;
  Query q;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (now_ms == SB_SLA_NO_TIME)
    now_ms = sb_store_now_ms (store);

  with_sla = filter_needs_sla (filter);

  query_init (&q);
  build_query (&q, filter, now_ms, with_sla);
  stmt = prepare_query (store, &q, error);
  query_clear (&q);
  if (stmt == NULL)
    return NULL;

  rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (with_sla)
    {
      candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
      g_array_set_clear_func (candidates, candidate_clear);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      if (!with_sla)
        {
          g_array_append_val (rowids, rowid);
          continue;
        }
      else
        {
          Candidate c = {
            rowid,
            g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
            g_strdup ((const char *)sqlite3_column_text (stmt, 2)),
            sqlite3_column_int (stmt, 3),
            column_instant (stmt, 4),
            column_instant (stmt, 5),
          };

          g_array_append_val (candidates, c);
        }
    }

  if (rc != SQLITE_DONE)
    {
      sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc, _("Finding incidents"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  if (with_sla)
    return filter_by_sla (store, filter, candidates, now_ms, error);

  return g_steal_pointer (&rowids);
}

/**
 * sb_incidents_query_explain:
 * @store: the store
 * @filter: a filter
 * @now_ms: as for sb_incidents_query_rowids()
 * @error: a SQLite failure
 *
 * The query plan of the SQL step of sb_incidents_query_rowids(), one
 * line per step, for tests and benchmarks that check an index is used.
 *
 * Returns: (transfer full) (nullable): the plan
 */
char *
sb_incidents_query_explain (SbStore                *store,
                            const SbIncidentFilter *filter,
                            gint64                  now_ms,
                            GError                **error)
{
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt;
  Query q;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (now_ms == SB_SLA_NO_TIME)
    now_ms = sb_store_now_ms (store);

  query_init (&q);
  g_string_append (q.sql, "EXPLAIN QUERY PLAN ");
  build_query (&q, filter, now_ms, filter_needs_sla (filter));
  stmt = prepare_query (store, &q, error);
  query_clear (&q);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *)sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc, _("Finding incidents"));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&plan), FALSE);
}
