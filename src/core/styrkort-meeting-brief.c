/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Inför mötet": what the steering group should look at in its next meeting.
 *
 * The rules, each written once here:
 * - actions: planned or ongoing ones past their due date (overdue), and
 *   those due before the next meeting;
 * - sub-goals: the latest district total (by the figure rules) worse than
 *   the baseline, or behind the straight line from the baseline (on its
 *   date) to the target (on its deadline) by more than a tenth of the
 *   distance between them, at the end of the latest figure's tertial;
 * - the five indicators whose district total changed most since the
 *   previous tertial, relatively (a change from 0 is larger than any other;
 *   ties in catalogue order), and the five unit figures furthest on the
 *   wrong side of the city line, relative to it, by the indicator's better
 *   direction;
 * - areas × operations (those the district has: a unit or an assessment) not assessed in
 *   the tertial, units without any figure for it, and edits of reported
 *   periods since the previous meeting;
 * - the previous meeting's decisions and the state of the actions they made. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "styrkort-chart-data.h"
#include "styrkort-figure-rules.h"
#include "styrkort-locale.h"
#include "styrkort-meeting-brief-private.h"
#include "styrkort-number.h"

#define TOP_N 5

/* Dates ------------------------------------------------------------------------ */

/* Julian day of an ISO date, 0 when it is not one. */
static guint32
julian (const char *iso)
{
  int y, m, d;

  if (!styrkort_date_is_valid (iso) || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return 0;
  {
    g_autoptr(GDate) date = g_date_new_dmy (d, m, y);
    return g_date_get_julian (date);
  }
}

static char *
iso_of_julian (guint32 day)
{
  g_autoptr(GDate) date = g_date_new_julian (day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

StyrkortPeriod
_styrkort_brief_period_of (const char *iso)
{
  g_autoptr(GDate) date = g_date_new_julian (julian (iso));
  return styrkort_period_for_date (date);
}

/* The first and last day of a tertial. */
static guint32
period_start (StyrkortPeriod p)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, (p.tertial - 1) * 4 + 1, p.year);
  return g_date_get_julian (date);
}

static guint32
period_end (StyrkortPeriod p)
{
  return period_start (styrkort_period_next (p)) - 1;
}

/* Lines and sections ------------------------------------------------------------- */

static void
line_free (StyrkortBriefLine *line)
{
  g_free (line->text);
  g_free (line->detail);
  g_free (line);
}

StyrkortBriefLine *
_styrkort_brief_line_copy (const StyrkortBriefLine *line)
{
  StyrkortBriefLine *copy = g_memdup2 (line, sizeof *line);
  copy->text = g_strdup (line->text);
  copy->detail = g_strdup (line->detail);
  return copy;
}

void
_styrkort_brief_section_free (StyrkortBriefSection *section)
{
  g_free (section->title);
  g_free (section->empty);
  g_ptr_array_unref (section->lines);
  g_free (section);
}

StyrkortBriefSection *
_styrkort_brief_section_new (StyrkortBriefSectionKind kind, const char *title, const char *empty)
{
  StyrkortBriefSection *section = g_new0 (StyrkortBriefSection, 1);
  section->kind = kind;
  section->title = g_strdup (title);
  section->empty = g_strdup (empty);
  section->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  return section;
}

/* Adds a line; takes @text and @detail. */
static StyrkortBriefLine *
add_line (StyrkortBriefSection *section, char *text, char *detail, double urgency, StyrkortBriefLink link)
{
  StyrkortBriefLine *line = g_new0 (StyrkortBriefLine, 1);
  line->text = text;
  line->detail = detail;
  line->urgency = urgency;
  line->link = link;
  g_ptr_array_add (section->lines, line);
  return line;
}

/* Most urgent first; lines of equal urgency keep the order they were added in. */
static int
compare_urgency (gconstpointer a, gconstpointer b)
{
  const StyrkortBriefLine *x = *(StyrkortBriefLine * const *) a, *y = *(StyrkortBriefLine * const *) b;
  return (x->urgency < y->urgency) - (x->urgency > y->urgency);
}

static void
sort_lines (StyrkortBriefSection *section)
{
  /* g_ptr_array_sort is a merge sort: stable. */
  g_ptr_array_sort (section->lines, compare_urgency);
}

void
styrkort_brief_free (StyrkortBrief *brief)
{
  if (brief == NULL)
    return;
  g_free (brief->today);
  g_free (brief->since);
  g_free (brief->next_meeting);
  g_ptr_array_unref (brief->sections);
  g_free (brief);
}

/* Shared while computing ----------------------------------------------------------- */

typedef struct {
  StyrkortProject *project;
  StyrkortBrief *brief;
  StyrkortNumberStyle style;
  guint32 today;
  GPtrArray *areas;        /* StyrkortArea* */
  GPtrArray *operations;   /* StyrkortOperation* */
  GPtrArray *indicators;   /* StyrkortIndicator* */
  GPtrArray *units;        /* StyrkortUnit* */
} Builder;

static gboolean
swedish (Builder *b)
{
  return styrkort_locale_is_swedish ();
}

static const StyrkortArea *
find_area (Builder *b, gint64 id)
{
  for (guint i = 0; i < b->areas->len; i++)
    if (((StyrkortArea *) b->areas->pdata[i])->id == id)
      return b->areas->pdata[i];
  return NULL;
}

static const StyrkortIndicator *
find_indicator (Builder *b, gint64 id)
{
  for (guint i = 0; i < b->indicators->len; i++)
    if (((StyrkortIndicator *) b->indicators->pdata[i])->id == id)
      return b->indicators->pdata[i];
  return NULL;
}

/* "Area 3", or a theme's title: short enough for a line's detail. */
static char *
area_title (Builder *b, gint64 area_id)
{
  const StyrkortArea *area = find_area (b, area_id);

  if (area == NULL)
    return g_strdup ("");
  if (area->number > 0)
    return g_strdup_printf (_("Area %d"), area->number);
  return g_strdup (swedish (b) ? area->title_sv : area->title_en);
}

static const char *
indicator_name (Builder *b, const StyrkortIndicator *ind)
{
  return swedish (b) ? ind->name_sv : ind->name_en;
}

static const char *
operation_name (Builder *b, const StyrkortOperation *op)
{
  return swedish (b) ? op->name_sv : op->name_en;
}

/* "42 %" of a ratio 0.42, no decimals unless it is below 10 %. */
static char *
format_share (Builder *b, double ratio)
{
  double percent = fabs (ratio) * 100;
  g_autofree char *number = styrkort_format_number (percent, percent < 10 ? 1 : 0, b->style);
  return g_strdup_printf ("%s %%", number);
}

/* Actions --------------------------------------------------------------------------- */

static char *
days_text (int days)
{
  if (days < 0)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", -days), -days);
  if (days == 0)
    return g_strdup (_("today"));
  return g_strdup_printf (ngettext ("in %d day", "in %d days", days), days);
}

static void
build_actions (Builder *b)
{
  StyrkortBriefSection *section = _styrkort_brief_section_new (STYRKORT_BRIEF_ACTIONS, _("Actions to Follow Up"),
                                               _("No action is overdue or due before the next meeting."));
  g_autoptr(GPtrArray) actions = styrkort_project_list_actions (b->project, 0);
  guint32 next = julian (b->brief->next_meeting);

  for (guint i = 0; i < actions->len; i++)
    {
      StyrkortAction *a = actions->pdata[i];
      guint32 due = julian (a->due);
      int days = (int) due - (int) b->today;
      g_autofree char *when = NULL, *area = NULL;
      const char *owner = a->owner && *a->owner ? a->owner : _("no owner");
      StyrkortBriefLink link = { .kind = STYRKORT_BRIEF_LINK_ACTION, .action_id = a->id, .area_id = a->area_id };

      if (due == 0 || a->state == STYRKORT_ACTION_DONE || a->state == STYRKORT_ACTION_CANCELLED)
        continue;
      if (days >= 0 && due > next)
        continue;
      when = days_text (days);
      area = area_title (b, a->area_id);
      if (days < 0)
        add_line (section, g_strdup_printf (_("Overdue: %s"), a->text),
                  /* TRANSLATORS: owner · due date (how long ago) · area */
                  g_strdup_printf (_("%s · due %s (%s) · %s"), owner, a->due, when, area), 1000 - days,
                  link)->attention = TRUE;
      else
        add_line (section, g_strdup_printf (_("Due before the meeting: %s"), a->text),
                  g_strdup_printf (_("%s · due %s (%s) · %s"), owner, a->due, when, area), 500 - days, link);
    }
  sort_lines (section);
  g_ptr_array_add (b->brief->sections, section);
}

/* Sub-goals ------------------------------------------------------------------------- */

/* The latest district total of @indicator_id up to @period, and its period. */
static double
latest_total (StyrkortProject *project, GArray *periods, gint64 indicator_id, StyrkortPeriod period,
              StyrkortPeriod *when)
{
  for (guint i = periods->len; i > 0; i--)
    {
      StyrkortPeriod p = g_array_index (periods, StyrkortPeriod, i - 1);
      StyrkortTotal total;
      if (styrkort_period_compare (p, period) > 0)
        continue;
      total = styrkort_project_compute_total (project, indicator_id, p);
      if (!isnan (total.value))
        {
          *when = p;
          return total.value;
        }
    }
  return NAN;
}

static void
build_subgoals (Builder *b)
{
  StyrkortBriefSection *section = _styrkort_brief_section_new (STYRKORT_BRIEF_SUBGOALS, _("Sub-goals Off Track"),
                                               _("Every sub-goal with figures is on track."));
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (b->project, 0);
  g_autoptr(GArray) periods = styrkort_project_list_periods (b->project);

  for (guint i = 0; i < goals->len; i++)
    {
      StyrkortSubgoal *g = goals->pdata[i];
      const StyrkortIndicator *ind = find_indicator (b, g->indicator_id);
      StyrkortPeriod when = { 0, 0 };
      double latest, direction, distance;
      g_autofree char *baseline_date = NULL, *latest_text = NULL, *baseline_text = NULL, *target_text = NULL;
      g_autofree char *period_text = NULL, *area = NULL;
      StyrkortBriefLink link = { .kind = STYRKORT_BRIEF_LINK_SUBGOAL, .subgoal_id = g->id, .area_id = g->area_id };

      if (ind == NULL || isnan (g->target) || isnan (g->baseline))
        continue;
      latest = latest_total (b->project, periods, g->indicator_id, b->brief->period, &when);
      if (isnan (latest))
        continue;
      /* Which way is better: the indicator says, or else the target does. */
      if (ind->better == STYRKORT_BETTER_HIGHER)
        direction = 1;
      else if (ind->better == STYRKORT_BETTER_LOWER)
        direction = -1;
      else
        direction = g->target < g->baseline ? -1 : 1;
      if ((latest - g->target) * direction >= 0)
        continue; /* met */
      distance = fabs (g->target - g->baseline);
      latest_text = styrkort_format_figure (ind, latest, b->style);
      baseline_text = styrkort_format_figure (ind, g->baseline, b->style);
      target_text = styrkort_format_figure (ind, g->target, b->style);
      period_text = styrkort_period_to_string (when);
      area = area_title (b, g->area_id);
      if ((latest - g->baseline) * direction < 0)
        {
          add_line (section, g_strdup_printf (_("Worse than its baseline: %s"), g->text),
                    /* TRANSLATORS: indicator: baseline → latest (period), target … · area */
                    g_strdup_printf (_("%s: baseline %s → latest %s (%s), target %s · %s"),
                                     indicator_name (b, ind), baseline_text, latest_text, period_text, target_text,
                                     area),
                    800 + (distance > 0 ? fabs (latest - g->baseline) / distance * 100 : 100),
                    link)->attention = TRUE;
          continue;
        }
      baseline_date = styrkort_project_get_subgoal_baseline_date (b->project, g->id);
      {
        guint32 t0 = julian (baseline_date), t1 = julian (g->deadline), t = period_end (when);
        double share, expected, behind;
        g_autofree char *expected_text = NULL;

        if (t0 == 0 || t1 == 0 || distance == 0)
          continue;
        share = t1 > t0 ? CLAMP (((double) t - t0) / ((double) t1 - t0), 0, 1) : 1;
        expected = g->baseline + (g->target - g->baseline) * share;
        behind = (expected - latest) * direction;
        if (behind <= distance / 10)
          continue;
        expected_text = styrkort_format_figure (ind, expected, b->style);
        add_line (section, g_strdup_printf (_("Behind its line: %s"), g->text),
                  /* TRANSLATORS: indicator: latest (period), the line from baseline to target expects … */
                  g_strdup_printf (_("%s: latest %s (%s), on the line %s (baseline %s on %s, target %s by %s) · %s"),
                                   indicator_name (b, ind), latest_text, period_text, expected_text, baseline_text,
                                   baseline_date, target_text, g->deadline, area),
                  600 + behind / distance * 100, link)->attention = TRUE;
      }
    }
  sort_lines (section);
  g_ptr_array_add (b->brief->sections, section);
}

/* Changes since the previous tertial ------------------------------------------------ */

typedef struct {
  guint order;
  double size;   /* |relative change|, INFINITY from 0 */
  const StyrkortIndicator *ind;
  double before, after;
} Change;

static int
compare_changes (gconstpointer a, gconstpointer b)
{
  const Change *x = a, *y = b;
  if (x->size != y->size)
    return x->size < y->size ? 1 : -1;
  return (x->order > y->order) - (x->order < y->order);
}

static const char *
judgement (const StyrkortIndicator *ind, double change)
{
  if (ind->better == STYRKORT_BETTER_NONE || change == 0)
    return NULL;
  return (change > 0) == (ind->better == STYRKORT_BETTER_HIGHER) ? _("better") : _("worse");
}

static void
build_changes (Builder *b)
{
  StyrkortBriefSection *section = _styrkort_brief_section_new (STYRKORT_BRIEF_CHANGES, _("Largest Changes Since the Previous Tertial"),
                                               _("No indicator has figures for both tertials."));
  StyrkortPeriod previous = styrkort_period_previous (b->brief->period);
  g_autofree char *previous_text = styrkort_period_to_string (previous);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));

  for (guint i = 0; i < b->indicators->len; i++)
    {
      const StyrkortIndicator *ind = b->indicators->pdata[i];
      StyrkortTotal now = styrkort_project_compute_total (b->project, ind->id, b->brief->period);
      StyrkortTotal then = styrkort_project_compute_total (b->project, ind->id, previous);
      Change c = { i, 0, ind, then.value, now.value };

      if (isnan (now.value) || isnan (then.value) || now.value == then.value)
        continue;
      c.size = then.value == 0 ? INFINITY : fabs ((now.value - then.value) / then.value);
      g_array_append_val (changes, c);
    }
  g_array_sort (changes, compare_changes);
  for (guint i = 0; i < MIN (changes->len, TOP_N); i++)
    {
      Change *c = &g_array_index (changes, Change, i);
      g_autofree char *before = styrkort_format_figure (c->ind, c->before, b->style);
      g_autofree char *after = styrkort_format_figure (c->ind, c->after, b->style);
      g_autofree char *share = isinf (c->size) ? NULL : format_share (b, c->size);
      const char *verdict = judgement (c->ind, c->after - c->before);
      g_autofree char *detail = NULL;
      StyrkortBriefLink link = { .kind = STYRKORT_BRIEF_LINK_FIGURE, .indicator_id = c->ind->id,
                                 .period = b->brief->period };

      if (share == NULL)
        /* TRANSLATORS: a change from 0, since a tertial */
        detail = g_strdup_printf (_("from 0 since %s"), previous_text);
      else
        /* TRANSLATORS: "+25 % since 2026 T1" */
        detail = g_strdup_printf (_("%s%s since %s"), c->after > c->before ? "+" : "−", share, previous_text);
      if (verdict != NULL)
        {
          char *with = g_strdup_printf ("%s · %s", detail, verdict);
          g_free (detail);
          detail = with;
        }
      add_line (section, g_strdup_printf ("%s: %s → %s", indicator_name (b, c->ind), before, after),
                g_steal_pointer (&detail), TOP_N - i, link);
    }
  g_ptr_array_add (b->brief->sections, section);
}

