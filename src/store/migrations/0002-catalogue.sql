-- SPDX-FileCopyrightText: 2026 The Servicebook authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2: the service catalogue (DOMAIN.md, Services and
-- Calendars). Support calendars, customers, services, their service level
-- targets per priority, the customers using each service and the services
-- each depends on.
--
-- Every table is a register, written only through the store's write path.
-- References are checked at commit (DEFERRABLE INITIALLY DEFERRED): sync
-- may deliver a child before its parent. Deleting is a tombstone, so a
-- reference never dangles; the unique rules hold among live rows only.
-- This migration inserts no records: the built-in calendars are created
-- through the write path the first time the calendars are listed.

CREATE TABLE calendar (
  id          TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  name        TEXT NOT NULL CHECK (name <> ''),
  -- sb_calendar_to_string(): weekly hours, time zone, holidays
  definition  TEXT NOT NULL CHECK (definition <> '')
);

CREATE INDEX calendar_name ON calendar (name) WHERE deleted = 0;

CREATE TABLE customer (
  id              TEXT PRIMARY KEY,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  name            TEXT NOT NULL CHECK (name <> ''),
  contact_person  TEXT,
  email           TEXT,
  phone           TEXT,
  notes           TEXT,
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive'))
);

CREATE INDEX customer_name ON customer (name COLLATE NOCASE) WHERE deleted = 0;

CREATE TABLE service (
  id                   TEXT PRIMARY KEY,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  deleted              INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  code                 TEXT NOT NULL CHECK (code <> '' AND code NOT GLOB '*[^A-Z0-9_-]*'),
  name                 TEXT NOT NULL CHECK (name <> ''),
  description          TEXT,
  outcomes             TEXT,
  category             TEXT,
  service_type         TEXT NOT NULL DEFAULT 'customer-facing'
                       CHECK (service_type IN ('customer-facing', 'supporting', 'third-party')),
  owner                TEXT,
  criticality          TEXT NOT NULL DEFAULT 'medium'
                       CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
  status               TEXT NOT NULL DEFAULT 'live'
                       CHECK (status IN ('pipeline', 'live', 'retiring', 'retired')),
  support_channel      TEXT,
  support_contact      TEXT,
  -- NULL: around the clock (24×7)
  calendar_id          TEXT REFERENCES calendar (id) DEFERRABLE INITIALLY DEFERRED,
  exclusions           TEXT,
  prerequisites        TEXT,
  -- minor units of price_currency; NULL: no price
  price_amount         INTEGER CHECK (price_amount IS NULL OR price_amount >= 0),
  price_currency       TEXT CHECK (price_currency IS NULL OR length (price_currency) = 3),
  price_period         TEXT CHECK (price_period IS NULL OR
                                   price_period IN ('month', 'quarter', 'year', 'one-off')),
  -- hundredths of a percent per month; 0: no target
  availability_target  INTEGER NOT NULL DEFAULT 0
                       CHECK (availability_target BETWEEN 0 AND 10000),
  -- incidents per month; 0: no limit
  workload_limit       INTEGER NOT NULL DEFAULT 0 CHECK (workload_limit >= 0),
  -- comma-separated hold reasons that stop the SLA clock
  clock_stop_reasons   TEXT NOT NULL DEFAULT 'awaiting-customer',
  exceptions           TEXT,
  last_review          TEXT CHECK (last_review IS NULL OR date (last_review) IS last_review),
  next_review          TEXT CHECK (next_review IS NULL OR date (next_review) IS next_review)
);

CREATE UNIQUE INDEX service_code_live ON service (code) WHERE deleted = 0;
CREATE INDEX service_code ON service (code);
CREATE INDEX service_calendar ON service (calendar_id) WHERE deleted = 0;
CREATE INDEX service_category ON service (category) WHERE deleted = 0;

-- One row per service and priority (1 critical … 5 planning), in business
-- minutes of the service's calendar; 0: no target.
CREATE TABLE service_target (
  id                  TEXT PRIMARY KEY,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  service_id          TEXT NOT NULL REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED,
  priority            INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  response_minutes    INTEGER NOT NULL DEFAULT 0 CHECK (response_minutes >= 0),
  resolution_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (resolution_minutes >= 0)
);

CREATE UNIQUE INDEX service_target_live ON service_target (service_id, priority) WHERE deleted = 0;
CREATE INDEX service_target_service ON service_target (service_id, priority);

-- The customers using a service. Removing a link is a tombstone; adding
-- it again brings the same row back.
CREATE TABLE service_customer (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  service_id   TEXT NOT NULL REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED,
  customer_id  TEXT NOT NULL REFERENCES customer (id) DEFERRABLE INITIALLY DEFERRED
);

CREATE UNIQUE INDEX service_customer_live ON service_customer (service_id, customer_id) WHERE deleted = 0;
CREATE INDEX service_customer_service ON service_customer (service_id, customer_id);
CREATE INDEX service_customer_customer ON service_customer (customer_id, service_id);

-- A service depends on another one (EMAIL on NETWORK). No cycles: the
-- catalogue refuses them before they are written.
CREATE TABLE service_dependency (
  id             TEXT PRIMARY KEY,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  service_id     TEXT NOT NULL REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED,
  depends_on_id  TEXT NOT NULL REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED,
  CHECK (service_id <> depends_on_id)
);

CREATE UNIQUE INDEX service_dependency_live ON service_dependency (service_id, depends_on_id) WHERE deleted = 0;
CREATE INDEX service_dependency_service ON service_dependency (service_id, depends_on_id);
CREATE INDEX service_dependency_depends_on ON service_dependency (depends_on_id);
