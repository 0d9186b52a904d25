/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-attention-card.h"
#include "sb-book-card.h"
#include "sb-budget-card.h"
#include "sb-deadlines-card.h"
#include "sb-overview-page.h"
#include "sb-sample-data.h"

/* The cards of the Overview, top to bottom.  Each register adds the card
 * that shows what needs attention in it, above "Your Book".
 *
 * A card is any widget type with a construct property "store" (SbStore);
 * it refreshes itself on the store's "changed" signal and hides itself
 * when it has nothing to say. */
static GType (*const card_types[]) (void) = {
  sb_attention_card_get_type,
  sb_deadlines_card_get_type,
  sb_budget_card_get_type,
  sb_book_card_get_type,
};

struct _SbOverviewPage
{
  GtkWidget  parent_instance;

  SbStore   *store;
  gulong     changed_id;

  /* Template widgets */
  GtkStack  *stack;
  GtkBox    *cards;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbOverviewPage, sb_overview_page, GTK_TYPE_WIDGET)

static void
add_toast (SbOverviewPage *self,
           const char     *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }

  /* A toast's title is markup; an error message is plain text. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
refresh (SbOverviewPage *self)
{
  gboolean welcome = FALSE;

  if (self->store != NULL)
    welcome = sb_store_count_records (self->store) == 0 &&
              !sb_store_get_welcome_done (self->store);

  gtk_stack_set_visible_child_name (self->stack, welcome ? "welcome" : "overview");
}

static void
on_store_changed_cb (SbOverviewPage *self,
                     const char     *table)
{
  refresh (self);
}

static void
load_sample_data_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SbOverviewPage *self = SB_OVERVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 before;
  gint64 added;

  g_return_if_fail (self->store != NULL);

  before = sb_store_count_records (self->store);

  if (!sb_sample_data_load (self->store, &error) ||
      (!sb_store_get_welcome_done (self->store) &&
       !sb_store_set_welcome_done (self->store, &error)))
    {
      add_toast (self, error->message);
      refresh (self);
      return;
    }

  added = sb_store_count_records (self->store) - before;
  if (added > 0)
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (ngettext ("Added %d sample record",
                                         "Added %d sample records",
                                         (unsigned long) added),
                               (int) added);
      add_toast (self, title);
    }
  else
    {
      add_toast (self, _("No sample records to add yet"));
    }

  refresh (self);
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SbOverviewPage *self = SB_OVERVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->store != NULL);

  if (!sb_store_set_welcome_done (self->store, &error))
    add_toast (self, error->message);

  refresh (self);
}

static void
sb_overview_page_constructed (GObject *object)
{
  SbOverviewPage *self = SB_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (sb_overview_page_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (card_types); i++)
        {
          GtkWidget *card = g_object_new (card_types[i] (),
                                          "store", self->store,
                                          NULL);

          gtk_box_append (self->cards, card);
        }

      self->changed_id = g_signal_connect_object (self->store, "changed",
                                                  G_CALLBACK (on_store_changed_cb),
                                                  self, G_CONNECT_SWAPPED);
    }

  refresh (self);
}

static void
sb_overview_page_dispose (GObject *object)
{
  SbOverviewPage *self = SB_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_OVERVIEW_PAGE);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_overview_page_parent_class)->dispose (object);
}

static void
sb_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SbOverviewPage *self = SB_OVERVIEW_PAGE (object);

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
sb_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SbOverviewPage *self = SB_OVERVIEW_PAGE (object);

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
sb_overview_page_class_init (SbOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_overview_page_constructed;
  object_class->dispose = sb_overview_page_dispose;
  object_class->get_property = sb_overview_page_get_property;
  object_class->set_property = sb_overview_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SbOverviewPage, cards);

  gtk_widget_class_install_action (widget_class, "overview.load-sample-data", NULL,
                                   load_sample_data_action);
  gtk_widget_class_install_action (widget_class, "overview.start-empty", NULL,
                                   start_empty_action);
}

static void
sb_overview_page_init (SbOverviewPage *self)
{
  g_type_ensure (SB_TYPE_BOOK_CARD);

  gtk_widget_init_template (GTK_WIDGET (self));
}

SbStore *
sb_overview_page_get_store (SbOverviewPage *self)
{
  g_return_val_if_fail (SB_IS_OVERVIEW_PAGE (self), NULL);

  return self->store;
}
