/* SPDX-License-Identifier: GPL-3.0-or-later */
/* styrkort-cli: create, inspect, check and restore district files from a terminal. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "styrkort-figure-rules.h"
#include "styrkort-locale.h"
#include "styrkort-backups.h"
#include "styrkort-city.h"
#include "styrkort-demo.h"
#include "styrkort-import.h"
#include "styrkort-meeting-brief.h"
#include "styrkort-number.h"
#include "styrkort-project.h"
#include "styrkort-reading.h"
#include "styrkort-report.h"
#include "styrkort-brief-pdf.h"
#include "styrkort-tertial-report.h"
#include "styrkort-workbook.h"
#include "styrkort-cli-private.h"

int
usage (void)
{
  g_printerr ("%s", _("Usage:\n"
    "  styrkort-cli new FILE --district NAME   create an empty district file\n"
    "  styrkort-cli demo FILE                  write the demo district\n"
    "  styrkort-cli info FILE                  print a summary\n"
    "  styrkort-cli check FILE                 check format and integrity (exit status 0 = good)\n"
    "  styrkort-cli export FILE OUT.xlsx [--year Y] [--tertial T]\n"
    "                                          write the T2 workbook (default: the latest T2)\n"
    "  styrkort-cli import FILE IN.(xlsx|csv) [--sheet NAME] [--replace] [--reason TEXT] [--dry-run]\n"
    "                      [--decimal-comma | --decimal-point]\n"
    "                                          import figures; stored ones are kept unless --replace\n"
    "  styrkort-cli mark-reported FILE [OUT.xlsx] [--year Y] [--tertial T]\n"
    "                                          keep the workbook as sent and lock the period\n"
    "  styrkort-cli export-reported FILE OUT.xlsx [--year Y] [--tertial T]\n"
    "                                          write the workbook exactly as it was reported\n"
    "  styrkort-cli report FILE OUT.pdf [--year Y] [--tertial T]\n"
    "                                          write the tertial report for the district board (PDF)\n"
    "  styrkort-cli merge OUT.xlsx IN... [--year Y] [--tertial T]\n"
    "                                          merge district workbooks (files or folders) into a city workbook\n"
    "  styrkort-cli backups FILE               list the automatic backups of FILE\n"
    "  styrkort-cli restore FILE BACKUP [OUT] [--overwrite]\n"
    "                                          copy a backup to OUT (default: a new name beside FILE)\n"
    "  styrkort-cli brief FILE [--date YYYY-MM-DD] [--year Y] [--tertial T] [--lines N] [--pdf OUT.pdf]\n"
    "                                          print the brief for the next meeting (or write it as a PDF)\n"));
  return 2;
}

int
report (GError *error)
{
  g_printerr ("styrkort-cli: %s\n", error->message);
  return 1;
}

static int
cmd_new (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autoptr(GFile) file = NULL;

  if (argc != 4 || !g_str_equal (argv[2], "--district"))
    return usage ();
  file = g_file_new_for_commandline_arg (argv[1]);
  project = styrkort_project_create (file, argv[3], &error);
  return project ? 0 : report (error);
}

static int
cmd_demo (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autoptr(GFile) file = NULL;

  if (argc != 2)
    return usage ();
  file = g_file_new_for_commandline_arg (argv[1]);
  project = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  return project ? 0 : report (error);
}

static int
cmd_check (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (argc != 2)
    return usage ();
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!styrkort_project_check (file, &error))
    return report (error);
  g_print ("%s\n", _("The file is a valid Styrkort file."));
  return 0;
}

static char *
format_value (const StyrkortIndicator *ind, double value)
{
  return styrkort_format_figure (ind, value, styrkort_number_style_for_locale ());
}

/* Pads @text to @width characters (not bytes: "Sjukfrånvaro" has an å). */
static void
append_padded (GString *line, const char *text, guint width)
{
  glong length = g_utf8_strlen (text, -1);
  g_string_append (line, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (line, ' ');
}

static void
print_count (const char *label, guint count)
{
  g_autoptr(GString) line = g_string_new ("  ");
  append_padded (line, label, 22);
  g_string_append_c (line, ' '); /* a label as long as the column ("Sämre än utgångsvärdet") */
  g_print ("%s%u\n", line->str, count);
}

static void
print_figures (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (project);
  g_autofree char *name = styrkort_period_to_string (period);

  g_print (_("Figures for the district, %s:\n"), name);
  for (guint i = 0; i < indicators->len; i++)
    {
      StyrkortIndicator *ind = g_ptr_array_index (indicators, i);
      StyrkortTotal total = styrkort_project_compute_total (project, ind->id, period);
      StyrkortCityValue city;
      g_autofree char *value = format_value (ind, total.value);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append (line, "  ");
      append_padded (line, STYRKORT_LOCALIZED (ind, name), 46);
      g_string_append_printf (line, "%*s%s", 10 - (int) g_utf8_strlen (value, -1), "", value);
      if (!isnan (total.value) && !total.exact)
        g_string_append (line, _(" (not exact)"));
      if (styrkort_project_get_city_value (project, ind->id, period, &city))
        {
          g_autofree char *city_value = format_value (ind, city.value);
          g_autofree char *place = styrkort_format_place (city.place, city.places);
          g_string_append_printf (line, _("   city %s"), city_value);
          /* The district's place among the districts, from the city's workbook. */
          if (place != NULL)
            g_string_append_printf (line, _(", place %s"), place);
        }
      g_print ("%s\n", line->str);
    }
}

static void
print_assessments (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (project);
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (project);
  guint counts[STYRKORT_N_STATUSES] = { 0 }, total = 0;

  for (guint a = 0; a < areas->len; a++)
    for (guint o = 0; o < operations->len; o++)
      {
        g_autoptr(StyrkortAssessment) assessment = styrkort_project_get_assessment (
          project, ((StyrkortArea *) areas->pdata[a])->id, ((StyrkortOperation *) operations->pdata[o])->id, period);
        if (assessment != NULL)
          {
            counts[assessment->status]++;
            total++;
          }
      }
  g_print (_("Assessments: %u of %u (areas and themes × operations)\n"), total, areas->len * operations->len);
  for (int s = 0; s < STYRKORT_N_STATUSES; s++)
    print_count (styrkort_status_label (s), counts[s]);
}

static void
print_follow_up (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (project, 0);
  g_autoptr(GPtrArray) actions = styrkort_project_list_actions (project, 0);
  g_autoptr(GPtrArray) members = styrkort_project_list_members (project);
  g_autoptr(GPtrArray) meetings = styrkort_project_list_meetings (project);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint goal_states[4] = { 0 }, action_states[STYRKORT_N_ACTION_STATES] = { 0 }, overdue = 0;

  for (guint i = 0; i < goals->len; i++)
    goal_states[styrkort_project_subgoal_state (project, goals->pdata[i], period, NULL)]++;
  for (guint i = 0; i < actions->len; i++)
    {
      StyrkortAction *a = actions->pdata[i];
      action_states[a->state]++;
      if (a->due && g_strcmp0 (a->due, today) < 0 && a->state < STYRKORT_ACTION_DONE)
        overdue++;
    }
  g_print (_("Sub-goals: %u\n"), goals->len);
  for (int s = 0; s < 4; s++)
    print_count (styrkort_goal_state_label (s), goal_states[s]);
  g_print (_("Actions: %u, of which overdue: %u\n"), actions->len, overdue);
  for (int s = 0; s < STYRKORT_N_ACTION_STATES; s++)
    print_count (styrkort_action_state_label (s), action_states[s]);
  g_print (_("Steering group: %u members, %u meetings\n"), members->len, meetings->len);
}

static void
print_reports (StyrkortProject *project)
{
  g_autoptr(GPtrArray) reports = styrkort_project_list_reports (project);

  for (guint i = 0; i < reports->len; i++)
    {
      StyrkortReport *report = reports->pdata[i];
      g_autofree char *name = styrkort_period_to_string (report->period);
      g_print (report->changed ? _("Reported: %s on %s, changed after reporting\n") : _("Reported: %s on %s\n"),
               name, report->time);
    }
}

static int
cmd_info (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autoptr(StyrkortDistrict) district = NULL;
  g_autoptr(GPtrArray) units = NULL, operations = NULL;
  g_autoptr(GArray) periods = NULL;

  if (argc != 2)
    return usage ();
  file = g_file_new_for_commandline_arg (argv[1]);
  project = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    return report (error);
  district = styrkort_project_get_district (project);
  if (district == NULL)
    {
      g_printerr ("styrkort-cli: %s\n", _("The file is damaged: it does not say which district it is for "
                                          "(its district row is missing)."));
      return 1;
    }
  units = styrkort_project_list_units (project);
  operations = styrkort_project_list_operations (project);
  periods = styrkort_project_list_periods (project);

  g_print ("%s (%s)\n", district->name, district->city);
  g_print (_("Action plan:    %s\n"), district->plan_version);
  g_print (_("File format:    version %d\n"), styrkort_project_get_opened_version (project));
  g_print (_("Created:        %s\n"), district->created);
  g_print (_("Last change:    %s\n"), district->modified);
  g_print (_("Units: %u\n"), units->len);
  for (guint i = 0; i < units->len; i++)
    {
      StyrkortUnit *u = units->pdata[i];
      const char *operation = "?";
      for (guint o = 0; o < operations->len; o++)
        if (((StyrkortOperation *) operations->pdata[o])->id == u->operation_id)
          operation = STYRKORT_LOCALIZED ((StyrkortOperation *) operations->pdata[o], name);
      g_print ("  %s (%s)\n", u->name, operation);
    }
  if (periods->len == 0)
    {
      g_print ("%s\n", _("No figures or assessments yet."));
      return 0;
    }
  StyrkortPeriod first = g_array_index (periods, StyrkortPeriod, 0);
  StyrkortPeriod last = g_array_index (periods, StyrkortPeriod, periods->len - 1);
  g_autofree char *first_name = styrkort_period_to_string (first);
  g_autofree char *last_name = styrkort_period_to_string (last);
  g_print (_("Periods: %u, from %s to %s\n"), periods->len, first_name, last_name);
  print_reports (project);
  print_figures (project, last);
  print_assessments (project, last);
  print_follow_up (project, last);
  return 0;
}

void
options_clear (Options *o)
{
  g_clear_pointer (&o->positional, g_ptr_array_unref);
}

static gboolean
parse_number_option (const char *text, int *out)
{
  char *end = NULL;
  long number = text != NULL ? strtol (text, &end, 10) : 0;

  if (text == NULL || end == text || *end != '\0')
    return FALSE;
  *out = (int) number;
  return TRUE;
}

gboolean
parse_options (int argc, char **argv, Options *o)
{
  o->positional = g_ptr_array_new ();
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
      if (g_str_equal (arg, "--replace"))
        o->replace = TRUE;
      else if (g_str_equal (arg, "--dry-run"))
        o->dry_run = TRUE;
      else if (g_str_equal (arg, "--decimal-comma") || g_str_equal (arg, "--decimal-point"))
        o->decimal_sign = arg[10] == 'c' ? STYRKORT_DECIMAL_COMMA : STYRKORT_DECIMAL_POINT;
      else if (g_str_equal (arg, "--year") || g_str_equal (arg, "--tertial"))
        {
          if (!parse_number_option (next, arg[2] == 'y' ? &o->period.year : &o->period.tertial))
            return FALSE;
          i++;
        }
      else if (g_str_equal (arg, "--sheet") || g_str_equal (arg, "--reason"))
        {
          if (next == NULL)
            return FALSE;
          *(arg[2] == 's' ? &o->sheet : &o->reason) = next;
          i++;
        }
      else if (g_str_has_prefix (arg, "--"))
        return FALSE;
      else
        g_ptr_array_add (o->positional, (char *) arg);
    }
  return TRUE;
}

