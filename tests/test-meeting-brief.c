/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Inför mötet": the brief's rules on small hand-made district files whose
 * expected lines are known, decisions that make actions, undo, migration. */
#include <cairo.h>
#include <math.h>

#include "styrkort-figure-rules.h"
#include "styrkort-locale.h"
#include "styrkort-meeting-brief.h"
#include "styrkort-project.h"
#include "test-util.h"

static const StyrkortPeriod T1 = { 2026, 1 }, T2 = { 2026, 2 };

typedef struct {
  char *path;
  StyrkortProject *p;
  gint64 u1, u2;           /* children, elderly */
  gint64 area;             /* area 3 */
} Fixture;

static gint64
operation (StyrkortProject *p, const char *key)
{
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (p);
  for (guint i = 0; i < operations->len; i++)
    if (g_str_equal (((StyrkortOperation *) operations->pdata[i])->key, key))
      return ((StyrkortOperation *) operations->pdata[i])->id;
  g_assert_not_reached ();
}

static gint64
indicator (StyrkortProject *p, const char *code)
{
  g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (p, code);
  g_assert_nonnull (ind);
  return ind->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  f->path = test_path ("Briefstaden.styrkort");
  file = g_file_new_for_path (f->path);
  f->p = styrkort_project_create (file, "Briefstaden", &error);
  g_assert_no_error (error);
  f->u1 = styrkort_project_add_unit (f->p, "Enheten för barn och familj", operation (f->p, "children"), &error);
  f->u2 = styrkort_project_add_unit (f->p, "Enheten för äldre", operation (f->p, "elderly"), &error);
  g_assert_no_error (error);
  {
    g_autoptr(StyrkortArea) area = styrkort_project_find_area (f->p, "a03");
    f->area = area->id;
  }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->p);
  g_free (f->path);
}

static void
set (Fixture *f, const char *code, gint64 unit, StyrkortPeriod period, double value, double num, double den)
{
  g_autoptr(GError) error = NULL;
  StyrkortValue v;

  styrkort_value_init (&v);
  v.indicator_id = indicator (f->p, code);
  v.unit_id = unit;
  v.period = period;
  v.value = value;
  v.numerator = num;
  v.denominator = den;
  g_assert_true (styrkort_project_set_value (f->p, &v, &error));
  g_assert_no_error (error);
}

static void
city (Fixture *f, const char *code, double value)
{
  g_autoptr(GError) error = NULL;
  StyrkortCityValue c = { indicator (f->p, code), T2, value, NAN, NAN, 0, 0 };
  g_assert_true (styrkort_project_set_city_value (f->p, &c, &error));
  g_assert_no_error (error);
}

