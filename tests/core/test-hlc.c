/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-hlc"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "sb-core-error.h"
#include "sb-hlc.h"
#include "sb-time.h"

#define NODE_A "0123456789abcdef"
#define NODE_B "fedcba9876543210"

/* 2026-11-21T09:30:00.000Z */
#define T0 G_GINT64_CONSTANT (1795253400000)

static SbHlcStamp
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  SbHlcStamp stamp;

  if (!sb_hlc_stamp_parse (text, &stamp, &error))
    g_error ("“%s” should parse: %s", text, error->message);

  return stamp;
}

static char *
make_stamp (gint64 millis, guint counter, const char *node)
{
  SbHlcStamp s = { millis, counter, { 0 } };

  g_strlcpy (s.node, node, sizeof s.node);

  return sb_hlc_stamp_format (&s);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static int
compare_stamps (gconstpointer a, gconstpointer b)
{
  return sb_hlc_stamp_compare (a, b);
}

static void
test_stamp_format_parse (void)
{
  const char *text = "2026-11-21T09:30:00.000Z-0000-0123456789abcdef";
  SbHlcStamp s = parse_ok (text);
  g_autofree char *back = NULL;
  g_autofree char *pre_epoch = NULL;
  g_autofree char *max = NULL;

  g_assert_cmpint (s.millis, ==, T0);
  g_assert_cmpuint (s.counter, ==, 0);
  g_assert_cmpstr (s.node, ==, NODE_A);

  back = sb_hlc_stamp_format (&s);
  g_assert_cmpstr (back, ==, text);
  g_assert_cmpuint (strlen (back), ==, SB_HLC_STAMP_LENGTH);

  s = parse_ok ("2026-11-21T09:30:00.001Z-ffff-fedcba9876543210");
  g_assert_cmpint (s.millis, ==, T0 + 1);
  g_assert_cmpuint (s.counter, ==, 0xffff);
  g_assert_cmpstr (s.node, ==, NODE_B);

  s = parse_ok ("2026-11-21T09:30:00.001Z-00a0-fedcba9876543210");
  g_assert_cmpuint (s.counter, ==, 0xa0);

  pre_epoch = make_stamp (-1, 0x1234, NODE_A);
  g_assert_cmpstr (pre_epoch, ==,
                   "1969-12-31T23:59:59.999Z-1234-0123456789abcdef");
  s = parse_ok (pre_epoch);
  g_assert_cmpint (s.millis, ==, -1);

  max = make_stamp (SB_TIME_MAX_MS, SB_HLC_COUNTER_MAX, NODE_B);
  g_assert_cmpstr (max, ==, "9999-12-31T23:59:59.999Z-ffff-fedcba9876543210");

  /* Validation only. */
  g_assert_true (sb_hlc_stamp_parse (text, NULL, NULL));
}

static void
test_stamp_malformed (void)
{
  static const char *const malformed[] = {
    "",
    "2026-11-21T09:30:00.000Z",
    "2026-11-21T09:30:00.000Z-0000",
    "2026-11-21T09:30:00.000Z-0000-0123456789abcde",
    "2026-11-21T09:30:00.000Z-0000-0123456789abcdef0",
    "2026-11-21T09:30:00.000Z-0000-0123456789ABCDEF",
    "2026-11-21T09:30:00.000Z-00A0-0123456789abcdef",
    "2026-11-21T09:30:00.000Z-000g-0123456789abcdef",
    "2026-11-21T09:30:00.000Z-00000-123456789abcdef",
    "2026-11-21T09:30:00.000Z_0000_0123456789abcdef",
    "2026-11-21T09:30:00.000Z-0000-0123456789abcdeg",
    "2026-11-21T09:30:00.000Z-0000-0123456789abcd f",
    " 2026-11-21T09:30:00.000Z-0000-0123456789abcdef",
    "2026-11-21T09:30:00.000Z-0000-0123456789abcdef ",
    /* Right length, but not our one instant form: they would sort wrong. */
    "2026-11-21T10:30:00+01:00-0000-0123456789abcdef",
    "2026-11-21T10:30:00+0100-0000-0123456789abcdef",
    "2026-11-21T09:30:00-0000-0000-0123456789abcdef",
    "2026-11-21T09:30:00.00Z0-0000-0123456789abcdef",
    "2026-11-21T09:30:00.000z-0000-0123456789abcdef",
    "2026-11-21 09:30:00.000Z-0000-0123456789abcdef",
    /* Impossible instants. */
    "2026-02-30T09:30:00.000Z-0000-0123456789abcdef",
    "2026-11-21T24:30:00.000Z-0000-0123456789abcdef",
    "0000-11-21T09:30:00.000Z-0000-0123456789abcdef",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr (GError) error = NULL;
      SbHlcStamp s = { 42, 42, "unchanged" };

      if (sb_hlc_stamp_parse (malformed[i], &s, &error))
        g_error ("“%s” should be refused", malformed[i]);

      g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "is not a clock stamp"));
      g_assert_cmpint (s.millis, ==, 42);
      g_assert_cmpstr (s.node, ==, "unchanged");
    }
}

