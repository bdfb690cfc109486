/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small dialogs with labelled fields, whose Save is enabled only while every field is valid. */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <math.h>

#include "styrkort-figure-rules.h"
#include "styrkort-form.h"
#include "styrkort-number-entry.h"
#include "styrkort-types.h"

typedef enum { FIELD_TEXT, FIELD_REQUIRED, FIELD_NUMBER, FIELD_DATE, FIELD_REQUIRED_DATE, FIELD_CHOICE } FieldKind;

struct _StyrkortForm {
  GtkWidget *dialog;
  GtkWidget *grid;
  GtkWidget *problem;
  GHashTable *fields;  /* key -> GtkWidget */
  guint rows;
  StyrkortFormSave save;
  gpointer user_data;
};

static void
form_free (StyrkortForm *form)
{
  g_hash_table_unref (form->fields);
  g_free (form);
}

StyrkortForm *
styrkort_form_new (GtkWindow *parent, const char *heading)
{
  StyrkortForm *form = g_new0 (StyrkortForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  form->dialog = adw_message_dialog_new (parent, heading, NULL);
  form->grid = gtk_grid_new ();
  form->problem = gtk_label_new ("");
  form->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_grid_set_row_spacing (GTK_GRID (form->grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (form->grid), 12);
  gtk_widget_add_css_class (form->problem, "error");
  gtk_label_set_wrap (GTK_LABEL (form->problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (form->problem), 0);
  gtk_box_append (GTK_BOX (box), form->grid);
  gtk_box_append (GTK_BOX (box), form->problem);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (form->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (form->dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (form->dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (form->dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (form->dialog), "cancel");
  gtk_window_set_default_size (GTK_WINDOW (form->dialog), 560, -1);
  return form;
}

/* Says what is wrong with the first invalid field, or NULL; @field is that field. */
static char *
first_problem (StyrkortForm *form, GtkWidget **field)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, form->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *widget = value;
      FieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "kind"));
      const char *label = g_object_get_data (G_OBJECT (widget), "label");
      const char *text = GTK_IS_EDITABLE (widget) ? gtk_editable_get_text (GTK_EDITABLE (widget)) : "";
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      g_autoptr(GError) error = NULL;
      double number;

      *field = widget;
      if ((kind == FIELD_REQUIRED || kind == FIELD_REQUIRED_DATE) && *stripped == '\0')
        return g_strdup_printf (_("%s must be filled in."), label);
      if (kind == FIELD_NUMBER && !styrkort_number_entry_get_value (STYRKORT_NUMBER_ENTRY (widget), &number, &error))
        return g_strdup_printf ("%s: %s", label, error->message);
      if ((kind == FIELD_DATE || kind == FIELD_REQUIRED_DATE) && *stripped != '\0' && !styrkort_date_is_valid (stripped))
        return g_strdup_printf (_("%s: “%s” is not a date. Write it as 2026-12-31."), label, stripped);
    }
  return NULL;
}

/* Save waits until every field is right, but a field is told what is
 * wrong with it only once it has been typed in: "Name must be filled in"
 * before anything could be typed read as a reproach. */
static void
validate (StyrkortForm *form)
{
  GtkWidget *field = NULL;
  g_autofree char *problem = first_problem (form, &field);
  gboolean shown = problem != NULL && g_object_get_data (G_OBJECT (field), "touched") != NULL;

  gtk_label_set_text (GTK_LABEL (form->problem), shown ? problem : "");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (form->dialog), "save", problem == NULL);
}

static void
on_field_changed_cb (GtkWidget *widget, StyrkortForm *form)
{
  g_object_set_data (G_OBJECT (widget), "touched", GINT_TO_POINTER (TRUE));
  validate (form);
}

static gboolean
on_choice_key_pressed_cb (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
                          gpointer data)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  return gtk_widget_activate_action (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys)),
                                     "default.activate", NULL);
}

