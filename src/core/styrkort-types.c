/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain value types of the Styrkort model: keys, labels, periods, freeing. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "styrkort-types.h"

G_DEFINE_QUARK (styrkort-error-quark, styrkort_error)

static int
key_index (const char * const *keys, guint n_keys, const char *key)
{
  for (guint i = 0; key != NULL && i < n_keys; i++)
    if (g_str_equal (keys[i], key))
      return (int) i;
  return -1;
}

#define KEY_TABLE(type, name, ...)                                      \
  static const char * const name##_keys[] = { __VA_ARGS__ };           \
  const char *styrkort_##name##_to_key (type v)                         \
  {                                                                     \
    return (guint) v < G_N_ELEMENTS (name##_keys) ? name##_keys[v] : NULL; \
  }                                                                     \
  int styrkort_##name##_from_key (const char *key)                      \
  {                                                                     \
    return key_index (name##_keys, G_N_ELEMENTS (name##_keys), key);    \
  }

KEY_TABLE (StyrkortStatus, status, "not_started", "in_progress", "established", "needs_attention")
KEY_TABLE (StyrkortActionState, action_state, "planned", "ongoing", "done", "cancelled")
KEY_TABLE (StyrkortMeasure, measure, "percent", "count", "ratio")
KEY_TABLE (StyrkortBetter, better, "higher", "lower", "none")
KEY_TABLE (StyrkortLevel, level, "unit", "district")
KEY_TABLE (StyrkortTotalRule, total_rule, "rate", "sum", "mean")

const char *
styrkort_status_label (StyrkortStatus status)
{
  switch (status)
    {
    case STYRKORT_STATUS_NOT_STARTED: return _("Not started");
    case STYRKORT_STATUS_IN_PROGRESS: return _("In progress");
    case STYRKORT_STATUS_ESTABLISHED: return _("Established");
    case STYRKORT_STATUS_NEEDS_ATTENTION: return _("Needs attention");
    default: return _("Unknown");
    }
}

const char *
styrkort_action_state_label (StyrkortActionState state)
{
  switch (state)
    {
    case STYRKORT_ACTION_PLANNED: return _("Planned");
    case STYRKORT_ACTION_ONGOING: return _("Ongoing");
    case STYRKORT_ACTION_DONE: return _("Done");
    case STYRKORT_ACTION_CANCELLED: return _("Cancelled");
    default: return _("Unknown");
    }
}

const char *
styrkort_goal_state_label (StyrkortGoalState state)
{
  switch (state)
    {
    case STYRKORT_GOAL_WORSE: return _("Worse than baseline");
    case STYRKORT_GOAL_IMPROVING: return _("Improving");
    case STYRKORT_GOAL_MET: return _("Target met");
    case STYRKORT_GOAL_NO_DATA:
    default: return _("No data");
    }
}

gboolean
styrkort_period_is_valid (StyrkortPeriod period)
{
  return period.year >= 1900 && period.year <= 2200 &&
         period.tertial >= 1 && period.tertial <= 3;
}

int
styrkort_period_compare (StyrkortPeriod a, StyrkortPeriod b)
{
  /* No arithmetic: a period read from a crafted file may be anything. */
  if (a.year != b.year)
    return a.year > b.year ? 1 : -1;
  return (a.tertial > b.tertial) - (a.tertial < b.tertial);
}

StyrkortPeriod
styrkort_period_next (StyrkortPeriod period)
{
  if (period.tertial >= 3)
    return (StyrkortPeriod) { period.year + 1, 1 };
  return (StyrkortPeriod) { period.year, period.tertial + 1 };
}

StyrkortPeriod
styrkort_period_previous (StyrkortPeriod period)
{
  if (period.tertial <= 1)
    return (StyrkortPeriod) { period.year - 1, 3 };
  return (StyrkortPeriod) { period.year, period.tertial - 1 };
}

/* T1 is January–April, T2 May–August, T3 September–December. */
StyrkortPeriod
styrkort_period_for_date (GDate *date)
{
  int month = g_date_get_month (date);
  return (StyrkortPeriod) { g_date_get_year (date), (month - 1) / 4 + 1 };
}

StyrkortPeriod
styrkort_period_current (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                           (GDateMonth) g_date_time_get_month (now),
                                           (GDateYear) g_date_time_get_year (now));
  return styrkort_period_for_date (today);
}

char *
styrkort_period_to_string (StyrkortPeriod period)
{
  return g_strdup_printf ("%d T%d", period.year, period.tertial);
}

/* Accepts "2024 T2", "2024-T2", "2024T2" and "T2 2024". */
gboolean
styrkort_period_parse (const char *text, StyrkortPeriod *out)
{
  int year = 0, tertial = 0;
  char rest = 0;
  g_autofree char *compact = NULL;

  if (text == NULL)
    return FALSE;
  compact = g_strdelimit (g_ascii_strup (text, -1), " -", ' ');
  g_strstrip (compact);
  if (sscanf (compact, "%d T%d %c", &year, &tertial, &rest) != 2 &&
      sscanf (compact, "%dT%d %c", &year, &tertial, &rest) != 2 &&
      sscanf (compact, "T%d %d %c", &tertial, &year, &rest) != 2)
    return FALSE;
  StyrkortPeriod period = { year, tertial };
  if (!styrkort_period_is_valid (period))
    return FALSE;
  *out = period;
  return TRUE;
}

double
styrkort_rate_from_base (StyrkortMeasure measure, double numerator, double denominator)
{
  if (isnan (numerator) || isnan (denominator) || denominator <= 0)
    return NAN;
  return numerator / denominator * (measure == STYRKORT_MEASURE_PERCENT ? 100.0 : 1.0);
}

gboolean
styrkort_value_has_base (const StyrkortValue *value)
{
  return !isnan (value->numerator) && !isnan (value->denominator) && value->denominator > 0;
}

void
styrkort_value_init (StyrkortValue *value)
{
  *value = (StyrkortValue) { 0 };
  value->value = value->women = value->men = NAN;
  value->numerator = value->denominator = NAN;
}

void
styrkort_district_free (StyrkortDistrict *d)
{
  if (d == NULL)
    return;
  g_free (d->name);
  g_free (d->city);
  g_free (d->plan_version);
  g_free (d->created);
  g_free (d->modified);
  g_free (d);
}

void
styrkort_area_free (StyrkortArea *a)
{
  if (a == NULL)
    return;
  g_free (a->key);
  g_free (a->title_sv);
  g_free (a->title_en);
  g_free (a);
}

void
styrkort_operation_free (StyrkortOperation *o)
{
  if (o == NULL)
    return;
  g_free (o->key);
  g_free (o->name_sv);
  g_free (o->name_en);
  g_free (o);
}

void
styrkort_indicator_free (StyrkortIndicator *i)
{
  if (i == NULL)
    return;
  g_free (i->code);
  g_free (i->name_sv);
  g_free (i->name_en);
  g_free (i->numerator_sv);
  g_free (i->numerator_en);
  g_free (i->denominator_sv);
  g_free (i->denominator_en);
  g_clear_pointer (&i->area_ids, g_array_unref);
  g_free (i);
}

void
styrkort_unit_free (StyrkortUnit *u)
{
  if (u == NULL)
    return;
  g_free (u->name);
  g_free (u);
}

void
styrkort_value_free (StyrkortValue *v)
{
  if (v == NULL)
    return;
  g_free (v->comment);
  g_free (v);
}

void
styrkort_assessment_free (StyrkortAssessment *a)
{
  if (a == NULL)
    return;
  g_free (a->text);
  g_free (a);
}

void
styrkort_subgoal_free (StyrkortSubgoal *s)
{
  if (s == NULL)
    return;
  g_free (s->text);
  g_free (s->deadline);
  g_free (s);
}

void
styrkort_action_free (StyrkortAction *a)
{
  if (a == NULL)
    return;
  g_free (a->text);
  g_free (a->owner);
  g_free (a->due);
  g_free (a->note);
  g_free (a);
}

void
styrkort_member_free (StyrkortMember *m)
{
  if (m == NULL)
    return;
  g_free (m->name);
  g_free (m->role);
  g_free (m->organisation);
  g_free (m);
}

void
styrkort_meeting_free (StyrkortMeeting *m)
{
  if (m == NULL)
    return;
  g_free (m->date);
  g_free (m->notes);
  g_free (m);
}

void
styrkort_slide_free (StyrkortSlide *slide)
{
  if (slide == NULL)
    return;
  g_free (slide->kind);
  g_free (slide);
}

StyrkortSlide *
styrkort_slide_copy (const StyrkortSlide *slide)
{
  StyrkortSlide *copy = g_memdup2 (slide, sizeof *slide);
  copy->kind = g_strdup (slide->kind);
  return copy;
}

gboolean
styrkort_date_is_valid (const char *text)
{
  int y, m, d;
  char rest;
  return text != NULL && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && strlen (text) == 10 &&
         g_date_valid_dmy (d, m, y);
}

