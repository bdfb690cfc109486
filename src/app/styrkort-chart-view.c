/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A widget that shows one chart, its exact values on hover, and describes it to screen readers. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "styrkort-chart-render.h"
#include "styrkort-chart-view.h"
#include "styrkort-number.h"
#include "styrkort-slides.h"

struct _StyrkortChartView {
  GtkWidget parent_instance;
  StyrkortChart *chart;
  StyrkortChartMode mode;
  /* The chart is drawn in the chart thread (styrkort-chart-render.c) and
   * shown from its last image: a page shown again draws from it, and while
   * a new drawing is on its way (another size, colours or chart) the last
   * one stays, stretched if need be, instead of an empty card. */
  StyrkortChartImage *image;
  GskRenderNode *drawn;       /* image, as GTK draws it */
  gboolean image_current;     /* image shows chart (not one before it) */
  const StyrkortChartImage *painted; /* image as last painted in a frame at its size */
  GCancellable *rendering;    /* the drawing on its way */
  int rendering_width, rendering_height, rendering_scale;
  const StyrkortChartPalette *rendering_palette;
};

G_DEFINE_FINAL_TYPE (StyrkortChartView, styrkort_chart_view, GTK_TYPE_WIDGET)

/* A chart in a dark window is drawn dark; slides stay light, as on paper
 * and as projectors in lit rooms show best. */
static const StyrkortChartPalette *
palette_for (StyrkortChartView *self)
{
  if (self->mode == STYRKORT_CHART_SCREEN && adw_style_manager_get_dark (adw_style_manager_get_default ()))
    return &styrkort_chart_palette_dark;
  return &styrkort_chart_palette_light;
}

/* The image shows the chart as it should look now. */
static gboolean
image_fits (StyrkortChartView *self, int width, int height, int scale, const StyrkortChartPalette *palette)
{
  const StyrkortChartImage *image = self->image;

  return image != NULL && self->image_current && image->width == width && image->height == height &&
         image->scale == scale && image->palette == palette;
}

static void
stop_rendering (StyrkortChartView *self)
{
  if (self->rendering != NULL)
    g_cancellable_cancel (self->rendering);
  g_clear_object (&self->rendering);
}

/* A cairo node, kept: GTK's cairo renderer paints it as it is, where it
 * would copy a texture's pixels every time it draws it. */
static GskRenderNode *
node_of (const StyrkortChartImage *image)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, image->width, image->height));

  cairo_set_source_surface (cr, image->surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The drawing on its way has arrived. */
static void
show_image (StyrkortChartView *self, StyrkortChartImage *image)
{
  g_clear_object (&self->rendering);
  g_clear_pointer (&self->image, styrkort_chart_image_free);
  g_clear_pointer (&self->drawn, gsk_render_node_unref);
  self->painted = NULL;
  self->image = image;
  self->drawn = node_of (self->image);
  self->image_current = TRUE;
}

/* The drawing on its way, if the chart thread has finished it: taken
 * before its callback runs. */
static gboolean
take_finished_image (StyrkortChartView *self)
{
  StyrkortChartImage *finished = self->rendering ? styrkort_chart_render_take (self->rendering) : NULL;

  if (finished != NULL)
    show_image (self, finished);
  return finished != NULL;
}

static void
on_rendered_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(StyrkortChartView) self = data;
  g_autoptr(StyrkortChartImage) image = styrkort_chart_render_finish (result, NULL);

  /* Cancelled, taken from a frame already, or one asked for since is on
   * its way. */
  if (image == NULL || g_task_get_cancellable (G_TASK (result)) != self->rendering)
    return;
  show_image (self, g_steal_pointer (&image));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
start_rendering (StyrkortChartView *self, int width, int height, int scale, const StyrkortChartPalette *palette)
{
  if (self->rendering != NULL && self->rendering_width == width && self->rendering_height == height &&
      self->rendering_scale == scale && self->rendering_palette == palette)
    return;
  stop_rendering (self);
  self->rendering = g_cancellable_new ();
  self->rendering_width = width;
  self->rendering_height = height;
  self->rendering_scale = scale;
  self->rendering_palette = palette;
  styrkort_chart_render_async (self->chart, width, height, scale, self->mode, palette, self->rendering,
                               on_rendered_cb, g_object_ref (self));
}

static void
styrkort_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  StyrkortChartView *self = STYRKORT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  const StyrkortChartPalette *palette = palette_for (self);

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  if (!image_fits (self, width, height, scale, palette))
    {
      start_rendering (self, width, height, scale, palette);
      /* Asked for as the frame was laid out, it is often ready by now: shown
       * in this frame, the window is complete one frame sooner. */
      take_finished_image (self);
    }
  if (self->drawn == NULL)
    return;
  self->painted = image_fits (self, width, height, scale, palette) ? self->image : NULL;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, (float) width / self->image->width, (float) height / self->image->height);
  gtk_snapshot_append_node (snapshot, self->drawn);
  gtk_snapshot_restore (snapshot);
}

/* Asked for as soon as the size is known: the chart thread draws while GTK
 * lays out and paints the rest of the frame, not from the paint on. */
static void
styrkort_chart_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  StyrkortChartView *self = STYRKORT_CHART_VIEW (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  const StyrkortChartPalette *palette = palette_for (self);

  if (self->chart != NULL && gtk_widget_get_mapped (widget) && width > 0 && height > 0 &&
      !image_fits (self, width, height, scale, palette))
    start_rendering (self, width, height, scale, palette);
}

