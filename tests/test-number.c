/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Swedish number formatting and the strict parser behind every number field. */
#include <math.h>

#include "styrkort-locale.h"
#include "styrkort-number.h"
#include "styrkort-types.h"

static void
test_format (void)
{
  const struct { double value; int decimals; StyrkortNumberStyle style; const char *expected; } cases[] = {
    { 89.76, 2, STYRKORT_NUMBER_SWEDISH, "89,76" },
    { 10.6, 1, STYRKORT_NUMBER_SWEDISH, "10,6" },
    { 1234567.891, 1, STYRKORT_NUMBER_SWEDISH, "1\u00a0234\u00a0567,9" },
    { -2.5, 1, STYRKORT_NUMBER_SWEDISH, "\u22122,5" },
    { -0.04, 1, STYRKORT_NUMBER_SWEDISH, "0,0" },
    { 999.96, 1, STYRKORT_NUMBER_SWEDISH, "1\u00a0000,0" },
    { 19, 0, STYRKORT_NUMBER_SWEDISH, "19" },
    { 1234.5, 1, STYRKORT_NUMBER_ENGLISH, "1,234.5" },
    { -1234, 0, STYRKORT_NUMBER_ENGLISH, "-1,234" },
    { NAN, 1, STYRKORT_NUMBER_SWEDISH, "–" },
    /* Half away from zero on the digits as typed, not printf's half to even. */
    { 42.5, 0, STYRKORT_NUMBER_SWEDISH, "43" },
    { 51.5, 0, STYRKORT_NUMBER_SWEDISH, "52" },
    { -42.5, 0, STYRKORT_NUMBER_SWEDISH, "\u221243" },
    { 2.675, 2, STYRKORT_NUMBER_SWEDISH, "2,68" },
    { 0.125, 2, STYRKORT_NUMBER_SWEDISH, "0,13" },
    { 7.45, 1, STYRKORT_NUMBER_SWEDISH, "7,5" },
    { 2.5, 0, STYRKORT_NUMBER_SWEDISH, "3" },
    { 99.95, 1, STYRKORT_NUMBER_SWEDISH, "100,0" },
    { 14720, 0, STYRKORT_NUMBER_SWEDISH, "14\u00a0720" },
    { 0.0004, 3, STYRKORT_NUMBER_SWEDISH, "0,000" },
    { 0.0005, 3, STYRKORT_NUMBER_SWEDISH, "0,001" },
    { 1e-300, 2, STYRKORT_NUMBER_SWEDISH, "0,00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = styrkort_format_number (cases[i].value, cases[i].decimals, cases[i].style);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Found by tests/fuzz/run: a 40-digit number overflowed the formatting buffer. */
static void
test_huge_round_trip (void)
{
  const char *inputs[] = { "2 2 2342 2343434434434343443424342434344342", "1e0", "-9999999999999999999999999999999999999999999999,5" };
  g_autofree char *largest = g_strnfill (308, '9');

  for (guint i = 0; i < G_N_ELEMENTS (inputs) + 1; i++)
    {
      const char *text = i < G_N_ELEMENTS (inputs) ? inputs[i] : largest;
      double value, again;
      g_autofree char *shown = NULL;
      /* "1e0" is refused (no exponents); every other input is a number. */
      if (g_str_equal (text, "1e0"))
        {
          g_assert_false (styrkort_parse_number (text, &value, NULL));
          continue;
        }
      g_assert_true (styrkort_parse_number (text, &value, NULL));
      shown = styrkort_format_number (value, 6, STYRKORT_NUMBER_SWEDISH);
      g_assert_true (styrkort_parse_number (shown, &again, NULL));
      g_assert_cmpfloat_with_epsilon (again, value, fabs (value) * 1e-12);
    }
}

static void
test_parse_accepts (void)
{
  const struct { const char *text; double expected; } cases[] = {
    { "12,5", 12.5 }, { "12,5 %", 12.5 }, { "12,5%", 12.5 }, { "12.5", 12.5 },
    { "1 234,5", 1234.5 }, { "1\u00a0234", 1234 }, { "1\u202f234", 1234 }, { " 7 ", 7 },
    { "-3", -3 }, { "\u22123,25", -3.25 }, { "0", 0 }, { ",5", 0.5 }, { "10 000 000", 1e7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -999;
      g_assert_true (styrkort_parse_number (cases[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, cases[i].expected, 1e-12);
    }
}

static void
test_parse_empty_is_missing (void)
{
  double value = 0;
  g_assert_true (styrkort_parse_number ("", &value, NULL));
  g_assert_true (isnan (value));
  g_assert_true (styrkort_parse_number ("   ", &value, NULL));
  g_assert_true (isnan (value));
}

static void
test_parse_refuses (void)
{
  const char *cases[] = { "tolv", "12,5,1", "1.234,5", "12 %%", "12 % 3", "5-", "abc12", "12kr", "%",
                          "-", "1e5", "0x10", "12;5", "NaN", "inf" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 42;
      g_assert_false (styrkort_parse_number (cases[i], &value, &error));
      g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "not a number"));
      g_assert_cmpfloat (value, ==, 42);
    }
  {
    double value;
    g_autofree char *huge = g_strnfill (400, '9');
    g_assert_false (styrkort_parse_number ("\xff\xfe", &value, NULL));
    g_assert_false (styrkort_parse_number (huge, &value, NULL));
  }
}

static void
test_periods (void)
{
  StyrkortPeriod p;
  g_autoptr(GDate) may = g_date_new_dmy (31, G_DATE_MAY, 2025);
  g_autoptr(GDate) april = g_date_new_dmy (30, G_DATE_APRIL, 2025);
  g_autoptr(GDate) december = g_date_new_dmy (1, G_DATE_DECEMBER, 2025);

  g_assert_true (styrkort_period_parse ("2025 T2", &p));
  g_assert_cmpint (p.year, ==, 2025);
  g_assert_cmpint (p.tertial, ==, 2);
  g_assert_true (styrkort_period_parse ("t3 2024", &p));
  g_assert_cmpint (p.tertial, ==, 3);
  g_assert_true (styrkort_period_parse ("2024-T1", &p));
  g_assert_false (styrkort_period_parse ("2024 T4", &p));
  g_assert_false (styrkort_period_parse ("2024", &p));
  g_assert_cmpint (styrkort_period_for_date (april).tertial, ==, 1);
  g_assert_cmpint (styrkort_period_for_date (may).tertial, ==, 2);
  g_assert_cmpint (styrkort_period_for_date (december).tertial, ==, 3);
  p = styrkort_period_next ((StyrkortPeriod) { 2024, 3 });
  g_assert_cmpint (p.year, ==, 2025);
  g_assert_cmpint (p.tertial, ==, 1);
  p = styrkort_period_previous (p);
  g_assert_cmpint (p.year, ==, 2024);
  g_assert_cmpint (styrkort_period_compare ((StyrkortPeriod) { 2024, 3 }, (StyrkortPeriod) { 2025, 1 }), <, 0);
}

int
main (int argc, char **argv)
{
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/number/format", test_format);
  g_test_add_func ("/core/number/parse-accepts", test_parse_accepts);
  g_test_add_func ("/core/number/huge-round-trip", test_huge_round_trip);
  g_test_add_func ("/core/number/parse-empty-is-missing", test_parse_empty_is_missing);
  g_test_add_func ("/core/number/parse-refuses", test_parse_refuses);
  g_test_add_func ("/core/number/periods", test_periods);
  return g_test_run ();
}
