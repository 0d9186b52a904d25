/* SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-catalog.h"
#include "sb-incidents-private.h"

/*
 * The sample incident log: about six months of the calls a small IT
 * provider gets from the sample customers, on the sample services
 * (sb-catalog-sample.c), with their whole timelines: first responses,
 * work notes, holds, resolutions, closures a few days later, a few
 * reopens, major incidents and late resolutions; and a dozen incidents
 * still open at "now", some on hold, one at risk and one breached.
 *
 * Everything goes through the incident write path inside the
 * transaction of sb_sample_data_load(). The random numbers come from a
 * fixed seed and every instant is counted back from the store's clock,
 * so a test with a fixed clock always gets the same log.
 */

#define SAMPLE_SEED     20260401
#define N_HISTORICAL    185
#define MINUTE          ((gint64) 60 * 1000)
#define HOUR            (60 * MINUTE)
#define DAY             (24 * HOUR)

typedef struct
{
  const char *service;     /* service code */
  const char *category;
  guint       impact;
  guint       urgency;
  const char *channel;
  const char *title;
  const char *description;
  const char *response;    /* the first answer to the customer */
  const char *work[2];     /* internal work notes */
  const char *hold;        /* the hold this kind of call often needs, or NULL */
  const char *hold_note;
  const char *code;        /* resolution code */
  const char *resolution;
  const char *workaround;
} Scenario;

