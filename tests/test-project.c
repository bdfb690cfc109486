/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project file: create, open, every entity round trip, totals, undo/redo, bad files, locking. */
#include <glib/gstdio.h>
#ifdef G_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif
#include <math.h>
#include <sqlite3.h>

#include "styrkort-locale.h"
#include "styrkort-backups.h"
#include "styrkort-demo.h"
#include "styrkort-file-lock.h"
#include "styrkort-project.h"
#include "styrkort-project-private.h"
#include "test-util.h"

static StyrkortProject *
new_project (char **out_path)
{
  g_autofree char *path = test_path ("Stadsdel Å Ä Ö.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StyrkortProject *project = styrkort_project_create (file, "Södermalm", &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  if (out_path)
    *out_path = g_steal_pointer (&path);
  return project;
}

static StyrkortProject *
reopen (StyrkortProject **project, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_clear_object (project);
  *project = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_false (styrkort_project_is_read_only (*project));
  return *project;
}

static gint64
indicator_id (StyrkortProject *project, const char *code)
{
  g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (project, code);
  g_assert_nonnull (ind);
  return ind->id;
}

static gint64
first_operation (StyrkortProject *project)
{
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (project);
  return ((StyrkortOperation *) operations->pdata[0])->id;
}

static gboolean
set_value (StyrkortProject *p, gint64 ind, gint64 unit, StyrkortPeriod period,
           double value, double num, double den, GError **error)
{
  StyrkortValue v;
  styrkort_value_init (&v);
  v.indicator_id = ind;
  v.unit_id = unit;
  v.period = period;
  v.value = value;
  v.numerator = num;
  v.denominator = den;
  return styrkort_project_set_value (p, &v, error);
}

/* A district shows the operations it has (a unit or an assessment in it),
 * all of the plan's while it has none. */
static void
test_district_operations (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) project = new_project (&path);
  g_autoptr(GPtrArray) all = styrkort_project_list_operations (project);
  g_autoptr(GPtrArray) before = styrkort_project_list_district_operations (project);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 third = ((StyrkortOperation *) all->pdata[2])->id;

  g_assert_cmpuint (all->len, >=, 3);
  g_assert_cmpuint (before->len, ==, all->len);
  styrkort_project_add_unit (project, "Enheten för vuxna", third, &error);
  g_assert_no_error (error);
  after = styrkort_project_list_district_operations (project);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (((StyrkortOperation *) after->pdata[0])->id, ==, third);
}

