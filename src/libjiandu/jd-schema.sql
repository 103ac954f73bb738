-- jd-schema.sql — migration 1: the data model of DESIGN.md
--
-- SPDX-FileCopyrightText: 2026 The Jiandu developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Dates are ISO text (YYYY-MM-DD); the *_month columns are virtual YYYYMM
-- integers derived from them, so they can never disagree with the date.
-- Money is integer fen.  Enumerations are stored as their English codes;
-- their checks are written as OR chains because SQLite 3.40 builds a
-- temporary b-tree for every row it checks against an IN list, which made
-- bulk inserts several times slower.

CREATE TABLE agencies (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  level     TEXT NOT NULL CHECK (level = 'city' OR level = 'county' OR level = 'township'),
  region    TEXT,
  parent_id INTEGER REFERENCES agencies (id)
);
CREATE INDEX agencies_name ON agencies (name);

CREATE TABLE domains (
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  accepted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE leniency_items (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind = 'no_penalty' OR kind = 'first_offense' OR kind = 'lighter' OR kind = 'mitigated' OR kind = 'no_coercion'),
  domain_id   INTEGER REFERENCES domains (id),
  agency_id   INTEGER REFERENCES agencies (id),
  legal_basis TEXT,
  effective_on TEXT NOT NULL,
  repealed_on TEXT,
  import_id   INTEGER REFERENCES imports (id)
);

CREATE TABLE cases (
  id            INTEGER PRIMARY KEY,
  agency_id     INTEGER NOT NULL REFERENCES agencies (id),
  case_no       TEXT NOT NULL,
  domain_id     INTEGER REFERENCES domains (id),
  kind          TEXT NOT NULL CHECK (kind = 'penalty' OR kind = 'coercion' OR kind = 'inspection' OR kind = 'license' OR kind = 'levy' OR kind = 'other'),
  opened_on     TEXT,
  decided_on    TEXT,
  fine_fen      INTEGER NOT NULL DEFAULT 0,
  leniency      TEXT NOT NULL DEFAULT 'none' CHECK (leniency = 'none' OR leniency = 'no_penalty' OR leniency = 'first_offense' OR leniency = 'lighter' OR leniency = 'mitigated'),
  leniency_item_id INTEGER REFERENCES leniency_items (id),
  exempted_fen  INTEGER NOT NULL DEFAULT 0,
  major         INTEGER NOT NULL DEFAULT 0 CHECK (major = 0 OR major = 1),
  legal_review  INTEGER CHECK (legal_review = 0 OR legal_review = 1),
  enterprise    INTEGER CHECK (enterprise = 0 OR enterprise = 1),
  party         TEXT,
  import_id     INTEGER REFERENCES imports (id),
  opened_month  INTEGER GENERATED ALWAYS AS (CAST (substr (opened_on, 1, 4) || substr (opened_on, 6, 2) AS INTEGER)) VIRTUAL,
  decided_month INTEGER GENERATED ALWAYS AS (CAST (substr (decided_on, 1, 4) || substr (decided_on, 6, 2) AS INTEGER)) VIRTUAL,
  UNIQUE (agency_id, case_no)
);
CREATE INDEX cases_decided_month ON cases (decided_month);
CREATE INDEX cases_opened_month ON cases (opened_month);

CREATE TABLE complaints (
  id             INTEGER PRIMARY KEY,
  ticket_no      TEXT NOT NULL UNIQUE,
  channel        TEXT NOT NULL CHECK (channel = 'hotline_12345' OR channel = 'letter' OR channel = 'visit' OR channel = 'web' OR channel = 'phone' OR channel = 'app' OR channel = 'other'),
  received_on    TEXT NOT NULL,
  agency_id      INTEGER REFERENCES agencies (id),
  domain_id      INTEGER REFERENCES domains (id),
  category       TEXT,
  due_on         TEXT,
  closed_on      TEXT,
  substantiated  INTEGER CHECK (substantiated = 0 OR substantiated = 1),
  satisfaction   TEXT CHECK (satisfaction = 'satisfied' OR satisfaction = 'basic' OR satisfaction = 'unsatisfied'),
  import_id      INTEGER REFERENCES imports (id),
  received_month INTEGER GENERATED ALWAYS AS (CAST (substr (received_on, 1, 4) || substr (received_on, 6, 2) AS INTEGER)) VIRTUAL
);
CREATE INDEX complaints_received_month ON complaints (received_month);