static const Scenario scenarios[] = {
  /* 0 */
  { "HELPDESK", N_("Printing"), 2, 2, "phone",
    N_("Printer on the first floor prints blank pages"),
    N_("Every job sent to the shared printer comes out as empty sheets since this morning."),
    N_("Thanks for calling. We are looking at the printer remotely now."),
    { N_("Print queue healthy; test page also blank. Toner reported full."),
      N_("Asked the office to pull the toner cartridge and check the sealing tape.") },
    "awaiting-customer", N_("Please check whether the new toner still has its protective tape on and tell us."),
    "fixed", N_("The new toner cartridge still had its sealing tape. Removed it; prints are fine."), NULL },
  /* 1 */
  { "HELPDESK", N_("Printing"), 3, 2, "email",
    N_("Cannot print to the colour printer from a Mac"),
    N_("The new MacBook shows the colour printer but every job stays “on hold”."),
    N_("We have your request and will connect to the Mac shortly."),
    { N_("Mac uses the generic AirPrint driver; job held for authentication."),
      N_("Installed the manufacturer's driver package and added the printer again.") },
    NULL, NULL,
    "fixed", N_("Installed the vendor driver and re-added the printer with the department code."), NULL },
  /* 2 */
  { "FIREWALL", N_("Remote access"), 2, 2, "phone",
    N_("VPN connection drops every few minutes"),
    N_("Working from home, the VPN disconnects every five to ten minutes and Outlook goes offline."),
    N_("Sorry about that. We are checking the firewall logs for your connection."),
    { N_("Firewall log shows dead-peer-detection timeouts from the user's address."),
      N_("Home router is a new ISP model; UDP fragments being dropped.") },
    "awaiting-customer", N_("Could you restart your home router and try the VPN again this afternoon?"),
    "workaround", N_("Switched the user's VPN profile to TCP; stable for two days."),
    N_("Use the TCP profile “Office (TCP)” until the ISP updates the router.") },
  /* 3 */
  { "FIREWALL", N_("Remote access"), 3, 2, "email",
    N_("New starter needs VPN access"),
    N_("A new colleague starts on Monday and needs to work from home on Fridays."),
    N_("Noted. We will set up the account and send the instructions."),
    { N_("Added the user to the VPN group; certificate issued."),
      N_("Sent the setup guide and booked a ten-minute call for Monday.") },
    NULL, NULL,
    "advice", N_("VPN access granted; the user connected successfully during the call."), NULL },
  /* 4 */
  { "EMAIL", N_("Mailbox"), 3, 2, "email",
    N_("Mailbox full: cannot send mail"),
    N_("Outlook says the mailbox is full and mails stay in the outbox."),
    N_("We can see the mailbox is at its limit and will help you free space."),
    { N_("Mailbox at 49.8 GB of 50 GB; 30 GB in Sent Items with attachments."),
      N_("Enabled the archive mailbox and an archive policy for items older than two years.") },
    NULL, NULL,
    "fixed", N_("Online archive switched on; mailbox now at 18 GB."), NULL },
  /* 5 */
  { "EMAIL", N_("Mail flow"), 2, 1, "phone",
    N_("Customers' mails to us bounce back"),
    N_("Two customers forwarded bounce messages saying our domain rejected their mail."),
    N_("We are checking mail flow for your domain right now."),
    { N_("Message trace: rejected by the spam filter on an SPF failure of the sender's domain."),
      N_("Added a transport rule exception for the two partner domains and told them about their SPF record.") },
    NULL, NULL,
    "workaround", N_("Exception added for the partner domains; mail is arriving."),
    N_("The partners need to fix their SPF record; the exception stays until they do.") },
  /* 6 */
  { "EMAIL", N_("Security"), 2, 1, "phone",
    N_("Phishing mail: user entered password"),
    N_("A user clicked a link in a fake invoice mail and typed her Microsoft 365 password."),
    N_("Thanks for telling us at once. We are resetting the password and checking the sign-ins now."),
    { N_("Password reset, sessions revoked, MFA re-registered."),
      N_("Sign-in log: one foreign login attempt, blocked by MFA. Inbox rules checked, none added.") },
    NULL, NULL,
    "fixed", N_("Account secured; the mail was removed from all mailboxes and the sender blocked."), NULL },
  /* 7 */
  { "EMAIL", N_("Security"), 3, 2, "email",
    N_("Suspicious mail reported"),
    N_("Several people got a mail “Your parcel is waiting” with a link; nobody clicked."),
    N_("Thank you for reporting it. We are removing it from all mailboxes."),
    { N_("Found 9 copies; purged with a content search."),
      N_("Sender domain added to the block list.") },
    NULL, NULL,
    "fixed", N_("Mail purged from all mailboxes; sender blocked."), NULL },
  /* 8 */
  { "EMAIL", N_("Calendar"), 3, 3, "email",
    N_("Shared calendar not showing in Outlook"),
    N_("The team calendar disappeared from Outlook on one laptop; it works on the phone."),
    N_("We will look at it during a remote session; when suits you?"),
    { N_("Calendar permissions fine; the Outlook profile is damaged."),
      N_("New Outlook profile created; calendar back.") },
    "awaiting-customer", N_("Please tell us a time we can connect to your laptop."),
    "fixed", N_("Recreated the Outlook profile; the shared calendar shows again."), NULL },
  /* 9 */
  { "NETWORK", N_("Wi-Fi"), 2, 2, "phone",
    N_("Wi-Fi slow in the meeting room"),
    N_("Video calls in the big meeting room freeze; the Wi-Fi shows one bar."),
    N_("We are looking at the access point in that room now."),
    { N_("Access point on channel 6 with heavy interference from the neighbours."),
      N_("Moved it to 5 GHz channel 44 and raised the power one step.") },
    NULL, NULL,
    "fixed", N_("Channel plan changed; speed test in the room 180 Mbit/s."), NULL },
  /* 10 */
  { "NETWORK", N_("Wi-Fi"), 3, 2, "email",
    N_("Guest Wi-Fi password not working"),
    N_("Visitors cannot join the guest network with the password on the reception card."),
    N_("We will check the guest network and send the current password."),
    { N_("The password rotated on the first of the month; the card is out of date."),
      N_("Sent the new card to print to reception.") },
    NULL, NULL,
    "advice", N_("Guest password rotates monthly; reception now gets the card by mail each month."), NULL },
  /* 11 */
  { "NETWORK", N_("LAN"), 2, 2, "phone",
    N_("Desk has no network connection"),
    N_("The computer at the front desk shows “no internet”; the phone on the same desk works."),
    N_("We are checking the switch port for that desk."),
    { N_("Switch port up but errors climbing; cable suspected."),
      N_("Asked the office to swap the patch cable for a spare from the cupboard.") },
    "awaiting-customer", N_("Could someone swap the blue cable under the desk with a spare one?"),
    "fixed", N_("Faulty patch cable replaced; no more errors on the port."), NULL },
  /* 12 */
  { "BACKUP", N_("Backup"), 2, 2, "monitoring",
    N_("Nightly backup failed on the file server"),
    N_("Monitoring: backup job “Fileserver nightly” ended with errors."),
    N_("Our monitoring caught a failed backup last night; we are on it."),
    { N_("Job failed on VSS snapshot timeout."),
      N_("Restarted the VSS writers and ran the job by hand; it completed.") },
    NULL, NULL,
    "fixed", N_("VSS writers restarted; manual run and the next nightly run both succeeded."), NULL },
  /* 13 */
  { "BACKUP", N_("Backup"), 2, 3, "monitoring",
    N_("Backups failing: off-site copy not uploading"),
    N_("The off-site copy has not uploaded for three nights."),
    N_("The off-site copy is behind; we are working on it with the provider."),
    { N_("Upload stalls at the provider's endpoint; their status page shows degraded storage."),
      N_("Ticket raised with the backup provider.") },
    "awaiting-supplier", N_("Waiting for the backup provider to fix their storage region."),
    "supplier-fixed", N_("The provider fixed their storage region; the copy caught up over the weekend."), NULL },
  /* 14 */
  { "BACKUP", N_("Restore"), 2, 1, "phone",
    N_("Restore a deleted project folder"),
    N_("A project folder was deleted by mistake yesterday afternoon; needed for a deadline."),
    N_("We are restoring the folder from last night's backup now."),
    { N_("Folder found in last night's backup, 4.2 GB."),
      N_("Restored to the original place; asked the user to check.") },
    NULL, NULL,
    "fixed", N_("Folder restored from the nightly backup; the user confirmed all files are there."), NULL },
  /* 15 */
  { "ENDPOINT", N_("Laptop"), 2, 1, "phone",
    N_("Laptop won't boot after update"),
    N_("After last night's updates the laptop shows a blue screen and restarts over and over."),
    N_("We are sorry. Please bring the laptop in or we will start a remote repair if it reaches the login."),
    { N_("Stuck in automatic repair loop; driver update for the storage controller suspected."),
      N_("Booted to recovery, rolled back the driver update.") },
    NULL, NULL,
    "fixed", N_("Storage driver rolled back and update paused for this model."), NULL },
  /* 16 */
  { "ENDPOINT", N_("Laptop"), 3, 2, "walk-in",
    N_("Laptop battery drains in an hour"),
    N_("The laptop is only two years old but the battery lasts an hour."),
    N_("We will check the battery health and the warranty."),
    /* xgettext:no-c-format */
    { N_("Battery at 41 % of design capacity; under warranty."),
      N_("Replacement ordered from the manufacturer.") },
    "awaiting-supplier", N_("Waiting for the replacement battery from the manufacturer."),
    "supplier-fixed", N_("Battery replaced under warranty."), NULL },
  /* 17 */
  { "ENDPOINT", N_("Security"), 2, 2, "monitoring",
    N_("Antivirus reports threat on a desktop"),
    N_("Endpoint protection quarantined a file on a reception desktop."),
    N_("Our protection software blocked a suspicious file; we are checking the computer."),
    { N_("Adware bundled with a PDF converter; quarantined before it ran."),
      N_("Full scan clean; removed the converter.") },
    NULL, NULL,
    "fixed", N_("Threat quarantined, unwanted software removed, full scan clean."), NULL },
  /* 18 */
  { "ENDPOINT", N_("Phone"), 3, 3, "email",
    N_("New phone needs company mail and apps"),
    N_("Got a new phone and would like to move the company apps over."),
    N_("We will send you the enrolment link."),
    { N_("Sent enrolment instructions."),
      N_("Device enrolled and compliant; old phone wiped.") },
    "awaiting-customer", N_("Please follow the link on the new phone and tell us when done."),
    "advice", N_("Phone enrolled; old phone retired from management."), NULL },
  /* 19 */
  { "M365", N_("Licences"), 3, 2, "email",
    N_("New starter needs a Microsoft 365 licence"),
    N_("Please set up an account and licence for a colleague starting next week."),
    N_("We will create the account and let you know the first password by phone."),
    { N_("Business Standard licence assigned from the spare pool."),
      N_("Account created, MFA enrolment sent.") },
    NULL, NULL,
    "fixed", N_("Account and licence ready; password given by phone."), NULL },
  /* 20 */
  { "M365", N_("Licences"), 3, 3, "email",
    N_("Licence still charged for a leaver"),
    N_("The invoice still shows a licence for a colleague who left in the spring."),
    N_("Thanks, we will check the licence assignments."),
    { N_("Mailbox converted to shared months ago but licence kept by mistake."),
      N_("Licence removed; credit requested from the distributor.") },
    "awaiting-supplier", N_("Waiting for the distributor to confirm the credit."),
    "supplier-fixed", N_("Licence removed and credited on the next invoice."), NULL },
  /* 21 */
  { "HELPDESK", N_("Applications"), 2, 2, "phone",
    N_("Excel crashes when opening the budget file"),
    N_("Excel closes straight away when opening the shared budget workbook."),
    N_("We will connect to your computer to look at Excel."),
    { N_("Crash in a COM add-in of the old PDF tool."),
      N_("Disabled the add-in; file opens.") },
    NULL, NULL,
    "fixed", N_("Disabled the outdated add-in; Excel opens the file normally."), NULL },
  /* 22 */
  { "HELPDESK", N_("Accounts"), 2, 1, "phone",
    N_("Locked out of the computer"),
    N_("Typed the wrong password too often after the holidays; account locked."),
    N_("We are unlocking your account now; stay on the line."),
    { N_("Account unlocked, password reset with the user on the phone."),
      NULL },
    NULL, NULL,
    "fixed", N_("Account unlocked and password changed."), NULL },
  /* 23 */
  { "HELPDESK", N_("Hardware"), 3, 3, "walk-in",
    N_("Second monitor flickers"),
    N_("The right-hand monitor flickers every few seconds."),
    N_("We will bring a spare cable and check the monitor."),
    { N_("Swapped the display cable; still flickers."),
      N_("Monitor faulty; replaced from stock.") },
    NULL, NULL,
    "fixed", N_("Monitor replaced from stock."), NULL },
  /* 24 */
  { "HELPDESK", N_("Applications"), 3, 2, "email",
    N_("Teams calls have no sound"),
    N_("In Teams meetings nobody hears me, although the headset works elsewhere."),
    N_("We will look at your audio settings in a remote session."),
    { N_("Teams set to the laptop's disabled microphone after a driver update."),
      N_("Selected the headset and cleared the Teams cache.") },
    NULL, NULL,
    "advice", N_("Showed the user how to choose the device in Teams' settings."), NULL },
  /* 25 */
  { "HELPDESK", N_("Scanning"), 3, 2, "phone",
    N_("Scan to email stopped working"),
    N_("The copier no longer sends scans to email."),
    N_("We will check the copier's mail settings."),
    { N_("Copier used basic authentication, now switched off by Microsoft."),
      N_("Set the copier to send through the SMTP relay.") },
    NULL, NULL,
    "change", N_("Copier now sends through the office's SMTP relay."), NULL },
  /* 26 */
  { "WEB", N_("Website"), 2, 1, "monitoring",
    N_("Website slow to load"),
    N_("Monitoring: home page response time above 5 s for 15 minutes."),
    N_("Our monitoring shows the website is slow; we are looking into it."),
    { N_("A crawler hitting the search page 20 times a second."),
      N_("Rate limit added for the crawler's address range.") },
    NULL, NULL,
    "fixed", N_("Rate limit in place; response times back below 400 ms."), NULL },
  /* 27 */
  { "WEB", N_("Website"), 3, 2, "email",
    N_("Contact form mails not arriving"),
    N_("Nobody has received a mail from the website's contact form for a week."),
    N_("We will test the form and the mail delivery."),
    { N_("Form mails rejected by the mail service: sender not authorised."),
      N_("Form now sends through an authenticated account.") },
    NULL, NULL,
    "fixed", N_("Contact form sends through an authenticated mailbox; test mails arrive."), NULL },
  /* 28 */
  { "WEB", N_("Website"), 2, 2, "supplier-notice",
    N_("Hosting provider maintenance caused downtime"),
    N_("The hosting provider announced unplanned maintenance; the site was down 40 minutes."),
    N_("The site was briefly down because of our hosting provider's maintenance; it is back."),
    { N_("Confirmed site up; checked the database for errors."),
      NULL },
    "awaiting-supplier", N_("Asked the provider for their incident report."),
    "supplier-fixed", N_("Provider's maintenance finished; site up; report received."), NULL },
  /* 29 */
  { "ERP", N_("Business application"), 2, 2, "phone",
    N_("Invoices print without the logo"),
    N_("Since the weekend the invoices print without the company logo."),
    N_("We are checking the report templates on the server."),
    { N_("Logo path points to a share moved during maintenance."),
      N_("Updated the path in the template.") },
    NULL, NULL,
    "fixed", N_("Template path corrected; invoices print with the logo again."), NULL },
  /* 30 */
  { "ERP", N_("Business application"), 2, 1, "phone",
    N_("Stock application very slow in the morning"),
    N_("Every morning between 8 and 9 the stock application takes a minute per screen."),
    N_("We will look at the server's load in the morning."),
    { N_("Database index maintenance scheduled at 08:00 by mistake."),
      N_("Moved the maintenance job to 02:00.") },
    NULL, NULL,
    "change", N_("Maintenance job moved to the night."), NULL },
  /* 31 */
  { "FIREWALL", N_("Web filtering"), 3, 2, "email",
    N_("Web filter blocks a supplier's portal"),
    N_("The supplier's ordering portal shows “blocked by policy”."),
    N_("We will look at the filter's category for that site."),
    { N_("Portal newly registered domain, categorised as “uncategorised/risky”."),
      N_("Added to the allow list and asked the filter vendor to recategorise.") },
    NULL, NULL,
    "fixed", N_("Site added to the allow list."), NULL },
};