static void
test_create (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) project = new_project (&path);
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (project);
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (project);
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (project);
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (project, "turnover");
  g_autofree char *journal = NULL;
  guint n_themes = 0;
  const char *codes[] = { "turnover", "consultants", "vfu_places", "sick_leave", "user_survey",
                          "threat_incidents", "headcount", "cases_per_caseworker", "staff_per_manager" };

  g_assert_cmpstr (district->name, ==, "Södermalm");
  g_assert_cmpstr (district->city, ==, "Stockholm");
  g_assert_true (g_str_has_prefix (district->created, "20"));
  g_assert_cmpuint (areas->len, ==, 16);
  for (guint i = 0; i < areas->len; i++)
    {
      StyrkortArea *a = areas->pdata[i];
      if (a->kind == STYRKORT_AREA_KIND_THEME)
        n_themes++;
      else
        g_assert_cmpint (a->number, ==, (int) i + 1);
    }
  g_assert_cmpuint (n_themes, ==, 3);
  g_assert_cmpstr (((StyrkortArea *) areas->pdata[8])->title_sv, ==, "Medhandläggarskap");
  g_assert_cmpuint (operations->len, ==, 6);
  g_assert_cmpstr (((StyrkortOperation *) operations->pdata[5])->name_sv, ==, "Barn och unga");
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (project, codes[i]);
      g_assert_nonnull (ind);
      g_assert_cmpuint (ind->area_ids->len, >, 0);
    }
  g_assert_cmpuint (indicators->len, ==, G_N_ELEMENTS (codes));
  g_assert_cmpint (turnover->measure, ==, STYRKORT_MEASURE_PERCENT);
  g_assert_cmpint (turnover->better, ==, STYRKORT_BETTER_LOWER);
  g_assert_cmpint (turnover->total_rule, ==, STYRKORT_TOTAL_RATE);
  g_assert_true (turnover->in_t2);
  g_assert_cmpstr (turnover->numerator_sv, ==, "Slutat");

  /* What the file itself says, read without our code. */
  g_clear_object (&project);
  g_assert_cmpint (test_sql_int (path, "PRAGMA application_id"), ==, STYRKORT_APPLICATION_ID);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, STYRKORT_SCHEMA_VERSION);
  journal = test_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM area"), ==, 16);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), ==, 0);
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *path = test_path ("exists.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = NULL;
  g_autofree char *before = NULL, *after = NULL;

  test_write_bytes (path, "keep me", 7);
  before = test_checksum (path);
  project = styrkort_project_create (file, "X", &error);
  g_assert_null (project);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_EXISTS);
  after = test_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_roundtrip (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autoptr(GError) error = NULL;
  StyrkortPeriod t2 = { 2025, 2 };
  gint64 op = first_operation (p);
  g_autoptr(StyrkortArea) area = styrkort_project_find_area (p, "a09");
  gint64 turnover = indicator_id (p, "turnover"), headcount = indicator_id (p, "headcount");
  gint64 unit, goal, action, member, meeting;

  g_assert_true (styrkort_project_set_district (p, "Norrmalm", "Stockholm", "2019 rev", &error));
  unit = styrkort_project_add_unit (p, "Enheten för vuxna", op, &error);
  g_assert_no_error (error);
  g_assert_true (set_value (p, turnover, unit, t2, NAN, 3, 26, &error));
  {
    StyrkortValue v;
    styrkort_value_init (&v);
    v.indicator_id = headcount; v.unit_id = unit; v.period = t2;
    v.value = 26; v.women = 20; v.men = 6; v.comment = (char *) "inkl. chefer";
    g_assert_true (styrkort_project_set_value (p, &v, &error));
  }
  {
    StyrkortCityValue city = { turnover, t2, 10.6, NAN, NAN, 0, 0 };
    g_assert_true (styrkort_project_set_city_value (p, &city, &error));
  }
  g_assert_true (styrkort_project_set_assessment (p, area->id, op, t2, STYRKORT_STATUS_ESTABLISHED,
                                                  "Rad ett\nRad två", &error));
  g_assert_true (styrkort_project_set_gender_note (p, area->id, t2, "Lika för kvinnor och män.", &error));
  {
    StyrkortSubgoal g = { 0, area->id, (char *) "Under 10 %", turnover, 15, 10, (char *) "2026-12-31" };
    goal = styrkort_project_add_subgoal (p, &g, &error);
    g_assert_no_error (error);
  }
  {
    StyrkortAction a = { 0, area->id, goal, (char *) "Rutin", (char *) "Enhetschef", (char *) "2026-03-31",
                         STYRKORT_ACTION_ONGOING, (char *) "Anteckning" };
    action = styrkort_project_add_action (p, &a, &error);
    g_assert_no_error (error);
  }
  {
    StyrkortMember m = { 0, (char *) "Ada Ek", (char *) "Skyddsombud", (char *) "Vision" };
    member = styrkort_project_add_member (p, &m, &error);
    StyrkortMeeting mt = { 0, (char *) "2026-05-12", (char *) "Genomgång av T1" };
    meeting = styrkort_project_add_meeting (p, &mt, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (unit * goal * action * member * meeting, !=, 0);

  reopen (&p, path);
  {
    g_autoptr(StyrkortDistrict) d = styrkort_project_get_district (p);
    g_autoptr(GPtrArray) units = styrkort_project_list_units (p);
    g_autoptr(StyrkortValue) v = styrkort_project_get_value (p, turnover, unit, t2);
    g_autoptr(StyrkortValue) h = styrkort_project_get_value (p, headcount, unit, t2);
    g_autoptr(StyrkortAssessment) a = styrkort_project_get_assessment (p, area->id, op, t2);
    g_autofree char *note = styrkort_project_get_gender_note (p, area->id, t2);
    g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (p, area->id);
    g_autoptr(GPtrArray) actions = styrkort_project_list_actions (p, area->id);
    g_autoptr(GPtrArray) members = styrkort_project_list_members (p);
    g_autoptr(GPtrArray) meetings = styrkort_project_list_meetings (p);
    StyrkortCityValue city;
    StyrkortSubgoal *g;
    StyrkortAction *ac;

    g_assert_cmpstr (d->name, ==, "Norrmalm");
    g_assert_cmpstr (d->plan_version, ==, "2019 rev");
    g_assert_cmpuint (units->len, ==, 1);
    g_assert_cmpstr (((StyrkortUnit *) units->pdata[0])->name, ==, "Enheten för vuxna");
    g_assert_cmpfloat_with_epsilon (v->value, 3.0 / 26 * 100, 1e-9); /* derived from the base */
    g_assert_cmpfloat (v->numerator, ==, 3);
    g_assert_cmpfloat (v->denominator, ==, 26);
    g_assert_cmpfloat (h->women, ==, 20);
    g_assert_cmpfloat (h->men, ==, 6);
    g_assert_cmpstr (h->comment, ==, "inkl. chefer");
    g_assert_true (styrkort_project_get_city_value (p, turnover, t2, &city));
    g_assert_cmpfloat (city.value, ==, 10.6);
    g_assert_cmpint (a->status, ==, STYRKORT_STATUS_ESTABLISHED);
    g_assert_cmpstr (a->text, ==, "Rad ett\nRad två");
    g_assert_cmpstr (note, ==, "Lika för kvinnor och män.");
    g_assert_cmpuint (goals->len, ==, 1);
    g = goals->pdata[0];
    g_assert_cmpstr (g->text, ==, "Under 10 %");
    g_assert_cmpfloat (g->baseline, ==, 15);
    g_assert_cmpfloat (g->target, ==, 10);
    g_assert_cmpstr (g->deadline, ==, "2026-12-31");
    g_assert_cmpint (g->indicator_id, ==, turnover);
    ac = actions->pdata[0];
    g_assert_cmpstr (ac->owner, ==, "Enhetschef");
    g_assert_cmpint (ac->subgoal_id, ==, goal);
    g_assert_cmpint (ac->state, ==, STYRKORT_ACTION_ONGOING);
    g_assert_cmpstr (ac->note, ==, "Anteckning");
    g_assert_cmpstr (((StyrkortMember *) members->pdata[0])->organisation, ==, "Vision");
    g_assert_cmpstr (((StyrkortMeeting *) meetings->pdata[0])->notes, ==, "Genomgång av T1");
  }

  /* Updates and removals, then reopen again. */
  {
    StyrkortAction a = { action, area->id, 0, (char *) "Rutin klar", (char *) "HR", NULL,
                         STYRKORT_ACTION_DONE, (char *) "" };
    StyrkortMember m = { member, (char *) "Ada Ek", (char *) "Huvudskyddsombud", (char *) "Vision" };
    StyrkortMeeting mt = { meeting, (char *) "2026-05-13", (char *) "Flyttat" };
    StyrkortSubgoal g = { goal, area->id, (char *) "Under 9 %", 0, NAN, 9, NULL };
    g_assert_true (styrkort_project_update_action (p, &a, &error));
    g_assert_true (styrkort_project_update_member (p, &m, &error));
    g_assert_true (styrkort_project_update_meeting (p, &mt, &error));
    g_assert_true (styrkort_project_update_subgoal (p, &g, &error));
    g_assert_true (styrkort_project_update_unit (p, unit, "Vuxenenheten", op, &error));
    g_assert_true (styrkort_project_clear_value (p, headcount, unit, t2, &error));
  }
  reopen (&p, path);
  {
    g_autoptr(GPtrArray) actions = styrkort_project_list_actions (p, 0);
    g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (p, 0);
    g_autoptr(StyrkortValue) h = styrkort_project_get_value (p, headcount, unit, t2);
    StyrkortAction *ac = actions->pdata[0];
    StyrkortSubgoal *g = goals->pdata[0];
    g_assert_null (h);
    g_assert_cmpstr (ac->text, ==, "Rutin klar");
    g_assert_null (ac->due);
    g_assert_cmpint (ac->subgoal_id, ==, 0);
    g_assert_cmpint (g->indicator_id, ==, 0);
    g_assert_true (isnan (g->baseline));
    g_assert_null (g->deadline);
  }
  g_assert_true (styrkort_project_remove_action (p, action, &error));
  g_assert_true (styrkort_project_remove_subgoal (p, goal, &error));
  g_assert_true (styrkort_project_remove_member (p, member, &error));
  g_assert_true (styrkort_project_remove_meeting (p, meeting, &error));
  g_assert_true (styrkort_project_remove_unit (p, unit, &error));
  g_clear_object (&p);
  g_assert_cmpint (test_sql_int (path, "SELECT (SELECT count(*) FROM action) + (SELECT count(*) FROM subgoal)"
                                       " + (SELECT count(*) FROM member) + (SELECT count(*) FROM meeting)"
                                       " + (SELECT count(*) FROM unit)"), ==, 0);
  /* The unit's values went with it. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM indicator_value WHERE unit_id IS NOT NULL"), ==, 0);
}

static void
test_validation (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autoptr(GError) error = NULL;
  gint64 op = first_operation (p), turnover = indicator_id (p, "turnover");
  gint64 unit = styrkort_project_add_unit (p, "E", op, NULL);
  StyrkortPeriod bad = { 2025, 4 }, good = { 2025, 1 };
  StyrkortAction a = { 0, 1, 0, (char *) "X", NULL, (char *) "31/12/2026", STYRKORT_ACTION_PLANNED, NULL };
  StyrkortMeeting m = { 0, (char *) "2026-02-30", NULL };

  g_assert_cmpint (styrkort_project_add_unit (p, "   ", op, &error), ==, 0);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (set_value (p, turnover, unit, bad, 5, NAN, NAN, &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (set_value (p, turnover, unit, good, INFINITY, NAN, NAN, &error));
  g_clear_error (&error);
  g_assert_false (set_value (p, turnover, unit, good, NAN, 3, 0, &error));
  g_clear_error (&error);
  g_assert_false (set_value (p, 9999, unit, good, 5, NAN, NAN, &error));
  g_clear_error (&error);
  g_assert_cmpint (styrkort_project_add_action (p, &a, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (styrkort_project_add_meeting (p, &m, &error), ==, 0);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_clear_object (&p);
  g_assert_cmpint (test_sql_int (path, "SELECT (SELECT count(*) FROM indicator_value) + (SELECT count(*) FROM action)"
                                       " + (SELECT count(*) FROM meeting)"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM unit"), ==, 1);
}

/* Seed 001's turnover table: the district total is all leavers over all
 * staff, not the mean of the units' percentages. */
static void
test_rate_total (void)
{
  g_autoptr(StyrkortProject) p = new_project (NULL);
  g_autoptr(GError) error = NULL;
  StyrkortPeriod period = { 2020, 1 };
  gint64 op = first_operation (p), turnover = indicator_id (p, "turnover"), vfu = indicator_id (p, "vfu_places");
  const struct { double leavers, staff; } units[] = { { 19, 21.17 }, { 2, 12.17 }, { 1, 8.67 }, { 1, 8.33 }, { 2, 20.75 } };
  gint64 ids[5];
  double leavers = 0, staff = 0;
  StyrkortTotal t;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Enhet %u", i);
      ids[i] = styrkort_project_add_unit (p, name, op, &error);
      g_assert_true (set_value (p, turnover, ids[i], period, NAN, units[i].leavers, units[i].staff, &error));
      g_assert_true (set_value (p, vfu, ids[i], period, i, NAN, NAN, &error));
      leavers += units[i].leavers;
      staff += units[i].staff;
    }
  t = styrkort_project_compute_total (p, turnover, period);
  g_assert_true (t.exact);
  g_assert_cmpuint (t.n_parts, ==, 5);
  g_assert_cmpfloat_with_epsilon (t.value, leavers / staff * 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.numerator, 25, 1e-9);
  /* The mean of the percentages would be far higher. */
  g_assert_cmpfloat (t.value, <, 40);
  t = styrkort_project_compute_total (p, vfu, period);
  g_assert_cmpfloat (t.value, ==, 0 + 1 + 2 + 3 + 4);
  g_assert_true (t.exact);

  /* A percentage typed without its base: allowed, and the total says so. */
  g_assert_true (set_value (p, turnover, ids[0], period, 89.76, NAN, NAN, &error));
  t = styrkort_project_compute_total (p, turnover, period);
  g_assert_false (t.exact);
  g_assert_false (isnan (t.value));

  /* A unit with no figure makes a sum incomplete. */
  g_assert_true (styrkort_project_clear_value (p, vfu, ids[4], period, &error));
  t = styrkort_project_compute_total (p, vfu, period);
  g_assert_false (t.exact);
  g_assert_cmpuint (t.n_missing, ==, 1);
  g_assert_cmpfloat (t.value, ==, 6);

  /* Nothing entered: missing, not zero. */
  t = styrkort_project_compute_total (p, indicator_id (p, "sick_leave"), period);
  g_assert_true (isnan (t.value));
}

static void
test_subgoal_state (void)
{
  g_autoptr(StyrkortProject) p = new_project (NULL);
  g_autoptr(GError) error = NULL;
  gint64 op = first_operation (p), sick = indicator_id (p, "sick_leave");
  gint64 unit = styrkort_project_add_unit (p, "E", op, &error);
  StyrkortSubgoal g = { 0, 1, (char *) "Under 6 %", sick, 8, 6, NULL };
  StyrkortPeriod p1 = { 2025, 1 }, p2 = { 2025, 2 }, p3 = { 2025, 3 };
  double latest;

  g_assert_cmpint (styrkort_project_subgoal_state (p, &g, p3, &latest), ==, STYRKORT_GOAL_NO_DATA);
  g_assert_true (isnan (latest));
  g_assert_true (set_value (p, sick, unit, p1, NAN, 9, 100, &error));
  g_assert_cmpint (styrkort_project_subgoal_state (p, &g, p3, &latest), ==, STYRKORT_GOAL_WORSE);
  g_assert_cmpfloat_with_epsilon (latest, 9, 1e-9);
  g_assert_true (set_value (p, sick, unit, p2, NAN, 7, 100, &error));
  g_assert_cmpint (styrkort_project_subgoal_state (p, &g, p3, NULL), ==, STYRKORT_GOAL_IMPROVING);
  g_assert_cmpint (styrkort_project_subgoal_state (p, &g, p1, NULL), ==, STYRKORT_GOAL_WORSE);
  g_assert_true (set_value (p, sick, unit, p3, NAN, 5, 100, &error));
  g_assert_cmpint (styrkort_project_subgoal_state (p, &g, p3, NULL), ==, STYRKORT_GOAL_MET);
}

static void
test_undo_redo_reopen (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autoptr(GError) error = NULL;
  StyrkortPeriod t2 = { 2025, 2 };
  gint64 op = first_operation (p), vfu = indicator_id (p, "vfu_places");
  gint64 unit = styrkort_project_add_unit (p, "Enheten för äldre", op, &error);
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (set_value (p, vfu, unit, t2, 3, NAN, NAN, &error));
  g_assert_true (set_value (p, vfu, unit, t2, 5, NAN, NAN, &error));
  /* Setting the same value again is no edit. */
  g_assert_true (set_value (p, vfu, unit, t2, 5, NAN, NAN, &error));
  history = styrkort_project_list_history (p, 100, &error);
  g_assert_cmpuint (history->len, ==, 3); /* unit insert, value insert, value update */
  {
    StyrkortHistoryEntry *last = history->pdata[0];
    g_assert_cmpstr (last->entity, ==, "indicator_value");
    g_assert_nonnull (strstr (last->old_row, "\"value\":3.0"));
    g_assert_nonnull (strstr (last->new_row, "\"value\":5.0"));
  }
  summary = styrkort_project_undo_summary (p);
  g_assert_cmpstr (summary, ==, "Enter figure");

  /* Undo survives a restart. */
  reopen (&p, path);
  g_assert_true (styrkort_project_undo (p, &error));
  g_assert_no_error (error);
  reopen (&p, path);
  {
    g_autoptr(StyrkortValue) v = styrkort_project_get_value (p, vfu, unit, t2);
    g_assert_cmpfloat (v->value, ==, 3);
  }
  g_assert_true (styrkort_project_can_redo (p));
  g_assert_true (styrkort_project_redo (p, &error));
  {
    g_autoptr(StyrkortValue) v = styrkort_project_get_value (p, vfu, unit, t2);
    g_assert_cmpfloat (v->value, ==, 5);
  }
  /* Removing a unit takes its values; undo brings both back. */
  g_assert_true (styrkort_project_remove_unit (p, unit, &error));
  g_assert_null (styrkort_project_get_value (p, vfu, unit, t2));
  reopen (&p, path);
  g_assert_true (styrkort_project_undo (p, &error));
  {
    g_autoptr(StyrkortValue) v = styrkort_project_get_value (p, vfu, unit, t2);
    g_autoptr(GPtrArray) units = styrkort_project_list_units (p);
    g_assert_nonnull (v);
    g_assert_cmpfloat (v->value, ==, 5);
    g_assert_cmpuint (units->len, ==, 1);
  }
  /* A new edit after undo ends the redo chain. */
  g_assert_true (styrkort_project_undo (p, &error));
  g_assert_true (styrkort_project_can_redo (p));
  g_assert_true (set_value (p, vfu, unit, t2, 8, NAN, NAN, &error));
  g_assert_false (styrkort_project_can_redo (p));
  /* Undo everything: back to an empty district. */
  while (styrkort_project_can_undo (p))
    g_assert_true (styrkort_project_undo (p, &error));
  g_clear_object (&p);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM unit"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM indicator_value"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_group_is_one_step (void)
{
  g_autoptr(StyrkortProject) p = new_project (NULL);
  g_autoptr(GError) error = NULL;
  gint64 op = first_operation (p);
  g_autoptr(GPtrArray) units = NULL;

  g_assert_true (styrkort_project_begin_group (p, "Import", &error));
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (styrkort_project_add_unit (p, "E", op, &error), >, 0);
  g_assert_true (styrkort_project_end_group (p, &error));
  g_assert_true (styrkort_project_undo (p, &error));
  units = styrkort_project_list_units (p);
  g_assert_cmpuint (units->len, ==, 0);
  g_assert_false (styrkort_project_can_undo (p));

  /* A failing part cancels the whole group. */
  g_assert_true (styrkort_project_begin_group (p, "Import", &error));
  g_assert_cmpint (styrkort_project_add_unit (p, "E", op, &error), >, 0);
  g_assert_cmpint (styrkort_project_add_unit (p, "E", 424242, &error), ==, 0);
  g_clear_error (&error);
  g_assert_false (styrkort_project_end_group (p, &error));
  g_clear_pointer (&units, g_ptr_array_unref);
  units = styrkort_project_list_units (p);
  g_assert_cmpuint (units->len, ==, 0);
}

static void
on_changed_keep_cb (StyrkortProject *project, StyrkortChanges *changes, GPtrArray *seen)
{
  g_ptr_array_add (seen, styrkort_changes_ref (changes));
}

static const StyrkortChanges *
last_changes (GPtrArray *seen)
{
  g_assert_cmpuint (seen->len, >, 0);
  return seen->pdata[seen->len - 1];
}

/* ::changed says which rows changed, which figures (indicator, period),
 * and who changed them: an edit, a group, undo, redo. */
static void
test_changes (void)
{
  g_autoptr(StyrkortProject) p = new_project (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_changes_unref);
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (p, "turnover");
  g_autoptr(StyrkortIndicator) vfu = styrkort_project_find_indicator (p, "vfu_places");
  StyrkortPeriod t2 = { 2026, 2 }, t3 = { 2026, 3 };
  gint64 unit;
  StyrkortValue v;
  const GArray *rows;

  g_signal_connect (p, "changed", G_CALLBACK (on_changed_keep_cb), seen);
  unit = styrkort_project_add_unit (p, "Mottagning", first_operation (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  rows = styrkort_changes_get_rows (last_changes (seen), "unit");
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (g_array_index (rows, gint64, 0), ==, unit);
  g_assert_false (styrkort_changes_touches (last_changes (seen), "indicator_value"));
  g_assert_cmpint (styrkort_changes_get_origin (last_changes (seen)), ==, STYRKORT_CHANGE_EDIT);

  styrkort_value_init (&v);
  v.indicator_id = turnover->id;
  v.unit_id = unit;
  v.period = t2;
  v.value = 12;
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (styrkort_changes_touches (last_changes (seen), "indicator_value"));
  g_assert_true (styrkort_changes_touches_figures (last_changes (seen), turnover->id, &t2));
  g_assert_true (styrkort_changes_touches_figures (last_changes (seen), 0, NULL));
  g_assert_false (styrkort_changes_touches_figures (last_changes (seen), turnover->id, &t3));
  g_assert_false (styrkort_changes_touches_figures (last_changes (seen), vfu->id, NULL));
  g_assert_false (styrkort_changes_touches (last_changes (seen), "unit"));

  /* The same figure again changes nothing and says nothing. */
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  g_assert_cmpuint (seen->len, ==, 2);

  /* The district's name: the window's title follows "district". */
  g_assert_true (styrkort_project_set_district (p, "Södermalm Norr", "Stockholm", "", &error));
  g_assert_no_error (error);
  g_assert_true (styrkort_changes_touches (last_changes (seen), "district"));

  /* Undo of the figure names the same figure, and says it was undo. */
  g_assert_true (styrkort_project_undo (p, &error));
  g_assert_true (styrkort_project_undo (p, &error));
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpint (styrkort_changes_get_origin (last_changes (seen)), ==, STYRKORT_CHANGE_UNDO);
  g_assert_true (styrkort_changes_touches_figures (last_changes (seen), turnover->id, &t2));
  g_assert_false (styrkort_changes_touches (last_changes (seen), "district"));
  g_assert_true (styrkort_project_redo (p, &error));
  g_assert_cmpint (styrkort_changes_get_origin (last_changes (seen)), ==, STYRKORT_CHANGE_REDO);
  g_assert_true (styrkort_changes_touches_figures (last_changes (seen), turnover->id, &t2));

  /* A group: every row and figure of it, once. */
  g_assert_true (styrkort_project_begin_group (p, "Import", &error));
  for (int tertial = 1; tertial <= 3; tertial++)
    {
      v.period = (StyrkortPeriod) { 2025, tertial };
      v.value = tertial;
      g_assert_true (styrkort_project_set_value (p, &v, &error));
    }
  v.indicator_id = vfu->id;
  g_assert_true (styrkort_project_set_value (p, &v, &error));
  g_assert_true (styrkort_project_end_group (p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 7);
  g_assert_cmpint (styrkort_changes_get_origin (last_changes (seen)), ==, STYRKORT_CHANGE_GROUP);
  g_assert_cmpuint (styrkort_changes_get_rows (last_changes (seen), "indicator_value")->len, ==, 4);
  g_assert_true (styrkort_changes_touches_figures (last_changes (seen), vfu->id, &(StyrkortPeriod) { 2025, 3 }));
  g_assert_false (styrkort_changes_touches_figures (last_changes (seen), vfu->id, &(StyrkortPeriod) { 2025, 1 }));
  g_assert_true (styrkort_changes_touches_figures (last_changes (seen), turnover->id, &(StyrkortPeriod) { 2025, 1 }));

  /* Removing the unit removes its figures (ON DELETE CASCADE): they are named too. */
  g_assert_true (styrkort_project_remove_unit (p, unit, &error));
  g_assert_no_error (error);
  g_assert_true (styrkort_changes_touches (last_changes (seen), "unit"));
  g_assert_true (styrkort_changes_touches_figures (last_changes (seen), turnover->id, &t2));
}

static void
test_migrate_v1 (void)
{
  g_autofree char *path = test_path ("Gamla.styrkort");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "v1.styrkort", NULL);
  g_autofree char *original = NULL, *backup_path = NULL, *label = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = NULL;

  g_assert_true (g_file_copy (source, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  original = test_checksum (path);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 1);

  p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (styrkort_project_get_opened_version (p), ==, 1);
  g_assert_nonnull (strstr (styrkort_project_get_notices (p)[0], "Gamla.styrkort.bak-v1"));
  {
    g_autoptr(StyrkortDistrict) d = styrkort_project_get_district (p);
    g_autoptr(GPtrArray) units = styrkort_project_list_units (p);
    g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (p, "turnover");
    g_autoptr(StyrkortValue) v = styrkort_project_get_value (p, turnover->id,
                                                            ((StyrkortUnit *) units->pdata[0])->id,
                                                            (StyrkortPeriod) { 2020, 1 });
    StyrkortTotal t = styrkort_project_compute_total (p, turnover->id, (StyrkortPeriod) { 2020, 1 });
    g_assert_cmpstr (d->name, ==, "Gamla stadsdelen");
    g_assert_cmpuint (units->len, ==, 2);
    g_assert_cmpfloat (v->value, ==, 89.76);
    g_assert_true (isnan (v->numerator)); /* no base was known in v1 */
    g_assert_false (t.exact);
    g_assert_cmpstr (turnover->numerator_sv, ==, "Slutat");
  }
  /* The migrated file takes edits, with history. */
  g_assert_cmpint (styrkort_project_add_unit (p, "Ny enhet", first_operation (p), &error), >, 0);
  g_assert_true (styrkort_project_can_undo (p));
  g_clear_object (&p);

  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, STYRKORT_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'slide'"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_table_info('indicator_value')"
                                       " WHERE name = 'numerator'"), ==, 1);
  backup_path = g_strconcat (path, ".bak-v1", NULL);
  g_assert_cmpint (test_sql_int (backup_path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_sql_int (backup_path, "SELECT count(*) FROM unit"), ==, 2);
  label = test_sql_text (backup_path, "SELECT name FROM district");
  g_assert_cmpstr (label, ==, "Gamla stadsdelen");
  (void) original;
}

static void
assert_open_fails (const char *path, int code, const char *words)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = NULL;
  g_autofree char *before = g_file_test (path, G_FILE_TEST_EXISTS) ? test_checksum (path) : NULL;
  g_autofree char *base = g_path_get_basename (path);

  p = styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error);
  g_assert_null (p);
  g_assert_error (error, STYRKORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, words));
  if (before != NULL)
    {
      g_autofree char *after = test_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }
  /* No lock or journal is left behind by a refused file. */
  {
    g_autofree char *lock = g_strconcat (path, "-lock", NULL);
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }
}

static char *
make_demo_copy (const char *name)
{
  g_autofree char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_bad_files (void)
{
  g_autofree char *missing = test_path ("saknas.styrkort");
  g_autofree char *empty = test_path ("tom.styrkort");
  g_autofree char *text = test_path ("text.styrkort");
  g_autofree char *xlsx = test_path ("arbetsbok.styrkort");
  g_autofree char *other = test_path ("annan.styrkort");
  g_autofree char *newer = make_demo_copy ("nyare.styrkort");
  g_autofree char *truncated = make_demo_copy ("avkortad.styrkort");
  g_autofree char *corrupt = make_demo_copy ("skadad.styrkort");
  g_autofree char *short_header = test_path ("kort.styrkort");
  g_autofree char *data = NULL;
  gsize length;

  assert_open_fails (missing, STYRKORT_ERROR_NOT_FOUND, "does not exist");
  test_write_bytes (empty, "", 0);
  assert_open_fails (empty, STYRKORT_ERROR_EMPTY, "empty");
  test_write_bytes (text, "Enhet;Värde\nBarn;12,5\n", strlen ("Enhet;Värde\nBarn;12,5\n"));
  assert_open_fails (text, STYRKORT_ERROR_FOREIGN, "not a Styrkort file");
  test_write_bytes (xlsx, "PK\003\004\024\000\006\000rest of a zip", 22);
  assert_open_fails (xlsx, STYRKORT_ERROR_FOREIGN, "Excel");
  test_write_bytes (short_header, "SQLite format 3\000\020\000", 19);
  assert_open_fails (short_header, STYRKORT_ERROR_CORRUPT, "truncated");
  test_sql_exec (newer, "PRAGMA user_version = 99");
  assert_open_fails (newer, STYRKORT_ERROR_TOO_NEW, "newer version");
  {
    sqlite3 *db = NULL;
    sqlite3_open (other, &db);
    sqlite3_exec (db, "CREATE TABLE customers (name)", NULL, NULL, NULL);
    sqlite3_close (db);
    assert_open_fails (other, STYRKORT_ERROR_FOREIGN, "another program");
  }
  /* Cut the demo file in half. */
  g_assert_true (g_file_get_contents (truncated, &data, &length, NULL));
  test_write_bytes (truncated, data, length / 2);
  assert_open_fails (truncated, STYRKORT_ERROR_CORRUPT, "damaged");
  /* Overwrite pages in the middle with noise. */
  for (gsize i = length / 3; i < length / 3 + 20000; i++)
    data[i] = (char) (i * 7919);
  test_write_bytes (corrupt, data, length);
  assert_open_fails (corrupt, STYRKORT_ERROR_CORRUPT, "damaged");
  {
    g_autoptr(GFile) file = g_file_new_for_path (corrupt);
    g_autoptr(GError) error = NULL;
    g_assert_false (styrkort_project_check (file, &error));
    g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_CORRUPT);
  }
}

static void
test_second_opener_in_process (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) first = new_project (&path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) second = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_autoptr(GPtrArray) units = NULL;

  g_assert_no_error (error);
  g_assert_false (styrkort_project_is_read_only (first));
  g_assert_true (styrkort_project_is_read_only (second));
  g_assert_nonnull (strstr (styrkort_project_get_read_only_reason (second), "already open"));
  g_assert_cmpint (styrkort_project_add_unit (second, "E", first_operation (second), &error), ==, 0);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* The reader sees the writer's edits once they are saved. */
  g_assert_cmpint (styrkort_project_add_unit (first, "Ny", first_operation (first), &error), >, 0);
  test_saved (first);
  units = styrkort_project_list_units (second);
  g_assert_cmpuint (units->len, ==, 1);
  /* Once the writer closes, the next opener may write. */
  g_clear_object (&first);
  g_clear_object (&second);
  second = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_false (styrkort_project_is_read_only (second));
}

/* Opening ahead (a file named on the command line starts opening while GTK
 * starts; the window's open then takes it over). */

typedef struct {
  gboolean done;
  StyrkortProject *project;
  GError *error;
} Opened;

static void
on_opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Opened *opened = data;
  opened->project = styrkort_project_open_finish (result, &opened->error);
  opened->done = TRUE;
}

