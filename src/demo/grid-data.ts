import { uuidv7 } from "../common/ids";

/**
 * The demo district's administrative tree and everything in it (street offices down to persons,
 * staff posts, owner committees, beautiful villages, the rural toilet survey, the renovation of old
 * compounds and the residents' consultations), made up but plausible.
 *
 * Mingshan (明山区) is built to the figures of the 2022 report (docs: /work/shared/DOMAIN.md):
 * 7 street offices, 55 communities, 26 villages, 702 grids, 282 old compounds, 76 owner committees,
 * 23 self-managed compounds, 7 beautiful villages, the toilet survey (1,015 households, 1,106
 * toilets, 19 repaired, 69 restored), the 2022 renovation (3 projects, 13 compounds, 85 buildings,
 * 5,113 households, 5 bid sections for 16,505,000 yuan, 30 % done). Every other district gets a
 * smaller but complete tree from the same code.
 *
 * Pure: no I/O, no clock. The data comes from a PRNG seeded with the district's code, so a district
 * always gets the same tree; only the ids come from `newId` (uuidv7 unless given).
 *
 * Compounds carry their registered building and household counts (`building_count`,
 * `household_count`); buildings and units are all there, but the household rows are a sample of
 * the registered households (about one in thirteen), which keeps the demo at ~30,000 persons.
 */

/** The year the data describes: ages, tags and dates are as of 2022. */
export const REFERENCE_YEAR = 2022;

export interface DistrictInfo {
  code: string;
  name: string;
  kind: "district" | "county";
}

export const LINES_OF_WORK = [
  "party_building",
  "comprehensive_governance",
  "epidemic_control",
  "rule_of_law",
  "fire_safety",
  "emergency_management",
] as const;

// ---------------------------------------------------------------------------------------------
// Rows: one interface per table, with the table's column names (district_id is added on insert).

export interface GeoJsonPolygon {
  type: "Polygon";
  coordinates: number[][][];
}
export interface StreetOfficeRow {
  id: string;
  code: string;
  name: string;
}
export interface CommunityRow {
  id: string;
  street_office_id: string;
  code: string;
  name: string;
  kind: "community" | "village";
}
export interface GridRow {
  id: string;
  community_id: string;
  street_office_id: string;
  code: string;
  name: string;
  kind: "urban" | "rural";
  latitude: number;
  longitude: number;
  boundary: GeoJsonPolygon | null;
  lines_of_work: string[];
}
export interface CompoundRow {
  id: string;
  grid_id: string;
  code: string;
  name: string;
  address: string;
  year_built: number;
  building_count: number;
  household_count: number;
  is_old: boolean;
  self_managed: boolean;
}
export interface BuildingRow {
  id: string;
  compound_id: string;
  number: string;
  floors: number;
}
export interface BuildingUnitRow {
  id: string;
  building_id: string;
  number: string;
}
export interface HouseholdRow {
  id: string;
  grid_id: string;
  compound_id: string | null;
  unit_id: string | null;
  villager_group: string | null;
  address: string;
}
export interface PersonRow {
  id: string;
  grid_id: string;
  household_id: string;
  name: string;
  gender: "female" | "male";
  birth_year: number;
  phone: string;
  id_number: string;
  tags: string[];
  subject: string | null;
}
export interface OrganizationRow {
  id: string;
  grid_id: string;
  kind: string;
  name: string;
  address: string | null;
}
export type StaffRole =
  | "grid_chief"
  | "grid_worker"
  | "building_head"
  | "unit_head"
  | "villager_group_leader"
  | "villager_representative";
export interface StaffAssignmentRow {
  id: string;
  person_id: string;
  grid_id: string;
  building_id: string | null;
  unit_id: string | null;
  role: StaffRole;
  starts_on: string;
  ends_on: string | null;
}
export interface OwnerCommitteeRow {
  id: string;
  compound_id: string;
  name: string;
  status: "preparing" | "active" | "expired";
  election_date: string | null;
  term_start: string | null;
  term_end: string | null;
}
export interface CommitteeMemberRow {
  id: string;
  committee_id: string;
  person_id: string;
  role: "chair" | "vice_chair" | "member";
}
export interface VillageDesignationRow {
  id: string;
  community_id: string;
  kind: "demonstration" | "livable";
  theme: string | null;
  featured_industry: string | null;
  designated_year: number;
}
export interface VillageProjectRow {
  id: string;
  village_id: string;
  name: string;
  measure: string;
  unit: string;
  target: number;
  achieved: number;
  note: string | null;
}
export interface ToiletSurveyRow {
  id: string;
  household_id: string;
  surveyed_on: string;
  toilets: number;
  state: "usable" | "unusable" | "hard_to_use";
  cause: string | null;
  remedy: "repaired" | "restored" | null;
}
export interface RenovationProjectRow {
  id: string;
  code: string;
  name: string;
  kind: "building_body" | "infrastructure" | "gas_pipeline";
  year: number;
  investment: number;
  progress_percent: number;
  planned_completion: string;
  /** Filled in by the loader: the district's housing department (住房和城乡建设局). */
  department_id: string | null;
}
export interface RenovationProjectCompoundRow {
  id: string;
  project_id: string;
  compound_id: string;
}
export interface BidSectionRow {
  id: string;
  project_id: string;
  code: string;
  name: string;
  contractor: string;
  winning_amount: number;
  awarded_on: string;
}
export interface RenovationProgressRow {
  id: string;
  project_id: string;
  percent: number;
  note: string;
  recorded_by: string;
  recorded_at: string;
}
export interface ConsultationRow {
  id: string;
  compound_id: string;
  project_id: string | null;
  title: string;
  status: "open" | "closed";
  opened_at: string;
  closes_at: string;
  opened_by: string;
}
export interface ProposalRow {
  id: string;
  consultation_id: string;
  question: "whether" | "what" | "how";
  position: number;
  title: string;
  description: string;
}
export interface VoteRow {
  id: string;
  proposal_id: string;
  household_id: string;
  person_id: string;
  choice: "for" | "against" | "abstain";
  cast_at: string;
}
export interface ConsultationCommentRow {
  id: string;
  consultation_id: string;
  proposal_id: string | null;
  person_id: string;
  body: string;
  created_at: string;
}

/** The generated rows, by table, in an order that satisfies every foreign key when inserted. */
export interface GridTree {
  street_office: StreetOfficeRow[];
  community: CommunityRow[];
  grid: GridRow[];
  compound: CompoundRow[];
  building: BuildingRow[];
  building_unit: BuildingUnitRow[];
  household: HouseholdRow[];
  person: PersonRow[];
  organization: OrganizationRow[];
  staff_assignment: StaffAssignmentRow[];
  owner_committee: OwnerCommitteeRow[];
  committee_member: CommitteeMemberRow[];
  village_designation: VillageDesignationRow[];
  village_project: VillageProjectRow[];
  toilet_survey: ToiletSurveyRow[];
  renovation_project: RenovationProjectRow[];
  renovation_project_compound: RenovationProjectCompoundRow[];
  bid_section: BidSectionRow[];
  renovation_progress: RenovationProgressRow[];
  consultation: ConsultationRow[];
  proposal: ProposalRow[];
  vote: VoteRow[];
  consultation_comment: ConsultationCommentRow[];
}

export const GRID_TREE_TABLES: ReadonlyArray<keyof GridTree> = [
  "street_office",
  "community",
  "grid",
  "compound",
  "building",
  "building_unit",
  "household",
  "person",
  "organization",
  "staff_assignment",
  "owner_committee",
  "committee_member",
  "village_designation",
  "village_project",
  "toilet_survey",
  "renovation_project",
  "renovation_project_compound",
  "bid_section",
  "renovation_progress",
  "consultation",
  "proposal",
  "vote",
  "consultation_comment",
];

export interface GenerateOptions {
  /** Id factory; uuidv7 by default. Tests pass a counter to compare two runs. */
  newId?: () => string;
  /** "full" builds the report's figures (Mingshan's default); "small" a compact tree. */
  size?: "full" | "small";
}

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32 seeded with FNV-1a of the district code.

export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), each at least
 * `min`. The parts always sum to `total` when `total >= min * weights.length`.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const rest = Math.max(0, total - min * n);
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = rest - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k][1]]++;
  return parts.map((p) => p + min);
}

// ---------------------------------------------------------------------------------------------
// Identity numbers (GB 11643-1999): 6-digit region, birth date, 3-digit sequence (odd for men),
// and an ISO 7064 MOD 11-2 check character.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return "10X98765432"[sum % 11];
}

// ---------------------------------------------------------------------------------------------
// Reference data: places, names, words.

const REGION_CODES: Record<string, string> = {
  pingshan: "210502",
  xihu: "210503",
  mingshan: "210504",
  nanfen: "210505",
  benxi_county: "210521",
  huanren: "210522",
  yuanbao: "210602",
  zhenxing: "210603",
};

/** Rough centres [latitude, longitude]; Mingshan's is the one the report's grids are spread around. */
const CENTRES: Record<string, [number, number]> = {
  pingshan: [41.2995, 123.7686],
  xihu: [41.329, 123.768],
  mingshan: [41.3, 123.78],
  nanfen: [41.1003, 123.7448],
  benxi_county: [41.3016, 124.12],
  huanren: [41.2676, 125.3606],
  zhenxing: [40.105, 124.36],
  yuanbao: [40.1364, 124.3952],
};

type Pair = readonly [name: string, code: string];

