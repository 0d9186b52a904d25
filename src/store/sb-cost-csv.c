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
 * Reading an accounting or bank export of costs and building the
 * preview. The file is read once into rows; the mapping (column → field),
 * the date format, the decimal mark and the category of each word are
 * guessed here or taken from the mapping remembered for the same header
 * (sb-cost-csv-apply.c). sb_cost_import_plan() reads every row with them
 * and says for each what will happen. Nothing is written before
 * sb_cost_import_apply().
 */

static const char * const default_empty_markers[] = {
  "", "-", "n/a", "na", "null", "none", "(empty)", "(none)", NULL,
};

static const struct
{
  SbCostField  field;
  const char  *name;
  const char  *label;
} fields[] = {
  { SB_COST_FIELD_IGNORE, "ignore", N_("Ignore this column") },
  { SB_COST_FIELD_DATE, "date", N_("Date") },
  { SB_COST_FIELD_AMOUNT, "amount", N_("Amount") },
  { SB_COST_FIELD_DEBIT, "debit", N_("Debit (a cost)") },
  { SB_COST_FIELD_CREDIT, "credit", N_("Credit (a credit note)") },
  { SB_COST_FIELD_CURRENCY, "currency", N_("Currency") },
  { SB_COST_FIELD_RATE, "rate", N_("Exchange rate") },
  { SB_COST_FIELD_CATEGORY, "category", N_("Category") },
  { SB_COST_FIELD_SUPPLIER, "supplier", N_("Supplier") },
  { SB_COST_FIELD_CONTRACT, "contract", N_("Contract") },
  { SB_COST_FIELD_SERVICE, "service", N_("Service") },
  { SB_COST_FIELD_INVOICE, "invoice", N_("Invoice reference") },
  { SB_COST_FIELD_DESCRIPTION, "description", N_("Description") },
};

/* Normalized headers (sb_import_normalize_header()) in English, Spanish
 * and German, the most telling first. */
static const struct
{
  SbCostField  field;
  const char  *names;
} header_names[] = {
  { SB_COST_FIELD_DATE, "date|booking date|transaction date|posting date|value date|invoice date|"
                        "datum|buchungstag|buchungsdatum|rechnungsdatum|belegdatum|valuta|"
                        "valutadatum|wertstellung|fecha|fecha valor|fecha operacion|"
                        "fecha factura|fecha de factura" },
  { SB_COST_FIELD_AMOUNT, "amount|net amount|gross amount|total|sum|value|amount eur|"
                          "betrag|betrag eur|umsatz|nettobetrag|bruttobetrag|summe|importe|"
                          "importe eur|importe total|monto|cantidad|base imponible" },
  { SB_COST_FIELD_DEBIT, "debit|debits|debit amount|withdrawal|withdrawals|paid out|money out|"
                         "soll|belastung|ausgang|ausgaben|lastschrift|debe|cargo|cargos|gastos" },
  { SB_COST_FIELD_CREDIT, "credit|credits|credit amount|deposit|deposits|paid in|money in|"
                          "haben|gutschrift|eingang|einnahmen|haber|abono|abonos|ingresos" },
  { SB_COST_FIELD_CURRENCY, "currency|ccy|cur|waehrung|wahrung|whrg|moneda|divisa" },
  { SB_COST_FIELD_RATE, "rate|exchange rate|fx rate|conversion rate|kurs|wechselkurs|"
                        "devisenkurs|umrechnungskurs|tipo de cambio|tasa de cambio|cambio" },
  { SB_COST_FIELD_CATEGORY, "category|cost category|expense category|expense type|cost type|"
                            "kategorie|kostenart|kostenkategorie|categoria|tipo de gasto|"
                            "categoria de gasto" },
  { SB_COST_FIELD_SUPPLIER, "supplier|vendor|payee|beneficiary|creditor|counterparty|merchant|"
                            "lieferant|kreditor|empfaenger|empfanger|zahlungsempfaenger|"
                            "zahlungsempfanger|beguenstigter|begunstigter|"
                            "begunstigter zahlungspflichtiger|"
                            "beguenstigter zahlungspflichtiger|name|proveedor|beneficiario|"
                            "acreedor" },
  { SB_COST_FIELD_CONTRACT, "contract|contract reference|contract ref|vertrag|vertragsnummer|"
                            "contrato|referencia contrato|referencia del contrato" },
  { SB_COST_FIELD_SERVICE, "service|service code|dienst|leistung|servicio|codigo servicio" },
  { SB_COST_FIELD_INVOICE, "invoice|invoice reference|invoice ref|invoice number|invoice no|"
                           "reference|ref|document|document number|rechnung|rechnungsnummer|"
                           "rechnungsnr|referenz|beleg|belegnummer|belegnr|factura|"
                           "numero de factura|n factura|num factura|referencia" },
  { SB_COST_FIELD_DESCRIPTION, "description|details|memo|text|narrative|particulars|notes|note|"
                               "comment|verwendungszweck|buchungstext|beschreibung|"
                               "descripcion|concepto|detalle|observaciones" },
};

