/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window driven as a user would, under X (Xvfb): open the demo, visit
 * every navigation entry, type figures and read them back from the file,
 * undo, add and delete an action, present the charts with the keyboard.
 * Each main view is saved as a PNG in BUILDDIR/tests/screens/. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <gdk/x11/gdkx.h>
#include <math.h>

#include "styrkort-application.h"
#include "styrkort-area-page.h"
#include "styrkort-cell-grid.h"
#include "styrkort-chart-render.h"
#include "styrkort-chart-view.h"
#include "styrkort-city-window.h"
#include "styrkort-demo.h"
#include "styrkort-figures-page.h"
#include "styrkort-import-dialog.h"
#include "styrkort-locale.h"
#include "styrkort-number.h"
#include "styrkort-number-entry.h"
#include "styrkort-page.h"
#include "styrkort-projector.h"
#include "styrkort-slides.h"
#include "styrkort-text-area.h"
#include "styrkort-window.h"
#include "styrkort-workbook.h"
#include "test-util.h"
#include "ui-test-util.h"

#define find_widget ui_test_find_widget
#define is_button_labelled ui_test_is_button_labelled
#define is_button_tipped ui_test_is_button_tipped
#define is_row_titled ui_test_is_row_titled

/* Labels as the user sees them: translated when the test runs in Swedish. */
#define T(text) g_dgettext ("styrkort", text)

static StyrkortApplication *app;
static StyrkortWindow *window;
static char *path;

/* Everything pending done and the window drawn after it. */
static void
iterate (void)
{
  ui_test_settle (GTK_WIDGET (window));
}

#define save_png ui_test_save_png
#define open_dialog() ((AdwMessageDialog *) ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, FALSE))
#define find_projector() ((StyrkortProjector *) ui_test_find_toplevel (STYRKORT_TYPE_PROJECTOR, FALSE))

static gboolean
is_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget);
}

static gboolean
is_list_box (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static guint
count_widgets (GtkWidget *root, GType type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

static void
collect_widgets (GtkWidget *root, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

static gboolean is_named (GtkWidget *widget, gconstpointer name);
static gboolean is_linked (GtkWidget *widget, gconstpointer link);

static gboolean
is_label_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gint64
first_unit (guint index)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM unit ORDER BY position, id LIMIT 1 OFFSET %u", index);
  return ui_test_file_int (window, path, sql);
}

static double
stored (const char *code, gint64 unit, const char *column)
{
  StyrkortPeriod p = styrkort_window_get_period (window);
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (%s, -1) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id"
                                          " WHERE code = '%s' AND unit_id = %" G_GINT64_FORMAT " AND year = %d AND tertial = %d",
                                          column, code, unit, p.year, p.tertial);
  g_autofree char *text = ui_test_file_text (window, path, sql);
  return text ? g_ascii_strtod (text, NULL) : NAN;
}

/* Where the title of the sidebar's entry @name starts, in the sidebar. */
static double
sidebar_title_x (GtkWidget *sidebar, const char *name)
{
  GtkWidget *row = find_widget (sidebar, is_named, name);
  graphene_point_t at;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_point (gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))),
                                           sidebar, &GRAPHENE_POINT_INIT (0, 0), &at));
  return at.x;
}

static void
test_open_demo (void)
{
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), is_list_box, NULL);
  guint selectable = 0;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Stadsdel Exempel");
  g_assert_nonnull (sidebar);
  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)))
      selectable++;
  /* Översikt, Inför mötet, 13 areas, 3 themes, Nyckeltal, Styrgrupp: 20 entries. */
  g_assert_cmpuint (selectable, ==, 20);
  /* Area titles line up after one-digit and two-digit numbers alike. */
  g_assert_cmpfloat (sidebar_title_x (sidebar, "a01"), ==, sidebar_title_x (sidebar, "a10"));
  g_assert_cmpstr (styrkort_window_get_page (window), ==, "overview");
  /* The status chart, and the five T2 indicators' charts below it. */
  iterate ();
  g_assert_cmpuint (count_widgets (styrkort_window_get_page_widget (window, "overview"), STYRKORT_TYPE_CHART_VIEW), ==, 6);
  save_png (GTK_WIDGET (window), "overview.png");
}

/* Does the drawn @texture show what the core draws for @view's chart at
 * the view's size, inside a margin (the card's rounded corners)? */
static gboolean
shows_chart (GdkTexture *texture, GtkWidget *view)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture), margin = 16;
  const StyrkortChartPalette *palette = adw_style_manager_get_dark (adw_style_manager_get_default ())
                                          ? &styrkort_chart_palette_dark : &styrkort_chart_palette_light;
  cairo_surface_t *core = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (core);
  int stride = cairo_image_surface_get_stride (core);
  g_autofree guchar *drawn = g_malloc ((gsize) stride * height);
  gboolean same = TRUE;

  styrkort_chart_layout_free (styrkort_chart_draw_in (styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (view)), cr,
                                                      width, height, STYRKORT_CHART_SCREEN, palette));
  cairo_destroy (cr);
  cairo_surface_flush (core);
  gdk_texture_download (texture, drawn, stride);
  for (int y = margin; y < height - margin && same; y++)
    same = memcmp (drawn + (gsize) y * stride + margin * 4,
                   cairo_image_surface_get_data (core) + (gsize) y * stride + margin * 4, (gsize) (width - 2 * margin) * 4) == 0;
  cairo_surface_destroy (core);
  return same;
}

/* The charts are drawn in the chart thread: once the window is done, each
 * of Översikt's charts shows exactly what the core draws for it, also one
 * scrolled out of view (drawn when it is asked for), and after an edit the
 * status chart shows the new status. */
static void
test_charts_drawn_in_thread (void)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *overview;

  styrkort_window_show_page (window, "overview");
  iterate ();
  overview = styrkort_window_get_page_widget (window, "overview");
  collect_widgets (overview, STYRKORT_TYPE_CHART_VIEW, views);
  g_assert_cmpuint (views->len, ==, 6);
  for (guint i = 0; i < views->len; i++)
    {
      g_autoptr(GdkTexture) first = ui_test_render (views->pdata[i]);
      g_autoptr(GdkTexture) texture = NULL;
      /* Drawing it asked for its image if it had none yet. */
      iterate ();
      g_assert_cmpuint (styrkort_chart_render_pending (), ==, 0);
      texture = ui_test_render (views->pdata[i]);
      g_assert_true (shows_chart (texture, views->pdata[i]));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StyrkortProject) project = g_object_ref (styrkort_window_get_project (window));
    g_autoptr(GPtrArray) areas = styrkort_project_list_areas (project);
    g_autoptr(GPtrArray) operations = styrkort_project_list_district_operations (project);
    g_autoptr(GdkTexture) before = ui_test_render (views->pdata[0]);
    g_autoptr(GdkTexture) after = NULL;
    StyrkortArea *area = areas->pdata[0];
    StyrkortOperation *operation = operations->pdata[0];
    StyrkortPeriod period = styrkort_window_get_period (window);
    g_autoptr(StyrkortAssessment) was = styrkort_project_get_assessment (project, area->id, operation->id, period);

    g_assert_nonnull (was);
    g_assert_cmpint (was->status, !=, STYRKORT_STATUS_NEEDS_ATTENTION);
    g_assert_true (styrkort_project_set_assessment (project, area->id, operation->id, period,
                                                    STYRKORT_STATUS_NEEDS_ATTENTION, was->text, &error));
    g_assert_no_error (error);
    iterate ();
    after = ui_test_render (views->pdata[0]);
    g_assert_true (shows_chart (after, views->pdata[0]));
    g_assert_false (shows_chart (before, views->pdata[0]));
    g_assert_true (styrkort_project_undo (project, &error));
    iterate ();
  }
}

static gboolean
window_not_busy (gconstpointer data)
{
  return !styrkort_window_is_busy ((StyrkortWindow *) data);
}

static gboolean
in_sight (GtkWidget *widget, GtkWidget *page)
{
  graphene_rect_t b;
  return gtk_widget_compute_bounds (widget, page, &b) && b.origin.y < gtk_widget_get_height (page) &&
         b.origin.y + b.size.height > 0;
}

/* More drawings asked for than the one holding the chart thread. */
static gboolean
render_asked (gconstpointer data)
{
  return styrkort_chart_render_pending () > 1;
}

static void
on_big_chart_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(StyrkortChartImage) image = styrkort_chart_render_finish (result, NULL);
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gconstpointer flag)
{
  return *(const gboolean *) flag;
}

/* Polls @view without turning the main loop (no callback, no frame) until
 * the chart thread has its image; FALSE after 20 s. */
static gboolean
image_arrives (StyrkortChartView *view)
{
  for (int i = 0; i < 20000; i++, g_usleep (1000))
    if (styrkort_chart_view_is_drawn (view, FALSE))
      return TRUE;
  return FALSE;
}

/* The overview's first chart in sight and its last one out of sight. */
static void
find_near_and_far (GtkWidget **near, GtkWidget **far)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *overview = styrkort_window_get_page_widget (window, "overview");

  *near = *far = NULL;
  collect_widgets (overview, STYRKORT_TYPE_CHART_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = views->pdata[i];
      if (in_sight (view, overview) && *near == NULL)
        *near = view;
      else if (!in_sight (view, overview))
        *far = view;
    }
  g_assert_nonnull (*near);
  g_assert_nonnull (*far);
}

/* The window is complete when each chart is drawn: one out of sight as soon
 * as the chart thread has its image, with no frame or callback to wait
 * for; one in sight once a frame has painted it. */
static void
test_charts_complete_in_sight (void)
{
  StyrkortPeriod shown = styrkort_window_get_period (window);
  GtkWidget *near, *far;
  gboolean big_done = FALSE;

  styrkort_window_show_page (window, "overview");
  g_assert_true (ui_test_wait_for (window_not_busy, window));
  find_near_and_far (&near, &far);
  g_assert_true (styrkort_chart_view_is_drawn (STYRKORT_CHART_VIEW (near), TRUE));

  /* Every chart anew, asked for as the next frame lays them out, while a
   * large drawing holds the chart thread: none is ready when that frame is
   * painted. */
  styrkort_chart_render_async (styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (near)), 4000, 4000, 1,
                               STYRKORT_CHART_SCREEN, &styrkort_chart_palette_light, NULL, on_big_chart_cb, &big_done);
  styrkort_window_set_period (window, styrkort_period_previous (shown));
  g_assert_true (ui_test_wait_for (render_asked, NULL));
  find_near_and_far (&near, &far);
  g_assert_true (image_arrives (STYRKORT_CHART_VIEW (far)));
  g_assert_true (image_arrives (STYRKORT_CHART_VIEW (near)));
  g_assert_false (styrkort_chart_view_is_drawn (STYRKORT_CHART_VIEW (near), TRUE));
  g_assert_true (styrkort_window_is_busy (window));
  iterate ();
  g_assert_true (styrkort_chart_view_is_drawn (STYRKORT_CHART_VIEW (near), TRUE));
  g_assert_false (styrkort_window_is_busy (window));
  g_assert_true (ui_test_wait_for (is_true, &big_done));
  styrkort_window_set_period (window, shown);
  iterate ();
}

