/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The print layout of the workbooks' sheets: widths and heights from the cells, print area and titles. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "styrkort-workbook-private.h"

/* Print layout ----------------------------------------------------------------- */

/* Widths are in Excel's unit, the width of a digit of Calibri 11; a row
 * holds a line of Calibri 11 per 15 points (Excel's default row height). */
#define LINE_POINTS 15.0
#define WIDTH_MAX 255.0
#define WIDTH_PADDING 1.0
/* The estimate errs on the wide side: a line too many wastes a little
 * paper, a line too few cuts the text. */
#define WIDTH_SAFETY 1.03

typedef struct {
  int row, first_col, last_col;
  char *text;
  double scale; /* the font's size and weight against Calibri 11 */
  double size;
  gboolean wrap;
} LayoutCell;

struct _StyrkortSheetLayout {
  lxw_worksheet *ws;
  lxw_format *column_format;
  GArray *cells;      /* LayoutCell: the texts */
  GArray *numbers;    /* double per column: the widest number */
  GArray *min, *max;  /* double per column: the limits, 0 for none */
  int last_row, last_col;
};

static GPrivate current_layout;

/* The width of @c in Calibri (Carlito has the same metrics), in digits. */
static double
char_width (gunichar c)
{
  if (c < 128 && c >= ' ')
    {
      if (strchr (" ilIj'.,:;!|`", (int) c))
        return 0.5;
      if (strchr ("frt()[]{}-J", (int) c))
        return 0.66;
      if (strchr ("scvxyzgkSLF/\\\"?", (int) c))
        return 0.92;
      if (strchr ("GHNOQUD%&", (int) c))
        return 1.35;
      if (strchr ("mwMW@", (int) c))
        return 1.8;
      return 1.06;
    }
  if (g_unichar_ismark (c) || g_unichar_iscntrl (c))
    return 0;
  if (g_unichar_iswide (c))
    return 2.0;
  if (g_unichar_isupper (c) || c == 0x2026 /* … */ || c == 0x2014 /* — */)
    return 1.35;
  return 1.06;
}

