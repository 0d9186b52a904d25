/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-catalog-csv-private.h"
#include "sb-catalog-private.h"
#include "sb-contracts.h"
#include "sb-core-error.h"
#include "sb-money.h"
#include "sb-suppliers.h"
#include "sb-time.h"

/*
 * Contracts to and from CSV files, with the preview and transaction rules
 * of the catalogue. A contract is matched by its supplier (by name, which
 * must be in the book: suppliers are imported first) and its reference,
 * both in any case. Values are read leniently ("auto-renew", "3 months",
 * "quarterly", "4h") and written in one exact form that reads back the
 * same. The rules of a save (a notice longer than the term, a negative
 * cost …) are checked by sb_contracts_validate() alone, so they live in
 * one place. Export adds the derived status and dates for people; import
 * ignores those columns.
 */

enum
{
  KF_SUPPLIER,
  KF_REFERENCE,
  KF_TITLE,
  KF_TYPE,
  KF_STATUS,             /* derived */
  KF_START,
  KF_INITIAL_MONTHS,
  KF_RENEWAL,
  KF_RENEWAL_MONTHS,
  KF_NOTICE,
  KF_TERM_END,           /* derived */
  KF_NEXT_RENEWAL,       /* derived */
  KF_NOTICE_DEADLINE,    /* derived */
  KF_CANCELLATION,
  KF_RENEWALS_AGREED,
  KF_NOTICE_GIVEN,
  KF_TERMINATED,
  KF_EARLY_TERMINATION,
  KF_COST,
  KF_CURRENCY,
  KF_BILLING,
  KF_CATEGORY,
  KF_SERVICES,
  KF_CALENDAR,
  KF_SCOPE,
  KF_OURS,
  KF_THEIRS,
  KF_HOW_TO_RAISE,
  KF_SUPPORT_HOURS,
  KF_ESCALATION,
  KF_NOTES,
  KF_TARGETS,            /* P1 response, P1 resolution, … P5 resolution */
  KF_NOTICE_UNIT = KF_TARGETS + 10,   /* read only: the unit of a bare notice number */
  N_CONTRACT_FIELDS,
  N_EXPORTED_FIELDS = KF_NOTICE_UNIT,
};

/* Other names in English, Spanish and German, normalized (lower case,
 * no accents). */
