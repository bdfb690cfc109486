/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stadsöversikt: the central office's window over many districts' workbooks.
 * It shows, for a chosen period, each district's value per indicator beside
 * the city value (by the indicator's rule), the districts ranked, their
 * trends, and the districts × areas status matrix. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "styrkort-page.h"
#include "styrkort-chart-view.h"
#include "styrkort-city-window.h"
#include "styrkort-figure-rules.h"
#include "styrkort-number.h"
#include "styrkort-projector.h"
#include "styrkort-reading.h"
#include "styrkort-slides.h"

struct _StyrkortCityWindow {
  AdwApplicationWindow parent_instance;
  AdwToastOverlay *toasts;
  AdwWindowTitle *title;
  GtkWidget *stack;
  GtkWidget *period_dropdown;
  GtkWidget *indicator_dropdown;
  GtkWidget *district_dropdown;  /* the district picked out in the trend */
  GPtrArray *district_names;     /* its choices after the first ("none") */
  GtkWidget *messages_group;
  GtkWidget *messages_list;
  GtkWidget *table;
  int sort_column;               /* the indicator the table is sorted by, -1: by name */
  gboolean sort_reversed;        /* clicked twice: the other way round */
  GtkWidget *footnotes;        /* under the table: what each city value marked * lacks */
  GtkWidget *sources_row;      /* AdwExpanderRow: the districts' files, each with Remove */
  GPtrArray *source_rows;      /* GtkWidget*: the rows in sources_row */
  GtkWidget *ranking, *trend, *status;
  GtkWidget *reading_bar;      /* revealed while files are read */
  GtkWidget *reading_progress;
  GCancellable *reading;       /* NULL when no files are being read */
  StyrkortCity *city;
  GArray *periods;
  GPtrArray *codes;
  GPtrArray *messages;
};

G_DEFINE_FINAL_TYPE (StyrkortCityWindow, styrkort_city_window, ADW_TYPE_APPLICATION_WINDOW)

static StyrkortPeriod
current_period (StyrkortCityWindow *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->period_dropdown));
  StyrkortPeriod none = { 0, 0 };
  return i < self->periods->len ? g_array_index (self->periods, StyrkortPeriod, i) : none;
}

static const char *
current_code (StyrkortCityWindow *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->indicator_dropdown));
  return i < self->codes->len ? self->codes->pdata[i] : "turnover";
}

static void
add_message (StyrkortCityWindow *self, const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_list_box_append (GTK_LIST_BOX (self->messages_list), row);
  gtk_widget_set_visible (self->messages_group, TRUE);
  g_ptr_array_add (self->messages, g_strdup (text));
}

static char *
format_total (StyrkortCityWindow *self, const char *code, StyrkortTotal t)
{
  StyrkortIndicator ind = { .code = (char *) code, .measure = styrkort_city_indicator_measure (self->city, code) };
  return styrkort_format_total (&ind, &t, styrkort_number_style_for_locale ());
}

static GtkWidget *
cell_label (const char *text, gboolean bold, gfloat xalign)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void fill_table (StyrkortCityWindow *self, StyrkortPeriod period);

static GPtrArray *
sorted_districts (StyrkortCityWindow *self, StyrkortPeriod period)
{
  if (self->sort_column < 0 || (guint) self->sort_column >= self->codes->len)
    return styrkort_city_list_districts (self->city);
  return styrkort_city_rank_districts (self->city, self->codes->pdata[self->sort_column], period, self->sort_reversed);
}

static void
on_sort_clicked_cb (GtkButton *button, StyrkortCityWindow *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "column"));

  self->sort_reversed = column == self->sort_column ? !self->sort_reversed : FALSE;
  self->sort_column = column;
  fill_table (self, current_period (self));
}

