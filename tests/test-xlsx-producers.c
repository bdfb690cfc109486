/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The xlsx reader on files that other programs make: small files written by
 * tests/fixtures/xlsx/make.py the way some producer writes them, and real
 * workbooks from other projects in tests/fixtures/xlsx/corpus/, cell by cell
 * against the values openpyxl reads (tests/corpus/README.md).
 *
 * `test-xlsx-producers --dump FILE…` prints every cell the reader returns
 * instead, one line each, for tests/corpus/compare.py. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "styrkort-city.h"
#include "styrkort-import.h"
#include "styrkort-locale.h"
#include "styrkort-xlsx.h"
#include "test-util.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "xlsx", name, NULL);
}

static StyrkortXlsx *
open_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  StyrkortXlsx *xlsx = styrkort_xlsx_open (path, &error);

  g_assert_no_error (error);
  return xlsx;
}

static StyrkortSheet *
read_fixture_sheet (const char *name, const char *sheet_name)
{
  g_autoptr(StyrkortXlsx) xlsx = open_fixture (name);
  g_autoptr(GError) error = NULL;
  StyrkortSheet *sheet = styrkort_xlsx_read_sheet (xlsx, sheet_name, &error);

  g_assert_no_error (error);
  return sheet;
}

static void
assert_number (const StyrkortSheet *sheet, guint row, guint column, double expected)
{
  const StyrkortCell *cell = styrkort_sheet_cell (sheet, row, column);

  g_assert_cmpint (cell->type, ==, STYRKORT_CELL_NUMBER);
  g_assert_cmpfloat (cell->number, ==, expected);
}

static void
assert_text (const StyrkortSheet *sheet, guint row, guint column, const char *expected)
{
  const StyrkortCell *cell = styrkort_sheet_cell (sheet, row, column);

  g_assert_cmpint (cell->type, ==, STYRKORT_CELL_TEXT);
  g_assert_cmpstr (cell->text, ==, expected);
}

/* Importing: a district with one unit, and the plan for a file ------------- */

typedef struct {
  char *path;
  StyrkortProject *project;
} District;

static void
district_set_up (District *d, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) operations = NULL;

  d->path = test_path ("district.styrkort");
  file = g_file_new_for_path (d->path);
  d->project = styrkort_project_create (file, "Stadsdel Test", &error);
  g_assert_no_error (error);
  operations = styrkort_project_list_operations (d->project);
  styrkort_project_add_unit (d->project, "Mottagning Öst", ((StyrkortOperation *) operations->pdata[0])->id, &error);
  g_assert_no_error (error);
}

static void
district_tear_down (District *d, gconstpointer data)
{
  styrkort_project_close (d->project);
  g_clear_object (&d->project);
  g_free (d->path);
}

/* The rows of the import plan for fixture @name's first (default) sheet. */
static StyrkortImportPlan *
plan_for (District *d, const char *name, char **sheet_name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (path, NULL, &error);
  g_autoptr(StyrkortImportMapping) mapping = NULL;
  StyrkortImportPlan *plan;

  g_assert_no_error (error);
  if (sheet_name != NULL)
    *sheet_name = g_strdup (source->sheet_name);
  mapping = styrkort_import_mapping_guess (d->project, source);
  plan = styrkort_import_plan_new (d->project, source, mapping, &error);
  g_assert_no_error (error);
  return plan;
}

static const StyrkortImportRow *
plan_row (StyrkortImportPlan *plan, guint line)
{
  GPtrArray *rows = styrkort_import_plan_rows (plan);

  for (guint i = 0; i < rows->len; i++)
    if (((StyrkortImportRow *) rows->pdata[i])->line == line)
      return rows->pdata[i];
  g_assert_not_reached ();
}

static void
assert_figure (StyrkortImportPlan *plan, guint line, double value, int year, int tertial)
{
  const StyrkortImportRow *row = plan_row (plan, line);

  g_assert_cmpstr (row->reason, ==, NULL);
  g_assert_cmpint (row->state, ==, STYRKORT_IMPORT_ROW_NEW);
  g_assert_cmpfloat (row->value.value, ==, value);
  g_assert_cmpint (row->value.period.year, ==, year);
  g_assert_cmpint (row->value.period.tertial, ==, tertial);
}

/* 1. Percentages ------------------------------------------------------------ */

/* A cell shown as 12.5 % holds 0.125; people mean 12.5. A % in quotes or
 * escaped is text, not a percentage: Styrkort's own 0.0" %" is not one. */
