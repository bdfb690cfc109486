/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Inför mötet" in the window, under X (Xvfb): the demo's brief, its lines
 * taking the user where they are fixed, and a decision on Styrgrupp that
 * makes an action, undone and redone. Views are saved as PNGs in
 * BUILDDIR/tests/screens/. */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-application.h"
#include "styrkort-demo.h"
#include "styrkort-locale.h"
#include "styrkort-meeting-brief.h"
#include "styrkort-page.h"
#include "styrkort-projector.h"
#include "styrkort-window.h"
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

#define wait_for ui_test_wait_for
#define open_dialog() ((AdwMessageDialog *) ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, FALSE))

static GType dialog_type;

static gboolean
is_named (GtkWidget *widget, gconstpointer name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_cell (GtkWidget *widget)
{
  const char *link = styrkort_page_get_link (widget);
  return link != NULL && g_str_has_prefix (link, "cell-");
}

/* Linked for "Inför mötet" (styrkort_page_set_link). */
static gboolean
is_linked (GtkWidget *widget, gconstpointer link)
{
  return g_strcmp0 (styrkort_page_get_link (widget), link) == 0;
}

static void
collect_entries (GtkWidget *root, GPtrArray *out)
{
  if (GTK_IS_ENTRY (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_entries (child, out);
}

static gboolean
page_is (gconstpointer name)
{
  return g_strcmp0 (styrkort_window_get_page (window), name) == 0;
}

static gboolean
page_mapped (gconstpointer name)
{
  GtkWidget *page = styrkort_window_get_page_widget (window, name);
  return page != NULL && gtk_widget_get_mapped (page);
}

static gboolean
sql_count_is (gconstpointer data)
{
  const char * const *query = data; /* { sql, expected } */
  return ui_test_file_int (window, path, query[0]) == g_ascii_strtoll (query[1], NULL, 10);
}

#define save_png ui_test_save_png

/* Is the focus on @data's widget or inside it? */
static gboolean
focus_in (gconstpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, (GtkWidget *) data));
}

static GtkWidget *
brief_section (guint index)
{
  g_autofree char *name = g_strdup_printf ("brief-section-%u", index);
  return find_widget (styrkort_window_get_page_widget (window, "brief"), is_named, name);
}

/* The page is reached by its shortcut's action; the demo's known lines are there. */
static void
test_brief_page (void)
{
  GtkWidget *decisions, *row, *target;
  g_autofree char *action_name = NULL;
  gint64 action;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "brief");
  g_assert_true (wait_for (page_mapped, "brief"));
  save_png (GTK_WIDGET (window), "brief.png");
  /* The previous meeting's decision that made an action. */
  decisions = brief_section (5);
  g_assert_nonnull (decisions);
  row = find_widget (decisions, is_row_titled, "Ärendefördelningen i barn och familj ses över före årsskiftet");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* Activated, it goes to the action on its area's page, focused. */
  action = ui_test_file_int (window, path, "SELECT id FROM action WHERE decision_id IS NOT NULL");
  g_assert_cmpint (action, >, 0);
  g_signal_emit_by_name (row, "activated");
  g_assert_true (wait_for (page_is, "a03"));
  action_name = g_strdup_printf ("action-%" G_GINT64_FORMAT, action);
  target = find_widget (styrkort_window_get_page_widget (window, "a03"), is_linked, action_name);
  g_assert_nonnull (target);
  g_assert_true (wait_for (focus_in, target));

  /* A unit figure on the wrong side of the city line: its cell in the grid. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "brief");
  g_assert_true (wait_for (page_mapped, "brief"));
  row = find_widget (brief_section (3), is_named, "brief-3-0");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  g_assert_true (wait_for (page_is, "figures"));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *cell = focus;
    while (cell != NULL && !is_cell (cell))
      cell = gtk_widget_get_parent (cell);
    g_assert_nonnull (cell);
  }
}

static gboolean
is_export_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                                              "win.export-brief") == 0;
}

static gboolean
file_exists (gconstpointer file)
{
  return g_file_test (file, G_FILE_TEST_EXISTS);
}

/* The page's Export as PDF writes the brief (in a thread) on one or two pages. */
static void
test_brief_pdf (void)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (folder, "Inför mötet.pdf", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (pdf);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  char *argv[] = { pdfinfo, pdf, NULL };
  g_autofree char *out = NULL;
  int status = 0;
  GtkWidget *button;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "brief");
  g_assert_true (wait_for (page_mapped, "brief"));
  button = find_widget (styrkort_window_get_page_widget (window, "brief"), is_export_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  styrkort_window_export_brief (window, target);
  g_assert_true (wait_for (file_exists, pdf));
  g_assert_nonnull (pdfinfo);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (strstr (out, "Pages:           1\n") != NULL || strstr (out, "Pages:           2\n") != NULL);
}

/* On Styrgrupp, the last meeting's agenda: a decision that makes an action,
 * kept with its link in the file, undone and redone as one step. */
static void
test_decision_makes_action (void)
{
  gint64 meeting = ui_test_file_int (window, path, "SELECT id FROM meeting ORDER BY date DESC LIMIT 1");
  g_autofree char *meeting_name = g_strdup_printf ("meeting-%" G_GINT64_FORMAT, meeting);
  g_autofree char *tip = g_strdup_printf (T ("Record a decision on “%s”"), "Nyckeltal för T2");
  const char *made[] = { "SELECT count(*) FROM action a JOIN decision d ON d.id = a.decision_id"
                         " WHERE d.text = 'Sjukfrånvaron följs upp per enhet' AND a.text = 'Ta fram sjukfrånvaro per enhet'"
                         " AND a.owner = 'HR-chef' AND a.due = '2026-12-15' AND a.meeting_id = ", NULL, NULL };
  const char *gone[2], *back[2];
  g_autofree char *made_sql = NULL;
  GtkWidget *steering, *meeting_row, *record;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  /* The brief's line for the decision without an action goes to its meeting, opened. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "brief");
  g_assert_true (wait_for (page_mapped, "brief"));
  g_signal_emit_by_name (find_widget (brief_section (5), is_row_titled,
                                      "Personalomsättningen följs upp per enhet varje tertial"), "activated");
  g_assert_true (wait_for (page_is, "steering"));
  steering = styrkort_window_get_page_widget (window, "steering");
  meeting_row = find_widget (steering, is_linked, meeting_name);
  g_assert_nonnull (meeting_row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (meeting_row)));
  g_assert_nonnull (find_widget (meeting_row, is_row_titled, "Nyckeltal för T2"));

  record = find_widget (meeting_row, is_button_tipped, tip);
  g_assert_nonnull (record);
  g_signal_emit_by_name (record, "clicked");
  g_assert_true (wait_for (ui_test_toplevel_shown, &dialog_type));
  dialog = open_dialog ();
  collect_entries (adw_message_dialog_get_extra_child (dialog), entries);
  g_assert_cmpuint (entries->len, ==, 4); /* decision, action, owner, due date */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Sjukfrånvaron följs upp per enhet");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "Ta fram sjukfrånvaro per enhet");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[2]), "HR-chef");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[3]), "2026-12-15");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  save_png (GTK_WIDGET (dialog), "decision-dialog.png");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Save")), "clicked");
  g_assert_true (wait_for (ui_test_toplevel_gone, &dialog_type));

  /* In the file: the decision, and its action linked to it and the meeting. */
  made_sql = g_strdup_printf ("%s%" G_GINT64_FORMAT, made[0], meeting);
  made[0] = made_sql;
  made[1] = "1";
  g_assert_true (wait_for (sql_count_is, made));
  meeting_row = find_widget (styrkort_window_get_page_widget (window, "steering"), is_linked, meeting_name);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (meeting_row)));
  g_assert_nonnull (find_widget (meeting_row, is_row_titled, "Sjukfrånvaron följs upp per enhet"));
  save_png (GTK_WIDGET (window), "steering-agenda.png");

  /* One undo takes back both; redo brings both. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gone[0] = "SELECT count(*) FROM decision WHERE text = 'Sjukfrånvaron följs upp per enhet'"
            " OR id IN (SELECT decision_id FROM action WHERE text = 'Ta fram sjukfrånvaro per enhet')";
  gone[1] = "0";
  g_assert_true (wait_for (sql_count_is, gone));
  g_assert_cmpint (ui_test_file_int (window, path, "SELECT count(*) FROM action WHERE text = 'Ta fram sjukfrånvaro per enhet'"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  back[0] = made_sql;
  back[1] = "1";
  g_assert_true (wait_for (sql_count_is, back));
}

/* A meeting to come gets its agenda from the brief; one undo takes back both. */
static void
test_new_meeting_agenda (void)
{
  GtkWidget *steering, *add;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  const char *with_agenda[] = { "SELECT count(*) FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
                                " WHERE m.date = '2099-01-15'", NULL };
  const char *none[] = { "SELECT count(*) FROM meeting WHERE date = '2099-01-15'", "0" };
  g_autofree char *expected = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "steering");
  g_assert_true (wait_for (page_mapped, "steering"));
  steering = styrkort_window_get_page_widget (window, "steering");
  add = find_widget (steering, is_button_labelled, T ("Add _Meeting"));
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (wait_for (ui_test_toplevel_shown, &dialog_type));
  dialog = open_dialog ();
  collect_entries (adw_message_dialog_get_extra_child (dialog), entries);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "2099-01-15");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, T ("_Save")), "clicked");
  g_assert_true (wait_for (ui_test_toplevel_gone, &dialog_type));
  {
    /* As many items as the brief has sections with lines. */
    g_autoptr(StyrkortBrief) brief = styrkort_brief_new (styrkort_window_get_project (window),
                                                         styrkort_window_get_period (window), NULL);
    g_auto(GStrv) agenda = styrkort_brief_agenda (brief);
    g_assert_cmpuint (g_strv_length (agenda), >, 0);
    expected = g_strdup_printf ("%u", g_strv_length (agenda));
    with_agenda[1] = expected;
  }
  g_assert_true (wait_for (sql_count_is, with_agenda));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (wait_for (sql_count_is, none));
}

