/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files made to harm, imported with styrkort-cli as a user would: each is
 * refused with a message naming the limit it passes, within a memory bound
 * that makes a regression abort instead of eating the machine. The files
 * are made here, at run time; none is committed. */
#include <sys/resource.h>
#include <sys/wait.h>
#include <zip.h>

#include "styrkort-csv.h"
#include "styrkort-locale.h"
#include "styrkort-types.h"
#include "test-util.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* Far above what any of these files may take (the target is 512 MB, see
 * tests/bench/hostile-readers), far below what the old reader took. */
#define MEMORY_BOUND_MB 1024

static char *district;

static void
limit_memory (gpointer data)
{
#ifndef UNDER_ASAN
  /* ASan reserves terabytes of address space; it gets hard_rss_limit_mb. */
  struct rlimit limit = { (rlim_t) MEMORY_BOUND_MB << 20, (rlim_t) MEMORY_BOUND_MB << 20 };
  setrlimit (RLIMIT_AS, &limit);
#endif
}

static char **
child_environment (void)
{
  char **env = g_get_environ ();
  const char *asan = g_environ_getenv (env, "ASAN_OPTIONS");
  g_autofree char *options = g_strdup_printf ("%s%shard_rss_limit_mb=%d:malloc_limit_mb=%d", asan ? asan : "",
                                              asan && *asan ? ":" : "", MEMORY_BOUND_MB + 512, MEMORY_BOUND_MB);
  return g_environ_setenv (env, "ASAN_OPTIONS", options, TRUE);
}

/* Runs `styrkort-cli import DISTRICT @input --dry-run`; returns its exit
 * status (-1 when it died) and its standard error in @err. */
static int
import (const char *input, char **err)
{
  const char *argv[] = { g_getenv ("STYRKORT_CLI"), "import", district, input, "--dry-run", NULL };
  g_auto(GStrv) env = child_environment ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  struct rusage usage;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, limit_memory, NULL, &out, err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_test_message ("%s: exit %d, peak of the children so far %ld MB: %s", input, status, usage.ru_maxrss / 1024,
                  *err);
  g_assert_cmpint (usage.ru_maxrss / 1024, <, MEMORY_BOUND_MB + 512);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
assert_refused (const char *input, const char *words)
{
  g_autofree char *err = NULL;
  g_autofree char *base = g_path_get_basename (input);

  g_assert_cmpint (import (input, &err), ==, 1);
  g_assert_nonnull (strstr (err, base));
  g_assert_nonnull (strstr (err, words));
}

/* An xlsx with one sheet "Blad1" holding @sheet and, when not NULL, the
 * shared strings @strings. */
static char *
write_xlsx (const char *name, const GString *sheet, const GString *strings)
{
  static const char workbook[] =
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  static const char rels[] =
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"x\"/></Relationships>";
  char *path = test_path (name);
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_file_add (zip, "xl/workbook.xml", zip_source_buffer (zip, workbook, strlen (workbook), 0),
                                 0), >=, 0);
  g_assert_cmpint (zip_file_add (zip, "xl/_rels/workbook.xml.rels", zip_source_buffer (zip, rels, strlen (rels), 0),
                                 0), >=, 0);
  g_assert_cmpint (zip_file_add (zip, "xl/worksheets/sheet1.xml",
                                 zip_source_buffer (zip, sheet->str, sheet->len, 0), 0), >=, 0);
  if (strings != NULL)
    g_assert_cmpint (zip_file_add (zip, "xl/sharedStrings.xml",
                                   zip_source_buffer (zip, strings->str, strings->len, 0), 0), >=, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);
  return path;
}

static GString *
sheet_xml (const char *rows)
{
  GString *xml = g_string_new ("<worksheet><sheetData>");
  g_string_append (xml, rows);
  g_string_append (xml, "</sheetData></worksheet>");
  return xml;
}

