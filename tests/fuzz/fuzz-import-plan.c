/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the import plan over a CSV file. The mapping is guessed
 * and every row judged against a district with units and stored figures
 * (its rates with their base): whatever the file, each row ends in one
 * state, a rejected one says why, and a differing one can be described. */
#include <glib/gstdio.h>
#include <stdint.h>

#include "styrkort-demo.h"
#include "styrkort-import.h"
#include "fuzz-target.h"

static StyrkortProject *project;
static char *csv_path;

static void
set_up (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzz-import-plan-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "district.styrkort", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (db);

  project = styrkort_demo_create (file, STYRKORT_DEMO_SEED, NULL);
  g_assert (project != NULL);
  csv_path = g_build_filename (dir, "hr.csv", NULL);
}

static void
check_rows (StyrkortImportPlan *plan)
{
  GPtrArray *rows = styrkort_import_plan_rows (plan);

  for (guint i = 0; i < rows->len; i++)
    {
      const StyrkortImportRow *row = rows->pdata[i];
      g_assert (row->state != STYRKORT_IMPORT_ROW_REJECTED || (row->reason && g_utf8_validate (row->reason, -1, NULL)));
      if (row->state == STYRKORT_IMPORT_ROW_CONFLICT)
        {
          g_autoptr(StyrkortIndicator) ind = styrkort_project_get_indicator (project, row->value.indicator_id);
          g_autofree char *change = NULL;
          g_assert (ind != NULL && row->old != NULL);
          change = styrkort_import_row_describe_change (ind, row);
          g_assert (g_utf8_validate (change, -1, NULL));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortImportSource) source = NULL;
  g_autoptr(StyrkortImportMapping) mapping = NULL;
  g_autoptr(StyrkortImportPlan) plan = NULL;

  if (project == NULL)
    set_up ();
  if (!g_file_set_contents (csv_path, (const char *) data, (gssize) size, NULL))
    return 0;
  source = styrkort_import_source_open (csv_path, NULL, &error);
  if (source == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  mapping = styrkort_import_mapping_guess (project, source);
  plan = styrkort_import_plan_new (project, source, mapping, &error);
  if (plan == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  check_rows (plan);
  styrkort_import_plan_set_conflicts (plan, STYRKORT_IMPORT_REPLACE);
  check_rows (plan);
  return 0;
}