static GtkWidget *
add_field (StyrkortForm *form, const char *key, const char *label, GtkWidget *widget, FieldKind kind)
{
  GtkWidget *caption = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 1);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (widget), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (widget), "label", g_strdup (label), g_free);
  gtk_grid_attach (GTK_GRID (form->grid), caption, 0, form->rows, 1, 1);
  gtk_grid_attach (GTK_GRID (form->grid), widget, 1, form->rows, 1, 1);
  form->rows++;
  g_hash_table_insert (form->fields, g_strdup (key), widget);
  if (GTK_IS_EDITABLE (widget))
    {
      g_signal_connect (widget, "changed", G_CALLBACK (on_field_changed_cb), form);
      if (GTK_IS_ENTRY (widget))
        gtk_entry_set_activates_default (GTK_ENTRY (widget), TRUE);
    }
  if (GTK_IS_DROP_DOWN (widget))
    {
      GtkEventController *keys = gtk_event_controller_key_new ();
      /* Before the drop-down's button: Enter saves, as in the text fields
       * (it opened the list again); Space and Alt+Down still open it. */
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_choice_key_pressed_cb), NULL);
      gtk_widget_add_controller (widget, keys);
    }
  return widget;
}

GtkWidget *
styrkort_form_add_text (StyrkortForm *form, const char *key, const char *label, const char *value, gboolean required)
{
  GtkWidget *entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  return add_field (form, key, label, entry, required ? FIELD_REQUIRED : FIELD_TEXT);
}

GtkWidget *
styrkort_form_add_number (StyrkortForm *form, const char *key, const char *label, double value)
{
  GtkWidget *entry = styrkort_number_entry_new (label);
  g_autofree char *text = styrkort_format_count (value, styrkort_number_style_for_locale ());
  styrkort_number_entry_set_value (STYRKORT_NUMBER_ENTRY (entry), value, text);
  return add_field (form, key, label, entry, FIELD_NUMBER);
}

static void
on_day_selected_cb (GtkCalendar *calendar, GtkEntry *entry)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

/* The calendar opens on the date written, else today. */
static void
on_calendar_icon_cb (GtkEntry *entry, GtkEntryIconPosition position, GtkWidget *popover)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;

  if (styrkort_date_is_valid (text) && sscanf (text, "%d-%d-%d", &y, &m, &d) == 3)
    day = g_date_time_new_local (y, m, d, 12, 0, 0);
  else
    day = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (calendar, on_day_selected_cb, entry);
  gtk_calendar_select_day (calendar, day);
  g_signal_handlers_unblock_by_func (calendar, on_day_selected_cb, entry);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* A date is typed as 2026-12-31 or picked in a calendar from the field's icon. */
GtkWidget *
styrkort_form_add_date (StyrkortForm *form, const char *key, const char *label, const char *value, gboolean required)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *popover = gtk_popover_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, "x-office-calendar-symbolic");
  gtk_entry_set_icon_activatable (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, TRUE);
  gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, _("Choose a Date"));
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_widget_set_parent (popover, entry);
  g_signal_connect_swapped (entry, "destroy", G_CALLBACK (gtk_widget_unparent), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), entry);
  g_signal_connect (entry, "icon-press", G_CALLBACK (on_calendar_icon_cb), popover);
  return add_field (form, key, label, entry, required ? FIELD_REQUIRED_DATE : FIELD_DATE);
}

GtkWidget *
styrkort_form_add_choice (StyrkortForm *form, const char *key, const char *label,
                          const char * const *choices, guint selected)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (choices);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  return add_field (form, key, label, dropdown, FIELD_CHOICE);
}

static void
on_response_cb (AdwMessageDialog *dialog, const char *response, StyrkortForm *form)
{
  GtkWidget *field = NULL;
  g_autofree char *problem = first_problem (form, &field);
  if (g_str_equal (response, "save") && problem == NULL)
    form->save (form, form->user_data);
  form_free (form);
}

void
styrkort_form_run (StyrkortForm *form, StyrkortFormSave save, gpointer user_data)
{
  form->save = save;
  form->user_data = user_data;
  validate (form);
  g_signal_connect (form->dialog, "response", G_CALLBACK (on_response_cb), form);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

char *
styrkort_form_get_text (StyrkortForm *form, const char *key)
{
  GtkWidget *widget = g_hash_table_lookup (form->fields, key);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
  return *text ? g_steal_pointer (&text) : NULL;
}

double
styrkort_form_get_number (StyrkortForm *form, const char *key)
{
  double value = NAN;
  styrkort_number_entry_get_value (g_hash_table_lookup (form->fields, key), &value, NULL);
  return value;
}

guint
styrkort_form_get_choice (StyrkortForm *form, const char *key)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (g_hash_table_lookup (form->fields, key)));
}
