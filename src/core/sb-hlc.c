/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-core-error.h"
#include "sb-hlc.h"
#include "sb-time.h"

#define INSTANT_LENGTH 24
#define NODE_LENGTH    16

struct _SbHlc
{
  /* The greatest (millis, counter) handed out or seen; node is ours. */
  SbHlcStamp last;
};

static int
lower_hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;

  return -1;
}

static int
compare_time (gint64 millis_a,
              guint counter_a,
              gint64 millis_b,
              guint counter_b)
{
  if (millis_a != millis_b)
    return millis_a < millis_b ? -1 : 1;
  if (counter_a != counter_b)
    return counter_a < counter_b ? -1 : 1;

  return 0;
}

/* Stores a new (millis, counter). A counter past its four digits carries
 * into the milliseconds, so the clock never has to fail; it only runs a
 * little ahead of the wall clock until the wall clock catches up. */
static void
set_last (SbHlc *hlc, gint64 millis, guint64 counter)
{
  if (counter > SB_HLC_COUNTER_MAX)
    {
      if (millis >= SB_TIME_MAX_MS)
        {
          /* The end of year 9999: nothing greater can be written. */
          millis = SB_TIME_MAX_MS;
          counter = SB_HLC_COUNTER_MAX;
        }
      else
        {
          millis++;
          counter = 0;
        }
    }

  hlc->last.millis = millis;
  hlc->last.counter = (guint) counter;
}

/* Renders a clock difference in words for an error message. */
static char *
format_drift (guint64 ms)
{
  const char *format;
  guint64 seconds;
  char number[24];

  if (ms >= 60000)
    return sb_duration_format ((gint64) MIN (ms / 60000, (guint64) G_MAXINT64));

  seconds = (ms + 999) / 1000;
  g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT, seconds);

  /* Translators: a number of seconds, short, as in "12 s" */
  format = g_dngettext (GETTEXT_PACKAGE, "%s s", "%s s", (gulong) seconds);

  /* format is the translation of a literal with one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (format, number);
#pragma GCC diagnostic pop
}

/**
 * sb_hlc_node_is_valid:
 * @node: (nullable): a device id to check
 *
 * Checks that @node is a device id as clock stamps carry it: exactly 16
 * lowercase hexadecimal digits.
 *
 * Returns: %TRUE if @node is a valid device id
 */
gboolean
sb_hlc_node_is_valid (const char *node)
{
  if (node == NULL)
    return FALSE;

  for (guint i = 0; i < NODE_LENGTH; i++)
    {
      if (lower_hex_value (node[i]) < 0)
        return FALSE;
    }

  return node[NODE_LENGTH] == '\0';
}

/**
 * sb_hlc_new_node_id:
 *
 * Makes a random device id for a new installation: 16 lowercase
 * hexadecimal digits (64 random bits).
 *
 * Returns: (transfer full): the device id; free with g_free()
 */
char *
sb_hlc_new_node_id (void)
{
  return g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());
}

/**
 * sb_hlc_stamp_parse:
 * @text: a stamp, e.g. `2026-11-21T09:30:00.000Z-0000-0123456789abcdef`
 * @out: (out caller-allocates) (optional): the parsed stamp
 * @error: return location for a #GError
 *
 * Parses a clock stamp in its one canonical text form: the instant in UTC
 * with milliseconds exactly as sb_time_format_instant() writes it, `-`,
 * four lowercase hexadecimal digits of counter, `-`, the 16-digit device
 * id. Anything else, even an equivalent instant written differently, is
 * refused with %SB_CORE_ERROR_INVALID, because stamps are compared as
 * text.
 *
 * Returns: %TRUE if @text was a stamp
 */
gboolean
sb_hlc_stamp_parse (const char *text, SbHlcStamp *out, GError **error)
{
  char instant[INSTANT_LENGTH + 1];
  g_autofree char *canonical = NULL;
  g_autofree char *quoted = NULL;
  gint64 millis;
  guint counter = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (text) != SB_HLC_STAMP_LENGTH || text[INSTANT_LENGTH] != '-' ||
      text[INSTANT_LENGTH + 5] != '-')
    goto bad_form;

  memcpy (instant, text, INSTANT_LENGTH);
  instant[INSTANT_LENGTH] = '\0';

  if (!sb_time_parse_instant (instant, &millis, NULL))
    goto bad_form;

  /* Only the exact form we write sorts right as text. */
  canonical = sb_time_format_instant (millis);
  if (strcmp (canonical, instant) != 0)
    goto bad_form;

  for (guint i = 0; i < 4; i++)
    {
      int v = lower_hex_value (text[INSTANT_LENGTH + 1 + i]);

      if (v < 0)
        goto bad_form;
      counter = counter * 16 + (guint) v;
    }

  if (!sb_hlc_node_is_valid (text + INSTANT_LENGTH + 6))
    goto bad_form;

  if (out != NULL)
    {
      out->millis = millis;
      out->counter = counter;
      memcpy (out->node, text + INSTANT_LENGTH + 6, NODE_LENGTH + 1);
    }

  return TRUE;