static const SbCsvColumn contract_columns[N_CONTRACT_FIELDS] = {
  [KF_SUPPLIER] = { "Supplier", "supplier name|vendor|provider|proveedor|nombre del proveedor|"
                    "lieferant|anbieter", TRUE },
  [KF_REFERENCE] = { "Reference", "ref|contract reference|contract number|contract no|"
                     "contract id|number|referencia|numero de contrato|vertragsnummer|"
                     "referenz", TRUE },
  [KF_TITLE] = { "Title", "name|contract title|contract name|titulo|nombre|titel|"
                 "bezeichnung|vertragsname", FALSE },
  [KF_TYPE] = { "Type", "contract type|kind|tipo|tipo de contrato|vertragsart|typ|art", FALSE },
  [KF_STATUS] = { "Status", "state|estado|zustand", FALSE, TRUE },
  [KF_START] = { "Start", "start date|starts|begins|commencement|effective date|inicio|"
                 "fecha de inicio|beginn|vertragsbeginn|startdatum", FALSE },
  [KF_INITIAL_MONTHS] = { "Initial term (months)", "initial term|initial months|term|"
                          "term months|duration months|plazo inicial|duracion|duracion meses|"
                          "laufzeit|erstlaufzeit|laufzeit monate", FALSE },
  [KF_RENEWAL] = { "Renewal", "renewal type|renewal rule|renews|auto renew|auto renewal|"
                   "renovacion|tipo de renovacion|verlangerung", FALSE },
  [KF_RENEWAL_MONTHS] = { "Renewal term (months)", "renewal months|renewal term|"
                          "renewal period|plazo de renovacion|verlangerungszeitraum|"
                          "verlangerung monate", FALSE },
  [KF_NOTICE] = { "Notice period", "notice|notice days|preaviso|plazo de preaviso|"
                  "kundigungsfrist", FALSE },
  [KF_TERM_END] = { "Current term end", "term end|end date|fin del plazo|laufzeitende",
                    FALSE, TRUE },
  [KF_NEXT_RENEWAL] = { "Next renewal", "renewal date|proxima renovacion|nachste verlangerung",
                        FALSE, TRUE },
  [KF_NOTICE_DEADLINE] = { "Last day to give notice", "notice deadline|notice by|"
                           "fecha limite de preaviso|kundigen bis", FALSE, TRUE },
  [KF_CANCELLATION] = { "Cancellation method", "how to cancel|cancellation|"
                        "forma de cancelacion|kundigungsform", FALSE },
  [KF_RENEWALS_AGREED] = { "Renewals agreed", "agreed renewals|renovaciones acordadas|"
                           "vereinbarte verlangerungen", FALSE },
  [KF_NOTICE_GIVEN] = { "Notice given on", "notice given|notice date|preaviso dado|"
                        "gekundigt am", FALSE },
  [KF_TERMINATED] = { "Terminated on", "terminated|ended early|termination date|"
                      "rescindido|fecha de rescision|beendet am", FALSE },
  [KF_EARLY_TERMINATION] = { "Early termination", "early termination terms|rescision anticipada|"
                             "vorzeitige kundigung", FALSE },
  [KF_COST] = { "Cost", "amount|cost amount|price|importe|coste|costo|kosten|betrag", FALSE },
  [KF_CURRENCY] = { "Currency", "cost currency|moneda|wahrung", FALSE },
  [KF_BILLING] = { "Billing period", "billing|billed|period|periodo de facturacion|facturacion|"
                   "abrechnungszeitraum|abrechnung", FALSE },
  [KF_CATEGORY] = { "Cost category", "category|categoria|kategorie|kostenart", FALSE },
  [KF_SERVICES] = { "Services", "underpins|underpinned services|service codes|services underpinned|"
                    "servicios|dienste", FALSE },
  [KF_CALENDAR] = { "Calendar", "support calendar|calendar name|calendario|kalender", FALSE },
  [KF_SCOPE] = { "Scope", "alcance|umfang", FALSE },
  [KF_OURS] = { "Our responsibilities", "our obligations|nuestras responsabilidades|"
                "unsere pflichten", FALSE },
  [KF_THEIRS] = { "Supplier responsibilities", "supplier obligations|"
                  "responsabilidades del proveedor|pflichten des lieferanten", FALSE },
  [KF_HOW_TO_RAISE] = { "How to raise tickets", "how to raise|raise tickets|ticket channel|"
                        "como abrir incidencias|meldeweg", FALSE },
  [KF_SUPPORT_HOURS] = { "Support hours", "hours|horario de soporte|supportzeiten", FALSE },
  [KF_ESCALATION] = { "Escalation path", "escalation|escalado|eskalation|eskalationspfad", FALSE },
  [KF_NOTES] = { "Notes", "note|comments|remarks|notas|comentarios|notizen|bemerkungen", FALSE },
  [KF_TARGETS + 0] = { "P1 response", NULL, FALSE },
  [KF_TARGETS + 1] = { "P1 resolution", NULL, FALSE },
  [KF_TARGETS + 2] = { "P2 response", NULL, FALSE },
  [KF_TARGETS + 3] = { "P2 resolution", NULL, FALSE },
  [KF_TARGETS + 4] = { "P3 response", NULL, FALSE },
  [KF_TARGETS + 5] = { "P3 resolution", NULL, FALSE },
  [KF_TARGETS + 6] = { "P4 response", NULL, FALSE },
  [KF_TARGETS + 7] = { "P4 resolution", NULL, FALSE },
  [KF_TARGETS + 8] = { "P5 response", NULL, FALSE },
  [KF_TARGETS + 9] = { "P5 resolution", NULL, FALSE },
  [KF_NOTICE_UNIT] = { "Notice unit", "notice in|notice units|unidad de preaviso|"
                       "kundigungsfrist einheit", FALSE },
};

/* Value words, as sb_csv_import_keyword() makes them. */
static const char renewal_words[] =
  "none=none|no=none|never=none|fixed=none|fixed-term=none|does-not-renew=none|"
  "not-renewing=none|keine=none|nein=none|ninguna=none|no-renueva=none|"
  "automatic=automatic|auto=automatic|auto-renew=automatic|auto-renews=automatic|"
  "auto-renewal=automatic|automatic-renewal=automatic|automatically=automatic|"
  "yes=automatic|evergreen=automatic|rolling=automatic|tacit=automatic|renews=automatic|"
  "automatisch=automatic|ja=automatic|automatica=automatic|automática=automatic|"
  "si=automatic|sí=automatic|tacita=automatic|tácita=automatic|"
  "agreement=agreement|by-agreement=agreement|on-agreement=agreement|manual=agreement|"
  "negotiated=agreement|mutual-agreement=agreement|vereinbarung=agreement|"
  "nach-vereinbarung=agreement|acuerdo=agreement|por-acuerdo=agreement|"
  "de-mutuo-acuerdo=agreement";

static const char billing_words[] =
  "month=month|monthly=month|per-month=month|mensual=month|monatlich=month|"
  "quarter=quarter|quarterly=quarter|per-quarter=quarter|trimestral=quarter|"
  "quartalsweise=quarter|vierteljährlich=quarter|vierteljahrlich=quarter|"
  "year=year|yearly=year|annual=year|annually=year|per-year=year|per-annum=year|"
  "anual=year|jährlich=year|jahrlich=year|"
  "one-off=one-off|oneoff=one-off|once=one-off|one-time=one-off|single=one-off|"
  "einmalig=one-off|unico=one-off|único=one-off|pago-unico=one-off|pago-único=one-off";

