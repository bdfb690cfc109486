/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo district "Stadsdel Exempel", generated from a fixed seed.
 *
 * Fictive but plausible: five units like those of seed 001, figures of the
 * size found in Stockholm's district reports, a turnover problem in the
 * children's unit that slowly gets better, and a steering group with the
 * usual composition. Names of people are invented. */
#include "config.h"

#include <math.h>

#include "styrkort-demo.h"

typedef struct {
  const char *name;
  const char *operation;
  double headcount;   /* average staff */
  double turnover;    /* yearly leavers per staff at the start */
  double share_women;
} DemoUnit;

static const DemoUnit demo_units[] = {
  { "Enheten för barn och familj", "children", 22, 0.85, 0.86 },
  { "Enheten för ekonomiskt bistånd och arbetsmarknad", "financial", 14, 0.17, 0.72 },
  { "Enheten för vuxna", "addiction", 9, 0.12, 0.64 },
  { "Enheten för funktionsnedsatta", "disability", 8, 0.12, 0.81 },
  { "Enheten för äldre", "elderly", 21, 0.10, 0.88 },
};

static const char *status_texts[] = {
  "Arbetet har inte påbörjats. Frågan tas upp i ledningsgruppen under nästa tertial.",
  "Arbete pågår. En arbetsgrupp med representanter från enheterna tar fram en rutin.",
  "Arbetssättet är etablerat och följs upp på arbetsplatsträffar.",
  "Behöver åtgärdas: uppföljningen visar brister som styrgruppen behöver prioritera.",
};

StyrkortPeriod
styrkort_demo_first_period (void)
{
  return (StyrkortPeriod) { 2023, 3 };
}

StyrkortPeriod
styrkort_demo_last_period (void)
{
  return (StyrkortPeriod) { 2026, 2 };
}

static double
jitter (GRand *rand, double value, double spread)
{
  return value * (1.0 + g_rand_double_range (rand, -spread, spread));
}

static double
round_to (double value, double step)
{
  return round (value / step) * step;
}

static gboolean
set_value (StyrkortProject *p, StyrkortIndicator *ind, gint64 unit, StyrkortPeriod period,
           double value, double women, double men, double num, double den, GError **error)
{
  StyrkortValue v;

  styrkort_value_init (&v);
  v.indicator_id = ind->id;
  v.unit_id = unit;
  v.period = period;
  v.value = value;
  v.women = women;
  v.men = men;
  v.numerator = num;
  v.denominator = den;
  return styrkort_project_set_value (p, &v, error);
}

/* One unit's figures for every indicator in one period. @progress runs 0..1
 * over the demo's periods and makes the troubled unit slowly improve. */
