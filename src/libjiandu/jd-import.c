/* jd-import.c — importing agencies' and the hotline's exports
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file's tables are mapped onto one entity each, by their headers, and
 * every row is accounted for: new, updated, unchanged, a duplicate of an
 * earlier row of the file, or rejected with a reason.  A file is imported in one transaction, with the rollups kept in
 * step inside it.  Rows an import updated have their previous values in
 * import_journal, so that the import can be undone exactly.
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-enums.h"
#include "jd-import.h"
#include "jd-rollup-private.h"
#include "jd-store-private.h"
#include "jd-test-hooks-private.h"
#include "jd-table-reader.h"

/* Rows before the header that may be titles ("2024年7月行政处罚案件统计表"). */
#define MAX_TITLE_ROWS 10

typedef enum
{
  T_TEXT,
  T_ID,
  T_AGENCY,
  T_DOMAIN,
  T_ITEM,
  T_DATE,
  T_MONEY,
  T_BOOL,
  T_ENUM,
  T_SCORE,
} FieldType;

enum
{
  KEY      = 1 << 0,
  REQUIRED = 1 << 1,
};

typedef struct
{
  const char *name;       /* the English field name, as a mapping gives it */
  const char *column;     /* in the table */
  FieldType   type;
  JdEnum      which;      /* for T_ENUM */
  guint       flags;
  const char *fallback;   /* stored for an empty cell; NULL stores NULL */
  const char *label;      /* translatable */
  const char *aliases;    /* headers that mean this field, "|"-separated */
} FieldSpec;

typedef struct
{
  const char      *name;
  const char      *table;
  const char      *label;
  const FieldSpec *fields;
  guint            n_fields;
  int              rollup;            /* JdRollup, or -1 */
} EntitySpec;

#define AGENCY_HEADERS "执法单位|执法部门|执法机关|执法主体|承办单位|办理单位|责任单位|单位编码|单位名称|单位|部门|机关"
#define DOMAIN_HEADERS "执法领域|领域|所属领域|行业领域"

static const FieldSpec agency_fields[] = {
  { "code", "code", T_ID, 0, KEY | REQUIRED, NULL, N_("Code"), "单位编码|编码|单位代码|代码" },
  { "name", "name", T_TEXT, 0, REQUIRED, NULL, N_("Name"), "单位名称|名称|执法单位|执法部门" },
  { "level", "level", T_ENUM, JD_ENUM_LEVEL, REQUIRED, NULL, N_("Level"), "层级|级别|单位层级|行政层级" },
  { "region", "region", T_TEXT, 0, 0, NULL, N_("District"), "区县|所属区县|地区|区域|所在区县" },
  { "parent", "parent_id", T_AGENCY, 0, 0, NULL, N_("Parent agency"), "上级单位|上级单位编码|上级部门|主管部门" },
};