static const char type_words[] =
  "support-and-maintenance=support|maintenance=support|mantenimiento=support|"
  "soporte=support|wartung=support|license=licence|licensing=licence|subscription=licence|"
  "licencia=licence|suscripcion=licence|suscripción=licence|lizenz=licence|abonnement=licence|"
  "cloud=hosting|hosting-or-cloud=hosting|alojamiento=hosting|leasing=lease|"
  "arrendamiento=lease|garantia=warranty|garantía=warranty|garantie=warranty|"
  "consulting=consultancy|consultoria=consultancy|consultoría=consultancy|"
  "beratung=consultancy|otro=other|sonstige=other";

static const char category_words[] =
  "supplier=supplier-services|services=supplier-services|hardware=hardware|"
  "software=software|cloud=cloud|labor=labour|personal=labour|instalaciones=facilities|"
  "formacion=training|formación=training|schulung=training|otro=other|sonstige=other";

/* Notice units: days (×1, weeks ×7) or months (×1, years ×12). */
static const char notice_day_words[] =
  "d|day|days|dia|dias|día|días|t|tag|tage|tagen";
static const char notice_week_words[] =
  "w|wk|wks|week|weeks|semana|semanas|woche|wochen";
static const char notice_month_words[] =
  "m|mo|mon|month|months|mes|meses|monat|monate|monaten";
static const char notice_year_words[] =
  "y|yr|yrs|year|years|ano|anos|año|años|jahr|jahre|jahren";

typedef struct
{
  SbStore    *store;
  GDate       today;
  int         warning_days;
  GHashTable *suppliers;        /* casefolded name -> SbSupplier */
  GHashTable *supplier_names;   /* id -> name */
  GHashTable *contracts;        /* supplier id + "\n" + casefolded reference -> SbContract */
  GHashTable *services;         /* code -> id */
  GHashTable *service_codes;    /* id -> code */
  GHashTable *calendars;        /* casefolded name -> id */
  GHashTable *calendar_names;   /* id -> name */
  GPtrArray  *calendar_list;    /* names, for messages */
  GListModel *contract_list;
} ContractBook;

static void
contract_book_clear (ContractBook *book)
{
  g_clear_pointer (&book->suppliers, g_hash_table_unref);
  g_clear_pointer (&book->supplier_names, g_hash_table_unref);
  g_clear_pointer (&book->contracts, g_hash_table_unref);
  g_clear_pointer (&book->services, g_hash_table_unref);
  g_clear_pointer (&book->service_codes, g_hash_table_unref);
  g_clear_pointer (&book->calendars, g_hash_table_unref);
  g_clear_pointer (&book->calendar_names, g_hash_table_unref);
  g_clear_pointer (&book->calendar_list, g_ptr_array_unref);
  g_clear_object (&book->contract_list);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ContractBook, contract_book_clear)

static char *
contract_key (const char *supplier_id,
              const char *reference)
{
  g_autofree char *folded = g_utf8_casefold (reference, -1);

  return g_strconcat (supplier_id, "\n", folded, NULL);
}

