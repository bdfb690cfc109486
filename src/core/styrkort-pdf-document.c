/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small paginating document on a cairo PDF surface (see the header). Text
 * is laid out with Pango; a block of text is a PangoLayout whose lines are
 * drawn one by one, so that a paragraph or a table row can continue on the
 * next page. A dry run lays everything out without drawing, to learn the
 * pages of the headings and the page count. */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "styrkort-pdf-blocks.h"
#include "styrkort-pdf-document.h"

#define BODY_SIZE    10.0
#define SMALL_SIZE   8.5
#define LEAD_SIZE    11.5
#define CELL_PAD_X   4.0
#define CELL_PAD_Y   3.0
#define MIN_LINES    2   /* no paragraph leaves fewer lines than this on a page */

#define BODY_WIDTH   (STYRKORT_PDF_PAGE_WIDTH - 2 * STYRKORT_PDF_MARGIN_X)

static const StyrkortRgb ink = { 0.10, 0.10, 0.10 };
static const StyrkortRgb muted = { 0.33, 0.33, 0.33 };
static const StyrkortRgb rule = { 0.75, 0.75, 0.75 };
static const StyrkortRgb header_fill = { 0.90, 0.92, 0.95 };
static const StyrkortRgb accent = { 0.05, 0.27, 0.50 };

typedef struct {
  guint n_columns;
  double *widths;        /* points */
  gboolean *numeric;
  char **header;
  double size;           /* of the rows' type */
  gboolean header_drawn; /* on the current page */
} Table;

struct _StyrkortPdfDocument {
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *pango;   /* one for every text: a context per text costs more than its layout */
  gboolean dry;
  int n_pages_known;
  int page;              /* 1-based; 0 before the first */
  gboolean page_open;
  gboolean cover;        /* the current page is the cover */
  gboolean page_empty;   /* nothing in the body yet */
  double y;
  char *header_left, *header_right;
  char *footer_format;
  GArray *headings;      /* StyrkortPdfHeading */
  int last_outline;      /* the outline id of the last level-1 heading */
  StyrkortPdfBlocks *blocks; /* laid-out texts, shared with a later pass */
  GHashTable *charts;    /* StyrkortChart* → its drawing (a recording surface) */
  Table *table;
};

/* Text blocks ------------------------------------------------------------------ */

typedef StyrkortPdfBlock Block;

/* The laid-out text, from an earlier pass when it had the same: the
 * document is laid out before it is drawn, and shaping is the costly part. */
static const Block *
block_get (StyrkortPdfDocument *doc, const char *text, double width, double size, gboolean bold, PangoAlignment align)
{
  StyrkortPdfSetting setting = { width, size, bold, align };
  return styrkort_pdf_blocks_get (doc->blocks, doc->pango, text, &setting);
}

#define block_height styrkort_pdf_block_height
#define block_fit    styrkort_pdf_block_fit

static void
block_draw (StyrkortPdfDocument *doc, const Block *b, int first, int last, double x, double y, StyrkortRgb colour)
{
  if (doc->dry)
    return;
  styrkort_chart_set_colour (doc->cr, colour);
  for (int i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (b->layout, i);
      cairo_move_to (doc->cr, x + b->xs[i], y + b->baselines[i] - b->tops[first]);
      pango_cairo_show_layout_line (doc->cr, line);
    }
}

static void
style_of (StyrkortPdfTextStyle style, double *size, gboolean *bold, StyrkortRgb *colour)
{
  *bold = style == STYRKORT_PDF_TEXT_LABEL;
  *size = style == STYRKORT_PDF_TEXT_SMALL ? SMALL_SIZE : style == STYRKORT_PDF_TEXT_LEAD ? LEAD_SIZE : BODY_SIZE;
  *colour = style == STYRKORT_PDF_TEXT_SMALL ? muted : ink;
}

/* Pages ---------------------------------------------------------------------- */

StyrkortPdfDocument *
styrkort_pdf_document_new (cairo_surface_t *surface, gboolean dry, int n_pages)
{
  StyrkortPdfDocument *doc = g_new0 (StyrkortPdfDocument, 1);

  doc->surface = cairo_surface_reference (surface);
  doc->cr = cairo_create (surface);
  doc->dry = dry;
  doc->n_pages_known = n_pages;
  doc->headings = g_array_new (FALSE, TRUE, sizeof (StyrkortPdfHeading));
  doc->footer_format = g_strdup ("%d / %d");
  doc->last_outline = CAIRO_PDF_OUTLINE_ROOT;
  doc->blocks = styrkort_pdf_blocks_new ();
  doc->charts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  /* The same metrics in the dry run and the real one, whatever the surface. */
  doc->pango = styrkort_pdf_blocks_context (doc->cr);
  return doc;
}