static const FieldSpec case_fields[] = {
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

static const FieldSpec complaint_fields[] = {
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

static const FieldSpec lawsuit_fields[] = {
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

static const FieldSpec reconsideration_fields[] = {
  { "case_no", "case_no", T_ID, 0, KEY | REQUIRED, NULL, N_("Case number"), "复议案号|案号|案件编号|编号|复议编号" },
  { "agency", "agency_id", T_AGENCY, 0, 0, NULL, N_("Respondent"), "被申请人|被申请单位|被申请机关|" AGENCY_HEADERS },
  { "domain", "domain_id", T_DOMAIN, 0, 0, NULL, N_("Field"), DOMAIN_HEADERS },
  { "received_on", "received_on", T_DATE, 0, 0, NULL, N_("Received on"), "受理日期|收案日期|申请日期|受理时间" },
  { "decided_on", "decided_on", T_DATE, 0, 0, NULL, N_("Decided on"), "决定日期|结案日期|审结日期|复议决定日期|办结日期" },
  { "outcome", "outcome", T_ENUM, JD_ENUM_RECONSIDERATION_OUTCOME, 0, "pending", N_("Outcome"), "复议结果|处理结果|复议决定|结果|决定类型|结案方式" },
};

static const FieldSpec review_fields[] = {
  { "agency", "agency_id", T_AGENCY, 0, KEY | REQUIRED, NULL, N_("Agency"), "被评查单位|" AGENCY_HEADERS },
  { "case_no", "case_no", T_ID, 0, KEY | REQUIRED, NULL, N_("Case number"), "案卷编号|案件编号|案号|编号" },
  { "reviewed_on", "reviewed_on", T_DATE, 0, KEY | REQUIRED, NULL, N_("Reviewed on"), "评查日期|评查时间" },
  { "score", "score", T_SCORE, 0, 0, NULL, N_("Score"), "评查得分|得分|分数|评分" },
  { "grade", "grade", T_ENUM, JD_ENUM_GRADE, REQUIRED, NULL, N_("Grade"), "评查等次|等次|评查结果|等级" },
  { "problems", "problems", T_TEXT, 0, 0, NULL, N_("Problems found"), "存在问题|问题|主要问题|发现问题" },
};

static const FieldSpec leniency_item_fields[] = {
  { "code", "code", T_ID, 0, KEY | REQUIRED, NULL, N_("Code"), "事项编码|编码|清单编号|事项编号|序号编码" },
  { "title", "title", T_TEXT, 0, REQUIRED, NULL, N_("Title"), "事项名称|名称|违法行为|事项" },
  { "kind", "kind", T_ENUM, JD_ENUM_LENIENCY_ITEM_KIND, REQUIRED, NULL, N_("Kind"), "免罚类型|清单类型|类型|类别" },
  { "domain", "domain_id", T_DOMAIN, 0, 0, NULL, N_("Field"), DOMAIN_HEADERS },
  { "agency", "agency_id", T_AGENCY, 0, 0, NULL, N_("Agency"), AGENCY_HEADERS },
  { "legal_basis", "legal_basis", T_TEXT, 0, 0, NULL, N_("Legal basis"), "法律依据|依据|设定依据|处罚依据" },
  { "effective_on", "effective_on", T_DATE, 0, REQUIRED, NULL, N_("In force from"), "生效日期|施行日期|实施日期|发布日期" },
  { "repealed_on", "repealed_on", T_DATE, 0, 0, NULL, N_("Repealed on"), "废止日期|失效日期|停止执行日期" },
};

static const EntitySpec entities[] = {
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

/* Spellings agencies' systems use beyond those of jd-enums.c. */
static const struct {
  JdEnum      which;
  const char *text;
  const char *code;
} extra_values[] = {
  { JD_ENUM_CASE_KIND, "处罚", "penalty" },
  { JD_ENUM_CASE_KIND, "强制", "coercion" },
  { JD_ENUM_CASE_KIND, "行政强制措施", "coercion" },
  { JD_ENUM_CASE_KIND, "行政强制执行", "coercion" },
  { JD_ENUM_CASE_KIND, "检查", "inspection" },
  { JD_ENUM_CASE_KIND, "许可", "license" },
  { JD_ENUM_CASE_KIND, "征收", "levy" },
  { JD_ENUM_CASE_KIND, "行政征收征用", "levy" },
  { JD_ENUM_LENIENCY, "不予行政处罚", "no_penalty" },
  { JD_ENUM_LENIENCY, "从轻", "lighter" },
  { JD_ENUM_LENIENCY, "减轻", "mitigated" },
  { JD_ENUM_LENIENCY, "否", "none" },
  { JD_ENUM_LENIENCY_ITEM_KIND, "不予行政处罚", "no_penalty" },
  { JD_ENUM_LENIENCY_ITEM_KIND, "从轻", "lighter" },
  { JD_ENUM_LENIENCY_ITEM_KIND, "减轻", "mitigated" },
  { JD_ENUM_LENIENCY_ITEM_KIND, "免予行政强制", "no_coercion" },
  { JD_ENUM_CHANNEL, "12345政务服务便民热线", "hotline_12345" },
  { JD_ENUM_CHANNEL, "12345热线电话", "hotline_12345" },
  { JD_ENUM_CHANNEL, "热线", "hotline_12345" },
  { JD_ENUM_CHANNEL, "信件", "letter" },
  { JD_ENUM_CHANNEL, "走访", "visit" },
  { JD_ENUM_CHANNEL, "网络", "web" },
  { JD_ENUM_CHANNEL, "网上", "web" },
  { JD_ENUM_CHANNEL, "门户网站", "web" },
  { JD_ENUM_CHANNEL, "移动端", "app" },
  { JD_ENUM_CHANNEL, "小程序", "app" },
  { JD_ENUM_SATISFACTION, "非常满意", "satisfied" },
  { JD_ENUM_SATISFACTION, "比较满意", "basic" },
  { JD_ENUM_INSTANCE, "一审程序", "first" },
  { JD_ENUM_INSTANCE, "二审程序", "second" },
  { JD_ENUM_INSTANCE, "审判监督程序", "retrial" },
  { JD_ENUM_LAWSUIT_OUTCOME, "审理中", "pending" },
  { JD_ENUM_LAWSUIT_OUTCOME, "在审", "pending" },
  { JD_ENUM_LAWSUIT_OUTCOME, "判决驳回诉讼请求", "rejected_claim" },
  { JD_ENUM_LAWSUIT_OUTCOME, "撤销行政行为", "revoked" },
  { JD_ENUM_LAWSUIT_OUTCOME, "判决撤销", "revoked" },
  { JD_ENUM_LAWSUIT_OUTCOME, "判决变更", "modified" },
  { JD_ENUM_LAWSUIT_OUTCOME, "判决确认违法", "illegal" },
  { JD_ENUM_LAWSUIT_OUTCOME, "判决确认无效", "void" },
  { JD_ENUM_LAWSUIT_OUTCOME, "判决履行", "ordered" },
  { JD_ENUM_LAWSUIT_OUTCOME, "行政赔偿", "compensation" },
  { JD_ENUM_LAWSUIT_OUTCOME, "撤回起诉", "withdrawn" },
  { JD_ENUM_LAWSUIT_OUTCOME, "裁定驳回起诉", "dismissed" },
  { JD_ENUM_RECONSIDERATION_OUTCOME, "审理中", "pending" },
  { JD_ENUM_RECONSIDERATION_OUTCOME, "维持决定", "upheld" },
  { JD_ENUM_RECONSIDERATION_OUTCOME, "驳回复议申请", "rejected" },
  { JD_ENUM_RECONSIDERATION_OUTCOME, "撤回申请", "withdrawn" },
  { JD_ENUM_RECONSIDERATION_OUTCOME, "终止审理", "terminated" },
  { JD_ENUM_LEVEL, "区级", "county" },
  { JD_ENUM_LEVEL, "区县级", "county" },
  { JD_ENUM_LEVEL, "县区级", "county" },
  { JD_ENUM_LEVEL, "镇", "township" },
  { JD_ENUM_LEVEL, "街道", "township" },
  { JD_ENUM_LEVEL, "乡镇街道", "township" },
};

/* What agencies write for the standard fields of enforcement
 * (jd-schema-5.sql), consulted when the database knows no field by that
 * code or name.  They lead to the standard name rather than the code, so
 * a database whose field came from an import, named but not coded like
 * the standard one, resolves them too. */
static const struct {
  const char *text;
  const char *name;
} domain_variants[] = {
  { "市场监督管理", "市场监管" },
  { "市场监督", "市场监管" },
  { "市监", "市场监管" },
  { "工商", "市场监管" },
  { "工商行政管理", "市场监管" },
  { "食品药品监管", "市场监管" },
  { "质量技术监督", "市场监管" },
  { "环保", "生态环境" },
  { "环境保护", "生态环境" },
  { "生态环境保护", "生态环境" },
  { "交通", "交通运输" },
  { "道路运输", "交通运输" },
  { "城管", "城市管理" },
  { "城管执法", "城市管理" },
  { "城市管理综合执法", "城市管理" },
  { "城市管理综合行政执法", "城市管理" },
  { "农业", "农业农村" },
  { "农业综合执法", "农业农村" },
  { "文旅", "文化旅游" },
  { "文化和旅游", "文化旅游" },
  { "文化市场", "文化旅游" },
  { "文化市场综合执法", "文化旅游" },
  { "应急", "应急管理" },
  { "安全生产", "应急管理" },
  { "安监", "应急管理" },
  { "自然资源", "自然资源和规划" },
  { "自然资源规划", "自然资源和规划" },
  { "国土", "自然资源和规划" },
  { "国土资源", "自然资源和规划" },
  { "卫生", "卫生健康" },
  { "卫健", "卫生健康" },
  { "卫生监督", "卫生健康" },
  { "人社", "人力资源社会保障" },
  { "人力资源和社会保障", "人力资源社会保障" },
  { "劳动保障", "人力资源社会保障" },
  { "劳动保障监察", "人力资源社会保障" },
  { "住建", "住房城乡建设" },
  { "住房和城乡建设", "住房城乡建设" },
  { "城乡建设", "住房城乡建设" },
  { "公安", "公安治安" },
  { "治安", "公安治安" },
  { "治安管理", "公安治安" },
  { "水务", "水利" },
  { "其它", "其他" },
};

/* A parsed cell, ready to bind. */
typedef struct
{
  int          type;      /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT */
  gint64       i;
  double       d;
  const char  *s;
  char         date[11];
} Value;

#define MAX_FIELDS 16

/* A reason a row is wrong, while it is being imported. */
typedef struct
{
  guint         index;    /* the row's place in its batch */
  int           column;
  char         *reason;
  JdImportHint  hint;
} BatchError;

typedef struct
{
  JdStore      *store;
  sqlite3      *db;
  const JdImportOptions *options;
  gboolean      date1904;

  GHashTable   *agencies;    /* code and name → id */
  GHashTable   *domains;     /* code and name → id */
  GHashTable   *items;       /* code and title → id */
  gint64        journal_seq;
  gint64        first_import_id;
} Context;

/* What parsing a table's cells needs: read-only while the reader thread
 * parses, with its own copies of the names known when the table began.
 * A name it does not find is looked up again, and perhaps created, by the
 * writing thread. */
typedef struct
{
  const EntitySpec *entity;
  const int        *field_column;
  const int        *field_scale;
  gboolean          date1904;
  GHashTable       *agencies;
  GHashTable       *domains;
  GHashTable       *items;
} Parser;

/* One table being imported. */
typedef struct
{
  const EntitySpec *entity;
  GPtrArray        *headers;
  int              *column_field;     /* per column: field index, or -1 */
  guint             n_columns;
  int               field_column[MAX_FIELDS]; /* per field: column, or -1 */
  int               field_scale[MAX_FIELDS];  /* money given in 万元 */
  int               n_keys;
  int               n_mapped;

  gint64            import_id;
  sqlite3_stmt     *insert;
  sqlite3_stmt     *select;
  sqlite3_stmt     *update;
  sqlite3_stmt     *journal;
  sqlite3_stmt     *seen_insert;
  sqlite3_stmt     *seen_lookup;
  JdImportResult   *result;

  /* The rows it adds are summed into the rollup in memory; the rows it
   * updates are taken out of it and added back by SQL. */
  JdRollupSum      *sum;
  JdRollupDelta    *delta;
  int               rollup_field[MAX_FIELDS]; /* per rollup column: field index */
  guint             n_rollup_fields;
  gint64            first_id;         /* the ids of the rows it added */
  gint64            last_id;

  /* The rows of the file the added rows came from, by id - first_id, as
   * long as their ids follow on (SQLite's rowids do, unless the largest
   * was taken): the cheap way for most rows, the temporary table for the
   * others. */
  GArray           *new_rows;         /* guint32 */
  gboolean          new_rows_broken;
} Table;

G_DEFINE_QUARK (jd-import-error-quark, jd_import_error)

static void
row_error_clear (JdImportRowError *error)
{
  g_clear_pointer (&error->column, g_free);
  g_clear_pointer (&error->reason, g_free);
}

void
jd_import_result_free (JdImportResult *result)
{
  if (result == NULL)
    return;

  g_free (result->file);
  g_free (result->sheet);
  g_free (result->entity);
  g_clear_pointer (&result->errors, g_array_unref);
  g_free (result);
}

/**
 * jd_import_result_summary:
 *
 * Returns: (transfer full): one line saying where the table was and what
 * became of its rows, as the command line and the app show it.  Rows that
 * repeat an earlier row are only named when there are any.
 */
char *
jd_import_result_summary (const JdImportResult *result)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  where = result->sheet != NULL ? g_strdup_printf ("%s [%s]", result->file, result->sheet) : g_strdup (result->file);
  if (result->n_duplicates > 0)
    /* Translators: a summary line, e.g. "cases.xlsx: Enforcement cases — 120 new, 3 updated, 5 unchanged, 4 duplicated, 2 rejected";
     * "duplicated" rows repeat an earlier row of the file, values and all */
    return g_strdup_printf (_("%s: %s — %u new, %u updated, %u unchanged, %u duplicated, %u rejected"),
                            where, jd_import_entity_label (result->entity), result->n_new, result->n_updated,
                            result->n_unchanged, result->n_duplicates, result->n_rejected);

  /* Translators: a summary line, e.g. "cases.xlsx: Enforcement cases — 120 new, 3 updated, 5 unchanged, 2 rejected" */
  return g_strdup_printf (_("%s: %s — %u new, %u updated, %u unchanged, %u rejected"),
                          where, jd_import_entity_label (result->entity), result->n_new, result->n_updated,
                          result->n_unchanged, result->n_rejected);
}

void
jd_import_table_free (JdImportTable *table)
{
  if (table == NULL)
    return;

  g_free (table->sheet);
  g_free (table->entity);
  g_clear_pointer (&table->headers, g_ptr_array_unref);
  g_clear_pointer (&table->fields, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

void
jd_import_record_free (JdImportRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->file_name);
  g_free (record->sha256);
  g_free (record->entity);
  g_free (record->sheet);
  g_free (record->started_at);
  g_free (record->finished_at);
  g_free (record->undone_at);
  g_free (record);
}

static const EntitySpec *
find_entity (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i].name, name) == 0)
      return &entities[i];

  return NULL;
}

static int
find_field (const EntitySpec *entity,
            const char       *name)
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
  const EntitySpec *spec = find_entity (entity);

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
  const EntitySpec *spec = find_entity (entity);
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
  const EntitySpec *spec = find_entity (entity);
  int index = spec != NULL ? find_field (spec, field) : -1;

  return index >= 0 ? _(spec->fields[index].label) : field;
}

