/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include <string.h>

#include "sb-contract-private.h"
#include "sb-time.h"

/*
 * SbContract: a value object holding one contract as the person edits it.
 * Text fields are %NULL or non-empty; the terms are kept as one
 * SbContractTerms; the targets as two arrays indexed by priority − 1.
 */

#define N_PRIORITIES 5

enum
{
  PROP_0,
  /* text, kept in self->text[] */
  PROP_ID,
  PROP_SUPPLIER_ID,
  PROP_SUPPLIER_NAME,
  PROP_REFERENCE,
  PROP_TITLE,
  PROP_CONTRACT_TYPE,
  PROP_SCOPE,
  PROP_OUR_RESPONSIBILITIES,
  PROP_SUPPLIER_RESPONSIBILITIES,
  PROP_HOW_TO_RAISE,
  PROP_SUPPORT_HOURS,
  PROP_ESCALATION_PATH,
  PROP_CALENDAR_ID,
  PROP_CANCELLATION_METHOD,
  PROP_EARLY_TERMINATION,
  PROP_COST_CURRENCY,
  PROP_COST_CATEGORY,
  PROP_BUDGET_ID,
  PROP_NOTES,
  /* others */
  PROP_COST_AMOUNT,
  PROP_BILLING_PERIOD,
  PROP_START_DATE,
  PROP_SERVICE_IDS,
  N_PROPS
};

#define LAST_TEXT_PROP PROP_NOTES

struct _SbContract
{
  GObject parent_instance;

  char            *text[LAST_TEXT_PROP + 1];
  SbContractTerms  terms;
  gint64           cost_amount;
  SbBillingPeriod  billing_period;
  GStrv            service_ids;
  guint            response[N_PRIORITIES];
  guint            resolution[N_PRIORITIES];
};

static const struct
{
  const char *name;
  gboolean    read_only;
} text_props[] = {
  [PROP_ID] = { "id", TRUE },
  [PROP_SUPPLIER_ID] = { "supplier-id", FALSE },
  [PROP_SUPPLIER_NAME] = { "supplier-name", FALSE },
  [PROP_REFERENCE] = { "reference", FALSE },
  [PROP_TITLE] = { "title", FALSE },
  [PROP_CONTRACT_TYPE] = { "contract-type", FALSE },
  [PROP_SCOPE] = { "scope", FALSE },
  [PROP_OUR_RESPONSIBILITIES] = { "our-responsibilities", FALSE },
  [PROP_SUPPLIER_RESPONSIBILITIES] = { "supplier-responsibilities", FALSE },
  [PROP_HOW_TO_RAISE] = { "how-to-raise", FALSE },
  [PROP_SUPPORT_HOURS] = { "support-hours", FALSE },
  [PROP_ESCALATION_PATH] = { "escalation-path", FALSE },
  [PROP_CALENDAR_ID] = { "calendar-id", FALSE },
  [PROP_CANCELLATION_METHOD] = { "cancellation-method", FALSE },
  [PROP_EARLY_TERMINATION] = { "early-termination", FALSE },
  [PROP_COST_CURRENCY] = { "cost-currency", TRUE },
  [PROP_COST_CATEGORY] = { "cost-category", FALSE },
  [PROP_BUDGET_ID] = { "budget-id", FALSE },
  [PROP_NOTES] = { "notes", FALSE },
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbContract, sb_contract, G_TYPE_OBJECT)

static const char * const no_strings[] = { NULL };

