/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sb-catalog-csv-private.h"
#include "sb-catalog-private.h"
#include "sb-core-error.h"
#include "sb-money.h"
#include "sb-time.h"

/*
 * Services and customers to and from CSV files; suppliers and contracts
 * plug in through sb-catalog-csv-private.h (sb-supplier-csv.c).
 *
 * Export writes every field with readable column headers. Import is in
 * two steps: a preview reads the file and says, per line, what it would
 * do (create, update, unchanged) or why it cannot (skip, with the
 * reason); nothing is written. Apply then reads the book again inside
 * one transaction, checks that the preview still holds, and writes every
 * line through the catalogue's own saves; if any of it fails, nothing is
 * written.
 *
 * Columns are found by header, in any order, in any case, with a few
 * common other names ("Service code" for Code, "E-mail" for Email…).
 * Columns the file does not have leave those fields of existing records
 * as they are; an empty cell clears the field. Unknown columns are
 * ignored, and the preview says so. Headers are a file format, so they
 * are written in English in every language.
 */

/* Services: the columns, in the order export writes them. */
enum
{
  SF_CODE,
  SF_NAME,
  SF_STATUS,
  SF_TYPE,
  SF_CATEGORY,
  SF_OWNER,
  SF_CRITICALITY,
  SF_DESCRIPTION,
  SF_OUTCOMES,
  SF_SUPPORT_CHANNEL,
  SF_SUPPORT_CONTACT,
  SF_CALENDAR,
  SF_CUSTOMERS,
  SF_DEPENDS_ON,
  SF_EXCLUSIONS,
  SF_PREREQUISITES,
  SF_PRICE,
  SF_CURRENCY,
  SF_PRICE_PERIOD,
  SF_AVAILABILITY,
  SF_WORKLOAD,
  SF_CLOCK_STOP,
  SF_EXCEPTIONS,
  SF_LAST_REVIEW,
  SF_NEXT_REVIEW,
  SF_TARGETS,            /* P1 response, P1 resolution, … P5 resolution */
  N_SERVICE_FIELDS = SF_TARGETS + 2 * SB_SERVICE_N_PRIORITIES,
};

/* Customers */
enum
{
  CF_NAME,
  CF_CONTACT,
  CF_EMAIL,
  CF_PHONE,
  CF_STATUS,
  CF_NOTES,
  N_CUSTOMER_FIELDS,
};

static const SbCsvColumn service_columns[N_SERVICE_FIELDS] = {
  [SF_CODE] = { "Code", "service code|short code|service id", TRUE },
  [SF_NAME] = { "Name", "service name|service|title", FALSE },
  [SF_STATUS] = { "Status", "lifecycle status|lifecycle|state|service status", FALSE },
  [SF_TYPE] = { "Type", "service type|kind", FALSE },
  [SF_CATEGORY] = { "Category", "service category|group", FALSE },
  [SF_OWNER] = { "Owner", "service owner|owned by|responsible", FALSE },
  [SF_CRITICALITY] = { "Criticality", "importance|business criticality", FALSE },
  [SF_DESCRIPTION] = { "Description", "service description|summary", FALSE },
  [SF_OUTCOMES] = { "Intended outcomes", "outcomes|expected outcomes|benefits", FALSE },
  [SF_SUPPORT_CHANNEL] = { "Support channel", "channel|support channels", FALSE },
  [SF_SUPPORT_CONTACT] = { "Support contact", "contact|support contacts|support email", FALSE },
  [SF_CALENDAR] = { "Support calendar", "calendar|calendar name|support hours|business hours", FALSE },
  [SF_CUSTOMERS] = { "Customers", "customer|used by|customer names", FALSE },
  [SF_DEPENDS_ON] = { "Depends on", "dependencies|dependency|depends on services", FALSE },
  [SF_EXCLUSIONS] = { "Exclusions", "excluded|not included", FALSE },
  [SF_PREREQUISITES] = { "Prerequisites", "prerequisite|requirements", FALSE },
  [SF_PRICE] = { "Price", "price amount|amount|charge", FALSE },
  [SF_CURRENCY] = { "Currency", "price currency", FALSE },
  [SF_PRICE_PERIOD] = { "Price period", "charging period|billing period|period", FALSE },
  [SF_AVAILABILITY] = { "Availability %", "availability target|availability per month", FALSE },
  [SF_WORKLOAD] = { "Workload limit", "workload|incidents per month|workload limit per month", FALSE },
  [SF_CLOCK_STOP] = { "Clock stops for", "clock stop reasons|hold reasons|clock stops|stop clock for", FALSE },
  [SF_EXCEPTIONS] = { "Exceptions", "exception|maintenance windows", FALSE },
  [SF_LAST_REVIEW] = { "Last review", "last reviewed|last review date|reviewed", FALSE },
  [SF_NEXT_REVIEW] = { "Next review", "next review due|next review date|review due", FALSE },
  [SF_TARGETS + 0] = { "P1 response (min)", NULL, FALSE },
  [SF_TARGETS + 1] = { "P1 resolution (min)", NULL, FALSE },
  [SF_TARGETS + 2] = { "P2 response (min)", NULL, FALSE },
  [SF_TARGETS + 3] = { "P2 resolution (min)", NULL, FALSE },
  [SF_TARGETS + 4] = { "P3 response (min)", NULL, FALSE },
  [SF_TARGETS + 5] = { "P3 resolution (min)", NULL, FALSE },
  [SF_TARGETS + 6] = { "P4 response (min)", NULL, FALSE },
  [SF_TARGETS + 7] = { "P4 resolution (min)", NULL, FALSE },
  [SF_TARGETS + 8] = { "P5 response (min)", NULL, FALSE },
  [SF_TARGETS + 9] = { "P5 resolution (min)", NULL, FALSE },
};

static const SbCsvColumn customer_columns[N_CUSTOMER_FIELDS] = {
  [CF_NAME] = { "Name", "customer|customer name|organisation|organization|company", TRUE },
  [CF_CONTACT] = { "Contact person", "contact|contact name|person", FALSE },
  [CF_EMAIL] = { "Email", "e mail|email address|mail", FALSE },
  [CF_PHONE] = { "Phone", "telephone|phone number|tel", FALSE },
  [CF_STATUS] = { "Status", "state|customer status", FALSE },
  [CF_NOTES] = { "Notes", "note|comments|remarks", FALSE },
};

/* The book as an import sees it: lookups by key, built once. */
typedef struct
{
  SbStore    *store;
  GHashTable *services;          /* code -> SbService */
  GHashTable *service_codes;     /* id -> code */
  GHashTable *customers;         /* casefolded name -> SbCustomer */
  GHashTable *customer_names;    /* id -> name */
  GHashTable *calendars;         /* casefolded name -> id */
  GHashTable *calendar_names;    /* id -> name */
  GPtrArray  *calendar_list;     /* names, for messages */
} Book;