static void
test_visit_every_entry (void)
{
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), is_list_box, NULL);
  guint visited = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *name = gtk_widget_get_name (row);
      if (!GTK_IS_LIST_BOX_ROW (row) || !gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)))
        continue;
      /* As a user does: select the row in the sidebar. */
      gtk_list_box_select_row (GTK_LIST_BOX (sidebar), GTK_LIST_BOX_ROW (row));
      iterate ();
      g_assert_cmpstr (styrkort_window_get_page (window), ==, name);
      g_assert_true (gtk_widget_get_mapped (styrkort_window_get_page_widget (window, name)));
      if (g_str_equal (name, "a03") || g_str_equal (name, "figures") || g_str_equal (name, "steering") ||
          g_str_equal (name, "safety"))
        {
          g_autofree char *file = g_strdup_printf ("%s.png", name);
          save_png (GTK_WIDGET (window), file);
        }
      visited++;
    }
  g_assert_cmpuint (visited, ==, 20);
}

static GtkWidget *
figures_entry (const char *code, const char *field, gint64 unit)
{
  GtkWidget *page;
  styrkort_window_show_page (window, "figures");
  iterate ();
  page = styrkort_window_get_page_widget (window, "figures");
  return styrkort_figures_page_get_entry (STYRKORT_FIGURES_PAGE (page), code, field, unit);
}

static void
type_into (GtkWidget *entry, const char *text)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  iterate ();
}

/* A cell clicked or tabbed into has its figure selected; left, it shows no
 * selection (a highlight stayed on the cell left behind). */
static void
check_selection_follows_focus (GtkWidget *cell, GtkWidget *next)
{
  gtk_widget_grab_focus (cell);
  ui_test_drain ();
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (cell), NULL, NULL));
  gtk_widget_grab_focus (next);
  ui_test_drain ();
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (cell), NULL, NULL));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (next), NULL, NULL));
}

static void
test_type_figures (void)
{
  gint64 unit = first_unit (0), other = first_unit (1);
  GtkWidget *vfu = figures_entry ("vfu_places", "value", unit);
  GtkWidget *turnover = figures_entry ("turnover", "value", other);
  GtkWidget *leavers = figures_entry ("turnover", "numerator", unit);
  GtkWidget *staff = figures_entry ("turnover", "denominator", unit);
  GtkWidget *below = figures_entry ("vfu_places", "city", 0);
  double before;

  g_assert_nonnull (vfu);
  check_selection_follows_focus (leavers, staff);
  type_into (vfu, "7");
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, 7);
  /* Enter moved the focus down the same column. */
  g_assert_false (gtk_widget_has_focus (vfu));

  /* A rate computed from its base cannot be typed over: typing 2 there used
   * to erase both base figures without a word. */
  g_assert_cmpfloat (stored ("turnover", other, "numerator"), >=, 0);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (turnover)));
  g_assert_true (gtk_widget_has_css_class (turnover, "derived"));
  {
    const char *why = T ("Computed from %s and %s. Change those figures, or clear them to type the rate itself.");
    g_autofree char *start = g_strndup (why, strchr (why, '%') - why);
    g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (turnover), start));
  }

  /* Cleared, the base gives way to a rate typed by hand (decimal comma, %). */
  type_into (figures_entry ("turnover", "numerator", other), "");
  type_into (figures_entry ("turnover", "denominator", other), "");
  turnover = figures_entry ("turnover", "value", other);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (turnover)));
  type_into (turnover, "12,5 %");
  g_assert_cmpfloat (stored ("turnover", other, "value"), ==, 12.5);
  g_assert_cmpfloat (stored ("turnover", other, "numerator"), ==, -1);
  /* Shown as everywhere else: one decimal and the percent sign. */
  {
    g_autofree char *number = styrkort_format_number (12.5, 1, styrkort_number_style_for_locale ());
    g_autofree char *want = g_strconcat (number, "\u00a0%", NULL);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (figures_entry ("turnover", "value", other))), ==, want);
  }

  /* Leavers and average headcount: the percentage is computed. */
  type_into (leavers, "3");
  type_into (staff, "1 200");
  /* Enter went past the computed rate below to the next cell one can type in. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *focused = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
    g_assert_nonnull (focused);
    g_assert_true (focused != staff && focused != figures_entry ("turnover", "value", unit));
    g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (focused)));
  }
  g_assert_cmpfloat (stored ("turnover", unit, "denominator"), ==, 1200);
  g_assert_cmpfloat_with_epsilon (stored ("turnover", unit, "value"), 0.25, 1e-9);
  save_png (GTK_WIDGET (window), "figures-typed.png");

  /* Text that is not a number is refused at the cell, and nothing is stored. */
  before = stored ("vfu_places", unit, "value");
  type_into (vfu, "tolv");
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, before);
  g_assert_true (gtk_widget_has_css_class (vfu, "error"));
  type_into (vfu, "12,5,1");
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, before);
  save_png (GTK_WIDGET (window), "figures-refused.png");
  type_into (vfu, "7");
  g_assert_false (gtk_widget_has_css_class (vfu, "error"));

  /* The city's comparison value, typed in its own column, is stored as the city's. */
  type_into (below, "2,5");
  {
    StyrkortPeriod p = styrkort_window_get_period (window);
    g_autofree char *sql = g_strdup_printf ("SELECT value FROM city_value c JOIN indicator i ON i.id = c.indicator_id"
                                            " WHERE code = 'vfu_places' AND year = %d AND tertial = %d",
                                            p.year, p.tertial);
    g_autofree char *text = ui_test_file_text (window, path, sql);
    g_assert_nonnull (text);
    g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, 2.5);
  }
}

static void
on_frame_drawn_cb (GdkFrameClock *clock, guint *frames)
{
  (*frames)++;
}

/* A second window on the file (read-only: the first holds it), with @page
 * asked for as soon as it shows the file: the page fills itself in while the
 * window goes on drawing.
 * Returns the window; the page is complete. */
static StyrkortWindow *
show_over_frames (const char *page)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StyrkortWindow *second = styrkort_window_new (GTK_APPLICATION (app));
  GdkFrameClock *clock;
  guint frames = 0;
  gulong id;

  g_assert_true (ui_test_open (second, file));
  gtk_window_present (GTK_WINDOW (second));
  /* At once: the window has not yet made its pages ready ahead. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (second));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_drawn_cb), &frames);
  styrkort_window_show_page (second, page);
  g_assert_true (styrkort_window_is_busy (second));
  g_assert_true (ui_test_wait_for (window_not_busy, second));
  g_signal_handler_disconnect (clock, id);
  g_assert_cmpuint (frames, >=, 2);
  return second;
}

static void
set_window_size (StyrkortWindow *window, int width, int height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ui_test_settle (GTK_WIDGET (window));
  ui_test_settle (GTK_WIDGET (window));
}

/* A window made smaller leaves cells out of the grid's view; grown again,
 * the grid draws the cells that came into view. */
static void
check_grown_view_drawn (StyrkortWindow *window, GtkWidget *grid)
{
  GtkWidget *body = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
  int width = gtk_widget_get_width (GTK_WIDGET (window)), height = gtk_widget_get_height (GTK_WIDGET (window));
  g_autoptr(GPtrArray) undrawn = g_ptr_array_new ();
  guint came_into_view = 0;

  /* A window as large as the screen may have been maximized (mutter). */
  gtk_window_unmaximize (GTK_WINDOW (window));
  set_window_size (window, width, height / 2);
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child; child = gtk_widget_get_next_sibling (child))
    if (STYRKORT_IS_NUMBER_ENTRY (child) && !styrkort_cell_grid_drew (STYRKORT_CELL_GRID (grid), child))
      g_ptr_array_add (undrawn, child);
  g_assert_cmpuint (undrawn->len, >, 0);
  set_window_size (window, width, height);
  for (guint i = 0; i < undrawn->len; i++)
    {
      GtkWidget *cell = undrawn->pdata[i];
      graphene_point_t at;
      g_assert_true (gtk_widget_compute_point (cell, body, &GRAPHENE_POINT_INIT (0, 0), &at));
      if (at.x < 0 || at.y < 0 || at.x + gtk_widget_get_width (cell) > gtk_widget_get_width (body) ||
          at.y + gtk_widget_get_height (cell) > gtk_widget_get_height (body))
        continue;
      g_assert_true (styrkort_cell_grid_drew (STYRKORT_CELL_GRID (grid), cell));
      came_into_view++;
    }
  g_assert_cmpuint (came_into_view, >, 0);
}

/* Nyckeltal is built a row at a time; another period then only shows other
 * figures in the same cells. */
