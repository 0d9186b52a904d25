/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-book-card.h"

/* The Overview card "Your Book": where the file is and what it holds. */

struct _SbBookCard
{
  AdwPreferencesGroup  parent_instance;

  SbStore             *store;
  gulong               changed_id;
  gulong               currency_id;

  /* Template widgets */
  AdwActionRow        *location_row;
  GtkLabel            *currency_label;
  GtkLabel            *records_label;
  GtkLabel            *schema_label;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbBookCard, sb_book_card, ADW_TYPE_PREFERENCES_GROUP)

static void
refresh (SbBookCard *self)
{
  g_autofree char *location = NULL;
  g_autofree char *records = NULL;
  g_autofree char *schema = NULL;

  if (self->store == NULL)
    return;

  /* The subtitle is markup; a path is plain text. */
  location = g_markup_escape_text (sb_store_get_path (self->store), -1);
  adw_action_row_set_subtitle (self->location_row, location);

  gtk_label_set_label (self->currency_label, sb_store_get_base_currency (self->store));

  records = g_strdup_printf ("%'" G_GINT64_FORMAT, sb_store_count_records (self->store));
  gtk_label_set_label (self->records_label, records);

  schema = g_strdup_printf ("%d", sb_store_get_schema_version (self->store));
  gtk_label_set_label (self->schema_label, schema);
}

static void
on_store_changed_cb (SbBookCard *self,
                     const char *table)
{
  refresh (self);
}

static void
sb_book_card_constructed (GObject *object)
{
  SbBookCard *self = SB_BOOK_CARD (object);

  G_OBJECT_CLASS (sb_book_card_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      self->changed_id = g_signal_connect_object (self->store, "changed",
                                                  G_CALLBACK (on_store_changed_cb),
                                                  self, G_CONNECT_SWAPPED);
      self->currency_id = g_signal_connect_object (self->store, "notify::base-currency",
                                                   G_CALLBACK (refresh),
                                                   self, G_CONNECT_SWAPPED);
    }

  refresh (self);
}

static void
sb_book_card_dispose (GObject *object)
{
  SbBookCard *self = SB_BOOK_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_BOOK_CARD);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->currency_id, self->store);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_book_card_parent_class)->dispose (object);
}

static void
sb_book_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SbBookCard *self = SB_BOOK_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_book_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SbBookCard *self = SB_BOOK_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_book_card_class_init (SbBookCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_book_card_constructed;
  object_class->dispose = sb_book_card_dispose;
  object_class->get_property = sb_book_card_get_property;
  object_class->set_property = sb_book_card_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-book-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SbBookCard, location_row);
  gtk_widget_class_bind_template_child (widget_class, SbBookCard, currency_label);
  gtk_widget_class_bind_template_child (widget_class, SbBookCard, records_label);
  gtk_widget_class_bind_template_child (widget_class, SbBookCard, schema_label);
}

static void
sb_book_card_init (SbBookCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