/* Words of exports → categories: the schema's own names, then English,
 * German and Spanish words. Matched on the whole normalized value first,
 * then on each of its words. */
static const struct
{
  const char *category;
  const char *words;
} category_words[] = {
  { "supplier-services", "supplier services|supplier-services|services|consulting|consultancy|"
                         "support|maintenance|outsourcing|managed services|contractors|"
                         "dienstleistungen|dienstleistung|beratung|wartung|fremdleistungen|"
                         "servicios|consultoria|mantenimiento|soporte|subcontratacion" },
  { "hardware", "hardware|hw|equipment|devices|computers|laptops|servers|peripherals|"
                "geraete|gerate|ausstattung|equipo|equipos|ordenadores|equipamiento" },
  { "software", "software|licences|licenses|licence|license|subscriptions|subscription|saas|"
                "lizenzen|lizenz|abonnement|abonnements|licencias|licencia|suscripciones|"
                "suscripcion" },
  { "cloud", "cloud|hosting|cloud and hosting|iaas|paas|aws|azure|gcp|datacenter|data centre|"
             "data center|rechenzentrum|nube|alojamiento" },
  { "labour", "labour|labor|staff|salaries|salary|wages|personnel|payroll|personal|"
              "personalkosten|gehaelter|gehalter|lohn|mano de obra|nominas|nomina|salarios" },
  { "facilities", "facilities|rent|office|electricity|power|utilities|premises|miete|buero|"
                  "buro|strom|raumkosten|alquiler|oficina|instalaciones|electricidad" },
  { "training", "training|courses|course|education|certification|schulung|schulungen|"
                "weiterbildung|fortbildung|formacion|cursos|curso|capacitacion" },
  { "other", "other|misc|miscellaneous|sundry|sonstiges|sonstige|diverses|otros|otro|varios" },
};


const char *
sb_cost_field_to_string (SbCostField field)
{
  g_return_val_if_fail (field < SB_COST_N_FIELDS, "ignore");

  return fields[field].name;
}

gboolean
sb_cost_field_from_string (const char  *text,
                           SbCostField *out_field)
{
  g_return_val_if_fail (out_field != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_ascii_strcasecmp (text, fields[i].name) == 0)
      {
        *out_field = fields[i].field;
        return TRUE;
      }

  return FALSE;
}

const char *
sb_cost_field_get_label (SbCostField field)
{
  g_return_val_if_fail (field < SB_COST_N_FIELDS, NULL);

  return _(fields[field].label);
}

const char *
sb_decimal_mark_to_string (SbDecimalMark mark)
{
  switch (mark)
    {
    case SB_DECIMAL_POINT: return "point";
    case SB_DECIMAL_COMMA: return "comma";
    case SB_DECIMAL_AUTO:
    default: return "auto";
    }
}

