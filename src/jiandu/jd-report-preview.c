/* jd-report-preview.c — the report's pages on screen, drawn by the one painter
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are drawn by jd_doc_layout_paint_page(), the painter the PDF
 * writer and the print dialog call, onto the cairo_t of
 * gtk_snapshot_append_cairo(), scaled to the widget's width: what the
 * analyst sees is what prints.  The widget scrolls itself (GtkScrollable)
 * so that it draws only the pages in view, each recorded once for a
 * width; a click on a paragraph that can be edited activates it.
 */

#define G_LOG_DOMAIN "jd-report-preview"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "jd-report-outline.h"
#include "jd-report-preview.h"

#define PAGE_GAP    24.0   /* between pages, px */
#define MAX_ZOOM    1.5    /* pixels a point: no wider than this */

struct _JdReportPreview
{
  GtkWidget      parent_instance;

  JdDocLayout   *layout;
  GPtrArray     *pages;          /* GskRenderNode or NULL, recorded at zoom */
  double         zoom;           /* pixels a point */
  double         pad;            /* around the pages, px */

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  int            pending_block;  /* to scroll to once allocated; -1 for none */
};

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdReportPreview, jd_report_preview, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  PARAGRAPH_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
}

/* A page not recorded yet is NULL. */
static void
node_free (gpointer node)
{
  if (node != NULL)
    gsk_render_node_unref (node);
}

static const JdPageGeometry *
geometry (JdReportPreview *self)
{
  return jd_doc_get_geometry (jd_doc_layout_get_doc (self->layout));
}

static guint
n_pages (JdReportPreview *self)
{
  return self->layout != NULL ? jd_doc_layout_get_n_pages (self->layout) : 0;
}

static double
page_height (JdReportPreview *self)
{
  return geometry (self)->height * self->zoom;
}

/* The top of @page, in the widget's unscrolled coordinates. */
static double
page_top (JdReportPreview *self,
          guint            page)
{
  return self->pad + page * (page_height (self) + PAGE_GAP);
}

static double
total_height (JdReportPreview *self)
{
  guint n = n_pages (self);

  if (n == 0)
    return 0;
  return 2 * self->pad + n * page_height (self) + (n - 1) * PAGE_GAP;
}

static double
scroll_value (JdReportPreview *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
drop_pages (JdReportPreview *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->pages, n_pages (self));
}

/* A new width gives the pages a new scale; the recordings are redone. */
static void
update_zoom (JdReportPreview *self,
             int              width)
{
  double zoom;

  if (self->layout == NULL)
    return;

  self->pad = width < 500 ? 8.0 : 24.0;
  zoom = CLAMP ((width - 2 * self->pad) / geometry (self)->width, 0.1, MAX_ZOOM);
  if (fabs (zoom - self->zoom) > 1e-6)
    {
      self->zoom = zoom;
      drop_pages (self);
    }
}

static void
configure_adjustments (JdReportPreview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper = MAX (total_height (self), height);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (scroll_value (self), 0, upper - height),
                              0, upper, height * 0.1, height * 0.9, height);
}

static void
scroll_to (JdReportPreview *self,
           guint            index)
{
  double y = 0;
  guint page = jd_doc_layout_get_block_page (self->layout, index, &y);

  /* A little of what comes before, so that the heading is not at the edge */
  gtk_adjustment_set_value (self->vadjustment, MAX (0, page_top (self, page) + y * self->zoom - 12));
}

