/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The brief for the next meeting, for people: its default period, shortened
 * for print, as agenda items, as text and as slides. The rules that make
 * it are in styrkort-meeting-brief.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "styrkort-meeting-brief-private.h"

StyrkortPeriod
styrkort_brief_default_period (StyrkortProject *project, const char *today)
{
  g_autoptr(GArray) periods = styrkort_project_list_periods (project);
  StyrkortPeriod now;

  if (today != NULL && styrkort_date_is_valid (today))
    now = _styrkort_brief_period_of (today);
  else
    now = styrkort_period_current ();
  for (guint i = periods->len; i > 0; i--)
    if (styrkort_period_compare (g_array_index (periods, StyrkortPeriod, i - 1), now) <= 0)
      return g_array_index (periods, StyrkortPeriod, i - 1);
  return now;
}

StyrkortBrief *
styrkort_brief_truncate (const StyrkortBrief *brief, guint max_lines)
{
  StyrkortBrief *copy;

  g_return_val_if_fail (brief != NULL, NULL);
  copy = g_new0 (StyrkortBrief, 1);
  *copy = *brief;
  copy->today = g_strdup (brief->today);
  copy->since = g_strdup (brief->since);
  copy->next_meeting = g_strdup (brief->next_meeting);
  copy->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) _styrkort_brief_section_free);
  for (guint i = 0; i < brief->sections->len; i++)
    {
      const StyrkortBriefSection *section = brief->sections->pdata[i];
      StyrkortBriefSection *cut = _styrkort_brief_section_new (section->kind, section->title, section->empty);
      for (guint j = 0; j < MIN (max_lines, section->lines->len); j++)
        g_ptr_array_add (cut->lines, _styrkort_brief_line_copy (section->lines->pdata[j]));
      cut->n_more = section->n_more + (section->lines->len - cut->lines->len);
      g_ptr_array_add (copy->sections, cut);
    }
  return copy;
}

char *
styrkort_brief_more_text (const StyrkortBriefSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);
  if (section->n_more == 0)
    return NULL;
  /* TRANSLATORS: after the lines shown of a section: "och 3 till" */
  return g_strdup_printf (ngettext ("and %u more", "and %u more", section->n_more),
                          section->n_more);
}

GStrv
styrkort_brief_agenda (const StyrkortBrief *brief)
{
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

  g_return_val_if_fail (brief != NULL, NULL);
  for (guint i = 0; i < brief->sections->len; i++)
    {
      const StyrkortBriefSection *section = brief->sections->pdata[i];
      guint n = section->lines->len + section->n_more;
      if (n > 0)
        {
          g_autofree char *item = g_strdup_printf ("%s (%u)", section->title, n);
          g_strv_builder_add (items, item);
        }
    }
  return g_strv_builder_end (items);
}

char *
styrkort_brief_to_text (const StyrkortBrief *brief)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (brief != NULL, NULL);
  for (guint i = 0; i < brief->sections->len; i++)
    {
      const StyrkortBriefSection *section = brief->sections->pdata[i];
      g_autofree char *more = styrkort_brief_more_text (section);
      g_string_append_printf (text, "# %s\n", section->title);
      for (guint j = 0; j < section->lines->len; j++)
        {
          const StyrkortBriefLine *line = section->lines->pdata[j];
          g_string_append_printf (text, "- %s", line->text);
          if (line->detail != NULL)
            g_string_append_printf (text, " — %s", line->detail);
          g_string_append_c (text, '\n');
        }
      if (more != NULL)
        g_string_append_printf (text, "  %s\n", more);
      if (section->lines->len == 0)
        g_string_append_printf (text, "  %s\n", section->empty);
    }
  return g_string_free (text, FALSE);
}

GPtrArray *
styrkort_brief_new_slides (const StyrkortBrief *brief, const char *source)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) styrkort_chart_free);

  g_return_val_if_fail (brief != NULL, charts);
  for (guint i = 0; i < brief->sections->len; i++)
    {
      const StyrkortBriefSection *section = brief->sections->pdata[i];
      StyrkortChart *chart = styrkort_chart_new (STYRKORT_CHART_LIST, section->title, source);
      for (guint j = 0; j < section->lines->len; j++)
        {
          const StyrkortBriefLine *line = section->lines->pdata[j];
          int mark = line->attention ? 1 : 0;
          styrkort_chart_add_category (chart, line->text);
          g_ptr_array_add (chart->cell_notes, g_strdup (line->detail ? line->detail : ""));
          g_array_append_val (chart->cells, mark);
        }
      chart->reference_label = g_strdup (section->empty);
      g_ptr_array_add (charts, chart);
    }
  return charts;
}