/* <row r="4294967295"> once wrapped to row -1 and allocated every row below. */
static void
test_xlsx_row_numbers (void)
{
  static const char *rows[] = {
    "<row r=\"1\"><c><v>1</v></c></row><row r=\"4294967295\"><c><v>2</v></c></row>",
    "<row r=\"400000000\"><c><v>2</v></c></row>",
    "<row r=\"2\"><c r=\"A400000000\"><v>2</v></c></row>",
    "<row r=\"-1\"><c><v>2</v></c></row>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GString) xml = sheet_xml (rows[i]);
      g_autofree char *name = g_strdup_printf ("rows-%u.xlsx", i);
      g_autofree char *path = write_xlsx (name, xml, NULL);
      assert_refused (path, "The sheet “Blad1” has more than 1,048,576 rows, more than a workbook can hold.");
    }
}

/* Rows counted on without r= pass the limit too. */
static void
test_xlsx_counted_rows (void)
{
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData><row r=\"1048575\"/>");
  g_autofree char *path = NULL;

  g_string_append (xml, "<row/><row><c><v>1</v></c></row></sheetData></worksheet>");
  path = write_xlsx ("counted.xlsx", xml, NULL);
  assert_refused (path, "more than 1,048,576 rows");
}

static void
test_xlsx_columns (void)
{
  g_autoptr(GString) far = sheet_xml ("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>");
  g_autoptr(GString) wrapping = sheet_xml ("<row r=\"1\"><c r=\"AAAAAAAAAAAAAB1\"><v>1</v></c></row>");
  g_autoptr(GString) counted = g_string_new ("<worksheet><sheetData><row>");
  g_autofree char *far_path = write_xlsx ("far.xlsx", far, NULL);
  g_autofree char *wrapping_path = write_xlsx ("wrapping.xlsx", wrapping, NULL);
  g_autofree char *counted_path = NULL;

  for (guint i = 0; i <= 16384; i++)
    g_string_append (counted, "<c><v>1</v></c>");
  g_string_append (counted, "</row></sheetData></worksheet>");
  counted_path = write_xlsx ("counted-columns.xlsx", counted, NULL);
  assert_refused (far_path, "more than 16,384 columns");
  assert_refused (wrapping_path, "more than 16,384 columns");
  assert_refused (counted_path, "more than 16,384 columns");
}

/* A cell in column XFD of each row: few bytes, 16,384 cells a row. */
static void
test_xlsx_cells (void)
{
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData>");
  g_autofree char *path = NULL;

  for (guint row = 1; row <= 250; row++)
    g_string_append_printf (xml, "<row r=\"%u\"><c r=\"XFD%u\"><v>1</v></c></row>", row, row);
  g_string_append (xml, "</sheetData></worksheet>");
  path = write_xlsx ("cells.xlsx", xml, NULL);
  assert_refused (path, "The sheet “Blad1” has more than 2,000,000 cells");
}

/* One 20 MB shared string used by 2,000 cells: once copied into each. */
static void
test_xlsx_shared_string_bomb (void)
{
  g_autoptr(GString) strings = g_string_new ("<sst><si><t>");
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData>");
  g_autofree char *path = NULL;
  guint32 seed = 1;

  /* Letters that do not repeat, so that the text packs too little for the
   * ratio check: this is about the limit on a text. */
  for (guint i = 0; i < 20 * 1000 * 1000; i++)
    {
      seed = seed * 1103515245 + 12345;
      g_string_append_c (strings, (char) ('a' + (seed >> 16) % 26));
    }
  g_string_append (strings, "</t></si></sst>");
  for (guint row = 1; row <= 2000; row++)
    g_string_append_printf (xml, "<row r=\"%u\"><c t=\"s\"><v>0</v></c></row>", row);
  g_string_append (xml, "</sheetData></worksheet>");
  path = write_xlsx ("shared.xlsx", xml, strings);
  g_string_free (g_steal_pointer (&strings), TRUE);
  assert_refused (path, "a text of more than 32,767 characters, more than a cell can hold");
}

static void
test_xlsx_inline_text (void)
{
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 40000; i++)
    g_string_append_c (xml, 'x');
  g_string_append (xml, "</t></is></c></row></sheetData></worksheet>");
  path = write_xlsx ("inline.xlsx", xml, NULL);
  assert_refused (path, "The sheet “Blad1” holds a text of more than 32,767 characters");
}

/* Half a million nested elements (the file seen had 50 million), few
 * enough bytes to pass the check of the packing ratio. */
