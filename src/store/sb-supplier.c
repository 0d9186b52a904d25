/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-store"

#include "config.h"

#include "sb-suppliers-private.h"

/*
 * The value objects of the supplier register: a supplier with its
 * contacts (here), a review (sb-supplier-review.c) and a dispute
 * (sb-supplier-dispute.c). Their main fields are GObject properties too,
 * so that list views can bind and sort on them; setters notify only when
 * the value really changes. Text fields hold %NULL or a non-empty string:
 * an emptied entry means "none".
 */

/* Replaces the text in @slot; %TRUE when it changed. */
gboolean
sb_supplier_replace_text (char       **slot,
                          const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);

  return TRUE;
}

GParamSpec *
sb_supplier_text_pspec (const char *name,
                        const char *default_value,
                        gboolean    read_only)
{
  GParamFlags flags = G_PARAM_STATIC_STRINGS;

  if (read_only)
    flags |= G_PARAM_READABLE;
  else
    flags |= G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY;

  return g_param_spec_string (name, NULL, NULL, default_value, flags);
}

/* SbSupplierContact */

/**
 * sb_supplier_contact_new:
 * @name: the person's name
 * @role: (nullable): what they do for us, such as "Account manager"
 * @email: (nullable): their email address
 * @phone: (nullable): their phone number
 *
 * Creates an unsaved contact; empty strings are stored as %NULL.
 *
 * Returns: (transfer full): a new contact, freed with
 *   sb_supplier_contact_free()
 */
SbSupplierContact *
sb_supplier_contact_new (const char *name,
                         const char *role,
                         const char *email,
                         const char *phone)
{
  SbSupplierContact *contact = g_new0 (SbSupplierContact, 1);

  sb_supplier_replace_text (&contact->name, name);
  sb_supplier_replace_text (&contact->role, role);
  sb_supplier_replace_text (&contact->email, email);
  sb_supplier_replace_text (&contact->phone, phone);

  return contact;
}

/**
 * sb_supplier_contact_copy:
 * @contact: a contact
 *
 * Copies a contact, its id included.
 *
 * Returns: (transfer full): a new contact
 */
SbSupplierContact *
sb_supplier_contact_copy (const SbSupplierContact *contact)
{
  SbSupplierContact *copy;

  g_return_val_if_fail (contact != NULL, NULL);

  copy = sb_supplier_contact_new (contact->name, contact->role, contact->email, contact->phone);
  copy->id = g_strdup (contact->id);

  return copy;
}

/**
 * sb_supplier_contact_free:
 * @contact: (nullable): a contact
 *
 * Frees a contact.
 */
void
sb_supplier_contact_free (SbSupplierContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->id);
  g_free (contact->name);
  g_free (contact->role);
  g_free (contact->email);
  g_free (contact->phone);
  g_free (contact);
}

static GPtrArray *
copy_contacts (GPtrArray *contacts)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify)sb_supplier_contact_free);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    g_ptr_array_add (copy, sb_supplier_contact_copy (g_ptr_array_index (contacts, i)));

  return copy;
}

/* SbSupplier */

enum
{
  SUPPLIER_PROP_0,
  SUPPLIER_PROP_ID,
  SUPPLIER_PROP_NAME,
  SUPPLIER_PROP_KIND,
  SUPPLIER_PROP_STATUS,
  SUPPLIER_PROP_CRITICALITY,
  SUPPLIER_PROP_WEBSITE,
  SUPPLIER_PROP_ACCOUNT_NUMBER,
  SUPPLIER_PROP_RELATIONSHIP_OWNER,
  SUPPLIER_PROP_NOTES,
  SUPPLIER_N_TEXT,
  SUPPLIER_PROP_MAIN_CONTACT = SUPPLIER_N_TEXT,
  SUPPLIER_PROP_N_CONTACTS,
  SUPPLIER_N_PROPS
};

struct _SbSupplier
{
  GObject    parent_instance;

  char      *text[SUPPLIER_N_TEXT];
  GPtrArray *contacts;
};

