import { apportion, Rng, seedOf } from "./rng";
import { type DistrictInfo, REFERENCE_YEAR } from "./grid-tree/rows";

/**
 * Demo targets and results (民生实事, 文明城区创建). Mingshan's are the report's 2022 figures; where
 * the report gives only a result, the target is ours (and its notes say so), and the result is
 * spread over dated progress entries through 2022 that add up to the reported figure exactly.
 * Other districts get a handful of smaller targets drawn from their code, so every load is the same.
 */

type Programme = "livelihood" | "civilized_city" | "other";

export interface DemoTarget {
  code: string;
  name: string;
  programme: Programme;
  unit: string;
  targetValue: number | null;
  /** The year it is for; REFERENCE_YEAR (2022) unless a plan for a later year. */
  year?: number;
  /** Department code (区直部门) in charge, if any. */
  department: string | null;
  notes: string | null;
  progress: Array<{ on: string; amount: number; note?: string }>;
}

const ASSUMED = "报道只给出结果, 目标值为演示设定。";
const TOILET_SURVEY = "排查高台子、牛心台、卧龙山街道1015户、1106座厕所";

/** Month ends of 2022 from March, the campaign's working months. */
const MONTH_ENDS = [
  "2022-03-31",
  "2022-04-30",
  "2022-05-31",
  "2022-06-30",
  "2022-07-31",
  "2022-08-31",
  "2022-09-30",
  "2022-10-31",
  "2022-11-30",
];

/** `total` over `dates` in integer parts (each at least 1) weighted by `weights`: the sum is exact. */
function spread(
  total: number,
  dates: readonly string[],
  weights: readonly number[] = dates.map(() => 1),
): DemoTarget["progress"] {
  return apportion(total, weights, 1).map((amount, i) => ({ on: dates[i], amount }));
}

const QUARTERS = ["2022-03-31", "2022-06-30", "2022-09-30", "2022-11-30"];
const RAMP = [1, 2, 3, 3, 2];
const RAMP_DATES = ["2022-04-30", "2022-06-30", "2022-08-31", "2022-10-31", "2022-11-30"];

