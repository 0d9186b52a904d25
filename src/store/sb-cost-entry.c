/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include "sb-costs-private.h"

/*
 * SbCostEntry: one actual cost (migrations/0005-budgets.sql, cost_entry).
 * A value object: the store hands out fresh copies; edits are written
 * with sb_costs_save(). The columns of the costs list are GObject
 * properties so that list views can bind and sort on them; setters notify
 * only when the value really changes. Text fields hold %NULL or a
 * non-empty string.
 */

enum
{
  PROP_0,
  /* text */
  PROP_ID,
  PROP_DATE,
  PROP_CURRENCY,
  PROP_CATEGORY,
  PROP_SUPPLIER_ID,
  PROP_CONTRACT_ID,
  PROP_SERVICE_ID,
  PROP_INVOICE_REF,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  PROP_BILLING_DATE,
  PROP_SUPPLIER_NAME,
  PROP_SERVICE_CODE,
  PROP_CONTRACT_REFERENCE,
  N_TEXT,
  /* numbers */
  PROP_AMOUNT = N_TEXT,
  PROP_RATE_MICRO,
  PROP_BASE_AMOUNT,
  N_PROPS
};

struct _SbCostEntry
{
  GObject  parent_instance;

  char    *text[N_TEXT];
  gint64   amount;
  gint64   rate_micro;
  gint64   base_amount;
};

static const struct
{
  const char *name;
  const char *default_value;
  gboolean    writable;
} text_props[N_TEXT] = {
  [PROP_ID] = { "id", NULL, FALSE },
  [PROP_DATE] = { "date", NULL, TRUE },
  [PROP_CURRENCY] = { "currency", NULL, TRUE },
  [PROP_CATEGORY] = { "category", "other", TRUE },
  [PROP_SUPPLIER_ID] = { "supplier-id", NULL, TRUE },
  [PROP_CONTRACT_ID] = { "contract-id", NULL, TRUE },
  [PROP_SERVICE_ID] = { "service-id", NULL, TRUE },
  [PROP_INVOICE_REF] = { "invoice-ref", NULL, TRUE },
  [PROP_DESCRIPTION] = { "description", NULL, TRUE },
  [PROP_SOURCE] = { "source", "manual", FALSE },
  [PROP_BILLING_DATE] = { "billing-date", NULL, FALSE },
  [PROP_SUPPLIER_NAME] = { "supplier-name", NULL, FALSE },
  [PROP_SERVICE_CODE] = { "service-code", NULL, FALSE },
  [PROP_CONTRACT_REFERENCE] = { "contract-reference", NULL, FALSE },
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (SbCostEntry, sb_cost_entry, G_TYPE_OBJECT)

static void
set_text (SbCostEntry *self,
          guint        prop,
          const char  *value)
{
  g_assert (prop > PROP_0 && prop < N_TEXT);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->text[prop], value) == 0)
    return;

  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), props[prop]);
}

static void
set_number (SbCostEntry *self,
            guint        prop,
            gint64      *slot,
            gint64       value)
{
  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), props[prop]);
}