static gboolean
contract_book_load (ContractBook  *book,
                    SbStore       *store,
                    GError       **error)
{
  g_autoptr(GListModel) suppliers = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GListModel) calendars = NULL;

  book->store = store;
  sb_contracts_get_today (store, &book->today);
  book->warning_days = sb_contracts_get_warning_days (store);
  book->suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  book->supplier_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->contracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  book->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->service_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->calendar_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->calendar_list = g_ptr_array_new_with_free_func (g_free);

  if ((suppliers = sb_suppliers_list (store, error)) == NULL ||
      (book->contract_list = sb_contracts_list (store, NULL, error)) == NULL ||
      (services = sb_catalog_list_services (store, error)) == NULL ||
      (calendars = sb_catalog_list_calendars (store, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (suppliers); i++)
    {
      g_autoptr(SbSupplier) supplier = g_list_model_get_item (suppliers, i);
      const char *name = sb_supplier_get_name (supplier);

      g_hash_table_replace (book->supplier_names, g_strdup (sb_supplier_get_id (supplier)),
                            g_strdup (name));
      g_hash_table_replace (book->suppliers, g_utf8_casefold (name, -1), g_object_ref (supplier));
    }

  for (guint i = 0; i < g_list_model_get_n_items (book->contract_list); i++)
    {
      g_autoptr(SbContract) contract = g_list_model_get_item (book->contract_list, i);

      g_hash_table_replace (book->contracts,
                            contract_key (sb_contract_get_supplier_id (contract),
                                          sb_contract_get_reference (contract)),
                            g_object_ref (contract));
    }

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);

      g_hash_table_replace (book->services, g_strdup (sb_service_get_code (service)),
                            g_strdup (sb_service_get_id (service)));
      g_hash_table_replace (book->service_codes, g_strdup (sb_service_get_id (service)),
                            g_strdup (sb_service_get_code (service)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (calendars); i++)
    {
      g_autoptr(SbCalendarItem) item = g_list_model_get_item (calendars, i);
      const char *name = sb_calendar_item_get_name (item);

      g_hash_table_replace (book->calendar_names, g_strdup (sb_calendar_item_get_id (item)),
                            g_strdup (name));
      g_hash_table_replace (book->calendars, g_utf8_casefold (name, -1),
                            g_strdup (sb_calendar_item_get_id (item)));
      g_ptr_array_add (book->calendar_list, g_strdup (name));
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Field values as text: what export writes and what import compares  */

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? sb_date_format (date) : g_strdup ("");
}

static char *
format_positive (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
}

static char *
contract_text (gpointer  data,
               GObject  *record,
               int       field)
{
  ContractBook *book = data;
  SbContract *contract = SB_CONTRACT (record);
  const SbContractTerms *terms = sb_contract_get_terms (contract);
  const char *text = NULL;

  switch (field)
    {
    case KF_SUPPLIER:
      text = g_hash_table_lookup (book->supplier_names, sb_contract_get_supplier_id (contract));
      break;
    case KF_REFERENCE:
      text = sb_contract_get_reference (contract);
      break;
    case KF_TITLE:
      text = sb_contract_get_title (contract);
      break;
    case KF_TYPE:
      text = sb_contract_get_contract_type (contract);
      break;
    case KF_STATUS:
    case KF_TERM_END:
    case KF_NEXT_RENEWAL:
    case KF_NOTICE_DEADLINE:
      {
        SbContractState state;

        if (!g_date_valid (&terms->start))
          break;
        sb_contract_get_state (contract, &book->today, book->warning_days, &state);
        if (field == KF_STATUS)
          text = sb_contract_status_to_string (state.status);
        else if (field == KF_TERM_END)
          return format_date (&state.term_end);
        else if (field == KF_NEXT_RENEWAL)
          return format_date (&state.next_renewal);
        else
          return format_date (&state.notice_deadline);
      }
      break;
    case KF_START:
      return format_date (&terms->start);
    case KF_INITIAL_MONTHS:
      return format_positive (terms->initial_months);
    case KF_RENEWAL:
      text = sb_renewal_to_string (terms->renewal);
      break;
    case KF_RENEWAL_MONTHS:
      return format_positive (terms->renewal_months);
    case KF_NOTICE:
      /* A file format: the unit words stay English. */
      return g_strdup_printf (terms->notice_unit == SB_NOTICE_MONTHS ? "%d months" : "%d days",
                              terms->notice_amount);
    case KF_CANCELLATION:
      text = sb_contract_get_cancellation_method (contract);
      break;
    case KF_RENEWALS_AGREED:
      return format_positive (terms->renewals_agreed);
    case KF_NOTICE_GIVEN:
      return format_date (&terms->notice_given);
    case KF_TERMINATED:
      return format_date (&terms->terminated);
    case KF_EARLY_TERMINATION:
      text = sb_contract_get_early_termination (contract);
      break;
    case KF_COST:
      {
        gint64 amount = sb_contract_get_cost_amount (contract);
        const char *currency = sb_contract_get_cost_currency (contract);

        if (amount < 0)
          break;
        if (currency != NULL && sb_currency_is_valid (currency))
          return sb_money_format_plain (amount, currency);
        return g_strdup_printf ("%" G_GINT64_FORMAT, amount);
      }
    case KF_CURRENCY:
      text = sb_contract_get_cost_currency (contract);
      break;
    case KF_BILLING:
      text = sb_billing_period_to_string (sb_contract_get_billing_period (contract));
      break;
    case KF_CATEGORY:
      text = sb_contract_get_cost_category (contract);
      break;
    case KF_SERVICES:
      {
        const char * const *ids = sb_contract_get_service_ids (contract);
        g_autoptr(GPtrArray) codes = g_ptr_array_new ();

        for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
          {
            const char *code = g_hash_table_lookup (book->service_codes, ids[i]);

            if (code != NULL)
              g_ptr_array_add (codes, (gpointer)code);
          }

        return sb_csv_import_join_sorted (codes);
      }
    case KF_CALENDAR:
      {
        const char *id = sb_contract_get_calendar_id (contract);

        text = id ? g_hash_table_lookup (book->calendar_names, id) : NULL;
        if (text == NULL)
          text = id;
      }
      break;
    case KF_SCOPE:
      text = sb_contract_get_scope (contract);
      break;
    case KF_OURS:
      text = sb_contract_get_our_responsibilities (contract);
      break;
    case KF_THEIRS:
      text = sb_contract_get_supplier_responsibilities (contract);
      break;
    case KF_HOW_TO_RAISE:
      text = sb_contract_get_how_to_raise (contract);
      break;
    case KF_SUPPORT_HOURS:
      text = sb_contract_get_support_hours (contract);
      break;
    case KF_ESCALATION:
      text = sb_contract_get_escalation_path (contract);
      break;
    case KF_NOTES:
      text = sb_contract_get_notes (contract);
      break;
    case KF_NOTICE_UNIT:
      /* Part of the notice period's text. */
      break;
    default:
      {
        guint priority = (field - KF_TARGETS) / 2 + 1;

        g_assert (field >= KF_TARGETS && field < KF_TARGETS + 10);

        if ((field - KF_TARGETS) % 2 == 0)
          return sb_csv_import_format_duration (sb_contract_get_response_target (contract,
                                                                                 priority));
        return sb_csv_import_format_duration (sb_contract_get_resolution_target (contract,
                                                                                 priority));
      }
    }

  return g_strdup (text ? text : "");
}

/* ------------------------------------------------------------------ */
/* Reading cells                                                       */

/* @keyword's target in "word=target|…", or NULL. */
static const char *
lookup_word (const char *words,
             const char *keyword,
             char      **out_target)
{
  g_auto(GStrv) pairs = g_strsplit (words, "|", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');

      if (eq != NULL && strlen (keyword) == (gsize)(eq - pairs[i]) &&
          strncmp (pairs[i], keyword, eq - pairs[i]) == 0)
        {
          *out_target = g_strdup (eq + 1);
          return *out_target;
        }
    }

  return NULL;
}

static gboolean
word_in (const char *words,
         const char *word)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  return g_strv_contains ((const char * const *)list, word);
}

static const char *
read_word_choice (const char          *text,
                  const char * const  *choices,
                  const char          *words,
                  const char          *what,
                  GPtrArray           *problems)
{
  g_autofree char *keyword = sb_csv_import_keyword (text);
  g_autofree char *target = NULL;

  if (lookup_word (words, keyword, &target) != NULL)
    {
      for (guint i = 0; choices[i] != NULL; i++)
        {
          if (g_str_equal (choices[i], target))
            return choices[i];
        }
    }

  return sb_csv_import_read_choice (text, choices, what, problems);
}

static gboolean
read_date (const char *text,
           const char *column,
           GDate      *out,
           GPtrArray  *problems)
{
  g_autofree char *quoted = NULL;

  if (*text == '\0')
    {
      g_date_clear (out, 1);
      return TRUE;
    }

  if (sb_date_parse (text, out, NULL))
    return TRUE;

  quoted = sb_core_error_quote_input (text);
  sb_csv_import_add_problem (problems,
                             _("%s “%s” is not a date that exists: write it as YYYY-MM-DD, "
                               "e.g. 2026-03-31"),
                             column, quoted);

  return FALSE;
}

static gboolean
read_months (const char *text,
             const char *column,
             int        *out,
             GPtrArray  *problems)
{
  guint64 value = 0;
  g_autofree char *quoted = NULL;

  if (*text == '\0')
    {
      *out = 0;
      return TRUE;
    }

  if (g_ascii_string_to_unsigned (text, 10, 0, 100000, &value, NULL))
    {
      *out = (int)value;
      return TRUE;
    }

  quoted = sb_core_error_quote_input (text);
  sb_csv_import_add_problem (problems,
                             _("%s “%s” is not a whole number: write it as digits, e.g. 12"),
                             column, quoted);

  return FALSE;
}

/* "90 days", "3 months", "12 weeks", "1 year", "90" (in @unit_text, or
 * days). */
static gboolean
read_notice (const char   *text,
             const char   *unit_text,   /* nullable */
             int          *out_amount,
             SbNoticeUnit *out_unit,
             GPtrArray    *problems)
{
  g_autofree char *copy = g_strstrip (g_utf8_casefold (text, -1));
  g_autofree char *quoted = NULL;
  const char *word;
  char *end = NULL;
  guint64 amount;

  if (*copy == '\0')
    {
      *out_amount = 0;
      *out_unit = SB_NOTICE_DAYS;
      return TRUE;
    }

  amount = g_ascii_strtoull (copy, &end, 10);
  if (end == copy || amount > 100000)
    goto bad;

  word = g_strstrip (end);
  if (*word == '\0' && unit_text != NULL && *unit_text != '\0')
    word = unit_text;

  {
    g_autofree char *unit = g_strstrip (g_utf8_casefold (word, -1));
    gsize len = strlen (unit);

    if (len > 0 && unit[len - 1] == '.')
      unit[len - 1] = '\0';

    if (*unit == '\0' || word_in (notice_day_words, unit))
      *out_unit = SB_NOTICE_DAYS, *out_amount = (int)amount;
    else if (word_in (notice_week_words, unit))
      *out_unit = SB_NOTICE_DAYS, *out_amount = (int)amount * 7;
    else if (word_in (notice_month_words, unit))
      *out_unit = SB_NOTICE_MONTHS, *out_amount = (int)amount;
    else if (word_in (notice_year_words, unit))
      *out_unit = SB_NOTICE_MONTHS, *out_amount = (int)amount * 12;
    else
      goto bad;
  }

  return TRUE;

bad:
  quoted = sb_core_error_quote_input (text);
  sb_csv_import_add_problem (problems,
                             _("notice period “%s” is not a period: write it as 90 days or "
                               "3 months"),
                             quoted);
  return FALSE;
}

static void
read_cost (ContractBook *book,
           SbContract   *contract,
           const char   *cost,       /* NULL: no column */
           const char   *currency,   /* NULL: no column */
           GPtrArray    *problems)
{
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  gint64 amount = 0;

  if (currency != NULL && *currency != '\0')
    {
      code = g_ascii_strup (currency, -1);
      if (!sb_currency_is_valid (code))
        {
          g_autofree char *quoted = sb_core_error_quote_input (currency);

          sb_csv_import_add_problem (problems,
                                     _("unknown currency “%s”: use an ISO 4217 code such as EUR, "
                                       "USD or GBP"),
                                     quoted);
          return;
        }
    }

  if (code == NULL && currency == NULL)
    code = g_strdup (sb_contract_get_cost_currency (contract));

  if (cost == NULL)
    {
      if (currency != NULL)
        sb_contract_set_cost (contract, sb_contract_get_cost_amount (contract), code);
      return;
    }

  if (*cost == '\0')
    {
      sb_contract_set_cost (contract, -1, code);
      return;
    }

  if (code == NULL)
    code = g_strdup (sb_store_get_base_currency (book->store));

  /* A spreadsheet in a decimal-comma language writes 12,50. */
  number = g_strdup (cost);
  if (strchr (number, ',') != NULL && strchr (number, '.') == NULL &&
      strchr (number, ',') == strrchr (number, ','))
    *strchr (number, ',') = '.';

  if (!sb_money_parse_plain (number, code, &amount, NULL))
    {
      g_autofree char *quoted = sb_core_error_quote_input (cost);

      sb_csv_import_add_problem (problems,
                                 _("cost “%s” is not an amount in %s: write a number such as "
                                   "12.50, without currency signs"),
                                 quoted, code);
      return;
    }

  /* -1 stands for "no cost": keep a negative amount negative, for the
   * save's rule to refuse. */
  sb_contract_set_cost (contract, amount == -1 ? -2 : amount, code);
}

static void
read_services (ContractBook *book,
               SbContract   *contract,
               const char   *value,
               GPtrArray    *problems)
{
  g_autoptr(GPtrArray) items = sb_csv_import_split_list (value, ";,");
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *code = g_ascii_strup (g_ptr_array_index (items, i), -1);
      const char *id = g_hash_table_lookup (book->services, code);

      if (id == NULL)
        {
          g_autofree char *quoted = sb_core_error_quote_input (g_ptr_array_index (items, i));

          sb_csv_import_add_problem (problems,
                                     _("unknown service code “%s” in “%s”: import the services "
                                       "first or add them under Services (separate codes with "
                                       "“;”)"),
                                     quoted, contract_columns[KF_SERVICES].header);
          continue;
        }

      if (!sb_csv_import_has_string (ids, id))
        g_ptr_array_add (ids, (gpointer)id);
    }

  g_ptr_array_add (ids, NULL);
  sb_contract_set_service_ids (contract, (const char * const *)ids->pdata);
}