static const char * const service_statuses[] = {
  SB_SERVICE_STATUS_PIPELINE, SB_SERVICE_STATUS_LIVE,
  SB_SERVICE_STATUS_RETIRING, SB_SERVICE_STATUS_RETIRED, NULL,
};
static const char * const service_types[] = {
  SB_SERVICE_TYPE_CUSTOMER_FACING, SB_SERVICE_TYPE_SUPPORTING,
  SB_SERVICE_TYPE_THIRD_PARTY, NULL,
};
static const char * const criticalities[] = { "low", "medium", "high", "critical", NULL };
static const char * const price_periods[] = { "month", "quarter", "year", "one-off", NULL };
static const char * const hold_reasons[] = {
  SB_HOLD_AWAITING_CUSTOMER, SB_HOLD_AWAITING_SUPPLIER,
  SB_HOLD_AWAITING_CHANGE, SB_HOLD_OTHER, NULL,
};
static const char * const customer_statuses[] = { "active", "inactive", NULL };

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

static void
book_clear (Book *book)
{
  g_clear_pointer (&book->services, g_hash_table_unref);
  g_clear_pointer (&book->service_codes, g_hash_table_unref);
  g_clear_pointer (&book->customers, g_hash_table_unref);
  g_clear_pointer (&book->customer_names, g_hash_table_unref);
  g_clear_pointer (&book->calendars, g_hash_table_unref);
  g_clear_pointer (&book->calendar_names, g_hash_table_unref);
  g_clear_pointer (&book->calendar_list, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Book, book_clear)

static char *
casefold_key (const char *text)
{
  return g_utf8_casefold (text, -1);
}

/* ------------------------------------------------------------------ */
/* The book                                                            */

static gboolean
book_load (Book     *book,
           SbStore  *store,
           GError  **error)
{
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GListModel) customers = NULL;
  g_autoptr(GListModel) calendars = NULL;

  book->store = store;
  book->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  book->service_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  book->customer_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->calendar_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->calendar_list = g_ptr_array_new_with_free_func (g_free);

  services = sb_catalog_list_services (store, error);
  if (services == NULL)
    return FALSE;
  customers = sb_catalog_list_customers (store, error);
  if (customers == NULL)
    return FALSE;
  calendars = sb_catalog_list_calendars (store, error);
  if (calendars == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);
      const char *code = sb_service_get_code (service);

      g_hash_table_replace (book->service_codes,
                            g_strdup (sb_service_get_id (service)), g_strdup (code));
      g_hash_table_replace (book->services, g_strdup (code), g_object_ref (service));
    }

  for (guint i = 0; i < g_list_model_get_n_items (customers); i++)
    {
      g_autoptr(SbCustomer) customer = g_list_model_get_item (customers, i);
      const char *name = sb_customer_get_name (customer);

      g_hash_table_replace (book->customer_names,
                            g_strdup (sb_customer_get_id (customer)), g_strdup (name));
      g_hash_table_replace (book->customers, casefold_key (name), g_object_ref (customer));
    }

  for (guint i = 0; i < g_list_model_get_n_items (calendars); i++)
    {
      g_autoptr(SbCalendarItem) item = g_list_model_get_item (calendars, i);
      const char *name = sb_calendar_item_get_name (item);

      g_hash_table_replace (book->calendar_names,
                            g_strdup (sb_calendar_item_get_id (item)), g_strdup (name));
      g_hash_table_replace (book->calendars, casefold_key (name),
                            g_strdup (sb_calendar_item_get_id (item)));
      g_ptr_array_add (book->calendar_list, g_strdup (name));
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Field values as text: what export writes and what import compares  */

static char *
format_availability (int hundredths)
{
  if (hundredths <= 0)
    return g_strdup ("");
  if (hundredths % 100 == 0)
    return g_strdup_printf ("%d", hundredths / 100);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%d.%d", hundredths / 100, (hundredths % 100) / 10);

  return g_strdup_printf ("%d.%02d", hundredths / 100, hundredths % 100);
}

static char *
format_count (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
}

static char *
service_text (Book      *book,
              SbService *service,
              int        field)
{
  switch (field)
    {
    case SF_CODE:
      return g_strdup (sb_service_get_code (service));
    case SF_NAME:
      return g_strdup (sb_service_get_name (service));
    case SF_STATUS:
      return g_strdup (sb_service_get_status (service));
    case SF_TYPE:
      return g_strdup (sb_service_get_service_type (service));
    case SF_CATEGORY:
      return g_strdup (sb_service_get_category (service));
    case SF_OWNER:
      return g_strdup (sb_service_get_owner (service));
    case SF_CRITICALITY:
      return g_strdup (sb_service_get_criticality (service));
    case SF_DESCRIPTION:
      return g_strdup (sb_service_get_description (service));
    case SF_OUTCOMES:
      return g_strdup (sb_service_get_outcomes (service));
    case SF_SUPPORT_CHANNEL:
      return g_strdup (sb_service_get_support_channel (service));
    case SF_SUPPORT_CONTACT:
      return g_strdup (sb_service_get_support_contact (service));
    case SF_CALENDAR:
      {
        const char *id = sb_service_get_calendar_id (service);
        const char *name = id ? g_hash_table_lookup (book->calendar_names, id) : NULL;

        return g_strdup (name ? name : id);
      }
    case SF_CUSTOMERS:
    case SF_DEPENDS_ON:
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        const char * const *ids;
        GHashTable *map;

        if (field == SF_CUSTOMERS)
          {
            ids = sb_service_get_customer_ids (service);
            map = book->customer_names;
          }
        else
          {
            ids = sb_service_get_depends_on_ids (service);
            map = book->service_codes;
          }

        for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
          {
            const char *name = g_hash_table_lookup (map, ids[i]);

            if (name != NULL)
              g_ptr_array_add (names, (gpointer)name);
          }

        return sb_csv_import_join_sorted (names);
      }
    case SF_EXCLUSIONS:
      return g_strdup (sb_service_get_exclusions (service));
    case SF_PREREQUISITES:
      return g_strdup (sb_service_get_prerequisites (service));
    case SF_PRICE:
      {
        gint64 amount = sb_service_get_price_amount (service);
        const char *currency = sb_service_get_price_currency (service);

        if (amount < 0)
          return g_strdup ("");
        if (currency != NULL && sb_currency_is_valid (currency))
          return sb_money_format_plain (amount, currency);

        return g_strdup_printf ("%" G_GINT64_FORMAT, amount);
      }
    case SF_CURRENCY:
      return g_strdup (sb_service_get_price_currency (service));
    case SF_PRICE_PERIOD:
      return g_strdup (sb_service_get_price_period (service));
    case SF_AVAILABILITY:
      return format_availability (sb_service_get_availability_target (service));
    case SF_WORKLOAD:
      return format_count (sb_service_get_workload_limit (service));
    case SF_CLOCK_STOP:
      {
        const char * const *reasons = sb_service_get_clock_stop_reasons (service);

        return reasons ? g_strjoinv ("; ", (char **)reasons) : g_strdup ("");
      }
    case SF_EXCEPTIONS:
      return g_strdup (sb_service_get_exceptions (service));
    case SF_LAST_REVIEW:
      return g_strdup (sb_service_get_last_review (service));
    case SF_NEXT_REVIEW:
      return g_strdup (sb_service_get_next_review (service));
    default:
      {
        int priority = (field - SF_TARGETS) / 2 + 1;

        g_assert (field >= SF_TARGETS && field < N_SERVICE_FIELDS);

        if ((field - SF_TARGETS) % 2 == 0)
          return format_count (sb_service_get_response_target (service, priority));

        return format_count (sb_service_get_resolution_target (service, priority));
      }
    }
}

