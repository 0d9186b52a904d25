/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-cost-csv-private.h"
#include "sb-incident-csv-private.h"
#include "sb-money.h"

/*
 * The preview of a cost import: every line read with the mapping, and
 * what will happen to it: new, a problem (left out, with every reason),
 * skipped (bank noise: a balance line, no amount), or a duplicate of a
 * cost already in the book. Each new line's entry is checked with
 * sb_costs_validate(), so the preview refuses what the save would.
 */

/* Normalized beginnings of a cell that make a line a balance line. */
static const char * const balance_words[] = {
  "opening balance", "closing balance", "balance", "balance brought forward",
  "balance carried forward", "saldo", "anfangssaldo", "endsaldo", "kontostand",
  "alter kontostand", "neuer kontostand", "saldo inicial", "saldo final", "saldo anterior",
  NULL,
};

static void
add_reason (char **reason,
            char  *message)
{
  if (*reason == NULL)
    *reason = message;
  else
    {
      char *joined = g_strconcat (*reason, "; ", message, NULL);

      g_free (*reason);
      g_free (message);
      *reason = joined;
    }
}

static gboolean
is_balance_line (SbCostImport *self,
                 SbCostRow    *row)
{
  for (guint c = 0; c < row->n_cells && c < self->n_columns; c++)
    {
      g_autofree char *normal = NULL;
      SbCostField field = self->mapping[c];

      if (field == SB_COST_FIELD_AMOUNT || field == SB_COST_FIELD_DEBIT ||
          field == SB_COST_FIELD_CREDIT || sb_cost_import_is_empty (self, row->cells[c]))
        continue;

      normal = sb_import_normalize_header (row->cells[c]);
      for (guint i = 0; balance_words[i] != NULL; i++)
        {
          gsize n = strlen (balance_words[i]);

          if (strncmp (normal, balance_words[i], n) == 0 &&
              (normal[n] == '\0' || normal[n] == ' '))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_blank_line (SbCostImport *self,
               SbCostRow    *row)
{
  for (guint c = 0; c < row->n_cells && c < self->n_columns; c++)
    if (self->mapping[c] != SB_COST_FIELD_IGNORE &&
        !sb_cost_import_is_empty (self, row->cells[c]))
      return FALSE;

  return TRUE;
}

static gboolean
parse_date (SbCostImport  *self,
            const char    *text,
            char         **out_date,
            GError       **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  gint64 ms = 0;

  if (!sb_incident_csv_parse_time (text, self->date_guess, utc, &ms, error))
    return FALSE;

  dt = g_date_time_new_from_unix_utc (ms / 1000);
  if (dt == NULL)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   _("“%s” is not a date that exists"), text);
      return FALSE;
    }
  *out_date = g_date_time_format (dt, "%Y-%m-%d");

  return TRUE;
}

/* The amount of the line, signed as the book keeps it: a cost positive,
 * a credit note negative. FALSE with @reason set (a problem) or not (no
 * amount: skipped). */
static gboolean
read_amount (SbCostImport  *self,
             SbCostRow     *row,
             const char    *currency,
             gint64        *out,
             char         **problem)
{
  const char *amount = sb_cost_import_cell (self, row, SB_COST_FIELD_AMOUNT);
  const char *debit = sb_cost_import_cell (self, row, SB_COST_FIELD_DEBIT);
  const char *credit = sb_cost_import_cell (self, row, SB_COST_FIELD_CREDIT);
  g_autoptr(GError) error = NULL;
  gint64 d = 0, c = 0;

  if (amount != NULL)
    {
      if (!sb_cost_import_parse_amount (self, amount, currency, out, &error))
        {
          add_reason (problem, g_strdup_printf (_("Amount: %s"), error->message));
          return FALSE;
        }
      if (self->bank_signs)
        *out = -*out;
      return TRUE;
    }

  if (debit != NULL && !sb_cost_import_parse_amount (self, debit, currency, &d, &error))
    {
      add_reason (problem, g_strdup_printf (_("Debit: %s"), error->message));
      return FALSE;
    }
  if (credit != NULL && !sb_cost_import_parse_amount (self, credit, currency, &c, &error))
    {
      add_reason (problem, g_strdup_printf (_("Credit: %s"), error->message));
      return FALSE;
    }
  if (d != 0 && c != 0)
    {
      add_reason (problem, g_strdup (_("Both a debit and a credit: a line is one or the other")));
      return FALSE;
    }
  if (debit == NULL && credit == NULL)
    return FALSE;

  /* A bank may write its debits negative: a debit is a cost either way. */
  *out = d != 0 ? ABS (d) : -ABS (c);

  return TRUE;
}

static void
note_unknown_supplier (SbCostImport *self,
                       const char   *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);

  for (guint i = 0; i < self->unknown_names->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->unknown_names, i), -1);

      if (g_str_equal (key, other))
        return;
    }
  g_ptr_array_add (self->unknown_names, g_strdup (name));
}

