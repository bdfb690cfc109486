/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing figures: the columns, a preview of what will be stored, and the import. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "styrkort-import-dialog.h"
#include "styrkort-number.h"
#include "styrkort-page.h"
#include "styrkort-reading.h"

#define MAX_LISTED 200   /* rows listed per group; the rest are counted */
#define PREVIEW_ROWS 20

struct _StyrkortImportDialog {
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkWidget *import_button;
  GtkWidget *file_group;
  GtkWidget *columns_group;
  GtkWidget *results_box;

  StyrkortProject *project;
  StyrkortImportSource *source;
  StyrkortImportMapping *mapping;
  StyrkortImportPlan *plan;      /* NULL while the mapping is not complete */
  char *problem;                 /* why there is no plan */
  GPtrArray *operations;
  GPtrArray *units;
  GPtrArray *indicators;
  GPtrArray *group_rows;         /* rows we put in file_group and columns_group */
  GtkWidget *reason_row;         /* for reported periods, or NULL */
  GCancellable *reading;         /* another sheet is being read, or NULL */
  guint refresh_id;              /* an idle refresh is queued */
  gboolean refresh_file;         /* it rebuilds the file and column rows too */
};

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
static void
queue_refresh (StyrkortImportDialog *self, gboolean file_too)
{
  self->refresh_file |= file_too;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, g_object_ref (self), g_object_unref);
}

static gboolean
swedish (void)
{
  return styrkort_number_style_for_locale () == STYRKORT_NUMBER_SWEDISH;
}

static char *
format_number (double value)
{
  int decimals = fabs (value - round (value)) < 1e-9 ? 0 : fabs (value * 10 - round (value * 10)) < 1e-9 ? 1 : 2;
  return styrkort_format_number (value, decimals, styrkort_number_style_for_locale ());
}

static const char *
indicator_name (StyrkortImportDialog *self, gint64 id)
{
  for (guint i = 0; i < self->indicators->len; i++)
    {
      StyrkortIndicator *ind = self->indicators->pdata[i];
      if (ind->id == id)
        return swedish () ? ind->name_sv : ind->name_en;
    }
  return "";
}

static const char *
operation_name (const StyrkortOperation *op)
{
  return swedish () ? op->name_sv : op->name_en;
}

static const char *
unit_label (const StyrkortImportRow *row)
{
  return *row->unit_name != '\0' ? row->unit_name : _("Whole district");
}

/* "12,5 · women 9, men 5 · comment" */
static char *
describe_value (const StyrkortValue *v)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *value = format_number (v->value);

  g_string_append (text, value);
  if (!isnan (v->women) || !isnan (v->men))
    {
      g_autofree char *women = format_number (v->women), *men = format_number (v->men);
      g_string_append (text, " · ");
      g_string_append_printf (text, _("women %s, men %s"), women, men);
    }
  if (!isnan (v->numerator) && !isnan (v->denominator))
    {
      g_autofree char *num = format_number (v->numerator), *den = format_number (v->denominator);
      g_string_append_printf (text, " · %s / %s", num, den);
    }
  if (v->comment != NULL && *v->comment != '\0')
    g_string_append_printf (text, " · %s", v->comment);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Widgets ------------------------------------------------------------------- */

static GtkWidget *
combo_row (const char *title, const char *subtitle, const char * const *items, guint selected)
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

static GtkWidget *
info_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
count_row (const char *title, guint count, const char *name)
{
  GtkWidget *row = info_row (title, NULL);
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (row, name);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
add_to_group (StyrkortImportDialog *self, GtkWidget *group, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (self->group_rows, g_object_ref (row));
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

/* The results ---------------------------------------------------------------- */

static void
update_import_button (StyrkortImportDialog *self)
{
  gboolean ok = self->plan != NULL && styrkort_import_plan_n_writes (self->plan) > 0;

  if (ok && self->reason_row != NULL)
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
      ok = *reason != '\0';
    }
  gtk_widget_set_sensitive (self->import_button, ok);
}

static void
on_conflicts_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  styrkort_import_plan_set_conflicts (self->plan, adw_combo_row_get_selected (row) == 1 ? STYRKORT_IMPORT_REPLACE
                                                                                        : STYRKORT_IMPORT_KEEP);
  queue_refresh (self, FALSE);
}

