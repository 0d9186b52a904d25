/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sb-store-private.h"
#include "sb-test-utils.h"

/*
 * A writer process is killed (SIGKILL) in the middle of many writes. The
 * book must open afterwards, sound, holding every change the writer had
 * reported as committed, and no half of any change.
 */

#define CHANGES_PER_COMMIT 5
#define WRITER_LIMIT 20000   /* the writer stops by itself */

static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = sb_store_open (path, SB_STORE_OPEN_CREATE, &error);

  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (int n = 0; n < WRITER_LIMIT; n++)
    {
      g_autoptr(SbTransaction) tx = sb_store_begin (store, &error);

      if (tx == NULL)
        return 1;

      for (int k = 0; k < CHANGES_PER_COMMIT; k++)
        {
          g_autofree char *key = g_strdup_printf ("k%d-%d", n, k);
          g_autoptr(SbChange) change = sb_change_insert_with_id ("book_setting", key);

          sb_change_set_string (change, "value", key);
          if (!sb_transaction_apply (tx, change, &error))
            return 1;
        }

      if (!sb_transaction_commit (tx, &error))
        return 1;

      /* Reported only after the commit returned. */
      printf ("%d\n", n);
      fflush (stdout);
    }

  return 0;
}

static void
crash_after (int kill_after)
{
  g_autofree char *dir = sb_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "book.sqlite", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--writer", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SbStore) store = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  int last_reported = -1;
  GPid pid;
  int out_fd;
  int status;
  char buffer[4096];
  ssize_t n;
  gboolean killed = FALSE;
  SbStoreInfo info;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);

  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    {
      char *line;
      char *newline;

      g_string_append_len (pending, buffer, n);
      while ((newline = strchr (pending->str, '\n')) != NULL)
        {
          *newline = '\0';
          line = pending->str;
          last_reported = atoi (line);
          g_string_erase (pending, 0, newline - pending->str + 1);
        }

      if (!killed && last_reported >= kill_after)
        {
          kill (pid, SIGKILL);
          killed = TRUE;
        }
    }
  close (out_fd);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  g_assert_true (killed);
  g_assert_true (WIFSIGNALED (status));
  g_test_message ("killed after %d reported commits", last_reported + 1);

  g_assert_true (sb_store_inspect (path, &info, &error));
  g_assert_no_error (error);
  g_assert_true (info.integrity_ok);
  sb_store_info_clear (&info);

  store = sb_store_open (path, SB_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* Every reported commit is there, whole. */
  for (int i = 0; i <= last_reported; i++)
    for (int k = 0; k < CHANGES_PER_COMMIT; k++)
      {
        g_autofree char *key = g_strdup_printf ("k%d-%d", i, k);
        g_autofree char *value = sb_store_get_setting (store, key);

        g_assert_cmpstr (value, ==, key);
      }

  /* No change is half there: record, journal and audit agree, and commits
   * are whole. */
  {
    sqlite3_stmt *stmt;
    gint64 records, journal, audit;

    stmt = sb_store_prepare (store, "SELECT count(*) FROM book_setting WHERE id LIKE 'k%'", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    records = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);

    stmt = sb_store_prepare (store, "SELECT count(*) FROM sb_journal WHERE row_id LIKE 'k%'", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    journal = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);

    stmt = sb_store_prepare (store, "SELECT count(*) FROM sb_audit_trail WHERE row_id LIKE 'k%'", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    audit = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);

    g_assert_cmpint (records, ==, journal);
    g_assert_cmpint (records, ==, audit);
    g_assert_cmpint (records % CHANGES_PER_COMMIT, ==, 0);
    g_assert_cmpint (records, >=, (gint64)(last_reported + 1) * CHANGES_PER_COMMIT);
  }

  g_clear_object (&store);
  sb_test_rm_rf (dir);
}

static void
test_kill_early (void)
{
  crash_after (20);
}

static void
test_kill_later (void)
{
  crash_after (400);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/kill-early", test_kill_early);
  g_test_add_func ("/store/crash/kill-later", test_kill_later);

  return g_test_run ();
}
