/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tables for machines (docs/data-sheet.md): Data and Bedömningar, and the Data row the city writes too. */
#include "config.h"

#include "styrkort-workbook-private.h"
#include "styrkort-workbook-writer-private.h"

#define text(...) _styrkort_workbook_text (__VA_ARGS__)
#define number(...) _styrkort_workbook_number (__VA_ARGS__)

/* Data: the table for machines ----------------------------------------------- */

/* The columns of the Data sheet, format version 1 (docs/data-sheet.md). */
void
_styrkort_workbook_data_row (lxw_worksheet *ws, int row, const StyrkortDataRow *x)
{
  text (ws, row, 0, x->district, NULL);
  number (ws, row, 1, x->period.year, NULL);
  number (ws, row, 2, x->period.tertial, NULL);
  text (ws, row, 3, x->unit, NULL);
  text (ws, row, 4, x->operation, NULL);
  text (ws, row, 5, x->code, NULL);
  number (ws, row, 6, x->value, NULL);
  number (ws, row, 7, x->women, NULL);
  number (ws, row, 8, x->men, NULL);
  number (ws, row, 9, x->numerator, NULL);
  number (ws, row, 10, x->denominator, NULL);
  text (ws, row, 11, x->comment, NULL);
}

void
_styrkort_workbook_add_table (lxw_worksheet *ws, const char *name, const char * const *headers, int last_row)
{
  guint n = g_strv_length ((char **) headers);
  g_autofree lxw_table_column *columns = g_new0 (lxw_table_column, n);
  g_autofree lxw_table_column **pointers = g_new0 (lxw_table_column *, n + 1);
  lxw_table_options options = { .name = (char *) name, .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
                                .style_type_number = 9, .columns = pointers };

  for (guint c = 0; c < n; c++)
    {
      columns[c].header = (char *) headers[c];
      pointers[c] = &columns[c];
    }
  _styrkort_workbook_note_refusal (ws, MAX (last_row, 1), n - 1,
                                   worksheet_add_table (ws, 0, 0, MAX (last_row, 1), n - 1, &options), NULL);
  worksheet_freeze_panes (ws, 1, 0);
}

/* Measures the headers of a table, which libxlsxwriter writes itself. */
static void
note_headers (StyrkortSheetLayout *layout, const char * const *headers, lxw_format *format)
{
  for (int c = 0; headers[c] != NULL; c++)
    _styrkort_sheet_layout_note (layout, 0, c, c, headers[c], format);
}

static int
write_data_rows (Writer *w, lxw_worksheet *ws)
{
  g_autoptr(GArray) periods = styrkort_project_list_periods (w->project);
  int row = 1;

  for (guint p = 0; p < periods->len; p++)
    for (guint i = 0; i < w->indicators->len; i++)
      {
        StyrkortIndicator *ind = w->indicators->pdata[i];
        g_autoptr(GPtrArray) values = styrkort_project_list_values (w->project, ind->id,
                                                                   g_array_index (periods, StyrkortPeriod, p));
        for (guint v = 0; v < values->len; v++, row++)
          {
            StyrkortValue *value = values->pdata[v];
            const char *operation = "";
            const char *unit = value->unit_id ? _styrkort_workbook_unit_name (w, value->unit_id, &operation) : "";
            StyrkortDataRow line = { w->district->name, value->period, (char *) unit, (char *) operation, ind->code,
                                     value->value, value->women, value->men, value->numerator, value->denominator,
                                     value->comment };
            _styrkort_workbook_data_row (ws, row, &line);
          }
      }
  return row;
}

void
_styrkort_workbook_write_data (Writer *w)
{
  lxw_worksheet *ws = _styrkort_workbook_add_sheet (w, "Data");
  StyrkortSheetLayout *layout = _styrkort_sheet_layout_begin (ws, w->formats[FMT_TEXT]);
  int rows = write_data_rows (w, ws);

  _styrkort_workbook_add_table (ws, "StyrkortData", styrkort_data_sheet_columns (), rows - 1);
  note_headers (layout, styrkort_data_sheet_columns (), w->formats[FMT_HEADER]);
  _styrkort_sheet_layout_limit (layout, 0, 5, 0, 32);
  _styrkort_sheet_layout_limit (layout, 6, 10, 0, 12);
  _styrkort_sheet_layout_limit (layout, 11, 11, 12, 40);
  _styrkort_sheet_layout_end (layout, 0);
}

/* Bedömningar: the assessments as a table for machines (docs/data-sheet.md). */
void
_styrkort_workbook_write_assessments (Writer *w)
{
  lxw_worksheet *ws = _styrkort_workbook_add_sheet (w, "Bedömningar");
  StyrkortSheetLayout *layout = _styrkort_sheet_layout_begin (ws, w->formats[FMT_TEXT]);
  g_autoptr(GArray) periods = styrkort_project_list_periods (w->project);
  int row = 1;

  for (guint p = 0; p < periods->len; p++)
    for (guint a = 0; a < w->areas->len; a++)
      for (guint o = 0; o < w->operations->len; o++)
        {
          StyrkortPeriod period = g_array_index (periods, StyrkortPeriod, p);
          StyrkortArea *area = w->areas->pdata[a];
          StyrkortOperation *op = w->operations->pdata[o];
          g_autoptr(StyrkortAssessment) as = styrkort_project_get_assessment (w->project, area->id, op->id, period);
          g_autofree char *title = NULL;
          if (as == NULL)
            continue;
          title = _styrkort_workbook_area_title (area);
          text (ws, row, 0, w->district->name, NULL);
          number (ws, row, 1, period.year, NULL);
          number (ws, row, 2, period.tertial, NULL);
          text (ws, row, 3, area->key, NULL);
          text (ws, row, 4, title, NULL);
          text (ws, row, 5, op->name_sv, NULL);
          text (ws, row, 6, styrkort_status_to_key (as->status), NULL);
          row++;
        }
  _styrkort_workbook_add_table (ws, "StyrkortBedomningar", styrkort_data_sheet_assessment_columns (), row - 1);
  note_headers (layout, styrkort_data_sheet_assessment_columns (), w->formats[FMT_HEADER]);
  _styrkort_sheet_layout_limit (layout, 0, 3, 0, 32);
  _styrkort_sheet_layout_limit (layout, 4, 4, 0, 60);
  _styrkort_sheet_layout_limit (layout, 5, 6, 0, 32);
  _styrkort_sheet_layout_end (layout, 0);
}

