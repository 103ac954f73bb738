/* jd-import-fields.c — the entities a file can hold, and their headers
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entity's fields, with the Chinese headers agencies' systems write
 * for them, and how a header row is mapped onto an entity: by its keys and
 * the most fields matched, or by the user's own mapping.
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-import-private.h"
#include "jd-rollup-private.h"

/* Rows before the header that may be titles ("2024年7月行政处罚案件统计表"). */
#define MAX_TITLE_ROWS 10

#define KEY      JD_IMPORT_KEY
#define REQUIRED JD_IMPORT_REQUIRED

#define AGENCY_HEADERS "执法单位|执法部门|执法机关|执法主体|承办单位|办理单位|责任单位|单位编码|单位名称|单位|部门|机关"
#define DOMAIN_HEADERS "执法领域|领域|所属领域|行业领域"

static const JdImportField agency_fields[] = {
  { "code", "code", T_ID, 0, KEY | REQUIRED, NULL, N_("Code"), "单位编码|编码|单位代码|代码" },
  { "name", "name", T_TEXT, 0, REQUIRED, NULL, N_("Name"), "单位名称|名称|执法单位|执法部门" },
  { "level", "level", T_ENUM, JD_ENUM_LEVEL, REQUIRED, NULL, N_("Level"), "层级|级别|单位层级|行政层级" },
  { "region", "region", T_TEXT, 0, 0, NULL, N_("District"), "区县|所属区县|地区|区域|所在区县" },
  { "parent", "parent_id", T_AGENCY, 0, 0, NULL, N_("Parent agency"), "上级单位|上级单位编码|上级部门|主管部门" },
};

static const JdImportField case_fields[] = {
  { "agency", "agency_id", T_AGENCY, 0, KEY | REQUIRED, NULL, N_("Agency"), AGENCY_HEADERS },
  { "case_no", "case_no", T_ID, 0, KEY | REQUIRED, NULL, N_("Case number"), "案件编号|案号|编号|案件号|立案编号|案卷编号|决定书文号|处罚决定书文号" },
  { "domain", "domain_id", T_DOMAIN, 0, 0, NULL, N_("Field"), DOMAIN_HEADERS },
  { "kind", "kind", T_ENUM, JD_ENUM_CASE_KIND, REQUIRED, NULL, N_("Kind"), "执法类别|案件类型|行为类别|执法行为类别|案件类别|执法行为|执法类型|类别|类型" },
  { "opened_on", "opened_on", T_DATE, 0, 0, NULL, N_("Opened on"), "立案日期|立案时间" },
  { "decided_on", "decided_on", T_DATE, 0, 0, NULL, N_("Decided on"), "决定日期|结案日期|决定时间|处罚决定日期|作出决定日期|办结日期|结案时间|办结时间" },
  { "fine_fen", "fine_fen", T_MONEY, 0, 0, "0", N_("Fines and confiscations (yuan)"), "罚没金额|罚没款|罚款金额|罚没款金额|罚款|fine|fines" },
  { "leniency", "leniency", T_ENUM, JD_ENUM_LENIENCY, 0, "none", N_("Leniency"), "免罚类型|包容审慎类型|轻微免罚类型|免罚情形|从轻减轻情形" },
  { "leniency_item", "leniency_item_id", T_ITEM, 0, 0, NULL, N_("Leniency list item"), "免罚清单事项|免罚事项|清单事项|免罚清单事项编码|事项编码" },
  { "exempted_fen", "exempted_fen", T_MONEY, 0, 0, "0", N_("Amount exempted (yuan)"), "免罚金额|减免金额|免罚款金额|exempted" },
  { "major", "major", T_BOOL, 0, 0, "0", N_("Major decision"), "重大执法决定|是否重大执法决定|重大案件|是否重大案件|是否重大" },
  { "legal_review", "legal_review", T_BOOL, 0, 0, NULL, N_("Legal review"), "法制审核|是否法制审核|是否经法制审核|法制审核情况" },
  { "enterprise", "enterprise", T_BOOL, 0, 0, NULL, N_("Concerns an enterprise"), "涉企|是否涉企|涉企案件" },
  { "party", "party", T_TEXT, 0, 0, NULL, N_("Party"), "当事人|当事人编号|当事人标识|当事人代码" },
};