/* Major incidents: written once each, at fixed places in the history. */
static const Scenario major_scenarios[] = {
  { "NETWORK", N_("Outage"), 1, 1, "monitoring",
    N_("Internet outage at the main office"),
    N_("Monitoring: the office's internet line and the backup 4G link both down."),
    N_("The office is offline; we are on it and will update you every 30 minutes."),
    { N_("Line provider confirms a cut fibre in the street; 4G router lost power in the same event."),
      N_("Brought a 4G hotspot on site for the reception and the tills.") },
    "awaiting-supplier", N_("Line provider's engineers are repairing the fibre."),
    "supplier-fixed", N_("Fibre repaired by the line provider; 4G router moved to the UPS."), NULL },
  { "EMAIL", N_("Outage"), 1, 1, "phone",
    N_("Email not delivered for all users"),
    N_("Since 9:40 no mail arrives for anybody; sending works."),
    N_("We know mail is not arriving and are working on it; next update in 30 minutes."),
    { N_("MX record changed by the domain registrar's automatic renewal."),
      N_("Restored the MX record; mail queued at senders is coming in.") },
    NULL, NULL,
    "fixed", N_("MX record restored and locked at the registrar; queued mail delivered."), NULL },
  { "BACKUP", N_("Security"), 1, 1, "monitoring",
    N_("Ransomware alert on the file server"),
    N_("Endpoint protection stopped a process encrypting files on the file server share."),
    N_("We have isolated the file server as a precaution and are assessing the damage."),
    { N_("One workstation ran the payload; 312 files encrypted before it was stopped."),
      N_("Workstation reimaged; encrypted files restored from the 12:00 snapshot.") },
    NULL, NULL,
    "fixed", N_("Files restored from the snapshot, workstation reimaged, all passwords of the user reset."), NULL },
};

