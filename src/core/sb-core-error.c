/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-core"

#include "config.h"

#include <glib.h>

#include "sb-core-error.h"

/**
 * sb_core_error_quark:
 *
 * The error domain of the core layer, also available as %SB_CORE_ERROR.
 *
 * Returns: the quark
 */
G_DEFINE_QUARK (sb - core - error - quark, sb_core_error)

/* Long enough to recognise the input, short enough for a message line. */
#define QUOTE_MAX_CHARS 48

/**
 * sb_core_error_quote_input:
 * @text: (nullable): text a person or a file gave us
 *
 * Makes @text safe to quote inside an error message: invalid UTF-8 is
 * replaced, control characters become spaces and overly long text is cut
 * with an ellipsis. The quotation marks themselves belong to the
 * (translatable) message.
 *
 * Returns: (transfer full): the text to quote; free with g_free()
 */
char *
sb_core_error_quote_input (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == QUOTE_MAX_CHARS)
        {
          g_string_append (out, "…");
          break;
        }

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
      n++;
    }

  return g_string_free (out, FALSE);
}