bad_form:
  quoted = sb_core_error_quote_input (text);
  g_set_error (
    error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
    /* Translators: %s is the text that was given; keep the example as it is */
    _ ("“%s” is not a clock stamp like "
       "2026-11-21T09:30:00.000Z-0000-0123456789abcdef"),
    quoted);

  return FALSE;
}

/**
 * sb_hlc_stamp_format:
 * @s: a stamp with a valid node, a counter up to %SB_HLC_COUNTER_MAX and
 *   millis between %SB_TIME_MIN_MS and %SB_TIME_MAX_MS
 *
 * Writes a stamp in its text form, %SB_HLC_STAMP_LENGTH characters that
 * sort like the stamps themselves.
 *
 * Returns: (transfer full): the stamp text; free with g_free()
 */
char *
sb_hlc_stamp_format (const SbHlcStamp *s)
{
  g_autofree char *instant = NULL;

  g_return_val_if_fail (s != NULL, NULL);
  g_return_val_if_fail (
    s->millis >= SB_TIME_MIN_MS && s->millis <= SB_TIME_MAX_MS, NULL);
  g_return_val_if_fail (s->counter <= SB_HLC_COUNTER_MAX, NULL);
  g_return_val_if_fail (sb_hlc_node_is_valid (s->node), NULL);

  instant = sb_time_format_instant (s->millis);

  /* "<instant>-<counter, 4 hex digits>-<node>", without printf: one
   * stamp per change of the write path. */
  {
    static const char hex[] = "0123456789abcdef";
    gsize instant_len = strlen (instant);
    gsize node_len = strlen (s->node);
    char *out = g_malloc (instant_len + 6 + node_len + 1);
    char *p = out;

    memcpy (p, instant, instant_len);
    p += instant_len;
    *p++ = '-';
    for (int shift = 12; shift >= 0; shift -= 4)
      *p++ = hex[(s->counter >> shift) & 0xf];
    *p++ = '-';
    memcpy (p, s->node, node_len + 1);

    return out;
  }
}

/**
 * sb_hlc_stamp_compare:
 * @a: a stamp
 * @b: another stamp
 *
 * Orders stamps by milliseconds, counter, then node: the same order as
 * comparing their text forms with strcmp().
 *
 * Returns: negative if @a comes before @b, 0 if equal, positive after
 */
int
sb_hlc_stamp_compare (const SbHlcStamp *a, const SbHlcStamp *b)
{
  int cmp;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  cmp = compare_time (a->millis, a->counter, b->millis, b->counter);
  if (cmp != 0)
    return cmp;

  cmp = strcmp (a->node, b->node);

  return cmp < 0 ? -1 : (cmp > 0 ? 1 : 0);
}

/**
 * sb_hlc_new:
 * @node: this device's id, 16 lowercase hexadecimal digits (see
 *   sb_hlc_new_node_id())
 *
 * Makes a clock for one device. It starts at the Unix epoch with counter
 * 0; call sb_hlc_observe() with the newest stamp the book already holds
 * before handing out new ones.
 *
 * Returns: (transfer full): the clock; free with sb_hlc_free()
 */
SbHlc *
sb_hlc_new (const char *node)
{
  SbHlc *hlc;

  g_return_val_if_fail (sb_hlc_node_is_valid (node), NULL);

  hlc = g_new0 (SbHlc, 1);
  memcpy (hlc->last.node, node, NODE_LENGTH + 1);

  return hlc;
}

/**
 * sb_hlc_free:
 * @hlc: (nullable) (transfer full): a clock
 *
 * Frees a clock.
 */
void
sb_hlc_free (SbHlc *hlc)
{
  g_free (hlc);
}

/**
 * sb_hlc_observe:
 * @hlc: a clock
 * @stamp: a stamp text, from this or any device
 *
 * Raises the clock to at least @stamp without producing a stamp, so that
 * every later sb_hlc_next() is greater than @stamp. Used when a book is
 * opened, with the newest stamp it holds. A malformed @stamp is ignored
 * (with a debug message): the clock only ever moves forward.
 */
void
sb_hlc_observe (SbHlc *hlc, const char *stamp)
{
  g_autoptr (GError) error = NULL;
  SbHlcStamp seen;

  g_return_if_fail (hlc != NULL);
  g_return_if_fail (stamp != NULL);

  if (!sb_hlc_stamp_parse (stamp, &seen, &error))
    {
      g_debug ("Ignoring stamp: %s", error->message);
      return;
    }

  if (compare_time (seen.millis, seen.counter, hlc->last.millis,
                    hlc->last.counter) > 0)
    set_last (hlc, seen.millis, seen.counter);
}

