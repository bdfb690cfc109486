/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_MEETING_ROW (styrkort_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortMeetingRow, styrkort_meeting_row, STYRKORT, MEETING_ROW, AdwExpanderRow)

/* A meeting of @project on Styrgrupp, linked as "meeting-ID" (styrkort_page_set_link):
 * its date and notes, and opened, its agenda with the decisions per item.
 * Its buttons emit signals for the page to act on: "edit", "remove",
 * "add-item" and "agenda-from-brief" (the meeting), "record-decision" and
 * "remove-item" (an agenda item's id), "create-action" and
 * "remove-decision" (a decision's id). */
GtkWidget *styrkort_meeting_row_new    (StyrkortProject *project, const StyrkortMeeting *meeting, gboolean editable);
gint64     styrkort_meeting_row_get_id (StyrkortMeetingRow *self);

G_END_DECLS