/** Mingshan (明山区), 2022: the report's figures. */
export const MINGSHAN_TARGETS: DemoTarget[] = [
  {
    code: "2022-parking-painted",
    name: "划设停车位",
    programme: "livelihood",
    unit: "个",
    targetValue: 1000,
    department: "housing",
    notes:
      "区住建局会同属地办事处实施, 面积约5.9万平方米, 投入约16万元 (0.16百万元); 完成区政府1000个停车位划设要求。",
    progress: spread(1315, RAMP_DATES, RAMP),
  },
  {
    code: "2022-parking-new",
    name: "新增停车位",
    programme: "livelihood",
    unit: "个",
    targetValue: 1400,
    department: "housing",
    notes: `推进"自助式"管理并引入智慧停车系统。${ASSUMED}`,
    progress: spread(1480, RAMP_DATES, RAMP),
  },
  {
    code: "2022-building-renovation",
    name: "住宅楼改造",
    programme: "livelihood",
    unit: "栋",
    targetValue: 130,
    department: "housing",
    notes: "改造面积44万平方米, 受益居民9200余户。",
    progress: spread(130, QUARTERS, [2, 3, 4, 4]),
  },
  {
    code: "2022-road-repair",
    name: "维修改造道路",
    programme: "livelihood",
    unit: "平方米",
    targetValue: 18000,
    department: "housing",
    notes: `市、区两级新建改建道路20条, 共1.9万平方米。${ASSUMED}`,
    progress: spread(19000, ["2022-05-31", "2022-07-31", "2022-09-30", "2022-10-31"], [3, 5, 6, 4]),
  },
  {
    code: "2022-key-livelihood-projects",
    name: "重点民生工程",
    programme: "livelihood",
    unit: "项",
    targetValue: 12,
    department: null,
    notes: '"文明城区创建攻坚年": 12项重点民生工程和"九大行动"。',
    progress: spread(12, QUARTERS, [2, 3, 3, 4]),
  },
  {
    code: "2022-livelihood-investment",
    name: "民生工程投入",
    programme: "livelihood",
    unit: "万元",
    targetValue: 15000,
    department: null,
    notes: `投入1.54亿元。${ASSUMED}`,
    progress: spread(15400, QUARTERS, [3, 4, 5, 3]),
  },
  // The survey's remedies are results of 2022; the 100 new toilets are a plan for the next year,
  // and only toilets newly built count toward it (none yet).
  {
    code: "2022-rural-toilets-repaired",
    name: "维修改造农村厕所",
    programme: "livelihood",
    unit: "座",
    targetValue: null,
    department: "agriculture",
    notes: `${TOILET_SURVEY}; 开放式计数, 无目标值。`,
    progress: [
      { on: "2022-08-31", amount: 8 },
      { on: "2022-09-30", amount: 11 },
    ],
  },
  {
    code: "2022-rural-toilets-restored",
    name: "恢复使用农村厕所",
    programme: "livelihood",
    unit: "座",
    targetValue: null,
    department: "agriculture",
    notes: `${TOILET_SURVEY}; 开放式计数, 无目标值。`,
    progress: [
      { on: "2022-10-31", amount: 31 },
      { on: "2022-11-30", amount: 38 },
    ],
  },
  {
    code: "2023-sanitary-toilets-new",
    name: "新建农户卫生厕所",
    programme: "livelihood",
    unit: "座",
    targetValue: 100,
    year: 2023,
    department: "agriculture",
    notes: "报道所列下一步计划; 只计新建的卫生厕所, 维修和恢复使用的不计入。",
    progress: [],
  },
  {
    code: "2022-stairwells",
    name: "清理粉刷单元楼道",
    programme: "civilized_city",
    unit: "个",
    targetValue: 4600,
    department: "housing",
    notes: `清理粉刷单元楼道4644个。${ASSUMED}`,
    progress: spread(4644, MONTH_ENDS, [1, 2, 3, 3, 3, 2, 2, 1, 1]),
  },
  {
    code: "2022-waste-bins",
    name: "更新分类垃圾桶",
    programme: "civilized_city",
    unit: "个",
    targetValue: 2400,
    department: "urban_management",
    notes: ASSUMED,
    progress: spread(2479, QUARTERS, [2, 3, 3, 2]),
  },
  {
    code: "2022-door-pledges",
    name: '签订"门前三包"责任书',
    programme: "civilized_city",
    unit: "份",
    targetValue: 5000,
    department: "market_supervision",
    notes: `住建、综合执法、市场监管、公安、街道办事处、社区六位一体监管。${ASSUMED}`,
    progress: spread(4997, ["2022-03-31", "2022-05-31", "2022-07-31", "2022-09-30"], [4, 3, 2, 1]),
  },
  {
    code: "2022-illegal-structures",
    name: "拆除违章建筑",
    programme: "civilized_city",
    unit: "个",
    targetValue: 1500,
    department: "urban_management",
    notes: ASSUMED,
    progress: spread(1523, MONTH_ENDS, [1, 2, 2, 3, 3, 2, 2, 1, 1]),
  },
  {
    code: "2022-satellite-dishes",
    name: "清除私接卫星接收设施",
    programme: "civilized_city",
    unit: "个",
    targetValue: null,
    department: "public_security",
    notes: "报道为2000余个; 开放式计数, 无目标值。",
    progress: spread(2000, QUARTERS, [3, 3, 2, 2]),
  },
  {
    code: "2022-small-ad-fines",
    name: "处罚违规小广告",
    programme: "civilized_city",
    unit: "件",
    targetValue: null,
    department: "urban_management",
    notes: "另治安处罚12人; 开放式计数, 无目标值。",
    progress: spread(85, MONTH_ENDS),
  },
  {
    code: "2022-pocket-parks",
    name: "建成口袋公园",
    programme: "civilized_city",
    unit: "个",
    targetValue: 5,
    department: "housing",
    notes: null,
    progress: spread(5, ["2022-06-30", "2022-08-31", "2022-10-31"], [1, 2, 2]),
  },
  {
    code: "2022-micro-fire-stations",
    name: "新建微型消防站",
    programme: "civilized_city",
    unit: "个",
    targetValue: 55,
    department: "public_security",
    notes: null,
    progress: spread(55, QUARTERS, [2, 3, 3, 2]),
  },
  {
    code: "2022-mother-baby-rooms",
    name: "建设改造母婴室、无障碍卫生间",
    programme: "civilized_city",
    unit: "个",
    targetValue: 9,
    department: "civil_affairs",
    notes: null,
    progress: spread(9, ["2022-06-30", "2022-09-30", "2022-11-30"], [1, 1, 1]),
  },
  {
    code: "2022-teacher-exchange",
    name: "义务教育学校交流教师",
    programme: "other",
    unit: "人",
    targetValue: 55,
    department: "education",
    notes: "组建4个教育集团; 2022—2023学年度交流教师55人。",
    progress: [{ on: "2022-08-31", amount: 55, note: "秋季学期交流到岗" }],
  },
];

