/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include "sb-catalog-private.h"
#include "sb-time.h"

enum
{
  PROP_0,
  /* text, kept in self->text[] */
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_OUTCOMES,
  PROP_CATEGORY,
  PROP_SERVICE_TYPE,
  PROP_OWNER,
  PROP_CRITICALITY,
  PROP_STATUS,
  PROP_SUPPORT_CHANNEL,
  PROP_SUPPORT_CONTACT,
  PROP_CALENDAR_ID,
  PROP_EXCLUSIONS,
  PROP_PREREQUISITES,
  PROP_PRICE_CURRENCY,
  PROP_PRICE_PERIOD,
  PROP_EXCEPTIONS,
  PROP_LAST_REVIEW,
  PROP_NEXT_REVIEW,
  PROP_CUSTOMER_NAMES,
  PROP_CALENDAR_NAME,
  /* numbers */
  PROP_PRICE_AMOUNT,
  PROP_AVAILABILITY_TARGET,
  PROP_WORKLOAD_LIMIT,
  /* lists */
  PROP_CLOCK_STOP_REASONS,
  PROP_CUSTOMER_IDS,
  PROP_DEPENDS_ON_IDS,
  N_PROPS
};

#define LAST_TEXT_PROP PROP_CALENDAR_NAME

struct _SbService
{
  GObject parent_instance;

  /* Indexed by the text properties, PROP_ID … LAST_TEXT_PROP. */
  char   *text[LAST_TEXT_PROP + 1];

  gint64  price_amount;
  int     availability_target;
  int     workload_limit;
  GStrv   clock_stop_reasons;
  GStrv   customer_ids;
  GStrv   depends_on_ids;

  int     response[SB_SERVICE_N_PRIORITIES];
  int     resolution[SB_SERVICE_N_PRIORITIES];
};

/* The name of each text property; the read-only ones are set by the store. */
static const struct
{
  const char *name;
  gboolean    read_only;
} text_props[] = {
  [PROP_ID] = { "id", TRUE },
  [PROP_CODE] = { "code", FALSE },
  [PROP_NAME] = { "name", FALSE },
  [PROP_DESCRIPTION] = { "description", FALSE },
  [PROP_OUTCOMES] = { "outcomes", FALSE },
  [PROP_CATEGORY] = { "category", FALSE },
  [PROP_SERVICE_TYPE] = { "service-type", FALSE },
  [PROP_OWNER] = { "owner", FALSE },
  [PROP_CRITICALITY] = { "criticality", FALSE },
  [PROP_STATUS] = { "status", FALSE },
  [PROP_SUPPORT_CHANNEL] = { "support-channel", FALSE },
  [PROP_SUPPORT_CONTACT] = { "support-contact", FALSE },
  [PROP_CALENDAR_ID] = { "calendar-id", FALSE },
  [PROP_EXCLUSIONS] = { "exclusions", FALSE },
  [PROP_PREREQUISITES] = { "prerequisites", FALSE },
  [PROP_PRICE_CURRENCY] = { "price-currency", FALSE },
  [PROP_PRICE_PERIOD] = { "price-period", FALSE },
  [PROP_EXCEPTIONS] = { "exceptions", FALSE },
  [PROP_LAST_REVIEW] = { "last-review", FALSE },
  [PROP_NEXT_REVIEW] = { "next-review", FALSE },
  [PROP_CUSTOMER_NAMES] = { "customer-names", TRUE },
  [PROP_CALENDAR_NAME] = { "calendar-name", TRUE },
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbService, sb_service, G_TYPE_OBJECT)

static const char * const no_strings[] = { NULL };

/* Text fields are %NULL or non-empty: an emptied entry means "none". */
static void
set_text (SbService  *self,
          guint       prop,
          const char *value)
{
  g_assert (prop >= PROP_ID && prop <= LAST_TEXT_PROP);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->text[prop], value) == 0)
    return;

  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  return g_strv_equal (a != NULL ? a : no_strings, b != NULL ? b : no_strings);
}

