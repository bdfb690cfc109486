/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An entry for one number, written the Swedish way, that refuses anything else as it is typed. */
#include "config.h"

#include <math.h>

#include "styrkort-number.h"
#include "styrkort-number-entry.h"

struct _StyrkortNumberEntry {
  GtkEntry parent_instance;
  char *shown;  /* the text of the stored value */
};

G_DEFINE_FINAL_TYPE (StyrkortNumberEntry, styrkort_number_entry, GTK_TYPE_ENTRY)

static void
on_changed_cb (GtkEditable *editable, gpointer data)
{
  g_autoptr(GError) error = NULL;
  double value;
  gboolean ok = styrkort_parse_number (gtk_editable_get_text (editable), &value, &error);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable), ok ? NULL : error->message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (editable), GTK_ACCESSIBLE_STATE_INVALID,
                               ok ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static gboolean
select_all_cb (gpointer data)
{
  GtkEditable *editable = data;

  /* The entry's text has the focus still (a click, not a passing Tab). */
  if (gtk_widget_get_focus_child (GTK_WIDGET (editable)) != NULL)
    gtk_editable_select_region (editable, 0, -1);
  g_object_unref (editable);
  return G_SOURCE_REMOVE;
}

/* As a spreadsheet cell: a click selects the figure, so that typing
 * replaces it (a click put the cursor inside it, and 12 typed into 9 made
 * 129); a second click places the cursor. After the click is handled. */
static void
on_focus_enter_cb (GtkEventControllerFocus *focus, gpointer data)
{
  g_idle_add (select_all_cb, g_object_ref (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static void
styrkort_number_entry_finalize (GObject *object)
{
  g_free (STYRKORT_NUMBER_ENTRY (object)->shown);
  G_OBJECT_CLASS (styrkort_number_entry_parent_class)->finalize (object);
}

static void
styrkort_number_entry_class_init (StyrkortNumberEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = styrkort_number_entry_finalize;
}

static void
styrkort_number_entry_init (StyrkortNumberEntry *self)
{
  self->shown = g_strdup ("");
  gtk_entry_set_alignment (GTK_ENTRY (self), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (self), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self), 5);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();
    g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter_cb), NULL);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }
}

GtkWidget *
styrkort_number_entry_new (const char *accessible_name)
{
  GtkWidget *entry = g_object_new (STYRKORT_TYPE_NUMBER_ENTRY, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return entry;
}

/* Shows @text for the stored @value (NAN: empty). The text is what people
 * read elsewhere (thousands grouped, " %" on percentages), so it must read
 * back as the same number; in English the grouping comma is left out, since
 * "1,234" would be read as a decimal comma. */
void
styrkort_number_entry_set_value (StyrkortNumberEntry *self, double value, const char *text)
{
  g_autofree char *shown = NULL;

  if (isnan (value) || text == NULL)
    shown = g_strdup ("");
  else if (styrkort_number_style_for_locale () == STYRKORT_NUMBER_ENGLISH)
    {
      g_auto(GStrv) parts = g_strsplit (text, ",", -1);
      shown = g_strjoinv ("", parts);
    }
  else
    shown = g_strdup (text);
  g_free (self->shown);
  self->shown = g_steal_pointer (&shown);
  /* Only when it differs: Nyckeltal shows a whole indicator's cells again
   * after each figure, and setting a text lays the entry out again. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->shown) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), self->shown);
}

gboolean
styrkort_number_entry_get_value (StyrkortNumberEntry *self, double *value, GError **error)
{
  return styrkort_parse_number (gtk_editable_get_text (GTK_EDITABLE (self)), value, error);
}

gboolean
styrkort_number_entry_is_changed (StyrkortNumberEntry *self)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->shown) != 0;
}
