/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tertial report for the district board: the PDF file, its passes, the
 * cover, the contents and the summary. The sections per area, the
 * indicators and the steering group are in styrkort-tertial-report-sections.c.
 *
 * The document is laid out once without drawing to learn on which page each
 * section begins; the contents then give those pages (moved on by the pages
 * the contents themselves take) and the real pass draws it all. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "styrkort-chart-data.h"
#include "styrkort-figure-rules.h"
#include "styrkort-number.h"
#include "styrkort-tertial-report-private.h"
#include "styrkort-workbook.h"

/* Helpers shared with the sections ---------------------------------------------- */

const char *
_styrkort_tertial_report_name (const StyrkortTertialReport *r, const char *sv, const char *en)
{
  return styrkort_number_style_for_locale () == STYRKORT_NUMBER_SWEDISH ? sv : en;
}

/* Figures are written the Swedish way, as in the charts and the workbooks. */
char *
_styrkort_tertial_report_figure (const StyrkortIndicator *ind, double value)
{
  return styrkort_format_figure (ind, value, STYRKORT_NUMBER_SWEDISH);
}

/* The status colour of the charts, lightened so that black text reads on it. */
StyrkortRgb
_styrkort_tertial_report_status_fill (int status)
{
  StyrkortRgb c = styrkort_chart_status_colour (status);
  StyrkortRgb none = { -1, -1, -1 };

  if (status < 0)
    return none;
  c.r = 0.45 * c.r + 0.55;
  c.g = 0.45 * c.g + 0.55;
  c.b = 0.45 * c.b + 0.55;
  return c;
}

char *
styrkort_tertial_report_suggested_name (StyrkortProject *project, StyrkortPeriod period)
{
  g_autofree char *workbook = styrkort_workbook_suggested_name (project, period);
  /* "Styrkort-<district>-<year>-T<n>.xlsx": the same safe district part. */
  const char *rest = g_str_has_prefix (workbook, "Styrkort-") ? workbook + strlen ("Styrkort-") : workbook;
  g_autofree char *stem = g_str_has_suffix (rest, ".xlsx") ? g_strndup (rest, strlen (rest) - 5) : g_strdup (rest);

  /* TRANSLATORS: the start of a tertial report's file name; no spaces */
  return g_strdup_printf ("%s-%s.pdf", _("Tertial-report"), stem);
}

static const char *
tertial_months (int tertial)
{
  switch (tertial)
    {
    case 1: return _("January–April");
    case 2: return _("May–August");
    default: return _("September–December");
    }
}

/* An ISO time (UTC) as local date and time for people. */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso ? iso : "");
}

/* Cover ------------------------------------------------------------------------ */

static void
write_cover (StyrkortTertialReport *r)
{
  StyrkortPdfDocument *doc = r->doc;
  double x = STYRKORT_PDF_MARGIN_X, width = STYRKORT_PDF_PAGE_WIDTH - 2 * x, y = 230;
  g_autofree char *period = g_strdup_printf ("%s (%s %d)", r->period_name, tertial_months (r->period.tertial),
                                             r->period.year);
  g_autofree char *made = g_strdup_printf (_("Made %s with Styrkort"), r->made);

  styrkort_pdf_document_cover_page (doc);
  y += styrkort_pdf_document_text_at (doc, x, y, width, _("Tertial report"), 16, FALSE, 0) + 8;
  y += styrkort_pdf_document_text_at (doc, x, y, width, r->district->name, 30, TRUE, 0) + 12;
  y += styrkort_pdf_document_text_at (doc, x, y, width, period, 18, FALSE, 0) + 30;
  y += styrkort_pdf_document_text_at (doc, x, y, width, _("The local steering group's follow-up of the action plan "
                                                             "for a better working situation for social workers "
                                                             "and case officers"), 11, FALSE, 0) + 8;
  if (r->district->city && *r->district->city)
    {
      g_autofree char *city = g_strdup_printf (_("City: %s"), r->district->city);
      y += styrkort_pdf_document_text_at (doc, x, y, width, city, 11, FALSE, 0) + 4;
    }
  if (r->district->plan_version && *r->district->plan_version)
    {
      g_autofree char *plan = g_strdup_printf (_("Action plan: %s"), r->district->plan_version);
      y += styrkort_pdf_document_text_at (doc, x, y, width, plan, 11, FALSE, 0) + 4;
    }
  y += 24;
  if (r->report != NULL)
    {
      g_autofree char *when = local_time (r->report->time);
      g_autofree char *text = g_strdup_printf (_("The period was reported on %s. The figures, assessments and "
                                                 "actions are shown as they were reported."), when);
      y += styrkort_pdf_document_text_at (doc, x, y, width, text, 11, TRUE, 0) + 6;
      if (r->report_changes->len > 0)
        {
          g_autofree char *changed = g_strdup_printf (_("Changes made after it was reported: %u. They are listed "
                                                        "under “Changed after reporting”."),
                                                      r->report_changes->len);
          y += styrkort_pdf_document_text_at (doc, x, y, width, changed, 11, FALSE, 0) + 6;
        }
    }
  styrkort_pdf_document_text_at (doc, x, STYRKORT_PDF_BODY_BOTTOM - 20, width, made, 9, FALSE, 0);
}