static void
test_figures_built_over_frames (void)
{
  StyrkortWindow *second = show_over_frames ("figures");
  GtkWidget *page = styrkort_window_get_page_widget (second, "figures");
  gint64 unit = first_unit (2);
  StyrkortPeriod period = styrkort_window_get_period (second);
  GtkWidget *entry = styrkort_figures_page_get_entry (STYRKORT_FIGURES_PAGE (page), "vfu_places", "value", unit);

  /* Every unit's cell of every field row, and the city's. */
  {
    const char *sql = "SELECT (SELECT count (*) FROM unit) * (SELECT ifnull (sum (1 + 2 * gender_split + 2 * (total_rule = "
                      "'rate')), 0) FROM indicator WHERE level = 'unit') + (SELECT ifnull (sum (1 + 2 * gender_split + 2 * "
                      "(total_rule = 'rate')), 0) FROM indicator WHERE level = 'district') + (SELECT count (*) FROM indicator)";
    g_assert_cmpint (count_widgets (page, STYRKORT_TYPE_NUMBER_ENTRY), ==, ui_test_file_int (second, path, sql));
  }
  g_assert_nonnull (entry);
  {
    g_autofree char *want = styrkort_format_number (stored ("vfu_places", unit, "value"), 0,
                                                    styrkort_number_style_for_locale ());
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, want);
  }
  /* Only the cells in view are drawn, and scrolling draws those that come
   * into view. */
  {
    GtkWidget *grid = gtk_widget_get_ancestor (entry, STYRKORT_TYPE_CELL_GRID);
    GtkWidget *last = NULL;
    GtkScrolledWindow *body = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (body);

    for (GtkWidget *child = gtk_widget_get_first_child (grid); child; child = gtk_widget_get_next_sibling (child))
      if (STYRKORT_IS_NUMBER_ENTRY (child))
        last = child;
    gtk_adjustment_set_value (v, 0);
    ui_test_settle (GTK_WIDGET (second));
    g_assert_false (styrkort_cell_grid_drew (STYRKORT_CELL_GRID (grid), last));
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    ui_test_settle (GTK_WIDGET (second));
    g_assert_true (styrkort_cell_grid_drew (STYRKORT_CELL_GRID (grid), last));
    gtk_adjustment_set_value (v, 0);
    check_grown_view_drawn (second, grid);
  }
  /* The period before: the same cell, the figure of that period. */
  {
    StyrkortPeriod before = styrkort_period_previous (period);
    g_autofree char *name = styrkort_period_to_string (before);
    g_autofree char *sql = g_strdup_printf ("SELECT value FROM indicator_value v JOIN indicator i ON "
                                            "i.id = v.indicator_id WHERE code = 'vfu_places' AND unit_id = %"
                                            G_GINT64_FORMAT " AND year = %d AND tertial = %d",
                                            unit, before.year, before.tertial);
    g_autofree char *value = ui_test_file_text (second, path, sql);
    g_autofree char *want = value ? styrkort_format_number (g_ascii_strtod (value, NULL), 0,
                                                            styrkort_number_style_for_locale ()) : g_strdup ("");
    gtk_widget_activate_action (GTK_WIDGET (second), "win.go-to", "(sss)", "figures", name, "");
    ui_test_settle (GTK_WIDGET (second));
    g_assert_cmpint (styrkort_period_compare (styrkort_window_get_period (second), before), ==, 0);
    g_assert_true (styrkort_figures_page_get_entry (STYRKORT_FIGURES_PAGE (page), "vfu_places", "value", unit) == entry);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, want);
  }
  /* Back: the period chosen last is the one windows open on. */
  {
    g_autofree char *name = styrkort_period_to_string (period);
    gtk_widget_activate_action (GTK_WIDGET (second), "win.go-to", "(sss)", "figures", name, "");
  }
  gtk_window_destroy (GTK_WINDOW (second));
  iterate ();
}

static gboolean
cell_drawn (gconstpointer cell)
{
  GtkWidget *grid = gtk_widget_get_parent ((GtkWidget *) cell);
  return styrkort_cell_grid_drew (STYRKORT_CELL_GRID (grid), (GtkWidget *) cell);
}

/* Whether @cell is at least partly in its scrolled view. */
static gboolean
cell_in_view (GtkWidget *cell, GtkWidget *body)
{
  graphene_rect_t bounds, view;

  graphene_rect_init (&view, 0, 0, gtk_widget_get_width (body), gtk_widget_get_height (body));
  return gtk_widget_compute_bounds (cell, body, &bounds) && graphene_rect_intersection (&bounds, &view, NULL);
}

/* Shown again, Nyckeltal maps only the cells in view and near it (mapping
 * all 900 of 30 units took 8-15 ms); the focus still moves on with Tab into
 * the cells out of view, and a cell given the focus from afar is mapped. */
static void
test_figures_map_near_view (void)
{
  GtkWidget *page, *grid, *body, *last_in_view = NULL, *last = NULL, *next;
  guint cells = 0, mapped = 0;

  /* Shown, filled in, and shown again after another page. */
  styrkort_window_show_page (window, "figures");
  iterate ();
  styrkort_window_show_page (window, "steering");
  iterate ();
  styrkort_window_show_page (window, "figures");
  iterate ();
  page = styrkort_window_get_page_widget (window, "figures");
  grid = gtk_widget_get_parent (styrkort_figures_page_get_entry (STYRKORT_FIGURES_PAGE (page), "vfu_places", "value",
                                                                first_unit (0)));
  body = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (body)), 0);
  iterate ();
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!STYRKORT_IS_NUMBER_ENTRY (child))
        continue;
      cells++;
      mapped += gtk_widget_get_mapped (child);
      last = child;
      if (cell_in_view (child, body))
        {
          g_assert_true (gtk_widget_get_mapped (child));
          g_assert_true (styrkort_cell_grid_drew (STYRKORT_CELL_GRID (grid), child));
          last_in_view = child;
        }
    }
  g_assert_cmpuint (mapped, <, cells);
  g_assert_nonnull (last_in_view);
  g_assert_false (cell_in_view (last, body));
  g_assert_false (gtk_widget_get_mapped (last));
  /* Tab from the last cell in view: the next cell, scrolled into view. */
  gtk_widget_grab_focus (last_in_view);
  iterate ();
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  next = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), STYRKORT_TYPE_NUMBER_ENTRY);
  g_assert_nonnull (next);
  g_assert_true (next != last_in_view);
  g_assert_true (gtk_widget_get_parent (next) == grid);
  g_assert_true (ui_test_wait_for (cell_drawn, next));
  /* A cell far out of view given the focus. */
  gtk_widget_grab_focus (last);
  g_assert_true (gtk_widget_get_mapped (last));
  g_assert_true (gtk_widget_is_focus (last) || gtk_widget_get_focus_child (last) != NULL);
  g_assert_true (ui_test_wait_for (cell_drawn, last));
  save_png (GTK_WIDGET (window), "figures-far-cell.png");
}

/* An area page and Styrgrupp fill themselves in too, to the end: an
 * assessment per operation and the note, the charts; every meeting. */
static void
test_pages_built_over_frames (void)
{
  StyrkortWindow *second = show_over_frames ("a01");
  GtkWidget *page = styrkort_window_get_page_widget (second, "a01");

  g_assert_cmpint (count_widgets (page, STYRKORT_TYPE_TEXT_AREA), ==,
                   ui_test_file_int (second, path, "SELECT count (*) + 1 FROM operation o WHERE EXISTS (SELECT 1 FROM unit WHERE "
                                                   "operation_id = o.id) OR EXISTS (SELECT 1 FROM assessment WHERE "
                                                   "operation_id = o.id)"));
  g_assert_cmpuint (count_widgets (page, STYRKORT_TYPE_CHART_VIEW), >, 0);
  /* Another period: the page is built again at once, where the reader is. */
  {
    GtkWidget *scrolled = gtk_widget_get_first_child (page);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *before = styrkort_period_to_string (styrkort_period_previous (styrkort_window_get_period (second)));

    gtk_adjustment_set_value (v, 400);
    ui_test_settle (GTK_WIDGET (second));
    g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 400);
    g_autofree char *shown = styrkort_period_to_string (styrkort_window_get_period (second));

    gtk_widget_activate_action (GTK_WIDGET (second), "win.go-to", "(sss)", "a01", before, "");
    /* Built at once: only its charts are still to be drawn. */
    g_assert_false (styrkort_page_steps_running (page));
    g_assert_true (styrkort_window_is_busy (second));
    ui_test_settle (GTK_WIDGET (second));
    g_assert_false (styrkort_window_is_busy (second));
    g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 400);
    /* Back: the period chosen last is the one windows open on. */
    gtk_widget_activate_action (GTK_WIDGET (second), "win.go-to", "(sss)", "a01", shown, "");
  }
  gtk_window_destroy (GTK_WINDOW (second));
  second = show_over_frames ("steering");
  page = styrkort_window_get_page_widget (second, "steering");
  g_assert_cmpint (count_widgets (page, ADW_TYPE_EXPANDER_ROW), ==,
                   ui_test_file_int (second, path, "SELECT count (*) FROM meeting"));
  gtk_window_destroy (GTK_WINDOW (second));
  iterate ();
}

/* Making every page ready takes some 3 s, and ten times as long under ASan
 * on a busy machine. */
#define MADE_READY_LIMIT_S 240

static gboolean
window_made_ready (gconstpointer data)
{
  return !styrkort_window_is_preparing ((StyrkortWindow *) data);
}

static gboolean is_text_area (GtkWidget *widget, gconstpointer data);
static gboolean is_label_containing (GtkWidget *widget, gconstpointer text);

/* Each page of the sidebar, other than the one shown, is made, filled in
 * and laid out, hidden. */
static void
assert_pages_ready (StyrkortWindow *window)
{
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), is_list_box, NULL);
  GtkWidget *shown = styrkort_window_get_page_widget (window, styrkort_window_get_page (window));
  guint pages = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *page;
      if (!gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)))
        continue;
      page = styrkort_window_get_page_widget (window, gtk_widget_get_name (row));
      g_assert_nonnull (page);
      g_assert_false (styrkort_page_steps_running (page));
      pages++;
      if (page == shown)
        continue;
      g_assert_false (gtk_widget_get_mapped (page));
      /* Hidden, so that GTK leaves its styles alone while out of view. */
      g_assert_false (gtk_widget_get_visible (page));
      /* Laid out: its widgets are realized, as when shown. */
      g_assert_true (gtk_widget_get_realized (find_widget (page, is_label_containing, "")));
    }
  /* Översikt, Inför mötet, 13 areas, 3 themes, Nyckeltal, Styrgrupp. */
  g_assert_cmpuint (pages, ==, 20);
}

/* Once the file shows, the window makes its other pages ready out of view,
 * and again for another period: the page chosen next only has to be shown. */
static void
test_pages_made_ready (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StyrkortWindow *second = styrkort_window_new (GTK_APPLICATION (app));
  StyrkortPeriod earlier;
  g_autofree char *earlier_name = NULL;
  GtkWidget *page;

  g_assert_true (ui_test_open (second, file));
  gtk_window_present (GTK_WINDOW (second));
  ui_test_settle (GTK_WIDGET (second));
  g_assert_true (ui_test_wait_for_within (window_made_ready, second, MADE_READY_LIMIT_S));
  assert_pages_ready (second);
  page = styrkort_window_get_page_widget (second, "a01");
  g_assert_cmpint (count_widgets (page, STYRKORT_TYPE_TEXT_AREA), ==,
                   ui_test_file_int (second, path, "SELECT count (*) + 1 FROM operation o WHERE EXISTS (SELECT 1 FROM unit WHERE "
                                                   "operation_id = o.id) OR EXISTS (SELECT 1 FROM assessment WHERE "
                                                   "operation_id = o.id)"));
  /* Shown, a page made ready is complete at once. */
  styrkort_window_show_page (second, "a01");
  g_assert_false (styrkort_page_steps_running (page));
  g_assert_true (gtk_widget_get_mapped (find_widget (page, is_text_area, NULL)));
  g_assert_true (ui_test_wait_for (window_not_busy, second));

  /* Another period: the pages out of view show it before they are shown. */
  earlier = styrkort_period_previous (styrkort_window_get_period (second));
  earlier_name = styrkort_period_to_string (earlier);
  styrkort_window_set_period (second, earlier);
  g_assert_true (ui_test_wait_for_within (window_made_ready, second, MADE_READY_LIMIT_S));
  assert_pages_ready (second);
  page = styrkort_window_get_page_widget (second, "figures");
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_nonnull (find_widget (page, is_label_containing, earlier_name));
  styrkort_window_set_period (second, styrkort_period_next (earlier));
  gtk_window_destroy (GTK_WINDOW (second));
  iterate ();
}