static gint64
meeting (Fixture *f, const char *date)
{
  g_autoptr(GError) error = NULL;
  StyrkortMeeting m = { 0, (char *) date, (char *) "" };
  gint64 id = styrkort_project_add_meeting (f->p, &m, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
action (Fixture *f, const char *text, const char *due, StyrkortActionState state)
{
  g_autoptr(GError) error = NULL;
  StyrkortAction a = { 0, f->area, 0, (char *) text, (char *) "Enhetschef", (char *) due, state, (char *) "" };
  gint64 id = styrkort_project_add_action (f->p, &a, &error);
  g_assert_no_error (error);
  return id;
}

static const StyrkortBriefSection *
section (const StyrkortBrief *brief, StyrkortBriefSectionKind kind)
{
  const StyrkortBriefSection *s = brief->sections->pdata[kind];
  g_assert_cmpint (s->kind, ==, kind);
  return s;
}

static const StyrkortBriefLine *
line (const StyrkortBriefSection *s, guint i)
{
  g_assert_cmpuint (i, <, s->lines->len);
  return s->lines->pdata[i];
}

/* Actions ---------------------------------------------------------------------- */

static void
test_actions (Fixture *f, gconstpointer data)
{
  gint64 previous = meeting (f, "2026-09-10"), next = meeting (f, "2026-11-05");
  gint64 overdue = action (f, "Rutin för introduktion", "2026-10-01", STYRKORT_ACTION_ONGOING);
  gint64 soon = action (f, "Mentorer utsedda", "2026-11-01", STYRKORT_ACTION_PLANNED);
  gint64 later = action (f, "Utvärdering", "2026-12-01", STYRKORT_ACTION_PLANNED);
  gint64 done = action (f, "Klar sedan länge", "2026-09-01", STYRKORT_ACTION_DONE);
  gint64 undated = action (f, "Utan datum", NULL, STYRKORT_ACTION_ONGOING);
  gint64 on_the_day = action (f, "På mötesdagen", "2026-11-05", STYRKORT_ACTION_PLANNED);
  gint64 older = action (f, "Skyddsrond", "2026-08-20", STYRKORT_ACTION_PLANNED);
  g_autoptr(StyrkortBrief) brief = styrkort_brief_new (f->p, T2, "2026-10-15");
  const StyrkortBriefSection *s = section (brief, STYRKORT_BRIEF_ACTIONS);

  g_assert_cmpstr (brief->today, ==, "2026-10-15");
  g_assert_cmpstr (brief->since, ==, "2026-09-10");
  g_assert_cmpstr (brief->next_meeting, ==, "2026-11-05");
  g_assert_true (brief->next_recorded);
  g_assert_cmpint (brief->next_meeting_id, ==, next);
  g_assert_cmpint (brief->previous_meeting_id, ==, previous);

  /* The longest overdue first, then the other overdue one, then those due
   * before the meeting, the soonest first; the day of the meeting counts. */
  g_assert_cmpuint (s->lines->len, ==, 4);
  g_assert_cmpint (line (s, 0)->link.action_id, ==, older);
  g_assert_cmpint (line (s, 1)->link.action_id, ==, overdue);
  g_assert_cmpint (line (s, 2)->link.action_id, ==, soon);
  g_assert_cmpint (line (s, 3)->link.action_id, ==, on_the_day);
  for (guint i = 0; i < s->lines->len; i++)
    {
      g_assert_cmpint (line (s, i)->link.kind, ==, STYRKORT_BRIEF_LINK_ACTION);
      g_assert_cmpint (line (s, i)->link.area_id, ==, f->area);
      g_assert_nonnull (strstr (line (s, i)->detail, "Enhetschef"));
    }
  g_assert_nonnull (strstr (line (s, 1)->text, "Rutin för introduktion"));
  g_assert_nonnull (strstr (line (s, 1)->detail, "2026-10-01"));
  g_assert_cmpfloat (line (s, 0)->urgency, >, line (s, 1)->urgency);
  /* Overdue ones are marked, those only due are not. */
  g_assert_true (line (s, 1)->attention);
  g_assert_false (line (s, 2)->attention);
  (void) later, (void) done, (void) undated;

  /* Without a next meeting recorded, it is four weeks ahead. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StyrkortBrief) without = NULL;
    g_assert_true (styrkort_project_remove_meeting (f->p, next, &error));
    without = styrkort_brief_new (f->p, T2, "2026-10-15");
    g_assert_cmpstr (without->next_meeting, ==, "2026-11-12");
    g_assert_false (without->next_recorded);
    /* 2026-12-01 stays out, 2026-11-05 is still in. */
    g_assert_cmpuint (section (without, STYRKORT_BRIEF_ACTIONS)->lines->len, ==, 4);
  }
  /* Without any meeting, the brief looks back to the start of the tertial. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StyrkortBrief) alone = NULL;
    g_assert_true (styrkort_project_remove_meeting (f->p, previous, &error));
    alone = styrkort_brief_new (f->p, T2, "2026-10-15");
    g_assert_cmpstr (alone->since, ==, "2026-09-01");
    g_assert_cmpint (alone->previous_meeting_id, ==, 0);
  }
}

/* Sub-goals --------------------------------------------------------------------- */

static gint64
subgoal (Fixture *f, const char *text, const char *code, double baseline, double target, const char *from,
         const char *deadline)
{
  g_autoptr(GError) error = NULL;
  StyrkortSubgoal g = { 0, f->area, (char *) text, indicator (f->p, code), baseline, target, (char *) deadline };
  gint64 id = styrkort_project_add_subgoal (f->p, &g, &error);
  g_assert_no_error (error);
  if (from != NULL)
    g_assert_true (styrkort_project_set_subgoal_baseline_date (f->p, id, from, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_subgoals (Fixture *f, gconstpointer data)
{
  g_autoptr(StyrkortIndicator) sick = styrkort_project_find_indicator (f->p, "sick_leave");
  g_autofree char *on_line = styrkort_format_figure (sick, 10 - 6 * (242.0 / 364.0),
                                                     styrkort_number_style_for_locale ());
  g_autofree char *baseline_date = NULL;
  gint64 worse, behind, ahead, nearly, met;
  g_autoptr(StyrkortBrief) brief = NULL;
  const StyrkortBriefSection *s;

  /* 2026 T2, one unit: turnover 20 %, sick leave 8 %, users 74 %, cases 24, staff 10. */
  set (f, "turnover", f->u1, T2, NAN, 5, 25);
  set (f, "sick_leave", f->u1, T2, NAN, 8, 100);
  set (f, "user_survey", f->u1, T2, NAN, 74, 100);
  set (f, "cases_per_caseworker", f->u1, T2, NAN, 24, 1);
  set (f, "staff_per_manager", f->u1, T2, NAN, 10, 1);
  /* Worse than its baseline (lower is better: 20 > 15). */
  worse = subgoal (f, "Lägre personalomsättning", "turnover", 15, 10, "2026-01-01", "2026-12-31");
  /* Behind: at the end of T2 (242 of 364 days) the line is at 6,0 %, the latest 8 %,
   * more than a tenth of the distance 10 → 4 (0,6) behind. */
  behind = subgoal (f, "Lägre sjukfrånvaro", "sick_leave", 10, 4, "2026-01-01", "2026-12-31");
  /* Ahead of its line (higher is better: 60 → 80, the line at 73,3, latest 74). */
  ahead = subgoal (f, "Nöjdare brukare", "user_survey", 60, 80, "2026-01-01", "2026-12-31");
  /* Behind, but by less than a tenth: the line at 23,35, latest 24, a tenth is 1. */
  nearly = subgoal (f, "Färre ärenden per handläggare", "cases_per_caseworker", 30, 20, "2026-01-01",
                    "2026-12-31");
  /* Met. */
  met = subgoal (f, "Färre medarbetare per chef", "staff_per_manager", 14, 12, "2026-01-01", "2026-12-31");

  brief = styrkort_brief_new (f->p, T2, "2026-10-15");
  s = section (brief, STYRKORT_BRIEF_SUBGOALS);
  g_assert_cmpuint (s->lines->len, ==, 2);
  g_assert_cmpint (line (s, 0)->link.kind, ==, STYRKORT_BRIEF_LINK_SUBGOAL);
  g_assert_cmpint (line (s, 0)->link.subgoal_id, ==, worse);
  g_assert_cmpint (line (s, 1)->link.subgoal_id, ==, behind);
  g_assert_cmpint (line (s, 1)->link.area_id, ==, f->area);
  g_assert_nonnull (strstr (line (s, 0)->text, "Lägre personalomsättning"));
  /* The figures: the point on the line, the baseline's date. */
  g_assert_nonnull (strstr (line (s, 1)->detail, on_line));
  g_assert_nonnull (strstr (line (s, 1)->detail, "2026-01-01"));
  (void) ahead, (void) nearly, (void) met;

  /* A sub-goal's baseline is from the day it was added unless set. */
  baseline_date = styrkort_project_get_subgoal_baseline_date (f->p, subgoal (f, "Ny", "turnover", 20, 10, NULL, NULL));
  g_assert_true (styrkort_date_is_valid (baseline_date));
}

/* Figures: the biggest changes and the wrong side of the city line ----------------- */

static void
set_figures (Fixture *f)
{
  /* 2026 T1: one unit. */
  set (f, "turnover", f->u1, T1, NAN, 5, 25);      /* 20 % */
  set (f, "consultants", f->u1, T1, 10, NAN, NAN);
  set (f, "vfu_places", f->u1, T1, 4, NAN, NAN);
  set (f, "threat_incidents", f->u1, T1, 0, NAN, NAN);
  set (f, "headcount", f->u1, T1, 100, NAN, NAN);
  set (f, "sick_leave", f->u1, T1, NAN, 5, 100);   /* 5 % */
  set (f, "user_survey", f->u1, T1, NAN, 70, 100); /* 70 % */
  /* 2026 T2: both units. */
  set (f, "turnover", f->u1, T2, NAN, 2, 10);      /* 20 % */
  set (f, "turnover", f->u2, T2, NAN, 2, 40);      /* 5 %: the district 4 / 50 = 8 %, not the mean 12,5 % */
  set (f, "consultants", f->u1, T2, 15, NAN, NAN);
  set (f, "consultants", f->u2, T2, 6, NAN, NAN);  /* 21: +110 % */
  set (f, "vfu_places", f->u1, T2, 2, NAN, NAN);
  set (f, "vfu_places", f->u2, T2, 6, NAN, NAN);   /* 8: +100 % */
  set (f, "threat_incidents", f->u1, T2, 3, NAN, NAN); /* from 0 */
  set (f, "headcount", f->u1, T2, 110, NAN, NAN);  /* +10 % */
  set (f, "sick_leave", f->u1, T2, NAN, 11, 200);  /* 5,5 %: +10 %, tied with the headcount */
  set (f, "user_survey", f->u1, T2, NAN, 70, 100); /* unchanged */
  city (f, "turnover", 10);        /* lower is better */
  city (f, "consultants", 5);      /* lower is better */
  city (f, "vfu_places", 4);       /* higher is better */
  city (f, "sick_leave", 4);       /* lower is better */
  city (f, "user_survey", 80);     /* higher is better */
  city (f, "threat_incidents", 1); /* no better side */
}

static void
test_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (f->p, "turnover");
  g_autofree char *rate = styrkort_format_figure (turnover, 8, styrkort_number_style_for_locale ());
  const char *expected[] = { "threat_incidents", "consultants", "vfu_places", "turnover", "headcount" };
  g_autoptr(StyrkortBrief) brief = NULL;
  const StyrkortBriefSection *s;

  set_figures (f);
  brief = styrkort_brief_new (f->p, T2, "2026-10-15");
  s = section (brief, STYRKORT_BRIEF_CHANGES);
  /* From 0 first, then +110 %, +100 %, −60 %, +10 %: the tie of headcount
   * and sick leave (+10 % each) goes by the catalogue's order, and sick
   * leave, sixth, is left out. */
  g_assert_cmpuint (s->lines->len, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (line (s, i)->link.kind, ==, STYRKORT_BRIEF_LINK_FIGURE);
      g_assert_cmpint (line (s, i)->link.indicator_id, ==, indicator (f->p, expected[i]));
      g_assert_cmpint (line (s, i)->link.unit_id, ==, 0);
    }
  /* The rate's total by the figure rules: Σ leavers ÷ Σ staff. */
  g_assert_nonnull (strstr (line (s, 3)->text, rate));
  g_assert_nonnull (strstr (line (s, 3)->detail, "60"));
}

static void
test_city_line (Fixture *f, gconstpointer data)
{
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (f->p, "turnover");
  g_autofree char *twenty = styrkort_format_figure (turnover, 20, styrkort_number_style_for_locale ());
  struct { const char *code; gint64 unit; } expected[3];
  g_autoptr(StyrkortBrief) brief = NULL;
  const StyrkortBriefSection *s;

  set_figures (f);
  expected[0].code = "turnover", expected[0].unit = f->u1;     /* 20 vs 10: 100 % */
  expected[1].code = "sick_leave", expected[1].unit = f->u1;   /* 5,5 vs 4: 37,5 % */
  expected[2].code = "user_survey", expected[2].unit = f->u1;  /* 70 vs 80: 12,5 % (higher is better) */
  /* Left out: the elderly unit's turnover 5 % is 50 % from the line, but on
   * its better side (lower is better); and the counts (consultants 15 and 6
   * vs 5, VFU places 2 vs 4): a unit's count is not on the city's scale. */
  brief = styrkort_brief_new (f->p, T2, "2026-10-15");
  s = section (brief, STYRKORT_BRIEF_CITY);
  g_assert_cmpuint (s->lines->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (line (s, i)->link.kind, ==, STYRKORT_BRIEF_LINK_FIGURE);
      g_assert_cmpint (line (s, i)->link.indicator_id, ==, indicator (f->p, expected[i].code));
      g_assert_cmpint (line (s, i)->link.unit_id, ==, expected[i].unit);
      g_assert_cmpint (line (s, i)->link.period.tertial, ==, 2);
    }
  g_assert_nonnull (strstr (line (s, 0)->text, twenty));
  g_assert_nonnull (strstr (line (s, 0)->text, "Enheten för barn och familj"));
  g_assert_nonnull (strstr (line (s, 0)->detail, "100"));
}

/* Gaps --------------------------------------------------------------------------- */

static void
test_gaps (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) workbook = g_bytes_new_static ("PK\003\004", 4);
  g_autoptr(StyrkortArea) a01 = styrkort_project_find_area (f->p, "a01");
  g_autoptr(StyrkortArea) a02 = styrkort_project_find_area (f->p, "a02");
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (f->p);
  gint64 children = operation (f->p, "children"), elderly = operation (f->p, "elderly");
  gint64 u3 = styrkort_project_add_unit (f->p, "Enheten för vuxna", operation (f->p, "addiction"), &error);
  g_autoptr(StyrkortBrief) brief = NULL;
  const StyrkortBriefSection *s;
  guint n_areas = 0, n_units = 0, n_reported = 0;
  gboolean a02_seen = FALSE;

  /* Area 1 assessed for every operation the district has units in, area 2 for one. */
  g_assert_true (styrkort_project_set_assessment (f->p, a01->id, children, T2, STYRKORT_STATUS_IN_PROGRESS, "", &error));
  g_assert_true (styrkort_project_set_assessment (f->p, a01->id, elderly, T2, STYRKORT_STATUS_ESTABLISHED, "", &error));
  g_assert_true (styrkort_project_set_assessment (f->p, a01->id, operation (f->p, "addiction"), T2,
                                                  STYRKORT_STATUS_ESTABLISHED, "", &error));
  g_assert_true (styrkort_project_set_assessment (f->p, a02->id, children, T2, STYRKORT_STATUS_IN_PROGRESS, "", &error));
  g_assert_true (styrkort_project_set_assessment (f->p, a02->id, operation (f->p, "addiction"), T2,
                                                  STYRKORT_STATUS_IN_PROGRESS, "", &error));
  /* The children's and elderly units have figures, not the third. */
  set (f, "consultants", f->u1, T2, 3, NAN, NAN);
  set (f, "consultants", f->u2, T2, 1, NAN, NAN);
  /* T2 reported, then changed with a reason. */
  g_assert_true (styrkort_project_add_report (f->p, T2, workbook, &error));
  g_assert_no_error (error);
  styrkort_project_unlock_period (f->p, T2, "HR rättade siffran");
  set (f, "consultants", f->u2, T2, 2, NAN, NAN);

  /* Today: the change is after the start of the tertial. */
  brief = styrkort_brief_new (f->p, T2, NULL);
  s = section (brief, STYRKORT_BRIEF_GAPS);
  /* The change after reporting first, then areas, then units. */
  g_assert_cmpint (line (s, 0)->link.kind, ==, STYRKORT_BRIEF_LINK_REPORT);
  for (guint i = 0; i < s->lines->len; i++)
    {
      const StyrkortBriefLine *l = line (s, i);
      switch (l->link.kind)
        {
        case STYRKORT_BRIEF_LINK_REPORT:
          g_assert_cmpint (l->link.period.tertial, ==, 2);
          g_assert_nonnull (strstr (l->detail, "HR rättade siffran"));
          n_reported++;
          break;
        case STYRKORT_BRIEF_LINK_AREA:
          g_assert_cmpint (l->link.area_id, !=, a01->id);
          if (l->link.area_id == a02->id)
            {
              /* Only the elderly care is missing. */
              g_assert_cmpint (l->link.operation_id, ==, elderly);
              g_assert_nonnull (strstr (l->detail, "Äldre") ? strstr (l->detail, "Äldre") : strstr (l->detail, "Elderly"));
              a02_seen = TRUE;
            }
          else /* the first missing in the catalogue's order */
            g_assert_cmpint (l->link.operation_id, ==, operation (f->p, "addiction"));
          n_areas++;
          break;
        case STYRKORT_BRIEF_LINK_FIGURE:
          g_assert_cmpint (l->link.unit_id, ==, u3);
          g_assert_cmpint (l->link.indicator_id, ==, 0);
          n_units++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_true (a02_seen);
  g_assert_cmpuint (n_reported, ==, 1);
  g_assert_cmpuint (n_areas, ==, areas->len - 1);
  g_assert_cmpuint (n_units, ==, 1);
}

/* Decisions ------------------------------------------------------------------------ */

static guint n_changed;

static void
on_changed_cb (StyrkortProject *project, StyrkortChanges *changes, gpointer data)
{
  n_changed++;
}

static void
test_decisions (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = meeting (f, "2026-09-10"), second = meeting (f, "2026-11-05");
  g_autoptr(StyrkortBrief) before = NULL, after = NULL, next = NULL;
  g_auto(GStrv) agenda = NULL;
  g_autoptr(GPtrArray) items = NULL, decisions = NULL;
  gint64 item, overdue_action = 0, done_action = 0, d1, d2, d3, m = 0, d = 0;
  const StyrkortBriefSection *s;

  action (f, "Gammal åtgärd", "2026-08-01", STYRKORT_ACTION_ONGOING);
  /* At the first meeting: the agenda from the brief. */
  before = styrkort_brief_new (f->p, T2, "2026-09-10");
  agenda = styrkort_brief_agenda (before);
  g_assert_nonnull (agenda[0]);
  g_assert_true (g_str_has_prefix (agenda[0], section (before, STYRKORT_BRIEF_ACTIONS)->title));
  g_assert_true (g_str_has_suffix (agenda[0], "(1)"));
  g_assert_true (styrkort_project_add_agenda_items (f->p, first, (const char * const *) agenda, &error));
  g_assert_no_error (error);
  items = styrkort_project_list_agenda (f->p, first);
  g_assert_cmpuint (items->len, ==, g_strv_length (agenda));
  g_assert_cmpstr (((StyrkortAgendaItem *) items->pdata[0])->title, ==, agenda[0]);
  item = ((StyrkortAgendaItem *) items->pdata[0])->id;

  /* Decisions: one makes an action (one edit, one undo step), one whose
   * action is done by now, one without an action. */
  g_signal_connect (f->p, "changed", G_CALLBACK (on_changed_cb), NULL);
  n_changed = 0;
  {
    StyrkortAction a = { 0, f->area, 0, (char *) "Ny rutin för skyddsronder", (char *) "Avdelningschef",
                         (char *) "2026-10-01", STYRKORT_ACTION_PLANNED, NULL };
    d1 = styrkort_project_add_decision (f->p, item, "Skyddsronder varje månad", &a, &overdue_action, &error);
    g_assert_no_error (error);
    g_assert_cmpint (d1, >, 0);
    g_assert_cmpint (overdue_action, >, 0);
    g_assert_cmpuint (n_changed, ==, 1);
    /* Undo takes back the decision and its action together; redo brings both. */
    g_assert_true (styrkort_project_undo (f->p, &error));
    g_clear_pointer (&decisions, g_ptr_array_unref);
    decisions = styrkort_project_list_decisions (f->p, first);
    g_assert_cmpuint (decisions->len, ==, 0);
    g_assert_false (styrkort_project_get_action_origin (f->p, overdue_action, NULL, NULL));
    g_assert_true (styrkort_project_redo (f->p, &error));
    g_assert_true (styrkort_project_get_action_origin (f->p, overdue_action, &m, &d));
    g_assert_cmpint (m, ==, first);
    g_assert_cmpint (d, ==, d1);
    g_assert_cmpuint (n_changed, ==, 3);
  }
  {
    StyrkortAction a = { 0, f->area, 0, (char *) "Checklista", (char *) "HR", (char *) "2026-09-30",
                         STYRKORT_ACTION_PLANNED, NULL };
    d2 = styrkort_project_add_decision (f->p, item, "Checklista för nyanställda", &a, &done_action, &error);
    g_assert_no_error (error);
  }
  d3 = styrkort_project_add_decision (f->p, item, "Frågan tas upp igen i december", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d3, >, 0);
  /* An action made afterwards from a recorded decision is linked to it too. */
  {
    StyrkortAction a = { 0, f->area, 0, (char *) "Boka december", (char *) "Ordförande", NULL,
                         STYRKORT_ACTION_PLANNED, NULL };
    gint64 later = styrkort_project_add_decision_action (f->p, d3, &a, &error);
    g_assert_no_error (error);
    g_assert_true (styrkort_project_get_action_origin (f->p, later, &m, &d));
    g_assert_cmpint (m, ==, first);
    g_assert_cmpint (d, ==, d3);
    g_assert_true (styrkort_project_undo (f->p, &error));
    g_assert_false (styrkort_project_get_action_origin (f->p, later, NULL, NULL));
    g_assert_cmpint (styrkort_project_add_decision_action (f->p, 9999, &a, &error), ==, 0);
    g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_signal_handlers_disconnect_by_func (f->p, on_changed_cb, NULL);
  /* The action is followed up as any other: it is done. Its link stays. */
  {
    g_autoptr(GPtrArray) made = styrkort_project_list_decision_actions (f->p, d2);
    StyrkortAction *a = made->pdata[0];
    g_assert_cmpuint (made->len, ==, 1);
    a->state = STYRKORT_ACTION_DONE;
    g_assert_true (styrkort_project_update_action (f->p, a, &error));
    g_assert_true (styrkort_project_get_action_origin (f->p, done_action, &m, &d));
    g_assert_cmpint (d, ==, d2);
  }

  /* The next brief reports on them: the overdue action first, then the
   * decision without an action, then the done one. */
  after = styrkort_brief_new (f->p, T2, "2026-10-15");
  g_assert_cmpint (after->previous_meeting_id, ==, first);
  g_assert_cmpint (after->next_meeting_id, ==, second);
  s = section (after, STYRKORT_BRIEF_DECISIONS);
  g_assert_cmpuint (s->lines->len, ==, 3);
  g_assert_cmpstr (line (s, 0)->text, ==, "Skyddsronder varje månad");
  g_assert_cmpint (line (s, 0)->link.kind, ==, STYRKORT_BRIEF_LINK_ACTION);
  g_assert_cmpint (line (s, 0)->link.action_id, ==, overdue_action);
  g_assert_true (line (s, 0)->attention);
  g_assert_false (line (s, 2)->attention);
  g_assert_nonnull (strstr (line (s, 0)->detail, "Ny rutin för skyddsronder"));
  g_assert_cmpstr (line (s, 1)->text, ==, "Frågan tas upp igen i december");
  g_assert_cmpint (line (s, 1)->link.kind, ==, STYRKORT_BRIEF_LINK_MEETING);
  g_assert_cmpint (line (s, 1)->link.meeting_id, ==, first);
  g_assert_cmpstr (line (s, 2)->text, ==, "Checklista för nyanställda");
  g_assert_cmpint (line (s, 2)->link.action_id, ==, done_action);
  /* The overdue action is among the actions too. */
  {
    const StyrkortBriefSection *actions = section (after, STYRKORT_BRIEF_ACTIONS);
    gboolean found = FALSE;
    for (guint i = 0; i < actions->lines->len; i++)
      found |= line (actions, i)->link.action_id == overdue_action;
    g_assert_true (found);
  }

  /* Reopened, the links are kept; a decision removed leaves its action. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);
    g_clear_object (&f->p);
    f->p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
    g_assert_no_error (error);
    g_assert_true (styrkort_project_get_action_origin (f->p, overdue_action, &m, &d));
    g_assert_cmpint (d, ==, d1);
    g_assert_true (styrkort_project_remove_decision (f->p, d1, &error));
    g_assert_true (styrkort_project_get_action_origin (f->p, overdue_action, &m, &d));
    g_assert_cmpint (m, ==, first);
    g_assert_cmpint (d, ==, 0);
    g_assert_true (styrkort_project_undo (f->p, &error));
    g_assert_true (styrkort_project_get_action_origin (f->p, overdue_action, &m, &d));
    g_assert_cmpint (d, ==, d1);
  }
  test_saved (f->p);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM action WHERE decision_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM decision"), ==, 3);

  /* Bad input. */
  g_assert_cmpint (styrkort_project_add_decision (f->p, item, "  ", NULL, NULL, &error), ==, 0);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (styrkort_project_add_decision (f->p, 9999, "Beslut", NULL, NULL, &error), ==, 0);
  g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing the meeting removes its agenda and decisions; the actions stay, unlinked. */
  g_assert_true (styrkort_project_remove_meeting (f->p, first, &error));
  test_saved (f->p);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM decision"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM action WHERE meeting_id IS NULL"), ==, 3);
  next = styrkort_brief_new (f->p, T2, "2026-10-15");
  g_assert_cmpuint (section (next, STYRKORT_BRIEF_DECISIONS)->lines->len, ==, 0);
  (void) d3;
}

/* Printing and slides --------------------------------------------------------------- */

static void
test_truncate (Fixture *f, gconstpointer data)
{
  g_autoptr(StyrkortBrief) brief = styrkort_brief_new (f->p, T2, "2026-10-15");
  g_autoptr(StyrkortBrief) cut = styrkort_brief_truncate (brief, 3);
  g_autoptr(StyrkortBrief) cut_again = styrkort_brief_truncate (cut, 2);
  const StyrkortBriefSection *gaps = section (brief, STYRKORT_BRIEF_GAPS), *short_gaps = section (cut, STYRKORT_BRIEF_GAPS);
  g_autofree char *more = styrkort_brief_more_text (short_gaps);
  g_autofree char *count = g_strdup_printf ("%u", gaps->lines->len - 3);
  g_autofree char *text = styrkort_brief_to_text (cut);
  g_auto(GStrv) agenda = styrkort_brief_agenda (cut);

  /* 16 areas not assessed, two units without figures: the three most urgent kept. */
  g_assert_cmpuint (gaps->lines->len, ==, 18);
  g_assert_cmpuint (short_gaps->lines->len, ==, 3);
  g_assert_cmpuint (short_gaps->n_more, ==, 15);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (line (short_gaps, i)->text, ==, line (gaps, i)->text);
  g_assert_nonnull (more);
  g_assert_nonnull (strstr (more, count));
  g_assert_null (styrkort_brief_more_text (section (cut, STYRKORT_BRIEF_ACTIONS)));
  g_assert_cmpuint (section (cut_again, STYRKORT_BRIEF_GAPS)->n_more, ==, 16);
  g_assert_nonnull (strstr (text, more));
  /* The agenda counts every line, also those left out. */
  g_assert_cmpuint (g_strv_length (agenda), ==, 1);
  g_assert_true (g_str_has_suffix (agenda[0], "(18)"));
}

static void
test_slides (Fixture *f, gconstpointer data)
{
  g_autoptr(StyrkortBrief) brief = styrkort_brief_new (f->p, T2, "2026-10-15");
  g_autoptr(GPtrArray) slides = styrkort_brief_new_slides (brief, "Briefstaden");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  StyrkortChart *gaps;
  g_autoptr(StyrkortChartLayout) layout = NULL;
  g_autofree char *description = NULL;
  StyrkortChartText *last;
  guint n_lines = 0;

  g_assert_cmpuint (slides->len, ==, STYRKORT_BRIEF_N_SECTIONS);
  gaps = slides->pdata[STYRKORT_BRIEF_GAPS];
  g_assert_cmpint (gaps->kind, ==, STYRKORT_CHART_LIST);
  g_assert_cmpuint (gaps->categories->len, ==, 18);
  layout = styrkort_chart_draw (gaps, cr, 1920, 1080, STYRKORT_CHART_PROJECTED);
  /* Not all 18 fit at 5 m's type size: the rest is "and N more", last, inside the slide. */
  n_lines = layout->marks->len;
  g_assert_cmpuint (n_lines, >, 2);
  g_assert_cmpuint (n_lines, <, 18);
  last = &g_array_index (layout->texts, StyrkortChartText, layout->texts->len - 1);
  {
    g_autofree char *count = g_strdup_printf (" %u ", 18 - n_lines);
    g_assert_nonnull (strstr (last->text, count));
  }
  for (guint i = 0; i < layout->texts->len; i++)
    {
      StyrkortChartText *t = &g_array_index (layout->texts, StyrkortChartText, i);
      g_assert_cmpfloat (t->box.y + t->box.height, <=, 1080);
      g_assert_cmpfloat (t->box.x + t->box.width, <=, 1920);
      /* Read from 5 m: no line lower than the slides' smallest text. */
      g_assert_cmpfloat (t->box.height, >=, 1080 * STYRKORT_SLIDE_MIN_TEXT);
    }
  /* An empty section says so. */
  description = styrkort_chart_describe (slides->pdata[STYRKORT_BRIEF_DECISIONS]);
  g_assert_nonnull (strstr (description, section (brief, STYRKORT_BRIEF_DECISIONS)->empty));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Migration ------------------------------------------------------------------------ */

static void
test_migrate_v3 (void)
{
  g_autofree char *path = test_path ("Tredje.styrkort");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "v3.styrkort", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) p = NULL;
  g_autoptr(GPtrArray) meetings = NULL, actions = NULL;
  gint64 item, made = 0, m = -1, d = -1;

  g_assert_true (g_file_copy (source, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 3);
  p = styrkort_project_open (file, STYRKORT_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (styrkort_project_get_opened_version (p), ==, 3);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, STYRKORT_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_master WHERE name IN ('agenda_item', 'decision')"),
                   ==, 2);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_table_info('action')"
                                       " WHERE name IN ('meeting_id', 'decision_id')"), ==, 2);
  backup = g_strconcat (path, ".bak-v3", NULL);
  g_assert_cmpint (test_sql_int (backup, "PRAGMA user_version"), ==, 3);

  /* What was there is still there, unlinked; the meeting takes decisions. */
  meetings = styrkort_project_list_meetings (p);
  actions = styrkort_project_list_actions (p, 0);
  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_true (styrkort_project_get_action_origin (p, ((StyrkortAction *) actions->pdata[0])->id, &m, &d));
  g_assert_cmpint (m, ==, 0);
  g_assert_cmpint (d, ==, 0);
  item = styrkort_project_add_agenda_item (p, ((StyrkortMeeting *) meetings->pdata[0])->id, "Åtgärder", &error);
  g_assert_no_error (error);
  {
    StyrkortAction a = *(StyrkortAction *) actions->pdata[0];
    a.id = 0;
    a.text = (char *) "Uppföljning av exitsamtalen";
    g_assert_cmpint (styrkort_project_add_decision (p, item, "Följ upp exitsamtalen", &a, &made, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (made, >, 0);
  g_clear_object (&p);
  g_assert_true (styrkort_project_check (file, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/core/brief/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("actions", test_actions);
  ADD ("subgoals", test_subgoals);
  ADD ("changes", test_changes);
  ADD ("city-line", test_city_line);
  ADD ("gaps", test_gaps);
  ADD ("decisions", test_decisions);
  ADD ("truncate", test_truncate);
  ADD ("slides", test_slides);
#undef ADD
  g_test_add_func ("/core/brief/migrate-v3", test_migrate_v3);
  return g_test_run ();
}
