/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Laid-out texts of a PDF document (StyrkortPdfDocument's private part):
 * each text shaped once by Pango and kept with its lines' metrics, shared by
 * the dry runs and the real one; and texts the caller knows are coming
 * shaped ahead in a thread while the document is laid out. */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct {
  PangoLayout *layout;
  int n_lines;
  double *tops;      /* per line, from the layout's top */
  double *bottoms;
  double *baselines;
  double *xs;        /* per line: its x offset (alignment) */
} StyrkortPdfBlock;

/* How a text is set: the key of its block. */
typedef struct {
  double width;      /* points */
  double size;
  gboolean bold;
  PangoAlignment align;
} StyrkortPdfSetting;

typedef struct _StyrkortPdfBlocks StyrkortPdfBlocks;

StyrkortPdfBlocks *styrkort_pdf_blocks_new   (void);
StyrkortPdfBlocks *styrkort_pdf_blocks_ref   (StyrkortPdfBlocks *blocks);
void               styrkort_pdf_blocks_unref (StyrkortPdfBlocks *blocks);

/* A context whose metrics do not depend on the surface or the thread. */
PangoContext      *styrkort_pdf_blocks_context (cairo_t *cr);

/* @text set as @setting, shaped with @context unless it was before. */
const StyrkortPdfBlock *styrkort_pdf_blocks_get (StyrkortPdfBlocks *blocks, PangoContext *context,
                                                  const char *text, const StyrkortPdfSetting *setting);

/* Starts shaping @texts (char*, each set as @settings[i]) in a thread; a
 * later get of one of them takes its block, or waits for the one being
 * shaped. The thread takes them from the last, towards the caller. */
void               styrkort_pdf_blocks_prepare (StyrkortPdfBlocks *blocks, GPtrArray *texts,
                                                GArray *settings);

/* Waits for the thread to end: after it, every layout is the caller's to draw. */
void               styrkort_pdf_blocks_wait    (StyrkortPdfBlocks *blocks);

double             styrkort_pdf_block_height (const StyrkortPdfBlock *b, int first, int last);
int                styrkort_pdf_block_fit    (const StyrkortPdfBlock *b, int first, double height);

G_END_DECLS