static void
heading_clear (gpointer data)
{
  g_free (((StyrkortPdfHeading *) data)->title);
}

static void
table_free (Table *table)
{
  if (table == NULL)
    return;
  g_free (table->widths);
  g_free (table->numeric);
  g_strfreev (table->header);
  g_free (table);
}

void
styrkort_pdf_document_free (StyrkortPdfDocument *doc)
{
  if (doc == NULL)
    return;
  g_array_set_clear_func (doc->headings, heading_clear);
  g_array_unref (doc->headings);
  table_free (doc->table);
  styrkort_pdf_blocks_unref (doc->blocks);
  g_hash_table_unref (doc->charts);
  g_clear_object (&doc->pango);
  cairo_destroy (doc->cr);
  cairo_surface_destroy (doc->surface);
  g_free (doc->header_left);
  g_free (doc->header_right);
  g_free (doc->footer_format);
  g_free (doc);
}

void
styrkort_pdf_document_reuse_layouts (StyrkortPdfDocument *doc, StyrkortPdfDocument *earlier)
{
  styrkort_pdf_blocks_wait (earlier->blocks);
  styrkort_pdf_blocks_unref (doc->blocks);
  doc->blocks = styrkort_pdf_blocks_ref (earlier->blocks);
}

void
styrkort_pdf_document_prepare_paragraphs (StyrkortPdfDocument *doc, const StyrkortPdfParagraph *paragraphs, guint n)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) settings = g_array_new (FALSE, FALSE, sizeof (StyrkortPdfSetting));

  for (guint i = 0; i < n; i++)
    {
      StyrkortPdfSetting setting = { BODY_WIDTH - paragraphs[i].indent, 0, FALSE, PANGO_ALIGN_LEFT };
      StyrkortRgb colour;
      style_of (paragraphs[i].style, &setting.size, &setting.bold, &colour);
      g_ptr_array_add (texts, g_strdup (paragraphs[i].text));
      g_array_append_val (settings, setting);
    }
  styrkort_pdf_blocks_prepare (doc->blocks, texts, settings);
}

void
styrkort_pdf_document_set_header (StyrkortPdfDocument *doc, const char *left, const char *right)
{
  g_free (doc->header_left);
  g_free (doc->header_right);
  doc->header_left = g_strdup (left);
  doc->header_right = g_strdup (right);
}

void
styrkort_pdf_document_set_footer_format (StyrkortPdfDocument *doc, const char *page_of_pages)
{
  g_free (doc->footer_format);
  doc->footer_format = g_strdup (page_of_pages);
}

cairo_t *
styrkort_pdf_document_get_cairo (StyrkortPdfDocument *doc)
{
  return doc->cr;
}

int
styrkort_pdf_document_get_page (StyrkortPdfDocument *doc)
{
  return doc->page;
}

int
styrkort_pdf_document_get_n_pages (StyrkortPdfDocument *doc)
{
  return doc->page;
}

GArray *
styrkort_pdf_document_get_headings (StyrkortPdfDocument *doc)
{
  return doc->headings;
}

double
styrkort_pdf_document_text_at (StyrkortPdfDocument *doc, double x, double y, double width, const char *text,
                               double size, gboolean bold, int align)
{
  const Block *b = block_get (doc, text, width, size, bold, (PangoAlignment) align);

  block_draw (doc, b, 0, b->n_lines, x, y, ink);
  return block_height (b, 0, b->n_lines);
}

