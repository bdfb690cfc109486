/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The projected view: one chart per slide, full screen, for a meeting room.
 * Left/Right/Space/PageUp/PageDown move, Home/End jump, Escape leaves.
 *
 * It is a toplevel of its own, never a dialog: a window transient for another
 * is typed _NET_WM_WINDOW_TYPE_DIALOG, and mutter neither lets a dialog go
 * full screen nor takes it out of its parent's stack (issue 17: a 1280×683
 * dialog with a title bar). A window that callers made transient for the
 * presenting window is released from it when realized; that window only
 * picks the monitor: another monitor than the one it is on when there are
 * two (the projector beside the laptop), else its own. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-chart-data.h"
#include "styrkort-chart-view.h"
#include "styrkort-projector.h"
#include "styrkort-slides.h"

struct _StyrkortProjector {
  GtkWindow parent_instance;
  GtkWidget *view;
  GPtrArray *charts;
  guint index;
  GdkMonitor *monitor;
};

G_DEFINE_FINAL_TYPE (StyrkortProjector, styrkort_projector, GTK_TYPE_WINDOW)

guint
styrkort_projector_get_index (StyrkortProjector *self)
{
  return self->index;
}

guint
styrkort_projector_get_count (StyrkortProjector *self)
{
  return self->charts->len;
}

void
styrkort_projector_go_to (StyrkortProjector *self, guint index)
{
  StyrkortChart *slide;

  if (self->charts->len == 0)
    return;
  self->index = MIN (index, self->charts->len - 1);
  slide = styrkort_chart_copy (self->charts->pdata[self->index]);
  /* Drawn on the slide, at the size of its other text: a small grey label
   * in a corner was not read from the back of the room. */
  /* TRANSLATORS: slide number: "3 / 11" */
  slide->page_label = g_strdup_printf (_("%u / %u"), self->index + 1, self->charts->len);
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->view), slide);
}

static void
step (StyrkortProjector *self, int delta)
{
  if (delta < 0 && self->index == 0)
    return;
  styrkort_projector_go_to (self, self->index + delta);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                   StyrkortProjector *self)
{
  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_Down: case GDK_KEY_space: case GDK_KEY_Page_Down: case GDK_KEY_Return:
      step (self, 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_Up: case GDK_KEY_BackSpace: case GDK_KEY_Page_Up:
      step (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      styrkort_projector_go_to (self, 0);
      return TRUE;
    case GDK_KEY_End:
      styrkort_projector_go_to (self, self->charts->len ? self->charts->len - 1 : 0);
      return TRUE;
    case GDK_KEY_Escape: case GDK_KEY_F5:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_click_cb (GtkGestureClick *gesture, int n_press, double x, double y, StyrkortProjector *self)
{
  step (self, gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY ? -1 : 1);
}

/* The monitor to present on: one that @presenter is not on when there is
 * one, else @presenter's, else the first. */
static GdkMonitor *
choose_monitor (GtkWindow *presenter)
{
  GdkDisplay *display = presenter ? gtk_widget_get_display (GTK_WIDGET (presenter)) : gdk_display_get_default ();
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = presenter ? gtk_native_get_surface (GTK_NATIVE (presenter)) : NULL;
  GdkMonitor *own = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  GdkMonitor *chosen = own;

  for (guint i = 0; own != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      if (monitor != own)
        {
          chosen = monitor;
          break;
        }
    }
  if (chosen == NULL && g_list_model_get_n_items (monitors) > 0)
    {
      g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);
      chosen = first;
    }
  /* The display's list keeps each monitor alive. */
  return chosen;
}

GdkMonitor *
styrkort_projector_get_monitor (StyrkortProjector *self)
{
  g_return_val_if_fail (STYRKORT_IS_PROJECTOR (self), NULL);
  return self->monitor;
}

static void
styrkort_projector_realize (GtkWidget *widget)
{
  StyrkortProjector *self = STYRKORT_PROJECTOR (widget);
  GtkWindow *presenter = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_set_object (&self->monitor, choose_monitor (presenter));
  if (presenter != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  if (self->monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), self->monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  GTK_WIDGET_CLASS (styrkort_projector_parent_class)->realize (widget);
}

static void
styrkort_projector_dispose (GObject *object)
{
  StyrkortProjector *self = STYRKORT_PROJECTOR (object);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_object (&self->monitor);
  G_OBJECT_CLASS (styrkort_projector_parent_class)->dispose (object);
}

static void
styrkort_projector_class_init (StyrkortProjectorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = styrkort_projector_dispose;
  GTK_WIDGET_CLASS (klass)->realize = styrkort_projector_realize;
}

static void
styrkort_projector_init (StyrkortProjector *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->view = styrkort_chart_view_new (STYRKORT_CHART_PROJECTED);
  gtk_widget_add_css_class (GTK_WIDGET (self), "projector");
  gtk_window_set_child (GTK_WINDOW (self), self->view);
  gtk_window_set_title (GTK_WINDOW (self), _("Styrkort – Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);

  /* Before any child: the arrows must step slides, not move the focus. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_cb), self);
  gtk_widget_add_controller (self->view, GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
styrkort_projector_new_for_charts (GPtrArray *charts)
{
  StyrkortProjector *self = g_object_new (STYRKORT_TYPE_PROJECTOR, NULL);

  self->charts = charts;
  styrkort_projector_go_to (self, 0);
  return GTK_WIDGET (self);
}

GtkWidget *
styrkort_projector_new (StyrkortProject *project, StyrkortPeriod period)
{
  return styrkort_projector_new_for_charts (styrkort_slides_new_for_meeting (project, period));
}
