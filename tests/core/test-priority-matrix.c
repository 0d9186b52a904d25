/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-priority-matrix"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "sb-core-error.h"
#include "sb-priority-matrix.h"

static void
test_default (void)
{
  /* The table of the domain reference, row by row (impact), column by
   * column (urgency). */
  const guint expected[3][3] = {
    { 1, 2, 3 },
    { 2, 3, 4 },
    { 3, 4, 5 },
  };
  g_autoptr (SbPriorityMatrix) matrix = sb_priority_matrix_new ();
  g_autoptr (GError) error = NULL;
  guint impact, urgency;

  for (impact = 1; impact <= 3; impact++)
    for (urgency = 1; urgency <= 3; urgency++)
      g_assert_cmpuint (sb_priority_matrix_get (matrix, impact, urgency), ==,
                        expected[impact - 1][urgency - 1]);

  g_assert_cmpint (sb_priority_matrix_get (matrix, 1, 1), ==,
                   SB_PRIORITY_CRITICAL);
  g_assert_cmpint (sb_priority_matrix_get (matrix, 3, 3), ==,
                   SB_PRIORITY_PLANNING);
  g_assert_cmpint (sb_priority_matrix_get (matrix, 1, 3), ==,
                   SB_PRIORITY_MODERATE);
  g_assert_cmpint (sb_priority_matrix_get (matrix, 3, 2), ==, SB_PRIORITY_LOW);
  g_assert_cmpint (sb_priority_matrix_get (matrix, 2, 1), ==, SB_PRIORITY_HIGH);

  g_assert_true (sb_priority_matrix_validate (matrix, &error));
  g_assert_no_error (error);
}

static void
test_set (void)
{
  g_autoptr (SbPriorityMatrix) matrix = sb_priority_matrix_new ();
  g_autoptr (SbPriorityMatrix) original = sb_priority_matrix_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (sb_priority_matrix_set (matrix, 1, 2, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_priority_matrix_get (matrix, 1, 2), ==, 1);
  /* Only that cell changed. */
  g_assert_cmpint (sb_priority_matrix_get (matrix, 2, 1), ==, 2);
  g_assert_false (sb_priority_matrix_equal (matrix, original));

  g_assert_false (sb_priority_matrix_set (matrix, 3, 3, 6, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "6"));
  g_clear_error (&error);
  g_assert_false (sb_priority_matrix_set (matrix, 3, 3, 0, &error));
  g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sb_priority_matrix_get (matrix, 3, 3), ==, 5);

  g_assert_true (sb_priority_matrix_set (matrix, 1, 2, 2, &error));
  g_assert_true (sb_priority_matrix_equal (matrix, original));
  g_assert_true (sb_priority_matrix_validate (matrix, &error));
  g_assert_no_error (error);
}

static void
test_out_of_range_cell (void)
{
  g_autoptr (SbPriorityMatrix) matrix = sb_priority_matrix_new ();

  /* Impact and urgency come from the program, not from people: a wrong one
   * is a programming error. */
  g_test_expect_message ("sb-priority-matrix", G_LOG_LEVEL_CRITICAL,
                         "*level_valid*");
  g_assert_cmpint (sb_priority_matrix_get (matrix, 0, 1), ==,
                   SB_PRIORITY_PLANNING);
  g_test_assert_expected_messages ();

  g_test_expect_message ("sb-priority-matrix", G_LOG_LEVEL_CRITICAL,
                         "*level_valid*");
  g_assert_false (sb_priority_matrix_set (matrix, 1, 4, 1, NULL));
  g_test_assert_expected_messages ();
}

static void
test_copy (void)
{
  g_autoptr (SbPriorityMatrix) matrix = sb_priority_matrix_new ();
  g_autoptr (SbPriorityMatrix) copy = NULL;

  g_assert_true (sb_priority_matrix_set (matrix, 2, 2, 2, NULL));
  copy = sb_priority_matrix_copy (matrix);
  g_assert_true (sb_priority_matrix_equal (matrix, copy));
  g_assert_true (sb_priority_matrix_set (copy, 2, 2, 3, NULL));
  g_assert_cmpint (sb_priority_matrix_get (matrix, 2, 2), ==, 2);
  g_assert_true (G_TYPE_IS_BOXED (SB_TYPE_PRIORITY_MATRIX));
}

static void
test_names (void)
{
  g_assert_cmpstr (sb_priority_get_name (SB_PRIORITY_CRITICAL), ==, "Critical");
  g_assert_cmpstr (sb_priority_get_name (SB_PRIORITY_HIGH), ==, "High");
  g_assert_cmpstr (sb_priority_get_name (SB_PRIORITY_MODERATE), ==, "Moderate");
  g_assert_cmpstr (sb_priority_get_name (SB_PRIORITY_LOW), ==, "Low");
  g_assert_cmpstr (sb_priority_get_name (SB_PRIORITY_PLANNING), ==, "Planning");
}

static void
test_text (void)
{
  g_autoptr (SbPriorityMatrix) matrix = sb_priority_matrix_new ();
  g_autoptr (SbPriorityMatrix) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  text = sb_priority_matrix_to_string (matrix);
  g_assert_cmpstr (text, ==, "123/234/345");
  g_clear_pointer (&text, g_free);

  /* Rows are impact, columns urgency. */
  g_assert_true (sb_priority_matrix_set (matrix, 1, 3, 2, NULL));
  g_assert_true (sb_priority_matrix_set (matrix, 3, 1, 4, NULL));
  text = sb_priority_matrix_to_string (matrix);
  g_assert_cmpstr (text, ==, "122/234/445");

  again = sb_priority_matrix_new_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_true (sb_priority_matrix_equal (matrix, again));
  text_again = sb_priority_matrix_to_string (again);
  g_assert_cmpstr (text, ==, text_again);
  g_assert_cmpint (sb_priority_matrix_get (again, 3, 1), ==, SB_PRIORITY_LOW);

  g_clear_pointer (&again, sb_priority_matrix_free);
  again = sb_priority_matrix_new_from_string ("555/555/555", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_priority_matrix_get (again, 1, 1), ==,
                   SB_PRIORITY_PLANNING);
}

static void
test_text_malformed (void)
{
  const char *refused[] = {
    "",
    "123/234/34",
    "123/234/3450",
    "123/234/346",
    "023/234/345",
    "123-234-345",
    "123/234/345\n",
    " 123/234/345",
    "abc/def/ghi",
    "12/3234/345",
    "123//234/34",
    "123456789",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SbPriorityMatrix) matrix = NULL;

      matrix = sb_priority_matrix_new_from_string (refused[i], &error);
      if (matrix != NULL)
        g_error ("“%s” should be refused", refused[i]);
      g_assert_error (error, SB_CORE_ERROR, SB_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "123/234/345"));
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/priority-matrix/default", test_default);
  g_test_add_func ("/priority-matrix/set", test_set);
  g_test_add_func ("/priority-matrix/out-of-range-cell",
                   test_out_of_range_cell);
  g_test_add_func ("/priority-matrix/copy", test_copy);
  g_test_add_func ("/priority-matrix/names", test_names);
  g_test_add_func ("/priority-matrix/text", test_text);
  g_test_add_func ("/priority-matrix/text-malformed", test_text_malformed);

  return g_test_run ();
}
