/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The steering group's follow-up in a project: assessments, notes, sub-goals, actions, members, meetings. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "styrkort-db.h"
#include "styrkort-project-private.h"

/* Assessments and gender-equality notes --------------------------------- */

static gpointer
read_assessment (sqlite3_stmt *s)
{
  StyrkortAssessment *a = g_new0 (StyrkortAssessment, 1);
  a->area_id = sqlite3_column_int64 (s, 0);
  a->operation_id = sqlite3_column_int64 (s, 1);
  a->period.year = sqlite3_column_int (s, 2);
  a->period.tertial = sqlite3_column_int (s, 3);
  a->status = MAX (0, styrkort_status_from_key ((const char *) sqlite3_column_text (s, 4)));
  a->text = styrkort_db_column_text0 (s, 5);
  return a;
}

StyrkortAssessment *
styrkort_project_get_assessment (StyrkortProject *self, gint64 area_id, gint64 operation_id,
                                 StyrkortPeriod period)
{
  return _styrkort_steal_first (_styrkort_list_rows (self, read_assessment, (GDestroyNotify) styrkort_assessment_free,
    "SELECT area_id, operation_id, year, tertial, status, text FROM assessment"
    " WHERE area_id = ? AND operation_id = ? AND year = ? AND tertial = ?",
    "iinn", area_id, operation_id, period.year, period.tertial));
}

gboolean
styrkort_project_set_assessment (StyrkortProject *self, gint64 area_id, gint64 operation_id,
                                 StyrkortPeriod period, StyrkortStatus status, const char *text,
                                 GError **error)
{
  const char *key = styrkort_status_to_key (status);

  if (!_styrkort_check_period (period, error))
    return FALSE;
  if (key == NULL)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("Unknown status."));
      return FALSE;
    }
  return _styrkort_project_edit (self, _("Change assessment"), error,
    "INSERT INTO assessment (area_id, operation_id, year, tertial, status, text) VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (area_id, operation_id, year, tertial) DO UPDATE SET status = excluded.status,"
    " text = excluded.text", "iinntt", area_id, operation_id, period.year, period.tertial, key,
    text ? text : "");
}

char *
styrkort_project_get_gender_note (StyrkortProject *self, gint64 area_id, StyrkortPeriod period)
{
  sqlite3 *db = _styrkort_project_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (db == NULL)
    return g_strdup ("");
  stmt = styrkort_db_prepare (db, NULL, "SELECT text FROM gender_note WHERE area_id = ? AND year = ? AND tertial = ?",
                              "inn", area_id, period.year, period.tertial);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("");
  return styrkort_db_column_text0 (stmt, 0);
}

gboolean
styrkort_project_set_gender_note (StyrkortProject *self, gint64 area_id, StyrkortPeriod period,
                                  const char *text, GError **error)
{
  if (!_styrkort_check_period (period, error))
    return FALSE;
  return _styrkort_project_edit (self, _("Change gender-equality note"), error,
    "INSERT INTO gender_note (area_id, year, tertial, text) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (area_id, year, tertial) DO UPDATE SET text = excluded.text",
    "innt", area_id, period.year, period.tertial, text ? text : "");
}

/* Sub-goals -------------------------------------------------------------- */

static gpointer
read_subgoal (sqlite3_stmt *s)
{
  StyrkortSubgoal *g = g_new0 (StyrkortSubgoal, 1);
  g->id = sqlite3_column_int64 (s, 0);
  g->area_id = sqlite3_column_int64 (s, 1);
  g->text = styrkort_db_column_text0 (s, 2);
  g->indicator_id = sqlite3_column_int64 (s, 3);
  g->baseline = styrkort_db_column_double (s, 4);
  g->target = styrkort_db_column_double (s, 5);
  g->deadline = styrkort_db_column_text (s, 6);
  return g;
}

