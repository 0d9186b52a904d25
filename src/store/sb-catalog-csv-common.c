/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-catalog-csv-private.h"
#include "sb-core-error.h"

/*
 * What every CSV import kind shares: headers matched by name (in any
 * case, without accents, with the kind's other names), cells read by
 * column, problems collected per line, a merged record compared with the
 * book's field by field, and the preview's getters.
 */

/* ------------------------------------------------------------------ */
/* Rows and plans                                                      */

void
sb_csv_import_row_free (SbCsvRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static void
plan_line_free (SbPlanLine *line)
{
  g_free (line->key);
  g_free (line->name);
  g_free (line->problem);
  g_free (line->changes);
  g_clear_object (&line->object);
  g_clear_object (&line->existing);
  g_strfreev (line->depends_on);
  g_free (line);
}

SbPlan *
sb_csv_import_plan_new (void)
{
  SbPlan *plan = g_new0 (SbPlan, 1);

  plan->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_line_free);
  plan->notes = g_ptr_array_new_with_free_func (g_free);

  return plan;
}

void
sb_csv_import_plan_free (SbPlan *plan)
{
  if (plan == NULL)
    return;

  g_ptr_array_unref (plan->lines);
  g_ptr_array_unref (plan->notes);
  g_free (plan);
}

/* ------------------------------------------------------------------ */
/* Texts                                                               */

/* Lower case without accents, words of letters and digits separated by
 * one space; the unit words "min" and "minutes" are dropped, so
 * "P1 Response (minutes)" and "p1_response" are the same header, and
 * "Fecha de término" matches "fecha de termino". */
char *
sb_csv_import_normalize_name (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *ascii = g_str_to_ascii (folded, "C");
  g_autoptr(GString) words = g_string_new (NULL);
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && words->len > 0)
            g_string_append_c (words, ' ');
          g_string_append_c (words, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }

  tokens = g_strsplit (words->str, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0' ||
          g_str_equal (tokens[i], "min") ||
          g_str_equal (tokens[i], "mins") ||
          g_str_equal (tokens[i], "minutes"))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, tokens[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A value as a keyword: lower case, spaces and underscores as dashes. */
char *
sb_csv_import_keyword (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '_' || *p == '-' || *p == '\t')
        gap = TRUE;
      else
        {
          if (gap && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, *p);
          gap = FALSE;
        }
    }

  return g_string_free (out, FALSE);
}

/* "a, b, c or d" for messages. */
char *
sb_csv_import_join_choices (const char * const *choices)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length ((char **)choices);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i + 1 == n)
        g_string_append (out, _(" or "));
      else if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, choices[i]);
    }

  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* Sorted, joined with "; ": lists are compared and written this way. */
char *
sb_csv_import_join_sorted (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  g_ptr_array_sort (items, compare_strings);
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, g_ptr_array_index (items, i));
    }

  return g_string_free (out, FALSE);
}

/* Splits a list cell on @separators, trimmed, without empty items. */
GPtrArray *
sb_csv_import_split_list (const char *text,
                          const char *separators)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item != '\0')
        g_ptr_array_add (items, g_strdup (item));
    }

  return items;
}

gboolean
sb_csv_import_has_string (GPtrArray  *items,
                          const char *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (items, i), text))
        return TRUE;
    }

  return FALSE;
}

void
sb_csv_import_add_problem (GPtrArray  *problems,
                           const char *format,
                           ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Matches @text against @choices as a keyword; the canonical choice, or
 * NULL with a problem naming the allowed values. */
const char *
sb_csv_import_read_choice (const char          *text,
                           const char * const  *choices,
                           const char          *what,
                           GPtrArray           *problems)
{
  g_autofree char *keyword = sb_csv_import_keyword (text);
  g_autofree char *allowed = NULL;
  g_autofree char *quoted = NULL;

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (keyword, choices[i]))
        return choices[i];
    }

  allowed = sb_csv_import_join_choices (choices);
  quoted = sb_core_error_quote_input (text);
  /* Translators: e.g. unknown status “actve”: use pipeline, live, retiring or retired */
  sb_csv_import_add_problem (problems, _("unknown %s “%s”: use %s"), what, quoted, allowed);

  return NULL;
}

/* A target: whole minutes as digits ("240"), or numbers with units
 * ("4h", "2 d", "30 min", "1 h 30 min"); a day is 24 hours, as targets
 * are shown. Empty: no target. */
