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

/* Where the app writes the demo it opens: the user's cache folder, which on
 * Windows is the Internet cache, so there the user's data folder
 * (AppData\Local\styrkort). A newly allocated path. */
char *styrkort_demo_default_path (void);

G_END_DECLS