/* One turn of the main loop, failing the test after half a minute. */
static void
iterate (gint64 *deadline)
{
  if (*deadline == 0)
    *deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_assert_cmpint (g_get_monotonic_time (), <, *deadline);
  g_main_context_iteration (NULL, FALSE);
  g_usleep (1000);
}

static void
wait_opened (Opened *opened)
{
  gint64 deadline = 0;
  while (!opened->done)
    iterate (&deadline);
}

static void
open_and_wait (GFile *file, StyrkortOpenFlags flags, GCancellable *cancellable, Opened *opened)
{
  styrkort_project_open_async (file, flags, cancellable, on_opened_cb, opened);
  wait_opened (opened);
}

static void
wait_until_opened_ahead (guint n)
{
  gint64 deadline = 0;
  while (_styrkort_project_count_opened_ahead (TRUE) < n)
    iterate (&deadline);
}

/* Whether the file is free: the next opener may write (an opener that
 * finds it open in this process is let in to read only). */
static gboolean
is_free (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  return !styrkort_project_is_read_only (project);
}

static GFile *
closed_project_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) project = new_project (&path);
  return g_file_new_for_path (path);
}

/* Taken over while it opens, and after: one opening, so the window's
 * project may write (a second opening would be let in to read only). */
static void
test_open_ahead_taken_over (void)
{
  g_autoptr(GFile) file = closed_project_file ();
  Opened in_flight = { 0 }, finished = { 0 };

  styrkort_project_open_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  open_and_wait (file, STYRKORT_OPEN_NO_BACKUP, NULL, &in_flight);
  g_assert_no_error (in_flight.error);
  g_assert_false (styrkort_project_is_read_only (in_flight.project));
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 0);
  g_clear_object (&in_flight.project);

  styrkort_project_open_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  wait_until_opened_ahead (1);
  open_and_wait (file, STYRKORT_OPEN_NO_BACKUP, NULL, &finished);
  g_assert_no_error (finished.error);
  g_assert_false (styrkort_project_is_read_only (finished.project));
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 0);
  g_clear_object (&finished.project);
  g_assert_true (is_free (file));
}

