/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include "sb-suppliers-private.h"

/* A dispute with a supplier (sb-supplier.h). */


enum
{
  DISPUTE_PROP_0,
  DISPUTE_PROP_ID,
  DISPUTE_PROP_SUPPLIER_ID,
  DISPUTE_PROP_CONTRACT_ID,
  DISPUTE_PROP_RAISED_ON,
  DISPUTE_PROP_TITLE,
  DISPUTE_PROP_DESCRIPTION,
  DISPUTE_PROP_STATUS,
  DISPUTE_PROP_CURRENCY,
  DISPUTE_PROP_OUTCOME,
  DISPUTE_PROP_CLOSED_ON,
  DISPUTE_N_TEXT,
  DISPUTE_PROP_AMOUNT = DISPUTE_N_TEXT,
  DISPUTE_PROP_IS_OPEN,
  DISPUTE_N_PROPS
};

struct _SbSupplierDispute
{
  GObject  parent_instance;

  char    *text[DISPUTE_N_TEXT];
  gint64   amount;
};

static const struct
{
  const char *name;
  const char *default_value;
} dispute_text_props[DISPUTE_N_TEXT] = {
  [DISPUTE_PROP_ID] = { "id", NULL },
  [DISPUTE_PROP_SUPPLIER_ID] = { "supplier-id", NULL },
  [DISPUTE_PROP_CONTRACT_ID] = { "contract-id", NULL },
  [DISPUTE_PROP_RAISED_ON] = { "raised-on", NULL },
  [DISPUTE_PROP_TITLE] = { "title", NULL },
  [DISPUTE_PROP_DESCRIPTION] = { "description", NULL },
  [DISPUTE_PROP_STATUS] = { "status", "open" },
  [DISPUTE_PROP_CURRENCY] = { "currency", NULL },
  [DISPUTE_PROP_OUTCOME] = { "outcome", NULL },
  [DISPUTE_PROP_CLOSED_ON] = { "closed-on", NULL },
};

static GParamSpec *dispute_props[DISPUTE_N_PROPS];

G_DEFINE_FINAL_TYPE (SbSupplierDispute, sb_supplier_dispute, G_TYPE_OBJECT)

static void
dispute_set_text (SbSupplierDispute *self,
                  guint              prop,
                  const char        *value)
{
  gboolean was_open;

  g_assert (prop > DISPUTE_PROP_0 && prop < DISPUTE_N_TEXT);

  was_open = sb_supplier_dispute_is_open (self);
  if (!sb_supplier_replace_text (&self->text[prop], value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), dispute_props[prop]);
  if (was_open != sb_supplier_dispute_is_open (self))
    g_object_notify_by_pspec (G_OBJECT (self), dispute_props[DISPUTE_PROP_IS_OPEN]);
}

