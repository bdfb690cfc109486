/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A text of several lines, saved as it is written: when the focus leaves
 * it, and also a second after typing stops, so that a window closed or a
 * laptop put to sleep with the cursor still in the text keeps it. */
#include "config.h"

#include "styrkort-text-area.h"

#define SAVE_PAUSE_MS 1000

struct _StyrkortTextArea {
  GtkWidget parent_instance;
  GtkWidget *frame;    /* bound, so that disposing the template takes it away */
  GtkWidget *view;
  char *saved;         /* the text last stored or shown as stored */
  guint pause;         /* the wait after typing */
};

G_DEFINE_FINAL_TYPE (StyrkortTextArea, styrkort_text_area, GTK_TYPE_WIDGET)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
text_of (StyrkortTextArea *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_if_changed (StyrkortTextArea *self)
{
  g_autofree char *text = text_of (self);

  g_clear_handle_id (&self->pause, g_source_remove);
  if (g_strcmp0 (text, self->saved) == 0)
    return;
  g_free (self->saved);
  self->saved = g_strdup (text);
  g_signal_emit (self, signals[SAVE], 0, text);
}

static void
on_focus_leave_cb (StyrkortTextArea *self)
{
  save_if_changed (self);
}

static gboolean
on_typing_paused_cb (gpointer data)
{
  StyrkortTextArea *self = data;

  self->pause = 0;
  save_if_changed (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed_cb (StyrkortTextArea *self)
{
  g_clear_handle_id (&self->pause, g_source_remove);
  self->pause = g_timeout_add (SAVE_PAUSE_MS, on_typing_paused_cb, self);
}

void
styrkort_text_area_show_stored (StyrkortTextArea *self, const char *stored)
{
  if (g_strcmp0 (stored, self->saved) == 0)
    return;
  /* Saved first: the buffer's change then saves nothing. */
  g_free (self->saved);
  self->saved = g_strdup (stored);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), stored, -1);
  g_clear_handle_id (&self->pause, g_source_remove);
}

GtkTextView *
styrkort_text_area_get_view (StyrkortTextArea *self)
{
  return GTK_TEXT_VIEW (self->view);
}

static void
styrkort_text_area_dispose (GObject *object)
{
  StyrkortTextArea *self = STYRKORT_TEXT_AREA (object);

  g_clear_handle_id (&self->pause, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STYRKORT_TYPE_TEXT_AREA);
  G_OBJECT_CLASS (styrkort_text_area_parent_class)->dispose (object);
}

static void
styrkort_text_area_finalize (GObject *object)
{
  g_free (STYRKORT_TEXT_AREA (object)->saved);
  G_OBJECT_CLASS (styrkort_text_area_parent_class)->finalize (object);
}

static void
styrkort_text_area_class_init (StyrkortTextAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = styrkort_text_area_dispose;
  G_OBJECT_CLASS (klass)->finalize = styrkort_text_area_finalize;
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-text-area.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortTextArea, frame);
  gtk_widget_class_bind_template_child (widget_class, StyrkortTextArea, view);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
}

static void
styrkort_text_area_init (StyrkortTextArea *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), "changed",
                            G_CALLBACK (on_text_changed_cb), self);
}

GtkWidget *
styrkort_text_area_new (const char *text, const char *accessible_name, gboolean editable)
{
  StyrkortTextArea *self = g_object_new (STYRKORT_TYPE_TEXT_AREA, NULL);

  self->saved = g_strdup (text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), text, -1);
  g_clear_handle_id (&self->pause, g_source_remove);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return GTK_WIDGET (self);
}