GPtrArray *
styrkort_project_list_subgoals (StyrkortProject *self, gint64 area_id)
{
  return _styrkort_list_rows (self, read_subgoal, (GDestroyNotify) styrkort_subgoal_free,
    "SELECT id, area_id, text, ifnull (indicator_id, 0), baseline, target, deadline FROM subgoal"
    " WHERE ? = 0 OR area_id = ? ORDER BY id", "ii", area_id, area_id);
}

static gboolean
check_subgoal (const StyrkortSubgoal *g, GError **error)
{
  return _styrkort_check_text (g->text, _("The sub-goal"), error) &&
         _styrkort_check_date (g->deadline, error);
}

gint64
styrkort_project_add_subgoal (StyrkortProject *self, const StyrkortSubgoal *g, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (!check_subgoal (g, error))
    return 0;
  /* The baseline is taken to be from the day the sub-goal is set. */
  return _styrkort_insert_row (self, _("Add sub-goal"), error,
    "INSERT INTO subgoal (area_id, text, indicator_id, baseline, target, deadline, baseline_date)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)",
    "itIddtt", g->area_id, g->text, g->indicator_id, g->baseline, g->target, g->deadline, today);
}

gboolean
styrkort_project_update_subgoal (StyrkortProject *self, const StyrkortSubgoal *g, GError **error)
{
  if (!check_subgoal (g, error))
    return FALSE;
  return _styrkort_project_edit (self, _("Change sub-goal"), error,
    "UPDATE subgoal SET text = ?, indicator_id = ?, baseline = ?, target = ?, deadline = ? WHERE id = ?",
    "tIddti", g->text, g->indicator_id, g->baseline, g->target, g->deadline, g->id);
}

gboolean
styrkort_project_remove_subgoal (StyrkortProject *self, gint64 id, GError **error)
{
  return _styrkort_remove_row (self, _("Remove sub-goal"), "subgoal", id, error);
}

static gpointer
read_period (sqlite3_stmt *s)
{
  StyrkortPeriod *p = g_new (StyrkortPeriod, 1);
  p->year = sqlite3_column_int (s, 0);
  p->tertial = sqlite3_column_int (s, 1);
  return p;
}

/* The latest district total of the sub-goal's indicator up to @period:
 * only periods with figures of the indicator can have one. */
static double
latest_total (StyrkortProject *self, gint64 indicator_id, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) periods = _styrkort_list_rows (self, read_period, g_free,
    "SELECT DISTINCT year, tertial FROM indicator_value WHERE indicator_id = ?"
    " AND (year < ? OR (year = ? AND tertial <= ?)) ORDER BY year DESC, tertial DESC",
    "iiii", indicator_id, (gint64) period.year, (gint64) period.year, (gint64) period.tertial);

  for (guint i = 0; i < periods->len; i++)
    {
      StyrkortTotal total = styrkort_project_compute_total (self, indicator_id, *(StyrkortPeriod *) periods->pdata[i]);
      if (!isnan (total.value))
        return total.value;
    }
  return NAN;
}

StyrkortGoalState
styrkort_project_subgoal_state (StyrkortProject *self, const StyrkortSubgoal *g,
                                StyrkortPeriod period, double *latest)
{
  g_autoptr(StyrkortIndicator) indicator = NULL;
  double value = NAN, direction;

  if (latest != NULL)
    *latest = NAN;
  if (g->indicator_id == 0 || isnan (g->target))
    return STYRKORT_GOAL_NO_DATA;
  indicator = styrkort_project_get_indicator (self, g->indicator_id);
  value = latest_total (self, g->indicator_id, period);
  if (latest != NULL)
    *latest = value;
  if (indicator == NULL || isnan (value))
    return STYRKORT_GOAL_NO_DATA;
  /* Which way is better: the indicator says, or else the target does. */
  if (indicator->better == STYRKORT_BETTER_HIGHER)
    direction = 1;
  else if (indicator->better == STYRKORT_BETTER_LOWER)
    direction = -1;
  else
    direction = !isnan (g->baseline) && g->target < g->baseline ? -1 : 1;
  if ((value - g->target) * direction >= 0)
    return STYRKORT_GOAL_MET;
  if (!isnan (g->baseline) && (value - g->baseline) * direction < 0)
    return STYRKORT_GOAL_WORSE;
  return STYRKORT_GOAL_IMPROVING;
}

