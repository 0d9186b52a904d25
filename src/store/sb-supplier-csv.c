/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-catalog-csv-private.h"
#include "sb-contract-private.h"
#include "sb-core-error.h"
#include "sb-suppliers-private.h"

/*
 * Suppliers to and from CSV files, with the preview and transaction rules
 * of the catalogue (sb-catalog-csv.c): a supplier is matched by name in
 * any case; its main contact (the first) is four columns. Columns the
 * file does not have leave those fields as they are; an empty cell clears
 * the field. Every rule of a save is checked by sb_suppliers_validate(),
 * so the preview says what the save would refuse.
 *
 * This file also writes the suppliers and contracts of a plan, inside the
 * import's one transaction; contracts are planned in sb-contract-csv.c.
 */

enum
{
  PF_NAME,
  PF_KIND,
  PF_STATUS,
  PF_CRITICALITY,
  PF_WEBSITE,
  PF_ACCOUNT,
  PF_OWNER,
  PF_CONTACT_NAME,
  PF_CONTACT_ROLE,
  PF_CONTACT_EMAIL,
  PF_CONTACT_PHONE,
  PF_NOTES,
  N_SUPPLIER_FIELDS,
};

/* Other names in English, Spanish and German, normalized (lower case,
 * no accents). */
static const SbCsvColumn supplier_columns[N_SUPPLIER_FIELDS] = {
  [PF_NAME] = { "Name", "supplier|supplier name|vendor|vendor name|provider|company|"
                "proveedor|nombre|nombre del proveedor|empresa|lieferant|lieferantenname|"
                "anbieter|firma", TRUE },
  [PF_KIND] = { "Kind", "type|supplier kind|supplier type|tipo|tipo de proveedor|art|typ|"
                "lieferantenart", FALSE },
  [PF_STATUS] = { "Status", "state|supplier status|estado|zustand", FALSE },
  [PF_CRITICALITY] = { "Criticality", "importance|business criticality|criticidad|importancia|"
                       "kritikalitat|wichtigkeit", FALSE },
  [PF_WEBSITE] = { "Website", "web|web site|url|homepage|sitio web|pagina web|webseite", FALSE },
  [PF_ACCOUNT] = { "Account number", "account|account no|our account|customer number|"
                   "numero de cuenta|cuenta|numero de cliente|kundennummer|kontonummer",
                   FALSE },
  [PF_OWNER] = { "Relationship owner", "owner|relationship manager|supplier manager|"
                 "responsable|responsable de la relacion|verantwortlich|"
                 "lieferantenverantwortlicher", FALSE },
  [PF_CONTACT_NAME] = { "Contact name", "contact|contact person|main contact|contacto|"
                        "persona de contacto|nombre de contacto|kontakt|ansprechpartner|"
                        "kontaktperson", FALSE },
  [PF_CONTACT_ROLE] = { "Contact role", "role|contact position|cargo|rol|rolle|funktion",
                        FALSE },
  [PF_CONTACT_EMAIL] = { "Contact email", "email|e mail|contact e mail|email address|correo|"
                         "correo electronico|e mail adresse", FALSE },
  [PF_CONTACT_PHONE] = { "Contact phone", "phone|telephone|phone number|contact telephone|"
                         "telefono|telefon|telefonnummer", FALSE },
  [PF_NOTES] = { "Notes", "note|comments|remarks|notas|comentarios|notizen|bemerkungen",
                 FALSE },
};

typedef struct
{
  SbStore    *store;
  GHashTable *suppliers;   /* casefolded name -> SbSupplier */
} SupplierBook;

