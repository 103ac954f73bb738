/* jd-session.c — what every page of a window shows: one store, one period, one filter
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-session"

#include "config.h"

#include "jd-cockpit-tables.h"
#include "jd-session.h"

/* The pages of a window share one of these, the way sysprof's sections
 * share one session: a page never keeps its own copy of the period or
 * the filter, it reads them here when ::changed tells it to. */
struct _JdSession
{
  GObject   parent_instance;

  JdStore  *store;
  int       first_month;   /* of the data, 0 when there is none */
  int       last_month;
  gboolean  has_period;
  JdPeriod  period;
  JdFilter  filter;
  JdFilterChoices *choices;  /* (nullable): the names to filter by, as last read */
  gboolean  checking;      /* a jd_session_check_data() is under way */
};

G_DEFINE_FINAL_TYPE (JdSession, jd_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (JdSession       *self,
              JdSessionChange  what)
{
  g_signal_emit (self, signals[CHANGED], 0, what);
}

static void
jd_session_finalize (GObject *object)
{
  JdSession *self = (JdSession *)object;

  g_clear_object (&self->store);
  jd_filter_clear (&self->filter);
  g_clear_pointer (&self->choices, jd_filter_choices_free);

  G_OBJECT_CLASS (jd_session_parent_class)->finalize (object);
}

static void
jd_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JdSession *self = JD_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_session_class_init (JdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_session_finalize;
  object_class->get_property = jd_session_get_property;

  /**
   * JdSession:store:
   *
   * The database every page reads, or %NULL.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, JD_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdSession::changed:
   * @what: the #JdSessionChange flags of what changed
   *
   * Emitted once for every change of the store, its data, the period or
   * the filter; the pages load their figures again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
jd_session_init (JdSession *self)
{
}

JdSession *
jd_session_new (void)
{
  return g_object_new (JD_TYPE_SESSION, NULL);
}

JdStore *
jd_session_get_store (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->store;
}

/**
 * jd_session_set_store:
 * @store: (nullable): the database, or %NULL
 * @first_month: the first month (YYYYMM) holding data, 0 for none
 * @last_month: the last month holding data, 0 for none
 *
 * Puts another database on show.  The period and the filter are the
 * caller's to set again: another database has other agencies and months.
 */
void
jd_session_set_store (JdSession *self,
                      JdStore   *store,
                      int        first_month,
                      int        last_month)
{
  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (store == NULL || JD_IS_STORE (store));

  self->first_month = first_month;
  self->last_month = last_month;
  g_clear_pointer (&self->choices, jd_filter_choices_free);
  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  emit_changed (self, JD_SESSION_CHANGED_STORE | JD_SESSION_CHANGED_DATA);
}

/**
 * jd_session_data_changed:
 *
 * Says that the database on show changed under the pages (an import, an
 * undo, a reload), keeping the period and the filter the user was on.
 */
void
jd_session_data_changed (JdSession *self,
                         int        first_month,
                         int        last_month)
{
  g_return_if_fail (JD_IS_SESSION (self));

  self->first_month = first_month;
  self->last_month = last_month;
  g_clear_pointer (&self->choices, jd_filter_choices_free);
  emit_changed (self, JD_SESSION_CHANGED_DATA);
}

/* What a check found, in its worker. */
typedef struct
{
  JdStore  *store;
  gboolean  changed;
  int       first_month;
  int       last_month;
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->store);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;

  check->changed = jd_store_poll_changes (check->store);
  if (check->changed && !jd_store_get_month_range (check->store, &check->first_month, &check->last_month))
    check->first_month = check->last_month = 0;
  g_task_return_boolean (task, TRUE);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  JdSession *self = JD_SESSION (object);
  Check *check = g_task_get_task_data (G_TASK (result));

  self->checking = FALSE;
  /* A store opened meanwhile is on show from its own beginning. */
  if (check->changed && check->store == self->store)
    jd_session_data_changed (self, check->first_month, check->last_month);
}

/**
 * jd_session_check_data:
 *
 * Looks, in a worker, whether another program (`jiandu-cli import`,
 * another window, another analyst on the server) changed the database on
 * show, and if so tells the pages, as jd_session_data_changed() does.
 * Cheap (one PRAGMA on a file, a few index lookups on a server), for a
 * timer: the wall display calls it every second.  Off the UI thread, since
 * a server's answer takes a round trip, and a server that went away up to
 * its connect timeout.  A call while the last check is under way does
 * nothing.
 *
 * Returns: whether a check was started
 */
gboolean
jd_session_check_data (JdSession *self)
{
  g_autoptr(GTask) task = NULL;
  Check *check;

  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  if (self->store == NULL || self->checking)
    return FALSE;

  check = g_new0 (Check, 1);
  check->store = g_object_ref (self->store);
  task = g_task_new (self, NULL, check_done_cb, NULL);
  g_task_set_source_tag (task, jd_session_check_data);
  g_task_set_task_data (task, check, (GDestroyNotify)check_free);
  self->checking = TRUE;
  g_task_run_in_thread (task, check_thread);

  return TRUE;
}

/**
 * jd_session_get_checking:
 *
 * Returns: whether a jd_session_check_data() is under way
 */
gboolean
jd_session_get_checking (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  return self->checking;
}

gboolean
jd_session_get_month_range (JdSession *self,
                            int       *first_month,
                            int       *last_month)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  if (first_month != NULL)
    *first_month = self->first_month;
  if (last_month != NULL)
    *last_month = self->last_month;

  return self->first_month != 0;
}