/* Actions ---------------------------------------------------------------- */

static gpointer
read_action (sqlite3_stmt *s)
{
  StyrkortAction *a = g_new0 (StyrkortAction, 1);
  a->id = sqlite3_column_int64 (s, 0);
  a->area_id = sqlite3_column_int64 (s, 1);
  a->subgoal_id = sqlite3_column_int64 (s, 2);
  a->text = styrkort_db_column_text0 (s, 3);
  a->owner = styrkort_db_column_text0 (s, 4);
  a->due = styrkort_db_column_text (s, 5);
  a->state = MAX (0, styrkort_action_state_from_key ((const char *) sqlite3_column_text (s, 6)));
  a->note = styrkort_db_column_text0 (s, 7);
  return a;
}

GPtrArray *
styrkort_project_list_actions (StyrkortProject *self, gint64 area_id)
{
  return _styrkort_list_rows (self, read_action, (GDestroyNotify) styrkort_action_free,
    "SELECT id, area_id, ifnull (subgoal_id, 0), text, owner, due, status, note FROM action"
    " WHERE ? = 0 OR area_id = ? ORDER BY id", "ii", area_id, area_id);
}

static gboolean
check_action (const StyrkortAction *a, GError **error)
{
  if (styrkort_action_state_to_key (a->state) == NULL)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("Unknown status."));
      return FALSE;
    }
  return _styrkort_check_text (a->text, _("The action"), error) && _styrkort_check_date (a->due, error);
}

gint64
styrkort_project_add_action (StyrkortProject *self, const StyrkortAction *a, GError **error)
{
  if (!check_action (a, error))
    return 0;
  return _styrkort_insert_row (self, _("Add action"), error,
    "INSERT INTO action (area_id, subgoal_id, text, owner, due, status, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "iIttttt", a->area_id, a->subgoal_id, a->text, a->owner ? a->owner : "", a->due,
    styrkort_action_state_to_key (a->state), a->note ? a->note : "");
}

gboolean
styrkort_project_update_action (StyrkortProject *self, const StyrkortAction *a, GError **error)
{
  if (!check_action (a, error))
    return FALSE;
  return _styrkort_project_edit (self, _("Change action"), error,
    "UPDATE action SET subgoal_id = ?, text = ?, owner = ?, due = ?, status = ?, note = ? WHERE id = ?",
    "Ittttti", a->subgoal_id, a->text, a->owner ? a->owner : "", a->due,
    styrkort_action_state_to_key (a->state), a->note ? a->note : "", a->id);
}

gboolean
styrkort_project_remove_action (StyrkortProject *self, gint64 id, GError **error)
{
  return _styrkort_remove_row (self, _("Remove action"), "action", id, error);
}

/* Steering group ---------------------------------------------------------- */

static gpointer
read_member (sqlite3_stmt *s)
{
  StyrkortMember *m = g_new0 (StyrkortMember, 1);
  m->id = sqlite3_column_int64 (s, 0);
  m->name = styrkort_db_column_text0 (s, 1);
  m->role = styrkort_db_column_text0 (s, 2);
  m->organisation = styrkort_db_column_text0 (s, 3);
  return m;
}

GPtrArray *
styrkort_project_list_members (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_member, (GDestroyNotify) styrkort_member_free,
                              "SELECT id, name, role, organisation FROM member ORDER BY id", NULL);
}

gint64
styrkort_project_add_member (StyrkortProject *self, const StyrkortMember *m, GError **error)
{
  if (!_styrkort_check_text (m->name, _("The name"), error))
    return 0;
  return _styrkort_insert_row (self, _("Add member"), error,
                               "INSERT INTO member (name, role, organisation) VALUES (?, ?, ?)", "ttt",
                               m->name, m->role ? m->role : "", m->organisation ? m->organisation : "");
}

