/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-incident-csv-private.h"

/*
 * One incident from its rows: an export of the latest state has one row
 * per incident; an event log has several, one per change, which are
 * collapsed to the latest values. The history becomes timeline entries
 * at their real times: status changes (so the SLA clocks, computed from
 * them, come out right), field changes, notes and time spent. From a
 * single row the status history is rebuilt from its instants (responded,
 * resolved, closed). Identical consecutive rows add nothing.
 *
 * The result is always a possible state: a closed incident was resolved
 * first, instants follow the final status as the lifecycle keeps them
 * (sb-incident-lifecycle.c), and no entry lies before the opening.
 */

/* Status targets are "on-hold:awaiting-customer" and the like. */
static SbIncidentStatus
status_of (const char  *target,
           const char **out_reason)
{
  SbIncidentStatus status = SB_INCIDENT_NEW;
  const char *colon = strchr (target, ':');

  *out_reason = NULL;
  if (colon != NULL)
    {
      g_autofree char *head = g_strndup (target, colon - target);

      sb_incident_status_from_string (head, &status);
      for (const char * const *r = sb_incident_get_hold_reasons (); *r != NULL; r++)
        if (g_str_equal (*r, colon + 1))
          *out_reason = *r;
      return status;
    }

  sb_incident_status_from_string (target, &status);
  return status;
}

static const char *
intern_reason (const char *reason)
{
  if (reason == NULL)
    return NULL;
  for (const char * const *r = sb_incident_get_hold_reasons (); *r != NULL; r++)
    if (g_str_equal (*r, reason))
      return *r;
  return NULL;
}

/* When a row happened: its event time, else its latest instant. */
static gint64
row_time (const SbImportValues *v,
          gint64                fallback)
{
  gint64 latest = SB_INCIDENT_NO_TIME;

  if (v->times[SB_IMPORT_TIME_EVENT] != SB_INCIDENT_NO_TIME)
    return v->times[SB_IMPORT_TIME_EVENT];

  for (guint t = 0; t < SB_IMPORT_TIME_EVENT; t++)
    latest = MAX (latest, v->times[t]);

  return latest != SB_INCIDENT_NO_TIME ? latest : fallback;
}

static void
add_event (SbImportBuilt *b,
           gint64         at_ms,
           const char    *kind,
           const char    *field,
           const char    *old_value,
           const char    *new_value,
           const char    *body,
           guint          minutes)
{
  SbImportEvent e = { 0 };

  e.at_ms = at_ms;
  e.kind = kind;
  e.field = field;
  e.old_value = g_strdup (old_value);
  e.new_value = g_strdup (new_value);
  e.body = body;
  e.minutes = minutes;
  g_array_append_val (b->events, e);
}

static void
add_status (SbImportBuilt    *b,
            gint64            at_ms,
            SbIncidentStatus  from,
            SbIncidentStatus  to,
            const char       *body)
{
  add_event (b, at_ms, SB_INCIDENT_EVENT_STATUS, "status", sb_incident_status_to_string (from),
             sb_incident_status_to_string (to), body, 0);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const SbImportEvent *x = a;
  const SbImportEvent *y = b;

  return x->at_ms < y->at_ms ? -1 : x->at_ms > y->at_ms;
}

static gboolean
rows_equal (SbImportRow *a,
            SbImportRow *b)
{
  if (a->n_cells != b->n_cells)
    return FALSE;
  for (guint c = 0; c < a->n_cells; c++)
    if (!g_str_equal (a->cells[c], b->cells[c]))
      return FALSE;
  return TRUE;
}

static const SbIncidentField tracked_fields[] = {
  SB_INCIDENT_FIELD_TITLE, SB_INCIDENT_FIELD_PRIORITY, SB_INCIDENT_FIELD_IMPACT,
  SB_INCIDENT_FIELD_URGENCY, SB_INCIDENT_FIELD_SERVICE, SB_INCIDENT_FIELD_CUSTOMER,
  SB_INCIDENT_FIELD_MAJOR,
};