static void
set_text (SbContract *self,
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
dates_equal (const GDate *a,
             const GDate *b)
{
  if (g_date_valid (a) != g_date_valid (b))
    return FALSE;

  return !g_date_valid (a) || g_date_compare (a, b) == 0;
}

static gboolean
terms_equal (const SbContractTerms *a,
             const SbContractTerms *b)
{
  return dates_equal (&a->start, &b->start) &&
         a->initial_months == b->initial_months &&
         a->renewal == b->renewal &&
         a->renewal_months == b->renewal_months &&
         a->notice_amount == b->notice_amount &&
         a->notice_unit == b->notice_unit &&
         a->renewals_agreed == b->renewals_agreed &&
         dates_equal (&a->notice_given, &b->notice_given) &&
         dates_equal (&a->terminated, &b->terminated);
}

static void
sb_contract_finalize (GObject *object)
{
  SbContract *self = SB_CONTRACT (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_free (self->text[i]);
  g_strfreev (self->service_ids);

  G_OBJECT_CLASS (sb_contract_parent_class)->finalize (object);
}

static void
sb_contract_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SbContract *self = SB_CONTRACT (object);

  if (prop_id >= PROP_ID && prop_id <= LAST_TEXT_PROP)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_COST_AMOUNT:
      g_value_set_int64 (value, self->cost_amount);
      break;

    case PROP_BILLING_PERIOD:
      g_value_set_string (value, sb_billing_period_to_string (self->billing_period));
      break;

    case PROP_START_DATE:
      g_value_take_string (value, g_date_valid (&self->terms.start) ? sb_date_format (&self->terms.start) : NULL);
      break;

    case PROP_SERVICE_IDS:
      g_value_set_boxed (value, self->service_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_contract_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SbContract *self = SB_CONTRACT (object);

  if (prop_id >= PROP_ID && prop_id <= LAST_TEXT_PROP)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_COST_AMOUNT:
      sb_contract_set_cost (self, g_value_get_int64 (value), self->text[PROP_COST_CURRENCY]);
      break;

    case PROP_BILLING_PERIOD:
      {
        SbBillingPeriod period;

        if (sb_billing_period_from_string (g_value_get_string (value), &period))
          sb_contract_set_billing_period (self, period);
      }
      break;

    case PROP_SERVICE_IDS:
      sb_contract_set_service_ids (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_contract_class_init (SbContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_contract_finalize;
  object_class->get_property = sb_contract_get_property;
  object_class->set_property = sb_contract_set_property;

  for (guint i = PROP_ID; i <= LAST_TEXT_PROP; i++)
    properties[i] = g_param_spec_string (text_props[i].name, NULL, NULL, NULL,
                                         text_props[i].read_only ? ro : rw);

  properties[PROP_COST_AMOUNT] =
    g_param_spec_int64 ("cost-amount", NULL, NULL, -1, G_MAXINT64, -1, rw);
  properties[PROP_BILLING_PERIOD] =
    g_param_spec_string ("billing-period", NULL, NULL, "month", rw);
  /* The start as YYYY-MM-DD, for lists; set through the terms. */
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERVICE_IDS] =
    g_param_spec_boxed ("service-ids", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_contract_init (SbContract *self)
{
  self->text[PROP_CONTRACT_TYPE] = g_strdup ("support");
  self->text[PROP_COST_CATEGORY] = g_strdup ("supplier-services");
  sb_contract_terms_init (&self->terms);
  self->cost_amount = -1;
  self->billing_period = SB_BILLING_MONTHLY;
  self->service_ids = g_strdupv ((char **)no_strings);
}

/**
 * sb_contract_new:
 * @supplier_id: (nullable): the supplier's id
 *
 * Creates an unsaved contract: support and maintenance, no renewal, an
 * initial term of 12 months from no date yet (the start must be set),
 * without cost (billed monthly when one is set), charged as supplier
 * services, without targets or services.
 *
 * Returns: (transfer full): a new contract
 */
SbContract *
sb_contract_new (const char *supplier_id)
{
  SbContract *self = g_object_new (SB_TYPE_CONTRACT, NULL);

  set_text (self, PROP_SUPPLIER_ID, supplier_id);

  return self;
}

/**
 * sb_contract_copy:
 * @self: a contract
 *
 * Copies every field, the id and the supplier's name included, so an
 * editor can work on a copy and throw it away.
 *
 * Returns: (transfer full): a new contract
 */
SbContract *
sb_contract_copy (SbContract *self)
{
  SbContract *copy;

  g_return_val_if_fail (SB_IS_CONTRACT (self), NULL);

  copy = g_object_new (SB_TYPE_CONTRACT, NULL);
  for (guint i = PROP_ID; i <= LAST_TEXT_PROP; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
    }
  copy->terms = self->terms;
  copy->cost_amount = self->cost_amount;
  copy->billing_period = self->billing_period;
  g_strfreev (copy->service_ids);
  copy->service_ids = g_strdupv (self->service_ids);
  memcpy (copy->response, self->response, sizeof self->response);
  memcpy (copy->resolution, self->resolution, sizeof self->resolution);

  return copy;
}

/* Plain text fields: getters return %NULL or a non-empty string; setters
 * take %NULL or "" for none and notify only on a change. */
#define TEXT_ACCESSORS(field, PROP)                                  \
  const char *                                                       \
  sb_contract_get_##field (SbContract *self)                         \
  {                                                                  \
    g_return_val_if_fail (SB_IS_CONTRACT (self), NULL);              \
    return self->text[PROP];                                         \
  }                                                                  \
  void                                                               \
  sb_contract_set_##field (SbContract *self,                         \
                           const char *value)                        \
  {                                                                  \
    g_return_if_fail (SB_IS_CONTRACT (self));                        \
    set_text (self, PROP, value);                                    \
  }

TEXT_ACCESSORS (supplier_id, PROP_SUPPLIER_ID)
TEXT_ACCESSORS (supplier_name, PROP_SUPPLIER_NAME)
TEXT_ACCESSORS (reference, PROP_REFERENCE)
TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (contract_type, PROP_CONTRACT_TYPE)
TEXT_ACCESSORS (scope, PROP_SCOPE)
TEXT_ACCESSORS (our_responsibilities, PROP_OUR_RESPONSIBILITIES)
TEXT_ACCESSORS (supplier_responsibilities, PROP_SUPPLIER_RESPONSIBILITIES)
TEXT_ACCESSORS (how_to_raise, PROP_HOW_TO_RAISE)
TEXT_ACCESSORS (support_hours, PROP_SUPPORT_HOURS)
TEXT_ACCESSORS (escalation_path, PROP_ESCALATION_PATH)
TEXT_ACCESSORS (calendar_id, PROP_CALENDAR_ID)
TEXT_ACCESSORS (cancellation_method, PROP_CANCELLATION_METHOD)
TEXT_ACCESSORS (early_termination, PROP_EARLY_TERMINATION)
TEXT_ACCESSORS (cost_category, PROP_COST_CATEGORY)
TEXT_ACCESSORS (budget_id, PROP_BUDGET_ID)
TEXT_ACCESSORS (notes, PROP_NOTES)

#undef TEXT_ACCESSORS

/**
 * sb_contract_get_id:
 * @self: a contract
 *
 * Returns: (nullable): the record id, or %NULL until it is saved
 */
const char *
sb_contract_get_id (SbContract *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT (self), NULL);

  return self->text[PROP_ID];
}

void
sb_contract_set_id (SbContract *self,
                    const char *id)
{
  g_return_if_fail (SB_IS_CONTRACT (self));

  set_text (self, PROP_ID, id);
}

/**
 * sb_contract_get_terms:
 * @self: a contract
 *
 * Returns: (transfer none): the term model, notice given and early
 *   termination included
 */
const SbContractTerms *
sb_contract_get_terms (SbContract *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT (self), NULL);

  return &self->terms;
}

/**
 * sb_contract_set_terms:
 * @self: a contract
 * @terms: the new terms, copied
 *
 * Replaces the term model; checked only when the contract is saved.
 */
void
sb_contract_set_terms (SbContract            *self,
                       const SbContractTerms *terms)
{
  gboolean start_changed;

  g_return_if_fail (SB_IS_CONTRACT (self));
  g_return_if_fail (terms != NULL);

  if (terms_equal (&self->terms, terms))
    return;

  start_changed = !dates_equal (&self->terms.start, &terms->start);
  self->terms = *terms;
  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

/**
 * sb_contract_get_state:
 * @self: a contract
 * @day: the local date to look at
 * @warning_days: the warning window in days
 * @out_state: (out caller-allocates): what the terms mean on @day
 *
 * Derives the current term, next renewal, last day to give notice and
 * status of the contract on @day (see sb_contract_terms_compute()).
 */
void
sb_contract_get_state (SbContract      *self,
                       const GDate     *day,
                       int              warning_days,
                       SbContractState *out_state)
{
  g_return_if_fail (SB_IS_CONTRACT (self));
  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (out_state != NULL);

  sb_contract_terms_compute (&self->terms, day, warning_days, out_state);
}

/**
 * sb_contract_get_cost_amount:
 * @self: a contract
 *
 * Returns: the cost per billing period in minor units of the currency,
 *   or -1 when the contract has no cost
 */
gint64
sb_contract_get_cost_amount (SbContract *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT (self), -1);

  return self->cost_amount;
}

/**
 * sb_contract_get_cost_currency:
 * @self: a contract
 *
 * Returns: (nullable): the ISO 4217 code of the cost
 */
const char *
sb_contract_get_cost_currency (SbContract *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT (self), NULL);

  return self->text[PROP_COST_CURRENCY];
}

/**
 * sb_contract_set_cost:
 * @self: a contract
 * @amount: minor units per billing period, or -1 for no cost
 * @currency: (nullable): the ISO 4217 code
 *
 * Sets the cost; a negative amount other than -1 is kept so that the
 * save can refuse it with the reason.
 */
void
sb_contract_set_cost (SbContract *self,
                      gint64      amount,
                      const char *currency)
{
  g_return_if_fail (SB_IS_CONTRACT (self));

  set_text (self, PROP_COST_CURRENCY, currency);
  if (self->cost_amount != amount)
    {
      self->cost_amount = amount;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COST_AMOUNT]);
    }
}

