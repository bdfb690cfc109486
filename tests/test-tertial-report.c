/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tertial report (PDF) of the demo, of a large district (40 units, long
 * texts) and of a reported period, read back with poppler's tools. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "styrkort-chart-data.h"
#include "styrkort-demo.h"
#include "styrkort-figure-rules.h"
#include "styrkort-locale.h"
#include "styrkort-pdf-document.h"
#include "styrkort-report.h"
#include "styrkort-brief-pdf.h"
#include "styrkort-tertial-report.h"
#include "styrkort-workbook.h"
#include "large-district.h"
#include "test-util.h"

/* Poppler's tools ------------------------------------------------------------- */

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *ppm = g_find_program_in_path ("pdftoppm");

  if (text && info && ppm)
    return TRUE;
  g_test_skip ("poppler-utils (pdftotext, pdfinfo, pdftoppm) are not installed");
  return FALSE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* Every run of white space (no-break spaces too) as one space, so that a
 * title wrapped over lines or a figure's thousands read as written. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_has (const char *text, const char *wanted)
{
  g_autofree char *needle = squeeze (wanted);
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the tertial report", needle);
}

/* The words of @wanted in order, each within a few words of the one before:
 * a text in a table cell wraps, and pdftotext reads the other cells of a
 * line between its lines. */
static void
assert_has_words (char **words, const char *wanted)
{
  g_autofree char *squeezed = squeeze (wanted);
  g_auto(GStrv) needles = g_strsplit (squeezed, " ", -1);
  guint n_words = g_strv_length (words), n_needles = g_strv_length (needles);

  for (guint start = 0; start < n_words; start++)
    {
      guint w = start, k = 0;
      if (g_strcmp0 (words[start], needles[0]) != 0)
        continue;
      for (k = 1, w = start + 1; k < n_needles && w < n_words && w - start < 12 * n_needles; w++)
        if (g_strcmp0 (words[w], needles[k]) == 0)
          k++;
      if (k == n_needles)
        return;
    }
  g_error ("“%s” is not in the tertial report", squeezed);
}

static char *
info_field (const char *info, const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

/* The titles of the PDF's outline (and its document title), decoded from
 * literal or UTF-16 hex strings as cairo writes them. */
static GPtrArray *
outline_titles (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  /* memmem: the file's streams hold NUL bytes, where g_strstr_len stops. */
  for (const char *p = data; (p = memmem (p, length - (gsize) (p - data), "/Title ", 7)) != NULL; p++)
    {
      const char *s = p + strlen ("/Title ");
      if (*s == '(')
        {
          GString *t = g_string_new (NULL);
          for (s++; *s && *s != ')'; s++)
            g_string_append_c (t, *s == '\\' ? *++s : *s);
          g_ptr_array_add (titles, g_string_free (t, FALSE));
        }
      else if (*s == '<')
        {
          GString *hex = g_string_new (NULL);
          g_autofree gunichar2 *units = NULL;
          glong n = 0;
          for (s++; g_ascii_isxdigit (*s); s++)
            g_string_append_c (hex, *s);
          units = g_new0 (gunichar2, hex->len / 4 + 1);
          for (gsize i = 0; i + 4 <= hex->len; i += 4, n++)
            units[n] = (gunichar2) ((g_ascii_xdigit_value (hex->str[i]) << 12) |
                                    (g_ascii_xdigit_value (hex->str[i + 1]) << 8) |
                                    (g_ascii_xdigit_value (hex->str[i + 2]) << 4) |
                                    g_ascii_xdigit_value (hex->str[i + 3]));
          /* Skip the byte-order mark. */
          g_ptr_array_add (titles, g_utf16_to_utf8 (units[0] == 0xfeff ? units + 1 : units,
                                                    units[0] == 0xfeff ? n - 1 : n, NULL, NULL, NULL));
          g_string_free (hex, TRUE);
        }
    }
  return titles;
}

static gboolean
titles_have (GPtrArray *titles, const char *wanted)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (titles->pdata[i], wanted) == 0)
      return TRUE;
  return FALSE;
}

/* The number after @key (xMin=") at *@p, which moves past it. */
static double
attribute (const char **p, const char *key)
{
  const char *at = strstr (*p, key);
  char *end = NULL;
  double value;

  g_assert_nonnull (at);
  value = g_ascii_strtod (at + strlen (key), &end);
  *p = end;
  return value;
}

/* Every word of every page lies inside the page's margins. pdftotext puts
 * each word on a line of its own; the lines are read one by one (a search
 * over the whole text each time costs its length under ASan). */