static void
test_xlsx_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData>");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 500000; i++)
    g_string_append (xml, "<a>");
  for (guint i = 0; i < 500000; i++)
    g_string_append (xml, "</a>");
  g_string_append (xml, "</sheetData></worksheet>");
  path = write_xlsx ("nested.xlsx", xml, NULL);
  assert_refused (path, "nested more than 32 levels deep");
}

/* A sheet that unpacks past the budget (the one seen: 250 MB from 608 KB). */
static void
test_xlsx_huge_sheet (void)
{
  static const char row[] = "<row><c><v>1</v></c></row>";
  g_autoptr(GString) xml = g_string_sized_new (110 * 1000 * 1000);
  g_autofree char *path = NULL;

  g_string_append (xml, "<worksheet><sheetData>");
  while (xml->len < 101 * 1000 * 1000)
    g_string_append_len (xml, row, sizeof row - 1);
  g_string_append (xml, "</sheetData></worksheet>");
  path = write_xlsx ("huge.xlsx", xml, NULL);
  g_string_free (g_steal_pointer (&xml), TRUE); /* not to be counted in the child's memory */
  assert_refused (path, "The sheet “Blad1” unpacks to more than 100 MB");
}

/* 8 MB of empty rows pack a thousandfold: refused before unpacking. */
static void
test_xlsx_ratio (void)
{
  g_autoptr(GString) xml = g_string_new ("<worksheet><sheetData>");
  g_autofree char *path = NULL;

  while (xml->len < 8 * 1000 * 1000)
    g_string_append (xml, "<row/>");
  g_string_append (xml, "</sheetData></worksheet>");
  path = write_xlsx ("ratio.xlsx", xml, NULL);
  assert_refused (path, "The sheet “Blad1” unpacks to more than 200 times its packed size");
}

static char *
write_csv (const char *name, const GString *text)
{
  char *path = test_path (name);
  test_write_bytes (path, text->str, text->len);
  return path;
}

/* The file seen was 200 MB: 3.2 GB and 59 s. */
static void
test_csv_large_file (void)
{
  g_autoptr(GString) text = g_string_sized_new (70 * 1000 * 1000);
  g_autofree char *path = NULL;

  g_string_append (text, "Enhet;Nyckeltal;År;Tertial;Värde\n");
  while (text->len < 65 * 1000 * 1000)
    g_string_append (text, "Enheten för vuxna;Personalomsättning;2026;2;12,5\n");
  path = write_csv ("large.csv", text);
  g_string_free (g_steal_pointer (&text), TRUE);
  assert_refused (path, "The file is larger than 64 MB");
}

/* The line seen was 50 MB: over two minutes. */
static void
test_csv_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("Enhet;Värde\n");
  g_autofree char *path = NULL;

  while (text->len < 2 * 1000 * 1000)
    g_string_append (text, "1;");
  path = write_csv ("long-line.csv", text);
  assert_refused (path, "Line 2 is longer than 1 MB");
}

static void
test_csv_fields (void)
{
  g_autoptr(GString) text = g_string_new ("Enhet;Värde\n");
  g_autofree char *path = NULL;

  for (guint i = 0; i <= 16384; i++)
    g_string_append (text, "1;");
  path = write_csv ("fields.csv", text);
  assert_refused (path, "Line 2 has more than 16,384 fields");
}

static void
test_csv_rows (void)
{
  g_autoptr(GString) text = g_string_new ("Enhet;Värde\n");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 1048576; i++)
    g_string_append (text, "1\n");
  path = write_csv ("rows.csv", text);
  assert_refused (path, "The file has more than 1,048,576 rows");
}

/* A quoted field may span lines, but not past what a cell holds. */
static void
test_csv_long_field (void)
{
  g_autoptr(GString) text = g_string_new ("Enhet;Värde\n\"");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "Enheten för vuxna, Enheten för vuxna\n");
  g_string_append (text, "\";1\n");
  path = write_csv ("long-field.csv", text);
  assert_refused (path, "Line 1002 has a field of more than 32,767 characters");
}

static void
assert_csv_refused (const char *text, const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortSheet) sheet = styrkort_csv_parse (text, strlen (text), &error);

  g_assert_null (sheet);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_csv_unit (const char *text, const char *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortSheet) sheet = styrkort_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (styrkort_sheet_cell (sheet, 1, 0)->text, ==, unit);
}

