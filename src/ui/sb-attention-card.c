/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-attention-card.h"
#include "sb-incidents.h"
#include "sb-time.h"

/* The Overview card "Needs attention": open incidents that breached their
 * targets, are at risk, are major or on hold, and the oldest open one.
 * Each row leads into the Incidents page (win.show-incidents).  Rows with
 * nothing to count are left out; with nothing at all, one calm line. */

#define REFRESH_INTERVAL_SECONDS 60

struct _SbAttentionCard
{
  AdwPreferencesGroup  parent_instance;

  SbStore             *store;
  gulong               changed_id;
  guint                timer_id;

  /* Template widgets */
  AdwActionRow        *calm_row;
  AdwActionRow        *breached_row;
  AdwActionRow        *at_risk_row;
  AdwActionRow        *major_row;
  AdwActionRow        *on_hold_row;
  AdwActionRow        *oldest_row;
  GtkLabel            *breached_label;
  GtkLabel            *at_risk_label;
  GtkLabel            *major_label;
  GtkLabel            *on_hold_label;
  GtkLabel            *oldest_label;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbAttentionCard, sb_attention_card, ADW_TYPE_PREFERENCES_GROUP)

static void
show_count (AdwActionRow *row,
            GtkLabel     *label,
            guint         count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (row), count > 0);
}

static void
refresh (SbAttentionCard *self)
{
  SbIncidentAttention attention = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 now = sb_time_now_ms ();
  gboolean calm;

  if (self->store == NULL)
    return;

  if (!sb_incidents_get_attention (self->store, now, &attention, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      /* Say it where the counts would be: a card cannot pop up dialogs. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->calm_row),
                                     _("Incidents cannot be counted"));
      adw_action_row_set_subtitle (self->calm_row, escaped);
      gtk_widget_set_visible (GTK_WIDGET (self->calm_row), TRUE);
      return;
    }

  show_count (self->breached_row, self->breached_label, attention.n_breached);
  show_count (self->at_risk_row, self->at_risk_label, attention.n_at_risk);
  show_count (self->major_row, self->major_label, attention.n_major);
  show_count (self->on_hold_row, self->on_hold_label, attention.n_on_hold);

  calm = attention.n_breached == 0 && attention.n_at_risk == 0 &&
         attention.n_major == 0 && attention.n_on_hold == 0;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->calm_row), _("Nothing needs attention"));
  adw_action_row_set_subtitle (self->calm_row,
                               attention.n_open == 0
                                 ? _("No incident is open.")
                                 : _("No open incident has breached its target, is at risk or is major."));
  gtk_widget_set_visible (GTK_WIDGET (self->calm_row), calm);

  if (attention.oldest_open_id != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (C_("reference and title", "%s — %s"),
                                                   attention.oldest_open_reference,
                                                   attention.oldest_open_title);
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      g_autofree char *target = g_strconcat ("incident:", attention.oldest_open_id, NULL);
      g_autofree char *age = sb_duration_format (MAX (0, now - attention.oldest_open_ms) / 60000);
      g_autofree char *age_text = g_strdup_printf (C_("age of an open incident", "open %s"), age);

      adw_action_row_set_subtitle (self->oldest_row, escaped);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->oldest_row), "s", target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->oldest_row), "win.show-incidents");
      gtk_label_set_label (self->oldest_label, age_text);
      gtk_widget_set_visible (GTK_WIDGET (self->oldest_row), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->oldest_row), FALSE);
    }

  sb_incident_attention_clear (&attention);
}

static void
on_store_changed_cb (SbAttentionCard *self,
                     const char      *table)
{
  refresh (self);
}

static gboolean
on_timer_cb (gpointer user_data)
{
  refresh (SB_ATTENTION_CARD (user_data));

  return G_SOURCE_CONTINUE;
}

static void
sb_attention_card_map (GtkWidget *widget)
{
  SbAttentionCard *self = SB_ATTENTION_CARD (widget);

  GTK_WIDGET_CLASS (sb_attention_card_parent_class)->map (widget);

  /* Clocks move on while the Overview is shown. */
  if (self->timer_id == 0)
    {
      refresh (self);
      self->timer_id = g_timeout_add_seconds (REFRESH_INTERVAL_SECONDS, on_timer_cb, self);
    }
}

static void
sb_attention_card_unmap (GtkWidget *widget)
{
  SbAttentionCard *self = SB_ATTENTION_CARD (widget);

  g_clear_handle_id (&self->timer_id, g_source_remove);

  GTK_WIDGET_CLASS (sb_attention_card_parent_class)->unmap (widget);
}

static void
sb_attention_card_constructed (GObject *object)
{
  SbAttentionCard *self = SB_ATTENTION_CARD (object);

  G_OBJECT_CLASS (sb_attention_card_parent_class)->constructed (object);

  if (self->store != NULL)
    self->changed_id = g_signal_connect_object (self->store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
sb_attention_card_dispose (GObject *object)
{
  SbAttentionCard *self = SB_ATTENTION_CARD (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_ATTENTION_CARD);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sb_attention_card_parent_class)->dispose (object);
}

static void
sb_attention_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbAttentionCard *self = SB_ATTENTION_CARD (object);

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
sb_attention_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbAttentionCard *self = SB_ATTENTION_CARD (object);

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
sb_attention_card_class_init (SbAttentionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sb_attention_card_constructed;
  object_class->dispose = sb_attention_card_dispose;
  object_class->get_property = sb_attention_card_get_property;
  object_class->set_property = sb_attention_card_set_property;

  widget_class->map = sb_attention_card_map;
  widget_class->unmap = sb_attention_card_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-attention-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, calm_row);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, breached_row);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, at_risk_row);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, major_row);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, on_hold_row);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, oldest_row);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, breached_label);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, at_risk_label);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, major_label);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, on_hold_label);
  gtk_widget_class_bind_template_child (widget_class, SbAttentionCard, oldest_label);
}

static void
sb_attention_card_init (SbAttentionCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
