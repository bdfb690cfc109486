/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the meeting brief share. */
#pragma once

#include "styrkort-meeting-brief.h"

G_BEGIN_DECLS

StyrkortBriefSection *_styrkort_brief_section_new  (StyrkortBriefSectionKind kind, const char *title,
                                                    const char *empty);
void                  _styrkort_brief_section_free (StyrkortBriefSection *section);
StyrkortBriefLine    *_styrkort_brief_line_copy    (const StyrkortBriefLine *line);
/* The tertial an ISO date falls in. */
StyrkortPeriod        _styrkort_brief_period_of    (const char *iso);

G_END_DECLS
