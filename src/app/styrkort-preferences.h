/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences window: the style (follow the system, light, dark). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STYRKORT_TYPE_PREFERENCES (styrkort_preferences_get_type ())
G_DECLARE_FINAL_TYPE (StyrkortPreferences, styrkort_preferences, STYRKORT, PREFERENCES, AdwPreferencesWindow)

/* A modal preferences window over @parent, not yet shown. */
StyrkortPreferences *styrkort_preferences_new (GtkWindow *parent);

G_END_DECLS