static const struct
{
  const char *name;
  const char *default_value;
} supplier_text_props[SUPPLIER_N_TEXT] = {
  [SUPPLIER_PROP_ID] = { "id", NULL },
  [SUPPLIER_PROP_NAME] = { "name", NULL },
  [SUPPLIER_PROP_KIND] = { "kind", "external" },
  [SUPPLIER_PROP_STATUS] = { "status", "active" },
  [SUPPLIER_PROP_CRITICALITY] = { "criticality", "medium" },
  [SUPPLIER_PROP_WEBSITE] = { "website", NULL },
  [SUPPLIER_PROP_ACCOUNT_NUMBER] = { "account-number", NULL },
  [SUPPLIER_PROP_RELATIONSHIP_OWNER] = { "relationship-owner", NULL },
  [SUPPLIER_PROP_NOTES] = { "notes", NULL },
};

static GParamSpec *supplier_props[SUPPLIER_N_PROPS];

G_DEFINE_FINAL_TYPE (SbSupplier, sb_supplier, G_TYPE_OBJECT)

static void
supplier_set_text (SbSupplier *self,
                   guint       prop,
                   const char *value)
{
  g_assert (prop > SUPPLIER_PROP_0 && prop < SUPPLIER_N_TEXT);

  if (sb_supplier_replace_text (&self->text[prop], value))
    g_object_notify_by_pspec (G_OBJECT (self), supplier_props[prop]);
}

static const char *
main_contact_name (SbSupplier *self)
{
  if (self->contacts->len == 0)
    return NULL;

  return ((SbSupplierContact *)g_ptr_array_index (self->contacts, 0))->name;
}

static void
sb_supplier_finalize (GObject *object)
{
  SbSupplier *self = SB_SUPPLIER (object);

  for (guint i = 0; i < SUPPLIER_N_TEXT; i++)
    g_free (self->text[i]);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_supplier_parent_class)->finalize (object);
}

