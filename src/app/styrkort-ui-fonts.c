/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The UI's fonts, loaded ahead. Measuring and drawing the first window's
 * text loads its fonts: matching them, opening the faces, hinting and
 * drawing each glyph at each size, about a quarter of the main thread's
 * work from GTK's start to the first complete frame. A worker thread does
 * that while libadwaita starts (loading its style sheet on the main
 * thread), into a font map of its own, with the text settings GTK's
 * widgets use; the main thread then takes the font map as its default, so
 * the window's labels find their fonts loaded. A font map is used by one
 * thread at a time: the main thread takes it only once the worker is done,
 * and does not wait for it (styrkort-ahead.c). */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "styrkort-ahead.h"
#include "styrkort-ui-fonts.h"

/* What decides which fonts a widget's text is set in. */
typedef struct {
  PangoFontDescription *font;
  cairo_font_options_t *options;
  double resolution;
  gboolean round_positions;
  PangoLanguage *language;
} TextSettings;

static StyrkortAhead *loading;
static TextSettings *loading_for;

static void
text_settings_free (TextSettings *settings)
{
  pango_font_description_free (settings->font);
  g_clear_pointer (&settings->options, cairo_font_options_destroy);
  g_free (settings);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TextSettings, text_settings_free)

static TextSettings *
text_settings_copy (const TextSettings *settings)
{
  TextSettings *copy = g_memdup2 (settings, sizeof *settings);

  copy->font = pango_font_description_copy (settings->font);
  copy->options = settings->options != NULL ? cairo_font_options_copy (settings->options) : NULL;
  return copy;
}

/* The settings of a label's text, as GTK gives them to every widget: the
 * UI font from the style, the font options and resolution of the display. */
static TextSettings *
widget_text_settings (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new (NULL));
  PangoContext *context = gtk_widget_create_pango_context (label);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  TextSettings *settings = g_new0 (TextSettings, 1);

  settings->font = pango_font_description_copy (pango_context_get_font_description (context));
  settings->options = options != NULL ? cairo_font_options_copy (options) : NULL;
  settings->resolution = pango_cairo_context_get_resolution (context);
  settings->round_positions = pango_context_get_round_glyph_positions (context);
  settings->language = pango_context_get_language (context);
  g_object_unref (context);
  return settings;
}

static gboolean
text_settings_equal (const TextSettings *a, const TextSettings *b)
{
  gboolean same_options = (a->options == NULL && b->options == NULL) ||
                          (a->options != NULL && b->options != NULL && cairo_font_options_equal (a->options, b->options));

  return same_options && pango_font_description_equal (a->font, b->font) && a->resolution == b->resolution &&
         a->round_positions == b->round_positions && a->language == b->language;
}

/* The sizes and weights of the first window's text: the UI font, bold (the
 * header bar's title, bold labels), "smaller" (the header bar's subtitle),
 * and libadwaita's type scale where the first pages use it: 9 pt bold
 * (caption-heading), 15 pt in 700 (title-3) and 800 (title-2). */
static const struct {
  PangoWeight weight;
  double points;  /* 0: the UI font's size times @scale */
  double scale;
} faces[] = {
  { PANGO_WEIGHT_NORMAL, 0, 1 },
  { PANGO_WEIGHT_BOLD, 0, 1 },
  { PANGO_WEIGHT_NORMAL, 0, 1 / 1.2 },
  { PANGO_WEIGHT_BOLD, 9, 0 },
  { PANGO_WEIGHT_BOLD, 15, 0 },
  { PANGO_WEIGHT_ULTRABOLD, 15, 0 },
};

/* Every letter of Swedish, digits, and the signs figures and titles use. */
static const char alphabet[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ abcdefghijklmnopqrstuvwxyzåäöéü "
  "0123456789 .,:;!?-–—%()/&…+−×·'’\"”»«§";

/* The font as GTK sets it from the style: an absolute size in pixels,
 * rounded to Pango units. */
static PangoFontDescription *
face_font (const TextSettings *settings, guint face)
{
  PangoFontDescription *font = pango_font_description_copy (settings->font);
  double size = pango_font_description_get_size (settings->font) / (double) PANGO_SCALE;

  if (!pango_font_description_get_size_is_absolute (settings->font))
    size *= settings->resolution / 72.0;
  size = faces[face].points > 0 ? faces[face].points * settings->resolution / 72.0 : size * faces[face].scale;
  pango_font_description_set_absolute_size (font, round (size * PANGO_SCALE));
  pango_font_description_set_weight (font, faces[face].weight);
  return font;
}

/* Measures and draws the alphabet in one face: the fonts are matched and
 * opened, each glyph hinted and its image kept in the font's cache. */
static void
load_face (PangoContext *context, const TextSettings *settings, guint face)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = face_font (settings, face);
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, alphabet, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  /* Glyphs outside the surface would not be drawn, nor their images made. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, MAX (width, 1), MAX (height, 1));
  cr = cairo_create (surface);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gpointer
load_fonts_thread (gpointer data)
{
  g_autoptr(TextSettings) settings = data;
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);

  pango_cairo_context_set_font_options (context, settings->options);
  pango_cairo_context_set_resolution (context, settings->resolution);
  pango_context_set_round_glyph_positions (context, settings->round_positions);
  pango_context_set_language (context, settings->language);
  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    load_face (context, settings, i);
  g_object_unref (context);
  return map;
}

void
styrkort_ui_fonts_load_ahead (void)
{
  g_return_if_fail (loading == NULL);
  loading_for = widget_text_settings ();
  loading = styrkort_ahead_start ("ui-fonts", load_fonts_thread, text_settings_copy (loading_for), g_object_unref);
}

gboolean
styrkort_ui_fonts_loaded (void)
{
  return loading != NULL && styrkort_ahead_finished (loading);
}

gboolean
styrkort_ui_fonts_use_loaded (void)
{
  g_autoptr(TextSettings) asked = g_steal_pointer (&loading_for);
  g_autoptr(PangoFontMap) map = loading != NULL ? styrkort_ahead_take (g_steal_pointer (&loading)) : NULL;
  g_autoptr(TextSettings) settings = NULL;

  if (map == NULL)
    return FALSE;
  settings = widget_text_settings ();
  if (!text_settings_equal (settings, asked))
    {
      g_debug ("The text settings changed while the UI fonts loaded: not used");
      return FALSE;
    }
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (map));
  return TRUE;
}
