/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What one edit of a district file changed: the rows per table, the
 * indicators' figures per period, whether reported periods changed, and
 * where the edit came from. StyrkortProject::changed carries one, so that
 * views update what changed instead of rebuilding. */
#pragma once

#include <glib-object.h>

#include "styrkort-types.h"

G_BEGIN_DECLS

typedef enum {
  STYRKORT_CHANGE_EDIT,   /* one edit through the API: the view that made it shows it already */
  STYRKORT_CHANGE_GROUP,  /* several edits as one (an import, a decision with its actions) */
  STYRKORT_CHANGE_UNDO,
  STYRKORT_CHANGE_REDO,
} StyrkortChangeOrigin;

typedef struct _StyrkortChanges StyrkortChanges;

#define STYRKORT_TYPE_CHANGES (styrkort_changes_get_type ())
GType             styrkort_changes_get_type   (void) G_GNUC_CONST;

StyrkortChanges  *styrkort_changes_new        (StyrkortChangeOrigin origin);
StyrkortChanges  *styrkort_changes_ref        (StyrkortChanges *changes);
void              styrkort_changes_unref      (StyrkortChanges *changes);

void              styrkort_changes_add_row    (StyrkortChanges *changes, const char *table, gint64 row_id);
/* A value or city value of @indicator_id in @period was added, changed or removed. */
void              styrkort_changes_add_figure (StyrkortChanges *changes, gint64 indicator_id, StyrkortPeriod period);
/* A period was reported, or its lock taken off or put back. */
void              styrkort_changes_add_reports (StyrkortChanges *changes);

StyrkortChangeOrigin styrkort_changes_get_origin (const StyrkortChanges *changes);
gboolean          styrkort_changes_is_empty   (const StyrkortChanges *changes);
gboolean          styrkort_changes_touches    (const StyrkortChanges *changes, const char *table);
/* TRUE when a row of any of the NULL-terminated @tables changed. */
gboolean          styrkort_changes_touches_any (const StyrkortChanges *changes, const char * const *tables);
/* The ids of @table's rows that changed (gint64), or NULL when none did. */
const GArray     *styrkort_changes_get_rows   (const StyrkortChanges *changes, const char *table);
/* Whether figures of @indicator_id (0: any indicator) in @period (NULL: any
 * period) changed. */
gboolean          styrkort_changes_touches_figures (const StyrkortChanges *changes, gint64 indicator_id,
                                                    const StyrkortPeriod *period);
gboolean          styrkort_changes_get_reports (const StyrkortChanges *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StyrkortChanges, styrkort_changes_unref)

G_END_DECLS
