/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing figures: the file and its columns (the mapping), and the import;
 * the preview of what will be stored is in styrkort-import-results.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-import-dialog-private.h"
#include "styrkort-page.h"
#include "styrkort-reading.h"

G_DEFINE_FINAL_TYPE (StyrkortImportDialog, styrkort_import_dialog, ADW_TYPE_WINDOW)

static void replan (StyrkortImportDialog *self);
static void fill_columns (StyrkortImportDialog *self);
static void refill (StyrkortImportDialog *self);

static gboolean
refresh_idle (gpointer data)
{
  StyrkortImportDialog *self = data;

  self->refresh_id = 0;
  if (self->refresh_file)
    refill (self);
  else
    replan (self);
  self->refresh_file = FALSE;
  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt after the signal of the row that changed has returned:
 * that row is among those rebuilt. */
void
_styrkort_import_dialog_queue_refresh (StyrkortImportDialog *self, gboolean file_too)
{
  self->refresh_file |= file_too;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, g_object_ref (self), g_object_unref);
}


/* Widgets ------------------------------------------------------------------- */

GtkWidget *
_styrkort_import_dialog_combo_row (const char *title, const char *subtitle, const char * const *items,
                                   guint selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}



/* "A: Enhet": the column letter and its header. */
static char *
column_label (StyrkortImportDialog *self, guint column)
{
  g_autofree char *header = styrkort_import_source_cell_text (self->source, self->mapping->header_row, column);
  char letters[4] = { 0 };
  guint n = column + 1, i = 3;

  while (n > 0 && i > 0)
    {
      letters[--i] = (char) ('A' + (n - 1) % 26);
      n = (n - 1) / 26;
    }
  if (g_utf8_strlen (header, -1) > 40)
    {
      char *cut = g_utf8_substring (header, 0, 39);
      g_free (header);
      header = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }
  return *header ? g_strdup_printf ("%s: %s", letters + i, header) : g_strdup (letters + i);
}


/* Shows the plan again, with the choices made for units and conflicts; a
 * new one is made only when the mapping changed (remap() drops the old). */
static void
replan (StyrkortImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    {
      self->plan = styrkort_import_plan_new (self->project, self->source, self->mapping, &error);
      /* The city's workbook is newer than the city values kept from before:
       * they are replaced unless the user keeps them. */
      if (self->plan != NULL && styrkort_import_plan_is_city (self->plan, NULL, NULL))
        styrkort_import_plan_set_conflicts (self->plan, STYRKORT_IMPORT_REPLACE);
    }
  g_clear_pointer (&self->problem, g_free);
  if (self->plan == NULL)
    self->problem = g_strdup (error->message);
  _styrkort_import_dialog_fill_results (self);
}

static void
remap (StyrkortImportDialog *self)
{
  g_clear_pointer (&self->plan, styrkort_import_plan_free);
  replan (self);
}

/* The columns ---------------------------------------------------------------- */

static void
on_field_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));
  self->mapping->columns[field] = (int) adw_combo_row_get_selected (row) - 1;
  g_clear_pointer (&self->plan, styrkort_import_plan_free);
  /* In the wide layout the indicator columns are the ones left over. */
  _styrkort_import_dialog_queue_refresh (self, self->mapping->layout == STYRKORT_IMPORT_WIDE);
}

static void
on_wide_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint choice = adw_combo_row_get_selected (row);
  StyrkortIndicator *ind = choice > 0 ? self->indicators->pdata[choice - 1] : NULL;

  styrkort_import_mapping_set_wide (self->mapping, column, ind ? ind->code : NULL);
  g_clear_pointer (&self->plan, styrkort_import_plan_free);
  _styrkort_import_dialog_queue_refresh (self, FALSE);
}

static gboolean
field_applies (StyrkortImportLayout layout, StyrkortImportField field)
{
  if (layout == STYRKORT_IMPORT_LONG)
    return TRUE;
  return field != STYRKORT_FIELD_INDICATOR && field != STYRKORT_FIELD_VALUE && field != STYRKORT_FIELD_WOMEN &&
         field != STYRKORT_FIELD_MEN && field != STYRKORT_FIELD_NUMERATOR && field != STYRKORT_FIELD_DENOMINATOR;
}

