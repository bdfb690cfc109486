/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a district file opened for editing, then a
 * few edits, undo and redo. It must be refused with an error or edited,
 * never crash, and never run SQL of its own: the file's history triggers
 * and undo statements are made from our schema only. */
#include <glib/gstdio.h>
#include <math.h>
#include <stdint.h>

#include "styrkort-project-private.h"
#include "styrkort-project.h"
#include "fuzz-target.h"

static void
remove_beside (const char *path)
{
  const char *suffixes[] = { "-journal", "-wal", "-shm", "-lock", ".bak-v1", ".bak-v2" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *other = g_strconcat (path, suffixes[i], NULL);
      g_remove (other);
    }
}

static void
edit (StyrkortProject *p)
{
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (p);
  StyrkortMember member = { .name = (char *) "Fuzz", .role = (char *) "", .organisation = (char *) "" };

  styrkort_project_add_member (p, &member, NULL);
  styrkort_project_set_district (p, "Fuzz", "Stockholm", "2019", NULL);
  if (operations->len > 0)
    styrkort_project_add_unit (p, "Unit", ((StyrkortOperation *) operations->pdata[0])->id, NULL);
  for (int i = 0; i < 3; i++)
    styrkort_project_undo (p, NULL);
  styrkort_project_redo (p, NULL);
  styrkort_project_undo (p, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static char *path;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StyrkortProject) p = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_build_filename (g_get_tmp_dir (), "styrkort-fuzz-open-undo.styrkort", NULL);
  remove_beside (path);
  g_file_set_contents (path, (const char *) data, (gssize) size, NULL);
  file = g_file_new_for_path (path);
  p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  if (p != NULL)
    {
      /* Each edit is a commit: without syncing, 10,000 runs stay fast. */
      sqlite3_exec (_styrkort_project_get_db (p), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
      if (!styrkort_project_is_read_only (p))
        edit (p);
    }
  else
    g_assert (error != NULL && error->message != NULL);
  return 0;
}
