/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the tests: temporary folders, checksums, direct SQL on a file. */
#pragma once

#include <gio/gio.h>

#include "styrkort-project.h"

/* A fresh folder for this test; removed at exit. Returns a path inside it. */
char   *test_path        (const char *name);
char   *test_checksum    (const char *path);
gint64  test_sql_int     (const char *path, const char *sql);
char   *test_sql_text    (const char *path, const char *sql);
void    test_sql_exec    (const char *path, const char *sql);
/* Waits until @project's saver has written every edit to the file, so that
 * the file can be read beside it; fails the test if it could not. */
void    test_saved       (StyrkortProject *project);
void    test_write_bytes (const char *path, const void *data, gsize length);
/* Sets XDG_DATA_HOME etc. to a temporary folder: call before g_test_init(). */
void    test_init_env    (void);

/* Adds a test that needs python3 with openpyxl to make or read its files.
 * Built for Windows (run under Wine) it is skipped and says why: there is no
 * python3 there; it runs on Linux. */
void    test_add_python_func (const char *path, GTestFunc func);

/* A Swedish locale's name for setlocale(): glibc's sv_SE.UTF-8 on Linux; on
 * Windows the C runtime's name (Swedish_Sweden.1252). */
#ifdef G_OS_WIN32
#define TEST_SWEDISH_LOCALE "Swedish_Sweden.1252"
#define TEST_SWEDISH_LOCALE_PART "Swedish"
#else
#define TEST_SWEDISH_LOCALE "sv_SE.UTF-8"
#define TEST_SWEDISH_LOCALE_PART "sv_SE"
#endif
