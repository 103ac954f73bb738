/* jd-slide-view.c — one page of a laid-out deck, scaled to fit, letterboxed in black
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-slide-view"

#include "config.h"

#include <math.h>

#include "jd-slide-view.h"

/* The deck is laid out once, by whoever shows it; this draws one page of
 * that layout with the one painter, as vectors at whatever size the
 * widget has: a 4:3 projector gets black bars above and below, a 4K
 * screen gets every glyph at its own resolution (the cairo node is drawn
 * at the surface's scale, never a bitmap scaled up).  A slide change is
 * one page painted, nothing laid out. */
struct _JdSlideView
{
  GtkWidget    parent_instance;

  JdDocLayout *layout;   /* not owned: the window that shows the deck keeps it */
  int          page;     /* -1 for none */
  gboolean     blank;
  gboolean     letterbox;  /* black around the slide, as on a projector */
};

G_DEFINE_FINAL_TYPE (JdSlideView, jd_slide_view, GTK_TYPE_WIDGET)

/* Where the page lands in a @width × @height widget, in widget pixels. */
static void
slide_rect (JdSlideView     *self,
            double           width,
            double           height,
            graphene_rect_t *rect)
{
  const JdPageGeometry *geometry = jd_doc_get_geometry (jd_doc_layout_get_doc (self->layout));
  double scale = MIN (width / geometry->width, height / geometry->height);
  double w = floor (geometry->width * scale);
  double h = floor (geometry->height * scale);

  graphene_rect_init (rect, floor ((width - w) / 2), floor ((height - h) / 2), w, h);
}

static void
jd_slide_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JdSlideView *self = JD_SLIDE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  const JdPageGeometry *geometry;
  graphene_rect_t rect;
  cairo_t *cr;

  if (self->letterbox)
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 1 },
                               &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->layout == NULL || self->blank || self->page < 0 ||
      (guint)self->page >= jd_doc_layout_get_n_pages (self->layout) || width < 1 || height < 1)
    return;

  geometry = jd_doc_get_geometry (jd_doc_layout_get_doc (self->layout));
  slide_rect (self, width, height, &rect);
  cr = gtk_snapshot_append_cairo (snapshot, &rect);
  cairo_translate (cr, rect.origin.x, rect.origin.y);
  cairo_scale (cr, rect.size.width / geometry->width, rect.size.height / geometry->height);
  jd_doc_layout_paint_page (self->layout, self->page, cr, NULL);
  cairo_destroy (cr);
}

static void
jd_slide_view_class_init (JdSlideViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = jd_slide_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "slideview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jd_slide_view_init (JdSlideView *self)
{
  self->page = -1;
  self->letterbox = TRUE;
}

GtkWidget *
jd_slide_view_new (void)
{
  return g_object_new (JD_TYPE_SLIDE_VIEW, NULL);
}

/**
 * jd_slide_view_set_layout:
 * @layout: (nullable) (transfer none): the deck's layout; the caller keeps
 *   it alive while the view shows it, and sets %NULL before freeing it
 */
void
jd_slide_view_set_layout (JdSlideView *self,
                          JdDocLayout *layout)
{
  g_return_if_fail (JD_IS_SLIDE_VIEW (self));

  self->layout = layout;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * jd_slide_view_set_page:
 * @page: from 0; -1 for none (black)
 */
void
jd_slide_view_set_page (JdSlideView *self,
                        int          page)
{
  g_return_if_fail (JD_IS_SLIDE_VIEW (self));

  if (self->page == page)
    return;

  self->page = page;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
jd_slide_view_get_page (JdSlideView *self)
{
  g_return_val_if_fail (JD_IS_SLIDE_VIEW (self), -1);

  return self->page;
}

void
jd_slide_view_set_blank (JdSlideView *self,
                         gboolean     blank)
{
  g_return_if_fail (JD_IS_SLIDE_VIEW (self));

  if (self->blank == !!blank)
    return;

  self->blank = !!blank;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
jd_slide_view_get_blank (JdSlideView *self)
{
  g_return_val_if_fail (JD_IS_SLIDE_VIEW (self), FALSE);

  return self->blank;
}

/**
 * jd_slide_view_set_letterbox:
 *
 * Whether the space around the slide is black, as on the projector
 * (the default), or the window's own, as in the presenter's view.
 */
void
jd_slide_view_set_letterbox (JdSlideView *self,
                             gboolean     letterbox)
{
  g_return_if_fail (JD_IS_SLIDE_VIEW (self));

  if (self->letterbox == !!letterbox)
    return;

  self->letterbox = !!letterbox;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * jd_slide_view_get_slide_rect:
 * @rect: (out): where the slide is drawn, in the widget's coordinates
 */
void
jd_slide_view_get_slide_rect (JdSlideView     *self,
                              graphene_rect_t *rect)
{
  g_return_if_fail (JD_IS_SLIDE_VIEW (self));
  g_return_if_fail (rect != NULL);

  if (self->layout == NULL)
    {
      graphene_rect_init (rect, 0, 0, 0, 0);
      return;
    }

  slide_rect (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)), rect);
}
