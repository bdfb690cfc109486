/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "styrkort-changes.h"

typedef struct {
  gint64 indicator_id;
  StyrkortPeriod period;
} Figure;

struct _StyrkortChanges {
  gatomicrefcount ref_count;
  StyrkortChangeOrigin origin;
  GHashTable *rows;   /* table name → GArray of gint64 */
  GArray *figures;    /* Figure, each once */
  gboolean reports;
};

G_DEFINE_BOXED_TYPE (StyrkortChanges, styrkort_changes, styrkort_changes_ref, styrkort_changes_unref)

StyrkortChanges *
styrkort_changes_new (StyrkortChangeOrigin origin)
{
  StyrkortChanges *changes = g_new0 (StyrkortChanges, 1);

  g_atomic_ref_count_init (&changes->ref_count);
  changes->origin = origin;
  changes->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  changes->figures = g_array_new (FALSE, FALSE, sizeof (Figure));
  return changes;
}

StyrkortChanges *
styrkort_changes_ref (StyrkortChanges *changes)
{
  g_atomic_ref_count_inc (&changes->ref_count);
  return changes;
}

void
styrkort_changes_unref (StyrkortChanges *changes)
{
  if (!g_atomic_ref_count_dec (&changes->ref_count))
    return;
  g_hash_table_unref (changes->rows);
  g_array_unref (changes->figures);
  g_free (changes);
}

void
styrkort_changes_add_row (StyrkortChanges *changes, const char *table, gint64 row_id)
{
  GArray *ids = g_hash_table_lookup (changes->rows, table);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (changes->rows, g_strdup (table), ids);
    }
  /* An edit touches a row a few times at most, one after the other. */
  if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != row_id)
    g_array_append_val (ids, row_id);
}

void
styrkort_changes_add_figure (StyrkortChanges *changes, gint64 indicator_id, StyrkortPeriod period)
{
  Figure figure = { indicator_id, period };

  if (styrkort_changes_touches_figures (changes, indicator_id, &period))
    return;
  g_array_append_val (changes->figures, figure);
}

void
styrkort_changes_add_reports (StyrkortChanges *changes)
{
  changes->reports = TRUE;
}

StyrkortChangeOrigin
styrkort_changes_get_origin (const StyrkortChanges *changes)
{
  return changes->origin;
}

gboolean
styrkort_changes_is_empty (const StyrkortChanges *changes)
{
  return g_hash_table_size (changes->rows) == 0 && changes->figures->len == 0 && !changes->reports;
}

gboolean
styrkort_changes_touches (const StyrkortChanges *changes, const char *table)
{
  return g_hash_table_contains (changes->rows, table);
}

gboolean
styrkort_changes_touches_any (const StyrkortChanges *changes, const char * const *tables)
{
  for (guint i = 0; tables[i] != NULL; i++)
    if (styrkort_changes_touches (changes, tables[i]))
      return TRUE;
  return FALSE;
}

const GArray *
styrkort_changes_get_rows (const StyrkortChanges *changes, const char *table)
{
  return g_hash_table_lookup (changes->rows, table);
}

gboolean
styrkort_changes_touches_figures (const StyrkortChanges *changes, gint64 indicator_id, const StyrkortPeriod *period)
{
  for (guint i = 0; i < changes->figures->len; i++)
    {
      const Figure *f = &g_array_index (changes->figures, Figure, i);
      if ((indicator_id == 0 || f->indicator_id == indicator_id) &&
          (period == NULL || styrkort_period_compare (f->period, *period) == 0))
        return TRUE;
    }
  return FALSE;
}

gboolean
styrkort_changes_get_reports (const StyrkortChanges *changes)
{
  return changes->reports;
}