static void
supplier_book_clear (SupplierBook *book)
{
  g_clear_pointer (&book->suppliers, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SupplierBook, supplier_book_clear)

static GListModel *
supplier_book_load (SupplierBook  *book,
                    SbStore       *store,
                    GError       **error)
{
  g_autoptr(GListModel) suppliers = NULL;

  book->store = store;
  book->suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  suppliers = sb_suppliers_list (store, error);
  if (suppliers == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (suppliers); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (suppliers, i);

      g_hash_table_replace (book->suppliers, g_utf8_casefold (sb_supplier_get_name (supplier), -1),
                            g_object_ref (supplier));
    }

  return g_steal_pointer (&suppliers);
}

/* ------------------------------------------------------------------ */
/* Field values as text                                                */

static SbSupplierContact *
main_contact (SbSupplier *supplier)
{
  GPtrArray *contacts = sb_supplier_get_contacts (supplier);

  return contacts != NULL && contacts->len > 0 ? g_ptr_array_index (contacts, 0) : NULL;
}

static char *
supplier_text (gpointer  data,
               GObject  *record,
               int       field)
{
  SbSupplier *supplier = SB_SUPPLIER (record);
  SbSupplierContact *contact = main_contact (supplier);
  const char *text = NULL;

  switch (field)
    {
    case PF_NAME:
      text = sb_supplier_get_name (supplier);
      break;
    case PF_KIND:
      text = sb_supplier_get_kind (supplier);
      break;
    case PF_STATUS:
      text = sb_supplier_get_status (supplier);
      break;
    case PF_CRITICALITY:
      text = sb_supplier_get_criticality (supplier);
      break;
    case PF_WEBSITE:
      text = sb_supplier_get_website (supplier);
      break;
    case PF_ACCOUNT:
      text = sb_supplier_get_account_number (supplier);
      break;
    case PF_OWNER:
      text = sb_supplier_get_relationship_owner (supplier);
      break;
    case PF_CONTACT_NAME:
      text = contact ? contact->name : NULL;
      break;
    case PF_CONTACT_ROLE:
      text = contact ? contact->role : NULL;
      break;
    case PF_CONTACT_EMAIL:
      text = contact ? contact->email : NULL;
      break;
    case PF_CONTACT_PHONE:
      text = contact ? contact->phone : NULL;
      break;
    case PF_NOTES:
    default:
      text = sb_supplier_get_notes (supplier);
      break;
    }

  return g_strdup (text ? text : "");
}

/* ------------------------------------------------------------------ */
/* Reading a line                                                      */

/* @text as one of @choices, also under the other names in @synonyms
 * ("word=choice|word=choice", keywords as sb_csv_import_keyword() makes
 * them). */
static const char *
read_choice_with (const char          *text,
                  const char * const  *choices,
                  const char          *synonyms,
                  const char          *what,
                  GPtrArray           *problems)
{
  g_autofree char *keyword = sb_csv_import_keyword (text);
  g_auto(GStrv) pairs = g_strsplit (synonyms, "|", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');

      if (eq != NULL && strncmp (pairs[i], keyword, eq - pairs[i]) == 0 &&
          keyword[eq - pairs[i]] == '\0')
        {
          for (guint c = 0; choices[c] != NULL; c++)
            {
              if (g_str_equal (choices[c], eq + 1))
                return choices[c];
            }
        }
    }

  return sb_csv_import_read_choice (text, choices, what, problems);
}

static void
set_contact (SbSupplier *supplier,
             SbCsvRow   *row,
             const int  *field_column,
             GPtrArray  *scratch,
             GPtrArray  *problems)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GPtrArray *current = sb_supplier_get_contacts (supplier);
  g_autoptr(SbSupplierContact) contact = NULL;
  const char *values[4];
  gboolean any_column = FALSE;

  for (int f = PF_CONTACT_NAME; f <= PF_CONTACT_PHONE; f++)
    {
      values[f - PF_CONTACT_NAME] = sb_csv_import_cell (row, field_column, f, scratch);
      any_column |= values[f - PF_CONTACT_NAME] != NULL;
    }
  if (!any_column)
    return;

  contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_supplier_contact_free);

  contact = current->len > 0 ? sb_supplier_contact_copy (g_ptr_array_index (current, 0))
                             : sb_supplier_contact_new (NULL, NULL, NULL, NULL);

  for (int i = 0; i < 4; i++)
    {
      char **slot[] = { &contact->name, &contact->role, &contact->email, &contact->phone };

      if (values[i] == NULL)
        continue;
      g_free (*slot[i]);
      *slot[i] = *values[i] != '\0' ? g_strdup (values[i]) : NULL;
    }

  for (guint i = 1; i < current->len; i++)
    g_ptr_array_add (contacts, sb_supplier_contact_copy (g_ptr_array_index (current, i)));

  /* All four empty: the supplier has no main contact (any others move up). */
  if (contact->name == NULL && contact->role == NULL && contact->email == NULL &&
      contact->phone == NULL)
    {
      sb_supplier_set_contacts (supplier, contacts);
      return;
    }

  if (contact->name == NULL)
    {
      sb_csv_import_add_problem (problems, _("the contact has no name: fill in “%s” or leave "
                                             "the contact's columns empty"),
                                 supplier_columns[PF_CONTACT_NAME].header);
      return;
    }

  g_ptr_array_insert (contacts, 0, g_steal_pointer (&contact));
  sb_supplier_set_contacts (supplier, contacts);
}

