/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "sb-priority-matrix"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-core-error.h"
#include "sb-priority-matrix.h"

#define N_LEVELS SB_PRIORITY_MATRIX_LEVELS

/* Length of the text form "123/234/345". */
#define TEXT_LENGTH (N_LEVELS * N_LEVELS + N_LEVELS - 1)

struct _SbPriorityMatrix
{
  /* cells[impact - 1][urgency - 1] */
  guint8 cells[N_LEVELS][N_LEVELS];
};

G_DEFINE_BOXED_TYPE (SbPriorityMatrix,
                     sb_priority_matrix,
                     sb_priority_matrix_copy,
                     sb_priority_matrix_free)

/* The usual default of the domain reference: the priority is
 * impact + urgency - 1. */
static const guint8 default_cells[N_LEVELS][N_LEVELS] = {
  { 1, 2, 3 },
  { 2, 3, 4 },
  { 3, 4, 5 },
};

static gboolean
priority_valid (guint priority)
{
  return priority >= SB_PRIORITY_CRITICAL && priority <= SB_PRIORITY_PLANNING;
}

static gboolean
level_valid (guint level)
{
  return level >= 1 && level <= N_LEVELS;
}

/**
 * sb_priority_matrix_new:
 *
 * Creates the default matrix:
 *
 * | impact \ urgency | 1 high | 2 medium | 3 low |
 * |---|---|---|---|
 * | 1 high | 1 critical | 2 high | 3 moderate |
 * | 2 medium | 2 high | 3 moderate | 4 low |
 * | 3 low | 3 moderate | 4 low | 5 planning |
 *
 * Returns: (transfer full): a new matrix; free with sb_priority_matrix_free()
 */
SbPriorityMatrix *
sb_priority_matrix_new (void)
{
  SbPriorityMatrix *self = g_new0 (SbPriorityMatrix, 1);

  memcpy (self->cells, default_cells, sizeof self->cells);

  return self;
}

/**
 * sb_priority_matrix_copy:
 * @self: a matrix
 *
 * Returns: (transfer full): a copy of @self
 */
SbPriorityMatrix *
sb_priority_matrix_copy (const SbPriorityMatrix *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

/**
 * sb_priority_matrix_free:
 * @self: (nullable): a matrix
 *
 * Frees the matrix.
 */
void
sb_priority_matrix_free (SbPriorityMatrix *self)
{
  g_free (self);
}

/**
 * sb_priority_matrix_equal:
 * @a: a matrix
 * @b: another matrix
 *
 * Returns: %TRUE if every cell of @a equals that of @b
 */
gboolean
sb_priority_matrix_equal (const SbPriorityMatrix *a, const SbPriorityMatrix *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return memcmp (a->cells, b->cells, sizeof a->cells) == 0;
}

/**
 * sb_priority_matrix_get:
 * @self: a matrix
 * @impact: 1 (high) to 3 (low)
 * @urgency: 1 (high) to 3 (low)
 *
 * Looks up the priority of an incident.
 *
 * Returns: the priority, 1 (critical) to 5 (planning)
 */
SbPriority
sb_priority_matrix_get (const SbPriorityMatrix *self,
                        guint                   impact,
                        guint                   urgency)
{
  g_return_val_if_fail (self != NULL, SB_PRIORITY_PLANNING);
  g_return_val_if_fail (level_valid (impact), SB_PRIORITY_PLANNING);
  g_return_val_if_fail (level_valid (urgency), SB_PRIORITY_PLANNING);

  return (SbPriority) self->cells[impact - 1][urgency - 1];
}

/**
 * sb_priority_matrix_set:
 * @self: a matrix
 * @impact: 1 (high) to 3 (low)
 * @urgency: 1 (high) to 3 (low)
 * @priority: the priority for that cell, 1 (critical) to 5 (planning)
 * @error: return location for an error
 *
 * Changes one cell. The matrix is unchanged on error.
 *
 * Returns: %TRUE on success; %FALSE with %SB_CORE_ERROR_INVALID when
 *   @priority is not 1 to 5
 */
gboolean
sb_priority_matrix_set (SbPriorityMatrix *self,
                        guint             impact,
                        guint             urgency,
                        guint             priority,
                        GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (level_valid (impact), FALSE);
  g_return_val_if_fail (level_valid (urgency), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!priority_valid (priority))
    {
      g_set_error (
        error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
        _ ("Priority %u does not exist: use 1 (critical) to 5 (planning)"),
        priority);
      return FALSE;
    }

  self->cells[impact - 1][urgency - 1] = (guint8) priority;
  return TRUE;
}

/**
 * sb_priority_matrix_validate:
 * @self: a matrix
 * @error: return location for an error
 *
 * Checks that every cell holds a priority from 1 to 5.
 *
 * Returns: %TRUE when valid; %FALSE with %SB_CORE_ERROR_INVALID naming the
 *   first bad cell
 */
gboolean
sb_priority_matrix_validate (const SbPriorityMatrix *self, GError **error)
{
  guint impact, urgency;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (impact = 1; impact <= N_LEVELS; impact++)
    for (urgency = 1; urgency <= N_LEVELS; urgency++)
      {
        guint priority = self->cells[impact - 1][urgency - 1];

        if (!priority_valid (priority))
          {
            g_set_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
                         _ ("Impact %u, urgency %u: priority %u does not "
                            "exist; use 1 (critical) to 5 (planning)"),
                         impact, urgency, priority);
            return FALSE;
          }
      }

  return TRUE;
}