/* Whitespace as spreadsheets leave it: ASCII, no-break and ideographic spaces. */
static char *
trim (char *text)
{
  char *start = text;
  char *end;

  for (;;)
    {
      if (g_ascii_isspace (*start))
        start++;
      else if (g_str_has_prefix (start, "\xC2\xA0"))
        start += 2;
      else if (g_str_has_prefix (start, "\xE3\x80\x80"))
        start += 3;
      else
        break;
    }

  end = start + strlen (start);
  for (;;)
    {
      if (end > start && g_ascii_isspace (end[-1]))
        end--;
      else if (end - start >= 2 && memcmp (end - 2, "\xC2\xA0", 2) == 0)
        end -= 2;
      else if (end - start >= 3 && memcmp (end - 3, "\xE3\x80\x80", 3) == 0)
        end -= 3;
      else
        break;
    }
  *end = '\0';

  return start;
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
header_matches_field (const FieldSpec *field,
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
map_header (const EntitySpec      *entity,
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
static guint
map_headers (const EntitySpec      *entity,
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
static const EntitySpec *
detect_entity (GPtrArray             *headers,
               const JdImportOptions *options)
{
  g_autofree int *column_field = g_new0 (int, MAX (headers->len, 1));
  const EntitySpec *best = NULL;
  guint best_matched = 0;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      int field_column[16], field_scale[16];
      gboolean has_keys;
      guint matched;

      if (options != NULL && options->entity != NULL && !g_str_equal (options->entity, entities[i].name))
        continue;

      matched = map_headers (&entities[i], headers, options, column_field, field_column, field_scale, &has_keys);
      if (has_keys && matched >= 2 && matched > best_matched)
        {
          best = &entities[i];
          best_matched = matched;
        }
    }

  return best;
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (trim (cells->pdata[i])[0] != '\0')
      return FALSE;

  return TRUE;
}

/* Value parsers */

static gboolean
read_digits (const char **p,
             int          min,
             int          max,
             int         *out)
{
  int n = 0;
  int value = 0;

  while (g_ascii_isdigit (**p) && n < max)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  if (n < min || g_ascii_isdigit (**p))
    return FALSE;

  *out = value;
  return TRUE;
}

static gboolean
read_time (const char *p)
{
  int hour, minute, second = 0;

  while (*p == ' ' || *p == 'T')
    p++;

  if (!read_digits (&p, 1, 2, &hour) || *p++ != ':' || !read_digits (&p, 2, 2, &minute))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, 2, &second))
        return FALSE;
      if (*p == '.')
        {
          p++;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }

  return *p == '\0' && hour < 24 && minute < 60 && second < 60;
}

/**
 * jd_import_parse_date:
 * @text: "2024-07-01", "2024/7/1", "2024.7.1", "2024年7月1日", "20240701",
 *   any of these followed by HH:MM or HH:MM:SS, or an Excel serial
 * @out: (out caller-allocates): the ISO date
 * @reason: (out) (optional): why @text is not a date
 */
gboolean
jd_import_parse_date (const char  *text,
                      gboolean     date1904,
                      char         out[11],
                      char       **reason)
{
  const char *p = text;
  int year, month, day;
  gboolean chinese;
  char separator = 0;
  gboolean all_digits = *p != '\0';

  for (const char *q = text; *q != '\0'; q++)
    if (!g_ascii_isdigit (*q) && *q != '.')
      all_digits = FALSE;

  if (all_digits && strlen (text) == 8 && strchr (text, '.') == NULL)
    {
      /* 20240701 */
      year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
      month = (text[4] - '0') * 10 + (text[5] - '0');
      day = (text[6] - '0') * 10 + (text[7] - '0');
      goto check;
    }

  if (all_digits && strchr (text, '.') == strrchr (text, '.'))
    {
      /* An Excel serial, as a CSV saved from a sheet without date formats has. */
      g_autofree char *iso = NULL;
      char *end = NULL;
      double serial = g_ascii_strtod (text, &end);

      if (end != NULL && *end == '\0' && serial >= 1 &&
          (iso = jd_excel_serial_to_iso (serial, date1904)) != NULL && strlen (iso) >= 10)
        {
          iso[10] = '\0';
          return jd_import_parse_date (iso, FALSE, out, reason);
        }
      goto not_a_date;
    }

  if (!read_digits (&p, 4, 4, &year))
    goto not_a_date;

  chinese = g_str_has_prefix (p, "年");
  if (chinese)
    p += strlen ("年");
  else if (*p == '-' || *p == '/' || *p == '.')
    separator = *p++;
  else
    goto not_a_date;

  if (!read_digits (&p, 1, 2, &month))
    goto not_a_date;

  if (chinese && g_str_has_prefix (p, "月"))
    p += strlen ("月");
  else if (!chinese && *p == separator)
    p++;
  else
    goto not_a_date;

  if (!read_digits (&p, 1, 2, &day))
    goto not_a_date;

  if (chinese && g_str_has_prefix (p, "日"))
    p += strlen ("日");
  else if (chinese && g_str_has_prefix (p, "号"))
    p += strlen ("号");

  if (*p != '\0' && !read_time (p))
    goto not_a_date;

check:
  if (year < 1900 || year > 2100 || month < 1 || month > 12 ||
      !g_date_valid_dmy (day, month, year))
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("“%s” is not a day of the calendar"), text);
      return FALSE;
    }

  g_snprintf (out, 11, "%04d-%02d-%02d", year, month, day);
  return TRUE;

not_a_date:
  if (reason != NULL)
    *reason = g_strdup_printf (_("“%s” is not a date (write it as 2024-07-01)"), text);
  return FALSE;
}

/**
 * jd_import_parse_money:
 * @text: "1234.5", "1,234.50", "¥1234.5", "1234.5元", "0.12万元"
 * @scale: 10000 when the column is in 万元, else 1
 * @out_fen: (out): the amount in fen, rounded half up
 */
gboolean
jd_import_parse_money (const char  *text,
                       int          scale,
                       gint64      *out_fen,
                       char       **reason)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;
  const char *suffix;
  gint64 whole = 0;
  gint64 unit;
  gint64 fraction = 0;
  int n_fraction = 0;
  int decimals;
  gboolean seen_point = FALSE;
  gboolean round_up = FALSE;

  if (g_str_has_prefix (p, "¥") || g_str_has_prefix (p, "￥"))
    p += strlen ("¥");

  /* Copy out the number, dropping thousands separators. */
  for (; *p != '\0'; p++)
    {
      if (*p == ',' || *p == ' ')
        continue;
      if (g_str_has_prefix (p, "，"))
        {
          p += strlen ("，") - 1;
          continue;
        }
      if (!g_ascii_isdigit (*p) && *p != '.' && *p != 'E' && *p != 'e' && *p != '+' && *p != '-')
        break;
      g_string_append_c (digits, *p);
    }

  suffix = p;
  if (g_str_equal (suffix, "万元") || g_str_equal (suffix, "万"))
    scale = 10000;
  else if (g_str_equal (suffix, "元"))
    scale = 1;
  else if (*suffix != '\0')
    goto not_money;

  if (digits->len == 0)
    goto not_money;

  if (digits->str[0] == '-')
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("“%s” is negative; amounts cannot be"), text);
      return FALSE;
    }

  unit = 100 * (gint64)scale;
  decimals = scale == 1 ? 2 : 6;

  if (strpbrk (digits->str, "Ee+-") != NULL)
    {
      /* 1.5E+3, as a spreadsheet may store a number. */
      char *end = NULL;
      double value = g_ascii_strtod (digits->str, &end);

      if (*end != '\0' || !isfinite (value) || value < 0 || value * unit > 1e15)
        goto not_money;
      *out_fen = (gint64)floor (value * unit + 0.5);
      return TRUE;
    }

  for (const char *q = digits->str; *q != '\0'; q++)
    {
      if (*q == '.')
        {
          if (seen_point)
            goto not_money;
          seen_point = TRUE;
        }
      else if (!seen_point)
        {
          whole = whole * 10 + (*q - '0');
          if (whole > G_GINT64_CONSTANT (10000000000))   /* 100 亿 yuan */
            goto not_money;
        }
      else if (n_fraction < decimals)
        {
          fraction = fraction * 10 + (*q - '0');
          n_fraction++;
        }
      else if (n_fraction == decimals)
        {
          round_up = *q >= '5';
          n_fraction++;
        }
    }

  if (g_str_equal (digits->str, "."))
    goto not_money;

  for (int i = MIN (n_fraction, decimals); i < decimals; i++)
    fraction *= 10;

  *out_fen = whole * unit + fraction + (round_up ? 1 : 0);
  return TRUE;

not_money:
  if (reason != NULL)
    *reason = g_strdup_printf (_("“%s” is not an amount of money (write it as 1234.50)"), text);
  return FALSE;
}

static gboolean
parse_bool (const char *text,
            gint64     *out)
{
  static const char * const yes[] = { "是", "有", "yes", "y", "true", "t", "1", "√", "✓", "属实", "部分属实", "基本属实", "开庭", "已开庭", "出庭", "已出庭", "已审核", "经审核", NULL };
  static const char * const no[] = { "否", "无", "no", "n", "false", "f", "0", "×", "✗", "不属实", "未开庭", "不开庭", "未出庭", "未审核", NULL };

  for (guint i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out = 1;
        return TRUE;
      }

  for (guint i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out = 0;
        return TRUE;
      }

  return FALSE;
}

static const char *
lookup_enum (JdEnum      which,
             const char *text)
{
  const char *code = jd_enum_lookup (which, text);

  if (code != NULL)
    return code;

  for (guint i = 0; i < G_N_ELEMENTS (extra_values); i++)
    if (extra_values[i].which == which && g_str_equal (extra_values[i].text, text))
      return extra_values[i].code;

  return NULL;
}

static gint64
lookup_id (GHashTable *table,
           const char *text)
{
  gpointer value;

  if (g_hash_table_lookup_extended (table, text, NULL, &value))
    return (gint64)GPOINTER_TO_SIZE (value);

  return 0;
}

static gint64
lookup_domain (GHashTable *domains,
               const char *text)
{
  gint64 id = lookup_id (domains, text);

  for (guint i = 0; id == 0 && i < G_N_ELEMENTS (domain_variants); i++)
    if (g_str_equal (domain_variants[i].text, text))
      id = lookup_id (domains, domain_variants[i].name);

  return id;
}

static void
load_names (sqlite3    *db,
            const char *sql,
            GHashTable *table)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, sql, NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* A code wins over another agency's name. */
      for (int c = 2; c >= 1; c--)
        {
          const char *key = (const char *)sqlite3_column_text (stmt, c);

          if (key != NULL && (c == 1 || !g_hash_table_contains (table, key)))
            g_hash_table_insert (table, g_strdup (key), GSIZE_TO_POINTER ((gsize)id));
        }
    }
}

static void
add_error (Table        *table,
           guint         row,
           int           column,
           char         *reason,
           JdImportHint  hint)
{
  JdImportRowError error;

  if (table->result->errors->len >= JD_IMPORT_MAX_ERRORS)
    {
      table->result->n_errors_dropped++;
      g_free (reason);
      return;
    }

  error.row = row;
  error.column = column >= 0 ? g_strdup (table->headers->pdata[column]) : NULL;
  error.reason = reason;
  error.hint = hint;
  g_array_append_val (table->result->errors, error);
}

/* Parses one cell of field @f into @value; returns the reason on failure.
 * Agencies, fields and leniency items it does not know are left to
 * resolve_references(): value->i is 0 and value->s their name. */
