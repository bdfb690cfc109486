/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city overview's districts' files: the list with Remove, and adding files read in a worker thread. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-city-window-private.h"
#include "styrkort-page.h"
#include "styrkort-reading.h"

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

static void
on_remove_source_cb (GtkButton *button, StyrkortCityWindow *self)
{
  StyrkortCitySource *source = g_object_get_data (G_OBJECT (button), "source");

  /* Only a source the city still has: the list is rebuilt after each change. */
  if (!g_ptr_array_find (styrkort_city_get_sources (self->city), source, NULL))
    return;
  styrkort_city_remove (self->city, source);
  _styrkort_city_window_fill_periods (self);
  _styrkort_city_window_refresh (self);
}

void
_styrkort_city_window_fill_sources (StyrkortCityWindow *self)
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
  _styrkort_city_window_fill_periods (dups->window);
  _styrkort_city_window_refresh (dups->window);
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
  _styrkort_city_window_fill_periods (self);
  _styrkort_city_window_refresh (self);
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

GtkWidget *
_styrkort_city_window_reading_bar_new (StyrkortCityWindow *self)
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

void
_styrkort_city_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "city.add", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "city.add-folder", NULL, add_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "city.add", NULL);
}
