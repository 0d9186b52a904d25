/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"
#include "sb-contract-terms.h"
#include "sb-escalations-private.h"
#include "sb-incidents-private.h"
#include "sb-time.h"

/*
 * The sample suppliers of a small IT provider: an internet provider, a
 * cloud host, a hardware reseller, a software vendor, a backup provider,
 * the internal facilities team and a consultant; eleven contracts with
 * every kind of term (automatic renewal, monthly rolling, renewal by
 * agreement, none, one that ended, one terminated early, one whose last
 * day to give notice is two weeks away), their targets and the sample
 * services they underpin (with one deliberate alignment gap); escalations
 * of sample incidents with the suppliers' ticket references, some
 * breaching; reviews over the last year and two disputes.
 *
 * Written inside the transaction of sb_sample_data_load(), after the
 * catalogue and the incident log. Every date is counted from the
 * store's now and the random numbers come from a fixed seed, so a test
 * with a fixed clock always gets the same book. A book that has
 * suppliers already is left as it is.
 */

#define SAMPLE_SEED 20260502
#define MINUTE      ((gint64) 60 * 1000)
#define DAY         (24 * 60 * MINUTE)

typedef struct
{
  const char *name;
  const char *kind;
  const char *status;
  const char *criticality;
  const char *website;
  const char *account;
  const char *owner;
  const char *notes;
  struct
  {
    const char *name;
    const char *role;
    const char *email;
    const char *phone;
  } contacts[2];
} SampleSupplier;

enum
{
  NORTHLINE,
  STRATUS,
  BRIGHTWAVE,
  LEDGERLINE,
  VAULTKEEP,
  FACILITIES,
  HARBOUR,
  N_SUPPLIERS
};

static const SampleSupplier sample_suppliers[N_SUPPLIERS] = {
  [NORTHLINE] = { "Northline Telecom", "external", "active", "critical",
                  "https://northline.example", "NT-0048213", "Daniel Price",
                  N_("Internet provider of the office and of the data centre rack."),
                  { { "Northline support desk", N_("Support desk"), "support@northline.example", "+44 20 7946 0900" },
                    { "Sarah Whitfield", N_("Account manager"), "s.whitfield@northline.example", "+44 20 7946 0911" } } },
  [STRATUS] = { "Stratus Cloud", "external", "active", "high",
                "https://stratus-cloud.example", "SC-77120", "Daniel Price",
                N_("Virtual servers for the hosted websites and the business application."),
                { { "Stratus Cloud support", N_("Support desk"), "help@stratus-cloud.example", "+1 415 555 0142" },
                  { NULL, NULL, NULL, NULL } } },
  [BRIGHTWAVE] = { "Brightwave Systems", "external", "active", "medium",
                   "https://brightwave.example", "BW-3391", "Laura Bennett",
                   N_("Reseller of our servers, switches and laptops; handles warranty claims."),
                   { { "Tom Haskins", N_("Account manager"), "tom.haskins@brightwave.example", "+44 161 496 0733" },
                     { "Brightwave warranty desk", N_("Warranty claims"), "warranty@brightwave.example", "+44 161 496 0700" } } },
  [LEDGERLINE] = { "Ledgerline Software", "external", "active", "high",
                   "https://ledgerline.example", "LL-ERP-5521", "Priya Shah",
                   N_("Vendor of the accounting and stock application we host."),
                   { { "Ledgerline customer care", N_("Support desk"), "care@ledgerline.example", "+44 113 496 0320" },
                     { NULL, NULL, NULL, NULL } } },
  [VAULTKEEP] = { "Vaultkeep Backup", "external", "under-review", "high",
                  "https://vaultkeep.example", "VK-20931", "Priya Shah",
                  N_("Off-site copies of the nightly backups. Under review after slow restores this year."),
                  { { "Vaultkeep operations", N_("Support desk"), "ops@vaultkeep.example", "+44 117 496 0555" },
                    { "Mark Ellison", N_("Service manager"), "m.ellison@vaultkeep.example", NULL } } },
  [FACILITIES] = { N_("Facilities team"), "internal", "active", "medium",
                   NULL, NULL, "Laura Bennett",
                   N_("Our own building team: power, cooling and access to the server room."),
                   { { "Gary Moss", N_("Facilities manager"), "facilities@servicedesk.example", "+44 20 7946 0150" },
                     { NULL, NULL, NULL, NULL } } },
  [HARBOUR] = { "Harbour Consulting", "external", "active", "low",
                "https://harbour-consulting.example", NULL, "Daniel Price",
                N_("Independent security consultant for the yearly review."),
                { { "Nadia Karim", N_("Consultant"), "nadia@harbour-consulting.example", "+44 7700 900461" },
                  { NULL, NULL, NULL, NULL } } },
};