gboolean
sb_decimal_mark_from_string (const char    *text,
                             SbDecimalMark *out_mark)
{
  static const SbDecimalMark marks[] = { SB_DECIMAL_AUTO, SB_DECIMAL_POINT, SB_DECIMAL_COMMA };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (marks); i++)
    if (g_ascii_strcasecmp (text, sb_decimal_mark_to_string (marks[i])) == 0)
      {
        *out_mark = marks[i];
        return TRUE;
      }

  return FALSE;
}

static gboolean
name_in_list (const char *normalized,
              const char *list)
{
  gsize len = strlen (normalized);

  if (len == 0)
    return FALSE;

  for (const char *p = list; p != NULL && *p != '\0';)
    {
      const char *end = strchr (p, '|');
      gsize n = end != NULL ? (gsize)(end - p) : strlen (p);

      if (n == len && strncmp (p, normalized, n) == 0)
        return TRUE;
      p = end != NULL ? end + 1 : NULL;
    }

  return FALSE;
}

static SbCostField
guess_field (const char *normalized)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (name_in_list (normalized, header_names[i].names))
      return header_names[i].field;

  /* "invoice_ref", "supplier name", "Betrag (EUR)": the first word */
  if (strchr (normalized, ' ') != NULL)
    {
      g_autofree char *first = g_strndup (normalized, strchr (normalized, ' ') - normalized);

      for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
        if (name_in_list (first, header_names[i].names))
          return header_names[i].field;
    }

  return SB_COST_FIELD_IGNORE;
}

/**
 * sb_cost_csv_guess_category:
 * @word: a value of an export's category column
 *
 * Returns: (nullable): the category (schema name) @word most likely
 *   means, or %NULL
 */
const char *
sb_cost_csv_guess_category (const char *word)
{
  g_autofree char *normal = sb_import_normalize_header (word);
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (category_words); i++)
    if (name_in_list (normal, category_words[i].words))
      return category_words[i].category;

  parts = g_strsplit (normal, " ", -1);
  for (guint w = 0; parts[w] != NULL; w++)
    for (guint i = 0; i < G_N_ELEMENTS (category_words); i++)
      if (name_in_list (parts[w], category_words[i].words))
        return category_words[i].category;

  return NULL;
}

/* ------------------------------------------------------------------ */
/* Bookkeeping                                                         */

void
sb_cost_plan_item_free (SbCostPlanItem *item)
{
  g_free (item->date);
  g_free (item->reason);
  g_clear_object (&item->entry);
  g_free (item->new_supplier);
  g_free (item);
}

void
sb_cost_import_clear_plan (SbCostImport *self)
{
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->unknown_names, g_ptr_array_unref);
  self->planned = FALSE;
  self->n_new = 0;
  self->n_problems = 0;
  self->n_skipped = 0;
  self->n_duplicates = 0;
}

int
sb_cost_import_column_of (SbCostImport *self,
                          SbCostField   field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] == field)
      return (int)c;

  return -1;
}

gboolean
sb_cost_import_is_empty (SbCostImport *self,
                         const char   *value)
{
  if (value == NULL || *value == '\0')
    return TRUE;

  for (guint i = 0; self->empty_markers[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, self->empty_markers[i]) == 0)
      return TRUE;

  return FALSE;
}

/* The cell of @field in @row, or NULL when unmapped or empty. */
const char *
sb_cost_import_cell (SbCostImport *self,
                     SbCostRow    *row,
                     SbCostField   field)
{
  int col = sb_cost_import_column_of (self, field);

  if (col < 0 || (guint)col >= row->n_cells || sb_cost_import_is_empty (self, row->cells[col]))
    return NULL;

  return row->cells[col];
}

char *
sb_cost_import_duplicate_key (const char *date,
                              gint64      amount,
                              const char *currency,
                              const char *invoice_ref,
                              const char *description)
{
  g_autofree char *text = NULL;

  if (invoice_ref != NULL && *invoice_ref != '\0')
    text = g_utf8_casefold (invoice_ref, -1);
  else if (description != NULL && *description != '\0')
    text = g_utf8_casefold (description, -1);

  return g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s|%c|%s", date, amount, currency,
                          invoice_ref != NULL && *invoice_ref != '\0' ? 'r' : 'd',
                          text != NULL ? text : "");
}

