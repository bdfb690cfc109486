/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The T2 workbook (xlsx) the central office collects from each district.
 *
 * Sheets: Sammanfattning, one per area and theme, Nyckeltal, Diagram, Data
 * (a tidy, versioned table for machines, see docs/data-sheet.md) and Om.
 * The workbook is always in Swedish: it goes to Stockholm's central office
 * whatever language the user's desktop speaks, and the Data sheet's headers
 * are a format, not a translation.
 *
 * User text is only ever written with worksheet_write_string(), so a unit
 * called "=HYPERLINK(…)" stays text and never becomes a formula. Every
 * cell's result is checked: a cell libxlsxwriter refuses fails the export
 * with the sheet and cell named, never leaves a hole in a sent workbook. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <xlsxwriter.h>

#include "styrkort-chart-style.h"
#include "styrkort-figure-rules.h"
#include "styrkort-workbook-private.h"

#define SHEET_NAME_MAX 31

typedef enum { FMT_TEXT, FMT_WRAP, FMT_TITLE, FMT_HEADING, FMT_HEADER, FMT_PERCENT, FMT_COUNT, FMT_RATIO,
               FMT_PERCENT_INEXACT, FMT_COUNT_INEXACT, FMT_RATIO_INEXACT, FMT_PLAIN_NUMBER, FMT_BOLD,
               N_FORMATS } FormatId;

typedef struct {
  lxw_workbook *workbook;
  StyrkortProject *project;
  StyrkortPeriod period;
  StyrkortDistrict *district;
  GPtrArray *areas, *operations, *indicators, *units, *members;
  lxw_format *formats[N_FORMATS];
  lxw_format *status[STYRKORT_N_STATUSES + 1]; /* + not assessed */
  GHashTable *sheet_names;
  char *header;        /* print header: the district's name */
} Writer;

/* Names ------------------------------------------------------------------ */

char *
styrkort_workbook_sheet_name (const char *title, GHashTable *used)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *name = NULL;

  for (const char *p = title; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 128)
        g_string_append_c (clean, ' ');
      else if (!g_unichar_iscntrl (c))
        g_string_append_unichar (clean, c);
    }
  /* Excel refuses names that begin or end with an apostrophe, and empty ones. */
  g_strstrip (clean->str);
  while (clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  g_strchomp (clean->str);
  while (clean->str[0] && clean->str[strlen (clean->str) - 1] == '\'')
    clean->str[strlen (clean->str) - 1] = '\0';
  base = g_strdup (*clean->str ? clean->str : "Blad");
  if (g_utf8_strlen (base, -1) > SHEET_NAME_MAX)
    {
      /* Cut between words where that keeps most of the name, and say so. */
      g_autofree char *head = g_utf8_substring (base, 0, SHEET_NAME_MAX - 1);
      char *space = strrchr (head, ' ');
      if (space != NULL && g_utf8_strlen (head, space - head) >= SHEET_NAME_MAX / 2)
        *space = '\0';
      g_free (base);
      base = g_strconcat (g_strchomp (head), "…", NULL);
    }
  for (int n = 1; n < 1000; n++)
    {
      g_autofree char *folded = NULL;
      g_free (name);
      if (n == 1)
        name = g_strdup (g_strchomp (base));
      else
        {
          g_autofree char *suffix = g_strdup_printf (" (%d)", n);
          /* g_utf8_substring() does not stop at the end of the string. */
          glong keep = MIN (g_utf8_strlen (base, -1), SHEET_NAME_MAX - g_utf8_strlen (suffix, -1));
          g_autofree char *head = g_utf8_substring (base, 0, keep);
          name = g_strconcat (g_strchomp (head), suffix, NULL);
        }
      folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (used, folded))
        {
          g_hash_table_add (used, g_steal_pointer (&folded));
          return name;
        }
    }
  return name;
}

char *
styrkort_workbook_suggested_name (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  g_autofree char *name = g_strdup_printf ("Styrkort-%s-%d-T%d.xlsx", district ? district->name : "",
                                           period.year, period.tertial);
  g_strdelimit (name, "/\\:*?\"<>| ", '-');
  return g_steal_pointer (&name);
}

