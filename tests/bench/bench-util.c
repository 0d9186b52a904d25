/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bench-util.h"
#include "sb-store-private.h"

const char * const bench_service_codes[] = {
  "NETWORK", "FIREWALL", "EMAIL", "BACKUP", "HELPDESK", "WEB", "ENDPOINT", "ERP",
};

const char * const bench_customer_names[] = {
  "Hartley & Sons Solicitors", "Riverside Dental Clinic", "Bluebell Bakery",
  "Northgate Architects", "Old Mill Café", "Harbour Freight Ltd",
};

static const char * const subjects[] = {
  "Printer", "VPN", "Mailbox", "Wi-Fi", "Backup job", "Laptop", "Desk phone", "Website",
  "Invoice application", "Scanner", "Second monitor", "Teams", "Shared drive", "Calendar",
  "Web filter", "Password reset", "Label printer", "Tablet", "Till", "Door badge reader",
};

static const char * const problems[] = {
  "not working", "very slow", "keeps disconnecting", "shows an error", "is full",
  "fails every night", "won't start", "asks for the password again", "lost its settings",
  "not syncing", "prints blank pages", "drops calls",
};

static const char * const places[] = {
  "at reception", "in the meeting room", "for the accounts team", "on the second floor",
  "for a new starter", "after the update", "since this morning", "at the warehouse",
  "in the shop", "for home workers",
};

static const char * const contacts[] = {
  "James Whitfield", "Aisha Rahman", "Peter Novak", "Grace Lee", "Oliver Grant",
  "Hannah Kowalski", "Samuel Adeyemi", "Chloe Martin", "Ravi Patel", "Emma Fischer",
};

static const char * const channels[] = {
  "phone", "phone", "email", "email", "monitoring", "walk-in",
};

static const char * const notes[] = {
  "Checked the logs and restarted the service; user confirmed it works.",
  "Remote session with the user; cleared the cache and signed in again.",
  "Replaced the cable and tested the connection.",
  "Updated the driver to the current version from the vendor.",
  "Asked the user to restart and call back if it happens again.",
};

static const char * const codes[] = {
  "fixed", "fixed", "fixed", "workaround", "advice", "no-fault-found", "supplier-fixed",
};

/* The default priority matrix of DOMAIN.md. */
static const guint matrix[3][3] = { { 1, 2, 3 }, { 2, 3, 4 }, { 3, 4, 5 } };

double
bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