static const JdImportField complaint_fields[] = {
  { "ticket_no", "ticket_no", T_ID, 0, KEY | REQUIRED, NULL, N_("Ticket number"), "工单编号|工单号|编号|受理编号|工单流水号|诉求编号" },
  { "channel", "channel", T_ENUM, JD_ENUM_CHANNEL, REQUIRED, NULL, N_("Channel"), "来源渠道|渠道|来源|诉求渠道|受理渠道" },
  { "received_on", "received_on", T_DATE, 0, REQUIRED, NULL, N_("Received on"), "受理时间|受理日期|登记时间|登记日期|来电时间|诉求时间" },
  { "agency", "agency_id", T_AGENCY, 0, 0, NULL, N_("Agency"), AGENCY_HEADERS },
  { "domain", "domain_id", T_DOMAIN, 0, 0, NULL, N_("Field"), DOMAIN_HEADERS },
  { "category", "category", T_TEXT, 0, 0, NULL, N_("Category"), "诉求类型|诉求类别|问题类型|问题类别|诉求分类|类别" },
  { "due_on", "due_on", T_DATE, 0, 0, NULL, N_("Due on"), "办结时限|办理时限|截止日期|办结期限|要求办结时间" },
  { "closed_on", "closed_on", T_DATE, 0, 0, NULL, N_("Closed on"), "办结时间|办结日期|结案时间|结案日期|办理完成时间" },
  { "substantiated", "substantiated", T_BOOL, 0, 0, NULL, N_("Substantiated"), "是否属实|属实|属实情况|核实情况" },
  { "satisfaction", "satisfaction", T_ENUM, JD_ENUM_SATISFACTION, 0, NULL, N_("Satisfaction"), "满意度|满意情况|回访结果|回访满意度|评价结果" },
};

static const JdImportField lawsuit_fields[] = {
  { "case_no", "case_no", T_ID, 0, KEY | REQUIRED, NULL, N_("Case number"), "案号|案件编号|编号|诉讼案号" },
  { "agency", "agency_id", T_AGENCY, 0, 0, NULL, N_("Defendant"), "被告|被告单位|被告机关|" AGENCY_HEADERS },
  { "domain", "domain_id", T_DOMAIN, 0, 0, NULL, N_("Field"), DOMAIN_HEADERS },
  { "instance", "instance", T_ENUM, JD_ENUM_INSTANCE, REQUIRED, NULL, N_("Instance"), "审级|审理程序|审理级别" },
  { "filed_on", "filed_on", T_DATE, 0, 0, NULL, N_("Filed on"), "立案日期|立案时间|收案日期|起诉日期" },
  { "concluded_on", "concluded_on", T_DATE, 0, 0, NULL, N_("Concluded on"), "审结日期|结案日期|裁判日期|审结时间|判决日期" },
  { "outcome", "outcome", T_ENUM, JD_ENUM_LAWSUIT_OUTCOME, 0, "pending", N_("Outcome"), "裁判结果|审理结果|判决结果|结果|结案方式" },
  { "hearing_held", "hearing_held", T_BOOL, 0, 0, NULL, N_("Hearing held"), "是否开庭|开庭|开庭情况" },
  { "head_appeared", "head_appeared", T_BOOL, 0, 0, NULL, N_("Head appeared"), "负责人出庭|负责人是否出庭|负责人出庭应诉|行政机关负责人出庭" },
};