/* The priority for @b: derived from the matrix when the file gives
 * impact or urgency or no priority; from the priority alone, the
 * impact and urgency that give it. */
static void
settle_priority (SbIncidentImport *self,
                 SbImportBuilt    *b)
{
  const char *impact = b->v.text[SB_INCIDENT_FIELD_IMPACT];
  const char *urgency = b->v.text[SB_INCIDENT_FIELD_URGENCY];
  const char *priority = b->v.text[SB_INCIDENT_FIELD_PRIORITY];

  b->impact = impact != NULL ? (guint)atoi (impact) : 2;
  b->urgency = urgency != NULL ? (guint)atoi (urgency) : 2;
  b->priority = 0;

  if (priority == NULL)
    return;

  b->priority = (guint)atoi (priority);
  if (impact == NULL && urgency == NULL)
    {
      guint best = G_MAXUINT;

      for (guint i = 1; i <= 3; i++)
        for (guint u = 1; u <= 3; u++)
          {
            guint distance = (i > u ? i - u : u - i) * 10 + i;

            if ((guint)sb_priority_matrix_get (self->matrix, i, u) == b->priority &&
                distance < best)
              {
                best = distance;
                b->impact = i;
                b->urgency = u;
              }
          }
    }

  if ((guint)sb_priority_matrix_get (self->matrix, b->impact, b->urgency) == b->priority)
    b->priority = 0;
}

/**
 * sb_import_build_item:
 * @self: an import being planned
 * @item: an incident of the plan, its rows in order
 * @out_built: (out): what to write, when it can be imported
 *
 * Builds the incident of @item from its rows: the latest values, the
 * status history and the timeline entries.
 *
 * Returns: (transfer full) (nullable): why it cannot be imported, or
 *   %NULL with @out_built set
 */