static void
sb_supplier_dispute_finalize (GObject *object)
{
  SbSupplierDispute *self = SB_SUPPLIER_DISPUTE (object);

  for (guint i = 0; i < DISPUTE_N_TEXT; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (sb_supplier_dispute_parent_class)->finalize (object);
}

static void
sb_supplier_dispute_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SbSupplierDispute *self = SB_SUPPLIER_DISPUTE (object);

  if (prop_id > DISPUTE_PROP_0 && prop_id < DISPUTE_N_TEXT)
    g_value_set_string (value, self->text[prop_id]);
  else if (prop_id == DISPUTE_PROP_AMOUNT)
    g_value_set_int64 (value, self->amount);
  else if (prop_id == DISPUTE_PROP_IS_OPEN)
    g_value_set_boolean (value, sb_supplier_dispute_is_open (self));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_supplier_dispute_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SbSupplierDispute *self = SB_SUPPLIER_DISPUTE (object);

  if (prop_id == DISPUTE_PROP_SUPPLIER_ID)
    sb_supplier_replace_text (&self->text[prop_id], g_value_get_string (value));
  else if (prop_id > DISPUTE_PROP_SUPPLIER_ID && prop_id < DISPUTE_N_TEXT)
    dispute_set_text (self, prop_id, g_value_get_string (value));
  else if (prop_id == DISPUTE_PROP_AMOUNT)
    sb_supplier_dispute_set_amount (self, g_value_get_int64 (value), self->text[DISPUTE_PROP_CURRENCY]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_supplier_dispute_class_init (SbSupplierDisputeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_supplier_dispute_finalize;
  object_class->get_property = sb_supplier_dispute_get_property;
  object_class->set_property = sb_supplier_dispute_set_property;

  for (guint i = DISPUTE_PROP_ID; i < DISPUTE_N_TEXT; i++)
    {
      if (i != DISPUTE_PROP_SUPPLIER_ID)
        dispute_props[i] = sb_supplier_text_pspec (dispute_text_props[i].name,
                                       dispute_text_props[i].default_value,
                                       i == DISPUTE_PROP_ID);
    }

  dispute_props[DISPUTE_PROP_SUPPLIER_ID] =
    g_param_spec_string ("supplier-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* minor units of "currency"; -1: no amount */
  dispute_props[DISPUTE_PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  dispute_props[DISPUTE_PROP_IS_OPEN] =
    g_param_spec_boolean ("is-open", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, DISPUTE_N_PROPS, dispute_props);
}

static void
sb_supplier_dispute_init (SbSupplierDispute *self)
{
  for (guint i = DISPUTE_PROP_ID; i < DISPUTE_N_TEXT; i++)
    self->text[i] = g_strdup (dispute_text_props[i].default_value);
  self->amount = -1;
}

/**
 * sb_supplier_dispute_new:
 * @supplier_id: the id of the supplier the dispute is with
 *
 * Creates an unsaved open dispute without an amount; save it with
 * sb_suppliers_save_dispute().
 *
 * Returns: (transfer full): a new dispute
 */
SbSupplierDispute *
sb_supplier_dispute_new (const char *supplier_id)
{
  return g_object_new (SB_TYPE_SUPPLIER_DISPUTE, "supplier-id", supplier_id, NULL);
}

/**
 * sb_supplier_dispute_copy:
 * @self: a dispute
 *
 * Copies every field, the id included.
 *
 * Returns: (transfer full): a new dispute
 */
SbSupplierDispute *
sb_supplier_dispute_copy (SbSupplierDispute *self)
{
  SbSupplierDispute *copy;

  g_return_val_if_fail (SB_IS_SUPPLIER_DISPUTE (self), NULL);

  copy = sb_supplier_dispute_new (self->text[DISPUTE_PROP_SUPPLIER_ID]);
  for (guint i = DISPUTE_PROP_ID; i < DISPUTE_N_TEXT; i++)
    sb_supplier_replace_text (&copy->text[i], self->text[i]);
  copy->amount = self->amount;

  return copy;
}

void
sb_supplier_dispute_set_id (SbSupplierDispute *self,
                            const char        *id)
{
  g_return_if_fail (SB_IS_SUPPLIER_DISPUTE (self));

  dispute_set_text (self, DISPUTE_PROP_ID, id);
}

const char *
sb_supplier_dispute_get_id (SbSupplierDispute *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DISPUTE (self), NULL);

  return self->text[DISPUTE_PROP_ID];
}

const char *
sb_supplier_dispute_get_supplier_id (SbSupplierDispute *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DISPUTE (self), NULL);

  return self->text[DISPUTE_PROP_SUPPLIER_ID];
}

const char *
sb_supplier_dispute_get_currency (SbSupplierDispute *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DISPUTE (self), NULL);

  return self->text[DISPUTE_PROP_CURRENCY];
}

#define DISPUTE_TEXT(field, PROP)                                    \
  const char *                                                       \
  sb_supplier_dispute_get_##field (SbSupplierDispute *self)          \
  {                                                                  \
    g_return_val_if_fail (SB_IS_SUPPLIER_DISPUTE (self), NULL);      \
    return self->text[PROP];                                         \
  }                                                                  \
                                                                     \
  void                                                               \
  sb_supplier_dispute_set_##field (SbSupplierDispute *self,          \
                                   const char        *value)         \
  {                                                                  \
    g_return_if_fail (SB_IS_SUPPLIER_DISPUTE (self));                \
    dispute_set_text (self, PROP, value);                            \
  }

DISPUTE_TEXT (contract_id, DISPUTE_PROP_CONTRACT_ID)
DISPUTE_TEXT (raised_on, DISPUTE_PROP_RAISED_ON)
DISPUTE_TEXT (title, DISPUTE_PROP_TITLE)
DISPUTE_TEXT (description, DISPUTE_PROP_DESCRIPTION)
DISPUTE_TEXT (status, DISPUTE_PROP_STATUS)
DISPUTE_TEXT (outcome, DISPUTE_PROP_OUTCOME)
DISPUTE_TEXT (closed_on, DISPUTE_PROP_CLOSED_ON)

#undef DISPUTE_TEXT

/**
 * sb_supplier_dispute_get_amount:
 * @self: a dispute
 *
 * Returns: the amount in dispute in minor units of
 *   sb_supplier_dispute_get_currency(), or -1 for none
 */
gint64
sb_supplier_dispute_get_amount (SbSupplierDispute *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER_DISPUTE (self), -1);

  return self->amount;
}

/**
 * sb_supplier_dispute_set_amount:
 * @self: a dispute
 * @amount: minor units of @currency, or -1 for no amount
 * @currency: (nullable): an ISO 4217 code such as EUR
 *
 * Sets the amount in dispute. Other negative amounts are kept as given
 * and refused by sb_suppliers_save_dispute().
 */
void
sb_supplier_dispute_set_amount (SbSupplierDispute *self,
                                gint64             amount,
                                const char        *currency)
{
  g_return_if_fail (SB_IS_SUPPLIER_DISPUTE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->amount != amount)
    {
      self->amount = amount;
      g_object_notify_by_pspec (G_OBJECT (self), dispute_props[DISPUTE_PROP_AMOUNT]);
    }
  dispute_set_text (self, DISPUTE_PROP_CURRENCY, currency);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * sb_supplier_dispute_is_open:
 * @self: a dispute
 *
 * Returns: %TRUE while the dispute is open or in progress
 */
gboolean
sb_supplier_dispute_is_open (SbSupplierDispute *self)
{
  const char *status;

  g_return_val_if_fail (SB_IS_SUPPLIER_DISPUTE (self), FALSE);

  status = self->text[DISPUTE_PROP_STATUS];

  return g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "in-progress") == 0;
}