static void
test_percent_cells (void)
{
  g_autoptr(StyrkortSheet) sheet = read_fixture_sheet ("percent.xlsx", "Formats");

  assert_number (sheet, 0, 0, 12.5);   /* built-in 9, 0% */
  assert_number (sheet, 0, 1, 7.3);    /* 0.0%: not 7.300000000000001 */
  assert_number (sheet, 0, 2, 73.5);   /* 0.0" %" */
  assert_number (sheet, 0, 3, 0.5);    /* 0.0\% */
  assert_number (sheet, 0, 4, 25);     /* [Red]0% */
  assert_number (sheet, 0, 5, 0.25);   /* style 0, though cellStyleXfs 0 is 0% */
  assert_number (sheet, 0, 6, 1.25);   /* built-in 10, 0.00% */
  assert_number (sheet, 0, 7, 0.25);   /* no style */
}

static void
test_percent_import (District *d, gconstpointer data)
{
  g_autoptr(StyrkortImportPlan) plan = plan_for (d, "percent.xlsx", NULL);

  assert_figure (plan, 2, 6.5, 2025, 2);
  assert_figure (plan, 3, 12.5, 2025, 3);
}

/* 2. Dates ------------------------------------------------------------------ */

static void
test_date1904_cells (void)
{
  g_autoptr(StyrkortSheet) sheet = read_fixture_sheet ("date1904.xlsx", "Cells");
  g_autoptr(StyrkortSheet) spelled = read_fixture_sheet ("date1904-true.xlsx", "Cells");

  /* 2025-05-01: 44316 in the 1904 system, 45778 in the 1900 one. */
  assert_number (sheet, 0, 0, 45778);
  assert_number (sheet, 0, 1, 100);     /* not a date: as it is */
  assert_number (sheet, 0, 2, 10.5);    /* [h]:mm: 10 hours 30 minutes */
  assert_number (sheet, 0, 3, 0.25);    /* h:mm: 6 in the morning */
  assert_number (sheet, 0, 4, 30.5);    /* built-in 46, [h]:mm:ss */
  assert_number (spelled, 0, 0, 45778); /* date1904="true" */
}

static void
test_date1904_import (District *d, gconstpointer data)
{
  g_autoptr(StyrkortImportPlan) plan = plan_for (d, "date1904.xlsx", NULL);

  assert_figure (plan, 2, 6.5, 2025, 2); /* 2025-06-15, not 2021-06-14 */
}

static void
test_iso_date_cells (void)
{
  g_autoptr(StyrkortSheet) sheet = read_fixture_sheet ("iso-dates.xlsx", "Cells");

  assert_number (sheet, 0, 0, 46142);     /* 2026-04-30 */
  assert_number (sheet, 0, 1, 46142.75);  /* at 18:00 */
  assert_number (sheet, 0, 2, 1);         /* Excel's day 1 */
  assert_number (sheet, 0, 3, 0.5);       /* noon */
  assert_text (sheet, 0, 4, "soon");      /* not a date: the text */
}

static void
test_iso_date_import (District *d, gconstpointer data)
{
  g_autoptr(StyrkortImportPlan) plan = plan_for (d, "iso-dates.xlsx", NULL);

  assert_figure (plan, 2, 6.5, 2026, 1);
}

/* 3. Packages --------------------------------------------------------------- */

static void
test_byte_order_marks (void)
{
  g_autoptr(StyrkortSheet) sheet = read_fixture_sheet ("bom.xlsx", "Blad1");

  assert_number (sheet, 0, 0, 1);
  assert_text (sheet, 0, 1, "Enhet");
}

static void
test_namespace_prefixes (void)
{
  g_autoptr(StyrkortSheet) sheet = read_fixture_sheet ("prefixes.xlsx", "Data");

  assert_number (sheet, 0, 0, 42);
}

static void
test_workbook_path (void)
{
  g_autoptr(StyrkortSheet) sheet = read_fixture_sheet ("workbook-path.xlsx", "Ett");

  assert_text (sheet, 0, 0, "Hittad");
  assert_number (sheet, 0, 1, 7);
}