gboolean
sb_csv_import_read_duration (const char *text,
                             const char *column,
                             guint      *out_minutes,
                             GPtrArray  *problems)
{
  const guint64 limit = 10 * 366 * 24 * 60;
  const char *p = text;
  guint64 total = 0;
  gboolean any = FALSE;

  while (*p != '\0')
    {
      guint64 value = 0;
      guint64 unit = 1;
      const char *start;
      g_autofree char *word = NULL;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;

      if (!g_ascii_isdigit (*p))
        goto bad;
      while (g_ascii_isdigit (*p) && value <= limit)
        value = value * 10 + (guint64)(*p++ - '0');
      while (*p == ' ')
        p++;

      start = p;
      while (g_ascii_isalpha (*p))
        p++;
      word = g_ascii_strdown (start, p - start);
      if (*p == '.')
        p++;

      if (*word == '\0' || g_str_equal (word, "m") || g_str_equal (word, "min") ||
          g_str_equal (word, "mins") || g_str_equal (word, "minute") ||
          g_str_equal (word, "minutes") || g_str_equal (word, "minuten") ||
          g_str_equal (word, "minutos"))
        unit = 1;
      else if (g_str_equal (word, "h") || g_str_equal (word, "hr") || g_str_equal (word, "hrs") ||
               g_str_equal (word, "hour") || g_str_equal (word, "hours") ||
               g_str_equal (word, "std") || g_str_equal (word, "stunden") ||
               g_str_equal (word, "hora") || g_str_equal (word, "horas"))
        unit = 60;
      else if (g_str_equal (word, "d") || g_str_equal (word, "day") ||
               g_str_equal (word, "days") || g_str_equal (word, "t") ||
               g_str_equal (word, "tag") || g_str_equal (word, "tage") ||
               g_str_equal (word, "dia") || g_str_equal (word, "dias"))
        unit = 24 * 60;
      else
        goto bad;

      total += value * unit;
      any = TRUE;
      if (total > limit)
        goto bad;
    }

  *out_minutes = any ? (guint)total : 0;
  return TRUE;

bad:
  {
    g_autofree char *quoted = sb_core_error_quote_input (text);

    sb_csv_import_add_problem (problems, _("%s “%s” is not a duration: write minutes as digits "
                                           "(240) or with units such as 4h, 2d or 30 min; leave "
                                           "it empty for none"),
                               column, quoted);
  }
  return FALSE;
}

/* Exactly, in the largest unit that divides it: "2d", "4h", "90 min";
 * "" for none. */
char *
sb_csv_import_format_duration (guint minutes)
{
  if (minutes == 0)
    return g_strdup ("");
  if (minutes % (24 * 60) == 0)
    return g_strdup_printf ("%ud", minutes / (24 * 60));
  if (minutes % 60 == 0)
    return g_strdup_printf ("%uh", minutes / 60);

  return g_strdup_printf ("%u min", minutes);
}

/* A store's validation message as a problem: it follows "line N: ", so
 * the first letter goes lower case. */
char *
sb_csv_import_problem_text (const GError *error)
{
  char *message = g_strdup (error->message);

  if (g_ascii_isupper (message[0]) && !g_ascii_isupper (message[1]))
    message[0] = g_ascii_tolower (message[0]);

  return message;
}

/* ------------------------------------------------------------------ */
/* The header                                                          */

static int
match_column (const SbCsvColumn *columns,
              int                n_columns,
              int                targets_base,
              const char        *name)
{
  g_autofree char *normal = sb_csv_import_normalize_name (name);

  for (int f = 0; f < n_columns; f++)
    {
      g_autofree char *header = sb_csv_import_normalize_name (columns[f].header);
      g_auto(GStrv) synonyms = NULL;

      if (g_str_equal (normal, header))
        return f;

      if (columns[f].synonyms == NULL)
        continue;

      synonyms = g_strsplit (columns[f].synonyms, "|", -1);
      for (guint i = 0; synonyms[i] != NULL; i++)
        {
          if (g_str_equal (normal, synonyms[i]))
            return f;
        }
    }

  /* Targets: "P2 resolution", "Priority 2 resolution time",
   * "Resolution P2", "p2_resolution" … */
  if (targets_base >= 0)
    {
      g_auto(GStrv) words = g_strsplit (normal, " ", -1);
      int priority = 0;
      int kind = -1;

      for (guint i = 0; words[i] != NULL; i++)
        {
          const char *w = words[i];

          if (w[0] == 'p' && w[1] >= '1' && w[1] <= '5' && w[2] == '\0')
            priority = w[1] - '0';
          else if (g_str_equal (w, "priority") && words[i + 1] != NULL &&
                   words[i + 1][0] >= '1' && words[i + 1][0] <= '5' && words[i + 1][1] == '\0')
            priority = words[++i][0] - '0';
          else if (g_str_equal (w, "response"))
            kind = 0;
          else if (g_str_equal (w, "resolution") || g_str_equal (w, "resolve"))
            kind = 1;
          else if (!g_str_equal (w, "time") && !g_str_equal (w, "target"))
            return -1;
        }

      if (priority > 0 && kind >= 0)
        return targets_base + (priority - 1) * 2 + kind;
    }

  return -1;
}

