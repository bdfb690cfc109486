/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Closing a reported period in the window: marking it, unlocking it with a
 * reason, and saving the workbook as it was sent. */
#pragma once

#include <adwaita.h>

#include "styrkort-project.h"

G_BEGIN_DECLS

/* Asks, then keeps the workbook for @period as sent and locks the period. */
void  styrkort_reporting_mark           (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period);
/* Asks for the reason to change reported @period, and unlocks it when given.
 * Returns the dialog, already shown. */
GtkWindow *styrkort_reporting_unlock    (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period);
/* Asks where, and writes the workbook kept for @period. */
void  styrkort_reporting_export         (GtkWindow *parent, StyrkortProject *project, StyrkortPeriod period);
/* One line for the banner of a reported period: when, and whether changed since. */
char *styrkort_reporting_describe       (StyrkortProject *project, StyrkortPeriod period);
/* "2026-11-24 14:05" in local time, from a stored UTC time. */
char *styrkort_reporting_format_time    (const char *iso_utc);

G_END_DECLS