static char *
customer_text (SbCustomer *customer,
               int         field)
{
  switch (field)
    {
    case CF_NAME:
      return g_strdup (sb_customer_get_name (customer));
    case CF_CONTACT:
      return g_strdup (sb_customer_get_contact_person (customer));
    case CF_EMAIL:
      return g_strdup (sb_customer_get_email (customer));
    case CF_PHONE:
      return g_strdup (sb_customer_get_phone (customer));
    case CF_STATUS:
      return g_strdup (sb_customer_get_status (customer));
    case CF_NOTES:
    default:
      return g_strdup (sb_customer_get_notes (customer));
    }
}

static char *
record_text (Book    *book,
             GObject *object,
             int      field)
{
  char *text;

  if (SB_IS_SERVICE (object))
    text = service_text (book, SB_SERVICE (object), field);
  else
    text = customer_text (SB_CUSTOMER (object), field);

  return text ? text : g_strdup ("");
}

/* ------------------------------------------------------------------ */
/* Reading cells                                                       */

/* Whole minutes or counts: digits only, up to ten years of minutes. */
static gboolean
read_count (const char *text,
            const char *column,
            int        *out,
            GPtrArray  *problems)
{
  g_autofree char *quoted = NULL;
  guint64 value = 0;

  if (*text == '\0')
    {
      *out = 0;
      return TRUE;
    }

  if (g_ascii_string_to_unsigned (text, 10, 0, 10 * 366 * 24 * 60, &value, NULL))
    {
      *out = (int)value;
      return TRUE;
    }

  quoted = sb_core_error_quote_input (text);
  sb_csv_import_add_problem (problems,
                             _("%s “%s” is not a whole number (write minutes or a count as "
                               "digits, e.g. 240; leave it empty for none)"),
                             column, quoted);

  return FALSE;
}

