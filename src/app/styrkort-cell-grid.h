/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A grid of many cells in a scrolled view that draws only the cells in view. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_CELL_GRID (styrkort_cell_grid_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortCellGrid, styrkort_cell_grid, STYRKORT, CELL_GRID, GtkGrid)

GtkWidget *styrkort_cell_grid_new (void);
/* Whether @cell was drawn in the grid's last frame (it was in view). */
gboolean   styrkort_cell_grid_drew (StyrkortCellGrid *self, GtkWidget *cell);
/* @cells (a cell grid) in a view that scrolls both ways, with @header (its
 * columns' names) above and @labels (its rows' names) on the left, which
 * follow it and stay in view, as frozen panes in a spreadsheet. */
GtkWidget *styrkort_cell_grid_frozen_panes (GtkWidget *header, GtkWidget *labels, GtkWidget *cells);

G_END_DECLS