/* Contents --------------------------------------------------------------------- */

static void
write_contents (StyrkortTertialReport *r, GArray *toc)
{
  styrkort_pdf_document_heading (r->doc, 1, _("Contents"));
  for (guint i = 0; toc != NULL && i < toc->len; i++)
    {
      const StyrkortPdfHeading *h = &g_array_index (toc, StyrkortPdfHeading, i);
      if (h->level == 1 && i > 0)
        styrkort_pdf_document_toc_entry (r->doc, h);
    }
}

/* Summary ---------------------------------------------------------------------- */

static void
write_status_matrix (StyrkortTertialReport *r)
{
  guint n = r->operations->len + 1;
  g_autofree double *widths = g_new (double, n);
  g_autofree const char **header = g_new0 (const char *, n + 1);
  g_autofree const char **cells = g_new0 (const char *, n + 1);
  g_autofree StyrkortRgb *fills = g_new (StyrkortRgb, n);

  styrkort_pdf_document_heading (r->doc, 2, _("Status of the areas and themes"));
  widths[0] = 2.3;
  header[0] = _("Area or theme");
  for (guint o = 0; o < r->operations->len; o++)
    {
      StyrkortOperation *op = r->operations->pdata[o];
      widths[o + 1] = 1;
      header[o + 1] = _styrkort_tertial_report_name (r, op->name_sv, op->name_en);
    }
  styrkort_pdf_document_table_begin (r->doc, n, widths, NULL, header);
  styrkort_pdf_document_table_set_font_size (r->doc, 7.5);
  for (guint a = 0; a < r->areas->len; a++)
    {
      g_autofree char *title = styrkort_area_display_title (r->areas->pdata[a]);
      cells[0] = title;
      fills[0] = _styrkort_tertial_report_status_fill (-1);
      for (guint o = 0; o < r->operations->len; o++)
        {
          StyrkortAssessment *as = _styrkort_tertial_report_assessment (r, a, o);
          cells[o + 1] = as ? styrkort_status_label (as->status) : "–";
          fills[o + 1] = _styrkort_tertial_report_status_fill (as ? (int) as->status : -1);
        }
      styrkort_pdf_document_table_row (r->doc, cells, fills, FALSE);
    }
  styrkort_pdf_document_table_end (r->doc);
}

