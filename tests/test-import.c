/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing figures from CSV and xlsx files: reading, mapping, preview, apply, undo. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "styrkort-locale.h"
#include "styrkort-reading.h"
#include "styrkort-number.h"
#include "styrkort-csv.h"
#include "styrkort-demo.h"
#include "styrkort-import.h"
#include "styrkort-workbook.h"
#include "test-util.h"

#define VALUES_IN(path) test_sql_int (path, "SELECT count(*) FROM indicator_value")

typedef struct {
  char *path;
  StyrkortProject *project;
  gint64 east;             /* unit "Mottagning Öst" */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) operations = NULL;

  f->path = test_path ("district.styrkort");
  file = g_file_new_for_path (f->path);
  f->project = styrkort_project_create (file, "Stadsdel Test", &error);
  g_assert_no_error (error);
  operations = styrkort_project_list_operations (f->project);
  f->east = styrkort_project_add_unit (f->project, "Mottagning Öst",
                                       ((StyrkortOperation *) operations->pdata[0])->id, &error);
  g_assert_no_error (error);
  styrkort_project_clear_history (f->project, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  styrkort_project_close (f->project);
  g_clear_object (&f->project);
  g_free (f->path);
}

static char *
write_file (const char *name, const char *content)
{
  char *path = test_path (name);
  test_write_bytes (path, content, strlen (content));
  return path;
}

static StyrkortImportPlan *
plan_for (Fixture *f, const char *path, StyrkortImportMapping **mapping_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (path, NULL, &error);
  g_autoptr(StyrkortImportMapping) mapping = NULL;
  StyrkortImportPlan *plan;

  g_assert_no_error (error);
  mapping = styrkort_import_mapping_for_file (f->project, source, NULL);
  plan = styrkort_import_plan_new (f->project, source, mapping, &error);
  g_assert_no_error (error);
  if (mapping_out != NULL)
    *mapping_out = g_steal_pointer (&mapping);
  return plan;
}

static const StyrkortImportRow *
row_on_line (StyrkortImportPlan *plan, guint line, guint nth)
{
  GPtrArray *rows = styrkort_import_plan_rows (plan);

  for (guint i = 0; i < rows->len; i++)
    {
      const StyrkortImportRow *row = rows->pdata[i];
      if (row->line == line && nth-- == 0)
        return row;
    }
  g_assert_not_reached ();
}

static double
stored (Fixture *f, const char *code, gint64 unit, int year, int tertial)
{
  g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (f->project, code);
  g_autoptr(StyrkortValue) v = styrkort_project_get_value (f->project, ind->id, unit, (StyrkortPeriod) { year, tertial });
  return v != NULL ? v->value : NAN;
}

/* CSV ------------------------------------------------------------------------- */

static void
test_csv_separators_and_encodings (void)
{
  g_autoptr(GError) error = NULL;
  /* Windows-1252: "Värde" with ä as the byte 0xE4. */
  const char cp1252[] = "Enhet;V\xe4rde\r\n\"Enhet \xd6st; nr 2\";12,5\r\n";
  const char bom[] = "\xef\xbb\xbf" "Unit,Value,Comment\n\"A \"\"quoted\"\" name\",12.5,\"two\nlines\"\n";
  g_autoptr(StyrkortSheet) a = styrkort_csv_parse (cp1252, sizeof cp1252 - 1, &error);
  g_assert_no_error (error);
  g_autoptr(StyrkortSheet) b = styrkort_csv_parse (bom, sizeof bom - 1, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (a->rows->len, ==, 2);
  g_assert_cmpstr (styrkort_sheet_cell (a, 0, 1)->text, ==, "Värde");
  g_assert_cmpstr (styrkort_sheet_cell (a, 1, 0)->text, ==, "Enhet Öst; nr 2");
  g_assert_cmpstr (styrkort_sheet_cell (a, 1, 1)->text, ==, "12,5");
  g_assert_cmpuint (b->rows->len, ==, 2);
  g_assert_cmpstr (styrkort_sheet_cell (b, 0, 0)->text, ==, "Unit");
  g_assert_cmpstr (styrkort_sheet_cell (b, 1, 0)->text, ==, "A \"quoted\" name");
  g_assert_cmpstr (styrkort_sheet_cell (b, 1, 2)->text, ==, "two\nlines");
  g_assert_cmpint (styrkort_csv_guess_separator ("a\tb\tc,d\n"), ==, '\t');

  g_autoptr(StyrkortSheet) binary = styrkort_csv_parse ("PK\0\3", 4, &error);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN);
  g_assert_null (binary);
}