static void
add_summary (StyrkortImportDialog *self)
{
  GtkWidget *group = styrkort_page_add_group (self->results_box, _("Summary"), NULL);
  guint conflicts = styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_CONFLICT);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             count_row (_("New figures"), styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_NEW),
                                        "count-new"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             count_row (_("Already stored as in the file"),
                                        styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_SAME), "count-same"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             count_row (_("Different from the stored figure"), conflicts, "count-conflicts"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             count_row (_("Rows that will not be imported"),
                                        styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_REJECTED),
                                        "count-rejected"));
  if (conflicts > 0)
    {
      const char *choices[] = { _("Keep the stored ones"), _("Use the file’s"), NULL };
      GtkWidget *row = combo_row (_("Figures that differ"), NULL, choices,
                                  styrkort_import_plan_n_writes (self->plan) >
                                  styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_NEW));
      gtk_widget_set_name (row, "conflicts");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_conflicts_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
on_unit_choice_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "unit-name");
  guint choice = adw_combo_row_get_selected (row);

  if (choice < self->operations->len)
    styrkort_import_plan_set_unit (self->plan, name, 0, ((StyrkortOperation *) self->operations->pdata[choice])->id);
  else
    styrkort_import_plan_set_unit (self->plan, name,
                                   ((StyrkortUnit *) self->units->pdata[choice - self->operations->len])->id, 0);
  queue_refresh (self, FALSE);
}

/* Each unit the district lacks: create it (in an operation) or take one it has. */
static void
add_new_units (StyrkortImportDialog *self)
{
  GPtrArray *new_units = styrkort_import_plan_new_units (self->plan);
  GtkWidget *group;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);

  if (new_units->len == 0)
    return;
  group = styrkort_page_add_group (self->results_box, _("Units the District Does Not Have"),
                     _("Create them, or say which of the district’s units they are."));
  for (guint i = 0; i < self->operations->len; i++)
    g_ptr_array_add (choices, g_strdup_printf (_("New unit in %s"), operation_name (self->operations->pdata[i])));
  for (guint i = 0; i < self->units->len; i++)
    g_ptr_array_add (choices, g_strdup_printf (_("Same as %s"), ((StyrkortUnit *) self->units->pdata[i])->name));
  g_ptr_array_add (choices, NULL);
  for (guint i = 0; i < new_units->len; i++)
    {
      StyrkortImportUnit *unit = new_units->pdata[i];
      g_autofree char *rows = g_strdup_printf (_("Rows in the file: %u"), unit->n_rows);
      guint selected = 0;
      for (guint j = 0; j < self->operations->len; j++)
        if (((StyrkortOperation *) self->operations->pdata[j])->id == unit->operation_id)
          selected = j;
      for (guint j = 0; j < self->units->len; j++)
        if (((StyrkortUnit *) self->units->pdata[j])->id == unit->unit_id)
          selected = self->operations->len + j;
      GtkWidget *row = combo_row (unit->name, rows, (const char * const *) choices->pdata, selected);
      g_object_set_data_full (G_OBJECT (row), "unit-name", g_strdup (unit->name), g_free);
      gtk_widget_set_name (row, "new-unit");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_unit_choice_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
on_reason_changed_cb (GtkEditable *editable, StyrkortImportDialog *self)
{
  update_import_button (self);
}

static void
add_reported_periods (StyrkortImportDialog *self, const char *kept_reason)
{
  g_autoptr(GArray) periods = styrkort_import_plan_reported_periods (self->plan);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *description = NULL;
  GtkWidget *group;

  self->reason_row = NULL;
  if (periods->len == 0)
    return;
  for (guint i = 0; i < periods->len; i++)
    {
      g_autofree char *name = styrkort_period_to_string (g_array_index (periods, StyrkortPeriod, i));
      g_string_append_printf (names, "%s%s", i ? ", " : "", name);
    }
  description = g_strdup_printf (_("The import changes periods that have been reported: %s. Say why; the reason "
                                   "is kept with the change, and the periods are shown as changed after "
                                   "reporting."), names->str);
  group = styrkort_page_add_group (self->results_box, _("Reported Periods"), description);
  self->reason_row = adw_entry_row_new ();
  gtk_widget_set_name (self->reason_row, "reason");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Reason for the change"));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), kept_reason ? kept_reason : "");
  g_signal_connect (self->reason_row, "changed", G_CALLBACK (on_reason_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->reason_row);
}

static void
add_row_list (StyrkortImportDialog *self, GtkWidget *group, StyrkortImportRowState state, guint limit)
{
  GPtrArray *rows = styrkort_import_plan_rows (self->plan);
  guint shown = 0, total = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const StyrkortImportRow *row = rows->pdata[i];
      g_autofree char *title = NULL, *subtitle = NULL;
      if (row->state != state && !(state == STYRKORT_IMPORT_ROW_NEW && row->state == STYRKORT_IMPORT_ROW_CONFLICT))
        continue;
      if (++total > limit)
        continue;
      if (state == STYRKORT_IMPORT_ROW_REJECTED)
        {
          title = g_strdup_printf (_("Row %u"), row->line);
          subtitle = g_strdup (row->reason);
        }
      else
        {
          g_autofree char *period = styrkort_period_to_string (row->value.period);
          g_autofree char *value = describe_value (&row->value);
          g_autofree char *old = row->old ? describe_value (row->old) : NULL;
          title = g_strdup_printf (_("Row %u: %s – %s"), row->line, unit_label (row), indicator_name (self, row->value.indicator_id));
          subtitle = state == STYRKORT_IMPORT_ROW_CONFLICT
                       ? g_strdup_printf (_("%s · stored: %s · in the file: %s%s"), period, old, value,
                                          row->removes_base ? _(" (replacing it removes the base figures)") : "")
                       : g_strdup_printf ("%s · %s", period, value);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (title, subtitle));
      shown++;
    }
  if (total > shown)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more"), total - shown);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (more, NULL));
    }
}

