/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A large district for the tertial report's test and benchmark: 40 units,
 * long texts, every figure of two tertials (2026 T1 and T2). */
#include <math.h>

#include "large-district.h"

/* Leaves no edit group open when a step fails. */
#define TRY(expr) G_STMT_START { if (!(expr)) { styrkort_project_cancel_group (project); return NULL; } } G_STMT_END

static char *
long_text (GRand *rand, const char *marker, guint sentences)
{
  static const char *words[] = { "arbetsbelastningen", "enheten", "medarbetarna", "handledning", "uppföljning",
                                 "ärendena", "chefen", "rutinen", "styrgruppen", "brukarna", "introduktionen",
                                 "och", "som", "med", "för", "har", "inte", "under", "perioden", "behöver" };
  GString *text = g_string_new (marker);

  for (guint s = 0; s < sentences; s++)
    {
      guint n = g_rand_int_range (rand, 6, 18);
      g_string_append (text, s == 0 ? ": " : ". ");
      for (guint w = 0; w < n; w++)
        g_string_append_printf (text, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      if (s % 7 == 6)
        g_string_append (text, ".\n\nNytt stycke");
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static void
set_figure (StyrkortProject *project, GPtrArray *values, const StyrkortIndicator *ind, gint64 unit,
            StyrkortPeriod period, GRand *rand)
{
  StyrkortValue *v = g_new0 (StyrkortValue, 1);

  styrkort_value_init (v);
  v->indicator_id = ind->id;
  v->unit_id = unit;
  v->period = period;
  if (ind->total_rule == STYRKORT_TOTAL_RATE && ind->numerator_sv != NULL)
    {
      v->denominator = g_rand_int_range (rand, 8, 60);
      v->numerator = g_rand_int_range (rand, 0, (gint32) v->denominator);
      v->value = styrkort_rate_from_base (ind->measure, v->numerator, v->denominator);
    }
  else if (ind->gender_split)
    {
      v->women = g_rand_int_range (rand, 5, 1500);
      v->men = g_rand_int_range (rand, 1, 500);
      v->value = v->women + v->men;
    }
  else
    v->value = g_rand_int_range (rand, 0, 2000);
  g_ptr_array_add (values, v);
}

StyrkortProject *
large_district_create (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StyrkortProject) project = styrkort_project_create (file, "Stadsdel Mycket Stor med ett långt namn", error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (40);
  g_autoptr(GPtrArray) operations = NULL, areas = NULL, indicators = NULL, units = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_value_free);
  StyrkortPeriod periods[] = { { 2026, 1 }, { 2026, 2 } };

  if (project == NULL)
    return NULL;
  operations = styrkort_project_list_operations (project);
  areas = styrkort_project_list_areas (project);
  indicators = styrkort_project_list_indicators (project);
  if (!styrkort_project_begin_group (project, "Large", error))
    return NULL;
  for (guint u = 0; u < 40; u++)
    {
      g_autofree char *unit = g_strdup_printf ("Enheten för verksamhet nummer %u med ett långt namn", u + 1);
      TRY ((styrkort_project_add_unit (project, unit,
                ((StyrkortOperation *) operations->pdata[u % operations->len])->id,
                error)) > 0);
    }
  units = styrkort_project_list_units (project);
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (guint i = 0; i < indicators->len; i++)
      {
        StyrkortIndicator *ind = indicators->pdata[i];
        StyrkortCityValue city = { ind->id, periods[p], 10.6 + p, NAN, NAN, 0, 0 };
        if (ind->level == STYRKORT_LEVEL_DISTRICT)
          set_figure (project, values, ind, 0, periods[p], rand);
        else
          for (guint u = 0; u < units->len; u++)
            set_figure (project, values, ind, ((StyrkortUnit *) units->pdata[u])->id, periods[p], rand);
        TRY (styrkort_project_set_city_value (project, &city, error));
      }
  TRY (styrkort_project_set_values (project, (const StyrkortValue * const *) values->pdata, values->len,
                error));
  for (guint a = 0; a < areas->len; a++)
    {
      StyrkortArea *area = areas->pdata[a];
      for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
        for (guint o = 0; o < operations->len; o++)
          {
            g_autofree char *marker = g_strdup_printf ("Bedömning %u-%u-%u", a, o, p);
            g_autofree char *text = long_text (rand, marker, 4 + g_rand_int_range (rand, 0, 30));
            TRY (styrkort_project_set_assessment (project, area->id,
                ((StyrkortOperation *) operations->pdata[o])->id,
                periods[p], g_rand_int_range (rand, 0, STYRKORT_N_STATUSES),
                text, error));
          }
      {
        g_autofree char *note = long_text (rand, "Jämställdhet", 12);
        TRY (styrkort_project_set_gender_note (project, area->id, periods[1], note, error));
      }
      for (guint g = 0; g < 3; g++)
        {
          g_autofree char *text = g_strdup_printf ("Delmål %u för område %u: minska sjukfrånvaron", g + 1, a + 1);
          StyrkortSubgoal goal = { 0, area->id, text, ((StyrkortIndicator *) indicators->pdata[g])->id, 12, 8,
                                   (char *) "2026-12-31" };
          TRY ((styrkort_project_add_subgoal (project, &goal, error)) > 0);
        }
      for (guint i = 0; i < 6; i++)
        {
          g_autofree char *text = g_strdup_printf ("Åtgärd %u i område %u: ta fram en rutin för uppföljning", i + 1,
                a + 1);
          g_autofree char *owner = g_strdup_printf ("Avdelningschef %u", i + 1);
          g_autofree char *note = long_text (rand, "Anteckning", i == 5 ? 40 : 2);
          StyrkortAction action = { 0, area->id, 0, text, owner, (char *) "2026-10-31", i % STYRKORT_N_ACTION_STATES,
                                    note };
          TRY ((styrkort_project_add_action (project, &action, error)) > 0);
        }
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *member = g_strdup_printf ("Ledamot Nummer%u Efternamnsson", i + 1);
      StyrkortMember m = { 0, member, (char *) "Enhetschef", (char *) "Stadsdelsförvaltningen" };
      TRY ((styrkort_project_add_member (project, &m, error)) > 0);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-0%u-1%u", 5 + i, i);
      g_autofree char *notes = long_text (rand, "Mötet", 8);
      StyrkortMeeting m = { 0, date, notes };
      TRY ((styrkort_project_add_meeting (project, &m, error)) > 0);
    }
  if (!styrkort_project_end_group (project, error))
    return NULL;
  return g_steal_pointer (&project);
}

