/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Work done ahead, at the lowest priority. While the program starts, the
 * main thread is busy, and GTK's start asks the display server for much: a
 * worker at normal priority took the second core from the display server,
 * which then answered the main thread late (a tenth of GTK's start spent
 * waiting). At the lowest priority the worker yields to both at once.
 * Such a worker can starve on a busy machine, so nothing waits for it: its
 * result is taken if it is there, or dropped when it comes. */
#include "config.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <pthread.h>
#include <sched.h>
#endif

#include "styrkort-ahead.h"

struct _StyrkortAhead {
  gatomicrefcount ref;   /* the thread's and the owner's */
  GMutex lock;
  gboolean finished;     /* guarded by lock, as result */
  gpointer result;
  GThreadFunc func;
  gpointer data;
  GDestroyNotify free_result;
};

static void
ahead_unref (StyrkortAhead *ahead)
{
  if (!g_atomic_ref_count_dec (&ahead->ref))
    return;
  if (ahead->result != NULL)
    ahead->free_result (ahead->result);
  g_mutex_clear (&ahead->lock);
  g_free (ahead);
}

static void
lower_this_threads_priority (void)
{
#ifdef _WIN32
  SetThreadPriority (GetCurrentThread (), THREAD_PRIORITY_IDLE);
#elif defined (SCHED_IDLE)
  struct sched_param param = { 0 };
  pthread_setschedparam (pthread_self (), SCHED_IDLE, &param);
#endif
}

static gpointer
ahead_thread (gpointer data)
{
  StyrkortAhead *ahead = data;
  gpointer result;

  lower_this_threads_priority ();
  result = ahead->func (ahead->data);
  g_mutex_lock (&ahead->lock);
  ahead->result = result;
  ahead->finished = TRUE;
  g_mutex_unlock (&ahead->lock);
  ahead_unref (ahead);
  return NULL;
}

StyrkortAhead *
styrkort_ahead_start (const char *name, GThreadFunc func, gpointer data, GDestroyNotify free_result)
{
  StyrkortAhead *ahead = g_new0 (StyrkortAhead, 1);

  g_atomic_ref_count_init (&ahead->ref);
  g_atomic_ref_count_inc (&ahead->ref);
  g_mutex_init (&ahead->lock);
  ahead->func = func;
  ahead->data = data;
  ahead->free_result = free_result;
  /* Not joined: it ends on its own. */
  g_thread_unref (g_thread_new (name, ahead_thread, ahead));
  return ahead;
}

gboolean
styrkort_ahead_finished (StyrkortAhead *ahead)
{
  gboolean finished;

  g_mutex_lock (&ahead->lock);
  finished = ahead->finished;
  g_mutex_unlock (&ahead->lock);
  return finished;
}

gpointer
styrkort_ahead_take (StyrkortAhead *ahead)
{
  gpointer result = NULL;

  g_mutex_lock (&ahead->lock);
  if (ahead->finished)
    result = g_steal_pointer (&ahead->result);
  g_mutex_unlock (&ahead->lock);
  ahead_unref (ahead);
  return result;
}