/**
 * sb_hlc_next:
 * @hlc: a clock
 * @now_ms: the wall clock, usually sb_time_now_ms()
 *
 * Hands out a stamp for a local change, strictly greater than every stamp
 * this clock handed out, observed or received before. Its milliseconds are
 * the later of @now_ms and the last stamp's; the counter restarts at 0 when
 * the milliseconds move on and counts up otherwise, carrying into the
 * milliseconds after 0xffff. So it never fails, even when the wall clock
 * steps backwards.
 *
 * Returns: (transfer full): the stamp text; free with g_free()
 */
char *
sb_hlc_next (SbHlc *hlc, gint64 now_ms)
{
  g_return_val_if_fail (hlc != NULL, NULL);
  g_return_val_if_fail (hlc->last.millis < SB_TIME_MAX_MS ||
                          hlc->last.counter < SB_HLC_COUNTER_MAX,
                        NULL);

  now_ms = CLAMP (now_ms, SB_TIME_MIN_MS, SB_TIME_MAX_MS);

  if (now_ms > hlc->last.millis)
    set_last (hlc, now_ms, 0);
  else
    set_last (hlc, hlc->last.millis, (guint64) hlc->last.counter + 1);

  return sb_hlc_stamp_format (&hlc->last);
}

/**
 * sb_hlc_receive:
 * @hlc: a clock
 * @remote: a stamp text from another device
 * @now_ms: the wall clock, usually sb_time_now_ms()
 * @max_drift_ms: how far, in milliseconds, @remote may be ahead of @now_ms
 * @error: return location for a #GError
 *
 * Merges a stamp from another device with the standard hybrid logical
 * clock rule, so that the next local stamp is greater than @remote.
 *
 * A stamp more than @max_drift_ms ahead of the wall clock is refused with
 * %SB_CORE_ERROR_CLOCK_DRIFT (a device whose clock is wrong would
 * otherwise drag every clock forward for good), and a malformed one with
 * %SB_CORE_ERROR_INVALID. The clock is unchanged when this fails.
 *
 * Returns: %TRUE if the stamp was merged
 */
gboolean
sb_hlc_receive (SbHlc *hlc,
                const char *remote,
                gint64 now_ms,
                gint64 max_drift_ms,
                GError **error)
{
  SbHlcStamp r;
  gint64 old_millis;
  gint64 new_millis;
  guint64 counter;

  g_return_val_if_fail (hlc != NULL, FALSE);
  g_return_val_if_fail (remote != NULL, FALSE);
  g_return_val_if_fail (max_drift_ms >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sb_hlc_stamp_parse (remote, &r, error))
    return FALSE;

  /* Unsigned arithmetic: the difference of two gint64 always fits. */
  if (r.millis > now_ms &&
      (guint64) r.millis - (guint64) now_ms > (guint64) max_drift_ms)
    {
      g_autofree char *quoted = sb_core_error_quote_input (remote);
      g_autofree char *ahead =
        format_drift ((guint64) r.millis - (guint64) now_ms);
      g_autofree char *allowed = format_drift ((guint64) max_drift_ms);

      g_set_error (
        error, SB_CORE_ERROR, SB_CORE_ERROR_CLOCK_DRIFT,
        /* Translators: the first %s is a clock stamp, the
         * others durations such as "2 h 10 min" or "30 s" */
        _ ("The change stamped “%s” comes from a clock %s ahead of this "
           "device’s (at most %s is allowed); check the date and time "
           "settings of both devices"),
        quoted, ahead, allowed);
      return FALSE;
    }

  now_ms = CLAMP (now_ms, SB_TIME_MIN_MS, SB_TIME_MAX_MS);
  old_millis = hlc->last.millis;
  new_millis = MAX (MAX (old_millis, r.millis), now_ms);

  if (new_millis == old_millis && new_millis == r.millis)
    counter = (guint64) MAX (hlc->last.counter, r.counter) + 1;
  else if (new_millis == old_millis)
    counter = (guint64) hlc->last.counter + 1;
  else if (new_millis == r.millis)
    counter = (guint64) r.counter + 1;
  else
    counter = 0;

  set_last (hlc, new_millis, counter);

  return TRUE;
}

/**
 * sb_hlc_get_last:
 * @hlc: a clock
 *
 * The clock's current state: the greatest time it handed out, observed or
 * received, with this device's node. Before any of that, the Unix epoch
 * with counter 0.
 *
 * Returns: (transfer none): the last stamp, owned by @hlc
 */
const SbHlcStamp *
sb_hlc_get_last (SbHlc *hlc)
{
  g_return_val_if_fail (hlc != NULL, NULL);

  return &hlc->last;
}