/* The wrong side of the city line --------------------------------------------------- */

typedef struct {
  guint order;
  double distance;  /* relative to the city value */
  const StyrkortIndicator *ind;
  const StyrkortUnit *unit;
  double value, city;
} Gap;

static int
compare_gaps (gconstpointer a, gconstpointer b)
{
  const Gap *x = a, *y = b;
  if (x->distance != y->distance)
    return x->distance < y->distance ? 1 : -1;
  return (x->order > y->order) - (x->order < y->order);
}

static const StyrkortUnit *
find_unit (Builder *b, gint64 id)
{
  for (guint i = 0; i < b->units->len; i++)
    if (((StyrkortUnit *) b->units->pdata[i])->id == id)
      return b->units->pdata[i];
  return NULL;
}

static void
build_city (Builder *b)
{
  StyrkortBriefSection *section = _styrkort_brief_section_new (STYRKORT_BRIEF_CITY, _("Furthest on the Wrong Side of the City Line"),
                                               _("No unit figure is on the wrong side of the city line."));
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  guint order = 0;

  for (guint i = 0; i < b->indicators->len; i++)
    {
      const StyrkortIndicator *ind = b->indicators->pdata[i];
      StyrkortCityValue city = { 0 };
      g_autoptr(GPtrArray) values = NULL;

      /* A unit's count is not on the city's scale (a rate, mean or ratio is). */
      if (ind->better == STYRKORT_BETTER_NONE || ind->level != STYRKORT_LEVEL_UNIT ||
          ind->measure == STYRKORT_MEASURE_COUNT ||
          !styrkort_project_get_city_value (b->project, ind->id, b->brief->period, &city) || isnan (city.value))
        continue;
      values = styrkort_project_list_values (b->project, ind->id, b->brief->period);
      for (guint j = 0; j < values->len; j++)
        {
          StyrkortValue *v = values->pdata[j];
          const StyrkortUnit *unit = find_unit (b, v->unit_id);
          gboolean wrong;
          Gap gap;
          if (unit == NULL || isnan (v->value))
            continue;
          wrong = ind->better == STYRKORT_BETTER_LOWER ? v->value > city.value : v->value < city.value;
          if (!wrong)
            continue;
          gap = (Gap) { order++, fabs (v->value - city.value) / (city.value != 0 ? fabs (city.value) : 1),
                        ind, unit, v->value, city.value };
          g_array_append_val (gaps, gap);
        }
    }
  g_array_sort (gaps, compare_gaps);
  for (guint i = 0; i < MIN (gaps->len, TOP_N); i++)
    {
      Gap *g = &g_array_index (gaps, Gap, i);
      g_autofree char *value = styrkort_format_figure (g->ind, g->value, b->style);
      g_autofree char *city = styrkort_format_figure (g->ind, g->city, b->style);
      g_autofree char *share = format_share (b, g->distance);
      StyrkortBriefLink link = { .kind = STYRKORT_BRIEF_LINK_FIGURE, .indicator_id = g->ind->id,
                                 .unit_id = g->unit->id, .period = b->brief->period };

      add_line (section, g_strdup_printf ("%s · %s: %s", g->unit->name, indicator_name (b, g->ind), value),
                g->ind->better == STYRKORT_BETTER_LOWER
                  /* TRANSLATORS: "City 10,6 % · 42 % higher, where lower is better" */
                  ? g_strdup_printf (_("City %s · %s higher, where lower is better"), city, share)
                  : g_strdup_printf (_("City %s · %s lower, where higher is better"), city, share),
                TOP_N - i, link);
    }
  g_ptr_array_add (b->brief->sections, section);
}

