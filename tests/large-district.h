/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A large district for the tertial report's test and benchmark: 40 units,
 * long texts, every figure of two tertials. */
#pragma once

#include "styrkort-project.h"

StyrkortProject *large_district_create (const char *path, GError **error);
