/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figure rules (totals, typing over a computed rate, formatting for
 * people) and numbers that are the same bytes in every locale: undo through
 * SQLite's JSON and the workbook written by libxlsxwriter, as the app sets
 * the locale for a Swedish user. */
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <zip.h>

#include "styrkort-demo.h"
#include "styrkort-figure-rules.h"
#include "styrkort-locale.h"
#include "styrkort-project.h"
#include "styrkort-workbook.h"
#include "test-util.h"

static StyrkortIndicator rate = {
  .code = (char *) "turnover", .name_sv = (char *) "Personalomsättning", .name_en = (char *) "Staff turnover",
  .measure = STYRKORT_MEASURE_PERCENT, .total_rule = STYRKORT_TOTAL_RATE,
  .numerator_sv = (char *) "Slutat", .numerator_en = (char *) "Leavers",
  .denominator_sv = (char *) "Medelantal anställda", .denominator_en = (char *) "Average headcount",
};
static StyrkortIndicator count = {
  .code = (char *) "headcount", .name_sv = (char *) "Antal anställda", .name_en = (char *) "Headcount",
  .measure = STYRKORT_MEASURE_COUNT, .total_rule = STYRKORT_TOTAL_SUM, .gender_split = TRUE,
};

static StyrkortValue
part (double value, double num, double den, double women, double men)
{
  StyrkortValue v;
  styrkort_value_init (&v);
  v.value = value;
  v.numerator = num;
  v.denominator = den;
  v.women = women;
  v.men = men;
  return v;
}

static StyrkortTotal
total_of (const StyrkortIndicator *ind, StyrkortValue *values, guint n, guint expected)
{
  const StyrkortValue *parts[8];
  for (guint i = 0; i < n; i++)
    parts[i] = &values[i];
  return styrkort_total_of_parts (ind->total_rule, ind->measure, parts, n, expected);
}

static void
test_rate_total_from_bases (void)
{
  StyrkortValue all[] = { part (10, 1, 10, 5, 15), part (50, 5, 10, 40, 60), part (20, 2, 10, NAN, NAN) };
  StyrkortValue some[] = { part (10, 1, 10, NAN, NAN), part (17.1, NAN, NAN, NAN, NAN), part (30, 3, 10, NAN, NAN) };
  StyrkortValue none[] = { part (10, NAN, NAN, NAN, NAN), part (30, NAN, NAN, NAN, NAN) };
  StyrkortTotal t = total_of (&rate, all, 3, 3);
  g_autofree char *why = NULL;

  g_assert_true (t.exact);
  g_assert_cmpfloat_with_epsilon (t.value, 8.0 / 30 * 100, 1e-9);
  /* Women's and men's rates have no base: no total, never their sum (20 + 40). */
  g_assert_true (isnan (t.women) && isnan (t.men));

  /* One part without its base: the total is from the others, never the mean (19,03). */
  t = total_of (&rate, some, 3, 3);
  g_assert_false (t.exact);
  g_assert_cmpuint (t.n_unbased, ==, 1);
  g_assert_cmpfloat_with_epsilon (t.value, 4.0 / 20 * 100, 1e-9);
  why = styrkort_total_explain (&t, FALSE);
  g_assert_nonnull (strstr (why, "1 of 3 units lacks the base figures"));
  g_assert_nonnull (strstr (why, "computed from the others"));

  /* No part has its base: there is no total to give. */
  t = total_of (&rate, none, 2, 3);
  g_assert_true (isnan (t.value));
  g_assert_false (t.exact);
  g_assert_cmpuint (t.n_unbased, ==, 2);
  g_assert_cmpuint (t.n_missing, ==, 1);
}

static void
test_sum_total (void)
{
  StyrkortValue values[] = { part (30, NAN, NAN, 20, 10), part (12, NAN, NAN, 7, 5) };
  StyrkortTotal t = total_of (&count, values, 2, 3);
  g_autofree char *why = styrkort_total_explain (&t, TRUE);

  g_assert_cmpfloat (t.value, ==, 42);
  g_assert_cmpfloat (t.women, ==, 27);
  g_assert_cmpfloat (t.men, ==, 15);
  g_assert_false (t.exact);
  g_assert_cmpstr (why, ==, "Not exact. 1 district has no figure.");
}