typedef struct
{
  int response;
  int resolution;
} SampleTarget;

typedef struct
{
  int           supplier;
  const char   *reference;
  const char   *title;
  const char   *type;
  const char   *scope;
  const char   *how_to_raise;
  const char   *support_hours;
  const char   *calendar_of;      /* the calendar of this service; NULL: around the clock */
  int           start_months_ago;
  int           start_days_later; /* then this many days later */
  int           initial_months;
  const char   *renewal;
  int           renewal_months;
  int           notice_amount;
  const char   *notice_unit;
  const char   *cancellation;
  int           terminated_months_ago;   /* 0: not terminated */
  const char   *early_termination;
  gint64        cost;             /* minor units; -1: none */
  gboolean      in_dollars;       /* else the base currency */
  const char   *billing;
  const char   *category;
  SampleTarget  targets[5];
  const char   *services[3];
} SampleContract;

enum
{
  C_FIBRE,
  C_SIMS,
  C_HOSTING,
  C_WARRANTY,
  C_LEASE,
  C_ERP,
  C_ANTIVIRUS,
  C_OFFSITE,
  C_TAPE,
  C_SERVER_ROOM,
  C_SECURITY,
  N_CONTRACTS
};

static const SampleContract sample_contracts[N_CONTRACTS] = {
  [C_FIBRE] = { NORTHLINE, "NT-FIBRE-36", N_("Fibre leased line, 1 Gbit/s"), "support",
                N_("Dedicated fibre line to the office with a backup 4G router, monitored around the clock."),
                N_("Phone the support desk; quote the circuit ID NT-CIR-88412."), N_("24 × 7"), NULL,
                40, 0, 36, "automatic", 12, 3, "months",
                N_("Written notice by registered letter to the account manager."), 0, NULL,
                42000, FALSE, "month", "supplier-services",
                /* P1 response 60 min: the network service promises 30. */
                { { 60, 240 }, { 60, 480 }, { 240, 1440 }, { 480, 2880 }, { 0, 0 } },
                { "NETWORK", NULL } },
  [C_SIMS] = { NORTHLINE, "NT-SIM-ROLL", N_("Mobile data SIMs for the backup routers"), "support",
               N_("Three data SIMs, 50 GB each."),
               N_("Online portal."), N_("Office hours"), NULL,
               /* Monthly rolling with 30 days' notice */
               14, -10, 1, "automatic", 1, 30, "days",
               N_("Cancel in the online portal."), 0, NULL,
               3500, FALSE, "month", "supplier-services",
               { { 0, 0 } }, { NULL } },
  [C_HOSTING] = { STRATUS, "SC-HOST-2024", N_("Cloud servers for websites and the business application"), "hosting",
                  N_("Four virtual servers, 2 TB storage, daily snapshots, DDoS protection."),
                  N_("Support portal, severity chosen by us; phone for severity 1."), N_("24 × 7"), NULL,
                  24, 45, 12, "automatic", 12, 30, "days",
                  N_("Ticket to billing in the support portal."), 0, NULL,
                  86000, TRUE, "month", "cloud",
                  { { 15, 120 }, { 60, 480 }, { 240, 1440 }, { 480, 2880 }, { 0, 0 } },
                  { "WEB", "ERP", NULL } },
  [C_WARRANTY] = { BRIGHTWAVE, "BW-WAR-5Y", N_("Five-year warranty for servers and switches"), "warranty",
                   N_("Next-business-day parts and engineer for the two servers and six switches."),
                   N_("Email the warranty desk with the serial number."), N_("Office hours"), "HELPDESK",
                   20, 0, 60, "none", 0, 0, "days", NULL, 0, NULL,
                   640000, FALSE, "one-off", "hardware",
                   { { 120, 960 }, { 240, 1920 }, { 480, 2880 }, { 480, 4800 }, { 0, 0 } },
                   { NULL } },
  [C_LEASE] = { BRIGHTWAVE, "BW-LEASE-LAPTOPS", N_("Lease of 30 laptops"), "lease",
                N_("Thirty business laptops with accidental damage cover."),
                N_("Email the account manager."), N_("Office hours"), NULL,
                30, 0, 36, "agreement", 12, 2, "months",
                N_("A renewal must be agreed in writing; otherwise the laptops are collected."), 0, NULL,
                270000, FALSE, "quarter", "hardware",
                { { 0, 0 } }, { NULL } },
  [C_ERP] = { LEDGERLINE, "LL-ERP-SUP", N_("Accounting application licences and support"), "licence",
              N_("25 named users, updates and second-line support for the application."),
              N_("Customer care portal or phone for priority 1."), N_("Office hours"), "HELPDESK",
              28, 0, 12, "automatic", 12, 3, "months",
              N_("Written notice by email to customer care."), 0, NULL,
              960000, FALSE, "year", "software",
              { { 15, 120 }, { 60, 480 }, { 240, 1440 }, { 480, 2880 }, { 0, 0 } },
              { "ERP", NULL } },
  [C_ANTIVIRUS] = { LEDGERLINE, "LL-AV-2023", N_("Antivirus subscription (replaced)"), "licence",
                    N_("60 endpoint licences; replaced by the device management service's own protection."),
                    NULL, NULL, NULL,
                    26, 0, 24, "none", 0, 0, "days", NULL, 0, NULL,
                    48000, FALSE, "year", "software",
                    { { 0, 0 } }, { NULL } },
  [C_OFFSITE] = { VAULTKEEP, "VK-OFFSITE", N_("Off-site backup storage"), "hosting",
                  N_("4 TB of off-site storage, 90 days' retention, restores on request."),
                  N_("Phone the operations desk; restores by email with the job ID."), N_("24 × 7"), NULL,
                  8, 0, 12, "automatic", 12, 1, "months",
                  N_("Written notice by email to the service manager."), 0, NULL,
                  19000, FALSE, "month", "cloud",
                  { { 30, 240 }, { 60, 720 }, { 240, 1440 }, { 480, 2880 }, { 0, 0 } },
                  { "BACKUP", NULL } },
  [C_TAPE] = { VAULTKEEP, "VK-TAPE-2022", N_("Weekly tape collection"), "support",
               N_("Collection and storage of the weekly backup tapes."),
               NULL, NULL, NULL,
               18, 0, 36, "none", 0, 0, "days", NULL,
               4, N_("Three months' fees; paid when the service moved to off-site storage."),
               12000, FALSE, "month", "supplier-services",
               { { 0, 0 } }, { NULL } },
  [C_SERVER_ROOM] = { FACILITIES, "FAC-SERVER-ROOM", N_("Server room power and cooling"), "other",
                      N_("Power, air conditioning and access control of the server room."),
                      N_("Call the facilities manager."), N_("Office hours"), "HELPDESK",
                      30, 0, 60, "none", 0, 0, "days", NULL, 0, NULL,
                      -1, FALSE, "month", "facilities",
                      { { 30, 480 }, { 60, 960 }, { 0, 0 } }, { NULL } },
  [C_SECURITY] = { HARBOUR, "HC-SEC-REVIEW", N_("Yearly security review"), "consultancy",
                   N_("Review of the firewall, remote access and backups, with a written report."),
                   N_("Email the consultant."), NULL, NULL,
                   2, 0, 6, "none", 0, 0, "days", NULL, 0, NULL,
                   450000, FALSE, "one-off", "supplier-services",
                   { { 0, 0 } }, { NULL } },
};

