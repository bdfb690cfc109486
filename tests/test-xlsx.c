/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The xlsx reader: our own workbook read back, the XML variants other
 * programs write, and files that are not (good) workbooks. */
#include <glib/gstdio.h>
#include <math.h>
#include <zip.h>

#include "styrkort-locale.h"
#include "styrkort-demo.h"
#include "styrkort-workbook.h"
#include "styrkort-xlsx.h"
#include "test-util.h"

/* Writes a zip with the given parts (name, content, name, content, …, NULL),
 * with libzip: no Python needed, so it runs on Windows too. */
static void
make_zip (const char *path, ...)
{
  int err = 0;
  zip_t *zip;
  const char *name;
  va_list args;

  g_remove (path);
  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  g_assert_nonnull (zip);
  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *content = va_arg (args, const char *);
      zip_source_t *source = zip_source_buffer (zip, g_strdup (content), strlen (content), 1);

      g_assert_nonnull (source);
      g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE), >=, 0);
    }
  va_end (args);
  g_assert_cmpint (zip_close (zip), ==, 0);
}

#define WORKBOOK \
  "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" \
  "<sheet name=\"Blad 1\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"
#define RELS \
  "<Relationships><Relationship Id=\"rId7\" Target=\"/xl/worksheets/sheet9.xml\" Type=\"x\"/></Relationships>"

