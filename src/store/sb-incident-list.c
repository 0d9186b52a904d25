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
 * The incident list as a GListModel: the matching rowids (8 bytes per
 * incident) and a few pages of rows read on demand. A page is read with
 * one query that has a fixed number of placeholders, so its statement is
 * prepared once; the least recently used page is dropped when the cache
 * is full.
 */

#define PAGE_SIZE 50
#define MAX_PAGES 10   /* at most 500 rows cached */

/* SbIncidentRow */

struct _SbIncidentRow
{
  GObject           parent_instance;

  gint64            rowid;
  char             *id;
  char             *reference;
  char             *title;
  SbIncidentStatus  status;
  char             *hold_reason;
  guint             priority;
  guint             impact;
  guint             urgency;
  gboolean          major;
  char             *service_id;
  char             *service_code;
  char             *service_name;
  char             *customer_name;
  char             *contact;
  gint64            opened_ms;
  gint64            updated_ms;
  gint64            responded_ms;
  GArray           *marks;        /* of SbStatusMark; NULL: none */
  SbSla             sla;
  char             *sla_text;
};

enum
{
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_REFERENCE,
  ROW_PROP_TITLE,
  ROW_PROP_STATUS,
  ROW_PROP_STATUS_LABEL,
  ROW_PROP_HOLD_REASON,
  ROW_PROP_PRIORITY,
  ROW_PROP_IMPACT,
  ROW_PROP_URGENCY,
  ROW_PROP_MAJOR,
  ROW_PROP_SERVICE_CODE,
  ROW_PROP_SERVICE_NAME,
  ROW_PROP_CUSTOMER_NAME,
  ROW_PROP_CONTACT,
  ROW_PROP_OPENED_MS,
  ROW_PROP_UPDATED_MS,
  ROW_PROP_SLA_STATE,
  ROW_PROP_SLA_TEXT,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

G_DEFINE_FINAL_TYPE (SbIncidentRow, sb_incident_row, G_TYPE_OBJECT)

static void
sb_incident_row_finalize (GObject *object)
{
  SbIncidentRow *self = SB_INCIDENT_ROW (object);

  g_free (self->id);
  g_free (self->reference);
  g_free (self->title);
  g_free (self->hold_reason);
  g_free (self->service_id);
  g_free (self->service_code);
  g_free (self->service_name);
  g_free (self->customer_name);
  g_free (self->contact);
  g_clear_pointer (&self->marks, g_array_unref);
  g_free (self->sla_text);

  G_OBJECT_CLASS (sb_incident_row_parent_class)->finalize (object);
}

static void
sb_incident_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SbIncidentRow *self = SB_INCIDENT_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case ROW_PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case ROW_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ROW_PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case ROW_PROP_STATUS_LABEL:
      g_value_set_string (value, sb_incident_status_get_label (self->status));
      break;
    case ROW_PROP_HOLD_REASON:
      g_value_set_string (value, self->hold_reason);
      break;
    case ROW_PROP_PRIORITY:
      g_value_set_uint (value, self->priority);
      break;
    case ROW_PROP_IMPACT:
      g_value_set_uint (value, self->impact);
      break;
    case ROW_PROP_URGENCY:
      g_value_set_uint (value, self->urgency);
      break;
    case ROW_PROP_MAJOR:
      g_value_set_boolean (value, self->major);
      break;
    case ROW_PROP_SERVICE_CODE:
      g_value_set_string (value, self->service_code);
      break;
    case ROW_PROP_SERVICE_NAME:
      g_value_set_string (value, self->service_name);
      break;
    case ROW_PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;
    case ROW_PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case ROW_PROP_OPENED_MS:
      g_value_set_int64 (value, self->opened_ms);
      break;
    case ROW_PROP_UPDATED_MS:
      g_value_set_int64 (value, self->updated_ms);
      break;
    case ROW_PROP_SLA_STATE:
      g_value_set_int (value, self->sla.state);
      break;
    case ROW_PROP_SLA_TEXT:
      g_value_set_string (value, self->sla_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
row_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
row_uint (const char *name,
          guint       max)
{
  return g_param_spec_uint (name, NULL, NULL, 0, max, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
row_int64 (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, SB_SLA_NO_TIME,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
sb_incident_row_class_init (SbIncidentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_incident_row_finalize;
  object_class->get_property = sb_incident_row_get_property;

  row_properties[ROW_PROP_ID] = row_string ("id");
  row_properties[ROW_PROP_REFERENCE] = row_string ("reference");
  row_properties[ROW_PROP_TITLE] = row_string ("title");
  row_properties[ROW_PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, SB_INCIDENT_N_STATUSES - 1, 0, flags);
  row_properties[ROW_PROP_STATUS_LABEL] = row_string ("status-label");
  row_properties[ROW_PROP_HOLD_REASON] = row_string ("hold-reason");
  row_properties[ROW_PROP_PRIORITY] = row_uint ("priority", 5);
  row_properties[ROW_PROP_IMPACT] = row_uint ("impact", 3);
  row_properties[ROW_PROP_URGENCY] = row_uint ("urgency", 3);
  row_properties[ROW_PROP_MAJOR] = g_param_spec_boolean ("major", NULL, NULL, FALSE, flags);
  row_properties[ROW_PROP_SERVICE_CODE] = row_string ("service-code");
  row_properties[ROW_PROP_SERVICE_NAME] = row_string ("service-name");
  row_properties[ROW_PROP_CUSTOMER_NAME] = row_string ("customer-name");
  row_properties[ROW_PROP_CONTACT] = row_string ("contact");
  row_properties[ROW_PROP_OPENED_MS] = row_int64 ("opened-ms");
  row_properties[ROW_PROP_UPDATED_MS] = row_int64 ("updated-ms");
  row_properties[ROW_PROP_SLA_STATE] =
    g_param_spec_int ("sla-state", NULL, NULL, SB_SLA_STATE_NONE, SB_SLA_STATE_BREACHED,
                      SB_SLA_STATE_NONE, flags);
  row_properties[ROW_PROP_SLA_TEXT] = row_string ("sla-text");

  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
sb_incident_row_init (SbIncidentRow *self)
{
  self->opened_ms = SB_SLA_NO_TIME;
  self->updated_ms = SB_SLA_NO_TIME;
  self->responded_ms = SB_SLA_NO_TIME;
  self->sla_text = g_strdup ("");
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
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

#define ROW_COLUMNS                                                                 \
  "i.rowid, i.id, i.reference, i.title, i.status, i.hold_reason, i.priority, "      \
  "i.impact, i.urgency, i.major, i.service_id, s.code, s.name, c.name, i.contact, " \
  "i.opened_at, i.updated_at, i.responded_at"

static SbIncidentRow *
row_new_from_stmt (sqlite3_stmt *stmt)
{
  SbIncidentRow *self = g_object_new (SB_TYPE_INCIDENT_ROW, NULL);
  SbIncidentStatus status = SB_INCIDENT_NEW;

  self->rowid = sqlite3_column_int64 (stmt, 0);
  self->id = column_dup (stmt, 1);
  self->reference = column_dup (stmt, 2);
  self->title = column_dup (stmt, 3);
  if (sb_incident_status_from_string ((const char *)sqlite3_column_text (stmt, 4), &status))
    self->status = status;
  self->hold_reason = column_dup (stmt, 5);
  self->priority = sqlite3_column_int (stmt, 6);
  self->impact = sqlite3_column_int (stmt, 7);
  self->urgency = sqlite3_column_int (stmt, 8);
  self->major = sqlite3_column_int (stmt, 9) != 0;
  self->service_id = column_dup (stmt, 10);
  self->service_code = column_dup (stmt, 11);
  self->service_name = column_dup (stmt, 12);
  self->customer_name = column_dup (stmt, 13);
  self->contact = column_dup (stmt, 14);
  self->opened_ms = column_instant (stmt, 15);
  self->updated_ms = column_instant (stmt, 16);
  self->responded_ms = column_instant (stmt, 17);

  return self;
}

/* A row for a position whose incident could not be read: the list must
 * not hand out NULL inside its range. */
static SbIncidentRow *
row_new_missing (gint64 rowid)
{
  SbIncidentRow *self = g_object_new (SB_TYPE_INCIDENT_ROW, NULL);

  self->rowid = rowid;
  self->id = g_strdup ("");
  self->reference = g_strdup ("");
  self->title = g_strdup ("");

  return self;
}

static char *
describe_sla (SbIncidentRow *self,
              gint64         now_ms)
{
  const SbSla *sla = &self->sla;
  const SbSlaClock *clock;

  if (sb_incident_status_is_final (self->status))
    {
      if (sla->state != SB_SLA_STATE_BREACHED)
        return g_strdup ("");
      clock = sla->resolution.state == SB_SLA_STATE_BREACHED ? &sla->resolution : &sla->response;
    }
  else if (!sla->response.done && sla->response.target_minutes > 0)
    clock = &sla->response;
  else
    clock = &sla->resolution;

  return sb_sla_clock_describe (clock, now_ms);
}

/* Computes the clocks at @now_ms; with @notify, tells bindings what
 * changed. */
static void
row_update_sla (SbIncidentRow *self,
                SbSlaContext  *ctx,
                gint64         now_ms,
                gboolean       notify)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SbSla sla = { 0, };
  SbSlaState old_state = self->sla.state;

  if (ctx == NULL || self->id[0] == '\0')
    sla.state = SB_SLA_STATE_NONE;
  else if (!sb_sla_context_compute (ctx, self->service_id, self->priority, self->opened_ms,
                                    self->responded_ms,
                                    self->marks != NULL ? (const SbStatusMark *)(gpointer)self->marks->data : NULL,
                                    self->marks != NULL ? self->marks->len : 0,
                                    now_ms, &sla, &error))
    {
      /* A calendar without open hours: the row shows no clock. */
      g_debug ("No SLA for incident %s: %s", self->reference, error->message);
      memset (&sla, 0, sizeof sla);
      sla.state = SB_SLA_STATE_NONE;
    }

  self->sla = sla;
  text = ctx != NULL ? describe_sla (self, now_ms) : g_strdup ("");

  if (g_strcmp0 (text, self->sla_text) != 0)
    {
      g_free (self->sla_text);
      self->sla_text = g_steal_pointer (&text);
      if (notify)
        g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_SLA_TEXT]);
    }
  if (notify && old_state != self->sla.state)
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_SLA_STATE]);
}

const char *
sb_incident_row_get_id (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return self->id;
}

const char *
sb_incident_row_get_reference (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return self->reference;
}

const char *
sb_incident_row_get_title (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return self->title;
}

SbIncidentStatus
sb_incident_row_get_status (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), SB_INCIDENT_NEW);