static const JdImportField reconsideration_fields[] = {
  { "case_no", "case_no", T_ID, 0, KEY | REQUIRED, NULL, N_("Case number"), "复议案号|案号|案件编号|编号|复议编号" },
  { "agency", "agency_id", T_AGENCY, 0, 0, NULL, N_("Respondent"), "被申请人|被申请单位|被申请机关|" AGENCY_HEADERS },
  { "domain", "domain_id", T_DOMAIN, 0, 0, NULL, N_("Field"), DOMAIN_HEADERS },
  { "received_on", "received_on", T_DATE, 0, 0, NULL, N_("Received on"), "受理日期|收案日期|申请日期|受理时间" },
  { "decided_on", "decided_on", T_DATE, 0, 0, NULL, N_("Decided on"), "决定日期|结案日期|审结日期|复议决定日期|办结日期" },
  { "outcome", "outcome", T_ENUM, JD_ENUM_RECONSIDERATION_OUTCOME, 0, "pending", N_("Outcome"), "复议结果|处理结果|复议决定|结果|决定类型|结案方式" },
};

static const JdImportField review_fields[] = {
  { "agency", "agency_id", T_AGENCY, 0, KEY | REQUIRED, NULL, N_("Agency"), "被评查单位|" AGENCY_HEADERS },
  { "case_no", "case_no", T_ID, 0, KEY | REQUIRED, NULL, N_("Case number"), "案卷编号|案件编号|案号|编号" },
  { "reviewed_on", "reviewed_on", T_DATE, 0, KEY | REQUIRED, NULL, N_("Reviewed on"), "评查日期|评查时间" },
  { "score", "score", T_SCORE, 0, 0, NULL, N_("Score"), "评查得分|得分|分数|评分" },
  { "grade", "grade", T_ENUM, JD_ENUM_GRADE, REQUIRED, NULL, N_("Grade"), "评查等次|等次|评查结果|等级" },
  { "problems", "problems", T_TEXT, 0, 0, NULL, N_("Problems found"), "存在问题|问题|主要问题|发现问题" },
};

static const JdImportField leniency_item_fields[] = {
  { "code", "code", T_ID, 0, KEY | REQUIRED, NULL, N_("Code"), "事项编码|编码|清单编号|事项编号|序号编码" },
  { "title", "title", T_TEXT, 0, REQUIRED, NULL, N_("Title"), "事项名称|名称|违法行为|事项" },
  { "kind", "kind", T_ENUM, JD_ENUM_LENIENCY_ITEM_KIND, REQUIRED, NULL, N_("Kind"), "免罚类型|清单类型|类型|类别" },
  { "domain", "domain_id", T_DOMAIN, 0, 0, NULL, N_("Field"), DOMAIN_HEADERS },
  { "agency", "agency_id", T_AGENCY, 0, 0, NULL, N_("Agency"), AGENCY_HEADERS },
  { "legal_basis", "legal_basis", T_TEXT, 0, 0, NULL, N_("Legal basis"), "法律依据|依据|设定依据|处罚依据" },
  { "effective_on", "effective_on", T_DATE, 0, REQUIRED, NULL, N_("In force from"), "生效日期|施行日期|实施日期|发布日期" },
  { "repealed_on", "repealed_on", T_DATE, 0, 0, NULL, N_("Repealed on"), "废止日期|失效日期|停止执行日期" },
};