static void
test_stamp_text_order (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1121);
  static const char *const nodes[] = {
    "0000000000000000", "0000000000000001", "00000000ffffffff",
    "0123456789abcdef", "a000000000000000", "ffffffffffffffff",
  };
  static const gint64 millis[] = {
    SB_TIME_MIN_MS, -86400001, -1000,  -999,           -1, 0, 1, 999, 1000,
    T0 - 1,         T0,        T0 + 1, SB_TIME_MAX_MS,
  };
  static const guint counters[] = { 0,  1,    9,     10,     15,
                                    16, 0xff, 0x100, 0xfffe, 0xffff };
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) stamps = g_array_new (FALSE, FALSE, sizeof (SbHlcStamp));

  /* Every edge combination, plus random stamps. */
  for (gsize m = 0; m < G_N_ELEMENTS (millis); m++)
    for (gsize c = 0; c < G_N_ELEMENTS (counters); c++)
      for (gsize n = 0; n < G_N_ELEMENTS (nodes); n++)
        g_ptr_array_add (texts, make_stamp (millis[m], counters[c], nodes[n]));

  for (guint i = 0; i < 5000; i++)
    {
      gint64 ms = (gint64) g_rand_double_range (rand, (double) SB_TIME_MIN_MS,
                                                (double) SB_TIME_MAX_MS);
      g_autofree char *node =
        g_strdup_printf ("%08x%08x", g_rand_int (rand), g_rand_int (rand));

      g_ptr_array_add (
        texts, make_stamp (ms, g_rand_int_range (rand, 0, 0x10000), node));
    }

  for (guint i = 0; i < texts->len; i++)
    {
      SbHlcStamp s = parse_ok (g_ptr_array_index (texts, i));
      g_array_append_val (stamps, s);
    }

  g_ptr_array_sort (texts, compare_strings);
  g_array_sort (stamps, compare_stamps);

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *text =
        sb_hlc_stamp_format (&g_array_index (stamps, SbHlcStamp, i));

      g_assert_cmpstr (text, ==, g_ptr_array_index (texts, i));
    }
}

static void
test_stamp_compare (void)
{
  SbHlcStamp a = parse_ok ("2026-11-21T09:30:00.000Z-0001-0123456789abcdef");
  SbHlcStamp b = parse_ok ("2026-11-21T09:30:00.000Z-0001-fedcba9876543210");
  SbHlcStamp c = parse_ok ("2026-11-21T09:30:00.000Z-0002-0123456789abcdef");
  SbHlcStamp d = parse_ok ("2026-11-21T09:30:00.001Z-0000-0000000000000000");

  g_assert_cmpint (sb_hlc_stamp_compare (&a, &a), ==, 0);
  g_assert_cmpint (sb_hlc_stamp_compare (&a, &b), <, 0);
  g_assert_cmpint (sb_hlc_stamp_compare (&b, &a), >, 0);
  g_assert_cmpint (sb_hlc_stamp_compare (&b, &c), <, 0);
  g_assert_cmpint (sb_hlc_stamp_compare (&c, &d), <, 0);
  g_assert_cmpint (sb_hlc_stamp_compare (&d, &a), >, 0);
}

static void
test_node (void)
{
  g_autoptr (GHashTable) seen =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 1000; i++)
    {
      char *node = sb_hlc_new_node_id ();

      g_assert_true (sb_hlc_node_is_valid (node));
      g_assert_true (g_hash_table_add (seen, node));
    }

  g_assert_true (sb_hlc_node_is_valid (NODE_A));
  g_assert_false (sb_hlc_node_is_valid (NULL));
  g_assert_false (sb_hlc_node_is_valid (""));
  g_assert_false (sb_hlc_node_is_valid ("0123456789ABCDEF"));
  g_assert_false (sb_hlc_node_is_valid ("0123456789abcde"));
  g_assert_false (sb_hlc_node_is_valid ("0123456789abcdef0"));
  g_assert_false (sb_hlc_node_is_valid ("0123456789abcdeg"));
}