  return self->status;
}

const char *
sb_incident_row_get_hold_reason (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return self->hold_reason;
}

guint
sb_incident_row_get_priority (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), 0);

  return self->priority;
}

gboolean
sb_incident_row_get_major (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), FALSE);

  return self->major;
}

const char *
sb_incident_row_get_service_code (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return self->service_code;
}

const char *
sb_incident_row_get_service_name (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return self->service_name;
}

const char *
sb_incident_row_get_customer_name (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return self->customer_name;
}

gint64
sb_incident_row_get_opened_ms (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), SB_SLA_NO_TIME);

  return self->opened_ms;
}

gint64
sb_incident_row_get_updated_ms (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), SB_SLA_NO_TIME);

  return self->updated_ms;
}

SbSlaState
sb_incident_row_get_sla_state (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), SB_SLA_STATE_NONE);

  return self->sla.state;
}

const char *
sb_incident_row_get_sla_text (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return self->sla_text;
}

const SbSla *
sb_incident_row_get_sla (SbIncidentRow *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_ROW (self), NULL);

  return &self->sla;
}

/* SbIncidentList */

struct _SbIncidentList
{
  GObject           parent_instance;

  SbStore          *store;
  gulong            changed_id;
  SbIncidentFilter *filter;
  GArray           *rowids;        /* of gint64, in list order */
  GHashTable       *pages;         /* page index → GPtrArray of SbIncidentRow */
  GQueue            lru;           /* page indexes, most recent first */
  guint             n_cached;
  SbSlaContext     *ctx;
  gboolean          ctx_failed;
  gint64            now_ms;
  guint             reload_id;
};

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum
{
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void sb_incident_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbIncidentList, sb_incident_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sb_incident_list_model_init))