/* A column heading that sorts the table by its indicator when clicked. */
static GtkWidget *
sort_heading (StyrkortCityWindow *self, guint column)
{
  const char *name = styrkort_city_indicator_name (self->city, self->codes->pdata[column]);
  gboolean sorted = self->sort_column == (int) column;
  g_autofree char *text = sorted ? g_strdup_printf ("%s %s", name, self->sort_reversed ? "▲" : "▼") : g_strdup (name);
  g_autofree char *tip = g_strdup_printf (_("Sort the districts by %s"), name);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = cell_label (text, TRUE, 1);

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  g_object_set_data (G_OBJECT (button), "column", GINT_TO_POINTER (column));
  g_signal_connect (button, "clicked", G_CALLBACK (on_sort_clicked_cb), self);
  return button;
}

/* Districts × indicators for the period, and the city row. */
static void
fill_table (StyrkortCityWindow *self, StyrkortPeriod period)
{
  g_autoptr(GPtrArray) districts = sorted_districts (self, period);
  GtkWidget *child;

  g_autoptr(GString) notes = g_string_new (NULL);

  while ((child = gtk_widget_get_first_child (self->table)) != NULL)
    gtk_grid_remove (GTK_GRID (self->table), child);
  gtk_grid_attach (GTK_GRID (self->table), cell_label (_("District"), TRUE, 0), 0, 0, 1, 1);
  for (guint c = 0; c < self->codes->len; c++)
    gtk_grid_attach (GTK_GRID (self->table), sort_heading (self, c), c + 1, 0, 1, 1);
  for (guint d = 0; d <= districts->len; d++)
    {
      gboolean city_row = d == districts->len;
      gtk_grid_attach (GTK_GRID (self->table), cell_label (city_row ? _("City") : districts->pdata[d], city_row, 0),
                       0, d + 1, 1, 1);
      for (guint c = 0; c < self->codes->len; c++)
        {
          const char *code = self->codes->pdata[c];
          StyrkortTotal t = city_row ? styrkort_city_total (self->city, code, period)
                                     : styrkort_city_district_total (self->city, districts->pdata[d], code, period);
          g_autofree char *text = format_total (self, code, t);
          GtkWidget *label = cell_label (text, city_row, 1);
          g_autofree char *why = isnan (t.value) ? NULL : styrkort_total_explain (&t, city_row);
          if (city_row)
            {
              /* Every city value says what it rests on: "13 of 14 districts; missing: …". */
              g_autoptr(GPtrArray) missing = styrkort_city_missing_districts (self->city, code, period);
              g_autofree char *coverage = styrkort_city_coverage (self->city, code, period);
              g_autofree char *tip = why ? g_strdup_printf ("%s\n%s", coverage, why) : g_strdup (coverage);
              gtk_widget_set_tooltip_text (label, tip);
              if (missing->len > 0)
                g_string_append_printf (notes, "%s* %s: %s", notes->len ? "\n" : "",
                                        styrkort_city_indicator_name (self->city, code), coverage);
            }
          else
            gtk_widget_set_tooltip_text (label, why);
          gtk_grid_attach (GTK_GRID (self->table), label, c + 1, d + 1, 1, 1);
        }
    }
  gtk_label_set_text (GTK_LABEL (self->footnotes), notes->str);
  gtk_widget_set_visible (self->footnotes, notes->len > 0);
}

/* The districts' files -------------------------------------------------------- */

/* When a file was exported, in the user's time zone: "2026-05-04 14:02". */
static char *
local_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = iso ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  if (local == NULL)
    return g_strdup (iso && *iso ? iso : _("unknown time"));
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void fill_periods (StyrkortCityWindow *self);
static void refresh (StyrkortCityWindow *self);
static void on_selection_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, StyrkortCityWindow *self);

static void
on_remove_source_cb (GtkButton *button, StyrkortCityWindow *self)
{
  StyrkortCitySource *source = g_object_get_data (G_OBJECT (button), "source");

  /* Only a source the city still has: the list is rebuilt after each change. */
  if (!g_ptr_array_find (styrkort_city_get_sources (self->city), source, NULL))
    return;
  styrkort_city_remove (self->city, source);
  fill_periods (self);
  refresh (self);
}