/* Every rejected row with its reason, one per line, for the clipboard:
 * the list in the dialog stops after MAX_LISTED rows. */
static void
on_copy_rejected_cb (GtkButton *button, StyrkortImportDialog *self)
{
  GPtrArray *rows = styrkort_import_plan_rows (self->plan);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const StyrkortImportRow *row = rows->pdata[i];
      if (row->state != STYRKORT_IMPORT_ROW_REJECTED)
        continue;
      g_string_append_printf (text, _("Row %u"), row->line);
      g_string_append_printf (text, "\t%s\n", row->reason);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text->str);
  adw_toast_overlay_add_toast (self->toast_overlay, styrkort_toast_new (_("The rows were copied")));
}

static GtkWidget *
copy_button (StyrkortImportDialog *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  const char *label = _("Copy the rows and reasons");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_copy_rejected_cb), self);
  return button;
}

static void
add_problem (StyrkortImportDialog *self)
{
  GtkWidget *group = styrkort_page_add_group (self->results_box, _("Summary"), NULL);
  GtkWidget *row = info_row (self->problem, NULL);

  gtk_widget_set_name (row, "problem");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
fill_results (StyrkortImportDialog *self)
{
  g_autofree char *reason = self->reason_row ? g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))) : NULL;
  GtkWidget *child;

  self->reason_row = NULL;
  while ((child = gtk_widget_get_first_child (self->results_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->results_box), child);
  if (self->plan == NULL)
    {
      add_problem (self);
      update_import_button (self);
      return;
    }
  add_summary (self);
  add_reported_periods (self, reason);
  add_new_units (self);
  if (styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_CONFLICT) > 0)
    add_row_list (self, styrkort_page_add_group (self->results_box, _("Figures That Differ"), NULL),
                  STYRKORT_IMPORT_ROW_CONFLICT, MAX_LISTED);
  if (styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_NEW) +
      styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_CONFLICT) > 0)
    add_row_list (self, styrkort_page_add_group (self->results_box, _("Preview"), _("The first rows, as they will be stored.")),
                  STYRKORT_IMPORT_ROW_NEW, PREVIEW_ROWS);
  if (styrkort_import_plan_count (self->plan, STYRKORT_IMPORT_ROW_REJECTED) > 0)
    {
      GtkWidget *group = styrkort_page_add_group (self->results_box, _("Rows That Will Not Be Imported"), NULL);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), copy_button (self));
      add_row_list (self, group, STYRKORT_IMPORT_ROW_REJECTED, MAX_LISTED);
    }
  update_import_button (self);
}

