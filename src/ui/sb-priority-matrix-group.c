/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-catalog.h"
#include "sb-priority-matrix-group.h"

/* The book's priority matrix as a grid: impact down, urgency across, a
 * priority to choose in each cell. Each choice is saved at once. */

#define LEVELS SB_PRIORITY_MATRIX_LEVELS

struct _SbPriorityMatrixGroup
{
  AdwPreferencesGroup  parent_instance;

  SbStore             *store;
  gulong               changed_id;
  GtkDropDown         *cells[LEVELS][LEVELS];
  guint                updating : 1;

  /* Template widgets */
  GtkGrid             *grid;
  GtkLabel            *problem_label;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbPriorityMatrixGroup, sb_priority_matrix_group, ADW_TYPE_PREFERENCES_GROUP)

static const char *
level_name (guint level)
{
  switch (level)
    {
    case 1: return C_("impact or urgency", "High");
    case 2: return C_("impact or urgency", "Medium");
    default: return C_("impact or urgency", "Low");
    }
}

static void
refresh (SbPriorityMatrixGroup *self)
{
  g_autoptr(SbPriorityMatrix) matrix = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->grid), self->store != NULL);
  if (self->store == NULL)
    return;

  matrix = sb_catalog_get_priority_matrix (self->store);
  if (matrix == NULL)
    return;

  self->updating = TRUE;
  for (guint impact = 1; impact <= LEVELS; impact++)
    for (guint urgency = 1; urgency <= LEVELS; urgency++)
      gtk_drop_down_set_selected (self->cells[impact - 1][urgency - 1],
                                  sb_priority_matrix_get (matrix, impact, urgency) - 1);
  self->updating = FALSE;
}

static void
on_cell_selected_cb (GtkDropDown           *cell,
                     GParamSpec            *pspec,
                     SbPriorityMatrixGroup *self)
{
  guint impact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "impact"));
  guint urgency = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "urgency"));

  if (self->updating)
    return;

  sb_priority_matrix_group_choose (self, impact, urgency, gtk_drop_down_get_selected (cell) + 1);
}

static void
on_store_changed_cb (SbPriorityMatrixGroup *self,
                     const char            *table)
{
  refresh (self);
}

static GtkWidget *
heading (const char *text,
         float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");

  return label;
}

static void
build_grid (SbPriorityMatrixGroup *self)
{
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);

  for (int p = SB_PRIORITY_CRITICAL; p <= SB_PRIORITY_PLANNING; p++)
    {
      /* Translators: a priority in the matrix, as in “1 · Critical” */
      g_autofree char *item = g_strdup_printf (_("%d · %s"), p, sb_priority_get_name ((SbPriority) p));

      gtk_string_list_append (priorities, item);
    }

  gtk_grid_attach (self->grid, heading (_("Impact ↓ Urgency →"), 0.0), 0, 0, 1, 1);

  for (guint level = 1; level <= LEVELS; level++)
    {
      /* Translators: a column of the matrix, as in “1 · High” */
      g_autofree char *urgency = g_strdup_printf (_("%u · %s"), level, level_name (level));
      /* Translators: a row of the matrix, as in “1 · High” */
      g_autofree char *impact = g_strdup_printf (_("%u · %s"), level, level_name (level));

      gtk_grid_attach (self->grid, heading (urgency, 0.5), level, 0, 1, 1);
      gtk_grid_attach (self->grid, heading (impact, 0.0), 0, level, 1, 1);
    }

  for (guint impact = 1; impact <= LEVELS; impact++)
    for (guint urgency = 1; urgency <= LEVELS; urgency++)
      {
        GtkWidget *cell = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (priorities)), NULL);
        g_autofree char *label = NULL;

        /* Translators: accessible name of a cell of the priority matrix */
        label = g_strdup_printf (_("Priority for impact %s and urgency %s"),
                                 level_name (impact), level_name (urgency));
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        gtk_widget_set_tooltip_text (cell, label);
        g_object_set_data (G_OBJECT (cell), "impact", GUINT_TO_POINTER (impact));
        g_object_set_data (G_OBJECT (cell), "urgency", GUINT_TO_POINTER (urgency));
        g_signal_connect (cell, "notify::selected", G_CALLBACK (on_cell_selected_cb), self);
        gtk_grid_attach (self->grid, cell, urgency, impact, 1, 1);
        self->cells[impact - 1][urgency - 1] = GTK_DROP_DOWN (cell);
      }
}

static void
sb_priority_matrix_group_dispose (GObject *object)
{
  SbPriorityMatrixGroup *self = SB_PRIORITY_MATRIX_GROUP (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PRIORITY_MATRIX_GROUP);

  G_OBJECT_CLASS (sb_priority_matrix_group_parent_class)->dispose (object);
}

static void
sb_priority_matrix_group_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SbPriorityMatrixGroup *self = SB_PRIORITY_MATRIX_GROUP (object);

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
sb_priority_matrix_group_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SbPriorityMatrixGroup *self = SB_PRIORITY_MATRIX_GROUP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sb_priority_matrix_group_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_priority_matrix_group_class_init (SbPriorityMatrixGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_priority_matrix_group_dispose;
  object_class->get_property = sb_priority_matrix_group_get_property;
  object_class->set_property = sb_priority_matrix_group_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SB_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servicebook/Servicebook/sb-priority-matrix-group.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPriorityMatrixGroup, grid);
  gtk_widget_class_bind_template_child (widget_class, SbPriorityMatrixGroup, problem_label);
}

static void
sb_priority_matrix_group_init (SbPriorityMatrixGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_grid (self);
  refresh (self);
}

/**
 * sb_priority_matrix_group_set_store:
 * @self: a priority matrix group
 * @store: (nullable): the book
 *
 * Shows and edits the priority matrix of @store.
 */
void
sb_priority_matrix_group_set_store (SbPriorityMatrixGroup *self,
                                    SbStore               *store)
{
  g_return_if_fail (SB_IS_PRIORITY_MATRIX_GROUP (self));
  g_return_if_fail (store == NULL || SB_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed",
                                                G_CALLBACK (on_store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sb_priority_matrix_group_choose:
 * @self: a priority matrix group
 * @impact: 1 (high) to 3 (low)
 * @urgency: 1 (high) to 3 (low)
 * @priority: 1 (critical) to 5 (planning)
 *
 * Sets one cell of the book's matrix and saves it, as choosing it in the
 * grid does; a refusal is said under the grid.
 *
 * Returns: %TRUE when the matrix was saved
 */
gboolean
sb_priority_matrix_group_choose (SbPriorityMatrixGroup *self,
                                 guint                  impact,
                                 guint                  urgency,
                                 guint                  priority)
{
  g_autoptr(SbPriorityMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SB_IS_PRIORITY_MATRIX_GROUP (self), FALSE);
  g_return_val_if_fail (impact >= 1 && impact <= LEVELS, FALSE);
  g_return_val_if_fail (urgency >= 1 && urgency <= LEVELS, FALSE);

  if (self->store == NULL)
    return FALSE;

  matrix = sb_catalog_get_priority_matrix (self->store);
  if (!sb_priority_matrix_set (matrix, impact, urgency, priority, &error) ||
      !sb_catalog_set_priority_matrix (self->store, matrix, &error))
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      refresh (self);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  if (gtk_drop_down_get_selected (self->cells[impact - 1][urgency - 1]) != priority - 1)
    refresh (self);

  return TRUE;
}
