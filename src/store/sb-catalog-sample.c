/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-money.h"
#include "sb-time.h"

/*
 * The sample catalogue: what a small IT provider looking after a handful
 * of local businesses typically runs. Everything is written through the
 * catalogue's own checks, inside the transaction sb_sample_data_load()
 * opened, so a sample that broke a rule would fail loudly in the tests.
 * Records that already exist (a calendar or customer of the same name, a
 * service of the same code) are kept and used instead.
 */

enum
{
  CAL_24X7,
  CAL_OFFICE,
  CAL_EXTENDED,
  N_CALENDARS
};

typedef struct
{
  const char *name;
  const char *contact_person;
  const char *email;
  const char *phone;
  const char *notes;
  const char *status;
} SampleCustomer;

static const SampleCustomer sample_customers[] = {
  { N_("Hartley & Sons Solicitors"), "Margaret Hartley", "margaret.hartley@hartley-law.example",
    "+44 20 7946 0301", N_("Twelve staff in one office; confidentiality matters above all."), "active" },
  { N_("Riverside Dental Clinic"), "Tom Okafor", "practice@riverside-dental.example",
    "+44 20 7946 0412", N_("Open Saturday mornings; the booking system must be up then."), "active" },
  { N_("Bluebell Bakery"), "Sofia Marques", "sofia@bluebell-bakery.example",
    "+44 20 7946 0523", N_("Three shops and a web shop."), "active" },
  { N_("Northgate Architects"), "Liam Chen", "liam.chen@northgate-arch.example",
    "+44 20 7946 0634", N_("Large drawings: backup volume grows fast."), "active" },
  { N_("Old Mill Café"), "Ellen Brooks", "hello@oldmill-cafe.example",
    "+44 20 7946 0745", N_("Contract ended in spring; kept for the incident history."), "inactive" },
};

/* Targets per priority 1–5: response and resolution in business minutes. */
typedef struct
{
  int response;
  int resolution;
} SampleTarget;

typedef struct
{
  const char   *code;
  const char   *name;
  const char   *description;
  const char   *outcomes;
  const char   *category;
  const char   *service_type;
  const char   *owner;
  const char   *criticality;
  const char   *status;
  const char   *support_channel;
  const char   *exclusions;
  const char   *prerequisites;
  const char   *exceptions;
  int           calendar;
  int           price_major;      /* in the base currency; -1 for none */
  const char   *price_period;
  int           availability;     /* hundredths of a percent */
  int           workload;         /* incidents per month */
  gboolean      stops_for_change; /* awaiting-change stops the clock too */
  int           next_review_days; /* from today; negative is overdue */
  SampleTarget  targets[SB_SERVICE_N_PRIORITIES];
  const char   *depends_on[4];
  int           customers[6];     /* indexes into sample_customers, -1 ends */
} SampleService;

