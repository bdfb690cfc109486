/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city overview's table: districts × indicators for the period, and the city row, sorted by a column. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "styrkort-city-window-private.h"
#include "styrkort-figure-rules.h"
#include "styrkort-number.h"

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
  _styrkort_city_window_fill_table (self, _styrkort_city_window_current_period (self));
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
void
_styrkort_city_window_fill_table (StyrkortCityWindow *self, StyrkortPeriod period)
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