gboolean
styrkort_project_update_member (StyrkortProject *self, const StyrkortMember *m, GError **error)
{
  if (!_styrkort_check_text (m->name, _("The name"), error))
    return FALSE;
  return _styrkort_project_edit (self, _("Change member"), error,
                                 "UPDATE member SET name = ?, role = ?, organisation = ? WHERE id = ?", "ttti",
                                 m->name, m->role ? m->role : "", m->organisation ? m->organisation : "", m->id);
}

gboolean
styrkort_project_remove_member (StyrkortProject *self, gint64 id, GError **error)
{
  return _styrkort_remove_row (self, _("Remove member"), "member", id, error);
}

static gpointer
read_meeting (sqlite3_stmt *s)
{
  StyrkortMeeting *m = g_new0 (StyrkortMeeting, 1);
  m->id = sqlite3_column_int64 (s, 0);
  m->date = styrkort_db_column_text0 (s, 1);
  m->notes = styrkort_db_column_text0 (s, 2);
  return m;
}

GPtrArray *
styrkort_project_list_meetings (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_meeting, (GDestroyNotify) styrkort_meeting_free,
                              "SELECT id, date, notes FROM meeting ORDER BY date, id", NULL);
}

static gboolean
check_meeting (const StyrkortMeeting *m, GError **error)
{
  return _styrkort_check_text (m->date, _("The date"), error) && _styrkort_check_date (m->date, error);
}

gint64
styrkort_project_add_meeting (StyrkortProject *self, const StyrkortMeeting *m, GError **error)
{
  if (!check_meeting (m, error))
    return 0;
  return _styrkort_insert_row (self, _("Add meeting"), error,
                               "INSERT INTO meeting (date, notes) VALUES (?, ?)", "tt",
                               m->date, m->notes ? m->notes : "");
}

gboolean
styrkort_project_update_meeting (StyrkortProject *self, const StyrkortMeeting *m, GError **error)
{
  if (!check_meeting (m, error))
    return FALSE;
  return _styrkort_project_edit (self, _("Change meeting"), error,
                                 "UPDATE meeting SET date = ?, notes = ? WHERE id = ?", "tti",
                                 m->date, m->notes ? m->notes : "", m->id);
}

gboolean
styrkort_project_remove_meeting (StyrkortProject *self, gint64 id, GError **error)
{
  return _styrkort_remove_row (self, _("Remove meeting"), "meeting", id, error);
}

/* Slides ------------------------------------------------------------------ */

static gpointer
read_slide (sqlite3_stmt *s)
{
  StyrkortSlide *slide = g_new0 (StyrkortSlide, 1);
  slide->kind = styrkort_db_column_text0 (s, 0);
  slide->indicator_id = sqlite3_column_int64 (s, 1);
  slide->area_id = sqlite3_column_int64 (s, 2);
  return slide;
}

GPtrArray *
styrkort_project_list_slides (StyrkortProject *self)
{
  return _styrkort_list_rows (self, read_slide, (GDestroyNotify) styrkort_slide_free,
                              "SELECT kind, ifnull (indicator_id, 0), ifnull (area_id, 0) FROM slide"
                              " ORDER BY position", NULL);
}

gboolean
styrkort_project_set_slides (StyrkortProject *self, GPtrArray *slides, GError **error)
{
  sqlite3 *db = _styrkort_project_get_db (self);

  if (!_styrkort_project_begin (self, _("Choose slides"), error))
    return FALSE;
  if (!styrkort_db_exec (db, error, "DELETE FROM slide", NULL))
    goto failed;
  for (guint i = 0; i < slides->len; i++)
    {
      StyrkortSlide *slide = slides->pdata[i];
      if (!styrkort_db_exec (db, error, "INSERT INTO slide (position, kind, indicator_id, area_id) VALUES (?, ?, ?, ?)",
                             "ntII", (int) i, slide->kind, slide->indicator_id, slide->area_id))
        goto failed;
    }
  return _styrkort_project_commit (self, error);

failed:
  _styrkort_project_rollback (self);
  return FALSE;
}