/* Incidents still open at "now", with their SLA situation fixed by the
 * offsets: the firewall and web services run on the 24×7 calendar, so
 * their clocks do not depend on the hour the sample is loaded. */
typedef struct
{
  const Scenario *scenario;
  guint       impact;           /* 0: the scenario's */
  guint       urgency;
  gboolean    major;
  int         opened_ago;       /* minutes before now */
  int         responded_after;  /* minutes after opening; -1: not yet */
  const char *hold;             /* on hold now, or NULL */
  int         held_ago;         /* minutes before now */
} OpenSample;

static const OpenSample open_samples[] = {
  /* Breached: an on-hold for the supplier does not stop the clock. */
  { &scenarios[28], 2, 2, FALSE, 4380, 25, "awaiting-supplier", 2900 },
  { &scenarios[13], 0, 0, FALSE, 3000, 40, "awaiting-supplier", 1500 },
  { &scenarios[8], 0, 0, FALSE, 2900, 90, "awaiting-customer", 1400 },
  { &scenarios[0], 0, 0, FALSE, 1600, 12, "awaiting-customer", 300 },
  /* At risk: priority 3 on the firewall, 1,320 of 1,440 minutes gone. */
  { &scenarios[2], 2, 2, FALSE, 1320, 30, NULL, 0 },
  /* Breached: priority 2 on the website, 960 of 720 minutes. */
  { &scenarios[27], 1, 2, FALSE, 960, 45, NULL, 0 },
  { &scenarios[16], 0, 0, FALSE, 700, 35, NULL, 0 },
  { &scenarios[19], 0, 0, FALSE, 400, 60, NULL, 0 },
  { &scenarios[15], 0, 0, FALSE, 180, 10, NULL, 0 },
  { &major_scenarios[0], 0, 0, TRUE, 50, 5, NULL, 0 },
  { &scenarios[31], 0, 0, FALSE, 120, -1, NULL, 0 },
  { &scenarios[30], 0, 0, FALSE, 35, -1, NULL, 0 },
  { &scenarios[24], 0, 0, FALSE, 20, -1, NULL, 0 },
};