/* Gaps --------------------------------------------------------------------------- */

static void
add_not_assessed (Builder *b, StyrkortBriefSection *section)
{
  /* The operations the district has, as the pages show them. */
  g_autoptr(GPtrArray) operations = styrkort_project_list_district_operations (b->project);
  g_autofree char *period = styrkort_period_to_string (b->brief->period);

  for (guint i = 0; i < b->areas->len; i++)
    {
      StyrkortArea *area = b->areas->pdata[i];
      g_autoptr(GString) missing = g_string_new (NULL);
      gint64 first = 0;
      guint n = 0;

      for (guint j = 0; j < operations->len; j++)
        {
          StyrkortOperation *op = operations->pdata[j];
          g_autoptr(StyrkortAssessment) a = styrkort_project_get_assessment (b->project, area->id, op->id,
                                                                              b->brief->period);
          if (a != NULL)
            continue;
          g_string_append_printf (missing, "%s%s", n ? ", " : "", operation_name (b, op));
          first = first ? first : op->id;
          n++;
        }
      if (n == 0)
        continue;
      add_line (section, styrkort_area_display_title (area),
                /* TRANSLATORS: "Not assessed in 2026 T2: Äldre, Missbruk" */
                g_strdup_printf (_("Not assessed in %s: %s"), period, missing->str), 300 + n,
                (StyrkortBriefLink) { .kind = STYRKORT_BRIEF_LINK_AREA, .area_id = area->id,
                                      .operation_id = first, .period = b->brief->period });
    }
}