static gboolean
is_text_area_showing (GtkWidget *widget, gconstpointer text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  if (!STYRKORT_IS_TEXT_AREA (widget))
    return FALSE;
  buffer = gtk_text_view_get_buffer (styrkort_text_area_get_view (STYRKORT_TEXT_AREA (widget)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strcmp0 (shown, text) == 0;
}

/* A change made while a page is out of view waits for it, and the window
 * shows it there when it makes the page ready again, before it is shown. */
static void
test_pages_catch_up (void)
{
  StyrkortProject *project = styrkort_window_get_project (window);
  g_autoptr(StyrkortArea) area = styrkort_project_find_area (project, "a02");
  StyrkortPeriod period = styrkort_window_get_period (window);
  g_autofree char *before = styrkort_project_get_gender_note (project, area->id, period);
  const char *note = "Ändrad medan sidan inte visades";
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  styrkort_window_show_page (window, "overview");
  g_assert_true (ui_test_wait_for_within (window_made_ready, window, MADE_READY_LIMIT_S));
  page = styrkort_window_get_page_widget (window, "a02");
  g_assert_null (find_widget (page, is_text_area_showing, note));
  g_assert_true (styrkort_project_set_gender_note (project, area->id, period, note, &error));
  g_assert_no_error (error);
  /* Not at once: the page waits until the window has nothing else to do. */
  g_assert_null (find_widget (page, is_text_area_showing, note));
  g_assert_true (ui_test_wait_for_within (window_made_ready, window, MADE_READY_LIMIT_S));
  g_assert_false (gtk_widget_get_visible (page));
  g_assert_nonnull (find_widget (page, is_text_area_showing, note));
  styrkort_window_show_page (window, "a02");
  g_assert_false (styrkort_page_steps_running (page));
  g_assert_nonnull (find_widget (page, is_text_area_showing, note));
  g_assert_true (styrkort_project_set_gender_note (project, area->id, period, before, &error));
  g_assert_no_error (error);
  styrkort_window_show_page (window, "overview");
  iterate ();
}

static void
test_undo (void)
{
  gint64 unit = first_unit (2);
  GtkWidget *vfu = figures_entry ("vfu_places", "value", unit);
  double original = stored ("vfu_places", unit, "value");
  GtkWidget *focused;

  type_into (vfu, "42");
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, 42);
  focused = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focused);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  /* The focus stays where it was (Enter had moved it down). */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focused);
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, original);
  /* The grid shows the undone state, in the same cell: the grid updated
   * the changed indicator, it was not built again. */
  g_assert_true (figures_entry ("vfu_places", "value", unit) == vfu);
  {
    g_autofree char *want = styrkort_format_number (original, 0, styrkort_number_style_for_locale ());
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vfu)), ==, want);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  iterate ();
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, 42);
}

static GtkWidget *
indicator_chart_view (GtkWidget *page, gint64 indicator_id)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  collect_widgets (page, STYRKORT_TYPE_CHART_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (GPOINTER_TO_SIZE (g_object_get_data (views->pdata[i], "indicator")) == (gsize) indicator_id &&
        !g_object_get_data (views->pdata[i], "gender"))
      return views->pdata[i];
  return NULL;
}

/* Översikt fills its indicator charts after its first frame. */
static gboolean
overview_filled (gconstpointer page)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  collect_widgets ((GtkWidget *) page, STYRKORT_TYPE_CHART_VIEW, views);
  return views->len > 1;
}

/* Whether @row is within the visible part of its scrolled page (the
 * viewport scrolls to a focus in an animation). */
static gboolean
row_in_view (gconstpointer row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor ((GtkWidget *) row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *content = gtk_widget_get_first_child (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
  graphene_point_t at;

  return gtk_widget_compute_point ((GtkWidget *) row, content, &GRAPHENE_POINT_INIT (0, 0), &at) &&
         at.y >= gtk_adjustment_get_value (adjustment) &&
         at.y + gtk_widget_get_height ((GtkWidget *) row) <= gtk_adjustment_get_value (adjustment) +
                                                           gtk_adjustment_get_page_size (adjustment);
}

static gboolean
is_subgoal_row (GtkWidget *widget, gconstpointer data)
{
  const char *link = styrkort_page_get_link (widget);
  return link != NULL && g_str_has_prefix (link, "subgoal-");
}

static gboolean
is_scrolled_window (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

static GtkWidget *
first_text_view (GtkWidget *page)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  collect_widgets (page, GTK_TYPE_TEXT_VIEW, views);
  return views->len > 0 ? views->pdata[0] : NULL;
}

/* A figure typed on Nyckeltal reaches an area page shown before: its chart
 * of that indicator is drawn anew in the same view, the rest of the page is
 * as it was (nothing rebuilt); undo does the same. */
static void
test_area_follows_figures (void)
{
  gint64 indicator = ui_test_file_int (window, path, "SELECT id FROM indicator WHERE code = 'vfu_places'");
  g_autofree char *area = ui_test_file_text (window, path, "SELECT a.key FROM area a JOIN indicator_area ia ON ia.area_id = a.id"
                                               " WHERE ia.indicator_id = (SELECT id FROM indicator WHERE code = 'vfu_places')"
                                               " ORDER BY a.position LIMIT 1");
  gint64 unit = first_unit (1);
  GtkWidget *page, *text_before, *overview, *scrolled;
  GtkAdjustment *adjustment;
  GtkWidget *focused_row;
  g_autoptr(GtkWidget) view = NULL;
  g_autoptr(GtkWidget) overview_view = NULL;
  const StyrkortChart *chart, *overview_chart;

  g_assert_nonnull (area);
  g_assert_true (styrkort_window_show_page (window, area));
  iterate ();
  page = styrkort_window_get_page_widget (window, area);
  view = indicator_chart_view (page, indicator);
  g_assert_nonnull (view);
  g_object_ref (view); /* its address stays its own while the test looks */
  chart = styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (view));
  text_before = first_text_view (page);
  /* Scrolled down to the chart, as a user looking at it would be. */
  scrolled = ui_test_find_widget (page, is_scrolled_window, NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* The focus in a sub-goal's row, which the new figure changes. */
  focused_row = ui_test_find_widget (page, is_subgoal_row, NULL);
  g_assert_true (gtk_widget_grab_focus (focused_row));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  /* Översikt's chart of the indicator, for this period, likewise. */
  g_assert_true (styrkort_window_show_page (window, "overview"));
  iterate ();
  overview = styrkort_window_get_page_widget (window, "overview");
  g_assert_true (ui_test_wait_for (overview_filled, overview));
  overview_view = indicator_chart_view (overview, indicator);
  g_assert_nonnull (overview_view);
  g_object_ref (overview_view);
  overview_chart = styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (overview_view));

  type_into (figures_entry ("vfu_places", "value", unit), "77");
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, 77);
  g_assert_true (styrkort_window_show_page (window, area));
  iterate ();
  g_assert_true (indicator_chart_view (page, indicator) == view);
  g_assert_true (styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (view)) != chart);
  g_assert_true (first_text_view (page) == text_before);
  /* The sub-goal's row was shown again in place: it keeps the focus, and
   * the page scrolls to it, as to any focus (a new row lost the focus and
   * the page jumped to the top). */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focused_row);
  g_assert_true (ui_test_wait_for (row_in_view, focused_row));
  g_assert_true (styrkort_window_show_page (window, "overview"));
  iterate ();
  g_assert_true (indicator_chart_view (overview, indicator) == overview_view);
  g_assert_true (styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (overview_view)) != overview_chart);
  g_assert_true (styrkort_window_show_page (window, area));
  iterate ();

  chart = styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_true (indicator_chart_view (page, indicator) == view);
  g_assert_true (styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (view)) != chart);
}

static char *
text_of_view (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Undo of a text typed on an area page puts the old text back into the same
 * field (the page is not built again, nothing else on it moves). */
/* The first operation's status chosen on the page: in the file, on its
 * badge; undone, the earlier choice is shown again, badge and all. */
static void
check_status_and_undo (GtkWidget *page, const char *area)
{
  StyrkortPeriod p = styrkort_window_get_period (window);
  gint64 operation = ui_test_file_int (window, path, "SELECT id FROM operation ORDER BY position LIMIT 1");
  g_autofree char *name = g_strdup_printf ("assessment-%" G_GINT64_FORMAT, operation);
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM assessment WHERE area_id = (SELECT id FROM area WHERE key = '%s')"
                                          " AND operation_id = %" G_GINT64_FORMAT " AND year = %d AND tertial = %d",
                                          area, operation, p.year, p.tertial);
  GtkWidget *dropdown = find_widget (page, is_linked, name);
  GtkWidget *badge;
  guint before;
  g_autofree char *stored = NULL;

  g_assert_nonnull (dropdown);
  badge = gtk_widget_get_first_child (gtk_widget_get_parent (dropdown));
  before = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  /* Items: "Not assessed", then the statuses in their order. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), before == 4 ? 2 : 4);
  iterate ();
  stored = ui_test_file_text (window, path, sql);
  g_assert_cmpstr (stored, ==, before == 4 ? "in_progress" : "needs_attention");
  g_assert_true (gtk_widget_has_css_class (badge, before == 4 ? "status-in_progress" : "status-needs_attention"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, before);
  g_assert_false (gtk_widget_has_css_class (badge, before == 4 ? "status-in_progress" : "status-needs_attention"));
}

static void
test_area_undo_text (void)
{
  g_autofree char *area = ui_test_file_text (window, path, "SELECT key FROM area ORDER BY position LIMIT 1");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autofree char *before = NULL, *after = NULL, *saved = NULL;
  GtkWidget *page, *note;

  g_assert_true (styrkort_window_show_page (window, area));
  iterate ();
  page = styrkort_window_get_page_widget (window, area);
  collect_widgets (page, GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, >=, 2);
  note = views->pdata[views->len - 1]; /* the gender-equality note comes after the assessments */
  before = text_of_view (note);
  gtk_widget_grab_focus (note);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)), "Kvinnor och män: ny anteckning", -1);
  gtk_widget_grab_focus (views->pdata[0]); /* leaving the field saves it */
  iterate ();
  {
    StyrkortPeriod p = styrkort_window_get_period (window);
    g_autofree char *sql = g_strdup_printf ("SELECT text FROM gender_note WHERE area_id = (SELECT id FROM area WHERE key = '%s')"
                                            " AND year = %d AND tertial = %d", area, p.year, p.tertial);
    saved = ui_test_file_text (window, path, sql);
  }
  g_assert_cmpstr (saved, ==, "Kvinnor och män: ny anteckning");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_ptr_array_set_size (views, 0);
  collect_widgets (page, GTK_TYPE_TEXT_VIEW, views);
  g_assert_true (views->pdata[views->len - 1] == note);
  after = text_of_view (note);
  g_assert_cmpstr (after, ==, before);
  check_status_and_undo (page, area);
}

