/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The T2 workbook's figures for people: the Nyckeltal sheet, and the Diagram sheet's native charts. */
#include "config.h"

#include <math.h>

#include "styrkort-figure-rules.h"
#include "styrkort-workbook-private.h"
#include "styrkort-workbook-writer-private.h"

#define text(...) _styrkort_workbook_text (__VA_ARGS__)
#define number(...) _styrkort_workbook_number (__VA_ARGS__)

/* Nyckeltal ------------------------------------------------------------------ */

static lxw_format *
total_format (Writer *w, const StyrkortIndicator *ind, const StyrkortTotal *total)
{
  if (total->exact)
    return _styrkort_workbook_indicator_format (w, ind);
  switch (ind->measure)
    {
    case STYRKORT_MEASURE_PERCENT: return w->formats[FMT_PERCENT_INEXACT];
    case STYRKORT_MEASURE_COUNT: return w->formats[FMT_COUNT_INEXACT];
    case STYRKORT_MEASURE_RATIO:
    default: return w->formats[FMT_RATIO_INEXACT];
    }
}

/* The district total of a unit-level indicator under its units' rows, by
 * the figure rules; one that is not exact is marked " *" and says why. */
static void
write_figures_total (Writer *w, lxw_worksheet *ws, int row, const StyrkortIndicator *ind, double city)
{
  StyrkortTotal total = styrkort_project_compute_total (w->project, ind->id, w->period);
  g_autofree char *note = styrkort_total_note_sv (&total, FALSE);
  lxw_format *format = _styrkort_workbook_indicator_format (w, ind);
  lxw_format *parts = ind->total_rule == STYRKORT_TOTAL_RATE ? format : w->formats[FMT_COUNT];

  text (ws, row, 0, ind->name_sv, w->formats[FMT_BOLD]);
  text (ws, row, 1, "Stadsdelen totalt", w->formats[FMT_BOLD]);
  text (ws, row, 2, NULL, NULL);
  number (ws, row, 3, total.value, total_format (w, ind, &total));
  number (ws, row, 4, total.women, parts);
  number (ws, row, 5, total.men, parts);
  number (ws, row, 6, total.numerator, w->formats[FMT_PLAIN_NUMBER]);
  number (ws, row, 7, total.denominator, w->formats[FMT_PLAIN_NUMBER]);
  number (ws, row, 8, city, format);
  text (ws, row, 9, note, w->formats[FMT_WRAP]);
}

void
_styrkort_workbook_write_figures (Writer *w)
{
  lxw_worksheet *ws = _styrkort_workbook_add_sheet (w, "Nyckeltal");
  g_autofree char *period = _styrkort_workbook_period_name (w->period);
  g_autofree char *title = g_strdup_printf ("Nyckeltal %s", period);
  static const char *headers[] = { "Nyckeltal", "Enhet", "Verksamhetsområde", "Värde", "Kvinnor", "Män",
                                   "Täljare", "Nämnare", "Staden", "Kommentar", NULL };
  StyrkortSheetLayout *layout = _styrkort_sheet_layout_begin (ws, w->formats[FMT_TEXT]);
  int row = 0;

  _styrkort_sheet_layout_limit (layout, 0, 1, 0, 32);
  _styrkort_sheet_layout_limit (layout, 2, 2, 0, 22);
  _styrkort_sheet_layout_limit (layout, 3, 8, 8, 12);
  _styrkort_sheet_layout_limit (layout, 9, 9, 12, 40);
  text (ws, row++, 0, title, w->formats[FMT_TITLE]);
  _styrkort_workbook_header_row (w, ws, ++row, headers);
  worksheet_freeze_panes (ws, row + 1, 0);
  row++;
  for (guint i = 0; i < w->indicators->len; i++)
    {
      StyrkortIndicator *ind = w->indicators->pdata[i];
      g_autoptr(GPtrArray) values = styrkort_project_list_values (w->project, ind->id, w->period);
      StyrkortCityValue city;
      lxw_format *format = _styrkort_workbook_indicator_format (w, ind);

      styrkort_project_get_city_value (w->project, ind->id, w->period, &city);
      for (guint v = 0; v < values->len; v++, row++)
        {
          StyrkortValue *value = values->pdata[v];
          const char *operation;
          const char *unit = value->unit_id ? _styrkort_workbook_unit_name (w, value->unit_id, &operation)
                                            : (operation = "", "Hela stadsdelen");
          text (ws, row, 0, ind->name_sv, NULL);
          text (ws, row, 1, unit, NULL);
          text (ws, row, 2, operation, NULL);
          number (ws, row, 3, value->value, format);
          number (ws, row, 4, value->women, ind->total_rule == STYRKORT_TOTAL_RATE ? format : w->formats[FMT_COUNT]);
          number (ws, row, 5, value->men, ind->total_rule == STYRKORT_TOTAL_RATE ? format : w->formats[FMT_COUNT]);
          number (ws, row, 6, value->numerator, w->formats[FMT_PLAIN_NUMBER]);
          number (ws, row, 7, value->denominator, w->formats[FMT_PLAIN_NUMBER]);
          number (ws, row, 8, city.value, format);
          text (ws, row, 9, value->comment, w->formats[FMT_WRAP]);
        }
      if (ind->level == STYRKORT_LEVEL_UNIT && values->len > 0)
        write_figures_total (w, ws, row++, ind, city.value);
    }
  /* The comments' column is printed even when none has a comment. */
  _styrkort_sheet_layout_extend (layout, row - 1, 9);
  _styrkort_sheet_layout_end (layout, 2);
}