static gint64
list_now (SbIncidentList *self)
{
  return self->now_ms != SB_SLA_NO_TIME ? self->now_ms : sb_store_now_ms (self->store);
}

static void
emit_error (SbIncidentList *self,
            GError         *error)
{
  g_signal_emit (self, signals[ERROR], 0, error);
}

static void
drop_cache (SbIncidentList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  self->n_cached = 0;
}

static void
drop_context (SbIncidentList *self)
{
  g_clear_pointer (&self->ctx, sb_sla_context_free);
  self->ctx_failed = FALSE;
}

static SbSlaContext *
ensure_context (SbIncidentList *self)
{
  g_autoptr(GError) error = NULL;

  if (self->ctx != NULL || self->ctx_failed)
    return self->ctx;

  self->ctx = sb_sla_context_new (self->store, &error);
  if (self->ctx == NULL)
    {
      self->ctx_failed = TRUE;
      emit_error (self, error);
    }

  return self->ctx;
}

static const char *
page_sql (void)
{
  static gsize once = 0;
  static const char *sql = NULL;

  if (g_once_init_enter (&once))
    {
      GString *text = g_string_new ("SELECT " ROW_COLUMNS " FROM incident i "
                                    "LEFT JOIN service s ON s.id = i.service_id "
                                    "LEFT JOIN customer c ON c.id = i.customer_id "
                                    "WHERE i.rowid IN (");

      for (guint i = 0; i < PAGE_SIZE; i++)
        g_string_append (text, i == 0 ? "?" : ", ?");
      g_string_append_c (text, ')');
      sql = g_string_free (text, FALSE);
      g_once_init_leave (&once, 1);
    }

  return sql;
}