/** A handful of smaller targets for any other district, drawn from its code. */
export function smallDistrictTargets(d: DistrictInfo): DemoTarget[] {
  const rng = new Rng(seedOf(`targets:${d.code}`));
  const y = REFERENCE_YEAR;
  const round = (v: number, step: number) => Math.max(step, Math.round(v / step) * step);
  /** A result around the target: most are met, some fall a little short. */
  const result = (target: number) => Math.max(1, Math.round(target * (0.8 + rng.next() * 0.4)));
  const plan = (
    code: string,
    name: string,
    programme: Programme,
    unit: string,
    department: string | null,
    target: number | null,
    achieved: number,
  ): DemoTarget => {
    const n = Math.min(achieved, rng.int(2, 4));
    const dates = rng.sample(MONTH_ENDS, n).sort();
    return {
      code: `${y}-${code}`,
      name,
      programme,
      unit,
      targetValue: target,
      department,
      notes: null,
      progress: spread(achieved, dates),
    };
  };
  const parking = round(300 + rng.next() * 500, 50);
  const buildings = rng.int(20, 80);
  const stairwells = round(800 + rng.next() * 1700, 100);
  const structures = round(200 + rng.next() * 600, 50);
  const list = [
    plan("parking-painted", "划设停车位", "livelihood", "个", "housing", parking, result(parking)),
    plan(
      "building-renovation",
      "住宅楼改造",
      "livelihood",
      "栋",
      "housing",
      buildings,
      result(buildings),
    ),
    plan(
      "stairwells",
      "清理粉刷单元楼道",
      "civilized_city",
      "个",
      "housing",
      stairwells,
      result(stairwells),
    ),
    plan(
      "illegal-structures",
      "拆除违章建筑",
      "civilized_city",
      "个",
      "urban_management",
      structures,
      result(structures),
    ),
    plan(
      "small-ad-fines",
      "处罚违规小广告",
      "civilized_city",
      "件",
      "urban_management",
      null,
      rng.int(10, 60),
    ),
  ];
  if (d.kind === "county") {
    const toilets = round(50 + rng.next() * 150, 10);
    list.push(
      plan(
        "sanitary-toilets",
        "农户卫生厕所",
        "livelihood",
        "座",
        "agriculture",
        toilets,
        result(toilets),
      ),
    );
  }
  return list;
}

/** The demo targets of a district: the report's for Mingshan, drawn ones for any other. */
export function demoTargetsOf(d: DistrictInfo): DemoTarget[] {
  return d.code === "mingshan" ? MINGSHAN_TARGETS : smallDistrictTargets(d);
}