static void
add_units_without_figures (Builder *b, StyrkortBriefSection *section)
{
  g_autoptr(GPtrArray) values = styrkort_project_list_all_values (b->project);
  g_autoptr(GHashTable) with = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *period = styrkort_period_to_string (b->brief->period);

  for (guint i = 0; i < values->len; i++)
    {
      StyrkortValue *v = values->pdata[i];
      if (styrkort_period_compare (v->period, b->brief->period) == 0 && v->unit_id != 0)
        g_hash_table_add (with, &v->unit_id);
    }
  for (guint i = 0; i < b->units->len; i++)
    {
      StyrkortUnit *unit = b->units->pdata[i];
      if (g_hash_table_contains (with, &unit->id))
        continue;
      add_line (section, g_strdup (unit->name), g_strdup_printf (_("No figures for %s"), period), 200,
                (StyrkortBriefLink) { .kind = STYRKORT_BRIEF_LINK_FIGURE, .unit_id = unit->id,
                                      .period = b->brief->period });
    }
}

static void
add_changes_after_reporting (Builder *b, StyrkortBriefSection *section)
{
  g_autoptr(GPtrArray) reports = styrkort_project_list_reports (b->project);

  for (guint i = 0; i < reports->len; i++)
    {
      StyrkortReport *report = reports->pdata[i];
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *period = NULL;

      if (!report->changed)
        continue;
      changes = styrkort_project_list_report_changes (b->project, report->period);
      period = styrkort_period_to_string (report->period);
      for (guint j = 0; j < changes->len; j++)
        {
          StyrkortReportChange *change = changes->pdata[j];
          g_autofree char *date = g_strndup (change->time ? change->time : "", 10);
          if (strcmp (date, b->brief->since) < 0)
            continue;
          add_line (section,
                    /* TRANSLATORS: "2026 T2 changed after it was reported: Set value" */
                    g_strdup_printf (_("%s changed after it was reported: %s"), period, change->summary),
                    g_strdup_printf ("%s · %s", date, change->reason), 400,
                    (StyrkortBriefLink) { .kind = STYRKORT_BRIEF_LINK_REPORT,
                                          .period = report->period })->attention = TRUE;
        }
    }
}