/* ------------------------------------------------------------------ */
/* The book                                                            */

static gboolean
read_pairs (SbStore     *store,
            const char  *sql,
            GHashTable  *into,
            gboolean     keep_first,
            const char  *what,
            GError     **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);

      for (int c = 1; c < sqlite3_column_count (stmt); c++)
        {
          const char *key = (const char *)sqlite3_column_text (stmt, c);
          char *folded;

          if (key == NULL)
            continue;
          folded = g_utf8_casefold (key, -1);
          if (keep_first && g_hash_table_contains (into, folded))
            g_free (folded);
          else
            g_hash_table_replace (into, folded, g_strdup (id));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (store), rc, what);

  return TRUE;
}

static gboolean
load_book (SbCostImport  *self,
           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_strlcpy (self->base, sb_store_get_base_currency (self->store), sizeof self->base);

  self->supplier_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->contract_by_ref = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->service_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* A code wins over a name that happens to read the same. */
  if (!read_pairs (self->store, "SELECT id, name FROM supplier WHERE deleted = 0 ORDER BY name",
                   self->supplier_by_name, TRUE, _("Reading the suppliers"), error) ||
      !read_pairs (self->store, "SELECT id, reference FROM contract WHERE deleted = 0",
                   self->contract_by_ref, TRUE, _("Reading the contracts"), error) ||
      !read_pairs (self->store, "SELECT id, code FROM service WHERE deleted = 0",
                   self->service_by_key, FALSE, _("Reading the services"), error) ||
      !read_pairs (self->store, "SELECT id, name FROM service WHERE deleted = 0",
                   self->service_by_key, TRUE, _("Reading the services"), error))
    return FALSE;

  stmt = sb_store_prepare (self->store,
                           "SELECT date, amount, currency, invoice_ref, description "
                           "FROM cost_entry WHERE deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = (const char *)sqlite3_column_text (stmt, 0);
      gint64 amount = sqlite3_column_int64 (stmt, 1);
      const char *currency = (const char *)sqlite3_column_text (stmt, 2);
      const char *ref = (const char *)sqlite3_column_text (stmt, 3);
      const char *text = (const char *)sqlite3_column_text (stmt, 4);

      if (ref != NULL && *ref != '\0')
        g_hash_table_add (self->existing,
                          sb_cost_import_duplicate_key (date, amount, currency, ref, NULL));
      if (text != NULL && *text != '\0')
        g_hash_table_add (self->existing,
                          sb_cost_import_duplicate_key (date, amount, currency, NULL, text));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_store_set_error_from_sqlite (error, sb_store_get_db (self->store), rc,
                                           _("Reading the costs"));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Guessing                                                            */

static gboolean
is_amount_field (SbCostField field)
{
  return field == SB_COST_FIELD_AMOUNT || field == SB_COST_FIELD_DEBIT ||
         field == SB_COST_FIELD_CREDIT;
}

/* The decimal mark the amounts of the file use: a separator followed by
 * one or two digits at the end is a decimal mark; with both separators
 * the last one is. */
static SbDecimalMark
guess_decimal (SbCostImport *self)
{
  guint comma = 0;
  guint point = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (!is_amount_field (self->mapping[c]))
        continue;

      for (guint r = 0; r < self->rows->len; r++)
        {
          SbCostRow *row = g_ptr_array_index (self->rows, r);
          const char *value = c < row->n_cells ? row->cells[c] : "";
          const char *last = NULL;
          gboolean has_point = strchr (value, '.') != NULL;
          gboolean has_comma = strchr (value, ',') != NULL;
          guint digits = 0;

          for (const char *p = value; *p != '\0'; p++)
            if (*p == '.' || *p == ',')
              {
                last = p;
                digits = 0;
              }
            else if (g_ascii_isdigit (*p))
              digits++;

          if (last == NULL)
            continue;
          if ((has_point && has_comma) || digits == 1 || digits == 2)
            {
              if (*last == ',')
                comma++;
              else
                point++;
            }
        }
    }

  return comma > point ? SB_DECIMAL_COMMA : SB_DECIMAL_POINT;
}

static gboolean
read_number (const char **p,
             guint       *out)
{
  guint n = 0;
  guint digits = 0;

  while (g_ascii_isdigit (**p) && digits < 4)
    {
      n = n * 10 + (guint)(**p - '0');
      (*p)++;
      digits++;
    }
  *out = n;

  return digits > 0;
}

static SbDateFormat
guess_date_format (SbCostImport *self)
{
  int col = sb_cost_import_column_of (self, SB_COST_FIELD_DATE);
  guint day_first = 0;
  guint month_first = 0;
  guint ambiguous = 0;

  for (guint r = 0; col >= 0 && r < self->rows->len; r++)
    {
      SbCostRow *row = g_ptr_array_index (self->rows, r);
      const char *p = (guint)col < row->n_cells ? row->cells[col] : "";
      guint a, b;

      if (strlen (p) >= 4 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
          g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
        continue;
      if (!read_number (&p, &a) || (*p != '/' && *p != '.' && *p != '-'))
        continue;
      p++;
      if (!read_number (&p, &b))
        continue;

      if (a > 12 && b <= 12)
        day_first++;
      else if (b > 12 && a <= 12)
        month_first++;
      else
        ambiguous++;
    }

  if (day_first > 0 && day_first >= month_first)
    return SB_DATE_FORMAT_DAY_FIRST;
  if (month_first > 0)
    return SB_DATE_FORMAT_MONTH_FIRST;
  /* Accounting and bank exports with dots or a decimal comma are
   * European: the day first. */
  if (ambiguous > 0)
    return SB_DATE_FORMAT_DAY_FIRST;

  return SB_DATE_FORMAT_ISO;
}

/* Cleans an amount cell for sb_money_parse_with_style(): no spaces or
 * apostrophes between digits, no plus sign, a trailing minus in front. */
static char *
clean_amount (const char *value)
{
  GString *out = g_string_new (NULL);
  gboolean trailing_minus = FALSE;
  gsize len;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '+' || ch == '\'' || ch == 0x00A0 || ch == 0x202F || ch == 0x2009)
        continue;
      if (ch == ' ' && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) &&
          g_ascii_isdigit (p[1]))
        continue;
      g_string_append_unichar (out, ch);
    }

  g_strstrip (out->str);
  len = strlen (out->str);
  if (len > 1 && out->str[len - 1] == '-')
    {
      out->str[len - 1] = '\0';
      trailing_minus = TRUE;
    }
  if (trailing_minus)
    g_string_prepend_c (out, '-');
  g_strstrip (out->str);

  return g_string_free (out, FALSE);
}

