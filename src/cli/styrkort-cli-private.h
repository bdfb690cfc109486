/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of styrkort-cli share: its options and helpers, and the commands kept apart. */
#pragma once

#include "styrkort-import.h"
#include "styrkort-project.h"

G_BEGIN_DECLS

/* Options shared by the commands; what is not an option is positional. */
typedef struct {
  StyrkortPeriod period;   /* 0 where not given */
  const char *sheet;
  const char *reason;
  gboolean replace;
  gboolean dry_run;
  StyrkortDecimalSign decimal_sign;
  GPtrArray *positional;
} Options;

void options_clear (Options *o);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Prints the usage; returns the exit status 2. */
int              usage         (void);
/* Prints @error as "styrkort-cli: message"; returns the exit status 1. */
int              report        (GError *error);
gboolean         parse_options (int argc, char **argv, Options *o);
char            *path_of_arg   (const char *arg);
StyrkortProject *open_project  (const char *arg, StyrkortOpenFlags flags, GError **error);

/* styrkort-cli-import.c: FILE IN.(xlsx|csv) [options]. */
int              cmd_import    (int argc, char **argv);

G_END_DECLS