static void
test_new_refuses_bad_node (void)
{
  SbHlc *hlc;

  if (!g_test_undefined ())
    return;

  g_test_expect_message ("sb-core", G_LOG_LEVEL_CRITICAL,
                         "*sb_hlc_node_is_valid*");
  hlc = sb_hlc_new ("0123456789ABCDEF");
  g_test_assert_expected_messages ();
  g_assert_null (hlc);
}

static void
test_next_basic (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  const SbHlcStamp *last = sb_hlc_get_last (hlc);
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;
  g_autofree char *s4 = NULL;

  g_assert_cmpint (last->millis, ==, 0);
  g_assert_cmpuint (last->counter, ==, 0);
  g_assert_cmpstr (last->node, ==, NODE_A);

  s1 = sb_hlc_next (hlc, T0);
  g_assert_cmpstr (s1, ==, "2026-11-21T09:30:00.000Z-0000-0123456789abcdef");

  /* Same millisecond: the counter counts. */
  s2 = sb_hlc_next (hlc, T0);
  g_assert_cmpstr (s2, ==, "2026-11-21T09:30:00.000Z-0001-0123456789abcdef");

  /* Wall clock went back: stay on the last millisecond, count on. */
  s3 = sb_hlc_next (hlc, T0 - 5000);
  g_assert_cmpstr (s3, ==, "2026-11-21T09:30:00.000Z-0002-0123456789abcdef");

  /* Wall clock moved on: counter restarts. */
  s4 = sb_hlc_next (hlc, T0 + 1);
  g_assert_cmpstr (s4, ==, "2026-11-21T09:30:00.001Z-0000-0123456789abcdef");

  last = sb_hlc_get_last (hlc);
  g_assert_cmpint (last->millis, ==, T0 + 1);
  g_assert_cmpuint (last->counter, ==, 0);
}

static void
test_next_monotonic (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  g_autoptr (GRand) rand = g_rand_new_with_seed (100000);
  g_autoptr (GPtrArray) stamps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) sorted = NULL;
  gint64 now = T0;
  guint steps_back = 0;

  /* A wall clock that mostly creeps forward, often stands still, and
   * sometimes jumps back by up to an hour (NTP, a dead RTC battery). */
  for (guint i = 0; i < 100000; i++)
    {
      char *stamp;
      guint dice = g_rand_int_range (rand, 0, 100);

      if (dice < 40)
        {
          now += g_rand_int_range (rand, 1, 5);
        }
      else if (dice >= 95)
        {
          /* Small steps back mostly, an hour back now and then. */
          now -= g_rand_int_range (rand, 1, dice < 99 ? 2000 : 3600000);
          steps_back++;
        }

      stamp = sb_hlc_next (hlc, now);
      g_assert_nonnull (stamp);
      g_assert_cmpuint (strlen (stamp), ==, SB_HLC_STAMP_LENGTH);

      if (stamps->len > 0)
        {
          const char *previous = g_ptr_array_index (stamps, stamps->len - 1);
          SbHlcStamp p = parse_ok (previous);
          SbHlcStamp s = parse_ok (stamp);

          if (strcmp (previous, stamp) >= 0)
            g_error ("stamp %u (%s) is not after %s", i, stamp, previous);
          g_assert_cmpint (sb_hlc_stamp_compare (&p, &s), <, 0);
          /* Never behind the wall clock. */
          g_assert_cmpint (s.millis, >=, now);
        }

      g_ptr_array_add (stamps, stamp);
    }

  g_assert_cmpuint (steps_back, >, 1000);

  /* Sorting the texts gives back the order they were made in. */
  sorted = g_ptr_array_copy (stamps, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < stamps->len; i++)
    g_assert_true (g_ptr_array_index (sorted, i) ==
                   g_ptr_array_index (stamps, i));
}