StyrkortPeriod
styrkort_workbook_default_period (StyrkortProject *project)
{
  g_autoptr(GArray) periods = styrkort_project_list_periods (project);

  for (guint i = periods->len; i > 0; i--)
    if (g_array_index (periods, StyrkortPeriod, i - 1).tertial == 2)
      return g_array_index (periods, StyrkortPeriod, i - 1);
  if (periods->len > 0)
    return g_array_index (periods, StyrkortPeriod, periods->len - 1);
  return styrkort_period_current ();
}

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

static StyrkortSheetLayout *
layout_for (lxw_worksheet *ws)
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

static void
layout_number (lxw_worksheet *ws, int row, int col, double value, lxw_format *format)
{
  StyrkortSheetLayout *layout = layout_for (ws);
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

/* Cells --------------------------------------------------------------------- */

#define text(...) _styrkort_workbook_text (__VA_ARGS__)
#define number(...) _styrkort_workbook_number (__VA_ARGS__)

/* The first cell that could not be written. A workbook is written by one
 * thread from start to finish, so each thread keeps its own. */
static GPrivate first_refusal = G_PRIVATE_INIT ((GDestroyNotify) g_error_free);

void
_styrkort_workbook_begin (void)
{
  g_private_replace (&first_refusal, NULL);
}

/* Keeps why the cell at @row, @col could not be written, unless an earlier
 * cell already failed: libxlsxwriter refuses a cell and goes on, and a
 * workbook with a cell left out must not be sent as if complete. */
static void
note_refusal (lxw_worksheet *ws, int row, int col, lxw_error rc, const char *value)
{
  char cell[32];
  GError *error = NULL;

  if (rc == LXW_NO_ERROR || g_private_get (&first_refusal) != NULL)
    return;
  lxw_rowcol_to_cell (cell, (lxw_row_t) row, (lxw_col_t) col);
  if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    {
      g_autofree char *start = g_utf8_substring (value, 0, 40);
      error = g_error_new (STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
                           _("The text for the sheet “%s”, cell %s (“%s…”) is longer than the 32,767 characters "
                             "a workbook cell can hold. Shorten it and export again."), ws->name, cell, start);
    }
  else if (rc == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
    error = g_error_new (STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
                         _("The sheet “%s” would need more than the 1,048,576 rows and 16,384 columns a workbook "
                           "can hold (cell %s). Export fewer periods or districts."), ws->name, cell);
  else
    error = g_error_new (STYRKORT_ERROR, STYRKORT_ERROR_IO, _("The sheet “%s”, cell %s could not be written: %s"),
                         ws->name, cell, lxw_strerror (rc));
  g_private_set (&first_refusal, error);
}

void
_styrkort_workbook_text (lxw_worksheet *ws, int row, int col, const char *value, lxw_format *format)
{
  StyrkortSheetLayout *layout = layout_for (ws);

  if (layout != NULL)
    _styrkort_sheet_layout_note (layout, row, col, col, value, format);
  if (value != NULL && *value != '\0')
    note_refusal (ws, row, col, worksheet_write_string (ws, row, col, value, format), value);
  else
    note_refusal (ws, row, col, worksheet_write_blank (ws, row, col, format), NULL);
}

void
_styrkort_workbook_number (lxw_worksheet *ws, int row, int col, double value, lxw_format *format)
{
  layout_number (ws, row, col, value, format);
  if (isnan (value))
    note_refusal (ws, row, col, worksheet_write_blank (ws, row, col, format), NULL); /* missing, never zero */
  else
    note_refusal (ws, row, col, worksheet_write_number (ws, row, col, value, format), NULL);
}

static lxw_format *
indicator_format (Writer *w, const StyrkortIndicator *ind)
{
  switch (ind->measure)
    {
    case STYRKORT_MEASURE_PERCENT: return w->formats[FMT_PERCENT];
    case STYRKORT_MEASURE_COUNT: return w->formats[FMT_COUNT];
    case STYRKORT_MEASURE_RATIO:
    default: return w->formats[FMT_RATIO];
    }
}

static lxw_format *
total_format (Writer *w, const StyrkortIndicator *ind, const StyrkortTotal *total)
{
  if (total->exact)
    return indicator_format (w, ind);
  switch (ind->measure)
    {
    case STYRKORT_MEASURE_PERCENT: return w->formats[FMT_PERCENT_INEXACT];
    case STYRKORT_MEASURE_COUNT: return w->formats[FMT_COUNT_INEXACT];
    case STYRKORT_MEASURE_RATIO:
    default: return w->formats[FMT_RATIO_INEXACT];
    }
}

static void
header_row (Writer *w, lxw_worksheet *ws, int row, const char * const *headers)
{
  for (int c = 0; headers[c] != NULL; c++)
    text (ws, row, c, headers[c], w->formats[FMT_HEADER]);
}

static lxw_color_t
rgb (StyrkortRgb c)
{
  return ((lxw_color_t) lround (c.r * 255) << 16) | ((lxw_color_t) lround (c.g * 255) << 8) |
         (lxw_color_t) lround (c.b * 255);
}

static void
create_formats (Writer *w)
{
  lxw_workbook *wb = w->workbook;

  for (int i = 0; i < N_FORMATS; i++)
    {
      w->formats[i] = workbook_add_format (wb);
      format_set_font_name (w->formats[i], "Calibri");
      format_set_font_size (w->formats[i], 11);
      format_set_align (w->formats[i], LXW_ALIGN_VERTICAL_TOP);
    }
  /* Every text wraps between words rather than running under the next
   * column or being cut there; the layout gives each row its lines. */
  format_set_text_wrap (w->formats[FMT_TEXT]);
  format_set_text_wrap (w->formats[FMT_WRAP]);
  format_set_text_wrap (w->formats[FMT_TITLE]);
  format_set_text_wrap (w->formats[FMT_HEADING]);
  format_set_bold (w->formats[FMT_TITLE]);
  format_set_font_size (w->formats[FMT_TITLE], 16);
  format_set_bold (w->formats[FMT_HEADING]);
  format_set_font_size (w->formats[FMT_HEADING], 13);
  format_set_bold (w->formats[FMT_HEADER]);
  format_set_bottom (w->formats[FMT_HEADER], LXW_BORDER_THIN);
  format_set_text_wrap (w->formats[FMT_HEADER]);
  /* Percentages are stored as the numbers people read (12,5 for 12,5 %). */
  /* Decimals as the catalogue's (1 for percent and ratio, 0 for count), and
   * " *" on a total that is not exact, as on screen. */
  format_set_num_format (w->formats[FMT_PERCENT], "0.0\" %\"");
  format_set_num_format (w->formats[FMT_COUNT], "#,##0");
  format_set_num_format (w->formats[FMT_RATIO], "0.0");
  format_set_num_format (w->formats[FMT_PERCENT_INEXACT], "0.0\" % *\"");
  format_set_num_format (w->formats[FMT_COUNT_INEXACT], "#,##0\" *\"");
  format_set_num_format (w->formats[FMT_RATIO_INEXACT], "0.0\" *\"");
  for (int i = FMT_PERCENT_INEXACT; i <= FMT_RATIO_INEXACT; i++)
    format_set_bold (w->formats[i]);
  format_set_bold (w->formats[FMT_BOLD]);
  format_set_num_format (w->formats[FMT_PLAIN_NUMBER], "General");
  for (int s = -1; s < STYRKORT_N_STATUSES; s++)
    {
      lxw_format *f = workbook_add_format (wb);
      format_set_bg_color (f, rgb (styrkort_chart_status_colour (s)));
      format_set_font_color (f, rgb (styrkort_chart_status_ink (s)));
      format_set_border (f, LXW_BORDER_THIN);
      format_set_border_color (f, 0xBBBBBB);
      format_set_align (f, LXW_ALIGN_CENTER);
      format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_text_wrap (f);
      w->status[s + 1] = f;
    }
}

static const char *
status_sv (int status)
{
  static const char *names[] = { "Ej påbörjat", "Pågående", "Etablerat", "Behöver åtgärdas" };
  return status >= 0 && status < STYRKORT_N_STATUSES ? names[status] : "Ej bedömt";
}

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

static char *
area_title (const StyrkortArea *area)
{
  return area->number > 0 ? g_strdup_printf ("%d. %s", area->number, area->title_sv) : g_strdup (area->title_sv);
}

/* Landscape, one page wide, the district's name at the top of each page. */
static lxw_worksheet *
add_sheet (Writer *w, const char *title)
{
  g_autofree char *name = styrkort_workbook_sheet_name (title, w->sheet_names);
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, name);

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9); /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_header (ws, w->header);
  return ws;
}