static void
fill_sources (StyrkortCityWindow *self)
{
  GPtrArray *sources = styrkort_city_get_sources (self->city);
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u district", "%u districts", sources->len), sources->len);

  for (guint i = 0; i < self->source_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self->sources_row), self->source_rows->pdata[i]);
  g_ptr_array_set_size (self->source_rows, 0);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->sources_row), subtitle);
  for (guint i = 0; i < sources->len; i++)
    {
      StyrkortCitySource *source = sources->pdata[i];
      g_autofree char *name = g_filename_display_basename (source->path);
      g_autofree char *when = local_time (source->exported);
      g_autofree char *detail = g_strdup_printf ("%s · %s", name, when);
      /* TRANSLATORS: tooltip of a district's remove button in the city overview */
      g_autofree char *remove = g_strdup_printf (_("Remove “%s” from the Overview"), source->district);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source->district);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
      g_object_set_data (G_OBJECT (button), "source", source);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_source_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->sources_row), row);
      g_ptr_array_add (self->source_rows, row);
    }
}

/* The districts to pick one out of, kept picked by name when the list changes. */
static void
fill_districts (StyrkortCityWindow *self)
{
  g_autoptr(GPtrArray) districts = styrkort_city_list_districts (self->city);
  g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char *[]) { _("No district picked out"), NULL });
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->district_dropdown)), keep = 0;
  const char *picked = selected > 0 && selected <= self->district_names->len ? self->district_names->pdata[selected - 1]
                                                                               : NULL;
  gboolean same = districts->len == self->district_names->len;

  for (guint i = 0; same && i < districts->len; i++)
    same = g_str_equal (districts->pdata[i], self->district_names->pdata[i]);
  if (same)
    return;
  for (guint i = 0; i < districts->len; i++)
    {
      gtk_string_list_append (labels, districts->pdata[i]);
      if (picked != NULL && g_str_equal (picked, districts->pdata[i]))
        keep = i + 1;
    }
  g_ptr_array_set_size (self->district_names, 0);
  for (guint i = 0; i < districts->len; i++)
    g_ptr_array_add (self->district_names, g_strdup (districts->pdata[i]));
  g_signal_handlers_block_by_func (self->district_dropdown, on_selection_changed_cb, self);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->district_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->district_dropdown), keep);
  g_signal_handlers_unblock_by_func (self->district_dropdown, on_selection_changed_cb, self);
}

static void
refresh (StyrkortCityWindow *self)
{
  StyrkortPeriod period = current_period (self);
  guint n = styrkort_city_get_sources (self->city)->len;
  g_autofree char *subtitle = g_strdup_printf (_("Districts: %u"), n);

  adw_window_title_set_subtitle (self->title, subtitle);
  fill_sources (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), n > 0 ? "city" : "empty");
  if (n == 0 || period.year == 0)
    return;
  fill_table (self, period);
  fill_districts (self);
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->ranking),
                                 styrkort_city_chart_ranking (self->city, current_code (self), period));
  {
    StyrkortChart *trend = styrkort_city_chart_trend (self->city, current_code (self), period, 9);
    /* The trend's series: the city line, then the districts in the list's order. */
    trend->highlight = (int) gtk_drop_down_get_selected (GTK_DROP_DOWN (self->district_dropdown));
    if (trend->highlight == 0 || trend->highlight == (int) GTK_INVALID_LIST_POSITION)
      trend->highlight = -1;
    styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->trend), trend);
  }
  styrkort_chart_view_set_chart (STYRKORT_CHART_VIEW (self->status), styrkort_city_chart_status (self->city, period));
}

static void
fill_periods (StyrkortCityWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->periods, g_array_unref);
  self->periods = styrkort_city_list_periods (self->city);
  for (guint i = 0; i < self->periods->len; i++)
    {
      StyrkortPeriod p = g_array_index (self->periods, StyrkortPeriod, i);
      g_autofree char *label = styrkort_period_to_string (p);
      gtk_string_list_append (labels, label);
      if (p.tertial == 2)
        selected = i; /* the latest T2: what the central office reports on */
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->period_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_dropdown), selected);
}

/* Adding files ----------------------------------------------------------------- */

