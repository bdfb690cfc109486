/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The meeting brief printed: its sections on at most two A4 pages, each
 * section cut to its most urgent lines when the whole would not fit. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "styrkort-brief-pdf.h"
#include "styrkort-pdf-document.h"

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

static void
write_section (StyrkortPdfDocument *doc, const StyrkortBriefSection *section)
{
  styrkort_pdf_document_heading (doc, 2, section->title);
  if (section->lines->len == 0)
    styrkort_pdf_document_paragraph (doc, section->empty, STYRKORT_PDF_TEXT_SMALL);
  for (guint i = 0; i < section->lines->len; i++)
    {
      const StyrkortBriefLine *line = section->lines->pdata[i];
      /* TRANSLATORS: a line of the printed brief that needs attention (overdue, off track) */
      g_autofree char *text = line->attention ? g_strdup_printf (_("! %s"), line->text)
                                              : g_strdup_printf ("• %s", line->text);
      styrkort_pdf_document_paragraph (doc, text, STYRKORT_PDF_TEXT_BODY);
      if (line->detail != NULL && *line->detail != '\0')
        styrkort_pdf_document_paragraph_indented (doc, line->detail, STYRKORT_PDF_TEXT_SMALL, 12);
    }
  if (section->n_more > 0)
    {
      g_autofree char *more = styrkort_brief_more_text (section);
      styrkort_pdf_document_paragraph (doc, more, STYRKORT_PDF_TEXT_SMALL);
    }
}

static void
write_brief (StyrkortPdfDocument *doc, const StyrkortBrief *brief, const char *district)
{
  g_autofree char *title = g_strdup_printf (_("Before the meeting on %s"), brief->next_meeting);
  g_autofree char *lead = g_strdup_printf (brief->next_recorded
                                             ? _("What the steering group should look at, since %s.")
                                             : _("What the steering group should look at, since %s. No next "
                                                 "meeting is recorded: this is for four weeks from today."),
                                           brief->since);

  styrkort_pdf_document_set_header (doc, district, title);
  styrkort_pdf_document_set_footer_format (doc, _("Page %d of %d"));
  styrkort_pdf_document_heading (doc, 1, title);
  styrkort_pdf_document_paragraph (doc, lead, STYRKORT_PDF_TEXT_LEAD);
  for (guint s = 0; s < brief->sections->len; s++)
    write_section (doc, brief->sections->pdata[s]);
  styrkort_pdf_document_finish (doc);
}

/* How many pages @brief takes, laid out without drawing. */
static int
count_pages (const StyrkortBrief *brief, const char *district)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, STYRKORT_PDF_PAGE_WIDTH,
                                                                  STYRKORT_PDF_PAGE_HEIGHT);
  g_autoptr(StyrkortPdfDocument) doc = styrkort_pdf_document_new (surface, TRUE, 0);
  int pages;

  write_brief (doc, brief, district);
  pages = styrkort_pdf_document_get_n_pages (doc);
  g_clear_pointer (&doc, styrkort_pdf_document_free);
  cairo_surface_destroy (surface);
  return pages;
}

/* The brief cut until it fits the pages: fewer lines per section each time. */
static StyrkortBrief *
fitted (const StyrkortBrief *brief, const char *district)
{
  static const guint most[] = { 12, 8, 6, 4, 3, 2, 1 };
  StyrkortBrief *cut = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (most); i++)
    {
      g_clear_pointer (&cut, styrkort_brief_free);
      cut = styrkort_brief_truncate (brief, most[i]);
      if (count_pages (cut, district) <= STYRKORT_BRIEF_PDF_MAX_PAGES)
        break;
    }
  return cut;
}

static int
write_failed (const char *path, const char *part, const char *reason, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_remove (part);
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("Could not write “%s”: %s"), name, reason);
  return 0;
}

int
styrkort_brief_write_pdf (const StyrkortBrief *brief, const char *district, const char *path, GError **error)
{
  g_autoptr(StyrkortBrief) cut = fitted (brief, district);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *title = g_strdup_printf (_("Before the meeting on %s – %s"), brief->next_meeting, district);
  int pages = count_pages (cut, district);
  cairo_surface_t *surface = cairo_pdf_surface_create (part, STYRKORT_PDF_PAGE_WIDTH, STYRKORT_PDF_PAGE_HEIGHT);
  g_autoptr(StyrkortPdfDocument) doc = NULL;
  cairo_status_t status = cairo_surface_status (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return write_failed (path, part, cairo_status_to_string (status), error);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, district);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Styrkort " VERSION);
  doc = styrkort_pdf_document_new (surface, FALSE, pages);
  write_brief (doc, cut, district);
  g_clear_pointer (&doc, styrkort_pdf_document_free);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return write_failed (path, part, cairo_status_to_string (status), error);
  if (g_rename (part, path) != 0)
    return write_failed (path, part, g_strerror (errno), error);
  return pages;
}

gboolean
styrkort_brief_export_pdf (StyrkortProject *project, StyrkortPeriod period, const char *path, GError **error)
{
  g_autoptr(StyrkortBrief) brief = styrkort_brief_new (project, period, NULL);
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);

  return styrkort_brief_write_pdf (brief, district ? district->name : "", path, error) > 0;
}

char *
styrkort_brief_suggested_name (StyrkortProject *project)
{
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup (district ? district->name : "");

  /* A name that every file system takes: no separators or reserved characters. */
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  /* TRANSLATORS: the start of the printed brief's file name; no spaces */
  return g_strdup_printf ("%s-%s-%s.pdf", _("Before-the-meeting"), name, date);
}