static void
build_gaps (Builder *b)
{
  StyrkortBriefSection *section = _styrkort_brief_section_new (STYRKORT_BRIEF_GAPS, _("Gaps and Changes After Reporting"),
                                               _("Every area is assessed, every unit has figures, and nothing "
                                                 "reported has changed."));
  add_changes_after_reporting (b, section);
  add_not_assessed (b, section);
  add_units_without_figures (b, section);
  sort_lines (section);
  g_ptr_array_add (b->brief->sections, section);
}

/* The previous meeting's decisions --------------------------------------------------- */

static void
build_decisions (Builder *b)
{
  StyrkortBriefSection *section = _styrkort_brief_section_new (STYRKORT_BRIEF_DECISIONS, _("Decisions of the Previous Meeting"),
                                               _("No decisions were recorded at the previous meeting."));
  g_autoptr(GPtrArray) decisions = NULL;

  if (b->brief->previous_meeting_id == 0)
    {
      g_ptr_array_add (b->brief->sections, section);
      return;
    }
  decisions = styrkort_project_list_decisions (b->project, b->brief->previous_meeting_id);
  for (guint i = 0; i < decisions->len; i++)
    {
      StyrkortDecision *d = decisions->pdata[i];
      g_autoptr(GPtrArray) actions = styrkort_project_list_decision_actions (b->project, d->id);

      if (actions->len == 0)
        add_line (section, g_strdup (d->text), g_strdup (_("No action was made from it")), 100,
                  (StyrkortBriefLink) { .kind = STYRKORT_BRIEF_LINK_MEETING,
                                        .meeting_id = b->brief->previous_meeting_id });
      for (guint j = 0; j < actions->len; j++)
        {
          StyrkortAction *a = actions->pdata[j];
          guint32 due = julian (a->due);
          gboolean open = a->state == STYRKORT_ACTION_PLANNED || a->state == STYRKORT_ACTION_ONGOING;
          gboolean overdue = open && due != 0 && due < b->today;
          const char *state = overdue ? _("overdue") : styrkort_action_state_label (a->state);
          const char *owner = a->owner && *a->owner ? a->owner : _("no owner");
          double urgency = overdue ? 300 : open ? 150 : a->state == STYRKORT_ACTION_CANCELLED ? 20 : 10;

          StyrkortBriefLine *made = add_line (section, g_strdup (d->text),
                    a->due != NULL
                      /* TRANSLATORS: action: its text · owner · state, due date */
                      ? g_strdup_printf (_("Action: %s · %s · %s, due %s"), a->text, owner, state, a->due)
                      : g_strdup_printf (_("Action: %s · %s · %s"), a->text, owner, state),
                    urgency,
                    (StyrkortBriefLink) { .kind = STYRKORT_BRIEF_LINK_ACTION, .action_id = a->id,
                                          .area_id = a->area_id });
          made->attention = overdue;
        }
    }
  sort_lines (section);
  g_ptr_array_add (b->brief->sections, section);
}