static void
set_strv (SbService          *self,
          GStrv              *field,
          guint               prop,
          const char * const *value)
{
  if (strv_equal ((const char * const *)*field, value))
    return;

  g_strfreev (*field);
  *field = g_strdupv ((char **)(value != NULL ? value : no_strings));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
sb_service_finalize (GObject *object)
{
  SbService *self = SB_SERVICE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_free (self->text[i]);
  g_strfreev (self->clock_stop_reasons);
  g_strfreev (self->customer_ids);
  g_strfreev (self->depends_on_ids);

  G_OBJECT_CLASS (sb_service_parent_class)->finalize (object);
}

static void
sb_service_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SbService *self = SB_SERVICE (object);

  if (prop_id >= PROP_ID && prop_id <= LAST_TEXT_PROP)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_PRICE_AMOUNT:
      g_value_set_int64 (value, self->price_amount);
      break;

    case PROP_AVAILABILITY_TARGET:
      g_value_set_int (value, self->availability_target);
      break;

    case PROP_WORKLOAD_LIMIT:
      g_value_set_int (value, self->workload_limit);
      break;

    case PROP_CLOCK_STOP_REASONS:
      g_value_set_boxed (value, self->clock_stop_reasons);
      break;

    case PROP_CUSTOMER_IDS:
      g_value_set_boxed (value, self->customer_ids);
      break;

    case PROP_DEPENDS_ON_IDS:
      g_value_set_boxed (value, self->depends_on_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_service_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SbService *self = SB_SERVICE (object);

  if (prop_id >= PROP_ID && prop_id <= LAST_TEXT_PROP)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_PRICE_AMOUNT:
      sb_service_set_price_amount (self, g_value_get_int64 (value));
      break;

    case PROP_AVAILABILITY_TARGET:
      sb_service_set_availability_target (self, g_value_get_int (value));
      break;

    case PROP_WORKLOAD_LIMIT:
      sb_service_set_workload_limit (self, g_value_get_int (value));
      break;

    case PROP_CLOCK_STOP_REASONS:
      sb_service_set_clock_stop_reasons (self, g_value_get_boxed (value));
      break;

    case PROP_CUSTOMER_IDS:
      sb_service_set_customer_ids (self, g_value_get_boxed (value));
      break;

    case PROP_DEPENDS_ON_IDS:
      sb_service_set_depends_on_ids (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_service_class_init (SbServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_service_finalize;
  object_class->get_property = sb_service_get_property;
  object_class->set_property = sb_service_set_property;

  for (guint i = PROP_ID; i <= LAST_TEXT_PROP; i++)
    properties[i] = g_param_spec_string (text_props[i].name, NULL, NULL, NULL,
                                         text_props[i].read_only ? ro : rw);

  properties[PROP_PRICE_AMOUNT] =
    g_param_spec_int64 ("price-amount", NULL, NULL,
                        -1, G_MAXINT64, -1, rw);
  properties[PROP_AVAILABILITY_TARGET] =
    g_param_spec_int ("availability-target", NULL, NULL,
                      0, 10000, 0, rw);
  properties[PROP_WORKLOAD_LIMIT] =
    g_param_spec_int ("workload-limit", NULL, NULL,
                      0, G_MAXINT, 0, rw);
  properties[PROP_CLOCK_STOP_REASONS] =
    g_param_spec_boxed ("clock-stop-reasons", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CUSTOMER_IDS] =
    g_param_spec_boxed ("customer-ids", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_DEPENDS_ON_IDS] =
    g_param_spec_boxed ("depends-on-ids", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_service_init (SbService *self)
{
  static const char * const default_stops[] = { SB_HOLD_AWAITING_CUSTOMER, NULL };

  self->text[PROP_SERVICE_TYPE] = g_strdup (SB_SERVICE_TYPE_CUSTOMER_FACING);
  self->text[PROP_CRITICALITY] = g_strdup ("medium");
  self->text[PROP_STATUS] = g_strdup (SB_SERVICE_STATUS_LIVE);
  self->price_amount = -1;
  self->clock_stop_reasons = g_strdupv ((char **)default_stops);
  self->customer_ids = g_strdupv ((char **)no_strings);
  self->depends_on_ids = g_strdupv ((char **)no_strings);
}

/**
 * sb_service_new:
 *
 * Creates an unsaved service: live, customer-facing, of medium
 * criticality, around the clock, without price or targets, whose clock
 * stops only while awaiting the customer.
 *
 * Returns: (transfer full): a new service
 */
SbService *
sb_service_new (void)
{
  return g_object_new (SB_TYPE_SERVICE, NULL);
}

/**
 * sb_service_copy:
 * @self: a service
 *
 * Copies every field, the id and the derived ones included, so an editor
 * can work on a copy and throw it away.
 *
 * Returns: (transfer full): a new service
 */
SbService *
sb_service_copy (SbService *self)
{
  SbService *copy;

  g_return_val_if_fail (SB_IS_SERVICE (self), NULL);

  copy = sb_service_new ();
  for (guint i = PROP_ID; i <= LAST_TEXT_PROP; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
    }
  copy->price_amount = self->price_amount;
  copy->availability_target = self->availability_target;
  copy->workload_limit = self->workload_limit;
  g_strfreev (copy->clock_stop_reasons);
  copy->clock_stop_reasons = g_strdupv (self->clock_stop_reasons);
  g_strfreev (copy->customer_ids);
  copy->customer_ids = g_strdupv (self->customer_ids);
  g_strfreev (copy->depends_on_ids);
  copy->depends_on_ids = g_strdupv (self->depends_on_ids);
  memcpy (copy->response, self->response, sizeof self->response);
  memcpy (copy->resolution, self->resolution, sizeof self->resolution);

  return copy;
}

/* The plain text fields: getters return %NULL or a non-empty string;
 * setters take %NULL or "" for none and notify only on a change. */
#define TEXT_ACCESSORS(field, PROP)                                  \
  const char *                                                       \
  sb_service_get_##field (SbService *self)                           \
  {                                                                  \
    g_return_val_if_fail (SB_IS_SERVICE (self), NULL);               \
    return self->text[PROP];                                         \
  }                                                                  \
  void                                                               \
  sb_service_set_##field (SbService  *self,                          \
                          const char *value)                         \
  {                                                                  \
    g_return_if_fail (SB_IS_SERVICE (self));                         \
    set_text (self, PROP, value);                                    \
  }

TEXT_ACCESSORS (code, PROP_CODE)
TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (description, PROP_DESCRIPTION)
TEXT_ACCESSORS (outcomes, PROP_OUTCOMES)
TEXT_ACCESSORS (category, PROP_CATEGORY)
TEXT_ACCESSORS (service_type, PROP_SERVICE_TYPE)
TEXT_ACCESSORS (owner, PROP_OWNER)
TEXT_ACCESSORS (criticality, PROP_CRITICALITY)
TEXT_ACCESSORS (status, PROP_STATUS)
TEXT_ACCESSORS (support_channel, PROP_SUPPORT_CHANNEL)
TEXT_ACCESSORS (support_contact, PROP_SUPPORT_CONTACT)
TEXT_ACCESSORS (calendar_id, PROP_CALENDAR_ID)
TEXT_ACCESSORS (exclusions, PROP_EXCLUSIONS)
TEXT_ACCESSORS (prerequisites, PROP_PREREQUISITES)
TEXT_ACCESSORS (price_currency, PROP_PRICE_CURRENCY)
TEXT_ACCESSORS (price_period, PROP_PRICE_PERIOD)
TEXT_ACCESSORS (exceptions, PROP_EXCEPTIONS)
TEXT_ACCESSORS (last_review, PROP_LAST_REVIEW)
TEXT_ACCESSORS (next_review, PROP_NEXT_REVIEW)

#undef TEXT_ACCESSORS

/**
 * sb_service_get_id:
 * @self: a service
 *
 * Returns: (nullable): the record id, or %NULL until the service is saved
 */
const char *
sb_service_get_id (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), NULL);

  return self->text[PROP_ID];
}

/**
 * sb_service_get_customer_names:
 * @self: a service
 *
 * Returns: (nullable): the names of its live customers, comma-separated,
 *   as the store loaded them
 */
const char *
sb_service_get_customer_names (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), NULL);

  return self->text[PROP_CUSTOMER_NAMES];
}