/* In dependency order: a service comes after those it depends on. */
static const SampleService sample_services[] = {
  {
    "NETWORK", N_("LAN and Wi-Fi"),
    N_("Cabling, switches and wireless access points in the customer’s offices, monitored around the clock."),
    N_("Every desk and meeting room has a working, fast connection."),
    N_("Infrastructure"), SB_SERVICE_TYPE_SUPPORTING, "Daniel Price", "critical", SB_SERVICE_STATUS_LIVE,
    N_("Phone, email or the support portal"),
    N_("Building wiring owned by the landlord; guest networks of neighbours."),
    N_("Network equipment bought through us or registered with us."),
    N_("Firmware updates on the first Tuesday of the month, 20:00–22:00."),
    CAL_EXTENDED, -1, NULL, 9990, 20, FALSE, 120,
    { { 30, 240 }, { 60, 480 }, { 240, 1440 }, { 480, 2880 }, { 0, 0 } },
    { NULL },
    { 0, 1, 2, 3, -1 },
  },
  {
    "FIREWALL", N_("Firewall and remote access"),
    N_("Managed firewall, VPN for home workers and web filtering."),
    N_("Only the traffic the business needs gets in or out; staff can work safely from home."),
    N_("Security"), SB_SERVICE_TYPE_SUPPORTING, "Daniel Price", "critical", SB_SERVICE_STATUS_LIVE,
    N_("Phone, email or the support portal"),
    N_("Personal VPN services on staff devices."),
    N_("A supported firewall appliance on site."),
    N_("Rule changes are made within one working day of an approved request."),
    CAL_24X7, 35, "month", 9990, 10, TRUE, 90,
    { { 15, 120 }, { 60, 480 }, { 240, 1440 }, { 480, 2880 }, { 960, 7200 } },
    { "NETWORK", NULL },
    { 0, 1, 2, 3, -1 },
  },
  {
    "M365", N_("Microsoft 365 licences"),
    N_("Buying, assigning and renewing Microsoft 365 licences through our partner account."),
    N_("Everyone has the licence they need and nobody pays for one they do not use."),
    N_("Licences"), SB_SERVICE_TYPE_THIRD_PARTY, "Priya Shah", "medium", SB_SERVICE_STATUS_LIVE,
    N_("Email or the support portal"),
    N_("Licences bought directly from Microsoft by the customer."),
    NULL, NULL,
    CAL_OFFICE, 12, "month", 0, 15, FALSE, 200,
    { { 60, 480 }, { 120, 960 }, { 240, 1920 }, { 480, 4800 }, { 960, 9600 } },
    { NULL },
    { 0, 1, 2, 3, -1 },
  },
  {
    "BACKUP", N_("Backup and restore"),
    N_("Nightly backup of servers, Microsoft 365 mailboxes and file shares, with an off-site copy kept for 90 days."),
    N_("Any file or mailbox lost in the last 90 days can be brought back."),
    N_("Infrastructure"), SB_SERVICE_TYPE_CUSTOMER_FACING, "Priya Shah", "high", SB_SERVICE_STATUS_LIVE,
    N_("Phone, email or the support portal"),
    N_("Data kept only on laptops that are not enrolled in device management."),
    N_("A reliable internet line of at least 20 Mbit/s upload."),
    N_("A restore test every quarter, agreed a week ahead."),
    CAL_OFFICE, 45, "month", 9900, 10, TRUE, 60,
    { { 30, 240 }, { 60, 960 }, { 240, 1920 }, { 480, 4800 }, { 0, 0 } },
    { "NETWORK", NULL },
    { 0, 1, 3, -1 },
  },
  {
    "EMAIL", N_("Email and calendars"),
    N_("Mailboxes, shared calendars, contacts and spam filtering on Microsoft 365."),
    N_("Staff can mail and plan with customers from any device."),
    N_("Communication"), SB_SERVICE_TYPE_CUSTOMER_FACING, "Priya Shah", "high", SB_SERVICE_STATUS_LIVE,
    N_("Phone, email or the support portal"),
    N_("Private mail accounts; mailing campaigns."),
    N_("A Microsoft 365 licence per mailbox."),
    N_("Microsoft’s own maintenance is outside our control and not counted as downtime."),
    CAL_OFFICE, 6, "month", 9950, 25, FALSE, 30,
    { { 30, 240 }, { 60, 480 }, { 240, 1440 }, { 480, 2880 }, { 960, 7200 } },
    { "NETWORK", "M365", NULL },
    { 0, 1, 2, 3, -1 },
  },
  {
    "HELPDESK", N_("User support"),
    N_("Help for staff with their computers, printers, phones and business applications, by phone, email or remote session."),
    N_("People get back to work quickly and know whom to call."),
    N_("Support"), SB_SERVICE_TYPE_CUSTOMER_FACING, "Laura Bennett", "high", SB_SERVICE_STATUS_LIVE,
    N_("Phone 020 7946 0100, help@servicedesk.example, or the support portal"),
    N_("Training courses; home equipment not used for work."),
    N_("Remote support tool installed on every computer."),
    NULL,
    CAL_OFFICE, 28, "month", 0, 60, FALSE, 45,
    { { 15, 240 }, { 30, 480 }, { 120, 960 }, { 240, 2400 }, { 480, 4800 } },
    { NULL },
    { 0, 1, 2, 3, -1 },
  },
  {
    "WEB", N_("Website hosting"),
    N_("Hosting, certificates, daily backups and updates of the customer’s website."),
    N_("The website is online, secure and fast."),
    N_("Hosting"), SB_SERVICE_TYPE_CUSTOMER_FACING, "Daniel Price", "medium", SB_SERVICE_STATUS_LIVE,
    N_("Email or the support portal"),
    N_("Content changes and web design."),
    N_("The domain registered with us or delegated to our name servers."),
    N_("Updates on Sunday mornings, 07:00–08:00."),
    CAL_24X7, 25, "month", 9950, 5, FALSE, 150,
    { { 30, 240 }, { 120, 720 }, { 480, 2880 }, { 960, 5760 }, { 0, 0 } },
    { "FIREWALL", NULL },
    { 1, 2, -1 },
  },
  {
    "VOIP", N_("Telephony"),
    N_("Cloud telephone system with desk phones, a mobile app and call recording."),
    N_("Customers reach the right person at the first call."),
    N_("Communication"), SB_SERVICE_TYPE_CUSTOMER_FACING, "Laura Bennett", "high", SB_SERVICE_STATUS_PIPELINE,
    N_("Phone or the support portal"),
    N_("Mobile contracts; the telephone line of the building."),
    N_("Power over Ethernet on the desk ports."),
    NULL,
    CAL_EXTENDED, 8, "month", 9990, 10, FALSE, 75,
    { { 15, 120 }, { 60, 480 }, { 240, 1440 }, { 480, 2880 }, { 960, 7200 } },
    { "NETWORK", "FIREWALL", NULL },
    { 1, -1 },
  },
  {
    "ENDPOINT", N_("Device management"),
    N_("Setting up, patching, protecting and retiring laptops, desktops and phones."),
    N_("Every device is up to date, encrypted and can be wiped when lost."),
    N_("Workplace"), SB_SERVICE_TYPE_CUSTOMER_FACING, "Laura Bennett", "medium", SB_SERVICE_STATUS_LIVE,
    N_("Phone, email or the support portal"),
    N_("Personal devices not enrolled in management."),
    N_("Devices bought in the last five years."),
    N_("Patches are installed on Wednesday evenings."),
    CAL_OFFICE, 9, "month", 0, 30, TRUE, -20,
    { { 60, 480 }, { 120, 960 }, { 240, 1920 }, { 480, 4800 }, { 960, 9600 } },
    { "M365", NULL },
    { 0, 2, 3, -1 },
  },
  {
    "ERP", N_("Business application hosting"),
    N_("Hosting of the accounting and stock application on our servers, with its database backups."),
    N_("Orders, stock and invoices are always at hand."),
    N_("Hosting"), SB_SERVICE_TYPE_CUSTOMER_FACING, "Daniel Price", "critical", SB_SERVICE_STATUS_RETIRING,
    N_("Phone or the support portal"),
    N_("Support for the application’s own functions (the vendor gives it)."),
    N_("A support contract with the application vendor."),
    N_("Moving to the vendor’s cloud edition by the end of the year."),
    CAL_EXTENDED, 1800, "year", 9950, 8, TRUE, 10,
    { { 15, 120 }, { 60, 480 }, { 240, 1440 }, { 480, 2880 }, { 0, 0 } },
    { "NETWORK", "FIREWALL", "BACKUP", NULL },
    { 2, 4, -1 },
  },
};