static gboolean
column_is_field (StyrkortImportDialog *self, guint column)
{
  for (guint f = 0; f < STYRKORT_N_FIELDS; f++)
    if (field_applies (self->mapping->layout, f) && self->mapping->columns[f] == (int) column)
      return TRUE;
  return FALSE;
}

static void
add_wide_columns (StyrkortImportDialog *self, guint n_columns)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (char *) _("Not an indicator"));
  for (guint i = 0; i < self->indicators->len; i++)
    g_ptr_array_add (names, (char *) _styrkort_import_dialog_indicator_name (self, ((StyrkortIndicator *) self->indicators->pdata[i])->id));
  g_ptr_array_add (names, NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      const char *code = styrkort_import_mapping_get_wide (self->mapping, c);
      g_autofree char *label = column_label (self, c);
      guint selected = 0;
      GtkWidget *row;
      if (column_is_field (self, c))
        continue;
      for (guint i = 0; code != NULL && i < self->indicators->len; i++)
        if (g_str_equal (((StyrkortIndicator *) self->indicators->pdata[i])->code, code))
          selected = i + 1;
      row = _styrkort_import_dialog_combo_row (label, _("Indicator in this column"),
                                               (const char * const *) names->pdata, selected);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      gtk_widget_set_name (row, "wide-column");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_wide_cb), self);
      styrkort_page_group_add_row (self->group_rows, self->columns_group, row);
    }
}


static void
fill_columns (StyrkortImportDialog *self)
{
  guint n_columns = styrkort_import_source_n_columns (self->source);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_set_visible (self->columns_group, self->source->kind != STYRKORT_WORKBOOK_CITY);
  if (self->source->kind == STYRKORT_WORKBOOK_CITY)
    return;
  g_ptr_array_add (labels, g_strdup (_("None")));
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (labels, column_label (self, c));
  g_ptr_array_add (labels, NULL);
  for (guint f = 0; f < STYRKORT_N_FIELDS; f++)
    {
      GtkWidget *row;
      if (!field_applies (self->mapping->layout, f))
        continue;
      row = _styrkort_import_dialog_combo_row (styrkort_import_field_label (f), NULL,
                                               (const char * const *) labels->pdata,
                                               (guint) (self->mapping->columns[f] + 1));
      g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (f));
      gtk_widget_set_name (row, "field");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_field_cb), self);
      styrkort_page_group_add_row (self->group_rows, self->columns_group, row);
    }
  if (self->mapping->layout == STYRKORT_IMPORT_WIDE)
    add_wide_columns (self, n_columns);
}

/* The file: sheet, layout, header row ----------------------------------------- */

static void fill_file (StyrkortImportDialog *self);

static void
refill (StyrkortImportDialog *self)
{
  styrkort_page_group_clear_rows (self->group_rows);
  fill_file (self);
  fill_columns (self);
  remap (self);
}

static void
on_sheet_read_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr(StyrkortImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  StyrkortImportSource *source = styrkort_import_source_read_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  gtk_widget_set_sensitive (self->file_group, TRUE);
  if (source == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, styrkort_toast_new (error->message));
      return;
    }
  styrkort_import_source_free (self->source);
  self->source = source;
  styrkort_import_mapping_free (self->mapping);
  self->mapping = styrkort_import_mapping_guess (self->project, source);
  _styrkort_import_dialog_queue_refresh (self, TRUE);
}

/* Another sheet is read off the main thread, like the file itself. */
static void
on_sheet_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  const char *name = self->source->sheet_names[adw_combo_row_get_selected (row)];

  if (g_strcmp0 (name, self->source->sheet_name) == 0)
    return;
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_set_object (&self->reading, g_cancellable_new ());
  g_object_unref (self->reading);
  gtk_widget_set_sensitive (self->file_group, FALSE);
  styrkort_import_source_read_async (self->source->path, name, self->reading, on_sheet_read_cb, g_object_ref (self));
}

static void
on_layout_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  self->mapping->layout = adw_combo_row_get_selected (row) == 1 ? STYRKORT_IMPORT_WIDE : STYRKORT_IMPORT_LONG;
  _styrkort_import_dialog_queue_refresh (self, TRUE);
}

static void
on_header_row_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  self->mapping->header_row = adw_combo_row_get_selected (row);
  _styrkort_import_dialog_queue_refresh (self, TRUE);
}

