/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city overview: fourteen district workbooks merged, city values checked
 * against sums computed straight from the district files, and every kind of
 * bad input named and skipped while the rest still loads. */
#include <glib/gstdio.h>
#include <math.h>

#include "styrkort-locale.h"
#include "styrkort-reading.h"
#include "styrkort-city.h"
#include "styrkort-demo.h"
#include "styrkort-workbook.h"
#include "styrkort-xlsx.h"
#include "test-util.h"

#define N_DISTRICTS 14

static char *folder;
static char *db_paths[N_DISTRICTS];
static char *xlsx_paths[N_DISTRICTS];

static void
make_districts (void)
{
  g_autofree char *first = test_path ("x");
  folder = g_path_get_dirname (first);
  for (int i = 0; i < N_DISTRICTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stadsdel %02d", i + 1);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(StyrkortProject) p = NULL;
      db_paths[i] = g_strdup_printf ("%s/%s.styrkort", folder, name);
      xlsx_paths[i] = g_strdup_printf ("%s/%s.xlsx", folder, name);
      file = g_file_new_for_path (db_paths[i]);
      p = styrkort_demo_create_named (file, 1000 + i, name, &error);
      g_assert_no_error (error);
      g_assert_true (styrkort_workbook_export (p, styrkort_demo_last_period (), xlsx_paths[i], &error));
    }
}

