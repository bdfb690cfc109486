/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sizes of the first page's charts, kept from one start to the next.
 *
 * A chart is drawn in the chart thread once its size is known, and that is
 * when the window is first laid out, in its first frame: that frame is
 * painted without the charts, and the next one comes a refresh later
 * (16 ms at 60 Hz). The sizes the charts had the last time a window in the
 * same state (size, font, language) showed the page are asked for while
 * the window is made; the charts are drawn by its first frame, which shows
 * the page complete. Sizes that no longer match are one drawing wasted:
 * each chart is asked for again at the size it is laid out at.
 *
 * Kept in the user's cache folder, a key file:
 *   [Charts]
 *   state=1280×720, Cantarell 11, 98304 dpi/1024, sv
 *   scale=1
 *   sizes=2:943x560;1:463x300;…   (chart kind, width × height, page order) */
#include "config.h"

#include <glib/gstdio.h>

#include "styrkort-chart-sizes.h"
#include "styrkort-chart-view.h"

#define GROUP "Charts"
#define MAX_CHARTS 64
#define MAX_SIDE 16384
/* Ours is a few hundred bytes; a larger file was not written by us. */
#define MAX_FILE_SIZE (64 * 1024)

static char *
sizes_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "styrkort", "chart-sizes.ini", NULL);
}

/* The chart views under @widget, depth first: the page's order. */
static void
collect_views (GtkWidget *widget, GPtrArray *views)
{
  if (STYRKORT_IS_CHART_VIEW (widget))
    {
      g_ptr_array_add (views, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_views (child, views);
}

static GPtrArray *
chart_views (GtkWidget *page)
{
  GPtrArray *views = g_ptr_array_new ();

  collect_views (page, views);
  return views;
}

/* One kept size, as styrkort_chart_sizes_keep() writes it; FALSE for
 * anything else. */
static gboolean
parse_size (const char *entry, int *kind, int *width, int *height)
{
  char end;

  return sscanf (entry, "%d:%dx%d%c", kind, width, height, &end) == 3 && *width > 0 && *width <= MAX_SIDE &&
         *height > 0 && *height <= MAX_SIDE;
}

void
styrkort_chart_sizes_draw_ahead (GtkWidget *page, const char *state)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = sizes_path ();
  g_autofree char *kept_state = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) sizes = NULL;
  g_autoptr(GPtrArray) views = NULL;
  GStatBuf info;
  gsize length;
  int scale;

  /* A few hundred bytes on the local disk: read where it is needed. */
  if (g_stat (path, &info) != 0 || info.st_size > MAX_FILE_SIZE ||
      !g_file_get_contents (path, &data, &length, NULL) || length > MAX_FILE_SIZE ||
      !g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, NULL) ||
      (kept_state = g_key_file_get_string (file, GROUP, "state", NULL)) == NULL || !g_str_equal (kept_state, state) ||
      (sizes = g_key_file_get_string_list (file, GROUP, "sizes", NULL, NULL)) == NULL)
    return;
  scale = g_key_file_get_integer (file, GROUP, "scale", NULL);
  if (scale < 1 || scale > 4)
    return;
  views = chart_views (page);
  for (guint i = 0; sizes[i] != NULL && i < views->len && i < MAX_CHARTS; i++)
    {
      const StyrkortChart *chart = styrkort_chart_view_get_chart (views->pdata[i]);
      int kind, width, height;
      if (chart != NULL && parse_size (sizes[i], &kind, &width, &height) && kind == (int) chart->kind)
        styrkort_chart_view_draw_ahead (views->pdata[i], width, height, scale);
    }
}

static void
write_sizes_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autofree char *path = sizes_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *kept = NULL;
  GError *error = NULL;

  /* Unchanged (the usual start): not written again. */
  if (g_file_get_contents (path, &kept, NULL, NULL) && g_str_equal (kept, data))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* A cache: consistent on disk, not forced to it. */
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_debug ("Chart sizes not kept: %s", error ? error->message : g_strerror (errno));
      g_clear_error (&error);
    }
  g_task_return_boolean (task, TRUE);
}

void
styrkort_chart_sizes_keep (GtkWidget *page, const char *state)
{
  g_autoptr(GPtrArray) views = chart_views (page);
  g_autoptr(GStrvBuilder) sizes = g_strv_builder_new ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_auto(GStrv) list = NULL;
  g_autoptr(GTask) task = NULL;
  int scale = gtk_widget_get_scale_factor (page);

  for (guint i = 0; i < views->len && i < MAX_CHARTS; i++)
    {
      GtkWidget *view = views->pdata[i];
      const StyrkortChart *chart = styrkort_chart_view_get_chart (STYRKORT_CHART_VIEW (view));
      int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
      if (chart == NULL || width <= 0 || height <= 0)
        break;
      g_autofree char *size = g_strdup_printf ("%d:%dx%d", (int) chart->kind, width, height);
      g_strv_builder_add (sizes, size);
    }
  list = g_strv_builder_end (sizes);
  if (list[0] == NULL)
    return;
  g_key_file_set_string (file, GROUP, "state", state);
  g_key_file_set_integer (file, GROUP, "scale", scale);
  g_key_file_set_string_list (file, GROUP, "sizes", (const char * const *) list, g_strv_length (list));
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, styrkort_chart_sizes_keep);
  g_task_set_task_data (task, g_key_file_to_data (file, NULL, NULL), g_free);
  g_task_run_in_thread (task, write_sizes_thread);
}
