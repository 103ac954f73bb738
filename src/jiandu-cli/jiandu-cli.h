/* jiandu-cli.h — what the commands of jiandu-cli share
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jd-period.h"
#include "jd-store.h"

G_BEGIN_DECLS

typedef int (*JdCliCommand) (int    argc,
                             char **argv);

/* A percentage on stderr, only when stderr is a terminal. */
typedef struct
{
  gboolean    on_terminal;
  int         last_percent;
  const char *label;
} JdCliProgress;

gboolean  jd_cli_parse_options (const char    *command,
                                const char    *parameters,
                                const char    *summary,
                                GOptionEntry  *entries,
                                int           *argc,
                                char        ***argv);
JdStore  *jd_cli_open_store    (const char    *path);
int       jd_cli_open_for_period (const char  *command,
                                const char    *db_path,
                                const char    *period_text,
                                JdStore      **store,
                                JdPeriod      *period);
double    jd_cli_percentile    (double        *values,
                                guint          n,
                                double         p);
void      jd_cli_progress_cb   (double         fraction,
                                gpointer       user_data);
char     *jd_cli_escape        (const char    *text);
guint     jd_cli_display_width (const char    *text);
void      jd_cli_print_row     (const char    *label,
                                const char    *value,
                                const char    *note);

int       jd_cli_bench         (int            argc,
                                char         **argv);
int       jd_cli_bench_pages   (int            argc,
                                char         **argv);
int       jd_cli_bench_charts  (int            argc,
                                char         **argv);
int       jd_cli_chart         (int            argc,
                                char         **argv);
int       jd_cli_check         (int            argc,
                                char         **argv);
int       jd_cli_copy          (int            argc,
                                char         **argv);
int       jd_cli_demo          (int            argc,
                                char         **argv);
int       jd_cli_import        (int            argc,
                                char         **argv);
int       jd_cli_imports       (int            argc,
                                char         **argv);
int       jd_cli_metrics       (int            argc,
                                char         **argv);
int       jd_cli_report        (int            argc,
                                char         **argv);
int       jd_cli_bench_report  (int            argc,
                                char         **argv);
int       jd_cli_slides        (int            argc,
                                char         **argv);
int       jd_cli_bench_slides  (int            argc,
                                char         **argv);
int       jd_cli_server_init   (int            argc,
                                char         **argv);
int       jd_cli_settings      (int            argc,
                                char         **argv);
int       jd_cli_undo_import   (int            argc,
                                char         **argv);

G_END_DECLS