static StyrkortCity *
merged (void)
{
  g_autoptr(GError) error = NULL;
  StyrkortCity *city = styrkort_city_new (&error);
  for (int i = 0; i < N_DISTRICTS; i++)
    {
      StyrkortCitySource *source = styrkort_city_add (city, xlsx_paths[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (source->problems->len, ==, 0);
    }
  return city;
}

static gint
compare_doubles (const double *a, const double *b)
{
  return (*a > *b) - (*a < *b);
}

static double
sum_sql (const char *sql)
{
  double sum = 0;
  for (int i = 0; i < N_DISTRICTS; i++)
    {
      g_autofree char *text = test_sql_text (db_paths[i], sql);
      sum += text ? g_ascii_strtod (text, NULL) : 0;
    }
  return sum;
}

static void
test_city_values (void)
{
  g_autoptr(StyrkortCity) city = merged ();
  StyrkortPeriod t2 = styrkort_demo_last_period ();
  const char *where = "FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id"
                      " WHERE i.code = '%s' AND v.year = 2026 AND v.tertial = 2";
  g_autofree char *leavers_sql = g_strdup_printf ("SELECT sum(numerator) %s", where);
  g_autofree char *staff_sql = g_strdup_printf ("SELECT sum(denominator) %s", where);
  g_autofree char *leavers_q = g_strdup_printf (leavers_sql, "turnover");
  g_autofree char *staff_q = g_strdup_printf (staff_sql, "turnover");
  g_autofree char *vfu_q = g_strdup_printf ("SELECT sum(value) FROM indicator_value v JOIN indicator i"
                                            " ON i.id = v.indicator_id WHERE i.code = 'vfu_places' AND year = 2026 AND tertial = 2");
  double leavers = sum_sql (leavers_q), staff = sum_sql (staff_q), mean = 0;
  StyrkortTotal turnover = styrkort_city_total (city, "turnover", t2);
  StyrkortTotal vfu = styrkort_city_total (city, "vfu_places", t2);
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);

  g_assert_cmpuint (districts->len, ==, N_DISTRICTS);
  g_assert_cmpstr (districts->pdata[0], ==, "Stadsdel 01");
  /* Turnover: all leavers over all staff of the whole city. */
  g_assert_cmpfloat_with_epsilon (turnover.value, leavers / staff * 100, 1e-9);
  g_assert_true (turnover.exact);
  /* The parts of a city total are the districts: each one counts. */
  g_assert_cmpuint (turnover.n_parts, ==, N_DISTRICTS);
  g_assert_cmpuint (turnover.n_missing, ==, 0);
  for (guint d = 0; d < districts->len; d++)
    mean += styrkort_city_district_total (city, districts->pdata[d], "turnover", t2).value / N_DISTRICTS;
  g_assert_cmpfloat (fabs (mean - turnover.value), >, 0.01); /* the mean of the districts would differ */
  /* Counts: summed. */
  g_assert_cmpfloat_with_epsilon (vfu.value, sum_sql (vfu_q), 1e-9);
  /* One district's figure is the same as in its own file. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (db_paths[3]);
    g_autoptr(StyrkortProject) p = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY, NULL);
    g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (p, "sick_leave");
    StyrkortTotal own = styrkort_project_compute_total (p, ind->id, t2);
    StyrkortTotal seen = styrkort_city_district_total (city, "Stadsdel 04", "sick_leave", t2);
    g_assert_cmpfloat_with_epsilon (seen.value, own.value, 1e-9);
  }
}

static void
test_charts_and_status (void)
{
  g_autoptr(StyrkortCity) city = merged ();
  StyrkortPeriod t2 = styrkort_demo_last_period ();
  g_autoptr(StyrkortChart) ranking = styrkort_city_chart_ranking (city, "turnover", t2);
  g_autoptr(StyrkortChart) trend = styrkort_city_chart_trend (city, "turnover", t2, 9);
  g_autoptr(StyrkortChart) status = styrkort_city_chart_status (city, t2);
  g_autoptr(GPtrArray) slides = styrkort_city_slides (city, t2);
  g_autofree char *sql = NULL;
  int expected;

  g_assert_cmpuint (ranking->categories->len, ==, N_DISTRICTS);
  g_assert_cmpfloat_with_epsilon (ranking->reference, styrkort_city_total (city, "turnover", t2).value, 1e-9);
  g_assert_cmpuint (trend->series->len, ==, N_DISTRICTS + 1);
  g_assert_cmpuint (trend->categories->len, ==, 9);
  g_assert_cmpuint (status->categories->len, ==, N_DISTRICTS);
  g_assert_cmpuint (status->columns->len, ==, 16);
  /* The status matrix, then a ranking and a trend for every indicator with figures (all nine in the demo). */
  {
    gint64 with_figures = test_sql_int (db_paths[0], "SELECT count (DISTINCT indicator_id) FROM indicator_value"
                                                      " WHERE year = 2026 AND tertial = 2");
    g_assert_cmpint (with_figures, ==, 9);
    g_assert_cmpuint (slides->len, ==, 1 + 2 * with_figures);
  }
  /* The summary rule, from the file: any "needs attention", else the least advanced. */
  sql = g_strdup ("SELECT CASE WHEN sum(status = 'needs_attention') > 0 THEN 3 ELSE min(CASE status"
                  " WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END) END FROM assessment s"
                  " JOIN area a ON a.id = s.area_id WHERE a.key = 'a09' AND year = 2026 AND tertial = 2");
  expected = (int) test_sql_int (db_paths[6], sql);
  g_assert_cmpint (styrkort_city_area_status (city, "Stadsdel 07", "a09", t2), ==, expected);
  g_assert_cmpint (g_array_index (status->cells, int, 6 * 16 + 8), ==, expected);
  /* Each cell says which operations it rests on, as the file has them. */
  g_assert_cmpuint (status->cell_notes->len, ==, status->cells->len);
  {
    g_autofree char *operations = test_sql_text (db_paths[6], "SELECT group_concat (o.name_sv, '|') FROM assessment s"
                                                              " JOIN area a ON a.id = s.area_id JOIN operation o"
                                                              " ON o.id = s.operation_id WHERE a.key = 'a09'"
                                                              " AND year = 2026 AND tertial = 2");
    g_auto(GStrv) names = g_strsplit (operations, "|", -1);
    const char *note = status->cell_notes->pdata[6 * 16 + 8];
    g_assert_true (g_str_has_prefix (note, "9. Medhandläggarskap"));
    g_assert_cmpuint (g_strv_length (names), >, 0);
    for (guint i = 0; names[i] != NULL; i++)
      g_assert_nonnull (strstr (note, names[i]));
  }
  /* Drawn: no text off the canvas is checked by the chart tests; here: it draws. */
  for (guint i = 0; i < slides->len; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(StyrkortChartLayout) layout = styrkort_chart_draw (slides->pdata[i], cr, 1920, 1080, STYRKORT_CHART_PROJECTED);
      g_assert_cmpuint (layout->marks->len, >, 0);
      if (i < 3)
        {
          g_autofree char *name = g_strdup_printf ("%s/../charts-city-%u.png", g_getenv ("G_TEST_BUILDDIR"), i);
          cairo_surface_write_to_png (surface, name);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_merged_workbook (void)
{
  g_autoptr(StyrkortCity) city = merged ();
  g_autofree char *out = g_build_filename (folder, "Staden.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) xlsx = NULL;
  g_autoptr(StyrkortSheet) data = NULL;
  guint rows = 0;

  g_assert_true (styrkort_city_export (city, styrkort_demo_last_period (), out, &error));
  xlsx = styrkort_xlsx_open (out, &error);
  g_assert_no_error (error);
  data = styrkort_xlsx_read_sheet (xlsx, "Data", &error);
  for (guint r = 1; r < data->rows->len; r++)
    if (styrkort_sheet_cell (data, r, 0)->type == STYRKORT_CELL_TEXT)
      rows++;
  g_assert_cmpuint (rows, ==, (guint) sum_sql ("SELECT count(*) FROM indicator_value"));
}

/* Edits a copy of a workbook with openpyxl; rename(wb, name) renames its district. */
static char *
edited_copy_of (const char *from, const char *name, const char *python)
{
  g_autofree char *script = g_strdup_printf (
    "import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\n"
    "def rename(wb, name):\n"
    "  for sheet in ('Data', 'Bedömningar'):\n"
    "    for r in wb[sheet].iter_rows(min_row=2):\n"
    "      if r[0].value: r[0].value = name\n"
    "  for r in wb['Om'].iter_rows():\n"
    "    if r[0].value == 'Stadsdel': r[1].value = name\n"
    "%s\nwb.save(sys.argv[2])\n", python);
  char *out = g_build_filename (folder, name, NULL);
  char *argv[] = { (char *) "/usr/bin/python3", (char *) "-c", script, (char *) from, out, NULL };
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, NULL));
  if (status != 0)
    g_error ("%s", err);
  return out;
}

static char *
edited_copy (const char *name, const char *python)
{
  return edited_copy_of (xlsx_paths[0], name, python);
}

static void
assert_refused (StyrkortCity *city, const char *path, int code, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (styrkort_city_add (city, path, &error));
  g_assert_error (error, STYRKORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortCity) city = styrkort_city_new (&error);
  g_autofree char *foreign = edited_copy ("annat-program.xlsx", "for ws in wb.worksheets[1:]: wb.remove(ws)\nwb.worksheets[0].title='Blad1'");
  g_autofree char *newer = edited_copy ("nyare.xlsx", "ws=wb['Om']\nfor r in ws.iter_rows():\n  if r[0].value=='Dataformat (bladet Data)': r[1].value=3");
  g_autofree char *older = edited_copy ("aldre.xlsx", "ws=wb['Om']\nfor r in ws.iter_rows():\n  if r[0].value=='Dataformat (bladet Data)': r[1].value=0");
  g_autofree char *no_data = edited_copy ("utan-data.xlsx", "wb.remove(wb['Data'])");
  g_autofree char *text_value = edited_copy ("text-i-tal.xlsx", "wb['Data']['G2']='tolv'");
  g_autofree char *encrypted = g_build_filename (folder, "losenord.xlsx", NULL);
  g_autofree char *truncated = g_build_filename (folder, "avkortad.xlsx", NULL);
  g_autofree char *data = NULL;
  gsize length;
  StyrkortCitySource *first, *second, *partial;

  test_write_bytes (encrypted, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 encrypted", 18);
  g_assert_true (g_file_get_contents (xlsx_paths[1], &data, &length, NULL));
  test_write_bytes (truncated, data, length / 2);

  first = styrkort_city_add (city, xlsx_paths[0], &error);
  g_assert_no_error (error);
  assert_refused (city, foreign, STYRKORT_ERROR_FOREIGN, "not made by Styrkort");
  assert_refused (city, newer, STYRKORT_ERROR_TOO_NEW, "newer Styrkort");
  assert_refused (city, older, STYRKORT_ERROR_FOREIGN, "data format 0");
  assert_refused (city, no_data, STYRKORT_ERROR_FOREIGN, "no sheet “Data”");
  assert_refused (city, encrypted, STYRKORT_ERROR_FOREIGN, "password-protected");
  assert_refused (city, truncated, STYRKORT_ERROR_CORRUPT, "damaged");
  /* A value that is not a number: that row is skipped and named, the rest loads. */
  partial = styrkort_city_add (city, text_value, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (partial->problems->len, ==, 1);
  g_assert_nonnull (strstr (partial->problems->pdata[0], "row 2"));
  g_assert_nonnull (strstr (partial->problems->pdata[0], "tolv"));
  g_assert_nonnull (strstr (partial->problems->pdata[0], "text-i-tal.xlsx"));
  g_assert_cmpuint (partial->rows->len, ==, first->rows->len - 1);
  /* The same district twice: found, and the user chooses. */
  g_assert_true (styrkort_city_find_duplicate (city, partial) == first);
  styrkort_city_remove (city, partial);
  g_assert_null (styrkort_city_find_duplicate (city, first));
  /* A district file (.styrkort) is read too, with other periods than the rest. */
  {
    g_autofree char *path = g_build_filename (folder, "Liten.styrkort", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Lilla stadsdelen", &error);
    g_autoptr(StyrkortIndicator) vfu = styrkort_project_find_indicator (p, "vfu_places");
    g_autoptr(GArray) periods = NULL;
    StyrkortValue v;
    gint64 unit = styrkort_project_add_unit (p, "Enheten", 1, &error);
    styrkort_value_init (&v);
    v.indicator_id = vfu->id;
    v.unit_id = unit;
    v.period = (StyrkortPeriod) { 2019, 1 };
    v.value = 4;
    g_assert_true (styrkort_project_set_value (p, &v, &error));
    styrkort_project_close (p);
    second = styrkort_city_add (city, path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (second->district, ==, "Lilla stadsdelen");
    periods = styrkort_city_list_periods (city);
    g_assert_cmpint (g_array_index (periods, StyrkortPeriod, 0).year, ==, 2019);
    g_assert_cmpfloat (styrkort_city_total (city, "vfu_places", (StyrkortPeriod) { 2019, 1 }).value, ==, 4);
  }
  g_assert_cmpuint (styrkort_city_get_sources (city)->len, ==, 2);
}

/* The city's merged workbook is not a district: added, every sum would
 * double. It is refused, made now (it says so on Om), made by an older
 * version (Stadsdel "Staden") or renamed (its Data names many districts). */
static void
test_refuse_city_workbook (void)
{
  g_autoptr(StyrkortCity) city = merged ();
  StyrkortPeriod t2 = styrkort_demo_last_period ();
  g_autofree char *out = g_build_filename (folder, "Stadsöversikt-2026-T2.xlsx", NULL);
  g_autofree char *older = NULL, *renamed = NULL;
  g_autoptr(GError) error = NULL;
  double vfu = styrkort_city_total (city, "vfu_places", t2).value;
  const char *drop_marker = "ws=wb['Om']\nfor r in ws.iter_rows():\n  if r[0].value=='Arbetsbok': ws.delete_rows(r[0].row)\n";
  g_autofree char *rename_om = g_strdup_printf ("%sfor r in ws.iter_rows():\n  if r[0].value=='Stadsdel': r[1].value='Norr'",
                                                drop_marker);

  g_assert_true (styrkort_city_export (city, t2, out, &error));
  older = edited_copy_of (out, "Staden-gammal.xlsx", drop_marker);
  renamed = edited_copy_of (out, "Norr.xlsx", rename_om);
  for (guint i = 0; i < 3; i++)
    {
      const char *path = i == 0 ? out : i == 1 ? older : renamed;
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *expected = g_strdup_printf ("“%s” is the city’s merged workbook, not a district’s: it is not added. "
                                                   "Add the districts’ own workbooks; the city workbook is imported "
                                                   "into a district file to give it the city’s values.", base);
      g_clear_error (&error);
      g_assert_null (styrkort_city_add (city, path, &error));
      g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_FOREIGN);
      g_assert_cmpstr (error->message, ==, expected);
    }
  g_assert_cmpuint (styrkort_city_get_sources (city)->len, ==, N_DISTRICTS);
  g_assert_cmpfloat (styrkort_city_total (city, "vfu_places", t2).value, ==, vfu);
  /* A district taken out of the overview no longer counts. */
  {
    StyrkortCitySource *first = styrkort_city_get_sources (city)->pdata[0];
    double own = styrkort_city_district_total (city, first->district, "vfu_places", t2).value;
    g_autoptr(GPtrArray) left = NULL;
    styrkort_city_remove (city, first);
    left = styrkort_city_list_districts (city);
    g_assert_cmpuint (left->len, ==, N_DISTRICTS - 1);
    g_assert_cmpfloat_with_epsilon (styrkort_city_total (city, "vfu_places", t2).value, vfu - own, 1e-9);
  }
}

/* The same file twice (the same path, or the same bytes under another
 * name) is known as such; another file of the same district is not. */
static void
test_same_file (void)
{
  g_autoptr(StyrkortCity) city = styrkort_city_new (NULL);
  g_autofree char *copy = g_build_filename (folder, "kopia", "Stadsdel 01.xlsx", NULL);
  g_autofree char *dotted = g_build_filename (folder, ".", "Stadsdel 01.xlsx", NULL);
  g_autofree char *parent = g_path_get_dirname (copy);
  StyrkortCitySource *first = styrkort_city_add (city, xlsx_paths[0], NULL), *again, *same, *other, *project;

  g_mkdir_with_parents (parent, 0755);
  {
    g_autoptr(GFile) from = g_file_new_for_path (xlsx_paths[0]), to = g_file_new_for_path (copy);
    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  }
  again = styrkort_city_add (city, dotted, NULL);
  same = styrkort_city_add (city, copy, NULL);
  other = styrkort_city_add (city, xlsx_paths[1], NULL);
  project = styrkort_city_add (city, db_paths[0], NULL);
  g_assert_true (styrkort_city_find_same_file (city, again) == first);
  g_assert_true (styrkort_city_find_same_file (city, same) == first);
  g_assert_null (styrkort_city_find_same_file (city, other));
  /* The district file of the same district is another file: a real duplicate. */
  g_assert_null (styrkort_city_find_same_file (city, project));
  g_assert_true (styrkort_city_find_duplicate (city, project) == first);
  g_remove (copy);
  g_rmdir (parent);
}

/* A district without a figure: each city value says how many districts it
 * rests on and names the missing ones, in the overview and the workbook. */
static void
test_missing_district (void)
{
  g_autoptr(StyrkortCity) city = styrkort_city_new (NULL);
  StyrkortPeriod t2 = styrkort_demo_last_period ();
  g_autofree char *skarholmen = edited_copy ("Skärholmen.xlsx",
    "rename(wb, 'Skärholmen')\n"
    "for r in wb['Data'].iter_rows(min_row=2):\n"
    "  if r[5].value=='turnover' and r[1].value==2026 and r[2].value==2:\n"
    "    for c in r: c.value=None");
  g_autofree char *out = g_build_filename (folder, "Saknas.xlsx", NULL);
  g_autofree char *coverage = NULL, *full = NULL, *sv = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  StyrkortTotal turnover;
  gboolean noted = FALSE;

  for (int i = 1; i < N_DISTRICTS; i++)
    g_assert_nonnull (styrkort_city_add (city, xlsx_paths[i], NULL));
  g_assert_nonnull (styrkort_city_add (city, skarholmen, &error));
  g_assert_no_error (error);
  turnover = styrkort_city_total (city, "turnover", t2);
  g_assert_false (turnover.exact);
  g_assert_cmpuint (turnover.n_missing, ==, 1);
  missing = styrkort_city_missing_districts (city, "turnover", t2);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (missing->pdata[0], ==, "Skärholmen");
  coverage = styrkort_city_coverage (city, "turnover", t2);
  g_test_message ("%s", coverage);
  g_assert_nonnull (strstr (coverage, "13"));
  g_assert_nonnull (strstr (coverage, "14"));
  g_assert_nonnull (strstr (coverage, "Skärholmen"));
  sv = styrkort_city_coverage_sv (city, "turnover", t2);
  g_assert_cmpstr (sv, ==, "13 av 14 stadsdelar; saknas: Skärholmen");
  full = styrkort_city_coverage_sv (city, "vfu_places", t2);
  g_assert_cmpstr (full, ==, "14 av 14 stadsdelar");
  /* The workbook's note under the table names the missing district. */
  g_assert_true (styrkort_city_export (city, t2, out, &error));
  {
    g_autoptr(StyrkortXlsx) xlsx = styrkort_xlsx_open (out, &error);
    g_autoptr(StyrkortSheet) summary = styrkort_xlsx_read_sheet (xlsx, "Sammanfattning", &error);
    g_assert_no_error (error);
    for (guint r = 0; r < summary->rows->len; r++)
      {
        const StyrkortCell *c = styrkort_sheet_cell (summary, r, 0);
        if (c->type == STYRKORT_CELL_TEXT && g_str_has_prefix (c->text, "* Staden, Personalomsättning"))
          {
            g_test_message ("%s", c->text);
            noted = strstr (c->text, "13 av 14 stadsdelar; saknas: Skärholmen") != NULL;
          }
      }
  }
  g_assert_true (noted);
}

/* A count's city value is the districts' sum: its charts compare the
 * districts with their median. Rankings go best first by the indicator's
 * direction, numbered, and are drawn in that order. */
static void
test_rankings (void)
{
  g_autoptr(StyrkortCity) city = merged ();
  StyrkortPeriod t2 = styrkort_demo_last_period ();
  const char *codes[] = { "turnover", "vfu_places", "headcount" };

  for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
    {
      g_autoptr(StyrkortChart) chart = styrkort_city_chart_ranking (city, codes[k], t2);
      g_autoptr(StyrkortChart) trend = styrkort_city_chart_trend (city, codes[k], t2, 3);
      StyrkortChartSeries *series = chart->series->pdata[0];
      StyrkortBetter better = styrkort_city_indicator_better (city, codes[k]);
      gboolean count = styrkort_city_indicator_measure (city, codes[k]) == STYRKORT_MEASURE_COUNT;
      double max = 0;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(StyrkortChartLayout) layout = NULL;

      g_assert_cmpint (better, ==, k == 0 ? STYRKORT_BETTER_LOWER : k == 1 ? STYRKORT_BETTER_HIGHER : STYRKORT_BETTER_NONE);
      for (guint i = 0, r = 1; i < series->values->len; i++)
        {
          double v = g_array_index (series->values, double, i);
          g_autofree char *rank = NULL;
          /* Equal figures share a rank: 1., 2., 2., 4. */
          if (i > 0 && v != g_array_index (series->values, double, i - 1))
            r = i + 1;
          rank = g_strdup_printf ("%u. ", r);
          max = MAX (max, v);
          if (i > 0 && better == STYRKORT_BETTER_LOWER)
            g_assert_cmpfloat (g_array_index (series->values, double, i - 1), <=, v);
          else if (i > 0)
            g_assert_cmpfloat (g_array_index (series->values, double, i - 1), >=, v);
          /* Rank numbers where a direction is better. */
          g_test_message ("%s %g", (char *) chart->categories->pdata[i], v);
          g_assert_true (g_str_has_prefix (chart->categories->pdata[i], rank) == (better != STYRKORT_BETTER_NONE));
        }
      if (count)
        {
          g_assert_cmpfloat (chart->reference, ==, styrkort_city_median (city, codes[k], t2));
          g_assert_cmpfloat (chart->reference, <=, max);
          g_assert_cmpstr (chart->reference_label, ==, g_dgettext ("styrkort", "Median of the districts"));
          g_assert_cmpstr (((StyrkortChartSeries *) trend->series->pdata[0])->name, ==, chart->reference_label);
          g_assert_cmpfloat (g_array_index (((StyrkortChartSeries *) trend->series->pdata[0])->values, double, 2), ==,
                             chart->reference);
        }
      else
        {
          g_assert_cmpfloat (chart->reference, ==, styrkort_city_total (city, codes[k], t2).value);
          g_assert_cmpfloat (g_array_index (((StyrkortChartSeries *) trend->series->pdata[0])->values, double, 2), ==,
                             chart->reference);
        }
      /* Drawn top to bottom in the ranking's order. */
      layout = styrkort_chart_draw (chart, cr, 1280, 720, STYRKORT_CHART_SCREEN);
      for (guint m = 0; m < layout->marks->len; m++)
        for (guint n = 0; n < layout->marks->len; n++)
          {
            StyrkortChartMark *a = &g_array_index (layout->marks, StyrkortChartMark, m);
            StyrkortChartMark *b = &g_array_index (layout->marks, StyrkortChartMark, n);
            if (a->category < b->category)
              g_assert_cmpfloat (a->box.y, <, b->box.y);
          }
      /* Which side of the line is better: said in the title, and the bars on
       * the worse side are the lighter colour. */
      g_assert_cmpint (chart->better, ==, better);
      g_assert_true ((strstr (chart->title, better == STYRKORT_BETTER_LOWER ? "lower is better" : "higher is better") != NULL)
                     == (better != STYRKORT_BETTER_NONE));
      cairo_surface_flush (surface);
      for (guint m = 0; m < layout->marks->len; m++)
        {
          StyrkortChartMark *a = &g_array_index (layout->marks, StyrkortChartMark, m);
          gboolean worse = better == STYRKORT_BETTER_LOWER ? a->value > chart->reference
                         : better == STYRKORT_BETTER_HIGHER ? a->value < chart->reference : FALSE;
          unsigned char *data = cairo_image_surface_get_data (surface);
          guint32 pixel = *(guint32 *) (data + (int) (a->box.y + a->box.height / 2) * cairo_image_surface_get_stride (surface)
                                        + (int) (a->box.x + 2) * 4) & 0xffffff;
          if (a->box.width < 4)
            continue;
          g_assert_cmphex (pixel, ==, worse ? 0x9ecae1 : 0x0b5394);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  /* The median of an even number of districts is the mean of the middle two. */
  {
    g_autoptr(GPtrArray) districts = styrkort_city_list_districts (city);
    g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
    for (guint d = 0; d < districts->len; d++)
      {
        double v = styrkort_city_district_total (city, districts->pdata[d], "vfu_places", t2).value;
        g_array_append_val (values, v);
      }
    g_array_sort (values, (GCompareFunc) compare_doubles);
    g_assert_cmpfloat_with_epsilon (styrkort_city_median (city, "vfu_places", t2),
                                    (g_array_index (values, double, 6) + g_array_index (values, double, 7)) / 2, 1e-9);
  }
}

/* The merged workbook for people: Swedish area titles over the status
 * matrix, the status in words beside its code, the districts in Swedish
 * order (Å, Ä, Ö last, whatever the locale), a name with å/ä/ö. */
static void
test_workbook_for_people (void)
{
  g_autoptr(StyrkortCity) city = styrkort_city_new (NULL);
  StyrkortPeriod t2 = styrkort_demo_last_period ();
  const char *names[] = { "Östermalm", "Älvsjö", "Åby", "Bromma" };
  g_autofree char *file = styrkort_city_file_name (t2, "xlsx");
  g_autofree char *out = g_build_filename (folder, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortXlsx) xlsx = NULL;
  g_autoptr(StyrkortSheet) summary = NULL, data = NULL, assessments = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  gboolean headings = FALSE;

  g_assert_cmpstr (file, ==, "Stadsöversikt-2026-T2.xlsx");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *python = g_strdup_printf ("rename(wb, '%s')", names[i]);
      g_autofree char *base = g_strdup_printf ("%s.xlsx", names[i]);
      g_autofree char *path = edited_copy_of (xlsx_paths[i], base, python);
      g_assert_nonnull (styrkort_city_add (city, path, &error));
      g_assert_no_error (error);
    }
  g_assert_true (styrkort_city_export (city, t2, out, &error));
  xlsx = styrkort_xlsx_open (out, &error);
  g_assert_no_error (error);
  summary = styrkort_xlsx_read_sheet (xlsx, "Sammanfattning", NULL);
  data = styrkort_xlsx_read_sheet (xlsx, "Data", NULL);
  assessments = styrkort_xlsx_read_sheet (xlsx, "Bedömningar", NULL);
  g_assert_nonnull (summary);
  g_assert_nonnull (data);
  g_assert_nonnull (assessments);
  for (guint r = 0; r < summary->rows->len; r++)
    {
      const StyrkortCell *c = styrkort_sheet_cell (summary, r, 1);
      g_assert_false (c->type == STYRKORT_CELL_TEXT && g_str_equal (c->text, "a01"));
      if (c->type == STYRKORT_CELL_TEXT && g_str_equal (c->text, "1. Brukardelaktighet…"))
        {
          headings = TRUE;
          g_assert_cmpstr (styrkort_sheet_cell (summary, r, 13)->text, ==, "13. Lämpliga…");
          g_assert_cmpstr (styrkort_sheet_cell (summary, r, 14)->text, ==, "Hot och våld och säkerhet");
          g_assert_cmpstr (styrkort_sheet_cell (summary, r, 16)->text, ==, "Samverkan med universitet…");
        }
    }
  g_assert_true (headings);
  /* Data: the districts in Swedish order. */
  for (guint r = 1; r < data->rows->len; r++)
    {
      const StyrkortCell *c = styrkort_sheet_cell (data, r, 0);
      if (c->type == STYRKORT_CELL_TEXT && (order->len == 0 || !g_str_equal (order->pdata[order->len - 1], c->text)))
        g_ptr_array_add (order, c->text);
    }
  g_assert_cmpuint (order->len, ==, 4);
  g_assert_cmpstr (order->pdata[0], ==, "Bromma");
  g_assert_cmpstr (order->pdata[1], ==, "Åby");
  g_assert_cmpstr (order->pdata[2], ==, "Älvsjö");
  g_assert_cmpstr (order->pdata[3], ==, "Östermalm");
  /* Bedömningar: the machine columns as documented, the status in words last. */
  g_assert_cmpstr (styrkort_sheet_cell (assessments, 0, 6)->text, ==, "Status");
  g_assert_cmpstr (styrkort_sheet_cell (assessments, 0, 7)->text, ==, "Status i klartext");
  g_assert_cmpuint (assessments->rows->len, >, 1);
  for (guint r = 1; r < assessments->rows->len; r++)
    {
      int status = styrkort_status_from_key (styrkort_sheet_cell (assessments, r, 6)->text);
      const char *words[] = { "Ej påbörjat", "Pågående", "Etablerat", "Behöver åtgärdas" };
      g_assert_cmpint (status, >=, 0);
      g_assert_cmpstr (styrkort_sheet_cell (assessments, r, 7)->text, ==, words[status]);
    }
}

typedef struct {
  GPtrArray *reads;
  guint progress_calls, last_done;
  gboolean done;
} ReadState;

static void
on_progress (guint done, guint total, gpointer data)
{
  ReadState *state = data;
  state->progress_calls++;
  g_assert_cmpuint (done, >, state->last_done);
  g_assert_cmpuint (done, <=, total);
  state->last_done = done;
}

static void
on_read (GObject *object, GAsyncResult *result, gpointer data)
{
  ReadState *state = data;
  g_autoptr(GError) error = NULL;
  state->reads = styrkort_city_read_finish (result, &error);
  if (state->reads == NULL)
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  state->done = TRUE;
}

/* The overview reads a folder in a worker thread: the main loop goes on,
 * progress comes back to it in order, the results come in the folder's
 * order (Excel's "~$" owner files left out, .XLSX found), and Cancel
 * answers at once with nothing added. */
static void
test_read_in_thread (void)
{
  g_autoptr(StyrkortCity) city = styrkort_city_new (NULL);
  g_autofree char *owner = g_build_filename (folder, "~$Stadsdel 01.xlsx", NULL);
  g_autofree char *upper = g_build_filename (folder, "STADSDEL 99.XLSX", NULL);
  const char *paths[] = { folder, NULL };
  ReadState state = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint loops = 0;

  test_write_bytes (owner, "owner", 5);
  {
    g_autoptr(GFile) from = g_file_new_for_path (xlsx_paths[0]), to = g_file_new_for_path (upper);
    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  }
  styrkort_city_read_async (city, paths, on_progress, &state, NULL, on_read, &state);
  while (!state.done)
    {
      g_main_context_iteration (NULL, TRUE);
      loops++;
    }
  g_assert_cmpuint (loops, >, 1);
  /* Every district file and workbook of the folder, and the upper-case one. */
  g_assert_cmpuint (state.reads->len, >=, 2 * N_DISTRICTS + 1);
  g_assert_cmpuint (state.progress_calls, >, 0);
  g_assert_cmpuint (styrkort_city_get_sources (city)->len, ==, 0);
  for (guint i = 0; i < state.reads->len; i++)
    {
      StyrkortCityFileRead *read = state.reads->pdata[i];
      g_assert_false (strstr (read->path, "~$"));
      g_assert_true ((read->source != NULL) != (read->error != NULL));
      if (i > 0)
        g_assert_cmpstr (((StyrkortCityFileRead *) state.reads->pdata[i - 1])->path, <, read->path);
    }
  {
    gboolean upper_read = FALSE;
    for (guint i = 0; i < state.reads->len; i++)
      upper_read |= g_str_has_suffix (((StyrkortCityFileRead *) state.reads->pdata[i])->path, "STADSDEL 99.XLSX");
    g_assert_true (upper_read);
  }
  g_clear_pointer (&state.reads, g_ptr_array_unref);

  /* Cancelled: the callback says so at once; the city can go before the thread ends. */
  state = (ReadState) { 0 };
  styrkort_city_read_async (city, paths, on_progress, &state, cancellable, on_read, &state);
  g_cancellable_cancel (cancellable);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (state.reads);
  g_assert_cmpuint (styrkort_city_get_sources (city)->len, ==, 0);
  g_remove (owner);
  g_remove (upper);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  make_districts ();
  g_test_add_func ("/core/city/values-by-rule", test_city_values);
  g_test_add_func ("/core/city/charts-and-status", test_charts_and_status);
  g_test_add_func ("/core/city/merged-workbook", test_merged_workbook);
  test_add_python_func ("/core/city/bad-input", test_bad_input);
  g_test_add_func ("/core/city/read-in-thread", test_read_in_thread);
  test_add_python_func ("/core/city/refuse-city-workbook", test_refuse_city_workbook);
  g_test_add_func ("/core/city/same-file", test_same_file);
  test_add_python_func ("/core/city/missing-district", test_missing_district);
  g_test_add_func ("/core/city/rankings", test_rankings);
  test_add_python_func ("/core/city/workbook-for-people", test_workbook_for_people);
  int status = g_test_run ();
  for (int i = 0; i < N_DISTRICTS; i++)
    {
      g_free (db_paths[i]);
      g_free (xlsx_paths[i]);
    }
  g_free (folder);
  return status;
}