SbBillingPeriod
sb_contract_get_billing_period (SbContract *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT (self), SB_BILLING_MONTHLY);

  return self->billing_period;
}

void
sb_contract_set_billing_period (SbContract      *self,
                                SbBillingPeriod  period)
{
  g_return_if_fail (SB_IS_CONTRACT (self));
  g_return_if_fail (period <= SB_BILLING_ONE_OFF);

  if (self->billing_period == period)
    return;

  self->billing_period = period;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BILLING_PERIOD]);
}

/**
 * sb_contract_get_response_target:
 * @self: a contract
 * @priority: 1 (critical) … 5 (planning)
 *
 * Returns: the supplier's response target in business minutes of the
 *   contract's calendar, 0 for none
 */
guint
sb_contract_get_response_target (SbContract *self,
                                 guint       priority)
{
  g_return_val_if_fail (SB_IS_CONTRACT (self), 0);
  g_return_val_if_fail (priority >= 1 && priority <= N_PRIORITIES, 0);

  return self->response[priority - 1];
}

/**
 * sb_contract_get_resolution_target:
 * @self: a contract
 * @priority: 1 (critical) … 5 (planning)
 *
 * Returns: the supplier's resolution target in business minutes, 0 for none
 */
guint
sb_contract_get_resolution_target (SbContract *self,
                                   guint       priority)
{
  g_return_val_if_fail (SB_IS_CONTRACT (self), 0);
  g_return_val_if_fail (priority >= 1 && priority <= N_PRIORITIES, 0);

  return self->resolution[priority - 1];
}