double
bench_median (double *values,
              guint   n)
{
  g_assert (n > 0);
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double
bench_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

char *
bench_format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  GString *out = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

void
bench_bare_exec (sqlite3    *db,
                 const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

void
bench_journal_init (BenchJournal *journal,
                    sqlite3      *db,
                    const char   *now)
{
  memset (journal, 0, sizeof *journal);
  journal->now = now;
  journal->json = g_string_sized_new (1024);
  if (sqlite3_prepare_v2 (db, "INSERT INTO sb_journal (hlc, tbl, row_id, data) VALUES (?, ?, ?, ?)",
                          -1, &journal->insert, NULL) != SQLITE_OK)
    g_error ("Preparing the journal: %s", sqlite3_errmsg (db));
}

void
bench_journal_begin (BenchJournal *journal)
{
  g_string_truncate (journal->json, 0);
  g_string_append_c (journal->json, '{');
  bench_journal_field (journal, "created_at", journal->now);
  bench_journal_field (journal, "updated_at", journal->now);
}

void
bench_journal_field (BenchJournal *journal,
                     const char   *column,
                     const char   *value)
{
  if (journal->json->len > 1)
    g_string_append_c (journal->json, ',');
  sb_json_append_string (journal->json, column);
  g_string_append_c (journal->json, ':');
  if (value != NULL)
    sb_json_append_string (journal->json, value);
  else
    g_string_append (journal->json, "null");
}

void
bench_journal_write (BenchJournal *journal,
                     const char   *table,
                     const char   *id)
{
  char *stamp = g_strdup_printf ("%s-%04x-0123456789abcdef", journal->now, journal->counter++);

  g_string_append_c (journal->json, '}');
  sqlite3_bind_text (journal->insert, 1, stamp, -1, g_free);
  sqlite3_bind_text (journal->insert, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (journal->insert, 3, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (journal->insert, 4, journal->json->str, journal->json->len, SQLITE_STATIC);
  if (sqlite3_step (journal->insert) != SQLITE_DONE)
    g_error ("Journal: %s", sqlite3_errmsg (sqlite3_db_handle (journal->insert)));
  sqlite3_reset (journal->insert);
}

void
bench_journal_clear (BenchJournal *journal)
{
  g_clear_pointer (&journal->insert, sqlite3_finalize);
  if (journal->json != NULL)
    g_string_free (journal->json, TRUE);
  journal->json = NULL;
}

void
bench_bare_fill_search_index (sqlite3 *db)
{
  bench_bare_exec (db,
                   "INSERT INTO incident_fts (rowid, reference, title, description, resolution) "
                   "SELECT rowid, reference, title, description, "
                   "trim (coalesce (resolution_notes, '') || ' ' || coalesce (workaround, '')) "
                   "FROM incident; "
                   "INSERT INTO incident_note_fts (rowid, body) SELECT rowid, body FROM incident_event "
                   "WHERE body IS NOT NULL AND kind IN ('note', 'escalation');");
}

sqlite3 *
bench_bare_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int version = 1;

  /* The same SQLite set-up as the store's. */
  sb_store_configure_sqlite ();
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("Cannot open %s", path);

  /* The PRAGMAs sb_store_open() sets (sb-store-open.c), so that the
   * floor differs from the store only in what the store does, not in
   * how SQLite is set up. */
  bench_bare_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                       "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; "
                       "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768");

  /* As many migrations as the program has. */
  while (TRUE)
    {
      g_autofree char *sql = sb_store_load_migration (version, NULL);

      if (sql == NULL)
        break;
      version++;
    }
  if (!sb_store_migrate_to (db, version - 1, &error))
    g_error ("Migrating the floor's book: %s", error->message);

  return db;
}

/* splitmix64: a fixed stream of numbers per incident. */
static guint64
mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

#define PICK(array, r) (array[(r) % G_N_ELEMENTS (array)])

void
bench_incident_make (BenchIncident *out,
                     guint          index,
                     gint64         now_ms)
{
  guint64 r = mix (index);
  guint64 s = mix (r);
  const gint64 minute = 60 * 1000;

  memset (out, 0, sizeof *out);

  out->reference = g_strdup_printf ("BEN-%06u", index + 1);
  out->title = g_strdup_printf ("%s %s %s%s", PICK (subjects, r), PICK (problems, r >> 8),
                                PICK (places, r >> 16),
                                index % 100 == 37 ? " after the " BENCH_RARE_TITLE_WORD " update" : "");
  out->description = g_strdup_printf ("Reported by %s: the %s %s since %u:%02u. Asset tag %06u.",
                                      PICK (contacts, r >> 24), PICK (subjects, r),
                                      PICK (problems, r >> 8), 8 + (guint)(s % 9),
                                      (guint)(s >> 8) % 60, (guint)(s >> 16) % 1000000);
  out->service = bench_service_codes[(r >> 32) % BENCH_N_SERVICES];
  out->customer = bench_customer_names[(r >> 36) % BENCH_N_CUSTOMERS];
  out->contact = PICK (contacts, r >> 24);
  out->channel = PICK (channels, r >> 40);
  out->impact = 1 + (s >> 20) % 3;
  out->urgency = 1 + (s >> 24) % 3;
  out->priority = matrix[out->impact - 1][out->urgency - 1];
  out->responded_ms = G_MININT64;
  out->resolved_ms = G_MININT64;
  out->closed_ms = G_MININT64;

  if (index % BENCH_OPEN_EVERY == 0)
    {
      /* Open: logged in the last two weeks. */
      out->opened_ms = now_ms - (gint64)(s % (14 * 24 * 60)) * minute - 60 * minute;
      switch ((s >> 40) % 5)
        {
        case 0:
          out->status = "new";
          break;
        case 1:
          out->status = "on-hold";
          out->hold_reason = (s >> 44) % 2 ? "awaiting-customer" : "awaiting-supplier";
          out->responded_ms = out->opened_ms + (gint64)(5 + (s >> 48) % 50) * minute;
          break;
        default:
          out->status = "in-progress";
          out->responded_ms = out->opened_ms + (gint64)(5 + (s >> 48) % 50) * minute;
        }
    }
  else
    {
      /* Closed: spread over the six months before the last week. */
      out->opened_ms = now_ms - 7 * 24 * 60 * minute - (gint64)(s % (175 * 24 * 60)) * minute;
      out->status = "closed";
      out->responded_ms = out->opened_ms + (gint64)(5 + (s >> 48) % 50) * minute;
      out->resolved_ms = out->responded_ms + (gint64)(30 + (s >> 52) % 2000) * minute;
      out->closed_ms = out->resolved_ms + 3 * 24 * 60 * minute;
      out->resolution_code = PICK (codes, s >> 44);
      out->resolution_notes = PICK (notes, s >> 36);
    }

  out->note = g_strdup_printf ("%s%s", PICK (notes, r >> 44),
                               index % 97 == 3 ? " The attachment was " BENCH_NOTE_WORD " by the mail filter." : "");
}

void
bench_incident_clear (BenchIncident *incident)
{
  g_clear_pointer (&incident->reference, g_free);
  g_clear_pointer (&incident->title, g_free);
  g_clear_pointer (&incident->description, g_free);
  g_clear_pointer (&incident->note, g_free);
}

typedef struct
{
  char     *what;
  char     *measured;
  char     *floor;
  char     *ratio;
  char     *target;
  gboolean  ok;
} Line;

static GArray *lines;

static char *
format_seconds (double seconds)
{
  if (seconds >= 1.0)
    return g_strdup_printf ("%.2f s", seconds);
  return g_strdup_printf ("%.1f ms", seconds * 1000.0);
}

static void
keep_line (const char *what,
           char       *measured,
           char       *floor,
           char       *ratio,
           const char *target,
           gboolean    ok)
{
  Line line = { g_strdup (what), measured, floor, ratio, g_strdup (target ? target : ""), ok };

  if (lines == NULL)
    lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_append_val (lines, line);
}

void
bench_report_time (const char *what,
                   double      seconds,
                   gint64      count,
                   double      floor_s,
                   const char *target,
                   gboolean    target_ok)
{
  g_autoptr(GString) out = g_string_new (what);
  g_autofree char *time = format_seconds (seconds);
  char *measured;
  char *floor = g_strdup ("-");
  char *ratio = g_strdup ("-");

  g_string_append_printf (out, ": %s", time);
  if (count > 0 && seconds > 0)
    {
      g_autofree char *rate = bench_format_count ((gint64)(count / seconds));

      g_string_append_printf (out, " (%s /s)", rate);
      measured = g_strdup_printf ("%s (%s /s)", time, rate);
    }
  else
    measured = g_strdup (time);

  if (floor_s >= 0)
    {
      g_autofree char *floor_time = format_seconds (floor_s);

      g_free (floor);
      g_free (ratio);
      floor = g_strdup (floor_time);
      ratio = g_strdup_printf ("%.1f", floor_s > 0 ? seconds / floor_s : 0.0);
      g_string_append_printf (out, "; bare sqlite floor %s; ratio %s", floor_time, ratio);
    }

  if (target != NULL && !target_ok)
    g_string_append_printf (out, "; TARGET MISSED (%s)", target);
  else if (target != NULL)
    g_string_append_printf (out, "; target %s met", target);

  g_print ("%s\n", out->str);
  keep_line (what, measured, floor, ratio, target, target == NULL || target_ok);
}

void
bench_report_memory (const char *what,
                     double      mb,
                     double      floor_mb,
                     const char *target,
                     gboolean    target_ok)
{
  g_autoptr(GString) out = g_string_new (what);
  char *ratio = g_strdup_printf ("%.1f", floor_mb > 0 ? mb / floor_mb : 0.0);

  g_string_append_printf (out, ": %.1f MB resident; bare sqlite floor %.1f MB; ratio %s",
                          mb, floor_mb, ratio);
  if (target != NULL && !target_ok)
    g_string_append_printf (out, "; TARGET MISSED (%s)", target);
  else if (target != NULL)
    g_string_append_printf (out, "; target %s met", target);

  g_print ("%s\n", out->str);
  keep_line (what, g_strdup_printf ("%.1f MB", mb), g_strdup_printf ("%.1f MB", floor_mb),
             ratio, target, target == NULL || target_ok);
}

void
bench_print_summary (const char *title)
{
  gsize w[4] = { strlen ("operation"), strlen ("measured"), strlen ("floor"), strlen ("target") };

  if (lines == NULL)
    return;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);

      w[0] = MAX (w[0], (gsize)g_utf8_strlen (l->what, -1));
      w[1] = MAX (w[1], (gsize)g_utf8_strlen (l->measured, -1));
      w[2] = MAX (w[2], (gsize)g_utf8_strlen (l->floor, -1));
      w[3] = MAX (w[3], (gsize)g_utf8_strlen (l->target, -1));
    }

  g_print ("\nSummary: %s\n", title);
  g_print ("%-*s | %-*s | %-*s | %5s | %-*s | %s\n", (int)w[0], "operation", (int)w[1], "measured",
           (int)w[2], "floor", "ratio", (int)w[3], "target", "result");
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);

      /* Pad by characters, not bytes: "≥" is three bytes. */
      g_print ("%s%*s | %s%*s | %s%*s | %5s | %s%*s | %s\n",
               l->what, (int)(w[0] - g_utf8_strlen (l->what, -1)), "",
               l->measured, (int)(w[1] - g_utf8_strlen (l->measured, -1)), "",
               l->floor, (int)(w[2] - g_utf8_strlen (l->floor, -1)), "",
               l->ratio,
               l->target, (int)(w[3] - g_utf8_strlen (l->target, -1)), "",
               *l->target == '\0' ? "-" : l->ok ? "ok" : "TARGET MISSED");
    }
}
