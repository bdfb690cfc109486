/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The merged city workbook: the districts side by side, and the same Data
 * and Bedömningar tables as a district's workbook, one row per district and unit. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "styrkort-chart-style.h"
#include "styrkort-city.h"
#include "styrkort-figure-rules.h"
#include "styrkort-workbook-private.h"

#define text(...) _styrkort_workbook_text (__VA_ARGS__)
#define number(...) _styrkort_workbook_number (__VA_ARGS__)

typedef struct {
  StyrkortCity *city;
  StyrkortPeriod period;
  lxw_workbook *workbook;
  GHashTable *names;
  lxw_format *header, *title, *percent, *count, *ratio, *time, *status[STYRKORT_N_STATUSES + 1];
  lxw_format *inexact[3]; /* by StyrkortMeasure: " *" on a total that is not exact */
} CityWriter;

static lxw_worksheet *
sheet (CityWriter *w, const char *title)
{
  g_autofree char *name = styrkort_workbook_sheet_name (title, w->names);
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, name);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_header (ws, "&CStadsöversikt");
  return ws;
}

static lxw_color_t
rgb (StyrkortRgb c)
{
  return ((lxw_color_t) lround (c.r * 255) << 16) | ((lxw_color_t) lround (c.g * 255) << 8) | (lxw_color_t) lround (c.b * 255);
}

static void
formats (CityWriter *w)
{
  w->header = workbook_add_format (w->workbook);
  format_set_bold (w->header);
  format_set_text_wrap (w->header);
  format_set_bottom (w->header, LXW_BORDER_THIN);
  w->title = workbook_add_format (w->workbook);
  format_set_bold (w->title);
  format_set_font_size (w->title, 16);
  w->percent = workbook_add_format (w->workbook);
  format_set_num_format (w->percent, "0.0\" %\"");
  w->count = workbook_add_format (w->workbook);
  format_set_num_format (w->count, "#,##0");
  w->ratio = workbook_add_format (w->workbook);
  format_set_num_format (w->ratio, "0.0");
  w->time = workbook_add_format (w->workbook);
  format_set_num_format (w->time, "yyyy-mm-dd hh:mm");
  format_set_align (w->time, LXW_ALIGN_LEFT);
  {
    static const char *inexact[] = { "0.0\" % *\"", "#,##0\" *\"", "0.0\" *\"" };
    for (int m = 0; m < 3; m++)
      {
        w->inexact[m] = workbook_add_format (w->workbook);
        format_set_num_format (w->inexact[m], inexact[m]);
      }
  }
  for (int s = -1; s < STYRKORT_N_STATUSES; s++)
    {
      lxw_format *f = workbook_add_format (w->workbook);
      format_set_bg_color (f, rgb (styrkort_chart_status_colour (s)));
      format_set_font_color (f, rgb (styrkort_chart_status_ink (s)));
      format_set_align (f, LXW_ALIGN_CENTER);
      format_set_border (f, LXW_BORDER_THIN);
      format_set_border_color (f, 0xBBBBBB);
      w->status[s + 1] = f;
    }
}

static const char *
status_text (int status)
{
  static const char *names[] = { "Ej påbörjat", "Pågående", "Etablerat", "Behöver åtgärdas" };
  return status >= 0 && status < STYRKORT_N_STATUSES ? names[status] : "Ej bedömt";
}

/* A column header for an area: its number and first word, "1. Brukardelaktighet…";
 * a theme's title whole when short, else cut between words. The full titles
 * are in Bedömningar. */
static char *
short_area_title (const char *title)
{
  const char *end = strchr (title, ' ');
  g_autofree char *head = NULL;

  if (end != NULL && g_ascii_isdigit (title[0]))
    end = strchr (end + 1, ' ');
  else if (g_utf8_strlen (title, -1) <= 26)
    end = NULL;
  else
    for (const char *space = end; space != NULL && g_utf8_strlen (title, space - title) <= 26;
         space = strchr (space + 1, ' '))
      end = space;
  if (end == NULL)
    return g_strdup (title);
  head = g_strndup (title, end - title);
  return g_strconcat (head, "…", NULL);
}

