-- jd-schema-3.sql — migration 3: rollup tables for the dashboards
--
-- SPDX-FileCopyrightText: 2026 The Jiandu developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Every figure the dashboards, reports and slides show is a sum over these
-- small tables: one row per month × agency × domain × the categories a
-- metric splits by.  They are derived from the raw tables and rebuilt, for
-- the months that changed, inside the transaction that changed the raw rows
-- (jd-rollup.c), so a filter change never scans millions of rows.
-- domain_id 0 stands for "no domain given", so that it can be part of the
-- primary key; no domain has id 0.

CREATE TABLE roll_cases (
  month        INTEGER NOT NULL,    -- decided_month
  agency_id    INTEGER NOT NULL,
  domain_id    INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  leniency     TEXT NOT NULL,
  n            INTEGER NOT NULL,
  fines_fen    INTEGER NOT NULL,
  exempted_fen INTEGER NOT NULL,
  major        INTEGER NOT NULL,
  major_unreviewed INTEGER NOT NULL, -- major decisions without legal review
  PRIMARY KEY (month, agency_id, domain_id, kind, leniency)
) WITHOUT ROWID;

CREATE TABLE roll_cases_opened (
  month        INTEGER NOT NULL,    -- opened_month
  agency_id    INTEGER NOT NULL,
  domain_id    INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (month, agency_id, domain_id)
) WITHOUT ROWID;

CREATE TABLE roll_complaints (
  month        INTEGER NOT NULL,    -- received_month
  agency_id    INTEGER NOT NULL,    -- 0: no agency given
  domain_id    INTEGER NOT NULL,
  channel      TEXT NOT NULL,
  n            INTEGER NOT NULL,
  closed       INTEGER NOT NULL,
  on_time      INTEGER NOT NULL,
  closed_with_due INTEGER NOT NULL,
  substantiated INTEGER NOT NULL,
  substantiated_known INTEGER NOT NULL,
  satisfied    INTEGER NOT NULL,    -- satisfied or basically satisfied
  rated        INTEGER NOT NULL,
  PRIMARY KEY (month, agency_id, domain_id, channel)
) WITHOUT ROWID;

-- Categories apart: they would multiply the rows of roll_complaints by ten.
CREATE TABLE roll_complaint_categories (
  month        INTEGER NOT NULL,
  agency_id    INTEGER NOT NULL,
  domain_id    INTEGER NOT NULL,
  category     TEXT NOT NULL,       -- '' when none
  n            INTEGER NOT NULL,
  PRIMARY KEY (month, agency_id, domain_id, category)
) WITHOUT ROWID;

CREATE TABLE roll_lawsuits (
  month        INTEGER NOT NULL,    -- concluded_month
  agency_id    INTEGER NOT NULL,
  domain_id    INTEGER NOT NULL,
  instance     TEXT NOT NULL,
  outcome      TEXT NOT NULL,
  n            INTEGER NOT NULL,
  hearing_held INTEGER NOT NULL,
  head_appeared INTEGER NOT NULL,   -- at a hearing held
  PRIMARY KEY (month, agency_id, domain_id, instance, outcome)
) WITHOUT ROWID;

CREATE TABLE roll_reconsiderations (
  month        INTEGER NOT NULL,    -- decided_month
  agency_id    INTEGER NOT NULL,
  domain_id    INTEGER NOT NULL,
  outcome      TEXT NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (month, agency_id, domain_id, outcome)
) WITHOUT ROWID;

CREATE TABLE roll_reviews (
  month        INTEGER NOT NULL,    -- reviewed_month
  agency_id    INTEGER NOT NULL,
  domain_id    INTEGER NOT NULL,    -- the domain of the case file reviewed
  grade        TEXT NOT NULL,
  n            INTEGER NOT NULL,
  score_sum    REAL NOT NULL,
  scored       INTEGER NOT NULL,
  PRIMARY KEY (month, agency_id, domain_id, grade)
) WITHOUT ROWID;

-- The overdue warning counts, on a day, complaints due before it and not
-- closed by it: open ones, and ones closed late after that day.  These two
-- small indexes hold every column it needs.
CREATE INDEX complaints_open ON complaints (due_on, received_on, agency_id, domain_id)
  WHERE closed_on IS NULL;
CREATE INDEX complaints_closed_late ON complaints (closed_on, due_on, received_on, agency_id, domain_id)
  WHERE closed_on > due_on;