/* Escalations: incidents of a service escalated to a supplier. */
typedef struct
{
  const char *service;
  int         supplier;
  int         contract;        /* -1: none */
  const char *ref_prefix;
  guint       count;
} SampleEscalation;

static const SampleEscalation sample_escalations[] = {
  { "NETWORK", NORTHLINE, C_FIBRE, "NT", 5 },
  { "FIREWALL", NORTHLINE, -1, "NT", 1 },
  { "WEB", STRATUS, C_HOSTING, "SC", 3 },
  { "ERP", LEDGERLINE, C_ERP, "LL", 2 },
  { "ERP", STRATUS, C_HOSTING, "SC", 1 },
  { "BACKUP", VAULTKEEP, C_OFFSITE, "VK", 3 },
  { "ENDPOINT", BRIGHTWAVE, C_WARRANTY, "BW", 1 },
};

/* Reviews: quality, delivery, responsiveness, value; months ago. */
typedef struct
{
  int         supplier;
  int         months_ago;
  int         scores[4];
  const char *notes;
  const char *actions;
} SampleReview;

static const SampleReview sample_reviews[] = {
  { NORTHLINE, 11, { 4, 4, 3, 3 }, N_("Stable line; two slow answers to priority 1 calls."),
    N_("Northline to add our circuit to their priority list.") },
  { NORTHLINE, 6, { 4, 4, 4, 3 }, N_("Faster answers since the priority list."), NULL },
  { NORTHLINE, 1, { 5, 4, 3, 3 }, N_("Good line; priority 1 response still above our own target."),
    N_("Ask for a 30-minute response at the next renewal.") },
  { STRATUS, 9, { 4, 5, 4, 4 }, N_("No outage; migration of the web servers went to plan."), NULL },
  { STRATUS, 3, { 4, 4, 5, 3 }, N_("Price rise in dollars; compare with two other hosts."),
    N_("Ask for a yearly price in pounds.") },
  { LEDGERLINE, 8, { 3, 3, 4, 3 }, N_("Update 7.2 broke the stock report for a week."),
    N_("Ledgerline to test updates on a copy of our data.") },
  { LEDGERLINE, 2, { 4, 4, 4, 3 }, N_("Updates tested first now; no problems since."), NULL },
  { VAULTKEEP, 10, { 4, 4, 4, 4 }, N_("Restores quick and complete."), NULL },
  { VAULTKEEP, 5, { 3, 2, 2, 3 }, N_("A restore took two days; service credit disputed."),
    N_("Monthly restore test with the service manager.") },
  { VAULTKEEP, 1, { 3, 3, 2, 3 }, N_("Still slow to answer; supplier under review."),
    N_("Get two quotes from other backup providers before the notice deadline.") },
  { BRIGHTWAVE, 7, { 4, 3, 4, 4 }, N_("Warranty parts arrived next day both times."), NULL },
  { BRIGHTWAVE, 1, { 4, 4, 4, 4 }, N_("Laptop lease renewal to be agreed in the spring."),
    N_("Ask for a quote for 35 laptops.") },
};