static void
assert_words_inside (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *html = run (argv);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = strstr (lines[i], "<word ");
      double left, top, right, bottom;
      const char *text;
      if (p == NULL)
        continue;
      left = attribute (&p, "xMin=\"");
      top = attribute (&p, "yMin=\"");
      right = attribute (&p, "xMax=\"");
      bottom = attribute (&p, "yMax=\"");
      text = strchr (p, '>') + 1;
      if (left < STYRKORT_PDF_MARGIN_X - 0.5 || right > STYRKORT_PDF_PAGE_WIDTH - STYRKORT_PDF_MARGIN_X + 0.5 ||
          top < STYRKORT_PDF_MARGIN_Y - 0.5 || bottom > STYRKORT_PDF_PAGE_HEIGHT - STYRKORT_PDF_MARGIN_Y + 0.5)
        {
          g_autofree char *word = g_strndup (text, strcspn (text, "<"));
          g_error ("“%s” lies outside the margins: %g,%g – %g,%g", word, left, top, right, bottom);
        }
      n++;
    }
  g_assert_cmpuint (n, >, 500);
}

/* pdftoppm renders every page, and none is blank. */
static void
assert_pages_render (const char *pdf, int n_pages)
{
  g_autofree char *prefix = test_path ("page");
  const char *argv[] = { "pdftoppm", "-r", "20", "-png", pdf, prefix, NULL };
  g_autofree char *out = run (argv);
  g_autofree char *folder = g_path_get_dirname (prefix);
  int width = n_pages >= 100 ? 3 : n_pages >= 10 ? 2 : 1;

  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *png = g_strdup_printf ("%s-%0*d.png", prefix, width, page);
      cairo_surface_t *image = cairo_image_surface_create_from_png (png);
      guint ink = 0;
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (image);
      for (int y = 0; y < cairo_image_surface_get_height (image); y++)
        {
          const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (image) +
                                                  y * cairo_image_surface_get_stride (image));
          for (int x = 0; x < cairo_image_surface_get_width (image); x++)
            ink += (row[x] & 0xffffff) != 0xffffff;
        }
      if (ink < 50)
        g_error ("page %d of %s is blank", page, pdf);
      cairo_surface_destroy (image);
      g_remove (png);
    }
}

/* What every tertial report has: metadata, page count, sections in the
 * text and the outline, the summary's figures, every action, margins. */
static char *
check_report (StyrkortProject *project, StyrkortPeriod period, const char *pdf)
{
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *info = run (info_argv);
  g_autofree char *raw = run (text_argv);
  g_autofree char *text = squeeze (raw);
  g_autofree char *title = info_field (info, "Title");
  g_autofree char *author = info_field (info, "Author");
  g_autofree char *subject = info_field (info, "Subject");
  g_autofree char *pages = info_field (info, "Pages");
  g_autofree char *page_size = info_field (info, "Page size");
  g_autofree char *period_name = styrkort_period_to_string (period);
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  g_autoptr(GPtrArray) areas = styrkort_project_list_areas (project);
  g_autoptr(GPtrArray) indicators = styrkort_project_list_indicators (project);
  g_autoptr(GPtrArray) titles = outline_titles (pdf);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  int n_pages = pages ? atoi (pages) : 0;

  /* Metadata. */
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, district->name));
  g_assert_nonnull (strstr (title, period_name));
  g_assert_nonnull (author);
  g_assert_nonnull (strstr (author, district->name));
  g_assert_nonnull (subject);
  g_assert_cmpuint (strlen (subject), >, 10);
  g_assert_nonnull (strstr (page_size, "(A4)"));
  /* A cover, contents, summary, a page or more per area, indicators, steering group. */
  g_assert_cmpint (n_pages, >=, 3 + (int) areas->len + 2);
  g_assert_cmpint (n_pages, <, 40 * (int) areas->len);
  {
    g_autofree char *last = g_strdup_printf ("%d", n_pages);
    assert_has (text, last);
  }

  /* Every area and theme: in the text and in the outline. */
  for (guint a = 0; a < areas->len; a++)
    {
      g_autofree char *area_title = styrkort_area_display_title (areas->pdata[a]);
      g_autoptr(GPtrArray) actions = styrkort_project_list_actions (project, ((StyrkortArea *) areas->pdata[a])->id);
      assert_has (text, area_title);
      if (!titles_have (titles, area_title))
        g_error ("no bookmark “%s”", area_title);
      for (guint i = 0; i < actions->len; i++)
        {
          StyrkortAction *action = actions->pdata[i];
          assert_has_words (words, action->text);
          if (action->owner && *action->owner)
            assert_has_words (words, action->owner);
        }
    }
  g_assert_cmpuint (titles->len, >, areas->len + 4);

  /* The summary's figures, Swedish style: the district now, before, and the city. */
  for (guint i = 0; i < indicators->len; i++)
    {
      StyrkortIndicator *ind = indicators->pdata[i];
      StyrkortTotal now = styrkort_project_compute_total (project, ind->id, period);
      StyrkortTotal before = styrkort_project_compute_total (project, ind->id, styrkort_period_previous (period));
      StyrkortCityValue city;
      g_autofree char *now_text = styrkort_format_total (ind, &now, STYRKORT_NUMBER_SWEDISH);
      g_autofree char *before_text = styrkort_format_total (ind, &before, STYRKORT_NUMBER_SWEDISH);
      assert_has (text, now_text);
      assert_has (text, before_text);
      if (styrkort_project_get_city_value (project, ind->id, period, &city) && !isnan (city.value))
        {
          g_autofree char *city_text = styrkort_format_figure (ind, city.value, STYRKORT_NUMBER_SWEDISH);
          assert_has (text, city_text);
        }
      if (ind->measure == STYRKORT_MEASURE_PERCENT && !isnan (now.value))
        g_assert_nonnull (strstr (now_text, ",")); /* 12,5 %: a decimal comma */
    }

  assert_words_inside (pdf);
  assert_pages_render (pdf, n_pages);
  return g_steal_pointer (&text);
}