static gboolean
fill_unit_period (StyrkortProject *p, GRand *r, GPtrArray *indicators, const DemoUnit *u,
                  gint64 unit_id, StyrkortPeriod period, double progress, GError **error)
{
  double staff = round (jitter (r, u->headcount, 0.08));
  double women = round (staff * u->share_women), men = staff - women;

  for (guint i = 0; i < indicators->len; i++)
    {
      StyrkortIndicator *ind = g_ptr_array_index (indicators, i);
      const char *c = ind->code;
      gboolean ok = TRUE;

      if (g_str_equal (c, "turnover"))
        {
          double rate = u->turnover * (1.0 - 0.45 * progress * (u->turnover > 0.5));
          double leavers = MAX (0, round (jitter (r, rate * staff, 0.25)));
          ok = set_value (p, ind, unit_id, period, NAN, NAN, NAN, leavers, staff, error);
        }
      else if (g_str_equal (c, "consultants"))
        ok = set_value (p, ind, unit_id, period,
                        round (g_rand_double_range (r, 0, u->turnover > 0.5 ? 4.5 - 3 * progress : 1.4)),
                        NAN, NAN, NAN, NAN, error);
      else if (g_str_equal (c, "vfu_places"))
        ok = set_value (p, ind, unit_id, period, round (g_rand_double_range (r, 0, 2.6 + progress)),
                        NAN, NAN, NAN, NAN, error);
      else if (g_str_equal (c, "threat_incidents"))
        {
          double w = round (g_rand_double_range (r, 0, staff / 6)), m = round (g_rand_double_range (r, 0, staff / 12));
          ok = set_value (p, ind, unit_id, period, w + m, w, m, NAN, NAN, error);
        }
      else if (g_str_equal (c, "headcount"))
        ok = set_value (p, ind, unit_id, period, staff, women, men, NAN, NAN, error);
      else if (g_str_equal (c, "sick_leave"))
        {
          double hours = staff * 640, sick = round (hours * g_rand_double_range (r, 0.04, 0.095));
          ok = set_value (p, ind, unit_id, period, NAN, round_to (jitter (r, sick / hours * 108, 0.1), 0.1),
                          round_to (jitter (r, sick / hours * 75, 0.1), 0.1), sick, hours, error);
        }
      else if (g_str_equal (c, "user_survey"))
        {
          double asked = round (g_rand_double_range (r, 30, 120));
          double happy = round (asked * g_rand_double_range (r, 0.62, 0.78 + 0.08 * progress));
          ok = set_value (p, ind, unit_id, period, NAN, NAN, NAN, happy, asked, error);
        }
      else if (g_str_equal (c, "cases_per_caseworker"))
        {
          double workers = MAX (2, round (staff * 0.75));
          ok = set_value (p, ind, unit_id, period, NAN, NAN, NAN,
                          round (workers * g_rand_double_range (r, 22, 42 - 6 * progress)), workers, error);
        }
      else if (g_str_equal (c, "staff_per_manager"))
        ok = set_value (p, ind, unit_id, period, NAN, NAN, NAN, staff, MAX (1, round (staff / 12)), error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static const struct { const char *code; double value; } city_levels[] = {
  { "turnover", 10.6 }, { "sick_leave", 6.8 }, { "user_survey", 72.0 },
  { "cases_per_caseworker", 31.0 }, { "staff_per_manager", 11.5 },
};

static gboolean
fill_figures (StyrkortProject *p, GRand *r, GError **error)
{
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (p);
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (p);
  gint64 unit_ids[G_N_ELEMENTS (demo_units)];
  StyrkortPeriod first = styrkort_demo_first_period (), last = styrkort_demo_last_period ();
  int n = 0, steps = 0;

  for (StyrkortPeriod q = first; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q))
    steps++;
  for (guint u = 0; u < G_N_ELEMENTS (demo_units); u++)
    {
      gint64 operation = 0;
      for (guint o = 0; o < operations->len; o++)
        if (g_str_equal (((StyrkortOperation *) g_ptr_array_index (operations, o))->key, demo_units[u].operation))
          operation = ((StyrkortOperation *) g_ptr_array_index (operations, o))->id;
      unit_ids[u] = styrkort_project_add_unit (p, demo_units[u].name, operation, error);
      if (unit_ids[u] == 0)
        return FALSE;
    }
  for (StyrkortPeriod q = first; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q), n++)
    {
      double progress = (double) n / MAX (1, steps - 1);
      for (guint u = 0; u < G_N_ELEMENTS (demo_units); u++)
        if (!fill_unit_period (p, r, indicators, &demo_units[u], unit_ids[u], q, progress, error))
          return FALSE;
      for (guint c = 0; c < G_N_ELEMENTS (city_levels); c++)
        {
          g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (p, city_levels[c].code);
          StyrkortCityValue city = { ind->id, q, round_to (jitter (r, city_levels[c].value, 0.05), 0.1), NAN, NAN, 0, 0 };
          if (!styrkort_project_set_city_value (p, &city, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Statuses drift from "not started" towards "established" over the periods,
 * with a few areas that need attention. */
static gboolean
fill_assessments (StyrkortProject *p, GRand *r, GError **error)
{
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (p);
  g_autoptr(GPtrArray) operations = styrkort_project_list_operations (p);
  StyrkortPeriod first = styrkort_demo_first_period (), last = styrkort_demo_last_period ();
  int n = 0;

  for (StyrkortPeriod q = first; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q), n++)
    for (guint a = 0; a < areas->len; a++)
      {
        StyrkortArea *area = g_ptr_array_index (areas, a);
        g_autofree char *note = g_strdup_printf (
          "Kvinnor och män: %d %% av medarbetarna är kvinnor. Analysen av %s visar %s skillnader mellan könen.",
          78 + g_rand_int_range (r, 0, 10), area->title_sv,
          g_rand_boolean (r) ? "inga påtagliga" : "vissa");
        for (guint o = 0; o < operations->len; o++)
          {
            StyrkortOperation *op = g_ptr_array_index (operations, o);
            int drift = g_rand_int_range (r, -1, 2);
            int level = CLAMP (n / 3 + drift, 0, 2);
            StyrkortStatus status = g_rand_int_range (r, 0, 12) == 0 ? STYRKORT_STATUS_NEEDS_ATTENTION : (StyrkortStatus) level;
            g_autofree char *text = g_strdup_printf ("%s (%s.)", status_texts[status], op->name_sv);
            if (!styrkort_project_set_assessment (p, area->id, op->id, q, status, text, error))
              return FALSE;
          }
        if (!styrkort_project_set_gender_note (p, area->id, q, note, error))
          return FALSE;
      }
  return TRUE;
}

static const struct {
  const char *area, *indicator, *text, *deadline;
  double baseline, target;
} demo_goals[] = {
  { "a01", "user_survey", "Minst 80 % nöjda brukare i brukarundersökningen", "2026-12-31", 68, 80 },
  { "a03", "turnover", "Personalomsättningen i stadsdelen under 15 %", "2026-12-31", 30, 15 },
  { "a03", "cases_per_caseworker", "Högst 30 pågående ärenden per handläggare", "2026-08-31", 38, 30 },
  { "a05", "sick_leave", "Sjukfrånvaron under 6 %", "2026-12-31", 7.5, 6 },
  { "a11", "vfu_places", "Minst 10 VFU-platser per termin", "2026-08-31", 6, 10 },
  { "safety", "threat_incidents", "Alla hot- och våldssituationer anmäls och följs upp", "2026-12-31", NAN, NAN },
};

static const struct {
  const char *area, *text, *owner, *due;
  StyrkortActionState state;
  int goal; /* index into demo_goals, or -1 */
} demo_actions[] = {
  { "a01", "Genomföra brukarenkät i alla enheter", "Kvalitetsutvecklare", "2026-05-31", STYRKORT_ACTION_DONE, 0 },
  { "a01", "Återkoppla resultatet på arbetsplatsträffar", "Enhetschefer", "2026-10-31", STYRKORT_ACTION_ONGOING, 0 },
  { "a02", "Mentorsprogram för nyanställda socialsekreterare", "Avdelningschef IFO", "2026-03-31", STYRKORT_ACTION_DONE, -1 },
  { "a03", "Rutin för rapportering av arbetssituationen till avdelningschef", "Avdelningschef IFO", "2026-06-30", STYRKORT_ACTION_ONGOING, 1 },
  { "a03", "Se över ärendefördelningen i barn och familj", "Enhetschef barn och familj", "2026-09-30", STYRKORT_ACTION_PLANNED, 2 },
  { "a04", "Starta lokalt kompetensforum två gånger per termin", "HR-konsult", "2026-04-30", STYRKORT_ACTION_DONE, -1 },
  { "a05", "Chefer finns på plats i arbetsgruppen minst tre dagar i veckan", "Avdelningschef äldre", "2026-12-31", STYRKORT_ACTION_ONGOING, 3 },
  { "a06", "Anställa administratör för utredningsstöd", "Avdelningschef IFO", "2026-02-28", STYRKORT_ACTION_CANCELLED, -1 },
  { "a08", "Schemalagd ärendehandledning varannan vecka", "Enhetschefer", "2026-09-30", STYRKORT_ACTION_ONGOING, -1 },
  { "a09", "Medhandläggare i alla utredningar om barn", "Enhetschef barn och familj", "2026-06-30", STYRKORT_ACTION_ONGOING, -1 },
  { "a10", "Plan för specialistutbildning per medarbetare", "HR-konsult", "2027-03-31", STYRKORT_ACTION_PLANNED, -1 },
  { "a11", "Avtal med Stockholms universitet om fler VFU-platser", "Avdelningschef IFO", "2026-08-31", STYRKORT_ACTION_ONGOING, 4 },
  { "a13", "Inventera arbetsredskap och mobiltelefoner", "Administrativ chef", "2026-05-31", STYRKORT_ACTION_DONE, -1 },
  { "safety", "Säkerhetsrutiner för hembesök", "Säkerhetssamordnare", "2026-04-30", STYRKORT_ACTION_ONGOING, 5 },
  { "equality", "Könsuppdelad statistik i alla uppföljningar", "Controller", "2026-12-31", STYRKORT_ACTION_ONGOING, -1 },
  { "university", "Gemensamt forskningsseminarium med högskolan", "Kvalitetsutvecklare", "2026-11-30", STYRKORT_ACTION_PLANNED, -1 },
};

static gboolean
fill_goals_and_actions (StyrkortProject *p, GError **error)
{
  gint64 goal_ids[G_N_ELEMENTS (demo_goals)];

  for (guint i = 0; i < G_N_ELEMENTS (demo_goals); i++)
    {
      g_autoptr(StyrkortArea) area = styrkort_project_find_area (p, demo_goals[i].area);
      g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (p, demo_goals[i].indicator);
      StyrkortSubgoal g = { 0, area->id, (char *) demo_goals[i].text, ind->id,
                            demo_goals[i].baseline, demo_goals[i].target, (char *) demo_goals[i].deadline };
      /* The baselines are from when the plan's follow-up began. */
      if ((goal_ids[i] = styrkort_project_add_subgoal (p, &g, error)) == 0 ||
          !styrkort_project_set_subgoal_baseline_date (p, goal_ids[i], "2025-01-01", error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      g_autoptr(StyrkortArea) area = styrkort_project_find_area (p, demo_actions[i].area);
      StyrkortAction a = { 0, area->id, demo_actions[i].goal >= 0 ? goal_ids[demo_actions[i].goal] : 0,
                           (char *) demo_actions[i].text, (char *) demo_actions[i].owner,
                           (char *) demo_actions[i].due, demo_actions[i].state, (char *) "" };
      if (styrkort_project_add_action (p, &a, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static const StyrkortMember demo_members[] = {
  { 0, (char *) "Eva Sandberg", (char *) "Stadsdelsdirektör, ordförande", (char *) "Förvaltningsledningen" },
  { 0, (char *) "Jonas Ek", (char *) "Avdelningschef individ- och familjeomsorg", (char *) "Förvaltningen" },
  { 0, (char *) "Maria Holm", (char *) "Avdelningschef äldreomsorg", (char *) "Förvaltningen" },
  { 0, (char *) "Leila Haddad", (char *) "HR-chef", (char *) "HR" },
  { 0, (char *) "Per Nyström", (char *) "Facklig företrädare", (char *) "Vision" },
  { 0, (char *) "Sofia Berg", (char *) "Facklig företrädare", (char *) "Akademikerförbundet SSR (SACO)" },
  { 0, (char *) "Anders Lund", (char *) "Huvudskyddsombud", (char *) "Skyddsombud" },
};

/* The last meeting's agenda and decisions: one made an action. */
static gboolean
fill_decisions (StyrkortProject *p, gint64 meeting, GError **error)
{
  static const char * const agenda[] = { "Nyckeltal för T2", "Åtgärder att följa upp", NULL };
  g_autoptr(StyrkortArea) area = styrkort_project_find_area (p, "a03");
  g_autoptr(GPtrArray) items = NULL;
  StyrkortAction a = { 0, area->id, 0, (char *) "Fördela nya ärenden i barn och familj efter arbetsbörda",
                       (char *) "Enhetschef barn och familj", (char *) "2026-10-31", STYRKORT_ACTION_ONGOING,
                       (char *) "" };

  if (!styrkort_project_add_agenda_items (p, meeting, agenda, error))
    return FALSE;
  items = styrkort_project_list_agenda (p, meeting);
  return styrkort_project_add_decision (p, ((StyrkortAgendaItem *) items->pdata[0])->id,
                                        "Personalomsättningen följs upp per enhet varje tertial", NULL, NULL,
                                        error) != 0 &&
         styrkort_project_add_decision (p, ((StyrkortAgendaItem *) items->pdata[1])->id,
                                        "Ärendefördelningen i barn och familj ses över före årsskiftet", &a, NULL,
                                        error) != 0;
}

static gboolean
fill_steering_group (StyrkortProject *p, GError **error)
{
  StyrkortPeriod first = styrkort_demo_first_period (), last = styrkort_demo_last_period ();
  static const char *months[] = { "", "04-20", "08-28", "12-10" };
  gint64 meeting = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_members); i++)
    if (styrkort_project_add_member (p, &demo_members[i], error) == 0)
      return FALSE;
  for (StyrkortPeriod q = first; styrkort_period_compare (q, last) <= 0; q = styrkort_period_next (q))
    {
      g_autofree char *date = g_strdup_printf ("%d-%s", q.year, months[q.tertial]);
      g_autofree char *notes = g_strdup_printf ("Uppföljning av T%d %d: nyckeltal, bedömningar och åtgärder "
                                                "gicks igenom. Protokoll i diariet.", q.tertial, q.year);
      StyrkortMeeting m = { 0, date, notes };
      if ((meeting = styrkort_project_add_meeting (p, &m, error)) == 0)
        return FALSE;
    }
  return fill_decisions (p, meeting, error);
}

StyrkortProject *
styrkort_demo_create (GFile *file, guint32 seed, GError **error)
{
  return styrkort_demo_create_named (file, seed, STYRKORT_DEMO_NAME, error);
}

StyrkortProject *
styrkort_demo_create_named (GFile *file, guint32 seed, const char *name, GError **error)
{
  g_autoptr(StyrkortProject) project = styrkort_project_create (file, name, error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  if (project == NULL)
    return NULL;
  /* One transaction: fast, and all or nothing. */
  if (!styrkort_project_begin_group (project, "Demo", error))
    return NULL;
  if (!fill_figures (project, rand, error) || !fill_assessments (project, rand, error) ||
      !fill_goals_and_actions (project, error) || !fill_steering_group (project, error))
    styrkort_project_cancel_group (project);
  /* Made whole on disk before it is handed out. */
  else if (styrkort_project_end_group (project, error) && styrkort_project_clear_history (project, error) &&
           styrkort_project_save (project, error))
    return g_steal_pointer (&project);
  /* Leave no half-made demo behind. */
  styrkort_project_close (project);
  g_file_delete (file, NULL, NULL);
  return NULL;
}

char *
styrkort_demo_default_path (void)
{
#ifdef G_OS_WIN32
  const char *folder = g_get_user_data_dir ();
#else
  const char *folder = g_get_user_cache_dir ();
#endif
  return g_build_filename (folder, "styrkort", STYRKORT_DEMO_NAME ".styrkort", NULL);
}
