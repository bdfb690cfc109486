/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A row of a list the user keeps, built from ui/styrkort-item-row.ui. */
#include "config.h"

#include "styrkort-item-row.h"
#include "styrkort-page.h"

struct _StyrkortItemRow {
  AdwActionRow parent_instance;
  GtkWidget *flag;
  GtkWidget *state;
  GtkWidget *edit_button;
  GtkWidget *delete_button;
  gint64 id;
  char *state_class;
};

G_DEFINE_FINAL_TYPE (StyrkortItemRow, styrkort_item_row, ADW_TYPE_ACTION_ROW)

enum { EDIT, DELETE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_edit_clicked_cb (StyrkortItemRow *self)
{
  g_signal_emit (self, signals[EDIT], 0);
}

static void
on_delete_clicked_cb (StyrkortItemRow *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

GtkWidget *
styrkort_item_row_new (const char *link, gint64 id, const char *edit_label, const char *delete_label,
                       gboolean editable)
{
  StyrkortItemRow *self = g_object_new (STYRKORT_TYPE_ITEM_ROW, NULL);

  styrkort_page_set_link (GTK_WIDGET (self), link);
  self->id = id;
  styrkort_page_name_button (self->edit_button, edit_label, editable);
  styrkort_page_name_button (self->delete_button, delete_label, editable);
  return GTK_WIDGET (self);
}

gint64
styrkort_item_row_get_id (StyrkortItemRow *self)
{
  return self->id;
}

void
styrkort_item_row_set_text (StyrkortItemRow *self, const char *title, const char *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
}

void
styrkort_item_row_set_state (StyrkortItemRow *self, const char *text, const char *style_class)
{
  gtk_label_set_text (GTK_LABEL (self->state), text != NULL ? text : "");
  gtk_widget_set_visible (self->state, text != NULL);
  if (self->state_class != NULL)
    gtk_widget_remove_css_class (self->state, self->state_class);
  g_free (self->state_class);
  self->state_class = g_strdup (style_class);
  if (style_class != NULL)
    gtk_widget_add_css_class (self->state, style_class);
}

void
styrkort_item_row_set_flag (StyrkortItemRow *self, const char *text)
{
  gtk_label_set_text (GTK_LABEL (self->flag), text != NULL ? text : "");
  gtk_widget_set_visible (self->flag, text != NULL);
}

static void
styrkort_item_row_finalize (GObject *object)
{
  StyrkortItemRow *self = STYRKORT_ITEM_ROW (object);

  g_free (self->state_class);
  G_OBJECT_CLASS (styrkort_item_row_parent_class)->finalize (object);
}

static void
styrkort_item_row_class_init (StyrkortItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = styrkort_item_row_finalize;
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortItemRow, flag);
  gtk_widget_class_bind_template_child (widget_class, StyrkortItemRow, state);
  gtk_widget_class_bind_template_child (widget_class, StyrkortItemRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, StyrkortItemRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
}

static void
styrkort_item_row_init (StyrkortItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
