/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-core"

#include "config.h"

#include "sb-uuid.h"

/* The last instant and counter handed out, so that the UUIDs of one
 * process always increase, also within one millisecond. */
G_LOCK_DEFINE_STATIC (last);
static gint64 last_ms;
static guint last_counter;

/**
 * sb_uuid_new:
 *
 * Makes a new UUID for a record id, in its canonical lowercase
 * 36-character text form: a time-ordered version 7 UUID (RFC 9562), the
 * Unix time in milliseconds in the first 48 bits, then a 12-bit counter
 * that starts at a random value in each millisecond, then 62 random bits.
 *
 * Ids made one after another sort one after another, so a large import
 * appends to the primary-key and id indexes instead of writing all over
 * them; the 74 random bits keep ids of different devices apart as well
 * as the 122 of a version 4 UUID do in practice. The ids of one process
 * always increase, even when the clock steps back.
 *
 * Returns: (transfer full): the new UUID; free with g_free()
 */
char *
sb_uuid_new (void)
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  gint64 ms = g_get_real_time () / 1000;
  guint counter;
  guint32 r1 = g_random_int ();
  guint32 r2 = g_random_int ();
  char *out = g_malloc (37);
  guint j = 0;

  G_LOCK (last);
  if (ms > last_ms)
    {
      /* A new millisecond: the counter starts low enough to leave room
       * for many more ids in it. */
      counter = g_random_int_range (0, 0x800);
    }
  else
    {
      ms = last_ms;
      counter = last_counter + 1;
      if (counter > 0xfff)
        {
          ms++;
          counter = g_random_int_range (0, 0x800);
        }
    }
  last_ms = ms;
  last_counter = counter;
  G_UNLOCK (last);

  for (guint i = 0; i < 6; i++)
    bytes[i] = (guint8)(ms >> (40 - 8 * i));
  bytes[6] = 0x70 | (guint8)(counter >> 8);
  bytes[7] = (guint8)counter;
  bytes[8] = 0x80 | (guint8)((r1 >> 24) & 0x3f);
  bytes[9] = (guint8)(r1 >> 16);
  bytes[10] = (guint8)(r1 >> 8);
  bytes[11] = (guint8)r1;
  bytes[12] = (guint8)(r2 >> 24);
  bytes[13] = (guint8)(r2 >> 16);
  bytes[14] = (guint8)(r2 >> 8);
  bytes[15] = (guint8)r2;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[j++] = '-';
      out[j++] = hex[bytes[i] >> 4];
      out[j++] = hex[bytes[i] & 0xf];
    }
  out[j] = '\0';

  return out;
}

/**
 * sb_uuid_is_valid:
 * @s: (nullable): text to check
 *
 * Checks that @s is a UUID in canonical form: 8-4-4-4-12 lowercase
 * hexadecimal digits. Any version is accepted, so that ids made by other
 * tools still pass; uppercase is refused because ids are compared as text.
 *
 * Returns: %TRUE if @s is a canonical UUID
 */
gboolean
sb_uuid_is_valid (const char *s)
{
  if (s == NULL)
    return FALSE;

  for (guint i = 0; i < 36; i++)
    {
      char c = s[i];

      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (c != '-')
            return FALSE;
        }
      else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        {
          return FALSE;
        }
    }

  return s[36] == '\0';
}