static const JdImportEntity entities[] = {
  { "cases", "cases", N_("Enforcement cases"), case_fields, G_N_ELEMENTS (case_fields), JD_ROLLUP_CASES },
  { "complaints", "complaints", N_("Complaints"), complaint_fields, G_N_ELEMENTS (complaint_fields),
    JD_ROLLUP_COMPLAINTS },
  { "lawsuits", "lawsuits", N_("Lawsuits"), lawsuit_fields, G_N_ELEMENTS (lawsuit_fields), JD_ROLLUP_LAWSUITS },
  { "reconsiderations", "reconsiderations", N_("Reconsiderations"), reconsideration_fields,
    G_N_ELEMENTS (reconsideration_fields), JD_ROLLUP_RECONSIDERATIONS },
  { "reviews", "reviews", N_("Case-file reviews"), review_fields, G_N_ELEMENTS (review_fields), JD_ROLLUP_REVIEWS },
  { "leniency_items", "leniency_items", N_("Leniency list items"), leniency_item_fields,
    G_N_ELEMENTS (leniency_item_fields), -1 },
  { "agencies", "agencies", N_("Agencies"), agency_fields, G_N_ELEMENTS (agency_fields), -1 },
};

const JdImportEntity *
_jd_import_find_entity (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i].name, name) == 0)
      return &entities[i];

  return NULL;
}

static int
find_field (const JdImportEntity *entity,
            const char           *name)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (g_strcmp0 (entity->fields[i].name, name) == 0)
      return i;

  return -1;
}

/**
 * jd_import_entities:
 *
 * Returns: (transfer none): the entities a file can hold, NULL-terminated
 */
const char * const *
jd_import_entities (void)
{
  static const char *names[G_N_ELEMENTS (entities) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
      names[i] = entities[i].name;

  return names;
}

const char *
jd_import_entity_label (const char *entity)
{
  const JdImportEntity *spec = _jd_import_find_entity (entity);

  return spec != NULL ? _(spec->label) : entity;
}

/**
 * jd_import_entity_fields:
 *
 * Returns: (transfer none) (nullable): the field names of @entity, NULL-terminated
 */
const char * const *
jd_import_entity_fields (const char *entity)
{
  static const char **fields[G_N_ELEMENTS (entities)];
  const JdImportEntity *spec = _jd_import_find_entity (entity);
  guint index;

  if (spec == NULL)
    return NULL;

  index = spec - entities;
  if (g_once_init_enter (&fields[index]))
    {
      const char **names = g_new0 (const char *, spec->n_fields + 1);

      for (guint i = 0; i < spec->n_fields; i++)
        names[i] = spec->fields[i].name;
      g_once_init_leave (&fields[index], names);
    }

  return fields[index];
}

const char *
jd_import_field_label (const char *entity,
                       const char *field)
{
  const JdImportEntity *spec = _jd_import_find_entity (entity);
  int index = spec != NULL ? find_field (spec, field) : -1;

  return index >= 0 ? _(spec->fields[index].label) : field;
}

/* "罚没金额（万元）*" → "罚没金额", scale 10000; "Case No" → "caseno". */
static char *
normalize_header (const char *header,
                  int        *scale)
{
  g_autofree char *folded = g_utf8_normalize (header, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);
  char *paren;

  *scale = 1;
  if (folded == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '_' || c == '-' || c == '*' || c == ':' || c == 0x3000)
        continue;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char)c));
      else
        g_string_append_unichar (out, c);
    }

  /* A unit in brackets: (元), (万元), [元]. */
  paren = strpbrk (out->str, "([");
  if (paren != NULL && paren != out->str)
    {
      if (strstr (paren, "万元") != NULL)
        *scale = 10000;
      g_string_truncate (out, paren - out->str);
    }
  if (g_str_has_suffix (out->str, "万元") && out->len > strlen ("万元"))
    {
      *scale = 10000;
      g_string_truncate (out, out->len - strlen ("万元"));
    }
  else if (g_str_has_suffix (out->str, "元") && out->len > strlen ("元"))
    g_string_truncate (out, out->len - strlen ("元"));

  return g_string_free (out, FALSE);
}