/* A district that came from two files: the one the city had, and the one added. */
typedef struct {
  StyrkortCitySource *kept, *added;
} Duplicate;

typedef struct {
  StyrkortCityWindow *window;
  GArray *pairs;               /* Duplicate */
} Duplicates;

static void
on_duplicate_response_cb (AdwMessageDialog *dialog, const char *response, Duplicates *dups)
{
  GPtrArray *sources = styrkort_city_get_sources (dups->window->city);

  for (guint i = 0; i < dups->pairs->len; i++)
    {
      Duplicate *pair = &g_array_index (dups->pairs, Duplicate, i);
      StyrkortCitySource *drop = g_str_equal (response, "first") ? pair->added : pair->kept;
      if (g_ptr_array_find (sources, drop, NULL))
        styrkort_city_remove (dups->window->city, drop);
    }
  fill_periods (dups->window);
  refresh (dups->window);
  g_array_unref (dups->pairs);
  g_free (dups);
}

/* Districts that came from two files: one question for all of them, with
 * when each file was exported in the user's own time. */
static void
ask_which (StyrkortCityWindow *self, GArray *pairs)
{
  Duplicates *dups = g_new0 (Duplicates, 1);
  Duplicate *first = &g_array_index (pairs, Duplicate, 0);
  g_autofree char *a = g_filename_display_basename (first->kept->path);
  g_autofree char *b = g_filename_display_basename (first->added->path);
  g_autofree char *when_a = local_time (first->kept->exported), *when_b = local_time (first->added->exported);
  g_autofree char *keep_a = NULL, *keep_b = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (pairs->len == 1)
    {
      g_string_printf (body, _("“%s” and “%s” both hold %s (exported %s and %s). Which one should be used?"),
                       a, b, first->kept->district, when_a, when_b);
      keep_a = g_strdup_printf (_("Use “%s”"), a);
      keep_b = g_strdup_printf (_("Use “%s”"), b);
    }
  else
    {
      g_string_append (body, _("These districts are each in two files. Which files should be used?"));
      for (guint i = 0; i < pairs->len; i++)
        {
          Duplicate *pair = &g_array_index (pairs, Duplicate, i);
          g_autofree char *x = g_filename_display_basename (pair->kept->path);
          g_autofree char *y = g_filename_display_basename (pair->added->path);
          g_autofree char *when_x = local_time (pair->kept->exported), *when_y = local_time (pair->added->exported);
          g_string_append (body, "\n\n");
          /* TRANSLATORS: district: the file already added (its time), the file added now (its time) */
          g_string_append_printf (body, _("%s: “%s” (%s) or “%s” (%s)"), pair->kept->district, x, when_x, y, when_y);
        }
      keep_a = g_strdup (_("Keep the Files Already Added"));
      keep_b = g_strdup (_("Use the Added Files"));
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Same District Twice"), body->str);
  dups->window = self;
  dups->pairs = g_array_ref (pairs);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "first", keep_a, "second", keep_b, NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "second");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "second");
  g_signal_connect (dialog, "response", G_CALLBACK (on_duplicate_response_cb), dups);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What one file brought: its source joins the city, or its error is shown.
 * A file the city already has (the same path, or the same bytes under
 * another name) changes nothing and is passed over; another file for a
 * district the city has is noted in @pairs, to be asked about once. */
static void
take_read (StyrkortCityWindow *self, StyrkortCityFileRead *read, GArray *pairs)
{
  StyrkortCitySource *source = g_steal_pointer (&read->source), *other;

  if (source == NULL)
    {
      add_message (self, read->error->message);
      return;
    }
  if (styrkort_city_find_same_file (self->city, source) != NULL)
    {
      styrkort_city_source_free (source);
      return;
    }
  styrkort_city_take_source (self->city, source);
  for (guint i = 0; i < source->problems->len; i++)
    add_message (self, source->problems->pdata[i]);
  other = styrkort_city_find_duplicate (self->city, source);
  if (other != NULL)
    {
      Duplicate pair = { other, source };
      g_array_append_val (pairs, pair);
    }
}