static GskRenderNode *
record_page (JdReportPreview *self,
             guint            page)
{
  const JdPageGeometry *geom = geometry (self);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, ceil (geom->width * self->zoom),
                                               ceil (geom->height * self->zoom));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  /* Paper is white in the dark theme too: it is a page to print. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, self->zoom, self->zoom);
  jd_doc_layout_paint_page (self->layout, page, cr, NULL);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (snapshot);
}

static void
on_adjustment_changed_cb (GtkAdjustment   *adjustment,
                          JdReportPreview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (JdReportPreview  *self,
                GtkAdjustment   **slot,
                GtkAdjustment    *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed_cb, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed_cb), self);
  configure_adjustments (self);
}

/* Widget coordinates to a page and a point on it. */
static gboolean
locate (JdReportPreview *self,
        double           x,
        double           y,
        guint           *page,
        double          *px,
        double          *py)
{
  const JdPageGeometry *geom;
  double left, stride;

  if (self->layout == NULL || self->zoom <= 0)
    return FALSE;

  geom = geometry (self);
  left = (gtk_widget_get_width (GTK_WIDGET (self)) - geom->width * self->zoom) / 2;
  y += scroll_value (self) - self->pad;
  stride = page_height (self) + PAGE_GAP;
  if (y < 0)
    return FALSE;

  *page = (guint)(y / stride);
  *px = (x - left) / self->zoom;
  *py = (y - *page * stride) / self->zoom;

  return *page < n_pages (self) && *px >= 0 && *px <= geom->width && *py <= geom->height;
}

static gboolean
is_editable (JdReportPreview *self,
             int              index)
{
  return index >= 0 &&
         jd_report_block_is_editable (jd_doc_get_block (jd_doc_layout_get_doc (self->layout), index));
}

static void
on_released_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                JdReportPreview *self)
{
  int index = jd_report_preview_block_at (self, x, y);

  if (is_editable (self, index))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[PARAGRAPH_ACTIVATED], 0, (guint)index);
    }
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              JdReportPreview          *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   is_editable (self, jd_report_preview_block_at (self, x, y)) ? "pointer" : NULL);
}

static gboolean
jd_report_preview_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  JdReportPreview *self = JD_REPORT_PREVIEW (widget);
  int index = keyboard ? -1 : jd_report_preview_block_at (self, x, y);
  JdBlock *block;

  if (!is_editable (self, index))
    return FALSE;

  block = jd_doc_get_block (jd_doc_layout_get_doc (self->layout), index);
  if (jd_block_get_state (block) & JD_PARAGRAPH_STALE)
    gtk_tooltip_set_text (tooltip, _("The figures changed after this paragraph was edited. Click to review it."));
  else if (jd_block_get_state (block) & JD_PARAGRAPH_EDITED)
    gtk_tooltip_set_text (tooltip, _("Your wording. Click to edit it."));
  else
    gtk_tooltip_set_text (tooltip, _("Drafted from the figures. Click to edit it."));

  return TRUE;
}

static void
jd_report_preview_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* It scrolls: it needs no more than a narrow window has. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 1200;
}

static void
jd_report_preview_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  JdReportPreview *self = JD_REPORT_PREVIEW (widget);

  update_zoom (self, width);
  configure_adjustments (self);

  if (self->pending_block >= 0 && self->layout != NULL)
    {
      scroll_to (self, self->pending_block);
      self->pending_block = -1;
    }
}

static void
jd_report_preview_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  JdReportPreview *self = JD_REPORT_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double value = scroll_value (self);
  double page_w, page_h, stride, left;
  guint first, last;

  if (n_pages (self) == 0 || self->zoom <= 0)
    return;

  page_w = geometry (self)->width * self->zoom;
  page_h = page_height (self);
  stride = page_h + PAGE_GAP;
  left = floor ((width - page_w) / 2);
  first = (guint)MAX (0, (value - self->pad) / stride);
  last = MIN (n_pages (self) - 1, (guint)MAX (0, (value + height - self->pad) / stride));

  for (guint page = first; page <= last; page++)
    {
      double top = floor (page_top (self, page) - value);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (left, top, ceil (page_w), ceil (page_h));
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.3 }, 0, 2, 1, 6);

      if (g_ptr_array_index (self->pages, page) == NULL)
        g_ptr_array_index (self->pages, page) = record_page (self, page);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left, top));
      gtk_snapshot_append_node (snapshot, g_ptr_array_index (self->pages, page));
      gtk_snapshot_restore (snapshot);
    }
}