/* Reads the rows of page @page in one query (and their status entries
 * in one more). Rows that vanished become empty rows. */
static GPtrArray *
read_page (SbIncidentList  *self,
           guint            page,
           GError         **error)
{
  g_autoptr(GHashTable) by_rowid = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GHashTable) marks = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const gint64 *rowids;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rowids->len - start);
  SbSlaContext *ctx;
  gint64 now_ms;
  sqlite3_stmt *stmt;
  int rc;

  rowids = &g_array_index (self->rowids, gint64, start);

  stmt = sb_store_prepare (self->store, page_sql (), error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < PAGE_SIZE; i++)
    {
      if (i < n)
        sqlite3_bind_int64 (stmt, i + 1, rowids[i]);
      else
        sqlite3_bind_null (stmt, i + 1);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbIncidentRow *row = row_new_from_stmt (stmt);

      g_hash_table_insert (by_rowid, &row->rowid, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sb_store_set_error_from_sqlite (error, sb_store_get_db (self->store), rc, _("Reading incidents"));
      return NULL;
    }

  marks = sb_incident_read_marks (self->store, rowids, n, error);
  if (marks == NULL)
    return NULL;

  ctx = ensure_context (self);
  now_ms = list_now (self);
  rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      SbIncidentRow *row = g_hash_table_lookup (by_rowid, &rowids[i]);
      gpointer key, value;

      if (row == NULL)
        {
          g_ptr_array_add (rows, row_new_missing (rowids[i]));
          continue;
        }
      g_ptr_array_add (rows, g_object_ref (row));
      if (g_hash_table_steal_extended (marks, &rowids[i], &key, &value))
        {
          g_free (key);
          row->marks = value;
        }
      row_update_sla (row, ctx, now_ms, FALSE);
    }

  return g_steal_pointer (&rows);
}

static void
touch_page (SbIncidentList *self,
            guint           page)
{
  GList *link = g_queue_find (&self->lru, GUINT_TO_POINTER (page));

  if (link != NULL && link != self->lru.head)
    {
      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
    }
}