static void
read_calendar (ContractBook *book,
               SbContract   *contract,
               const char   *value,
               GPtrArray    *problems)
{
  g_autofree char *key = NULL;
  const char *id;

  if (*value == '\0')
    {
      sb_contract_set_calendar_id (contract, NULL);
      return;
    }

  key = g_utf8_casefold (value, -1);
  id = g_hash_table_lookup (book->calendars, key);
  if (id != NULL)
    {
      sb_contract_set_calendar_id (contract, id);
      return;
    }

  {
    g_autofree char *quoted = sb_core_error_quote_input (value);
    g_autofree char *known = NULL;

    g_ptr_array_add (book->calendar_list, NULL);
    known = g_strjoinv (", ", (char **)book->calendar_list->pdata);
    g_ptr_array_remove_index (book->calendar_list, book->calendar_list->len - 1);

    sb_csv_import_add_problem (problems,
                               _("unknown calendar “%s”: the book has %s (leave it empty for "
                                 "around the clock)"),
                               quoted, known);
  }
}

/* ------------------------------------------------------------------ */
/* Planning a line                                                     */

static void
read_terms (SbContract  *contract,
            SbCsvRow    *row,
            const int   *field_column,
            GPtrArray   *scratch,
            GPtrArray   *problems)
{
  SbContractTerms terms = *sb_contract_get_terms (contract);
  const char *value;

  if ((value = sb_csv_import_cell (row, field_column, KF_START, scratch)) != NULL)
    {
      if (*value == '\0')
        sb_csv_import_add_problem (problems, _("the start date is empty: every contract needs "
                                               "one, as YYYY-MM-DD"));
      else
        read_date (value, contract_columns[KF_START].header, &terms.start, problems);
    }

  if ((value = sb_csv_import_cell (row, field_column, KF_INITIAL_MONTHS, scratch)) != NULL)
    read_months (value, contract_columns[KF_INITIAL_MONTHS].header, &terms.initial_months,
                 problems);

  if ((value = sb_csv_import_cell (row, field_column, KF_RENEWAL, scratch)) != NULL)
    {
      g_autofree char *keyword = sb_csv_import_keyword (value);
      g_autofree char *target = NULL;

      if (*keyword == '\0')
        terms.renewal = SB_RENEWAL_NONE;
      else if (lookup_word (renewal_words, keyword, &target) == NULL ||
               !sb_renewal_from_string (target, &terms.renewal))
        {
          g_autofree char *quoted = sb_core_error_quote_input (value);

          sb_csv_import_add_problem (problems,
                                     _("unknown renewal “%s”: use none, automatic or agreement "
                                       "(auto-renew, yes and by agreement are understood too)"),
                                     quoted);
        }
    }

  if ((value = sb_csv_import_cell (row, field_column, KF_RENEWAL_MONTHS, scratch)) != NULL)
    read_months (value, contract_columns[KF_RENEWAL_MONTHS].header, &terms.renewal_months,
                 problems);

  if ((value = sb_csv_import_cell (row, field_column, KF_NOTICE, scratch)) != NULL)
    read_notice (value, sb_csv_import_cell (row, field_column, KF_NOTICE_UNIT, scratch),
                 &terms.notice_amount, &terms.notice_unit, problems);

  if ((value = sb_csv_import_cell (row, field_column, KF_RENEWALS_AGREED, scratch)) != NULL)
    read_months (value, contract_columns[KF_RENEWALS_AGREED].header, &terms.renewals_agreed,
                 problems);

  if ((value = sb_csv_import_cell (row, field_column, KF_NOTICE_GIVEN, scratch)) != NULL)
    read_date (value, contract_columns[KF_NOTICE_GIVEN].header, &terms.notice_given, problems);

  if ((value = sb_csv_import_cell (row, field_column, KF_TERMINATED, scratch)) != NULL)
    read_date (value, contract_columns[KF_TERMINATED].header, &terms.terminated, problems);

  sb_contract_set_terms (contract, &terms);
}

