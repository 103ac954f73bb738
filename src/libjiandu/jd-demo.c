/* jd-demo.c — a deterministic, realistic demo city
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-demo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "jd-demo.h"
#include "jd-period.h"
#include "jd-rollup-private.h"
#include "jd-demo-private.h"
#include "jd-store-private.h"

/* The demo city is a prefecture-level city of five districts and three
 * counties, 41 enforcement agencies on three levels and 15 fields of
 * enforcement, with data from JD_DEMO_FIRST_MONTH to JD_DEMO_LAST_MONTH.
 *
 * Everything is drawn from our own xoshiro256** generator, one stream per
 * table, and computed in integer arithmetic only (probabilities in parts
 * per million, weights as integers, dates as day numbers), so the same
 * seed and size give byte-identical tables on every machine and compiler.
 *
 * Stories a supervisor should find in the data:
 *  - SILENT_AGENCY decides no case from 2026-06 on (怠于履行 signal);
 *  - SPIKE_AGENCY's complaints jump, mostly about food safety, in the last
 *    three months;
 *  - the first-instance loss rate falls and the head-of-agency appearance
 *    rate rises year by year; leniency lists and leniency cases grow;
 *  - a few major decisions were taken without legal review (法制审核). */

#define SILENT_AGENCY       "BT-ZHZF"
#define SILENT_FROM         202606
#define SPIKE_AGENCY        "XH-SCJG"
#define SPIKE_FROM          202608

#define FIRST_YEAR          (JD_DEMO_FIRST_MONTH / 100)
#define N_YEARS             (JD_DEMO_LAST_MONTH / 100 - FIRST_YEAR + 1)
#define N_MONTHS            ((JD_DEMO_LAST_MONTH / 100 - JD_DEMO_FIRST_MONTH / 100) * 12 + \
                             JD_DEMO_LAST_MONTH % 100 - JD_DEMO_FIRST_MONTH % 100 + 1)

#define PPM                 1000000

/* Progress counts one unit per row; agencies, domains and the leniency
 * lists together count as this many. */
#define SETUP_WORK          300

/* Share of cases still open (opened, not yet decided) at the end. */
#define PENDING_PER_MILLE   15

/* One PRNG stream per table: changing how one table is drawn leaves the
 * others as they were. */
enum
{
  STREAM_ITEMS = 1,
  STREAM_CASES,
  STREAM_COMPLAINTS,
  STREAM_LAWSUITS,
  STREAM_RECONSIDERATIONS,
  STREAM_REVIEWS,
  STREAM_PARTIES,
};

/* The pseudo-random generator: xoshiro256**, seeded through splitmix64. */

typedef struct
{
  guint64 s[4];
} Rng;

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
mix64 (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed,
          guint64  stream)
{
  guint64 state = seed ^ (stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));

  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    {
      state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      rng->s[i] = mix64 (state);
    }
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* Uniform in [0, n) by multiply-shift; the bias (< n / 2^32) does not
 * matter for demo data. */