/* Maps header cells to fields. Problems go on the header line; unknown
 * columns become notes; derived columns are left out quietly. */
void
sb_csv_import_map_header (const SbCsvColumn  *columns,
                          int                 n_fields,
                          int                 targets_base,
                          char              **header,
                          int                *field_column,
                          GPtrArray          *problems,
                          GPtrArray          *notes)
{
  g_assert (n_fields <= SB_CSV_MAX_FIELDS);

  for (int f = 0; f < SB_CSV_MAX_FIELDS; f++)
    field_column[f] = -1;

  for (int c = 0; header[c] != NULL; c++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[c]));
      int f;

      if (*name == '\0')
        continue;

      f = match_column (columns, n_fields, targets_base, name);
      if (f < 0)
        {
          g_ptr_array_add (notes,
                           g_strdup_printf (_("The column “%s” is not known and is ignored."),
                                            name));
          continue;
        }

      if (columns[f].derived)
        continue;

      if (field_column[f] >= 0)
        {
          g_autofree char *first = g_strstrip (g_strdup (header[field_column[f]]));

          sb_csv_import_add_problem (problems, _("the columns “%s” and “%s” both give the %s; "
                                                 "keep one of them"),
                                     first, name, columns[f].header);
          continue;
        }

      field_column[f] = c;
    }

  for (int f = 0; f < n_fields; f++)
    {
      if (columns[f].required && field_column[f] < 0)
        sb_csv_import_add_problem (problems, _("the header has no “%s” column, which is needed "
                                               "to match records"),
                                   columns[f].header);
    }
}

/* The trimmed cell of @field, "" when empty or beyond the row; NULL when
 * the file has no such column. */
const char *
sb_csv_import_cell (SbCsvRow   *row,
                    const int  *field_column,
                    int         field,
                    GPtrArray  *scratch)
{
  int column = field_column[field];
  char *text;

  if (column < 0)
    return NULL;
  if ((guint)column >= g_strv_length (row->cells))
    return "";

  text = g_strstrip (g_strdup (row->cells[column]));
  g_ptr_array_add (scratch, text);

  return text;
}

/* ------------------------------------------------------------------ */
/* Plan lines                                                          */

/* The one item of a plan whose header cannot be used. */
SbPlanLine *
sb_csv_import_header_problem (guint      header_line,
                              GPtrArray *problems)
{
  SbPlanLine *line = g_new0 (SbPlanLine, 1);

  line->item.line = header_line;
  g_ptr_array_add (problems, NULL);
  line->problem = g_strjoinv ("; ", (char **)problems->pdata);
  g_ptr_array_remove_index (problems, problems->len - 1);
  sb_csv_import_publish (line);

  return line;
}

/* More cells than headers, with text in them: a separator inside a value
 * that was not quoted. The problem goes first on the line. */
void
sb_csv_import_check_width (SbPlanLine  *line,
                           SbCsvRow    *row,
                           char       **header)
{
  guint n_cells = g_strv_length (row->cells);
  guint n_header = g_strv_length (header);

  for (guint c = n_header; c < n_cells; c++)
    {
      g_autofree char *extra = g_strstrip (g_strdup (row->cells[c]));
      g_autofree char *message = NULL;

      if (*extra == '\0')
        continue;

      message = g_strdup_printf (_("the line has %u values but the header only %u: a value "
                                   "holding the separator needs quotes"),
                                 n_cells, n_header);
      if (line->problem != NULL)
        {
          char *joined = g_strconcat (message, "; ", line->problem, NULL);

          g_free (line->problem);
          line->problem = joined;
        }
      else
        line->problem = g_steal_pointer (&message);
      break;
    }
}

/* The line's problems joined, or its action from whether it matched a
 * record of the book. */