static void
write_key_figures (StyrkortTertialReport *r)
{
  static const double widths[] = { 3, 1.3, 1.3, 1.3 };
  static const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE };
  g_autofree char *previous = styrkort_period_to_string (r->previous);
  const char *header[] = { _("Indicator"), r->period_name, previous, _("City"), NULL };
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  /* A short table: kept on one page. */
  styrkort_pdf_document_keep (r->doc, 60 + 16.0 * r->indicators->len);
  styrkort_pdf_document_heading (r->doc, 2, _("Key figures beside the city"));
  styrkort_pdf_document_table_begin (r->doc, 4, widths, numeric, header);
  for (guint i = 0; i < r->indicators->len; i++)
    {
      StyrkortIndicator *ind = r->indicators->pdata[i];
      StyrkortTotal now = g_array_index (r->totals, StyrkortTotal, 2 * i);
      StyrkortTotal before = g_array_index (r->totals, StyrkortTotal, 2 * i + 1);
      g_autofree char *now_text = styrkort_format_total (ind, &now, STYRKORT_NUMBER_SWEDISH);
      g_autofree char *before_text = styrkort_format_total (ind, &before, STYRKORT_NUMBER_SWEDISH);
      g_autofree char *city_figure = _styrkort_tertial_report_figure (ind, g_array_index (r->city, double, i));
      const char *place = r->city_place->pdata[i];
      /* The district's place among the districts beside the city's value: "21,2 % (3 of 14)". */
      g_autofree char *city_text = place ? g_strdup_printf ("%s (%s)", city_figure, place) : g_strdup (city_figure);
      g_autofree char *why = styrkort_total_explain (&now, FALSE);
      const char *name = _styrkort_tertial_report_name (r, ind->name_sv, ind->name_en);
      const char *cells[5] = { name, now_text, before_text, city_text, NULL };

      styrkort_pdf_document_table_row (r->doc, cells, NULL, FALSE);
      if (why != NULL)
        g_ptr_array_add (notes, g_strdup_printf ("* %s: %s", name, why));
    }
  styrkort_pdf_document_table_end (r->doc);
  for (guint i = 0; i < notes->len; i++)
    styrkort_pdf_document_paragraph (r->doc, notes->pdata[i], STYRKORT_PDF_TEXT_SMALL);
}

/* The assessments whose status changed since the previous tertial: per
 * area a line for each operation, "Elderly care: In progress → Established". */
static void
write_status_changes (StyrkortTertialReport *r)
{
  static const double widths[] = { 2.2, 3 };
  g_autofree char *previous = styrkort_period_to_string (r->previous);
  const char *header[] = { _("Area or theme"), _("Status before → now"), NULL };
  g_autofree char *heading = g_strdup_printf (_("Changed since %s"), previous);
  guint changes = 0;

  styrkort_pdf_document_heading (r->doc, 2, heading);
  for (guint a = 0; a < r->areas->len; a++)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      g_autofree char *title = NULL;
      const char *cells[3];

      for (guint o = 0; o < r->operations->len; o++)
        {
          StyrkortOperation *op = r->operations->pdata[o];
          StyrkortAssessment *as = _styrkort_tertial_report_assessment (r, a, o);
          int before = g_array_index (r->previous_status, int, a * r->operations->len + o);
          int now = as ? (int) as->status : -1;
          if (before == now)
            continue;
          if (lines->len > 0)
            g_string_append_c (lines, '\n');
          /* TRANSLATORS: an operation, its status before and now */
          g_string_append_printf (lines, _("%s: %s → %s"), _styrkort_tertial_report_name (r, op->name_sv, op->name_en),
                                  before >= 0 ? styrkort_status_label (before) : "–",
                                  now >= 0 ? styrkort_status_label (now) : "–");
        }
      if (lines->len == 0)
        continue;
      if (changes++ == 0)
        styrkort_pdf_document_table_begin (r->doc, 2, widths, NULL, header);
      title = styrkort_area_display_title (r->areas->pdata[a]);
      cells[0] = title;
      cells[1] = lines->str;
      cells[2] = NULL;
      styrkort_pdf_document_table_row (r->doc, cells, NULL, FALSE);
    }
  if (changes > 0)
    styrkort_pdf_document_table_end (r->doc);
  else
    {
      g_autofree char *none = g_strdup_printf (_("No assessment changed status since %s."), previous);
      styrkort_pdf_document_paragraph (r->doc, none, STYRKORT_PDF_TEXT_BODY);
    }
}