gboolean
sb_cost_import_parse_amount (SbCostImport  *self,
                             const char    *value,
                             const char    *currency,
                             gint64        *out,
                             GError       **error)
{
  g_autofree char *clean = clean_amount (value);
  SbMoneyStyle style;

  if (self->decimal_guess == SB_DECIMAL_COMMA)
    sb_money_style_init (&style, ",", ".", FALSE, TRUE);
  else
    sb_money_style_init (&style, ".", ",", TRUE, FALSE);

  return sb_money_parse_with_style (clean, currency, &style, out, error);
}

/* Most amounts of a single amount column negative: a bank statement. */
static gboolean
guess_bank_signs (SbCostImport *self)
{
  int col = sb_cost_import_column_of (self, SB_COST_FIELD_AMOUNT);
  guint negative = 0;
  guint positive = 0;

  if (col < 0 || sb_cost_import_column_of (self, SB_COST_FIELD_DEBIT) >= 0 ||
      sb_cost_import_column_of (self, SB_COST_FIELD_CREDIT) >= 0)
    return FALSE;

  for (guint r = 0; r < self->rows->len; r++)
    {
      SbCostRow *row = g_ptr_array_index (self->rows, r);
      const char *value = (guint)col < row->n_cells ? row->cells[col] : "";
      gint64 amount;

      if (sb_cost_import_is_empty (self, value) || !sb_cost_import_parse_amount (self, value, self->base, &amount, NULL))
        continue;
      if (amount < 0)
        negative++;
      else if (amount > 0)
        positive++;
    }

  return negative > positive;
}