static void
test_next_counter_overflow (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  g_autofree char *previous = NULL;
  const SbHlcStamp *last;

  /* A frozen wall clock: 0x10000 stamps fill the counter... */
  for (guint i = 0; i <= SB_HLC_COUNTER_MAX; i++)
    {
      g_autofree char *stamp = sb_hlc_next (hlc, T0);

      if (previous != NULL)
        g_assert_cmpint (strcmp (previous, stamp), <, 0);
      g_free (previous);
      previous = g_steal_pointer (&stamp);
    }

  g_assert_cmpstr (previous, ==,
                   "2026-11-21T09:30:00.000Z-ffff-0123456789abcdef");

  /* ... and the next one carries into the milliseconds. */
  {
    g_autofree char *stamp = sb_hlc_next (hlc, T0);

    g_assert_cmpstr (stamp, ==,
                     "2026-11-21T09:30:00.001Z-0000-0123456789abcdef");
    g_assert_cmpint (strcmp (previous, stamp), <, 0);
  }

  /* The clock runs ahead of the frozen wall clock and keeps going. */
  for (guint i = 0; i < 3 * (SB_HLC_COUNTER_MAX + 1) - 1; i++)
    {
      g_autofree char *stamp = sb_hlc_next (hlc, T0 - 10);

      g_assert_cmpint (strcmp (previous, stamp), <, 0);
      g_free (previous);
      previous = g_steal_pointer (&stamp);
    }

  last = sb_hlc_get_last (hlc);
  g_assert_cmpint (last->millis, ==, T0 + 3);
  g_assert_cmpuint (last->counter, ==, SB_HLC_COUNTER_MAX);

  /* Once the wall clock passes it, the counter restarts. */
  {
    g_autofree char *stamp = sb_hlc_next (hlc, T0 + 4);
    g_assert_cmpstr (stamp, ==,
                     "2026-11-21T09:30:00.004Z-0000-0123456789abcdef");
  }
}

/* A wall clock beyond what stamps can hold is held at their limits. */
static void
test_extreme_wall_clock (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  g_autoptr (SbHlc) other = sb_hlc_new (NODE_B);
  g_autoptr (GError) error = NULL;
  g_autofree char *a = sb_hlc_next (hlc, G_MININT64);
  g_autofree char *b = sb_hlc_next (hlc, G_MAXINT64);
  g_autofree char *c = sb_hlc_next (hlc, G_MININT64);
  const SbHlcStamp *last;

  g_assert_cmpstr (a, ==, "1970-01-01T00:00:00.000Z-0001-0123456789abcdef");
  g_assert_cmpstr (b, ==, "9999-12-31T23:59:59.999Z-0000-0123456789abcdef");
  g_assert_cmpstr (c, ==, "9999-12-31T23:59:59.999Z-0001-0123456789abcdef");

  g_assert_true (sb_hlc_receive (other, a, G_MAXINT64, 0, &error));
  g_assert_no_error (error);
  last = sb_hlc_get_last (other);
  g_assert_cmpint (last->millis, ==, SB_TIME_MAX_MS);
  g_assert_cmpuint (last->counter, ==, 0);
}

static void
test_observe (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  const char *newest = "2026-11-21T09:30:00.000Z-0007-fedcba9876543210";
  const SbHlcStamp *last;
  g_autofree char *stamp = NULL;
  g_autofree char *stamp2 = NULL;

  sb_hlc_observe (hlc, newest);
  last = sb_hlc_get_last (hlc);
  g_assert_cmpint (last->millis, ==, T0);
  g_assert_cmpuint (last->counter, ==, 7);
  g_assert_cmpstr (last->node, ==, NODE_A);

  /* Older and malformed stamps change nothing. */
  sb_hlc_observe (hlc, "2026-11-21T09:29:59.999Z-ffff-ffffffffffffffff");
  sb_hlc_observe (hlc, "2026-11-21T09:30:00.000Z-0006-ffffffffffffffff");
  sb_hlc_observe (hlc, "garbage");
  sb_hlc_observe (hlc, "2030-11-21T09:30:00.000Z-0000-FFFFFFFFFFFFFFFF");
  sb_hlc_observe (hlc, "");
  last = sb_hlc_get_last (hlc);
  g_assert_cmpint (last->millis, ==, T0);
  g_assert_cmpuint (last->counter, ==, 7);

  /* Even with the wall clock far behind, and with a greater node id in
   * the observed stamp, the next stamp is after it. */
  stamp = sb_hlc_next (hlc, T0 - 86400000);
  g_assert_cmpstr (stamp, ==, "2026-11-21T09:30:00.000Z-0008-0123456789abcdef");
  g_assert_cmpint (strcmp (newest, stamp), <, 0);

  stamp2 = sb_hlc_next (hlc, T0 + 60000);
  g_assert_cmpstr (stamp2, ==,
                   "2026-11-21T09:31:00.000Z-0000-0123456789abcdef");
}