/* The period the options name, filled in from @project's latest T2. */
static gboolean
period_of_options (StyrkortProject *project, Options *o)
{
  StyrkortPeriod fallback = styrkort_workbook_default_period (project);

  if (o->period.year == 0)
    o->period.year = fallback.year;
  if (o->period.tertial == 0)
    o->period.tertial = o->period.year == fallback.year ? fallback.tertial : 2;
  if (styrkort_period_is_valid (o->period))
    return TRUE;
  g_printerr ("styrkort-cli: %s\n", _("--year must be a year and --tertial 1, 2 or 3."));
  return FALSE;
}

char *
path_of_arg (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  return g_file_get_path (file);
}

StyrkortProject *
open_project (const char *arg, StyrkortOpenFlags flags, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  return styrkort_project_open (file, flags, error);
}

/* FILE [--date D] [--year Y] [--tertial T] [--lines N]: the brief for the next meeting. */
static int
cmd_brief (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autoptr(StyrkortBrief) brief = NULL, cut = NULL;
  g_autofree char *text = NULL;
  const char *date = NULL, *file = NULL, *pdf = NULL;
  StyrkortPeriod period = { 0, 0 };
  int lines = 0;

  for (int i = 1; i < argc; i++)
    {
      const char *next = i + 1 < argc ? argv[i + 1] : NULL;
      if (g_str_equal (argv[i], "--date") && styrkort_date_is_valid (next))
        date = argv[++i];
      else if (g_str_equal (argv[i], "--pdf") && next != NULL)
        pdf = argv[++i];
      else if ((g_str_equal (argv[i], "--year") || g_str_equal (argv[i], "--tertial") ||
                g_str_equal (argv[i], "--lines")) && parse_number_option (next, argv[i][2] == 'y' ? &period.year
                                                                        : argv[i][2] == 't' ? &period.tertial : &lines))
        i++;
      else if (file == NULL && !g_str_has_prefix (argv[i], "--"))
        file = argv[i];
      else
        return usage ();
    }
  if (file == NULL || lines < 0)
    return usage ();
  project = open_project (file, STYRKORT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    return report (error);
  if (period.year == 0 && period.tertial == 0)
    period = styrkort_brief_default_period (project, date);
  if (!styrkort_period_is_valid (period))
    {
      g_printerr ("styrkort-cli: %s\n", _("--year must be a year and --tertial 1, 2 or 3."));
      return 2;
    }
  brief = styrkort_brief_new (project, period, date);
  if (pdf != NULL)
    {
      g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
      int pages = styrkort_brief_write_pdf (brief, district->name, pdf, &error);
      if (pages == 0)
        return report (error);
      g_print (ngettext ("Wrote the brief to %s (%d page).\n", "Wrote the brief to %s (%d pages).\n", pages), pdf,
               pages);
      return 0;
    }
  cut = lines > 0 ? styrkort_brief_truncate (brief, lines) : NULL;
  text = styrkort_brief_to_text (cut ? cut : brief);
  g_print ("%s", text);
  return 0;
}

typedef gboolean (*WorkbookWriter) (StyrkortProject *project, StyrkortPeriod period, const char *path,
                                    GError **error);

/* FILE OUT.xlsx [--year Y] [--tertial T]: a workbook of the file, written by @write. */
static int
write_workbook (int argc, char **argv, WorkbookWriter write)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autofree char *out_path = NULL;
  g_auto(Options) o = { { 0, 0 } };

  if (!parse_options (argc, argv, &o) || o.positional->len != 2)
    return usage ();
  project = open_project (o.positional->pdata[0], STYRKORT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    return report (error);
  if (!period_of_options (project, &o))
    return 2;
  out_path = path_of_arg (o.positional->pdata[1]);
  if (!write (project, o.period, out_path, &error))
    return report (error);
  return 0;
}

static int
cmd_export (int argc, char **argv)
{
  return write_workbook (argc, argv, styrkort_workbook_export);
}

static int
cmd_mark_reported (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *name = NULL;
  g_auto(Options) o = { { 0, 0 } };

  if (!parse_options (argc, argv, &o) || o.positional->len < 1 || o.positional->len > 2)
    return usage ();
  project = open_project (o.positional->pdata[0], STYRKORT_OPEN_DEFAULT, &error);
  if (project == NULL)
    return report (error);
  if (!period_of_options (project, &o))
    return 2;
  if (o.positional->len == 2)
    out_path = path_of_arg (o.positional->pdata[1]);
  if (!styrkort_report_mark (project, o.period, out_path, &error) || !styrkort_project_save (project, &error))
    return report (error);
  name = styrkort_period_to_string (o.period);
  g_print (_("%s is marked as reported.\n"), name);
  return 0;
}

/* The kept bytes as they were sent; beside them, when they were written with
 * decimal commas (Styrkort 0.1 on a Swedish PC), a corrected copy. */
static gboolean
export_reported (StyrkortProject *project, StyrkortPeriod period, const char *path, GError **error)
{
  g_autofree char *corrected = NULL, *name = NULL;

  if (!styrkort_report_export (project, period, path, error))
    return FALSE;
  if (!styrkort_report_has_decimal_commas (project, period))
    return TRUE;
  corrected = styrkort_report_corrected_path (path);
  if (!styrkort_report_export_corrected (project, period, corrected, error))
    return FALSE;
  name = g_filename_display_name (corrected);
  g_printerr (_("The workbook as it was reported has numbers with decimal commas, which spreadsheet programs "
                "misread (a fault of earlier versions of Styrkort on Swedish computers). A corrected copy was "
                "written to “%s”.\n"), name);
  return TRUE;
}

static int
cmd_export_reported (int argc, char **argv)
{
  return write_workbook (argc, argv, export_reported);
}

static int
cmd_report (int argc, char **argv)
{
  return write_workbook (argc, argv, styrkort_tertial_report_write);
}

static void
add_source (StyrkortCity *city, const char *path, GPtrArray *failed)
{
  g_autoptr(GError) error = NULL;
  StyrkortCitySource *source = styrkort_city_add (city, path, &error);
  StyrkortCitySource *other;

  if (source == NULL)
    {
      g_printerr ("styrkort-cli: %s\n", error->message);
      g_ptr_array_add (failed, g_filename_display_basename (path));
      return;
    }
  for (guint i = 0; i < source->problems->len; i++)
    g_printerr ("styrkort-cli: %s\n", (char *) source->problems->pdata[i]);
  /* Without anyone to ask, the newer export of a district wins. */
  other = styrkort_city_find_duplicate (city, source);
  if (other != NULL)
    {
      StyrkortCitySource *older = g_strcmp0 (other->exported, source->exported) <= 0 ? other : source;
      StyrkortCitySource *newer = older == other ? source : other;
      g_autofree char *kept = g_filename_display_basename (newer->path);
      g_autofree char *dropped = g_filename_display_basename (older->path);
      g_printerr (_("styrkort-cli: “%s” and “%s” both hold %s; the newer, “%s”, is used.\n"), kept, dropped,
                  newer->district, kept);
      styrkort_city_remove (city, older);
    }
}

/* "“a.xlsx”, “b.xlsx”" */
static char *
quoted_list (const char * const *items)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    g_string_append_printf (list, "%s“%s”", i > 0 ? _(", ") : "", items[i]);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static int
cmd_merge (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortCity) city = styrkort_city_new (&error);
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new ();
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  StyrkortPeriod period = { 0, 0 };
  guint n_files = 0;

  if (city == NULL)
    return report (error);
  for (int i = 2; i < argc; i++)
    {
      if ((g_str_equal (argv[i], "--year") || g_str_equal (argv[i], "--tertial")) && i + 1 < argc)
        {
          int *field = g_str_equal (argv[i], "--year") ? &period.year : &period.tertial;
          *field = atoi (argv[++i]);
        }
      else
        g_ptr_array_add (inputs, argv[i]);
    }
  if (argc < 3 || inputs->len == 0)
    return usage ();
  g_ptr_array_add (inputs, NULL);
  {
    /* Folders scanned as the city overview scans them. */
    g_autoptr(GPtrArray) paths = styrkort_city_expand_paths ((const char * const *) inputs->pdata);
    for (guint i = 0; i < paths->len; i++)
      add_source (city, paths->pdata[i], failed);
    n_files = paths->len;
  }
  if (styrkort_city_get_sources (city)->len == 0)
    {
      g_printerr ("styrkort-cli: %s\n", _("No district could be read."));
      return 1;
    }
  periods = styrkort_city_list_periods (city);
  if (period.year == 0 && periods->len > 0)
    {
      for (guint i = 0; i < periods->len; i++)
        if (g_array_index (periods, StyrkortPeriod, i).tertial == 2)
          period = g_array_index (periods, StyrkortPeriod, i);
      if (period.year == 0)
        period = g_array_index (periods, StyrkortPeriod, periods->len - 1);
    }
  if (period.tertial == 0)
    period.tertial = 2;
  if (!styrkort_period_is_valid (period))
    {
      g_printerr ("styrkort-cli: %s\n", _("--year must be a year and --tertial 1, 2 or 3."));
      return 2;
    }
  if (!styrkort_city_export (city, period, argv[1], &error))
    return report (error);
  {
    g_autofree char *name = styrkort_period_to_string (period);
    guint n = styrkort_city_get_sources (city)->len;
    g_print (ngettext ("Merged %u district for %s.\n", "Merged %u districts for %s.\n", n), n, name);
  }
  /* The workbook lacks the districts of the files not read: not a success. */
  if (failed->len > 0)
    {
      g_autofree char *list = NULL;
      g_ptr_array_add (failed, NULL);
      list = quoted_list ((const char * const *) failed->pdata);
      g_printerr (ngettext ("styrkort-cli: %u of %u files read; %u could not be read: %s. The city workbook "
                               "lacks their districts: correct or remove them and merge again.\n",
                               "styrkort-cli: %u of %u files read; %u could not be read: %s. The city workbook "
                               "lacks their districts: correct or remove them and merge again.\n", failed->len - 1),
                  n_files - (failed->len - 1), n_files, failed->len - 1, list);
      return 1;
    }
  return 0;
}

