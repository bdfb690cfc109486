/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the city overview share: its fields, its indicators, and the ranking's order. */
#pragma once

#include "styrkort-city.h"

G_BEGIN_DECLS

typedef struct {
  char *code;
  char *name;
  StyrkortMeasure measure;
  StyrkortTotalRule rule;
  StyrkortBetter better;
} Indicator;

struct _StyrkortCity {
  gatomicrefcount ref;    /* a reading thread holds one */
  GPtrArray *sources;     /* StyrkortCitySource */
  GPtrArray *indicators;  /* Indicator, catalogue order */
  GPtrArray *areas;       /* char* key, catalogue order */
  GHashTable *area_titles;   /* key → the status matrix's column header */
  GHashTable *area_names;    /* key → "1. Brukardelaktighet och …" */
};

/* styrkort-city.c: a source with nothing read yet, and the catalogue's indicator of @code (or NULL). */
StyrkortCitySource *_styrkort_city_source_new     (const char *path);
Indicator          *_styrkort_city_find_indicator (StyrkortCity *city, const char *code);

/* styrkort-city-figures.c: a district and its figure, and their order in a
 * ranking (@data is the StyrkortBetter), for the ranking chart too. */
typedef struct {
  char *name;
  double value;
} Ranked;
gint                _styrkort_city_compare_ranked (gconstpointer a, gconstpointer b, gpointer data);

G_END_DECLS
