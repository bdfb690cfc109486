/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Laid-out texts of a PDF document; see the header. Shaping is most of the
 * cost of a long report, so texts known ahead (assessments, notes) are
 * shaped in a second thread, from the end of the document towards the
 * start, while the calling thread lays the document out from the start.
 *
 * Each text has a claim: waiting, being shaped (by either thread) or done.
 * A thread shapes only texts it claimed, so none is shaped twice; the
 * caller waits only for a text the helper is shaping right then. The
 * helper's layouts come from its own Pango context and font map (Pango's
 * are per thread); the caller reads only their metrics until the helper
 * has ended, and draws them after. */
#include "config.h"

#include <cairo-pdf.h>

#include "styrkort-pdf-blocks.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

/* From 1: a text without a claim (NULL) is none of these. */
typedef enum { CLAIM_WAITING = 1, CLAIM_SHAPING, CLAIM_DONE } Claim;

struct _StyrkortPdfBlocks {
  gatomicrefcount ref;
  GMutex lock;
  GCond shaped;
  GHashTable *blocks;   /* key → StyrkortPdfBlock*, done */
  GHashTable *claims;   /* key → Claim, of the texts given to the helper */
  GPtrArray *queue;     /* keys for the helper, in document order */
  GPtrArray *texts;     /* the queue's texts */
  GArray *settings;     /* the queue's settings */
  GThread *helper;
};

static char *
key_for (const char *text, const StyrkortPdfSetting *s)
{
  return g_strdup_printf ("%.2f|%.2f|%d|%d|%s", s->width, s->size, s->bold, s->align, text ? text : "");
}