/* Shows the plan again, with the choices made for units and conflicts; a
 * new one is made only when the mapping changed (remap() drops the old). */
static void
replan (StyrkortImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    self->plan = styrkort_import_plan_new (self->project, self->source, self->mapping, &error);
  g_clear_pointer (&self->problem, g_free);
  if (self->plan == NULL)
    self->problem = g_strdup (error->message);
  fill_results (self);
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
  queue_refresh (self, self->mapping->layout == STYRKORT_IMPORT_WIDE);
}

static void
on_wide_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint choice = adw_combo_row_get_selected (row);
  StyrkortIndicator *ind = choice > 0 ? self->indicators->pdata[choice - 1] : NULL;

  styrkort_import_mapping_set_wide (self->mapping, column, ind ? ind->code : NULL);
  g_clear_pointer (&self->plan, styrkort_import_plan_free);
  queue_refresh (self, FALSE);
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
    g_ptr_array_add (names, (char *) indicator_name (self, ((StyrkortIndicator *) self->indicators->pdata[i])->id));
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
      row = combo_row (label, _("Indicator in this column"), (const char * const *) names->pdata, selected);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      gtk_widget_set_name (row, "wide-column");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_wide_cb), self);
      add_to_group (self, self->columns_group, row);
    }
}

static void
clear_group_rows (StyrkortImportDialog *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = self->group_rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->group_rows, 0);
}

static void
fill_columns (StyrkortImportDialog *self)
{
  guint n_columns = styrkort_import_source_n_columns (self->source);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (labels, g_strdup (_("None")));
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (labels, column_label (self, c));
  g_ptr_array_add (labels, NULL);
  for (guint f = 0; f < STYRKORT_N_FIELDS; f++)
    {
      GtkWidget *row;
      if (!field_applies (self->mapping->layout, f))
        continue;
      row = combo_row (styrkort_import_field_label (f), NULL, (const char * const *) labels->pdata,
                       (guint) (self->mapping->columns[f] + 1));
      g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (f));
      gtk_widget_set_name (row, "field");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_field_cb), self);
      add_to_group (self, self->columns_group, row);
    }
  if (self->mapping->layout == STYRKORT_IMPORT_WIDE)
    add_wide_columns (self, n_columns);
}

/* The file: sheet, layout, header row ----------------------------------------- */

static void fill_file (StyrkortImportDialog *self);

static void
refill (StyrkortImportDialog *self)
{
  clear_group_rows (self);
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
  queue_refresh (self, TRUE);
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
  queue_refresh (self, TRUE);
}

static void
on_header_row_cb (AdwComboRow *row, GParamSpec *pspec, StyrkortImportDialog *self)
{
  self->mapping->header_row = adw_combo_row_get_selected (row);
  queue_refresh (self, TRUE);
}

static void
fill_file (StyrkortImportDialog *self)
{
  const char *layouts[] = { _("One figure per row"), _("One column per indicator"), NULL };
  guint n_rows = MIN (self->source->sheet->rows->len, 20);
  g_autoptr(GPtrArray) header_rows = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row;

  if (self->source->sheet_names != NULL)
    {
      guint selected = 0;
      for (guint i = 0; self->source->sheet_names[i] != NULL; i++)
        if (g_strcmp0 (self->source->sheet_names[i], self->source->sheet_name) == 0)
          selected = i;
      row = combo_row (_("Sheet"), NULL, (const char * const *) self->source->sheet_names, selected);
      gtk_widget_set_name (row, "sheet");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_sheet_cb), self);
      add_to_group (self, self->file_group, row);
    }
  row = combo_row (_("Layout"), NULL, layouts, self->mapping->layout == STYRKORT_IMPORT_WIDE);
  gtk_widget_set_name (row, "layout");
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_layout_cb), self);
  add_to_group (self, self->file_group, row);

  for (guint i = 0; i < MAX (n_rows, 1); i++)
    g_ptr_array_add (header_rows, g_strdup_printf (_("Row %u"), i + 1));
  g_ptr_array_add (header_rows, NULL);
  row = combo_row (_("Column headings"), NULL, (const char * const *) header_rows->pdata,
                   MIN (self->mapping->header_row, MAX (n_rows, 1) - 1));
  gtk_widget_set_name (row, "header-row");
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_header_row_cb), self);
  add_to_group (self, self->file_group, row);
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
