/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Work done ahead on the chance that it is wanted: fonts loaded before the
 * first window asks for them. It runs in a thread of its own at the lowest
 * priority, on a core nothing else wants; nothing ever waits for it. */
typedef struct _StyrkortAhead StyrkortAhead;

/* Starts @func (@data) in a thread named @name (@func owns @data);
 * @free_result frees what it returns when nobody takes it. */
StyrkortAhead *styrkort_ahead_start (const char *name, GThreadFunc func, gpointer data,
                                     GDestroyNotify free_result);
/* Whether @func has returned. */
gboolean       styrkort_ahead_finished (StyrkortAhead *ahead);
/* What @ahead made, if it has finished; else NULL, and what it makes is
 * freed when it finishes. Either way @ahead is given up. */
gpointer       styrkort_ahead_take  (StyrkortAhead *ahead);

G_END_DECLS