static void
test_observe_counter_max (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  g_autofree char *stamp = NULL;

  sb_hlc_observe (hlc, "2026-11-21T09:30:00.000Z-ffff-ffffffffffffffff");
  stamp = sb_hlc_next (hlc, T0);
  g_assert_cmpstr (stamp, ==, "2026-11-21T09:30:00.001Z-0000-0123456789abcdef");
}

static void
receive_ok (SbHlc *hlc, const char *remote, gint64 now)
{
  g_autoptr (GError) error = NULL;

  if (!sb_hlc_receive (hlc, remote, now, 60000, &error))
    g_error ("receiving %s should work: %s", remote, error->message);
}

static void
assert_last (SbHlc *hlc, gint64 millis, guint counter)
{
  const SbHlcStamp *last = sb_hlc_get_last (hlc);

  g_assert_cmpint (last->millis, ==, millis);
  g_assert_cmpuint (last->counter, ==, counter);
  g_assert_cmpstr (last->node, ==, NODE_A);
}

static void
test_receive_rule (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  g_autofree char *local = sb_hlc_next (hlc, T0); /* (T0, 0) */

  /* The wall clock is ahead of both: it wins, counter 0. */
  receive_ok (hlc, "2026-11-21T09:30:00.000Z-0005-fedcba9876543210", T0 + 10);
  assert_last (hlc, T0 + 10, 0);

  /* The remote is ahead of both (within the drift): its time, its
   * counter + 1. */
  receive_ok (hlc, "2026-11-21T09:30:00.020Z-0004-fedcba9876543210", T0 + 10);
  assert_last (hlc, T0 + 20, 5);

  /* Ours is ahead of both: our time, our counter + 1. */
  receive_ok (hlc, "2026-11-21T09:30:00.015Z-0009-fedcba9876543210", T0 + 12);
  assert_last (hlc, T0 + 20, 6);

  /* Ours and the remote's tie: the larger counter + 1, either way. */
  receive_ok (hlc, "2026-11-21T09:30:00.020Z-0030-fedcba9876543210", T0);
  assert_last (hlc, T0 + 20, 0x31);
  receive_ok (hlc, "2026-11-21T09:30:00.020Z-0002-fedcba9876543210", T0);
  assert_last (hlc, T0 + 20, 0x32);

  /* A tie at the largest counter carries into the milliseconds. */
  receive_ok (hlc, "2026-11-21T09:30:00.020Z-ffff-fedcba9876543210", T0);
  assert_last (hlc, T0 + 21, 0);

  /* After a receive, the next local stamp is after the remote one. */
  {
    const char *remote = "2026-11-21T09:30:00.050Z-0100-ffffffffffffffff";
    g_autofree char *next = NULL;

    receive_ok (hlc, remote, T0);
    next = sb_hlc_next (hlc, T0);
    g_assert_cmpint (strcmp (remote, next), <, 0);
    g_assert_cmpstr (next, ==,
                     "2026-11-21T09:30:00.050Z-0102-0123456789abcdef");
  }
}

