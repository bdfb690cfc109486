/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The district's units (enheter): add, rename, move to another operation, remove. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "styrkort-locale.h"
#include "styrkort-form.h"
#include "styrkort-number.h"
#include "styrkort-page.h"
#include "styrkort-units-dialog.h"

typedef struct {
  GtkWidget *dialog;
  GtkWidget *list;
  StyrkortProject *project;
  GPtrArray *operations;
  GCallback done;
  gpointer user_data;
  gint64 editing;   /* the unit being edited, 0 for a new one */
} Units;

static void fill (Units *u);

static const char *
operation_name (Units *u, gint64 id)
{
  for (guint i = 0; i < u->operations->len; i++)
    {
      StyrkortOperation *op = u->operations->pdata[i];
      if (op->id == id)
        return STYRKORT_LOCALIZED (op, name);
    }
  return "";
}

static void
report (Units *u, GError *error)
{
  GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (u->dialog), _("The Change Was Not Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
save_unit (StyrkortForm *form, gpointer data)
{
  Units *u = data;
  g_autofree char *name = styrkort_form_get_text (form, "name");
  guint op = styrkort_form_get_choice (form, "operation");
  gint64 operation = ((StyrkortOperation *) u->operations->pdata[op])->id;
  g_autoptr(GError) error = NULL;
  gboolean ok = u->editing ? styrkort_project_update_unit (u->project, u->editing, name, operation, &error)
                           : styrkort_project_add_unit (u->project, name, operation, &error) != 0;
  if (!ok)
    report (u, error);
  fill (u);
}

static void
open_form (Units *u, const StyrkortUnit *unit)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  StyrkortForm *form = styrkort_form_new (GTK_WINDOW (u->dialog), unit ? _("Edit Unit") : _("New Unit"));
  guint selected = 0;

  for (guint i = 0; i < u->operations->len; i++)
    {
      StyrkortOperation *op = u->operations->pdata[i];
      g_ptr_array_add (names, (char *) operation_name (u, op->id));
      if (unit && op->id == unit->operation_id)
        selected = i;
    }
  g_ptr_array_add (names, NULL);
  styrkort_form_add_text (form, "name", _("Name"), unit ? unit->name : "", TRUE);
  styrkort_form_add_choice (form, "operation", _("Operation"), (const char * const *) names->pdata, selected);
  u->editing = unit ? unit->id : 0;
  styrkort_form_run (form, save_unit, u);
}

static void
on_add_clicked_cb (GtkButton *button, Units *u)
{
  open_form (u, NULL);
}

static void
on_row_button_cb (GtkButton *button, Units *u)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  gboolean remove = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "remove"));
  g_autoptr(GPtrArray) units = styrkort_project_list_units (u->project);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < units->len; i++)
    {
      StyrkortUnit *unit = units->pdata[i];
      if (unit->id != id)
        continue;
      if (!remove)
        open_form (u, unit);
      else if (!styrkort_project_remove_unit (u->project, id, &error))
        report (u, error);
      else
        fill (u);
      return;
    }
}

static GtkWidget *
row_button (Units *u, const char *icon, const char *label, gint64 id, gboolean remove)
{
  return styrkort_page_row_button (icon, label, id, remove, !styrkort_project_is_read_only (u->project),
                                   G_CALLBACK (on_row_button_cb), u);
}

static void
fill (Units *u)
{
  g_autoptr(GPtrArray) units = styrkort_project_list_units (u->project);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (u->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (u->list), child);
  for (guint i = 0; i < units->len; i++)
    {
      StyrkortUnit *unit = units->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *edit = g_strdup_printf (_("Edit %s"), unit->name);
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), unit->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unit->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), operation_name (u, unit->operation_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (u, "document-edit-symbolic", edit, unit->id, FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (u, "user-trash-symbolic", remove, unit->id, TRUE));
      gtk_list_box_append (GTK_LIST_BOX (u->list), row);
    }
}

static void
on_response_cb (AdwMessageDialog *dialog, const char *response, Units *u)
{
  if (u->done != NULL)
    ((void (*) (gpointer)) u->done) (u->user_data);
  g_object_unref (u->project);
  g_ptr_array_unref (u->operations);
  g_free (u);
}

void
styrkort_units_dialog_show (GtkWindow *parent, StyrkortProject *project, GCallback done, gpointer user_data)
{
  Units *u = g_new0 (Units, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Unit"));

  u->project = g_object_ref (project);
  u->operations = styrkort_project_list_operations (project);
  u->done = done;
  u->user_data = user_data;
  u->dialog = adw_message_dialog_new (parent, _("Units"),
                                      _("The district’s units (enheter), each in one operation. Figures are entered "
                                        "per unit; removing a unit removes its figures (Undo brings them back)."));
  u->list = gtk_list_box_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (u->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Units"), -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (u->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (u->list, "boxed-list");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (u->list), gtk_label_new (_("No units yet")));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), u->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_widget_set_size_request (scrolled, 480, -1);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_sensitive (add, !styrkort_project_is_read_only (project));
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), u);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), add);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (u->dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (u->dialog), "close", _("_Close"));
  g_signal_connect (u->dialog, "response", G_CALLBACK (on_response_cb), u);
  fill (u);
  gtk_window_present (GTK_WINDOW (u->dialog));
}
