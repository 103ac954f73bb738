-- jd-schema-7.sql — migration 7: the analyst's wording of report paragraphs
--
-- SPDX-FileCopyrightText: 2026 The Jiandu developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A report's paragraphs are drafted from the figures; the analyst may
-- rewrite any of them (jd-report-edits.c).  An edit belongs to one report:
-- its template ("quarter"), its period ("2026Q3"), its filter (a canonical
-- key, "" for none) and the paragraph's key ("complaints").  It keeps the
-- draft it was written against, so that a later import that changes the
-- figures, and so the draft, shows the edit as out of date.

CREATE TABLE report_edits (
  template   TEXT NOT NULL,
  period     TEXT NOT NULL,
  filter     TEXT NOT NULL,
  paragraph  TEXT NOT NULL,
  markup     TEXT NOT NULL,
  draft      TEXT NOT NULL,
  edited_at  TEXT NOT NULL,
  PRIMARY KEY (template, period, filter, paragraph)
);
