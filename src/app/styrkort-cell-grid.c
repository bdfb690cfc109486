/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A grid of many cells in a scrolled view that maps and draws only the cells
 * in view or near it. GTK 4.8 snapshots every child of a grid, in view or
 * not: Nyckeltal of 30 units has some 900 cells, and drawing them all took
 * 15-19 ms a frame where the cells in view take a few; mapping them all
 * took 8-15 ms each time the page was shown. */
#include "config.h"

#include "styrkort-cell-grid.h"

struct _StyrkortCellGrid {
  GtkGrid parent_instance;
  GHashTable *drawn;       /* the cells drawn in the last frame */
  GtkAdjustment *adjustments[2];  /* the view's, while the grid is mapped */
  guint map_id;            /* mapping cells found in view unmapped */
};

G_DEFINE_FINAL_TYPE (StyrkortCellGrid, styrkort_cell_grid, GTK_TYPE_GRID)

/* The part of the grid its scrolled view shows, in the grid's coordinates;
 * all of it when it is not in one. */
static void
visible_rect (GtkWidget *grid, graphene_rect_t *rect)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (grid, GTK_TYPE_VIEWPORT);

  if (viewport == NULL || !gtk_widget_compute_bounds (viewport, grid, rect))
    graphene_rect_init (rect, 0, 0, gtk_widget_get_width (grid), gtk_widget_get_height (grid));
}

static void map_cells_near_view (StyrkortCellGrid *self, gboolean unmap_far);

static gboolean
on_map_missing_cb (gpointer data)
{
  StyrkortCellGrid *self = data;

  self->map_id = 0;
  map_cells_near_view (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Cells come into view unmapped when the grid moves them (a column grew
 * wider): they are mapped after the frame, and drawn in the next. */
static void
styrkort_cell_grid_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  StyrkortCellGrid *self = STYRKORT_CELL_GRID (widget);
  graphene_rect_t view, bounds;

  visible_rect (widget, &view);
  g_hash_table_remove_all (self->drawn);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_compute_bounds (child, widget, &bounds) && graphene_rect_intersection (&view, &bounds, NULL))
      {
        if (!gtk_widget_get_mapped (child))
          {
            if (self->map_id == 0)
              self->map_id = g_idle_add (on_map_missing_cb, self);
            continue;
          }
        gtk_widget_snapshot_child (widget, child, snapshot);
        g_hash_table_add (self->drawn, child);
      }
}

/* How far around the view cells are mapped: a cell or two, so that Tab,
 * Enter and the arrows find the next cell mapped (GTK moves the focus only
 * among mapped widgets), and the view then scrolls to it. */
#define NEAR_VIEW_PX 240

/* Maps the cells in view or near it, and the one with the focus; with
 * @unmap_far (the grid not mapped yet), keeps the others from being mapped
 * with it. Before the grid has its place, every cell is mapped. */
static void
map_cells_near_view (StyrkortCellGrid *self, gboolean unmap_far)
{
  GtkWidget *widget = GTK_WIDGET (self), *focus = gtk_widget_get_focus_child (widget);
  gboolean placed = gtk_widget_get_width (widget) > 0;
  graphene_rect_t near, bounds;

  visible_rect (widget, &near);
  graphene_rect_inset (&near, -NEAR_VIEW_PX, -NEAR_VIEW_PX);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean wanted = !placed || child == focus ||
                        (gtk_widget_compute_bounds (child, widget, &bounds) &&
                         graphene_rect_intersection (&near, &bounds, NULL));
      if (wanted || unmap_far)
        gtk_widget_set_child_visible (child, wanted);
    }
}

