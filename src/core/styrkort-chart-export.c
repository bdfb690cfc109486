/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts to PNG, SVG and PDF files: the same drawing onto other cairo surfaces. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "styrkort-chart.h"
#include "styrkort-types.h"

static gboolean
check_status (cairo_status_t status, const char *path, GError **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, STYRKORT_ERROR, STYRKORT_ERROR_IO, _("Could not write “%s”: %s"), name,
               cairo_status_to_string (status));
  return FALSE;
}

static void
draw_page (const StyrkortChart *chart, cairo_surface_t *surface, double width, double height, StyrkortChartMode mode)
{
  cairo_t *cr = cairo_create (surface);
  styrkort_chart_layout_free (styrkort_chart_draw (chart, cr, width, height, mode));
  cairo_show_page (cr);
  cairo_destroy (cr);
}

/* Writes to PATH.part and renames it over PATH when complete, so that a
 * failed export never leaves a broken file where a good one was. */
static gboolean
finish (cairo_surface_t *surface, const char *part, const char *path, GError **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_status (status, path, error))
    {
      g_remove (part);
      return FALSE;
    }
  if (g_rename (part, path) != 0)
    {
      g_remove (part);
      return check_status (CAIRO_STATUS_WRITE_ERROR, path, error);
    }
  return TRUE;
}

static gboolean
export_png (const StyrkortChart *chart, const char *path, double width, double height, StyrkortChartMode mode,
            GError **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cairo_status_t status;

  draw_page (chart, surface, width, height, mode);
  status = cairo_surface_write_to_png (surface, part);
  cairo_surface_destroy (surface);
  if (!check_status (status, path, error))
    {
      g_remove (part);
      return FALSE;
    }
  if (g_rename (part, path) != 0)
    return check_status (CAIRO_STATUS_WRITE_ERROR, path, error);
  return TRUE;
}

gboolean
styrkort_chart_export (const StyrkortChart *chart, const char *path, StyrkortExportFormat format,
                       double width, double height, StyrkortChartMode mode, GError **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_ptr_array_add (one, (gpointer) chart);
  if (format == STYRKORT_EXPORT_PNG)
    return export_png (chart, path, width, height, mode, error);
  return styrkort_chart_export_all (one, path, format, width, height, mode, error);
}

/* "slides.png" → "slides-03.png" */
static char *
numbered_path (const char *path, guint n)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strdup_printf ("%s-%02u", path, n);
  return g_strdup_printf ("%.*s-%02u%s", (int) (dot - path), path, n, dot);
}

gboolean
styrkort_chart_export_all (GPtrArray *charts, const char *path, StyrkortExportFormat format,
                           double width, double height, StyrkortChartMode mode, GError **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;

  if (format == STYRKORT_EXPORT_PDF)
    {
      /* PDF pages in points: a 1920×1080 chart becomes a 16:9 page. */
      surface = cairo_pdf_surface_create (part, width * 0.5, height * 0.5);
      cairo_surface_set_fallback_resolution (surface, 300, 300);
      for (guint i = 0; i < charts->len; i++)
        {
          cairo_t *cr = cairo_create (surface);
          cairo_scale (cr, 0.5, 0.5);
          styrkort_chart_layout_free (styrkort_chart_draw (charts->pdata[i], cr, width, height, mode));
          cairo_show_page (cr);
          cairo_destroy (cr);
        }
      return finish (surface, part, path, error);
    }
  for (guint i = 0; i < charts->len; i++)
    {
      g_autofree char *target = charts->len == 1 ? g_strdup (path) : numbered_path (path, i + 1);
      g_autofree char *target_part = g_strconcat (target, ".part", NULL);
      if (format == STYRKORT_EXPORT_PNG)
        {
          if (!export_png (charts->pdata[i], target, width, height, mode, error))
            return FALSE;
          continue;
        }
      surface = cairo_svg_surface_create (target_part, width, height);
      draw_page (charts->pdata[i], surface, width, height, mode);
      if (!finish (surface, target_part, target, error))
        return FALSE;
    }
  return TRUE;
}
