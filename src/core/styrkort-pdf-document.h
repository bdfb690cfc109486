/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small paginating document on a cairo PDF surface: A4 pages with a running
 * header and page numbers, headings with bookmarks, paragraphs and tables
 * that break between pages, and charts drawn as vectors. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "styrkort-chart.h"

G_BEGIN_DECLS

/* A4 in points, and where things may be printed. The body lies between the
 * header and the footer; the header and footer stay inside the margins too. */
#define STYRKORT_PDF_PAGE_WIDTH   595.276
#define STYRKORT_PDF_PAGE_HEIGHT  841.890
#define STYRKORT_PDF_MARGIN_X     56.693  /* 20 mm, left and right */
#define STYRKORT_PDF_MARGIN_Y     42.520  /* 15 mm, top and bottom: the header and footer lie inside */
#define STYRKORT_PDF_BODY_TOP     82.0
#define STYRKORT_PDF_BODY_BOTTOM  (STYRKORT_PDF_PAGE_HEIGHT - 76.0)

typedef struct _StyrkortPdfDocument StyrkortPdfDocument;

/* What a heading of a section was, where it went, for a table of contents. */
typedef struct {
  int level;      /* 1 or 2 */
  char *title;
  int page;       /* 1-based */
  double y;
} StyrkortPdfHeading;

typedef enum {
  STYRKORT_PDF_TEXT_BODY,
  STYRKORT_PDF_TEXT_SMALL,   /* notes under tables, what a figure rests on */
  STYRKORT_PDF_TEXT_LEAD,    /* a larger first paragraph */
  STYRKORT_PDF_TEXT_LABEL,   /* a bold run-in label above a text */
} StyrkortPdfTextStyle;

/* @dry: lay out only (learn the pages), draw nothing. @n_pages: the total
 * from a dry run, for "page N of M" (0 when not known yet). */
StyrkortPdfDocument *styrkort_pdf_document_new  (cairo_surface_t *surface, gboolean dry, int n_pages);
void                 styrkort_pdf_document_free (StyrkortPdfDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortPdfDocument, styrkort_pdf_document_free)

/* Takes the texts laid out by @earlier (a dry run of the same document):
 * they are not shaped again. */
void     styrkort_pdf_document_reuse_layouts (StyrkortPdfDocument *doc, StyrkortPdfDocument *earlier);

/* A text the caller will write with styrkort_pdf_document_paragraph_indented. */
typedef struct {
  const char *text;
  StyrkortPdfTextStyle style;
  double indent;
} StyrkortPdfParagraph;

/* Shapes these paragraphs in a thread while the document is laid out: the
 * long texts of a report, known before it is written. */
void     styrkort_pdf_document_prepare_paragraphs (StyrkortPdfDocument *doc, const StyrkortPdfParagraph *paragraphs,
                                                   guint n);

/* The running header's two sides (district, document and period). */
void     styrkort_pdf_document_set_header (StyrkortPdfDocument *doc, const char *left, const char *right);
/* "Page %d of %d" in the user's language, from the caller. */
void     styrkort_pdf_document_set_footer_format (StyrkortPdfDocument *doc, const char *page_of_pages);

cairo_t *styrkort_pdf_document_get_cairo (StyrkortPdfDocument *doc);
int      styrkort_pdf_document_get_page  (StyrkortPdfDocument *doc);
/* Ends the current page (when anything is on it) and finishes the last one. */
void     styrkort_pdf_document_finish    (StyrkortPdfDocument *doc);
/* The pages made so far, counting the current one. */
int      styrkort_pdf_document_get_n_pages (StyrkortPdfDocument *doc);

/* A page without running header or footer (the cover): the caller draws on
 * the cairo context; the next content starts a new page. */
void     styrkort_pdf_document_cover_page (StyrkortPdfDocument *doc);
void     styrkort_pdf_document_new_page   (StyrkortPdfDocument *doc);
/* Starts a new page unless @height points are left on this one. */
void     styrkort_pdf_document_keep       (StyrkortPdfDocument *doc, double height);
void     styrkort_pdf_document_space      (StyrkortPdfDocument *doc, double height);

/* Text at (x, y) of the current page in @size points, for the cover; returns
 * its height. Wraps at @width, @align a PangoAlignment. */
double   styrkort_pdf_document_text_at    (StyrkortPdfDocument *doc, double x, double y, double width,
                                           const char *text, double size, gboolean bold, int align);

/* A heading of @level 1 (a section: a new page) or 2, with a bookmark under
 * the last level-1 one and a destination for the table of contents. */
void     styrkort_pdf_document_heading    (StyrkortPdfDocument *doc, int level, const char *title);
/* The headings so far (StyrkortPdfHeading), in order. */
GArray  *styrkort_pdf_document_get_headings (StyrkortPdfDocument *doc);
/* A line of a table of contents linking to @heading, with its page number. */
void     styrkort_pdf_document_toc_entry  (StyrkortPdfDocument *doc, const StyrkortPdfHeading *heading);

/* A paragraph wrapped to the body's width; it breaks between pages leaving
 * no single line alone on either page. */
void     styrkort_pdf_document_paragraph  (StyrkortPdfDocument *doc, const char *text, StyrkortPdfTextStyle style);
/* The same, indented by @indent points. */
void     styrkort_pdf_document_paragraph_indented (StyrkortPdfDocument *doc, const char *text,
                                                   StyrkortPdfTextStyle style, double indent);

/* Tables: column widths as parts of the body's width (they are scaled to
 * sum 1); @numeric columns are right-aligned. The header row comes again on
 * every page the table continues on. A row that does not fit moves to the
 * next page; one taller than a page breaks between its lines. */
void     styrkort_pdf_document_table_begin (StyrkortPdfDocument *doc, guint n_columns, const double *widths,
                                            const gboolean *numeric, const char * const *header);
/* The type size of the table's rows (points); the header follows it. */
void     styrkort_pdf_document_table_set_font_size (StyrkortPdfDocument *doc, double size);
/* @fills: a background per cell (a negative red: none), or NULL; @bold, or NULL; @bold: the row in bold (a total). */
void     styrkort_pdf_document_table_row   (StyrkortPdfDocument *doc, const char * const *cells,
                                            const StyrkortRgb *fills, gboolean bold);
void     styrkort_pdf_document_table_end   (StyrkortPdfDocument *doc);

/* @chart drawn as vectors across the body's width, @height points tall;
 * the same chart again is placed from the same drawing. */
void     styrkort_pdf_document_chart      (StyrkortPdfDocument *doc, const StyrkortChart *chart, double height);
/* @chart drawn as vectors on a recording surface as wide as the body: any
 * thread may draw one (the charts while the text is laid out). */
cairo_surface_t *styrkort_pdf_chart_record (const StyrkortChart *chart, double height);
/* A drawing from styrkort_pdf_chart_record() placed like a chart (NULL in
 * a dry run is fine). */
void     styrkort_pdf_document_drawing    (StyrkortPdfDocument *doc, cairo_surface_t *drawing, double height);

G_END_DECLS