static void
test_hidden_and_chart_sheets (District *d, gconstpointer data)
{
  g_autoptr(StyrkortXlsx) xlsx = open_fixture ("hidden-first.xlsx");
  const char * const *names = styrkort_xlsx_sheet_names (xlsx);
  g_autofree char *sheet_name = NULL;
  g_autoptr(StyrkortImportPlan) plan = plan_for (d, "hidden-first.xlsx", &sheet_name);

  /* The chart sheet holds no cells and is not offered. */
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 3);
  g_assert_cmpstr (names[0], ==, "Listor");
  g_assert_cmpstr (names[1], ==, "Tom");
  g_assert_cmpstr (names[2], ==, "Siffror");
  g_assert_true (styrkort_xlsx_sheet_is_hidden (xlsx, "Listor"));
  g_assert_false (styrkort_xlsx_sheet_is_hidden (xlsx, "Siffror"));
  g_assert_cmpstr (sheet_name, ==, "Siffror");
  assert_figure (plan, 2, 6.5, 2025, 2);
}

/* 5. A zip whose local headers differ from its central directory. */
static void
test_local_headers (void)
{
  g_autoptr(StyrkortSheet) sheet = read_fixture_sheet ("local-headers.xlsx", "Blad1");

  assert_number (sheet, 0, 0, 3.25);
}

/* 4. Texts ------------------------------------------------------------------ */

static void
test_texts (void)
{
  g_autoptr(StyrkortSheet) sheet = read_fixture_sheet ("texts.xlsx", "Blad1");

  assert_text (sheet, 0, 0, "Värde <1>");              /* inline CDATA */
  assert_text (sheet, 0, 1, "Text");                   /* <v> and <is>: the inline string */
  assert_text (sheet, 0, 2, "A\rB");                   /* runs, escape, no phonetic run */
  assert_text (sheet, 0, 3, "Delad <text> & mer");     /* shared CDATA */
  assert_text (sheet, 0, 4, "rad 1\rrad 2");
  assert_text (sheet, 0, 5, "_x000D_");                /* an escaped escape */
  assert_text (sheet, 0, 6, "\xf0\x9f\x98\x80 _x0000_ _x12_"); /* a pair; NUL and short ones stay */
  assert_text (sheet, 0, 7, "bara v");                 /* inlineStr with only <v> */
}

/* 6. Passwords -------------------------------------------------------------- */

#define PASSWORD_MESSAGE \
  "“pass_protected.xlsx” is protected with a password. Open it in Excel, remove the password (File › Info › " \
  "Protect Workbook), save, and import again."

/* A real one, made by Excel (calamine's tests/pass_protected.xlsx): the
 * import and the city's merge both say how to remove the password. */
static void
test_password (void)
{
  g_autofree char *path = fixture ("corpus/pass_protected.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortImportSource) source = styrkort_import_source_open (path, NULL, &error);
  g_autoptr(StyrkortCity) city = NULL;

  g_assert_null (source);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN);
  g_assert_cmpstr (error->message, ==, PASSWORD_MESSAGE);
  g_clear_error (&error);
  city = styrkort_city_new (&error);
  g_assert_no_error (error);
  g_assert_null (styrkort_city_add (city, path, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN);
  g_assert_cmpstr (error->message, ==, PASSWORD_MESSAGE);
}

/* Dumping: every cell, as tests/corpus/compare.py and the corpus check read ----- */

static void
append_escaped (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else
        g_string_append_c (out, *p);
    }
}

/* "sheet\trow\tcolumn\ttype\tvalue", 1-based; types n, s, b, e; numbers
 * with 17 digits whatever the locale. Empty texts are left out, as openpyxl
 * reads them as no value. */
static void
dump_cell (GString *out, const char *sheet, guint row, guint column, const StyrkortCell *cell)
{
  static const char types[] = { [STYRKORT_CELL_NUMBER] = 'n', [STYRKORT_CELL_TEXT] = 's',
                                [STYRKORT_CELL_BOOL] = 'b', [STYRKORT_CELL_ERROR] = 'e' };
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (cell->type == STYRKORT_CELL_EMPTY || (cell->type == STYRKORT_CELL_TEXT && *cell->text == '\0'))
    return;
  append_escaped (out, sheet);
  g_string_append_printf (out, "\t%u\t%u\t%c\t", row + 1, column + 1, types[cell->type]);
  if (cell->type == STYRKORT_CELL_TEXT || cell->type == STYRKORT_CELL_ERROR)
    append_escaped (out, cell->text);
  else
    g_string_append (out, g_ascii_formatd (number, sizeof number, "%.17g", cell->number));
  g_string_append_c (out, '\n');
}