/**
 * sb_contract_set_targets:
 * @self: a contract
 * @priority: 1 (critical) … 5 (planning)
 * @response_minutes: the response target, 0 for none
 * @resolution_minutes: the resolution target, 0 for none
 *
 * Sets the supplier's targets for one priority.
 */
void
sb_contract_set_targets (SbContract *self,
                         guint       priority,
                         guint       response_minutes,
                         guint       resolution_minutes)
{
  g_return_if_fail (SB_IS_CONTRACT (self));
  g_return_if_fail (priority >= 1 && priority <= N_PRIORITIES);

  self->response[priority - 1] = response_minutes;
  self->resolution[priority - 1] = resolution_minutes;
}

/**
 * sb_contract_get_service_ids:
 * @self: a contract
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   services it underpins; never %NULL
 */
const char * const *
sb_contract_get_service_ids (SbContract *self)
{
  g_return_val_if_fail (SB_IS_CONTRACT (self), no_strings);

  return (const char * const *)self->service_ids;
}

/**
 * sb_contract_set_service_ids:
 * @self: a contract
 * @ids: (nullable) (array zero-terminated=1): service ids
 *
 * Sets the services it underpins.
 */
void
sb_contract_set_service_ids (SbContract         *self,
                             const char * const *ids)
{
  g_return_if_fail (SB_IS_CONTRACT (self));

  if (ids == NULL)
    ids = no_strings;
  if (g_strv_equal ((const char * const *)self->service_ids, ids))
    return;

  g_strfreev (self->service_ids);
  self->service_ids = g_strdupv ((char **)ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_IDS]);
}
