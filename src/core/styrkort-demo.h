/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo district "Stadsdel Exempel", generated from a fixed seed. */
#pragma once

#include "styrkort-project.h"

G_BEGIN_DECLS

#define STYRKORT_DEMO_SEED 2019
#define STYRKORT_DEMO_NAME "Stadsdel Exempel"

/* The demo's periods: three years of tertials, ending with the latest T2. */
StyrkortPeriod styrkort_demo_first_period (void);
StyrkortPeriod styrkort_demo_last_period  (void);

/* Creates @file (which must not exist) and fills it with the demo district. */
StyrkortProject *styrkort_demo_create (GFile *file, guint32 seed, GError **error);
/* The same with another district name: many districts for the city overview. */
StyrkortProject *styrkort_demo_create_named (GFile *file, guint32 seed, const char *name, GError **error);

G_END_DECLS