static char *
parse_cell (const Parser *parser,
            guint         f,
            char         *text,
            Value        *value)
{
  const FieldSpec *field = &parser->entity->fields[f];
  char *reason = NULL;

  value->type = SQLITE_NULL;

  if (text[0] == '\0')
    {
      if (field->fallback != NULL && (field->type == T_MONEY || field->type == T_BOOL))
        {
          value->type = SQLITE_INTEGER;
          value->i = 0;
        }
      else if (field->fallback != NULL)
        {
          value->type = SQLITE_TEXT;
          value->s = field->fallback;
        }
      else if (field->flags & REQUIRED)
        return g_strdup (_("Empty, but every row needs it"));
      return NULL;
    }

  switch (field->type)
    {
    case T_TEXT:
      value->type = SQLITE_TEXT;
      value->s = text;
      break;

    case T_ID:
      /* 1.23457E+17: a long number Excel has already rounded. */
      if (strpbrk (text, "Ee") != NULL && g_ascii_isdigit (text[0]) &&
          g_ascii_strtod (text, NULL) >= 1e11)
        return g_strdup_printf (_("“%s” is a number Excel has rounded; format the column as text and export again"), text);
      value->type = SQLITE_TEXT;
      value->s = text;
      break;

    case T_AGENCY:
    case T_DOMAIN:
    case T_ITEM:
      value->type = SQLITE_INTEGER;
      value->i = field->type == T_AGENCY ? lookup_id (parser->agencies, text) :
                 field->type == T_DOMAIN ? lookup_domain (parser->domains, text) : lookup_id (parser->items, text);
      value->s = text;
      break;

    case T_DATE:
      if (!jd_import_parse_date (text, parser->date1904, value->date, &reason))
        return reason;
      value->type = SQLITE_TEXT;
      value->s = value->date;
      break;

    case T_MONEY:
      if (!jd_import_parse_money (text, parser->field_scale[f], &value->i, &reason))
        return reason;
      value->type = SQLITE_INTEGER;
      break;

    case T_BOOL:
      if (!parse_bool (text, &value->i))
        return g_strdup_printf (_("“%s” is neither yes (是) nor no (否)"), text);
      value->type = SQLITE_INTEGER;
      break;

    case T_ENUM:
      value->s = lookup_enum (field->which, text);
      if (value->s == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);
          const JdEnumValue *values;
          guint n_values;

          values = jd_enum_values (field->which, &n_values);
          for (guint i = 0; i < n_values; i++)
            g_string_append_printf (known, "%s%s", i > 0 ? _(", ") : "", values[i].zh);
          /* Translators: the second %s lists the accepted values */
          return g_strdup_printf (_("“%s” is not one of %s"), text, known->str);
        }
      value->type = SQLITE_TEXT;
      break;

    case T_SCORE:
      {
        char *end = NULL;

        value->d = g_ascii_strtod (text, &end);
        if (end == text || *trim (end) != '\0' || !(value->d >= 0 && value->d <= 100))
          return g_strdup_printf (_("“%s” is not a score from 0 to 100"), text);
        value->type = SQLITE_FLOAT;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const Value  *value)
{
  switch (value->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, value->i);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double (stmt, index, value->d);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text (stmt, index, value->s, -1, SQLITE_STATIC);
      break;
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

static gboolean
value_equals_column (const Value  *value,
                     sqlite3_stmt *stmt,
                     int           column)
{
  int type = sqlite3_column_type (stmt, column);

  switch (value->type)
    {
    case SQLITE_NULL:
      return type == SQLITE_NULL;
    case SQLITE_INTEGER:
      return type == SQLITE_INTEGER && sqlite3_column_int64 (stmt, column) == value->i;
    case SQLITE_FLOAT:
      return (type == SQLITE_FLOAT || type == SQLITE_INTEGER) && sqlite3_column_double (stmt, column) == value->d;
    case SQLITE_TEXT:
      return type == SQLITE_TEXT && g_strcmp0 ((const char *)sqlite3_column_text (stmt, column), value->s) == 0;
    default:
      return FALSE;
    }
}

/* With create_agencies, an agency or a field of enforcement the
 * database does not know is added, carrying the import's id for undo. */
static gint64
create_reference (Context     *ctx,
                  Table       *table,
                  FieldType    type,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *names = type == T_AGENCY ? ctx->agencies : ctx->domains;
  gint64 id;
  int rc;

  stmt = _jd_store_prepare (ctx->db,
                            type == T_AGENCY
                            ? "INSERT INTO agencies (code, name, level, import_id) VALUES (?1, ?1, 'city', ?2)"
                            : "INSERT INTO domains (code, name, import_id) VALUES (?1, ?1, ?2)",
                            error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, table->import_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, ctx->db, rc, _("Could not add an agency"));
      return 0;
    }

  id = sqlite3_last_insert_rowid (ctx->db);
  g_hash_table_insert (names, g_strdup (text), GSIZE_TO_POINTER ((gsize)id));

  return id;
}

static gboolean
prepare_table (Context  *ctx,
               Table    *table,
               GError  **error)
{
  const EntitySpec *entity = table->entity;
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) conflict = g_string_new (NULL);
  g_autoptr(GString) select = g_string_new ("SELECT id, import_id");
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GString) journal = g_string_new (NULL);
  int n = 0;
  int n_keys = 0;
  int n_others = 0;

  g_string_printf (insert, "INSERT INTO %s (", entity->table);
  g_string_printf (update, "UPDATE %s SET import_id = ?1", entity->table);
  g_string_printf (journal,
                   "INSERT INTO import_journal (import_id, seq, tbl, row_id, old_import_id, old_values)"
                   " SELECT ?1, ?2, '%s', id, import_id, json_object (", entity->table);

  /* Keys first: they are bound as ?1… in the SELECT too. */
  for (int pass = 0; pass < 2; pass++)
    for (guint f = 0; f < entity->n_fields; f++)
      {
        const FieldSpec *field = &entity->fields[f];
        gboolean is_key = (field->flags & KEY) != 0;

        if (table->field_column[f] < 0 || is_key != (pass == 0))
          continue;

        n++;
        g_string_append_printf (insert, "%s, ", field->column);
        g_string_append_printf (values, "?%d, ", n);
        if (is_key)
          {
            n_keys++;
            g_string_append_printf (conflict, "%s%s", n_keys > 1 ? ", " : "", field->column);
            g_string_append_printf (where, "%s%s = ?%d", n_keys > 1 ? " AND " : "", field->column, n_keys);
          }
        else
          {
            n_others++;
            g_string_append_printf (update, ", %s = ?%d", field->column, n_others + 1);
            g_string_append_printf (journal, "%s'%s', %s", journal->str[journal->len - 1] == '(' ? "" : ", ",
                                    field->column, field->column);
          }
        g_string_append_printf (select, ", %s", field->column);
      }

  g_string_append_printf (insert, "import_id) VALUES (%s?%d) ON CONFLICT (%s) DO NOTHING",
                          values->str, n + 1, conflict->str);
  g_string_append_printf (select, " FROM %s WHERE %s", entity->table, where->str);
  g_string_append_printf (update, " WHERE id = ?%d", n_others + 2);
  g_string_append_printf (journal, ") FROM %s WHERE id = ?3", entity->table);

  table->n_keys = n_keys;
  table->n_mapped = n;
  table->insert = _jd_store_prepare (ctx->db, insert->str, error);
  table->select = table->insert != NULL ? _jd_store_prepare (ctx->db, select->str, error) : NULL;
  table->update = table->select != NULL ? _jd_store_prepare (ctx->db, update->str, error) : NULL;
  table->journal = table->update != NULL ? _jd_store_prepare (ctx->db, journal->str, error) : NULL;

  /* Every row the table stored (new, updated or unchanged), with the row
   * of the file it came from: a later row with the same key is a duplicate
   * of it, or names it when its values differ.  A temporary table, so that
   * memory stays flat however many rows the file updates; the rows it adds
   * are noted in new_rows, four bytes each. */
  if (table->journal == NULL ||
      !_jd_store_exec (ctx->db,
                       "CREATE TEMP TABLE IF NOT EXISTS import_rows (id INTEGER PRIMARY KEY, row INTEGER NOT NULL);"
                       "DELETE FROM temp.import_rows;",
                       error))
    return FALSE;
  table->seen_insert = _jd_store_prepare (ctx->db, "INSERT OR IGNORE INTO temp.import_rows (id, row) VALUES (?1, ?2)", error);
  table->seen_lookup = table->seen_insert != NULL ? _jd_store_prepare (ctx->db, "SELECT row FROM temp.import_rows WHERE id = ?1", error) : NULL;
  if (table->seen_lookup == NULL)
    return FALSE;

  if (entity->rollup >= 0)
    {
      const char * const *columns = _jd_rollup_columns (entity->rollup);

      for (table->n_rollup_fields = 0; columns[table->n_rollup_fields] != NULL; table->n_rollup_fields++)
        {
          guint c = table->n_rollup_fields;

          table->rollup_field[c] = -1;
          for (guint f = 0; f < entity->n_fields; f++)
            if (g_str_equal (entity->fields[f].column, columns[c]))
              table->rollup_field[c] = f;
          g_assert (table->rollup_field[c] >= 0);
        }
      table->sum = _jd_rollup_sum_new (entity->rollup);
      table->delta = _jd_rollup_delta_new (_jd_store_get_conn (ctx->store), entity->rollup, "id = ?1", error);
      if (table->delta == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->insert, sqlite3_finalize);
  g_clear_pointer (&table->select, sqlite3_finalize);
  g_clear_pointer (&table->update, sqlite3_finalize);
  g_clear_pointer (&table->journal, sqlite3_finalize);
  g_clear_pointer (&table->seen_insert, sqlite3_finalize);
  g_clear_pointer (&table->seen_lookup, sqlite3_finalize);
  g_clear_pointer (&table->sum, _jd_rollup_sum_free);
  g_clear_pointer (&table->delta, _jd_rollup_delta_free);
  g_clear_pointer (&table->column_field, g_free);
  g_clear_pointer (&table->headers, g_ptr_array_unref);
  g_clear_pointer (&table->new_rows, g_array_unref);
}