static void
test_variants (void)
{
  g_autofree char *path = test_path ("andra.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) xlsx = NULL;
  g_autoptr(StyrkortSheet) sheet = NULL;
  const StyrkortCell *c;

  make_zip (path,
            "xl/workbook.xml", WORKBOOK,
            "xl/_rels/workbook.xml.rels", RELS,
            "xl/sharedStrings.xml",
            "<sst><si><t>Enhet</t></si><si><r><t>Enheten för </t></r><r><t>äldre</t></r>"
            "<rPh><t>ignored</t></rPh></si></sst>",
            "xl/worksheets/sheet9.xml",
            "<x:worksheet xmlns:x=\"s\"><x:sheetData>"
            "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t>Värde</x:t></x:is></x:c></x:row>"
            "<x:row r=\"3\"><x:c r=\"A3\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"B3\" t=\"b\"><x:v>1</x:v></x:c>"
            "<x:c r=\"C3\"><x:v>12.5</x:v></x:c><x:c r=\"D3\" t=\"e\"><x:v>#N/A</x:v></x:c>"
            "<x:c r=\"E3\" t=\"str\"><x:f>A1</x:f><x:v>Enhet</x:v></x:c><x:c r=\"AA3\"><x:v>-3E2</x:v></x:c></x:row>"
            "</x:sheetData></x:worksheet>",
            NULL);
  xlsx = styrkort_xlsx_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (styrkort_xlsx_sheet_names (xlsx)[0], ==, "Blad 1");
  g_assert_null (styrkort_xlsx_sheet_names (xlsx)[1]);
  sheet = styrkort_xlsx_read_sheet (xlsx, "Blad 1", &error);
  g_assert_no_error (error);
  c = styrkort_sheet_cell (sheet, 0, 0);
  g_assert_cmpint (c->type, ==, STYRKORT_CELL_TEXT);
  g_assert_cmpstr (c->text, ==, "Enhet");
  g_assert_cmpint (styrkort_sheet_cell (sheet, 0, 1)->type, ==, STYRKORT_CELL_EMPTY);
  g_assert_cmpstr (styrkort_sheet_cell (sheet, 0, 2)->text, ==, "Värde");
  g_assert_cmpint (styrkort_sheet_cell (sheet, 1, 0)->type, ==, STYRKORT_CELL_EMPTY); /* row 2 absent */
  g_assert_cmpstr (styrkort_sheet_cell (sheet, 2, 0)->text, ==, "Enheten för äldre");
  g_assert_cmpint (styrkort_sheet_cell (sheet, 2, 1)->type, ==, STYRKORT_CELL_BOOL);
  g_assert_cmpfloat (styrkort_sheet_cell (sheet, 2, 2)->number, ==, 12.5);
  g_assert_cmpint (styrkort_sheet_cell (sheet, 2, 3)->type, ==, STYRKORT_CELL_ERROR);
  g_assert_cmpstr (styrkort_sheet_cell (sheet, 2, 4)->text, ==, "Enhet");
  g_assert_cmpfloat (styrkort_sheet_cell (sheet, 2, 26)->number, ==, -300);
  g_assert_cmpint (styrkort_sheet_cell (sheet, 99, 99)->type, ==, STYRKORT_CELL_EMPTY);
}

/* Our own workbook: its Data sheet holds what the file holds. */
static void
test_own_workbook (void)
{
  g_autofree char *db = test_path ("demo.styrkort");
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *xlsx_path = g_build_filename (folder, "demo.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  g_autoptr(StyrkortXlsx) xlsx = NULL;
  g_autoptr(StyrkortSheet) data = NULL;
  double sum = 0, women = 0;
  guint rows = 0;

  g_assert_true (styrkort_workbook_export (p, styrkort_demo_last_period (), xlsx_path, &error));
  xlsx = styrkort_xlsx_open (xlsx_path, &error);
  g_assert_no_error (error);
  data = styrkort_xlsx_read_sheet (xlsx, "Data", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (styrkort_sheet_cell (data, 0, 5)->text, ==, "Nyckeltal");
  for (guint r = 1; r < data->rows->len; r++)
    {
      const StyrkortCell *value = styrkort_sheet_cell (data, r, 6), *w = styrkort_sheet_cell (data, r, 7);
      if (styrkort_sheet_cell (data, r, 0)->type == STYRKORT_CELL_EMPTY)
        continue;
      rows++;
      g_assert_cmpstr (styrkort_sheet_cell (data, r, 0)->text, ==, "Stadsdel Exempel");
      if (value->type == STYRKORT_CELL_NUMBER)
        sum += value->number;
      if (w->type == STYRKORT_CELL_NUMBER)
        women += w->number;
    }
  g_assert_cmpint (rows, ==, test_sql_int (db, "SELECT count(*) FROM indicator_value"));
  g_assert_cmpint (llround (sum * 1000), ==, test_sql_int (db, "SELECT round(sum(value) * 1000) FROM indicator_value"));
  g_assert_cmpint (llround (women * 1000), ==, test_sql_int (db, "SELECT round(sum(women) * 1000) FROM indicator_value"));
}

/* Cells that use one shared string share its text rather than a copy each
 * (one 20 MB string in 2,000 cells once took 40 GB), and rows without cells
 * share one empty array: a cell in the last row costs no array per row. */
static void
test_shared_and_sparse (void)
{
  g_autofree char *path = test_path ("gles.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) xlsx = NULL;
  g_autoptr(StyrkortSheet) sheet = NULL;
  const StyrkortCell *first, *second, *last;

  make_zip (path,
            "xl/workbook.xml", WORKBOOK,
            "xl/_rels/workbook.xml.rels", RELS,
            "xl/sharedStrings.xml", "<sst><si><t>Enheten för vuxna</t></si></sst>",
            "xl/worksheets/sheet9.xml",
            "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c></row>"
            "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
            NULL);
  xlsx = styrkort_xlsx_open (path, &error);
  g_assert_no_error (error);
  sheet = styrkort_xlsx_read_sheet (xlsx, "Blad 1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, 1048576);
  first = styrkort_sheet_cell (sheet, 0, 0);
  second = styrkort_sheet_cell (sheet, 0, 1);
  last = styrkort_sheet_cell (sheet, 1048575, 16383);
  g_assert_cmpstr (last->text, ==, "Enheten för vuxna");
  g_assert_true (first->text == second->text);
  g_assert_true (first->text == last->text);
  g_assert_true (sheet->rows->pdata[1] == sheet->rows->pdata[524288]);
  g_assert_cmpuint (((GArray *) sheet->rows->pdata[1])->len, ==, 0);
  g_assert_cmpuint (((GArray *) sheet->rows->pdata[1048575])->len, ==, 16384);
}

static void
assert_refused (const char *path, int code, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) xlsx = styrkort_xlsx_open (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (xlsx);
  g_assert_error (error, STYRKORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_bad_files (void)
{
  g_autofree char *text = test_path ("text.xlsx");
  g_autofree char *ole = test_path ("losenord.xlsx");
  g_autofree char *plain_zip = test_path ("arkiv.xlsx");
  g_autofree char *truncated = test_path ("avkortad.xlsx");
  g_autofree char *broken_xml = test_path ("trasig.xlsx");
  g_autofree char *missing = test_path ("saknas.xlsx");
  g_autofree char *source = test_path ("hel.xlsx");
  static const guchar ole_header[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0 };
  g_autofree char *data = NULL;
  gsize length;

  test_write_bytes (text, "Enhet;Värde\n", 12);
  assert_refused (text, STYRKORT_ERROR_FOREIGN, "not an Excel workbook");
  test_write_bytes (ole, ole_header, sizeof ole_header);
  assert_refused (ole, STYRKORT_ERROR_FOREIGN, "password-protected");
  make_zip (plain_zip, "readme.txt", "hej", NULL);
  assert_refused (plain_zip, STYRKORT_ERROR_FOREIGN, "zip archive but not an Excel workbook");
  make_zip (source, "xl/workbook.xml", WORKBOOK, "xl/_rels/workbook.xml.rels", RELS,
            "xl/worksheets/sheet9.xml", "<worksheet><sheetData></sheetData></worksheet>", NULL);
  g_assert_true (g_file_get_contents (source, &data, &length, NULL));
  test_write_bytes (truncated, data, length - 30);
  assert_refused (truncated, STYRKORT_ERROR_CORRUPT, "damaged");
  make_zip (broken_xml, "xl/workbook.xml", "<workbook><sheets><sheet name=\"A\"", "xl/_rels/workbook.xml.rels", RELS, NULL);
  assert_refused (broken_xml, STYRKORT_ERROR_CORRUPT, "damaged");
  assert_refused (missing, STYRKORT_ERROR_NOT_FOUND, "does not exist");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StyrkortXlsx) xlsx = styrkort_xlsx_open (source, &error);
    g_autoptr(StyrkortSheet) sheet = styrkort_xlsx_read_sheet (xlsx, "Data", &error);
    g_assert_null (sheet);
    g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN);
    g_assert_nonnull (strstr (error->message, "no sheet “Data”"));
  }
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/xlsx/variants", test_variants);
  g_test_add_func ("/core/xlsx/own-workbook", test_own_workbook);
  g_test_add_func ("/core/xlsx/bad-files", test_bad_files);
  g_test_add_func ("/core/xlsx/shared-and-sparse", test_shared_and_sparse);
  return g_test_run ();
}