static char *
period_name (StyrkortPeriod p)
{
  return g_strdup_printf ("%d T%d", p.year, p.tertial);
}

/* Sammanfattning ---------------------------------------------------------- */

static void
write_summary (Writer *w)
{
  lxw_worksheet *ws = add_sheet (w, "Sammanfattning");
  g_autofree char *period = period_name (w->period);
  static const char *member_headers[] = { "Namn", "Roll", "Organisation", NULL };
  StyrkortSheetLayout *layout = _styrkort_sheet_layout_begin (ws, w->formats[FMT_TEXT]);
  int row = 0;

  _styrkort_sheet_layout_limit (layout, 0, 0, 0, 60);
  _styrkort_sheet_layout_limit (layout, 1, MAX ((int) w->operations->len, 2), 12, 18);
  text (ws, row++, 0, w->district->name, w->formats[FMT_TITLE]);
  text (ws, row, 0, "Period", w->formats[FMT_HEADER]);
  text (ws, row++, 1, period, NULL);
  text (ws, row, 0, "Stad", w->formats[FMT_HEADER]);
  text (ws, row++, 1, w->district->city, NULL);
  text (ws, row, 0, "Handlingsplan", w->formats[FMT_HEADER]);
  text (ws, row++, 1, w->district->plan_version, NULL);
  row++;
  text (ws, row++, 0, "Styrgruppen", w->formats[FMT_HEADING]);
  header_row (w, ws, row++, member_headers);
  for (guint i = 0; i < w->members->len; i++, row++)
    {
      StyrkortMember *m = w->members->pdata[i];
      text (ws, row, 0, m->name, NULL);
      text (ws, row, 1, m->role, NULL);
      text (ws, row, 2, m->organisation, NULL);
    }
  row++;
  text (ws, row++, 0, "Status per område och verksamhetsområde", w->formats[FMT_HEADING]);
  text (ws, row, 0, "Område", w->formats[FMT_HEADER]);
  for (guint o = 0; o < w->operations->len; o++)
    text (ws, row, o + 1, ((StyrkortOperation *) w->operations->pdata[o])->name_sv, w->formats[FMT_HEADER]);
  row++;
  for (guint a = 0; a < w->areas->len; a++, row++)
    {
      StyrkortArea *area = w->areas->pdata[a];
      g_autofree char *title = area_title (area);
      text (ws, row, 0, title, w->formats[FMT_WRAP]);
      for (guint o = 0; o < w->operations->len; o++)
        {
          g_autoptr(StyrkortAssessment) as = styrkort_project_get_assessment (
            w->project, area->id, ((StyrkortOperation *) w->operations->pdata[o])->id, w->period);
          int status = as ? (int) as->status : -1;
          text (ws, row, o + 1, status_sv (status), w->status[status + 1]);
        }
    }
  _styrkort_sheet_layout_end (layout, -1);
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
  note_refusal (ws, row, first, worksheet_merge_range (ws, row, first, row, last, value, format), value);
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
  header_row (w, ws, row++, headers);
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
      text (ws, row, 5, g->deadline, NULL);
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
  header_row (w, ws, row, headers);
  merged_text (layout, ws, row++, 4, AREA_LAST_COLUMN, "Anteckning", w->formats[FMT_HEADER]);
  for (guint i = 0; i < actions->len; i++, row++)
    {
      StyrkortAction *a = actions->pdata[i];
      text (ws, row, 0, a->text, w->formats[FMT_WRAP]);
      text (ws, row, 1, a->owner, w->formats[FMT_WRAP]);
      text (ws, row, 2, a->due, NULL);
      text (ws, row, 3, action_state_sv (a->state), NULL);
      merged_text (layout, ws, row, 4, AREA_LAST_COLUMN, a->note, w->formats[FMT_WRAP]);
    }
  return row + 1;
}