/* Sammanfattning: districts × indicators with the city row, and the status matrix. */
static void
write_summary (CityWriter *w)
{
  lxw_worksheet *ws = sheet (w, "Sammanfattning");
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts_sv (w->city);
  g_autoptr(GPtrArray) codes = styrkort_city_list_codes (w->city);
  g_autoptr(GPtrArray) areas = styrkort_city_list_areas (w->city);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period = styrkort_period_to_string (w->period);
  g_autofree char *title = g_strdup_printf ("Stadsöversikt %s", period);
  int row = 0;

  worksheet_set_column (ws, 0, 0, 30, NULL);
  worksheet_set_column (ws, 1, (lxw_col_t) MAX (codes->len, areas->len), 14, NULL);
  text (ws, row++, 0, title, w->title);
  row++;
  text (ws, row, 0, "Stadsdel", w->header);
  for (guint c = 0; c < codes->len; c++)
    text (ws, row, c + 1, styrkort_city_indicator_name (w->city, codes->pdata[c]), w->header);
  row++;
  for (guint d = 0; d <= districts->len; d++, row++)
    {
      gboolean city_row = d == districts->len;
      text (ws, row, 0, city_row ? "Staden" : districts->pdata[d], city_row ? w->header : NULL);
      for (guint c = 0; c < codes->len; c++)
        {
          StyrkortTotal t = city_row ? styrkort_city_total (w->city, codes->pdata[c], w->period)
                                     : styrkort_city_district_total (w->city, districts->pdata[d], codes->pdata[c], w->period);
          StyrkortMeasure measure = styrkort_city_indicator_measure (w->city, codes->pdata[c]);
          g_autofree char *note = isnan (t.value) ? NULL : styrkort_total_note_sv (&t, city_row);
          number (ws, row, c + 1, t.value, note ? w->inexact[measure] : measure == STYRKORT_MEASURE_PERCENT ? w->percent
                                           : measure == STYRKORT_MEASURE_COUNT ? w->count : w->ratio);
          if (note != NULL && city_row)
            {
              /* Which districts the city value rests on, and which are missing. */
              g_autofree char *coverage = styrkort_city_coverage_sv (w->city, codes->pdata[c], w->period);
              g_autofree char *both = g_strdup_printf ("%s Underlag: %s.", note, coverage);
              g_free (note);
              note = g_steal_pointer (&both);
            }
          if (note != NULL)
            g_ptr_array_add (notes, g_strdup_printf ("* %s, %s: %s", city_row ? "Staden" : (char *) districts->pdata[d],
                                                     styrkort_city_indicator_name (w->city, codes->pdata[c]), note));
        }
    }
  /* Every figure marked * says why below the table, as the tooltips do on screen. */
  for (guint n = 0; n < notes->len; n++)
    text (ws, row++, 0, notes->pdata[n], NULL);
  row++;
  text (ws, row++, 0, "Status per område (1–13 och teman)", w->header);
  text (ws, row, 0, "Stadsdel", w->header);
  for (guint a = 0; a < areas->len; a++)
    {
      g_autofree char *heading = short_area_title (styrkort_city_area_title (w->city, areas->pdata[a]));
      text (ws, row, a + 1, heading, w->header);
    }
  row++;
  for (guint d = 0; d < districts->len; d++, row++)
    {
      text (ws, row, 0, districts->pdata[d], NULL);
      for (guint a = 0; a < areas->len; a++)
        {
          int status = styrkort_city_area_status (w->city, districts->pdata[d], areas->pdata[a], w->period);
          _styrkort_workbook_text (ws, row, a + 1, status_text (status), w->status[status + 1]);
        }
    }
}

/* The sources in the Swedish order of their districts (the order of
 * styrkort_city_list_districts_sv()), each district's rows as read. */
static GPtrArray *
sorted_sources (StyrkortCity *city)
{
  GPtrArray *all = styrkort_city_get_sources (city), *sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts_sv (city);

  for (guint d = 0; d < districts->len; d++)
    if (d == 0 || !g_str_equal (districts->pdata[d], districts->pdata[d - 1]))
      for (guint s = 0; s < all->len; s++)
        if (g_str_equal (((StyrkortCitySource *) all->pdata[s])->district, districts->pdata[d]))
          g_ptr_array_add (sorted, all->pdata[s]);
  return sorted;
}

static void
write_data (CityWriter *w)
{
  lxw_worksheet *ws = sheet (w, "Data");
  g_autoptr(GPtrArray) sources = sorted_sources (w->city);
  int row = 1;

  for (guint s = 0; s < sources->len; s++)
    {
      StyrkortCitySource *source = sources->pdata[s];
      for (guint r = 0; r < source->rows->len; r++, row++)
        {
          _styrkort_workbook_data_row (ws, row, source->rows->pdata[r]);
        }
    }
  _styrkort_workbook_add_table (ws, "StyrkortData", styrkort_data_sheet_columns (), row - 1);
  worksheet_set_column (ws, 0, 0, 24, NULL);
  worksheet_set_column (ws, 3, 4, 36, NULL);
  worksheet_set_column (ws, 5, 5, 22, NULL);
}