/**
 * sb_service_get_calendar_name:
 * @self: a service
 *
 * Returns: (nullable): the name of its support calendar as the store
 *   loaded it
 */
const char *
sb_service_get_calendar_name (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), NULL);

  return self->text[PROP_CALENDAR_NAME];
}

void
sb_service_set_id (SbService  *self,
                   const char *id)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  set_text (self, PROP_ID, id);
}

void
sb_service_set_customer_names (SbService  *self,
                               const char *names)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  set_text (self, PROP_CUSTOMER_NAMES, names);
}

void
sb_service_set_calendar_name (SbService  *self,
                              const char *name)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  set_text (self, PROP_CALENDAR_NAME, name);
}

gint64
sb_service_get_price_amount (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), -1);

  return self->price_amount;
}

/**
 * sb_service_set_price_amount:
 * @self: a service
 * @amount: the price in minor units of the price currency, or -1 for no
 *   price
 *
 * Sets the price charged per price period.
 */
void
sb_service_set_price_amount (SbService *self,
                             gint64     amount)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  if (amount < -1)
    amount = -1;

  if (self->price_amount == amount)
    return;

  self->price_amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_AMOUNT]);
}

int
sb_service_get_availability_target (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), 0);

  return self->availability_target;
}

/**
 * sb_service_set_availability_target:
 * @self: a service
 * @hundredths: the agreed availability per month in hundredths of a
 *   percent (9950 is 99.50 %), 0 for none
 *
 * Values outside 0–10000 are kept so that saving can name them; the
 * property itself only takes the valid range.
 */
void
sb_service_set_availability_target (SbService *self,
                                    int        hundredths)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  if (self->availability_target == hundredths)
    return;

  self->availability_target = hundredths;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABILITY_TARGET]);
}

int
sb_service_get_workload_limit (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), 0);

  return self->workload_limit;
}