static gboolean
is_date_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), T ("YYYY-MM-DD")) == 0;
}

static gboolean
is_calendar (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_CALENDAR (widget);
}

static gboolean
is_error_label_with_text (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
         *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

static gboolean
is_toast_undo (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.undo-edit") == 0;
}

/* The toast whose Undo takes back edit *@edit, shown (an earlier toast
 * may be shown first: toasts queue). */
static GtkWidget *
toast_undo_of (gint64 edit)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  collect_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (is_toast_undo (buttons->pdata[i], NULL) && gtk_widget_get_mapped (buttons->pdata[i]) &&
        g_variant_get_int64 (gtk_actionable_get_action_target_value (buttons->pdata[i])) == edit)
      return buttons->pdata[i];
  return NULL;
}

static gboolean
toast_offers_undo_of (gconstpointer edit)
{
  return toast_undo_of (*(const gint64 *) edit) != NULL;
}

static void
test_add_and_delete_action (void)
{
  g_autoptr(GVariant) target = NULL;
  GtkWidget *undo_button;
  gint64 deletion;
  GtkWidget *page, *add, *row, *remove, *entry;
  AdwMessageDialog *dialog;

  styrkort_window_show_page (window, "a05");
  iterate ();
  page = styrkort_window_get_page_widget (window, "a05");
  add = find_widget (page, is_button_labelled, T ("Add A_ction"));
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  iterate ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  save_png (GTK_WIDGET (dialog), "action-dialog.png");
  /* The first field is the action's text; Save waits until it is filled,
   * without reproaching anyone before they have typed. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_error_label_with_text, NULL));
  entry = find_widget (adw_message_dialog_get_extra_child (dialog), is_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "x");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_error_label_with_text, NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Veckovisa ärendegenomgångar med chef");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  /* The due date from the calendar behind the field's icon. */
  {
    GtkWidget *date = find_widget (GTK_WIDGET (dialog), is_date_entry, NULL);
    GtkWidget *calendar;
    g_autoptr(GDateTime) day = g_date_time_new_local (2027, 3, 15, 12, 0, 0);
    g_assert_nonnull (date);
    g_signal_emit_by_name (date, "icon-press", GTK_ENTRY_ICON_SECONDARY);
    iterate ();
    calendar = find_widget (date, is_calendar, NULL);
    g_assert_nonnull (calendar);
    g_assert_true (gtk_widget_get_mapped (calendar));
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_signal_emit_by_name (calendar, "day-selected");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2027-03-15");
    gtk_editable_set_text (GTK_EDITABLE (date), "");
  }
  /* Click Save as a user does: the dialog answers and closes. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Save")), "clicked");
  iterate ();
  g_assert_null (open_dialog ());
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM action WHERE text = 'Veckovisa ärendegenomgångar med chef'"), ==, 1);
  /* The new action has the focus and is scrolled into view, even below the fold. */
  row = find_widget (page, is_row_titled, "Veckovisa ärendegenomgångar med chef");
  g_assert_true (gtk_widget_has_focus (row));
  /* Scrolled once the row has its place: a frame or two, more on a busy machine. */
  g_assert_true (ui_test_wait_for (row_in_view, row));
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t bounds;
    g_assert_true (gtk_widget_compute_bounds (row, scrolled, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
  }

  row = find_widget (page, is_row_titled, "Veckovisa ärendegenomgångar med chef");
  g_assert_nonnull (row);
  remove = find_widget (row, is_button_tipped, T ("Delete action"));
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  /* The toast goes after some seconds: looked for at once (under ASan the
   * window's work in the background takes long enough for it to go). */
  deletion = styrkort_project_get_undo_edit (styrkort_window_get_project (window));
  g_assert_cmpint (deletion, >, 0);
  g_assert_true (ui_test_wait_for (toast_offers_undo_of, &deletion));
  undo_button = toast_undo_of (deletion);
  target = g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (undo_button)));
  iterate ();
  save_png (GTK_WIDGET (window), "action-deleted-toast.png");
  /* The focus stays in the list of actions (the page jumped to the top when
   * the deleted row's button took the focus with it). */
  g_assert_true (gtk_widget_has_focus (find_widget (page, is_button_labelled, T ("Add A_ction"))));
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM action WHERE text = 'Veckovisa ärendegenomgångar med chef'"), ==, 0);
  g_assert_null (find_widget (page, is_row_titled, "Veckovisa ärendegenomgångar med chef"));
  /* The toast's Undo brings it back. */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo-edit", target);
  iterate ();
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM action WHERE text = 'Veckovisa ärendegenomgångar med chef'"), ==, 1);
  g_assert_nonnull (find_widget (styrkort_window_get_page_widget (window, "a05"), is_row_titled,
                                 "Veckovisa ärendegenomgångar med chef"));
  /* Undone already (Ctrl+Z), the toast's Undo does not take back the edit
   * before it (adding the action): the action stays. */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.undo-edit", target);
  iterate ();
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM action WHERE text = 'Veckovisa ärendegenomgångar med chef'"), ==, 1);
}

/* The district's name is edited on Styrgrupp and shown in the title. */
static void
test_rename_district (void)
{
  GtkWidget *page, *entry = NULL;

  styrkort_window_show_page (window, "steering");
  iterate ();
  page = styrkort_window_get_page_widget (window, "steering");
  entry = find_widget (page, is_row_titled, T ("Name"));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Stadsdel Exempel Söder");
  g_signal_emit_by_name (entry, "apply");
  iterate ();
  {
    g_autofree char *name = ui_test_file_text (window, path, "SELECT name FROM district");
    g_assert_cmpstr (name, ==, "Stadsdel Exempel Söder");
  }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Stadsdel Exempel Söder");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Stadsdel Exempel");
}

static void
test_second_window_read_only (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StyrkortWindow *second = styrkort_window_new (GTK_APPLICATION (app));
  g_autoptr(GtkWidget) page = NULL;
  GtkWidget *entry;

  /* The same file twice in this app focuses its window... */
  styrkort_application_open_file (app, file);
  iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  /* ...but a window forced onto it, as another program would be, is read-only. */
  g_assert_true (ui_test_open (second, file));
  gtk_window_present (GTK_WINDOW (second));
  iterate ();
  g_assert_true (styrkort_project_is_read_only (styrkort_window_get_project (second)));
  styrkort_window_show_page (second, "figures");
  iterate ();
  entry = styrkort_figures_page_get_entry (STYRKORT_FIGURES_PAGE (styrkort_window_get_page_widget (second, "figures")),
                                           "vfu_places", "value", first_unit (0));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  save_png (GTK_WIDGET (second), "read-only.png");
  gtk_window_destroy (GTK_WINDOW (second));
  /* A page still filling in when its window closes stops, even when
   * something still holds it (a window of its own: in one shown for a
   * while, the page may have been made ready ahead). */
  second = styrkort_window_new (GTK_APPLICATION (app));
  g_assert_true (ui_test_open (second, file));
  gtk_window_present (GTK_WINDOW (second));
  styrkort_window_show_page (second, "steering");
  page = g_object_ref (styrkort_window_get_page_widget (second, "steering"));
  g_assert_true (styrkort_page_steps_running (page));
  gtk_window_destroy (GTK_WINDOW (second));
  iterate ();
  g_assert_false (styrkort_page_steps_running (page));
}

static gboolean
shows_label (gconstpointer text)
{
  GtkWidget *label = find_widget (GTK_WIDGET (window), is_label_text, text);
  return label != NULL && gtk_widget_is_drawable (label);
}

/* Waits for the toast that says the file at @file_path was saved. */
static gboolean
wait_for_saved_toast (const char *file_path)
{
  g_autofree char *name = g_path_get_basename (file_path);
  g_autofree char *text = g_strdup_printf (T ("Saved “%s”"), name);
  return ui_test_wait_for (shows_label, text);
}

static void
test_export_workbook (void)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *xlsx = g_build_filename (folder, "Styrkort-Stadsdel-Exempel.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (xlsx);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-workbook.py", NULL);
  StyrkortPeriod p = styrkort_window_get_period (window);
  g_autofree char *year = g_strdup_printf ("%d", p.year), *tertial = g_strdup_printf ("%d", p.tertial);
  char *argv[] = { (char *) "/usr/bin/python3", script, xlsx, path, year, tertial, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  styrkort_window_export_workbook (window, target);
  /* The export runs beside the main loop; a toast says when it is saved. */
  g_assert_true (wait_for_saved_toast (xlsx));
  g_assert_true (g_file_query_exists (target, NULL));
  save_png (GTK_WIDGET (window), "workbook-exported-toast.png");
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  if (status != 0)
    g_error ("%s%s", out, err);
}

/* The tertial report of the period shown, written beside the main loop:
 * a PDF whose title names the period. */
static void
test_export_tertial_report (void)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (folder, "Tertialrapport-Stadsdel-Exempel.pdf", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (pdf);
  StyrkortPeriod p = styrkort_window_get_period (window);
  g_autofree char *period = styrkort_period_to_string (p);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  char *argv[] = { pdfinfo, pdf, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  styrkort_window_export_tertial_report (window, target);
  g_assert_true (wait_for_saved_toast (pdf));
  g_assert_true (g_file_query_exists (target, NULL));
  save_png (GTK_WIDGET (window), "tertial-report-exported-toast.png");
  if (pdfinfo == NULL)
    return;
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, period));
  g_assert_nonnull (strstr (out, "Pages:"));
}