static double
span_width (const char *p, const char *end)
{
  double width = 0;

  for (; p < end && *p; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width * WIDTH_SAFETY;
}

/* The widest line of @text unwrapped (*@widest) and its longest word (*@word). */
static void
measure_text (const char *text, double scale, double *widest, double *word)
{
  *widest = *word = 0;
  for (const char *line = text; line != NULL;)
    {
      const char *end = strchr (line, '\n');
      const char *stop = end ? end : line + strlen (line);
      *widest = MAX (*widest, span_width (line, stop) * scale);
      for (const char *w = line; w < stop;)
        {
          const char *space = memchr (w, ' ', stop - w);
          const char *w_end = space ? space : stop;
          *word = MAX (*word, span_width (w, w_end) * scale);
          w = w_end + 1;
        }
      line = end ? end + 1 : NULL;
    }
}

/* The lines @text takes wrapped between words at @width. */
static int
text_lines (const char *text, double scale, double width)
{
  double space = char_width (' ') * WIDTH_SAFETY * scale;
  int lines = 0;

  width = MAX (width, 1);
  for (const char *line = text; line != NULL;)
    {
      const char *end = strchr (line, '\n');
      const char *stop = end ? end : line + strlen (line);
      double x = -1;
      lines++;
      for (const char *w = line; w < stop;)
        {
          const char *w_end = memchr (w, ' ', stop - w);
          double wide;
          w_end = w_end ? w_end : stop;
          wide = span_width (w, w_end) * scale;
          if (x >= 0 && x + space + wide > width)
            {
              lines++;
              x = -1;
            }
          if (x < 0)
            {
              /* A word wider than the column breaks where it must; one
               * as wide as the column (its longest word) takes a line. */
              int more = wide > width ? (int) ceil (wide / width) - 1 : 0;
              lines += more;
              x = wide - more * width;
            }
          else
            x += space + wide;
          w = w_end + 1;
        }
      line = end ? end + 1 : NULL;
    }
  return lines;
}

static double *
column_slot (GArray *array, int col)
{
  if ((guint) col >= array->len)
    g_array_set_size (array, col + 1);
  return &g_array_index (array, double, col);
}

static double
column_value (GArray *array, int col)
{
  return (guint) col < array->len ? g_array_index (array, double, col) : 0;
}

StyrkortSheetLayout *
_styrkort_sheet_layout_for (lxw_worksheet *ws)
{
  StyrkortSheetLayout *layout = g_private_get (&current_layout);
  return layout != NULL && layout->ws == ws ? layout : NULL;
}

static void
layout_cell_clear (gpointer data)
{
  g_free (((LayoutCell *) data)->text);
}

StyrkortSheetLayout *
_styrkort_sheet_layout_begin (lxw_worksheet *ws, lxw_format *column_format)
{
  StyrkortSheetLayout *layout = g_new0 (StyrkortSheetLayout, 1);

  layout->ws = ws;
  layout->column_format = column_format;
  layout->cells = g_array_new (FALSE, FALSE, sizeof (LayoutCell));
  g_array_set_clear_func (layout->cells, layout_cell_clear);
  layout->numbers = g_array_new (FALSE, TRUE, sizeof (double));
  layout->min = g_array_new (FALSE, TRUE, sizeof (double));
  layout->max = g_array_new (FALSE, TRUE, sizeof (double));
  layout->last_row = layout->last_col = -1;
  g_private_set (&current_layout, layout);
  return layout;
}

void
_styrkort_sheet_layout_limit (StyrkortSheetLayout *layout, int first, int last, double min, double max)
{
  for (int c = first; c <= last; c++)
    {
      *column_slot (layout->min, c) = min;
      *column_slot (layout->max, c) = max;
    }
}

void
_styrkort_sheet_layout_extend (StyrkortSheetLayout *layout, int last_row, int last_col)
{
  layout->last_row = MAX (layout->last_row, last_row);
  layout->last_col = MAX (layout->last_col, last_col);
}

void
_styrkort_sheet_layout_note (StyrkortSheetLayout *layout, int row, int first_col, int last_col, const char *value,
                             lxw_format *format)
{
  lxw_format *f = format ? format : layout->column_format;
  LayoutCell cell = { row, first_col, last_col, NULL, 1, 11, FALSE };

  _styrkort_sheet_layout_extend (layout, row, last_col);
  if (value == NULL || *value == '\0')
    return;
  if (f != NULL)
    {
      cell.size = f->font_size > 0 ? f->font_size : 11;
      cell.scale = cell.size / 11.0 * (f->bold ? 1.05 : 1);
      cell.wrap = f->text_wrap != 0;
    }
  cell.text = g_strdup (value);
  g_array_append_val (layout->cells, cell);
}

/* How wide @value shows in @format: its digits, grouping, decimals and the
 * quoted suffix of the format ("0.0\" % *\""). */
static double
number_width (double value, lxw_format *format)
{
  const char *nf = format && format->num_format[0] ? format->num_format : "General";
  const char *dot = strchr (nf, '.');
  const char *quote = strchr (nf, '"');
  g_autofree char *digits = NULL;
  double width;
  int decimals = 0;

  if (dot != NULL)
    while (dot[decimals + 1] == '0')
      decimals++;
  if (g_str_equal (nf, "General"))
    digits = g_strdup_printf ("%.10g", value);
  else
    digits = g_strdup_printf ("%.*f", decimals, value);
  width = span_width (digits, digits + strlen (digits));
  if (strstr (nf, "#,##") != NULL)
    width += (fabs (value) >= 1000 ? floor (log10 (fabs (value)) / 3) : 0) * 0.5;
  if (quote != NULL)
    {
      const char *close = strchr (quote + 1, '"');
      width += span_width (quote + 1, close ? close : quote + strlen (quote));
    }
  return width * (format && format->bold ? 1.05 : 1);
}

void
_styrkort_sheet_layout_number (lxw_worksheet *ws, int row, int col, double value, lxw_format *format)
{
  StyrkortSheetLayout *layout = _styrkort_sheet_layout_for (ws);
  double *widest;

  if (layout == NULL)
    return;
  _styrkort_sheet_layout_extend (layout, row, col);
  if (isnan (value))
    return;
  widest = column_slot (layout->numbers, col);
  *widest = MAX (*widest, number_width (value, format));
}

/* The width of column @col from its cells and limits; 0 leaves it as it is. */
static double
column_width (StyrkortSheetLayout *layout, int col)
{
  double natural = column_value (layout->numbers, col), word = 0, wrapped = 0;
  double min = column_value (layout->min, col), max = column_value (layout->max, col);
  double width;

  for (guint i = 0; i < layout->cells->len; i++)
    {
      LayoutCell *cell = &g_array_index (layout->cells, LayoutCell, i);
      double widest, longest;
      if (cell->first_col != col || cell->last_col != col)
        continue;
      measure_text (cell->text, cell->scale, &widest, &longest);
      if (cell->wrap)
        {
          word = MAX (word, longest);
          wrapped = MAX (wrapped, widest);
        }
      else
        natural = MAX (natural, widest);
    }
  if (natural == 0 && wrapped == 0)
    return min;
  width = MAX (natural, word);
  width = MAX (width, max > 0 ? MIN (wrapped, max) : wrapped);
  return CLAMP (MAX (width + WIDTH_PADDING, min), 1, WIDTH_MAX);
}

void
_styrkort_sheet_layout_end (StyrkortSheetLayout *layout, int title_row)
{
  lxw_worksheet *ws = layout->ws;
  int columns = layout->last_col + 1;
  g_autofree double *widths = g_new0 (double, MAX (columns, 1));
  g_autofree double *heights = g_new0 (double, layout->last_row + 1);

  if (g_private_get (&current_layout) == layout)
    g_private_set (&current_layout, NULL);
  for (int c = 0; c < columns; c++)
    {
      widths[c] = column_width (layout, c);
      if (widths[c] > 0)
        worksheet_set_column (ws, c, c, widths[c], layout->column_format);
      else
        widths[c] = LXW_DEF_COL_WIDTH;
    }
  for (guint i = 0; i < layout->cells->len; i++)
    {
      LayoutCell *cell = &g_array_index (layout->cells, LayoutCell, i);
      double width = -WIDTH_PADDING, lines;
      for (int c = cell->first_col; c <= cell->last_col; c++)
        width += widths[c];
      lines = cell->wrap ? text_lines (cell->text, cell->scale, width) : 1;
      heights[cell->row] = MAX (heights[cell->row], lines * LINE_POINTS * cell->size / 11.0);
    }
  for (int r = 0; r <= layout->last_row; r++)
    if (heights[r] > LINE_POINTS + 0.5)
      worksheet_set_row (ws, r, ceil (heights[r]), NULL);
  if (layout->last_row >= 0)
    worksheet_print_area (ws, 0, 0, layout->last_row, layout->last_col);
  if (title_row >= 0)
    worksheet_repeat_rows (ws, title_row, title_row);
  g_array_unref (layout->cells);
  g_array_unref (layout->numbers);
  g_array_unref (layout->min);
  g_array_unref (layout->max);
  g_free (layout);
}