static void
write_area (Writer *w, const StyrkortArea *area)
{
  g_autofree char *title = area_title (area);
  lxw_worksheet *ws = add_sheet (w, title);
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
  header_row (w, ws, row, headers);
  merged_text (layout, ws, row++, 2, AREA_LAST_COLUMN, "Analys och bedömning", w->formats[FMT_HEADER]);
  for (guint o = 0; o < w->operations->len; o++, row++)
    {
      StyrkortOperation *op = w->operations->pdata[o];
      g_autoptr(StyrkortAssessment) as = styrkort_project_get_assessment (w->project, area->id, op->id, w->period);
      int status = as ? (int) as->status : -1;
      text (ws, row, 0, op->name_sv, NULL);
      text (ws, row, 1, status_sv (status), w->status[status + 1]);
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

/* Nyckeltal ------------------------------------------------------------------ */

static const char *
operation_name (Writer *w, gint64 id)
{
  for (guint i = 0; i < w->operations->len; i++)
    if (((StyrkortOperation *) w->operations->pdata[i])->id == id)
      return ((StyrkortOperation *) w->operations->pdata[i])->name_sv;
  return "";
}

static const char *
unit_name (Writer *w, gint64 id, const char **operation)
{
  for (guint i = 0; i < w->units->len; i++)
    {
      StyrkortUnit *u = w->units->pdata[i];
      if (u->id == id)
        {
          *operation = operation_name (w, u->operation_id);
          return u->name;
        }
    }
  *operation = "";
  return "";
}

/* The district total of a unit-level indicator under its units' rows, by
 * the figure rules; one that is not exact is marked " *" and says why. */
static void
write_figures_total (Writer *w, lxw_worksheet *ws, int row, const StyrkortIndicator *ind, double city)
{
  StyrkortTotal total = styrkort_project_compute_total (w->project, ind->id, w->period);
  g_autofree char *note = styrkort_total_note_sv (&total, FALSE);
  lxw_format *format = indicator_format (w, ind);
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

static void
write_figures (Writer *w)
{
  lxw_worksheet *ws = add_sheet (w, "Nyckeltal");
  g_autofree char *period = period_name (w->period);
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
  header_row (w, ws, ++row, headers);
  worksheet_freeze_panes (ws, row + 1, 0);
  row++;
  for (guint i = 0; i < w->indicators->len; i++)
    {
      StyrkortIndicator *ind = w->indicators->pdata[i];
      g_autoptr(GPtrArray) values = styrkort_project_list_values (w->project, ind->id, w->period);
      StyrkortCityValue city;
      lxw_format *format = indicator_format (w, ind);

      styrkort_project_get_city_value (w->project, ind->id, w->period, &city);
      for (guint v = 0; v < values->len; v++, row++)
        {
          StyrkortValue *value = values->pdata[v];
          const char *operation;
          const char *unit = value->unit_id ? unit_name (w, value->unit_id, &operation) : (operation = "", "Hela stadsdelen");
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
  note_refusal (ws, MAX (last_row, 1), n - 1, worksheet_add_table (ws, 0, 0, MAX (last_row, 1), n - 1, &options), NULL);
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
            const char *unit = value->unit_id ? unit_name (w, value->unit_id, &operation) : "";
            StyrkortDataRow line = { w->district->name, value->period, (char *) unit, (char *) operation, ind->code,
                                     value->value, value->women, value->men, value->numerator, value->denominator,
                                     value->comment };
            _styrkort_workbook_data_row (ws, row, &line);
          }
      }
  return row;
}

static void
write_data (Writer *w)
{
  lxw_worksheet *ws = add_sheet (w, "Data");
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
static void
write_assessments (Writer *w)
{
  lxw_worksheet *ws = add_sheet (w, "Bedömningar");
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
          title = area_title (area);
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

/* Diagram: native charts for the T2 indicators -------------------------------- */

static void
write_charts (Writer *w)
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
  ws = add_sheet (w, "Diagram");
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
      g_autofree char *name = period_name (p);
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

/* Om ------------------------------------------------------------------------- */

static void
write_about (Writer *w, const char *source)
{
  lxw_worksheet *ws = add_sheet (w, "Om");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *period = period_name (w->period);
  g_autofree char *file = g_path_get_basename (source);
  const struct { const char *key; const char *value; double number; } rows[] = {
    { "Program", "Styrkort", NAN },
    { "Programversion", VERSION, NAN },
    { "Filformat (schemaversion)", NULL, STYRKORT_SCHEMA_VERSION },
    { "Dataformat (bladet Data)", NULL, STYRKORT_DATA_FORMAT_VERSION },
    { "Exporterad", time, NAN },
    { "Källfil", file, NAN },
    { "Stadsdel", w->district->name, NAN },
    { "Period", period, NAN },
  };

  StyrkortSheetLayout *layout = _styrkort_sheet_layout_begin (ws, w->formats[FMT_TEXT]);

  _styrkort_sheet_layout_limit (layout, 0, 1, 0, 50);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      text (ws, i, 0, rows[i].key, w->formats[FMT_HEADER]);
      if (rows[i].value)
        text (ws, i, 1, rows[i].value, NULL);
      else
        number (ws, i, 1, rows[i].number, NULL);
    }
  _styrkort_sheet_layout_end (layout, -1);
}

/* The whole workbook ----------------------------------------------------------- */

static void
writer_clear (Writer *w)
{
  styrkort_district_free (w->district);
  g_clear_pointer (&w->areas, g_ptr_array_unref);
  g_clear_pointer (&w->operations, g_ptr_array_unref);
  g_clear_pointer (&w->indicators, g_ptr_array_unref);
  g_clear_pointer (&w->units, g_ptr_array_unref);
  g_clear_pointer (&w->members, g_ptr_array_unref);
  g_clear_pointer (&w->sheet_names, g_hash_table_unref);
  g_free (w->header);
}

gboolean
_styrkort_workbook_finish (lxw_error rc, const char *part, const char *path, GError **error)
{
  g_autofree char *name = NULL;

  GError *refusal = g_private_get (&first_refusal);

  if (refusal != NULL)
    {
      g_remove (part);
      g_propagate_error (error, g_error_copy (refusal));
      _styrkort_workbook_begin ();
      return FALSE;
    }
  if (rc == LXW_NO_ERROR && g_rename (part, path) == 0)
    return TRUE;
  g_remove (part);
  name = g_filename_display_name (path);
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("Could not write “%s”: %s"), name,
               rc != LXW_NO_ERROR ? lxw_strerror (rc) : g_strerror (errno));
  return FALSE;
}

/* '&' starts a code in Excel's page headers; a district called "A & B" must print as it is. */
static char *
page_header (const char *district)
{
  g_autofree char *escaped = NULL;
  g_auto(GStrv) parts = g_strsplit (district, "&", -1);
  escaped = g_strjoinv ("&&", parts);
  return g_strdup_printf ("&C%s", escaped);
}

gboolean
styrkort_workbook_export (StyrkortProject *project, StyrkortPeriod period, const char *path, GError **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = folder };
  Writer w = { 0 };
  lxw_error rc;

  w.project = project;
  w.period = period;
  w.district = styrkort_project_get_district (project);
  if (w.district == NULL)
    {
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("The file is closed."));
      return FALSE;
    }
  w.areas = styrkort_project_list_areas (project);
  w.operations = styrkort_project_list_operations (project);
  w.indicators = styrkort_project_list_indicators (project);
  w.units = styrkort_project_list_units (project);
  w.members = styrkort_project_list_members (project);
  w.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.header = page_header (w.district->name);
  _styrkort_workbook_begin ();
  w.workbook = workbook_new_opt (part, &options);
  if (w.workbook == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("Could not write “%s”: %s"), name, g_strerror (errno));
      writer_clear (&w);
      return FALSE;
    }
  create_formats (&w);
  write_summary (&w);
  for (guint a = 0; a < w.areas->len; a++)
    write_area (&w, w.areas->pdata[a]);
  write_figures (&w);
  write_charts (&w);
  write_data (&w);
  write_assessments (&w);
  {
    GFile *file = styrkort_project_get_file (project);
    g_autofree char *source = g_file_get_path (file);
    write_about (&w, source);
  }
  rc = workbook_close (w.workbook);
  writer_clear (&w);
  return _styrkort_workbook_finish (rc, part, path, error);
}