static inline guint32
rng_below (Rng     *rng,
           guint32  n)
{
  return (guint32) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline gint
rng_range (Rng  *rng,
           gint  lo,
           gint  hi)
{
  return lo + (gint) rng_below (rng, (guint32) (hi - lo + 1));
}

/* The smaller of two draws: skewed towards 0. */
static inline guint32
rng_below_skewed (Rng     *rng,
                  guint32  n)
{
  guint32 a = rng_below (rng, n);
  guint32 b = rng_below (rng, n);

  return MIN (a, b);
}

/* TRUE with probability ppm / 1,000,000. */
static inline gboolean
rng_chance (Rng     *rng,
            guint32  ppm)
{
  return rng_below (rng, PPM) < ppm;
}

static guint
rng_pick (Rng            *rng,
          const guint16  *weights,
          guint           n_weights)
{
  guint32 total = 0;
  guint32 r;

  for (guint i = 0; i < n_weights; i++)
    total += weights[i];

  r = rng_below (rng, total);
  for (guint i = 0; i < n_weights; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  g_assert_not_reached ();
}

/* Error diffusion: takes the share ppm of the calls, rounded to the
 * nearest whole call, so a rate shows its trend even in a small demo,
 * where coin flips would drown a drift from 15 % to 6 % in noise. */
typedef struct
{
  guint32 acc;
} Quota;

#define QUOTA_INIT { PPM / 2 }

static inline gboolean
quota_take (Quota   *quota,
            guint32  ppm)
{
  quota->acc += ppm;
  if (quota->acc < PPM)
    return FALSE;
  quota->acc -= PPM;
  return TRUE;
}

/* A value that moves linearly from @from (first month) to @to (last). */
static inline guint32
drift (guint   month_index,
       guint32 from,
       guint32 to)
{
  return (guint32) ((gint64) from + ((gint64) to - (gint64) from) * month_index / (N_MONTHS - 1));
}

/* Dates are day numbers (days since 1970-01-01), after H. Hinnant's
 * civil-calendar algorithms. */

static gint
days_from_civil (gint year,
                 gint month,
                 gint day)
{
  gint era;
  guint yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = (guint) (year - era * 400);
  doy = (153 * (guint) (month > 2 ? month - 3 : month + 9) + 2) / 5 + (guint) day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + (gint) doe - 719468;
}

static void
civil_from_days (gint  days,
                 gint *year,
                 gint *month,
                 gint *day)
{
  gint era;
  guint doe, yoe, doy, mp;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = (guint) (days - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = (gint) (doy - (153 * mp + 2) / 5 + 1);
  *month = (gint) (mp < 10 ? mp + 3 : mp - 9);
  *year = (gint) yoe + era * 400 + (*month <= 2);
}

/* 0 is Monday; 1970-01-01 was a Thursday. */
static inline gint
weekday (gint days)
{
  return (days % 7 + 7 + 3) % 7;
}

static void
format_date (char out[11],
             gint days)
{
  gint y, m, d;

  civil_from_days (days, &y, &m, &d);
  out[0] = '0' + y / 1000;
  out[1] = '0' + y / 100 % 10;
  out[2] = '0' + y / 10 % 10;
  out[3] = '0' + y % 10;
  out[4] = '-';
  out[5] = '0' + m / 10;
  out[6] = '0' + m % 10;
  out[7] = '-';
  out[8] = '0' + d / 10;
  out[9] = '0' + d % 10;
  out[10] = '\0';
}

static gint
add_working_days (gint days,
                  gint n)
{
  while (n > 0)
    {
      days++;
      if (weekday (days) < 5)
        n--;
    }
  return days;
}

/* The city. */

typedef enum
{
  DOM_SCJG,
  DOM_STHJ,
  DOM_JTYS,
  DOM_CSGL,
  DOM_NYNC,
  DOM_WHLY,
  DOM_YJGL,
  DOM_ZRZY,
  DOM_WSJK,
  DOM_RLSB,
  DOM_ZFJS,
  DOM_GAZA,
  DOM_SL,
  DOM_JY,
  DOM_QT,
  N_DOMAINS,
  DOM_NONE = N_DOMAINS,
} DemoDomain;

typedef struct
{
  const char *code;
  const char *name;
  const char *law;             /* the field's main statute, for leniency items */
  guint8      enterprise_pct;  /* share of cases against enterprises (涉企) */
  guint8      list_debut;      /* month index the field's leniency list takes effect */
  const char *categories[5];   /* complaint categories particular to the field */
  const char *violations[9];   /* minor violations its leniency list names */
} DemoDomainInfo;

static const DemoDomainInfo domains[N_DOMAINS] = {
  [DOM_SCJG] = { "SCJG", "市场监管", "《中华人民共和国市场主体登记管理条例》", 70, 2,
                 { "食品安全", "消费纠纷", "价格违法", "虚假宣传" },
                 { "未按规定公示年度报告", "未在经营场所醒目位置悬挂营业执照",
                   "未按规定明码标价", "计量器具未按规定申请周期检定",
                   "食品经营者未按规定建立进货查验记录", "广告中使用“国家级”“最高级”等用语",
                   "个体工商户未按规定办理变更登记", "未按规定公示食品经营许可证" } },
  [DOM_STHJ] = { "STHJ", "生态环境", "《中华人民共和国环境保护法》", 85, 5,
                 { "环境污染", "噪音扰民" },
                 { "未按规定设置危险废物识别标志", "建设项目环境影响登记表未备案",
                   "排污口未按规定设置标志牌", "未按规定公开环境信息",
                   "餐饮油烟净化设施未正常使用", "未按规定记录排污许可台账" } },
  [DOM_JTYS] = { "JTYS", "交通运输", "《中华人民共和国道路运输条例》", 50, 5,
                 { "出租车网约车", "交通出行" },
                 { "道路运输车辆未随车携带道路运输证", "出租汽车驾驶员未按规定使用计价器",
                   "网约车驾驶员未随车携带从业资格证", "机动车维修经营者未按规定公示收费标准",
                   "货运车辆未按规定进行年度审验", "客运车辆未按规定配置安全锤" } },
  [DOM_CSGL] = { "CSGL", "城市管理", "《城市市容和环境卫生管理条例》", 35, 2,
                 { "占道经营", "违章建筑", "市容环境", "噪音扰民" },
                 { "店外经营、占道经营", "未按规定设置户外广告招牌", "乱张贴、乱涂写、乱刻画",
                   "未按规定分类投放生活垃圾", "运输建筑垃圾车辆未密闭",
                   "临街晾晒物品影响市容", "在城市道路上临时堆放物料" } },
  [DOM_NYNC] = { "NYNC", "农业农村", "《农药管理条例》", 45, 14,
                 { "农资质量", "动物防疫" },
                 { "农药经营者未按规定建立销售台账", "兽药经营者未按规定储存兽药",
                   "畜禽未按规定佩戴畜禽标识", "种子标签标注内容不规范",
                   "渔船未按规定携带渔业船舶证书", "肥料登记证过期继续销售" } },
  [DOM_WHLY] = { "WHLY", "文化旅游", "《中华人民共和国旅游法》", 60, 17,
                 { "旅游纠纷", "文化市场" },
                 { "网吧未按规定核对登记上网消费者身份", "旅行社未按规定报送经营信息",
                   "娱乐场所未按规定悬挂警示标志", "导游未按规定佩戴导游证",
                   "演出场所未按规定公示演出信息" } },
  [DOM_YJGL] = { "YJGL", "应急管理", "《中华人民共和国安全生产法》", 90, 12,
                 { "安全隐患" },
                 { "未如实记录安全生产教育和培训情况", "未在有较大危险因素的场所设置安全警示标志",
                   "未按规定建立事故隐患排查治理制度", "未按规定组织生产安全事故应急救援演练",
                   "特种作业人员证件未按期复审", "危险化学品经营单位未按规定公示安全承诺" } },
  [DOM_ZRZY] = { "ZRZY", "自然资源和规划", "《中华人民共和国土地管理法》", 55, 20,
                 { "违法占地", "违章建筑" },
                 { "未按规定汇交测绘成果", "临时用地期满未及时恢复",
                   "未按规划许可放线验线", "地质灾害危险性评估报告未备案",
                   "未按规定报送矿产资源统计资料" } },
  [DOM_WSJK] = { "WSJK", "卫生健康", "《公共场所卫生管理条例》", 55, 12,
                 { "医疗服务", "公共卫生" },
                 { "公共场所未按规定公示卫生许可证", "从业人员未取得健康合格证明上岗",
                   "医疗机构未按规定悬挂执业许可证", "公共场所未按规定设置禁止吸烟标识",
                   "诊所未按规定登记医疗废物", "集中空调通风系统未按规定清洗" } },
  [DOM_RLSB] = { "RLSB", "人力资源社会保障", "《劳动保障监察条例》", 90, 26,
                 { "拖欠工资", "社会保险" },
                 { "用人单位未按规定建立职工名册", "未按规定告知劳动者最低工资标准",
                   "未按规定办理劳动用工备案", "人力资源服务机构未按规定公示服务项目",
                   "未按规定保存工资支付记录" } },
  [DOM_ZFJS] = { "ZFJS", "住房城乡建设", "《建设工程安全生产管理条例》", 85, 24,
                 { "物业管理", "房屋质量", "违章建筑" },
                 { "施工现场未按规定设置围挡", "物业服务企业未按规定公示收费项目",
                   "房地产经纪机构未按规定公示服务信息", "施工单位未按规定设置安全警示标志",
                   "建设单位未按规定办理质量监督手续", "预拌混凝土运输车辆未密闭" } },
  [DOM_GAZA] = { "GAZA", "公安治安", "《中华人民共和国治安管理处罚法》", 12, 8,
                 { "治安秩序", "噪音扰民" },
                 { "未按规定申报居住登记", "旅馆未按规定登记住宿旅客信息",
                   "饲养犬只未按规定束犬链", "公章刻制业未按规定备案",
                   "娱乐场所未按规定登记从业人员", "电动自行车未按规定登记上牌" } },
  [DOM_SL]   = { "SL", "水利", "《中华人民共和国水法》", 50, 30,
                 { "河道管理" },
                 { "未按规定安装取水计量设施", "在河道管理范围内临时堆放物料",
                   "未按规定报送年度取水计划", "水土保持方案未按规定备案",
                   "在河道管理范围内设置影响行洪的设施" } },
  [DOM_JY]   = { "JY", "教育", "《中华人民共和国民办教育促进法》", 80, 36,
                 { "校外培训" },
                 { "校外培训机构未按规定公示收费标准", "民办学校招生简章未按规定备案",
                   "培训机构未按规定公示教师资格信息", "校外培训机构未按规定使用资金监管账户" } },
  [DOM_QT]   = { "QT", "其他", "《中华人民共和国统计法》", 40, 42,
                 { NULL },
                 { "统计调查对象迟报统计资料", "社会组织未按规定参加年度检查",
                   "未按规定报送统计资料", "社会组织未按规定公开年度工作报告" } },
};

/* Complaint categories that every field shares. */
static const char * const general_categories[] = {
  "执法不作为", "执法态度", "乱罚款", "执法程序", "其他",
};
static const guint16 general_category_weights[] = { 35, 25, 15, 15, 10 };

typedef struct
{
  const char *name;
  const char *short_name;   /* for reconsideration numbers: 东城府复决〔2024〕3号 */
} DemoRegion;

static const DemoRegion regions[] = {
  { "市本级", "市" },
  { "东城区", "东城" },
  { "西湖区", "西湖" },
  { "南溪区", "南溪" },
  { "北塘区", "北塘" },
  { "临江区", "临江" },
  { "青山县", "青山" },
  { "石桥县", "石桥" },
  { "云阳县", "云阳" },
};
#define N_REGIONS G_N_ELEMENTS (regions)

typedef struct
{
  const char *code;
  const char *name;
  const char *abbr;        /* for case numbers: 市市监罚〔2024〕1234号 */
  const char *level;
  guint8      region;
  const char *parent;      /* code of an earlier row, or NULL */
  guint8      domain;
  guint8      domain2;     /* a second field (综合执法), or DOM_NONE */
  guint8      share2;      /* percent of its work in domain2 */
  guint16     cases;       /* relative sizes of its case load, */
  guint16     complaints;  /* of the complaints it handles, */
  guint16     lawsuits;    /* and of the suits and appeals against it */
} DemoAgency;

static const DemoAgency agencies[] = {
  /* 市级 */
  { "SJ-SCJG", "市市场监督管理局", "市市监", "city", 0, NULL, DOM_SCJG, DOM_NONE, 0, 100, 120, 30 },
  { "SJ-STHJ", "市生态环境局", "市环", "city", 0, NULL, DOM_STHJ, DOM_NONE, 0, 35, 60, 12 },
  { "SJ-JTYS", "市交通运输局", "市交", "city", 0, NULL, DOM_JTYS, DOM_NONE, 0, 70, 50, 12 },
  { "SJ-CSGL", "市城市管理局", "市城管", "city", 0, NULL, DOM_CSGL, DOM_ZFJS, 15, 55, 90, 18 },
  { "SJ-NYNC", "市农业农村局", "市农", "city", 0, NULL, DOM_NYNC, DOM_NONE, 0, 20, 15, 5 },
  { "SJ-WHLY", "市文化和旅游局", "市文旅", "city", 0, NULL, DOM_WHLY, DOM_NONE, 0, 15, 20, 3 },
  { "SJ-YJGL", "市应急管理局", "市应急", "city", 0, NULL, DOM_YJGL, DOM_NONE, 0, 25, 15, 6 },
  { "SJ-ZRZY", "市自然资源和规划局", "市自然资规", "city", 0, NULL, DOM_ZRZY, DOM_NONE, 0, 20, 25, 40 },
  { "SJ-WSJK", "市卫生健康委员会", "市卫健", "city", 0, NULL, DOM_WSJK, DOM_NONE, 0, 25, 40, 8 },
  { "SJ-RLSB", "市人力资源和社会保障局", "市人社", "city", 0, NULL, DOM_RLSB, DOM_NONE, 0, 15, 70, 30 },
  { "SJ-ZFJS", "市住房和城乡建设局", "市住建", "city", 0, NULL, DOM_ZFJS, DOM_NONE, 0, 22, 80, 35 },
  { "SJ-GAJ", "市公安局", "市公", "city", 0, NULL, DOM_GAZA, DOM_NONE, 0, 180, 60, 40 },
  { "SJ-SLJ", "市水利局", "市水", "city", 0, NULL, DOM_SL, DOM_NONE, 0, 8, 8, 3 },
  { "SJ-JYJ", "市教育局", "市教", "city", 0, NULL, DOM_JY, DOM_NONE, 0, 5, 30, 2 },
  { "SJ-MZJ", "市民政局", "市民", "city", 0, NULL, DOM_QT, DOM_NONE, 0, 4, 10, 2 },
  { "SJ-TJJ", "市统计局", "市统", "city", 0, NULL, DOM_QT, DOM_NONE, 0, 3, 2, 1 },
  /* 县级 */
  { "DC-SCJG", "东城区市场监督管理局", "东市监", "county", 1, "SJ-SCJG", DOM_SCJG, DOM_NONE, 0, 45, 70, 8 },
  { "DC-ZHZF", "东城区综合行政执法局", "东综执", "county", 1, "SJ-CSGL", DOM_CSGL, DOM_ZFJS, 20, 40, 80, 12 },
  { "XH-SCJG", "西湖区市场监督管理局", "西市监", "county", 2, "SJ-SCJG", DOM_SCJG, DOM_NONE, 0, 40, 60, 7 },
  { "XH-ZHZF", "西湖区综合行政执法局", "西综执", "county", 2, "SJ-CSGL", DOM_CSGL, DOM_ZFJS, 20, 35, 70, 10 },
  { "NX-SCJG", "南溪区市场监督管理局", "南市监", "county", 3, "SJ-SCJG", DOM_SCJG, DOM_NONE, 0, 30, 45, 5 },
  { "NX-ZHZF", "南溪区综合行政执法局", "南综执", "county", 3, "SJ-CSGL", DOM_CSGL, DOM_ZRZY, 20, 28, 50, 9 },
  { "BT-SCJG", "北塘区市场监督管理局", "北市监", "county", 4, "SJ-SCJG", DOM_SCJG, DOM_NONE, 0, 25, 40, 5 },
  { "BT-ZHZF", "北塘区综合行政执法局", "北综执", "county", 4, "SJ-CSGL", DOM_CSGL, DOM_ZFJS, 20, 22, 45, 8 },
  { "LJ-SCJG", "临江区市场监督管理局", "临市监", "county", 5, "SJ-SCJG", DOM_SCJG, DOM_NONE, 0, 20, 35, 4 },
  { "LJ-ZHZF", "临江区综合行政执法局", "临综执", "county", 5, "SJ-CSGL", DOM_CSGL, DOM_ZRZY, 20, 20, 40, 7 },
  { "QS-SCJG", "青山县市场监督管理局", "青市监", "county", 6, "SJ-SCJG", DOM_SCJG, DOM_NONE, 0, 15, 20, 3 },
  { "QS-ZHZF", "青山县综合行政执法局", "青综执", "county", 6, "SJ-CSGL", DOM_CSGL, DOM_ZRZY, 30, 12, 20, 6 },
  { "QS-NYNC", "青山县农业农村局", "青农", "county", 6, "SJ-NYNC", DOM_NYNC, DOM_NONE, 0, 10, 8, 2 },
  { "SQ-SCJG", "石桥县市场监督管理局", "石市监", "county", 7, "SJ-SCJG", DOM_SCJG, DOM_NONE, 0, 14, 18, 3 },
  { "SQ-ZHZF", "石桥县综合行政执法局", "石综执", "county", 7, "SJ-CSGL", DOM_CSGL, DOM_ZRZY, 30, 12, 18, 5 },
  { "SQ-NYNC", "石桥县农业农村局", "石农", "county", 7, "SJ-NYNC", DOM_NYNC, DOM_NONE, 0, 8, 6, 2 },
  { "YY-SCJG", "云阳县市场监督管理局", "云市监", "county", 8, "SJ-SCJG", DOM_SCJG, DOM_NONE, 0, 13, 16, 3 },
  { "YY-ZHZF", "云阳县综合行政执法局", "云综执", "county", 8, "SJ-CSGL", DOM_CSGL, DOM_ZRZY, 30, 11, 16, 5 },
  { "YY-NYNC", "云阳县农业农村局", "云农", "county", 8, "SJ-NYNC", DOM_NYNC, DOM_NONE, 0, 8, 6, 2 },
  /* 乡镇 */
  { "DC-HPJD", "东城区和平街道办事处", "和平街", "township", 1, "DC-ZHZF", DOM_CSGL, DOM_NONE, 0, 4, 12, 1 },
  { "XH-HBJD", "西湖区湖滨街道办事处", "湖滨街", "township", 2, "XH-ZHZF", DOM_CSGL, DOM_NONE, 0, 4, 12, 1 },
  { "NX-JKZ", "南溪区江口镇人民政府", "江口镇", "township", 3, "NX-ZHZF", DOM_CSGL, DOM_NYNC, 30, 3, 6, 1 },
  { "QS-LQZ", "青山县龙泉镇人民政府", "龙泉镇", "township", 6, "QS-ZHZF", DOM_CSGL, DOM_ZRZY, 30, 3, 5, 1 },
  { "SQ-SQZ", "石桥县石桥镇人民政府", "石桥镇", "township", 7, "SQ-ZHZF", DOM_CSGL, DOM_NYNC, 30, 3, 5, 1 },
  { "YY-BMZ", "云阳县白马镇人民政府", "白马镇", "township", 8, "YY-ZHZF", DOM_CSGL, DOM_ZRZY, 30, 2, 4, 1 },
};
#define N_AGENCIES G_N_ELEMENTS (agencies)

/* The enumerations, in the order of jd-enums.c. */

enum { KIND_PENALTY, KIND_COERCION, KIND_INSPECTION, KIND_LICENSE, KIND_LEVY, KIND_OTHER, N_KINDS };
static const char * const case_kinds[N_KINDS] = {
  "penalty", "coercion", "inspection", "license", "levy", "other",
};
static const char * const case_kind_chars[N_KINDS] = { "罚", "强", "检", "许", "征", "执" };
static const guint16 case_kind_weights[N_KINDS] = { 550, 70, 220, 80, 30, 50 };

enum { LEN_NONE, LEN_NO_PENALTY, LEN_FIRST_OFFENSE, LEN_LIGHTER, LEN_MITIGATED, N_LENIENCIES };
static const char * const leniencies[N_LENIENCIES] = {
  "none", "no_penalty", "first_offense", "lighter", "mitigated",
};
static const guint16 leniency_weights[N_LENIENCIES] = { 0, 28, 32, 28, 12 };

enum { ITEM_NO_PENALTY, ITEM_FIRST_OFFENSE, ITEM_LIGHTER, ITEM_MITIGATED, ITEM_NO_COERCION, N_ITEM_KINDS };
static const struct
{
  const char *code;
  guint32     ppm;        /* chance that a listed violation has an item of this kind */
  const char *before;     /* the title is before + violation + after */
  const char *after;
  const char *basis;
} item_kinds[N_ITEM_KINDS] = {
  { "no_penalty", 900000, "", "，违法行为轻微并及时改正，没有造成危害后果的",
    "《中华人民共和国行政处罚法》第三十三条第一款" },
  { "first_offense", 850000, "初次", "，危害后果轻微并及时改正的",
    "《中华人民共和国行政处罚法》第三十三条第一款" },
  { "lighter", 900000, "", "，主动消除或者减轻违法行为危害后果的",
    "《中华人民共和国行政处罚法》第三十二条" },
  { "mitigated", 700000, "", "，配合行政机关查处违法行为有立功表现的",
    "《中华人民共和国行政处罚法》第三十二条" },
  { "no_coercion", 300000, "", "，违法行为情节显著轻微，未造成危害后果的",
    "《中华人民共和国行政强制法》第十六条第二款" },
};

static const char * const channels[] = {
  "hotline_12345", "letter", "visit", "web", "phone", "app", "other",
};
static const guint16 channel_weights[] = { 600, 40, 40, 120, 80, 90, 30 };

static const char * const satisfactions[] = { "satisfied", "basic", "unsatisfied" };

enum { INST_FIRST, INST_SECOND, INST_RETRIAL, N_INSTANCES };
static const char * const instances[N_INSTANCES] = { "first", "second", "retrial" };
static const char * const instance_chars[N_INSTANCES] = { "初", "终", "再" };

static const char * const lost_outcomes[] = {
  "revoked", "illegal", "ordered", "modified", "compensation", "void",
};
static const guint16 lost_outcome_weights[] = { 45, 25, 15, 8, 5, 2 };

static const char * const corrected_outcomes[] = {
  "revoked", "illegal", "ordered", "modified", "void",
};
static const guint16 corrected_outcome_weights[] = { 45, 25, 15, 12, 3 };

static const char * const review_problems[] = {
  "证据不充分，关键事实缺少证据支撑",
  "适用法律依据不准确",
  "未告知当事人陈述、申辩权利",
  "行政处罚决定书文书制作不规范",
  "裁量说理不充分",
  "送达程序不规范",
  "重大执法决定未经法制审核",
  "立案审批手续不全",
  "调查询问笔录缺少执法人员签名",
  "案卷归档材料不完整",
};

/* The state of one run. */

typedef struct
{
  gint64  id;
  guint8  domain;
  guint8  kind;
  gint16  from;      /* month index it takes effect */
  gint16  until;     /* month index it is repealed, or N_MONTHS */
} DemoItem;

typedef struct
{
  sqlite3        *db;
  guint64         seed;
  gint64          n_cases;
  JdProgressFunc  progress;
  gpointer        user_data;
  GCancellable   *cancellable;

  /* progress */
  gint64          done;
  gint64          total;
  gint64          next_report;
  gint64          report_step;
  guint           since_check;

  gint            month_start[N_MONTHS + 1];   /* day number of each month's 1st */
  gint            first_day;
  gint            last_day;

  gint64          domain_ids[N_DOMAINS];
  gint64          agency_ids[N_AGENCIES];
  guint           silent_agency;
  guint           spike_agency;
  guint           city_agency[N_DOMAINS];      /* the city-level agency of each field */

  GArray         *items;                       /* DemoItem, field by field */
  guint           items_of_domain[N_DOMAINS + 1];  /* where each field's items begin */

  /* Penalty case numbers agency a decided in month m are
   * penalty_lo[a][m]+1 .. penalty_hi[a][m]; reviews pick from them. */
  guint32         penalty_lo[N_AGENCIES][N_MONTHS];
  guint32         penalty_hi[N_AGENCIES][N_MONTHS];
} DemoContext;

static inline gint
month_key (guint month_index)
{
  return jd_month_add (JD_DEMO_FIRST_MONTH, (int) month_index);
}

static inline guint
year_index (guint month_index)
{
  return (guint) (month_key (month_index) / 100 - FIRST_YEAR);
}

static inline guint
year_index_of_day (gint days)
{
  gint y, m, d;

  civil_from_days (days, &y, &m, &d);
  return (guint) (y - FIRST_YEAR);
}

static inline guint
month_index_of_day (gint days)
{
  gint y, m, d;

  civil_from_days (days, &y, &m, &d);
  return (guint) ((y - FIRST_YEAR) * 12 + m - JD_DEMO_FIRST_MONTH % 100);
}

/* A day in the month, mostly a working day. */
static gint
pick_day (Rng               *rng,
          const DemoContext *ctx,
          guint              month_index,
          guint32            weekend_ppm)
{
  gint first = ctx->month_start[month_index];
  guint32 n_days = (guint32) (ctx->month_start[month_index + 1] - first);
  gint day = first;

  for (guint tries = 0; tries < 4; tries++)
    {
      day = first + (gint) rng_below (rng, n_days);
      if (weekday (day) < 5 || rng_chance (rng, weekend_ppm))
        break;
    }

  return day;
}

static gboolean
advance (DemoContext  *ctx,
         gint64        n,
         GError      **error)
{
  ctx->done += n;

  if (++ctx->since_check >= 1024)
    {
      ctx->since_check = 0;
      if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
    }

  if (ctx->done >= ctx->next_report)
    {
      ctx->next_report += ctx->report_step;
      if (ctx->progress != NULL)
        ctx->progress (MIN (1.0, (double) ctx->done / (double) ctx->total), ctx->user_data);
    }

  return TRUE;
}

static gboolean
step_insert (DemoContext   *ctx,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _jd_store_set_error (error, ctx->db, rc, _("Could not write the demo data"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           column,
                  gint64        value)
{
  if (value >= 0)
    sqlite3_bind_int64 (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

/* Splits @total over @n_cells in proportion to @weights, exactly: cell i
 * gets ⌊total·Wᵢ/W⌋ − ⌊total·Wᵢ₋₁/W⌋ where Wᵢ are the running sums.  The
 * weights must be small enough that total × W fits in 63 bits. */
static void
allocate (const guint64 *weights,
          gsize          n_cells,
          gint64         total,
          gint64        *out)
{
  guint64 sum = 0;
  guint64 running = 0;
  gint64 given = 0;

  for (gsize i = 0; i < n_cells; i++)
    sum += weights[i];
  g_assert (sum > 0);
  g_assert (sum < G_MAXINT64 / (guint64) MAX (total, 1));

  for (gsize i = 0; i < n_cells; i++)
    {
      gint64 upto;

      running += weights[i];
      upto = (gint64) (running * (guint64) total / sum);
      out[i] = upto - given;
      given = upto;
    }
}

/* Month weights, about 1000 in the first month: growth per month in parts
 * per 10,000, a season by calendar month, and the Spring Festival holiday
 * (in January or February, depending on the year) taken out. */
static void
month_weights (guint32        growth,
               const guint16  season[12],
               guint32        festival_per_mille,
               guint64        out[N_MONTHS])
{
  /* The month of 春节 in 2021 … 2026. */
  static const guint8 festival_month[] = { 2, 2, 1, 2, 1, 2 };
  guint64 level = 1000000;

  G_STATIC_ASSERT (G_N_ELEMENTS (festival_month) == N_YEARS);

  for (guint m = 0; m < N_MONTHS; m++)
    {
      gint key = month_key (m);
      guint calendar = (guint) (key % 100);
      guint64 weight = level * season[calendar - 1] / 1000;

      if (calendar == festival_month[key / 100 - FIRST_YEAR])
        weight = weight * festival_per_mille / 1000;

      out[m] = weight / 1000;
      level = level * growth / 10000;
    }
}

static guint
pick_domain (Rng        *rng,
             const DemoAgency *agency)
{
  if (agency->domain2 != DOM_NONE && rng_below (rng, 100) < agency->share2)
    return agency->domain2;
  return agency->domain;
}

/* agencies and domains */

/* A new database already holds the standard fields (jd-schema-5.sql):
 * the demo uses those rows, and adds only what is missing. */
static gboolean
generate_domains (DemoContext  *ctx,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;

  insert = _jd_store_prepare (ctx->db,
                              "INSERT INTO domains (code, name) VALUES (?1, ?2)"
                              " ON CONFLICT (code) DO NOTHING", error);
  if (insert == NULL)
    return FALSE;
  select = _jd_store_prepare (ctx->db, "SELECT id FROM domains WHERE code = ?1", error);
  if (select == NULL)
    return FALSE;

  for (guint d = 0; d < N_DOMAINS; d++)
    {
      int rc;

      sqlite3_bind_text (insert, 1, domains[d].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, domains[d].name, -1, SQLITE_STATIC);
      if (!step_insert (ctx, insert, error))
        return FALSE;

      sqlite3_bind_text (select, 1, domains[d].code, -1, SQLITE_STATIC);
      rc = sqlite3_step (select);
      if (rc != SQLITE_ROW)
        {
          _jd_store_set_error (error, ctx->db, rc, _("Could not write the demo data"));
          return FALSE;
        }
      ctx->domain_ids[d] = sqlite3_column_int64 (select, 0);
      sqlite3_reset (select);
    }

  return TRUE;
}

static guint
agency_index (const char *code)
{
  for (guint a = 0; a < N_AGENCIES; a++)
    if (strcmp (agencies[a].code, code) == 0)
      return a;

  g_assert_not_reached ();
}

static gboolean
generate_agencies (DemoContext  *ctx,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _jd_store_prepare (ctx->db,
                            "INSERT INTO agencies (code, name, level, region, parent_id)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint d = 0; d < N_DOMAINS; d++)
    ctx->city_agency[d] = G_MAXUINT;

  for (guint a = 0; a < N_AGENCIES; a++)
    {
      const DemoAgency *agency = &agencies[a];

      sqlite3_bind_text (stmt, 1, agency->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, agency->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, agency->level, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, regions[agency->region].name, -1, SQLITE_STATIC);
      if (agency->parent != NULL)
        {
          guint parent = agency_index (agency->parent);

          g_assert (parent < a);
          sqlite3_bind_int64 (stmt, 5, ctx->agency_ids[parent]);
        }
      else
        sqlite3_bind_null (stmt, 5);

      if (!step_insert (ctx, stmt, error))
        return FALSE;
      ctx->agency_ids[a] = sqlite3_last_insert_rowid (ctx->db);

      if (agency->region == 0 && ctx->city_agency[agency->domain] == G_MAXUINT)
        ctx->city_agency[agency->domain] = a;
    }

  ctx->silent_agency = agency_index (SILENT_AGENCY);
  ctx->spike_agency = agency_index (SPIKE_AGENCY);

  return TRUE;
}

/* leniency_items: each field publishes its list (免罚清单) at its debut
 * month and extends it one and two years later; an item now and then is
 * repealed at a revision. */

static gboolean
generate_leniency_items (DemoContext  *ctx,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Rng rng;

  rng_init (&rng, ctx->seed, STREAM_ITEMS);
  stmt = _jd_store_prepare (ctx->db,
                            "INSERT INTO leniency_items (code, title, kind, domain_id, agency_id,"
                            " legal_basis, effective_on, repealed_on)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint d = 0; d < N_DOMAINS; d++)
    {
      const DemoDomainInfo *domain = &domains[d];
      guint n_violations = 0;
      guint seq = 0;

      ctx->items_of_domain[d] = ctx->items->len;
      while (n_violations < G_N_ELEMENTS (domain->violations) && domain->violations[n_violations] != NULL)
        n_violations++;

      for (guint batch = 0; batch < 3; batch++)
        {
          guint from = MIN (domain->list_debut + 12 * batch, N_MONTHS - 1);

          for (guint v = batch; v < n_violations; v += 3)
            {
              for (guint k = 0; k < N_ITEM_KINDS; k++)
                {
                  g_autofree char *code = NULL;
                  g_autofree char *title = NULL;
                  g_autofree char *basis = NULL;
                  char effective[11];
                  char repealed[11];
                  DemoItem item;

                  if (!rng_chance (&rng, item_kinds[k].ppm))
                    continue;

                  item.domain = (guint8) d;
                  item.kind = (guint8) k;
                  item.from = (gint16) from;
                  item.until = N_MONTHS;
                  if (from + 13 < N_MONTHS && rng_chance (&rng, 50000))
                    item.until = (gint16) rng_range (&rng, (gint) from + 12, N_MONTHS - 1);

                  code = g_strdup_printf ("%s-%03u", domain->code, ++seq);
                  title = g_strconcat (item_kinds[k].before, domain->violations[v], item_kinds[k].after, NULL);
                  basis = g_strdup_printf ("%s；%s", domain->law, item_kinds[k].basis);
                  format_date (effective, ctx->month_start[item.from]);
                  format_date (repealed, ctx->month_start[item.until]);

                  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
                  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
                  sqlite3_bind_text (stmt, 3, item_kinds[k].code, -1, SQLITE_STATIC);
                  sqlite3_bind_int64 (stmt, 4, ctx->domain_ids[d]);
                  sqlite3_bind_int64 (stmt, 5, ctx->agency_ids[ctx->city_agency[d]]);
                  sqlite3_bind_text (stmt, 6, basis, -1, SQLITE_STATIC);
                  sqlite3_bind_text (stmt, 7, effective, -1, SQLITE_STATIC);
                  bind_text_or_null (stmt, 8, item.until < N_MONTHS ? repealed : NULL);
                  if (!step_insert (ctx, stmt, error))
                    return FALSE;

                  item.id = sqlite3_last_insert_rowid (ctx->db);
                  g_array_append_val (ctx->items, item);
                }
            }
        }
    }

  ctx->items_of_domain[N_DOMAINS] = ctx->items->len;

  return advance (ctx, SETUP_WORK, error);
}

/* An item of @domain in force during @month_index, of @kind if there is
 * one, else of any leniency kind; 0 if the field has no list yet. */
static gint64
pick_item (Rng               *rng,
           const DemoContext *ctx,
           guint              domain,
           guint              month_index,
           guint              kind)
{
  gint64 exact[64];
  gint64 any[64];
  guint n_exact = 0;
  guint n_any = 0;

  for (guint i = ctx->items_of_domain[domain]; i < ctx->items_of_domain[domain + 1]; i++)
    {
      const DemoItem *item = &g_array_index (ctx->items, DemoItem, i);

      if (item->from > (gint) month_index || item->until <= (gint) month_index)
        continue;
      if (item->kind == ITEM_NO_COERCION)
        continue;
      if (item->kind == kind && n_exact < G_N_ELEMENTS (exact))
        exact[n_exact++] = item->id;
      if (n_any < G_N_ELEMENTS (any))
        any[n_any++] = item->id;
    }

  if (n_exact > 0)
    return exact[rng_below (rng, n_exact)];
  if (n_any > 0)
    return any[rng_below (rng, n_any)];
  return 0;
}

/* cases */

typedef struct
{
  gint32  lo;      /* yuan */
  gint32  hi;
  gint32  step;
  guint16 weight;
} FineBand;

/* Ordinary fines: most between 200 and 50,000 yuan, a heavy tail. */
static const FineBand fine_bands[] = {
  { 50, 200, 10, 120 },
  { 200, 1000, 50, 280 },
  { 1000, 5000, 100, 240 },
  { 5000, 20000, 500, 140 },
  { 20000, 50000, 1000, 70 },
  { 50000, 200000, 5000, 35 },
  { 200000, 1000000, 10000, 6 },
  { 1000000, 5000000, 50000, 1 },
};

/* What the fine would have been for the minor violations that leniency
 * lists cover. */
static const FineBand minor_fine_bands[] = {
  { 50, 200, 10, 45 },
  { 200, 1000, 50, 40 },
  { 1000, 5000, 100, 12 },
  { 5000, 20000, 500, 3 },
};

static gint64
draw_fine_yuan (Rng            *rng,
                const FineBand *bands,
                guint           n_bands)
{
  guint16 weights[16];
  const FineBand *band;

  g_assert (n_bands <= G_N_ELEMENTS (weights));
  for (guint i = 0; i < n_bands; i++)
    weights[i] = bands[i].weight;

  band = &bands[rng_pick (rng, weights, n_bands)];
  return band->lo + (gint64) band->step * rng_below (rng, (guint32) ((band->hi - band->lo) / band->step));
}

/* Days from 立案 to 决定. */
static gint
case_duration (Rng   *rng,
               guint  kind)
{
  switch (kind)
    {
    case KIND_PENALTY:
      {
        static const guint16 weights[] = { 25, 26, 23, 18, 8 };

        switch (rng_pick (rng, weights, G_N_ELEMENTS (weights)))
          {
          case 0: return 0;                         /* 简易程序: on the spot */
          case 1: return rng_range (rng, 3, 15);
          case 2: return rng_range (rng, 16, 30);
          case 3: return rng_range (rng, 31, 60);
          default: return rng_range (rng, 61, 90);
          }
      }
    case KIND_INSPECTION:
      return rng_range (rng, 0, 2);
    case KIND_COERCION:
      return rng_range (rng, 0, 30);
    case KIND_LICENSE:
      return rng_range (rng, 1, 20);
    case KIND_LEVY:
      return rng_range (rng, 0, 10);
    default:
      return rng_range (rng, 0, 30);
    }
}

typedef struct
{
  guint   agency;
  guint   domain;
  guint   kind;
  gint    opened;
  gint    decided;        /* day number, or -1 when not yet decided */
  gint64  fine_fen;
  guint   leniency;
  gint64  item_id;        /* 0: none */
  gint64  exempted_fen;
  gint    major;
  gint    legal_review;   /* -1: not applicable */
  gint    enterprise;
  guint64 party;
} DemoCase;

/* Fills in everything of a decided case but its dates. */
static void
draw_case_outcome (Rng               *rng,
                   const DemoContext *ctx,
                   DemoCase          *c,
                   guint              month_index)
{
  c->fine_fen = 0;
  c->leniency = LEN_NONE;
  c->item_id = 0;
  c->exempted_fen = 0;
  c->major = 0;
  c->legal_review = -1;

  if (c->kind == KIND_PENALTY)
    {
      /* Leniency grows from 8 % of penalty cases in 2021 to 28 % now. */
      if (rng_chance (rng, drift (month_index, 80000, 280000)))
        {
          gint64 base = draw_fine_yuan (rng, minor_fine_bands, G_N_ELEMENTS (minor_fine_bands));
          gint64 fine = 0;

          c->leniency = rng_pick (rng, leniency_weights, N_LENIENCIES);
          if (c->leniency == LEN_LIGHTER)
            fine = base * rng_range (rng, 60, 90) / 100 / 10 * 10;
          else if (c->leniency == LEN_MITIGATED)
            fine = base * rng_range (rng, 20, 50) / 100 / 10 * 10;
          if (fine >= base)
            fine = base - 10;

          c->fine_fen = fine * 100;
          c->exempted_fen = (base - fine) * 100;
          c->item_id = pick_item (rng, ctx, c->domain, month_index, c->leniency - 1);
        }
      else if (!rng_chance (rng, 100000))   /* else a warning only */
        c->fine_fen = draw_fine_yuan (rng, fine_bands, G_N_ELEMENTS (fine_bands)) * 100;

      c->major = c->fine_fen >= 100000 * 100 || rng_chance (rng, 10000);
    }
  else if (c->kind == KIND_COERCION)
    c->major = rng_chance (rng, 30000);

  if (c->kind == KIND_PENALTY || c->kind == KIND_COERCION)
    {
      /* Major decisions need a legal review first; a few slip through. */
      if (c->major)
        c->legal_review = rng_chance (rng, 970000);
      else
        c->legal_review = rng_chance (rng, 120000);
    }
}

static void
draw_party (Rng               *rng,
            const DemoContext *ctx,
            DemoCase          *c,
            gint64             ordinal)
{
  guint32 pool = (guint32) MAX (200, ctx->n_cases / 40);

  c->enterprise = rng_below (rng, 100) < domains[c->domain].enterprise_pct;

  /* One case in five concerns a party seen before, the frequent ones
   * more often. */
  if (rng_chance (rng, 200000))
    c->party = G_GUINT64_CONSTANT (1) << 62 | rng_below_skewed (rng, pool);
  else
    c->party = (guint64) ordinal;
}

static void
format_party (const DemoContext *ctx,
              guint64            party,
              char               out[17])
{
  static const char hex[] = "0123456789abcdef";
  guint64 h = mix64 (party ^ mix64 (ctx->seed ^ STREAM_PARTIES));

  for (int i = 15; i >= 0; i--)
    {
      out[i] = hex[h & 0xf];
      h >>= 4;
    }
  out[16] = '\0';
}

typedef struct
{
  sqlite3_stmt *stmt;
  guint32       seq[N_AGENCIES][N_YEARS][N_KINDS];
} CaseWriter;

static gboolean
write_case (DemoContext  *ctx,
            CaseWriter   *writer,
            DemoCase     *c,
            GError      **error)
{
  sqlite3_stmt *stmt = writer->stmt;
  char case_no[96];
  char opened[11];
  char decided[11];
  char party[17];
  guint year = year_index_of_day (c->decided >= 0 ? c->decided : c->opened);
  guint32 n = ++writer->seq[c->agency][year][c->kind];

  g_snprintf (case_no, sizeof case_no, "%s%s〔%d〕%u号",
              agencies[c->agency].abbr, case_kind_chars[c->kind], FIRST_YEAR + (gint) year, n);
  format_date (opened, c->opened);
  if (c->decided >= 0)
    format_date (decided, c->decided);
  format_party (ctx, c->party, party);

  sqlite3_bind_int64 (stmt, 1, ctx->agency_ids[c->agency]);
  sqlite3_bind_text (stmt, 2, case_no, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, ctx->domain_ids[c->domain]);
  sqlite3_bind_text (stmt, 4, case_kinds[c->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, opened, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 6, c->decided >= 0 ? decided : NULL);
  sqlite3_bind_int64 (stmt, 7, c->fine_fen);
  sqlite3_bind_text (stmt, 8, leniencies[c->leniency], -1, SQLITE_STATIC);
  bind_int_or_null (stmt, 9, c->item_id > 0 ? c->item_id : -1);
  sqlite3_bind_int64 (stmt, 10, c->exempted_fen);
  sqlite3_bind_int (stmt, 11, c->major);
  bind_int_or_null (stmt, 12, c->legal_review);
  sqlite3_bind_int (stmt, 13, c->enterprise);
  sqlite3_bind_text (stmt, 14, party, -1, SQLITE_STATIC);

  return step_insert (ctx, stmt, error) && advance (ctx, 1, error);
}

/* Decided cases are laid out over agencies and the month of decision;
 * opened_on goes back from there.  The rest, PENDING_PER_MILLE, were opened
 * in the last months and wait for a decision.  Rows go in month order, so
 * every index grows near its end and the page cache stays warm. */
static gboolean
generate_cases (DemoContext  *ctx,
                GError      **error)
{
  static const guint16 season[12] = { 1000, 960, 1040, 1010, 1000, 1030, 1020, 1000, 1040, 930, 1050, 1100 };
  g_autofree CaseWriter *writer = g_new0 (CaseWriter, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint64 *weights = g_new (guint64, N_MONTHS * N_AGENCIES);
  g_autofree gint64 *counts = g_new (gint64, N_MONTHS * N_AGENCIES);
  guint64 months[N_MONTHS];
  gint64 n_pending = ctx->n_cases * PENDING_PER_MILLE / 1000;
  gint64 ordinal = 0;
  guint silent_from = (guint) jd_month_diff (SILENT_FROM, JD_DEMO_FIRST_MONTH);
  Rng rng;

  rng_init (&rng, ctx->seed, STREAM_CASES);
  stmt = _jd_store_prepare (ctx->db,
                            "INSERT INTO cases (agency_id, case_no, domain_id, kind, opened_on,"
                            " decided_on, fine_fen, leniency, leniency_item_id, exempted_fen,"
                            " major, legal_review, enterprise, party)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error);
  if (stmt == NULL)
    return FALSE;
  writer->stmt = stmt;

  /* About 6.8 % growth a year. */
  month_weights (10055, season, 700, months);
  for (guint m = 0; m < N_MONTHS; m++)
    for (guint a = 0; a < N_AGENCIES; a++)
      weights[m * N_AGENCIES + a] = (a == ctx->silent_agency && m >= silent_from)
                                    ? 0 : months[m] * agencies[a].cases;
  allocate (weights, N_MONTHS * N_AGENCIES, ctx->n_cases - n_pending, counts);

  for (guint m = 0; m < N_MONTHS; m++)
    {
      for (guint a = 0; a < N_AGENCIES; a++)
        {
          guint year = year_index (m);

          ctx->penalty_lo[a][m] = writer->seq[a][year][KIND_PENALTY];

          for (gint64 i = 0; i < counts[m * N_AGENCIES + a]; i++)
            {
              DemoCase c;
              gint duration;

              c.agency = a;
              c.domain = pick_domain (&rng, &agencies[a]);
              c.kind = rng_pick (&rng, case_kind_weights, N_KINDS);
              c.decided = pick_day (&rng, ctx, m, 150000);
              duration = case_duration (&rng, c.kind);
              if (c.decided - duration < ctx->first_day)
                duration = rng_range (&rng, 0, c.decided - ctx->first_day);
              c.opened = c.decided - duration;
              draw_case_outcome (&rng, ctx, &c, m);
              draw_party (&rng, ctx, &c, ordinal++);

              if (!write_case (ctx, writer, &c, error))
                return FALSE;
            }

          ctx->penalty_hi[a][m] = writer->seq[a][year][KIND_PENALTY];
        }
    }

  /* The backlog: opened, mostly in the last two months, not yet decided.
   * The silent agency keeps opening a few. */
  {
    static const guint64 recent[5] = { 1, 2, 4, 10, 25 };

    for (guint m = 0; m < N_MONTHS; m++)
      for (guint a = 0; a < N_AGENCIES; a++)
        weights[m * N_AGENCIES + a] = m + 5 < N_MONTHS ? 0 :
          recent[m + 5 - N_MONTHS] * agencies[a].cases * (a == ctx->silent_agency ? 4 : 1);
    allocate (weights, N_MONTHS * N_AGENCIES, n_pending, counts);
  }

  for (guint m = 0; m < N_MONTHS; m++)
    for (guint a = 0; a < N_AGENCIES; a++)
      for (gint64 i = 0; i < counts[m * N_AGENCIES + a]; i++)
        {
          DemoCase c = { 0, };

          c.agency = a;
          c.domain = pick_domain (&rng, &agencies[a]);
          c.kind = rng_pick (&rng, case_kind_weights, N_KINDS);
          c.opened = pick_day (&rng, ctx, m, 150000);
          c.decided = -1;
          c.leniency = LEN_NONE;
          c.legal_review = c.kind == KIND_PENALTY || c.kind == KIND_COERCION ? 0 : -1;
          draw_party (&rng, ctx, &c, ordinal++);

          if (!write_case (ctx, writer, &c, error))
            return FALSE;
        }

  return TRUE;
}

/* complaints */

static const char *
pick_category (Rng   *rng,
               guint  domain)
{
  const char * const *own = domains[domain].categories;
  guint n_own = 0;

  while (n_own < G_N_ELEMENTS (domains[domain].categories) && own[n_own] != NULL)
    n_own++;

  if (n_own > 0 && rng_chance (rng, 600000))
    return own[rng_below (rng, n_own)];

  return general_categories[rng_pick (rng, general_category_weights,
                                      G_N_ELEMENTS (general_category_weights))];
}

/* Received over agencies and months (more in summer, less at 春节), due 15
 * working days later, nearly all closed and most on time; the spike
 * agency's food-safety complaints jump in the last three months. */
static gboolean
generate_complaints (DemoContext  *ctx,
                     GError      **error)
{
  static const guint16 season[12] = { 930, 900, 1000, 1000, 1040, 1100, 1150, 1150, 1050, 960, 960, 930 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint64 *weights = g_new (guint64, N_MONTHS * N_AGENCIES);
  g_autofree gint64 *counts = g_new (gint64, N_MONTHS * N_AGENCIES);
  guint64 months[N_MONTHS];
  guint spike_from = (guint) jd_month_diff (SPIKE_FROM, JD_DEMO_FIRST_MONTH);
  Rng rng;

  rng_init (&rng, ctx->seed, STREAM_COMPLAINTS);
  stmt = _jd_store_prepare (ctx->db,
                            "INSERT INTO complaints (ticket_no, channel, received_on, agency_id, domain_id,"
                            " category, due_on, closed_on, substantiated, satisfaction)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* About 9.4 % growth a year. */
  month_weights (10075, season, 800, months);
  for (guint m = 0; m < N_MONTHS; m++)
    for (guint a = 0; a < N_AGENCIES; a++)
      weights[m * N_AGENCIES + a] = months[m] * agencies[a].complaints *
                                    (a == ctx->spike_agency && m >= spike_from ? 5 : 1);
  allocate (weights, N_MONTHS * N_AGENCIES, ctx->n_cases / 2, counts);

  for (guint m = 0; m < N_MONTHS; m++)
    {
      guint32 day_seq[31] = { 0, };
      guint32 on_time_ppm = drift (m, 900000, 950000);
      gint key = month_key (m);

      for (guint a = 0; a < N_AGENCIES; a++)
        {
          gboolean spiking = a == ctx->spike_agency && m >= spike_from;

          for (gint64 i = 0; i < counts[m * N_AGENCIES + a]; i++)
            {
              char ticket[32];
              char received[11];
              char due[11];
              char closed[11];
              const char *category;
              const char *satisfaction = NULL;
              guint domain = pick_domain (&rng, &agencies[a]);
              guint channel = rng_pick (&rng, channel_weights, G_N_ELEMENTS (channel_weights));
              gint day = pick_day (&rng, ctx, m, 700000);
              gint due_day = add_working_days (day, 15);
              gint closed_day = -1;
              gboolean late = FALSE;
              gint substantiated = -1;
              guint32 n;

              n = ++day_seq[day - ctx->month_start[m]];
              g_snprintf (ticket, sizeof ticket, "GD%06d%02d%06u",
                          key, day - ctx->month_start[m] + 1, n);

              if (spiking && rng_chance (&rng, 700000))
                category = "食品安全";
              else
                category = pick_category (&rng, domain);

              /* A few recent ones got stuck; the others close on time or a
               * little late. */
              if (!(m + 10 >= N_MONTHS && rng_chance (&rng, 10000)))
                {
                  if (rng_chance (&rng, on_time_ppm))
                    closed_day = day + 1 + (gint) rng_below_skewed (&rng, (guint32) (due_day - day));
                  else
                    {
                      closed_day = due_day + rng_range (&rng, 1, 20);
                      late = TRUE;
                    }
                  if (closed_day > ctx->last_day)
                    closed_day = -1;
                }

              if (rng_chance (&rng, 880000))
                substantiated = rng_chance (&rng, spiking ? 600000 : 320000);

              if (closed_day >= 0 && rng_chance (&rng, 850000))
                {
                  static const guint16 usual[] = { 68, 22, 10 };
                  static const guint16 after_delay[] = { 40, 30, 30 };

                  satisfaction = satisfactions[rng_pick (&rng, late ? after_delay : usual, 3)];
                }

              format_date (received, day);
              format_date (due, due_day);
              if (closed_day >= 0)
                format_date (closed, closed_day);

              sqlite3_bind_text (stmt, 1, ticket, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 2, channels[channel], -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 3, received, -1, SQLITE_STATIC);
              sqlite3_bind_int64 (stmt, 4, ctx->agency_ids[a]);
              sqlite3_bind_int64 (stmt, 5, ctx->domain_ids[domain]);
              sqlite3_bind_text (stmt, 6, category, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 7, due, -1, SQLITE_STATIC);
              bind_text_or_null (stmt, 8, closed_day >= 0 ? closed : NULL);
              bind_int_or_null (stmt, 9, substantiated);
              bind_text_or_null (stmt, 10, satisfaction);

              if (!step_insert (ctx, stmt, error) || !advance (ctx, 1, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* lawsuits */

static void
agency_month_weights (guint32   growth,
                      gboolean  lawsuit_sizes,
                      guint64  *weights)
{
  static const guint16 flat[12] = { 950, 850, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 950, 1050, 1100 };
  guint64 months[N_MONTHS];

  month_weights (growth, flat, 900, months);
  for (guint m = 0; m < N_MONTHS; m++)
    for (guint a = 0; a < N_AGENCIES; a++)
      weights[m * N_AGENCIES + a] = months[m] * (lawsuit_sizes ? agencies[a].lawsuits
                                                               : agencies[a].lawsuits + agencies[a].cases / 10u);
}

/* About n_cases / 130 suits, mostly first instance.  Outcomes follow the
 * year of conclusion: losses fall from 15 % to 6 %, withdrawals from 18 %
 * to 11 %, and the head of the agency appears at 40 % of hearings in 2021
 * and 90 % now. */
static gboolean
generate_lawsuits (DemoContext  *ctx,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint64 *weights = g_new (guint64, N_MONTHS * N_AGENCIES);
  g_autofree gint64 *counts = g_new (gint64, N_MONTHS * N_AGENCIES);
  guint32 seq[N_YEARS][N_REGIONS + 1][N_INSTANCES] = { { { 0, } } };
  Quota lost[N_YEARS], withdrawn[N_YEARS], appeared[N_YEARS];
  Quota second = QUOTA_INIT, retrial = QUOTA_INIT;
  Rng rng;

  rng_init (&rng, ctx->seed, STREAM_LAWSUITS);
  for (guint y = 0; y < N_YEARS; y++)
    lost[y] = withdrawn[y] = appeared[y] = (Quota) QUOTA_INIT;

  stmt = _jd_store_prepare (ctx->db,
                            "INSERT INTO lawsuits (case_no, agency_id, domain_id, instance, filed_on,"
                            " concluded_on, outcome, hearing_held, head_appeared)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;

  agency_month_weights (10030, TRUE, weights);
  allocate (weights, N_MONTHS * N_AGENCIES, MAX (ctx->n_cases / 130, 120), counts);

  for (guint m = 0; m < N_MONTHS; m++)
    for (guint a = 0; a < N_AGENCIES; a++)
      for (gint64 i = 0; i < counts[m * N_AGENCIES + a]; i++)
        {
          char case_no[96];
          char filed[11];
          char concluded[11];
          guint instance = quota_take (&retrial, 30000) ? INST_RETRIAL
                           : quota_take (&second, 170000) ? INST_SECOND : INST_FIRST;
          guint court = instance == INST_FIRST ? agencies[a].region : N_REGIONS;
          gint filed_day = pick_day (&rng, ctx, m, 20000);
          gint concluded_day;
          const char *outcome = "pending";
          gint hearing = -1;
          gint head = -1;
          guint32 n;

          switch (instance)
            {
            case INST_FIRST:
              concluded_day = filed_day + rng_range (&rng, 40, 240);
              break;
            case INST_SECOND:
              concluded_day = filed_day + rng_range (&rng, 30, 150);
              break;
            default:
              concluded_day = filed_day + rng_range (&rng, 60, 300);
              break;
            }

          if (concluded_day > ctx->last_day)
            concluded_day = -1;
          else
            {
              guint cm = month_index_of_day (concluded_day);
              guint cy = year_index (cm);

              if (instance == INST_FIRST && quota_take (&lost[cy], drift (cm, 150000, 60000)))
                outcome = lost_outcomes[rng_pick (&rng, lost_outcome_weights, G_N_ELEMENTS (lost_outcome_weights))];
              else if (instance == INST_FIRST && quota_take (&withdrawn[cy], drift (cm, 180000, 110000) * 100 / 90))
                outcome = "withdrawn";
              else
                {
                  static const char * const others[] = {
                    "rejected_claim", "dismissed", "mediated", "other", "withdrawn", "revoked", "modified",
                  };
                  static const guint16 first[] = { 840, 100, 40, 20, 0, 0, 0 };
                  static const guint16 appeal[] = { 720, 100, 20, 20, 60, 60, 20 };

                  outcome = others[rng_pick (&rng, instance == INST_FIRST ? first : appeal, G_N_ELEMENTS (others))];
                }

              if (strcmp (outcome, "withdrawn") == 0 || strcmp (outcome, "dismissed") == 0)
                hearing = rng_chance (&rng, 250000);
              else
                hearing = rng_chance (&rng, 950000);
              head = hearing && quota_take (&appeared[cy], drift (cm, 400000, 900000));
            }

          n = ++seq[year_index_of_day (filed_day)][court][instance];
          if (instance == INST_FIRST)
            g_snprintf (case_no, sizeof case_no, "（%d）某01%02u行初%u号",
                        FIRST_YEAR + (gint) year_index_of_day (filed_day), court + 2, n);
          else
            g_snprintf (case_no, sizeof case_no, "（%d）某01行%s%u号",
                        FIRST_YEAR + (gint) year_index_of_day (filed_day), instance_chars[instance], n);
          format_date (filed, filed_day);
          if (concluded_day >= 0)
            format_date (concluded, concluded_day);

          sqlite3_bind_text (stmt, 1, case_no, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, ctx->agency_ids[a]);
          sqlite3_bind_int64 (stmt, 3, ctx->domain_ids[pick_domain (&rng, &agencies[a])]);
          sqlite3_bind_text (stmt, 4, instances[instance], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, filed, -1, SQLITE_STATIC);
          bind_text_or_null (stmt, 6, concluded_day >= 0 ? concluded : NULL);
          sqlite3_bind_text (stmt, 7, outcome, -1, SQLITE_STATIC);
          bind_int_or_null (stmt, 8, hearing);
          bind_int_or_null (stmt, 9, head);

          if (!step_insert (ctx, stmt, error) || !advance (ctx, 1, error))
            return FALSE;
        }

  return TRUE;
}

/* reconsiderations: about n_cases / 100, decided within 60 days (a few
 * extended), corrected in 14 % of decisions in 2021 falling to 10 %. */
static gboolean
generate_reconsiderations (DemoContext  *ctx,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint64 *weights = g_new (guint64, N_MONTHS * N_AGENCIES);
  g_autofree gint64 *counts = g_new (gint64, N_MONTHS * N_AGENCIES);
  guint32 seq[N_REGIONS][N_YEARS] = { { 0, } };
  Quota corrected[N_YEARS];
  Rng rng;

  rng_init (&rng, ctx->seed, STREAM_RECONSIDERATIONS);
  for (guint y = 0; y < N_YEARS; y++)
    corrected[y] = (Quota) QUOTA_INIT;

  stmt = _jd_store_prepare (ctx->db,
                            "INSERT INTO reconsiderations (case_no, agency_id, domain_id, received_on,"
                            " decided_on, outcome)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;

  agency_month_weights (10060, FALSE, weights);
  allocate (weights, N_MONTHS * N_AGENCIES, MAX (ctx->n_cases / 100, 60), counts);

  for (guint m = 0; m < N_MONTHS; m++)
    for (guint a = 0; a < N_AGENCIES; a++)
      for (gint64 i = 0; i < counts[m * N_AGENCIES + a]; i++)
        {
          char case_no[96];
          char received[11];
          char decided[11];
          guint body = agencies[a].region;
          gint received_day = pick_day (&rng, ctx, m, 20000);
          gint decided_day = received_day + (rng_chance (&rng, 900000) ? rng_range (&rng, 20, 60)
                                                                        : rng_range (&rng, 61, 90));
          const char *outcome = "pending";
          guint year = year_index_of_day (received_day);

          if (decided_day > ctx->last_day)
            decided_day = -1;
          else
            {
              guint dm = month_index_of_day (decided_day);

              if (quota_take (&corrected[year_index (dm)], drift (dm, 140000, 100000)))
                outcome = corrected_outcomes[rng_pick (&rng, corrected_outcome_weights,
                                                       G_N_ELEMENTS (corrected_outcome_weights))];
              else
                {
                  static const char * const others[] = {
                    "upheld", "rejected", "mediated", "withdrawn", "terminated",
                  };
                  static const guint16 weights_[] = { 62, 15, 6, 13, 4 };

                  outcome = others[rng_pick (&rng, weights_, G_N_ELEMENTS (weights_))];
                }
            }

          g_snprintf (case_no, sizeof case_no, "%s府复决〔%d〕%u号",
                      regions[body].short_name, FIRST_YEAR + (gint) year, ++seq[body][year]);
          format_date (received, received_day);
          if (decided_day >= 0)
            format_date (decided, decided_day);

          sqlite3_bind_text (stmt, 1, case_no, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, ctx->agency_ids[a]);
          sqlite3_bind_int64 (stmt, 3, ctx->domain_ids[pick_domain (&rng, &agencies[a])]);
          sqlite3_bind_text (stmt, 4, received, -1, SQLITE_STATIC);
          bind_text_or_null (stmt, 5, decided_day >= 0 ? decided : NULL);
          sqlite3_bind_text (stmt, 6, outcome, -1, SQLITE_STATIC);

          if (!step_insert (ctx, stmt, error) || !advance (ctx, 1, error))
            return FALSE;
        }

  return TRUE;
}

/* reviews (案卷评查): four campaigns a year review penalty case files
 * decided in the six months before; scores improve over the years. */

static const guint8 campaign_months[] = { 3, 6, 9, 11 };

static gint64
reviews_per_year (const DemoContext *ctx)
{
  return CLAMP (ctx->n_cases / 200, 32, 360);
}

static gint64
count_reviews (const DemoContext *ctx)
{
  gint64 n = 0;

  for (guint m = 0; m < N_MONTHS; m++)
    for (guint c = 0; c < G_N_ELEMENTS (campaign_months); c++)
      if (month_key (m) % 100 == campaign_months[c])
        n += reviews_per_year (ctx) / G_N_ELEMENTS (campaign_months);

  return n;
}

static gboolean
generate_reviews (DemoContext  *ctx,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint16 agency_weights[N_AGENCIES];
  gint64 per_campaign = reviews_per_year (ctx) / G_N_ELEMENTS (campaign_months);
  Rng rng;

  rng_init (&rng, ctx->seed, STREAM_REVIEWS);
  stmt = _jd_store_prepare (ctx->db,
                            "INSERT OR IGNORE INTO reviews (agency_id, case_no, reviewed_on, score, grade, problems)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* Every agency's files get looked at, the big ones' more often. */
  for (guint a = 0; a < N_AGENCIES; a++)
    agency_weights[a] = 10 + agencies[a].cases / 4;

  for (guint m = 0; m < N_MONTHS; m++)
    {
      gboolean campaign = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (campaign_months); c++)
        campaign |= month_key (m) % 100 == campaign_months[c];
      if (!campaign)
        continue;

      for (gint64 i = 0; i < per_campaign; i++)
        {
          for (guint attempt = 0; attempt < 200; attempt++)
            {
              char case_no[96];
              char reviewed[11];
              g_autoptr(GString) problems = NULL;
              guint a = rng_pick (&rng, agency_weights, N_AGENCIES);
              guint back = 1 + rng_below (&rng, 6);
              guint dm = m >= back ? m - back : 0;
              guint32 lo = ctx->penalty_lo[a][dm];
              guint32 hi = ctx->penalty_hi[a][dm];
              gint score2;     /* the score in half points */
              const char *grade;
              guint n_problems;

              if (dm >= m || hi <= lo)
                continue;

              g_snprintf (case_no, sizeof case_no, "%s%s〔%d〕%u号",
                          agencies[a].abbr, case_kind_chars[KIND_PENALTY],
                          month_key (dm) / 100, lo + 1 + rng_below (&rng, hi - lo));
              format_date (reviewed, pick_day (&rng, ctx, m, 0));

              if (rng_chance (&rng, 15000))
                score2 = rng_range (&rng, 80, 118);
              else
                score2 = (gint) drift (m, 164, 178) - 36 +
                         rng_range (&rng, 0, 24) + rng_range (&rng, 0, 24) + rng_range (&rng, 0, 24);
              score2 = CLAMP (score2, 0, 199);

              if (score2 >= 180)
                grade = "excellent", n_problems = 0;
              else if (score2 >= 160)
                grade = "good", n_problems = 1;
              else if (score2 >= 120)
                grade = "pass", n_problems = 2;
              else
                grade = "fail", n_problems = 3;

              if (n_problems > 0)
                {
                  guint first = rng_below (&rng, G_N_ELEMENTS (review_problems));

                  problems = g_string_new (NULL);
                  for (guint p = 0; p < n_problems; p++)
                    {
                      if (p > 0)
                        g_string_append (problems, "；");
                      g_string_append (problems,
                                       review_problems[(first + p * 3) % G_N_ELEMENTS (review_problems)]);
                    }
                }

              sqlite3_bind_int64 (stmt, 1, ctx->agency_ids[a]);
              sqlite3_bind_text (stmt, 2, case_no, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 3, reviewed, -1, SQLITE_STATIC);
              sqlite3_bind_double (stmt, 4, score2 / 2.0);
              sqlite3_bind_text (stmt, 5, grade, -1, SQLITE_STATIC);
              bind_text_or_null (stmt, 6, problems != NULL ? problems->str : NULL);
              if (!step_insert (ctx, stmt, error))
                return FALSE;

              /* The same file on the same day again: draw another. */
              if (sqlite3_changes (ctx->db) > 0)
                break;
            }

          if (!advance (ctx, 1, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Public API */

static gboolean
store_has_rows (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* jd_store_is_empty() looks at the records; demo agencies would clash
   * with any already there too.  Fields of enforcement do not: the demo
   * reuses those it finds by code. */
  if (sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM agencies)", -1, &stmt, NULL) != SQLITE_OK)
    return TRUE;

  return sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql,
             gint64      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;

  return sqlite3_column_int64 (stmt, 0);
}

static void
demo_context_init (DemoContext    *ctx,
                   JdStore        *store,
                   guint64         seed,
                   gint64          n_cases,
                   JdProgressFunc  progress,
                   gpointer        user_data,
                   GCancellable   *cancellable)
{
  ctx->db = _jd_store_get_db (store);
  ctx->seed = seed;
  ctx->n_cases = n_cases;
  ctx->progress = progress;
  ctx->user_data = user_data;
  ctx->cancellable = cancellable;
  ctx->items = g_array_new (FALSE, FALSE, sizeof (DemoItem));

  for (guint m = 0; m <= N_MONTHS; m++)
    {
      gint key = month_key (m);

      ctx->month_start[m] = days_from_civil (key / 100, key % 100, 1);
    }
  ctx->first_day = ctx->month_start[0];
  ctx->last_day = ctx->month_start[N_MONTHS] - 1;

  ctx->total = SETUP_WORK + n_cases + n_cases / 2 + MAX (n_cases / 130, 120) + MAX (n_cases / 100, 60) +
               count_reviews (ctx);
  ctx->report_step = MAX (1, ctx->total / 100);
  ctx->next_report = ctx->report_step;
}

/**
 * jd_demo_generate:
 * @store: an empty store
 * @seed: the seed; the same seed and size always give the same data
 * @n_cases: how many enforcement cases, 1,000 to %JD_DEMO_MAX_CASES;
 *   complaints, lawsuits, reconsiderations and reviews follow from it
 * @progress: (nullable) (scope call): called with the fraction done, about
 *   a hundred times
 * @user_data: for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Fills an empty store with a deterministic, realistic demo city: its
 * agencies and fields, leniency lists, cases, complaints, lawsuits,
 * reconsiderations and case-file reviews over %JD_DEMO_FIRST_MONTH to
 * %JD_DEMO_LAST_MONTH.  Everything is written in one transaction: when
 * cancelled or on error, the store is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
jd_demo_generate (JdStore         *store,
                  guint64          seed,
                  gint64           n_cases,
                  JdProgressFunc   progress,
                  gpointer         user_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(JdStoreLocker) locker = NULL;
  g_autofree DemoContext *ctx = NULL;
  g_autofree char *restore_pragmas = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_cases < 1000 || n_cases > JD_DEMO_MAX_CASES)
    {
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, n_cases);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %d is the largest size, %s the size asked for */
                   _("The demo can have 1,000 to %d cases, not %s"),
                   JD_DEMO_MAX_CASES, given);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (_jd_store_get_db (store) == NULL)
    return _jd_demo_generate_on_server (store, seed, n_cases, progress, user_data, cancellable, error);

  locker = _jd_store_locker_new (store);
  db = _jd_store_get_db (store);

  /* Bulk loading: a bigger page cache while the indexes grow, and no
   * automatic checkpoints: one after the commit copies the new pages from
   * the WAL into the database.  Every row still passes the schema's CHECK
   * and foreign-key constraints. */
  restore_pragmas = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";"
                                     " PRAGMA wal_autocheckpoint = %" G_GINT64_FORMAT ";",
                                     query_int64 (db, "PRAGMA cache_size", -2000),
                                     query_int64 (db, "PRAGMA wal_autocheckpoint", 1000));
  if (!_jd_store_exec (db, "PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 0;", error) ||
      !_jd_store_exec (db, "BEGIN IMMEDIATE", error))
    {
      _jd_store_exec (db, restore_pragmas, NULL);
      return FALSE;
    }

  if (!jd_store_is_empty (store) || store_has_rows (db))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      _jd_store_exec (db, restore_pragmas, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The database already holds data; demo data can only be generated into an empty database"));
      return FALSE;
    }

  ctx = g_new0 (DemoContext, 1);
  demo_context_init (ctx, store, seed, n_cases, progress, user_data, cancellable);

  ok = generate_domains (ctx, error) &&
       generate_agencies (ctx, error) &&
       generate_leniency_items (ctx, error) &&
       generate_cases (ctx, error) &&
       generate_complaints (ctx, error) &&
       generate_lawsuits (ctx, error) &&
       generate_reconsiderations (ctx, error) &&
       generate_reviews (ctx, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       _jd_rollup_refresh_all (_jd_store_get_conn (store), error) &&
       _jd_store_exec (db, "COMMIT", error);

  g_clear_pointer (&ctx->items, g_array_unref);

  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  else
    /* One big transaction leaves a WAL file as big as the data; give the
     * disk space back now. */
    _jd_store_checkpoint (store);

  _jd_store_exec (db, restore_pragmas, NULL);

  if (ok && progress != NULL)
    progress (1.0, user_data);

  return ok;
}