/* "99.5", "99,5", "99.5 %": hundredths of a percent. */
static gboolean
read_availability (const char *text,
                   int        *out,
                   GPtrArray  *problems)
{
  g_autofree char *copy = g_strdup (text);
  g_autofree char *quoted = NULL;
  char *p;
  int whole = 0;
  int fraction = 0;
  int digits = 0;

  g_strstrip (copy);
  if (g_str_has_suffix (copy, "%"))
    copy[strlen (copy) - 1] = '\0';
  g_strstrip (copy);

  if (*copy == '\0')
    {
      *out = 0;
      return TRUE;
    }

  p = copy;
  while (g_ascii_isdigit (*p) && whole <= 100)
    whole = whole * 10 + (*p++ - '0');

  if (p != copy && (*p == '.' || *p == ','))
    {
      p++;
      while (g_ascii_isdigit (*p) && digits < 3)
        {
          fraction = fraction * 10 + (*p++ - '0');
          digits++;
        }
    }

  if (p == copy || *p != '\0' || digits > 2 || (*(p - 1) == '.' || *(p - 1) == ','))
    {
      quoted = sb_core_error_quote_input (text);
      sb_csv_import_add_problem (problems,
                                 _("availability “%s” is not a percentage: write it like 99.5"),
                                 quoted);
      return FALSE;
    }

  if (digits == 1)
    fraction *= 10;

  *out = whole * 100 + fraction;
  if (*out > 10000)
    {
      quoted = sb_core_error_quote_input (text);
      sb_csv_import_add_problem (problems, _("availability “%s” is more than 100 %%"), quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_date (const char *text,
           const char *column,
           GPtrArray  *problems)
{
  g_autofree char *quoted = NULL;

  if (*text == '\0' || sb_date_parse (text, NULL, NULL))
    return TRUE;

  quoted = sb_core_error_quote_input (text);
  sb_csv_import_add_problem (problems,
                             _("%s “%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31"),
                             column, quoted);

  return FALSE;
}

/* A code as stored: capitals, digits, "-" and "_". */
static char *
read_code (const char *text,
           GPtrArray  *problems)
{
  g_autofree char *code = g_ascii_strup (text, -1);
  g_autofree char *quoted = NULL;

  if (*code == '\0')
    {
      sb_csv_import_add_problem (problems,
                                 _("the code is empty: every service needs a short code such as "
                                   "EMAIL"));
      return NULL;
    }

  for (const char *p = code; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        {
          quoted = sb_core_error_quote_input (text);
          sb_csv_import_add_problem (problems,
                                     _("the code “%s” may only hold letters A–Z, digits, “-” "
                                       "and “_”"),
                                     quoted);
          return NULL;
        }
    }

  return g_steal_pointer (&code);
}

/* ------------------------------------------------------------------ */
/* The header                                                          */

/* Maps header cells to fields. Problems go on the header line; unknown
 * columns become notes. */
static void
map_header (SbCatalogCsvKind   kind,
            char             **header,
            int               *field_column,   /* out, per field */
            GPtrArray         *problems,
            GPtrArray         *notes)
{
  if (kind == SB_CATALOG_CSV_SERVICES)
    sb_csv_import_map_header (service_columns, N_SERVICE_FIELDS, SF_TARGETS, header,
                              field_column, problems, notes);
  else
    sb_csv_import_map_header (customer_columns, N_CUSTOMER_FIELDS, -1, header,
                              field_column, problems, notes);
}

/* ------------------------------------------------------------------ */
/* Planning services                                                   */

static void
set_service_field (Book       *book,
                   SbService  *service,
                   int         field,
                   const char *value,
                   GPtrArray  *problems)
{
  const char *text = *value != '\0' ? value : NULL;
  const char *header = service_columns[field].header;

  switch (field)
    {
    case SF_NAME:
      if (text == NULL)
        sb_csv_import_add_problem (problems, _("the name is empty: every service needs a name"));
      sb_service_set_name (service, text);
      break;
    case SF_STATUS:
      {
        const char *status = sb_csv_import_read_choice (value, service_statuses, _("status"),
                                                        problems);

        if (status != NULL)
          sb_service_set_status (service, status);
      }
      break;
    case SF_TYPE:
      {
        g_autofree char *keyword = sb_csv_import_keyword (value);
        const char *type;

        /* DOMAIN.md words it "supplied by a third party". */
        if (g_str_equal (keyword, "supplied-by-a-third-party") ||
            g_str_equal (keyword, "supplied"))
          type = SB_SERVICE_TYPE_THIRD_PARTY;
        else
          type = sb_csv_import_read_choice (value, service_types, _("service type"), problems);

        if (type != NULL)
          sb_service_set_service_type (service, type);
      }
      break;
    case SF_CATEGORY:
      sb_service_set_category (service, text);
      break;
    case SF_OWNER:
      sb_service_set_owner (service, text);
      break;
    case SF_CRITICALITY:
      {
        const char *criticality = sb_csv_import_read_choice (value, criticalities,
                                                             _("criticality"), problems);

        if (criticality != NULL)
          sb_service_set_criticality (service, criticality);
      }
      break;
    case SF_DESCRIPTION:
      sb_service_set_description (service, text);
      break;
    case SF_OUTCOMES:
      sb_service_set_outcomes (service, text);
      break;
    case SF_SUPPORT_CHANNEL:
      sb_service_set_support_channel (service, text);
      break;
    case SF_SUPPORT_CONTACT:
      sb_service_set_support_contact (service, text);
      break;
    case SF_CALENDAR:
      if (text == NULL)
        sb_service_set_calendar_id (service, NULL);
      else
        {
          g_autofree char *key = casefold_key (text);
          const char *id = g_hash_table_lookup (book->calendars, key);

          if (id != NULL)
            sb_service_set_calendar_id (service, id);
          else
            {
              g_autofree char *quoted = sb_core_error_quote_input (text);
              g_autofree char *known = NULL;

              g_ptr_array_add (book->calendar_list, NULL);
              known = g_strjoinv (", ", (char **)book->calendar_list->pdata);
              g_ptr_array_remove_index (book->calendar_list, book->calendar_list->len - 1);

              sb_csv_import_add_problem (problems,
                                         _("unknown calendar “%s”: the book has %s (leave it "
                                           "empty for around the clock)"),
                                         quoted, known);
            }
        }
      break;
    case SF_CUSTOMERS:
      {
        g_autoptr(GPtrArray) names = sb_csv_import_split_list (value, ";");
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();

        for (guint i = 0; i < names->len; i++)
          {
            const char *name = g_ptr_array_index (names, i);
            g_autofree char *key = casefold_key (name);
            SbCustomer *customer = g_hash_table_lookup (book->customers, key);

            if (customer == NULL)
              {
                g_autofree char *quoted = sb_core_error_quote_input (name);

                sb_csv_import_add_problem (problems,
                                           _("unknown customer “%s”: import the customers first "
                                             "or add them under Customers (separate names with "
                                             "“;”)"),
                                           quoted);
                continue;
              }

            if (!sb_csv_import_has_string (ids, sb_customer_get_id (customer)))
              g_ptr_array_add (ids, (gpointer)sb_customer_get_id (customer));
          }

        g_ptr_array_add (ids, NULL);
        sb_service_set_customer_ids (service, (const char * const *)ids->pdata);
      }
      break;
    case SF_EXCLUSIONS:
      sb_service_set_exclusions (service, text);
      break;
    case SF_PREREQUISITES:
      sb_service_set_prerequisites (service, text);
      break;
    case SF_PRICE_PERIOD:
      if (text == NULL)
        sb_service_set_price_period (service, NULL);
      else
        {
          g_autofree char *keyword = sb_csv_import_keyword (value);
          const char *period;

          if (g_str_equal (keyword, "monthly"))
            period = "month";
          else if (g_str_equal (keyword, "quarterly"))
            period = "quarter";
          else if (g_str_equal (keyword, "yearly") || g_str_equal (keyword, "annual") ||
                   g_str_equal (keyword, "annually"))
            period = "year";
          else if (g_str_equal (keyword, "once") || g_str_equal (keyword, "oneoff"))
            period = "one-off";
          else
            period = sb_csv_import_read_choice (value, price_periods, _("price period"), problems);

          if (period != NULL)
            sb_service_set_price_period (service, period);
        }
      break;
    case SF_AVAILABILITY:
      {
        int hundredths = 0;

        if (read_availability (value, &hundredths, problems))
          sb_service_set_availability_target (service, hundredths);
      }
      break;
    case SF_WORKLOAD:
      {
        int limit = 0;

        if (read_count (value, header, &limit, problems))
          sb_service_set_workload_limit (service, limit);
      }
      break;
    case SF_CLOCK_STOP:
      {
        g_autoptr(GPtrArray) items = sb_csv_import_split_list (value, ";,");
        g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

        for (guint i = 0; i < items->len; i++)
          {
            const char *reason = sb_csv_import_read_choice (g_ptr_array_index (items, i),
                                                            hold_reasons, _("hold reason"),
                                                            problems);

            if (reason != NULL && !sb_csv_import_has_string (reasons, reason))
              g_ptr_array_add (reasons, (gpointer)reason);
          }

        g_ptr_array_add (reasons, NULL);
        sb_service_set_clock_stop_reasons (service, (const char * const *)reasons->pdata);
      }
      break;
    case SF_EXCEPTIONS:
      sb_service_set_exceptions (service, text);
      break;
    case SF_LAST_REVIEW:
      if (read_date (value, header, problems))
        sb_service_set_last_review (service, text);
      break;
    case SF_NEXT_REVIEW:
      if (read_date (value, header, problems))
        sb_service_set_next_review (service, text);
      break;
    default:
      if (field >= SF_TARGETS && field < N_SERVICE_FIELDS)
        {
          int priority = (field - SF_TARGETS) / 2 + 1;
          int minutes = 0;

          if (!read_count (value, header, &minutes, problems))
            break;

          if ((field - SF_TARGETS) % 2 == 0)
            sb_service_set_targets (service, priority, minutes,
                                    sb_service_get_resolution_target (service, priority));
          else
            sb_service_set_targets (service, priority,
                                    sb_service_get_response_target (service, priority), minutes);
        }
      break;
    }
}

/* Price and currency go together: the currency says how many decimals
 * the price may have. An empty price means no price. */
static void
set_service_price (SbStore    *store,
                   SbService  *service,
                   const char *price,      /* NULL: no column */
                   const char *currency,   /* NULL: no column */
                   GPtrArray  *problems)
{
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;
  gint64 amount = 0;

  if (currency != NULL && *currency != '\0')
    {
      code = g_ascii_strup (currency, -1);
      if (!sb_currency_is_valid (code))
        {
          g_autofree char *quoted = sb_core_error_quote_input (currency);

          sb_csv_import_add_problem (problems,
                                     _("unknown currency “%s”: use an ISO 4217 code such as "
                                       "EUR, USD or GBP"),
                                     quoted);
          return;
        }
    }

  if (price == NULL)
    {
      if (currency != NULL)
        sb_service_set_price_currency (service, code);
      return;
    }

  if (*price == '\0')
    {
      sb_service_set_price_amount (service, -1);
      sb_service_set_price_currency (service, code);
      return;
    }

  if (code == NULL && currency == NULL)
    code = g_strdup (sb_service_get_price_currency (service));
  if (code == NULL)
    code = g_strdup (sb_store_get_base_currency (store));

  /* A spreadsheet in a decimal-comma language writes 12,50. */
  number = g_strdup (price);
  if (strchr (number, ',') != NULL && strchr (number, '.') == NULL &&
      strchr (number, ',') == strrchr (number, ','))
    *strchr (number, ',') = '.';

  if (*number == '-' || !sb_money_parse_plain (number, code, &amount, &error))
    {
      g_autofree char *quoted = sb_core_error_quote_input (price);

      sb_csv_import_add_problem (problems,
                                 _("price “%s” is not an amount in %s: write a number such as "
                                   "12.50, without currency signs"),
                                 quoted, code);
      return;
    }

  sb_service_set_price_amount (service, amount);
  sb_service_set_price_currency (service, code);
}

/* Follows dependencies from @code; on reaching @target, fills @path
 * (codes, from the end) and returns TRUE. */
static gboolean
find_cycle (GHashTable *graph,
            const char *code,
            const char *target,
            GHashTable *visited,
            GPtrArray  *path)
{
  GPtrArray *next;

  if (g_str_equal (code, target))
    {
      g_ptr_array_add (path, (gpointer)code);
      return TRUE;
    }

  if (g_hash_table_contains (visited, code))
    return FALSE;
  g_hash_table_add (visited, (gpointer)code);

  next = g_hash_table_lookup (graph, code);
  for (guint i = 0; next != NULL && i < next->len; i++)
    {
      if (find_cycle (graph, g_ptr_array_index (next, i), target, visited, path))
        {
          g_ptr_array_add (path, (gpointer)code);
          return TRUE;
        }
    }

  return FALSE;
}

/* Dependencies may point to services of the same file, so cycles are
 * looked for across the book and the file together. */
static void
check_dependency_cycles (Book   *book,
                         SbPlan *plan)
{
  g_autoptr(GHashTable) graph = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify)g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, book->services);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char * const *ids = sb_service_get_depends_on_ids (value);
      GPtrArray *codes = g_ptr_array_new ();

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          const char *code = g_hash_table_lookup (book->service_codes, ids[i]);

          if (code != NULL)
            g_ptr_array_add (codes, (gpointer)code);
        }
      g_hash_table_replace (graph, key, codes);
    }

  for (guint i = 0; i < plan->lines->len; i++)
    {
      SbPlanLine *line = g_ptr_array_index (plan->lines, i);
      GPtrArray *codes;

      if (line->key == NULL || line->depends_on == NULL || line->problem != NULL)
        continue;

      codes = g_ptr_array_new ();
      for (guint d = 0; line->depends_on[d] != NULL; d++)
        g_ptr_array_add (codes, line->depends_on[d]);
      g_hash_table_replace (graph, line->key, codes);
    }

  for (guint i = 0; i < plan->lines->len; i++)
    {
      SbPlanLine *line = g_ptr_array_index (plan->lines, i);
      g_autoptr(GHashTable) visited = NULL;
      g_autoptr(GPtrArray) path = NULL;
      g_autoptr(GString) text = NULL;

      if (line->key == NULL || line->depends_on == NULL || line->problem != NULL)
        continue;

      visited = g_hash_table_new (g_str_hash, g_str_equal);
      path = g_ptr_array_new ();

      for (guint d = 0; line->depends_on[d] != NULL; d++)
        {
          if (find_cycle (graph, line->depends_on[d], line->key, visited, path))
            break;
        }

      if (path->len == 0)
        continue;

      text = g_string_new (line->key);
      for (guint k = path->len; k > 0; k--)
        g_string_append_printf (text, " → %s", (const char *)g_ptr_array_index (path, k - 1));

      line->problem = g_strdup_printf (_("the dependencies go round in a circle (%s): a service "
                                         "cannot depend on itself, even through others"),
                                       text->str);
    }
}