static void
draw_running_header (StyrkortPdfDocument *doc)
{
  double y = STYRKORT_PDF_MARGIN_Y, half = BODY_WIDTH / 2 - 6, h;

  if (doc->dry)
    return;
  h = styrkort_pdf_document_text_at (doc, STYRKORT_PDF_MARGIN_X, y, half, doc->header_left, SMALL_SIZE, FALSE,
                                     PANGO_ALIGN_LEFT);
  h = MAX (h, styrkort_pdf_document_text_at (doc, STYRKORT_PDF_MARGIN_X + half + 12, y, half, doc->header_right,
                                             SMALL_SIZE, FALSE, PANGO_ALIGN_RIGHT));
  styrkort_chart_set_colour (doc->cr, rule);
  cairo_set_line_width (doc->cr, 0.6);
  cairo_move_to (doc->cr, STYRKORT_PDF_MARGIN_X, y + h + 4);
  cairo_line_to (doc->cr, STYRKORT_PDF_PAGE_WIDTH - STYRKORT_PDF_MARGIN_X, y + h + 4);
  cairo_stroke (doc->cr);
}

static void
draw_footer (StyrkortPdfDocument *doc)
{
  g_autofree char *text = NULL;
  double y = STYRKORT_PDF_PAGE_HEIGHT - STYRKORT_PDF_MARGIN_Y - 12;

  if (doc->dry)
    return;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_printf (doc->footer_format, doc->page, MAX (doc->n_pages_known, doc->page));
#pragma GCC diagnostic pop
  styrkort_pdf_document_text_at (doc, STYRKORT_PDF_MARGIN_X, y, BODY_WIDTH, text, SMALL_SIZE, FALSE,
                                 PANGO_ALIGN_CENTER);
}

static void
end_page (StyrkortPdfDocument *doc)
{
  if (!doc->page_open)
    return;
  if (!doc->cover)
    draw_footer (doc);
  if (!doc->dry)
    cairo_show_page (doc->cr);
  doc->page_open = FALSE;
}

static void
begin_page (StyrkortPdfDocument *doc, gboolean cover)
{
  end_page (doc);
  doc->page++;
  doc->page_open = TRUE;
  doc->cover = cover;
  doc->page_empty = TRUE;
  doc->y = STYRKORT_PDF_BODY_TOP;
  if (doc->table != NULL)
    doc->table->header_drawn = FALSE;
  if (!cover)
    draw_running_header (doc);
}

void
styrkort_pdf_document_cover_page (StyrkortPdfDocument *doc)
{
  begin_page (doc, TRUE);
}

void
styrkort_pdf_document_new_page (StyrkortPdfDocument *doc)
{
  begin_page (doc, FALSE);
}

/* The page to put body content on: a new one after the cover. */
static void
ensure_page (StyrkortPdfDocument *doc)
{
  if (!doc->page_open || doc->cover)
    begin_page (doc, FALSE);
}

static double
room (StyrkortPdfDocument *doc)
{
  return STYRKORT_PDF_BODY_BOTTOM - doc->y;
}

void
styrkort_pdf_document_keep (StyrkortPdfDocument *doc, double height)
{
  ensure_page (doc);
  if (!doc->page_empty && room (doc) < height)
    begin_page (doc, FALSE);
}

void
styrkort_pdf_document_space (StyrkortPdfDocument *doc, double height)
{
  ensure_page (doc);
  if (!doc->page_empty)
    doc->y = MIN (doc->y + height, STYRKORT_PDF_BODY_BOTTOM);
}

void
styrkort_pdf_document_finish (StyrkortPdfDocument *doc)
{
  end_page (doc);
}

/* Headings and the table of contents ------------------------------------------ */

void
styrkort_pdf_document_heading (StyrkortPdfDocument *doc, int level, const char *title)
{
  double size = level == 1 ? 17 : 12.5;
  StyrkortPdfHeading heading = { level, g_strdup (title), 0, 0 };
  const Block *b = block_get (doc, title, BODY_WIDTH, size, TRUE, PANGO_ALIGN_LEFT);
  double height = block_height (b, 0, b->n_lines);
  if (level == 1)
    {
      ensure_page (doc);
      if (!doc->page_empty)
        begin_page (doc, FALSE);
    }
  else
    {
      styrkort_pdf_document_space (doc, 8);
      /* Keep the heading with a few lines of what follows it. */
      styrkort_pdf_document_keep (doc, height + 60);
    }
  heading.page = doc->page;
  heading.y = doc->y;
  if (!doc->dry)
    {
      g_autofree char *dest = g_strdup_printf ("page=%d pos=[%.1f %.1f]", doc->page, STYRKORT_PDF_MARGIN_X,
                                               MAX (doc->y - 12, 0));
      int id = cairo_pdf_surface_add_outline (doc->surface, level == 1 ? CAIRO_PDF_OUTLINE_ROOT : doc->last_outline,
                                              title, dest, 0);
      if (level == 1)
        doc->last_outline = id;
    }
  block_draw (doc, b, 0, b->n_lines, STYRKORT_PDF_MARGIN_X, doc->y, level == 1 ? accent : ink);
  doc->y += height + (level == 1 ? 10 : 5);
  doc->page_empty = FALSE;
  g_array_append_val (doc->headings, heading);
}