void
sb_service_set_workload_limit (SbService *self,
                               int        per_month)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  if (self->workload_limit == per_month)
    return;

  self->workload_limit = per_month;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKLOAD_LIMIT]);
}

/**
 * sb_service_get_clock_stop_reasons:
 * @self: a service
 *
 * Returns: (transfer none): the hold reasons (`SB_HOLD_…`) that stop the
 *   service's SLA clock; never %NULL, maybe empty
 */
const char * const *
sb_service_get_clock_stop_reasons (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), NULL);

  return (const char * const *)self->clock_stop_reasons;
}

void
sb_service_set_clock_stop_reasons (SbService          *self,
                                   const char * const *reasons)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  set_strv (self, &self->clock_stop_reasons, PROP_CLOCK_STOP_REASONS, reasons);
}

/**
 * sb_service_stops_clock_for:
 * @self: a service
 * @hold_reason: a hold reason such as %SB_HOLD_AWAITING_CUSTOMER
 *
 * Returns: whether an incident on hold for @hold_reason stops the clock
 */
gboolean
sb_service_stops_clock_for (SbService  *self,
                            const char *hold_reason)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (hold_reason != NULL, FALSE);

  return g_strv_contains ((const char * const *)self->clock_stop_reasons, hold_reason);
}

/**
 * sb_service_is_review_overdue:
 * @self: a service
 * @today: (nullable): the date to judge by; %NULL for today's local date
 *
 * A review is overdue when its next review date lies before @today.
 *
 * Returns: %TRUE when the next review is overdue
 */
gboolean
sb_service_is_review_overdue (SbService   *self,
                              const GDate *today)
{
  GDate next;
  GDate now;

  g_return_val_if_fail (SB_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  if (self->text[PROP_NEXT_REVIEW] == NULL ||
      !sb_date_parse (self->text[PROP_NEXT_REVIEW], &next, NULL))
    return FALSE;

  if (today == NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();

      g_date_clear (&now, 1);
      g_date_set_dmy (&now,
                      g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local),
                      g_date_time_get_year (local));
      today = &now;
    }

  return g_date_compare (&next, today) < 0;
}

/**
 * sb_service_get_response_target:
 * @self: a service
 * @priority: 1 (critical) to 5 (planning)
 *
 * Returns: the response target in business minutes, 0 for none
 */
int
sb_service_get_response_target (SbService *self,
                                int        priority)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), 0);
  g_return_val_if_fail (priority >= 1 && priority <= SB_SERVICE_N_PRIORITIES, 0);

  return self->response[priority - 1];
}

/**
 * sb_service_get_resolution_target:
 * @self: a service
 * @priority: 1 (critical) to 5 (planning)
 *
 * Returns: the resolution target in business minutes, 0 for none
 */
int
sb_service_get_resolution_target (SbService *self,
                                  int        priority)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), 0);
  g_return_val_if_fail (priority >= 1 && priority <= SB_SERVICE_N_PRIORITIES, 0);

  return self->resolution[priority - 1];
}

/**
 * sb_service_set_targets:
 * @self: a service
 * @priority: 1 (critical) to 5 (planning)
 * @response_minutes: business minutes to the first response, 0 for none
 * @resolution_minutes: business minutes to resolution, 0 for none
 *
 * Sets the service level targets of one priority. Saving checks that the
 * response comes no later than the resolution.
 */
void
sb_service_set_targets (SbService *self,
                        int        priority,
                        int        response_minutes,
                        int        resolution_minutes)
{
  g_return_if_fail (SB_IS_SERVICE (self));
  g_return_if_fail (priority >= 1 && priority <= SB_SERVICE_N_PRIORITIES);

  self->response[priority - 1] = response_minutes;
  self->resolution[priority - 1] = resolution_minutes;
}

/**
 * sb_service_get_customer_ids:
 * @self: a service
 *
 * Returns: (transfer none): the ids of the live customers using the
 *   service; never %NULL
 */
const char * const *
sb_service_get_customer_ids (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), NULL);

  return (const char * const *)self->customer_ids;
}

void
sb_service_set_customer_ids (SbService          *self,
                             const char * const *ids)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  set_strv (self, &self->customer_ids, PROP_CUSTOMER_IDS, ids);
}

/**
 * sb_service_get_depends_on_ids:
 * @self: a service
 *
 * Returns: (transfer none): the ids of the live services this one depends
 *   on; never %NULL
 */
const char * const *
sb_service_get_depends_on_ids (SbService *self)
{
  g_return_val_if_fail (SB_IS_SERVICE (self), NULL);

  return (const char * const *)self->depends_on_ids;
}

void
sb_service_set_depends_on_ids (SbService          *self,
                               const char * const *ids)
{
  g_return_if_fail (SB_IS_SERVICE (self));

  set_strv (self, &self->depends_on_ids, PROP_DEPENDS_ON_IDS, ids);
}
