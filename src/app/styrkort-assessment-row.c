/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An operation's assessment on an area page, built from
 * ui/styrkort-assessment-row.ui: shows it, and says what the user changed. */
#include "config.h"

#include <glib/gi18n.h>

#include "styrkort-assessment-row.h"
#include "styrkort-locale.h"
#include "styrkort-page.h"
#include "styrkort-text-area.h"

struct _StyrkortAssessmentRow {
  GtkBox parent_instance;
  GtkWidget *badge;
  GtkWidget *name;
  GtkWidget *status;   /* item 0 is "Not assessed", then the statuses */
  GtkWidget *text;
  gint64 operation_id;
};

G_DEFINE_FINAL_TYPE (StyrkortAssessmentRow, styrkort_assessment_row, GTK_TYPE_BOX)

enum { STATUS_CHOSEN, TEXT_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
status_class (int status)
{
  static const char *classes[] = { "status-not_started", "status-in_progress", "status-established",
                                   "status-needs_attention" };
  return status >= 0 && status < STYRKORT_N_STATUSES ? classes[status] : "status-none";
}

/* @status -1: not assessed. */
static void
show_status (StyrkortAssessmentRow *self, int status)
{
  for (int s = -1; s < STYRKORT_N_STATUSES; s++)
    gtk_widget_remove_css_class (self->badge, status_class (s));
  gtk_widget_add_css_class (self->badge, status_class (status));
}

static void
on_status_selected_cb (StyrkortAssessmentRow *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status));

  /* "Not assessed" takes nothing away. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  show_status (self, (int) selected - 1);
  g_signal_emit (self, signals[STATUS_CHOSEN], 0, (int) selected - 1);
}

static void
on_text_saved_cb (StyrkortTextArea *area, const char *text, StyrkortAssessmentRow *self)
{
  g_signal_emit (self, signals[TEXT_SAVED], 0, text);
}

static void
set_status_choices (StyrkortAssessmentRow *self)
{
  const char *choices[STYRKORT_N_STATUSES + 2] = { _("Not assessed") };
  g_autoptr(GtkStringList) list = NULL;

  for (int s = 0; s < STYRKORT_N_STATUSES; s++)
    choices[s + 1] = styrkort_status_label (s);
  list = gtk_string_list_new (choices);
  g_signal_handlers_block_by_func (self->status, on_status_selected_cb, self);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->status), G_LIST_MODEL (list));
  g_signal_handlers_unblock_by_func (self->status, on_status_selected_cb, self);
}

GtkWidget *
styrkort_assessment_row_new (const StyrkortOperation *operation, const StyrkortAssessment *assessment,
                             gboolean editable)
{
  StyrkortAssessmentRow *self = g_object_new (STYRKORT_TYPE_ASSESSMENT_ROW, NULL);
  const char *name = STYRKORT_LOCALIZED (operation, name);
  g_autofree char *text_label = g_strdup_printf (_("Assessment, %s"), name);
  g_autofree char *status_label = g_strdup_printf (_("Status, %s"), name);
  /* Linked for the lines of "Inför mötet" (win.go-to). */
  g_autofree char *link = g_strdup_printf ("assessment-%" G_GINT64_FORMAT, operation->id);

  self->operation_id = operation->id;
  gtk_label_set_text (GTK_LABEL (self->name), name);
  set_status_choices (self);
  styrkort_page_set_link (self->status, link);
  gtk_widget_set_sensitive (self->status, editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status), GTK_ACCESSIBLE_PROPERTY_LABEL, status_label, -1);
  self->text = styrkort_text_area_new (assessment ? assessment->text : "", text_label, editable);
  g_signal_connect (self->text, "save", G_CALLBACK (on_text_saved_cb), self);
  gtk_box_append (GTK_BOX (self), self->text);
  styrkort_assessment_row_show_stored (self, assessment);
  return GTK_WIDGET (self);
}

gint64
styrkort_assessment_row_get_operation (StyrkortAssessmentRow *self)
{
  return self->operation_id;
}

void
styrkort_assessment_row_show_stored (StyrkortAssessmentRow *self, const StyrkortAssessment *assessment)
{
  guint selected = assessment ? assessment->status + 1 : 0;

  styrkort_text_area_show_stored (STYRKORT_TEXT_AREA (self->text), assessment ? assessment->text : "");
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status)) != selected)
    {
      g_signal_handlers_block_by_func (self->status, on_status_selected_cb, self);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status), selected);
      g_signal_handlers_unblock_by_func (self->status, on_status_selected_cb, self);
    }
  show_status (self, assessment ? (int) assessment->status : -1);
}

static void
styrkort_assessment_row_class_init (StyrkortAssessmentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[STATUS_CHOSEN] = g_signal_new ("status-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[TEXT_SAVED] = g_signal_new ("text-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                      NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/styrkort/Styrkort/styrkort-assessment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StyrkortAssessmentRow, badge);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAssessmentRow, name);
  gtk_widget_class_bind_template_child (widget_class, StyrkortAssessmentRow, status);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
}

static void
styrkort_assessment_row_init (StyrkortAssessmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