typedef struct
{
  SbTransaction *tx;
  SbStore       *store;
  GRand         *rand;
  gint64         now_ms;
  GDate          today;
  char          *supplier_ids[N_SUPPLIERS];
  char          *contract_ids[N_CONTRACTS];
  GHashTable    *used_incidents;
} Loader;

static void
loader_clear (Loader *loader)
{
  for (guint i = 0; i < N_SUPPLIERS; i++)
    g_free (loader->supplier_ids[i]);
  for (guint i = 0; i < N_CONTRACTS; i++)
    g_free (loader->contract_ids[i]);
  g_clear_pointer (&loader->rand, g_rand_free);
  g_clear_pointer (&loader->used_incidents, g_hash_table_unref);
}

/* @today moved by whole months (day clamped) and days, as stored. */
static char *
date_from_today (Loader *loader,
                 int     months,
                 int     days)
{
  GDate date = loader->today;

  sb_date_add_months_clamped (&date, months);
  if (days > 0)
    g_date_add_days (&date, days);
  else if (days < 0)
    g_date_subtract_days (&date, -days);

  return sb_date_format (&date);
}

static gboolean
lookup_text (SbStore     *store,
             const char  *sql,
             const char  *arg,
             char       **out,
             GError     **error)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, sql, error);
  int rc;

  *out = NULL;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sb_catalog_column_text (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Reading the sample data"), error);

  return TRUE;
}