static const char * const contacts[] = {
  "James Whitfield", "Aisha Rahman", "Peter Novak", "Grace Lee", "Oliver Grant",
  "Hannah Kowalski", "Samuel Adeyemi", "Chloe Martin", "Ravi Patel", "Emma Fischer",
};

static const char * const generic_notes[] = {
  N_("Checked the event logs; nothing else unusual."),
  N_("Remote session with the user to reproduce the problem."),
  N_("Looked for known issues with the vendor; none matching."),
  N_("Called the user back with an update."),
};

/* What happens to one incident of the history, in minutes after it
 * was opened. */
typedef enum
{
  PLAN_NORMAL,
  PLAN_REOPEN,
  PLAN_CANCEL,
  PLAN_DUPLICATED,   /* followed by a duplicate of it */
} PlanKind;

typedef struct
{
  const Scenario *scenario;
  PlanKind        kind;
  gboolean        major;
  gint64          opened_ms;
  gint64          respond;       /* minutes after opening */
  gint64          notes[2];
  gint64          hold;          /* 0: no hold */
  gint64          resume;
  const char     *hold_reason;
  gint64          resolve;
  gint64          reopen;        /* PLAN_REOPEN only */
  gint64          resolve_again;
  gint64          close;
  guint           contact;       /* index in contacts[], or G_MAXUINT: the customer's */
  guint           generic_note;
  guint           customer_pick;
} Plan;

typedef struct
{
  SbTransaction    *tx;
  SbStore          *store;
  GRand            *rand;
  SbPriorityMatrix *matrix;
  GHashTable       *services;    /* code → SbService */
  gint64            now_ms;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->rand, g_rand_free);
  g_clear_pointer (&loader->matrix, sb_priority_matrix_free);
  g_clear_pointer (&loader->services, g_hash_table_unref);
}

static gint64
rand_minutes (Loader *loader,
              double  from,
              double  to)
{
  if (to <= from)
    return (gint64)from;

  return (gint64)g_rand_double_range (loader->rand, from, to);
}

static SbService *
lookup_service (Loader      *loader,
                const char  *code,
                GError     **error)
{
  SbService *service = g_hash_table_lookup (loader->services, code);

  if (service != NULL)
    return service;

  service = sb_catalog_find_service (loader->store, code);
  if (service == NULL)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_INVALID,
                   "The sample service %s is missing", code);
      return NULL;
    }

  g_hash_table_insert (loader->services, (gpointer)code, service);

  return service;
}

static void
plan_times (Loader   *loader,
            Plan     *plan,
            SbService *service)
{
  guint priority = sb_priority_matrix_get (loader->matrix, plan->scenario->impact,
                                           plan->scenario->urgency);
  double response = sb_service_get_response_target (service, priority);
  double resolution = sb_service_get_resolution_target (service, priority);
  gboolean late = g_rand_int_range (loader->rand, 0, 100) < 12;
  gint64 t;

  if (response <= 0)
    response = 240;
  if (resolution <= 0)
    resolution = 4 * 1440;

  /* Most answers come well within the target, a few late. */
  if (g_rand_int_range (loader->rand, 0, 100) < 8)
    plan->respond = rand_minutes (loader, response * 1.2, response * 2.5);
  else
    plan->respond = rand_minutes (loader, 2, MAX (5, response * 0.7));
  t = plan->respond;

  for (guint i = 0; i < G_N_ELEMENTS (plan->notes); i++)
    {
      t += rand_minutes (loader, 10, MAX (30, resolution * 0.12));
      plan->notes[i] = t;
    }

  plan->hold_reason = NULL;
  if (plan->scenario->hold != NULL && g_rand_int_range (loader->rand, 0, 100) < 70)
    plan->hold_reason = plan->scenario->hold;
  else if (g_rand_int_range (loader->rand, 0, 100) < 10)
    plan->hold_reason = "awaiting-customer";

  if (plan->hold_reason != NULL)
    {
      plan->hold = t + rand_minutes (loader, 5, 60);
      plan->resume = plan->hold + rand_minutes (loader, 90, 3 * 1440);
      t = plan->resume;
    }

  if (late)
    plan->resolve = MAX (t + 30, (gint64)rand_minutes (loader, resolution * 1.6, resolution * 3.5));
  else
    plan->resolve = t + rand_minutes (loader, 15, MAX (30, resolution * 0.5));
  t = plan->resolve;

  if (plan->kind == PLAN_REOPEN)
    {
      plan->reopen = t + rand_minutes (loader, 600, 2880);
      plan->resolve_again = plan->reopen + rand_minutes (loader, 60, 480);
      t = plan->resolve_again;
    }

  plan->close = t + rand_minutes (loader, 2 * 1440, 5 * 1440);
}