static void
sb_supplier_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SbSupplier *self = SB_SUPPLIER (object);

  if (prop_id > SUPPLIER_PROP_0 && prop_id < SUPPLIER_N_TEXT)
    g_value_set_string (value, self->text[prop_id]);
  else if (prop_id == SUPPLIER_PROP_MAIN_CONTACT)
    g_value_set_string (value, main_contact_name (self));
  else if (prop_id == SUPPLIER_PROP_N_CONTACTS)
    g_value_set_uint (value, self->contacts->len);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_supplier_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SbSupplier *self = SB_SUPPLIER (object);

  if (prop_id > SUPPLIER_PROP_ID && prop_id < SUPPLIER_N_TEXT)
    supplier_set_text (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sb_supplier_class_init (SbSupplierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sb_supplier_finalize;
  object_class->get_property = sb_supplier_get_property;
  object_class->set_property = sb_supplier_set_property;

  for (guint i = SUPPLIER_PROP_ID; i < SUPPLIER_N_TEXT; i++)
    supplier_props[i] = sb_supplier_text_pspec (supplier_text_props[i].name,
                                    supplier_text_props[i].default_value,
                                    i == SUPPLIER_PROP_ID);

  /**
   * SbSupplier:main-contact:
   *
   * The name of the first contact, the main one; %NULL without contacts.
   */
  supplier_props[SUPPLIER_PROP_MAIN_CONTACT] = sb_supplier_text_pspec ("main-contact", NULL, TRUE);
  supplier_props[SUPPLIER_PROP_N_CONTACTS] =
    g_param_spec_uint ("n-contacts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, SUPPLIER_N_PROPS, supplier_props);
}

static void
sb_supplier_init (SbSupplier *self)
{
  for (guint i = SUPPLIER_PROP_ID; i < SUPPLIER_N_TEXT; i++)
    self->text[i] = g_strdup (supplier_text_props[i].default_value);
  self->contacts = copy_contacts (NULL);
}

/**
 * sb_supplier_new:
 *
 * Creates a draft supplier: kind external, status active, criticality
 * medium, no contacts.
 *
 * Returns: (transfer full): a new supplier
 */
SbSupplier *
sb_supplier_new (void)
{
  return g_object_new (SB_TYPE_SUPPLIER, NULL);
}

/**
 * sb_supplier_copy:
 * @self: a supplier
 *
 * Copies every field, the id and the contacts (deeply) included, so the
 * copy can be edited without touching @self.
 *
 * Returns: (transfer full): a new supplier
 */
SbSupplier *
sb_supplier_copy (SbSupplier *self)
{
  SbSupplier *copy;

  g_return_val_if_fail (SB_IS_SUPPLIER (self), NULL);

  copy = sb_supplier_new ();
  for (guint i = SUPPLIER_PROP_ID; i < SUPPLIER_N_TEXT; i++)
    {
      g_free (copy->text[i]);
      copy->text[i] = g_strdup (self->text[i]);
    }
  g_ptr_array_unref (copy->contacts);
  copy->contacts = copy_contacts (self->contacts);

  return copy;
}

void
sb_supplier_set_id (SbSupplier *self,
                    const char *id)
{
  g_return_if_fail (SB_IS_SUPPLIER (self));

  supplier_set_text (self, SUPPLIER_PROP_ID, id);
}

#define SUPPLIER_TEXT(field, PROP)                                   \
  const char *                                                       \
  sb_supplier_get_##field (SbSupplier *self)                         \
  {                                                                  \
    g_return_val_if_fail (SB_IS_SUPPLIER (self), NULL);              \
    return self->text[PROP];                                         \
  }                                                                  \
                                                                     \
  void                                                               \
  sb_supplier_set_##field (SbSupplier *self,                         \
                           const char *value)                        \
  {                                                                  \
    g_return_if_fail (SB_IS_SUPPLIER (self));                        \
    supplier_set_text (self, PROP, value);                           \
  }

SUPPLIER_TEXT (name, SUPPLIER_PROP_NAME)
SUPPLIER_TEXT (kind, SUPPLIER_PROP_KIND)
SUPPLIER_TEXT (status, SUPPLIER_PROP_STATUS)
SUPPLIER_TEXT (criticality, SUPPLIER_PROP_CRITICALITY)
SUPPLIER_TEXT (website, SUPPLIER_PROP_WEBSITE)
SUPPLIER_TEXT (account_number, SUPPLIER_PROP_ACCOUNT_NUMBER)
SUPPLIER_TEXT (relationship_owner, SUPPLIER_PROP_RELATIONSHIP_OWNER)
SUPPLIER_TEXT (notes, SUPPLIER_PROP_NOTES)

#undef SUPPLIER_TEXT

const char *
sb_supplier_get_id (SbSupplier *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER (self), NULL);

  return self->text[SUPPLIER_PROP_ID];
}

/**
 * sb_supplier_get_contacts:
 * @self: a supplier
 *
 * The supplier's contacts in order, the main one first. The array
 * belongs to @self; a form may edit the contacts in it, add and remove
 * some, and hand the supplier to sb_suppliers_save().
 *
 * Returns: (transfer none) (element-type SbSupplierContact): the contacts
 */
GPtrArray *
sb_supplier_get_contacts (SbSupplier *self)
{
  g_return_val_if_fail (SB_IS_SUPPLIER (self), NULL);

  return self->contacts;
}

/**
 * sb_supplier_set_contacts:
 * @self: a supplier
 * @contacts: (nullable) (element-type SbSupplierContact): the new
 *   contacts, in order; copied
 *
 * Replaces the contacts with copies of @contacts (it may be the array of
 * sb_supplier_get_contacts()). A contact with an id is the saved contact
 * of that id; one without is new.
 */
void
sb_supplier_set_contacts (SbSupplier *self,
                          GPtrArray  *contacts)
{
  g_autofree char *old_main = NULL;
  guint old_len;
  GPtrArray *copy;

  g_return_if_fail (SB_IS_SUPPLIER (self));

  old_main = g_strdup (main_contact_name (self));
  old_len = self->contacts->len;

  copy = copy_contacts (contacts);
  g_ptr_array_unref (self->contacts);
  self->contacts = copy;

  if (g_strcmp0 (old_main, main_contact_name (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), supplier_props[SUPPLIER_PROP_MAIN_CONTACT]);
  if (old_len != self->contacts->len)
    g_object_notify_by_pspec (G_OBJECT (self), supplier_props[SUPPLIER_PROP_N_CONTACTS]);
}
