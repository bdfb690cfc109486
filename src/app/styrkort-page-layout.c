/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A page's content fills the page, as with GtkBinLayout, but its width does
 * not depend on the height it is given. The window's containers ask a page
 * how wide it must be for heights of their own, each a size GTK had not
 * measured before: the first frame that showed Nyckeltal, made ready out of
 * view, had its help text wrapped again some ten times over (130 Pango
 * layouts, 8-15 ms). A page's content scrolls, or wraps to its width, so the
 * height never makes it narrower or wider. */
#include "config.h"

#include "styrkort-page-layout.h"

struct _StyrkortPageLayout {
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (StyrkortPageLayout, styrkort_page_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
styrkort_page_layout_get_request_mode (GtkLayoutManager *manager, GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
styrkort_page_layout_measure (GtkLayoutManager *manager, GtkWidget *widget, GtkOrientation orientation,
                              int for_size, int *minimum, int *natural, int *minimum_baseline,
                              int *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        int child_min, child_nat;
        gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                            &child_min, &child_nat, NULL, NULL);
        *minimum = MAX (*minimum, child_min);
        *natural = MAX (*natural, child_nat);
      }
}

static void
styrkort_page_layout_allocate (GtkLayoutManager *manager, GtkWidget *widget, int width, int height, int baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, -1, NULL);
}

static void
styrkort_page_layout_class_init (StyrkortPageLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = styrkort_page_layout_get_request_mode;
  manager_class->measure = styrkort_page_layout_measure;
  manager_class->allocate = styrkort_page_layout_allocate;
}

static void
styrkort_page_layout_init (StyrkortPageLayout *self)
{
}