CREATE TABLE lawsuits (
  id             INTEGER PRIMARY KEY,
  case_no        TEXT NOT NULL UNIQUE,
  agency_id      INTEGER REFERENCES agencies (id),
  domain_id      INTEGER REFERENCES domains (id),
  instance       TEXT NOT NULL CHECK (instance = 'first' OR instance = 'second' OR instance = 'retrial'),
  filed_on       TEXT,
  concluded_on   TEXT,
  outcome        TEXT NOT NULL DEFAULT 'pending' CHECK (outcome = 'pending' OR outcome = 'rejected_claim' OR outcome = 'revoked' OR outcome = 'modified' OR outcome = 'illegal' OR outcome = 'void' OR outcome = 'ordered' OR outcome = 'compensation' OR outcome = 'withdrawn' OR outcome = 'dismissed' OR outcome = 'mediated' OR outcome = 'other'),
  hearing_held   INTEGER CHECK (hearing_held = 0 OR hearing_held = 1),
  head_appeared  INTEGER CHECK (head_appeared = 0 OR head_appeared = 1),
  import_id      INTEGER REFERENCES imports (id),
  concluded_month INTEGER GENERATED ALWAYS AS (CAST (substr (concluded_on, 1, 4) || substr (concluded_on, 6, 2) AS INTEGER)) VIRTUAL
);
CREATE INDEX lawsuits_concluded_month ON lawsuits (concluded_month);

CREATE TABLE reconsiderations (
  id            INTEGER PRIMARY KEY,
  case_no       TEXT NOT NULL UNIQUE,
  agency_id     INTEGER REFERENCES agencies (id),
  domain_id     INTEGER REFERENCES domains (id),
  received_on   TEXT,
  decided_on    TEXT,
  outcome       TEXT NOT NULL DEFAULT 'pending' CHECK (outcome = 'pending' OR outcome = 'upheld' OR outcome = 'rejected' OR outcome = 'revoked' OR outcome = 'modified' OR outcome = 'illegal' OR outcome = 'void' OR outcome = 'ordered' OR outcome = 'mediated' OR outcome = 'withdrawn' OR outcome = 'terminated'),
  import_id     INTEGER REFERENCES imports (id),
  decided_month INTEGER GENERATED ALWAYS AS (CAST (substr (decided_on, 1, 4) || substr (decided_on, 6, 2) AS INTEGER)) VIRTUAL
);
CREATE INDEX reconsiderations_decided_month ON reconsiderations (decided_month);

CREATE TABLE reviews (
  id             INTEGER PRIMARY KEY,
  agency_id      INTEGER NOT NULL REFERENCES agencies (id),
  case_no        TEXT NOT NULL,
  reviewed_on    TEXT NOT NULL,
  score          REAL CHECK (score BETWEEN 0 AND 100),
  grade          TEXT NOT NULL CHECK (grade = 'excellent' OR grade = 'good' OR grade = 'pass' OR grade = 'fail'),
  problems       TEXT,
  import_id      INTEGER REFERENCES imports (id),
  reviewed_month INTEGER GENERATED ALWAYS AS (CAST (substr (reviewed_on, 1, 4) || substr (reviewed_on, 6, 2) AS INTEGER)) VIRTUAL,
  UNIQUE (agency_id, case_no, reviewed_on)
);
CREATE INDEX reviews_reviewed_month ON reviews (reviewed_month);