static void
collect_words (SbCostImport *self)
{
  int col = sb_cost_import_column_of (self, SB_COST_FIELD_CATEGORY);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_set_size (self->words, 0);
  for (guint r = 0; col >= 0 && r < self->rows->len; r++)
    {
      SbCostRow *row = g_ptr_array_index (self->rows, r);
      const char *value = (guint)col < row->n_cells ? row->cells[col] : "";

      if (sb_cost_import_is_empty (self, value) || !g_hash_table_add (seen, (gpointer)value))
        continue;
      if (!g_hash_table_contains (self->categories, value))
        g_hash_table_insert (self->categories, g_strdup (value),
                             g_strdup (sb_cost_csv_guess_category (value)));
      g_ptr_array_add (self->words, g_strdup (value));
    }
}

/* The guesses that depend on the mapping. */
void
sb_cost_import_refresh (SbCostImport *self)
{
  sb_cost_import_clear_plan (self);
  collect_words (self);
  self->date_guess = self->date_format != SB_DATE_FORMAT_AUTO ? self->date_format
                                                              : guess_date_format (self);
  self->decimal_guess = self->decimal != SB_DECIMAL_AUTO ? self->decimal : guess_decimal (self);
  self->bank_signs = guess_bank_signs (self);
}

/**
 * sb_cost_import_new:
 * @store: the book to import into
 * @file: a CSV file
 * @error: return location for a #GError
 *
 * Reads @file and guesses how to read it (see the header). Nothing is
 * written.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL when the
 *   file cannot be read
 */
SbCostImport *
sb_cost_import_new (SbStore  *store,
                    GFile    *file,
                    GError  **error)
{
  g_autoptr(SbCostImport) self = NULL;
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SbCostImport, 1);
  self->store = g_object_ref (store);
  self->file_name = g_file_get_basename (file);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_csv_table_row_free);
  self->empty_markers = g_strdupv ((char **)default_empty_markers);
  self->unknown_suppliers = SB_UNKNOWN_CREATE;
  self->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->words = g_ptr_array_new_with_free_func (g_free);

  if (!sb_csv_read_table (file, &self->header, &self->header_line, self->rows, &self->encoding,
                          error))
    return NULL;
  self->n_columns = g_strv_length (self->header);

  if (!load_book (self, error))
    return NULL;

  self->mapping = g_new0 (SbCostField, MAX (self->n_columns, 1));
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *normal = sb_import_normalize_header (self->header[c]);
      SbCostField field = guess_field (normal);

      if (key->len > 0)
        g_string_append_c (key, '|');
      g_string_append (key, normal);

      if (field != SB_COST_FIELD_IGNORE && sb_cost_import_column_of (self, field) >= 0)
        field = SB_COST_FIELD_IGNORE;
      self->mapping[c] = field;
    }
  self->header_key = g_string_free (g_steal_pointer (&key), FALSE);

  if (sb_cost_import_load_remembered (self))
    self->remembered = TRUE;
  sb_cost_import_refresh (self);

  return g_steal_pointer (&self);
}

void
sb_cost_import_free (SbCostImport *self)
{
  if (self == NULL)
    return;

  sb_cost_import_clear_plan (self);
  g_clear_object (&self->store);
  g_free (self->file_name);
  g_strfreev (self->header);
  g_free (self->header_key);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->mapping);
  g_strfreev (self->empty_markers);
  g_free (self->default_category);
  g_free (self->default_currency);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  g_clear_pointer (&self->words, g_ptr_array_unref);
  g_clear_pointer (&self->supplier_by_name, g_hash_table_unref);
  g_clear_pointer (&self->contract_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->service_by_key, g_hash_table_unref);
  g_clear_pointer (&self->existing, g_hash_table_unref);
  g_free (self);
}

