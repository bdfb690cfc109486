/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A second process for the tests:
 *   test-helper hold FILE      opens FILE for editing, says "ready", waits for stdin to close
 *   test-helper edits FILE N   makes N edits, printing each one's number once it is committed */
#include <stdio.h>
#include <math.h>

#include "styrkort-project.h"

static int
hold (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  char buffer[16];

  if (project == NULL || styrkort_project_is_read_only (project))
    return 1;
  fputs ("ready", stdout);
  fflush (stdout);
  while (fread (buffer, 1, sizeof buffer, stdin) > 0)
    ;
  return 0;
}

static int
edits (GFile *file, int n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(StyrkortIndicator) indicator = NULL;

  if (project == NULL)
    return 1;
  units = styrkort_project_list_units (project);
  indicator = styrkort_project_find_indicator (project, "vfu_places");
  for (int i = 0; i < n; i++)
    {
      StyrkortValue v;
      styrkort_value_init (&v);
      v.indicator_id = indicator->id;
      v.unit_id = ((StyrkortUnit *) units->pdata[0])->id;
      v.period = (StyrkortPeriod) { 1900 + i / 3, i % 3 + 1 };
      v.value = i;
      /* An edit is reported as saved once the saver's thread has written it. */
      if (!styrkort_project_set_value (project, &v, &error) || !styrkort_project_save (project, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%d\n", i);
      fflush (stdout);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
#ifdef G_OS_WIN32
  /* The arguments in UTF-8 from the Unicode command line, as the CLI takes
   * them: main()'s are in the ANSI code page ("Stadsdel Å Ä Ö" would not be
   * found). */
  g_auto(GStrv) utf8_argv = g_win32_get_command_line ();

  argv = utf8_argv;
  argc = (int) g_strv_length (utf8_argv);
#endif

  if (argc < 3)
    return 2;
  file = g_file_new_for_path (argv[2]);
  if (g_str_equal (argv[1], "hold"))
    return hold (file);
  if (g_str_equal (argv[1], "edits") && argc == 4)
    return edits (file, atoi (argv[3]));
  return 2;
}
