/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city's merged workbook in the import dialog, under X (Xvfb): no
 * columns to choose, the city's values and the district's place in the
 * preview, imported as one undo step. The dialog is saved as a PNG in
 * BUILDDIR/tests/screens/. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "styrkort-application.h"
#include "styrkort-city.h"
#include "styrkort-demo.h"
#include "styrkort-import-dialog.h"
#include "styrkort-locale.h"
#include "styrkort-window.h"
#include "styrkort-workbook.h"
#include "test-util.h"
#include "ui-test-util.h"

#define find_widget ui_test_find_widget
#define is_button_labelled ui_test_is_button_labelled
#define is_button_tipped ui_test_is_button_tipped
#define is_row_titled ui_test_is_row_titled

/* Labels as the user sees them: translated when the test runs in Swedish. */
#define T(text) g_dgettext ("styrkort", text)

static StyrkortWindow *window;
static char *path;

static gboolean
is_named (GtkWidget *widget, gconstpointer name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_group_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_label_with (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
iterate (void)
{
  ui_test_settle (GTK_WIDGET (window));
}

#define save_png ui_test_save_png

/* Another district beside the demo's: one unit, turnover from its base. */
static char *
make_district (const char *name, double left, double staff)
{
  g_autofree char *file_name = g_strdup_printf ("%s.styrkort", name);
  char *district = test_path (file_name);
  g_autoptr(GFile) file = g_file_new_for_path (district);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_create (file, name, &error);
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (p, "turnover");
  StyrkortValue v;

  styrkort_value_init (&v);
  v.indicator_id = turnover->id;
  v.unit_id = styrkort_project_add_unit (p, "Enheten", 1, &error);
  v.period = styrkort_demo_last_period ();
  v.numerator = left;
  v.denominator = staff;
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  styrkort_project_close (p);
  return district;
}

static StyrkortImportDialog *
open_import (const char *file)
{
  StyrkortImportDialog *dialog = NULL;

  styrkort_import_dialog_open (GTK_WINDOW (window), styrkort_window_get_project (window), file);
  g_assert_true (ui_test_wait_for (ui_test_import_dialog_shown, &dialog));
  iterate ();
  return dialog;
}

static void
test_city_workbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortCity) city = styrkort_city_new (&error);
  g_autofree char *north = make_district ("Norr", 1, 100);     /* 1 %: the best */
  g_autofree char *south = make_district ("Söder", 90, 100);   /* 90 %: the last */
  g_autofree char *merged = test_path ("Stadsöversikt.xlsx");
  const char *places = "SELECT count(*) FROM city_value WHERE place IS NOT NULL";
  g_autofree char *turnover_row = NULL;
  StyrkortImportDialog *dialog;
  StyrkortImportPlan *plan;
  GtkWidget *import;
  gint64 before;

  for (guint i = 0; i < 3; i++)
    {
      styrkort_city_add (city, i == 0 ? path : i == 1 ? north : south, &error);
      g_assert_no_error (error);
    }
  g_assert_true (styrkort_city_export (city, styrkort_demo_last_period (), merged, &error));
  before = ui_test_file_int (window, path, places);
  g_assert_cmpint (before, ==, 0);

  dialog = open_import (merged);
  plan = styrkort_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_true (styrkort_import_plan_is_city (plan, NULL, NULL));
  /* Nothing to choose about columns: the workbook is read as written. */
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_named, "layout"));
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_named, "field"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_group_titled, T ("City Figures")));
  turnover_row = g_strdup_printf ("%s – %s", T ("The city"), "Personalomsättning");
  if (find_widget (GTK_WIDGET (dialog), is_row_titled, turnover_row) == NULL)
    {
      g_free (turnover_row);
      turnover_row = g_strdup_printf ("%s – %s", T ("The city"), "Staff turnover");
    }
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_titled, turnover_row));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1180, 680);
  iterate ();
  save_png (GTK_WIDGET (dialog), "import-city-workbook.png");

  /* The demo's typed city values differ: the city's newer workbook replaces
   * them unless the user keeps them. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_named,
                                                                            "conflicts"))), ==, 1);
  g_assert_cmpuint (styrkort_import_plan_n_writes (plan), ==,
                    styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_NEW) +
                    styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_CONFLICT));
  import = find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Import"));
  g_assert_true (gtk_widget_get_sensitive (import));
  g_signal_emit_by_name (import, "clicked");
  iterate ();
  g_assert_cmpint (ui_test_file_int (window, path, places), >, 0);
  /* The demo district's turnover in its last period: between 1 % and 90 %. */
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT place * 10 + places FROM city_value v JOIN indicator i"
                                       " ON i.id = v.indicator_id WHERE i.code = 'turnover' AND place IS NOT NULL"
                                       " ORDER BY year DESC, tertial DESC LIMIT 1"), ==, 23);

  /* Nyckeltal shows the place above the city's cell. */
  {
    g_autofree char *of = g_strdup_printf (T ("%u of %u"), 2, 3);
    g_autofree char *label = g_strdup_printf (T ("place %s"), of);
    GtkWidget *found;
    g_assert_true (styrkort_window_show_page (window, "figures"));
    iterate ();
    found = find_widget (styrkort_window_get_page_widget (window, "figures"), is_label_with, label);
    g_assert_nonnull (found);
    save_png (GTK_WIDGET (window), "figures-city-place.png");
  }

  /* One undo takes all of it back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpint (ui_test_file_int (window, path, places), ==, 0);
}

static gboolean
is_row_subtitled_with (GtkWidget *widget, gconstpointer text)
{
  return ADW_IS_ACTION_ROW (widget) && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL;
}

/* Another district's workbook: its rows are left out under one line that
 * names the district and where its figures belong, not one line per row. */
