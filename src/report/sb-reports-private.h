/*
 * SPDX-FileCopyrightText: 2026 The Servicebook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sb-reports.h"

G_BEGIN_DECLS

/* One builder per report, each in its own file. */
SbReportDocument *sb_report_build_catalogue          (SbStore *, const SbReportPeriod *, const SbReportFilters *, GError **);
SbReportDocument *sb_report_build_service_levels     (SbStore *, const SbReportPeriod *, const SbReportFilters *, GError **);
SbReportDocument *sb_report_build_incident_log       (SbStore *, const SbReportPeriod *, const SbReportFilters *, GError **);
SbReportDocument *sb_report_build_incident           (SbStore *, const SbReportPeriod *, const SbReportFilters *, GError **);
SbReportDocument *sb_report_build_supplier_review    (SbStore *, const SbReportPeriod *, const SbReportFilters *, GError **);
SbReportDocument *sb_report_build_contracts          (SbStore *, const SbReportPeriod *, const SbReportFilters *, GError **);
SbReportDocument *sb_report_build_budget             (SbStore *, const SbReportPeriod *, const SbReportFilters *, GError **);
SbReportDocument *sb_report_build_management_review  (SbStore *, const SbReportPeriod *, const SbReportFilters *, GError **);

G_END_DECLS