static void
set_reading (StyrkortCityWindow *self, gboolean reading)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->reading_bar), reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "city.add", !reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "city.add-folder", !reading);
  if (reading)
    {
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->reading_progress), 0);
      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->reading_progress), _("Reading the workbooks…"));
    }
  else
    g_clear_object (&self->reading);
}

static void
on_read_progress_cb (guint done, guint total, gpointer data)
{
  StyrkortCityWindow *self = data;
  g_autofree char *text = g_strdup_printf (_("Read %u of %u files"), done, total);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->reading_progress), total ? (double) done / total : 1);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->reading_progress), text);
}

static void
on_files_read_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr(StyrkortCityWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reads = styrkort_city_read_finish (result, &error);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Duplicate));

  if (reads == NULL)
    {
      /* Cancelled; when the window is closing, reading is already NULL. */
      if (self->reading != NULL)
        {
          set_reading (self, FALSE);
          adw_toast_overlay_add_toast (self->toasts, styrkort_toast_new (_("Reading was cancelled: nothing was added.")));
        }
      return;
    }
  set_reading (self, FALSE);
  for (guint i = 0; i < reads->len; i++)
    take_read (self, reads->pdata[i], pairs);
  fill_periods (self);
  refresh (self);
  if (pairs->len > 0)
    ask_which (self, pairs);
}

/* The files are read in a worker thread (styrkort-reading.c): the window
 * shows how far it has come and can be cancelled. */
void
styrkort_city_window_add_files (StyrkortCityWindow *self, GListModel *files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  if (self->reading != NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  self->reading = g_cancellable_new ();
  set_reading (self, TRUE);
  styrkort_city_read_async (self->city, (const char * const *) paths, on_read_progress_cb, self, self->reading,
                            on_files_read_cb, g_object_ref (self));
}

gboolean
styrkort_city_window_is_reading (StyrkortCityWindow *self)
{
  return self->reading != NULL;
}

static void
on_cancel_reading_cb (GtkButton *button, StyrkortCityWindow *self)
{
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
}

static void
on_files_chosen_cb (GtkNativeDialog *dialog, int response, StyrkortCityWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      styrkort_city_window_add_files (self, files);
    }
  g_object_unref (dialog);
}

static void
add_files_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add District Workbooks"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("District workbooks and files"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.styrkort");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_files_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_folder_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add a Folder of Workbooks"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Add"),
                                                               _("_Cancel"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_files_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Commands ------------------------------------------------------------------------ */

static void
present_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortCityWindow *self = STYRKORT_CITY_WINDOW (widget);
  GtkWidget *projector;

  if (styrkort_city_get_sources (self->city)->len == 0)
    return;
  projector = styrkort_projector_new_for_charts (styrkort_city_slides (self->city, current_period (self)));
  gtk_window_set_transient_for (GTK_WINDOW (projector), GTK_WINDOW (self));
  gtk_window_fullscreen (GTK_WINDOW (projector));
  gtk_window_present (GTK_WINDOW (projector));
}

static void
export_slides_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortCityWindow *self = STYRKORT_CITY_WINDOW (widget);
  StyrkortPeriod p = current_period (self);
  g_autofree char *name = styrkort_city_file_name (p, "pdf");
  styrkort_slides_export_charts (GTK_WINDOW (self), styrkort_city_slides (self->city, p), name);
}

static void
on_export_chosen_cb (GtkNativeDialog *dialog, int response, StyrkortCityWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      if (styrkort_city_export (self->city, current_period (self), path, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
          adw_toast_overlay_add_toast (self->toasts, styrkort_toast_new (text));
        }
      else
        adw_toast_overlay_add_toast (self->toasts, styrkort_toast_new (error->message));
    }
  g_object_unref (dialog);
}

static void
export_workbook_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  StyrkortCityWindow *self = STYRKORT_CITY_WINDOW (widget);
  StyrkortPeriod p = current_period (self);
  g_autofree char *name = styrkort_city_file_name (p, "xlsx");
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export City Workbook"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Building the window -------------------------------------------------------------- */