static void
sb_cost_entry_finalize (GObject *object)
{
  SbCostEntry *self = SB_COST_ENTRY (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (sb_cost_entry_parent_class)->finalize (object);
}

static void
sb_cost_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbCostEntry *self = SB_COST_ENTRY (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT)
    g_value_set_string (value, self->text[prop_id]);
  else if (prop_id == PROP_AMOUNT)
    g_value_set_int64 (value, self->amount);
  else if (prop_id == PROP_RATE_MICRO)
    g_value_set_int64 (value, self->rate_micro);
  else if (prop_id == PROP_BASE_AMOUNT)
    g_value_set_int64 (value, self->base_amount);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_cost_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SbCostEntry *self = SB_COST_ENTRY (object);

  if (prop_id > PROP_0 && prop_id < N_TEXT && text_props[prop_id].writable)
    set_text (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_AMOUNT)
    set_number (self, PROP_AMOUNT, &self->amount, g_value_get_int64 (value));
  else if (prop_id == PROP_RATE_MICRO)
    set_number (self, PROP_RATE_MICRO, &self->rate_micro, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_cost_entry_class_init (SbCostEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sb_cost_entry_finalize;
  object_class->get_property = sb_cost_entry_get_property;
  object_class->set_property = sb_cost_entry_set_property;

  for (guint i = PROP_ID; i < N_TEXT; i++)
    props[i] = g_param_spec_string (text_props[i].name, NULL, NULL,
                                    text_props[i].default_value,
                                    text_props[i].writable ? rw : ro);

  /**
   * SbCostEntry:amount:
   *
   * The amount in minor units of #SbCostEntry:currency; negative for a
   * credit note.
   */
  props[PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL,
                                           G_MININT64, G_MAXINT64, 0, rw);
  /**
   * SbCostEntry:rate-micro:
   *
   * Units of the base currency per unit of the currency × 1,000,000; 0
   * while unset.
   */
  props[PROP_RATE_MICRO] = g_param_spec_int64 ("rate-micro", NULL, NULL,
                                               0, G_MAXINT64, 0, rw);
  /**
   * SbCostEntry:base-amount:
   *
   * The amount in the book's base currency, as converted when saved.
   */
  props[PROP_BASE_AMOUNT] = g_param_spec_int64 ("base-amount", NULL, NULL,
                                                G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
sb_cost_entry_init (SbCostEntry *self)
{
  for (guint i = PROP_ID; i < N_TEXT; i++)
    self->text[i] = g_strdup (text_props[i].default_value);
}

/**
 * sb_cost_entry_new:
 *
 * Creates a draft cost entry dated today (local time), category other,
 * with no amount; the currency is the book's base currency unless set,
 * filled in when saved.
 *
 * Returns: (transfer full): a new cost entry
 */
SbCostEntry *
sb_cost_entry_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  SbCostEntry *self = g_object_new (SB_TYPE_COST_ENTRY, NULL);

  self->text[PROP_DATE] = g_steal_pointer (&today);

  return self;
}

/**
 * sb_cost_entry_copy:
 * @self: a cost entry
 *
 * Copies every field, the id and what the store filled in included.
 *
 * Returns: (transfer full): a new cost entry
 */
SbCostEntry *
sb_cost_entry_copy (SbCostEntry *self)
{
  SbCostEntry *copy;

  g_return_val_if_fail (SB_IS_COST_ENTRY (self), NULL);

  copy = g_object_new (SB_TYPE_COST_ENTRY, NULL);
  for (guint i = PROP_ID; i < N_TEXT; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
    }
  copy->amount = self->amount;
  copy->rate_micro = self->rate_micro;
  copy->base_amount = self->base_amount;

  return copy;
}

#define TEXT_GETTER(field, PROP)                                     \
  const char *                                                       \
  sb_cost_entry_get_##field (SbCostEntry *self)                      \
  {                                                                  \
    g_return_val_if_fail (SB_IS_COST_ENTRY (self), NULL);            \
    return self->text[PROP];                                         \
  }

#define TEXT_SETTER(field, PROP)                                     \
  void                                                               \
  sb_cost_entry_set_##field (SbCostEntry *self,                      \
                             const char  *value)                     \
  {                                                                  \
    g_return_if_fail (SB_IS_COST_ENTRY (self));                      \
    set_text (self, PROP, value);                                    \
  }

TEXT_GETTER (id, PROP_ID)
TEXT_GETTER (date, PROP_DATE)
TEXT_GETTER (currency, PROP_CURRENCY)
TEXT_GETTER (category, PROP_CATEGORY)
TEXT_GETTER (supplier_id, PROP_SUPPLIER_ID)
TEXT_GETTER (contract_id, PROP_CONTRACT_ID)
TEXT_GETTER (service_id, PROP_SERVICE_ID)
TEXT_GETTER (invoice_ref, PROP_INVOICE_REF)
TEXT_GETTER (description, PROP_DESCRIPTION)
TEXT_GETTER (source, PROP_SOURCE)
TEXT_GETTER (billing_date, PROP_BILLING_DATE)
TEXT_GETTER (supplier_name, PROP_SUPPLIER_NAME)
TEXT_GETTER (service_code, PROP_SERVICE_CODE)
TEXT_GETTER (contract_reference, PROP_CONTRACT_REFERENCE)

TEXT_SETTER (id, PROP_ID)
TEXT_SETTER (date, PROP_DATE)
TEXT_SETTER (category, PROP_CATEGORY)
TEXT_SETTER (supplier_id, PROP_SUPPLIER_ID)
TEXT_SETTER (contract_id, PROP_CONTRACT_ID)
TEXT_SETTER (service_id, PROP_SERVICE_ID)
TEXT_SETTER (invoice_ref, PROP_INVOICE_REF)
TEXT_SETTER (description, PROP_DESCRIPTION)

#undef TEXT_GETTER
#undef TEXT_SETTER

gint64
sb_cost_entry_get_amount (SbCostEntry *self)
{
  g_return_val_if_fail (SB_IS_COST_ENTRY (self), 0);

  return self->amount;
}

/**
 * sb_cost_entry_set_amount:
 * @self: a cost entry
 * @amount: minor units of @currency; negative for a credit note
 * @currency: (nullable): an ISO 4217 code; %NULL for the book's base
 *   currency
 *
 * Sets the amount and its currency.
 */
void
sb_cost_entry_set_amount (SbCostEntry *self,
                          gint64       amount,
                          const char  *currency)
{
  g_return_if_fail (SB_IS_COST_ENTRY (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_number (self, PROP_AMOUNT, &self->amount, amount);
  set_text (self, PROP_CURRENCY, currency);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
sb_cost_entry_get_rate_micro (SbCostEntry *self)
{
  g_return_val_if_fail (SB_IS_COST_ENTRY (self), 0);

  return self->rate_micro;
}

/**
 * sb_cost_entry_set_rate_micro:
 * @self: a cost entry
 * @rate_micro: units of the base currency per unit of the entry's
 *   currency × 1,000,000; 0 to leave it to the store for the base
 *   currency
 *
 * Sets the exchange rate used for the entry.
 */
void
sb_cost_entry_set_rate_micro (SbCostEntry *self,
                              gint64       rate_micro)
{
  g_return_if_fail (SB_IS_COST_ENTRY (self));
  g_return_if_fail (rate_micro >= 0);

  set_number (self, PROP_RATE_MICRO, &self->rate_micro, rate_micro);
}

gint64
sb_cost_entry_get_base_amount (SbCostEntry *self)
{
  g_return_val_if_fail (SB_IS_COST_ENTRY (self), 0);

  return self->base_amount;
}

void
sb_cost_entry_set_base_amount (SbCostEntry *self,
                               gint64       base_amount)
{
  g_return_if_fail (SB_IS_COST_ENTRY (self));

  set_number (self, PROP_BASE_AMOUNT, &self->base_amount, base_amount);
}

void
sb_cost_entry_set_source (SbCostEntry *self,
                          const char  *source,
                          const char  *billing_date)
{
  g_return_if_fail (SB_IS_COST_ENTRY (self));
  g_return_if_fail (source != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_text (self, PROP_SOURCE, source);
  set_text (self, PROP_BILLING_DATE, billing_date);
  g_object_thaw_notify (G_OBJECT (self));
}

void
sb_cost_entry_set_names (SbCostEntry *self,
                         const char  *supplier_name,
                         const char  *service_code,
                         const char  *contract_reference)
{
  g_return_if_fail (SB_IS_COST_ENTRY (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_text (self, PROP_SUPPLIER_NAME, supplier_name);
  set_text (self, PROP_SERVICE_CODE, service_code);
  set_text (self, PROP_CONTRACT_REFERENCE, contract_reference);
  g_object_thaw_notify (G_OBJECT (self));
}
