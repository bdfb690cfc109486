/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The slide set: choosing and ordering it, exporting it, printing a handout. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-page.h"
#include "styrkort-chart-data.h"
#include "styrkort-meeting-brief.h"
#include "styrkort-slides.h"

#define SLIDE_WIDTH 1920
#define SLIDE_HEIGHT 1080

StyrkortExportFormat
styrkort_slides_format_for_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    return STYRKORT_EXPORT_PDF;
  if (g_str_has_suffix (lower, ".svg"))
    return STYRKORT_EXPORT_SVG;
  return STYRKORT_EXPORT_PNG;
}

GPtrArray *
styrkort_slides_new_for_meeting (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(StyrkortBrief) brief = styrkort_brief_new (project, period, NULL);
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  g_autofree char *period_text = styrkort_period_to_string (period);
  /* TRANSLATORS: the source line of the brief's slides: district · next meeting · period */
  g_autofree char *source = g_strdup_printf (_("%s · before the meeting on %s · figures of %s"),
                                             district ? district->name : "", brief->next_meeting, period_text);
  GPtrArray *slides = styrkort_brief_new_slides (brief, source);
  g_autoptr(GPtrArray) charts = styrkort_chart_new_slides (project, period);

  for (guint i = 0; i < charts->len; i++)
    g_ptr_array_add (slides, g_steal_pointer (&charts->pdata[i]));
  return slides;
}

static void
toast_on (GtkWindow *window, const char *text)
{
  /* Windows of ours have a toast overlay; dialogs of others do not. */
  GtkWidget *child = ADW_IS_APPLICATION_WINDOW (window) ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) : NULL;
  if (ADW_IS_TOAST_OVERLAY (child))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (child), styrkort_toast_new (text));
}

static GtkFileChooserNative *
save_chooser (GtkWindow *parent, const char *title, const char *suggested)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));
  const struct { const char *name, *pattern; } formats[] = {
    { N_("PNG image"), "*.png" }, { N_("PDF document"), "*.pdf" }, { N_("SVG image"), "*.svg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      /* The filter shown is the one of the suggested name (a .pdf is not shown as PNG). */
      if (g_str_has_suffix (suggested, formats[i].pattern + 1))
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  return chooser;
}

typedef struct {
  GtkWindow *parent;
  GPtrArray *charts;
  char *path;
  char *name;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->parent);
  g_ptr_array_unref (job->charts);
  g_free (job->path);
  g_free (job->name);
  g_free (job);
}

/* Drawing a few dozen slides into a PDF takes seconds: in a thread, from
 * the charts' own data (no GTK, no project). */
static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;

  if (styrkort_chart_export_all (job->charts, job->path, styrkort_slides_format_for_name (job->name),
                                 SLIDE_WIDTH, SLIDE_HEIGHT, STYRKORT_CHART_PROJECTED, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), job->name);
      toast_on (job->parent, text);
    }
  else
    toast_on (job->parent, error->message);
}

static void
export_to (ExportJob *job, GFile *file)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_exported_cb, NULL);

  job->path = g_file_get_path (file);
  job->name = g_file_get_basename (file);
  g_task_set_source_tag (task, export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response_cb (GtkNativeDialog *dialog, int response, ExportJob *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      export_to (job, file);
    }
  else
    export_job_free (job);
  g_object_unref (dialog);
}

void
styrkort_slides_export_charts_to (GtkWindow *parent, GPtrArray *charts, GFile *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->parent = g_object_ref (parent);
  job->charts = charts;
  export_to (job, file);
}

static void
start_export (GtkWindow *parent, GPtrArray *charts, const char *title, const char *suggested)
{
  GtkFileChooserNative *chooser = save_chooser (parent, title, suggested);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->parent = g_object_ref (parent);
  job->charts = charts;
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
styrkort_slides_export_charts (GtkWindow *parent, GPtrArray *charts, const char *suggested_name)
{
  start_export (parent, charts, _("Export Slides"), suggested_name);
}

/* "Styrkort-Södermalm-2026-T2": the slides' file name, without extension. */
static char *
slides_stem (StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (project);
  char *stem = g_strdup_printf ("Styrkort-%s-%d-T%d", district->name, period.year, period.tertial);

  return g_strdelimit (stem, "/\\:*?\"<>| ", '-');
}

void
styrkort_slides_export (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period)
{
  g_autofree char *stem = slides_stem (project, period);
  g_autofree char *name = g_strconcat (stem, ".pdf", NULL);

  start_export (parent, styrkort_slides_new_for_meeting (project, period), _("Export Slides"), name);
}

void
styrkort_slides_export_chart (GtkWindow *parent, const StyrkortChart *chart)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_chart_free);
  g_autofree char *name = g_strconcat (chart->title, ".png", NULL);

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  g_ptr_array_add (charts, styrkort_chart_copy (chart));
  start_export (parent, charts, _("Export Chart"), name);
}

/* Printing: one slide per landscape page ------------------------------------- */

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, GPtrArray *charts)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context), height = gtk_print_context_get_height (context);
  /* Laid out for the page's own shape, so that the chart fills the page
   * (a 16:9 slide scaled onto A4 left a third of it empty). */
  double scale = width / SLIDE_WIDTH;

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  styrkort_chart_layout_free (styrkort_chart_draw (charts->pdata[page], cr, SLIDE_WIDTH, height / scale,
                                                   STYRKORT_CHART_SCREEN));
  cairo_restore (cr);
}