static void
test_typing_over_computed_rate (void)
{
  StyrkortValue v = part (NAN, NAN, NAN, NAN, NAN);
  g_autoptr(GError) error = NULL;

  g_assert_true (styrkort_value_set_field (&rate, &v, STYRKORT_VALUE_FIELD_NUMERATOR, 1, FALSE, &error));
  g_assert_true (styrkort_value_set_field (&rate, &v, STYRKORT_VALUE_FIELD_DENOMINATOR, 9, FALSE, &error));
  g_assert_cmpfloat_with_epsilon (v.value, 100.0 / 9, 1e-12);
  g_assert_true (styrkort_value_is_computed (&rate, &v));

  /* Typing 2 over the computed rate does not erase its base without a word. */
  g_assert_false (styrkort_value_set_field (&rate, &v, STYRKORT_VALUE_FIELD_VALUE, 2, FALSE, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  {
    gboolean swedish = styrkort_number_style_for_locale () == STYRKORT_NUMBER_SWEDISH;
    g_assert_nonnull (strstr (error->message, swedish ? "Slutat 1" : "Leavers 1"));
    g_assert_nonnull (strstr (error->message, swedish ? "Medelantal anställda 9" : "Average headcount 9"));
  }
  g_assert_cmpfloat (v.numerator, ==, 1);
  g_assert_cmpfloat (v.denominator, ==, 9);

  /* When asked, the base goes. */
  g_assert_true (styrkort_value_set_field (&rate, &v, STYRKORT_VALUE_FIELD_VALUE, 2, TRUE, NULL));
  g_assert_cmpfloat (v.value, ==, 2);
  g_assert_true (isnan (v.numerator) && isnan (v.denominator));

  /* Women and men make a count's total. */
  v = part (NAN, NAN, NAN, NAN, NAN);
  g_assert_true (styrkort_value_set_field (&count, &v, STYRKORT_VALUE_FIELD_WOMEN, 14, FALSE, NULL));
  g_assert_true (isnan (v.value));
  g_assert_true (styrkort_value_set_field (&count, &v, STYRKORT_VALUE_FIELD_MEN, 6, FALSE, NULL));
  g_assert_cmpfloat (v.value, ==, 20);
}

static void
test_format_figures (void)
{
  StyrkortIndicator ratio = { .code = (char *) "not_in_catalogue", .measure = STYRKORT_MEASURE_RATIO };
  StyrkortTotal inexact = { .value = 17.14, .exact = FALSE };
  g_autofree char *percent = styrkort_format_figure (&rate, 39.1304, STYRKORT_NUMBER_SWEDISH);
  g_autofree char *people = styrkort_format_figure (&count, 14720, STYRKORT_NUMBER_SWEDISH);
  g_autofree char *half = styrkort_format_figure (&count, 42.5, STYRKORT_NUMBER_SWEDISH);
  g_autofree char *other = styrkort_format_figure (&ratio, 7.25, STYRKORT_NUMBER_SWEDISH);
  g_autofree char *base = styrkort_format_count (24.5, STYRKORT_NUMBER_SWEDISH);
  g_autofree char *whole = styrkort_format_count (14720, STYRKORT_NUMBER_SWEDISH);
  g_autofree char *marked = styrkort_format_total (&rate, &inexact, STYRKORT_NUMBER_SWEDISH);
  g_autofree char *missing = styrkort_format_figure (&rate, NAN, STYRKORT_NUMBER_SWEDISH);

  g_assert_cmpint (styrkort_indicator_decimals (&rate), ==, 1);
  g_assert_cmpint (styrkort_indicator_decimals (&count), ==, 0);
  g_assert_cmpstr (percent, ==, "39,1\u00a0%");
  g_assert_cmpstr (people, ==, "14\u00a0720");
  /* A count typed with a decimal is shown as typed, not rounded. */
  g_assert_cmpstr (half, ==, "42,5");
  g_assert_cmpstr (other, ==, "7,3");
  g_assert_cmpstr (base, ==, "24,5");
  g_assert_cmpstr (whole, ==, "14\u00a0720");
  g_assert_cmpstr (marked, ==, "17,1\u00a0% *");
  g_assert_cmpstr (missing, ==, "–");
}

/* As main() of the app does it for a user whose language is Swedish. */
static void
init_as_swedish_user (void)
{
  /* (On Windows the C runtime takes the user's locale from Windows, not
   * from LC_ALL: build-aux/windows/test runs Wine with a Swedish one.) */
  g_setenv ("LC_ALL", "sv_SE.UTF-8", TRUE);
  styrkort_locale_init ();
  g_assert_nonnull (strstr (setlocale (LC_COLLATE, NULL), TEST_SWEDISH_LOCALE_PART));
}

static void
restore_locale (void)
{
  g_unsetenv ("LC_ALL");
  styrkort_locale_init ();
}

static double
stored_denominator (const char *path)
{
  g_autofree char *text = test_sql_text (path, "SELECT printf ('%.17g', denominator) FROM indicator_value"
                                               " WHERE denominator IS NOT NULL ORDER BY id DESC LIMIT 1");
  return g_ascii_strtod (text, NULL);
}

/* Stores 24,5 then 25 as the base of a rate, undoes, and returns the
 * stored base and, in @value, the rate read back. */
static double
undo_scenario (const char *name, double *value)
{
  g_autofree char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, "Södermalm", &error);
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (p, "turnover");
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (p);
  g_autoptr(StyrkortValue) back = NULL;
  gint64 unit = styrkort_project_add_unit (p, "Enheten", ((StyrkortOperation *) operations->pdata[0])->id, &error);
  StyrkortValue v;

  g_assert_no_error (error);
  styrkort_value_init (&v);
  v.indicator_id = turnover->id;
  v.unit_id = unit;
  v.period = (StyrkortPeriod) { 2026, 2 };
  v.numerator = 3;
  v.denominator = 24.5;
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  v.denominator = 25;
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  g_assert_true (styrkort_project_undo (p, &error));
  g_assert_true (styrkort_project_redo (p, &error));
  g_assert_true (styrkort_project_undo (p, &error));
  g_assert_no_error (error);
  back = styrkort_project_get_value (p, turnover->id, unit, v.period);
  *value = back->value;
  test_saved (p);
  return stored_denominator (path);
}

/* Undo replays rows through SQLite's json_extract(), whose strtod() follows
 * LC_NUMERIC: in a Swedish LC_NUMERIC 24,5 came back as 24. */
static void
test_undo_keeps_decimals_in_swedish (void)
{
  double value;

  /* The check can see the fault: what users got before. (Built for Windows,
   * SQLite is the amalgamation, whose JSON reads numbers with its own
   * sqlite3AtoF, not the C runtime's strtod(): the fault does not exist
   * there, and only the check below runs.) */
  g_assert_nonnull (setlocale (LC_NUMERIC, TEST_SWEDISH_LOCALE));
#ifndef G_OS_WIN32
  g_assert_cmpfloat (undo_scenario ("control.styrkort", &value), ==, 24);
#endif

  init_as_swedish_user ();
  g_assert_cmpfloat (undo_scenario ("undo.styrkort", &value), ==, 24.5);
  g_assert_cmpfloat_with_epsilon (value, 3 / 24.5 * 100, 1e-12);
  restore_locale ();
}

/* Every XML part of @xlsx; how many numbers in it are written with a decimal comma. */
static guint
decimal_commas (const char *xlsx)
{
  g_autoptr(GRegex) comma = g_regex_new ("(<v>|<c:v>|=\")-?[0-9]+,[0-9]+(</v>|</c:v>|\")", 0, 0, NULL);
  zip_t *zip = zip_open (xlsx, ZIP_RDONLY, NULL);
  guint found = 0;

  g_assert_nonnull (zip);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      zip_stat_t st;
      zip_file_t *part = zip_fopen_index (zip, i, 0);
      g_autofree char *xml = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_nonnull (part);
      g_assert_cmpint (zip_stat_index (zip, i, 0, &st), ==, 0);
      xml = g_malloc0 (st.size + 1);
      g_assert_cmpint (zip_fread (part, xml, st.size), ==, (zip_int64_t) st.size);
      zip_fclose (part);
      for (g_regex_match (comma, xml, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        found++;
    }
  zip_close (zip);
  return found;
}

static void
test_workbook_numbers_in_swedish (void)
{
  g_autofree char *path = test_path ("Stadsdel Exempel.styrkort");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *xlsx = g_build_filename (folder, "sv.xlsx", NULL);
  g_autofree char *control = g_build_filename (folder, "control.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  StyrkortPeriod period = styrkort_workbook_default_period (p);

  g_assert_no_error (error);
  /* The check can see the fault: with a Swedish LC_NUMERIC libxlsxwriter
   * writes decimal commas (the workbook users got before). */
  g_assert_nonnull (setlocale (LC_NUMERIC, TEST_SWEDISH_LOCALE));
  g_assert_false (styrkort_locale_numeric_is_c ());
  g_assert_true (styrkort_workbook_export (p, period, control, &error));
#ifdef G_OS_WIN32
  /* Built for Windows, libxlsxwriter formats numbers with its own dtoa
   * (USE_DTOA_LIBRARY, build-aux/windows/build-stack): points even so. */
  g_assert_cmpuint (decimal_commas (control), ==, 0);
#else
  g_assert_cmpuint (decimal_commas (control), >, 100);
#endif

  init_as_swedish_user ();
  g_assert_true (styrkort_locale_numeric_is_c ());
  g_assert_true (styrkort_workbook_export (p, period, xlsx, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (decimal_commas (xlsx), ==, 0);
  restore_locale ();
}

/* The grid reads a whole period in one query: its values, and the totals
 * made from them, are those read indicator by indicator. */
static void
test_period_values_in_one_read (void)
{
  g_autofree char *path = test_path ("Stadsdel Exempel.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  StyrkortPeriod period = styrkort_workbook_default_period (p);
  g_autoptr(GPtrArray) all = styrkort_project_list_period_values (p, period);
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (p);
  g_autoptr(GPtrArray) units = styrkort_project_list_units (p);
  guint counted = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < indicators->len; i++)
    {
      StyrkortIndicator *ind = indicators->pdata[i];
      g_autoptr(GPtrArray) own = styrkort_project_list_values (p, ind->id, period);
      StyrkortTotal one = styrkort_project_compute_total (p, ind->id, period);
      StyrkortTotal from_all = styrkort_district_total (ind, (const StyrkortValue * const *) all->pdata, all->len,
                                                        units->len);
      g_assert_true ((isnan (one.value) && isnan (from_all.value)) || one.value == from_all.value);
      g_assert_cmpint (one.exact, ==, from_all.exact);
      g_assert_cmpuint (one.n_parts, ==, from_all.n_parts);
      counted += own->len;
    }
  g_assert_cmpuint (counted, ==, all->len);
  g_assert_cmpuint (all->len, >, 20);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/figures/rate-total-from-bases", test_rate_total_from_bases);
  g_test_add_func ("/core/figures/sum-total", test_sum_total);
  g_test_add_func ("/core/figures/period-values-in-one-read", test_period_values_in_one_read);
  g_test_add_func ("/core/figures/typing-over-computed-rate", test_typing_over_computed_rate);
  g_test_add_func ("/core/figures/format", test_format_figures);
  g_test_add_func ("/core/locale/undo-keeps-decimals-in-swedish", test_undo_keeps_decimals_in_swedish);
  g_test_add_func ("/core/locale/workbook-numbers-in-swedish", test_workbook_numbers_in_swedish);
  return g_test_run ();
}