static void
test_receive_drift (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  g_autoptr (GError) error = NULL;
  g_autofree char *local = sb_hlc_next (hlc, T0);
  g_autofree char *remote_2min = make_stamp (T0 + 120000, 0, NODE_B);
  g_autofree char *remote_edge = make_stamp (T0 + 60000, 0, NODE_B);
  g_autofree char *remote_5s = make_stamp (T0 + 5000, 0, NODE_B);
  g_autofree char *remote_far =
    make_stamp (SB_TIME_MAX_MS, SB_HLC_COUNTER_MAX, NODE_B);

  /* Two minutes ahead with one allowed: refused, says how much, clock
   * unchanged. */
  g_assert_false (sb_hlc_receive (hlc, remote_2min, T0, 60000, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_CLOCK_DRIFT);
  g_assert_nonnull (strstr (error->message, remote_2min));
  g_assert_nonnull (strstr (error->message, "2 min"));
  g_assert_nonnull (strstr (error->message, "1 min"));
  g_clear_error (&error);
  assert_last (hlc, T0, 0);

  /* Seconds are named as such. */
  g_assert_false (sb_hlc_receive (hlc, remote_5s, T0, 1000, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_CLOCK_DRIFT);
  g_assert_nonnull (strstr (error->message, "5 s"));
  g_assert_nonnull (strstr (error->message, "1 s"));
  g_clear_error (&error);

  /* Exactly at the limit is fine. */
  g_assert_true (sb_hlc_receive (hlc, remote_edge, T0, 60000, &error));
  g_assert_no_error (error);
  assert_last (hlc, T0 + 60000, 1);

  /* A remote clock at the end of time, against an extreme wall clock. */
  g_assert_false (
    sb_hlc_receive (hlc, remote_far, G_MININT64, G_MAXINT64 - 1, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_CLOCK_DRIFT);
  g_clear_error (&error);
  assert_last (hlc, T0 + 60000, 1);

  /* Remote stamps behind us are never drift. */
  g_assert_true (sb_hlc_receive (hlc, local, T0 + 60000, 0, &error));
  g_assert_no_error (error);
  assert_last (hlc, T0 + 60000, 2);
}

static void
test_receive_malformed (void)
{
  g_autoptr (SbHlc) hlc = sb_hlc_new (NODE_A);
  g_autofree char *local = sb_hlc_next (hlc, T0);
  static const char *const bad[] = {
    "",
    "nonsense",
    "2026-11-21T09:30:00.000Z-0000-FEDCBA9876543210",
    "2026-11-21T09:30:00Z-0000-fedcba9876543210",
    "2026-11-21T09:30:00.000Z-10000-fedcba9876543210",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (sb_hlc_receive (hlc, bad[i], T0, 60000, &error));
      g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
      assert_last (hlc, T0, 0);
    }
}

/* Three devices with skewed clocks edit and exchange stamps in random
 * order; every device's stamps keep increasing, and every stamp made
 * after receiving another is after it (happened-before is kept). */
static void
test_devices_exchange (void)
{
  static const char *const nodes[] = { NODE_A, NODE_B, "00000000000000aa" };
  static const gint64 skew[] = { 0, -30000, 45000 };
  SbHlc *clocks[3];
  char *latest[3] = { NULL, NULL, NULL };
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  gint64 now = T0;

  for (guint d = 0; d < 3; d++)
    clocks[d] = sb_hlc_new (nodes[d]);

  for (guint i = 0; i < 30000; i++)
    {
      guint d = (guint) g_rand_int_range (rand, 0, 3);
      guint from = (guint) g_rand_int_range (rand, 0, 3);
      char *stamp;

      now += g_rand_int_range (rand, -3, 10);

      if (from != d && latest[from] != NULL && g_rand_boolean (rand))
        {
          g_autoptr (GError) error = NULL;

          if (!sb_hlc_receive (clocks[d], latest[from], now + skew[d], 120000,
                               &error))
            g_error ("receive: %s", error->message);

          stamp = sb_hlc_next (clocks[d], now + skew[d]);
          g_assert_cmpint (strcmp (latest[from], stamp), <, 0);
        }
      else
        {
          stamp = sb_hlc_next (clocks[d], now + skew[d]);
        }

      if (latest[d] != NULL)
        g_assert_cmpint (strcmp (latest[d], stamp), <, 0);
      g_free (latest[d]);
      latest[d] = stamp;
    }

  for (guint d = 0; d < 3; d++)
    {
      g_free (latest[d]);
      sb_hlc_free (clocks[d]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hlc/stamp/format-parse", test_stamp_format_parse);
  g_test_add_func ("/hlc/stamp/malformed", test_stamp_malformed);
  g_test_add_func ("/hlc/stamp/text-order", test_stamp_text_order);
  g_test_add_func ("/hlc/stamp/compare", test_stamp_compare);
  g_test_add_func ("/hlc/node", test_node);
  g_test_add_func ("/hlc/new/bad-node", test_new_refuses_bad_node);
  g_test_add_func ("/hlc/next/basic", test_next_basic);
  g_test_add_func ("/hlc/next/monotonic", test_next_monotonic);
  g_test_add_func ("/hlc/next/counter-overflow", test_next_counter_overflow);
  g_test_add_func ("/hlc/next/extreme-wall-clock", test_extreme_wall_clock);
  g_test_add_func ("/hlc/observe/raises", test_observe);
  g_test_add_func ("/hlc/observe/counter-max", test_observe_counter_max);
  g_test_add_func ("/hlc/receive/rule", test_receive_rule);
  g_test_add_func ("/hlc/receive/drift", test_receive_drift);
  g_test_add_func ("/hlc/receive/malformed", test_receive_malformed);
  g_test_add_func ("/hlc/devices-exchange", test_devices_exchange);

  return g_test_run ();
}
