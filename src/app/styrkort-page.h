/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every page of the window does: show one project in one period. */
#pragma once

#include <adwaita.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

#define STYRKORT_TYPE_PAGE (styrkort_page_get_type ())
G_DECLARE_INTERFACE (StyrkortPage, styrkort_page, STYRKORT, PAGE, GtkWidget)

struct _StyrkortPageInterface {
  GTypeInterface parent_iface;
  /* Shows @project in @period, rebuilding what it shows. */
  void (*show) (StyrkortPage *self, StyrkortProject *project, StyrkortPeriod period);
  /* After the project changed (a page already shown): brings what the page
   * shows up to date where @changes touched it, in place, and returns TRUE;
   * FALSE when the page must be shown again. Optional: a page without it is
   * shown again after any change. */
  gboolean (*update) (StyrkortPage *self, StyrkortChanges *changes);
};

void     styrkort_page_show   (StyrkortPage *self, StyrkortProject *project, StyrkortPeriod period);
gboolean styrkort_page_update (StyrkortPage *self, StyrkortChanges *changes);

/* Work that fills a page in over several frames, so that the window keeps
 * drawing and handling input meanwhile: @step is called until it returns
 * FALSE, for at most a few milliseconds in a turn of the main loop, and
 * while @page is in view one turn a frame (what a turn added is laid out in
 * the frame after it, which then fits in the frame's time too). Starting
 * again drops the work not done. Out of view, the work waits to be shown,
 * or for styrkort_page_steps_turn_out_of_view. */
typedef gboolean (*StyrkortPageStep) (GtkWidget *page);
void     styrkort_page_steps_start   (GtkWidget *page, StyrkortPageStep step);
/* Drops the work not done. */
void     styrkort_page_steps_stop    (GtkWidget *page);
/* Does the work not done at once: before finding a widget on the page. */
void     styrkort_page_steps_finish  (GtkWidget *page);
/* Whether the page is still filling itself in. */
gboolean styrkort_page_steps_running (GtkWidget *page);
/* A turn's work on @page out of view (made ready ahead), laid out as the
 * page will be shown; FALSE once the page is filled in. */
gboolean styrkort_page_steps_turn_out_of_view (GtkWidget *page);
/* Measures and places @page, out of view in a stack, at the stack's size,
 * as the stack will when it shows it: showing it then finds its text laid
 * out, and only has to draw. */
void     styrkort_page_lay_out_out_of_view (GtkWidget *page);

/* Reports an error from an edit on the page's window, as a toast. */
void styrkort_page_report (GtkWidget *widget, const GError *error);
/* A toast with an Undo button, after something was deleted. */
void styrkort_page_report_deleted (GtkWidget *widget, const char *what);

/* @text on lines of at most @width characters, broken between words: for
 * labels whose height must not depend on the width GTK gives them. */
char *styrkort_page_break_lines (const char *text, glong width);

/* A button named by @label: its tooltip and what screen readers say. */
void       styrkort_page_name_button (GtkWidget *button, const char *label, gboolean sensitive);
/* A flat icon button for a list row. @label is its tooltip and accessible
 * name; @id and @remove go along as object data "id" and "remove". */
GtkWidget *styrkort_page_row_button (const char *icon, const char *label, gint64 id, gboolean remove,
                                     gboolean sensitive, GCallback callback, gpointer user_data);

/* Rows put into preferences groups and taken out again when a page or
 * dialog shows new content: @rows holds a reference to each. */
void       styrkort_page_group_add_row    (GPtrArray *rows, GtkWidget *group, GtkWidget *row);
void       styrkort_page_group_clear_rows (GPtrArray *rows);

/* Gives the focus to the child of @list named "@kind-@id" (as rows of
 * records are), which scrolls it into view. */
void       styrkort_page_focus_row        (GtkWidget *list, const char *kind, gint64 id);

/* A link to a widget that shows one thing of the file ("action-12"), for
 * "Inför mötet" (win.go-to). Kept beside the widget, not as its name: a
 * name is a CSS id, which GTK keeps as a quark for the life of the process
 * (one for each cell and row ever shown) and which keeps the widget's style
 * from being shared with its siblings'. */
void        styrkort_page_set_link  (GtkWidget *widget, const char *link);
const char *styrkort_page_get_link  (GtkWidget *widget);
/* The first widget under @root (itself included, depth first) whose link
 * matches @pattern (a GPatternSpec: "*" and "?"). */
GtkWidget  *styrkort_page_find_link (GtkWidget *root, const char *pattern);
/* Gives the focus to @widget, or else to its first child that takes it. */
gboolean   styrkort_page_focus_in   (GtkWidget *widget);
/* Removes every row of a list box. */
void       styrkort_page_clear_list (GtkWidget *list);

/* Appends a titled group (with an optional description) to @box. */
GtkWidget *styrkort_page_add_group (GtkWidget *box, const char *title, const char *description);

/* A toast that shows @text as it is. libadwaita 1.2 reads toast titles as
 * Pango markup: a name with "&" or "<" went blank, with a warning. */
AdwToast  *styrkort_toast_new (const char *text);

G_END_DECLS