/**
 * jd_session_get_period:
 * @period: (out) (optional): the period on show
 *
 * Returns: %FALSE when no period is on show yet
 */
gboolean
jd_session_get_period (JdSession *self,
                       JdPeriod  *period)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  if (self->has_period && period != NULL)
    *period = self->period;

  return self->has_period;
}

void
jd_session_set_period (JdSession      *self,
                       const JdPeriod *period)
{
  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (period != NULL);

  if (self->has_period && jd_period_equal (&self->period, period))
    return;

  self->period = *period;
  self->has_period = TRUE;
  emit_changed (self, JD_SESSION_CHANGED_PERIOD);
}

/**
 * jd_session_get_filter:
 *
 * Returns: (transfer none): the filter in force; never %NULL
 */
const JdFilter *
jd_session_get_filter (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return &self->filter;
}

void
jd_session_set_filter (JdSession      *self,
                       const JdFilter *filter)
{
  g_return_if_fail (JD_IS_SESSION (self));

  if (jd_filter_equal (&self->filter, filter))
    return;

  jd_filter_copy (&self->filter, filter);
  emit_changed (self, JD_SESSION_CHANGED_FILTER);
}

/**
 * jd_session_set_filter_field:
 * @dimension: which part of the filter
 * @value: (nullable): an agency or domain code, a level, a region; %NULL
 *   to remove that part
 *
 * Changes one part of the filter, as a filter chip or a drill-down does.
 */
void
jd_session_set_filter_field (JdSession   *self,
                             JdDimension  dimension,
                             const char  *value)
{
  g_auto(JdFilter) filter = { NULL };

  g_return_if_fail (JD_IS_SESSION (self));
  g_return_if_fail (dimension < JD_N_DIMENSIONS);

  jd_filter_copy (&filter, &self->filter);
  switch (dimension)
    {
    case JD_DIMENSION_AGENCY:
      g_free (filter.agency);
      filter.agency = g_strdup (value);
      break;

    case JD_DIMENSION_DOMAIN:
      g_free (filter.domain);
      filter.domain = g_strdup (value);
      break;

    case JD_DIMENSION_LEVEL:
      g_free (filter.level);
      filter.level = g_strdup (value);
      break;

    case JD_DIMENSION_REGION:
      g_free (filter.region);
      filter.region = g_strdup (value);
      break;

    case JD_N_DIMENSIONS:
    default:
      g_assert_not_reached ();
    }

  jd_session_set_filter (self, &filter);
}

/* Whether there is a store with data and a period to show of it. */
gboolean
jd_session_is_ready (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), FALSE);

  return self->store != NULL && self->first_month != 0 && self->has_period;
}

/**
 * jd_session_describe_filter:
 *
 * Names what the filter restricts to, as the filter bar's chips do, for
 * exports.  Uses the names the filter bar read in its worker; only when
 * there are none yet (no bar, or the bar still reading) does it read them
 * from the store itself, a short query.
 *
 * Returns: (transfer full) (nullable): the filter by name; %NULL when
 *   nothing is filtered
 */
char *
jd_session_describe_filter (JdSession *self)
{
  g_autoptr(JdFilterChoices) choices = NULL;

  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  if (self->choices != NULL)
    return jd_filter_describe (&self->filter, self->choices);

  if (self->store != NULL)
    choices = jd_filter_choices_load (self->store, NULL);

  return jd_filter_describe (&self->filter, choices);
}

/**
 * jd_session_set_filter_choices:
 * @choices: (transfer full): what the filter can choose from, read from
 *   the session's store since its data last changed
 *
 * Keeps the names to filter by, so that whatever names the filter (an
 * export, a report) need not read them again on the UI thread.
 */
/* Returns: (transfer none) (nullable): the names to filter by, or %NULL
 * while they are being read. */
const JdFilterChoices *
jd_session_get_filter_choices (JdSession *self)
{
  g_return_val_if_fail (JD_IS_SESSION (self), NULL);

  return self->choices;
}

void
jd_session_set_filter_choices (JdSession       *self,
                               JdFilterChoices *choices)
{
  g_return_if_fail (JD_IS_SESSION (self));

  g_clear_pointer (&self->choices, jd_filter_choices_free);
  self->choices = choices;
}