/* Taken as a project once it has opened, even before its callback has run
 * (the window is made before the main loop turns): the project may write,
 * and nothing is taken twice. While it opens, and when it failed, there is
 * nothing to take, and styrkort_project_open_async() takes the opening over. */
static void
test_open_ahead_taken_at_once (void)
{
  g_autofree char *missing_path = test_path ("saknas.styrkort");
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) file = closed_project_file ();
  g_autoptr(StyrkortProject) project = NULL;
  Opened in_flight = { 0 }, failed = { 0 };
  gint64 deadline = 0;

  styrkort_project_open_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  /* No turn of the main loop: the opening's callback cannot run. */
  for (int i = 0; i < 20000 && project == NULL; i++, g_usleep (1000))
    project = styrkort_project_take_opened_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  g_assert_nonnull (project);
  g_assert_false (styrkort_project_is_read_only (project));
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 0);
  g_assert_null (styrkort_project_take_opened_ahead (file, STYRKORT_OPEN_NO_BACKUP));
  while (g_main_context_pending (NULL))
    iterate (&deadline);
  g_clear_object (&project);
  g_assert_true (is_free (file));

  /* Taken as the window is made, or, still opening, taken over: either
   * way one opening, writable, and nothing left. */
  styrkort_project_open_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  in_flight.project = styrkort_project_take_opened_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  if (in_flight.project == NULL)
    open_and_wait (file, STYRKORT_OPEN_NO_BACKUP, NULL, &in_flight);
  g_assert_no_error (in_flight.error);
  g_assert_nonnull (in_flight.project);
  g_assert_false (styrkort_project_is_read_only (in_flight.project));
  while (g_main_context_pending (NULL))
    iterate (&deadline);
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 0);
  g_clear_object (&in_flight.project);
  g_assert_true (is_free (file));

  styrkort_project_open_ahead (missing, STYRKORT_OPEN_NO_BACKUP);
  wait_until_opened_ahead (1);
  g_assert_null (styrkort_project_take_opened_ahead (missing, STYRKORT_OPEN_NO_BACKUP));
  open_and_wait (missing, STYRKORT_OPEN_NO_BACKUP, NULL, &failed);
  g_assert_null (failed.project);
  g_assert_nonnull (failed.error);
  g_clear_error (&failed.error);
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 0);
}