/**
 * sb_priority_matrix_to_string:
 * @self: a matrix
 *
 * Writes the matrix in its compact text form, for storage: three rows of
 * three digits, one row per impact (high, medium, low), each row listing
 * the priorities for urgency high, medium, low, rows joined by `/`. The
 * default matrix is `123/234/345`.
 *
 * Returns: (transfer full): the text; free with g_free()
 */
char *
sb_priority_matrix_to_string (const SbPriorityMatrix *self)
{
  GString *out;
  guint    impact, urgency;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_sized_new (TEXT_LENGTH + 1);
  for (impact = 0; impact < N_LEVELS; impact++)
    {
      if (impact > 0)
        g_string_append_c (out, '/');
      for (urgency = 0; urgency < N_LEVELS; urgency++)
        g_string_append_c (out, (char) ('0' + self->cells[impact][urgency]));
    }

  return g_string_free (out, FALSE);
}

/**
 * sb_priority_matrix_new_from_string:
 * @text: a matrix in the text form of sb_priority_matrix_to_string()
 * @error: return location for an error
 *
 * Reads a matrix back from its text form, exactly `DDD/DDD/DDD` with every
 * digit from 1 to 5; anything else is refused.
 *
 * Returns: (transfer full) (nullable): the matrix, or %NULL with
 *   %SB_CORE_ERROR_INVALID
 */
SbPriorityMatrix *
sb_priority_matrix_new_from_string (const char *text, GError **error)
{
  g_autoptr (SbPriorityMatrix) self = NULL;
  guint       impact, urgency;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strlen (text) != TEXT_LENGTH)
    goto malformed;

  self = g_new0 (SbPriorityMatrix, 1);
  for (impact = 0; impact < N_LEVELS; impact++)
    {
      if (impact > 0 && *p++ != '/')
        goto malformed;

      for (urgency = 0; urgency < N_LEVELS; urgency++, p++)
        {
          if (*p < '1' || *p > '5')
            goto malformed;
          self->cells[impact][urgency] = (guint8) (*p - '0');
        }
    }

  return g_steal_pointer (&self);

malformed:
  {
    g_autofree char *quoted = sb_core_error_quote_input (text);

    g_set_error (
      error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID,
      /* Translators: %s is the text given; keep the example as it is */
      _ ("“%s” is not a priority matrix like 123/234/345 (three rows of "
         "priorities 1 to 5)"),
      quoted);
    return NULL;
  }
}

/**
 * sb_priority_get_name:
 * @priority: a priority, 1 to 5
 *
 * The name of a priority for people, translated: Critical, High, Moderate,
 * Low or Planning.
 *
 * Returns: (transfer none): the name
 */
const char *
sb_priority_get_name (SbPriority priority)
{
  switch (priority)
    {
    case SB_PRIORITY_CRITICAL:
      return _ ("Critical");
    case SB_PRIORITY_HIGH:
      return _ ("High");
    case SB_PRIORITY_MODERATE:
      return _ ("Moderate");
    case SB_PRIORITY_LOW:
      return _ ("Low");
    case SB_PRIORITY_PLANNING:
      return _ ("Planning");
    default:
      g_return_val_if_reached (NULL);
    }
}