/* Long layout, semicolons, Windows-1252, decimal comma; every kind of rejection. */
static void
test_long_csv_rejections_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = write_file ("hr.csv",
    "Enhet;\xc5r;Tertial;Nyckeltal;V\xe4rde;Kvinnor;M\xe4n\r\n"
    "Mottagning \xd6st;2025;2;sick_leave;6,5;;\r\n"
    "MOTTAGNING  \xd6ST;2025;T2;Personaloms\xe4ttning;12,5;;\r\n"
    "Ny enhet;2025;3;headcount;14;9;5\r\n"
    ";;;;;;\r\n"
    "Mottagning \xd6st;2025;2;sick_leave;7,0;;\r\n"
    "Mottagning \xd6st;2025;2;ok\xe4nd;1;;\r\n"
    "Mottagning \xd6st;2099;1;sick_leave;1;;\r\n"
    "Mottagning \xd6st;2025;2;headcount;tolv;;\r\n"
    "Mottagning \xd6st;2025;4;headcount;12;;\r\n");
  g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);
  GPtrArray *units = styrkort_import_plan_new_units (plan);

  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 3);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_REJECTED), ==, 5);
  g_assert_cmpuint (row_on_line (plan, 2, 0)->value.unit_id, ==, f->east);
  g_assert_cmpfloat (row_on_line (plan, 3, 0)->value.value, ==, 12.5);
  g_assert_cmpfloat (row_on_line (plan, 4, 0)->value.women, ==, 9);
  g_assert_cmpstr (row_on_line (plan, 6, 0)->reason, ==, "The same figure is also on row 2.");
  g_assert_cmpstr (row_on_line (plan, 7, 0)->reason, ==, "“okänd” is not an indicator of the catalogue.");
  g_assert_cmpstr (row_on_line (plan, 8, 0)->reason, ==, "2099 T1 has not begun yet.");
  g_assert_cmpstr (row_on_line (plan, 9, 0)->reason, ==, "“tolv” in the column “Värde” is not a number.");
  g_assert_cmpstr (row_on_line (plan, 10, 0)->reason, ==, "“4” is not a tertial (1, 2 or 3).");
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpstr (((StyrkortImportUnit *) units->pdata[0])->name, ==, "Ny enhet");

  /* The preview wrote nothing. */
  g_assert_cmpint (VALUES_IN (f->path), ==, 0);
  g_assert_false (styrkort_project_can_undo (f->project));

  g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);
  test_saved (f->project);
  g_assert_cmpint (VALUES_IN (f->path), ==, 3);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM unit WHERE name = 'Ny enhet'"), ==, 1);
  g_assert_cmpfloat (stored (f, "sick_leave", f->east, 2025, 2), ==, 6.5);

  /* One undo step takes back the figures and the new unit. */
  g_autofree char *summary = styrkort_project_undo_summary (f->project);
  g_assert_cmpstr (summary, ==, "Import figures from “hr.csv”");
  g_assert_true (styrkort_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_false (styrkort_project_can_undo (f->project));
  test_saved (f->project);
  g_assert_cmpint (VALUES_IN (f->path), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM unit"), ==, 1);
}

/* Commas, UTF-8 with a BOM, decimal points, a date for the period, a comment. */
static void
test_comma_csv_with_dates (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = write_file ("list.csv",
    "\xef\xbb\xbfUnit,Date,Indicator,Value,Comment\n"
    "Mottagning Öst,2025-06-15,sick_leave,6.5,\"Långtid, två personer\"\n"
    "Mottagning Öst,2025-12,consultants,3,\n");
  g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);
  const StyrkortImportRow *first = row_on_line (plan, 2, 0);
  const StyrkortImportRow *second = row_on_line (plan, 3, 0);

  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 2);
  g_assert_cmpint (first->value.period.year, ==, 2025);
  g_assert_cmpint (first->value.period.tertial, ==, 2);
  g_assert_cmpstr (first->value.comment, ==, "Långtid, två personer");
  g_assert_cmpint (second->value.period.tertial, ==, 3);
  g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (stored (f, "consultants", f->east, 2025, 3), ==, 3);
}

/* An xlsx with a title row, then a wide table: a column per indicator,
 * periods as text and as Excel dates. */