static void
plan_service (Book       *book,
              SbCsvRow   *row,
              const int  *field_column,
              GHashTable *file_codes,    /* code -> first line, of this file */
              SbPlanLine *line)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SbService) service = NULL;
  SbService *existing = NULL;
  const char *depends;
  g_autofree char *code = NULL;

  code = read_code (sb_csv_import_cell (row, field_column, SF_CODE, scratch), problems);
  if (code != NULL)
    {
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (file_codes, code));

      if (first != 0 && first != row->line)
        sb_csv_import_add_problem (problems,
                                   _("the code %s is also on line %u: each service may appear "
                                     "once"),
                                   code, first);

      existing = g_hash_table_lookup (book->services, code);
    }

  service = existing ? sb_service_copy (existing) : sb_service_new ();
  if (code != NULL)
    sb_service_set_code (service, code);

  for (int f = 0; f < N_SERVICE_FIELDS; f++)
    {
      const char *value;

      if (f == SF_CODE || f == SF_DEPENDS_ON || f == SF_PRICE || f == SF_CURRENCY)
        continue;

      value = sb_csv_import_cell (row, field_column, f, scratch);
      if (value != NULL)
        set_service_field (book, service, f, value, problems);
    }

  set_service_price (book->store, service,
                     sb_csv_import_cell (row, field_column, SF_PRICE, scratch),
                     sb_csv_import_cell (row, field_column, SF_CURRENCY, scratch),
                     problems);

  depends = sb_csv_import_cell (row, field_column, SF_DEPENDS_ON, scratch);
  if (depends != NULL)
    {
      g_autoptr(GPtrArray) items = sb_csv_import_split_list (depends, ";,");
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) known_ids = g_ptr_array_new ();

      for (guint i = 0; i < items->len; i++)
        {
          g_autofree char *dep = g_ascii_strup (g_ptr_array_index (items, i), -1);
          SbService *target = g_hash_table_lookup (book->services, dep);

          if (code != NULL && g_str_equal (dep, code))
            {
              sb_csv_import_add_problem (problems, _("the service depends on itself in “%s”"),
                                         service_columns[SF_DEPENDS_ON].header);
              continue;
            }

          if (target == NULL && !g_hash_table_contains (file_codes, dep))
            {
              g_autofree char *quoted = sb_core_error_quote_input (g_ptr_array_index (items, i));

              sb_csv_import_add_problem (problems,
                                         _("unknown service code “%s” in “%s”: it is neither in "
                                           "the book nor in this file"),
                                         quoted, service_columns[SF_DEPENDS_ON].header);
              continue;
            }

          if (sb_csv_import_has_string (codes, dep))
            continue;

          if (target != NULL)
            g_ptr_array_add (known_ids, (gpointer)sb_service_get_id (target));
          g_ptr_array_add (codes, g_steal_pointer (&dep));
        }

      /* Services made by this file have no id yet: apply links them
       * once they exist. */
      g_ptr_array_add (known_ids, NULL);
      sb_service_set_depends_on_ids (service, (const char * const *)known_ids->pdata);

      g_ptr_array_add (codes, NULL);
      line->depends_on = (char **)g_ptr_array_free (g_steal_pointer (&codes), FALSE);
    }

  if (problems->len == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!sb_catalog_validate_service (book->store, service, &error))
        {
          char *message = g_strdup (error->message);

          /* Lower-case the first letter: it follows "line N: ". */
          if (g_ascii_isupper (message[0]) && !g_ascii_isupper (message[1]))
            message[0] = g_ascii_tolower (message[0]);
          g_ptr_array_add (problems, message);
        }
    }

  line->key = g_steal_pointer (&code);
  line->name = g_strdup (sb_service_get_name (service));
  line->object = G_OBJECT (g_steal_pointer (&service));

  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      line->problem = g_strjoinv ("; ", (char **)problems->pdata);
    }
  else
    line->item.action = existing ? SB_IMPORT_ACTION_UPDATE : SB_IMPORT_ACTION_CREATE;

  if (existing != NULL)
    line->existing = g_object_ref (G_OBJECT (existing));
}