static void
plan_supplier (SupplierBook *book,
               SbCsvRow     *row,
               const int    *field_column,
               GHashTable   *file_keys,
               SbPlanLine   *line,
               GPtrArray    *problems)
{
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SbSupplier) supplier = NULL;
  SbSupplier *existing = NULL;
  const char *name;
  const char *value;

  name = sb_csv_import_cell (row, field_column, PF_NAME, scratch);
  if (name == NULL || *name == '\0')
    {
      sb_csv_import_add_problem (problems, _("the name is empty: every supplier needs a name"));
      name = NULL;
    }
  else
    {
      g_autofree char *key = g_utf8_casefold (name, -1);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (file_keys, key));

      if (first != 0)
        sb_csv_import_add_problem (problems, _("the supplier “%s” is also on line %u: each "
                                               "supplier may appear once"),
                                   name, first);
      else
        g_hash_table_insert (file_keys, g_strdup (key), GUINT_TO_POINTER (row->line));

      existing = g_hash_table_lookup (book->suppliers, key);
    }

  supplier = existing ? sb_supplier_copy (existing) : sb_supplier_new ();

  /* Matched in any case; a file that changes only the case of a name
   * updates the spelling. */
  if (name != NULL)
    sb_supplier_set_name (supplier, name);

  if ((value = sb_csv_import_cell (row, field_column, PF_KIND, scratch)) != NULL)
    {
      const char *kind = *value == '\0' ? "external"
        : read_choice_with (value, sb_supplier_kinds (),
                            "internal-team=internal|team=internal|interno=internal|"
                            "intern=internal|customer-acting-as-supplier=customer|"
                            "client=customer|cliente=customer|kunde=customer|"
                            "externo=external|extern=external|company=external",
                            _("kind"), problems);

      if (kind != NULL)
        sb_supplier_set_kind (supplier, kind);
    }

  if ((value = sb_csv_import_cell (row, field_column, PF_STATUS, scratch)) != NULL)
    {
      const char *status = *value == '\0' ? "active"
        : read_choice_with (value, sb_supplier_statuses (),
                            "prospect=prospective|review=under-review|in-review=under-review|"
                            "leaving=exiting|exit=exiting|inactive=ended|former=ended|"
                            "activo=active|aktiv=active|beendet=ended",
                            _("status"), problems);

      if (status != NULL)
        sb_supplier_set_status (supplier, status);
    }

  if ((value = sb_csv_import_cell (row, field_column, PF_CRITICALITY, scratch)) != NULL)
    {
      const char *criticality = *value == '\0' ? "medium"
        : read_choice_with (value, sb_supplier_criticalities (),
                            "normal=medium|med=medium|baja=low|media=medium|alta=high|"
                            "critica=critical|crítica=critical|niedrig=low|mittel=medium|"
                            "hoch=high|kritisch=critical",
                            _("criticality"), problems);

      if (criticality != NULL)
        sb_supplier_set_criticality (supplier, criticality);
    }

  if ((value = sb_csv_import_cell (row, field_column, PF_WEBSITE, scratch)) != NULL)
    sb_supplier_set_website (supplier, *value ? value : NULL);
  if ((value = sb_csv_import_cell (row, field_column, PF_ACCOUNT, scratch)) != NULL)
    sb_supplier_set_account_number (supplier, *value ? value : NULL);
  if ((value = sb_csv_import_cell (row, field_column, PF_OWNER, scratch)) != NULL)
    sb_supplier_set_relationship_owner (supplier, *value ? value : NULL);
  if ((value = sb_csv_import_cell (row, field_column, PF_NOTES, scratch)) != NULL)
    sb_supplier_set_notes (supplier, *value ? value : NULL);

  set_contact (supplier, row, field_column, scratch, problems);

  if (problems->len == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!sb_suppliers_validate (book->store, supplier, &error))
        g_ptr_array_add (problems, sb_csv_import_problem_text (error));
    }

  line->key = g_strdup (name);
  line->object = G_OBJECT (g_steal_pointer (&supplier));
  if (existing != NULL)
    line->existing = g_object_ref (G_OBJECT (existing));
}

