/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sb-ui"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sb-report-preview.h"

/* A page of a report as the printer gets it: the renderer that writes the
 * PDF draws it, scaled to fit the widget, on white paper with a faint
 * shadow. Below it, Previous and Next and "Page X of Y"; Page Up and
 * Page Down turn the pages. */

#define PAPER_PADDING 16.0

struct _SbReportPreview
{
  GtkWidget         parent_instance;

  SbReportRenderer *renderer;
  guint             page;
  guint             n_pages;
  char             *page_text;

  GtkWidget        *area;
  GtkWidget        *nav_box;
  GtkWidget        *previous_button;
  GtkWidget        *next_button;
  GtkWidget        *page_label;
};

enum {
  PROP_0,
  PROP_RENDERER,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SbReportPreview, sb_report_preview, GTK_TYPE_WIDGET)

static void
update_navigation (SbReportPreview *self)
{
  gboolean have = self->renderer != NULL;

  g_clear_pointer (&self->page_text, g_free);
  if (have)
    /* Translators: the page of a report's preview shown, as in "Page 2 of 5" */
    self->page_text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  else
    self->page_text = g_strdup ("");

  gtk_label_set_label (GTK_LABEL (self->page_label), self->page_text);
  gtk_widget_set_visible (self->nav_box, have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", have && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page",
                                 have && self->page + 1 < self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->page_text,
                                  -1);
  gtk_widget_queue_draw (self->area);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  SbReportPreview *self = SB_REPORT_PREVIEW (user_data);
  double page_width, page_height, scale, x, y;
  double avail_width = width - 2 * PAPER_PADDING;
  double avail_height = height - 2 * PAPER_PADDING;

  /* A desk under the paper, darker than any window background */
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.18);
  cairo_paint (cr);

  if (self->renderer == NULL || avail_width <= 1 || avail_height <= 1)
    return;

  sb_report_renderer_get_page_size (self->renderer, &page_width, &page_height);
  scale = MIN (avail_width / page_width, avail_height / page_height);
  x = floor ((width - page_width * scale) / 2);
  y = floor ((height - page_height * scale) / 2);

  /* The paper and its shadow */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 1, y + 2, page_width * scale, page_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
  cairo_fill (cr);

  /* The renderer scales by resolution / 72 itself. */
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, page_width * scale, page_height * scale);
  cairo_clip (cr);
  sb_report_renderer_set_resolution (self->renderer, 72.0 * scale);
  sb_report_renderer_draw_page (self->renderer, cr, self->page);
  cairo_restore (cr);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbReportPreview *self = SB_REPORT_PREVIEW (widget);

  if (self->page > 0)
    sb_report_preview_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbReportPreview *self = SB_REPORT_PREVIEW (widget);

  sb_report_preview_set_page (self, self->page + 1);
}

static void
sb_report_preview_dispose (GObject *object)
{
  SbReportPreview *self = SB_REPORT_PREVIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (sb_report_preview_parent_class)->dispose (object);
}

static void
sb_report_preview_finalize (GObject *object)
{
  SbReportPreview *self = SB_REPORT_PREVIEW (object);

  g_free (self->page_text);

  G_OBJECT_CLASS (sb_report_preview_parent_class)->finalize (object);
}