static void
read_texts (SbContract *contract,
            SbCsvRow   *row,
            const int  *field_column,
            GPtrArray  *scratch)
{
  static const struct
  {
    int    field;
    void (*set) (SbContract *self, const char *text);
  } texts[] = {
    { KF_TITLE, sb_contract_set_title },
    { KF_CANCELLATION, sb_contract_set_cancellation_method },
    { KF_EARLY_TERMINATION, sb_contract_set_early_termination },
    { KF_SCOPE, sb_contract_set_scope },
    { KF_OURS, sb_contract_set_our_responsibilities },
    { KF_THEIRS, sb_contract_set_supplier_responsibilities },
    { KF_HOW_TO_RAISE, sb_contract_set_how_to_raise },
    { KF_SUPPORT_HOURS, sb_contract_set_support_hours },
    { KF_ESCALATION, sb_contract_set_escalation_path },
    { KF_NOTES, sb_contract_set_notes },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *value = sb_csv_import_cell (row, field_column, texts[i].field, scratch);

      if (value != NULL)
        texts[i].set (contract, *value ? value : NULL);
    }
}

static void
plan_contract (gpointer    data,
               SbCsvRow   *row,
               const int  *field_column,
               GHashTable *file_keys,
               SbPlanLine *line,
               GPtrArray  *problems)
{
  ContractBook *book = data;
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SbContract) contract = NULL;
  SbSupplier *supplier = NULL;
  SbContract *existing = NULL;
  const char *supplier_name;
  const char *reference;
  const char *value;

  supplier_name = sb_csv_import_cell (row, field_column, KF_SUPPLIER, scratch);
  reference = sb_csv_import_cell (row, field_column, KF_REFERENCE, scratch);

  if (*supplier_name == '\0')
    sb_csv_import_add_problem (problems, _("the supplier is empty: every contract is made with "
                                           "a supplier of the book"));
  else
    {
      g_autofree char *key = g_utf8_casefold (supplier_name, -1);

      supplier = g_hash_table_lookup (book->suppliers, key);
      if (supplier == NULL)
        {
          g_autofree char *quoted = sb_core_error_quote_input (supplier_name);

          sb_csv_import_add_problem (problems,
                                     _("unknown supplier “%s”: import the suppliers first "
                                       "(servicebook import suppliers FILE) or add it under "
                                       "Suppliers"),
                                     quoted);
        }
    }

  if (*reference == '\0')
    sb_csv_import_add_problem (problems, _("the reference is empty: every contract needs the "
                                           "number or name both sides know it by"));

  if (supplier != NULL && *reference != '\0')
    {
      g_autofree char *key = contract_key (sb_supplier_get_id (supplier), reference);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (file_keys, key));

      if (first != 0)
        sb_csv_import_add_problem (problems, _("the contract %s of %s is also on line %u: each "
                                               "contract may appear once"),
                                   reference, sb_supplier_get_name (supplier), first);
      else
        g_hash_table_insert (file_keys, g_strdup (key), GUINT_TO_POINTER (row->line));

      existing = g_hash_table_lookup (book->contracts, key);
    }

  contract = existing ? sb_contract_copy (existing)
                      : sb_contract_new (supplier ? sb_supplier_get_id (supplier) : NULL);
  if (*reference != '\0')
    sb_contract_set_reference (contract, reference);

  read_texts (contract, row, field_column, scratch);
  read_terms (contract, row, field_column, scratch, problems);

  if ((value = sb_csv_import_cell (row, field_column, KF_TYPE, scratch)) != NULL)
    {
      const char *type = read_word_choice (*value ? value : "support", sb_contract_types (),
                                           type_words, _("contract type"), problems);

      if (type != NULL)
        sb_contract_set_contract_type (contract, type);
    }

  read_cost (book, contract, sb_csv_import_cell (row, field_column, KF_COST, scratch),
             sb_csv_import_cell (row, field_column, KF_CURRENCY, scratch), problems);

  if ((value = sb_csv_import_cell (row, field_column, KF_BILLING, scratch)) != NULL)
    {
      static const char * const periods[] = { "month", "quarter", "year", "one-off", NULL };
      const char *period = read_word_choice (*value ? value : "month", periods, billing_words,
                                             _("billing period"), problems);
      SbBillingPeriod billing;

      if (period != NULL && sb_billing_period_from_string (period, &billing))
        sb_contract_set_billing_period (contract, billing);
    }

  if ((value = sb_csv_import_cell (row, field_column, KF_CATEGORY, scratch)) != NULL)
    {
      const char *category = read_word_choice (*value ? value : "supplier-services",
                                               sb_cost_categories (), category_words,
                                               _("cost category"), problems);

      if (category != NULL)
        sb_contract_set_cost_category (contract, category);
    }

  if ((value = sb_csv_import_cell (row, field_column, KF_SERVICES, scratch)) != NULL)
    read_services (book, contract, value, problems);

  if ((value = sb_csv_import_cell (row, field_column, KF_CALENDAR, scratch)) != NULL)
    read_calendar (book, contract, value, problems);

  for (int f = KF_TARGETS; f < KF_TARGETS + 10; f++)
    {
      guint priority = (f - KF_TARGETS) / 2 + 1;
      guint minutes = 0;

      value = sb_csv_import_cell (row, field_column, f, scratch);
      if (value == NULL ||
          !sb_csv_import_read_duration (value, contract_columns[f].header, &minutes, problems))
        continue;

      if ((f - KF_TARGETS) % 2 == 0)
        sb_contract_set_targets (contract, priority, minutes,
                                 sb_contract_get_resolution_target (contract, priority));
      else
        sb_contract_set_targets (contract, priority,
                                 sb_contract_get_response_target (contract, priority), minutes);
    }

  if (problems->len == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!sb_contracts_validate (book->store, contract, &error))
        g_ptr_array_add (problems, sb_csv_import_problem_text (error));
    }

  if (supplier != NULL && *reference != '\0')
    line->key = g_strdup_printf ("%s / %s", sb_supplier_get_name (supplier), reference);
  else if (*reference != '\0')
    line->key = g_strdup (reference);
  line->name = g_strdup (sb_contract_get_title (contract));
  line->object = G_OBJECT (g_steal_pointer (&contract));
  if (existing != NULL)
    line->existing = g_object_ref (G_OBJECT (existing));
}

