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
#include "styrkort-workbook-private.h"
#include "styrkort-workbook-writer-private.h"

#define SHEET_NAME_MAX 31

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

#define text(...) _styrkort_workbook_text (__VA_ARGS__)
#define number(...) _styrkort_workbook_number (__VA_ARGS__)

/* The writer's formats and lookups --------------------------------------------- */

lxw_format *
_styrkort_workbook_indicator_format (Writer *w, const StyrkortIndicator *ind)
{
  switch (ind->measure)
    {
    case STYRKORT_MEASURE_PERCENT: return w->formats[FMT_PERCENT];
    case STYRKORT_MEASURE_COUNT: return w->formats[FMT_COUNT];
    case STYRKORT_MEASURE_RATIO:
    default: return w->formats[FMT_RATIO];
    }
}

void
_styrkort_workbook_header_row (Writer *w, lxw_worksheet *ws, int row, const char * const *headers)
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
  /* Real dates, as the central office sorts and filters them (ISO order). */
  format_set_num_format (w->formats[FMT_DATE], "yyyy-mm-dd");
  format_set_num_format (w->formats[FMT_TIME], "yyyy-mm-dd hh:mm");
  format_set_align (w->formats[FMT_DATE], LXW_ALIGN_LEFT);
  format_set_align (w->formats[FMT_TIME], LXW_ALIGN_LEFT);
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

const char *
_styrkort_workbook_status_sv (int status)
{
  static const char *names[] = { "Ej påbörjat", "Pågående", "Etablerat", "Behöver åtgärdas" };
  return status >= 0 && status < STYRKORT_N_STATUSES ? names[status] : "Ej bedömt";
}

char *
_styrkort_workbook_area_title (const StyrkortArea *area)
{
  return area->number > 0 ? g_strdup_printf ("%d. %s", area->number, area->title_sv) : g_strdup (area->title_sv);
}

/* Landscape, one page wide, the district's name at the top of each page. */
lxw_worksheet *
_styrkort_workbook_add_sheet (Writer *w, const char *title)
{
  g_autofree char *name = styrkort_workbook_sheet_name (title, w->sheet_names);
  lxw_worksheet *ws = workbook_add_worksheet (w->workbook, name);

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9); /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_header (ws, w->header);
  return ws;
}

char *
_styrkort_workbook_period_name (StyrkortPeriod p)
{
  return g_strdup_printf ("%d T%d", p.year, p.tertial);
}

/* Sammanfattning ---------------------------------------------------------- */

static void
write_summary (Writer *w)
{
  lxw_worksheet *ws = _styrkort_workbook_add_sheet (w, "Sammanfattning");
  g_autofree char *period = _styrkort_workbook_period_name (w->period);
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
  _styrkort_workbook_header_row (w, ws, row++, member_headers);
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
      g_autofree char *title = _styrkort_workbook_area_title (area);
      text (ws, row, 0, title, w->formats[FMT_WRAP]);
      for (guint o = 0; o < w->operations->len; o++)
        {
          g_autoptr(StyrkortAssessment) as = styrkort_project_get_assessment (
            w->project, area->id, ((StyrkortOperation *) w->operations->pdata[o])->id, w->period);
          int status = as ? (int) as->status : -1;
          text (ws, row, o + 1, _styrkort_workbook_status_sv (status), w->status[status + 1]);
        }
    }
  _styrkort_sheet_layout_end (layout, -1);
}

static const char *
operation_name (Writer *w, gint64 id)
{
  for (guint i = 0; i < w->operations->len; i++)
    if (((StyrkortOperation *) w->operations->pdata[i])->id == id)
      return ((StyrkortOperation *) w->operations->pdata[i])->name_sv;
  return "";
}

const char *
_styrkort_workbook_unit_name (Writer *w, gint64 id, const char **operation)
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

/* Om ------------------------------------------------------------------------- */

static void
write_about (Writer *w, const char *source)
{
  lxw_worksheet *ws = _styrkort_workbook_add_sheet (w, "Om");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *period = _styrkort_workbook_period_name (w->period);
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
      if (rows[i].value == time)
        _styrkort_workbook_date (ws, i, 1, time, w->formats[FMT_TIME]); /* UTC */
      else if (rows[i].value)
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
  g_auto(StyrkortWorkbookPart) part = { 0 };
  lxw_workbook_options options = { .constant_memory = LXW_FALSE };
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
  _styrkort_workbook_part_init (&part, path);
  options.tmpdir = part.tmpdir;
  w.workbook = workbook_new_opt (part.native, &options);
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
    _styrkort_workbook_write_area (&w, w.areas->pdata[a]);
  _styrkort_workbook_write_figures (&w);
  _styrkort_workbook_write_charts (&w);
  _styrkort_workbook_write_data (&w);
  _styrkort_workbook_write_assessments (&w);
  {
    GFile *file = styrkort_project_get_file (project);
    g_autofree char *source = g_file_get_path (file);
    write_about (&w, source);
  }
  rc = workbook_close (w.workbook);
  writer_clear (&w);
  return _styrkort_workbook_finish (rc, &part, path, error);
}