/* What was changed in a reported period after it was reported, with why. */
static void
write_report_changes (StyrkortTertialReport *r)
{
  static const double widths[] = { 1.2, 2.4, 2.4 };
  const char *header[] = { _("When"), _("What"), _("Why"), NULL };
  g_autofree char *when = local_time (r->report->time);
  g_autofree char *intro = g_strdup_printf (_("%s was reported on %s. This report shows the period as it was "
                                              "reported; the file has since been changed as follows."),
                                            r->period_name, when);

  styrkort_pdf_document_heading (r->doc, 2, _("Changed after reporting"));
  if (r->report_changes->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("%s was reported on %s and has not been changed since."),
                                               r->period_name, when);
      styrkort_pdf_document_paragraph (r->doc, none, STYRKORT_PDF_TEXT_BODY);
      return;
    }
  styrkort_pdf_document_paragraph (r->doc, intro, STYRKORT_PDF_TEXT_BODY);
  styrkort_pdf_document_table_begin (r->doc, 3, widths, NULL, header);
  for (guint i = 0; i < r->report_changes->len; i++)
    {
      StyrkortReportChange *c = r->report_changes->pdata[i];
      g_autofree char *time = local_time (c->time);
      const char *cells[] = { time, c->summary, c->reason, NULL };
      styrkort_pdf_document_table_row (r->doc, cells, NULL, FALSE);
    }
  styrkort_pdf_document_table_end (r->doc);
}

static void
write_summary (StyrkortTertialReport *r)
{
  g_autofree char *lead = g_strdup_printf (_("%s in %s: the status of the plan's areas and themes per operation, "
                                             "the key figures beside the city's, and what changed since the "
                                             "previous tertial."), r->period_name, r->district->name);

  styrkort_pdf_document_heading (r->doc, 1, _("Summary"));
  styrkort_pdf_document_paragraph (r->doc, lead, STYRKORT_PDF_TEXT_LEAD);
  if (r->report != NULL)
    write_report_changes (r);
  write_status_matrix (r);
  write_key_figures (r);
  write_status_changes (r);
}

/* The whole document ------------------------------------------------------------ */

static void
write_document (StyrkortTertialReport *r, GArray *toc)
{
  g_autofree char *right = g_strdup_printf (_("Tertial report %s"), r->period_name);

  styrkort_pdf_document_set_header (r->doc, r->district->name, right);
  /* TRANSLATORS: page footer: page number, number of pages */
  styrkort_pdf_document_set_footer_format (r->doc, _("Page %d of %d"));
  write_cover (r);
  write_contents (r, toc);
  write_summary (r);
  for (guint a = 0; a < r->areas->len; a++)
    _styrkort_tertial_report_area (r, a);
  _styrkort_tertial_report_indicators (r);
  _styrkort_tertial_report_steering (r);
  styrkort_pdf_document_finish (r->doc);
}

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* A layout without drawing: the headings and the page count. With
 * @contents_only, only the cover and the contents. */
static GArray *
dry_run (StyrkortTertialReport *r, GArray *toc, gboolean contents_only, int *n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, STYRKORT_PDF_PAGE_WIDTH,
                                                                  STYRKORT_PDF_PAGE_HEIGHT);
  GArray *headings;

  r->doc = styrkort_pdf_document_new (surface, TRUE, 0);
  if (r->dry != NULL)
    styrkort_pdf_document_reuse_layouts (r->doc, r->dry);
  else
    _styrkort_tertial_report_prepare_texts (r);
  if (contents_only)
    {
      write_cover (r);
      write_contents (r, toc);
      styrkort_pdf_document_finish (r->doc);
    }
  else
    write_document (r, toc);
  *n_pages = styrkort_pdf_document_get_n_pages (r->doc);
  headings = g_array_ref (styrkort_pdf_document_get_headings (r->doc));
  if (!contents_only)
    {
      g_clear_pointer (&r->dry, styrkort_pdf_document_free);
      r->dry = g_steal_pointer (&r->doc);
    }
  g_clear_pointer (&r->doc, styrkort_pdf_document_free);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return headings;
}

/* The headings and their pages: the document is laid out without its
 * contents, which then move what follows them on by the pages they take
 * beyond the one laid out. */
static GArray *
plan_pages (StyrkortTertialReport *r, int *n_pages)
{
  GArray *toc = dry_run (r, NULL, FALSE, n_pages);
  int contents_pages;
  g_autoptr(GArray) unused = dry_run (r, toc, TRUE, &contents_pages);
  int shift = contents_pages - 2; /* the cover, and the one page of contents laid out before */

  for (guint i = 0; i < toc->len; i++)
    if (g_array_index (toc, StyrkortPdfHeading, i).page > 2)
      g_array_index (toc, StyrkortPdfHeading, i).page += shift;
  *n_pages += shift;
  return toc;
}