static int
cmd_backups (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) copies = NULL;

  if (argc != 2)
    return usage ();
  file = g_file_new_for_commandline_arg (argv[1]);
  copies = styrkort_backups_list (file, &error);
  if (copies == NULL)
    return report (error);
  if (copies->len == 0)
    g_print ("%s\n", _("No backups of this file yet."));
  for (guint i = 0; i < copies->len; i++)
    {
      g_autofree char *path = g_file_get_path (copies->pdata[i]);
      g_print ("%s\n", path);
    }
  return 0;
}

/* "Norrmalm.styrkort" → "Norrmalm (återställd 2026-11-24).styrkort" beside it. */
static GFile *
restored_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (g_str_has_suffix (base, ".styrkort"))
    base[strlen (base) - strlen (".styrkort")] = '\0';
  /* TRANSLATORS: file name of a restored backup: NAME (restored DATE) */
  name = g_strdup_printf (_("%s (restored %s).styrkort"), base, date);
  return g_file_get_child (parent, name);
}

static int
cmd_restore (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL, backup = NULL, target = NULL;
  gboolean overwrite = argc > 1 && g_str_equal (argv[argc - 1], "--overwrite");
  int n = overwrite ? argc - 1 : argc;
  g_autofree char *target_name = NULL;

  if (n != 3 && n != 4)
    return usage ();
  file = g_file_new_for_commandline_arg (argv[1]);
  backup = g_file_new_for_commandline_arg (argv[2]);
  target = n == 4 ? g_file_new_for_commandline_arg (argv[3]) : restored_name (file);
  if (!styrkort_project_check (backup, &error) ||
      !styrkort_backups_restore (backup, target, overwrite, &error))
    return report (error);
  target_name = g_file_get_parse_name (target);
  g_print (_("Restored to “%s”.\n"), target_name);
  return 0;
}

int
main (int argc, char **argv)
{
  static const struct { const char *name; int (*run) (int, char **); } commands[] = {
    { "new", cmd_new }, { "demo", cmd_demo }, { "info", cmd_info }, { "check", cmd_check },
    { "backups", cmd_backups }, { "restore", cmd_restore }, { "export", cmd_export }, { "merge", cmd_merge },
    { "import", cmd_import }, { "mark-reported", cmd_mark_reported }, { "export-reported", cmd_export_reported },
    { "brief", cmd_brief },
    { "report", cmd_report },
  };

#ifdef G_OS_WIN32
  /* Windows hands main() its arguments in the ANSI code page: a file in
   * "Södermalm" or named in Greek would not be found. Take them from the
   * Unicode command line, in UTF-8 as everywhere else in GLib. */
  g_auto(GStrv) utf8_argv = g_win32_get_command_line ();

  argv = utf8_argv;
  argc = (int) g_strv_length (utf8_argv);
#endif
  styrkort_locale_init ();
  bindtextdomain (GETTEXT_PACKAGE, styrkort_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return usage ();
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);
  return usage ();
}