static void
test_wide_xlsx (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("HR-uttag 2025.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Uttag");
  lxw_format *date = workbook_add_format (wb);
  lxw_datetime june = { 2025, 6, 30, 0, 0, 0 };

  format_set_num_format (date, "yyyy-mm-dd");
  worksheet_write_string (ws, 0, 0, "Personaluttag från HR", NULL);
  worksheet_write_string (ws, 2, 0, "Enhet", NULL);
  worksheet_write_string (ws, 2, 1, "Period", NULL);
  worksheet_write_string (ws, 2, 2, "Sjukfrånvaro", NULL);
  worksheet_write_string (ws, 2, 3, "consultants", NULL);
  worksheet_write_string (ws, 2, 4, "Anteckning från HR", NULL);
  worksheet_write_string (ws, 3, 0, "Mottagning Öst", NULL);
  worksheet_write_string (ws, 3, 1, "2025 T1", NULL);
  worksheet_write_number (ws, 3, 2, 5.25, NULL);
  worksheet_write_number (ws, 3, 3, 2, NULL);
  worksheet_write_string (ws, 4, 0, "Mottagning Öst", NULL);
  worksheet_write_datetime (ws, 4, 1, &june, date);
  worksheet_write_string (ws, 4, 2, "4,75 %", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  g_autoptr(StyrkortImportMapping) mapping = NULL;
  g_autoptr(StyrkortImportPlan) plan = plan_for (f, path, &mapping);
  g_assert_cmpint (mapping->layout, ==, STYRKORT_IMPORT_WIDE);
  g_assert_cmpuint (mapping->header_row, ==, 2);
  g_assert_cmpstr (styrkort_import_mapping_get_wide (mapping, 2), ==, "sick_leave");
  g_assert_null (styrkort_import_mapping_get_wide (mapping, 4));
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 3);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_REJECTED), ==, 0);
  g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (stored (f, "sick_leave", f->east, 2025, 1), ==, 5.25);
  g_assert_cmpfloat (stored (f, "sick_leave", f->east, 2025, 2), ==, 4.75);
  g_assert_cmpfloat (stored (f, "consultants", f->east, 2025, 1), ==, 2);
  g_assert_true (isnan (stored (f, "consultants", f->east, 2025, 2)));
}

/* Stored figures: the same is left alone, a different one is a conflict
 * that the user keeps or replaces for all. */
static void
test_conflicts_keep_or_replace (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (f->project, "consultants");
  StyrkortValue v;
  g_autofree char *csv = write_file ("c.csv",
    "Enhet;År;Tertial;Nyckeltal;Värde\n"
    "Mottagning Öst;2025;1;consultants;2\n"
    "Mottagning Öst;2025;2;consultants;5\n");

  styrkort_value_init (&v);
  v.indicator_id = ind->id;
  v.unit_id = f->east;
  v.comment = (char *) "kept";
  v.period = (StyrkortPeriod) { 2025, 1 };
  v.value = 2;
  g_assert_true (styrkort_project_set_value (f->project, &v, &error));
  v.period = (StyrkortPeriod) { 2025, 2 };
  v.value = 4;
  g_assert_true (styrkort_project_set_value (f->project, &v, &error));
  g_assert_no_error (error);

  {
    g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);
    const StyrkortImportRow *changed = row_on_line (plan, 3, 0);
    g_assert_cmpint (row_on_line (plan, 2, 0)->state, ==, STYRKORT_IMPORT_ROW_SAME);
    g_assert_cmpint (changed->state, ==, STYRKORT_IMPORT_ROW_CONFLICT);
    g_assert_cmpfloat (changed->old->value, ==, 4);
    g_assert_cmpfloat (changed->value.value, ==, 5);
    g_assert_cmpuint (styrkort_import_plan_n_writes (plan), ==, 0); /* keep is the default */
    g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
    g_assert_cmpfloat (stored (f, "consultants", f->east, 2025, 2), ==, 4);
  }
  {
    g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);
    styrkort_import_plan_set_conflicts (plan, STYRKORT_IMPORT_REPLACE);
    g_assert_cmpuint (styrkort_import_plan_n_writes (plan), ==, 1);
    g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (stored (f, "consultants", f->east, 2025, 2), ==, 5);
    /* The file has no comment column: the stored comment stays. */
    test_saved (f->project);
    g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM indicator_value WHERE comment = 'kept'"), ==, 2);
  }
}

/* A unit the district does not know can be mapped to one it has. */
static void
test_unknown_unit_mapped (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = write_file ("u.csv",
    "Enhet;Period;Nyckeltal;Värde\n"
    "Mottagningen öster;2025 T3;vfu_places;4\n"
    "Barnenheten;2025 T3;vfu_places;1\n");
  g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);

  g_assert_cmpuint (styrkort_import_plan_new_units (plan)->len, ==, 2);
  g_assert_cmpint (row_on_line (plan, 2, 0)->value.unit_id, ==, 0);
  styrkort_import_plan_set_unit (plan, "Mottagningen öster", f->east, 0);
  g_assert_cmpint (row_on_line (plan, 2, 0)->value.unit_id, ==, f->east);
  g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (stored (f, "vfu_places", f->east, 2025, 3), ==, 4);
  test_saved (f->project);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM unit"), ==, 2);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM unit WHERE name = 'Barnenheten'"), ==, 1);
}