static void
test_other_district_workbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *north = make_district ("Norr", 1, 100);
  g_autofree char *xlsx = test_path ("Norr.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (north);
  g_autoptr(StyrkortProject) project = styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error);
  g_autofree char *title = NULL, *count = NULL, *row_2 = NULL;
  StyrkortImportDialog *dialog;
  StyrkortImportPlan *plan;
  GtkWidget *grouped;
  guint rejected;

  g_assert_no_error (error);
  g_assert_true (styrkort_workbook_export (project, styrkort_demo_last_period (), xlsx, &error));
  g_assert_no_error (error);
  styrkort_project_close (project);

  dialog = open_import (xlsx);
  plan = styrkort_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  rejected = styrkort_import_plan_count (plan, STYRKORT_IMPORT_ROW_REJECTED);
  g_assert_cmpuint (rejected, >=, 1);
  g_assert_cmpuint (styrkort_import_plan_n_writes (plan), ==, 0);
  title = g_strdup_printf (T ("Figures of %s, not of %s"), "Norr", "Stadsdel Exempel");
  grouped = find_widget (GTK_WIDGET (dialog), is_named, "other-district");
  g_assert_nonnull (grouped);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (grouped)), ==, title);
  count = g_strdup_printf ("%u", rejected);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_subtitled_with, count));
  /* No row of the file listed by itself. */
  row_2 = g_strdup_printf (T ("Row %u"),
                           ((StyrkortImportRow *) styrkort_import_plan_rows (plan)->pdata[0])->line);
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_row_titled, row_2));
  ui_test_save_png (GTK_WIDGET (dialog), "import-other-district.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

int
main (int argc, char **argv)
{
  StyrkortApplication *app;

  ui_test_init (&argc, &argv);
  window = ui_test_demo_window (&app, "Stadsdel Exempel.styrkort", 1366, 768, &path);

  ui_test_add ("/ui/import/city-workbook", test_city_workbook);
  ui_test_add ("/ui/import/other-district", test_other_district_workbook);
  return g_test_run ();
}