/* Reads one line into @item: a problem, a skip or a new entry. */
static void
plan_row (SbCostImport   *self,
          SbCostRow      *row,
          GHashTable     *file_rates,
          SbCostPlanItem *item)
{
  g_autoptr(SbCostEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  const char *text;
  const char *currency;
  const char *category = NULL;
  const char *invoice = sb_cost_import_cell (self, row, SB_COST_FIELD_INVOICE);
  const char *description = sb_cost_import_cell (self, row, SB_COST_FIELD_DESCRIPTION);
  char *problem = NULL;
  gint64 amount = 0;
  gint64 rate = 0;
  gboolean has_amount;

  item->item.line = row->line;
  item->item.description = description != NULL ? description : invoice;

  if (is_blank_line (self, row))
    {
      item->item.status = SB_COST_LINE_SKIPPED;
      item->reason = g_strdup (_("an empty line"));
      return;
    }
  if (is_balance_line (self, row))
    {
      item->item.status = SB_COST_LINE_SKIPPED;
      item->reason = g_strdup (_("a balance line, not a cost"));
      return;
    }

  /* The currency first: amounts are read in it. */
  text = sb_cost_import_cell (self, row, SB_COST_FIELD_CURRENCY);
  if (text != NULL)
    {
      g_autofree char *code = g_ascii_strup (text, -1);

      if (!sb_currency_is_valid (code))
        {
          add_reason (&problem, g_strdup_printf (_("Unknown currency “%s”"), text));
          code[0] = '\0';
        }
      g_strlcpy (item->currency, code, sizeof item->currency);
    }
  else
    g_strlcpy (item->currency, self->default_currency != NULL ? self->default_currency
                                                              : self->base,
               sizeof item->currency);
  currency = item->currency[0] != '\0' ? item->currency : self->base;
  item->item.currency = item->currency[0] != '\0' ? item->currency : NULL;

  has_amount = read_amount (self, row, currency, &amount, &problem);
  if (!has_amount && problem == NULL)
    {
      item->item.status = SB_COST_LINE_SKIPPED;
      item->reason = g_strdup (_("no amount (a bank notice, not a cost)"));
      return;
    }
  if (has_amount && amount == 0 && problem == NULL)
    {
      item->item.status = SB_COST_LINE_SKIPPED;
      item->reason = g_strdup (_("the amount is zero"));
      return;
    }
  item->item.amount = amount;

  text = sb_cost_import_cell (self, row, SB_COST_FIELD_DATE);
  if (text == NULL)
    add_reason (&problem, g_strdup (_("No date")));
  else if (!parse_date (self, text, &item->date, &error))
    {
      add_reason (&problem, g_strdup_printf (_("Date: %s"), error->message));
      g_clear_error (&error);
    }
  item->item.date = item->date;

  /* The rate: the line's, else the last one of this file or of the book. */
  if (item->currency[0] != '\0' && g_str_equal (item->currency, self->base))
    rate = 1000000;
  else if (item->currency[0] != '\0')
    {
      text = sb_cost_import_cell (self, row, SB_COST_FIELD_RATE);
      if (text != NULL)
        {
          if (!sb_rate_parse (text, &rate, &error))
            {
              add_reason (&problem, g_strdup_printf (_("Rate: %s"), error->message));
              g_clear_error (&error);
              rate = 0;
            }
          else
            g_hash_table_replace (file_rates, g_strdup (item->currency),
                                  g_memdup2 (&rate, sizeof rate));
        }
      else if (g_hash_table_contains (file_rates, item->currency))
        rate = *(gint64 *)g_hash_table_lookup (file_rates, item->currency);
      else
        {
          rate = sb_costs_get_last_rate (self->store, item->currency);
          if (rate <= 0)
            add_reason (&problem,
                        g_strdup_printf (_("No exchange rate for %s: add a rate column, or "
                                           "enter one %s cost with its rate first"),
                                         item->currency, item->currency));
        }
    }

  text = sb_cost_import_cell (self, row, SB_COST_FIELD_CATEGORY);
  if (text != NULL)
    {
      category = g_hash_table_lookup (self->categories, text);
      if (category == NULL)
        add_reason (&problem, g_strdup_printf (_("Unknown category “%s”: map it to a "
                                                 "category"), text));
    }
  else if (self->default_category != NULL)
    category = self->default_category;
  else
    add_reason (&problem, g_strdup (_("No category: give one for the lines without")));

  entry = sb_cost_entry_new ();

  text = sb_cost_import_cell (self, row, SB_COST_FIELD_SUPPLIER);
  if (text != NULL)
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);
      const char *id = g_hash_table_lookup (self->supplier_by_name, folded);

      if (id != NULL)
        sb_cost_entry_set_supplier_id (entry, id);
      else
        {
          note_unknown_supplier (self, text);
          if (self->unknown_suppliers == SB_UNKNOWN_CREATE)
            item->new_supplier = g_strdup (text);
        }
    }

  text = sb_cost_import_cell (self, row, SB_COST_FIELD_CONTRACT);
  if (text != NULL)
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);
      const char *id = g_hash_table_lookup (self->contract_by_ref, folded);

      if (id == NULL)
        add_reason (&problem, g_strdup_printf (_("Unknown contract “%s”"), text));
      else if (item->new_supplier != NULL)
        add_reason (&problem, g_strdup_printf (_("The contract “%s” is not with the new "
                                                 "supplier “%s”"), text, item->new_supplier));
      else
        sb_cost_entry_set_contract_id (entry, id);
    }

  text = sb_cost_import_cell (self, row, SB_COST_FIELD_SERVICE);
  if (text != NULL)
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);
      const char *id = g_hash_table_lookup (self->service_by_key, folded);

      if (id == NULL)
        add_reason (&problem, g_strdup_printf (_("Unknown service “%s”"), text));
      else
        sb_cost_entry_set_service_id (entry, id);
    }

  if (problem != NULL)
    {
      item->item.status = SB_COST_LINE_PROBLEM;
      item->reason = problem;
      return;
    }

  key = sb_cost_import_duplicate_key (item->date, amount, item->currency, invoice, description);
  if (g_hash_table_contains (self->existing, key))
    {
      item->item.status = SB_COST_LINE_DUPLICATE;
      item->reason = g_strdup (_("already in the book (same date, amount, currency and "
                                 "reference)"));
      return;
    }

  sb_cost_entry_set_date (entry, item->date);
  sb_cost_entry_set_amount (entry, amount, item->currency);
  sb_cost_entry_set_rate_micro (entry, rate);
  sb_cost_entry_set_category (entry, category);
  sb_cost_entry_set_invoice_ref (entry, invoice);
  sb_cost_entry_set_description (entry, description);

  if (!sb_costs_validate (self->store, entry, &error))
    {
      item->item.status = SB_COST_LINE_PROBLEM;
      item->reason = g_strdup (error->message);
      return;
    }

  item->item.status = SB_COST_LINE_NEW;
  item->entry = g_steal_pointer (&entry);
}