static void
report_clear (StyrkortTertialReport *r)
{
  g_clear_object (&r->project);
  g_clear_pointer (&r->district, styrkort_district_free);
  g_clear_pointer (&r->report, styrkort_report_free);
  g_clear_pointer (&r->report_changes, g_ptr_array_unref);
  g_clear_pointer (&r->areas, g_ptr_array_unref);
  g_clear_pointer (&r->operations, g_ptr_array_unref);
  g_clear_pointer (&r->indicators, g_ptr_array_unref);
  g_clear_pointer (&r->units, g_ptr_array_unref);
  g_clear_pointer (&r->period_name, g_free);
  g_clear_pointer (&r->made, g_free);
  g_clear_pointer (&r->doc, styrkort_pdf_document_free);
  g_clear_pointer (&r->dry, styrkort_pdf_document_free);
  _styrkort_tertial_report_unload (r);
}

static gboolean
report_init (StyrkortTertialReport *r, StyrkortProject *project, StyrkortPeriod period, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  r->live = project;
  r->period = period;
  r->previous = styrkort_period_previous (period);
  r->report = styrkort_project_get_report (project, period);
  if (r->report != NULL)
    {
      r->report_changes = styrkort_project_list_report_changes (project, period);
      r->project = styrkort_project_snapshot_as_reported (project, period, error);
    }
  else
    {
      r->report_changes = g_ptr_array_new ();
      r->project = g_object_ref (project);
    }
  if (r->project == NULL)
    return FALSE;
  r->district = styrkort_project_get_district (r->project);
  if (r->district == NULL)
    {
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("The file is closed."));
      return FALSE;
    }
  r->areas = styrkort_project_list_areas (r->project);
  r->operations = styrkort_project_list_operations (r->project);
  r->indicators = styrkort_project_list_indicators (r->project);
  r->units = styrkort_project_list_units (r->project);
  r->period_name = styrkort_period_to_string (period);
  r->made = g_date_time_format (now, "%Y-%m-%d");
  _styrkort_tertial_report_load (r);
  return TRUE;
}

static void
set_metadata (StyrkortTertialReport *r, cairo_surface_t *surface)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *title = g_strdup_printf (_("Tertial report %s – %s"), r->period_name, r->district->name);
  g_autofree char *author = g_strdup_printf (_("%s, local steering group"), r->district->name);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  _("Follow-up of the action plan for a better working situation for social "
                                    "workers and case officers"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, r->period_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Styrkort " VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static gboolean
write_failed (const char *path, const char *part, const char *reason, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_remove (part);
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("Could not write “%s”: %s"), name, reason);
  return FALSE;
}

gboolean
styrkort_tertial_report_write (StyrkortProject *project, StyrkortPeriod period, const char *path, GError **error)
{
  StyrkortTertialReport r = { 0 };
  g_autofree char *part = NULL;
  g_autoptr(GArray) toc = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  int n_pages = 0;

  g_return_val_if_fail (STYRKORT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (!styrkort_period_is_valid (period))
    {
      g_set_error_literal (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID, _("The period is not valid."));
      return FALSE;
    }
  if (!report_init (&r, project, period, error))
    {
      report_clear (&r);
      return FALSE;
    }
  /* The pages are planned with the text shaped in two threads, then
   * written while the charts are drawn in the second. */
  toc = plan_pages (&r, &n_pages);
  _styrkort_tertial_report_draw_charts (&r);

  part = g_strconcat (path, ".part", NULL);
  surface = cairo_pdf_surface_create (part, STYRKORT_PDF_PAGE_WIDTH, STYRKORT_PDF_PAGE_HEIGHT);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
      report_clear (&r);
      return write_failed (path, part, cairo_status_to_string (status), error);
    }
  set_metadata (&r, surface);
  r.doc = styrkort_pdf_document_new (surface, FALSE, n_pages);
  styrkort_pdf_document_reuse_layouts (r.doc, r.dry);
  write_document (&r, toc);
  g_clear_pointer (&r.doc, styrkort_pdf_document_free);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  report_clear (&r);
  if (status != CAIRO_STATUS_SUCCESS)
    return write_failed (path, part, cairo_status_to_string (status), error);
  if (g_rename (part, path) != 0)
    return write_failed (path, part, g_strerror (errno), error);
  return TRUE;
}