/* Headers the guess cannot read: the user maps them once, and the next file
 * of the series gets the same mapping. */
static void
test_mapping_remembered (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = write_file ("Uttag 2025-T1.csv", "K1;K2;K3;K4\nMottagning Öst;2025 T1;turnover;8\n");
  g_autofree char *second = write_file ("Uttag 2025-T2.csv", "K1;K2;K3;K4\nMottagning Öst;2025 T2;turnover;9\n");
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (first, NULL, &error);
  g_autoptr(StyrkortImportMapping) guess = styrkort_import_mapping_for_file (f->project, source, NULL);
  gboolean remembered = TRUE;

  g_assert_false (styrkort_import_mapping_check (guess, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (styrkort_import_plan_new (f->project, source, guess, &error));
  g_clear_error (&error);

  guess->columns[STYRKORT_FIELD_UNIT] = 0;
  guess->columns[STYRKORT_FIELD_PERIOD] = 1;
  guess->columns[STYRKORT_FIELD_INDICATOR] = 2;
  guess->columns[STYRKORT_FIELD_VALUE] = 3;
  g_assert_true (styrkort_import_remember_mapping (f->project, source, guess, &error));
  g_assert_no_error (error);

  g_autofree char *pattern = styrkort_import_file_pattern (second);
  g_assert_cmpstr (pattern, ==, "uttag #-t#.csv");
  g_autoptr(StyrkortImportSource) next = styrkort_import_source_open (second, NULL, &error);
  g_autoptr(StyrkortImportMapping) again = styrkort_import_mapping_for_file (f->project, next, &remembered);
  g_assert_true (remembered);
  g_assert_cmpint (again->columns[STYRKORT_FIELD_VALUE], ==, 3);
  g_autoptr(StyrkortImportPlan) plan = styrkort_import_plan_new (f->project, next, again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 1);
  /* Remembering is not an edit of the district. */
  g_assert_false (styrkort_project_can_undo (f->project));
}

static gboolean
near (double a, double b)
{
  return (isnan (a) && isnan (b)) || fabs (a - b) <= 1e-12 * MAX (1.0, fabs (a));
}

static gint64
unit_named (StyrkortProject *project, const char *name, gint64 *operation_id)
{
  g_autoptr(GPtrArray) units = styrkort_project_list_units (project);

  for (guint i = 0; i < units->len; i++)
    {
      StyrkortUnit *unit = units->pdata[i];
      if (g_str_equal (unit->name, name))
        return (*operation_id = unit->operation_id, unit->id);
    }
  g_assert_not_reached ();
}

/* Compares every figure of @a with @b's, units matched by name; returns how many. */
static guint
compare_figures (StyrkortProject *a, StyrkortProject *b)
{
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (a);
  g_autoptr(GPtrArray) units = styrkort_project_list_units (a);
  g_autoptr(GArray) periods = styrkort_project_list_periods (a);
  guint n = 0;

  for (guint i = 0; i < indicators->len; i++)
    for (guint u = 0; u < units->len; u++)
      for (guint p = 0; p < periods->len; p++)
        {
          StyrkortIndicator *ind = indicators->pdata[i];
          StyrkortUnit *unit = units->pdata[u];
          StyrkortPeriod period = g_array_index (periods, StyrkortPeriod, p);
          gint64 operation = 0, b_unit = unit_named (b, unit->name, &operation);
          g_autoptr(StyrkortIndicator) b_ind = styrkort_project_find_indicator (b, ind->code);
          g_autoptr(StyrkortValue) x = styrkort_project_get_value (a, ind->id, unit->id, period);
          g_autoptr(StyrkortValue) y = styrkort_project_get_value (b, b_ind->id, b_unit, period);
          g_assert_cmpint (operation, ==, unit->operation_id); /* catalogue ids are the same in both */
          g_assert_true ((x == NULL) == (y == NULL));
          if (x == NULL)
            continue;
          g_assert_true (near (x->value, y->value) && near (x->women, y->women) && near (x->men, y->men));
          g_assert_true (near (x->numerator, y->numerator) && near (x->denominator, y->denominator));
          g_assert_cmpstr (x->comment, ==, y->comment);
          n++;
        }
  return n;
}

/* Our own workbook's Data sheet imports with no mapping and gives back every figure. */
static void
test_round_trip_from_data_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_path = test_path ("demo.styrkort");
  g_autofree char *copy_path = test_path ("copy.styrkort");
  g_autofree char *xlsx = test_path ("demo.xlsx");
  g_autoptr(GFile) demo_file = g_file_new_for_path (demo_path);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(StyrkortProject) demo = styrkort_demo_create (demo_file, 2019, &error);
  g_autoptr(StyrkortProject) copy = styrkort_project_create (copy_file, "Stadsdel Exempel", &error);
  g_assert_no_error (error);
  g_assert_true (styrkort_workbook_export (demo, styrkort_workbook_default_period (demo), xlsx, &error));
  g_assert_no_error (error);

  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (xlsx, NULL, &error);
  g_assert_no_error (error);
  g_autoptr(StyrkortImportMapping) mapping = styrkort_import_mapping_for_file (copy, source, NULL);
  g_autoptr(StyrkortImportPlan) plan = styrkort_import_plan_new (copy, source, mapping, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_REJECTED), ==, 0);
  g_assert_cmpint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, VALUES_IN (demo_path));
  g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
  g_assert_no_error (error);

  /* Every figure, by unit name and operation, with all its parts (xlsx
   * keeps 15 significant digits). */
  g_assert_cmpuint (compare_figures (demo, copy), ==, VALUES_IN (demo_path));

  /* Imported again, everything is already there. */
  g_autoptr(StyrkortImportPlan) again = styrkort_import_plan_new (copy, source, mapping, &error);
  g_assert_cmpuint (styrkort_import_plan_n_writes (again), ==, 0);
  g_assert_cmpuint (styrkort_import_plan_count (again, STYRKORT_IMPORT_ROW_SAME), ==,
                    styrkort_import_plan_rows (again)->len);
}