guint
sb_cost_import_get_n_columns (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const char *
sb_cost_import_get_column_name (SbCostImport *self,
                                guint         column)
{
  g_return_val_if_fail (self != NULL && column < self->n_columns, NULL);

  return self->header[column];
}

guint
sb_cost_import_get_n_rows (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

SbCostField
sb_cost_import_get_mapping (SbCostImport *self,
                            guint         column)
{
  g_return_val_if_fail (self != NULL && column < self->n_columns, SB_COST_FIELD_IGNORE);

  return self->mapping[column];
}

void
sb_cost_import_set_mapping (SbCostImport *self,
                            guint         column,
                            SbCostField   field)
{
  g_return_if_fail (self != NULL && column < self->n_columns);
  g_return_if_fail (field < SB_COST_N_FIELDS);

  if (field != SB_COST_FIELD_IGNORE)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->mapping[c] == field)
        self->mapping[c] = SB_COST_FIELD_IGNORE;
  self->mapping[column] = field;
  sb_cost_import_refresh (self);
}

gboolean
sb_cost_import_mapping_was_remembered (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->remembered;
}

SbDateFormat
sb_cost_import_get_date_format (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, SB_DATE_FORMAT_ISO);

  return self->date_guess;
}

void
sb_cost_import_set_date_format (SbCostImport *self,
                                SbDateFormat  format)
{
  g_return_if_fail (self != NULL);

  self->date_format = format;
  sb_cost_import_refresh (self);
}

SbDecimalMark
sb_cost_import_get_decimal_mark (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, SB_DECIMAL_POINT);

  return self->decimal_guess;
}

void
sb_cost_import_set_decimal_mark (SbCostImport  *self,
                                 SbDecimalMark  mark)
{
  g_return_if_fail (self != NULL);

  self->decimal = mark;
  sb_cost_import_refresh (self);
}

gboolean
sb_cost_import_get_bank_signs (SbCostImport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->bank_signs;
}

void
sb_cost_import_set_empty_markers (SbCostImport       *self,
                                  const char * const *markers)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->empty_markers);
  self->empty_markers = g_strdupv ((char **)(markers != NULL ? markers : default_empty_markers));
  sb_cost_import_refresh (self);
}

char **
sb_cost_import_get_category_words (SbCostImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->words->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->words, i));

  return g_strv_builder_end (builder);
}

const char *
sb_cost_import_get_category_mapping (SbCostImport *self,
                                     const char   *word)
{
  g_return_val_if_fail (self != NULL && word != NULL, NULL);

  return g_hash_table_lookup (self->categories, word);
}

void
sb_cost_import_set_category_mapping (SbCostImport *self,
                                     const char   *word,
                                     const char   *category)
{
  g_return_if_fail (self != NULL && word != NULL);

  g_hash_table_replace (self->categories, g_strdup (word), g_strdup (category));
  sb_cost_import_clear_plan (self);
}

void
sb_cost_import_set_default_category (SbCostImport *self,
                                     const char   *category)
{
  g_return_if_fail (self != NULL);

  g_free (self->default_category);
  self->default_category = g_strdup (category);
  sb_cost_import_clear_plan (self);
}

void
sb_cost_import_set_default_currency (SbCostImport *self,
                                     const char   *currency)
{
  g_return_if_fail (self != NULL);

  g_free (self->default_currency);
  self->default_currency = currency != NULL ? g_ascii_strup (currency, -1) : NULL;
  sb_cost_import_clear_plan (self);
}

void
sb_cost_import_set_unknown_suppliers (SbCostImport    *self,
                                      SbUnknownChoice  choice)
{
  g_return_if_fail (self != NULL);

  self->unknown_suppliers = choice == SB_UNKNOWN_CREATE ? SB_UNKNOWN_CREATE : SB_UNKNOWN_LEAVE;
  sb_cost_import_clear_plan (self);
}

char **
sb_cost_import_get_unknown_suppliers (SbCostImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->planned)
    sb_cost_import_plan (self, NULL);
  for (guint i = 0; self->unknown_names != NULL && i < self->unknown_names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->unknown_names, i));

  return g_strv_builder_end (builder);
}