/* The demo ---------------------------------------------------------------------- */

static StyrkortProject *
make_demo (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StyrkortProject *project = styrkort_demo_create (file, STYRKORT_DEMO_SEED, &error);

  g_assert_no_error (error);
  return project;
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = make_demo ("demo.styrkort");
  StyrkortPeriod period = styrkort_workbook_default_period (project);
  g_autofree char *pdf = test_path ("demo.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) members = styrkort_project_list_members (project);
  g_auto(GStrv) words = NULL;

  if (!have_poppler ())
    return;
  g_assert_true (styrkort_tertial_report_write (project, period, pdf, &error));
  g_assert_no_error (error);
  text = check_report (project, period, pdf);
  words = g_strsplit (text, " ", -1);
  for (guint i = 0; i < members->len; i++)
    assert_has_words (words, ((StyrkortMember *) members->pdata[i])->name);
  /* The period's meetings' decisions, each one written. */
  {
    g_autoptr(GPtrArray) meetings = styrkort_project_list_meetings (project);
    guint decided = 0;
    for (guint i = 0; i < meetings->len; i++)
      {
        StyrkortMeeting *m = meetings->pdata[i];
        int year, month, day;
        g_autoptr(GPtrArray) decisions = styrkort_project_list_decisions (project, m->id);
        if (sscanf (m->date, "%d-%d-%d", &year, &month, &day) != 3 || year != period.year ||
            (month - 1) / 4 + 1 != period.tertial)
          continue;
        for (guint d = 0; d < decisions->len; d++, decided++)
          assert_has_words (words, ((StyrkortDecision *) decisions->pdata[d])->text);
      }
    g_assert_cmpuint (decided, >, 0);
  }
  {
    g_autofree char *part = g_strconcat (pdf, ".part", NULL);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
}

/* A large district: 40 units, long texts ---------------------------------------- */

static StyrkortProject *
make_large (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (name);
  StyrkortProject *project = large_district_create (path, &error);

  g_assert_no_error (error);
  return project;
}

static void
test_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = make_large ("large.styrkort");
  StyrkortPeriod period = { 2026, 2 };
  g_autofree char *pdf = test_path ("large.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) units = styrkort_project_list_units (project);
  g_auto(GStrv) words = NULL;

  if (!have_poppler ())
    return;
  g_assert_true (styrkort_tertial_report_write (project, period, pdf, &error));
  g_assert_no_error (error);
  text = check_report (project, period, pdf);
  /* Every unit in the indicator tables, and the longest texts to their end. */
  words = g_strsplit (text, " ", -1);
  for (guint u = 0; u < units->len; u++)
    assert_has_words (words, ((StyrkortUnit *) units->pdata[u])->name);
  assert_has (text, "Bedömning 12-5-1");
  assert_has (text, "Mötet");
  /* The long action notes follow their table whole. */
  assert_has (text, "Anteckning:");
}

/* A reported period ----------------------------------------------------------------- */

static void
test_reported (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = make_demo ("reported.styrkort");
  StyrkortPeriod period = styrkort_workbook_default_period (project);
  g_autoptr(StyrkortIndicator) ind = styrkort_project_find_indicator (project, "consultants");
  g_autoptr(GPtrArray) units = styrkort_project_list_units (project);
  gint64 unit = ((StyrkortUnit *) units->pdata[0])->id;
  g_autoptr(StyrkortValue) before = styrkort_project_get_value (project, ind->id, unit, period);
  StyrkortTotal reported = styrkort_project_compute_total (project, ind->id, period);
  g_autofree char *reported_text = styrkort_format_total (ind, &reported, STYRKORT_NUMBER_SWEDISH);
  g_autofree char *pdf = test_path ("reported.pdf");
  g_autofree char *text = NULL;
  g_autoptr(StyrkortProject) as_reported = NULL;
  StyrkortValue v;

  if (!have_poppler ())
    return;
  g_assert_nonnull (before);
  g_assert_true (styrkort_report_mark (project, period, NULL, &error));
  g_assert_no_error (error);
  /* Changed after reporting, with a reason. */
  styrkort_project_unlock_period (project, period, "HR rättade antalet konsulter");
  styrkort_value_init (&v);
  v.indicator_id = ind->id;
  v.unit_id = unit;
  v.period = period;
  v.value = 9876;
  g_assert_true (styrkort_project_set_value (project, &v, &error));
  g_assert_no_error (error);

  /* The copy as reported has the old figure; the file the new one. */
  as_reported = styrkort_project_snapshot_as_reported (project, period, &error);
  g_assert_no_error (error);
  {
    g_autoptr(StyrkortValue) old = styrkort_project_get_value (as_reported, ind->id, unit, period);
    g_autoptr(StyrkortValue) now = styrkort_project_get_value (project, ind->id, unit, period);
    g_assert_cmpfloat (old->value, ==, before->value);
    g_assert_cmpfloat (now->value, ==, 9876);
  }

  g_assert_true (styrkort_tertial_report_write (project, period, pdf, &error));
  g_assert_no_error (error);
  text = check_report (as_reported, period, pdf);
  assert_has (text, reported_text);
  assert_has (text, "HR rättade antalet konsulter");
  g_assert_null (strstr (text, "9876"));
  g_assert_null (strstr (text, "9 876"));

  /* A period that was not reported has no such copy. */
  {
    StyrkortPeriod other = styrkort_period_previous (period);
    g_autoptr(StyrkortProject) none = styrkort_project_snapshot_as_reported (project, other, &error);
    g_assert_null (none);
    g_assert_error (error, STYRKORT_ERROR, STYRKORT_ERROR_INVALID);
  }
}

/* The document layer: a paragraph breaks between pages with no line alone -------- */

static void
test_no_single_lines (void)
{
  g_autofree char *pdf = test_path ("lines.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, STYRKORT_PDF_PAGE_WIDTH, STYRKORT_PDF_PAGE_HEIGHT);
  g_autoptr(StyrkortPdfDocument) doc = styrkort_pdf_document_new (surface, FALSE, 0);
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *html = NULL;

  if (!have_poppler ())
    {
      cairo_surface_destroy (surface);
      return;
    }
  /* Paragraphs of 1 to 9 lines, one word a line ("L<p>x<line>"), again
   * and again, so that each length meets the end of a page at every line. */
  for (guint round = 0, p = 0; round < 40; round++)
    for (guint n = 1; n <= 9; n++, p++)
      {
        g_autoptr(GString) text = g_string_new (NULL);
        for (guint l = 0; l < n; l++)
          g_string_append_printf (text, "%sL%ux%u", l ? "\n" : "", p, l);
        styrkort_pdf_document_paragraph (doc, text->str, STYRKORT_PDF_TEXT_BODY);
      }
  styrkort_pdf_document_finish (doc);
  g_clear_pointer (&doc, styrkort_pdf_document_free);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* Per page, how many lines of each paragraph it has: never exactly one
   * of a paragraph that has more. */
  html = run (argv);
  {
    g_auto(GStrv) pages = g_strsplit (html, "<page ", -1);
    guint p = 0;
    for (guint round = 0; round < 40; round++)
      for (guint n = 1; n <= 9; n++, p++)
        {
          guint pages_with = 0;
          for (guint i = 1; pages[i]; i++)
            {
              guint lines = 0;
              for (guint l = 0; l < n; l++)
                {
                  g_autofree char *word = g_strdup_printf (">L%ux%u<", p, l);
                  lines += strstr (pages[i], word) != NULL;
                }
              if (lines > 0)
                pages_with++;
              if (lines == 1 && n > 1)
                g_error ("paragraph %u (%u lines) leaves one line alone on a page", p, n);
            }
          g_assert_cmpuint (pages_with, >=, 1);
        }
  }
}

/* The command line ------------------------------------------------------------------ */

static void
test_cli (void)
{
  g_autoptr(StyrkortProject) project = make_demo ("cli.styrkort");
  g_autofree char *file = g_file_get_path (styrkort_project_get_file (project));
  g_autofree char *pdf = test_path ("cli.pdf");
  const char *cli = g_getenv ("STYRKORT_CLI");
  const char *argv[] = { cli, "report", file, pdf, "--year", "2025", "--tertial", "3", NULL };
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = NULL, *title = NULL;

  if (cli == NULL)
    {
      g_test_skip ("STYRKORT_CLI is not set");
      return;
    }
  if (!have_poppler ())
    return;
  styrkort_project_close (project);
  g_free (run (argv));
  info = run (info_argv);
  title = info_field (info, "Title");
  g_assert_nonnull (strstr (title, "2025 T3"));
}

/* The meeting brief printed: at most two A4 pages whatever its length,
 * every section there with its most urgent line, "och N till" for the
 * rest, no word outside the margins, the metadata set. */
static void
test_brief_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StyrkortProject) project = make_large ("brief-large.styrkort");
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  StyrkortPeriod period = styrkort_brief_default_period (project, "2026-06-15");
  g_autoptr(StyrkortBrief) brief = styrkort_brief_new (project, period, "2026-06-15");
  g_autofree char *pdf = test_path ("brief.pdf");
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *info = NULL, *raw = NULL, *text = NULL, *pages = NULL, *title = NULL;
  guint lines = 0;
  int written;

  if (!have_poppler ())
    return;
  written = styrkort_brief_write_pdf (brief, district->name, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, >=, 1);
  g_assert_cmpint (written, <=, STYRKORT_BRIEF_PDF_MAX_PAGES);
  info = run (info_argv);
  raw = run (text_argv);
  text = squeeze (raw);
  pages = info_field (info, "Pages");
  title = info_field (info, "Title");
  g_assert_cmpint (atoi (pages), ==, written);
  g_assert_nonnull (strstr (title, district->name));
  for (guint s = 0; s < brief->sections->len; s++)
    {
      const StyrkortBriefSection *section = brief->sections->pdata[s];
      assert_has (text, section->title);
      if (section->lines->len > 0)
        assert_has (text, ((StyrkortBriefLine *) section->lines->pdata[0])->text);
      lines += section->lines->len;
    }
  /* The large district's brief is longer than two pages: it was cut, and
   * says so ("och 7 till"): the words around a count, as the core words it. */
  g_assert_cmpuint (lines, >, 30);
  {
    StyrkortBriefSection sample = { 0 };
    g_autofree char *more = NULL, *squeezed = NULL;
    g_auto(GStrv) parts = NULL;
    const char *at = text;
    gboolean found = FALSE;
    sample.n_more = 7;
    more = styrkort_brief_more_text (&sample);
    squeezed = squeeze (more);
    parts = g_strsplit (squeezed, "7", 2);
    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    while (!found && (at = strstr (at, parts[0])) != NULL)
      {
        const char *digits = at + strlen (parts[0]), *end = digits;
        while (g_ascii_isdigit (*end))
          end++;
        found = end > digits && g_str_has_prefix (end, parts[1]);
        at++;
      }
    g_assert_true (found);
  }
  assert_words_inside (pdf);
  assert_pages_render (pdf, written);
}

int
main (int argc, char **argv)
{
  test_init_env ();
  styrkort_locale_init (); /* as the app does */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/tertial-report/demo", test_demo);
  g_test_add_func ("/core/tertial-report/large", test_large);
  g_test_add_func ("/core/tertial-report/reported", test_reported);
  g_test_add_func ("/core/tertial-report/no-single-lines", test_no_single_lines);
  g_test_add_func ("/core/tertial-report/cli", test_cli);
  g_test_add_func ("/core/brief-pdf/large", test_brief_pdf);
  return g_test_run ();
}