static void
jd_report_preview_dispose (GObject *object)
{
  JdReportPreview *self = (JdReportPreview *)object;

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (jd_report_preview_parent_class)->dispose (object);
}

static void
jd_report_preview_finalize (GObject *object)
{
  JdReportPreview *self = (JdReportPreview *)object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->layout, jd_doc_layout_free);

  G_OBJECT_CLASS (jd_report_preview_parent_class)->finalize (object);
}

static void
jd_report_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JdReportPreview *self = JD_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_report_preview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JdReportPreview *self = JD_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_report_preview_class_init (JdReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_report_preview_dispose;
  object_class->finalize = jd_report_preview_finalize;
  object_class->get_property = jd_report_preview_get_property;
  object_class->set_property = jd_report_preview_set_property;

  widget_class->measure = jd_report_preview_measure;
  widget_class->size_allocate = jd_report_preview_size_allocate;
  widget_class->snapshot = jd_report_preview_snapshot;
  widget_class->query_tooltip = jd_report_preview_query_tooltip;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * JdReportPreview::paragraph-activated:
   * @index: the block, a paragraph with a key
   *
   * The user clicked a paragraph that can be edited.
   */
  signals[PARAGRAPH_ACTIVATED] =
    g_signal_new ("paragraph-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "reportpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jd_report_preview_init (JdReportPreview *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->pages = g_ptr_array_new_with_free_func (node_free);
  self->pending_block = -1;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
jd_report_preview_new (void)
{
  return g_object_new (JD_TYPE_REPORT_PREVIEW, NULL);
}

/**
 * jd_report_preview_set_layout:
 * @layout: (transfer full) (nullable): the pages to show
 */
void
jd_report_preview_set_layout (JdReportPreview *self,
                              JdDocLayout     *layout)
{
  g_return_if_fail (JD_IS_REPORT_PREVIEW (self));

  if (self->layout == layout)
    return;

  g_clear_pointer (&self->layout, jd_doc_layout_free);
  self->layout = layout;
  self->zoom = 0;
  self->pending_block = -1;
  drop_pages (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * jd_report_preview_get_layout:
 *
 * Returns: (transfer none) (nullable): the pages on show
 */
JdDocLayout *
jd_report_preview_get_layout (JdReportPreview *self)
{
  g_return_val_if_fail (JD_IS_REPORT_PREVIEW (self), NULL);

  return self->layout;
}

guint
jd_report_preview_get_n_pages (JdReportPreview *self)
{
  g_return_val_if_fail (JD_IS_REPORT_PREVIEW (self), 0);

  return n_pages (self);
}

/* Scrolls to the page where block @index starts (now, or once the widget
 * has its size). */
void
jd_report_preview_scroll_to_block (JdReportPreview *self,
                                   guint            index)
{
  g_return_if_fail (JD_IS_REPORT_PREVIEW (self));

  if (self->layout == NULL)
    return;

  if (self->zoom > 0 && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    scroll_to (self, index);
  else
    self->pending_block = index;
}

/* The page at the top of the view. */
guint
jd_report_preview_get_top_page (JdReportPreview *self)
{
  double stride;

  g_return_val_if_fail (JD_IS_REPORT_PREVIEW (self), 0);

  if (n_pages (self) == 0 || self->zoom <= 0)
    return 0;

  stride = page_height (self) + PAGE_GAP;
  return MIN (n_pages (self) - 1, (guint)MAX (0, (scroll_value (self) - self->pad + PAGE_GAP) / stride));
}

/* The block under (@x, @y) of the widget; -1 for none. */
int
jd_report_preview_block_at (JdReportPreview *self,
                            double           x,
                            double           y)
{
  guint page;
  double px, py;

  g_return_val_if_fail (JD_IS_REPORT_PREVIEW (self), -1);

  if (!locate (self, x, y, &page, &px, &py))
    return -1;
  return jd_doc_layout_block_at (self->layout, page, px, py);
}