/* ------------------------------------------------------------------ */
/* Shared with sb-supplier-csv.c                                       */

/* Plans a contracts file against the book as it is now. */
SbPlan *
sb_contract_csv_plan (SbStore    *store,
                      char      **header,
                      guint       header_line,
                      GPtrArray  *rows,
                      GError    **error)
{
  g_auto(ContractBook) book = { 0 };

  if (!contract_book_load (&book, store, error))
    return NULL;

  return sb_csv_import_plan_rows (contract_columns, N_CONTRACT_FIELDS, KF_TARGETS, header,
                                  header_line, rows, plan_contract, contract_text, &book);
}

/* Every live contract, by supplier then reference, as CSV, with the
 * derived columns as of today. */
GBytes *
sb_contract_csv_export (SbStore          *store,
                        SbCsvWriteFlags   flags,
                        GError          **error)
{
  g_auto(ContractBook) book = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);

  if (!contract_book_load (&book, store, error))
    return NULL;

  sb_csv_write_start (out, flags);
  sb_csv_import_write_header (out, contract_columns, N_EXPORTED_FIELDS, flags);

  for (guint i = 0; i < g_list_model_get_n_items (book.contract_list); i++)
    {
      g_autoptr(GObject) contract = g_list_model_get_item (book.contract_list, i);
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      for (int f = 0; f < N_EXPORTED_FIELDS; f++)
        g_ptr_array_add (fields, contract_text (&book, contract, f));

      sb_csv_write_row (out, (const char * const *)fields->pdata, fields->len, ',', flags);
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
