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
}

GtkWidget *
styrkort_number_entry_new (const char *accessible_name)
{
  GtkWidget *entry = g_object_new (STYRKORT_TYPE_NUMBER_ENTRY, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return entry;
}

/* Shows what is stored, as people type it: no thousands separators (they
 * would be read back as decimal separators in English), no trailing zeros. */
void
styrkort_number_entry_set_value (StyrkortNumberEntry *self, double value, int decimals)
{
  char format[8], text[400]; /* every digit of the largest double, fixed notation */

  g_free (self->shown);
  if (isnan (value))
    self->shown = g_strdup ("");
  else
    {
      char *point, *end;
      g_snprintf (format, sizeof format, "%%.%df", CLAMP (decimals, 0, 6));
      g_ascii_formatd (text, sizeof text, format, value);
      point = strchr (text, '.');
      if (point != NULL)
        {
          end = text + strlen (text);
          while (end > point + 1 && end[-1] == '0')
            *--end = '\0';
          if (end == point + 1)
            *point = '\0';
          else if (styrkort_number_style_for_locale () == STYRKORT_NUMBER_SWEDISH)
            *point = ',';
        }
      self->shown = g_strdup (g_str_equal (text, "-0") ? "0" : text);
    }
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
