-- SPDX-FileCopyrightText: 2026 The Servicebook authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 5: budgets and costs (DOMAIN.md, Budgets and costs;
-- Money and time). Budgets for a financial period with their lines and
-- the plan per month, and cost entries (the actuals).
--
-- Nothing derived is stored: actual to date, committed costs (from the
-- contracts' billing schedules), labour (incident time × the hourly rate),
-- forecast and variance are computed (src/core/sb-budget-math.c,
-- src/store/sb-budget-figures.c).

-- A budget for a financial period of n_months starting with start_month.
-- Revising an approved budget makes a new draft (revision_of, revision + 1);
-- approving it supersedes the one it revises, which stays for history.
CREATE TABLE budget (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  name         TEXT NOT NULL CHECK (name <> ''),
  -- YYYY-MM: the first month of the financial period
  start_month  TEXT NOT NULL CHECK (date (start_month || '-01') IS start_month || '-01'),
  n_months     INTEGER NOT NULL DEFAULT 12 CHECK (n_months BETWEEN 1 AND 24),
  currency     TEXT NOT NULL CHECK (length (currency) = 3),
  status       TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'approved', 'superseded', 'closed')),
  approved_on  TEXT CHECK (approved_on IS NULL OR date (approved_on) IS approved_on),
  revision_of  TEXT REFERENCES budget (id) DEFERRABLE INITIALLY DEFERRED,
  revision     INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  notes        TEXT
);

CREATE INDEX budget_period ON budget (start_month) WHERE deleted = 0;
CREATE INDEX budget_revision_of ON budget (revision_of) WHERE revision_of IS NOT NULL;

-- One line of a budget: a cost category, optionally narrowed to a service
-- and/or a contract.
CREATE TABLE budget_line (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  budget_id    TEXT NOT NULL REFERENCES budget (id) DEFERRABLE INITIALLY DEFERRED,
  category     TEXT NOT NULL
               CHECK (category IN ('hardware', 'software', 'cloud', 'supplier-services',
                                   'labour', 'facilities', 'training', 'other')),
  service_id   TEXT REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED,
  contract_id  TEXT REFERENCES contract (id) DEFERRABLE INITIALLY DEFERRED,
  description  TEXT,
  position     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX budget_line_budget ON budget_line (budget_id, position) WHERE deleted = 0;

-- The plan of a line for one month (YYYY-MM), in minor units of the
-- budget's currency. One row per line and month, so that two devices
-- editing different months never conflict.
CREATE TABLE budget_plan (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  line_id      TEXT NOT NULL REFERENCES budget_line (id) DEFERRABLE INITIALLY DEFERRED,
  month        TEXT NOT NULL CHECK (date (month || '-01') IS month || '-01'),
  amount       INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0)
);

CREATE UNIQUE INDEX budget_plan_live ON budget_plan (line_id, month) WHERE deleted = 0;
CREATE INDEX budget_plan_line ON budget_plan (line_id, month);

-- An actual cost. amount is in currency; base_amount is the same cost in
-- the book's base currency, converted when it was entered with rate_micro
-- (units of base currency per unit of currency × 1,000,000), so totals
-- never change when rates do. A credit note is a negative amount.
-- source: typed in ('manual'), a contract's billing schedule confirmed
-- ('contract', with billing_date the schedule's date), or a CSV import
-- ('import', with import_batch for undo).
CREATE TABLE cost_entry (
  id            TEXT PRIMARY KEY,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  date          TEXT NOT NULL CHECK (date (date) IS date),
  amount        INTEGER NOT NULL CHECK (amount <> 0),
  currency      TEXT NOT NULL CHECK (length (currency) = 3),
  rate_micro    INTEGER NOT NULL DEFAULT 1000000 CHECK (rate_micro > 0),
  base_amount   INTEGER NOT NULL,
  category      TEXT NOT NULL
                CHECK (category IN ('hardware', 'software', 'cloud', 'supplier-services',
                                    'labour', 'facilities', 'training', 'other')),
  supplier_id   TEXT REFERENCES supplier (id) DEFERRABLE INITIALLY DEFERRED,
  contract_id   TEXT REFERENCES contract (id) DEFERRABLE INITIALLY DEFERRED,
  service_id    TEXT REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED,
  invoice_ref   TEXT,
  description   TEXT,
  source        TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'contract', 'import')),
  billing_date  TEXT CHECK (billing_date IS NULL OR date (billing_date) IS billing_date),
  import_batch  TEXT
);

CREATE INDEX cost_entry_date ON cost_entry (date) WHERE deleted = 0;
CREATE INDEX cost_entry_supplier ON cost_entry (supplier_id, date) WHERE deleted = 0;
CREATE INDEX cost_entry_service ON cost_entry (service_id, date) WHERE deleted = 0;
CREATE INDEX cost_entry_import ON cost_entry (import_batch) WHERE import_batch IS NOT NULL;
-- A billing schedule's charge is confirmed at most once.
CREATE UNIQUE INDEX cost_entry_confirmed ON cost_entry (contract_id, billing_date)
  WHERE deleted = 0 AND source = 'contract';

-- Optional charging: the price of a service for one customer, per billing
-- period, giving income and margin per service. Without a row here the
-- service's own price (service.price_amount) applies to each customer.
CREATE TABLE service_charge (
  id           TEXT PRIMARY KEY,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  service_id   TEXT NOT NULL REFERENCES service (id) DEFERRABLE INITIALLY DEFERRED,
  customer_id  TEXT NOT NULL REFERENCES customer (id) DEFERRABLE INITIALLY DEFERRED,
  amount       INTEGER NOT NULL CHECK (amount >= 0),
  currency     TEXT NOT NULL CHECK (length (currency) = 3),
  period       TEXT NOT NULL DEFAULT 'month' CHECK (period IN ('month', 'quarter', 'year', 'one-off')),
  start_date   TEXT NOT NULL CHECK (date (start_date) IS start_date),
  end_date     TEXT CHECK (end_date IS NULL OR (date (end_date) IS end_date AND end_date >= start_date))
);

CREATE UNIQUE INDEX service_charge_live ON service_charge (service_id, customer_id) WHERE deleted = 0;

-- The suppliers a cost import created (comma-separated ids), so that
-- undoing it removes those still unused.
ALTER TABLE import_batch ADD COLUMN created_suppliers TEXT;