static GPtrArray *
lookup_page (SbIncidentList *self,
             guint           page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (rows != NULL)
    {
      touch_page (self, page);
      return rows;
    }

  rows = read_page (self, page, &error);
  if (rows == NULL)
    {
      emit_error (self, error);
      return NULL;
    }

  while (g_queue_get_length (&self->lru) >= MAX_PAGES)
    {
      guint old = GPOINTER_TO_UINT (g_queue_pop_tail (&self->lru));
      GPtrArray *old_rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (old));

      self->n_cached -= old_rows->len;
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  self->n_cached += rows->len;

  return rows;
}

/* Runs the query; returns the old number of items. */
static guint
requery (SbIncidentList *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n = self->rowids->len;
  GArray *rowids;

  drop_cache (self);
  drop_context (self);

  rowids = sb_incidents_query_rowids (self->store, self->filter, list_now (self), &error);
  if (rowids == NULL)
    {
      g_array_set_size (self->rowids, 0);
      emit_error (self, error);
    }
  else
    {
      g_array_unref (self->rowids);
      self->rowids = rowids;
    }

  return old_n;
}

static void
reload_and_notify (SbIncidentList *self)
{
  guint old_n;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  old_n = requery (self);
  if (old_n > 0 || self->rowids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->rowids->len);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SbIncidentList *self = user_data;

  self->reload_id = 0;
  reload_and_notify (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (SbStore        *store,
                     const char     *table,
                     SbIncidentList *self)
{
  static const char * const tables[] = { "incident", "incident_event", "service", "customer",
                                         "service_target", "calendar", NULL };

  if (!g_strv_contains (tables, table))
    return;

  /* Several tables change in one commit, and a page may commit several
   * times in a row: one reload in the next main loop iteration. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* GListModel */

static GType
sb_incident_list_get_item_type (GListModel *model)
{
  return SB_TYPE_INCIDENT_ROW;
}

static guint
sb_incident_list_get_n_items (GListModel *model)
{
  return SB_INCIDENT_LIST (model)->rowids->len;
}

static gpointer
sb_incident_list_get_item (GListModel *model,
                           guint       position)
{
  SbIncidentList *self = SB_INCIDENT_LIST (model);
  GPtrArray *rows;

  if (position >= self->rowids->len)
    return NULL;

  rows = lookup_page (self, position / PAGE_SIZE);
  if (rows == NULL)
    return row_new_missing (g_array_index (self->rowids, gint64, position));

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
sb_incident_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sb_incident_list_get_item_type;
  iface->get_n_items = sb_incident_list_get_n_items;
  iface->get_item = sb_incident_list_get_item;
}

/* GObject */

static void
sb_incident_list_constructed (GObject *object)
{
  SbIncidentList *self = SB_INCIDENT_LIST (object);

  G_OBJECT_CLASS (sb_incident_list_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  requery (self);
}

static void
sb_incident_list_dispose (GObject *object)
{
  SbIncidentList *self = SB_INCIDENT_LIST (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  drop_cache (self);
  drop_context (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_incident_list_parent_class)->dispose (object);
}

static void
sb_incident_list_finalize (GObject *object)
{
  SbIncidentList *self = SB_INCIDENT_LIST (object);

  g_clear_pointer (&self->filter, sb_incident_filter_free);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (sb_incident_list_parent_class)->finalize (object);
}

static void
sb_incident_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SbIncidentList *self = SB_INCIDENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incident_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SbIncidentList *self = SB_INCIDENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_incident_list_class_init (SbIncidentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sb_incident_list_constructed;
  object_class->dispose = sb_incident_list_dispose;
  object_class->finalize = sb_incident_list_finalize;
  object_class->get_property = sb_incident_list_get_property;
  object_class->set_property = sb_incident_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbIncidentList::error:
   * @list: the list
   * @error: what failed, in words for the person using the program
   *
   * Emitted when reading the incidents failed; the list is then empty
   * (or the row shows nothing).
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sb_incident_list_init (SbIncidentList *self)
{
  self->filter = sb_incident_filter_new ();
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->lru);
  self->now_ms = SB_SLA_NO_TIME;
}

/* Public API */

/**
 * sb_incident_list_new:
 * @store: the book
 *
 * A list of every live incident, newest first, read at once; change
 * what it shows with sb_incident_list_set_filter().
 *
 * Returns: (transfer full): the list
 */
SbIncidentList *
sb_incident_list_new (SbStore *store)
{
  g_return_val_if_fail (SB_IS_STORE (store), NULL);

  return g_object_new (SB_TYPE_INCIDENT_LIST, "store", store, NULL);
}

SbStore *
sb_incident_list_get_store (SbIncidentList *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_LIST (self), NULL);

  return self->store;
}

const SbIncidentFilter *
sb_incident_list_get_filter (SbIncidentList *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_LIST (self), NULL);

  return self->filter;
}

void
sb_incident_list_set_filter (SbIncidentList         *self,
                             const SbIncidentFilter *filter)
{
  g_return_if_fail (SB_IS_INCIDENT_LIST (self));
  g_return_if_fail (filter != NULL);

  if (sb_incident_filter_equal (self->filter, filter))
    return;

  sb_incident_filter_free (self->filter);
  self->filter = sb_incident_filter_copy (filter);
  reload_and_notify (self);
}

void
sb_incident_list_reload (SbIncidentList *self)
{
  g_return_if_fail (SB_IS_INCIDENT_LIST (self));

  reload_and_notify (self);
}

/**
 * sb_incident_list_refresh_clocks:
 * @self: the list
 *
 * Recomputes the clocks of the rows read so far and notifies "sla-state"
 * and "sla-text" on those that changed. A list filtered by SLA state is
 * queried again instead, since time moves incidents in and out of it.
 */
void
sb_incident_list_refresh_clocks (SbIncidentList *self)
{
  GHashTableIter iter;
  GPtrArray *rows;
  SbSlaContext *ctx;
  gint64 now_ms;

  g_return_if_fail (SB_IS_INCIDENT_LIST (self));

  /* Time moves incidents in and out of these; when the set stays the
   * same, the rows keep their place (and the view its selection). */
  if (self->filter->view == SB_INCIDENT_VIEW_AT_RISK ||
      self->filter->view == SB_INCIDENT_VIEW_BREACHED ||
      self->filter->view == SB_INCIDENT_VIEW_RECENTLY_RESOLVED ||
      self->filter->sla_states != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) rowids = sb_incidents_query_rowids (self->store, self->filter,
                                                           list_now (self), &error);

      if (rowids == NULL || rowids->len != self->rowids->len ||
          memcmp (rowids->data, self->rowids->data, rowids->len * sizeof (gint64)) != 0)
        {
          reload_and_notify (self);
          return;
        }
    }

  ctx = ensure_context (self);
  now_ms = list_now (self);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&rows))
    {
      for (guint i = 0; i < rows->len; i++)
        row_update_sla (g_ptr_array_index (rows, i), ctx, now_ms, TRUE);
    }
}

guint
sb_incident_list_find (SbIncidentList *self,
                       const char     *id)
{
  sqlite3_stmt *stmt;
  gint64 rowid;

  g_return_val_if_fail (SB_IS_INCIDENT_LIST (self), G_MAXUINT);
  g_return_val_if_fail (id != NULL, G_MAXUINT);

  stmt = sb_store_prepare (self->store, "SELECT rowid FROM incident WHERE id = ?", NULL);
  if (stmt == NULL)
    return G_MAXUINT;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return G_MAXUINT;
    }
  rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (guint i = 0; i < self->rowids->len; i++)
    {
      if (g_array_index (self->rowids, gint64, i) == rowid)
        return i;
    }

  return G_MAXUINT;
}

guint
sb_incident_list_get_n_cached (SbIncidentList *self)
{
  g_return_val_if_fail (SB_IS_INCIDENT_LIST (self), 0);

  return self->n_cached;
}

void
sb_incident_list_set_now (SbIncidentList *self,
                          gint64          now_ms)
{
  g_return_if_fail (SB_IS_INCIDENT_LIST (self));

  self->now_ms = now_ms;
}