/* A count such as "1,234" reads two ways until the file's decimal sign is known. */
static void
on_decimal_sign_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  self->mapping->decimal_sign = (StyrkortDecimalSign) adw_combo_row_get_selected (row);
  g_clear_pointer (&self->plan, styrkort_import_plan_free);
  _styrkort_import_dialog_queue_refresh (self, FALSE);
}

static void
fill_file (StyrkortImportDialog *self)
{
  const char *layouts[] = { _("One figure per row"), _("One column per indicator"), NULL };
  /* In the order of StyrkortDecimalSign. */
  const char *signs[] = { _("Not known"), _("Comma (1,5)"), _("Point (1.5)"), NULL };
  guint n_rows = MIN (self->source->sheet->rows->len, 20);
  g_autoptr(GPtrArray) header_rows = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row;

  if (self->source->sheet_names != NULL)
    {
      guint selected = 0;
      for (guint i = 0; self->source->sheet_names[i] != NULL; i++)
        if (g_strcmp0 (self->source->sheet_names[i], self->source->sheet_name) == 0)
          selected = i;
      row = _styrkort_import_dialog_combo_row (_("Sheet"), NULL, (const char * const *) self->source->sheet_names,
                                               selected);
      gtk_widget_set_name (row, "sheet");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_sheet_cb), self);
      styrkort_page_group_add_row (self->group_rows, self->file_group, row);
    }
  /* The city's merged workbook is read as it was written: nothing to choose. */
  if (self->source->kind == STYRKORT_WORKBOOK_CITY)
    return;
  row = _styrkort_import_dialog_combo_row (_("Layout"), NULL, layouts,
                                           self->mapping->layout == STYRKORT_IMPORT_WIDE);
  gtk_widget_set_name (row, "layout");
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_layout_cb), self);
  styrkort_page_group_add_row (self->group_rows, self->file_group, row);

  for (guint i = 0; i < MAX (n_rows, 1); i++)
    g_ptr_array_add (header_rows, g_strdup_printf (_("Row %u"), i + 1));
  g_ptr_array_add (header_rows, NULL);
  row = _styrkort_import_dialog_combo_row (_("Column headings"), NULL, (const char * const *) header_rows->pdata,
                                           MIN (self->mapping->header_row, MAX (n_rows, 1) - 1));
  gtk_widget_set_name (row, "header-row");
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_header_row_cb), self);
  styrkort_page_group_add_row (self->group_rows, self->file_group, row);

  row = _styrkort_import_dialog_combo_row (_("Decimal sign"),
                                           _("Counts such as 1,234 can be a thousand and more or have decimals"),
                                           signs, (guint) self->mapping->decimal_sign);
  gtk_widget_set_name (row, "decimal-sign");
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_decimal_sign_cb), self);
  styrkort_page_group_add_row (self->group_rows, self->file_group, row);
}

/* Importing ------------------------------------------------------------------ */

