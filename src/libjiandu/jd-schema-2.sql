-- jd-schema-2.sql — migration 2: metric definition settings
--
-- SPDX-FileCopyrightText: 2026 The Jiandu developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Settings that change what a metric means live in the database, not in
-- GSettings, so that every report printed from this file states them.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO settings (key, value) VALUES
  ('loss_rate_denominator', 'concluded'),
  ('correction_rate_denominator', 'decided');