void
styrkort_pdf_document_toc_entry (StyrkortPdfDocument *doc, const StyrkortPdfHeading *heading)
{
  double indent = heading->level == 1 ? 0 : 18, number_width = 36;
  g_autofree char *page = g_strdup_printf ("%d", heading->page);
  const Block *b = block_get (doc, heading->title, BODY_WIDTH - indent - number_width - 12,
                              heading->level == 1 ? BODY_SIZE + 1 : BODY_SIZE, heading->level == 1, PANGO_ALIGN_LEFT);
  const Block *n = block_get (doc, page, number_width, BODY_SIZE, heading->level == 1, PANGO_ALIGN_RIGHT);
  double height = block_height (b, 0, b->n_lines);
  styrkort_pdf_document_space (doc, heading->level == 1 ? 5 : 1.5);
  styrkort_pdf_document_keep (doc, height);
  if (!doc->dry)
    {
      g_autofree char *link = g_strdup_printf ("page=%d pos=[%.1f %.1f]", heading->page, STYRKORT_PDF_MARGIN_X,
                                               MAX (heading->y - 12, 0));
      cairo_tag_begin (doc->cr, CAIRO_TAG_LINK, link);
      block_draw (doc, b, 0, b->n_lines, STYRKORT_PDF_MARGIN_X + indent, doc->y, ink);
      block_draw (doc, n, 0, 1, STYRKORT_PDF_PAGE_WIDTH - STYRKORT_PDF_MARGIN_X - number_width,
                  doc->y + height - block_height (n, 0, 1), ink);
      cairo_tag_end (doc->cr, CAIRO_TAG_LINK);
    }
  doc->y += height;
  doc->page_empty = FALSE;
}

/* Paragraphs --------------------------------------------------------------------- */


/* Draws lines of @b from *@first on the current page, at @x, as many as fit
 * leaving no single line alone on either page; returns FALSE when the page
 * is full and the rest must go to the next one. */
static gboolean
place_lines (StyrkortPdfDocument *doc, const Block *b, int *first, double x, StyrkortRgb colour)
{
  int left = b->n_lines - *first;
  int fit = block_fit (b, *first, room (doc));

  if (fit < left)
    {
      /* Leave at least two lines for the next page, and put at least two here. */
      if (left - fit < MIN_LINES)
        fit = left - MIN_LINES;
      if (fit < MIN_LINES)
        {
          if (!doc->page_empty)
            return FALSE;
          fit = MAX (block_fit (b, *first, room (doc)), 1);
        }
    }
  block_draw (doc, b, *first, *first + fit, x, doc->y, colour);
  doc->y += block_height (b, *first, *first + fit);
  doc->page_empty = FALSE;
  *first += fit;
  return *first >= b->n_lines;
}

void
styrkort_pdf_document_paragraph_indented (StyrkortPdfDocument *doc, const char *text, StyrkortPdfTextStyle style,
                                          double indent)
{
  const Block *b;
  double size;
  gboolean bold;
  StyrkortRgb colour;
  int first = 0;

  if (text == NULL || *text == '\0')
    return;
  style_of (style, &size, &bold, &colour);
  ensure_page (doc);
  b = block_get (doc, text, BODY_WIDTH - indent, size, bold, PANGO_ALIGN_LEFT);
  if (style == STYRKORT_PDF_TEXT_LABEL)
    styrkort_pdf_document_keep (doc, block_height (b, 0, b->n_lines) + 30); /* with the text under it */
  while (!place_lines (doc, b, &first, STYRKORT_PDF_MARGIN_X + indent, colour))
    begin_page (doc, FALSE);
  doc->y += size * 0.45;
}

void
styrkort_pdf_document_paragraph (StyrkortPdfDocument *doc, const char *text, StyrkortPdfTextStyle style)
{
  styrkort_pdf_document_paragraph_indented (doc, text, style, 0);
}