/* Easter Sunday of @year in the Gregorian calendar (the anonymous
 * algorithm of 1876), for the Good Friday and Easter Monday holidays. */
static void
easter_sunday (GDate    *out,
               GDateYear year)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

static gboolean
add_national_holidays (SbCalendar  *calendar,
                       GDateYear    year,
                       GError     **error)
{
  static const struct
  {
    GDateMonth month;
    GDateDay   day;
  } yearly[] = {
    { G_DATE_JANUARY, 1 },
    { G_DATE_MAY, 1 },
    { G_DATE_DECEMBER, 25 },
    { G_DATE_DECEMBER, 26 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (yearly); i++)
    {
      if (!sb_calendar_add_holiday_yearly (calendar, yearly[i].month, yearly[i].day, error))
        return FALSE;
    }

  /* Good Friday and Easter Monday of this year and the next. */
  for (GDateYear y = year; y <= year + 1; y++)
    {
      GDate friday;
      GDate monday;

      easter_sunday (&friday, y);
      monday = friday;
      g_date_subtract_days (&friday, 2);
      g_date_add_days (&monday, 1);
      if (!sb_calendar_add_holiday_date (calendar, &friday, error) ||
          !sb_calendar_add_holiday_date (calendar, &monday, error))
        return FALSE;
    }

  return TRUE;
}

static SbCalendar *
make_calendar (int         which,
               GDateYear   year,
               GError    **error)
{
  g_autoptr(SbCalendar) calendar = NULL;
  g_autofree char *zone = NULL;

  if (which == CAL_24X7)
    return sb_calendar_new_24x7 ();

  zone = sb_catalog_local_time_zone_id ();
  calendar = sb_calendar_new (zone, NULL);
  if (calendar == NULL)
    calendar = sb_calendar_new ("UTC", error);
  if (calendar == NULL)
    return NULL;

  if (which == CAL_OFFICE)
    {
      /* A lunch break Monday to Thursday; Friday straight through. */
      sb_calendar_set_name (calendar, _("Office hours"));
      for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_THURSDAY; day++)
        {
          if (!sb_calendar_add_interval (calendar, day, 9 * 60, 13 * 60, error) ||
              !sb_calendar_add_interval (calendar, day, 14 * 60, 17 * 60 + 30, error))
            return NULL;
        }
      if (!sb_calendar_add_interval (calendar, G_DATE_FRIDAY, 9 * 60, 17 * 60 + 30, error))
        return NULL;
    }
  else
    {
      sb_calendar_set_name (calendar, _("Extended hours"));
      for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_FRIDAY; day++)
        {
          if (!sb_calendar_add_interval (calendar, day, 7 * 60, 20 * 60, error))
            return NULL;
        }
      if (!sb_calendar_add_interval (calendar, G_DATE_SATURDAY, 9 * 60, 13 * 60, error))
        return NULL;
    }

  if (!add_national_holidays (calendar, year, error))
    return NULL;

  /* The office closes between Christmas and New Year. */
  if (which == CAL_OFFICE)
    {
      GDate first;
      GDate last;

      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      g_date_set_dmy (&first, 28, G_DATE_DECEMBER, year);
      g_date_set_dmy (&last, 31, G_DATE_DECEMBER, year);
      if (!sb_calendar_add_holiday_range (calendar, &first, &last, error))
        return NULL;
    }

  return g_steal_pointer (&calendar);
}