/* A new district has no units: add one and enter its first figure. */
static void
test_new_district_units (void)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *db = g_build_filename (folder, "Ny stadsdel.styrkort", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (db);
  g_autoptr(StyrkortProject) created = styrkort_project_create (file, "Ny stadsdel", NULL);
  StyrkortWindow *fresh = styrkort_window_new (GTK_APPLICATION (app));
  AdwMessageDialog *units, *form;
  GtkWidget *entry, *page;
  gint64 unit;

  styrkort_project_close (created);
  g_assert_true (ui_test_open (fresh, file));
  gtk_window_present (GTK_WINDOW (fresh));
  styrkort_window_show_page (fresh, "figures");
  iterate ();
  page = styrkort_window_get_page_widget (fresh, "figures");
  g_signal_emit_by_name (find_widget (page, is_button_labelled, T ("_Units…")), "clicked");
  iterate ();
  units = open_dialog ();
  g_assert_nonnull (units);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (units), is_button_labelled, T ("_Add Unit")), "clicked");
  iterate ();
  form = NULL;
  {
    GList *toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && l->data != (gpointer) units && gtk_widget_get_visible (l->data))
        form = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (form);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (adw_message_dialog_get_extra_child (form), is_entry, NULL)),
                         "Enheten för vuxna");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (form), is_button_labelled, T ("_Save")), "clicked");
  iterate ();
  save_png (GTK_WIDGET (units), "units-dialog.png");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (units), is_button_labelled, T ("_Close")), "clicked");
  iterate ();
  unit = ui_test_file_int (fresh, db, "SELECT id FROM unit WHERE name = 'Enheten för vuxna'");
  g_assert_cmpint (unit, >, 0);
  /* The grid has a column for it now. */
  entry = styrkort_figures_page_get_entry (STYRKORT_FIGURES_PAGE (page), "consultants", "value", unit);
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "3");
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  {
    StyrkortPeriod p = styrkort_window_get_period (fresh);
    g_autofree char *sql = g_strdup_printf ("SELECT value FROM indicator_value WHERE unit_id = %" G_GINT64_FORMAT
                                            " AND year = %d AND tertial = %d", unit, p.year, p.tertial);
    g_assert_cmpint (ui_test_file_int (fresh, db, sql), ==, 3);
  }
  save_png (GTK_WIDGET (fresh), "new-district-figures.png");
  gtk_window_destroy (GTK_WINDOW (fresh));
  iterate ();
}

static gboolean
city_read (gconstpointer city)
{
  return !styrkort_city_window_is_reading ((StyrkortCityWindow *) city);
}

static void
wait_until_read (StyrkortCityWindow *city)
{
  g_assert_true (ui_test_wait_for (city_read, city));
  ui_test_settle (GTK_WIDGET (city));
}

static gboolean
is_chart_view (GtkWidget *widget, gconstpointer data)
{
  return STYRKORT_IS_CHART_VIEW (widget);
}

static guint
count_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;
  for (GList *l = toplevels; l; l = l->next)
    n += ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data);
  g_list_free (toplevels);
  return n;
}

static gboolean
is_text_area (GtkWidget *widget, gconstpointer data)
{
  return STYRKORT_IS_TEXT_AREA (widget);
}

static gboolean
is_label_containing (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_tooltip_containing (GtkWidget *widget, gconstpointer text)
{
  const char *tip = gtk_widget_get_tooltip_text (widget);
  return tip != NULL && strstr (tip, text) != NULL;
}

static void
add_city_files (StyrkortCityWindow *city, const char * const *paths)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_list_store_append (files, file);
    }
  styrkort_city_window_add_files (city, G_LIST_MODEL (files));
  wait_until_read (city);
}

/* Scrolls the overview so that @widget is at the top, and saves it. */
static void
save_scrolled_to (StyrkortCityWindow *city, GtkWidget *widget, const char *name)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  ui_test_settle (GTK_WIDGET (city));
  save_png (GTK_WIDGET (city), name);
  gtk_adjustment_set_value (adjustment, 0);
}

static gboolean
has_raw_utc_time (const char *text)
{
  g_autoptr(GRegex) utc = g_regex_new ("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}", 0, 0, NULL);
  return g_regex_match (utc, text, 0, NULL);
}

static void
test_city_overview (void)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *bad = g_build_filename (folder, "inte-en-arbetsbok.xlsx", NULL);
  g_autofree char *merged = g_build_filename (folder, "Stadsöversikt-2026-T2.xlsx", NULL);
  g_autofree char *copy_folder = g_build_filename (folder, "kopior", NULL);
  g_autofree char *copy = g_build_filename (copy_folder, "Stadsdel A.xlsx", NULL);
  char *xlsx[3] = { NULL }, *db[3] = { NULL };
  StyrkortPeriod t2 = styrkort_demo_last_period ();
  StyrkortCityWindow *city;
  StyrkortCity *core;
  GPtrArray *messages;
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stadsdel %c", 'A' + i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(StyrkortProject) p = NULL;
      db[i] = g_strdup_printf ("%s/%s.styrkort", folder, name);
      xlsx[i] = g_strdup_printf ("%s/%s.xlsx", folder, name);
      file = g_file_new_for_path (db[i]);
      p = styrkort_demo_create_named (file, 7 + i, name, NULL);
      /* Stadsdel C has no turnover this tertial: the city's rests on two districts. */
      if (i == 2)
        {
          g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (p, "turnover");
          g_autoptr(GPtrArray) values = styrkort_project_list_values (p, ind->id, t2);
          for (guint v = 0; v < values->len; v++)
            g_assert_true (styrkort_project_clear_value (p, ind->id, ((StyrkortValue *) values->pdata[v])->unit_id, t2, NULL));
        }
      g_assert_true (styrkort_workbook_export (p, t2, xlsx[i], NULL));
    }
  test_write_bytes (bad, "Enhet;Värde\n", 12);
  /* The city's own merged workbook, as the overview saves it. */
  {
    g_autoptr(StyrkortCity) made = styrkort_city_new (NULL);
    for (int i = 0; i < 3; i++)
      g_assert_nonnull (styrkort_city_add (made, xlsx[i], NULL));
    g_assert_true (styrkort_city_export (made, t2, merged, NULL));
  }
  city = styrkort_city_window_new (GTK_APPLICATION (app));
  core = styrkort_city_window_get_city (city);
  gtk_window_set_default_size (GTK_WINDOW (city), 1366, 768);
  gtk_window_present (GTK_WINDOW (city));
  {
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
    const char *paths[] = { xlsx[0], xlsx[1], xlsx[2], bad, merged };
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
        g_list_store_append (files, file);
      }
    styrkort_city_window_add_files (city, G_LIST_MODEL (files));
  }
  /* The files are read beside the main loop, which goes on meanwhile. */
  g_assert_true (styrkort_city_window_is_reading (city));
  wait_until_read (city);
  ui_test_settle (GTK_WIDGET (city));
  /* The bad file and the city's workbook are named; the three districts load. */
  messages = styrkort_city_window_get_messages (city);
  g_assert_cmpuint (messages->len, ==, 2);
  g_assert_nonnull (strstr (messages->pdata[0], "inte-en-arbetsbok.xlsx"));
  {
    g_autofree char *refused = g_strdup_printf (T ("“%s” is the city’s merged workbook, not a district’s: it is not "
                                                   "added. Add the districts’ own workbooks; the city workbook is "
                                                   "imported into a district file to give it the city’s values."),
                                                "Stadsöversikt-2026-T2.xlsx");
    g_assert_cmpstr (messages->pdata[1], ==, refused);
  }
  g_assert_cmpuint (styrkort_city_get_sources (core)->len, ==, 3);
  {
    g_autoptr(GPtrArray) districts = styrkort_city_list_districts (core);
    g_assert_cmpuint (districts->len, ==, 3);
  }
  /* The city's turnover says what it rests on, in its tooltip and a footnote. */
  {
    g_autofree char *coverage = styrkort_city_coverage (core, "turnover", t2);
    GtkWidget *footnote = find_widget (GTK_WIDGET (city), is_label_containing, coverage);
    g_assert_nonnull (strstr (coverage, "Stadsdel C"));
    g_assert_nonnull (footnote);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (footnote)), styrkort_city_indicator_name (core, "turnover")));
    g_assert_nonnull (find_widget (GTK_WIDGET (city), is_tooltip_containing, coverage));
  }
  save_png (GTK_WIDGET (city), "city-overview.png");
  {
    GtkWidget *footnote = find_widget (GTK_WIDGET (city), is_label_containing, "Stadsdel C");
    save_scrolled_to (city, footnote, "city-overview-footnote.png");
  }
  /* A count's ranking: against the districts' median, best first. */
  {
    GtkWidget *views[3] = { NULL };
    guint n = 0;
    GtkWidget *dropdown = NULL;
    g_autoptr(GPtrArray) codes = styrkort_city_list_codes (core);
    for (GtkWidget *w = find_widget (GTK_WIDGET (city), is_chart_view, NULL); w && n < 3; w = gtk_widget_get_next_sibling (w))
      if (STYRKORT_IS_CHART_VIEW (w))
        views[n++] = w;
    dropdown = find_widget (GTK_WIDGET (city), is_named, "indicator");
    g_assert_true (GTK_IS_DROP_DOWN (dropdown));
    for (guint i = 0; i < codes->len; i++)
      if (g_str_equal (codes->pdata[i], "vfu_places"))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
    iterate ();
    {
      const StyrkortChart *chart = styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (views[0]));
      g_assert_cmpstr (chart->reference_label, ==, T ("Median of the districts"));
      g_assert_true (g_str_has_prefix (chart->categories->pdata[0], "1. "));
    }
    save_scrolled_to (city, views[0], "city-ranking-count.png");
  }
  /* The same files again, and a byte copy under another name: passed over, no question. */
  {
    const char *again[] = { xlsx[0], xlsx[1], xlsx[2], copy, NULL };
    g_autoptr(GFile) from = g_file_new_for_path (xlsx[0]), to = g_file_new_for_path (copy);
    g_mkdir_with_parents (copy_folder, 0755);
    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    add_city_files (city, again);
    g_assert_cmpuint (count_dialogs (), ==, 0);
    g_assert_cmpuint (styrkort_city_get_sources (core)->len, ==, 3);
    g_assert_cmpuint (messages->len, ==, 2);
  }
  /* Two districts again from their district files: one question for both,
   * with the times in the user's time zone, not raw UTC. */
  {
    const char *files[] = { db[1], db[2], NULL };
    GPtrArray *sources = styrkort_city_get_sources (core);
    StyrkortCitySource *b = sources->pdata[1];
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) exported = g_date_time_new_from_iso8601 (b->exported, utc);
    g_autoptr(GDateTime) local = g_date_time_to_local (exported);
    g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
    AdwMessageDialog *dialog;
    const char *body;

    add_city_files (city, files);
    iterate ();
    g_assert_cmpuint (count_dialogs (), ==, 1);
    dialog = open_dialog ();
    body = adw_message_dialog_get_body (dialog);
    g_test_message ("%s", body);
    g_assert_nonnull (strstr (body, "Stadsdel B.xlsx"));
    g_assert_nonnull (strstr (body, "Stadsdel C.styrkort"));
    g_assert_nonnull (strstr (body, when));
    g_assert_false (has_raw_utc_time (body));
    save_png (GTK_WIDGET (dialog), "city-duplicate.png");
    /* Click "Use the Added Files", as a user does. */
    g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("Use the Added Files")), "clicked");
    iterate ();
    g_assert_null (open_dialog ());
    g_assert_cmpuint (sources->len, ==, 3);
    for (guint i = 0; i < sources->len; i++)
      {
        StyrkortCitySource *s = sources->pdata[i];
        g_assert_true (g_str_has_suffix (s->path, g_str_equal (s->district, "Stadsdel A") ? ".xlsx" : ".styrkort"));
      }
  }
  /* The table sorted by a column: VFU places, most first (higher is better). */
  {
    GtkWidget *table = find_widget (GTK_WIDGET (city), is_named, "city-table");
    g_autofree char *tip = g_strdup_printf (T ("Sort the districts by %s"), styrkort_city_indicator_name (core, "vfu_places"));
    GtkWidget *heading = find_widget (table, is_button_tipped, tip);
    g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
    g_assert_nonnull (heading);
    g_signal_emit_by_name (heading, "clicked");
    iterate ();
    for (int row = 1; row <= 3; row++)
      g_ptr_array_add (order, g_strdup (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 0, row)))));
    for (guint i = 1; i < order->len; i++)
      g_assert_cmpfloat (styrkort_city_district_total (core, order->pdata[i - 1], "vfu_places", t2).value, >=,
                         styrkort_city_district_total (core, order->pdata[i], "vfu_places", t2).value);
    /* Clicked again: the other way round. */
    heading = find_widget (table, is_button_tipped, tip);
    g_signal_emit_by_name (heading, "clicked");
    iterate ();
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 0, 3))), !=,
                     order->pdata[2]);
  }
  /* One district picked out: its line in the trend is drawn in colour. */
  {
    GtkWidget *picker = find_widget (GTK_WIDGET (city), is_named, "district-picked-out");
    GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (picker));
    g_autoptr(GPtrArray) views = g_ptr_array_new ();
    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 1 + styrkort_city_get_sources (core)->len);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (picker), 2);
    iterate ();
    /* The chart views: ranking, trend, status. */
    collect_widgets (GTK_WIDGET (city), STYRKORT_TYPE_CHART_VIEW, views);
    g_assert_cmpuint (views->len, ==, 3);
    g_assert_cmpint (styrkort_chart_view_get_chart (views->pdata[1])->highlight, ==, 2);
    save_png (GTK_WIDGET (city), "city-trend-picked.png");
  }
  /* Ctrl+? shows the overview's own keys. */
  {
    GList *toplevels;
    GtkWidget *shortcuts = NULL;
    gtk_widget_activate_action (GTK_WIDGET (city), "win.show-help-overlay", NULL);
    iterate ();
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l; l = l->next)
      if (GTK_IS_SHORTCUTS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
        shortcuts = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (shortcuts);
    g_assert_nonnull (find_widget (shortcuts, is_label_text, T ("Export the city workbook")));
    gtk_window_destroy (GTK_WINDOW (shortcuts));
    iterate ();
  }
  /* A district taken out of the overview with its Remove button. */
  {
    g_autofree char *tip = g_strdup_printf (T ("Remove “%s” from the Overview"), "Stadsdel A");
    GtkWidget *remove = find_widget (GTK_WIDGET (city), is_button_tipped, tip);
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    iterate ();
    g_assert_cmpuint (styrkort_city_get_sources (core)->len, ==, 2);
    g_assert_null (find_widget (GTK_WIDGET (city), is_button_tipped, tip));
  }
  gtk_window_destroy (GTK_WINDOW (city));
  iterate ();
  {
    g_autoptr(GFile) file = g_file_new_for_path (copy), parent = g_file_new_for_path (copy_folder);
    g_assert_true (g_file_delete (file, NULL, NULL) && g_file_delete (parent, NULL, NULL));
  }
  for (int i = 0; i < 3; i++)
    {
      g_free (xlsx[i]);
      g_free (db[i]);
    }
}