/* Binds the mapped fields, keys first, from @first on. */
static int
bind_fields (Table        *table,
             const Value  *values,
             sqlite3_stmt *stmt,
             int           first,
             gboolean      keys,
             gboolean      others)
{
  int index = first;

  for (int pass = 0; pass < 2; pass++)
    for (guint f = 0; f < table->entity->n_fields; f++)
      {
        gboolean is_key = (table->entity->fields[f].flags & KEY) != 0;

        if (table->field_column[f] < 0 || is_key != (pass == 0))
          continue;
        if ((is_key && keys) || (!is_key && others))
          bind_value (stmt, index++, &values[f]);
      }

  return index;
}

/* Sums a new row into the rollup, with the values it was stored with. */
static void
sum_new_row (Table       *table,
             const Value *values)
{
  JdRollupValue row[MAX_FIELDS];

  for (guint c = 0; c < table->n_rollup_fields; c++)
    {
      const Value *value = &values[table->rollup_field[c]];

      row[c].type = value->type;
      row[c].i = value->i;
      row[c].s = value->s;
    }
  _jd_rollup_sum_add (table->sum, row);
}

static gboolean
step_write (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Notes that row @id of the database now holds row @row of the file. */
static gboolean
note_stored_row (Context  *ctx,
                 Table    *table,
                 gint64    id,
                 guint     row,
                 GError  **error)
{
  sqlite3_bind_int64 (table->seen_insert, 1, id);
  sqlite3_bind_int64 (table->seen_insert, 2, row);
  if (step_write (table->seen_insert))
    return TRUE;

  _jd_store_set_error (error, ctx->db, sqlite3_errcode (ctx->db), _("Could not write a row"));
  return FALSE;
}

/* As note_stored_row(), for a row it added. */
static gboolean
note_new_row (Context  *ctx,
              Table    *table,
              gint64    id,
              guint     row,
              GError  **error)
{
  guint32 row32 = row;

  if (table->new_rows == NULL)
    table->new_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (!table->new_rows_broken && id == table->first_id + table->new_rows->len)
    {
      g_array_append_val (table->new_rows, row32);
      return TRUE;
    }

  table->new_rows_broken = TRUE;
  return note_stored_row (ctx, table, id, row, error);
}

/* The row of the file that row @id of the database was stored from by this
 * table, or 0. */
static guint
stored_from_row (Table  *table,
                 gint64  id)
{
  guint row = 0;

  if (table->new_rows != NULL && id >= table->first_id && id - table->first_id < table->new_rows->len)
    return g_array_index (table->new_rows, guint32, id - table->first_id);

  sqlite3_bind_int64 (table->seen_lookup, 1, id);
  if (sqlite3_step (table->seen_lookup) == SQLITE_ROW)
    row = sqlite3_column_int64 (table->seen_lookup, 0);
  sqlite3_reset (table->seen_lookup);
  return row;
}

/* Writes one parsed row.  Returns FALSE only on a database failure. */
static gboolean
write_row (Context      *ctx,
           Table        *table,
           const Value  *values,
           guint         row,
           GError      **error)
{
  JdImportResult *result = table->result;
  int rc;

  bind_fields (table, values, table->insert, 1, TRUE, TRUE);
  sqlite3_bind_int64 (table->insert, table->n_mapped + 1, table->import_id);

  rc = sqlite3_step (table->insert);
  sqlite3_reset (table->insert);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          add_error (table, row, -1, g_strdup (sqlite3_errmsg (ctx->db)), JD_IMPORT_HINT_NONE);
          result->n_rejected++;
          return TRUE;
        }
      _jd_store_set_error (error, ctx->db, rc, _("Could not write a row"));
      return FALSE;
    }

  if (sqlite3_changes (ctx->db) == 1)
    {
      gint64 id = sqlite3_last_insert_rowid (ctx->db);

      result->n_new++;
      if (table->first_id == 0)
        table->first_id = id;
      table->last_id = id;
      if (!note_new_row (ctx, table, id, row, error))
        return FALSE;
      if (table->sum != NULL)
        sum_new_row (table, values);
      if (table->entity->fields == agency_fields)
        {
          /* Later sheets of the file may name the new agency by code or name. */
          if (!g_hash_table_contains (ctx->agencies, values[1].s))
            g_hash_table_insert (ctx->agencies, g_strdup (values[1].s), GSIZE_TO_POINTER ((gsize)id));
          g_hash_table_replace (ctx->agencies, g_strdup (values[0].s), GSIZE_TO_POINTER ((gsize)id));
        }
      return TRUE;
    }

  /* The key is there already: same values, or an update, or a repeat of
   * an earlier row of the file. */
  {
    sqlite3_stmt *select = table->select;
    gboolean same = TRUE;
    guint earlier_row;
    gint64 id;
    int column = 2;

    bind_fields (table, values, select, 1, TRUE, FALSE);
    rc = sqlite3_step (select);
    if (rc != SQLITE_ROW)
      {
        sqlite3_reset (select);
        _jd_store_set_error (error, ctx->db, rc, _("Could not read a row"));
        return FALSE;
      }

    id = sqlite3_column_int64 (select, 0);
    earlier_row = stored_from_row (table, id);

    for (int pass = 0; pass < 2; pass++)
      for (guint f = 0; f < table->entity->n_fields; f++)
        {
          gboolean is_key = (table->entity->fields[f].flags & KEY) != 0;

          if (table->field_column[f] < 0 || is_key != (pass == 0))
            continue;
          if (!is_key && !value_equals_column (&values[f], select, column))
            same = FALSE;
          column++;
        }
    sqlite3_reset (select);

    /* A file that lists a row twice over is not wrong; one that gives a
     * key two sets of values is, and the user needs both rows to see why. */
    if (earlier_row != 0 && same)
      {
        result->n_duplicates++;
        return TRUE;
      }
    if (earlier_row != 0)
      {
        add_error (table, row, -1, g_strdup_printf (_("Repeats the key of row %u with different values"), earlier_row),
                   JD_IMPORT_HINT_NONE);
        result->n_rejected++;
        return TRUE;
      }

    if (same)
      {
        if (!note_stored_row (ctx, table, id, row, error))
          return FALSE;
        result->n_unchanged++;
        return TRUE;
      }

    sqlite3_bind_int64 (table->journal, 1, table->import_id);
    sqlite3_bind_int64 (table->journal, 2, ++ctx->journal_seq);
    sqlite3_bind_int64 (table->journal, 3, id);
    if (!step_write (table->journal) ||
        (table->delta != NULL && !_jd_rollup_delta_apply (table->delta, -1, id, 0, error)))
      goto failed;

    sqlite3_bind_int64 (table->update, 1, table->import_id);
    sqlite3_bind_int64 (table->update, bind_fields (table, values, table->update, 2, FALSE, TRUE), id);
    rc = sqlite3_step (table->update);
    sqlite3_reset (table->update);
    if (rc != SQLITE_DONE && (rc & 0xff) == SQLITE_CONSTRAINT)
      {
        /* The journal entry stays: undoing restores values that did not change. */
        add_error (table, row, -1, g_strdup (sqlite3_errmsg (ctx->db)), JD_IMPORT_HINT_NONE);
        result->n_rejected++;
      }
    else if (rc != SQLITE_DONE)
      goto failed;
    else if (!note_stored_row (ctx, table, id, row, error))
      return FALSE;
    else
      result->n_updated++;

    /* The row as it is now, updated or not, goes back into the sums. */
    if (table->delta != NULL && !_jd_rollup_delta_apply (table->delta, 1, id, 0, error))
      return FALSE;
    return TRUE;
  }

failed:
  if (error == NULL || *error == NULL)
    _jd_store_set_error (error, ctx->db, sqlite3_errcode (ctx->db), _("Could not write a row"));
  return FALSE;
}

/* Looks up, with what the writing thread knows now, the agencies, fields
 * and leniency items the parser did not know; with create_agencies,
 * notes which agencies and fields are to be created (@missing).  Returns
 * the reasons for the ones that cannot be had, as row errors. */
static void
resolve_references (Context  *ctx,
                    Table    *table,
                    Value    *values,
                    GArray   *reasons,
                    guint    *missing)
{
  *missing = 0;

  for (guint f = 0; f < table->entity->n_fields; f++)
    {
      FieldType type = table->entity->fields[f].type;
      Value *value = &values[f];
      BatchError reason = { 0, table->field_column[f], NULL };

      if (table->field_column[f] < 0 || (type != T_AGENCY && type != T_DOMAIN && type != T_ITEM) ||
          value->type != SQLITE_INTEGER || value->i != 0)
        continue;

      value->i = type == T_AGENCY ? lookup_id (ctx->agencies, value->s) :
                 type == T_DOMAIN ? lookup_domain (ctx->domains, value->s) : lookup_id (ctx->items, value->s);
      if (value->i != 0)
        continue;

      if (type == T_ITEM)
        reason.reason = g_strdup_printf (_("Unknown leniency list item “%s”"), value->s);
      else if (ctx->options->create_agencies)
        (*missing)++;
      else
        {
          reason.reason = type == T_AGENCY ? g_strdup_printf (_("Unknown agency “%s”"), value->s)
                                           : g_strdup_printf (_("Unknown field of enforcement “%s”"), value->s);
          reason.hint = JD_IMPORT_HINT_CREATE_AGENCIES;
        }
      if (reason.reason != NULL)
        g_array_append_val (reasons, reason);
    }
}

static int
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const BatchError *x = a;
  const BatchError *y = b;

  return x->column - y->column;
}

/* Imports one row the reader thread has parsed, given the reasons it
 * found the row wrong (@reasons, emptied). */
