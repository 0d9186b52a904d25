/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-uuid"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "sb-uuid.h"

static void
test_uuid_new_format (void)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *uuid = sb_uuid_new ();

      g_assert_nonnull (uuid);
      g_assert_cmpuint (strlen (uuid), ==, 36);
      g_assert_true (sb_uuid_is_valid (uuid));
      /* Version 7, RFC 9562 variant. */
      g_assert_cmpint (uuid[14], ==, '7');
      g_assert_nonnull (strchr ("89ab", uuid[19]));

      for (const char *p = uuid; *p != '\0'; p++)
        g_assert_false (g_ascii_isupper (*p));
    }
}

static void
test_uuid_new_unique (void)
{
  g_autoptr (GHashTable) seen =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 20000; i++)
    g_assert_true (g_hash_table_add (seen, sb_uuid_new ()));
}

static gint64
uuid_ms (const char *uuid)
{
  g_autofree char *digits = g_strndup (uuid, 8);
  g_autofree char *more = g_strndup (uuid + 9, 4);
  g_autofree char *all = g_strconcat (digits, more, NULL);

  return (gint64)g_ascii_strtoull (all, NULL, 16);
}

/* Time-ordered: the first 48 bits are the Unix time in milliseconds, and
 * ids made one after another sort one after another, also many within
 * one millisecond. */
static void
test_uuid_new_ordered (void)
{
  gint64 before = g_get_real_time () / 1000;
  g_autofree char *previous = sb_uuid_new ();
  gint64 after;

  for (guint i = 0; i < 50000; i++)
    {
      g_autofree char *uuid = sb_uuid_new ();

      if (strcmp (previous, uuid) >= 0)
        g_error ("“%s” does not sort after “%s”", uuid, previous);
      g_free (previous);
      previous = g_steal_pointer (&uuid);
    }
  after = g_get_real_time () / 1000;

  /* 50,000 ids may run a few milliseconds ahead of the clock when many
   * fall in one millisecond (4,096 at most each), never behind it. */
  g_assert_cmpint (uuid_ms (previous), >=, before);
  g_assert_cmpint (uuid_ms (previous), <=, after + 50000 / 2048 + 1);
}

static void
test_uuid_is_valid (void)
{
  static const char *const valid[] = {
    "00000000-0000-0000-0000-000000000000",
    "0f2c7a34-9b1e-4d5a-8c3f-7e6d5c4b3a29",
    "ffffffff-ffff-1fff-bfff-ffffffffffff",
  };
  static const char *const invalid[] = {
    "",
    "0F2C7A34-9B1E-4D5A-8C3F-7E6D5C4B3A29",
    "0f2c7a34-9b1e-4d5a-8c3f-7e6d5c4b3a2",
    "0f2c7a34-9b1e-4d5a-8c3f-7e6d5c4b3a299",
    "0f2c7a34-9b1e-4d5a-8c3f-7e6d5c4b3a29 ",
    " 0f2c7a34-9b1e-4d5a-8c3f-7e6d5c4b3a29",
    "{0f2c7a34-9b1e-4d5a-8c3f-7e6d5c4b3a29}",
    "0f2c7a349b1e4d5a8c3f7e6d5c4b3a29",
    "0f2c7a34-9b1e-4d5a-8c3f7e6d5c4b3a29-",
    "0f2c7a3-49b1e-4d5a-8c3f-7e6d5c4b3a29",
    "0f2c7a34-9b1e-4d5a-8c3g-7e6d5c4b3a29",
    "0f2c7a34_9b1e_4d5a_8c3f_7e6d5c4b3a29",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (sb_uuid_is_valid (valid[i]));

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (sb_uuid_is_valid (invalid[i]))
        g_error ("“%s” should not be a valid UUID", invalid[i]);
    }

  g_assert_false (sb_uuid_is_valid (NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uuid/new/format", test_uuid_new_format);
  g_test_add_func ("/uuid/new/unique", test_uuid_new_unique);
  g_test_add_func ("/uuid/new/ordered", test_uuid_new_ordered);
  g_test_add_func ("/uuid/is-valid", test_uuid_is_valid);

  return g_test_run ();
}