/* Every worksheet's cells, or "ERROR\tmessage" for a file refused. */
static char *
dump_workbook (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) xlsx = styrkort_xlsx_open (path, &error);
  GString *out = g_string_new (NULL);

  if (xlsx == NULL)
    {
      g_string_append_printf (out, "ERROR\t%s\n", error->message);
      return g_string_free (out, FALSE);
    }
  for (const char * const *name = styrkort_xlsx_sheet_names (xlsx); *name != NULL; name++)
    {
      g_autoptr(StyrkortSheet) sheet = styrkort_xlsx_read_sheet (xlsx, *name, &error);
      if (sheet == NULL)
        {
          g_string_truncate (out, 0);
          g_string_append_printf (out, "ERROR\t%s\n", error->message);
          break;
        }
      for (guint r = 0; r < sheet->rows->len; r++)
        for (guint c = 0; c < ((GArray *) sheet->rows->pdata[r])->len; c++)
          dump_cell (out, *name, r, c, styrkort_sheet_cell (sheet, r, c));
    }
  return g_string_free (out, FALSE);
}

/* openpyxl gives a date's time to the millisecond (type d in FILE.cells):
 * within a millionth of a day of our serial number. */
static gboolean
same_date (const char *got, const char *expected)
{
  g_auto(GStrv) ours = g_strsplit (got, "\t", 5);
  g_auto(GStrv) theirs = g_strsplit (expected, "\t", 5);

  return g_strv_length (ours) == 5 && g_strv_length (theirs) == 5 && g_str_equal (ours[0], theirs[0]) &&
         g_str_equal (ours[1], theirs[1]) && g_str_equal (ours[2], theirs[2]) && g_str_equal (ours[3], "n") &&
         g_str_equal (theirs[3], "d") &&
         fabs (g_ascii_strtod (ours[4], NULL) - g_ascii_strtod (theirs[4], NULL)) <= 1e-6;
}

/* Real workbooks: what we read is what openpyxl read (FILE.cells, written
 * by tests/corpus/compare.py --expect). */
static void
test_corpus_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = fixture (name);
  g_autofree char *expected_path = g_strconcat (path, ".cells", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *got = dump_workbook (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) got_lines = NULL, expected_lines = NULL;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);
  got_lines = g_strsplit (got, "\n", -1);
  expected_lines = g_strsplit (expected, "\n", -1);
  for (guint i = 0; got_lines[i] != NULL && expected_lines[i] != NULL; i++)
    if (!same_date (got_lines[i], expected_lines[i]))
      g_assert_cmpstr (got_lines[i], ==, expected_lines[i]);
  g_assert_cmpuint (g_strv_length (got_lines), ==, g_strv_length (expected_lines));
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
add_corpus_tests (void)
{
  g_autofree char *folder = fixture ("corpus");
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xlsx") && !g_str_equal (name, "pass_protected.xlsx"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/core/xlsx-producers/corpus/%s", (char *) names->pdata[i]);
      g_test_add_data_func_full (test, g_strconcat ("corpus/", names->pdata[i], NULL), test_corpus_file, g_free);
    }
}

static int
dump (int argc, char **argv)
{
  for (int i = 2; i < argc; i++)
    {
      g_autofree char *cells = dump_workbook (argv[i]);
      fputs (cells, stdout);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  styrkort_locale_init ();
  if (argc > 1 && g_str_equal (argv[1], "--dump"))
    return dump (argc, argv);
  test_init_env ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/xlsx-producers/percent/cells", test_percent_cells);
  g_test_add ("/core/xlsx-producers/percent/import", District, NULL, district_set_up, test_percent_import,
              district_tear_down);
  g_test_add_func ("/core/xlsx-producers/date1904/cells", test_date1904_cells);
  g_test_add ("/core/xlsx-producers/date1904/import", District, NULL, district_set_up, test_date1904_import,
              district_tear_down);
  g_test_add_func ("/core/xlsx-producers/iso-dates/cells", test_iso_date_cells);
  g_test_add ("/core/xlsx-producers/iso-dates/import", District, NULL, district_set_up, test_iso_date_import,
              district_tear_down);
  g_test_add_func ("/core/xlsx-producers/package/byte-order-marks", test_byte_order_marks);
  g_test_add_func ("/core/xlsx-producers/package/namespace-prefixes", test_namespace_prefixes);
  g_test_add_func ("/core/xlsx-producers/package/workbook-path", test_workbook_path);
  g_test_add ("/core/xlsx-producers/package/hidden-and-chart-sheets", District, NULL, district_set_up,
              test_hidden_and_chart_sheets, district_tear_down);
  g_test_add_func ("/core/xlsx-producers/package/local-headers", test_local_headers);
  g_test_add_func ("/core/xlsx-producers/texts", test_texts);
  g_test_add_func ("/core/xlsx-producers/password", test_password);
  add_corpus_tests ();
  return g_test_run ();
}
