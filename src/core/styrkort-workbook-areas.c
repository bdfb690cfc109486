/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The T2 workbook's sheet per area and theme: assessments, gender note, subgoals and actions. */
#include "config.h"

#include "styrkort-workbook-private.h"
#include "styrkort-workbook-writer-private.h"

#define text(...) _styrkort_workbook_text (__VA_ARGS__)
#define number(...) _styrkort_workbook_number (__VA_ARGS__)

static const char *
action_state_sv (StyrkortActionState state)
{
  static const char *names[] = { "Planerad", "Pågår", "Klar", "Avbruten" };
  return (guint) state < G_N_ELEMENTS (names) ? names[state] : "";
}

static const char *
goal_state_sv (StyrkortGoalState state)
{
  static const char *names[] = { "Uppgift saknas", "Sämre än utgångsvärdet", "På väg", "Målet nått" };
  return (guint) state < G_N_ELEMENTS (names) ? names[state] : "";
}

/* One sheet per area ------------------------------------------------------- */

/* The last column of an area sheet's tables (the goals' Status). */
#define AREA_LAST_COLUMN 6

/* @value over columns @first..@last of @row, measured for its row's height;
 * an empty one is a blank cell, not a merged range. */
static void
merged_text (StyrkortSheetLayout *layout, lxw_worksheet *ws, int row, int first, int last, const char *value,
             lxw_format *format)
{
  if (value == NULL || *value == '\0')
    {
      text (ws, row, first, value, format);
      return;
    }
  _styrkort_workbook_note_refusal (ws, row, first, worksheet_merge_range (ws, row, first, row, last, value, format),
                                   value);
  _styrkort_sheet_layout_note (layout, row, first, last, value, format);
}

static const char *
indicator_name (Writer *w, gint64 id)
{
  for (guint i = 0; i < w->indicators->len; i++)
    if (((StyrkortIndicator *) w->indicators->pdata[i])->id == id)
      return ((StyrkortIndicator *) w->indicators->pdata[i])->name_sv;
  return "";
}

static int
write_goals (Writer *w, lxw_worksheet *ws, const StyrkortArea *area, int row)
{
  g_autoptr(GPtrArray) goals = styrkort_project_list_subgoals (w->project, area->id);
  static const char *headers[] = { "Delmål", "Nyckeltal", "Utgångsvärde", "Mål", "Senaste", "Klart senast",
                                   "Status", NULL };

  text (ws, row++, 0, "Delmål", w->formats[FMT_HEADING]);
  _styrkort_workbook_header_row (w, ws, row++, headers);
  for (guint i = 0; i < goals->len; i++, row++)
    {
      StyrkortSubgoal *g = goals->pdata[i];
      double latest;
      StyrkortGoalState state = styrkort_project_subgoal_state (w->project, g, w->period, &latest);
      text (ws, row, 0, g->text, w->formats[FMT_WRAP]);
      text (ws, row, 1, g->indicator_id ? indicator_name (w, g->indicator_id) : "", w->formats[FMT_WRAP]);
      number (ws, row, 2, g->baseline, w->formats[FMT_PLAIN_NUMBER]);
      number (ws, row, 3, g->target, w->formats[FMT_PLAIN_NUMBER]);
      number (ws, row, 4, latest, w->formats[FMT_RATIO]);
      _styrkort_workbook_date (ws, row, 5, g->deadline, w->formats[FMT_DATE]);
      text (ws, row, 6, goal_state_sv (state), NULL);
    }
  return row + 1;
}

static int
write_actions (Writer *w, lxw_worksheet *ws, StyrkortSheetLayout *layout, const StyrkortArea *area, int row)
{
  g_autoptr(GPtrArray) actions = styrkort_project_list_actions (w->project, area->id);
  static const char *headers[] = { "Åtgärd", "Ansvarig", "Klart senast", "Status", NULL };

  text (ws, row++, 0, "Åtgärder", w->formats[FMT_HEADING]);
  _styrkort_workbook_header_row (w, ws, row, headers);
  merged_text (layout, ws, row++, 4, AREA_LAST_COLUMN, "Anteckning", w->formats[FMT_HEADER]);
  for (guint i = 0; i < actions->len; i++, row++)
    {
      StyrkortAction *a = actions->pdata[i];
      text (ws, row, 0, a->text, w->formats[FMT_WRAP]);
      text (ws, row, 1, a->owner, w->formats[FMT_WRAP]);
      _styrkort_workbook_date (ws, row, 2, a->due, w->formats[FMT_DATE]);
      text (ws, row, 3, action_state_sv (a->state), NULL);
      merged_text (layout, ws, row, 4, AREA_LAST_COLUMN, a->note, w->formats[FMT_WRAP]);
    }
  return row + 1;
}

void
_styrkort_workbook_write_area (Writer *w, const StyrkortArea *area)
{
  g_autofree char *title = _styrkort_workbook_area_title (area);
  lxw_worksheet *ws = _styrkort_workbook_add_sheet (w, title);
  g_autofree char *note = styrkort_project_get_gender_note (w->project, area->id, w->period);
  static const char *headers[] = { "Verksamhetsområde", "Status", NULL };
  StyrkortSheetLayout *layout = _styrkort_sheet_layout_begin (ws, w->formats[FMT_TEXT]);
  int row = 0;

  /* The long texts (the analysis, the note, an action's comment) span the
   * narrow columns of the goals' figures rather than widening one of them. */
  _styrkort_sheet_layout_limit (layout, 0, 0, 0, 40);
  _styrkort_sheet_layout_limit (layout, 1, 1, 12, 24);
  _styrkort_sheet_layout_limit (layout, 2, AREA_LAST_COLUMN, 0, 16);
  merged_text (layout, ws, row++, 0, AREA_LAST_COLUMN, title, w->formats[FMT_TITLE]);
  text (ws, row++, 0, "Analys och bedömning", w->formats[FMT_HEADING]);
  _styrkort_workbook_header_row (w, ws, row, headers);
  merged_text (layout, ws, row++, 2, AREA_LAST_COLUMN, "Analys och bedömning", w->formats[FMT_HEADER]);
  for (guint o = 0; o < w->operations->len; o++, row++)
    {
      StyrkortOperation *op = w->operations->pdata[o];
      g_autoptr(StyrkortAssessment) as = styrkort_project_get_assessment (w->project, area->id, op->id, w->period);
      int status = as ? (int) as->status : -1;
      text (ws, row, 0, op->name_sv, NULL);
      text (ws, row, 1, _styrkort_workbook_status_sv (status), w->status[status + 1]);
      merged_text (layout, ws, row, 2, AREA_LAST_COLUMN, as ? as->text : "", w->formats[FMT_WRAP]);
    }
  row++;
  text (ws, row++, 0, "Jämställdhetsperspektiv", w->formats[FMT_HEADING]);
  merged_text (layout, ws, row++, 0, AREA_LAST_COLUMN, note, w->formats[FMT_WRAP]);
  row++;
  row = write_goals (w, ws, area, row);
  write_actions (w, ws, layout, area, row);
  _styrkort_sheet_layout_end (layout, 0);
}