/* Tables ------------------------------------------------------------------------- */

void
styrkort_pdf_document_table_begin (StyrkortPdfDocument *doc, guint n_columns, const double *widths,
                                   const gboolean *numeric, const char * const *header)
{
  Table *t = g_new0 (Table, 1);
  double sum = 0;

  g_return_if_fail (n_columns > 0);
  table_free (doc->table);
  t->n_columns = n_columns;
  t->widths = g_new (double, n_columns);
  t->numeric = g_new0 (gboolean, n_columns);
  for (guint c = 0; c < n_columns; c++)
    sum += widths[c];
  for (guint c = 0; c < n_columns; c++)
    {
      t->widths[c] = BODY_WIDTH * widths[c] / sum;
      t->numeric[c] = numeric ? numeric[c] : FALSE;
    }
  t->header = g_strdupv ((char **) header);
  t->size = SMALL_SIZE + 0.5;
  doc->table = t;
  ensure_page (doc);
}

void
styrkort_pdf_document_table_set_font_size (StyrkortPdfDocument *doc, double size)
{
  g_return_if_fail (doc->table != NULL);
  doc->table->size = size;
}

void
styrkort_pdf_document_table_end (StyrkortPdfDocument *doc)
{
  g_clear_pointer (&doc->table, table_free);
  doc->y += 8;
}

typedef struct {
  const Block **cells;
  int *next;       /* per cell: the first line not yet drawn */
  guint n;
} Row;