/* Another district's workbook is not this district's figures. */
static void
test_other_district_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = write_file ("city.csv",
    "Stadsdel;Enhet;Period;Nyckeltal;Värde\n"
    "Stadsdel Test;Mottagning Öst;2025 T1;consultants;1\n"
    "STADSDEL  TEST;Mottagning Öst;2025 T2;consultants;2\n"
    "Stadsdel Norr;Mottagning Öst;2025 T3;consultants;3\n");
  g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);

  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 2);
  g_assert_cmpstr (row_on_line (plan, 4, 0)->reason, ==, "The row is for Stadsdel Norr, not for Stadsdel Test.");
}

static void
test_not_a_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = test_path ("missing.csv");
  g_autofree char *zip = write_file ("broken.xlsx", "PK\3\4 not really a zip");

  g_assert_null (styrkort_import_source_open (missing, NULL, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (styrkort_import_source_open (zip, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "broken.xlsx"));
  g_clear_error (&error);

  g_autofree char *empty = write_file ("empty.csv", "");
  g_assert_null (styrkort_import_source_open (empty, NULL, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_EMPTY);
  g_clear_error (&error);

  /* A workbook of a newer Styrkort: its Data sheet may mean something else. */
  g_autofree char *newer = test_path ("newer.xlsx");
  lxw_workbook *wb = workbook_new (newer);
  lxw_worksheet *data = workbook_add_worksheet (wb, "Data");
  lxw_worksheet *about = workbook_add_worksheet (wb, "Om");
  worksheet_write_string (data, 0, 0, "Stadsdel", NULL);
  worksheet_write_string (about, 0, 0, "Dataformat (bladet Data)", NULL);
  worksheet_write_number (about, 0, 1, STYRKORT_DATA_FORMAT_VERSION + 1, NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  g_assert_null (styrkort_import_source_open (newer, NULL, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_TOO_NEW);
}

/* A corrected rate in the file (12,5) where the stored rate is computed
 * from its base (43,48 from 10 / 23): listed as differing, naming the base
 * that goes, and replaced only when asked. Used to be "already stored". */
static void
test_rate_replacing_base (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (f->project, "turnover");
  g_autofree char *same = write_file ("same.csv", "Enhet;Period;Nyckeltal;Värde\nMottagning Öst;2025 T2;turnover;43,48\n");
  g_autofree char *changed = write_file ("changed.csv",
                                         "Enhet;Period;Nyckeltal;Värde\nMottagning Öst;2025 T2;turnover;12,5\n");
  StyrkortValue v;

  styrkort_value_init (&v);
  v.indicator_id = turnover->id;
  v.unit_id = f->east;
  v.period = (StyrkortPeriod) { 2025, 2 };
  v.numerator = 10;
  v.denominator = 23;
  g_assert_true (styrkort_project_set_value (f->project, &v, &error));

  /* The computed rate as the file rounds it: the same figure, base kept. */
  {
    g_autoptr(StyrkortImportPlan) plan = plan_for (f, same, NULL);
    g_assert_cmpint (row_on_line (plan, 2, 0)->state, ==, STYRKORT_IMPORT_ROW_SAME);
  }
  {
    g_autoptr(StyrkortImportPlan) plan = plan_for (f, changed, NULL);
    const StyrkortImportRow *row = row_on_line (plan, 2, 0);
    g_autofree char *change = styrkort_import_row_describe_change (turnover, row);
    gboolean swedish = styrkort_number_style_for_locale () == STYRKORT_NUMBER_SWEDISH;

    g_assert_cmpint (row->state, ==, STYRKORT_IMPORT_ROW_CONFLICT);
    g_assert_true (row->removes_base);
    g_assert_cmpstr (change, ==, swedish ? "43,48\u00a0% (10 / 23) → 12,5\u00a0%, base figures removed"
                                         : "43.48\u00a0% (10 / 23) → 12.5\u00a0%, base figures removed");
    /* Kept unless asked. */
    g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
    g_assert_cmpfloat_with_epsilon (stored (f, "turnover", f->east, 2025, 2), 1000.0 / 23, 1e-9);
  }
  {
    g_autoptr(StyrkortImportPlan) plan = plan_for (f, changed, NULL);
    g_autoptr(StyrkortValue) after = NULL;
    styrkort_import_plan_set_conflicts (plan, STYRKORT_IMPORT_REPLACE);
    g_assert_true (styrkort_import_plan_apply (plan, NULL, &error));
    g_assert_no_error (error);
    after = styrkort_project_get_value (f->project, turnover->id, f->east, v.period);
    g_assert_cmpfloat (after->value, ==, 12.5);
    g_assert_true (isnan (after->numerator) && isnan (after->denominator));
  }
}

static void
on_source_read (GObject *object, GAsyncResult *result, gpointer data)
{
  GError *error = NULL;
  StyrkortImportSource *source = styrkort_import_source_read_finish (result, &error);
  if (source != NULL)
    *(StyrkortImportSource **) data = source;
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_error_free (error);
      *(gpointer *) data = GINT_TO_POINTER (1);
    }
}

/* The app reads the file in a worker thread; Cancel answers at once. */
static void
test_read_in_thread (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = write_file ("thread.csv", "Enhet;Period;Nyckeltal;Värde\nMottagning Öst;2025 T2;vfu_places;3\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gpointer result = NULL;

  styrkort_import_source_read_async (csv, NULL, NULL, on_source_read, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (((StyrkortImportSource *) result)->path, ==, csv);
  styrkort_import_source_free (result);

  result = NULL;
  styrkort_import_source_read_async (csv, NULL, cancellable, on_source_read, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (result == GINT_TO_POINTER (1));
}

/* Issue 16 -------------------------------------------------------------------- */

/* A title line with a comma above a semicolon table: the separator comes
 * from the lines that agree, not from the first line alone. */
static void
test_separator_from_several_lines (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = write_file ("titel.csv",
    "Personaluttag, HR\n"
    "Enhet;Period;Nyckeltal;Värde\n"
    "Mottagning Öst;2025 T1;consultants;2\n"
    "Mottagning Öst;2025 T2;sick_leave;6,5\n"
    "Mottagning Öst;2025 T3;sick_leave;7,5\n");
  g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);

  g_assert_cmpint (styrkort_csv_guess_separator ("Personaluttag, HR\nA;B;C\n1;2;3\n4;5,5;6\n"), ==, ';');
  g_assert_cmpint (styrkort_csv_guess_separator ("\"A;x\",B,C\n1,2,3\n"), ==, ',');
  g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 3);
  g_assert_cmpfloat (row_on_line (plan, 4, 0)->value.value, ==, 6.5);
}

/* UTF-16 text with "\n" line ends from @utf8, little or big endian, with its byte-order mark. */
static char *
write_utf16 (const char *name, const char *utf8, gboolean little)
{
  g_autoptr(GError) error = NULL;
  gsize n = 0;
  g_autofree char *body = g_convert (utf8, -1, little ? "UTF-16LE" : "UTF-16BE", "UTF-8", NULL, &n, &error);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  char *path = test_path (name);

  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) (little ? "\xff\xfe" : "\xfe\xff"), 2);
  g_byte_array_append (bytes, (const guint8 *) body, (guint) n);
  test_write_bytes (path, bytes->data, bytes->len);
  return path;
}

/* Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated.
 * Was refused as "not a text file". */
static void
test_utf16_text (Fixture *f, gconstpointer data)
{
  const char *table = "Enhet\tPeriod\tNyckeltal\tVärde\r\nMottagning Öst\t2025 T2\tSjukfrånvaro\t6,5\r\n";

  for (int little = 0; little <= 1; little++)
    {
      g_autofree char *path = write_utf16 (little ? "le.txt" : "be.txt", table, little);
      g_autoptr(StyrkortImportPlan) plan = plan_for (f, path, NULL);
      g_assert_cmpuint (styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW), ==, 1);
      g_assert_cmpfloat (row_on_line (plan, 2, 0)->value.value, ==, 6.5);
    }
  /* A lone surrogate on line 3: named, in words. */
  {
    g_autoptr(GError) error = NULL;
    const char bad[] = "\xff\xfe" "A\0\n\0B\0\n\0" "\x00\xd8" "C\0\n\0";
    g_autofree char *path = test_path ("bad16.txt");
    test_write_bytes (path, bad, sizeof bad - 1);
    g_assert_null (styrkort_import_source_open (path, NULL, &error));
    g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Line 3 "));
  }
}

/* A byte that Windows-1252 does not have: the line, not GLib's "Invalid
 * byte sequence in conversion input". */
static void
test_invalid_bytes_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = write_file ("trasig.csv", "Enhet;V\xe4rde\nA;1\nB\x81;2\n");

  g_assert_null (styrkort_import_source_open (csv, NULL, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_assert_null (strstr (error->message, "Invalid byte sequence"));
  g_assert_nonnull (strstr (error->message, "“trasig.csv”: Line 3 "));
  g_assert_nonnull (strstr (error->message, "CSV UTF-8"));
}

/* --sheet with a typo: refused, naming the sheets, instead of reading the first. */
static void
test_unknown_sheet_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("blad.xlsx");
  lxw_workbook *wb = workbook_new (path);
  g_autoptr(StyrkortImportSource) right = NULL;

  worksheet_write_string (workbook_add_worksheet (wb, "Uttag"), 0, 0, "Enhet", NULL);
  worksheet_write_string (workbook_add_worksheet (wb, "Tertial 2"), 0, 0, "Enhet", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  g_assert_null (styrkort_import_source_open (path, "Tertial2", &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "“blad.xlsx” has no sheet “Tertial2”. Its sheets are “Uttag”, “Tertial 2”: choose one of them.");
  right = styrkort_import_source_open (path, "Tertial 2", NULL);
  g_assert_cmpstr (right->sheet_name, ==, "Tertial 2");
}

/* Dates as spreadsheets export them (with a time; day.month.year), and
 * a refused period that lists the forms that work. */
static void
test_date_forms (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = write_file ("datum.csv",
    "Enhet;Datum;Nyckeltal;Värde\n"
    "Mottagning Öst;2025-04-30 00:00:00;consultants;1\n"
    "Mottagning Öst;30.12.2025;consultants;2\n"
    "Mottagning Öst;2025-08-31T12:30;consultants;3\n"
    "Mottagning Öst;april 2025;sick_leave;4\n"
    "Mottagning Öst;31.02.2025;sick_leave;5\n");
  g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);
  const char *forms = "Write the period as 2026 T2 or T2 2026, or a date as 2026-04-30, 2026-04-30 00:00:00, "
                      "30.04.2026 or 2026-04.";

  g_assert_cmpint (row_on_line (plan, 2, 0)->state, ==, STYRKORT_IMPORT_ROW_NEW);
  g_assert_cmpint (row_on_line (plan, 2, 0)->value.period.tertial, ==, 1);
  g_assert_cmpint (row_on_line (plan, 3, 0)->state, ==, STYRKORT_IMPORT_ROW_NEW);
  g_assert_cmpint (row_on_line (plan, 3, 0)->value.period.tertial, ==, 3);
  g_assert_cmpint (row_on_line (plan, 4, 0)->value.period.tertial, ==, 2);
  g_assert_nonnull (strstr (row_on_line (plan, 5, 0)->reason, "“april 2025” is neither a period nor a date."));
  g_assert_nonnull (strstr (row_on_line (plan, 5, 0)->reason, forms));
  g_assert_nonnull (strstr (row_on_line (plan, 6, 0)->reason, forms));
}

/* Reasons show the file's text as written and name its own headings. */
static void
test_reasons_in_the_files_words (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = write_file ("ord.csv",
    "Enhet;Period;Nyckeltal;Utfall\n"
    "Mottagning Öst;2025 T2;Sjukfrånvaro Extra;4\n"
    "Mottagning Öst;2025 T2;sick_leave;Tolv\n");
  g_autoptr(StyrkortImportPlan) plan = plan_for (f, csv, NULL);

  g_assert_cmpstr (row_on_line (plan, 2, 0)->reason, ==, "“Sjukfrånvaro Extra” is not an indicator of the catalogue.");
  g_assert_cmpstr (row_on_line (plan, 3, 0)->reason, ==, "“Tolv” in the column “Utfall” is not a number.");
}

/* "1,234" employees: a thousand and more, or 1.234? Marked ambiguous until
 * the decimal sign is known; rates and other forms read as before. */
static void
test_ambiguous_counts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = write_file ("antal.csv",
    "Enhet;Period;Nyckeltal;Antal\n"
    "Mottagning Öst;2025 T1;headcount;1,234\n"
    "Mottagning Öst;2025 T2;headcount;1.234\n"
    "Mottagning Öst;2025 T3;headcount;0,500\n"
    "Mottagning Öst;2025 T1;sick_leave;6,125\n"
    "Mottagning Öst;2025 T1;consultants;12\n");
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (csv, NULL, &error);
  g_autoptr(StyrkortImportMapping) mapping = styrkort_import_mapping_for_file (f->project, source, NULL);

  g_assert_no_error (error);
  mapping->columns[STYRKORT_FIELD_VALUE] = 3; /* "Antal": chosen in the dialog */
  {
    g_autoptr(StyrkortImportPlan) plan = styrkort_import_plan_new (f->project, source, mapping, &error);
    const StyrkortImportRow *row = row_on_line (plan, 2, 0);

    g_assert_no_error (error);
    g_assert_cmpint (row->state, ==, STYRKORT_IMPORT_ROW_REJECTED);
    g_assert_true (row->ambiguous_number);
    g_assert_cmpstr (row->reason, ==, "“1,234” in the column “Antal” can be read as a thousand and more or as a "
                                      "number with decimals: say which sign the file uses for decimals.");
    g_assert_true (row_on_line (plan, 3, 0)->ambiguous_number);
    g_assert_cmpint (row_on_line (plan, 4, 0)->state, ==, STYRKORT_IMPORT_ROW_NEW);
    g_assert_cmpint (row_on_line (plan, 5, 0)->state, ==, STYRKORT_IMPORT_ROW_NEW);
    g_assert_cmpfloat (row_on_line (plan, 5, 0)->value.value, ==, 6.125);
    g_assert_cmpint (row_on_line (plan, 6, 0)->state, ==, STYRKORT_IMPORT_ROW_NEW);
  }
  mapping->decimal_sign = STYRKORT_DECIMAL_COMMA;
  {
    g_autoptr(StyrkortImportPlan) plan = styrkort_import_plan_new (f->project, source, mapping, &error);
    g_assert_cmpfloat (row_on_line (plan, 2, 0)->value.value, ==, 1.234);
    g_assert_cmpfloat (row_on_line (plan, 3, 0)->value.value, ==, 1234);
  }
  mapping->decimal_sign = STYRKORT_DECIMAL_POINT;
  {
    g_autoptr(StyrkortImportMapping) back = NULL;
    g_autofree char *text = styrkort_import_mapping_to_string (mapping);
    g_autoptr(StyrkortImportPlan) plan = styrkort_import_plan_new (f->project, source, mapping, &error);
    g_assert_cmpfloat (row_on_line (plan, 2, 0)->value.value, ==, 1234);
    g_assert_cmpfloat (row_on_line (plan, 3, 0)->value.value, ==, 1.234);
    g_assert_false (row_on_line (plan, 2, 0)->ambiguous_number);
    /* Remembered with the mapping. */
    back = styrkort_import_mapping_from_string (text);
    g_assert_cmpint (back->decimal_sign, ==, STYRKORT_DECIMAL_POINT);
  }
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/import/csv-separators-and-encodings", test_csv_separators_and_encodings);
  ADD ("/core/import/long-csv-rejections-and-undo", test_long_csv_rejections_and_undo);
  ADD ("/core/import/comma-csv-with-dates", test_comma_csv_with_dates);
  ADD ("/core/import/wide-xlsx", test_wide_xlsx);
  ADD ("/core/import/conflicts-keep-or-replace", test_conflicts_keep_or_replace);
  ADD ("/core/import/rate-replacing-base", test_rate_replacing_base);
  ADD ("/core/import/read-in-thread", test_read_in_thread);
  ADD ("/core/import/unknown-unit-mapped", test_unknown_unit_mapped);
  ADD ("/core/import/mapping-remembered", test_mapping_remembered);
  g_test_add_func ("/core/import/round-trip-from-data-sheet", test_round_trip_from_data_sheet);
  ADD ("/core/import/other-district-refused", test_other_district_refused);
  g_test_add_func ("/core/import/not-a-table", test_not_a_table);
  ADD ("/core/import/separator-from-several-lines", test_separator_from_several_lines);
  ADD ("/core/import/utf16-text", test_utf16_text);
  g_test_add_func ("/core/import/invalid-bytes-named", test_invalid_bytes_named);
  g_test_add_func ("/core/import/unknown-sheet-refused", test_unknown_sheet_refused);
  ADD ("/core/import/date-forms", test_date_forms);
  ADD ("/core/import/reasons-in-the-files-words", test_reasons_in_the_files_words);
  ADD ("/core/import/ambiguous-counts", test_ambiguous_counts);
  return g_test_run ();
}