static void
on_selection_changed_cb (GtkDropDown *dropdown, GParamSpec *pspec, StyrkortCityWindow *self)
{
  refresh (self);
}

static GtkWidget *
header_button (const char *icon, const char *label, const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  gtk_widget_set_tooltip_text (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
chart (int height)
{
  GtkWidget *view = styrkort_chart_view_new (STYRKORT_CHART_SCREEN);
  gtk_widget_set_size_request (view, -1, height);
  gtk_widget_add_css_class (view, "chart-card");
  return view;
}

static GtkWidget *
build_content (StyrkortCityWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *values = adw_preferences_group_new ();

  self->messages_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->messages_group), _("Messages"));
  self->messages_list = gtk_list_box_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->messages_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Messages"), -1);
  gtk_widget_add_css_class (self->messages_list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->messages_list), GTK_SELECTION_NONE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->messages_group), self->messages_list);
  gtk_widget_set_visible (self->messages_group, FALSE);
  gtk_box_append (GTK_BOX (box), self->messages_group);

  {
    GtkWidget *group = adw_preferences_group_new ();
    GtkWidget *list = gtk_list_box_new ();
    self->sources_row = adw_expander_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sources_row), _("Districts’ Workbooks"));
    gtk_widget_add_css_class (list, "boxed-list");
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Districts’ Workbooks"), -1);
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_list_box_append (GTK_LIST_BOX (list), self->sources_row);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
    gtk_box_append (GTK_BOX (box), group);
  }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (values), _("Districts and the City"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (values),
                                         _("The city value follows each indicator’s rule: rates are all numerators over all "
                                           "denominators, counts are summed."));
  self->table = gtk_grid_new ();
  self->sort_column = -1;
  gtk_widget_set_name (self->table, "city-table");
  gtk_grid_set_column_spacing (GTK_GRID (self->table), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->table), 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (values), self->table);
  self->footnotes = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->footnotes), 0);
  gtk_label_set_wrap (GTK_LABEL (self->footnotes), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->footnotes), TRUE);
  gtk_widget_add_css_class (self->footnotes, "dim-label");
  gtk_widget_set_margin_top (self->footnotes, 12);
  gtk_widget_set_visible (self->footnotes, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (values), self->footnotes);
  gtk_box_append (GTK_BOX (box), values);
  {
    GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_box_append (GTK_BOX (choices), self->indicator_dropdown);
    gtk_box_append (GTK_BOX (choices), self->district_dropdown);
    gtk_box_append (GTK_BOX (box), choices);
  }
  self->ranking = chart (460);
  self->trend = chart (420);
  self->status = chart (520);
  gtk_box_append (GTK_BOX (box), self->ranking);
  gtk_box_append (GTK_BOX (box), self->trend);
  {
    /* The rule that makes one status of an area's operations, said where it is used. */
    GtkWidget *rule = gtk_label_new (_("An area shows “Needs attention” when any of the district’s operations needs "
                                       "attention, otherwise the least advanced status among its operations. Point at "
                                       "a cell to see the operations."));
    gtk_label_set_wrap (GTK_LABEL (rule), TRUE);
    gtk_label_set_xalign (GTK_LABEL (rule), 0);
    gtk_widget_add_css_class (rule, "dim-label");
    gtk_widget_set_name (rule, "status-rule");
    gtk_box_append (GTK_BOX (box), rule);
  }
  gtk_box_append (GTK_BOX (box), self->status);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  /* Wide enough for a projector's 1920 px, so long district names need not wrap. */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1840);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scrolled;
}

static void
styrkort_city_window_dispose (GObject *object)
{
  StyrkortCityWindow *self = STYRKORT_CITY_WINDOW (object);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->city, styrkort_city_free);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->district_names, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (styrkort_city_window_parent_class)->dispose (object);
}

