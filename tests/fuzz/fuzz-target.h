/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every libFuzzer target of ours starts with: its two entry points, and
 * the locale set as the app sets it (tests/fuzz/run fuzzes in Swedish).
 * Included once by each target, which is a program of its own. */
#pragma once

#include <stdint.h>

#include "styrkort-locale.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  styrkort_locale_init ();
  return 0;
}
