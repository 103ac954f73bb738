/* jd-server-dialog.h — “Connect to Server”: a server, a user, a password
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "jd-server.h"

G_BEGIN_DECLS

#define JD_TYPE_SERVER_DIALOG (jd_server_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JdServerDialog, jd_server_dialog, JD, SERVER_DIALOG, AdwWindow)

JdServerDialog *jd_server_dialog_new            (GtkWindow       *parent);
void            jd_server_dialog_set_server     (JdServerDialog  *self,
                                                 const JdServer  *server);
void            jd_server_dialog_show_error     (JdServerDialog  *self,
                                                 const char      *message);
const char     *jd_server_dialog_get_error      (JdServerDialog  *self);
gboolean        jd_server_dialog_get_connecting (JdServerDialog  *self);
const JdServer *jd_server_dialog_get_server     (JdServerDialog  *self);
const char     *jd_server_dialog_get_password   (JdServerDialog  *self);
gboolean        jd_server_dialog_get_remember   (JdServerDialog  *self);

G_END_DECLS
