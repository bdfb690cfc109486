/* SPDX-License-Identifier: GPL-3.0-or-later */
/* styrkort-cli import: what the plan will store, said line by line, and the import. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-cli-private.h"
#include "styrkort-figure-rules.h"
#include "styrkort-locale.h"

/* Each figure that differs from the stored one, old → new. */
static void
print_differences (StyrkortProject *project, GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const StyrkortImportRow *row = rows->pdata[i];
      g_autoptr(StyrkortIndicator) ind = NULL;
      g_autofree char *change = NULL, *period = NULL;
      if (row->state != STYRKORT_IMPORT_ROW_CONFLICT)
        continue;
      ind = styrkort_project_get_indicator (project, row->value.indicator_id);
      change = styrkort_import_row_describe_change (ind, row);
      period = styrkort_period_to_string (row->value.period);
      if (row->city)
        {
          g_print (_("The city, %s, %s: %s\n"), STYRKORT_LOCALIZED (ind, name), period, change);
          continue;
        }
      g_print (_("Row %u: %s, %s, %s: %s\n"), row->line, *row->unit_name ? row->unit_name : _("the district"),
               STYRKORT_LOCALIZED (ind, name),
               period, change);
    }
}

/* New units with the operation they go to: a file without an operation
 * column puts them in the file's first, which the user should see. */
static void
print_new_units (StyrkortProject *project, GPtrArray *units)
{
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (project);

  for (guint i = 0; i < units->len; i++)
    {
      const StyrkortImportUnit *unit = units->pdata[i];
      const char *operation = "";
      for (guint o = 0; o < operations->len; o++)
        if (((StyrkortOperation *) operations->pdata[o])->id == unit->operation_id)
          operation = STYRKORT_LOCALIZED ((StyrkortOperation *) operations->pdata[o], name);
      /* TRANSLATORS: a unit the import creates, and the operation it goes to */
      g_print (_("New unit: %s (%s)\n"), unit->name, operation);
    }
}

/* Rows of another district, one message per district named: a workbook
 * of the wrong district would otherwise give a line for each of its rows. */
static void
print_other_districts (StyrkortProject *project, const char *file_name, StyrkortImportPlan *plan)
{
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GPtrArray) names = styrkort_import_plan_other_districts (plan, &counts);

  for (guint i = 0; i < names->len; i++)
    {
      guint n = g_array_index (counts, guint, i);
      g_printerr (ngettext ("styrkort-cli: “%s” holds figures of %s, not of %s: %u row left out. Import them into "
                            "the district file of %s instead.\n",
                            "styrkort-cli: “%s” holds figures of %s, not of %s: %u rows left out. Import them into "
                            "the district file of %s instead.\n", n),
                  file_name, (char *) names->pdata[i], district ? district->name : "", n, (char *) names->pdata[i]);
    }
}

/* The city's merged workbook: what it gives, and the counts of city figures. */
static void
print_city_header (StyrkortProject *project, const char *file_name, StyrkortImportPlan *plan)
{
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  const char *name = district != NULL ? district->name : "";
  guint n_districts = 0;
  gboolean found = FALSE;

  if (!styrkort_import_plan_is_city (plan, &n_districts, &found))
    return;
  g_print (ngettext ("“%s” is the city’s merged workbook of %u district: it gives the city figures.\n",
                     "“%s” is the city’s merged workbook of %u districts: it gives the city figures.\n", n_districts),
           file_name, n_districts);
  if (found)
    g_print (_("The place of %s among the districts is kept beside each city figure (1 is the best).\n"), name);
  else
    g_printerr (_("styrkort-cli: %s is not one of the workbook’s districts: the city figures are imported without "
                  "its place among the districts.\n"), name);
}

static void
print_city_counts (StyrkortImportPlan *plan, gboolean replace)
{
  g_print (_("New city figures: %u. Already stored: %u. Different from stored: %u (%s). Rejected rows: %u.\n"),
           styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW),
           styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_SAME),
           styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_CONFLICT),
           replace ? _("replaced") : _("kept; --replace replaces them"),
           styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_REJECTED));
}