static void
sb_report_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SbReportPreview *self = SB_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_RENDERER:
      g_value_set_object (value, self->renderer);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_report_preview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SbReportPreview *self = SB_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_RENDERER:
      sb_report_preview_set_renderer (self, g_value_get_object (value));
      break;

    case PROP_PAGE:
      sb_report_preview_set_page (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_report_preview_class_init (SbReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_report_preview_dispose;
  object_class->finalize = sb_report_preview_finalize;
  object_class->get_property = sb_report_preview_get_property;
  object_class->set_property = sb_report_preview_set_property;

  /**
   * SbReportPreview:renderer:
   *
   * The paginated report shown, or %NULL for an empty preview.
   */
  properties[PROP_RENDERER] =
    g_param_spec_object ("renderer", NULL, NULL, SB_TYPE_REPORT_RENDERER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SbReportPreview:page:
   *
   * The page shown, from 0.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SbReportPreview:n-pages:
   *
   * The number of pages of the report, 0 without one.
   */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reportpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sb_report_preview_init (SbReportPreview *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_size_request (self->area, 120, 200);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));

  self->nav_box = gtk_center_box_new ();
  gtk_widget_set_margin_start (self->nav_box, 6);
  gtk_widget_set_margin_end (self->nav_box, 6);
  gtk_widget_set_margin_bottom (self->nav_box, 6);

  self->previous_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->previous_button), "preview.previous-page");
  gtk_widget_set_tooltip_text (self->previous_button, _("Previous Page (Page Up)"));
  gtk_widget_add_css_class (self->previous_button, "flat");
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (self->nav_box), self->previous_button);

  self->page_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->page_label, "numeric");
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (self->nav_box), self->page_label);

  self->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "preview.next-page");
  gtk_widget_set_tooltip_text (self->next_button, _("Next Page (Page Down)"));
  gtk_widget_add_css_class (self->next_button, "flat");
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (self->nav_box), self->next_button);

  gtk_widget_set_parent (self->nav_box, GTK_WIDGET (self));

  update_navigation (self);
}

/* Public API */

/**
 * sb_report_preview_new:
 *
 * Creates an empty preview; give it a report with
 * sb_report_preview_set_renderer().
 *
 * Returns: (transfer full): a new #SbReportPreview
 */
GtkWidget *
sb_report_preview_new (void)
{
  return g_object_new (SB_TYPE_REPORT_PREVIEW, NULL);
}

/**
 * sb_report_preview_get_renderer:
 * @self: a preview
 *
 * Returns: (transfer none) (nullable): the report shown
 */
SbReportRenderer *
sb_report_preview_get_renderer (SbReportPreview *self)
{
  g_return_val_if_fail (SB_IS_REPORT_PREVIEW (self), NULL);

  return self->renderer;
}

/**
 * sb_report_preview_set_renderer:
 * @self: a preview
 * @renderer: (nullable): a report paginated for its paper, or %NULL
 *
 * Shows @renderer's pages, from the first one. The renderer is
 * paginated here if it was not yet; the preview sets its resolution to
 * the scale it draws at, so give a printer or a PDF its own renderer.
 */
void
sb_report_preview_set_renderer (SbReportPreview  *self,
                                SbReportRenderer *renderer)
{
  g_return_if_fail (SB_IS_REPORT_PREVIEW (self));
  g_return_if_fail (renderer == NULL || SB_IS_REPORT_RENDERER (renderer));

  if (self->renderer == renderer)
    return;

  g_set_object (&self->renderer, renderer);
  self->n_pages = renderer != NULL ? sb_report_renderer_get_n_pages (renderer) : 0;
  self->page = 0;
  update_navigation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDERER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/**
 * sb_report_preview_get_page:
 * @self: a preview
 *
 * Returns: the page shown, from 0
 */
guint
sb_report_preview_get_page (SbReportPreview *self)
{
  g_return_val_if_fail (SB_IS_REPORT_PREVIEW (self), 0);

  return self->page;
}

/**
 * sb_report_preview_set_page:
 * @self: a preview
 * @page: a page, from 0; a page past the last shows the last
 *
 * Turns to @page.
 */
void
sb_report_preview_set_page (SbReportPreview *self,
                            guint            page)
{
  g_return_if_fail (SB_IS_REPORT_PREVIEW (self));

  if (self->n_pages == 0)
    page = 0;
  else if (page >= self->n_pages)
    page = self->n_pages - 1;

  if (page == self->page)
    return;

  self->page = page;
  update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/**
 * sb_report_preview_get_n_pages:
 * @self: a preview
 *
 * Returns: the report's number of pages, 0 without a report
 */
guint
sb_report_preview_get_n_pages (SbReportPreview *self)
{
  g_return_val_if_fail (SB_IS_REPORT_PREVIEW (self), 0);

  return self->n_pages;
}

/**
 * sb_report_preview_get_page_text:
 * @self: a preview
 *
 * Returns: (transfer none): "Page X of Y" as shown, empty without a report
 */
const char *
sb_report_preview_get_page_text (SbReportPreview *self)
{
  g_return_val_if_fail (SB_IS_REPORT_PREVIEW (self), NULL);

  return self->page_text;
}
