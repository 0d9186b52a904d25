/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sb-catalog-private.h"

/*
 * Support calendars: each is a `calendar` record holding its name and its
 * sb_calendar_to_string() text. The built-in 24×7 and office-hours
 * calendars are written through the write path the first time an empty
 * book lists its calendars, so they sync and can be edited like any other.
 */

struct _SbCalendarItem
{
  GObject     parent_instance;

  char       *id;
  char       *summary;
  SbCalendar *calendar;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_CALENDAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbCalendarItem, sb_calendar_item, G_TYPE_OBJECT)

static void
sb_calendar_item_finalize (GObject *object)
{
  SbCalendarItem *self = SB_CALENDAR_ITEM (object);

  g_free (self->id);
  g_free (self->summary);
  g_clear_pointer (&self->calendar, sb_calendar_unref);

  G_OBJECT_CLASS (sb_calendar_item_parent_class)->finalize (object);
}

static void
sb_calendar_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SbCalendarItem *self = SB_CALENDAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, sb_calendar_item_get_name (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_CALENDAR:
      g_value_set_boxed (value, self->calendar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_calendar_item_class_init (SbCalendarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_calendar_item_finalize;
  object_class->get_property = sb_calendar_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_CALENDAR] = g_param_spec_boxed ("calendar", NULL, NULL, SB_TYPE_CALENDAR, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_calendar_item_init (SbCalendarItem *self)
{
}

SbCalendarItem *
sb_calendar_item_new (const char *id,
                      SbCalendar *calendar,
                      const char *summary)
{
  SbCalendarItem *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  self = g_object_new (SB_TYPE_CALENDAR_ITEM, NULL);
  self->id = g_strdup (id);
  self->calendar = sb_calendar_ref (calendar);
  self->summary = g_strdup (summary);

  return self;
}

const char *
sb_calendar_item_get_id (SbCalendarItem *self)
{
  g_return_val_if_fail (SB_IS_CALENDAR_ITEM (self), NULL);

  return self->id;
}

const char *
sb_calendar_item_get_name (SbCalendarItem *self)
{
  g_return_val_if_fail (SB_IS_CALENDAR_ITEM (self), NULL);

  return sb_calendar_get_name (self->calendar);
}

/**
 * sb_calendar_item_get_summary:
 * @self: a calendar item
 *
 * Returns: the calendar in words, such as "Mon–Fri 09:00–17:00,
 *   Europe/Madrid, 12 holidays"
 */
const char *
sb_calendar_item_get_summary (SbCalendarItem *self)
{
  g_return_val_if_fail (SB_IS_CALENDAR_ITEM (self), NULL);

  return self->summary;
}

/**
 * sb_calendar_item_get_calendar:
 * @self: a calendar item
 *
 * Returns: (transfer none): the calendar; copy it before changing it
 */
SbCalendar *
sb_calendar_item_get_calendar (SbCalendarItem *self)
{
  g_return_val_if_fail (SB_IS_CALENDAR_ITEM (self), NULL);

  return self->calendar;
}

/* Describing a calendar in words */

static const char *
weekday_abbreviation (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:
      return C_("weekday", "Mon");
    case G_DATE_TUESDAY:
      return C_("weekday", "Tue");
    case G_DATE_WEDNESDAY:
      return C_("weekday", "Wed");
    case G_DATE_THURSDAY:
      return C_("weekday", "Thu");
    case G_DATE_FRIDAY:
      return C_("weekday", "Fri");
    case G_DATE_SATURDAY:
      return C_("weekday", "Sat");
    case G_DATE_SUNDAY:
      return C_("weekday", "Sun");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached ("");
    }
}

static char *
describe_day (SbCalendar   *calendar,
              GDateWeekday  weekday)
{
  const SbCalendarInterval *intervals;
  GString *out = g_string_new (NULL);
  guint n = 0;

  intervals = sb_calendar_get_intervals (calendar, weekday, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%02u:%02u–%02u:%02u", i > 0 ? ", " : "",
                            intervals[i].start_minute / 60, intervals[i].start_minute % 60,
                            intervals[i].end_minute / 60, intervals[i].end_minute % 60);

  return g_string_free (out, FALSE);
}

/**
 * sb_catalog_describe_calendar:
 * @calendar: a calendar
 *
 * Says in a line when a calendar is open: the weekdays grouped by equal
 * hours, the time zone and the number of holidays, such as
 * "Mon–Fri 09:00–17:00, Europe/Madrid, 12 holidays".
 *
 * Returns: (transfer full): the summary
 */
char *
sb_catalog_describe_calendar (SbCalendar *calendar)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char *days[7] = { NULL };
  gboolean around_the_clock = TRUE;
  guint n_holidays = 0;

  g_return_val_if_fail (calendar != NULL, NULL);

  for (guint i = 0; i < 7; i++)
    {
      days[i] = describe_day (calendar, G_DATE_MONDAY + i);
      if (!g_str_equal (days[i], "00:00–24:00"))
        around_the_clock = FALSE;
    }

  if (around_the_clock)
    g_string_append (out, _("Around the clock"));
  else
    {
      for (guint i = 0; i < 7;)
        {
          guint j = i;

          while (j + 1 < 7 && g_str_equal (days[j + 1], days[i]))
            j++;

          if (*days[i] != '\0')
            {
              if (out->len > 0)
                g_string_append (out, "; ");
              g_string_append (out, weekday_abbreviation (G_DATE_MONDAY + i));
              if (j > i)
                g_string_append_printf (out, "–%s", weekday_abbreviation (G_DATE_MONDAY + j));
              g_string_append_printf (out, " %s", days[i]);
            }
          i = j + 1;
        }

      if (out->len == 0)
        g_string_append (out, _("Never open"));
    }

  for (guint i = 0; i < 7; i++)
    g_free (days[i]);

  g_string_append_printf (out, ", %s", sb_calendar_get_time_zone_id (calendar));

  sb_calendar_get_holidays (calendar, &n_holidays);
  if (n_holidays > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u holiday", "%u holidays", n_holidays),
                              n_holidays);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The time zone of this computer */

static gboolean
zone_is_known (const char *id)
{
  g_autoptr(SbCalendar) probe = NULL;

  if (id == NULL || *id == '\0' || *id == '/')
    return FALSE;

  probe = sb_calendar_new (id, NULL);

  return probe != NULL;
}

/* "…/zoneinfo/Europe/Madrid" -> "Europe/Madrid" */
static char *
zone_from_path (const char *path)
{
  const char *found;

  if (path == NULL)
    return NULL;

  found = strstr (path, "zoneinfo/");
  if (found == NULL)
    return NULL;

  found += strlen ("zoneinfo/");
  /* Debian's "posix/" and "right/" trees hold the same zones. */
  if (g_str_has_prefix (found, "posix/"))
    found += strlen ("posix/");

  return g_strdup (found);
}

/**
 * sb_catalog_local_time_zone_id:
 *
 * Finds the IANA name of this computer's time zone, from `TZ`, the target
 * of `/etc/localtime` or `/etc/timezone`, so that a calendar in local
 * office hours keeps its meaning when the book moves to another computer.
 *
 * Returns: (transfer full): the zone, such as "Europe/Madrid"; "UTC" when
 *   it cannot be found
 */
char *
sb_catalog_local_time_zone_id (void)
{
  const char *tz = g_getenv ("TZ");
  g_autofree char *candidate = NULL;
  g_autofree char *link = NULL;
  g_autofree char *contents = NULL;

  if (tz != NULL && *tz != '\0')
    {
      if (*tz == ':')
        tz++;
      candidate = *tz == '/' ? zone_from_path (tz) : g_strdup (tz);
      if (zone_is_known (candidate))
        return g_steal_pointer (&candidate);
      g_clear_pointer (&candidate, g_free);
    }

  link = g_file_read_link ("/etc/localtime", NULL);
  candidate = zone_from_path (link);
  if (zone_is_known (candidate))
    return g_steal_pointer (&candidate);
  g_clear_pointer (&candidate, g_free);

  if (g_file_get_contents ("/etc/timezone", &contents, NULL, NULL))
    {
      g_strstrip (contents);
      if (zone_is_known (contents))
        return g_steal_pointer (&contents);
    }

  return g_strdup ("UTC");
}

/* Reading and writing */

static SbCalendarItem *
item_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(SbCalendar) calendar = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *summary = NULL;
  const char *id = (const char *)sqlite3_column_text (stmt, 0);
  const char *name = (const char *)sqlite3_column_text (stmt, 1);

  calendar = sb_calendar_new_from_string ((const char *)sqlite3_column_text (stmt, 2), &local_error);
  if (calendar == NULL)
    {
      g_set_error (error, SB_STORE_ERROR, SB_STORE_ERROR_CORRUPT,
                   _("The calendar “%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  summary = sb_catalog_describe_calendar (calendar);

  return sb_calendar_item_new (id, calendar, summary);
}

static gboolean
add_built_in_calendars (SbStore  *store,
                        GError  **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autoptr(SbCalendar) around = sb_calendar_new_24x7 ();
  g_autoptr(SbCalendar) office = NULL;
  g_autofree char *zone = sb_catalog_local_time_zone_id ();

  office = sb_calendar_new_office_hours (zone);
  if (office == NULL)
    office = sb_calendar_new_office_hours ("UTC");

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  /* Fixed ids: every device that creates them creates the same records,
   * so they merge on sync instead of doubling; and they are not the
   * user's records (sb_store_count_records() leaves them out). */
  return sb_catalog_save_calendar_in (tx, store, SB_STORE_BUILTIN_PREFIX "24x7", around, NULL, error) &&
         sb_catalog_save_calendar_in (tx, store, SB_STORE_BUILTIN_PREFIX "office-hours", office, NULL, error) &&
         sb_transaction_commit (tx, error);
}

static gboolean
book_has_calendars (SbStore   *store,
                    gboolean  *out_has,
                    GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Deleted ones count: a person who deleted the built-ins meant it. */
  stmt = sb_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM calendar)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *out_has = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return sb_catalog_step_error (store, rc, _("Reading the calendars"), error);

  return TRUE;
}

/**
 * sb_catalog_list_calendars:
 * @store: a store
 * @error: return location for a #GError
 *
 * Lists the live support calendars ordered by name, each with a summary
 * in words. A book that never had a calendar first gets the built-in
 * 24×7 and office-hours (in this computer's time zone) calendars.
 *
 * Returns: (transfer full) (nullable): a list model of #SbCalendarItem
 */
GListModel *
sb_catalog_list_calendars (SbStore  *store,
                           GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  gboolean has = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!book_has_calendars (store, &has, error))
    return NULL;
  if (!has && !sb_store_in_transaction (store) && !add_built_in_calendars (store, error))
    return NULL;

  stmt = sb_store_prepare (store,
                           "SELECT id, name, definition FROM calendar WHERE deleted = 0 "
                           "ORDER BY name COLLATE NOCASE, id",
                           error);
  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (SB_TYPE_CALENDAR_ITEM);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SbCalendarItem) item = item_from_row (stmt, error);

      if (item == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_list_store_append (list, item);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sb_catalog_step_error (store, rc, _("Reading the calendars"), error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * sb_catalog_get_calendar:
 * @store: a store
 * @id: (nullable): a calendar's id; %NULL for around the clock
 * @error: return location for a #GError
 *
 * Reads a live support calendar, as a service's SLA clock needs it.
 *
 * Returns: (transfer full) (nullable): the calendar, or %NULL with
 *   %SB_STORE_ERROR_INVALID when there is no live calendar @id
 */
SbCalendar *
sb_catalog_get_calendar (SbStore     *store,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(SbCalendarItem) item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id == NULL)
    return sb_calendar_new_24x7 ();

  stmt = sb_store_prepare (store,
                           "SELECT id, name, definition FROM calendar WHERE id = ? AND deleted = 0",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt, error);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    sb_catalog_invalid (error, _("There is no calendar with the id %s; it may have been deleted"), id);
  else if (rc != SQLITE_ROW)
    sb_catalog_step_error (store, rc, _("Reading the calendar"), error);

  if (item == NULL)
    return NULL;

  return sb_calendar_ref (item->calendar);
}

gboolean
sb_catalog_save_calendar_in (SbTransaction  *tx,
                             SbStore        *store,
                             const char     *id,
                             SbCalendar     *calendar,
                             char          **out_id,
                             GError        **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = sb_catalog_strip (sb_calendar_get_name (calendar));
  g_autofree char *definition = NULL;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  gboolean taken;
  int rc;

  if (name == NULL)
    return sb_catalog_invalid (error, _("The calendar needs a name: type one such as Office hours"));

  if (!sb_calendar_validate (calendar, &local_error))
    return sb_catalog_invalid (error, _("The calendar “%s” cannot be saved: %s"), name, local_error->message);

  stmt = sb_store_prepare (store,
                           "SELECT 1 FROM calendar WHERE deleted = 0 AND name = ? COLLATE NOCASE "
                           "AND id IS NOT ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  taken = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking the calendar’s name"), error);
  if (taken)
    return sb_catalog_invalid (error, _("Another calendar is already called “%s”: choose a different name"), name);

  if (id != NULL && !sb_catalog_record_exists (store, "calendar", id, FALSE, &exists, error))
    return FALSE;

  if (id == NULL)
    change = sb_change_insert ("calendar");
  else if (exists)
    change = sb_change_update ("calendar", id);
  else
    change = sb_change_insert_with_id ("calendar", id);

  definition = sb_calendar_to_string (calendar);
  sb_change_set_string (change, "name", name);
  sb_change_set_string (change, "definition", definition);

  if (!sb_transaction_apply (tx, change, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_strdup (sb_change_get_id (change));

  return TRUE;
}

/**
 * sb_catalog_save_calendar:
 * @store: a store
 * @id: (nullable): the calendar's id; %NULL for a new calendar
 * @calendar: the calendar
 * @out_id: (out) (optional) (transfer full): the calendar's id
 * @error: return location for a #GError
 *
 * Checks a calendar (a name unique among live calendars, some open hours,
 * well-formed intervals) and writes it through the write path.
 *
 * Returns: %TRUE on success; %FALSE with %SB_STORE_ERROR_INVALID and
 *   nothing written when a rule is broken
 */
gboolean
sb_catalog_save_calendar (SbStore     *store,
                          const char  *id,
                          SbCalendar  *calendar,
                          char       **out_id,
                          GError     **error)
{
  g_autoptr(SbTransaction) tx = NULL;
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tx = sb_store_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (!sb_catalog_save_calendar_in (tx, store, id, calendar, &new_id, error) ||
      !sb_transaction_commit (tx, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_steal_pointer (&new_id);

  return TRUE;
}

/**
 * sb_catalog_delete_calendar:
 * @store: a store
 * @id: the calendar's id
 * @error: return location for a #GError
 *
 * Deletes a calendar (a tombstone), unless a live service uses it as its
 * support calendar: then the error names those services.
 *
 * Returns: %TRUE on success
 */
gboolean
sb_catalog_delete_calendar (SbStore     *store,
                            const char  *id,
                            GError     **error)
{
  g_autoptr(SbChange) change = NULL;
  g_autoptr(GString) users = g_string_new (NULL);
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = sb_store_prepare (store,
                           "SELECT s.code, c.name FROM service s JOIN calendar c ON c.id = s.calendar_id "
                           "WHERE s.deleted = 0 AND s.calendar_id = ? ORDER BY s.code",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (name == NULL)
        name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      g_string_append_printf (users, "%s%s", users->len ? ", " : "",
                              (const char *)sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sb_catalog_step_error (store, rc, _("Checking which services use the calendar"), error);

  if (users->len > 0)
    return sb_catalog_invalid (error, _("The calendar “%s” is the support calendar of %s: choose another calendar for those services first"),
                               name, users->str);

  change = sb_change_delete ("calendar", id);

  return sb_store_apply (store, change, error);
}
