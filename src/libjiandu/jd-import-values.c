/* jd-import-values.c — reading the cells of agencies' exports
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates, money, yes/no, enumerations in English or Chinese, and names of
 * agencies, fields and leniency items, as spreadsheets and agencies'
 * systems write them, parsed into the values a row is stored with.
 */

#define G_LOG_DOMAIN "jd-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-import-private.h"
#include "jd-table-reader.h"

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

/* Whitespace as spreadsheets leave it: ASCII, no-break and ideographic spaces. */
char *
_jd_import_trim (char *text)
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

gboolean
_jd_import_row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (_jd_import_trim (cells->pdata[i])[0] != '\0')
      return FALSE;

  return TRUE;
}

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

gint64
_jd_import_lookup_id (GHashTable *names,
                      const char *text)
{
  gpointer value;

  if (g_hash_table_lookup_extended (names, text, NULL, &value))
    return (gint64)GPOINTER_TO_SIZE (value);

  return 0;
}

gint64
_jd_import_lookup_domain (GHashTable *domains,
                          const char *text)
{
  gint64 id = _jd_import_lookup_id (domains, text);

  for (guint i = 0; id == 0 && i < G_N_ELEMENTS (domain_variants); i++)
    if (g_str_equal (domain_variants[i].text, text))
      id = _jd_import_lookup_id (domains, domain_variants[i].name);

  return id;
}

/* Parses one cell of field @f into @value; returns the reason on failure.
 * Agencies, fields and leniency items it does not know are left to the
 * writing thread: value->i is 0 and value->s their name. */
static char *
parse_cell (const JdImportParser *parser,
            guint                 f,
            char                 *text,
            JdImportValue        *value)
{
  const JdImportField *field = &parser->entity->fields[f];
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
      else if (field->flags & JD_IMPORT_REQUIRED)
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
      value->i = field->type == T_AGENCY ? _jd_import_lookup_id (parser->agencies, text) :
                 field->type == T_DOMAIN ? _jd_import_lookup_domain (parser->domains, text) : _jd_import_lookup_id (parser->items, text);
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
        if (end == text || *_jd_import_trim (end) != '\0' || !(value->d >= 0 && value->d <= 100))
          return g_strdup_printf (_("“%s” is not a score from 0 to 100"), text);
        value->type = SQLITE_FLOAT;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* Parses the cells of a row into @values, every field (the ones the file
 * lacks get what the database would store for them); reasons the row is
 * wrong go to @errors. */
void
_jd_import_parse_row (const JdImportParser *parser,
                      GPtrArray            *cells,
                      guint                 index,
                      JdImportValue        *values,
                      GArray               *errors)
{
  for (guint f = 0; f < parser->entity->n_fields; f++)
    {
      int c = parser->field_column[f];
      JdImportBatchError error = { index, c, NULL };

      error.reason = parse_cell (parser, f, c >= 0 && (guint)c < cells->len ? _jd_import_trim (cells->pdata[c]) : (char *)"",
                                 &values[f]);
      if (error.reason != NULL)
        g_array_append_val (errors, error);
    }
}
