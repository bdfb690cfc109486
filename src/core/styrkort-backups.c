/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Automatic daily copies of project files in the user's data folder.
 *
 * Copies live in DATA/styrkort/backups/NAME-HASH/ where HASH is taken from
 * the file's full location, so that two districts both called
 * "Norrmalm.styrkort" in different folders keep separate copies. Each copy
 * is named after the moment it was made (UTC), which also sorts it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-backups.h"
#include "styrkort-db.h"
#include "styrkort-types.h"

#define SUFFIX ".styrkort"
/* Before SUFFIX in the name of a copy of changes that could not be saved. */
#define UNSAVED "-unsaved"

GFile *
styrkort_backups_folder (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uri, -1);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *name = NULL;

  if (g_str_has_suffix (base, SUFFIX))
    base[strlen (base) - strlen (SUFFIX)] = '\0';
  name = g_strdup_printf ("%s-%.12s", base, hash);
  return g_file_new_build_filename (g_get_user_data_dir (), "styrkort", "backups", name, NULL);
}

static gint
compare_names_descending (gconstpointer a, gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile **) a);
  g_autofree char *nb = g_file_get_basename (*(GFile **) b);
  return -g_strcmp0 (na, nb);
}

GPtrArray *
styrkort_backups_list (GFile *file, GError **error)
{
  g_autoptr(GFile) folder = styrkort_backups_folder (file);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (children == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&copies);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      if (g_str_has_suffix (name, SUFFIX))
        g_ptr_array_add (copies, g_file_get_child (folder, name));
      g_object_unref (info);
    }
  g_ptr_array_sort (copies, compare_names_descending);
  return g_steal_pointer (&copies);
}

static gboolean
is_unsaved_copy (GFile *copy)
{
  g_autofree char *name = g_file_get_basename (copy);
  return g_str_has_suffix (name, UNSAVED SUFFIX);
}

/* The daily copies only: copies of unsaved changes are kept until the user
 * deletes them, and do not stand for a day's copy. */
static void
keep_daily (GPtrArray *copies)
{
  for (guint i = copies->len; i > 0; i--)
    if (is_unsaved_copy (g_ptr_array_index (copies, i - 1)))
      g_ptr_array_remove_index (copies, i - 1);
}

static void
prune (GPtrArray *copies)
{
  for (guint i = STYRKORT_BACKUPS_KEPT; i < copies->len; i++)
    g_file_delete (g_ptr_array_index (copies, i), NULL, NULL);
}

static GFile *
copy_now (GFile *file, sqlite3 *db, const char *kind, GError **error)
{
  g_autoptr(GFile) folder = styrkort_backups_folder (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%dT%H%M%S");
  g_autofree char *name = g_strconcat (time, kind, SUFFIX, NULL);
  g_autoptr(GFile) copy = g_file_get_child (folder, name);
  g_autofree char *path = g_file_get_path (copy);
  g_autoptr(GError) local = NULL;

  if (!g_file_make_directory_with_parents (folder, NULL, &local) &&
      !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!styrkort_db_backup_to (db, path, error))
    {
      g_file_delete (copy, NULL, NULL);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

GFile *
styrkort_backups_make (GFile *file, sqlite3 *db, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) copies = styrkort_backups_list (file, error);
  GFile *copy;

  if (copies == NULL)
    return NULL;
  keep_daily (copies);
  if (copies->len > 0)
    {
      g_autofree char *newest = g_file_get_basename (g_ptr_array_index (copies, 0));
      if (g_str_has_prefix (newest, today))
        return NULL;
    }
  copy = copy_now (file, db, "", error);
  if (copy != NULL)
    {
      g_ptr_array_insert (copies, 0, g_object_ref (copy));
      prune (copies);
    }
  return copy;
}

GFile *
styrkort_backups_keep_unsaved (GFile *file, sqlite3 *db, GError **error)
{
  return copy_now (file, db, UNSAVED, error);
}

gboolean
styrkort_backups_restore (GFile *backup, GFile *target, gboolean overwrite, GError **error)
{
  g_autoptr(GError) local = NULL;
  GFileCopyFlags flags = overwrite ? G_FILE_COPY_OVERWRITE : G_FILE_COPY_NONE;

  if (g_file_copy (backup, target, flags, NULL, NULL, NULL, &local))
    return TRUE;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *name = g_file_get_parse_name (target);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name, or say that it may be replaced."), name);
      return FALSE;
    }
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, "%s", local->message);
  return FALSE;
}