void
styrkort_slides_print (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GPtrArray) charts = styrkort_slides_new_for_meeting (project, period);
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, charts->len);
  {
    /* "Print to File" suggests the district and period, not "output.pdf". */
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    g_autofree char *name = slides_stem (project, period);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
    gtk_print_operation_set_print_settings (operation, settings);
    gtk_print_operation_set_job_name (operation, name);
  }
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), charts);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_on (parent, error->message);
}

/* Choosing slides ----------------------------------------------------------- */

typedef struct {
  StyrkortProject *project;
  GtkWidget *list;
  GPtrArray *slides;   /* StyrkortSlide*, in shown order */
  GArray *chosen;      /* gboolean per slide */
} Chooser;

static void
chooser_free (Chooser *c)
{
  g_object_unref (c->project);
  g_ptr_array_unref (c->slides);
  g_array_unref (c->chosen);
  g_free (c);
}

static char *
slide_title (StyrkortProject *project, const StyrkortSlide *slide, StyrkortPeriod period)
{
  g_autoptr(StyrkortChart) chart = styrkort_chart_new_for_slide (project, slide, period);
  return g_strdup (chart ? chart->title : slide->kind);
}

static void fill_chooser (Chooser *c);

static void
on_check_toggled_cb (GtkCheckButton *check, Chooser *c)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "index"));
  g_array_index (c->chosen, gboolean, i) = gtk_check_button_get_active (check);
}

static void
on_move_clicked_cb (GtkButton *button, Chooser *c)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  guint j = i + delta;
  gpointer slide;
  gboolean chosen;

  if (j >= c->slides->len)
    return;
  slide = c->slides->pdata[i];
  c->slides->pdata[i] = c->slides->pdata[j];
  c->slides->pdata[j] = slide;
  chosen = g_array_index (c->chosen, gboolean, i);
  g_array_index (c->chosen, gboolean, i) = g_array_index (c->chosen, gboolean, j);
  g_array_index (c->chosen, gboolean, j) = chosen;
  fill_chooser (c);
}

static GtkWidget *
move_button (Chooser *c, guint i, int delta, const char *icon, const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_sensitive (button, (delta < 0 && i > 0) || (delta > 0 && i + 1 < c->slides->len));
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked_cb), c);
  return button;
}

static void
fill_chooser (Chooser *c)
{
  GtkWidget *child;
  StyrkortPeriod period = { 2000, 1 };

  while ((child = gtk_widget_get_first_child (c->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (c->list), child);
  for (guint i = 0; i < c->slides->len; i++)
    {
      StyrkortSlide *slide = c->slides->pdata[i];
      g_autofree char *title = slide_title (c->project, slide, period);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *kinds[][2] = { { "area-status", N_("Status of all areas") }, { "units", N_("Per unit") },
                                 { "trend", N_("Over time") }, { "gender", N_("Women and men") },
                                 { "goals", N_("Sub-goals") } };
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_equal (kinds[k][0], slide->kind))
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(kinds[k][1]));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_array_index (c->chosen, gboolean, i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (i));
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), c);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (c, i, -1, "go-up-symbolic", _("Move up")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (c, i, 1, "go-down-symbolic", _("Move down")));
      gtk_list_box_append (GTK_LIST_BOX (c->list), row);
    }
}

static gboolean
same_slide (const StyrkortSlide *a, const StyrkortSlide *b)
{
  return g_str_equal (a->kind, b->kind) && a->indicator_id == b->indicator_id && a->area_id == b->area_id;
}

/* Chosen slides first in their saved order (the default set until the
 * user has chosen), then the rest, unticked. */
static void
load_choice (Chooser *c)
{
  g_autoptr(GPtrArray) chosen = styrkort_project_list_slides (c->project);
  g_autoptr(GPtrArray) possible = styrkort_chart_list_possible_slides (c->project);

  if (chosen->len == 0)
    {
      g_ptr_array_unref (chosen);
      chosen = styrkort_chart_list_default_slides (c->project);
    }
  for (guint i = 0; i < chosen->len; i++)
    {
      gboolean yes = TRUE;
      g_ptr_array_add (c->slides, styrkort_slide_copy (chosen->pdata[i]));
      g_array_append_val (c->chosen, yes);
    }
  for (guint i = 0; i < possible->len; i++)
    {
      gboolean known = FALSE, no = FALSE;
      for (guint j = 0; j < c->slides->len && !known; j++)
        known = same_slide (possible->pdata[i], c->slides->pdata[j]);
      if (known)
        continue;
      g_ptr_array_add (c->slides, styrkort_slide_copy (possible->pdata[i]));
      g_array_append_val (c->chosen, no);
    }
}

static void
on_choose_response_cb (AdwMessageDialog *dialog, const char *response, Chooser *c)
{
  if (g_str_equal (response, "save"))
    {
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      for (guint i = 0; i < c->slides->len; i++)
        if (g_array_index (c->chosen, gboolean, i))
          g_ptr_array_add (chosen, c->slides->pdata[i]);
      if (!styrkort_project_set_slides (c->project, chosen, &error))
        toast_on (gtk_window_get_transient_for (GTK_WINDOW (dialog)), error->message);
    }
  chooser_free (c);
}

void
styrkort_slides_choose (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Slides for the Meeting"),
                                              _("Tick the charts to show, in the order to show them. "
                                                "The choice is saved in the district file."));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  Chooser *c = g_new0 (Chooser, 1);

  c->project = g_object_ref (project);
  c->list = gtk_list_box_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Slides for the Meeting"), -1);
  c->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_slide_free);
  c->chosen = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (c->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (c->list, "boxed-list");
  load_choice (c);
  fill_chooser (c);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), c->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 520, 420);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  if (styrkort_project_is_read_only (project))
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choose_response_cb), c);
  gtk_window_present (GTK_WINDOW (dialog));
}