static gboolean
apply (Loader    *loader,
       SbChange  *change,
       GError   **error)
{
  return sb_transaction_apply (loader->tx, change, error);
}

static gboolean
write_suppliers (Loader  *loader,
                 GError **error)
{
  for (guint i = 0; i < N_SUPPLIERS; i++)
    {
      const SampleSupplier *s = &sample_suppliers[i];
      g_autoptr(SbChange) change = sb_change_insert ("supplier");

      sb_change_set_string (change, "name", i == FACILITIES ? _(s->name) : s->name);
      sb_change_set_string (change, "kind", s->kind);
      sb_change_set_string (change, "status", s->status);
      sb_change_set_string (change, "criticality", s->criticality);
      sb_change_set_string (change, "website", s->website);
      sb_change_set_string (change, "account_number", s->account);
      sb_change_set_string (change, "relationship_owner", s->owner);
      sb_change_set_string (change, "notes", _(s->notes));
      if (!apply (loader, change, error))
        return FALSE;
      loader->supplier_ids[i] = g_strdup (sb_change_get_id (change));

      for (guint k = 0; k < G_N_ELEMENTS (s->contacts) && s->contacts[k].name != NULL; k++)
        {
          g_autoptr(SbChange) contact = sb_change_insert ("supplier_contact");

          sb_change_set_string (contact, "supplier_id", loader->supplier_ids[i]);
          sb_change_set_string (contact, "name", s->contacts[k].name);
          sb_change_set_string (contact, "role", _(s->contacts[k].role));
          sb_change_set_string (contact, "email", s->contacts[k].email);
          sb_change_set_string (contact, "phone", s->contacts[k].phone);
          sb_change_set_int (contact, "position", k);
          if (!apply (loader, contact, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_contract (Loader                *loader,
                guint                  index,
                GError               **error)
{
  const SampleContract *c = &sample_contracts[index];
  g_autoptr(SbChange) change = sb_change_insert ("contract");
  g_autofree char *start = date_from_today (loader, -c->start_months_ago, c->start_days_later);
  g_autofree char *calendar_id = NULL;
  const char *id;

  if (c->calendar_of != NULL &&
      !lookup_text (loader->store, "SELECT calendar_id FROM service WHERE code = ? AND deleted = 0",
                    c->calendar_of, &calendar_id, error))
    return FALSE;

  sb_change_set_string (change, "supplier_id", loader->supplier_ids[c->supplier]);
  sb_change_set_string (change, "reference", c->reference);
  sb_change_set_string (change, "title", _(c->title));
  sb_change_set_string (change, "contract_type", c->type);
  sb_change_set_string (change, "scope", _(c->scope));
  sb_change_set_string (change, "how_to_raise", c->how_to_raise != NULL ? _(c->how_to_raise) : NULL);
  sb_change_set_string (change, "support_hours", c->support_hours != NULL ? _(c->support_hours) : NULL);
  sb_change_set_string (change, "calendar_id", calendar_id);
  sb_change_set_string (change, "start_date", start);
  sb_change_set_int (change, "initial_months", c->initial_months);
  sb_change_set_string (change, "renewal", c->renewal);
  sb_change_set_int (change, "renewal_months", c->renewal_months);
  sb_change_set_int (change, "notice_amount", c->notice_amount);
  sb_change_set_string (change, "notice_unit", c->notice_unit);
  sb_change_set_string (change, "cancellation_method", c->cancellation != NULL ? _(c->cancellation) : NULL);
  if (c->terminated_months_ago > 0)
    {
      g_autofree char *terminated = date_from_today (loader, -c->terminated_months_ago, 0);

      sb_change_set_string (change, "terminated_on", terminated);
      sb_change_set_string (change, "early_termination", _(c->early_termination));
    }
  if (c->cost >= 0)
    {
      sb_change_set_int (change, "cost_amount", c->cost);
      sb_change_set_string (change, "cost_currency",
                            c->in_dollars ? "USD" : sb_store_get_base_currency (loader->store));
    }
  sb_change_set_string (change, "billing_period", c->billing);
  sb_change_set_string (change, "cost_category", c->category);

  if (!apply (loader, change, error))
    return FALSE;
  id = sb_change_get_id (change);
  loader->contract_ids[index] = g_strdup (id);

  for (guint p = 0; p < G_N_ELEMENTS (c->targets); p++)
    {
      g_autoptr(SbChange) target = NULL;

      if (c->targets[p].response == 0 && c->targets[p].resolution == 0)
        continue;

      target = sb_change_insert ("contract_target");
      sb_change_set_string (target, "contract_id", id);
      sb_change_set_int (target, "priority", p + 1);
      sb_change_set_int (target, "response_minutes", c->targets[p].response);
      sb_change_set_int (target, "resolution_minutes", c->targets[p].resolution);
      if (!apply (loader, target, error))
        return FALSE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (c->services) && c->services[k] != NULL; k++)
    {
      g_autoptr(SbChange) link = NULL;
      g_autofree char *service_id = NULL;

      if (!lookup_text (loader->store, "SELECT id FROM service WHERE code = ? AND deleted = 0",
                        c->services[k], &service_id, error))
        return FALSE;
      /* A book whose catalogue lacks the service: no link. */
      if (service_id == NULL)
        continue;

      link = sb_change_insert ("contract_service");
      sb_change_set_string (link, "contract_id", id);
      sb_change_set_string (link, "service_id", service_id);
      if (!apply (loader, link, error))
        return FALSE;
    }

  return TRUE;
}

/* Ids of recent incidents of @service not escalated yet, opened within
 * the last eleven months, newest first (owned by used_incidents). */
static GArray *
pick_incidents (Loader      *loader,
                const char  *service,
                guint        count,
                GError     **error)
{
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (gpointer));
  g_autofree char *since = sb_time_format_instant (loader->now_ms - 330 * DAY);
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  stmt = sb_store_prepare (loader->store,
                           "SELECT i.id FROM incident i JOIN service s ON s.id = i.service_id "
                           "WHERE i.deleted = 0 AND s.code = ?1 AND i.opened_at >= ?2 "
                           "AND i.status NOT IN ('cancelled', 'duplicate') "
                           "ORDER BY i.opened_at DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, service, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, since, -1, SQLITE_TRANSIENT);

  while (picked->len < count && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);

      /* Every other one, so that the escalations spread over the year. */
      if (g_hash_table_contains (loader->used_incidents, id) || g_rand_boolean (loader->rand))
        continue;

      g_hash_table_add (loader->used_incidents, g_strdup (id));
      id = g_hash_table_lookup (loader->used_incidents, id);
      g_array_append_val (picked, id);
    }
  if (picked->len == count)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (loader->store, rc, _("Reading the sample data"), error);
      return NULL;
    }

  return g_steal_pointer (&picked);
}

static const char * const escalate_notes[] = {
  N_("Raised with the supplier's support desk by phone."),
  N_("Raised in the supplier's portal with the logs attached."),
  N_("Reported to the supplier by email; asked for a call back."),
};

static gboolean
write_escalation (Loader                 *loader,
                  const SampleEscalation *plan,
                  const char             *incident_id,
                  guint                   nth,
                  GError                **error)
{
  g_autoptr(SbIncident) incident = sb_incidents_read (loader->store, incident_id, error);
  g_autofree char *escalation_id = NULL;
  g_autofree char *ref = NULL;
  gint64 opened;
  gint64 end;
  gint64 escalated;
  gint64 responded;
  gint64 resolved = SB_INCIDENT_NO_TIME;
  /* Every third one is slow: the sample has breaches to show. */
  gboolean slow = nth % 3 == 2;

  if (incident == NULL)
    return FALSE;

  opened = sb_incident_get_opened_ms (incident);
  end = sb_incident_get_resolved_ms (incident);
  if (end == SB_INCIDENT_NO_TIME)
    end = loader->now_ms;

  escalated = opened + g_rand_int_range (loader->rand, 10, 45) * MINUTE;
  if (escalated >= end)
    escalated = opened + (end - opened) / 4;
  escalated -= escalated % MINUTE;

  responded = escalated + (slow ? g_rand_int_range (loader->rand, 90, 600)
                                : g_rand_int_range (loader->rand, 5, 40)) * MINUTE;
  if (sb_incident_get_resolved_ms (incident) != SB_INCIDENT_NO_TIME)
    {
      resolved = escalated + (end - escalated) * (slow ? 95 : 70) / 100;
      resolved -= resolved % MINUTE;
      if (responded > resolved)
        responded = escalated + (resolved - escalated) / 2;
    }

  if (plan->contract >= 0 || nth % 2 == 0)
    ref = g_strdup_printf ("%s-%06d", plan->ref_prefix, g_rand_int_range (loader->rand, 100000, 999999));

  if (!sb_escalations_escalate_in (loader->tx, incident_id, loader->supplier_ids[plan->supplier],
                                   plan->contract >= 0 ? loader->contract_ids[plan->contract] : NULL,
                                   ref, escalated,
                                   _(escalate_notes[nth % G_N_ELEMENTS (escalate_notes)]),
                                   TRUE, &escalation_id, error))
    return FALSE;

  /* One still waiting for the supplier's answer. */
  if (responded >= loader->now_ms)
    return TRUE;

  if (!sb_escalations_record_response_in (loader->tx, escalation_id, responded,
                                          _("The supplier acknowledged and assigned an engineer."), error))
    return FALSE;

  if (resolved == SB_INCIDENT_NO_TIME)
    return TRUE;

  return sb_escalations_record_resolution_in (loader->tx, escalation_id, resolved,
                                              slow ? _("Fixed on the supplier's side, late.")
                                                   : _("The supplier reports their part fixed."),
                                              error);
}

static gboolean
write_escalations (Loader  *loader,
                   GError **error)
{
  guint nth = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sample_escalations); i++)
    {
      const SampleEscalation *plan = &sample_escalations[i];
      g_autoptr(GArray) incidents = pick_incidents (loader, plan->service, plan->count, error);

      if (incidents == NULL)
        return FALSE;

      for (guint k = 0; k < incidents->len; k++)
        {
          if (!write_escalation (loader, plan, g_array_index (incidents, const char *, k), nth++, error))
            return FALSE;
        }
    }

  return TRUE;
}

static const char * const score_columns[4] = { "quality", "delivery", "responsiveness", "value" };

static gboolean
write_reviews (Loader  *loader,
               GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_reviews); i++)
    {
      const SampleReview *r = &sample_reviews[i];
      g_autoptr(SbChange) change = sb_change_insert ("supplier_review");
      g_autofree char *date = date_from_today (loader, -r->months_ago, 0);
      g_autofree char *from = date_from_today (loader, -r->months_ago - 6, 0);
      g_autofree char *to = date_from_today (loader, -r->months_ago, -1);
      g_autofree char *next = date_from_today (loader, -r->months_ago + 6, 0);

      sb_change_set_string (change, "supplier_id", loader->supplier_ids[r->supplier]);
      sb_change_set_string (change, "review_date", date);
      sb_change_set_string (change, "period_from", from);
      sb_change_set_string (change, "period_to", to);
      for (guint k = 0; k < G_N_ELEMENTS (score_columns); k++)
        sb_change_set_int (change, score_columns[k], r->scores[k]);
      sb_change_set_string (change, "notes", _(r->notes));
      sb_change_set_string (change, "actions", r->actions != NULL ? _(r->actions) : NULL);
      sb_change_set_string (change, "next_review", next);
      sb_change_set_string (change, "reviewer", sample_suppliers[r->supplier].owner);
      if (!apply (loader, change, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_disputes (Loader  *loader,
                GError **error)
{
  g_autoptr(SbChange) open = sb_change_insert ("supplier_dispute");
  g_autoptr(SbChange) closed = sb_change_insert ("supplier_dispute");
  g_autofree char *open_raised = date_from_today (loader, 0, -20);
  g_autofree char *closed_raised = date_from_today (loader, -5, 0);
  g_autofree char *closed_on = date_from_today (loader, -4, 0);
  const char *base = sb_store_get_base_currency (loader->store);

  sb_change_set_string (open, "supplier_id", loader->supplier_ids[NORTHLINE]);
  sb_change_set_string (open, "contract_id", loader->contract_ids[C_FIBRE]);
  sb_change_set_string (open, "raised_on", open_raised);
  sb_change_set_string (open, "title", _("Line charged twice on the last invoice"));
  sb_change_set_string (open, "description",
                        _("The invoice lists the fibre line twice; Northline's billing team is checking."));
  sb_change_set_string (open, "status", "in-progress");
  sb_change_set_int (open, "amount", sample_contracts[C_FIBRE].cost);
  sb_change_set_string (open, "amount_currency", base);

  sb_change_set_string (closed, "supplier_id", loader->supplier_ids[VAULTKEEP]);
  sb_change_set_string (closed, "contract_id", loader->contract_ids[C_OFFSITE]);
  sb_change_set_string (closed, "raised_on", closed_raised);
  sb_change_set_string (closed, "title", _("Service credit for a two-day restore"));
  sb_change_set_string (closed, "description",
                        _("A restore took two days instead of the four hours agreed; we asked for the service credit."));
  sb_change_set_string (closed, "status", "resolved");
  sb_change_set_int (closed, "amount", sample_contracts[C_OFFSITE].cost);
  sb_change_set_string (closed, "amount_currency", base);
  sb_change_set_string (closed, "outcome", _("Vaultkeep credited one month's fee."));
  sb_change_set_string (closed, "closed_on", closed_on);

  return apply (loader, open, error) && apply (loader, closed, error);
}

/**
 * sb_suppliers_load_sample:
 * @tx: the open transaction of sb_sample_data_load(), after the sample
 *   catalogue and incident log
 * @store: the store
 * @error: return location for a #GError
 *
 * Writes the sample suppliers with their contacts, contracts, targets,
 * underpinned services, escalations, reviews and disputes. A book that
 * already has suppliers is left as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_suppliers_load_sample (SbTransaction  *tx,
                          SbStore        *store,
                          GError        **error)
{
  Loader loader = { 0 };
  g_autofree char *any = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (tx != NULL, FALSE);

  if (!lookup_text (store, "SELECT id FROM supplier WHERE deleted = 0 AND ? IS NOT NULL LIMIT 1", "",
                    &any, error))
    return FALSE;
  if (any != NULL)
    return TRUE;

  loader.tx = tx;
  loader.store = store;
  loader.rand = g_rand_new_with_seed (SAMPLE_SEED);
  loader.now_ms = sb_store_now_ms (store);
  loader.now_ms -= loader.now_ms % 1000;
  loader.used_incidents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sb_escalations_local_day (loader.now_ms, &loader.today);

  ok = write_suppliers (&loader, error);
  for (guint i = 0; ok && i < N_CONTRACTS; i++)
    ok = write_contract (&loader, i, error);
  ok = ok && write_escalations (&loader, error) && write_reviews (&loader, error) &&
       write_disputes (&loader, error);

  loader_clear (&loader);

  return ok;
}