static gboolean
import_row (Context    *ctx,
            Table      *table,
            Value      *values,
            GArray     *reasons,
            guint       row,
            GError    **error)
{
  guint missing;

  resolve_references (ctx, table, values, reasons, &missing);
  if (reasons->len > 0)
    {
      g_array_sort (reasons, compare_errors);
      for (guint i = 0; i < reasons->len; i++)
        add_error (table, row, g_array_index (reasons, BatchError, i).column,
                   g_steal_pointer (&g_array_index (reasons, BatchError, i).reason),
                   g_array_index (reasons, BatchError, i).hint);
      g_array_set_size (reasons, 0);
      table->result->n_rejected++;
      return TRUE;
    }

  /* Agencies and fields are only created for rows that are good otherwise. */
  for (guint f = 0; missing > 0 && f < table->entity->n_fields; f++)
    {
      FieldType type = table->entity->fields[f].type;

      if (table->field_column[f] >= 0 && (type == T_AGENCY || type == T_DOMAIN) &&
          values[f].type == SQLITE_INTEGER && values[f].i == 0)
        {
          values[f].i = type == T_AGENCY ? lookup_id (ctx->agencies, values[f].s) : lookup_domain (ctx->domains, values[f].s);
          if (values[f].i == 0 &&
              (values[f].i = create_reference (ctx, table, type, values[f].s, error)) == 0)
            return FALSE;
          missing--;
        }
    }

  return write_row (ctx, table, values, row, error);
}

/* A setting of the connection, to put back after the import. */
static int
query_pragma (sqlite3    *db,
              const char *sql,
              int         fallback)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_store_prepare (db, sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);

  return fallback;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  gssize n;

  if (stream == NULL)
    return NULL;

  buffer = g_malloc (256 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

/* The checksum is worked out beside the import, which it would otherwise
 * hold up by a tenth, and written into the import records at the end. */
typedef struct
{
  const char *path;
  GThread    *thread;
  char       *sha256;
  GError     *error;
} Checksum;

static void checksum_clear (Checksum *checksum);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checksum, checksum_clear)

static gpointer
checksum_thread (gpointer data)
{
  Checksum *checksum = data;

  checksum->sha256 = file_sha256 (checksum->path, &checksum->error);
  return NULL;
}

static void
checksum_start (Checksum   *checksum,
                const char *path)
{
  checksum->path = path;
  checksum->thread = g_thread_new ("jd-import-sha256", checksum_thread, checksum);
}

static void
checksum_clear (Checksum *checksum)
{
  if (checksum->thread != NULL)
    g_thread_join (g_steal_pointer (&checksum->thread));
  g_clear_pointer (&checksum->sha256, g_free);
  g_clear_error (&checksum->error);
}

/* Writes the file's checksum into the records of this import's tables. */
static gboolean
record_checksum (Context     *ctx,
                 Checksum    *checksum,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_thread_join (g_steal_pointer (&checksum->thread));
  if (checksum->sha256 == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&checksum->error));
      return FALSE;
    }

  stmt = _jd_store_prepare (ctx->db, "UPDATE imports SET sha256 = ?2 WHERE id >= ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ctx->first_import_id);
  sqlite3_bind_text (stmt, 2, checksum->sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _jd_store_set_error (error, ctx->db, sqlite3_errcode (ctx->db), _("Could not record the import"));
      return FALSE;
    }

  return TRUE;
}

/* Reads up to the header row of the current table: the first row, among
 * the first non-blank ones, in which an entity's keys can be told. */
static const EntitySpec *
find_header (JdTableReader          *reader,
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
      const EntitySpec *entity;

      if (!reader->next_row (reader, cells, &row, error))
        return NULL;
      if (row_is_blank (cells))
        continue;

      *empty = FALSE;
      n_tried++;
      entity = detect_entity (cells, options);
      if (entity != NULL)
        {
          *header_row = row;
          return entity;
        }
    }

  return NULL;
}

static void
set_no_header_error (const JdImportOptions  *options,
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

static gboolean
check_options (const JdImportOptions  *options,
               GError                **error)
{
  if (options != NULL && options->entity != NULL && find_entity (options->entity) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **)jd_import_entities ());

      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNKNOWN_ENTITY,
                   _("Unknown entity “%s”; it is one of %s"), options->entity, known);
      return FALSE;
    }

  return TRUE;
}

/* Reading in a thread of its own: batches of rows go from the reader to
 * the importer through "full", and back through "empty", so at most
 * PIPELINE_BATCHES × BATCH_ROWS rows are in memory at once. */
#define BATCH_ROWS 256
#define PIPELINE_BATCHES 8
/* A batch also ends once its cells hold this much text: a workbook whose
 * cells all name one long shared text would otherwise hold it over and
 * over, in every row in flight. */
#define BATCH_BYTES (4 * 1024 * 1024)

typedef struct
{
  GPtrArray *rows;       /* GPtrArray of cells, reused */
  GArray    *numbers;    /* guint row numbers */
  Value     *values;     /* MAX_FIELDS per row, parsed from the cells */
  GArray    *errors;     /* BatchError, by row */
  guint      n;
  double     progress;
  gboolean   last;
  GError    *error;
} Batch;

typedef struct
{
  JdTableReader *reader;
  const Parser  *parser;
  GAsyncQueue   *full;
  GAsyncQueue   *empty;
  GThread       *thread;
  int            stop;   /* atomic */
} Pipeline;

static void
batch_error_clear (BatchError *error)
{
  g_clear_pointer (&error->reason, g_free);
}

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->rows);
  g_array_unref (batch->numbers);
  g_array_unref (batch->errors);
  g_free (batch->values);
  g_clear_error (&batch->error);
  g_free (batch);
}

static GHashTable *
copy_names (GHashTable *names)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);

  return copy;
}

static void
parser_clear (Parser *parser)
{
  g_clear_pointer (&parser->agencies, g_hash_table_unref);
  g_clear_pointer (&parser->domains, g_hash_table_unref);
  g_clear_pointer (&parser->items, g_hash_table_unref);
}

/* Parses the cells of a row into @values, every field (the ones the file
 * lacks get what the database would store for them); reasons the row is
 * wrong go to @errors. */
static void
parse_row (const Parser *parser,
           GPtrArray    *cells,
           guint         index,
           Value        *values,
           GArray       *errors)
{
  for (guint f = 0; f < parser->entity->n_fields; f++)
    {
      int c = parser->field_column[f];
      BatchError error = { index, c, NULL };

      error.reason = parse_cell (parser, f, c >= 0 && (guint)c < cells->len ? trim (cells->pdata[c]) : (char *)"",
                                 &values[f]);
      if (error.reason != NULL)
        g_array_append_val (errors, error);
    }
}

static gpointer
reader_thread (gpointer data)
{
  Pipeline *pipeline = data;
  JdTableReader *reader = pipeline->reader;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (pipeline->empty);
      gboolean last = FALSE;
      gsize n_bytes = 0;

      batch->n = 0;
      g_array_set_size (batch->errors, 0);
      while (batch->n < BATCH_ROWS && n_bytes < BATCH_BYTES)
        {
          GPtrArray *cells;
          guint row;

          if (g_atomic_int_get (&pipeline->stop))
            {
              last = TRUE;
              break;
            }
          if (batch->n == batch->rows->len)
            {
              g_ptr_array_add (batch->rows, g_ptr_array_new_with_free_func (g_free));
              g_array_set_size (batch->numbers, batch->rows->len);
            }
          cells = batch->rows->pdata[batch->n];
          if (!reader->next_row (reader, cells, &row, &batch->error))
            {
              last = TRUE;
              break;
            }
          /* A row with something only right of the header is not blank: it
           * is rejected for what it lacks, as it was when rows were whole. */
          if (row_is_blank (cells) && !reader->dropped_cells)
            continue;
          parse_row (pipeline->parser, cells, batch->n, &batch->values[batch->n * MAX_FIELDS], batch->errors);
          g_array_index (batch->numbers, guint, batch->n++) = row;
          for (guint c = 0; c < cells->len; c++)
            n_bytes += strlen (cells->pdata[c]);
        }

      batch->last = last;
      batch->progress = reader->progress (reader);
      g_async_queue_push (pipeline->full, batch);
      if (last)
        return NULL;
    }
}

static void
pipeline_start (Pipeline      *pipeline,
                JdTableReader *reader,
                const Parser  *parser)
{
  pipeline->reader = reader;
  pipeline->parser = parser;
  pipeline->full = g_async_queue_new_full ((GDestroyNotify)batch_free);
  pipeline->empty = g_async_queue_new_full ((GDestroyNotify)batch_free);
  g_atomic_int_set (&pipeline->stop, 0);

  for (guint i = 0; i < PIPELINE_BATCHES; i++)
    {
      Batch *batch = g_new0 (Batch, 1);

      batch->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
      batch->numbers = g_array_new (FALSE, TRUE, sizeof (guint));
      batch->values = g_new0 (Value, BATCH_ROWS * MAX_FIELDS);
      batch->errors = g_array_new (FALSE, FALSE, sizeof (BatchError));
      g_array_set_clear_func (batch->errors, (GDestroyNotify)batch_error_clear);
      g_async_queue_push (pipeline->empty, batch);
    }

  pipeline->thread = g_thread_new ("jd-import-reader", reader_thread, pipeline);
}

/* Stops the reader (if @seen_last is FALSE, it has more to hand over) and
 * waits for it. */
static void
pipeline_stop (Pipeline *pipeline,
               gboolean  seen_last)
{
  if (pipeline->thread == NULL)
    return;

  g_atomic_int_set (&pipeline->stop, 1);
  while (!seen_last)
    {
      Batch *batch = g_async_queue_pop (pipeline->full);

      seen_last = batch->last;
      g_async_queue_push (pipeline->empty, batch);
    }

  g_thread_join (g_steal_pointer (&pipeline->thread));
  g_clear_pointer (&pipeline->full, g_async_queue_unref);
  g_clear_pointer (&pipeline->empty, g_async_queue_unref);
}