/* ------------------------------------------------------------------ */
/* Planning customers                                                  */

/* The same rule as the catalogue's save, so the preview says it first. */
static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strchr (at + 1, '.') == NULL || g_str_has_suffix (email, "."))
    return FALSE;

  return strpbrk (email, " \t,;") == NULL;
}

static void
plan_customer (Book       *book,
               SbCsvRow   *row,
               const int  *field_column,
               GHashTable *file_names,    /* casefolded name -> first line */
               SbPlanLine *line)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SbCustomer) customer = NULL;
  SbCustomer *existing = NULL;
  const char *name;
  const char *value;

  name = sb_csv_import_cell (row, field_column, CF_NAME, scratch);
  if (name == NULL || *name == '\0')
    {
      sb_csv_import_add_problem (problems, _("the name is empty: every customer needs a name"));
      name = NULL;
    }
  else
    {
      g_autofree char *key = casefold_key (name);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (file_names, key));

      if (first != 0 && first != row->line)
        sb_csv_import_add_problem (problems,
                                   _("the customer “%s” is also on line %u: each customer may "
                                     "appear once"),
                                   name, first);

      existing = g_hash_table_lookup (book->customers, key);
    }

  customer = existing ? sb_customer_copy (existing) : sb_customer_new ();

  /* Matched in any case; a file that changes only the case of a name
   * updates the spelling. */
  if (name != NULL)
    sb_customer_set_name (customer, name);

  if ((value = sb_csv_import_cell (row, field_column, CF_CONTACT, scratch)) != NULL)
    sb_customer_set_contact_person (customer, *value ? value : NULL);
  if ((value = sb_csv_import_cell (row, field_column, CF_EMAIL, scratch)) != NULL)
    sb_customer_set_email (customer, *value ? value : NULL);
  if ((value = sb_csv_import_cell (row, field_column, CF_PHONE, scratch)) != NULL)
    sb_customer_set_phone (customer, *value ? value : NULL);
  if ((value = sb_csv_import_cell (row, field_column, CF_NOTES, scratch)) != NULL)
    sb_customer_set_notes (customer, *value ? value : NULL);
  if ((value = sb_csv_import_cell (row, field_column, CF_STATUS, scratch)) != NULL)
    {
      const char *status = *value ? sb_csv_import_read_choice (value, customer_statuses,
                                                               _("status"), problems)
                                  : "active";

      if (status != NULL)
        sb_customer_set_status (customer, status);
    }

  if ((value = sb_customer_get_email (customer)) != NULL && !email_looks_valid (value))
    {
      g_autofree char *quoted = sb_core_error_quote_input (value);

      sb_csv_import_add_problem (problems,
                                 _("the email “%s” does not look like an address: write it as "
                                   "name@example.com"),
                                 quoted);
    }

  line->key = g_strdup (name);
  line->object = G_OBJECT (g_steal_pointer (&customer));

  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      line->problem = g_strjoinv ("; ", (char **)problems->pdata);
    }
  else
    line->item.action = existing ? SB_IMPORT_ACTION_UPDATE : SB_IMPORT_ACTION_CREATE;

  if (existing != NULL)
    line->existing = g_object_ref (G_OBJECT (existing));
}

/* ------------------------------------------------------------------ */
/* The plan: what each line does, against the book as it is now        */

/* An update that changes nothing is "unchanged"; otherwise the changed
 * columns are listed. */
static void
compare_with_existing (Book             *book,
                       SbCatalogCsvKind  kind,
                       SbPlanLine       *line)
{
  GObject *existing = line->existing;
  gboolean services = kind == SB_CATALOG_CSV_SERVICES;
  const SbCsvColumn *columns = services ? service_columns : customer_columns;
  int n_fields = services ? N_SERVICE_FIELDS : N_CUSTOMER_FIELDS;
  g_autoptr(GString) changes = g_string_new (NULL);

  if (existing == NULL || line->item.action != SB_IMPORT_ACTION_UPDATE)
    return;

  for (int f = 0; f < n_fields; f++)
    {
      g_autofree char *before = record_text (book, existing, f);
      g_autofree char *after = NULL;

      if (services && f == SF_DEPENDS_ON && line->depends_on != NULL)
        {
          g_autoptr(GPtrArray) codes = g_ptr_array_new ();

          for (guint i = 0; line->depends_on[i] != NULL; i++)
            g_ptr_array_add (codes, line->depends_on[i]);
          after = sb_csv_import_join_sorted (codes);
        }
      else
        after = record_text (book, line->object, f);

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

static SbPlan *
make_plan (SbStore           *store,
           SbCatalogCsvKind   kind,
           char             **header,
           guint              header_line,
           GPtrArray         *rows,
           GError           **error)
{
  g_auto(Book) book = { 0 };
  g_autoptr(SbPlan) plan = sb_csv_import_plan_new ();
  g_autoptr(GPtrArray) header_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) file_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int field_column[SB_CSV_MAX_FIELDS];
  int key_field = kind == SB_CATALOG_CSV_SERVICES ? SF_CODE : CF_NAME;

  if (kind == SB_CATALOG_CSV_SUPPLIERS || kind == SB_CATALOG_CSV_CONTRACTS)
    return sb_supplier_csv_plan (store, kind, header, header_line, rows, error);

  if (!book_load (&book, store, error))
    return NULL;

  map_header (kind, header, field_column, header_problems, plan->notes);

  if (header_problems->len > 0)
    {
      g_ptr_array_add (plan->lines, sb_csv_import_header_problem (header_line, header_problems));
      return g_steal_pointer (&plan);
    }

  /* The keys of the file first: a dependency may name a service further
   * down, and a key seen twice is reported on its second line. */
  for (guint i = 0; i < rows->len; i++)
    {
      SbCsvRow *row = g_ptr_array_index (rows, i);
      int column = field_column[key_field];
      g_autofree char *value = NULL;
      char *key;

      if ((guint)column >= g_strv_length (row->cells))
        continue;

      value = g_strstrip (g_strdup (row->cells[column]));
      if (*value == '\0')
        continue;

      key = kind == SB_CATALOG_CSV_SERVICES ? g_ascii_strup (value, -1) : casefold_key (value);
      if (g_hash_table_contains (file_keys, key))
        g_free (key);
      else
        g_hash_table_insert (file_keys, key, GUINT_TO_POINTER (row->line));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      SbCsvRow *row = g_ptr_array_index (rows, i);
      SbPlanLine *line = g_new0 (SbPlanLine, 1);

      line->item.line = row->line;
      g_ptr_array_add (plan->lines, line);

      if (kind == SB_CATALOG_CSV_SERVICES)
        plan_service (&book, row, field_column, file_keys, line);
      else
        plan_customer (&book, row, field_column, file_keys, line);

      sb_csv_import_check_width (line, row, header);
    }

  if (kind == SB_CATALOG_CSV_SERVICES)
    check_dependency_cycles (&book, plan);

  for (guint i = 0; i < plan->lines->len; i++)
    {
      SbPlanLine *line = g_ptr_array_index (plan->lines, i);

      if (line->problem == NULL)
        compare_with_existing (&book, kind, line);
      sb_csv_import_publish (line);
    }

  return g_steal_pointer (&plan);
}

/* A book that never had a calendar gets the built-in ones the first time
 * the calendars are listed, which is a write. The preview must not
 * write, yet a file may name "Office hours": then the plan is made inside
 * a transaction that adds the built-ins and is rolled back. */
static SbPlan *
plan_without_writing (SbStore           *store,
                      SbCatalogCsvKind   kind,
                      char             **header,
                      guint              header_line,
                      GPtrArray         *rows,
                      GError           **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbCalendar) around = NULL;
  g_autoptr(SbCalendar) office = NULL;
  g_autofree char *zone = NULL;
  sqlite3_stmt *stmt;
  gboolean has_calendars;
  int rc;

  stmt = sb_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM calendar)", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  has_calendars = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      sb_catalog_step_error (store, rc, _("Reading the calendars"), error);
      return NULL;
    }

  if (has_calendars || sb_store_in_transaction (store))
    return make_plan (store, kind, header, header_line, rows, error);

  zone = sb_catalog_local_time_zone_id ();
  around = sb_calendar_new_24x7 ();
  office = sb_calendar_new_office_hours (zone);
  if (office == NULL)
    office = sb_calendar_new_office_hours ("UTC");

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return NULL;

  if (!sb_catalog_save_calendar_in (tx, store, NULL, around, NULL, error) ||
      !sb_catalog_save_calendar_in (tx, store, NULL, office, NULL, error))
    return NULL;

  /* Freeing the transaction rolls it back. */
  return make_plan (store, kind, header, header_line, rows, error);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static gboolean
