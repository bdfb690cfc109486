/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_ASSESSMENT_ROW (styrkort_assessment_row_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortAssessmentRow, styrkort_assessment_row, STYRKORT, ASSESSMENT_ROW, GtkBox)

/* An operation's assessment of a period: a status badge, the operation's
 * name, the status to choose and the text. The user's edits come out as
 * "status-chosen" (the StyrkortStatus) and "text-saved" (the text). */
GtkWidget *styrkort_assessment_row_new           (const StyrkortOperation *operation,
                                                  const StyrkortAssessment *assessment, gboolean editable);
gint64     styrkort_assessment_row_get_operation (StyrkortAssessmentRow *self);
/* Shows the stored assessment (NULL: none), emitting nothing. */
void       styrkort_assessment_row_show_stored   (StyrkortAssessmentRow *self, const StyrkortAssessment *assessment);

G_END_DECLS