static gboolean
import_table (Context        *ctx,
              JdTableReader  *reader,
              guint           index,
              const char     *file_name,
              JdProgressFunc  progress,
              gpointer        user_data,
              GCancellable   *cancellable,
              GPtrArray      *results,
              GError        **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) record = NULL;
  g_autofree char *started = now_text ();
  g_autofree char *finished = NULL;
  g_autofree char *table_name = NULL;
  const char *sheet = reader->table_names != NULL ? reader->table_names[index] : NULL;
  Table table = { 0 };
  Parser parser = { 0 };
  Pipeline pipeline = { 0 };
  g_autoptr(GArray) reasons = g_array_new (FALSE, FALSE, sizeof (BatchError));
  JdImportResult *result;
  gboolean empty;
  gboolean has_keys;
  guint header_row = 0;
  guint n_rows = 0;
  int rc;

  table_name = sheet != NULL ? g_strdup_printf ("%s [%s]", file_name, sheet) : g_strdup (file_name);

  reader->max_columns = 0;
  if (!reader->open_table (reader, index, error))
    {
      g_prefix_error (error, "%s: ", table_name);
      return FALSE;
    }

  table.entity = find_header (reader, ctx->options, cells, &header_row, &empty, error);
  if (error != NULL && *error != NULL)
    {
      g_prefix_error (error, "%s: ", table_name);
      return FALSE;
    }
  if (table.entity == NULL)
    {
      /* A blank sheet beside the data (Sheet2, Sheet3) is nothing to import. */
      if (empty && reader->n_tables > 1)
        return TRUE;
      if (empty)
        {
          g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NO_HEADER,
                       _("%s: the file is empty"), table_name);
          return FALSE;
        }
      set_no_header_error (ctx->options, table_name, error);
      return FALSE;
    }

  table.headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < cells->len; c++)
    g_ptr_array_add (table.headers, g_strdup (cells->pdata[c]));
  table.n_columns = cells->len;
  table.column_field = g_new0 (int, MAX (cells->len, 1));
  /* Cells right of the header belong to no field: the rows need not hold them. */
  reader->max_columns = MAX (cells->len, 1);
  map_headers (table.entity, table.headers, ctx->options, table.column_field,
               table.field_column, table.field_scale, &has_keys);

  for (guint f = 0; f < table.entity->n_fields; f++)
    if ((table.entity->fields[f].flags & REQUIRED) && table.field_column[f] < 0)
      {
        g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_MISSING_COLUMN,
                     _("%s: %s need a column “%s” (%s)"), table_name,
                     _(table.entity->label), _(table.entity->fields[f].label), table.entity->fields[f].name);
        table_clear (&table);
        return FALSE;
      }

  result = g_new0 (JdImportResult, 1);
  result->file = g_strdup (file_name);
  result->sheet = g_strdup (sheet);
  result->entity = g_strdup (table.entity->name);
  result->errors = g_array_new (FALSE, FALSE, sizeof (JdImportRowError));
  g_array_set_clear_func (result->errors, (GDestroyNotify)row_error_clear);
  g_ptr_array_add (results, result);
  table.result = result;

  record = _jd_store_prepare (ctx->db,
                              "INSERT INTO imports (file_name, sha256, entity, sheet, started_at) VALUES (?1, '', ?3, ?4, ?5)",
                              error);
  if (record == NULL)
    goto failed;
  sqlite3_bind_text (record, 1, file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (record, 3, table.entity->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (record, 4, sheet, -1, SQLITE_STATIC);
  sqlite3_bind_text (record, 5, started, -1, SQLITE_STATIC);
  rc = sqlite3_step (record);
  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, ctx->db, rc, _("Could not record the import"));
      goto failed;
    }
  table.import_id = sqlite3_last_insert_rowid (ctx->db);
  if (ctx->first_import_id == 0)
    ctx->first_import_id = table.import_id;
  result->import_id = ctx->options->dry_run ? 0 : table.import_id;

  if (!prepare_table (ctx, &table, error))
    goto failed;

  /* A second thread reads, splits and parses the file while this one
   * writes the rows, batch by batch. */
  parser.entity = table.entity;
  parser.field_column = table.field_column;
  parser.field_scale = table.field_scale;
  parser.date1904 = ctx->date1904;
  parser.agencies = copy_names (ctx->agencies);
  parser.domains = copy_names (ctx->domains);
  parser.items = copy_names (ctx->items);
  g_array_set_clear_func (reasons, (GDestroyNotify)batch_error_clear);
  pipeline_start (&pipeline, reader, &parser);
  for (gboolean last = FALSE; !last;)
    {
      Batch *batch = g_async_queue_pop (pipeline.full);
      gboolean ok = TRUE;
      guint e = 0;

      for (guint i = 0; i < batch->n && ok; i++)
        {
          for (; e < batch->errors->len && g_array_index (batch->errors, BatchError, e).index == i; e++)
            {
              g_array_append_val (reasons, g_array_index (batch->errors, BatchError, e));
              g_array_index (batch->errors, BatchError, e).reason = NULL;
            }
          ok = import_row (ctx, &table, &batch->values[i * MAX_FIELDS], reasons,
                           g_array_index (batch->numbers, guint, i), error);
        }

      last = batch->last;
      if (ok && batch->error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&batch->error), "%s: ", table_name);
          ok = FALSE;
        }
      n_rows += batch->n;
      if (ok && progress != NULL)
        progress ((index + batch->progress) / reader->n_tables, user_data);
      g_async_queue_push (pipeline.empty, batch);

      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      if (!ok)
        {
          pipeline_stop (&pipeline, last);
          goto failed;
        }
    }
  pipeline_stop (&pipeline, TRUE);

  if (table.entity->rollup >= 0 &&
      (!_jd_rollup_sum_flush (table.sum, _jd_store_get_conn (ctx->store), error) ||
       !_jd_rollup_finish (_jd_store_get_conn (ctx->store), table.entity->rollup, error)))
    goto failed;

  g_clear_pointer (&record, sqlite3_finalize);
  finished = now_text ();
  record = _jd_store_prepare (ctx->db,
                              "UPDATE imports SET finished_at = ?2, accepted = ?3, updated = ?4, unchanged = ?5, rejected = ?6,"
                              " first_row_id = ?7, last_row_id = ?8 WHERE id = ?1",
                              error);
  if (record == NULL)
    goto failed;
  sqlite3_bind_int64 (record, 1, table.import_id);
  sqlite3_bind_text (record, 2, finished, -1, SQLITE_STATIC);
  sqlite3_bind_int (record, 3, result->n_new);
  sqlite3_bind_int (record, 4, result->n_updated);
  /* The history has no column of its own for duplicates: like unchanged
   * rows, they changed nothing. */
  sqlite3_bind_int (record, 5, result->n_unchanged + result->n_duplicates);
  sqlite3_bind_int (record, 6, result->n_rejected);
  if (table.first_id != 0)
    {
      sqlite3_bind_int64 (record, 7, table.first_id);
      sqlite3_bind_int64 (record, 8, table.last_id);
    }
  rc = sqlite3_step (record);
  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, ctx->db, rc, _("Could not record the import"));
      goto failed;
    }

  table_clear (&table);
  parser_clear (&parser);
  return TRUE;

failed:
  table_clear (&table);
  parser_clear (&parser);
  return FALSE;
}

/**
 * jd_import_file:
 * @path: a CSV, XLSX or XLS file
 * @options: (nullable): how to read it
 * @progress: (nullable): called now and then with the fraction done, from
 *   the calling thread
 *
 * Imports every table of @path in one transaction: on error or when
 * cancelled, the store is left exactly as it was.  Rows that cannot be
 * imported do not stop the import; they are listed in the results.
 *
 * Returns: (transfer full) (element-type JdImportResult): one result per
 *   table imported, or %NULL with @error set when the file could not be
 *   read or the store not written
 */
GPtrArray *
jd_import_file (JdStore                *store,
                const char             *path,
                const JdImportOptions  *options,
                JdProgressFunc          progress,
                gpointer                user_data,
                GCancellable           *cancellable,
                GError                **error)
{
  static const JdImportOptions no_options = { 0 };
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(JdTableReader) reader = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) agencies = NULL;
  g_autoptr(GHashTable) domains = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *restore_pragmas = NULL;
  g_auto(Checksum) checksum = { 0 };
  Context ctx = { 0 };
  guint n_imported = 0;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    options = &no_options;
  if (!check_options (options, error))
    return NULL;

  file_name = g_filename_display_basename (path);
  reader = jd_table_reader_open (path, options->encoding, error);
  if (reader == NULL)
    {
      g_prefix_error (error, "%s: ", file_name);
      return NULL;
    }
  checksum_start (&checksum, path);

  locker = _jd_store_locker_new (store);
  ctx.store = store;
  ctx.db = _jd_store_get_db (store);
  ctx.options = options;
  ctx.date1904 = reader->date1904;

  /* A bigger page cache while the indexes grow, bounded whatever the
   * size of the file; given back afterwards.  And no foreign-key checks:
   * every agency, field and leniency item a row refers to has been looked
   * up in this very transaction (rows that name unknown ones are
   * rejected), so SQLite's four lookups a row would only repeat ours.
   *
   * The store stays in WAL mode, so that other programs (the app on its
   * dashboard) go on reading while the import writes.  Automatic
   * checkpoints are off until the commit: the new pages go into the WAL
   * once, and one checkpoint after the commit copies them into the
   * database, instead of one every thousand pages.  The commit syncs
   * the WAL (synchronous = FULL), so that an import reported done
   * survives a power cut.  None of these settings is written to the
   * file: a dry run or a failed import leaves its bytes as they were. */
  restore_pragmas = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA foreign_keys = ON;"
                                     " PRAGMA wal_autocheckpoint = %d; PRAGMA synchronous = %d;",
                                     query_pragma (ctx.db, "PRAGMA cache_size", -2000),
                                     query_pragma (ctx.db, "PRAGMA wal_autocheckpoint", 1000),
                                     query_pragma (ctx.db, "PRAGMA synchronous", 1));
  if (!_jd_store_exec (ctx.db, "PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF;"
                               " PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = FULL;", error) ||
      !_jd_store_begin_write (store, progress, user_data, cancellable, error))
    {
      _jd_store_exec (ctx.db, restore_pragmas, NULL);
      return NULL;
    }

  agencies = ctx.agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  domains = ctx.domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  items = ctx.items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  load_names (ctx.db, "SELECT id, name, code FROM agencies", ctx.agencies);
  load_names (ctx.db, "SELECT id, name, code FROM domains", ctx.domains);
  load_names (ctx.db, "SELECT id, title, code FROM leniency_items", ctx.items);
  ctx.journal_seq = 0;

  results = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_import_result_free);

  for (guint i = 0; i < reader->n_tables; i++)
    {
      guint before = results->len;
      g_autoptr(GError) table_error = NULL;

      if (!import_table (&ctx, reader, i, file_name, progress, user_data, cancellable,
                         results, &table_error))
        {
          /* In a workbook, a sheet of notes beside the data is no reason to fail. */
          if (reader->n_tables > 1 && g_error_matches (table_error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NO_HEADER))
            continue;
          g_propagate_error (error, g_steal_pointer (&table_error));
          goto rollback;
        }
      n_imported += results->len - before;
    }

  if (n_imported == 0)
    {
      set_no_header_error (options, file_name, error);
      goto rollback;
    }

  if (!record_checksum (&ctx, &checksum, error))
    goto rollback;
  _jd_test_point ("import-commit");
  if (options->dry_run)
    sqlite3_exec (ctx.db, "ROLLBACK", NULL, NULL, NULL);
  else if (!_jd_store_exec (ctx.db, "COMMIT", error))
    goto rollback;
  else
    _jd_store_checkpoint (store);

  _jd_store_exec (ctx.db, restore_pragmas, NULL);
  if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&results);