static void
plan_supplier_row (gpointer    data,
                   SbCsvRow   *row,
                   const int  *field_column,
                   GHashTable *file_keys,
                   SbPlanLine *line,
                   GPtrArray  *problems)
{
  plan_supplier (data, row, field_column, file_keys, line, problems);
}

/* ------------------------------------------------------------------ */
/* Shared with sb-catalog-csv.c                                        */

/* Plans a suppliers or contracts file against the book as it is now. */
SbPlan *
sb_supplier_csv_plan (SbStore           *store,
                      SbCatalogCsvKind   kind,
                      char             **header,
                      guint              header_line,
                      GPtrArray         *rows,
                      GError           **error)
{
  g_auto(SupplierBook) book = { 0 };
  g_autoptr(GListModel) suppliers = NULL;

  if (kind == SB_CATALOG_CSV_CONTRACTS)
    return sb_contract_csv_plan (store, header, header_line, rows, error);

  g_assert (kind == SB_CATALOG_CSV_SUPPLIERS);

  suppliers = supplier_book_load (&book, store, error);
  if (suppliers == NULL)
    return NULL;

  return sb_csv_import_plan_rows (supplier_columns, N_SUPPLIER_FIELDS, -1, header, header_line,
                                  rows, plan_supplier_row, supplier_text, &book);
}

/* Writes the lines of @plan that create or update a supplier or a
 * contract, inside @tx, through the registers' own saves. */
gboolean
sb_supplier_csv_write (SbTransaction  *tx,
                       SbStore        *store,
                       SbPlan         *plan,
                       GError        **error)
{
  for (guint i = 0; i < plan->lines->len; i++)
    {
      SbPlanLine *line = g_ptr_array_index (plan->lines, i);
      gboolean ok;

      if (line->item.action != SB_IMPORT_ACTION_CREATE &&
          line->item.action != SB_IMPORT_ACTION_UPDATE)
        continue;

      if (SB_IS_SUPPLIER (line->object))
        ok = sb_suppliers_save_in (tx, store, SB_SUPPLIER (line->object), error);
      else
        ok = sb_contracts_save_in (tx, store, SB_CONTRACT (line->object), error);

      if (!ok)
        {
          g_prefix_error (error, _("Line %u: "), line->item.line);
          return FALSE;
        }
    }

  return TRUE;
}

/* Every live supplier (by name) or contract, as CSV. */
GBytes *
sb_supplier_csv_export (SbStore          *store,
                        SbCatalogCsvKind  kind,
                        SbCsvWriteFlags   flags,
                        GError          **error)
{
  g_auto(SupplierBook) book = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GListModel) suppliers = NULL;

  if (kind == SB_CATALOG_CSV_CONTRACTS)
    return sb_contract_csv_export (store, flags, error);

  suppliers = supplier_book_load (&book, store, error);
  if (suppliers == NULL)
    return NULL;

  sb_csv_write_start (out, flags);
  sb_csv_import_write_header (out, supplier_columns, N_SUPPLIER_FIELDS, flags);

  for (guint i = 0; i < g_list_model_get_n_items (suppliers); i++)
    {
      g_autoptr(GObject) supplier = g_list_model_get_item (suppliers, i);
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      for (int f = 0; f < N_SUPPLIER_FIELDS; f++)
        g_ptr_array_add (fields, supplier_text (&book, supplier, f));

      sb_csv_write_row (out, (const char * const *)fields->pdata, fields->len, ',', flags);
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