static void
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_autofree char *err = NULL;
  int status = 0;
  g_assert_true (g_spawn_command_line_sync (command, NULL, &err, &status, NULL));
  if (status != 0)
    g_error ("%s: %s", command, err);
}

static unsigned long xid;
static GType projector_type;

typedef struct {
  StyrkortProjector *projector;
  guint index;
} Slide;

static gboolean
shows_slide (gconstpointer data)
{
  const Slide *slide = data;
  return styrkort_projector_get_index (slide->projector) == slide->index;
}

/* Presses @key in the projector's window, as the X server delivers it, and
 * waits for slide @index to be shown. */
static void
press (StyrkortProjector *projector, const char *key, guint index)
{
  g_autofree char *args = g_strdup_printf ("key --window %lu %s", xid, key);
  Slide slide = { projector, index };

  xdotool (args);
  ui_test_settle (GTK_WIDGET (projector));
  g_assert_true (ui_test_wait_for (shows_slide, &slide));
}

static gboolean
window_active (gconstpointer window)
{
  return gtk_window_is_active ((GtkWindow *) window);
}

static void
test_projector_keys (void)
{
  StyrkortProjector *projector;
  guint count;
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");

  if (xdotool_path == NULL)
    {
      g_test_skip ("xdotool is needed to press real keys");
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (ui_test_wait_for (ui_test_toplevel_shown, &projector_type));
  projector = find_projector ();
  g_assert_nonnull (projector);
  count = styrkort_projector_get_count (projector);
  g_assert_cmpuint (count, >=, 9);
  /* A bare X server has no window manager to give the new window focus. */
  g_spawn_command_line_sync ("sh -c \"for w in $(xdotool search --name .); do xdotool getwindowname $w; done >&2\"", NULL, NULL, NULL, NULL);
  xid = (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (projector)));
  {
    g_autofree char *focus = g_strdup_printf ("windowfocus %lu", xid);
    xdotool (focus);
    g_assert_true (ui_test_wait_for (window_active, projector));
  }
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *name = g_strdup_printf ("slide-%02u.png", i + 1);
      g_assert_cmpuint (styrkort_projector_get_index (projector), ==, i);
      save_png (GTK_WIDGET (projector), name);
      press (projector, "Right", MIN (i + 1, count - 1));
    }
  g_assert_cmpuint (styrkort_projector_get_index (projector), ==, count - 1); /* stays on the last */
  press (projector, "Home", 0);
  press (projector, "End", count - 1);
  press (projector, "Page_Up", count - 2);
  press (projector, "space", count - 1);
  {
    g_autofree char *escape = g_strdup_printf ("key --window %lu Escape", xid);
    xdotool (escape);
  }
  g_assert_true (ui_test_wait_for (ui_test_toplevel_gone, &projector_type));
}

/* Linked for "Inför mötet" (styrkort_page_set_link). */
static gboolean
is_linked (GtkWidget *widget, gconstpointer link)
{
  return g_strcmp0 (styrkort_page_get_link (widget), link) == 0 && gtk_widget_get_visible (widget);
}

static gboolean
is_named (GtkWidget *widget, gconstpointer name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_visible (widget);
}

static gboolean
is_tipped (GtkWidget *widget, gconstpointer tip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tip) == 0;
}

static gboolean
is_main_menu_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Whether @menu or one of its sections has an item labelled @label. */
static gboolean
menu_has_label (GMenuModel *menu, const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) && g_str_equal (text, label))
        return TRUE;
      if (section != NULL && menu_has_label (section, label))
        return TRUE;
    }
  return FALSE;
}

static void
on_text_read_cb (GObject *clipboard, GAsyncResult *result, gpointer data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  *(char **) data = text ? text : g_strdup ("");
}

static gboolean
is_set (gconstpointer pointer)
{
  return *(const gpointer *) pointer != NULL;
}

static StyrkortImportDialog *
import_csv (const char *name, const char *content)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *csv = g_build_filename (folder, name, NULL);
  StyrkortImportDialog *dialog = NULL;

  test_write_bytes (csv, content, strlen (content));
  /* As the app does once a file is chosen: it is read beside the main loop. */
  styrkort_import_dialog_open (GTK_WINDOW (window), styrkort_window_get_project (window), csv);
  g_assert_true (ui_test_wait_for (ui_test_import_dialog_shown, &dialog));
  iterate ();
  return dialog;
}

#define IMPORT_CSV \
  "Enhet;Period;Nyckeltal;V\xe4rde\r\n" \
  "Enheten f\xf6r barn och familj;2025 T1;consultants;9\r\n" \
  "Mottagning Ny;2025 T1;vfu_places;2\r\n" \
  "Enheten f\xf6r barn och familj;2025 T1;ok\xe4nd;1\r\n"

/* The import dialog: preview, a new unit, a conflict replaced, one undo step. */
static void
test_import_dialog (void)
{
  StyrkortImportDialog *dialog = import_csv ("hr-uttag.csv", IMPORT_CSV);
  StyrkortImportPlan *plan = styrkort_import_dialog_get_plan (dialog);
  GtkWidget *import = find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Import"));
  const char *consultants = "SELECT value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id"
                            " JOIN unit u ON u.id = v.unit_id WHERE code = 'consultants' AND year = 2025"
                            " AND tertial = 1 AND u.name = 'Enheten för barn och familj'";
  gint64 before = ui_test_file_int (window, path, consultants);

  g_assert_nonnull (plan);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 1);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_CONFLICT), ==, 1);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_REJECTED), ==, 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_titled, "Mottagning Ny"));
  g_autofree char *row_4 = g_strdup_printf (T ("Row %u"), 4);
  g_autofree char *reason = g_strdup_printf (T ("“%s” is not an indicator of the catalogue."), "okänd");
  g_autofree char *copied_row = g_strdup_printf ("%s\t%s\n", row_4, reason);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_titled, row_4));
  g_assert_true (gtk_widget_get_sensitive (import));
  /* The rejected rows go to the clipboard whole, with their reasons. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_tipped, T ("Copy the rows and reasons")), "clicked");
  {
    g_autofree char *copied = NULL;
    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL, on_text_read_cb, &copied);
    g_assert_true (ui_test_wait_for (is_set, &copied));
    g_assert_cmpstr (copied, ==, copied_row);
  }
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1180, 680);
  ui_test_settle (GTK_WIDGET (dialog));
  save_png (GTK_WIDGET (dialog), "import-dialog.png");

  /* Replace the stored figure; nothing is written before Import. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_named, "conflicts")), 1);
  iterate ();
  g_assert_cmpuint (styrkort_import_plan_n_writes (styrkort_import_dialog_get_plan (dialog)), ==, 2);
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM unit WHERE name = 'Mottagning Ny'"), ==, 0);
  g_assert_cmpint (ui_test_file_int (window, path, consultants), ==, before);

  g_signal_emit_by_name (import, "clicked");
  iterate ();
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM unit WHERE name = 'Mottagning Ny'"), ==, 1);
  g_assert_cmpint (ui_test_file_int (window, path, consultants), ==, 9);
  save_png (GTK_WIDGET (window), "import-done-toast.png");

  /* One undo takes back the whole import. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM unit WHERE name = 'Mottagning Ny'"), ==, 0);
  g_assert_cmpint (ui_test_file_int (window, path, consultants), ==, before);
}

/* Choosing no value column explains what is missing; Cancel writes nothing. */
static void
test_import_dialog_cancel (void)
{
  StyrkortImportDialog *dialog = import_csv ("hr-uttag.csv", IMPORT_CSV);
  GtkWidget *import = find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Import"));
  GtkWidget *value = find_widget (GTK_WIDGET (dialog), is_row_titled, T ("Value"));
  gint64 values = ui_test_file_int (window, path, "SELECT count(*) FROM indicator_value");

  g_assert_nonnull (value);
  adw_combo_row_set_selected (ADW_COMBO_ROW (value), 0);
  iterate ();
  g_assert_null (styrkort_import_dialog_get_plan (dialog));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_titled, T ("Choose the column with the values.")));
  g_assert_false (gtk_widget_get_sensitive (import));

  /* One column per indicator: the columns left over can each be an indicator. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_named, "layout")), 1);
  iterate ();
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_titled, T ("Choose at least one column that holds an indicator.")));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_titled, "D: Värde"));
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_row_titled, T ("Value")));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Cancel")), "clicked");
  iterate ();
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM indicator_value"), ==, values);
}

/* "1,234" staff reads two ways: refused until the decimal sign is chosen
 * in the dialog (issue 16). */