rollback:
  sqlite3_exec (ctx.db, "ROLLBACK", NULL, NULL, NULL);
  _jd_store_exec (ctx.db, restore_pragmas, NULL);
  return NULL;
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

  if (!check_options (options, error))
    return NULL;

  reader = jd_table_reader_open (path, options != NULL ? options->encoding : NULL, error);
  if (reader == NULL)
    return NULL;

  tables = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_import_table_free);

  for (guint i = 0; i < reader->n_tables; i++)
    {
      JdImportTable *table;
      const EntitySpec *entity;
      gboolean empty;
      gboolean has_keys;
      guint header_row = 0;
      guint row;

      if (!reader->open_table (reader, i, error))
        return NULL;

      entity = find_header (reader, options, cells, &header_row, &empty, error);
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
        int field_column[16], field_scale[16];

        map_headers (entity, table->headers, options, column_field, field_column, field_scale, &has_keys);
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
          if (row_is_blank (cells))
            continue;
          copy = g_ptr_array_new_with_free_func (g_free);
          for (guint c = 0; c < cells->len; c++)
            g_ptr_array_add (copy, g_strdup (cells->pdata[c]));
          g_ptr_array_add (table->rows, copy);
        }
    }

  return g_steal_pointer (&tables);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/**
 * jd_import_list:
 *
 * Returns: (transfer full) (element-type JdImportRecord): every import,
 *   the latest first
 */
GPtrArray *
jd_import_list (JdStore  *store,
                GError  **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = NULL;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);

  locker = _jd_store_locker_new (store);
  stmt = _jd_store_prepare (_jd_store_get_db (store),
                            "SELECT id, file_name, sha256, entity, sheet, started_at, finished_at, undone_at,"
                            " accepted, updated, unchanged, rejected FROM imports ORDER BY id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify)jd_import_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdImportRecord *record = g_new0 (JdImportRecord, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->file_name = column_text (stmt, 1);
      record->sha256 = column_text (stmt, 2);
      record->entity = column_text (stmt, 3);
      record->sheet = column_text (stmt, 4);
      record->started_at = column_text (stmt, 5);
      record->finished_at = column_text (stmt, 6);
      record->undone_at = column_text (stmt, 7);
      record->n_new = sqlite3_column_int (stmt, 8);
      record->n_updated = sqlite3_column_int (stmt, 9);
      record->n_unchanged = sqlite3_column_int (stmt, 10);
      record->n_rejected = sqlite3_column_int (stmt, 11);
      g_ptr_array_add (records, record);
    }

  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, _jd_store_get_db (store), rc, _("Could not read the imports"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           sqlite3       *db,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                     _("Other data depend on what this import added: %s"), sqlite3_errmsg (db));
      else
        _jd_store_set_error (error, db, rc, _("Could not undo the import"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
undo_locked (sqlite3  *db,
             gint64    import_id,
             GError  **error)
{
  g_autoptr(JdDb) conn = _jd_db_wrap_sqlite (db);   /* freed after the deltas */
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JdRollupDelta) row_delta = NULL;
  g_autoptr(JdRollupDelta) added_delta = NULL;
  g_autofree char *entity_name = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *restore_sql = NULL;
  g_autofree char *delete_sql = NULL;
  g_autofree char *journal_sql = NULL;
  g_autofree char *added = NULL;
  g_autoptr(GString) set = g_string_new (NULL);
  const EntitySpec *entity;
  gint64 first_id = 0, last_id = 0;
  gint64 later;

  stmt = _jd_store_prepare (db, "SELECT entity, undone_at, first_row_id, last_row_id FROM imports WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_NOT_FOUND,
                   _("There is no import %lld"), (long long)import_id);
      return FALSE;
    }
  entity_name = column_text (stmt, 0);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                   _("Import %lld has been undone already"), (long long)import_id);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      first_id = sqlite3_column_int64 (stmt, 2);
      last_id = sqlite3_column_int64 (stmt, 3);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  entity = find_entity (entity_name);
  if (entity == NULL)
    {
      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                   _("Import %lld holds “%s”, which this version cannot undo"),
                   (long long)import_id, entity_name);
      return FALSE;
    }

  /* A later import that changed rows of this one would be undone halfway. */
  stmt = _jd_store_prepare (db,
                            "SELECT max (j.import_id) FROM import_journal AS j JOIN imports AS i ON i.id = j.import_id"
                            " WHERE j.old_import_id = ?1 AND j.import_id <> ?1 AND i.undone_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && (later = sqlite3_column_int64 (stmt, 0)) != 0)
    {
      g_set_error (error, JD_IMPORT_ERROR, JD_IMPORT_ERROR_UNDO_REFUSED,
                   _("Import %lld changed rows of this import; undo it first"), (long long)later);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The rows it added are those of its range that still carry its id
   * once the rows it updated have their old values (and ids) back. */
  added = g_strdup_printf ("id BETWEEN ?1 AND ?2 AND import_id = %lld", (long long)import_id);
  if (entity->rollup >= 0 &&
      ((row_delta = _jd_rollup_delta_new (conn, entity->rollup, "id = ?1", error)) == NULL ||
       (added_delta = _jd_rollup_delta_new (conn, entity->rollup, added, error)) == NULL))
    return FALSE;

  /* Restore the rows it updated, the last change first. */
  for (guint f = 0; f < entity->n_fields; f++)
    if (!(entity->fields[f].flags & KEY))
      g_string_append_printf (set, ", %s = CASE WHEN json_type (?1, '$.%s') IS NULL THEN %s ELSE json_extract (?1, '$.%s') END",
                              entity->fields[f].column, entity->fields[f].column,
                              entity->fields[f].column, entity->fields[f].column);
  restore_sql = g_strdup_printf ("UPDATE %s SET import_id = ?2%s WHERE id = ?3", entity->table, set->str);
  journal_sql = g_strdup_printf ("SELECT old_values, old_import_id, row_id FROM import_journal"
                                 " WHERE import_id = ?1 AND tbl = '%s' ORDER BY seq DESC", entity->table);
  {
    g_autoptr(sqlite3_stmt) journal = _jd_store_prepare (db, journal_sql, error);
    g_autoptr(sqlite3_stmt) restore = journal != NULL ? _jd_store_prepare (db, restore_sql, error) : NULL;
    int rc;

    if (restore == NULL)
      return FALSE;

    sqlite3_bind_int64 (journal, 1, import_id);
    while ((rc = sqlite3_step (journal)) == SQLITE_ROW)
      {
        gint64 row_id = sqlite3_column_int64 (journal, 2);

        if (row_delta != NULL && !_jd_rollup_delta_apply (row_delta, -1, row_id, 0, error))
          return FALSE;
        sqlite3_bind_value (restore, 1, sqlite3_column_value (journal, 0));
        sqlite3_bind_value (restore, 2, sqlite3_column_value (journal, 1));
        sqlite3_bind_int64 (restore, 3, row_id);
        if (!step_done (restore, db, error))
          return FALSE;
        sqlite3_reset (restore);
        if (row_delta != NULL && !_jd_rollup_delta_apply (row_delta, 1, row_id, 0, error))
          return FALSE;
      }
    if (rc != SQLITE_DONE)
      {
        _jd_store_set_error (error, db, rc, _("Could not undo the import"));
        return FALSE;
      }
  }

  if (first_id != 0)
    {
      if (added_delta != NULL && !_jd_rollup_delta_apply (added_delta, -1, first_id, last_id, error))
        return FALSE;
      delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s", entity->table, added);
      stmt = _jd_store_prepare (db, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, first_id);
      sqlite3_bind_int64 (stmt, 2, last_id);
      if (!step_done (stmt, db, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  for (guint i = 0; i < 2; i++)
    {
      stmt = _jd_store_prepare (db, i == 0 ? "DELETE FROM agencies WHERE import_id = ?1"
                                           : "DELETE FROM domains WHERE import_id = ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, import_id);
      if (!step_done (stmt, db, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (entity->rollup >= 0 && !_jd_rollup_finish (conn, entity->rollup, error))
    return FALSE;

  undone = now_text ();
  stmt = _jd_store_prepare (db, "UPDATE imports SET undone_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, import_id);
  sqlite3_bind_text (stmt, 2, undone, -1, SQLITE_STATIC);

  return step_done (stmt, db, error);
}

/**
 * jd_import_undo:
 * @import_id: an id of jd_import_list()
 *
 * Removes the rows the import added and restores the rows it updated, in
 * one transaction.  Refused when a later import changed rows of this one
 * (undo that first), or when later data refer to what it added.
 */
gboolean
jd_import_undo (JdStore  *store,
                gint64    import_id,
                GError  **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  sqlite3 *db;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_db (store);

  if (!_jd_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!undo_locked (db, import_id, error) || !_jd_store_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}