/* Another file or other flags open as usual; what no one took over is
 * closed when dropped, opened or still opening. */
static void
test_open_ahead_dropped (void)
{
  g_autoptr(GFile) file = closed_project_file ();
  Opened other = { 0 };
  gint64 deadline = 0;

  styrkort_project_open_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  wait_until_opened_ahead (1);
  open_and_wait (file, STYRKORT_OPEN_READ_ONLY | STYRKORT_OPEN_NO_BACKUP, NULL, &other);
  g_assert_no_error (other.error);
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 1);
  g_assert_false (is_free (file));
  styrkort_project_drop_opened_ahead ();
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 0);
  g_clear_object (&other.project);
  g_assert_true (is_free (file));

  /* Dropped while opening: closed once open. */
  styrkort_project_open_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  styrkort_project_drop_opened_ahead ();
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 1);
  while (_styrkort_project_count_opened_ahead (FALSE) > 0)
    iterate (&deadline);
  g_assert_true (is_free (file));
}

/* A file that cannot be opened says why to the one that takes it over, as
 * its own opening would; a cancelled taker gets nothing and the file closes. */
static void
test_open_ahead_error_and_cancel (void)
{
  g_autofree char *missing_path = test_path ("saknas.styrkort");
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) file = closed_project_file ();
  g_autoptr(GError) direct_error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Opened failed = { 0 }, cancelled = { 0 };

  g_assert_null (styrkort_project_open (missing, STYRKORT_OPEN_NO_BACKUP, &direct_error));
  styrkort_project_open_ahead (missing, STYRKORT_OPEN_NO_BACKUP);
  open_and_wait (missing, STYRKORT_OPEN_NO_BACKUP, NULL, &failed);
  g_assert_null (failed.project);
  g_assert_error (failed.error, direct_error->domain, direct_error->code);
  g_assert_cmpstr (failed.error->message, ==, direct_error->message);
  g_clear_error (&failed.error);

  styrkort_project_open_ahead (file, STYRKORT_OPEN_NO_BACKUP);
  styrkort_project_open_async (file, STYRKORT_OPEN_NO_BACKUP, cancellable, on_opened_cb, &cancelled);
  g_cancellable_cancel (cancellable);
  wait_opened (&cancelled);
  g_assert_null (cancelled.project);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
  g_assert_cmpuint (_styrkort_project_count_opened_ahead (FALSE), ==, 0);
  g_assert_true (is_free (file));
}

