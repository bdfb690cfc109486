/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog's results: what the plan will store, the figures that
 * differ, new units, reported periods, a preview and the rejected rows. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "styrkort-figure-rules.h"
#include "styrkort-locale.h"
#include "styrkort-import-dialog-private.h"
#include "styrkort-number.h"
#include "styrkort-page.h"

#define MAX_LISTED 200   /* rows listed per group; the rest are counted */
#define PREVIEW_ROWS 20

static char *
format_number (double value)
{
  int decimals = fabs (value - round (value)) < 1e-9 ? 0 : fabs (value * 10 - round (value * 10)) < 1e-9 ? 1 : 2;
  return styrkort_format_number (value, decimals, styrkort_number_style_for_locale ());
}

const char *
_styrkort_import_dialog_indicator_name (StyrkortImportDialog *self, gint64 id)
{
  for (guint i = 0; i < self->indicators->len; i++)
    {
      StyrkortIndicator *ind = self->indicators->pdata[i];
      if (ind->id == id)
        return STYRKORT_LOCALIZED (ind, name);
    }
  return "";
}

static const char *
operation_name (const StyrkortOperation *op)
{
  return STYRKORT_LOCALIZED (op, name);
}

static const char *
unit_label (const StyrkortImportRow *row)
{
  if (row->city)
    return _("The city");
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

/* A city value and, when known, the district's place: "10,67 · 21 / 197 · place 3 of 14". */
static char *
describe_city (const StyrkortValue *v, guint place, guint places)
{
  g_autofree char *value = describe_value (v);
  g_autofree char *where = styrkort_format_place (place, places);

  if (where == NULL)
    return g_steal_pointer (&value);
  /* TRANSLATORS: a city value, then the district's place: "10,6 · place 3 of 14" */
  return g_strdup_printf (_("%s · place %s"), value, where);
}

/* Widgets ------------------------------------------------------------------- */

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
  _styrkort_import_dialog_queue_refresh (self, FALSE);
}

/* What the city's merged workbook gives, in words. */
static char *
city_description (StyrkortImportDialog *self)
{
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (self->project);
  g_autofree char *file = g_filename_display_basename (self->source->path);
  const char *name = district != NULL ? district->name : "";
  guint n = 0;
  gboolean found = FALSE;

  if (!styrkort_import_plan_is_city (self->plan, &n, &found))
    return NULL;
  if (found)
    return g_strdup_printf (ngettext ("“%s” is the city’s merged workbook of %u district. It gives the city value of "
                                      "each indicator and period, and the place of %s among the districts (1 is "
                                      "the best).",
                                      "“%s” is the city’s merged workbook of %u districts. It gives the city value of "
                                      "each indicator and period, and the place of %s among the districts (1 is "
                                      "the best).", n), file, n, name);
  return g_strdup_printf (ngettext ("“%s” is the city’s merged workbook of %u district. It gives the city value of "
                                    "each indicator and period; %s is not one of its districts, so no place among "
                                    "them is known.",
                                    "“%s” is the city’s merged workbook of %u districts. It gives the city value of "
                                    "each indicator and period; %s is not one of its districts, so no place among "
                                    "them is known.", n), file, n, name);
}

static void
add_summary (StyrkortImportDialog *self)
{
  g_autofree char *city = city_description (self);
  GtkWidget *group = styrkort_page_add_group (self->results_box, city ? _("City Figures") : _("Summary"), city);
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
      GtkWidget *row = _styrkort_import_dialog_combo_row (_("Figures that differ"), NULL, choices,
                                                          styrkort_import_plan_n_writes (self->plan) >
                                                          styrkort_import_plan_count (self->plan,
                                                                                      STYRKORT_IMPORT_ROW_NEW));
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
  _styrkort_import_dialog_queue_refresh (self, FALSE);
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
      GtkWidget *row = _styrkort_import_dialog_combo_row (unit->name, rows, (const char * const *) choices->pdata,
                                                          selected);
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
      if (state == STYRKORT_IMPORT_ROW_REJECTED && row->other_district != NULL)
        continue; /* one row per district, above */
      if (++total > limit)
        continue;
      if (state == STYRKORT_IMPORT_ROW_REJECTED && row->city)
        title = g_strdup (row->reason); /* it names its row */
      else if (state == STYRKORT_IMPORT_ROW_REJECTED)
        {
          title = g_strdup_printf (_("Row %u"), row->line);
          subtitle = g_strdup (row->reason);
        }
      else
        {
          g_autofree char *period = styrkort_period_to_string (row->value.period);
          g_autofree char *value = row->city ? describe_city (&row->value, row->place, row->places)
                                             : describe_value (&row->value);
          g_autofree char *old = row->old == NULL ? NULL
                                 : row->city ? describe_city (row->old, row->old_place, row->old_places)
                                             : describe_value (row->old);
          const char *indicator = _styrkort_import_dialog_indicator_name (self, row->value.indicator_id);
          title = row->city ? g_strdup_printf ("%s – %s", unit_label (row), indicator)
                            : g_strdup_printf (_("Row %u: %s – %s"), row->line, unit_label (row), indicator);
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

/* Rows of another district, one row per district named: a workbook of the
 * wrong district would otherwise list each of its rows. */
static void
add_other_districts (StyrkortImportDialog *self, GtkWidget *group)
{
  g_autoptr(StyrkortDistrict) district = styrkort_project_get_district (self->project);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GPtrArray) names = styrkort_import_plan_other_districts (self->plan, &counts);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      guint n = g_array_index (counts, guint, i);
      g_autofree char *title = g_strdup_printf (_("Figures of %s, not of %s"), name, district ? district->name : "");
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u row. Import it into the district file of %s instead.",
                                                             "%u rows. Import them into the district file of %s instead.",
                                                             n), n, name);
      GtkWidget *row = info_row (title, subtitle);
      gtk_widget_set_name (row, "other-district");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
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

void
_styrkort_import_dialog_fill_results (StyrkortImportDialog *self)
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
      add_other_districts (self, group);
      add_row_list (self, group, STYRKORT_IMPORT_ROW_REJECTED, MAX_LISTED);
    }
  update_import_button (self);
}