/** A word list written as text: words separated by white space. */
function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const STREET_OFFICES: Record<string, Pair[]> = {
  pingshan: [
    ["平山街道", "pingshan"],
    ["东明街道", "dongming"],
    ["南地街道", "nandi"],
    ["站前街道", "zhanqian"],
  ],
  xihu: [
    ["河西街道", "hexi"],
    ["彩屯街道", "caitun"],
    ["东风街道", "dongfeng"],
    ["河东街道", "hedong"],
  ],
  nanfen: [
    ["南芬街道", "nanfen"],
    ["铁山街道", "tieshan"],
    ["思山岭街道", "sishanling"],
  ],
  benxi_county: [
    ["小市镇", "xiaoshi"],
    ["草河掌镇", "caohezhang"],
    ["碱厂镇", "jianchang"],
  ],
  huanren: [
    ["桓仁镇", "huanren"],
    ["五里甸子镇", "wulidianzi"],
    ["八里甸子镇", "balidianzi"],
  ],
  zhenxing: [
    ["站前街道", "zhanqian"],
    ["临江街道", "linjiang"],
    ["花园街道", "huayuan"],
  ],
  yuanbao: [
    ["七道街道", "qidao"],
    ["八道街道", "badao"],
    ["兴东街道", "xingdong"],
  ],
};
const GENERIC_STREET_OFFICES: Pair[] = [
  ["新华街道", "xinhua"],
  ["和平街道", "heping"],
  ["向阳街道", "xiangyang"],
  ["东兴街道", "dongxing"],
];

const COMMUNITY_STEMS = words(`
  永丰 明秀 金山 东兴 兴隆 和平 光明 友谊 幸福 阳光 康宁 安居 富民 惠民 长青 东胜 明兴 明珠 紫金
  峪明 华峰 建设 建新 新华 新兴 新城 丰华 育才 文化 振兴 钢城 矿山 铁路 电业 工人 园林 山城 青云
  翠山 枫林 松涛 桃园 春晖 朝阳 旭日 瑞丰 祥和 泰和 顺达 福民 利民 安乐 繁荣 红星 团结 向阳 东风
  北岭 南山 西城 望峰 溪山 太子河 彩虹 华夏 永安 新村 河畔 临河 景园`);
const VILLAGE_STEMS = words(`
  卧龙 孤家子 三道河 大峪 小堡 东坟 西沟 太平 河北 金坑 石桥子 黄柏峪 蔡家 大甸子 荒沟 梨树沟 上营
  下营 北台 南台 关家 大堡 柳塘 红土岭 二道沟 马家 王家堡 郑家 双岭 东营坊 老官砬子 杨木林`);
const COMPOUND_STEMS = words(`
  永丰 明秀 金山 东兴 兴隆 和平 光明 友谊 幸福 阳光 康宁 安居 富民 惠民 长青 东胜 明兴 紫金 峪明
  华峰 建设 建新 新华 丰华 育才 文化 振兴 钢城 园林 山城 青云 翠山 枫林 松涛 桃园 春晖 朝阳 旭日
  瑞丰 祥和 泰和 顺达 福民 利民 安乐 繁荣 红星 团结 向阳 东风 北岭 南山 西城 望峰 溪山 彩虹 华夏
  永安 河畔 景园 金域 锦绣 御景 翡翠 馨园 怡景 龙山 凤凰 平安 聚福 宏业 鑫源 汇丰 春城 丽水 海棠
  玉兰 丁香 银杏 白桦`);
const OLD_COMPOUND_SUFFIXES: Array<readonly [string, number]> = [
  ["小区", 6],
  ["新村", 2],
  ["楼区", 1],
  ["里", 1],
];
const NEW_COMPOUND_SUFFIXES = words("花园 家园 佳苑 名苑 华庭 嘉园 雅居 新城");
const WORK_UNITS = words(`
  钢铁公司 矿务局 电业局 铁路 水泥厂 化工厂 纺织厂 机械厂 制药厂 煤矿 供电局 邮电局 粮食局 建筑公司
  特钢厂 焦化厂 汽车修配厂`);
const ROADS = words(`
  建设路 解放路 胜利路 明山路 北地路 高峪路 新明街 永丰街 东明路 紫金路 光明街 峪明路 卧龙路
  牛心台路 和平路 人民路 文化路 友谊路 繁荣路 育才路 团结街 青云路 太子河路 滨河路 站前街 工人街
  环山路`);

/** Surnames with a weight (roughly their frequency in Liaoning, per mille). */
const SURNAMES: Array<readonly [string, number]> = words(`
  王71 李70 张68 刘54 陈31 杨30 赵23 孙17 黄16 周16 吴14 徐13 胡12 朱11 高11 于10 林10 郭10 何9
  马9 韩8 罗8 梁7 宋7 郑7 姜6 谢6 唐6 董6 曹5 冯5 许5 袁4 邓4 程4 吕4 崔4 丁3 魏3 孟3 贾3 苏3 卢3
  蒋3 蔡3 田3 白3 郝3 薛2 杜2 范2 石2 姚2 任2 潘2 夏2 方2 金2 关2 佟2 侯2 邵2 秦2 史2 付2 闫2 尹1
  葛1 温1 那1 富1`).map((w) => [w.slice(0, 1), Number(w.slice(1))] as const);

/** Given names by generation: born before 1965, 1965-1989, from 1990. */
const GIVEN: Record<"male" | "female", [string[], string[], string[]]> = {
  male: [
    words(`国庆 建国 建华 振华 德明 德福 永福 志刚 志明 玉山 长林 凤山 宝山 福生 树林 春生 立新 建军
      卫国 金山 庆和 广才 成林 学文 守义 景春 殿臣 万有 军 刚 强 明 忠 林 山 武 斌 义`),
    words(`伟 强 磊 军 勇 杰 涛 斌 超 明 刚 辉 鹏 华 飞 波 宇 浩 凯 健 俊 旭 龙 海 东 峰 亮 晓东 志强
      海涛 建伟 文博 永刚 俊杰 宏伟 立军 晓光 春雷 大伟 国栋 明辉 铁军`),
    words(`浩然 宇轩 子豪 俊熙 浩宇 皓轩 博文 子轩 一鸣 思源 家豪 天佑 宇航 泽宇 明轩 子墨 睿 轩 晨
      昊 哲 鑫 洋 阳 宇 博 梓豪 嘉懿 铭泽 沐阳`),
  ],
  female: [
    words(`秀英 桂英 玉兰 秀兰 淑珍 凤兰 桂兰 玉珍 淑兰 秀珍 凤英 玉梅 桂芝 淑芬 秀云 素珍 玉芝 春兰
      丽华 秀荣 淑华 凤琴 兰 英 珍 芬 梅 霞 琴`),
    words(`芳 娜 敏 静 丽 艳 娟 霞 燕 玲 红 颖 婷 雪 莉 丹 晶 琳 慧 洁 丽娜 晓燕 海燕 春梅 红梅 晓丽
      秀丽 丽丽 雪梅 艳红 玉洁 亚楠 晓红 美玲 欣 凤霞 艳华`),
    words(`欣怡 梓萱 子涵 一诺 雨桐 思彤 佳怡 诗涵 梦瑶 可馨 雨欣 婉清 欣然 紫涵 雅琪 晓彤 佳琪 思雨
      萌 悦 琪 彤 璐 楠 雪莹 梓涵 语桐 诗琪`),
  ],
};