/* A weekday working hour somewhere in the last six months. */
static gint64
plan_opened (Loader *loader)
{
  gint64 day = g_rand_int_range (loader->rand, 2, 182);
  gint64 ms = loader->now_ms - day * DAY;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (ms / 1000);
  int weekday = g_date_time_get_day_of_week (when);
  gint64 midnight;

  /* Most calls come in on weekdays. */
  if (weekday >= 6 && g_rand_int_range (loader->rand, 0, 100) < 85)
    ms -= (weekday - 5) * DAY;

  midnight = ms - ms % DAY;
  return midnight + rand_minutes (loader, 8 * 60, 17 * 60 + 30) * MINUTE +
         g_rand_int_range (loader->rand, 0, 60) * 1000;
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const Plan *pa = a;
  const Plan *pb = b;

  return (pa->opened_ms > pb->opened_ms) - (pa->opened_ms < pb->opened_ms);
}

static gboolean
customer_is_active (Loader     *loader,
                    const char *id)
{
  sqlite3_stmt *stmt = sb_store_prepare (loader->store,
                                         "SELECT status FROM customer WHERE id = ?", NULL);
  gboolean active = TRUE;

  if (stmt == NULL)
    return TRUE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    active = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "inactive") != 0;
  sqlite3_reset (stmt);

  return active;
}

static char *
customer_contact (Loader     *loader,
                  const char *id)
{
  sqlite3_stmt *stmt = sb_store_prepare (loader->store,
                                         "SELECT contact_person FROM customer WHERE id = ?", NULL);
  char *contact = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    contact = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return contact;
}

/* A customer of the service; the inactive one only for incidents from
 * before its contract ended (older than three months). */
static const char *
pick_customer (Loader    *loader,
               SbService *service,
               guint      pick,
               gint64     opened_ms)
{
  const char * const *ids = sb_service_get_customer_ids (service);
  guint n = ids != NULL ? g_strv_length ((char **)ids) : 0;

  if (n == 0)
    return NULL;

  for (guint k = 0; k < n; k++)
    {
      const char *id = ids[(pick + k) % n];

      if (opened_ms < loader->now_ms - 90 * DAY || customer_is_active (loader, id))
        return id;
    }

  return NULL;
}

