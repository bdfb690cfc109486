/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue is data: the shipped one validates, broken ones are refused with a reason. */
#include "styrkort-locale.h"
#include "styrkort-catalogue.h"
#include "styrkort-types.h"

static void
test_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) catalogue = styrkort_catalogue_load_default (&error);
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  title = g_key_file_get_locale_string (catalogue, "Area a11", "Title", "sv", NULL);
  g_assert_cmpstr (title, ==, "Regelbundet mottagande av studenter");
}

static const char *valid =
  "[Area x1]\nNumber=1\nTitle=One\nTitle[sv]=Ett\n"
  "[Operation o]\nName=Op\nName[sv]=Verks\n"
  "[Indicator i]\nName=I\nName[sv]=I\nMeasure=percent\nBetter=lower\nLevel=unit\nGenderSplit=false\n"
  "ReportedInT2=true\nTotal=rate\nNumerator=N\nNumerator[sv]=T\nDenominator=D\nDenominator[sv]=N\nAreas=x1;\n";

static void
assert_refused (const char *text, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) catalogue = styrkort_catalogue_load_data (text, strlen (text), &error);

  g_assert_null (catalogue);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
replace_and_refuse (const char *from, const char *to, const char *words)
{
  g_autoptr(GString) text = g_string_new (valid);
  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  assert_refused (text->str, words);
}

static void
test_broken (void)
{
  g_autoptr(GKeyFile) ok = styrkort_catalogue_load_data (valid, strlen (valid), NULL);
  g_assert_nonnull (ok);
  replace_and_refuse ("Title[sv]=Ett\n", "", "[Area x1]");
  replace_and_refuse ("Measure=percent", "Measure=procent", "Measure");
  replace_and_refuse ("Areas=x1;", "Areas=x1;x2;", "unknown area");
  replace_and_refuse ("Numerator=N\n", "", "Numerator");
  replace_and_refuse ("GenderSplit=false", "GenderSplit=kanske", "GenderSplit");
  replace_and_refuse ("[Operation o]", "[Verksamhet o]", "[Verksamhet o]");
  replace_and_refuse ("Number=1", "Number=0", "Number");
  assert_refused ("[Area x1]\nNumber=1\nTitle=One\nTitle[sv]=Ett\n", "operation");
  assert_refused ("this is = not [ a key file", "");
}

int
main (int argc, char **argv)
{
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/catalogue/default", test_default);
  g_test_add_func ("/core/catalogue/broken", test_broken);
  return g_test_run ();
}