void
styrkort_chart_view_draw_ahead (StyrkortChartView *self, int width, int height, int scale)
{
  g_return_if_fail (width > 0 && height > 0 && scale > 0);
  if (self->chart != NULL && !image_fits (self, width, height, scale, palette_for (self)))
    start_rendering (self, width, height, scale, palette_for (self));
}

static void
styrkort_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  /* 16:9 by default, never smaller than a readable 320×180. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = for_size > 0 ? for_size * 16 / 9 : 640;
    }
  else
    {
      *minimum = 180;
      *natural = for_size > 0 ? MAX (180, for_size * 9 / 16) : 360;
    }
}

static GtkSizeRequestMode
styrkort_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static char *
mark_text (StyrkortChartView *self, const StyrkortChartMark *mark)
{
  const StyrkortChart *chart = self->chart;
  g_autofree char *number = NULL;
  const char *category = mark->category < chart->categories->len ? chart->categories->pdata[mark->category] : "";

  if (chart->kind == STYRKORT_CHART_AREA_STATUS)
    {
      guint cell = mark->category * chart->columns->len + mark->series;
      const char *note = cell < chart->cell_notes->len ? chart->cell_notes->pdata[cell] : NULL;
      return g_strdup_printf ("%s\n%s: %s%s%s", category,
                              mark->series < chart->columns->len ? (char *) chart->columns->pdata[mark->series] : "",
                              mark->value >= 0 ? styrkort_status_label ((int) mark->value) : _("Not assessed"),
                              note && *note ? "\n\n" : "", note ? note : "");
    }
  number = styrkort_format_number (mark->value, chart->decimals + 1, styrkort_number_style_for_locale ());
  if (chart->kind == STYRKORT_CHART_GOALS)
    {
      const char *names[] = { _("Baseline"), _("Latest"), _("Target") };
      return g_strdup_printf ("%s\n%s: %s", category, names[MIN (mark->series, 2)], number);
    }
  return g_strdup_printf ("%s\n%s: %s%s", category,
                          mark->series < chart->series->len
                            ? ((StyrkortChartSeries *) chart->series->pdata[mark->series])->name : "",
                          number, chart->percent ? "\u00a0%" : "");
}

static gboolean
on_query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  StyrkortChartView *self = STYRKORT_CHART_VIEW (widget);
  const StyrkortChartMark *mark;
  g_autofree char *text = NULL;

  /* Only where the image shows this chart at this size. */
  if (!image_fits (self, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                   gtk_widget_get_scale_factor (widget), palette_for (self)) ||
      (mark = styrkort_chart_layout_hit (self->image->layout, x, y)) == NULL)
    return FALSE;
  text = mark_text (self, mark);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortChartView *self = STYRKORT_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  if (self->chart != NULL && GTK_IS_WINDOW (root))
    styrkort_slides_export_chart (GTK_WINDOW (root), self->chart);
}

static void
on_right_click_cb (GtkGestureClick *gesture, int n_press, double x, double y, StyrkortChartView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover;

  g_menu_append (menu, _("_Export Chart…"), "chart.export");
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
styrkort_chart_view_dispose (GObject *object)
{
  StyrkortChartView *self = STYRKORT_CHART_VIEW (object);
  stop_rendering (self);
  g_clear_pointer (&self->chart, styrkort_chart_free);
  g_clear_pointer (&self->image, styrkort_chart_image_free);
  g_clear_pointer (&self->drawn, gsk_render_node_unref);
  G_OBJECT_CLASS (styrkort_chart_view_parent_class)->dispose (object);
}

static void
styrkort_chart_view_class_init (StyrkortChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_chart_view_dispose;
  widget_class->snapshot = styrkort_chart_view_snapshot;
  widget_class->measure = styrkort_chart_view_measure;
  widget_class->size_allocate = styrkort_chart_view_size_allocate;
  widget_class->get_request_mode = styrkort_chart_view_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.export", NULL);
}

static void
styrkort_chart_view_init (StyrkortChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
styrkort_chart_view_new (StyrkortChartMode mode)
{
  StyrkortChartView *self = g_object_new (STYRKORT_TYPE_CHART_VIEW, NULL);
  self->mode = mode;
  /* A tooltip on the wall screen would cover the chart for the whole room. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), mode == STYRKORT_CHART_SCREEN);
  return GTK_WIDGET (self);
}

void
styrkort_chart_view_set_chart (StyrkortChartView *self, StyrkortChart *chart)
{
  g_autofree char *description = chart ? styrkort_chart_describe (chart) : NULL;

  stop_rendering (self);
  g_clear_pointer (&self->chart, styrkort_chart_free);
  self->chart = chart;
  self->image_current = FALSE;
  self->painted = NULL;
  if (chart == NULL)
    {
      g_clear_pointer (&self->image, styrkort_chart_image_free);
      g_clear_pointer (&self->drawn, gsk_render_node_unref);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chart ? chart->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const StyrkortChart *
styrkort_chart_view_get_chart (StyrkortChartView *self)
{
  return self->chart;
}

gboolean
styrkort_chart_view_is_drawn (StyrkortChartView *self, gboolean in_view)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  const StyrkortChartPalette *palette = palette_for (self);

  if (self->chart == NULL || !gtk_widget_get_mapped (widget))
    return TRUE;
  if (width <= 0 || height <= 0)
    return FALSE;
  if (!image_fits (self, width, height, scale, palette) && take_finished_image (self))
    gtk_widget_queue_draw (widget);
  return image_fits (self, width, height, scale, palette) && (!in_view || self->painted == self->image);
}