/* One Windows-1252 line in a UTF-8 file once made the whole file
 * Windows-1252, and a unit "Enheten fÃ¶r vuxna". */
static void
test_csv_mixed_encoding (void)
{
  assert_csv_refused ("Enhet;Värde\nEnheten för vuxna;1\n\nA;2\nB;3\nC;4\nEnheten f\xf6r barn;5\n",
                      "Line 7 is not UTF-8 while the lines before it are: save the file as UTF-8 and import it "
                      "again.");
  assert_csv_refused ("\xef\xbb\xbf" "Enhet;Antal\nA;1\nEnheten f\xf6r barn;5\n",
                      "Line 3 is not UTF-8 while the lines before it are: save the file as UTF-8 and import it "
                      "again.");
  assert_csv_refused ("Enhet;V\xe4rde\nEnheten för vuxna;1\n",
                      "Line 2 is UTF-8 while the lines before it are not: save the file as UTF-8 and import it "
                      "again.");
  /* One encoding throughout, with plain ASCII lines anywhere, still reads. */
  assert_csv_unit ("Enhet;Antal\nEnheten f\xf6r vuxna;1\nA;2\n", "Enheten för vuxna");
  assert_csv_unit ("Enhet;Antal\nEnheten för vuxna;1\nA;2\nÄldre;3\n", "Enheten för vuxna");
  assert_csv_unit ("\xef\xbb\xbf" "Enhet;Antal\nEnheten för vuxna;1\n", "Enheten för vuxna");
}

/* At every limit, but not past it, a file still reads. */
static void
test_csv_at_limits (void)
{
  g_autoptr(GString) text = g_string_new ("Enhet;Värde\n\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortSheet) sheet = NULL;

  for (guint i = 0; i < 32767; i++)
    g_string_append (text, i % 2 ? "ö" : "\n");
  g_string_append (text, "\"");
  for (guint i = 1; i < 16384; i++)
    g_string_append (text, ";1");
  g_string_append (text, "\n");
  sheet = styrkort_csv_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (styrkort_sheet_cell (sheet, 1, 0)->text, -1), ==, 32767);
  g_assert_cmpstr (styrkort_sheet_cell (sheet, 1, 16383)->text, ==, "1");
}

int
main (int argc, char **argv)
{
  int status;

  test_init_env ();
  styrkort_locale_init ();
  g_test_init (&argc, &argv, NULL);
  district = test_path ("district.styrkort");
  {
    const char *new_argv[] = { g_getenv ("STYRKORT_CLI"), "new", district, "--district", "Stadsdel Exempel", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) new_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                                 NULL));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  g_test_add_func ("/hostile/xlsx/row-numbers", test_xlsx_row_numbers);
  g_test_add_func ("/hostile/xlsx/counted-rows", test_xlsx_counted_rows);
  g_test_add_func ("/hostile/xlsx/columns", test_xlsx_columns);
  g_test_add_func ("/hostile/xlsx/cells", test_xlsx_cells);
  g_test_add_func ("/hostile/xlsx/shared-string-bomb", test_xlsx_shared_string_bomb);
  g_test_add_func ("/hostile/xlsx/inline-text", test_xlsx_inline_text);
  g_test_add_func ("/hostile/xlsx/nesting", test_xlsx_nesting);
  g_test_add_func ("/hostile/xlsx/huge-sheet", test_xlsx_huge_sheet);
  g_test_add_func ("/hostile/xlsx/ratio", test_xlsx_ratio);
  g_test_add_func ("/hostile/csv/large-file", test_csv_large_file);
  g_test_add_func ("/hostile/csv/long-line", test_csv_long_line);
  g_test_add_func ("/hostile/csv/fields", test_csv_fields);
  g_test_add_func ("/hostile/csv/rows", test_csv_rows);
  g_test_add_func ("/hostile/csv/long-field", test_csv_long_field);
  g_test_add_func ("/hostile/csv/mixed-encoding", test_csv_mixed_encoding);
  g_test_add_func ("/hostile/csv/at-limits", test_csv_at_limits);
  return g_test_run ();
}