static void
test_import_dialog_decimal_sign (void)
{
  StyrkortImportDialog *dialog = import_csv ("tusen.csv", "Enhet;Period;Nyckeltal;V\xe4rde\r\n"
                                                         "Enheten f\xf6r barn och familj;2025 T1;headcount;1,234\r\n");
  StyrkortImportPlan *plan = styrkort_import_dialog_get_plan (dialog);
  const StyrkortImportRow *row;

  g_assert_nonnull (plan);
  row = styrkort_import_plan_rows (plan)->pdata[0];
  g_assert_cmpint (row->state, ==, STYRKORT_IMPORT_ROW_REJECTED);
  g_assert_true (row->ambiguous_number);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_named, "decimal-sign")),
                              STYRKORT_DECIMAL_COMMA);
  iterate ();
  plan = styrkort_import_dialog_get_plan (dialog);
  row = styrkort_import_plan_rows (plan)->pdata[0];
  g_assert_false (row->ambiguous_number);
  g_assert_cmpfloat (row->value.value, ==, 1.234);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Cancel")), "clicked");
  iterate ();
}

static gboolean
shown_period_reported (gconstpointer data)
{
  g_autoptr(StyrkortReport) report = styrkort_project_get_report (styrkort_window_get_project (window),
                                                                  styrkort_window_get_period (window));
  return report != NULL;
}

/* Mark the shown period as reported; editing it then asks for a reason,
 * and the overview shows what changed after reporting. */
static void
test_mark_reported (void)
{
  gint64 unit = first_unit (3);
  GtkWidget *lock = find_widget (GTK_WIDGET (window), is_tipped, T ("This period has been reported"));
  GtkWidget *entry, *reason, *overview, *changes;
  AdwMessageDialog *dialog;

  g_assert_false (gtk_widget_get_visible (lock));
  /* The main menu names the period shown. */
  {
    g_autofree char *period = styrkort_period_to_string (styrkort_window_get_period (window));
    g_autofree char *label = g_strdup_printf (T ("Mark %s as _Reported…"), period);
    GtkWidget *button = find_widget (GTK_WIDGET (window), is_main_menu_button, NULL);
    GMenuModel *menu;
    GtkPopover *popover;

    /* The menu is made as it opens. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    g_assert_true (GTK_IS_POPOVER_MENU (popover));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == menu);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    StyrkortPeriod shown = styrkort_window_get_period (window);
    g_autofree char *earlier = styrkort_period_to_string (styrkort_period_previous (shown));
    g_autofree char *earlier_label = g_strdup_printf (T ("Mark %s as _Reported…"), earlier);

    g_assert_true (menu_has_label (menu, label));
    /* Another period renames the item, and only that. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL);
    g_assert_cmpint (styrkort_period_compare (styrkort_window_get_period (window), shown), <, 0);
    g_assert_true (menu_has_label (menu, earlier_label));
    g_assert_false (menu_has_label (menu, label));
    g_assert_true (menu_has_label (menu, T ("Export _Workbook…")));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.next-period", NULL);
    g_assert_cmpint (styrkort_period_compare (styrkort_window_get_period (window), shown), ==, 0);
    g_assert_true (menu_has_label (menu, label));
    g_assert_false (menu_has_label (menu, earlier_label));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-reported", NULL);
  iterate ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Mark as Reported")), "clicked");
  /* The workbook is made in a thread: the window goes on meanwhile. */
  g_assert_true (ui_test_wait_for (shown_period_reported, NULL));
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM report"), ==, 1);
  g_assert_true (gtk_widget_get_visible (lock));

  /* Typing into the reported period asks for the reason. */
  entry = figures_entry ("vfu_places", "value", unit);
  type_into (entry, "31");
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), !=, 31);
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  save_png (GTK_WIDGET (dialog), "unlock-dialog.png");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "unlock"));
  reason = find_widget (adw_message_dialog_get_extra_child (dialog), is_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (reason), "VFU-platserna rättades av HR");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Unlock for Changes")), "clicked");
  iterate ();
  type_into (figures_entry ("vfu_places", "value", unit), "31");
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, 31);
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM report_change WHERE reason = 'VFU-platserna rättades av HR'"),
                   ==, 1);

  /* Locked again, the next change asks again. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (window), is_button_labelled, T ("_Lock Again")), "clicked");
  iterate ();
  type_into (figures_entry ("vfu_places", "value", unit), "32");
  g_assert_cmpfloat (stored ("vfu_places", unit, "value"), ==, 31);
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Cancel")), "clicked");
  iterate ();

  styrkort_window_show_page (window, "overview");
  iterate ();
  overview = styrkort_window_get_page_widget (window, "overview");
  changes = find_widget (overview, is_named, "changed-after-reporting");
  g_assert_nonnull (changes);
  g_assert_nonnull (find_widget (changes, is_row_titled, T ("Enter figure")));
  save_png (GTK_WIDGET (window), "overview-changed-after-reporting.png");
}

/* A member called "Anna & Bo <styrgrupp>" is deleted: the toast shows the
 * name as it is (libadwaita 1.2 read it as markup: a warning, a blank toast). */
/* Slides are drawn into the PDF in a worker thread; a toast says when. */
static void
test_export_slides (void)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (folder, "Bilder.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autofree char *toast = g_strdup_printf (T ("Exported to “%s”"), "Bilder.pdf");
  GPtrArray *slides = styrkort_slides_new_for_meeting (styrkort_window_get_project (window),
                                                       styrkort_window_get_period (window));
  guint n = slides->len;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpuint (n, >, 3);
  styrkort_slides_export_charts_to (GTK_WINDOW (window), slides, file);
  g_assert_true (ui_test_wait_for (shows_label, toast));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* One page per slide (poppler's pdfinfo: not under Wine). */
#ifndef G_OS_WIN32
  {
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
    g_autofree char *out = NULL;
    const char *pages;
    char *argv[] = { pdfinfo, pdf, NULL };
    int status = 0;
    g_assert_nonnull (pdfinfo);
    g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    pages = strstr (out, "Pages:");
    g_assert_nonnull (pages);
    g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10), ==, n);
  }
#endif
}

static void
test_toast_plain_text (void)
{
  g_autoptr(AdwToast) toast = g_object_ref_sink (styrkort_toast_new ("Anna & Bo <styrgrupp> togs bort"));

  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Anna &amp; Bo &lt;styrgrupp&gt; togs bort");
  styrkort_window_toast (window, "Anna & Bo <styrgrupp> togs bort", FALSE);
  g_assert_true (ui_test_wait_for (shows_label, "Anna & Bo <styrgrupp> togs bort"));
  save_png (GTK_WIDGET (window), "toast-plain-text.png");
}

int
main (int argc, char **argv)
{
  ui_test_init (&argc, &argv);
  window = ui_test_demo_window (&app, "Stadsdel Exempel.styrkort", 1366, 768, &path);

  projector_type = STYRKORT_TYPE_PROJECTOR;
  ui_test_add ("/ui/window/open-demo", test_open_demo);
  ui_test_add ("/ui/window/charts-drawn-in-thread", test_charts_drawn_in_thread);
  ui_test_add ("/ui/window/charts-complete-in-sight", test_charts_complete_in_sight);
  ui_test_add ("/ui/window/visit-every-entry", test_visit_every_entry);
  ui_test_add ("/ui/figures/type-and-refuse", test_type_figures);
  ui_test_add ("/ui/figures/undo-redo", test_undo);
  ui_test_add ("/ui/figures/built-over-frames", test_figures_built_over_frames);
  ui_test_add ("/ui/figures/map-near-view", test_figures_map_near_view);
  ui_test_add ("/ui/window/pages-built-over-frames", test_pages_built_over_frames);
  ui_test_add ("/ui/window/pages-made-ready", test_pages_made_ready);
  ui_test_add ("/ui/window/pages-catch-up", test_pages_catch_up);
  ui_test_add ("/ui/area/follows-figures", test_area_follows_figures);
  ui_test_add ("/ui/area/undo-text", test_area_undo_text);
  ui_test_add ("/ui/area/add-and-delete-action", test_add_and_delete_action);
  ui_test_add ("/ui/window/second-window-read-only", test_second_window_read_only);
  ui_test_add ("/ui/window/rename-district", test_rename_district);
  ui_test_add ("/ui/projector/keys", test_projector_keys);
  ui_test_add ("/ui/window/export-workbook", test_export_workbook);
  ui_test_add ("/ui/window/export-tertial-report", test_export_tertial_report);
  ui_test_add ("/ui/city/overview", test_city_overview);
  ui_test_add ("/ui/window/new-district-units", test_new_district_units);
  ui_test_add ("/ui/import/dialog", test_import_dialog);
  ui_test_add ("/ui/import/cancel", test_import_dialog_cancel);
  ui_test_add ("/ui/import/decimal-sign", test_import_dialog_decimal_sign);
  ui_test_add ("/ui/report/mark-and-change", test_mark_reported);
  ui_test_add ("/ui/window/export-slides", test_export_slides);
  ui_test_add ("/ui/window/toast-plain-text", test_toast_plain_text);
  return g_test_run ();
}
