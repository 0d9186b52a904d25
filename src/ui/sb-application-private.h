/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sb-deadlines.h"
#include "sb-store.h"

G_BEGIN_DECLS

/* The deadline notifications (sb-application.c), for the tests. */
GNotification *sb_application_build_deadline_notification (const SbDeadline *deadline,
                                                           const GDate      *today);
guint          sb_application_notify_deadlines            (GApplication     *application,
                                                           SbStore          *store);

G_END_DECLS