static void
write_assessments (CityWriter *w)
{
  lxw_worksheet *ws = sheet (w, "Bedömningar");
  g_autoptr(GPtrArray) sources = sorted_sources (w->city);
  const char * const *machine = styrkort_data_sheet_assessment_columns ();
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  guint status_column;
  int row = 1;

  /* The district workbook's columns, and the status in words at the end
   * for people (docs/data-sheet.md); the machine columns stay as they are. */
  for (guint c = 0; machine[c] != NULL; c++)
    g_ptr_array_add (columns, (gpointer) machine[c]);
  status_column = columns->len;
  g_ptr_array_add (columns, (gpointer) "Status i klartext");
  g_ptr_array_add (columns, NULL);

  for (guint s = 0; s < sources->len; s++)
    {
      StyrkortCitySource *source = sources->pdata[s];
      for (guint i = 0; i < source->statuses->len; i++, row++)
        {
          StyrkortCityStatus *x = source->statuses->pdata[i];
          text (ws, row, 0, source->district, NULL);
          _styrkort_workbook_number (ws, row, 1, x->period.year, NULL);
          _styrkort_workbook_number (ws, row, 2, x->period.tertial, NULL);
          text (ws, row, 3, x->area, NULL);
          text (ws, row, 4, x->area_title, NULL);
          text (ws, row, 5, x->operation, NULL);
          text (ws, row, 6, styrkort_status_to_key (x->status), NULL);
          text (ws, row, status_column, status_text (x->status), NULL);
        }
    }
  _styrkort_workbook_add_table (ws, "StyrkortBedomningar", (const char * const *) columns->pdata, row - 1);
  worksheet_set_column (ws, 0, 0, 24, NULL);
  worksheet_set_column (ws, 4, 4, 48, NULL);
  worksheet_set_column (ws, 5, status_column, 24, NULL);
}

static void
write_about (CityWriter *w)
{
  lxw_worksheet *ws = sheet (w, "Om");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *period = styrkort_period_to_string (w->period);
  GPtrArray *sources = styrkort_city_get_sources (w->city);
  int row = 0;

  worksheet_set_column (ws, 0, 0, 30, NULL);
  worksheet_set_column (ws, 1, 1, 60, NULL);
  text (ws, row, 0, "Program", w->header);
  text (ws, row++, 1, "Styrkort", NULL);
  /* Says what this workbook is: the city overview refuses to add it as a district. */
  text (ws, row, 0, "Arbetsbok", w->header);
  text (ws, row++, 1, "Stadsöversikt", NULL);
  text (ws, row, 0, "Programversion", w->header);
  text (ws, row++, 1, VERSION, NULL);
  text (ws, row, 0, "Dataformat (bladet Data)", w->header);
  _styrkort_workbook_number (ws, row++, 1, STYRKORT_DATA_FORMAT_VERSION, NULL);
  text (ws, row, 0, "Exporterad", w->header);
  _styrkort_workbook_date (ws, row++, 1, time, w->time); /* UTC, a real date (data format 2) */
  text (ws, row, 0, "Stadsdel", w->header);
  text (ws, row++, 1, "Staden", NULL);
  text (ws, row, 0, "Period", w->header);
  text (ws, row++, 1, period, NULL);
  for (guint s = 0; s < sources->len; s++, row++)
    {
      g_autofree char *name = g_path_get_basename (((StyrkortCitySource *) sources->pdata[s])->path);
      text (ws, row, 0, s == 0 ? "Källfiler" : "", w->header);
      text (ws, row, 1, name, NULL);
    }
}

/* The rows of the Data and Bedömningar sheets, with their header rows. */
static guint64
rows_needed (StyrkortCity *city)
{
  GPtrArray *sources = styrkort_city_get_sources (city);
  guint64 data = 1, assessments = 1;

  for (guint s = 0; s < sources->len; s++)
    {
      StyrkortCitySource *source = sources->pdata[s];
      data += source->rows->len;
      assessments += source->statuses->len;
    }
  return MAX (data, assessments);
}

gboolean
_styrkort_city_rows_fit (guint64 rows, GError **error)
{
  g_autofree char *count = NULL;

  if (rows <= LXW_ROW_MAX)
    return TRUE;
  count = g_strdup_printf ("%" G_GUINT64_FORMAT, rows);
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID,
               _("The city workbook would need %s rows in one sheet, more than the 1,048,576 a workbook can hold. "
                 "Merge fewer districts or periods into one workbook."), count);
  return FALSE;
}

gboolean
styrkort_city_export (StyrkortCity *city, StyrkortPeriod period, const char *path, GError **error)
{
  g_auto(StyrkortWorkbookPart) part = { 0 };
  lxw_workbook_options options = { 0 };
  CityWriter w = { city, period, NULL, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  lxw_error rc = LXW_ERROR_CREATING_XLSX_FILE;

  _styrkort_workbook_part_init (&part, path);
  options.tmpdir = part.tmpdir;
  w.workbook = workbook_new_opt (part.native, &options);
  /* Refused before a byte is written, never cut short. */
  if (!_styrkort_city_rows_fit (rows_needed (city), error))
    {
      if (w.workbook != NULL)
        workbook_close (w.workbook);
      g_remove (part.part);
      g_hash_table_unref (w.names);
      return FALSE;
    }
  _styrkort_workbook_begin ();
  if (w.workbook != NULL)
    {
      formats (&w);
      write_summary (&w);
      write_data (&w);
      write_assessments (&w);
      write_about (&w);
      rc = workbook_close (w.workbook);
    }
  g_hash_table_unref (w.names);
  return _styrkort_workbook_finish (rc, &part, path, error);
}