/* The overview's own keys, beside the district window's in the same file. */
static void
shortcuts_action (GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/se/styrkort/Styrkort/styrkort-shortcuts.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "city_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
styrkort_city_window_class_init (StyrkortCityWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_city_window_dispose;
  gtk_widget_class_install_action (widget_class, "city.add", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "city.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "city.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "city.export-slides", NULL, export_slides_action);
  gtk_widget_class_install_action (widget_class, "city.export-workbook", NULL, export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "city.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "city.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "city.export-workbook", NULL);
}

static GtkWidget *
reading_bar_new (StyrkortCityWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->reading_progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->reading_progress), TRUE);
  gtk_widget_set_hexpand (self->reading_progress, TRUE);
  gtk_widget_set_valign (self->reading_progress, GTK_ALIGN_CENTER);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_reading_cb), self);
  gtk_box_append (GTK_BOX (box), self->reading_progress);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  self->reading_bar = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->reading_bar), box);
  return self->reading_bar;
}

static void
styrkort_city_window_init (StyrkortCityWindow *self)
{
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Workbooks…"));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->city = styrkort_city_new (NULL);
  self->codes = styrkort_city_list_codes (self->city);
  self->messages = g_ptr_array_new_with_free_func (g_free);
  self->source_rows = g_ptr_array_new ();
  self->periods = g_array_new (FALSE, FALSE, sizeof (StyrkortPeriod));
  for (guint i = 0; i < self->codes->len; i++)
    gtk_string_list_append (names, styrkort_city_indicator_name (self->city, self->codes->pdata[i]));
  self->indicator_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_halign (self->indicator_dropdown, GTK_ALIGN_START);
  gtk_widget_set_name (self->indicator_dropdown, "indicator");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->indicator_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Indicator"), -1);
  self->period_dropdown = gtk_drop_down_new_from_strings ((const char *[]) { NULL });
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Period"), -1);
  g_signal_connect (self->period_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->indicator_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  self->district_names = g_ptr_array_new_with_free_func (g_free);
  self->district_dropdown = gtk_drop_down_new_from_strings ((const char *[]) { _("No district picked out"), NULL });
  gtk_widget_set_name (self->district_dropdown, "district-picked-out");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->district_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("District picked out in the trend"), -1);
  g_signal_connect (self->district_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("City Overview"), ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), header_button ("list-add-symbolic", _("Add Workbooks (Ctrl+O)"), "city.add"));
  g_menu_append (menu, _("Add a _Folder of Workbooks…"), "city.add-folder");
  g_menu_append (menu, _("Export City _Workbook…"), "city.export-workbook");
  g_menu_append (menu, _("E_xport Slides…"), "city.export-slides");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           header_button ("x-office-presentation-symbolic", _("Present Charts (F5)"), "city.present"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->period_dropdown);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("City Overview"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add the districts’ T2 workbooks (or a folder of them) to compare the districts "
                                     "and compute the city’s figures."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "city.add");
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    GtkWidget *folder = gtk_button_new_with_mnemonic (_("Add a _Folder…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "city.add-folder");
    gtk_widget_add_css_class (folder, "pill");
    gtk_widget_set_halign (folder, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (buttons), add);
    gtk_box_append (GTK_BOX (buttons), folder);
    adw_status_page_set_child (ADW_STATUS_PAGE (empty), buttons);
  }

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), build_content (self), "city");
  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), reading_bar_new (self));
  gtk_box_append (GTK_BOX (view), self->stack);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, view);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (self->toasts));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 760);
  gtk_window_set_title (GTK_WINDOW (self), _("City Overview"));
}

StyrkortCityWindow *
styrkort_city_window_new (GtkApplication *app)
{
  StyrkortCityWindow *self = g_object_new (STYRKORT_TYPE_CITY_WINDOW, "application", app, NULL);

  /* Fourteen districts × nine indicators want the whole screen: it opens
   * maximised rather than opening small and then growing with its table. */
  gtk_window_maximize (GTK_WINDOW (self));
  return self;
}

StyrkortCity *
styrkort_city_window_get_city (StyrkortCityWindow *self)
{
  return self->city;
}

GPtrArray *
styrkort_city_window_get_messages (StyrkortCityWindow *self)
{
  return self->messages;
}