/* The brief -------------------------------------------------------------------------- */

static void
find_meetings (Builder *b)
{
  g_autoptr(GPtrArray) meetings = styrkort_project_list_meetings (b->project);
  StyrkortBrief *brief = b->brief;

  /* In date order: the last before today is the previous one, the first on
   * or after today the next (a meeting today is the one prepared for). */
  for (guint i = 0; i < meetings->len; i++)
    {
      StyrkortMeeting *m = meetings->pdata[i];
      guint32 day = julian (m->date);
      if (day != 0 && day < b->today)
        {
          brief->previous_meeting_id = m->id;
          g_free (brief->since);
          brief->since = g_strdup (m->date);
        }
      else if (day != 0 && brief->next_meeting_id == 0)
        {
          brief->next_meeting_id = m->id;
          brief->next_meeting = g_strdup (m->date);
          brief->next_recorded = TRUE;
        }
    }
  if (brief->since == NULL)
    brief->since = iso_of_julian (period_start (_styrkort_brief_period_of (brief->today)));
  if (brief->next_meeting == NULL)
    brief->next_meeting = iso_of_julian (b->today + STYRKORT_BRIEF_DEFAULT_DAYS);
}

StyrkortBrief *
styrkort_brief_new (StyrkortProject *project, StyrkortPeriod period, const char *today)
{
  Builder b = { project, NULL, styrkort_number_style_for_locale (), 0, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (STYRKORT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (styrkort_period_is_valid (period), NULL);
  g_return_val_if_fail (today == NULL || styrkort_date_is_valid (today), NULL);

  b.brief = g_new0 (StyrkortBrief, 1);

  if (today != NULL)
    b.brief->today = g_strdup (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      b.brief->today = g_date_time_format (now, "%Y-%m-%d");
    }
  b.today = julian (b.brief->today);
  b.brief->period = period;
  b.brief->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) _styrkort_brief_section_free);
  b.areas = styrkort_project_list_areas (project);
  b.operations = styrkort_project_list_operations (project);
  b.indicators = styrkort_project_list_indicators (project);
  b.units = styrkort_project_list_units (project);
  find_meetings (&b);

  build_actions (&b);
  build_subgoals (&b);
  build_changes (&b);
  build_city (&b);
  build_gaps (&b);
  build_decisions (&b);

  g_ptr_array_unref (b.areas);
  g_ptr_array_unref (b.operations);
  g_ptr_array_unref (b.indicators);
  g_ptr_array_unref (b.units);
  return b.brief;
}
