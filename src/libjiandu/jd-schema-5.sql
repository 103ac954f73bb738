-- jd-schema-5.sql — migration 5: the standard fields of enforcement
--
-- SPDX-FileCopyrightText: 2026 The Jiandu developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Fields of enforcement (执法领域) are a fixed national classification,
-- not something each bureau invents like its agencies, so a database
-- knows them from the start and the first import can name them.  The
-- codes and names are the demo city's (jd-demo.c), in the same order.
-- A database that already has a field under the same code or the same
-- name (a demo database, or one an import created with --create-agencies)
-- keeps its row and its id; only the missing fields are added.  The rows
-- carry no import_id, so undoing an import never removes them.

WITH standard (code, name) AS (
  VALUES ('SCJG', '市场监管'),
         ('STHJ', '生态环境'),
         ('JTYS', '交通运输'),
         ('CSGL', '城市管理'),
         ('NYNC', '农业农村'),
         ('WHLY', '文化旅游'),
         ('YJGL', '应急管理'),
         ('ZRZY', '自然资源和规划'),
         ('WSJK', '卫生健康'),
         ('RLSB', '人力资源社会保障'),
         ('ZFJS', '住房城乡建设'),
         ('GAZA', '公安治安'),
         ('SL',   '水利'),
         ('JY',   '教育'),
         ('QT',   '其他')
)
INSERT OR IGNORE INTO domains (code, name)
  SELECT code, name FROM standard
  WHERE NOT EXISTS (SELECT 1 FROM domains WHERE domains.name = standard.name);
