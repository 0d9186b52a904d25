/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include "sb-catalog-private.h"

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CONTACT_PERSON,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_NOTES,
  PROP_STATUS,
  PROP_SERVICE_CODES,
  N_PROPS
};

struct _SbCustomer
{
  GObject parent_instance;

  /* Every field is text, indexed by its property. */
  char   *text[N_PROPS];
};

static const struct
{
  const char *name;
  gboolean    read_only;
} text_props[] = {
  [PROP_ID] = { "id", TRUE },
  [PROP_NAME] = { "name", FALSE },
  [PROP_CONTACT_PERSON] = { "contact-person", FALSE },
  [PROP_EMAIL] = { "email", FALSE },
  [PROP_PHONE] = { "phone", FALSE },
  [PROP_NOTES] = { "notes", FALSE },
  [PROP_STATUS] = { "status", FALSE },
  [PROP_SERVICE_CODES] = { "service-codes", TRUE },
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbCustomer, sb_customer, G_TYPE_OBJECT)

/* Text fields are %NULL or non-empty: an emptied entry means "none". */
static void
set_text (SbCustomer *self,
          guint       prop,
          const char *value)
{
  g_assert (prop > PROP_0 && prop < N_PROPS);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->text[prop], value) == 0)
    return;

  g_free (self->text[prop]);
  self->text[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
sb_customer_finalize (GObject *object)
{
  SbCustomer *self = SB_CUSTOMER (object);

  for (guint i = 0; i < N_PROPS; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (sb_customer_parent_class)->finalize (object);
}

static void
sb_customer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SbCustomer *self = SB_CUSTOMER (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->text[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_customer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SbCustomer *self = SB_CUSTOMER (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS && !text_props[prop_id].read_only)
    set_text (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_customer_class_init (SbCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_customer_finalize;
  object_class->get_property = sb_customer_get_property;
  object_class->set_property = sb_customer_set_property;

  for (guint i = PROP_ID; i < N_PROPS; i++)
    {
      GParamFlags flags = G_PARAM_STATIC_STRINGS;

      if (text_props[i].read_only)
        flags |= G_PARAM_READABLE;
      else
        flags |= G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY;

      properties[i] = g_param_spec_string (text_props[i].name, NULL, NULL,
                                           i == PROP_STATUS ? "active" : NULL,
                                           flags);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sb_customer_init (SbCustomer *self)
{
  self->text[PROP_STATUS] = g_strdup ("active");
}

/**
 * sb_customer_new:
 *
 * Creates an unsaved, active customer.
 *
 * Returns: (transfer full): a new customer
 */
SbCustomer *
sb_customer_new (void)
{
  return g_object_new (SB_TYPE_CUSTOMER, NULL);
}

/**
 * sb_customer_copy:
 * @self: a customer
 *
 * Copies every field, the id and the derived service codes included.
 *
 * Returns: (transfer full): a new customer
 */
SbCustomer *
sb_customer_copy (SbCustomer *self)
{
  SbCustomer *copy;

  g_return_val_if_fail (SB_IS_CUSTOMER (self), NULL);

  copy = sb_customer_new ();
  for (guint i = PROP_ID; i < N_PROPS; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
    }

  return copy;
}

/* The plain text fields: getters return %NULL or a non-empty string;
 * setters take %NULL or "" for none and notify only on a change. */
#define TEXT_GETTER(field, PROP)                                     \
  const char *                                                       \
  sb_customer_get_##field (SbCustomer *self)                         \
  {                                                                  \
    g_return_val_if_fail (SB_IS_CUSTOMER (self), NULL);              \
    return self->text[PROP];                                         \
  }

#define TEXT_SETTER(field, PROP)                                     \
  void                                                               \
  sb_customer_set_##field (SbCustomer *self,                         \
                           const char *value)                        \
  {                                                                  \
    g_return_if_fail (SB_IS_CUSTOMER (self));                        \
    set_text (self, PROP, value);                                    \
  }

TEXT_GETTER (id, PROP_ID)
TEXT_GETTER (name, PROP_NAME)
TEXT_GETTER (contact_person, PROP_CONTACT_PERSON)
TEXT_GETTER (email, PROP_EMAIL)
TEXT_GETTER (phone, PROP_PHONE)
TEXT_GETTER (notes, PROP_NOTES)
TEXT_GETTER (status, PROP_STATUS)
TEXT_GETTER (service_codes, PROP_SERVICE_CODES)

TEXT_SETTER (id, PROP_ID)
TEXT_SETTER (name, PROP_NAME)
TEXT_SETTER (contact_person, PROP_CONTACT_PERSON)
TEXT_SETTER (email, PROP_EMAIL)
TEXT_SETTER (phone, PROP_PHONE)
TEXT_SETTER (notes, PROP_NOTES)
TEXT_SETTER (status, PROP_STATUS)
TEXT_SETTER (service_codes, PROP_SERVICE_CODES)

#undef TEXT_GETTER
#undef TEXT_SETTER