static void
add_header_problem (SbCostImport *self,
                    char         *reason)
{
  SbCostPlanItem *item = g_new0 (SbCostPlanItem, 1);

  item->item.line = self->header_line;
  item->item.status = SB_COST_LINE_PROBLEM;
  item->reason = reason;
  item->item.reason = reason;
  g_ptr_array_add (self->items, item);
  self->n_problems++;
}

/**
 * sb_cost_import_plan:
 * @self: an import
 * @error: return location for a #GError
 *
 * Reads every line with the current mapping and builds the preview.
 * Nothing is written.
 *
 * Returns: %TRUE with the preview (which may list problems)
 */
gboolean
sb_cost_import_plan (SbCostImport  *self,
                     GError       **error)
{
  g_autoptr(GHashTable) file_rates = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sb_cost_import_clear_plan (self);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_cost_plan_item_free);
  self->unknown_names = g_ptr_array_new_with_free_func (g_free);
  self->planned = TRUE;

  if (sb_cost_import_column_of (self, SB_COST_FIELD_DATE) < 0)
    add_header_problem (self, g_strdup (_("No column holds the date: map one to date")));
  if (sb_cost_import_column_of (self, SB_COST_FIELD_AMOUNT) < 0 &&
      sb_cost_import_column_of (self, SB_COST_FIELD_DEBIT) < 0 &&
      sb_cost_import_column_of (self, SB_COST_FIELD_CREDIT) < 0)
    add_header_problem (self, g_strdup (_("No column holds the amount: map one to amount, or "
                                          "two to debit and credit")));
  if (sb_cost_import_column_of (self, SB_COST_FIELD_CATEGORY) < 0 &&
      self->default_category == NULL)
    add_header_problem (self, g_strdup (_("No column holds the category: map one to category, "
                                          "or give the category of every line")));
  if (self->n_problems > 0)
    return TRUE;

  file_rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint r = 0; r < self->rows->len; r++)
    {
      SbCostPlanItem *item = g_new0 (SbCostPlanItem, 1);

      plan_row (self, g_ptr_array_index (self->rows, r), file_rates, item);
      item->item.reason = item->reason;
      g_ptr_array_add (self->items, item);

      switch (item->item.status)
        {
        case SB_COST_LINE_NEW:
          self->n_new++;
          break;
        case SB_COST_LINE_PROBLEM:
          self->n_problems++;
          break;
        case SB_COST_LINE_SKIPPED:
          self->n_skipped++;
          break;
        case SB_COST_LINE_DUPLICATE:
        default:
          self->n_duplicates++;
          break;
        }
    }

  return TRUE;
}