save_line (SbTransaction  *tx,
           SbStore        *store,
           SbPlanLine     *line,
           GError        **error)
{
  gboolean ok;

  if (SB_IS_SERVICE (line->object))
    ok = sb_catalog_save_service_in (tx, store, SB_SERVICE (line->object), error);
  else
    ok = sb_catalog_save_customer_in (tx, store, SB_CUSTOMER (line->object), error);

  if (!ok)
    g_prefix_error (error, _("Line %u: "), line->item.line);

  return ok;
}

/* Sets the dependencies of @line from its codes; returns whether every
 * code had an id. */
static gboolean
resolve_depends (SbService  *service,
                 char      **codes,
                 GHashTable *ids_by_code)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean all = TRUE;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *id = g_hash_table_lookup (ids_by_code, codes[i]);

      if (id != NULL)
        g_ptr_array_add (ids, (gpointer)id);
      else
        all = FALSE;
    }

  g_ptr_array_add (ids, NULL);
  sb_service_set_depends_on_ids (service, (const char * const *)ids->pdata);

  return all;
}

static gboolean
write_plan (SbTransaction     *tx,
            SbStore           *store,
            SbCatalogCsvKind   kind,
            SbPlan            *plan,
            GError           **error)
{
  g_autoptr(GHashTable) ids_by_code = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, g_free);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  g_autoptr(GListModel) services = NULL;

  if (kind == SB_CATALOG_CSV_SUPPLIERS || kind == SB_CATALOG_CSV_CONTRACTS)
    return sb_supplier_csv_write (tx, store, plan, error);

  services = sb_catalog_list_services (store, error);
  if (services == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SbService) service = g_list_model_get_item (services, i);

      g_hash_table_replace (ids_by_code, g_strdup (sb_service_get_code (service)),
                            g_strdup (sb_service_get_id (service)));
    }

  for (guint i = 0; i < plan->lines->len; i++)
    {
      SbPlanLine *line = g_ptr_array_index (plan->lines, i);

      if (line->item.action != SB_IMPORT_ACTION_CREATE &&
          line->item.action != SB_IMPORT_ACTION_UPDATE)
        continue;

      /* A dependency on a service this file creates further down is
       * linked in a second round, once that service has an id. */
      if (SB_IS_SERVICE (line->object) && line->depends_on != NULL &&
          !resolve_depends (SB_SERVICE (line->object), line->depends_on, ids_by_code))
        g_ptr_array_add (pending, line);

      if (!save_line (tx, store, line, error))
        return FALSE;

      if (SB_IS_SERVICE (line->object))
        g_hash_table_replace (ids_by_code, g_strdup (line->key),
                              g_strdup (sb_service_get_id (SB_SERVICE (line->object))));
    }

  for (guint i = 0; i < pending->len; i++)
    {
      SbPlanLine *line = g_ptr_array_index (pending, i);

      resolve_depends (SB_SERVICE (line->object), line->depends_on, ids_by_code);
      if (!save_line (tx, store, line, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/**
 * sb_catalog_csv_kind_from_string:
 * @text: "services", "customers", "suppliers" or "contracts"
 * @out_kind: (out): the kind
 *
 * Returns: whether @text names a kind
 */
gboolean
sb_catalog_csv_kind_from_string (const char       *text,
                                 SbCatalogCsvKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (int kind = 0; kind < SB_CATALOG_CSV_N_KINDS; kind++)
    {
      if (g_strcmp0 (text, sb_catalog_csv_kind_to_string (kind)) == 0)
        {
          *out_kind = kind;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sb_catalog_csv_kind_to_string:
 * @kind: a kind
 *
 * Returns: "services", "customers", "suppliers" or "contracts": the
 *   word the command line takes
 */
const char *
sb_catalog_csv_kind_to_string (SbCatalogCsvKind kind)
{
  switch (kind)
    {
    case SB_CATALOG_CSV_SERVICES:
      return "services";
    case SB_CATALOG_CSV_CUSTOMERS:
      return "customers";
    case SB_CATALOG_CSV_SUPPLIERS:
      return "suppliers";
    case SB_CATALOG_CSV_CONTRACTS:
      return "contracts";
    case SB_CATALOG_CSV_N_KINDS:
    default:
      g_return_val_if_reached ("services");
    }
}

/**
 * sb_catalog_csv_preview:
 * @store: a store
 * @kind: what the file holds
 * @file: a CSV file
 * @out_preview: (out) (transfer full): what importing it would do
 * @error: return location for a #GError
 *
 * Reads @file and works out, line by line, what importing it would do:
 * create a record, update one (services are matched by code, customers
 * and suppliers by name, in any case, contracts by supplier and
 * reference), leave one unchanged, or skip a line it cannot read, with
 * the reason in plain words. Nothing is written.
 *
 * Returns: %TRUE with a preview (which may list problems); %FALSE when
 *   the file cannot be read at all (missing, not text, a quote never
 *   closed), with @error naming the line where there is one
 */
gboolean
sb_catalog_csv_preview (SbStore           *store,
                        SbCatalogCsvKind   kind,
                        GFile             *file,
                        SbImportPreview  **out_preview,
                        GError           **error)
{
  g_autoptr(SbCsvReader) reader = NULL;
  g_autoptr(SbImportPreview) preview = NULL;
  char **cells = NULL;
  guint line = 0;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (out_preview != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_preview = NULL;

  reader = sb_csv_reader_new_for_file (file, NULL, error);
  if (reader == NULL)
    return FALSE;

  preview = g_new0 (SbImportPreview, 1);
  preview->kind = kind;
  preview->source = g_file_get_parse_name (file);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_csv_import_row_free);

  if (!sb_csv_reader_next_row (reader, &preview->header, &preview->header_line, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;

      g_set_error (error, SB_CSV_ERROR, SB_CSV_ERROR_IO,
                   _("“%s” is empty: a CSV file starts with a line of column names"),
                   preview->source);
      return FALSE;
    }

  while (sb_csv_reader_next_row (reader, &cells, &line, error))
    {
      SbCsvRow *row = g_new0 (SbCsvRow, 1);

      row->line = line;
      row->cells = g_steal_pointer (&cells);
      g_ptr_array_add (preview->rows, row);
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  preview->plan = plan_without_writing (store, kind, preview->header, preview->header_line,
                                        preview->rows, error);
  if (preview->plan == NULL)
    return FALSE;

  if (sb_csv_reader_get_encoding (reader) == SB_CSV_ENCODING_WINDOWS_1252)
    g_ptr_array_insert (preview->plan->notes, 0,
                        g_strdup (_("The file is not UTF-8; it was read as Windows-1252 "
                                    "(Western European), as spreadsheets on Windows save it.")));

  *out_preview = g_steal_pointer (&preview);

  return TRUE;
}

/**
 * sb_catalog_csv_preview_path:
 * @store: a store
 * @kind: what the file holds
 * @path: a file name, as given on a command line
 * @out_preview: (out) (transfer full): what importing it would do
 * @error: return location for a #GError
 *
 * Like sb_catalog_csv_preview(), for a path.
 *
 * Returns: %TRUE with a preview, %FALSE with @error set
 */
gboolean
sb_catalog_csv_preview_path (SbStore           *store,
                             SbCatalogCsvKind   kind,
                             const char        *path,
                             SbImportPreview  **out_preview,
                             GError           **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_commandline_arg (path);

  return sb_catalog_csv_preview (store, kind, file, out_preview, error);
}

/**
 * sb_catalog_csv_apply:
 * @store: the store the preview was made for
 * @preview: a preview without problems
 * @error: return location for a #GError
 *
 * Writes what @preview showed, in one transaction, through the
 * catalogue's saves (so every rule of a save holds, and the journal and
 * audit trail get every change). The book is read again inside the
 * transaction; if it changed since the preview so that a line would now
 * do something else, nothing is written and the error says to check the
 * file again. If any save fails, nothing is written.
 *
 * Returns: %TRUE when everything was written
 */
gboolean
sb_catalog_csv_apply (SbStore          *store,
                      SbImportPreview  *preview,
                      GError          **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbPlan) plan = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sb_import_preview_has_problems (preview))
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   _("The file has lines that cannot be imported; nothing was written. Fix "
                     "them and check the file again."));
      return FALSE;
    }

  if (sb_import_preview_get_n_writes (preview) == 0)
    return TRUE;

  /* Listing the calendars may create the built-in ones, in a transaction
   * of its own: let that happen before ours starts. */
  {
    g_autoptr(GListModel) calendars = sb_catalog_list_calendars (store, error);

    if (calendars == NULL)
      return FALSE;
  }

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  plan = make_plan (store, preview->kind, preview->header, preview->header_line,
                    preview->rows, error);
  if (plan == NULL)
    return FALSE;

  for (guint i = 0; i < plan->lines->len; i++)
    {
      SbPlanLine *now = g_ptr_array_index (plan->lines, i);
      SbPlanLine *then = NULL;

      if (i < preview->plan->lines->len)
        then = g_ptr_array_index (preview->plan->lines, i);

      if (then == NULL || now->item.action != then->item.action)
        {
          g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                       _("The book changed since the file was checked (line %u); nothing was "
                         "written. Check the file again."),
                       now->item.line);
          return FALSE;
        }
    }

  if (!write_plan (tx, store, preview->kind, plan, error))
    return FALSE;

  return sb_transaction_commit (tx, error);
}

/**
 * sb_catalog_csv_export:
 * @store: a store
 * @kind: what to export
 * @flags: how to write; %SB_CSV_WRITE_CRLF | %SB_CSV_WRITE_BOM suits
 *   spreadsheets
 * @error: return location for a #GError
 *
 * Writes every live service (ordered by code), customer or supplier (by
 * name) or contract (by supplier, then reference) with every field, one
 * column each, headed by readable names. Lists (customers, dependencies,
 * hold reasons, underpinned services) are separated by "; ". Contracts
 * also get their derived dates and status, for people; import ignores
 * those columns. Import reads such a file back as "unchanged".
 *
 * Returns: (transfer full) (nullable): the CSV text, or %NULL with @error
 */
GBytes *
sb_catalog_csv_export (SbStore          *store,
                       SbCatalogCsvKind  kind,
                       SbCsvWriteFlags   flags,
                       GError          **error)
{
  g_auto(Book) book = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean services = kind == SB_CATALOG_CSV_SERVICES;
  int n_fields = services ? N_SERVICE_FIELDS : N_CUSTOMER_FIELDS;
  g_autoptr(GListModel) records = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind == SB_CATALOG_CSV_SUPPLIERS || kind == SB_CATALOG_CSV_CONTRACTS)
    return sb_supplier_csv_export (store, kind, flags, error);

  if (!book_load (&book, store, error))
    return NULL;

  records = services ? sb_catalog_list_services (store, error)
                     : sb_catalog_list_customers (store, error);
  if (records == NULL)
    return NULL;

  sb_csv_write_start (out, flags);
  sb_csv_import_write_header (out, services ? service_columns : customer_columns, n_fields, flags);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

      for (int f = 0; f < n_fields; f++)
        g_ptr_array_add (fields, record_text (&book, record, f));

      sb_csv_write_row (out, (const char * const *)fields->pdata, fields->len, ',', flags);
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * sb_catalog_csv_export_to_file:
 * @store: a store
 * @kind: what to export
 * @file: where to write; replaced safely (the old file stays whole until
 *   the new one is complete)
 * @flags: how to write
 * @error: return location for a #GError
 *
 * Like sb_catalog_csv_export(), into a file.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
sb_catalog_csv_export_to_file (SbStore          *store,
                               SbCatalogCsvKind  kind,
                               GFile            *file,
                               SbCsvWriteFlags   flags,
                               GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = sb_catalog_csv_export (store, kind, flags, error);
  if (bytes == NULL)
    return FALSE;

  return sb_csv_import_replace_file (file, bytes, error);
}