static void
on_import_clicked_cb (GtkButton *button, StyrkortImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = self->reason_row
                              ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)))) : NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint written = styrkort_import_plan_n_writes (self->plan);
  g_autofree char *name = g_filename_display_basename (self->source->path);
  g_autofree char *done = NULL;

  if (!styrkort_import_plan_apply (self->plan, reason, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, styrkort_toast_new (error->message));
      remap (self);
      return;
    }
  /* The mapping is a convenience: not remembering it loses nothing. */
  styrkort_import_remember_mapping (self->project, self->source, self->mapping, NULL);
  done = g_strdup_printf (_("Figures imported from “%s”: %u"), name, written);
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "(sb)", done, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked_cb (GtkButton *button, StyrkortImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Lifecycle ------------------------------------------------------------------ */

static void
styrkort_import_dialog_dispose (GObject *object)
{
  StyrkortImportDialog *self = STYRKORT_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (styrkort_import_dialog_parent_class)->dispose (object);
}

static void
styrkort_import_dialog_finalize (GObject *object)
{
  StyrkortImportDialog *self = STYRKORT_IMPORT_DIALOG (object);

  g_clear_pointer (&self->plan, styrkort_import_plan_free);
  g_clear_pointer (&self->mapping, styrkort_import_mapping_free);
  g_clear_pointer (&self->source, styrkort_import_source_free);
  g_clear_pointer (&self->operations, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (styrkort_import_dialog_parent_class)->finalize (object);
}

static void
styrkort_import_dialog_class_init (StyrkortImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_import_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = styrkort_import_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StyrkortImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StyrkortImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, StyrkortImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, StyrkortImportDialog, results_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
styrkort_import_dialog_init (StyrkortImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->group_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
}

StyrkortImportDialog *
styrkort_import_dialog_new (GtkWindow *parent, StyrkortProject *project, StyrkortImportSource *source)
{
  StyrkortImportDialog *self = g_object_new (STYRKORT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *name = g_filename_display_basename (source->path);

  self->project = g_object_ref (project);
  self->source = source;
  self->operations = styrkort_project_list_operations (project);
  self->units = styrkort_project_list_units (project);
  self->indicators = styrkort_project_list_indicators (project);
  self->mapping = styrkort_import_mapping_for_file (project, self->source, NULL);
  adw_window_title_set_subtitle (self->window_title, name);
  fill_file (self);
  fill_columns (self);
  replan (self);
  return self;
}

StyrkortImportPlan *
styrkort_import_dialog_get_plan (StyrkortImportDialog *self)
{
  return self->plan;
}

/* Reading the chosen file: off the main thread, with a Cancel that
 * answers at once. The "Reading…" note shows only when it takes a while. */
typedef struct {
  GtkWindow *parent;
  StyrkortProject *project;
  GCancellable *cancellable;
  GtkWidget *note;       /* the "Reading…" dialog, once shown */
  guint note_id;         /* the timeout that shows it */
  char *name;
} Reading;

static void
reading_free (Reading *r)
{
  g_clear_handle_id (&r->note_id, g_source_remove);
  if (r->note != NULL)
    gtk_window_destroy (GTK_WINDOW (r->note));
  g_object_unref (r->parent);
  g_object_unref (r->project);
  g_object_unref (r->cancellable);
  g_free (r->name);
  g_free (r);
}

static void
on_note_response_cb (AdwMessageDialog *note, const char *response, Reading *r)
{
  r->note = NULL; /* it closes itself */
  g_cancellable_cancel (r->cancellable);
}

static gboolean
show_reading_note (gpointer data)
{
  Reading *r = data;
  g_autofree char *body = g_strdup_printf (_("Reading “%s”…"), r->name);
  GtkWidget *spinner = gtk_spinner_new ();

  r->note_id = 0;
  r->note = adw_message_dialog_new (r->parent, _("Import Figures"), body);
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (r->note), spinner);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (r->note), "cancel", _("_Cancel"));
  g_signal_connect (r->note, "response", G_CALLBACK (on_note_response_cb), r);
  gtk_window_present (GTK_WINDOW (r->note));
  return G_SOURCE_REMOVE;
}

static void
on_file_read_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Reading *r = data;
  g_autoptr(GError) error = NULL;
  StyrkortImportSource *source = styrkort_import_source_read_finish (result, &error);

  if (source != NULL)
    gtk_window_present (GTK_WINDOW (styrkort_import_dialog_new (r->parent, r->project, source)));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_widget_activate_action (GTK_WIDGET (r->parent), "win.toast", "(sb)", error->message, FALSE);
  reading_free (r);
}

void
styrkort_import_dialog_open (GtkWindow *parent, StyrkortProject *project, const char *path)
{
  Reading *r = g_new0 (Reading, 1);

  r->parent = g_object_ref (parent);
  r->project = g_object_ref (project);
  r->cancellable = g_cancellable_new ();
  r->name = g_filename_display_basename (path);
  r->note_id = g_timeout_add (300, show_reading_note, r);
  styrkort_import_source_read_async (path, NULL, r->cancellable, on_file_read_cb, r);
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser, int response, StyrkortProject *project)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        styrkort_import_dialog_open (parent, project, path);
      else
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "(sb)",
                                    _("Only files on this computer can be imported."), FALSE);
    }
  g_object_unref (project);
  g_object_unref (chooser);
}

void
styrkort_import_dialog_choose (GtkWindow *parent, StyrkortProject *project)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Figures"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                                               _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (*.xlsx, *.csv)"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), g_object_ref (project));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