void
sb_csv_import_finish_line (SbPlanLine *line,
                           GPtrArray  *problems)
{
  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      line->problem = g_strjoinv ("; ", (char **)problems->pdata);
      g_ptr_array_remove_index (problems, problems->len - 1);
    }
  else
    line->item.action = line->existing ? SB_IMPORT_ACTION_UPDATE : SB_IMPORT_ACTION_CREATE;
}

/* An update that changes nothing is "unchanged"; otherwise the changed
 * columns are listed. Derived columns are not compared. */
void
sb_csv_import_compare (SbPlanLine        *line,
                       const SbCsvColumn *columns,
                       int                n_fields,
                       SbCsvTextFunc      text,
                       gpointer           data)
{
  g_autoptr(GString) changes = g_string_new (NULL);

  if (line->existing == NULL || line->item.action != SB_IMPORT_ACTION_UPDATE)
    return;

  for (int f = 0; f < n_fields; f++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (columns[f].derived)
        continue;

      before = text (data, line->existing, f);
      after = text (data, line->object, f);
      if (g_str_equal (before, after))
        continue;

      if (changes->len > 0)
        g_string_append (changes, ", ");
      g_string_append (changes, columns[f].header);
    }

  if (changes->len == 0)
    line->item.action = SB_IMPORT_ACTION_UNCHANGED;
  else
    line->changes = g_strdup (changes->str);
}

void
sb_csv_import_publish (SbPlanLine *line)
{
  line->item.key = line->key;
  line->item.name = line->name;
  line->item.problem = line->problem;
  line->item.changes = line->changes;
  if (line->problem != NULL)
    line->item.action = SB_IMPORT_ACTION_SKIP;
}

/* The plan of a file whose kind plans each line with @plan_row: the
 * header mapped, every line planned, checked for stray cells and
 * compared with the book. */
SbPlan *
sb_csv_import_plan_rows (const SbCsvColumn  *columns,
                         int                 n_fields,
                         int                 targets_base,
                         char              **header,
                         guint               header_line,
                         GPtrArray          *rows,
                         SbCsvPlanRowFunc    plan_row,
                         SbCsvTextFunc       text,
                         gpointer            data)
{
  g_autoptr(SbPlan) plan = sb_csv_import_plan_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) file_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int field_column[SB_CSV_MAX_FIELDS];

  sb_csv_import_map_header (columns, n_fields, targets_base, header, field_column, problems,
                            plan->notes);
  if (problems->len > 0)
    {
      g_ptr_array_add (plan->lines, sb_csv_import_header_problem (header_line, problems));
      return g_steal_pointer (&plan);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      SbCsvRow *row = g_ptr_array_index (rows, i);
      SbPlanLine *line = g_new0 (SbPlanLine, 1);

      line->item.line = row->line;
      g_ptr_array_add (plan->lines, line);

      g_ptr_array_set_size (problems, 0);
      plan_row (data, row, field_column, file_keys, line, problems);
      sb_csv_import_finish_line (line, problems);
      sb_csv_import_check_width (line, row, header);

      if (line->problem == NULL)
        sb_csv_import_compare (line, columns, n_fields, text, data);
      sb_csv_import_publish (line);
    }

  return g_steal_pointer (&plan);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

void
sb_csv_import_write_header (GString           *out,
                            const SbCsvColumn *columns,
                            int                n_fields,
                            SbCsvWriteFlags    flags)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new ();

  for (int f = 0; f < n_fields; f++)
    g_ptr_array_add (header, (gpointer)columns[f].header);

  sb_csv_write_row (out, (const char * const *)header->pdata, header->len, ',', flags);
}

/* Replaces @file safely: the old file stays whole until the new one is
 * complete. */
