-- SPDX-FileCopyrightText: 2026 The Servicebook authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4: suppliers and their contracts (DOMAIN.md, Suppliers
-- and contracts). Suppliers with their contacts, contracts with the one
-- term model, their costs, supplier targets per priority and the services
-- they underpin; escalations of incidents to suppliers; periodic reviews
-- and disputes.
--
-- Nothing derived is stored: a contract's current term, next renewal,
-- last day to give notice and status come from src/core/sb-contract-terms.c;
-- performance comes from the escalations; the billing schedule from the
-- cost fields.

CREATE TABLE supplier (
  id                  TEXT PRIMARY KEY,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  name                TEXT NOT NULL CHECK (name <> ''),
  -- external company, an internal team, or a customer acting as supplier
  kind                TEXT NOT NULL DEFAULT 'external'
                      CHECK (kind IN ('external', 'internal', 'customer')),
  status              TEXT NOT NULL DEFAULT 'active'
                      CHECK (status IN ('prospective', 'active', 'under-review',
                                        'exiting', 'ended')),
  criticality         TEXT NOT NULL DEFAULT 'medium'
                      CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
  website             TEXT,
  account_number      TEXT,
  -- our person who owns the relationship
  relationship_owner  TEXT,
  notes               TEXT
);

CREATE INDEX supplier_name ON supplier (name COLLATE NOCASE) WHERE deleted = 0;