/* Diagram: native charts for the T2 indicators -------------------------------- */

void
_styrkort_workbook_write_charts (Writer *w)
{
  g_autoptr(StyrkortIndicator) turnover = styrkort_project_find_indicator (w->project, "turnover");
  lxw_worksheet *ws;
  g_autofree char *sheet = NULL;
  StyrkortSheetLayout *layout;
  lxw_chart *units, *trend;
  lxw_chart_series *series;
  StyrkortCityValue city;
  int row = 1, first, last;

  if (turnover == NULL)
    return;
  ws = _styrkort_workbook_add_sheet (w, "Diagram");
  layout = _styrkort_sheet_layout_begin (ws, w->formats[FMT_TEXT]);
  sheet = g_strdup (ws->name);
  _styrkort_sheet_layout_limit (layout, 0, 0, 0, 40);
  _styrkort_sheet_layout_limit (layout, 1, 2, 0, 24);
  /* The figures the charts are drawn from, beside them. */
  text (ws, 0, 0, "Enhet", w->formats[FMT_HEADER]);
  text (ws, 0, 1, "Personalomsättning", w->formats[FMT_HEADER]);
  text (ws, 0, 2, "Staden", w->formats[FMT_HEADER]);
  styrkort_project_get_city_value (w->project, turnover->id, w->period, &city);
  for (guint u = 0; u < w->units->len; u++, row++)
    {
      StyrkortUnit *unit = w->units->pdata[u];
      g_autoptr(StyrkortValue) v = styrkort_project_get_value (w->project, turnover->id, unit->id, w->period);
      text (ws, row, 0, unit->name, NULL);
      number (ws, row, 1, v ? v->value : NAN, w->formats[FMT_PERCENT]);
      number (ws, row, 2, city.value, w->formats[FMT_PERCENT]);
    }
  units = workbook_add_chart (w->workbook, LXW_CHART_BAR);
  chart_title_set_name (units, "Personalomsättning per enhet");
  if (w->units->len > 0)
    {
      series = chart_add_series (units, NULL, NULL);
      chart_series_set_categories (series, sheet, 1, 0, w->units->len, 0);
      chart_series_set_values (series, sheet, 1, 1, w->units->len, 1);
      chart_series_set_name (series, "Enheten");
      series = chart_add_series (units, NULL, NULL);
      chart_series_set_categories (series, sheet, 1, 0, w->units->len, 0);
      chart_series_set_values (series, sheet, 1, 2, w->units->len, 2);
      chart_series_set_name (series, "Staden");
    }
  /* A chart needs a series: a district without units gets only the trend. */
  if (w->units->len > 0)
    worksheet_insert_chart (ws, 0, 4, units);

  /* The year's tertials up to the reported one. */
  row += 2;
  first = row;
  text (ws, row, 0, "Tertial", w->formats[FMT_HEADER]);
  text (ws, row, 1, "Stadsdelen", w->formats[FMT_HEADER]);
  text (ws, row++, 2, "Staden", w->formats[FMT_HEADER]);
  for (int t = 1; t <= w->period.tertial; t++, row++)
    {
      StyrkortPeriod p = { w->period.year, t };
      g_autofree char *name = _styrkort_workbook_period_name (p);
      StyrkortTotal total = styrkort_project_compute_total (w->project, turnover->id, p);
      styrkort_project_get_city_value (w->project, turnover->id, p, &city);
      text (ws, row, 0, name, NULL);
      number (ws, row, 1, total.value, w->formats[FMT_PERCENT]);
      number (ws, row, 2, city.value, w->formats[FMT_PERCENT]);
    }
  last = row - 1;
  trend = workbook_add_chart (w->workbook, LXW_CHART_LINE);
  chart_title_set_name (trend, "Personalomsättning över året");
  for (int c = 1; c <= 2; c++)
    {
      series = chart_add_series (trend, NULL, NULL);
      chart_series_set_categories (series, sheet, first + 1, 0, last, 0);
      chart_series_set_values (series, sheet, first + 1, c, last, c);
      chart_series_set_name (series, c == 1 ? "Stadsdelen" : "Staden");
    }
  worksheet_insert_chart (ws, 16, 4, trend);
  /* A chart takes 480 × 288 pixels: 8 default columns and 15 default rows. */
  _styrkort_sheet_layout_extend (layout, 16 + 15, 4 + 8);
  _styrkort_sheet_layout_end (layout, -1);
}