static void
on_view_changed_cb (StyrkortCellGrid *self)
{
  map_cells_near_view (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolling only moves the grid, and a larger view leaves its size alone:
 * GTK would show the cells drawn before again, and those that come into
 * view would be missing (and not mapped). */
static void
styrkort_cell_grid_map (GtkWidget *widget)
{
  StyrkortCellGrid *self = STYRKORT_CELL_GRID (widget);
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);

  map_cells_near_view (self, TRUE);
  GTK_WIDGET_CLASS (styrkort_cell_grid_parent_class)->map (widget);
  if (viewport == NULL)
    return;
  self->adjustments[0] = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (viewport));
  self->adjustments[1] = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  for (guint i = 0; i < G_N_ELEMENTS (self->adjustments); i++)
    if (self->adjustments[i] != NULL)
      {
        g_object_ref (self->adjustments[i]);
        g_signal_connect_object (self->adjustments[i], "value-changed", G_CALLBACK (on_view_changed_cb), self,
                                 G_CONNECT_SWAPPED);
        /* A larger view (the window maximized) shows more of the grid. */
        g_signal_connect_object (self->adjustments[i], "changed", G_CALLBACK (on_view_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      }
}

static void
styrkort_cell_grid_unmap (GtkWidget *widget)
{
  StyrkortCellGrid *self = STYRKORT_CELL_GRID (widget);

  g_clear_handle_id (&self->map_id, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->adjustments); i++)
    if (self->adjustments[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->adjustments[i], self);
        g_clear_object (&self->adjustments[i]);
      }
  GTK_WIDGET_CLASS (styrkort_cell_grid_parent_class)->unmap (widget);
}

/* A cell given the focus from afar (a line of "Inför mötet" leads to it)
 * is mapped first. */
static void
styrkort_cell_grid_set_focus_child (GtkWidget *widget, GtkWidget *child)
{
  if (child != NULL && gtk_widget_get_mapped (widget))
    gtk_widget_set_child_visible (child, TRUE);
  GTK_WIDGET_CLASS (styrkort_cell_grid_parent_class)->set_focus_child (widget, child);
}

gboolean
styrkort_cell_grid_drew (StyrkortCellGrid *self, GtkWidget *cell)
{
  return g_hash_table_contains (self->drawn, cell);
}

static void
styrkort_cell_grid_finalize (GObject *object)
{
  g_hash_table_unref (STYRKORT_CELL_GRID (object)->drawn);
  G_OBJECT_CLASS (styrkort_cell_grid_parent_class)->finalize (object);
}

static void
styrkort_cell_grid_class_init (StyrkortCellGridClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styrkort_cell_grid_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = styrkort_cell_grid_snapshot;
  GTK_WIDGET_CLASS (klass)->map = styrkort_cell_grid_map;
  GTK_WIDGET_CLASS (klass)->unmap = styrkort_cell_grid_unmap;
  GTK_WIDGET_CLASS (klass)->set_focus_child = styrkort_cell_grid_set_focus_child;
}

static void
styrkort_cell_grid_init (StyrkortCellGrid *self)
{
  self->drawn = g_hash_table_new (NULL, NULL);
}

/* A scrolled pane of its own for @content, following @h and @v (NULL: not that way). */
static GtkWidget *
following_pane (GtkWidget *content, GtkAdjustment *h, GtkAdjustment *v)
{
  GtkWidget *pane = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (pane), h ? GTK_POLICY_EXTERNAL : GTK_POLICY_NEVER,
                                  v ? GTK_POLICY_EXTERNAL : GTK_POLICY_NEVER);
  if (h != NULL)
    gtk_scrolled_window_set_hadjustment (GTK_SCROLLED_WINDOW (pane), h);
  if (v != NULL)
    gtk_scrolled_window_set_vadjustment (GTK_SCROLLED_WINDOW (pane), v);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (pane), content);
  return pane;
}

/* Frozen panes, as in a spreadsheet: the units' names on top and the rows'
 * names on the left stay in view while the cells scroll under them (at
 * 1366×768 with six units the names scrolled away, and "Stadsdelen totalt"
 * was off to the right with no scroll bar in sight: the bars stay shown). */
GtkWidget *
styrkort_cell_grid_frozen_panes (GtkWidget *header, GtkWidget *labels, GtkWidget *cells)
{
  GtkWidget *panes = gtk_grid_new (), *body = gtk_scrolled_window_new ();
  /* The ends take the scroll bars' sizes (an empty label would be a line tall). */
  GtkWidget *corner = gtk_label_new (NULL), *header_end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0),
            *labels_end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0), *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkAdjustment *h, *v;
  g_autoptr(GtkSizeGroup) left = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autoptr(GtkSizeGroup) right = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autoptr(GtkSizeGroup) bottom = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (body), FALSE);
  /* Always shown, as in a spreadsheet: a bar the scrolled window hides when
   * not needed still counts in the size group, and left the names a bar's
   * height short of the cells at the end of the grid (its last name cut). */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (body), GTK_POLICY_ALWAYS, GTK_POLICY_ALWAYS);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (body), cells);
  gtk_widget_set_hexpand (body, TRUE);
  gtk_widget_set_vexpand (body, TRUE);
  h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (body));
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (body));
  /* The names end where the cells' view ends, before its scroll bars. */
  gtk_box_append (GTK_BOX (top), following_pane (header, h, NULL));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (top), TRUE);
  gtk_box_append (GTK_BOX (top), header_end);
  gtk_size_group_add_widget (right, header_end);
  gtk_size_group_add_widget (right, gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (body)));
  gtk_box_append (GTK_BOX (side), following_pane (labels, NULL, v));
  gtk_widget_set_vexpand (gtk_widget_get_first_child (side), TRUE);
  gtk_box_append (GTK_BOX (side), labels_end);
  gtk_size_group_add_widget (bottom, labels_end);
  gtk_size_group_add_widget (bottom, gtk_scrolled_window_get_hscrollbar (GTK_SCROLLED_WINDOW (body)));
  gtk_size_group_add_widget (left, corner);
  gtk_size_group_add_widget (left, side);
  gtk_widget_set_margin_end (side, 6);
  gtk_grid_attach (GTK_GRID (panes), corner, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (panes), top, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (panes), side, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (panes), body, 1, 1, 1, 1);
  gtk_widget_set_vexpand (panes, TRUE);
  return panes;
}

GtkWidget *
styrkort_cell_grid_new (void)
{
  return g_object_new (STYRKORT_TYPE_CELL_GRID, NULL);
}