static void
print_plan (StyrkortProject *project, const char *file_name, StyrkortImportPlan *plan, gboolean replace)
{
  GPtrArray *rows = styrkort_import_plan_rows (plan);
  GPtrArray *units = styrkort_import_plan_new_units (plan);
  gboolean ambiguous = FALSE;

  print_city_header (project, file_name, plan);
  print_other_districts (project, file_name, plan);
  for (guint i = 0; i < rows->len; i++)
    {
      const StyrkortImportRow *row = rows->pdata[i];
      if (row->state == STYRKORT_IMPORT_ROW_REJECTED && row->city)
        g_printerr ("%s\n", row->reason); /* it names its row */
      else if (row->state == STYRKORT_IMPORT_ROW_REJECTED && row->other_district == NULL)
        g_printerr (_("Row %u: %s\n"), row->line, row->reason);
      ambiguous |= row->state == STYRKORT_IMPORT_ROW_REJECTED && row->ambiguous_number;
    }
  if (ambiguous)
    g_printerr ("%s\n", _("Say which sign the file uses for decimals: --decimal-comma (1,5) or --decimal-point "
                          "(1.5), and import again."));
  print_differences (project, rows);
  if (styrkort_import_plan_is_city (plan, NULL, NULL))
    {
      print_city_counts (plan, replace);
      return;
    }
  print_new_units (project, units);
  g_print (_("New figures: %u. Already stored: %u. Different from stored: %u (%s). Rejected rows: %u.\n"),
           styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW),
           styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_SAME),
           styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_CONFLICT),
           replace ? _("replaced") : _("kept; --replace replaces them"),
           styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_REJECTED));
}

/* A mapping that lacks a column: the app shows the file's columns to
 * choose from; here the message names the sheet and the headings found. */
static int
report_mapping (const char *file_name, const StyrkortImportSource *source, const StyrkortImportMapping *mapping,
                GError *error)
{
  g_autofree char *headings = styrkort_import_source_headings (source, mapping->header_row);

  if (source->sheet_name != NULL)
    g_printerr (_("styrkort-cli: “%s”, sheet “%s”: %s\n"), file_name, source->sheet_name, error->message);
  else
    g_printerr (_("styrkort-cli: “%s”: %s\n"), file_name, error->message);
  if (*headings != '\0')
    g_printerr (_("The headings on row %u are %s. Name the columns as Styrkort knows them (Enhet, Period, Nyckeltal, "
                  "Värde, or År and Tertial), or import the file in the app and choose the columns there.\n"),
                mapping->header_row + 1, headings);
  else
    g_printerr (_("Row %u has no headings. Give the columns headings (Enhet, Period, Nyckeltal, Värde), or import "
                  "the file in the app and choose the columns there.\n"), mapping->header_row + 1);
  return 1;
}

int
cmd_import (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autoptr(StyrkortImportSource) source = NULL;
  g_autoptr(StyrkortImportMapping) mapping = NULL;
  g_autoptr(StyrkortImportPlan) plan = NULL;
  g_autofree char *in_path = NULL, *file_name = NULL;
  g_auto(Options) o = { { 0, 0 } };

  if (!parse_options (argc, argv, &o) || o.positional->len != 2)
    return usage ();
  project = open_project (o.positional->pdata[0], o.dry_run ? STYRKORT_OPEN_READ_ONLY : STYRKORT_OPEN_DEFAULT,
                          &error);
  if (project == NULL)
    return report (error);
  in_path = path_of_arg (o.positional->pdata[1]);
  source = styrkort_import_source_open (in_path, o.sheet, &error);
  if (source == NULL)
    return report (error);
  mapping = styrkort_import_mapping_for_file (project, source, NULL);
  if (o.decimal_sign != STYRKORT_DECIMAL_UNKNOWN)
    mapping->decimal_sign = o.decimal_sign;
  plan = styrkort_import_plan_new (project, source, mapping, &error);
  file_name = g_filename_display_basename (in_path);
  if (plan == NULL)
    return report_mapping (file_name, source, mapping, error);
  styrkort_import_plan_set_conflicts (plan, o.replace ? STYRKORT_IMPORT_REPLACE : STYRKORT_IMPORT_KEEP);
  print_plan (project, file_name, plan, o.replace);
  if (o.dry_run)
    return 0;
  if (!styrkort_import_plan_apply (plan, o.reason, &error) ||
      !styrkort_import_remember_mapping (project, source, mapping, &error) ||
      !styrkort_project_save (project, &error))
    return report (error);
  if (styrkort_import_plan_is_city (plan, NULL, NULL))
    g_print (_("City figures imported: %u.\n"), styrkort_import_plan_n_writes (plan));
  else
    g_print (_("Figures imported: %u.\n"), styrkort_import_plan_n_writes (plan));
  return 0;
}