/* A project made in a worker thread (a new district, the demo) and closed
 * there: its edits reach the file, and its saver's work stays in that
 * thread: none of it waits in the main loop of the thread that asked (the
 * main thread would run it beside the worker). The worker waits after its
 * edit until the main thread has looked. */
typedef struct {
  GMutex lock;
  GCond cond;
  GFile *file;
  gboolean edited;
  gboolean looked;
} Handshake;

static StyrkortProject *
make_with_unit (GFile *file, gconstpointer data, GError **error)
{
  Handshake *hand = (Handshake *) data;
  StyrkortProject *project = styrkort_project_create (file, "Norr", error);

  if (project != NULL && styrkort_project_add_unit (project, "Enheten i tråden", first_operation (project), error) <= 0)
    g_clear_object (&project);
  g_mutex_lock (&hand->lock);
  hand->edited = TRUE;
  g_cond_signal (&hand->cond);
  while (!hand->looked)
    g_cond_wait (&hand->cond, &hand->lock);
  g_mutex_unlock (&hand->lock);
  return project;
}

static gpointer
make_in_thread (gpointer data)
{
  Handshake *hand = data;
  g_autoptr(GError) error = NULL;
  gboolean made = styrkort_project_make_closed (hand->file, make_with_unit, hand, &error);

  g_assert_no_error (error);
  return GINT_TO_POINTER (made);
}

static void
test_make_closed_in_thread (void)
{
  g_autofree char *path = test_path ("Gjord i en tråd.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Handshake hand = { .file = file };
  GThread *thread;
  gboolean pending;

  g_mutex_init (&hand.lock);
  g_cond_init (&hand.cond);
  thread = g_thread_new ("make", make_in_thread, &hand);
  g_mutex_lock (&hand.lock);
  while (!hand.edited)
    g_cond_wait (&hand.cond, &hand.lock);
  pending = g_main_context_pending (NULL);
  hand.looked = TRUE;
  g_cond_signal (&hand.cond);
  g_mutex_unlock (&hand.lock);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
  g_assert_false (pending);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM unit WHERE name = 'Enheten i tråden'"), ==, 1);
  g_assert_true (is_free (file));
  g_mutex_clear (&hand.lock);
  g_cond_clear (&hand.cond);
}

static void
test_second_opener_other_process (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) created = new_project (&path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) second = NULL;
  const char *helper = g_getenv ("STYRKORT_TEST_HOLDER");
  g_autoptr(GSubprocess) holder = NULL;
  char ready[6] = { 0 };
  gsize n = 0;

  g_clear_object (&created);
  g_assert_nonnull (helper);
  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             helper, "hold", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_input_stream_read_all (g_subprocess_get_stdout_pipe (holder), ready, 5, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (ready, ==, "ready");
  second = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (styrkort_project_is_read_only (second));
  g_assert_nonnull (strstr (styrkort_project_get_read_only_reason (second), "another window or program"));
  /* The holder exits when its stdin closes. */
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, &error));
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);
}

static void
test_read_only_flag (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_clear_object (&p);
  before = test_checksum (path);
  p = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY, &error);
  g_assert_true (styrkort_project_is_read_only (p));
  g_assert_false (styrkort_project_can_undo (p));
  g_assert_false (styrkort_project_set_district (p, "Ändrad", "", "", &error));
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_READ_ONLY);
  g_clear_object (&p);
  after = test_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* Windows has no read-only folders of this kind: chmod sets the read-only
 * attribute, which a folder's files do not obey. */
#ifdef G_OS_UNIX
/* Root may write anywhere (CI runs as root): the open happens in a child
 * that is user "nobody" then, as an office PC's user is not root. */