static gboolean
lookup_id (SbStore     *store,
           const char  *sql,
           const char  *key,
           char       **out_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_id = NULL;

  stmt = sb_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the catalogue"), error);

  return TRUE;
}

static gboolean
load_calendars (SbTransaction  *tx,
                SbStore        *store,
                GDateYear       year,
                char          **ids,
                GError        **error)
{
  for (int i = 0; i < N_CALENDARS; i++)
    {
      g_autoptr(SbCalendar) calendar = make_calendar (i, year, error);

      if (calendar == NULL)
        return FALSE;

      if (!lookup_id (store,
                      "SELECT id FROM calendar WHERE deleted = 0 AND name = ? COLLATE NOCASE",
                      sb_calendar_get_name (calendar), &ids[i], error))
        return FALSE;

      if (ids[i] == NULL &&
          !sb_catalog_save_calendar_in (tx, store, NULL, calendar, &ids[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_customers (SbTransaction  *tx,
                SbStore        *store,
                char          **ids,
                GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_customers); i++)
    {
      const SampleCustomer *sample = &sample_customers[i];
      g_autoptr(SbCustomer) existing = sb_catalog_find_customer (store, _(sample->name));
      g_autoptr(SbCustomer) customer = NULL;

      if (existing != NULL)
        {
          ids[i] = g_strdup (sb_customer_get_id (existing));
          continue;
        }

      customer = sb_customer_new ();
      sb_customer_set_name (customer, _(sample->name));
      sb_customer_set_contact_person (customer, sample->contact_person);
      sb_customer_set_email (customer, sample->email);
      sb_customer_set_phone (customer, sample->phone);
      sb_customer_set_notes (customer, _(sample->notes));
      sb_customer_set_status (customer, sample->status);

      if (!sb_catalog_save_customer_in (tx, store, customer, error))
        return FALSE;

      ids[i] = g_strdup (sb_customer_get_id (customer));
    }

  return TRUE;
}

static const char *
translate (const char *text)
{
  return text != NULL ? _(text) : NULL;
}

static char *
date_from_today (const GDate *today,
                 int          days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return sb_date_format (&date);
}

static gboolean
load_services (SbTransaction  *tx,
               SbStore        *store,
               const GDate    *today,
               char          **calendar_ids,
               char          **customer_ids,
               GError        **error)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *currency = sb_store_get_base_currency (store);
  gint64 unit = 1;
  int digits;

  if (currency == NULL || !sb_currency_is_valid (currency))
    currency = "EUR";
  digits = sb_currency_get_digits (currency);
  for (int i = 0; i < digits; i++)
    unit *= 10;

  for (guint i = 0; i < G_N_ELEMENTS (sample_services); i++)
    {
      const SampleService *sample = &sample_services[i];
      g_autoptr(SbService) existing = sb_catalog_find_service (store, sample->code);
      g_autoptr(SbService) service = NULL;
      g_autoptr(GPtrArray) depends = g_ptr_array_new ();
      g_autoptr(GPtrArray) customers = g_ptr_array_new ();
      g_autofree char *next_review = NULL;
      g_autofree char *last_review = NULL;
      const char *stops[3] = { SB_HOLD_AWAITING_CUSTOMER, NULL, NULL };

      if (existing != NULL)
        {
          g_hash_table_insert (by_code, (gpointer)sample->code,
                               g_strdup (sb_service_get_id (existing)));
          continue;
        }

      service = sb_service_new ();
      sb_service_set_code (service, sample->code);
      sb_service_set_name (service, _(sample->name));
      sb_service_set_description (service, translate (sample->description));
      sb_service_set_outcomes (service, translate (sample->outcomes));
      sb_service_set_category (service, translate (sample->category));
      sb_service_set_service_type (service, sample->service_type);
      sb_service_set_owner (service, sample->owner);
      sb_service_set_criticality (service, sample->criticality);
      sb_service_set_status (service, sample->status);
      sb_service_set_support_channel (service, translate (sample->support_channel));
      sb_service_set_support_contact (service, "help@servicedesk.example");
      sb_service_set_calendar_id (service, calendar_ids[sample->calendar]);
      sb_service_set_exclusions (service, translate (sample->exclusions));
      sb_service_set_prerequisites (service, translate (sample->prerequisites));
      sb_service_set_exceptions (service, translate (sample->exceptions));

      if (sample->price_major >= 0)
        {
          sb_service_set_price_amount (service, sample->price_major * unit);
          sb_service_set_price_currency (service, currency);
          sb_service_set_price_period (service, sample->price_period);
        }
      sb_service_set_availability_target (service, sample->availability);
      sb_service_set_workload_limit (service, sample->workload);

      if (sample->stops_for_change)
        stops[1] = SB_HOLD_AWAITING_CHANGE;
      sb_service_set_clock_stop_reasons (service, stops);

      /* Reviewed a year before the next review is due. */
      next_review = date_from_today (today, sample->next_review_days);
      last_review = date_from_today (today, sample->next_review_days - 365);
      sb_service_set_last_review (service, last_review);
      sb_service_set_next_review (service, next_review);

      for (int p = 1; p <= SB_SERVICE_N_PRIORITIES; p++)
        sb_service_set_targets (service, p,
                                sample->targets[p - 1].response,
                                sample->targets[p - 1].resolution);

      for (guint k = 0; sample->depends_on[k] != NULL; k++)
        {
          const char *id = g_hash_table_lookup (by_code, sample->depends_on[k]);

          g_assert (id != NULL);
          g_ptr_array_add (depends, (gpointer)id);
        }
      g_ptr_array_add (depends, NULL);
      sb_service_set_depends_on_ids (service, (const char * const *)depends->pdata);

      for (guint k = 0; sample->customers[k] >= 0; k++)
        g_ptr_array_add (customers, customer_ids[sample->customers[k]]);
      g_ptr_array_add (customers, NULL);
      sb_service_set_customer_ids (service, (const char * const *)customers->pdata);

      if (!sb_catalog_save_service_in (tx, store, service, error))
        return FALSE;

      g_hash_table_insert (by_code, (gpointer)sample->code, g_strdup (sb_service_get_id (service)));
    }

  return TRUE;
}

/**
 * sb_catalog_load_sample:
 * @tx: the open transaction of sb_sample_data_load()
 * @store: the store of @tx
 * @error: return location for a #GError
 *
 * Writes the sample catalogue: three support calendars, five customers
 * and ten services with their targets, customers and dependencies, the
 * review dates set around today so that one review is overdue.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_catalog_load_sample (SbTransaction  *tx,
                        SbStore        *store,
                        GError        **error)
{
  char *calendar_ids[N_CALENDARS] = { NULL };
  char *customer_ids[G_N_ELEMENTS (sample_customers)] = { NULL };
  g_autoptr(GDateTime) now = NULL;
  GDate today;
  gboolean ok;

  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (SB_IS_STORE (store), FALSE);

  /* The store's clock, so that a test with a fixed clock gets fixed dates. */
  now = g_date_time_new_from_unix_local (sb_store_now_ms (store) / 1000);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  ok = load_calendars (tx, store, g_date_get_year (&today), calendar_ids, error) &&
       load_customers (tx, store, customer_ids, error) &&
       load_services (tx, store, &today, calendar_ids, customer_ids, error);

  for (guint i = 0; i < G_N_ELEMENTS (calendar_ids); i++)
    g_free (calendar_ids[i]);
  for (guint i = 0; i < G_N_ELEMENTS (customer_ids); i++)
    g_free (customer_ids[i]);

  return ok;
}