const CN_DIGITS = words("零 一 二 三 四 五 六 七 八 九");
/** 1..99 in Chinese numerals: 三, 十二, 二十. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ""}`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function dateIn(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const days = Math.round((b - a) / 86400000);
  return new Date(a + rng.int(0, days) * 86400000).toISOString().slice(0, 10);
}
/** A Beijing-time timestamp on a given day, between 08:00 and 20:59. */
function timeOn(rng: Rng, day: string): string {
  return `${day}T${pad2(rng.int(8, 20))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}+08:00`;
}
function addYears(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Plans: what to build. Mingshan's is the report; the others are drawn from the PRNG.

interface StreetPlan {
  code: string;
  name: string;
  communities: number;
  villages: number;
}
interface DesignationPlan {
  village: string;
  kind: "demonstration" | "livable";
  theme: string | null;
  featuredIndustry: string | null;
  year: number;
  projects: Array<Omit<VillageProjectRow, "id" | "village_id">>;
}
interface ProjectPlan {
  code: string;
  name: string;
  kind: RenovationProjectRow["kind"];
  investment: number;
  /** Indices into the renovated compounds. */
  compounds: number[];
  progress: Array<[day: string, percent: number, note: string]>;
}
interface BidPlan {
  project: number;
  amount: number;
  contractor: string;
  awardedOn: string;
}
interface Plan {
  regionCode: string;
  centre: [number, number];
  streets: StreetPlan[];
  /** Villages with a fixed name: street index and name. */
  namedVillages: Array<[street: number, name: string]>;
  grids: number;
  ruralGridsPerVillage: [number, number];
  householdsPerUrbanGrid: number;
  householdsPerRuralGrid: number;
  /** The minimum sample of households in a compound with a committee or a renovation. */
  minHouseholdsInKeyCompound: number;
  oldCompounds: number;
  newCompounds: number;
  /** Renovated compounds (all old, in the first `renovationStreets` street offices). */
  renovated: Array<{ buildings: number; households: number }>;
  renovationStreets: number;
  committees: { active: number; preparing: number; expired: number };
  selfManaged: number;
  designations: DesignationPlan[];
  toilets: { records: number; toilets: number; repaired: number; restored: number };
  projects: ProjectPlan[];
  bids: BidPlan[];
  historicalAssignments: number;
  buildingHeadShare: number;
  unitHeadShare: number;
  /** The report's figures are checked after generation when set. */
  exact: boolean;
}

const CONTRACTORS = [
  "辽宁华晟建设工程有限公司",
  "本溪市宏达建筑工程有限公司",
  "辽宁鼎盛市政工程有限公司",
  "本溪恒泰建设集团有限公司",
  "辽宁安通燃气工程有限公司",
  "沈阳中盛建筑安装工程有限公司",
  "本溪新宇防水保温工程有限公司",
];

const LIVABLE_PROJECTS: Array<Omit<VillageProjectRow, "id" | "village_id" | "achieved">> = [
  { name: "村路硬化", measure: "硬化村内道路", unit: "米", target: 3000, note: null },
  { name: "路灯亮化", measure: "安装太阳能路灯", unit: "盏", target: 120, note: null },
  { name: "垃圾治理", measure: "设置垃圾分类收集点", unit: "个", target: 20, note: null },
  { name: "边沟清淤", measure: "清理村内边沟", unit: "米", target: 5000, note: null },
  { name: "村容绿化", measure: "栽植绿化树木", unit: "棵", target: 2000, note: null },
  { name: "卫生厕所", measure: "改造户用卫生厕所", unit: "户", target: 40, note: "入户改厕" },
];
const LIVABLE_INDUSTRIES = ["林下参", "山野菜", "中草药", "食用菌", "冷水鱼", "寒富苹果"];

function livableProjects(rng: Rng): DesignationPlan["projects"] {
  return rng.sample(LIVABLE_PROJECTS, rng.int(1, 3)).map((p) => {
    const target = Math.max(1, Math.round((p.target * (0.6 + 0.8 * rng.next())) / 10) * 10);
    return { ...p, target, achieved: Math.round(target * (0.4 + 0.6 * rng.next())) };
  });
}

function mingshanPlan(rng: Rng): Plan {
  const livable = (village: string): DesignationPlan => ({
    village,
    kind: "livable",
    theme: "美丽宜居",
    featuredIndustry: rng.pick(LIVABLE_INDUSTRIES),
    year: 2022,
    projects: livableProjects(rng),
  });
  const progress = (notes: string[]): ProjectPlan["progress"] => [
    ["2022-05-31", 5, notes[0]],
    ["2022-06-30", 12, notes[1]],
    ["2022-07-29", 22, notes[2]],
    ["2022-08-25", 30, notes[3]],
  ];
  return {
    regionCode: "210504",
    centre: CENTRES.mingshan,
    streets: [
      { code: "mingshan", name: "明山街道", communities: 10, villages: 0 },
      { code: "beidi", name: "北地街道", communities: 9, villages: 0 },
      { code: "gaoyu", name: "高峪街道", communities: 9, villages: 0 },
      { code: "xinming", name: "新明街道", communities: 10, villages: 0 },
      { code: "niuxintai", name: "牛心台街道", communities: 7, villages: 9 },
      { code: "gaotaizi", name: "高台子街道", communities: 5, villages: 8 },
      { code: "wolongshan", name: "卧龙山街道", communities: 5, villages: 9 },
    ],
    namedVillages: [
      [6, "韩家村"],
      [5, "胜利村"],
      [5, "塔峪村"],
    ],
    grids: 702,
    ruralGridsPerVillage: [2, 4],
    householdsPerUrbanGrid: 16.3,
    householdsPerRuralGrid: 17,
    minHouseholdsInKeyCompound: 14,
    oldCompounds: 282,
    newCompounds: 60,
    // 85 buildings and 5,113 households in all.
    renovated: [
      { buildings: 9, households: 547 },
      { buildings: 8, households: 486 },
      { buildings: 7, households: 421 },
      { buildings: 7, households: 398 },
      { buildings: 6, households: 372 },
      { buildings: 6, households: 355 },
      { buildings: 6, households: 361 },
      { buildings: 6, households: 344 },
      { buildings: 7, households: 426 },
      { buildings: 5, households: 298 },
      { buildings: 8, households: 489 },
      { buildings: 6, households: 376 },
      { buildings: 4, households: 240 },
    ],
    renovationStreets: 4,
    committees: { active: 62, preparing: 8, expired: 6 },
    selfManaged: 23,
    designations: [
      {
        village: "韩家村",
        kind: "demonstration",
        theme: "文化体验旅游",
        featuredIndustry: "乡村旅游、民俗文化、特色农产品",
        year: 2022,
        projects: [
          {
            name: "民俗文化体验",
            measure: "建设民俗文化体验馆",
            unit: "处",
            target: 1,
            achieved: 1,
            note: null,
          },
          {
            name: "乡村旅游接待",
            measure: "发展农家乐接待户",
            unit: "户",
            target: 15,
            achieved: 9,
            note: null,
          },
          {
            name: "特色农产品",
            measure: "建设特色农产品展销点",
            unit: "个",
            target: 2,
            achieved: 1,
            note: "山野菜、蜂蜜、榛子",
          },
        ],
      },
      {
        village: "胜利村",
        kind: "demonstration",
        theme: "农业生态旅游",
        featuredIndustry: "野生榛子",
        year: 2022,
        projects: [
          {
            name: "野生榛子基地",
            measure: "野生榛子林抚育改造",
            unit: "亩",
            target: 1000,
            achieved: 650,
            note: null,
          },
          {
            name: "生态采摘观光",
            measure: "建设榛子采摘观光园",
            unit: "处",
            target: 1,
            achieved: 0,
            note: null,
          },
        ],
      },
      {
        village: "塔峪村",
        kind: "demonstration",
        theme: "生态宜居",
        featuredIndustry: "庭院经济",
        year: 2022,
        projects: [
          {
            name: "河道护岸",
            measure: "修筑河道护岸",
            unit: "米",
            target: 1600,
            achieved: 1100,
            note: null,
          },
          {
            name: "庭院果树",
            measure: "庭院栽植苹果树和苹果梨树",
            unit: "棵",
            target: 3500,
            achieved: 3500,
            note: "每户不少于10棵",
          },
        ],
      },
      livable(""),
      livable(""),
      livable(""),
      livable(""),
    ],
    toilets: { records: 1015, toilets: 1106, repaired: 19, restored: 69 },
    projects: [
      {
        code: "2022-building-body",
        name: "2022年老旧小区改造楼体改造工程",
        kind: "building_body",
        investment: 19461300,
        compounds: [0, 1, 2, 3, 4, 5, 6, 7, 8],
        progress: progress([
          "施工单位进场，完成围挡和现场踏勘",
          "外墙基层处理和屋面拆除",
          "外墙保温施工过半",
          "屋面防水完成三栋，外墙保温持续推进",
        ]),
      },
      {
        code: "2022-infrastructure",
        name: "2022年老旧小区改造配套基础设施改造工程",
        kind: "infrastructure",
        investment: 30038400,
        compounds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        progress: progress([
          "完成管线探测和施工图会审",
          "雨污分流管网开挖",
          "小区道路和排水管网施工",
          "完成四个小区道路铺装，照明和监控安装中",
        ]),
      },
      {
        code: "2022-gas-pipeline",
        name: "2022年老旧小区改造燃气管道改造工程",
        kind: "gas_pipeline",
        investment: 29250000,
        compounds: [1, 3, 5, 7, 9, 11, 12],
        progress: progress([
          "入户摸排和停气通知",
          "庭院燃气管线更换",
          "立管和表前阀更换",
          "完成三个小区通气验收",
        ]),
      },
    ],
    bids: [
      { project: 0, amount: 3862000, contractor: CONTRACTORS[0], awardedOn: "2022-05-12" },
      { project: 0, amount: 3298000, contractor: CONTRACTORS[6], awardedOn: "2022-05-12" },
      { project: 1, amount: 4516000, contractor: CONTRACTORS[2], awardedOn: "2022-05-18" },
      { project: 1, amount: 2137000, contractor: CONTRACTORS[1], awardedOn: "2022-05-18" },
      { project: 2, amount: 2692000, contractor: CONTRACTORS[4], awardedOn: "2022-05-26" },
    ],
    historicalAssignments: 14,
    buildingHeadShare: 0.4,
    unitHeadShare: 0.25,
    exact: true,
  };
}

function smallPlan(rng: Rng, d: DistrictInfo): Plan {
  const pool = STREET_OFFICES[d.code] ?? GENERIC_STREET_OFFICES;
  const streetCount = Math.min(pool.length, rng.int(2, 3));
  const communities = rng.int(4, 8);
  const villages = rng.int(1, 3);
  const perStreet = apportion(
    communities - 1,
    pool.slice(0, streetCount).map(() => 1),
    0,
  );
  perStreet[0] += 1;
  const streets = pool.slice(0, streetCount).map(([name, code], i) => ({
    code,
    name,
    communities: perStreet[i],
    villages: i === streetCount - 1 ? villages : 0,
  }));
  const renovatedCount = rng.int(2, 3);
  const renovated = Array.from({ length: renovatedCount }, () => {
    const buildings = rng.int(3, 6);
    return { buildings, households: buildings * rng.int(40, 64) };
  });
  const kind = rng.pick(["building_body", "infrastructure"] as const);
  const investment = rng.int(2000, 8000) * 1000;
  const finalProgress = rng.int(4, 12) * 5;
  const steps = [
    ["2022-05-31", "施工单位进场"],
    ["2022-06-30", "主体施工"],
    ["2022-07-29", "施工过半"],
    ["2022-08-25", "按计划推进"],
  ] as const;
  const progressCount = rng.int(2, 4);
  const progress: ProjectPlan["progress"] = steps
    .slice(0, progressCount)
    .map(([day, note], i) => [day, Math.round((finalProgress * (i + 1)) / progressCount), note]);
  const committees = rng.int(2, 3);
  return {
    regionCode: REGION_CODES[d.code] ?? `2105${pad2(50 + (seedOf(d.code) % 50))}`,
    centre: CENTRES[d.code] ?? CENTRES.mingshan,
    streets,
    namedVillages: [],
    grids: rng.int(30, 50),
    ruralGridsPerVillage: [2, 3],
    householdsPerUrbanGrid: 4.5,
    householdsPerRuralGrid: 14,
    minHouseholdsInKeyCompound: 7,
    oldCompounds: rng.int(11, 14),
    newCompounds: rng.int(5, 8),
    renovated,
    renovationStreets: streetCount,
    committees: { active: committees - 1, preparing: 1, expired: 0 },
    selfManaged: 1,
    designations: [
      {
        village: "",
        kind: rng.chance(0.5) ? "demonstration" : "livable",
        theme: rng.pick(["美丽宜居", "生态旅游", "特色种植"]),
        featuredIndustry: rng.pick(LIVABLE_INDUSTRIES),
        year: 2022,
        projects: livableProjects(rng),
      },
    ],
    // Records: 85 % of the rural households made; toilets: that many plus these extra ones.
    toilets: {
      records: 0,
      toilets: rng.int(2, 6),
      repaired: rng.int(1, 2),
      restored: rng.int(2, 4),
    },
    projects: [
      {
        code: `2022-${kind.replace("_", "-")}`,
        name:
          kind === "building_body"
            ? "2022年老旧小区改造楼体改造工程"
            : "2022年老旧小区改造配套基础设施改造工程",
        kind,
        investment,
        compounds: renovated.map((_, i) => i),
        progress,
      },
    ],
    bids: [
      {
        project: 0,
        amount: Math.round((investment * (0.4 + 0.3 * rng.next())) / 1000) * 1000,
        contractor: rng.pick(CONTRACTORS),
        awardedOn: "2022-05-20",
      },
    ],
    historicalAssignments: rng.int(1, 3),
    buildingHeadShare: 0.4,
    unitHeadShare: 0.25,
    exact: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The generator.

interface Family {
  surname: string;
  gender: "female" | "male";
  birth: number;
}

const ADULT_BORN_BY = REFERENCE_YEAR - 18;
const isAdult = (p: PersonRow) => p.birth_year <= ADULT_BORN_BY;

export function generateGridTree(district: DistrictInfo, options: GenerateOptions = {}): GridTree {
  const newId = options.newId ?? uuidv7;
  const rng = new Rng(seedOf(`civic-grid:${district.code}`));
  const size = options.size ?? (district.code === "mingshan" ? "full" : "small");
  const plan = size === "full" ? mingshanPlan(rng) : smallPlan(rng, district);
  const t: GridTree = {
    street_office: [],
    community: [],
    grid: [],
    compound: [],
    building: [],
    building_unit: [],
    household: [],
    person: [],
    organization: [],
    staff_assignment: [],
    owner_committee: [],
    committee_member: [],
    village_designation: [],
    village_project: [],
    toilet_survey: [],
    renovation_project: [],
    renovation_project_compound: [],
    bid_section: [],
    renovation_progress: [],
    consultation: [],
    proposal: [],
    vote: [],
    consultation_comment: [],
  };

  // --- Street offices, communities, villages --------------------------------------------------
  const communityNames = rng.shuffle(COMMUNITY_STEMS);
  const named = new Set(plan.namedVillages.map(([, n]) => n));
  const villageNames = rng.shuffle(VILLAGE_STEMS.map((s) => `${s}村`).filter((n) => !named.has(n)));
  const streetIndex = new Map<string, number>();
  const areaCentre = new Map<string, [number, number]>();
  for (const [si, sp] of plan.streets.entries()) {
    const so: StreetOfficeRow = { id: newId(), code: sp.code, name: sp.name };
    t.street_office.push(so);
    streetIndex.set(so.id, si);
    const far = sp.villages > 0 ? 0.05 : 0.022;
    const centre: [number, number] = [
      plan.centre[0] + (rng.next() * 2 - 1) * far,
      plan.centre[1] + (rng.next() * 2 - 1) * far * 1.3,
    ];
    for (let i = 1; i <= sp.communities; i++) {
      const c: CommunityRow = {
        id: newId(),
        street_office_id: so.id,
        code: `${sp.code}-c${pad2(i)}`,
        name: `${communityNames.shift() ?? `第${chineseNumber(i)}`}社区`,
        kind: "community",
      };
      t.community.push(c);
      areaCentre.set(c.id, jitter(rng, centre, 0.007));
    }
    const fixed = plan.namedVillages.filter(([s]) => s === si).map(([, n]) => n);
    for (let i = 1; i <= sp.villages; i++) {
      const v: CommunityRow = {
        id: newId(),
        street_office_id: so.id,
        code: `${sp.code}-v${pad2(i)}`,
        name: fixed[i - 1] ?? villageNames.shift() ?? `${sp.name.slice(0, 2)}${chineseNumber(i)}村`,
        kind: "village",
      };
      t.community.push(v);
      areaCentre.set(v.id, jitter(rng, centre, 0.02));
    }
  }
  const communityById = new Map(t.community.map((c) => [c.id, c]));

  // --- Grids -----------------------------------------------------------------------------------
  const villages = t.community.filter((c) => c.kind === "village");
  const urbanAreas = t.community.filter((c) => c.kind === "community");
  const ruralCounts = villages.map(() => rng.int(...plan.ruralGridsPerVillage));
  const ruralTotal = ruralCounts.reduce((a, b) => a + b, 0);
  const urbanCounts = apportion(
    plan.grids - ruralTotal,
    urbanAreas.map(() => 0.7 + 0.6 * rng.next()),
    1,
  );
  const gridCount = new Map<string, number>();
  urbanAreas.forEach((c, i) => gridCount.set(c.id, urbanCounts[i]));
  villages.forEach((c, i) => gridCount.set(c.id, ruralCounts[i]));
  for (const c of t.community) {
    const n = gridCount.get(c.id) ?? 0;
    for (let i = 1; i <= n; i++) {
      const [lat, lng] = jitter(rng, areaCentre.get(c.id)!, c.kind === "village" ? 0.006 : 0.0025);
      const lines = LINES_OF_WORK.filter(
        (l, k) => k < 2 || rng.chance(l === "epidemic_control" || l === "fire_safety" ? 0.8 : 0.5),
      );
      t.grid.push({
        id: newId(),
        community_id: c.id,
        street_office_id: c.street_office_id,
        code: `${c.code}-g${pad2(i)}`,
        name: `${c.name}第${i}网格`,
        kind: c.kind === "village" ? "rural" : "urban",
        latitude: round6(lat),
        longitude: round6(lng),
        boundary: rng.chance(0.35) ? polygonAround(rng, lat, lng) : null,
        lines_of_work: lines.length >= 3 ? lines : [...LINES_OF_WORK.slice(0, 3)],
      });
    }
  }
  const urbanGrids = t.grid.filter((g) => g.kind === "urban");
  const ruralGrids = t.grid.filter((g) => g.kind === "rural");
  const streetOf = (g: GridRow) => streetIndex.get(g.street_office_id) ?? 0;

  // --- Compounds, buildings, units ---------------------------------------------------------------
  const compoundNames = new Set<string>();
  const compoundName = (old: boolean): string => {
    for (let attempt = 0; ; attempt++) {
      let name: string;
      if (old && rng.chance(0.3)) {
        const ordinal = rng.chance(0.5) ? chineseNumber(rng.int(1, 5)) : "";
        name = `${rng.pick(WORK_UNITS)}${ordinal}宿舍`;
      } else {
        const stem = rng.pick(COMPOUND_STEMS);
        name = `${stem}${old ? rng.weighted(OLD_COMPOUND_SUFFIXES) : rng.pick(NEW_COMPOUND_SUFFIXES)}`;
      }
      if (attempt > 50) name = `${name}${chineseNumber((attempt % 9) + 1)}期`;
      if (!compoundNames.has(name)) {
        compoundNames.add(name);
        return name;
      }
    }
  };
  const compoundTotal = plan.oldCompounds + plan.newCompounds;
  // The demo grid (the first grid of the first community) has a compound: its staff have one to show.
  const slots = [urbanGrids[0], ...rng.shuffle(urbanGrids.slice(1))];
  const oldFlags = rng.shuffle(
    Array.from({ length: compoundTotal }, (_, i) => i < plan.oldCompounds),
  );
  const drafts = oldFlags.map((isOld, k) => ({ grid: slots[k % slots.length], isOld }));
  drafts.sort((a, b) => (a.grid.code < b.grid.code ? -1 : a.grid.code > b.grid.code ? 1 : 0));
  // The renovated compounds: old ones in the first street offices, spread over them.
  const eligible = rng.shuffle(
    drafts.filter((d) => d.isOld && streetOf(d.grid) < plan.renovationStreets),
  );
  const renovatedDrafts = eligible.slice(0, plan.renovated.length);
  const renovatedIndex = new Map(renovatedDrafts.map((d, i) => [d, i]));
  const renovatedCompounds: CompoundRow[] = [];

  const compoundSeq = new Map<string, number>();
  const flatsPerFloor = new Map<string, number>();
  const unitsOfBuilding = new Map<string, BuildingUnitRow[]>();
  const buildingsOfCompound = new Map<string, BuildingRow[]>();
  for (const d of drafts) {
    const community = communityById.get(d.grid.community_id)!;
    const seq = (compoundSeq.get(community.id) ?? 0) + 1;
    compoundSeq.set(community.id, seq);
    const ri = renovatedIndex.get(d);
    const fixed = ri === undefined ? undefined : plan.renovated[ri];
    const buildingCount =
      fixed?.buildings ?? (d.isOld ? rng.int(2, 3) + rng.int(0, 9) : rng.int(3, 14));
    const compound: CompoundRow = {
      id: newId(),
      grid_id: d.grid.id,
      code: `${community.code}-x${pad2(seq)}`,
      name: compoundName(d.isOld),
      address: `${district.name}${rng.pick(ROADS)}${rng.int(1, 260)}号`,
      year_built: d.isOld ? rng.int(1962, 1999) : rng.int(2003, 2019),
      building_count: buildingCount,
      household_count: 0,
      is_old: d.isOld,
      self_managed: false,
    };
    const buildings: BuildingRow[] = [];
    let stairFloors = 0;
    for (let b = 1; b <= buildingCount; b++) {
      const floors = d.isOld ? (fixed ? rng.int(6, 7) : rng.int(5, 7)) : rng.int(6, 18);
      const building: BuildingRow = {
        id: newId(),
        compound_id: compound.id,
        number: String(b),
        floors,
      };
      const unitCount = fixed ? rng.int(3, 4) : rng.int(2, 4);
      const units: BuildingUnitRow[] = [];
      for (let u = 1; u <= unitCount; u++) {
        units.push({ id: newId(), building_id: building.id, number: String(u) });
      }
      stairFloors += unitCount * floors;
      buildings.push(building);
      unitsOfBuilding.set(building.id, units);
      t.building.push(building);
      t.building_unit.push(...units);
    }
    if (fixed) {
      compound.household_count = fixed.households;
      flatsPerFloor.set(compound.id, Math.ceil(fixed.households / stairFloors));
    } else {
      const fpf = d.isOld ? 2 : rng.pick([2, 2, 3]);
      flatsPerFloor.set(compound.id, fpf);
      compound.household_count = Math.round(stairFloors * fpf * (0.9 + 0.1 * rng.next()));
    }
    buildingsOfCompound.set(compound.id, buildings);
    t.compound.push(compound);
    if (ri !== undefined) renovatedCompounds[ri] = compound;
  }

  // Committees: compounds chosen now, so that they get a large enough sample of households.
  const committeeTotal =
    plan.committees.active + plan.committees.preparing + plan.committees.expired;
  const committeeCompounds = rng.sample(t.compound, committeeTotal);
  const keyCompounds = new Set([...committeeCompounds, ...renovatedCompounds]);

  // --- Households --------------------------------------------------------------------------------
  const compoundsOfGrid = new Map<string, CompoundRow[]>();
  for (const c of t.compound) {
    const list = compoundsOfGrid.get(c.grid_id) ?? [];
    list.push(c);
    compoundsOfGrid.set(c.grid_id, list);
  }
  const meanHouseholds =
    t.compound.reduce((a, c) => a + c.household_count, 0) / Math.max(1, t.compound.length);
  const urbanEntities: Array<{ grid: GridRow; compound: CompoundRow | null }> = [];
  for (const g of urbanGrids) {
    const list = compoundsOfGrid.get(g.id);
    if (list) for (const c of list) urbanEntities.push({ grid: g, compound: c });
    else urbanEntities.push({ grid: g, compound: null });
  }
  const urbanShares = apportion(
    Math.round(plan.householdsPerUrbanGrid * urbanGrids.length),
    urbanEntities.map((e) => (e.compound ? e.compound.household_count : meanHouseholds * 0.45)),
    4,
  );
  const householdsOfGrid = new Map<string, HouseholdRow[]>();
  const householdsOfCompound = new Map<string, HouseholdRow[]>();
  const buildingOfHousehold = new Map<string, string>();
  const addHousehold = (h: HouseholdRow) => {
    t.household.push(h);
    const list = householdsOfGrid.get(h.grid_id) ?? [];
    list.push(h);
    householdsOfGrid.set(h.grid_id, list);
    if (h.compound_id) {
      const c = householdsOfCompound.get(h.compound_id) ?? [];
      c.push(h);
      householdsOfCompound.set(h.compound_id, c);
    }
  };
  for (const [i, e] of urbanEntities.entries()) {
    let n = urbanShares[i];
    if (e.compound) {
      const c = e.compound;
      if (keyCompounds.has(c)) n = Math.max(n, plan.minHouseholdsInKeyCompound);
      n = Math.min(n, Math.floor(c.household_count / 2));
      const buildings = buildingsOfCompound.get(c.id)!;
      const fpf = flatsPerFloor.get(c.id)!;
      const taken = new Set<string>();
      for (let k = 0; k < n; k++) {
        for (let attempt = 0; attempt < 50; attempt++) {
          const b = rng.pick(buildings);
          const u = rng.pick(unitsOfBuilding.get(b.id)!);
          const flat = `${rng.int(1, b.floors)}${pad2(rng.int(1, fpf))}`;
          const key = `${u.id}/${flat}`;
          if (taken.has(key)) continue;
          taken.add(key);
          const h: HouseholdRow = {
            id: newId(),
            grid_id: e.grid.id,
            compound_id: c.id,
            unit_id: u.id,
            villager_group: null,
            address: `${c.name}${b.number}号楼${u.number}单元${flat}`,
          };
          buildingOfHousehold.set(h.id, b.id);
          addHousehold(h);
          break;
        }
      }
    } else {
      // Houses along the streets of a grid without a compound (平房、沿街楼).
      const road = rng.pick(ROADS);
      const start = rng.int(1, 120);
      for (let k = 0; k < n; k++) {
        addHousehold({
          id: newId(),
          grid_id: e.grid.id,
          compound_id: null,
          unit_id: null,
          villager_group: null,
          address: `${district.name}${road}${start + k * rng.int(1, 3)}号`,
        });
      }
    }
  }
  // Rural: a village's grids share its villager groups (村民组), numbered through the village.
  const ruralShares = apportion(
    // Enough rural households for the toilet survey whatever the number of rural grids.
    Math.max(
      Math.round(plan.householdsPerRuralGrid * ruralGrids.length),
      Math.ceil(plan.toilets.records * 1.2),
    ),
    ruralGrids.map(() => 0.7 + 0.6 * rng.next()),
    6,
  );
  const groupsOfGrid = new Map<string, string[]>();
  const groupSeq = new Map<string, number>();
  for (const [i, g] of ruralGrids.entries()) {
    const village = communityById.get(g.community_id)!;
    const groups: string[] = [];
    const groupCount = rng.int(1, 3);
    for (let k = 0; k < groupCount; k++) {
      const n = (groupSeq.get(village.id) ?? 0) + 1;
      groupSeq.set(village.id, n);
      groups.push(`第${chineseNumber(n)}村民组`);
    }
    groupsOfGrid.set(g.id, groups);
    const houseNo = new Map<string, number>();
    for (let k = 0; k < ruralShares[i]; k++) {
      const group = groups[k % groups.length];
      const no = (houseNo.get(group) ?? 0) + rng.int(1, 3);
      houseNo.set(group, no);
      addHousehold({
        id: newId(),
        grid_id: g.id,
        compound_id: null,
        unit_id: null,
        villager_group: group,
        address: `${village.name}${group}${no}号`,
      });
    }
  }

  // --- Persons -----------------------------------------------------------------------------------
  const phones = new Set<string>();
  const idNumbers = new Set<string>();
  const phonePrefixes = words(`130 131 132 133 134 135 136 137 138 139 150 151 152 155 156 157 158
    159 180 181 182 183 185 186 187 188 189`);
  const phone = (): string => {
    for (;;) {
      const p = `${rng.pick(phonePrefixes)}${String(rng.int(0, 99999999)).padStart(8, "0")}`;
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };
  const idNumber = (birthYear: number, gender: "female" | "male"): string => {
    for (;;) {
      const month = rng.int(1, 12);
      const days = new Date(Date.UTC(birthYear, month, 0)).getUTCDate();
      // The sequence's last digit is odd for men, even for women.
      const seq = String(rng.int(0, 499) * 2 + (gender === "male" ? 1 : 0)).padStart(3, "0");
      const first17 = `${plan.regionCode}${birthYear}${pad2(month)}${pad2(rng.int(1, days))}${seq}`;
      const id = first17 + idNumberCheckChar(first17);
      if (!idNumbers.has(id)) {
        idNumbers.add(id);
        return id;
      }
    }
  };
  const given = (gender: "female" | "male", birth: number): string => {
    const era = birth < 1965 ? 0 : birth < 1990 ? 1 : 2;
    return rng.pick(GIVEN[gender][era]);
  };
  const surname = () => rng.weighted(SURNAMES);
  const otherSurname = (not: string) => {
    for (;;) {
      const s = surname();
      if (s !== not) return s;
    }
  };
  const family = (size: number): Family[] => {
    const headBirth =
      size === 1 && rng.chance(0.6)
        ? rng.int(1936, 1960)
        : 1938 + Math.floor(58 * ((rng.next() + rng.next()) / 2));
    const head: Family = {
      surname: surname(),
      gender: rng.chance(0.55) ? "male" : "female",
      birth: Math.min(headBirth, 1996),
    };
    const members: Family[] = [head];
    if (size >= 2) {
      const gap = rng.int(0, 5);
      members.push({
        surname: otherSurname(head.surname),
        gender: head.gender === "male" ? "female" : "male",
        birth: Math.min(head.gender === "male" ? head.birth + gap : head.birth - gap, 1998),
      });
    }
    const father = members.find((m) => m.gender === "male") ?? head;
    const mother = members.find((m) => m.gender === "female") ?? head;
    const children: Family[] = [];
    while (members.length < size) {
      const last = children[children.length - 1];
      const childBirth = last ? last.birth + rng.int(2, 6) : mother.birth + rng.int(23, 34);
      let next: Family;
      if (children.length < 2 && childBirth <= REFERENCE_YEAR - 1) {
        next = {
          surname: rng.chance(0.94) ? father.surname : mother.surname,
          gender: rng.chance(0.51) ? "male" : "female",
          birth: childBirth,
        };
        children.push(next);
      } else if (head.birth >= 1953 || !children.length) {
        // One of the head's parents lives with them.
        const gender = rng.chance(0.35) ? "male" : "female";
        next = {
          surname: gender === "male" ? head.surname : otherSurname(head.surname),
          gender,
          birth: Math.max(1925, head.birth - rng.int(22, 32)),
        };
      } else {
        // Three generations: a grandchild of an elderly head.
        next = {
          surname: children[0].surname,
          gender: rng.chance(0.51) ? "male" : "female",
          birth: Math.min(REFERENCE_YEAR - 1, children[0].birth + rng.int(24, 32)),
        };
      }
      members.push(next);
    }
    return members;
  };
  const personsOfHousehold = new Map<string, PersonRow[]>();
  for (const h of t.household) {
    const size = h.villager_group
      ? rng.weighted([
          [1, 10],
          [2, 30],
          [3, 30],
          [4, 18],
          [5, 12],
        ] as const)
      : rng.weighted([
          [1, 15],
          [2, 35],
          [3, 30],
          [4, 13],
          [5, 7],
        ] as const);
    const members = family(size).map((f): PersonRow => {
      const tags: string[] = [];
      if (f.birth <= ADULT_BORN_BY && rng.chance(0.075)) tags.push("party_member");
      if (f.birth <= REFERENCE_YEAR - 14 && rng.chance(0.055)) tags.push("volunteer");
      if (f.birth <= REFERENCE_YEAR - 30 && f.birth >= 1950) {
        const r = rng.next();
        if (r < 0.0012) tags.push("peoples_congress_deputy");
        else if (r < 0.0024) tags.push("cppcc_member");
      }
      return {
        id: newId(),
        grid_id: h.grid_id,
        household_id: h.id,
        name: f.surname + given(f.gender, f.birth),
        gender: f.gender,
        birth_year: f.birth,
        phone: phone(),
        id_number: idNumber(f.birth, f.gender),
        tags,
        subject: null,
      };
    });
    personsOfHousehold.set(h.id, members);
    t.person.push(...members);
  }
  for (const tag of ["peoples_congress_deputy", "cppcc_member"]) {
    if (!t.person.some((p) => p.tags.includes(tag))) {
      const p = rng.pick(t.person.filter((x) => x.birth_year <= 1992 && x.tags.length === 0));
      p.tags.push(tag);
    }
  }
  const addTag = (p: PersonRow, tag: string) => {
    if (!p.tags.includes(tag)) p.tags.push(tag);
    p.tags.sort((a, b) => TAG_ORDER.indexOf(a) - TAG_ORDER.indexOf(b));
  };
  const adultsOf = (households: readonly HouseholdRow[]) =>
    households.flatMap((h) => (personsOfHousehold.get(h.id) ?? []).filter(isAdult));

  // --- Organizations -----------------------------------------------------------------------------
  const firstGridOf = new Set<string>();
  for (const c of t.community) {
    const g = t.grid.find((x) => x.community_id === c.id);
    if (g) firstGridOf.add(g.id);
  }
  for (const g of t.grid) {
    const area = communityById.get(g.community_id)!;
    const stem = area.name.replace(/(社区|村)$/, "");
    const rural = g.kind === "rural";
    const road = rng.pick(ROADS);
    const addr = () =>
      rural
        ? `${area.name}${rng.pick(groupsOfGrid.get(g.id) ?? [""])}`
        : `${district.name}${road}${rng.int(1, 200)}号`;
    const orgs: Array<[string, string]> = [];
    if (firstGridOf.has(g.id)) {
      orgs.push(["government_agency", rural ? `${area.name}村民委员会` : `${area.name}居民委员会`]);
    }
    const count = rng.int(1, 3);
    for (let k = 0; k < count; k++) {
      const kind = rng.weighted(
        rural
          ? ([
              ["shop", 40],
              ["enterprise", 30],
              ["clinic", 12],
              ["social_organization", 10],
              ["school", 5],
              ["market", 3],
            ] as const)
          : ([
              ["shop", 40],
              ["enterprise", 15],
              ["social_organization", 10],
              ["clinic", 8],
              ["commercial_building", 7],
              ["school", 6],
              ["market", 5],
              ["government_agency", 2],
            ] as const),
      );
      orgs.push([kind, organizationName(rng, kind, stem, area.name, rural, district.name)]);
    }
    for (const [kind, name] of orgs) {
      t.organization.push({ id: newId(), grid_id: g.id, kind, name, address: addr() });
    }
  }

  // --- Staff assignments -------------------------------------------------------------------------
  const assign = (
    person: PersonRow,
    grid: GridRow,
    role: StaffRole,
    startsOn: string,
    extra: { building_id?: string; unit_id?: string; ends_on?: string } = {},
  ) => {
    t.staff_assignment.push({
      id: newId(),
      person_id: person.id,
      grid_id: grid.id,
      building_id: extra.building_id ?? null,
      unit_id: extra.unit_id ?? null,
      role,
      starts_on: startsOn,
      ends_on: extra.ends_on ?? null,
    });
  };
  /** A person from `pool` not in `used`, preferring those `prefer` accepts. */
  const choose = (
    pool: readonly PersonRow[],
    used: ReadonlySet<string>,
    prefer: (p: PersonRow) => boolean = () => true,
  ): PersonRow | undefined => {
    const free = pool.filter((p) => !used.has(p.id));
    const good = free.filter(prefer);
    if (good.length) return rng.pick(good);
    if (free.length) return rng.pick(free);
    return undefined;
  };
  const workingAge = (p: PersonRow) => p.birth_year >= 1958 && p.birth_year <= 1997;
  const chiefAge = (p: PersonRow) => p.birth_year >= 1962 && p.birth_year <= 1992;
  const chiefOf = new Map<string, PersonRow>();
  const workersOf = new Map<string, PersonRow[]>();
  for (const g of t.grid) {
    const adults = adultsOf(householdsOfGrid.get(g.id) ?? []);
    const used = new Set<string>();
    const chief = choose(adults, used, chiefAge);
    if (!chief) throw new Error(`grid ${g.code} has no adult resident`);
    used.add(chief.id);
    chiefOf.set(g.id, chief);
    if (g.kind === "rural" || rng.chance(0.6)) addTag(chief, "party_member");
    assign(chief, g, "grid_chief", dateIn(rng, "2021-01-04", "2022-06-30"));
    const workers: PersonRow[] = [];
    const workerCount = rng.chance(0.55) ? 2 : 1;
    for (let k = 0; k < workerCount; k++) {
      const w = choose(adults, used, workingAge);
      if (!w) break;
      used.add(w.id);
      workers.push(w);
      assign(w, g, "grid_worker", dateIn(rng, "2021-01-04", "2022-12-30"));
    }
    workersOf.set(g.id, workers);
    if (g.kind === "urban") {
      for (const c of compoundsOfGrid.get(g.id) ?? []) {
        const households = householdsOfCompound.get(c.id) ?? [];
        for (const b of buildingsOfCompound.get(c.id) ?? []) {
          const inBuilding = households.filter((h) => buildingOfHousehold.get(h.id) === b.id);
          if (!inBuilding.length) continue;
          if (rng.chance(plan.buildingHeadShare)) {
            const head = choose(adultsOf(inBuilding), new Set(), (p) => p.birth_year <= 1990);
            if (head)
              assign(head, g, "building_head", dateIn(rng, "2021-03-01", "2022-09-30"), {
                building_id: b.id,
              });
          }
          for (const u of unitsOfBuilding.get(b.id) ?? []) {
            const inUnit = inBuilding.filter((h) => h.unit_id === u.id);
            if (!inUnit.length || !rng.chance(plan.unitHeadShare)) continue;
            const head = choose(adultsOf(inUnit), new Set(), (p) => p.birth_year <= 1990);
            if (head)
              assign(head, g, "unit_head", dateIn(rng, "2021-03-01", "2022-09-30"), {
                unit_id: u.id,
              });
          }
        }
      }
    } else {
      const households = householdsOfGrid.get(g.id) ?? [];
      for (const group of groupsOfGrid.get(g.id) ?? []) {
        const inGroup = households.filter((h) => h.villager_group === group);
        const leader = choose(adultsOf(inGroup), used, workingAge);
        if (!leader) continue;
        used.add(leader.id);
        assign(leader, g, "villager_group_leader", dateIn(rng, "2021-01-04", "2021-12-30"));
      }
      const reps = rng.int(2, 3);
      for (let k = 0; k < reps; k++) {
        const rep = choose(adults, used, (p) => p.birth_year <= 1990);
        if (!rep) break;
        used.add(rep.id);
        addTag(rep, "villager_representative");
        assign(rep, g, "villager_representative", dateIn(rng, "2021-01-04", "2021-12-30"));
      }
    }
  }
  // A few posts that have ended: the grid's earlier workers.
  for (const g of rng.sample(t.grid, plan.historicalAssignments)) {
    const current = new Set([
      chiefOf.get(g.id)!.id,
      ...(workersOf.get(g.id) ?? []).map((p) => p.id),
    ]);
    const former = choose(adultsOf(householdsOfGrid.get(g.id) ?? []), current, workingAge);
    if (!former) continue;
    const startsOn = dateIn(rng, "2018-03-01", "2019-12-31");
    assign(former, g, "grid_worker", startsOn, {
      ends_on: dateIn(rng, "2020-06-30", "2020-12-31"),
    });
  }

  // --- Owner committees --------------------------------------------------------------------------
  const statuses: OwnerCommitteeRow["status"][] = [
    ...Array<"active">(plan.committees.active).fill("active"),
    ...Array<"preparing">(plan.committees.preparing).fill("preparing"),
    ...Array<"expired">(plan.committees.expired).fill("expired"),
  ];
  const shuffledStatuses = rng.shuffle(statuses);
  const committeeOrder = [...committeeCompounds].sort((a, b) => (a.code < b.code ? -1 : 1));
  const activeCompounds: CompoundRow[] = [];
  for (const [i, c] of committeeOrder.entries()) {
    const status = shuffledStatuses[i];
    let election: string | null = null;
    let termEnd: string | null = null;
    if (status === "active") {
      election = dateIn(rng, "2022-01-08", "2022-08-28");
      termEnd = dayBefore(addYears(election, 5));
      activeCompounds.push(c);
    } else if (status === "expired") {
      election = dateIn(rng, "2015-04-01", "2016-10-31");
      termEnd = dayBefore(addYears(election, 5));
    }
    const committee: OwnerCommitteeRow = {
      id: newId(),
      compound_id: c.id,
      name: `${c.name}业主委员会`,
      status,
      election_date: election,
      term_start: election,
      term_end: termEnd,
    };
    t.owner_committee.push(committee);
    // Members from different households where the sample allows.
    const households = rng.shuffle(householdsOfCompound.get(c.id) ?? []);
    const byHousehold = households
      .map((h) => rng.shuffle((personsOfHousehold.get(h.id) ?? []).filter(isAdult)))
      .filter((l) => l.length);
    const candidates: PersonRow[] = [];
    for (let round = 0; candidates.length < 12 && round < 4; round++) {
      for (const l of byHousehold) if (l[round]) candidates.push(l[round]);
    }
    const want = 1 + rng.int(1, 2) + rng.int(3, 5);
    const members = candidates.slice(0, want);
    if (members.length < 3)
      throw new Error(`compound ${c.code} has too few adults for a committee`);
    const chairIdx = members.reduce(
      (best, p, k) => (p.birth_year < members[best].birth_year && p.birth_year >= 1950 ? k : best),
      0,
    );
    const [chair] = members.splice(chairIdx, 1);
    const vices = rng.int(1, 2);
    t.committee_member.push({
      id: newId(),
      committee_id: committee.id,
      person_id: chair.id,
      role: "chair",
    });
    for (const [k, p] of members.entries()) {
      t.committee_member.push({
        id: newId(),
        committee_id: committee.id,
        person_id: p.id,
        role: k < vices ? "vice_chair" : "member",
      });
    }
  }
  for (const c of rng.sample(activeCompounds, plan.selfManaged)) c.self_managed = true;

  // --- Beautiful villages --------------------------------------------------------------------------
  const designated = new Set<string>();
  for (const dp of plan.designations) {
    const village =
      villages.find((v) => v.name === dp.village && !designated.has(v.id)) ??
      rng.pick(villages.filter((v) => !designated.has(v.id) && !named.has(v.name)));
    if (!village) continue;
    designated.add(village.id);
    const row: VillageDesignationRow = {
      id: newId(),
      community_id: village.id,
      kind: dp.kind,
      theme: dp.theme,
      featured_industry: dp.featuredIndustry,
      designated_year: dp.year,
    };
    t.village_designation.push(row);
    for (const p of dp.projects) t.village_project.push({ id: newId(), village_id: row.id, ...p });
  }

  // --- Rural toilet survey -------------------------------------------------------------------------
  const ruralHouseholds = t.household.filter((h) => h.villager_group !== null);
  const toilets = { ...plan.toilets };
  if (!plan.exact) {
    // Smaller districts survey most of their rural households; the plan gives the extra toilets.
    toilets.records = Math.round(ruralHouseholds.length * 0.85);
    toilets.toilets = toilets.records + plan.toilets.toilets;
  }
  if (ruralHouseholds.length < toilets.records) {
    throw new Error(
      `${district.code}: ${ruralHouseholds.length} rural households, fewer than the survey`,
    );
  }
  const surveyed = rng.sample(ruralHouseholds, toilets.records);
  const records: ToiletSurveyRow[] = surveyed.map((h) => ({
    id: newId(),
    household_id: h.id,
    surveyed_on: dateIn(rng, "2022-04-06", "2022-06-30"),
    toilets: 1,
    state: "usable",
    cause: null,
    remedy: null,
  }));
  for (let extra = toilets.toilets - toilets.records; extra > 0;) {
    const r = rng.pick(records);
    if (r.toilets >= 3) continue;
    r.toilets++;
    extra--;
  }
  // Brought back into use (恢复使用): toilets that stood unused; repaired: broken or awkward ones;
  // then some still waiting for a remedy.
  const bad = rng.shuffle(records);
  const unremedied = Math.round(records.length * 0.05);
  for (const [i, r] of bad.entries()) {
    if (i < toilets.restored) {
      r.state = "unusable";
      r.cause = rng.pick(UNUSABLE_CAUSES);
      r.remedy = "restored";
    } else if (i < toilets.restored + toilets.repaired + unremedied) {
      r.state = rng.chance(0.6) ? "hard_to_use" : "unusable";
      if (i < toilets.restored + toilets.repaired) {
        r.cause = rng.pick(r.state === "hard_to_use" ? HARD_TO_USE_CAUSES : BROKEN_CAUSES);
        r.remedy = "repaired";
      } else {
        r.cause = rng.pick(r.state === "hard_to_use" ? HARD_TO_USE_CAUSES : UNUSABLE_CAUSES);
      }
    }
  }
  t.toilet_survey.push(...records);

  // --- Renovation ------------------------------------------------------------------------------------
  const projects = plan.projects.map((pp): RenovationProjectRow => {
    const row: RenovationProjectRow = {
      id: newId(),
      code: pp.code,
      name: pp.name,
      kind: pp.kind,
      year: 2022,
      investment: pp.investment,
      progress_percent: pp.progress[pp.progress.length - 1][1],
      planned_completion: "2023-12-31",
      department_id: null,
    };
    t.renovation_project.push(row);
    for (const i of pp.compounds) {
      t.renovation_project_compound.push({
        id: newId(),
        project_id: row.id,
        compound_id: renovatedCompounds[i].id,
      });
    }
    for (const [day, percent, note] of pp.progress) {
      t.renovation_progress.push({
        id: newId(),
        project_id: row.id,
        percent,
        note,
        recorded_by: `${district.code}.district_admin`,
        recorded_at: `${day}T17:30:00+08:00`,
      });
    }
    return row;
  });
  const bidsPerProject = new Map<number, number>();
  for (const bp of plan.bids) {
    const n = (bidsPerProject.get(bp.project) ?? 0) + 1;
    bidsPerProject.set(bp.project, n);
    const project = projects[bp.project];
    t.bid_section.push({
      id: newId(),
      project_id: project.id,
      code: `${project.code}-${n}`,
      name: `${project.name}第${chineseNumber(n)}标段`,
      contractor: bp.contractor,
      winning_amount: bp.amount,
      awarded_on: bp.awardedOn,
    });
  }

  // --- Consultations ---------------------------------------------------------------------------------
  const demoGrid = t.grid[0];
  const demoChief = chiefOf.get(demoGrid.id)!;
  const demoWorker = (workersOf.get(demoGrid.id) ?? [])[0];
  const projectOf = (c: CompoundRow) =>
    projects.find((p) =>
      t.renovation_project_compound.some((l) => l.project_id === p.id && l.compound_id === c.id),
    ) ?? null;
  const openCompound = renovatedCompounds[0];
  const openHouseholds = householdsOfCompound.get(openCompound.id) ?? [];
  // The demo resident: an adult of working age if the sample has one, whose household does not vote.
  const residentCandidates = openHouseholds.flatMap((h) =>
    (personsOfHousehold.get(h.id) ?? []).filter(
      (p) => isAdult(p) && p !== demoChief && p !== demoWorker,
    ),
  );
  const resident =
    residentCandidates.find((p) => p.birth_year >= 1962 && p.birth_year <= 1995) ??
    residentCandidates[0];
  if (!resident) throw new Error(`${district.code}: no adult for the demo resident`);
  const residentHousehold = openHouseholds.find((h) => h.id === resident.household_id)!;
  const consult = (
    compound: CompoundRow,
    status: "open" | "closed",
    openedOn: string,
    closesAt: string,
    voteDays: [string, string],
    turnout: number,
    exclude: HouseholdRow | null,
  ) => {
    const row: ConsultationRow = {
      id: newId(),
      compound_id: compound.id,
      project_id: projectOf(compound)?.id ?? null,
      title: `${compound.name}老旧小区改造居民议事：改不改、改什么、怎么改`,
      status,
      opened_at: `${openedOn}T09:00:00+08:00`,
      closes_at: closesAt,
      opened_by: `${district.code}.street_officer`,
    };
    t.consultation.push(row);
    const proposals = PROPOSALS.map((p, position): ProposalRow => ({
      id: newId(),
      consultation_id: row.id,
      question: p.question,
      position,
      title: p.title.replace("{compound}", compound.name),
      description: p.description.replace("{compound}", compound.name),
    }));
    t.proposal.push(...proposals);
    const households = (householdsOfCompound.get(compound.id) ?? []).filter((h) => h !== exclude);
    for (const [i, p] of proposals.entries()) {
      for (const h of households) {
        const adults = (personsOfHousehold.get(h.id) ?? []).filter(isAdult);
        if (!adults.length || !rng.chance(turnout)) continue;
        t.vote.push({
          id: newId(),
          proposal_id: p.id,
          household_id: h.id,
          person_id: rng.pick(adults).id,
          choice: rng.weighted(VOTE_WEIGHTS[i]),
          cast_at: timeOn(rng, dateIn(rng, ...voteDays)),
        });
      }
    }
    const commenters = adultsOf(households);
    const comments = rng.sample(COMMENTS, status === "open" ? rng.int(3, 5) : 2);
    for (const c of comments) {
      const by = rng.pick(commenters);
      t.consultation_comment.push({
        id: newId(),
        consultation_id: row.id,
        proposal_id:
          c.question === null ? null : proposals[["whether", "what", "how"].indexOf(c.question)].id,
        person_id: by.id,
        body: c.body,
        created_at: timeOn(rng, dateIn(rng, ...voteDays)),
      });
    }
  };
  consult(
    openCompound,
    "open",
    "2022-08-01",
    "2027-12-31T23:59:59+08:00",
    ["2022-08-01", "2022-08-26"],
    0.6,
    residentHousehold,
  );
  if (renovatedCompounds[1]) {
    consult(
      renovatedCompounds[1],
      "closed",
      "2022-03-01",
      "2022-03-31T18:00:00+08:00",
      ["2022-03-01", "2022-03-30"],
      0.85,
      null,
    );
  }

  // --- Demo subjects: tokens `<district>.resident|grid_chief|grid_worker` map to these persons. ------
  resident.subject = `${district.code}.resident`;
  demoChief.subject = `${district.code}.grid_chief`;
  if (demoWorker) demoWorker.subject = `${district.code}.grid_worker`;

  if (plan.exact) checkFigures(t, plan);
  return t;
}

const TAG_ORDER = [
  "party_member",
  "volunteer",
  "peoples_congress_deputy",
  "cppcc_member",
  "villager_representative",
];

const UNUSABLE_CAUSES = [
  "冬季上下水管冻裂，无法冲水",
  "化粪池满溢，长期未清掏",
  "户内无人常住，长期闲置",
  "水泵损坏，无法供水冲厕",
  "改厕后未接通上水",
];
const BROKEN_CAUSES = ["便器破损", "化粪池渗漏", "排污管道堵塞", "冲水阀损坏漏水"];
const HARD_TO_USE_CAUSES = [
  "厕屋距离住房较远，冬季使用不便",
  "老人行动不便，如厕困难",
  "冲水水压不足",
  "厕屋门窗损坏，冬季寒冷",
  "冬季需人工补水冲厕",
];

const PROPOSALS: Array<{ question: ProposalRow["question"]; title: string; description: string }> =
  [
    {
      question: "whether",
      title: "是否同意{compound}实施老旧小区改造",
      description:
        "改不改：{compound}拟纳入2022年老旧小区改造计划，改造资金由中央和省市补助解决，居民不出资。请各户表决是否同意实施改造。",
    },
    {
      question: "what",
      title: "改造内容：外墙保温、屋面防水、楼道粉刷、单元门禁和雨污管网",
      description:
        "改什么：基础类改造包括外墙保温、屋面防水、楼道粉刷、更换单元门和加装门禁、雨污分流；完善类改造包括增设停车位、安装监控和充电设施。请表决是否同意以上改造内容。",
    },
    {
      question: "how",
      title: "施工安排：分楼栋施工，每日7:00至18:00作业",
      description:
        "怎么改：按楼栋分批施工，每日7:00至18:00作业，午休和夜间不进行噪声作业；施工期间临时停车由社区统一协调，业主委员会和居民代表参与质量监督。",
    },
  ];
const VOTE_WEIGHTS: Array<Array<readonly [VoteRow["choice"], number]>> = [
  [
    ["for", 84],
    ["against", 8],
    ["abstain", 8],
  ],
  [
    ["for", 72],
    ["against", 14],
    ["abstain", 14],
  ],
  [
    ["for", 66],
    ["against", 18],
    ["abstain", 16],
  ],
];
const COMMENTS: Array<{ question: ProposalRow["question"] | null; body: string }> = [
  { question: "whether", body: "同意改造，小区三十多年了，早就该修了，希望尽快开工。" },
  { question: "what", body: "外墙保温很有必要，冬天屋里太冷，暖气费也白交。" },
  { question: "what", body: "顶楼漏水好几年了，屋面防水一定要做好。" },
  { question: "what", body: "建议增加电动车充电桩，楼道里充电太危险。" },
  { question: "how", body: "施工时间能不能避开中午，家里有老人午休。" },
  { question: "how", body: "希望施工期间楼道每天清扫，不要堆放材料堵住通道。" },
  { question: null, body: "停车位太少，改造时请统一规划停车位。" },
  { question: null, body: "楼道灯坏了很久，希望这次一起换掉。" },
  { question: null, body: "燃气管道老化严重，改造很必要，请注意入户施工时间提前通知。" },
];

function organizationName(
  rng: Rng,
  kind: string,
  stem: string,
  area: string,
  rural: boolean,
  districtName: string,
): string {
  const surname = rng.weighted(SURNAMES);
  switch (kind) {
    case "shop":
      return rng.chance(0.5)
        ? `${rng.pick(["老", "小", ""])}${surname}${rng.pick(["记包子铺", "家小吃部", "记面馆", "家水果店", "记修车铺"])}`
        : `${stem}${rng.pick(["便民超市", "水果店", "理发店", "五金店", "烟酒商店", "日杂店", "蔬菜店", "大药房", "干洗店", "彩票站"])}`;
    case "enterprise":
      return rural
        ? `${area}${rng.pick(["榛子", "山野菜", "养殖", "食用菌", "中草药", "林蛙"])}专业合作社`
        : `本溪${stem}${rng.pick(["商贸", "物业管理", "建材", "家政服务", "餐饮管理", "汽车维修", "装饰工程"])}有限公司`;
    case "social_organization":
      return `${area}${rng.pick(["志愿者服务队", "老年协会", "秧歌队", "红白理事会", "调解委员会", "关心下一代工作委员会"])}`;
    case "clinic":
      return rural
        ? `${area}卫生室`
        : rng.chance(0.5)
          ? `${area}卫生服务站`
          : `${surname}氏${rng.pick(["中医诊所", "口腔诊所", "诊所"])}`;
    case "school":
      return rural
        ? `${stem}小学`
        : rng.chance(0.6)
          ? `${stem}${rng.pick(["幼儿园", "阳光幼儿园", "实验幼儿园"])}`
          : `${districtName}${rng.pick(["第一", "第二", "第三", "第五", "实验"])}${rng.pick(["小学", "中学"])}`;
    case "market":
      return `${stem}${rng.pick(["农贸市场", "早市", "便民市场"])}`;
    case "commercial_building":
      return `${stem}${rng.pick(["商厦", "大厦", "商务楼", "购物广场"])}`;
    default:
      return `${area}${rng.pick(["警务室", "党群服务中心", "退役军人服务站", "新时代文明实践站"])}`;
  }
}

function jitter(rng: Rng, [lat, lng]: [number, number], spread: number): [number, number] {
  return [lat + (rng.next() * 2 - 1) * spread, lng + (rng.next() * 2 - 1) * spread * 1.3];
}

function polygonAround(rng: Rng, lat: number, lng: number): GeoJsonPolygon {
  const d = 0.0012 + rng.next() * 0.0015;
  const corners: Array<[number, number]> = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ];
  const ring = corners.map(([x, y]) => [
    round6(lng + x * d * 1.3 * (0.8 + 0.4 * rng.next())),
    round6(lat + y * d * (0.8 + 0.4 * rng.next())),
  ]);
  ring.push([...ring[0]]);
  return { type: "Polygon", coordinates: [ring] };
}

/** The report's figures, checked on the generated rows (a wrong plan fails here, not in a demo). */
function checkFigures(t: GridTree, plan: Plan): void {
  const problems: string[] = [];
  const want = (what: string, actual: number, wanted: number) => {
    if (actual !== wanted) problems.push(`${what}: ${actual}, wanted ${wanted}`);
  };
  const count = <T>(rows: T[], p: (r: T) => boolean) => rows.filter(p).length;
  want("street offices", t.street_office.length, plan.streets.length);
  want(
    "communities",
    count(t.community, (c) => c.kind === "community"),
    sum(plan.streets.map((s) => s.communities)),
  );
  want(
    "villages",
    count(t.community, (c) => c.kind === "village"),
    sum(plan.streets.map((s) => s.villages)),
  );
  want("grids", t.grid.length, plan.grids);
  want(
    "old compounds",
    count(t.compound, (c) => c.is_old),
    plan.oldCompounds,
  );
  want("owner committees", t.owner_committee.length, sum(Object.values(plan.committees)));
  want(
    "self-managed",
    count(t.compound, (c) => c.self_managed),
    plan.selfManaged,
  );
  want("toilet records", t.toilet_survey.length, plan.toilets.records);
  want("toilets", sum(t.toilet_survey.map((r) => r.toilets)), plan.toilets.toilets);
  want(
    "repaired",
    count(t.toilet_survey, (r) => r.remedy === "repaired"),
    plan.toilets.repaired,
  );
  want(
    "restored",
    count(t.toilet_survey, (r) => r.remedy === "restored"),
    plan.toilets.restored,
  );
  const linked = new Set(t.renovation_project_compound.map((l) => l.compound_id));
  const renovated = t.compound.filter((c) => linked.has(c.id));
  want("renovated compounds", renovated.length, plan.renovated.length);
  want(
    "renovated buildings",
    sum(renovated.map((c) => c.building_count)),
    sum(plan.renovated.map((r) => r.buildings)),
  );
  want(
    "renovated households",
    sum(renovated.map((c) => c.household_count)),
    sum(plan.renovated.map((r) => r.households)),
  );
  want("village designations", t.village_designation.length, plan.designations.length);
  const households = new Map(t.household.map((h) => [h.id, h]));
  const grids = new Map(t.grid.map((g) => [g.id, g]));
  const surveyedStreets = new Set(
    t.toilet_survey.map(
      (r) => grids.get(households.get(r.household_id)!.grid_id)!.street_office_id,
    ),
  );
  want(
    "surveyed street offices",
    surveyedStreets.size,
    plan.streets.filter((s) => s.villages > 0).length,
  );
  if (problems.length)
    throw new Error(`demo grid tree does not match the report: ${problems.join("; ")}`);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