static void
open_as_user (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = NULL;

  if (geteuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");
      g_assert_nonnull (nobody);
      g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
      g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
    }
  p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (styrkort_project_is_read_only (p));
  g_assert_nonnull (strstr (styrkort_project_get_read_only_reason (p), "read-only"));
}

static void
test_read_only_folder (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *root = g_path_get_dirname (folder);

  g_clear_object (&p);
  if (g_test_subprocess ())
    {
      open_as_user (g_getenv ("STYRKORT_TEST_READ_ONLY_PATH"));
      return;
    }
  /* The child reaches the file; it may not write beside it. */
  g_chmod (root, 0755);
  g_chmod (path, 0444);
  g_chmod (folder, 0555);
  g_setenv ("STYRKORT_TEST_READ_ONLY_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_chmod (folder, 0755);
  g_chmod (path, 0644);
  g_chmod (root, 0700);
  g_test_trap_assert_passed ();
}

#endif

static void
test_remote_exclusive (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) other = NULL;

  g_clear_object (&p);
  p = styrkort_project_open (file, STYRKORT_OPEN_ASSUME_REMOTE | STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (styrkort_project_is_exclusive (p));
  g_assert_nonnull (strstr (styrkort_project_get_notices (p)[0], "network share"));
  g_assert_cmpint (styrkort_project_add_unit (p, "E", first_operation (p), &error), >, 0);
  /* Nobody else can even read it while it is held. */
  other = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY, &error);
  g_assert_null (other);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_BUSY);
  g_clear_error (&error);
  g_clear_object (&p);
  other = styrkort_project_open (file, STYRKORT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
}

static void
test_backups (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GFile) folder = styrkort_backups_folder (file);
  g_autofree char *restored = NULL;

  g_assert_cmpint (styrkort_project_add_unit (p, "Före kopian", first_operation (p), &error), >, 0);
  g_clear_object (&p);
  p = styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error);
  copies = styrkort_backups_list (file, &error);
  g_assert_cmpuint (copies->len, ==, 1);
  /* Once a day only. */
  g_clear_object (&p);
  p = styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error);
  g_clear_pointer (&copies, g_ptr_array_unref);
  copies = styrkort_backups_list (file, &error);
  g_assert_cmpuint (copies->len, ==, 1);
  /* Edits after the copy are not in it. */
  g_assert_cmpint (styrkort_project_add_unit (p, "Efter kopian", first_operation (p), &error), >, 0);

  /* Older copies from earlier days: only the last 10 are kept. */
  for (int day = 1; day <= 12; day++)
    {
      g_autofree char *name = g_strdup_printf ("2020-01-%02dT120000.styrkort", day);
      g_autoptr(GFile) old = g_file_get_child (folder, name);
      g_assert_true (g_file_copy (copies->pdata[0], old, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    }
  /* Pretend today's copy is from yesterday so that a new one is due. */
  {
    g_autoptr(GFile) moved = g_file_get_child (folder, "2020-02-01T120000.styrkort");
    g_assert_true (g_file_move (copies->pdata[0], moved, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  }
  g_clear_object (&p);
  p = styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error);
  g_clear_pointer (&copies, g_ptr_array_unref);
  copies = styrkort_backups_list (file, &error);
  g_assert_cmpuint (copies->len, ==, STYRKORT_BACKUPS_KEPT);
  {
    g_autofree char *newest = g_file_get_basename (copies->pdata[0]);
    g_autofree char *oldest = g_file_get_basename (copies->pdata[copies->len - 1]);
    g_assert_false (g_str_has_prefix (newest, "2020"));
    g_assert_cmpstr (oldest, ==, "2020-01-05T120000.styrkort");
  }

  /* Restore to a new name; never over an existing file unless asked. */
  restored = g_strconcat (path, ".restored.styrkort", NULL);
  {
    g_autoptr(GFile) target = g_file_new_for_path (restored);
    g_assert_true (styrkort_backups_restore (copies->pdata[1], target, FALSE, &error));
    g_assert_cmpint (test_sql_int (restored, "SELECT count(*) FROM unit"), ==, 1);
    g_assert_false (styrkort_backups_restore (copies->pdata[0], target, FALSE, &error));
    g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_EXISTS);
    g_clear_error (&error);
    g_assert_false (styrkort_backups_restore (copies->pdata[0], file, FALSE, &error));
    g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_EXISTS);
  }
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM unit"), ==, 2);
}

/* A copy of changes that could not be saved is named so, does not stand
 * for the day's copy, and is never pruned with the daily ones. */