static void
test_brief_slides (void)
{
  GType type = STYRKORT_TYPE_PROJECTOR;
  StyrkortProjector *projector;

  /* The projected view starts with the brief: one slide per section. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (wait_for (ui_test_toplevel_shown, &type));
  projector = (StyrkortProjector *) ui_test_find_toplevel (STYRKORT_TYPE_PROJECTOR, TRUE);
  g_assert_cmpuint (styrkort_projector_get_count (projector), >, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("brief-slide-%u.png", i + 1);
      styrkort_projector_go_to (projector, i);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      save_png (GTK_WIDGET (projector), name);
    }
  gtk_window_destroy (GTK_WINDOW (projector));
}

int
main (int argc, char **argv)
{
  StyrkortApplication *app;

  ui_test_init (&argc, &argv);
  dialog_type = ADW_TYPE_MESSAGE_DIALOG;
  window = ui_test_demo_window (&app, "Stadsdel Exempel.styrkort", 1366, 768, &path);
  g_assert_true (wait_for (page_mapped, "overview"));

  ui_test_add ("/ui/brief/page-and-links", test_brief_page);
  ui_test_add ("/ui/brief/decision-makes-action", test_decision_makes_action);
  ui_test_add ("/ui/brief/new-meeting-agenda", test_new_meeting_agenda);
  ui_test_add ("/ui/brief/slides", test_brief_slides);
  ui_test_add ("/ui/brief/pdf", test_brief_pdf);
  return g_test_run ();
}