static PangoFontDescription *
font_for (double size, gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

static StyrkortPdfBlock *
block_new (PangoContext *context, const char *text, const StyrkortPdfSetting *s)
{
  StyrkortPdfBlock *b = g_new0 (StyrkortPdfBlock, 1);
  g_autoptr(PangoFontDescription) font = font_for (s->size, s->bold);
  PangoLayoutIter *iter;
  int i = 0;

  b->layout = pango_layout_new (context);
  pango_layout_set_font_description (b->layout, font);
  pango_layout_set_width (b->layout, (int) (s->width * PANGO_SCALE));
  pango_layout_set_wrap (b->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (b->layout, s->align);
  pango_layout_set_text (b->layout, text ? text : "", -1);
  b->n_lines = pango_layout_get_line_count (b->layout);
  b->tops = g_new (double, b->n_lines);
  b->bottoms = g_new (double, b->n_lines);
  b->baselines = g_new (double, b->n_lines);
  b->xs = g_new (double, b->n_lines);
  iter = pango_layout_get_iter (b->layout);
  do
    {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      b->tops[i] = (double) logical.y / PANGO_SCALE;
      b->bottoms[i] = (double) (logical.y + logical.height) / PANGO_SCALE;
      b->baselines[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      b->xs[i] = (double) logical.x / PANGO_SCALE;
      i++;
    }
  while (i < b->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  b->n_lines = i;
  return b;
}

static void
block_free (StyrkortPdfBlock *b)
{
  g_clear_object (&b->layout);
  g_free (b->tops);
  g_free (b->bottoms);
  g_free (b->baselines);
  g_free (b->xs);
  g_free (b);
}

StyrkortPdfBlocks *
styrkort_pdf_blocks_new (void)
{
  StyrkortPdfBlocks *blocks = g_new0 (StyrkortPdfBlocks, 1);

  g_atomic_ref_count_init (&blocks->ref);
  g_mutex_init (&blocks->lock);
  g_cond_init (&blocks->shaped);
  blocks->blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) block_free);
  blocks->claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return blocks;
}

StyrkortPdfBlocks *
styrkort_pdf_blocks_ref (StyrkortPdfBlocks *blocks)
{
  g_atomic_ref_count_inc (&blocks->ref);
  return blocks;
}

void
styrkort_pdf_blocks_wait (StyrkortPdfBlocks *blocks)
{
  if (blocks->helper != NULL)
    g_thread_join (g_steal_pointer (&blocks->helper));
  g_clear_pointer (&blocks->queue, g_ptr_array_unref);
  g_clear_pointer (&blocks->texts, g_ptr_array_unref);
  g_clear_pointer (&blocks->settings, g_array_unref);
}

void
styrkort_pdf_blocks_unref (StyrkortPdfBlocks *blocks)
{
  if (blocks == NULL || !g_atomic_ref_count_dec (&blocks->ref))
    return;
  styrkort_pdf_blocks_wait (blocks);
  g_hash_table_unref (blocks->blocks);
  g_hash_table_unref (blocks->claims);
  g_mutex_clear (&blocks->lock);
  g_cond_clear (&blocks->shaped);
  g_free (blocks);
}

PangoContext *
styrkort_pdf_blocks_context (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  return pango_cairo_create_context (cr);
}

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

static gpointer
shape_ahead (gpointer data)
{
  StyrkortPdfBlocks *blocks = data;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = styrkort_pdf_blocks_context (cr);

  for (guint i = blocks->queue->len; i > 0; i--)
    {
      const char *key = blocks->queue->pdata[i - 1];
      StyrkortPdfBlock *b;

      g_mutex_lock (&blocks->lock);
      if (GPOINTER_TO_INT (g_hash_table_lookup (blocks->claims, key)) != CLAIM_WAITING)
        {
          g_mutex_unlock (&blocks->lock);
          continue;
        }
      g_hash_table_insert (blocks->claims, g_strdup (key), GINT_TO_POINTER (CLAIM_SHAPING));
      g_mutex_unlock (&blocks->lock);

      b = block_new (context, blocks->texts->pdata[i - 1], &g_array_index (blocks->settings, StyrkortPdfSetting, i - 1));

      g_mutex_lock (&blocks->lock);
      g_hash_table_insert (blocks->blocks, g_strdup (key), b);
      g_hash_table_insert (blocks->claims, g_strdup (key), GINT_TO_POINTER (CLAIM_DONE));
      g_cond_broadcast (&blocks->shaped);
      g_mutex_unlock (&blocks->lock);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return NULL;
}

void
styrkort_pdf_blocks_prepare (StyrkortPdfBlocks *blocks, GPtrArray *texts, GArray *settings)
{
  g_return_if_fail (blocks->helper == NULL);
  g_return_if_fail (texts->len == settings->len);

  blocks->queue = g_ptr_array_new_with_free_func (g_free);
  blocks->texts = g_ptr_array_ref (texts);
  blocks->settings = g_array_ref (settings);
  for (guint i = 0; i < texts->len; i++)
    {
      char *key = key_for (texts->pdata[i], &g_array_index (settings, StyrkortPdfSetting, i));
      g_ptr_array_add (blocks->queue, key);
      if (!g_hash_table_contains (blocks->blocks, key))
        g_hash_table_insert (blocks->claims, g_strdup (key), GINT_TO_POINTER (CLAIM_WAITING));
    }
  blocks->helper = g_thread_new ("pdf-shaping", shape_ahead, blocks);
}

/* Under the lock: the block of @key, once the helper is not shaping it;
 * NULL when the caller is to shape it (claimed for the caller). */
static StyrkortPdfBlock *
take_or_claim (StyrkortPdfBlocks *blocks, const char *key)
{
  StyrkortPdfBlock *b;

  while ((b = g_hash_table_lookup (blocks->blocks, key)) == NULL &&
         GPOINTER_TO_INT (g_hash_table_lookup (blocks->claims, key)) == CLAIM_SHAPING)
    g_cond_wait (&blocks->shaped, &blocks->lock);
  if (b == NULL && g_hash_table_contains (blocks->claims, key))
    g_hash_table_insert (blocks->claims, g_strdup (key), GINT_TO_POINTER (CLAIM_SHAPING));
  return b;
}

const StyrkortPdfBlock *
styrkort_pdf_blocks_get (StyrkortPdfBlocks *blocks, PangoContext *context, const char *text,
                         const StyrkortPdfSetting *setting)
{
  g_autofree char *key = key_for (text, setting);
  StyrkortPdfBlock *b;

  g_mutex_lock (&blocks->lock);
  b = take_or_claim (blocks, key);
  g_mutex_unlock (&blocks->lock);
  if (b != NULL)
    return b;

  b = block_new (context, text, setting);
  g_mutex_lock (&blocks->lock);
  if (g_hash_table_contains (blocks->claims, key))
    g_hash_table_insert (blocks->claims, g_strdup (key), GINT_TO_POINTER (CLAIM_DONE));
  g_hash_table_insert (blocks->blocks, g_steal_pointer (&key), b);
  g_mutex_unlock (&blocks->lock);
  return b;
}

/* The height of lines @first..@last - 1. */
double
styrkort_pdf_block_height (const StyrkortPdfBlock *b, int first, int last)
{
  return last > first ? b->bottoms[last - 1] - b->tops[first] : 0;
}

/* How many lines from @first fit in @height. */
int
styrkort_pdf_block_fit (const StyrkortPdfBlock *b, int first, double height)
{
  int last = first;
  while (last < b->n_lines && styrkort_pdf_block_height (b, first, last + 1) <= height + 0.01)
    last++;
  return last - first;
}
