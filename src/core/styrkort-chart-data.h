/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts from a project's figures: the model side of the charts. */
#pragma once

#include "styrkort-chart.h"
#include "styrkort-project.h"

G_BEGIN_DECLS

/* The district over the @n_periods tertials up to @last, with the city line,
 * women and men for split counts, and the target of a linked sub-goal. */
StyrkortChart *styrkort_chart_new_trend       (StyrkortProject *project, gint64 indicator_id,
                                               StyrkortPeriod last, guint n_periods);
/* One bar per unit in @period, with the city value as the reference line. */
StyrkortChart *styrkort_chart_new_units       (StyrkortProject *project, gint64 indicator_id, StyrkortPeriod period);
StyrkortChart *styrkort_chart_new_area_status (StyrkortProject *project, StyrkortPeriod period);
StyrkortChart *styrkort_chart_new_goals       (StyrkortProject *project, gint64 area_id, StyrkortPeriod period);
/* Women and men per unit, for a gender-split indicator. */
StyrkortChart *styrkort_chart_new_gender      (StyrkortProject *project, gint64 indicator_id, StyrkortPeriod period);

/* The default slides for a meeting: area status, then for each T2
 * indicator its units and its trend, then women and men. */
GPtrArray     *styrkort_chart_new_default_slides (StyrkortProject *project, StyrkortPeriod period);

/* Every slide the project can show: area status, each indicator's units,
 * trend (and women/men where split), and each area's sub-goals. */
GPtrArray     *styrkort_chart_list_possible_slides (StyrkortProject *project);
/* The default order: area status, then per T2 indicator its units (women
 * and men for the headcount) and its trend. */
GPtrArray     *styrkort_chart_list_default_slides  (StyrkortProject *project);
/* The chart a slide shows in @period; NULL when its indicator or area is gone. */
StyrkortChart *styrkort_chart_new_for_slide (StyrkortProject *project, const StyrkortSlide *slide, StyrkortPeriod period);
/* The user's chosen slides, or the default ones when none were chosen. */
GPtrArray     *styrkort_chart_new_slides   (StyrkortProject *project, StyrkortPeriod period);

/* Area title in the user's language, with its number: "9. Medhandläggarskap". */
char          *styrkort_area_display_title    (const StyrkortArea *area);

G_END_DECLS
