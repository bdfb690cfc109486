/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading files from others off the main thread.
 *
 * One design for every file we did not write: a GTask in a worker thread,
 * with a source tag and a GCancellable. The task returns on cancel, so
 * Cancel answers at once; what is left in the thread is bounded by the
 * readers' limits (see "Hostile files" in the README) and its result is
 * dropped. Only the file is read there: the district file is only ever used
 * from the thread that opened it, and the city overview adds what was read
 * in its own thread. Progress is handed to the caller's main context. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-reading.h"

/* The import's spreadsheet ---------------------------------------------------- */

typedef struct {
  char *path;
  char *sheet_name;
} SourceJob;

static void
source_job_free (SourceJob *job)
{
  g_free (job->path);
  g_free (job->sheet_name);
  g_free (job);
}

static void
read_source_thread (GTask *task, gpointer object, gpointer data, GCancellable *cancellable)
{
  SourceJob *job = data;
  GError *error = NULL;
  StyrkortImportSource *source = styrkort_import_source_open (job->path, job->sheet_name, &error);

  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, (GDestroyNotify) styrkort_import_source_free);
}

void
styrkort_import_source_read_async (const char *path, const char *sheet_name, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SourceJob *job = g_new0 (SourceJob, 1);

  job->path = g_strdup (path);
  job->sheet_name = g_strdup (sheet_name);
  g_task_set_source_tag (task, styrkort_import_source_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify) source_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_source_thread);
}

StyrkortImportSource *
styrkort_import_source_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == styrkort_import_source_read_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The city overview's workbooks -------------------------------------------------- */

static gboolean
is_district_file (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  /* "~$Bromma.xlsx" is Excel's note that someone has Bromma.xlsx open. */
  return !g_str_has_prefix (name, "~$") && (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".styrkort"));
}

/* g_ptr_array_sort() hands over pointers to the elements. */
static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (GPtrArray *out, const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_district_file (name))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  g_ptr_array_extend_and_steal (out, g_steal_pointer (&names));
}

GPtrArray *
styrkort_city_expand_paths (const char * const *paths)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        add_folder (out, paths[i]);
      else
        g_ptr_array_add (out, g_strdup (paths[i]));
    }
  return out;
}

void
styrkort_city_file_read_free (StyrkortCityFileRead *read)
{
  if (read == NULL)
    return;
  g_free (read->path);
  g_clear_pointer (&read->source, styrkort_city_source_free);
  g_clear_error (&read->error);
  g_free (read);
}

typedef struct {
  StyrkortCity *city;
  GStrv paths;
  StyrkortReadProgress progress;
  gpointer progress_data;
  GMainContext *context;
} CityJob;

static void
city_job_free (CityJob *job)
{
  styrkort_city_free (job->city);
  g_strfreev (job->paths);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct {
  StyrkortReadProgress progress;
  gpointer data;
  GCancellable *cancellable;
  guint done, total;
} Progress;

static gboolean
report_progress (gpointer data)
{
  Progress *p = data;

  if (p->cancellable == NULL || !g_cancellable_is_cancelled (p->cancellable))
    p->progress (p->done, p->total, p->data);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *p)
{
  g_clear_object (&p->cancellable);
  g_free (p);
}

static void
read_city_thread (GTask *task, gpointer object, gpointer data, GCancellable *cancellable)
{
  CityJob *job = data;
  g_autoptr(GPtrArray) paths = styrkort_city_expand_paths ((const char * const *) job->paths);
  GPtrArray *reads = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_city_file_read_free);

  for (guint i = 0; i < paths->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      StyrkortCityFileRead *read = g_new0 (StyrkortCityFileRead, 1);
      read->path = g_strdup (paths->pdata[i]);
      read->source = styrkort_city_read (job->city, read->path, &read->error);
      g_ptr_array_add (reads, read);
      if (job->progress != NULL)
        {
          Progress *p = g_new0 (Progress, 1);
          *p = (Progress) { job->progress, job->progress_data, cancellable ? g_object_ref (cancellable) : NULL,
                            i + 1, paths->len };
          g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress, p,
                                      (GDestroyNotify) progress_free);
        }
    }
  g_task_return_pointer (task, reads, (GDestroyNotify) g_ptr_array_unref);
}

void
styrkort_city_read_async (StyrkortCity *city, const char * const *paths, StyrkortReadProgress progress,
                          gpointer progress_data, GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CityJob *job = g_new0 (CityJob, 1);

  job->city = styrkort_city_ref (city);
  job->paths = g_strdupv ((char **) paths);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, styrkort_city_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify) city_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_city_thread);
}

GPtrArray *
styrkort_city_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == styrkort_city_read_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