guint
sb_cost_import_get_n_items (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items != NULL ? self->items->len : 0;
}

const SbCostImportItem *
sb_cost_import_get_item (SbCostImport *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->items != NULL && index < self->items->len, NULL);

  return &((SbCostPlanItem *)g_ptr_array_index (self->items, index))->item;
}

guint
sb_cost_import_get_n_new (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_new;
}

guint
sb_cost_import_get_n_problems (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_problems;
}

guint
sb_cost_import_get_n_skipped (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_skipped;
}

guint
sb_cost_import_get_n_duplicates (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_duplicates;
}

/* Takes @sentence. */
static void
append_sentence (GString *out,
                 char    *sentence)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, sentence);
  g_free (sentence);
}

/**
 * sb_cost_import_summarize:
 * @self: an import
 *
 * Returns: (transfer full): what the import will do, in sentences
 */
char *
sb_cost_import_summarize (SbCostImport *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->planned)
    sb_cost_import_plan (self, NULL);

  {
    g_autofree char *n_new = g_strdup_printf ("%u", self->n_new);
    g_autofree char *n_duplicates = g_strdup_printf ("%u", self->n_duplicates);
    g_autofree char *n_skipped = g_strdup_printf ("%u", self->n_skipped);
    g_autofree char *n_problems = g_strdup_printf ("%u", self->n_problems);

    append_sentence (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%s cost will be imported.",
                                                        "%s costs will be imported.",
                                                        self->n_new), n_new));
    if (self->n_duplicates > 0)
      append_sentence (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s is already in the book and is "
                                                          "skipped.",
                                                          "%s are already in the book and are "
                                                          "skipped.",
                                                          self->n_duplicates), n_duplicates));
    if (self->n_skipped > 0)
      append_sentence (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s line is not a cost and is "
                                                          "skipped.",
                                                          "%s lines are not costs and are "
                                                          "skipped.",
                                                          self->n_skipped), n_skipped));
    if (self->n_problems > 0)
      append_sentence (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s line has problems and will be "
                                                          "left out.",
                                                          "%s lines have problems and will be "
                                                          "left out.",
                                                          self->n_problems), n_problems));
  }

  if (self->unknown_names != NULL && self->unknown_names->len > 0)
    {
      /* Borrowed: the copy keeps no free function. */
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      g_autofree char *count = g_strdup_printf ("%u", self->unknown_names->len);
      guint n = self->unknown_names->len;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (names, g_ptr_array_index (self->unknown_names, i));
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **)names->pdata);
      g_string_append_c (out, ' ');
      if (self->unknown_suppliers == SB_UNKNOWN_CREATE)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                  "%s supplier will be created: %s.",
                                                  "%s suppliers will be created: %s.", n),
                                count, joined);
      else
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                  "%s supplier is not in the book; its costs "
                                                  "are imported without a supplier: %s.",
                                                  "%s suppliers are not in the book; their "
                                                  "costs are imported without a supplier: %s.",
                                                  n),
                                count, joined);
    }

  if (self->bank_signs)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("Most amounts are negative: the file is read as a bank "
                              "statement, where money going out is a cost."));
    }

  if (self->encoding == SB_CSV_ENCODING_WINDOWS_1252)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("The file is not UTF-8; it was read as Windows-1252 (Western "
                              "European)."));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