static gboolean
header_matches_field (const JdImportField *field,
                      const char      *normalized)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) aliases = NULL;
  int scale;

  if (normalized[0] == '\0')
    return FALSE;

  name = normalize_header (field->name, &scale);
  if (g_str_equal (name, normalized))
    return TRUE;
  g_clear_pointer (&name, g_free);

  name = normalize_header (field->label, &scale);
  if (g_str_equal (name, normalized))
    return TRUE;

  aliases = g_strsplit (field->aliases, "|", -1);
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autofree char *alias = normalize_header (aliases[i], &scale);

      if (g_str_equal (alias, normalized))
        return TRUE;
    }

  return FALSE;
}

/* Maps one header onto a field of @entity: -1 if none, -2 if the user's
 * mapping says to ignore it. */
static int
map_header (const JdImportEntity      *entity,
            const char            *header,
            const JdImportOptions *options,
            int                   *scale)
{
  g_autofree char *normalized = NULL;
  const char *chosen;

  *scale = 1;
  normalized = normalize_header (header, scale);

  if (options != NULL && options->mapping != NULL &&
      (chosen = g_hash_table_lookup (options->mapping, header)) != NULL)
    return chosen[0] == '\0' ? -2 : find_field (entity, chosen);

  for (guint i = 0; i < entity->n_fields; i++)
    if (header_matches_field (&entity->fields[i], normalized))
      return i;

  return -1;
}

/* Maps a header row; returns the number of distinct fields matched, and
 * whether every key field is among them. */
guint
_jd_import_map_headers (const JdImportEntity  *entity,
                        GPtrArray             *headers,
                        const JdImportOptions *options,
                        int                   *column_field,
                        int                   *field_column,
                        int                   *field_scale,
                        gboolean              *has_keys)
{
  guint matched = 0;

  for (guint f = 0; f < entity->n_fields; f++)
    {
      field_column[f] = -1;
      field_scale[f] = 1;
    }

  for (guint c = 0; c < headers->len; c++)
    {
      int scale = 1;
      int f = map_header (entity, headers->pdata[c], options, &scale);

      column_field[c] = -1;
      /* The first column of a field wins: 单位编码 before 单位名称. */
      if (f >= 0 && field_column[f] < 0)
        {
          column_field[c] = f;
          field_column[f] = c;
          field_scale[f] = scale;
          matched++;
        }
    }

  *has_keys = TRUE;
  for (guint f = 0; f < entity->n_fields; f++)
    if ((entity->fields[f].flags & KEY) && field_column[f] < 0)
      *has_keys = FALSE;

  return matched;
}

/* Picks the entity a header row belongs to, or NULL. */
const JdImportEntity *
_jd_import_detect_entity (GPtrArray             *headers,
                          const JdImportOptions *options)
{
  g_autofree int *column_field = g_new0 (int, MAX (headers->len, 1));
  const JdImportEntity *best = NULL;
  guint best_matched = 0;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      int field_column[JD_IMPORT_MAX_FIELDS], field_scale[JD_IMPORT_MAX_FIELDS];
      gboolean has_keys;
      guint matched;

      if (options != NULL && options->entity != NULL && !g_str_equal (options->entity, entities[i].name))
        continue;

      matched = _jd_import_map_headers (&entities[i], headers, options, column_field, field_column, field_scale, &has_keys);
      if (has_keys && matched >= 2 && matched > best_matched)
        {
          best = &entities[i];
          best_matched = matched;
        }
    }

  return best;
}

/* Reads up to the header row of the current table: the first row, among
 * the first non-blank ones, in which an entity's keys can be told. */
const JdImportEntity *
_jd_import_find_header (JdTableReader          *reader,
                        const JdImportOptions  *options,
                        GPtrArray              *cells,
                        guint                  *header_row,
                        gboolean               *empty,
                        GError                **error)
{
  guint n_tried = 0;
  guint row;

  *empty = TRUE;

  while (n_tried < MAX_TITLE_ROWS)
    {
      const JdImportEntity *entity;

      if (!reader->next_row (reader, cells, &row, error))
        return NULL;
      if (_jd_import_row_is_blank (cells))
        continue;

      *empty = FALSE;
      n_tried++;
      entity = _jd_import_detect_entity (cells, options);
      if (entity != NULL)
        {
          *header_row = row;
          return entity;
        }
    }

  return NULL;
}