-- A supplier's people: account manager, support desk, billing…
CREATE TABLE supplier_contact (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  supplier_id  TEXT NOT NULL REFERENCES supplier (id) DEFERRABLE INITIALLY DEFERRED,
  name         TEXT NOT NULL CHECK (name <> ''),
  role         TEXT,
  email        TEXT,
  phone        TEXT,
  position     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX supplier_contact_supplier ON supplier_contact (supplier_id, position);

CREATE TABLE contract (
  id                         TEXT PRIMARY KEY,
  created_at                 TEXT NOT NULL,
  updated_at                 TEXT NOT NULL,
  deleted                    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  supplier_id                TEXT NOT NULL REFERENCES supplier (id) DEFERRABLE INITIALLY DEFERRED,
  -- the contract's number or name as both sides know it
  reference                  TEXT NOT NULL CHECK (reference <> ''),
  title                      TEXT NOT NULL CHECK (title <> ''),
  contract_type              TEXT NOT NULL DEFAULT 'support'
                             CHECK (contract_type IN ('support', 'licence', 'hosting', 'lease',
                                                      'warranty', 'consultancy', 'other')),
  scope                      TEXT,
  our_responsibilities       TEXT,
  supplier_responsibilities  TEXT,
  -- interfaces: how to raise tickets, support hours, escalation path
  how_to_raise               TEXT,
  support_hours              TEXT,
  escalation_path            TEXT,
  -- the hours the supplier's targets count in; NULL: around the clock
  calendar_id                TEXT REFERENCES calendar (id) DEFERRABLE INITIALLY DEFERRED,
  -- the term model (src/core/sb-contract-terms.h); dates are YYYY-MM-DD
  start_date                 TEXT NOT NULL CHECK (date (start_date) IS start_date),
  initial_months             INTEGER NOT NULL CHECK (initial_months BETWEEN 1 AND 1200),
  renewal                    TEXT NOT NULL DEFAULT 'none'
                             CHECK (renewal IN ('none', 'automatic', 'agreement')),
  renewal_months             INTEGER NOT NULL DEFAULT 0 CHECK (renewal_months BETWEEN 0 AND 1200),
  notice_amount              INTEGER NOT NULL DEFAULT 0 CHECK (notice_amount >= 0),
  notice_unit                TEXT NOT NULL DEFAULT 'days' CHECK (notice_unit IN ('days', 'months')),
  cancellation_method        TEXT,
  -- renewal by agreement: how many renewal terms have been agreed
  renewals_agreed            INTEGER NOT NULL DEFAULT 0 CHECK (renewals_agreed >= 0),
  -- the day we gave notice not to renew; the contract ends with its term
  notice_given_on            TEXT CHECK (notice_given_on IS NULL OR
                                         date (notice_given_on) IS notice_given_on),
  -- ended early: the last day the contract was in force
  terminated_on              TEXT CHECK (terminated_on IS NULL OR
                                         date (terminated_on) IS terminated_on),
  -- what ending early costs or requires
  early_termination          TEXT,
  -- cost: minor units of cost_currency per billing period; NULL: no cost
  cost_amount                INTEGER CHECK (cost_amount IS NULL OR cost_amount >= 0),
  cost_currency              TEXT CHECK (cost_currency IS NULL OR length (cost_currency) = 3),
  billing_period             TEXT NOT NULL DEFAULT 'month'
                             CHECK (billing_period IN ('month', 'quarter', 'year', 'one-off')),
  cost_category              TEXT NOT NULL DEFAULT 'supplier-services'
                             CHECK (cost_category IN ('hardware', 'software', 'cloud',
                                                      'supplier-services', 'labour',
                                                      'facilities', 'training', 'other')),
  -- the budget it is charged to (the budgets register); NULL: none yet
  budget_id                  TEXT,
  notes                      TEXT
);

CREATE INDEX contract_supplier ON contract (supplier_id) WHERE deleted = 0;
CREATE INDEX contract_reference ON contract (reference COLLATE NOCASE) WHERE deleted = 0;

-- Supplier targets per priority (1 critical … 5 planning), in business
-- minutes of the contract's calendar; 0: no target.
CREATE TABLE contract_target (
  id                  TEXT PRIMARY KEY,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  contract_id         TEXT NOT NULL REFERENCES contract (id) DEFERRABLE INITIALLY DEFERRED,
  priority            INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  response_minutes    INTEGER NOT NULL DEFAULT 0 CHECK (response_minutes >= 0),
  resolution_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (resolution_minutes >= 0)
);

CREATE UNIQUE INDEX contract_target_live ON contract_target (contract_id, priority) WHERE deleted = 0;
CREATE INDEX contract_target_contract ON contract_target (contract_id, priority);

-- The services a contract underpins. Removing a link is a tombstone;
-- adding it again brings the same row back.
CREATE TABLE contract_service (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  contract_id  TEXT NOT NULL REFERENCES contract (id) DEFERRABLE INITIALLY DEFERRED,
  service_id   TEXT NOT NULL REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED
);

CREATE UNIQUE INDEX contract_service_live ON contract_service (contract_id, service_id) WHERE deleted = 0;
CREATE INDEX contract_service_contract ON contract_service (contract_id, service_id);
CREATE INDEX contract_service_service ON contract_service (service_id, contract_id);

-- An incident escalated to a supplier. The times are the supplier's:
-- when we raised it with them, when they responded, when they resolved
-- their part. Each also writes an 'escalation' entry on the incident's
-- timeline. priority: the incident's when escalated, which picks the
-- contract's target.
CREATE TABLE incident_escalation (
  id             TEXT PRIMARY KEY,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  incident_id    TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
  supplier_id    TEXT NOT NULL REFERENCES supplier (id) DEFERRABLE INITIALLY DEFERRED,
  contract_id    TEXT REFERENCES contract (id) DEFERRABLE INITIALLY DEFERRED,
  -- the supplier's own ticket reference
  supplier_ref   TEXT,
  priority       INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  escalated_at   TEXT NOT NULL,
  responded_at   TEXT,
  resolved_at    TEXT
);

CREATE INDEX incident_escalation_incident ON incident_escalation (incident_id) WHERE deleted = 0;
CREATE INDEX incident_escalation_supplier ON incident_escalation (supplier_id, escalated_at) WHERE deleted = 0;
CREATE INDEX incident_escalation_contract ON incident_escalation (contract_id, escalated_at) WHERE deleted = 0;

-- Periodic reviews of a supplier: append-only history (a correction is a
-- new review; a mistaken one is deleted). Scores 1 (poor) … 5 (excellent),
-- NULL when not scored.
CREATE TABLE supplier_review (
  id              TEXT PRIMARY KEY,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  supplier_id     TEXT NOT NULL REFERENCES supplier (id) DEFERRABLE INITIALLY DEFERRED,
  contract_id     TEXT REFERENCES contract (id) DEFERRABLE INITIALLY DEFERRED,
  review_date     TEXT NOT NULL CHECK (date (review_date) IS review_date),
  period_from     TEXT NOT NULL CHECK (date (period_from) IS period_from),
  period_to       TEXT NOT NULL CHECK (date (period_to) IS period_to AND period_to >= period_from),
  quality         INTEGER CHECK (quality IS NULL OR quality BETWEEN 1 AND 5),
  delivery        INTEGER CHECK (delivery IS NULL OR delivery BETWEEN 1 AND 5),
  responsiveness  INTEGER CHECK (responsiveness IS NULL OR responsiveness BETWEEN 1 AND 5),
  value           INTEGER CHECK (value IS NULL OR value BETWEEN 1 AND 5),
  notes           TEXT,
  -- the actions agreed with the supplier
  actions         TEXT,
  next_review     TEXT CHECK (next_review IS NULL OR date (next_review) IS next_review),
  reviewer        TEXT
);

CREATE INDEX supplier_review_supplier ON supplier_review (supplier_id, review_date) WHERE deleted = 0;

-- Disputes with a supplier (service, invoice or contract).
CREATE TABLE supplier_dispute (
  id               TEXT PRIMARY KEY,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  supplier_id      TEXT NOT NULL REFERENCES supplier (id) DEFERRABLE INITIALLY DEFERRED,
  contract_id      TEXT REFERENCES contract (id) DEFERRABLE INITIALLY DEFERRED,
  raised_on        TEXT NOT NULL CHECK (date (raised_on) IS raised_on),
  title            TEXT NOT NULL CHECK (title <> ''),
  description      TEXT,
  status           TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'in-progress', 'resolved', 'withdrawn')),
  -- the amount in dispute, if any: minor units of amount_currency
  amount           INTEGER CHECK (amount IS NULL OR amount >= 0),
  amount_currency  TEXT CHECK (amount_currency IS NULL OR length (amount_currency) = 3),
  outcome          TEXT,
  closed_on        TEXT CHECK (closed_on IS NULL OR
                               (date (closed_on) IS closed_on AND closed_on >= raised_on))
);

CREATE INDEX supplier_dispute_supplier ON supplier_dispute (supplier_id, raised_on) WHERE deleted = 0;

-- Device-local: the deadlines this device has already notified about,
-- so that a notification is never shown twice. key: see sb-deadlines.c.
CREATE TABLE sb_deadline_notified (
  key          TEXT PRIMARY KEY,
  notified_at  TEXT NOT NULL
) WITHOUT ROWID;
