/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-core"

#include "config.h"

#include "sb-uuid.h"

/**
 * sb_uuid_new:
 *
 * Makes a new random (version 4) UUID for a record id, in its canonical
 * lowercase 36-character text form.
 *
 * Returns: (transfer full): the new UUID; free with g_free()
 */
char *
sb_uuid_new (void)
{
  /* g_uuid_string_random() gives lowercase RFC 4122 version 4 text. */
  return g_uuid_string_random ();
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