void
_jd_import_set_no_header_error (const JdImportOptions  *options,
                                const char             *table_name,
                                GError                **error)
{
  if (options != NULL && options->entity != NULL)
    g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NO_HEADER,
                 _("%s: no header row names the key columns of %s"),
                 table_name, jd_import_entity_label (options->entity));
  else
    g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NO_HEADER,
                 _("%s: the headers do not say what the table holds; give the entity (e.g. --entity cases)"),
                 table_name);
}

gboolean
_jd_import_check_options (const JdImportOptions  *options,
                          GError                **error)
{
  if (options != NULL && options->entity != NULL && _jd_import_find_entity (options->entity) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **)jd_import_entities ());

      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNKNOWN_ENTITY,
                   _("Unknown entity “%s”; it is one of %s"), options->entity, known);
      return FALSE;
    }

  return TRUE;
}

/**
 * jd_import_preview:
 * @max_rows: how many rows after the header to return
 *
 * Reads the start of every table of @path, and says how it would be
 * imported with @options.
 *
 * Returns: (transfer full) (element-type JdImportTable): one per table
 */
GPtrArray *
jd_import_preview (const char             *path,
                   const JdImportOptions  *options,
                   guint                   max_rows,
                   GError                **error)
{
  g_autoptr(JdTableReader) reader = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (path != NULL, NULL);

  if (!_jd_import_check_options (options, error))
    return NULL;

  reader = jd_table_reader_open (path, options != NULL ? options->encoding : NULL, error);
  if (reader == NULL)
    return NULL;

  tables = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_import_table_free);

  for (guint i = 0; i < reader->n_tables; i++)
    {
      JdImportTable *table;
      const JdImportEntity *entity;
      gboolean empty;
      gboolean has_keys;
      guint header_row = 0;
      guint row;

      if (!reader->open_table (reader, i, error))
        return NULL;

      entity = _jd_import_find_header (reader, options, cells, &header_row, &empty, error);
      if (error != NULL && *error != NULL)
        return NULL;
      if (empty)
        continue;

      table = g_new0 (JdImportTable, 1);
      table->sheet = g_strdup (reader->table_names != NULL ? reader->table_names[i] : NULL);
      table->headers = g_ptr_array_new_with_free_func (g_free);
      table->fields = g_ptr_array_new ();
      table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      g_ptr_array_add (tables, table);

      if (entity == NULL)
        continue;

      table->entity = g_strdup (entity->name);
      table->header_row = header_row;
      for (guint c = 0; c < cells->len; c++)
        g_ptr_array_add (table->headers, g_strdup (cells->pdata[c]));

      {
        g_autofree int *column_field = g_new0 (int, MAX (cells->len, 1));
        int field_column[JD_IMPORT_MAX_FIELDS], field_scale[JD_IMPORT_MAX_FIELDS];

        _jd_import_map_headers (entity, table->headers, options, column_field, field_column, field_scale, &has_keys);
        for (guint c = 0; c < table->headers->len; c++)
          g_ptr_array_add (table->fields,
                           column_field[c] >= 0 ? (char *)entity->fields[column_field[c]].name : NULL);
      }

      while (table->rows->len < max_rows)
        {
          g_autoptr(GError) row_error = NULL;
          GPtrArray *copy;

          if (!reader->next_row (reader, cells, &row, &row_error))
            break;
          if (_jd_import_row_is_blank (cells))
            continue;
          copy = g_ptr_array_new_with_free_func (g_free);
          for (guint c = 0; c < cells->len; c++)
            g_ptr_array_add (copy, g_strdup (cells->pdata[c]));
          g_ptr_array_add (table->rows, copy);
        }
    }

  return g_steal_pointer (&tables);
}