static void
test_unsaved_copies (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = styrkort_backups_folder (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) old = g_file_get_child (folder, "2019-12-31T120000-unsaved.styrkort");
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpint (styrkort_project_add_unit (p, "Osparad", first_operation (p), &error), >, 0);
  copy = styrkort_project_keep_unsaved (p, &error);
  g_assert_no_error (error);
  name = g_file_get_basename (copy);
  g_assert_true (g_str_has_suffix (name, "-unsaved.styrkort"));
  {
    g_autofree char *copy_path = g_file_get_path (copy);
    g_assert_cmpint (test_sql_int (copy_path, "SELECT count(*) FROM unit WHERE name = 'Osparad'"), ==, 1);
  }
  g_assert_true (g_file_copy (copy, old, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  for (int day = 1; day <= 12; day++)
    {
      g_autofree char *daily = g_strdup_printf ("2020-01-%02dT120000.styrkort", day);
      g_autoptr(GFile) target = g_file_get_child (folder, daily);
      g_assert_true (g_file_copy (copy, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    }
  /* Opening makes the day's copy (today's unsaved one does not count) and
   * keeps the last 10 daily ones, and both unsaved ones. */
  g_clear_object (&p);
  p = styrkort_project_open (file, STYRKORT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  copies = styrkort_backups_list (file, &error);
  g_assert_cmpuint (copies->len, ==, STYRKORT_BACKUPS_KEPT + 2);
  g_assert_true (g_file_query_exists (old, NULL));
  g_assert_true (g_file_query_exists (copy, NULL));
}

static void
test_demo (void)
{
  g_autofree char *a = make_demo_copy ("a.styrkort");
  g_autofree char *b = make_demo_copy ("b.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_autoptr(GPtrArray) units = styrkort_project_list_units (p);
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (p);
  g_autoptr(GArray) periods = styrkort_project_list_periods (p);

  g_assert_cmpuint (units->len, ==, 5);
  g_assert_cmpuint (periods->len, ==, 9);
  g_assert_false (styrkort_project_can_undo (p)); /* the demo is no edit to undo */
  /* Every indicator has a value for every unit and period. */
  g_assert_cmpint (test_sql_int (a, "SELECT count(*) FROM indicator_value"), ==,
                   (gint64) units->len * indicators->len * periods->len);
  g_assert_cmpint (test_sql_int (a, "SELECT count(*) FROM assessment"), ==, 16 * 6 * 9);
  g_assert_cmpint (test_sql_int (a, "SELECT count(DISTINCT area_id) FROM subgoal"), >=, 5);
  /* The same seed gives the same figures. */
  g_assert_cmpint (test_sql_int (a, "SELECT sum(value * 1000) FROM indicator_value"), ==,
                   test_sql_int (b, "SELECT sum(value * 1000) FROM indicator_value"));
}

static void
test_slides (void)
{
  g_autofree char *path = NULL;
  g_autoptr(StyrkortProject) p = new_project (&path);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_slide_free);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  StyrkortSlide trend = { (char *) "trend", indicator_id (p, "sick_leave"), 0 };
  StyrkortSlide status = { (char *) "area-status", 0, 0 };

  g_ptr_array_add (chosen, styrkort_slide_copy (&trend));
  g_ptr_array_add (chosen, styrkort_slide_copy (&status));
  g_assert_true (styrkort_project_set_slides (p, chosen, &error));
  reopen (&p, path);
  back = styrkort_project_list_slides (p);
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_cmpstr (((StyrkortSlide *) back->pdata[0])->kind, ==, "trend");
  g_assert_cmpint (((StyrkortSlide *) back->pdata[0])->indicator_id, ==, trend.indicator_id);
  g_assert_cmpstr (((StyrkortSlide *) back->pdata[1])->kind, ==, "area-status");
  /* Choosing slides is one undoable edit. */
  g_assert_true (styrkort_project_undo (p, &error));
  g_clear_pointer (&back, g_ptr_array_unref);
  back = styrkort_project_list_slides (p);
  g_assert_cmpuint (back->len, ==, 0);
}

/* Every row of every table, each value with its type: two databases with
 * the same dump hold the same data. */
static char *
dump_tables (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  /* No LIKE: the app's connections allow only the functions our SQL calls. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      if (g_str_has_prefix ((const char *) sqlite3_column_text (tables, 0), "sqlite_"))
        continue;
      g_autofree char *sql = NULL;
      sqlite3_stmt *rows = NULL;
      sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", sqlite3_column_text (tables, 0));
      g_string_append_printf (out, "[%s]\n", sqlite3_column_text (tables, 0));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              char number[G_ASCII_DTOSTR_BUF_SIZE];
              gboolean real = sqlite3_column_type (rows, c) == SQLITE_FLOAT;
              if (real)
                g_ascii_formatd (number, sizeof number, "%.17g", sqlite3_column_double (rows, c));
              g_string_append_printf (out, "%d:%s|", sqlite3_column_type (rows, c),
                                      real ? number : (const char *) sqlite3_column_text (rows, c));
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (out, FALSE);
}

static void
assert_file_as_in_memory (StyrkortProject *p, const char *path)
{
  sqlite3 *file = NULL;
  g_autofree char *in_memory = dump_tables (_styrkort_project_get_db (p));
  g_autofree char *in_file = NULL;

  test_saved (p);
  g_assert_cmpint (sqlite3_open_v2 (path, &file, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (file, 5000);
  in_file = dump_tables (file);
  sqlite3_close (file);
  g_assert_cmpstr (in_file, ==, in_memory);
}

/* The saver's thread writes what the edits did to the copy in memory: after
 * every kind of change (a group, cascades, a table emptied and filled,
 * undo and redo, the history cleared), the file holds exactly that. */
static void
test_file_follows_edits (void)
{
  g_autofree char *path = test_path ("Följer.styrkort");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_slide_free);
  StyrkortSlide trend = { (char *) "trend", indicator_id (p, "sick_leave"), 0 };
  StyrkortMember member = { 0, (char *) "Ny ledamot", (char *) "Ordförande", (char *) "Förvaltningen" };
  gint64 unit;

  g_assert_no_error (error);
  assert_file_as_in_memory (p, path);
  /* A unit with figures, then removed: its figures go with it (a cascade). */
  units = styrkort_project_list_units (p);
  unit = ((StyrkortUnit *) units->pdata[0])->id;
  g_assert_true (styrkort_project_remove_unit (p, unit, &error));
  g_assert_no_error (error);
  assert_file_as_in_memory (p, path);
  g_assert_true (styrkort_project_undo (p, &error));
  assert_file_as_in_memory (p, path);
  g_assert_true (styrkort_project_redo (p, &error));
  g_assert_true (styrkort_project_undo (p, &error));
  /* The slides emptied and chosen anew, twice, without waiting in between. */
  g_ptr_array_add (slides, styrkort_slide_copy (&trend));
  g_assert_true (styrkort_project_set_slides (p, slides, &error));
  g_assert_true (styrkort_project_set_slides (p, slides, &error));
  g_assert_cmpint (styrkort_project_add_member (p, &member, &error), >, 0);
  g_assert_no_error (error);
  assert_file_as_in_memory (p, path);
  g_assert_true (styrkort_project_clear_history (p, &error));
  assert_file_as_in_memory (p, path);
  /* And once more after reopening: nothing was only in memory. */
  {
    g_autofree char *before = dump_tables (_styrkort_project_get_db (p));
    g_autofree char *after = NULL;
    g_clear_object (&p);
    p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
    g_assert_no_error (error);
    after = dump_tables (_styrkort_project_get_db (p));
    g_assert_cmpstr (after, ==, before);
  }
}

#ifdef G_OS_WIN32
/* GLib never sets filesystem::remote on Windows: UNC paths and mapped
 * network drives are found by Styrkort itself. */
static void
test_windows_shares (void)
{
  g_autoptr(GFile) unc = g_file_new_for_path ("\\\\fil01\\Södermalm\\Styrgrupp\\Södermalm.styrkort");
  g_autoptr(GFile) long_unc = g_file_new_for_path ("\\\\?\\UNC\\fil01\\delat\\x.styrkort");
  g_autofree char *local_path = test_path ("local.styrkort");
  g_autoptr(GFile) local = g_file_new_for_path (local_path);

  g_assert_true (styrkort_file_is_on_share (unc));
  g_assert_true (styrkort_file_is_on_share (long_unc));
  g_assert_false (styrkort_file_is_on_share (local));
}
#endif

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/project/create", test_create);
  g_test_add_func ("/core/project/district-operations", test_district_operations);
  g_test_add_func ("/core/project/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/core/project/roundtrip", test_roundtrip);
  g_test_add_func ("/core/project/validation", test_validation);
  g_test_add_func ("/core/project/rate-total", test_rate_total);
  g_test_add_func ("/core/project/subgoal-state", test_subgoal_state);
  g_test_add_func ("/core/project/undo-redo-reopen", test_undo_redo_reopen);
  g_test_add_func ("/core/project/group-is-one-step", test_group_is_one_step);
  g_test_add_func ("/core/project/changes", test_changes);
  g_test_add_func ("/core/project/migrate-v1", test_migrate_v1);
  g_test_add_func ("/core/project/bad-files", test_bad_files);
  g_test_add_func ("/core/project/second-opener-in-process", test_second_opener_in_process);
  g_test_add_func ("/core/project/second-opener-other-process", test_second_opener_other_process);
  g_test_add_func ("/core/project/open-ahead-taken-over", test_open_ahead_taken_over);
  g_test_add_func ("/core/project/open-ahead-taken-at-once", test_open_ahead_taken_at_once);
  g_test_add_func ("/core/project/open-ahead-dropped", test_open_ahead_dropped);
  g_test_add_func ("/core/project/open-ahead-error-and-cancel", test_open_ahead_error_and_cancel);
  g_test_add_func ("/core/project/make-closed-in-thread", test_make_closed_in_thread);
  g_test_add_func ("/core/project/read-only-flag", test_read_only_flag);
#ifdef G_OS_UNIX
  g_test_add_func ("/core/project/read-only-folder", test_read_only_folder);
#endif
  g_test_add_func ("/core/project/remote-exclusive", test_remote_exclusive);
#ifdef G_OS_WIN32
  g_test_add_func ("/core/project/windows-shares", test_windows_shares);
#endif
  g_test_add_func ("/core/project/backups", test_backups);
  g_test_add_func ("/core/project/demo", test_demo);
  g_test_add_func ("/core/project/slides", test_slides);
  g_test_add_func ("/core/project/unsaved-copies", test_unsaved_copies);
  g_test_add_func ("/core/project/file-follows-edits", test_file_follows_edits);
  return g_test_run ();
}