char *
sb_import_build_item (SbIncidentImport  *self,
                      SbImportPlanItem  *item,
                      SbImportBuilt    **out_built)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (SbImportEvent));
  SbImportBuilt *b = g_new0 (SbImportBuilt, 1);
  SbIncidentStatus status = SB_INCIDENT_NEW;
  const char *reason = NULL;
  const char *running[SB_INCIDENT_N_FIELDS] = { NULL };
  gint64 opened = SB_INCIDENT_NO_TIME;
  gint64 last_mark = SB_INCIDENT_NO_TIME;
  gboolean marks_from_rows = item->n_rows > 1;
  SbImportValues *first = &self->row_values[item->rows[0]];
  const char *service_name;
  const char *customer_name;

  b->events = g_steal_pointer (&events);
  *out_built = NULL;

  /* Merge: the latest non-empty value of each field. */
  for (guint t = 0; t < SB_IMPORT_N_TIMES; t++)
    b->v.times[t] = SB_INCIDENT_NO_TIME;
  for (guint i = 0; i < item->n_rows; i++)
    {
      SbImportValues *v = &self->row_values[item->rows[i]];

      for (guint f = 0; f < SB_INCIDENT_N_FIELDS; f++)
        if (v->text[f] != NULL)
          b->v.text[f] = v->text[f];
      b->v.reopen_count = MAX (b->v.reopen_count, v->reopen_count);

      if (v->times[SB_IMPORT_TIME_OPENED] != SB_INCIDENT_NO_TIME &&
          (opened == SB_INCIDENT_NO_TIME || v->times[SB_IMPORT_TIME_OPENED] < opened))
        opened = v->times[SB_IMPORT_TIME_OPENED];
      if (v->times[SB_IMPORT_TIME_RESPONDED] != SB_INCIDENT_NO_TIME &&
          b->v.times[SB_IMPORT_TIME_RESPONDED] == SB_INCIDENT_NO_TIME)
        b->v.times[SB_IMPORT_TIME_RESPONDED] = v->times[SB_IMPORT_TIME_RESPONDED];
      for (guint t = SB_IMPORT_TIME_RESOLVED; t < SB_IMPORT_N_TIMES; t++)
        if (v->times[t] != SB_INCIDENT_NO_TIME)
          b->v.times[t] = v->times[t];
    }
  if (opened == SB_INCIDENT_NO_TIME)
    opened = first->times[SB_IMPORT_TIME_EVENT];

  if (b->v.text[SB_INCIDENT_FIELD_TITLE] == NULL)
    {
      sb_import_built_free (b);
      return g_strdup (_("no title"));
    }
  if (opened == SB_INCIDENT_NO_TIME)
    {
      sb_import_built_free (b);
      return g_strdup (_("no date when it was opened"));
    }
  if (opened > sb_store_now_ms (self->store) + 60 * 1000)
    {
      sb_import_built_free (b);
      return g_strdup (_("opened in the future"));
    }

  b->opened_ms = opened;
  b->responded_ms = b->v.times[SB_IMPORT_TIME_RESPONDED];
  b->resolved_ms = b->v.times[SB_IMPORT_TIME_RESOLVED];
  b->closed_ms = b->v.times[SB_IMPORT_TIME_CLOSED];
  settle_priority (self, b);
  b->major = g_strcmp0 (b->v.text[SB_INCIDENT_FIELD_MAJOR], "yes") == 0;
  b->resolution_code = b->v.text[SB_INCIDENT_FIELD_RESOLUTION_CODE];

  service_name = b->v.text[SB_INCIDENT_FIELD_SERVICE];
  customer_name = b->v.text[SB_INCIDENT_FIELD_CUSTOMER];
  if (service_name != NULL)
    {
      gboolean unknown;

      sb_import_resolve_service (self, service_name, &unknown);
    }
  if (customer_name != NULL)
    {
      gboolean unknown;

      sb_import_resolve_customer (self, customer_name, &unknown);
    }

  /* The history: from row to row in an event log. */
  for (guint i = 0; i < item->n_rows; i++)
    {
      SbImportRow *row = g_ptr_array_index (self->rows, item->rows[i]);
      SbImportValues *v = &self->row_values[item->rows[i]];
      gint64 at = MAX (row_time (v, opened), opened);
      const char *target = v->text[SB_INCIDENT_FIELD_STATUS];
      const char *row_reason = intern_reason (v->text[SB_INCIDENT_FIELD_HOLD_REASON]);
      const char *note = v->text[SB_INCIDENT_FIELD_NOTE];

      if (i > 0 && rows_equal (row, g_ptr_array_index (self->rows, item->rows[i - 1])))
        continue;

      if (marks_from_rows && target != NULL)
        {
          const char *target_reason = NULL;
          SbIncidentStatus to = status_of (target, &target_reason);

          if (to == SB_INCIDENT_ON_HOLD)
            row_reason = row_reason != NULL ? row_reason
                         : target_reason != NULL ? target_reason
                         : reason != NULL ? reason : "other";
          else
            row_reason = NULL;

          if (last_mark != SB_INCIDENT_NO_TIME)
            at = MAX (at, last_mark);

          if (to != status || g_strcmp0 (row_reason, reason) != 0)
            {
              if (status == SB_INCIDENT_RESOLVED && sb_incident_status_is_open (to))
                b->reopen_count++;
              if (to == SB_INCIDENT_CLOSED && status != SB_INCIDENT_RESOLVED)
                {
                  add_status (b, at, status, SB_INCIDENT_RESOLVED,
                              b->resolution_code != NULL ? b->resolution_code : "other");
                  status = SB_INCIDENT_RESOLVED;
                  if (b->resolved_ms == SB_INCIDENT_NO_TIME)
                    b->resolved_ms = at;
                }
              if (to == SB_INCIDENT_RESOLVED || to == SB_INCIDENT_CLOSED)
                {
                  if (to == SB_INCIDENT_RESOLVED && b->v.times[SB_IMPORT_TIME_RESOLVED] ==
                                                      SB_INCIDENT_NO_TIME)
                    b->resolved_ms = at;
                  if (to == SB_INCIDENT_CLOSED &&
                      b->v.times[SB_IMPORT_TIME_CLOSED] == SB_INCIDENT_NO_TIME)
                    b->closed_ms = at;
                }
              if (b->responded_ms == SB_INCIDENT_NO_TIME && status == SB_INCIDENT_NEW &&
                  to != SB_INCIDENT_CANCELLED && to != SB_INCIDENT_DUPLICATE)
                b->responded_ms = at;

              add_status (b, at, status, to,
                          to == SB_INCIDENT_ON_HOLD ? row_reason
                          : to == SB_INCIDENT_RESOLVED
                          ? (b->resolution_code != NULL ? b->resolution_code : "other")
                          : NULL);
              status = to;
              reason = row_reason;
              last_mark = at;
            }
        }

      /* Field changes from the previous row */
      for (guint k = 0; k < G_N_ELEMENTS (tracked_fields); k++)
        {
          SbIncidentField f = tracked_fields[k];

          if (v->text[f] == NULL)
            continue;
          if (i > 0 && running[f] != NULL && !g_str_equal (running[f], v->text[f]))
            {
              /* the timeline writes the flag as 1 or 0 */
              if (f == SB_INCIDENT_FIELD_MAJOR)
                add_event (b, at, SB_INCIDENT_EVENT_FIELD, "major",
                           g_str_equal (running[f], "yes") ? "1" : "0",
                           g_str_equal (v->text[f], "yes") ? "1" : "0", NULL, 0);
              else
                add_event (b, at, SB_INCIDENT_EVENT_FIELD, sb_incident_field_to_string (f),
                           running[f], v->text[f], NULL, 0);
            }
          running[f] = v->text[f];
        }

      if (note != NULL)
        {
          SbImportValues *prev = i > 0 ? &self->row_values[item->rows[i - 1]] : NULL;

          if (prev == NULL || g_strcmp0 (prev->text[SB_INCIDENT_FIELD_NOTE], note) != 0)
            add_event (b, at, SB_INCIDENT_EVENT_NOTE, NULL, NULL, NULL, note, v->minutes);
          else if (v->minutes > 0)
            add_event (b, at, SB_INCIDENT_EVENT_TIME, NULL, NULL, NULL, NULL, v->minutes);
        }
      else if (v->minutes > 0)
        add_event (b, at, SB_INCIDENT_EVENT_TIME, NULL, NULL, NULL, NULL, v->minutes);
    }

  /* One row: the history from its instants. */
  if (!marks_from_rows && b->v.text[SB_INCIDENT_FIELD_STATUS] != NULL)
    {
      const char *target_reason = NULL;
      SbIncidentStatus to = status_of (b->v.text[SB_INCIDENT_FIELD_STATUS], &target_reason);
      gint64 at = MAX (row_time (first, opened), opened);

      if (to != SB_INCIDENT_NEW && to != SB_INCIDENT_CANCELLED && to != SB_INCIDENT_DUPLICATE)
        {
          gint64 responded = b->responded_ms;

          if (responded == SB_INCIDENT_NO_TIME)
            responded = to == SB_INCIDENT_IN_PROGRESS || to == SB_INCIDENT_ON_HOLD
                          ? at
                          : b->resolved_ms != SB_INCIDENT_NO_TIME ? b->resolved_ms
                          : b->closed_ms != SB_INCIDENT_NO_TIME ? b->closed_ms
                          : at;
          b->responded_ms = responded = MAX (responded, opened);
          add_status (b, responded, status, SB_INCIDENT_IN_PROGRESS, NULL);
          status = SB_INCIDENT_IN_PROGRESS;
          last_mark = responded;
        }
      if (to == SB_INCIDENT_ON_HOLD)
        {
          reason = intern_reason (b->v.text[SB_INCIDENT_FIELD_HOLD_REASON]);
          if (reason == NULL)
            reason = target_reason != NULL ? target_reason : "other";
          add_status (b, MAX (at, last_mark), status, to, reason);
          status = to;
        }
      else if (to == SB_INCIDENT_RESOLVED || to == SB_INCIDENT_CLOSED)
        {
          if (b->resolved_ms == SB_INCIDENT_NO_TIME)
            b->resolved_ms = b->closed_ms != SB_INCIDENT_NO_TIME ? b->closed_ms : at;
          b->resolved_ms = MAX (b->resolved_ms, last_mark);
          add_status (b, b->resolved_ms, status, SB_INCIDENT_RESOLVED,
                      b->resolution_code != NULL ? b->resolution_code : "other");
          status = SB_INCIDENT_RESOLVED;
          if (to == SB_INCIDENT_CLOSED)
            {
              if (b->closed_ms == SB_INCIDENT_NO_TIME)
                b->closed_ms = b->resolved_ms;
              b->closed_ms = MAX (b->closed_ms, b->resolved_ms);
              add_status (b, b->closed_ms, status, to, NULL);
              status = to;
            }
        }
      else if (to == SB_INCIDENT_CANCELLED || to == SB_INCIDENT_DUPLICATE)
        {
          gint64 end = b->closed_ms != SB_INCIDENT_NO_TIME ? b->closed_ms : at;

          add_status (b, MAX (end, last_mark), status, to, NULL);
          status = to;
        }
    }

  /* Never an impossible state: the instants follow the final status. A
   * count the file states is kept unless its rows show more reopenings. */
  b->reopen_count = MAX (b->reopen_count, b->v.reopen_count);
  b->status = status;
  b->hold_reason = status == SB_INCIDENT_ON_HOLD ? (reason != NULL ? reason : "other") : NULL;
  if (b->responded_ms != SB_INCIDENT_NO_TIME)
    b->responded_ms = MAX (b->responded_ms, opened);
  if (sb_incident_status_is_open (status) || status == SB_INCIDENT_CANCELLED ||
      status == SB_INCIDENT_DUPLICATE)
    {
      /* as the lifecycle keeps them: a reopen forgets the resolution,
       * a cancel or duplicate records none */
      b->resolved_ms = b->closed_ms = SB_INCIDENT_NO_TIME;
      b->resolution_code = NULL;
    }
  else if (status == SB_INCIDENT_RESOLVED)
    b->closed_ms = SB_INCIDENT_NO_TIME;
  if ((status == SB_INCIDENT_RESOLVED || status == SB_INCIDENT_CLOSED) &&
      b->responded_ms == SB_INCIDENT_NO_TIME)
    b->responded_ms = b->resolved_ms;
  if (b->resolved_ms != SB_INCIDENT_NO_TIME)
    b->resolved_ms = MAX (b->resolved_ms, opened);
  if (b->closed_ms != SB_INCIDENT_NO_TIME)
    b->closed_ms = MAX (b->closed_ms, b->resolved_ms != SB_INCIDENT_NO_TIME ? b->resolved_ms
                                                                             : opened);
  if ((status == SB_INCIDENT_RESOLVED || status == SB_INCIDENT_CLOSED) &&
      b->resolution_code == NULL)
    b->resolution_code = "other";

  /* Stable by time: equal times keep their order. */
  {
    g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (SbImportEvent),
                                                  b->events->len);
    gboolean in_order = TRUE;

    for (guint i = 1; i < b->events->len && in_order; i++)
      in_order = g_array_index (b->events, SbImportEvent, i - 1).at_ms <=
                 g_array_index (b->events, SbImportEvent, i).at_ms;
    if (!in_order)
      {
        g_array_append_vals (sorted, b->events->data, b->events->len);
        /* qsort is not stable; insertion sort is, and timelines are short */
        for (guint i = 1; i < sorted->len; i++)
          {
            SbImportEvent e = g_array_index (sorted, SbImportEvent, i);
            guint j = i;

            while (j > 0 && compare_events (&g_array_index (sorted, SbImportEvent, j - 1), &e) > 0)
              {
                g_array_index (sorted, SbImportEvent, j) = g_array_index (sorted, SbImportEvent,
                                                                          j - 1);
                j--;
              }
            g_array_index (sorted, SbImportEvent, j) = e;
          }
        memcpy (b->events->data, sorted->data, sorted->len * sizeof (SbImportEvent));
      }
  }

  *out_built = b;

  return NULL;
}