gboolean
sb_csv_import_replace_file (GFile   *file,
                            GBytes  *bytes,
                            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_IO,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The preview's getters                                               */

/**
 * sb_import_preview_free:
 * @preview: (nullable): a preview
 *
 * Frees the preview.
 */
void
sb_import_preview_free (SbImportPreview *preview)
{
  if (preview == NULL)
    return;

  g_free (preview->source);
  g_strfreev (preview->header);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  sb_csv_import_plan_free (preview->plan);
  g_strfreev (preview->notes);
  g_free (preview);
}

/**
 * sb_import_preview_get_kind:
 * @preview: a preview
 *
 * Returns: what the previewed file holds
 */
SbCatalogCsvKind
sb_import_preview_get_kind (SbImportPreview *preview)
{
  g_return_val_if_fail (preview != NULL, SB_CATALOG_CSV_SERVICES);

  return preview->kind;
}

/**
 * sb_import_preview_get_n_items:
 * @preview: a preview
 *
 * Returns: the number of items: one per data line, or a single item for
 *   the header line when the header itself has a problem
 */
guint
sb_import_preview_get_n_items (SbImportPreview *preview)
{
  g_return_val_if_fail (preview != NULL, 0);

  return preview->plan->lines->len;
}

/**
 * sb_import_preview_get_item:
 * @preview: a preview
 * @index: an item index
 *
 * Returns: (transfer none): the item, in file order, owned by @preview
 */
const SbImportItem *
sb_import_preview_get_item (SbImportPreview *preview,
                            guint            index)
{
  SbPlanLine *line;

  g_return_val_if_fail (preview != NULL, NULL);
  g_return_val_if_fail (index < preview->plan->lines->len, NULL);

  line = g_ptr_array_index (preview->plan->lines, index);

  return &line->item;
}

/**
 * sb_import_preview_count:
 * @preview: a preview
 * @action: an action
 *
 * Returns: how many lines would do @action
 */
guint
sb_import_preview_count (SbImportPreview *preview,
                         SbImportAction   action)
{
  guint n = 0;

  g_return_val_if_fail (preview != NULL, 0);

  for (guint i = 0; i < preview->plan->lines->len; i++)
    {
      SbPlanLine *line = g_ptr_array_index (preview->plan->lines, i);

      if (line->item.action == action)
        n++;
    }

  return n;
}

/**
 * sb_import_preview_has_problems:
 * @preview: a preview
 *
 * Returns: whether any line (or the header) cannot be imported; then
 *   sb_catalog_csv_apply() refuses to write
 */
gboolean
sb_import_preview_has_problems (SbImportPreview *preview)
{
  return sb_import_preview_count (preview, SB_IMPORT_ACTION_SKIP) > 0;
}

/**
 * sb_import_preview_get_n_writes:
 * @preview: a preview
 *
 * Returns: how many records applying the preview creates or updates
 */
guint
sb_import_preview_get_n_writes (SbImportPreview *preview)
{
  return sb_import_preview_count (preview, SB_IMPORT_ACTION_CREATE) +
         sb_import_preview_count (preview, SB_IMPORT_ACTION_UPDATE);
}

/**
 * sb_import_preview_get_notes:
 * @preview: a preview
 *
 * Things worth knowing that are not problems: columns that were ignored,
 * a file read as Windows-1252.
 *
 * Returns: (transfer none) (array zero-terminated=1): the notes
 */
const char * const *
sb_import_preview_get_notes (SbImportPreview *preview)
{
  g_return_val_if_fail (preview != NULL, NULL);

  if (preview->notes == NULL)
    {
      GPtrArray *notes = preview->plan->notes;

      preview->notes = g_new0 (char *, notes->len + 1);
      for (guint i = 0; i < notes->len; i++)
        preview->notes[i] = g_strdup (g_ptr_array_index (notes, i));
    }

  return (const char * const *)preview->notes;
}

/**
 * sb_import_preview_summarize:
 * @preview: a preview
 *
 * Says in one line what importing would do, e.g. "3 to create, 1 to
 * update, 5 unchanged, 1 line with problems".
 *
 * Returns: (transfer full): the summary
 */
char *
sb_import_preview_summarize (SbImportPreview *preview)
{
  guint n_create, n_update, n_unchanged, n_skip;
  g_autofree char *create = NULL;
  g_autofree char *update = NULL;
  g_autofree char *unchanged = NULL;

  g_return_val_if_fail (preview != NULL, NULL);

  n_create = sb_import_preview_count (preview, SB_IMPORT_ACTION_CREATE);
  n_update = sb_import_preview_count (preview, SB_IMPORT_ACTION_UPDATE);
  n_unchanged = sb_import_preview_count (preview, SB_IMPORT_ACTION_UNCHANGED);
  n_skip = sb_import_preview_count (preview, SB_IMPORT_ACTION_SKIP);

  create = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to create", "%u to create", n_create),
                            n_create);
  update = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to update", "%u to update", n_update),
                            n_update);
  unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                            n_unchanged),
                               n_unchanged);

  if (n_skip == 0)
    /* Translators: the parts are "3 to create", "1 to update", "5 unchanged" */
    return g_strdup_printf (_("%s, %s, %s"), create, update, unchanged);

  {
    g_autofree char *skip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u line with problems",
                                                          "%u lines with problems", n_skip),
                                             n_skip);

    /* Translators: the last part is "2 lines with problems" */
    return g_strdup_printf (_("%s, %s, %s, %s"), create, update, unchanged, skip);
  }
}