static void
row_init (Row *row, StyrkortPdfDocument *doc, const char * const *cells, gboolean bold, double size)
{
  Table *t = doc->table;

  row->n = t->n_columns;
  row->cells = g_new0 (const Block *, t->n_columns);
  row->next = g_new0 (int, t->n_columns);
  for (guint c = 0; c < t->n_columns; c++)
    row->cells[c] = block_get (doc, cells[c], t->widths[c] - 2 * CELL_PAD_X, size, bold,
                               t->numeric[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static void
row_clear (Row *row)
{
  g_free (row->cells);
  g_free (row->next);
}

/* The height of what is left of @row. */
static double
row_height (const Row *row)
{
  double h = 0;
  for (guint c = 0; c < row->n; c++)
    h = MAX (h, block_height (row->cells[c], row->next[c], row->cells[c]->n_lines));
  return h + 2 * CELL_PAD_Y;
}

static gboolean
row_done (const Row *row)
{
  for (guint c = 0; c < row->n; c++)
    if (row->next[c] < row->cells[c]->n_lines)
      return FALSE;
  return TRUE;
}

static void
fill_rect (StyrkortPdfDocument *doc, double x, double y, double w, double h, StyrkortRgb colour)
{
  if (doc->dry)
    return;
  styrkort_chart_set_colour (doc->cr, colour);
  cairo_rectangle (doc->cr, x, y, w, h);
  cairo_fill (doc->cr);
}

static void
hline (StyrkortPdfDocument *doc, double y, double width)
{
  if (doc->dry)
    return;
  styrkort_chart_set_colour (doc->cr, rule);
  cairo_set_line_width (doc->cr, width);
  cairo_move_to (doc->cr, STYRKORT_PDF_MARGIN_X, y);
  cairo_line_to (doc->cr, STYRKORT_PDF_PAGE_WIDTH - STYRKORT_PDF_MARGIN_X, y);
  cairo_stroke (doc->cr);
}

/* Draws the lines of @row that fit in @height on this page, with its
 * fills, and moves on past them. */
static void
row_place (StyrkortPdfDocument *doc, Row *row, const StyrkortRgb *fills, double height, StyrkortRgb colour)
{
  Table *t = doc->table;
  g_autofree int *from = g_memdup2 (row->next, sizeof (int) * row->n);
  double x = STYRKORT_PDF_MARGIN_X, used = 0;

  for (guint c = 0; c < row->n; c++)
    {
      const Block *b = row->cells[c];
      int fit = block_fit (b, row->next[c], height - 2 * CELL_PAD_Y);
      int left = b->n_lines - row->next[c];
      if (fit < left && left - fit < MIN_LINES && fit > MIN_LINES)
        fit = left - MIN_LINES;
      used = MAX (used, block_height (b, row->next[c], row->next[c] + fit));
      row->next[c] += fit;
    }
  used += 2 * CELL_PAD_Y;
  for (guint c = 0; c < row->n; c++)
    {
      if (fills != NULL && fills[c].r >= 0)
        fill_rect (doc, x, doc->y, t->widths[c], used, fills[c]);
      block_draw (doc, row->cells[c], from[c], row->next[c], x + CELL_PAD_X, doc->y + CELL_PAD_Y, colour);
      x += t->widths[c];
    }
  doc->y += used;
  hline (doc, doc->y, 0.4);
  doc->page_empty = FALSE;
}

static void
draw_table_header (StyrkortPdfDocument *doc)
{
  Table *t = doc->table;
  Row row = { 0 };
  g_autofree StyrkortRgb *fills = g_new (StyrkortRgb, t->n_columns);

  for (guint c = 0; c < t->n_columns; c++)
    fills[c] = header_fill;
  t->header_drawn = TRUE;
  row_init (&row, doc, (const char * const *) t->header, TRUE, t->size);
  row_place (doc, &row, fills, row_height (&row), ink);
  row_clear (&row);
}

static double
header_height (StyrkortPdfDocument *doc)
{
  Row row = { 0 };
  double h;

  row_init (&row, doc, (const char * const *) doc->table->header, TRUE, doc->table->size);
  h = row_height (&row);
  row_clear (&row);
  return h;
}

void
styrkort_pdf_document_table_row (StyrkortPdfDocument *doc, const char * const *cells, const StyrkortRgb *fills,
                                 gboolean bold)
{
  Table *t = doc->table;
  Row row = { 0 };
  double body = STYRKORT_PDF_BODY_BOTTOM - STYRKORT_PDF_BODY_TOP;

  g_return_if_fail (t != NULL);
  ensure_page (doc);
  row_init (&row, doc, cells, bold, t->size);
  while (!row_done (&row))
    {
      double need = row_height (&row) + (t->header_drawn ? 0 : header_height (doc));
      double min_piece = (MIN_LINES * (SMALL_SIZE + 3)) + 2 * CELL_PAD_Y;
      /* A row that fits on an empty page is not split; a taller one is, but
       * only where at least two lines of it fit. */
      if (need > room (doc) && !doc->page_empty && (need <= body || room (doc) < min_piece + 20))
        {
          begin_page (doc, FALSE);
          continue;
        }
      if (!t->header_drawn)
        draw_table_header (doc);
      row_place (doc, &row, fills, room (doc), ink);
      if (!row_done (&row))
        begin_page (doc, FALSE);
    }
  row_clear (&row);
}

/* Charts ------------------------------------------------------------------------- */

cairo_surface_t *
styrkort_pdf_chart_record (const StyrkortChart *chart, double height)
{
  cairo_rectangle_t extents = { 0, 0, BODY_WIDTH, height };
  cairo_surface_t *drawing = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (drawing);

  styrkort_chart_layout_free (styrkort_chart_draw (chart, cr, BODY_WIDTH, height, STYRKORT_CHART_SCREEN));
  cairo_destroy (cr);
  return drawing;
}

void
styrkort_pdf_document_drawing (StyrkortPdfDocument *doc, cairo_surface_t *drawing, double height)
{
  styrkort_pdf_document_keep (doc, height);
  if (!doc->dry)
    {
      g_return_if_fail (drawing != NULL);
      cairo_save (doc->cr);
      cairo_set_source_surface (doc->cr, drawing, STYRKORT_PDF_MARGIN_X, doc->y);
      cairo_rectangle (doc->cr, STYRKORT_PDF_MARGIN_X, doc->y, BODY_WIDTH, height);
      cairo_fill (doc->cr);
      cairo_restore (doc->cr);
    }
  doc->y += height + 10;
  doc->page_empty = FALSE;
}

void
styrkort_pdf_document_chart (StyrkortPdfDocument *doc, const StyrkortChart *chart, double height)
{
  /* Drawn once, placed wherever it is shown: the PDF holds it once. */
  cairo_surface_t *drawing = doc->dry ? NULL : g_hash_table_lookup (doc->charts, chart);

  if (!doc->dry && drawing == NULL)
    {
      drawing = styrkort_pdf_chart_record (chart, height);
      g_hash_table_insert (doc->charts, (gpointer) chart, drawing);
    }
  styrkort_pdf_document_drawing (doc, drawing, height);
}
