/* jd-settings.c — the settings that change what a figure means, kept in the database
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Definition settings and warning thresholds travel with the data, not
 * with the user's desktop, so that every report made from one database
 * states and uses the same definitions.
 */

#define G_LOG_DOMAIN "jd-settings"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "jd-settings.h"
#include "jd-store-private.h"

static const JdSettingInfo settings[] = {
  { "loss_rate_denominator", "concluded", "concluded|judgments", 0, 0,
    N_("Denominator of the first-instance loss rate: all concluded cases, or judgments only") },
  { "correction_rate_denominator", "decided", "decided|merits", 0, 0,
    N_("Denominator of the reconsideration correction rate: all decided, or decisions on the merits only") },
  { "warn_loss_rate", "0.15", NULL, 0, 1,
    N_("Warn when a first-instance loss rate is above this (the common control line is 15%)") },
  { "warn_loss_rate_min_concluded", "3", NULL, 1, 1000000,
    N_("…for an agency with at least this many concluded first-instance cases") },
  { "warn_complaint_sigma", "2", NULL, 0, 10,
    N_("Warn when an agency’s monthly complaints exceed its trailing 12-month mean by this many standard deviations") },
  { "warn_complaint_min_mean", "5", NULL, 0, 1000000,
    N_("…for an agency that receives at least this many complaints a month on average") },
  { "warn_silent_months", "3", NULL, 1, 60,
    N_("Warn when an agency that decided cases before has decided none for this many months") },
  { "warn_review_pass_rate", "0.9", NULL, 0, 1,
    N_("Warn when an agency’s case-file review pass rate is below this") },
  { "warn_review_min_reviewed", "3", NULL, 1, 1000000,
    N_("…for an agency with at least this many files reviewed") },
  { "rank_min_total", "5", NULL, 1, 1000000,
    N_("Rank an agency by a rate only if the rate is over at least this many cases") },
  /* Translators: the default name of the city (or county) a report is
   * about, until the bureau sets its own; zh_CN: "××市" */
  { "report_region_name", N_("Sample City"), NULL, 0, 0,
    N_("The city or county the analysis reports are about, as their titles name it"), TRUE },
  /* Translators: the default name of the bureau that writes the reports;
   * zh_CN: "××市司法局" */
  { "report_bureau_name", N_("Sample City Bureau of Justice"), NULL, 0, 0,
    N_("The bureau that writes the analysis reports, named under their titles"), TRUE },
};

#define TEXT_SETTING_MAX_CHARS 100

const JdSettingInfo *
jd_settings_list (guint *n_settings)
{
  *n_settings = G_N_ELEMENTS (settings);
  return settings;
}

static const JdSettingInfo *
find (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (g_strcmp0 (settings[i].key, key) == 0)
      return &settings[i];

  return NULL;
}

/**
 * jd_settings_get:
 *
 * Returns: (transfer full): the value of @key in this database, or its default
 */
char *
jd_settings_get (JdStore    *store,
                 const char *key)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  const JdSettingInfo *info = find (key);

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  locker = _jd_store_locker_new (store);
  stmt = _jd_db_prepare (_jd_store_get_conn (store), "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt != NULL)
    {
      _jd_db_bind_text (stmt, 1, key);
      if (_jd_db_step (stmt, NULL) == JD_DB_ROW)
        return g_strdup (_jd_db_column_text (stmt, 0));
    }

  /* A name nobody has set yet reads in the user's language. */
  return g_strdup (info->text ? _(info->fallback) : info->fallback);
}

double
jd_settings_get_double (JdStore    *store,
                        const char *key)
{
  g_autofree char *value = jd_settings_get (store, key);

  return value != NULL ? g_ascii_strtod (value, NULL) : 0.0;
}

/**
 * jd_settings_set:
 *
 * Changes a setting of this database, after checking the value.
 *
 * Returns: %FALSE with @error set for an unknown key or a value out of range
 */
gboolean
jd_settings_set (JdStore     *store,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdDbStmt) stmt = NULL;
  const JdSettingInfo *info;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  info = find (key);
  if (info == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("There is no setting “%s”"), key);
      return FALSE;
    }

  if (info->text)
    {
      gboolean printable = g_utf8_validate (value, -1, NULL);

      for (const char *p = value; printable && *p != '\0'; p = g_utf8_next_char (p))
        printable = !g_unichar_iscntrl (g_utf8_get_char (p));

      if (!printable || *value == '\0' || g_utf8_strlen (value, -1) > TEXT_SETTING_MAX_CHARS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a value of %s; give a name of 1 to %d characters on one line"),
                       value, key, TEXT_SETTING_MAX_CHARS);
          return FALSE;
        }
    }
  else if (info->choices != NULL)
    {
      g_auto(GStrv) choices = g_strsplit (info->choices, "|", -1);

      if (!g_strv_contains ((const char * const *)choices, value))
        {
          g_autofree char *list = g_strjoinv (", ", choices);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a value of %s; choose one of %s"), value, key, list);
          return FALSE;
        }
    }
  else
    {
      char *end = NULL;
      double number = g_ascii_strtod (value, &end);

      if (end == value || *end != '\0' || !(number >= info->minimum && number <= info->maximum))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a value of %s; give a number from %g to %g"),
                       value, key, info->minimum, info->maximum);
          return FALSE;
        }
    }

  locker = _jd_store_locker_new (store);
  stmt = _jd_db_prepare (_jd_store_get_conn (store),
                         "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         error);
  if (stmt == NULL)
    return FALSE;

  _jd_db_bind_text (stmt, 1, key);
  _jd_db_bind_text (stmt, 2, value);
  if (!_jd_db_step_done (stmt, error))
    {
      g_prefix_error (error, "%s: ", _("Could not save the setting"));
      return FALSE;
    }

  return TRUE;
}