static SbIncident *
write_opened (Loader          *loader,
              const Scenario  *scenario,
              SbService       *service,
              guint            impact,
              guint            urgency,
              gboolean         major,
              gint64           opened_ms,
              guint            customer_pick,
              guint            contact,
              const char      *channel,
              GError         **error)
{
  g_autoptr(SbIncident) draft = sb_incident_new ();
  g_autofree char *customer_person = NULL;
  const char *customer_id = pick_customer (loader, service, customer_pick, opened_ms);

  sb_incident_set_title (draft, _(scenario->title));
  sb_incident_set_description (draft, _(scenario->description));
  sb_incident_set_service_id (draft, sb_service_get_id (service));
  sb_incident_set_customer_id (draft, customer_id);
  sb_incident_set_channel (draft, channel);
  sb_incident_set_category (draft, _(scenario->category));
  sb_incident_set_impact (draft, impact != 0 ? impact : scenario->impact);
  sb_incident_set_urgency (draft, urgency != 0 ? urgency : scenario->urgency);
  sb_incident_set_major (draft, major);
  sb_incident_set_opened_ms (draft, opened_ms);

  if (contact < G_N_ELEMENTS (contacts) || customer_id == NULL)
    sb_incident_set_contact (draft, contacts[contact % G_N_ELEMENTS (contacts)]);
  else
    {
      customer_person = customer_contact (loader, customer_id);
      sb_incident_set_contact (draft, customer_person);
    }

  if (!sb_incidents_create_in (loader->tx, draft, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&draft);
}

/* Each step reads the incident again, so the write path checks the
 * transition against what is really stored. */
static gboolean
transition (Loader           *loader,
            const char       *id,
            SbIncidentStatus  to,
            const char       *detail,
            const Scenario   *resolved_with,
            gint64            at_ms,
            GError          **error)
{
  g_autoptr(SbIncident) incident = sb_incidents_read (loader->store, id, error);

  if (incident == NULL)
    return FALSE;

  if (resolved_with != NULL)
    {
      sb_incident_set_resolution_code (incident, resolved_with->code);
      sb_incident_set_resolution_notes (incident, _(resolved_with->resolution));
      if (resolved_with->workaround != NULL)
        sb_incident_set_workaround (incident, _(resolved_with->workaround));
    }

  return sb_incidents_transition_in (loader->tx, incident, to, detail, at_ms, error);
}

static gboolean
note (Loader      *loader,
      const char  *id,
      gint64       at_ms,
      gboolean     customer_visible,
      const char  *text,
      guint        minutes,
      GError     **error)
{
  if (text == NULL)
    return TRUE;

  return sb_incidents_append_in (loader->tx, id, at_ms, SB_INCIDENT_EVENT_NOTE, customer_visible,
                                 NULL, NULL, NULL, _(text), minutes, error);
}

static gboolean
write_plan (Loader      *loader,
            Plan        *plan,
            char       **out_id,
            GError     **error)
{
  const Scenario *s = plan->scenario;
  SbService *service = lookup_service (loader, s->service, error);
  g_autoptr(SbIncident) incident = NULL;
  const char *id;
  gint64 t0 = plan->opened_ms;
  guint minutes = g_rand_int_range (loader->rand, 1, 4) * 15;

  if (service == NULL)
    return FALSE;

  incident = write_opened (loader, s, service, 0, 0, plan->major, t0, plan->customer_pick,
                           plan->contact, s->channel, error);
  if (incident == NULL)
    return FALSE;
  id = sb_incident_get_id (incident);
  if (out_id != NULL)
    *out_id = g_strdup (id);

  if (!transition (loader, id, SB_INCIDENT_IN_PROGRESS, NULL, NULL, t0 + plan->respond * MINUTE, error) ||
      !note (loader, id, t0 + plan->respond * MINUTE, TRUE, s->response, 5, error))
    return FALSE;

  if (plan->kind == PLAN_CANCEL)
    return transition (loader, id, SB_INCIDENT_CANCELLED, NULL, NULL, t0 + plan->notes[0] * MINUTE, error) &&
           note (loader, id, t0 + plan->notes[0] * MINUTE, TRUE,
                 N_("The user found the cause themselves; nothing left for us to do."), 0, error);

  if (!note (loader, id, t0 + plan->notes[0] * MINUTE, FALSE, s->work[0], minutes, error) ||
      !note (loader, id, t0 + plan->notes[1] * MINUTE, FALSE,
             s->work[1] != NULL ? s->work[1] : generic_notes[plan->generic_note], minutes, error))
    return FALSE;

  if (plan->hold_reason != NULL)
    {
      gboolean for_customer = g_str_equal (plan->hold_reason, "awaiting-customer");
      const char *hold_note = s->hold_note;

      if (hold_note == NULL || g_strcmp0 (s->hold, plan->hold_reason) != 0)
        hold_note = N_("Asked the user to try again and tell us whether it still happens.");

      if (!transition (loader, id, SB_INCIDENT_ON_HOLD, plan->hold_reason, NULL,
                       t0 + plan->hold * MINUTE, error) ||
          !note (loader, id, t0 + plan->hold * MINUTE, for_customer, hold_note, 0, error) ||
          !transition (loader, id, SB_INCIDENT_IN_PROGRESS, NULL, NULL, t0 + plan->resume * MINUTE, error) ||
          !note (loader, id, t0 + plan->resume * MINUTE, FALSE,
                 for_customer ? N_("The customer answered; carrying on.")
                              : N_("The supplier came back to us; carrying on."),
                 5, error))
        return FALSE;
    }

  if (!transition (loader, id, SB_INCIDENT_RESOLVED, s->code, s, t0 + plan->resolve * MINUTE, error))
    return FALSE;

  if (plan->kind == PLAN_REOPEN)
    {
      if (!transition (loader, id, SB_INCIDENT_IN_PROGRESS, NULL, NULL, t0 + plan->reopen * MINUTE, error) ||
          !note (loader, id, t0 + plan->reopen * MINUTE, TRUE,
                 N_("The customer called: the problem is back. Reopened."), 10, error) ||
          !note (loader, id, t0 + (plan->reopen + plan->resolve_again) / 2 * MINUTE, FALSE,
                 N_("Found a second cause the first fix did not cover."), 45, error) ||
          !transition (loader, id, SB_INCIDENT_RESOLVED, s->code, s, t0 + plan->resolve_again * MINUTE, error))
        return FALSE;
    }

  if (t0 + plan->close * MINUTE < loader->now_ms &&
      !transition (loader, id, SB_INCIDENT_CLOSED, NULL, NULL, t0 + plan->close * MINUTE, error))
    return FALSE;

  return TRUE;
}

/* The same call logged twice: the second is marked a duplicate. */
static gboolean
write_duplicate (Loader      *loader,
                 Plan        *original,
                 const char  *original_id,
                 GError     **error)
{
  const Scenario *s = original->scenario;
  SbService *service = lookup_service (loader, s->service, error);
  g_autoptr(SbIncident) incident = NULL;
  gint64 opened_ms = original->opened_ms + 12 * MINUTE;

  if (service == NULL)
    return FALSE;

  incident = write_opened (loader, s, service, 0, 0, FALSE, opened_ms, original->customer_pick,
                           (original->contact + 1) % G_N_ELEMENTS (contacts), "email", error);
  if (incident == NULL)
    return FALSE;

  return transition (loader, sb_incident_get_id (incident), SB_INCIDENT_DUPLICATE, original_id,
                     NULL, opened_ms + 20 * MINUTE, error) &&
         note (loader, sb_incident_get_id (incident), opened_ms + 20 * MINUTE, FALSE,
               N_("Same call as the one logged by phone a few minutes earlier."), 0, error);
}

static gboolean
write_history (Loader  *loader,
               GError **error)
{
  g_autoptr(GArray) plans = g_array_sized_new (FALSE, TRUE, sizeof (Plan), N_HISTORICAL);

  for (guint i = 0; i < N_HISTORICAL; i++)
    {
      Plan plan = { 0 };
      SbService *service;
      gint64 latest;

      if (i % 60 == 30)
        {
          plan.scenario = &major_scenarios[(i / 60) % G_N_ELEMENTS (major_scenarios)];
          plan.major = TRUE;
        }
      else
        plan.scenario = &scenarios[g_rand_int_range (loader->rand, 0, G_N_ELEMENTS (scenarios))];

      if (i == 17 || i == 77 || i == 137)
        plan.kind = PLAN_REOPEN;
      else if (i == 45 || i == 120)
        plan.kind = PLAN_CANCEL;
      else if (i == 60 || i == 160)
        plan.kind = PLAN_DUPLICATED;
      else
        plan.kind = PLAN_NORMAL;

      service = lookup_service (loader, plan.scenario->service, error);
      if (service == NULL)
        return FALSE;

      plan.opened_ms = plan_opened (loader);
      plan_times (loader, &plan, service);
      plan.customer_pick = g_rand_int_range (loader->rand, 0, 12);
      plan.contact = g_rand_int_range (loader->rand, 0, 100) < 40
                       ? G_MAXUINT
                       : (guint)g_rand_int_range (loader->rand, 0, G_N_ELEMENTS (contacts));
      plan.generic_note = g_rand_int_range (loader->rand, 0, G_N_ELEMENTS (generic_notes));

      /* Everything of the history is resolved by now: move an incident
       * back when its timeline would reach the present. */
      latest = plan.opened_ms +
               (plan.kind == PLAN_REOPEN ? plan.resolve_again : plan.resolve) * MINUTE;
      if (latest > loader->now_ms - 30 * MINUTE)
        plan.opened_ms -= latest - (loader->now_ms - 30 * MINUTE) +
                          rand_minutes (loader, 0, 600) * MINUTE;

      g_array_append_val (plans, plan);
    }

  g_array_sort (plans, compare_plans);

  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = &g_array_index (plans, Plan, i);
      g_autofree char *id = NULL;

      if (!write_plan (loader, plan, &id, error))
        return FALSE;

      if (plan->kind == PLAN_DUPLICATED && !write_duplicate (loader, plan, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_open (Loader           *loader,
            const OpenSample *sample,
            guint             index,
            GError          **error)
{
  const Scenario *s = sample->scenario;
  SbService *service = lookup_service (loader, s->service, error);
  g_autoptr(SbIncident) incident = NULL;
  gint64 t0 = loader->now_ms - sample->opened_ago * MINUTE;
  const char *id;

  if (service == NULL)
    return FALSE;

  incident = write_opened (loader, s, service, sample->impact, sample->urgency, sample->major, t0,
                           index, index, s->channel, error);
  if (incident == NULL)
    return FALSE;
  id = sb_incident_get_id (incident);

  if (sample->responded_after < 0)
    return TRUE;

  if (!transition (loader, id, SB_INCIDENT_IN_PROGRESS, NULL, NULL,
                   t0 + sample->responded_after * MINUTE, error) ||
      !note (loader, id, t0 + sample->responded_after * MINUTE, TRUE, s->response, 5, error) ||
      !note (loader, id, t0 + (sample->responded_after + 20) * MINUTE, FALSE, s->work[0], 20, error))
    return FALSE;

  if (sample->hold != NULL)
    {
      gint64 at = loader->now_ms - sample->held_ago * MINUTE;
      const char *hold_note = s->hold_note;

      if (hold_note == NULL || g_strcmp0 (s->hold, sample->hold) != 0)
        hold_note = N_("Asked the user to try again and tell us whether it still happens.");

      if (!transition (loader, id, SB_INCIDENT_ON_HOLD, sample->hold, NULL, at, error) ||
          !note (loader, id, at, g_str_equal (sample->hold, "awaiting-customer"), hold_note, 0, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
book_has_incidents (SbStore *store)
{
  sqlite3_stmt *stmt = sb_store_prepare (store, "SELECT 1 FROM incident WHERE deleted = 0 LIMIT 1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/**
 * sb_incidents_load_sample:
 * @tx: the open transaction of sb_sample_data_load(), after the sample
 *   catalogue
 * @error: return location for a #GError
 *
 * Writes about 200 sample incidents over the six months before the
 * store's "now", thirteen of them still open. A book that already has
 * incidents is left as it is, so loading the sample twice adds nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_incidents_load_sample (SbTransaction  *tx,
                          GError        **error)
{
  Loader loader = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (tx != NULL, FALSE);

  loader.tx = tx;
  loader.store = sb_transaction_get_store (tx);

  if (book_has_incidents (loader.store))
    return TRUE;

  loader.rand = g_rand_new_with_seed (SAMPLE_SEED);
  loader.matrix = sb_catalog_get_priority_matrix (loader.store);
  loader.services = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  loader.now_ms = sb_store_now_ms (loader.store);
  /* Whole seconds, like a person's log. */
  loader.now_ms -= loader.now_ms % 1000;

  ok = write_history (&loader, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (open_samples); i++)
    ok = write_open (&loader, &open_samples[i], i, error);

  loader_clear (&loader);

  return ok;
}
