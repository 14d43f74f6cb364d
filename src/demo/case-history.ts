import { type ClientBase } from "pg";
import { uuidv7 } from "../common/ids";
import {
  CalendarYearMissing,
  localDay,
  OFFICIAL_CALENDAR,
  type WorkCalendar,
} from "../modules/cases/calendar.rules";
import { insertCaseDefaults, resolutionDue } from "../modules/cases/settings.service";
import { type ActorRole, CaseAction, CaseStatus, decide } from "../modules/cases/case.workflow";
import { type DistrictInfo, Rng, seedOf } from "./grid-data";

/**
 * A month of 12345 case history for a demo district: calls, patrol reports, community and
 * resident reports of the last 30 days, each handled through the five-handling workflow exactly as
 * the live services would have done it, with the deadline watcher's warnings and breaches where
 * the times say so. Cases received in the last days are still open, in every status, and the
 * live server carries on with them (same assignments, requests, versions and log).
 *
 * Every case is played on an in-memory mirror of the live services: each step is checked with the
 * workflow's `decide`, changes the case as `act()` would (version + 1 per action, the action's
 * event plus any system event of the same transaction), and before each step the sweeper's marks
 * that would have come first are applied (version + 1 per mark). The district's events are then
 * numbered in time order, so the log is gapless and the case numbers carry their create event's
 * position. Deterministic: a PRNG seeded with the district code, times relative to `now`.
 */

// ---------------------------------------------------------------------------------------------
// Reference data: when cases come in, what they are about, who handles them, what is written.

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * HOUR_MS; // Asia/Shanghai

/** Calls per local hour (0–23): few at night, peaks 9–11 and 14–17. */
export const HOTLINE_HOURS = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 1.0, 2.2, 3.2, 3.4, 2.9, 1.7, 2.0, 3.0, 3.2, 3.0, 2.4,
  1.6, 1.4, 1.2, 0.9, 0.6, 0.4,
];
/** Grid patrols and community reports: working hours. */
const PATROL_HOURS = [
  0, 0, 0, 0, 0, 0, 0, 0.3, 2.0, 3.2, 3.0, 2.2, 0.6, 1.2, 2.8, 3.0, 2.4, 1.0, 0.2, 0, 0, 0, 0, 0,
];
/** Residents' app reports: spread over the day and the evening. */
const RESIDENT_HOURS = [
  0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 2.0, 2.2, 2.0, 1.8, 1.8, 2.0, 2.0, 2.0, 1.9, 1.8,
  2.0, 2.2, 2.0, 1.4, 0.8,
];

/** How busy the hotline is at an instant, relative to the day's average (1). */
export function hotlineFactor(at: Date): number {
  const mean = HOTLINE_HOURS.reduce((a, b) => a + b, 0) / 24;
  return HOTLINE_HOURS[new Date(at.getTime() + OFFSET_MS).getUTCHours()] / mean;
}

export type Channel = "hotline" | "grid_patrol" | "community_report" | "resident";
const CHANNEL_SHARE: Array<readonly [Channel, number]> = [
  ["hotline", 60],
  ["grid_patrol", 20],
  ["community_report", 12],
  ["resident", 8],
];

type Weights = Record<string, number>;
const CALL_URBAN: Weights = {
  property_management: 22,
  heating: 18,
  water_gas: 9,
  parking: 8,
  sanitation: 7,
  noise: 8,
  roads: 6,
  illegal_structures: 4,
  neighbour_disputes: 6,
  fire_hazards: 2,
  market_order: 4,
  education: 2,
  epidemic: 0.3,
  other: 5,
};
const CALL_RURAL: Weights = {
  property_management: 2,
  heating: 6,
  water_gas: 8,
  roads: 14,
  sanitation: 12,
  rural_toilets: 14,
  neighbour_disputes: 12,
  illegal_structures: 6,
  noise: 3,
  parking: 1,
  fire_hazards: 4,
  market_order: 2,
  education: 3,
  other: 6,
};
const PATROL_URBAN: Weights = {
  sanitation: 26,
  parking: 16,
  roads: 14,
  illegal_structures: 12,
  fire_hazards: 12,
  market_order: 10,
  property_management: 8,
  noise: 2,
};
const PATROL_RURAL: Weights = {
  sanitation: 25,
  roads: 20,
  rural_toilets: 15,
  illegal_structures: 12,
  fire_hazards: 10,
  neighbour_disputes: 6,
};

/** The department that usually leads a category's cases (by code), and who co-handles. */
export const LEAD_DEPARTMENT: Record<string, string> = {
  property_management: "housing",
  heating: "housing",
  water_gas: "water",
  parking: "urban_management",
  roads: "urban_management",
  sanitation: "urban_management",
  rural_toilets: "agriculture",
  noise: "public_security",
  illegal_structures: "urban_management",
  neighbour_disputes: "civil_affairs",
  fire_hazards: "public_security",
  market_order: "market_supervision",
  education: "education",
  epidemic: "civil_affairs",
  other: "civil_affairs",
};
const CO_DEPARTMENTS: Record<string, string[]> = {
  property_management: ["urban_management", "civil_affairs", "public_security"],
  heating: ["civil_affairs", "water"],
  water_gas: ["housing", "urban_management"],
  parking: ["public_security", "housing"],
  roads: ["water", "housing"],
  sanitation: ["housing", "agriculture"],
  rural_toilets: ["water", "civil_affairs"],
  noise: ["urban_management", "housing"],
  illegal_structures: ["housing", "public_security"],
  neighbour_disputes: ["public_security", "housing"],
  fire_hazards: ["housing", "urban_management"],
  market_order: ["urban_management", "public_security"],
  education: ["public_security", "civil_affairs"],
  epidemic: ["civil_affairs"],
  other: ["housing", "urban_management"],
};

/** What people call about ({p}: the place). */
const COMPLAINTS: Record<string, string[]> = {
  property_management: [
    "{p}楼道灯坏了一个月没人修",
    "{p}物业长期不清理楼道垃圾",
    "{p}电梯经常故障，物业不维修",
    "{p}单元门门禁损坏，外人随意进出",
    "{p}物业费收支不公开，要求公示",
    "{p}楼顶漏雨，物业互相推诿",
  ],
  heating: [
    "{p}暖气不热，室温只有十四度",
    "{p}开栓后暖气片一直不热，多次反映无果",
    "{p}暖气管道漏水，泡了楼下",
    "{p}供热不达标，家中老人受冻",
    "{p}整个单元暖气上不来",
  ],
  water_gas: [
    "{p}停水两天未恢复",
    "{p}自来水发黄有异味",
    "{p}燃气管道有异味，怀疑泄漏",
    "{p}水压太低，高层用不上水",
    "{p}室外供水管道冒水结冰",
  ],
  parking: [
    "{p}门口占道停车严重，影响通行",
    "{p}消防通道被私家车堵塞",
    "{p}有僵尸车长期占用车位",
    "{p}路边违规设置地锁",
  ],
  sanitation: [
    "{p}垃圾桶满溢无人清运",
    "{p}附近垃圾堆积散发异味",
    "{p}化粪池外溢污水横流",
    "{p}路边积雪无人清理",
  ],
  noise: [
    "{p}附近夜间施工噪音扰民",
    "{p}楼下商铺音响声音过大",
    "{p}广场舞音响噪音扰民",
    "{p}楼上住户装修不按时间施工",
  ],
  roads: [
    "{p}门前路面塌陷",
    "{p}路灯不亮，夜间出行不便",
    "{p}井盖缺失存在安全隐患",
    "{p}人行道砖破损积水",
  ],
  illegal_structures: ["{p}有住户私搭乱建", "{p}一楼住户违规扩建院落", "{p}楼顶违规搭建彩钢房"],
  neighbour_disputes: [
    "{p}楼上住户漏水，协商未果",
    "{p}邻居在楼道堆放杂物引发纠纷",
    "{p}邻居饲养犬只扰民",
    "{p}邻里因宅基地边界发生纠纷",
  ],
  rural_toilets: ["{p}改造后的户厕无法使用", "{p}改厕后冬季管道冻裂", "{p}户厕粪污长期无人清掏"],
  fire_hazards: ["{p}楼道堆放杂物堵塞消防通道", "{p}有人在楼道内给电动车充电", "{p}消火栓无水"],
  market_order: ["{p}附近流动摊贩占道经营", "{p}超市销售过期食品", "{p}小饭店油烟扰民"],
  education: ["咨询{p}附近小学入学划片", "{p}附近学校门口上下学时段拥堵"],
  epidemic: ["咨询{p}附近流感疫苗接种点", "{p}附近有人饲养家禽，担心卫生"],
  other: ["咨询{p}老旧小区改造进度", "反映{p}附近公交站点设置不合理", "咨询{p}低保申请手续"],
};
/** What grid staff find on patrol. */
const FINDINGS: Record<string, string[]> = {
  sanitation: ["巡查发现{p}垃圾桶满溢", "巡查发现{p}有建筑垃圾乱堆", "巡查发现{p}积雪未清"],
  parking: ["巡查发现{p}车辆占用消防通道", "巡查发现{p}僵尸车一辆"],
  roads: ["巡查发现{p}路面坑洼", "巡查发现{p}井盖破损", "巡查发现{p}路灯损坏"],
  illegal_structures: ["巡查发现{p}有新建违章建筑", "巡查发现{p}私自圈占公共绿地"],
  fire_hazards: ["巡查发现{p}楼道堆放杂物", "巡查发现{p}电动车飞线充电"],
  market_order: ["巡查发现{p}占道经营", "巡查发现{p}流动商贩聚集"],
  property_management: ["巡查发现{p}单元门损坏", "巡查发现{p}楼道灯不亮"],
  noise: ["巡查发现{p}施工单位夜间作业"],
  rural_toilets: ["走访发现{p}户厕损坏", "走访发现{p}厕具冻裂"],
  neighbour_disputes: ["走访发现{p}两户因排水发生争执"],
};
const RESOLUTIONS: Record<string, string[]> = {
  property_management: ["已督促物业更换楼道灯", "已协调物业清理楼道杂物", "已维修单元门禁"],
  heating: [
    "已排查供热管线，放风后室温达标",
    "已更换阀门，暖气恢复正常",
    "已协调供热公司调高供水温度",
  ],
  water_gas: ["已维修漏水管道，恢复供水", "已更换燃气表并检测无泄漏", "已冲洗管网，水质恢复正常"],
  parking: ["已劝离占道车辆并设置提示牌", "已拖移僵尸车", "已拆除私设地锁"],
  sanitation: ["已清运垃圾，恢复环境卫生", "已清掏化粪池", "已组织人员清雪"],
  noise: ["已责令施工单位停止夜间施工", "已约谈商户，降低音量", "已协调调整活动时间和音量"],
  roads: ["已修补路面坑洼", "已更换井盖", "已维修路灯"],
  illegal_structures: ["已下达限期拆除通知书，违建已拆除", "已恢复公共绿地"],
  neighbour_disputes: ["已组织双方调解，达成一致", "已上门协调，双方和解"],
  rural_toilets: ["已维修户厕，恢复使用", "已更换厕具并做保温", "已安排吸污车清掏"],
  fire_hazards: ["已清理楼道杂物，消除隐患", "已劝导住户规范充电", "已维修消火栓"],
  market_order: ["已依法劝离流动摊贩", "已立案查处", "已责令安装油烟净化设备"],
  education: ["已协调学校答复诉求人", "已增派人员疏导交通"],
  epidemic: ["已告知接种点及时间", "已入户宣传并督促整改"],
  other: ["已向诉求人解释相关政策", "已转交相关单位并答复诉求人"],
};

const NOTES = {
  reply: [
    "已受理，正在协调处理",
    "已联系诉求人，将尽快处理",
    "已记录诉求，安排人员核实",
    "已告知办理时限，请耐心等待",
  ],
  replyOnSite: ["网格员已到现场核实", "已到现场，正在处理", "已联系相关人员，马上处理"],
  takeLead: ["本网格领办", "网格员领办，马上到现场", "网格领办，当天处置"],
  gridToStreet: ["需要街道协调物业", "超出网格处置能力，提请街道协调", "涉及多个小区，需街道统筹"],
  toStreet: ["属地街道办理", "请街道核实处理", "转属地街道首办"],
  toCommandCenter: ["涉及多个部门，提请指挥中心派单", "需职能部门执法", "街道无执法权限，请派单"],
  progress: ["已现场勘查，正在制定方案", "已联系施工单位，近期施工", "已约谈责任单位"],
  coReport: ["已完成协办事项", "已现场配合处置", "协办部分已办结"],
  requestReturn: ["不属于本部门职责", "该事项属于属地管理范围", "诉求涉及产权单位，非本部门职能"],
  returnGranted: ["同意退回，重新派单", "同意退单"],
  returnRefused: ["属于你单位职责，请继续办理", "不同意退单，请按时办结"],
  requestExtension: [
    "需要采购材料，申请延期",
    "施工周期较长，申请延期",
    "需待停热后维修，申请延期",
  ],
  extensionGranted: ["同意延期", "同意，请在新时限内办结"],
  extensionRefused: ["不予延期，请按时办结"],
  escalate: ["需市级部门协调", "涉及市直单位职责"],
  cityAnswered: ["市住建局已答复", "市城管局已答复", "市水务集团已答复", "市供热公司已答复"],
  callback: {
    satisfied: ["诉求人表示满意", "回访满意"],
    basically_satisfied: ["诉求人基本满意", "问题基本解决"],
    unsatisfied: ["诉求人表示问题未解决", "诉求人对处理结果不满意"],
    unreached: ["多次回访未接通", "电话无人接听"],
  },
  inspect: ["群众多次反映，纪检督办", "办理进度滞后，督办", "涉嫌推诿扯皮，督办"],
  conclude: ["已约谈承办单位负责人", "督办事项已整改到位", "已责令承办单位说明情况"],
} as const;

const SURNAMES = "王李张刘陈杨赵孙黄周吴徐胡朱高于林郭何马韩罗梁宋郑姜谢唐董曹冯许袁邓".split("");
const GIVEN_NAMES =
  `秀英 桂英 玉兰 淑珍 凤兰 国庆 建国 建华 志刚 德明 伟 强 磊 军 勇 杰 涛 芳 娜 敏 静 丽
  艳 娟 海燕 春梅 晓东 志强 海涛 宏伟 丽娜 晓燕 雪梅 浩然 欣怡 子涵`
    .trim()
    .split(/\s+/);
const PHONE_PREFIXES =
  "130 131 132 133 135 136 137 138 139 150 151 152 155 156 158 159 186 187 188 189".split(" ");

function place(text: string, p: string): string {
  return text.replace("{p}", p);
}

/** A complaint about a category at a place, as a caller would put it (for the simulator too). */
export function complaintText(rng: Rng, category: string, p: string): string {
  return place(rng.pick(COMPLAINTS[category] ?? COMPLAINTS.other), p);
}
/** What grid staff write when they report a finding of their patrol. */
export function findingText(rng: Rng, category: string, p: string): string {
  const list = FINDINGS[category];
  return list ? place(rng.pick(list), p) : `巡查发现：${complaintText(rng, category, p)}`;
}
export function resolutionText(rng: Rng, category: string): string {
  return rng.pick(RESOLUTIONS[category] ?? RESOLUTIONS.other);
}
export function noteText(rng: Rng, kind: Exclude<keyof typeof NOTES, "callback">): string {
  return rng.pick(NOTES[kind]);
}
export function callbackText(rng: Rng, outcome: keyof (typeof NOTES)["callback"]): string {
  return rng.pick(NOTES.callback[outcome]);
}
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}
export function phoneNumber(rng: Rng): string {
  return `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// The district as the database knows it.

interface GridInfo {
  id: string;
  code: string;
  kind: "urban" | "rural";
  streetOfficeId: string;
  streetName: string;
  communityName: string;
  latitude: number;
  longitude: number;
  compounds: Array<{ id: string; name: string; address: string | null; buildings: string[][] }>;
  people: Array<{ name: string; phone: string; subject: string | null }>;
}
interface CategoryInfo {
  id: string;
  code: string;
  lineOfWork: string | null;
  resolutionDays: number | null;
  departmentId: string | null;
}
interface Settings {
  replyHours: number;
  resolutionDays: number;
  maxReturns: number;
  warningMinutes: number;
}

// ---------------------------------------------------------------------------------------------
// The mirror of the live services for one case.

interface Actor {
  subject: string;
  role: ActorRole;
  /** The department's id (department role). */
  department?: string;
}
interface SimEvent {
  seq: number;
  at: number;
  action: CaseAction;
  actor: string;
  actorRole: string;
  from: CaseStatus | null;
  to: CaseStatus;
  note: string | null;
  data: Record<string, unknown>;
}
interface SimAssignment {
  id: string;
  departmentId: string;
  role: "lead" | "co";
  status: "assigned" | "reported" | "returned" | "withdrawn";
  dueAt: number;
  report: string | null;
  reportedAt: number | null;
  assignedAt: number;
}
interface SimRequest {
  id: string;
  assignmentId: string | null;
  kind: "return" | "extension";
  reason: string;
  requestedDueAt: number | null;
  status: "pending" | "granted" | "refused";
  requestedBy: string;
  requestedAt: number;
  ruledBy: string | null;
  ruledAt: number | null;
  rulingNote: string | null;
}
interface SimSupervision {
  id: string;
  trigger: "inspector" | "breach" | "returns";
  reason: string;
  status: "open" | "concluded";
  findings: string | null;
  openedBy: string;
  openedAt: number;
  concludedBy: string | null;
  concludedAt: number | null;
}

const SWEEP_MS = 30_000;
/** The sweeper's next pass strictly after an instant (it runs every 30 s). */
function tick(at: number): number {
  return (Math.floor(at / SWEEP_MS) + 1) * SWEEP_MS + 350;
}
const iso = (ms: number) => new Date(ms).toISOString();
const HANDLING = new Set([
  CaseStatus.grid_handling,
  CaseStatus.street_handling,
  CaseStatus.dispatched,
  CaseStatus.escalated,
]);

class CaseSim {
  status: CaseStatus;
  stage: CaseStatus;
  version = 1;
  repliedAt: number | null = null;
  resolutionDueAt: number;
  resolvedAt: number | null = null;
  closedAt: number | null = null;
  warnedAt: number | null = null;
  breachedAt: number | null = null;
  replyBreachedAt: number | null = null;
  returnCount = 0;
  redoCount = 0;
  supervised = false;
  escalated = false;
  callbackReached: boolean | null = null;
  satisfaction: string | null = null;
  resolution: string | null = null;
  updatedAt: number;
  /** Time of the last event: every later one comes after it. */
  last: number;
  /** The script reached `now`: what comes later has not happened yet. */
  stopped = false;
  readonly events: SimEvent[] = [];
  readonly assignments: SimAssignment[] = [];
  readonly requests: SimRequest[] = [];
  readonly supervisions: SimSupervision[] = [];
  private readonly asides: Array<{ at: number; run: () => void }> = [];
  /** Inside an aside: reaching now ends the aside, not the case's script. */
  private depth = 0;

  constructor(
    readonly receivedAt: number,
    readonly replyDueAt: number,
    due: number,
    status: CaseStatus,
    creator: Actor,
    createData: Record<string, unknown>,
    private readonly env: { now: number; warningMs: number; maxReturns: number },
  ) {
    this.status = status;
    this.stage = status;
    this.resolutionDueAt = due;
    this.updatedAt = receivedAt;
    this.last = receivedAt;
    this.push(receivedAt, CaseAction.create, creator, null, status, null, createData);
  }

  private push(
    at: number,
    action: CaseAction,
    who: { subject: string; role: string },
    from: CaseStatus | null,
    to: CaseStatus,
    note: string | null,
    data: Record<string, unknown>,
  ) {
    this.events.push({
      seq: this.events.length,
      at,
      action,
      actor: who.subject,
      actorRole: who.role,
      from,
      to,
      note,
      data,
    });
  }

  /** Something that happens beside the main path at its time (an inspector's supervision). */
  aside(at: number, run: () => void) {
    this.asides.push({ at, run });
    this.asides.sort((a, b) => a.at - b.at);
  }

  /** The sweeper's next mark on this case, as sweepOnce would make it. */
  private nextMark(): { at: number; kind: "breach" | "reply_breach" | "warning" } | null {
    if (this.status === CaseStatus.closed) return null;
    const marks: Array<{ at: number; kind: "breach" | "reply_breach" | "warning" }> = [];
    if (this.breachedAt === null)
      marks.push({ at: tick(Math.max(this.resolutionDueAt, this.last)), kind: "breach" });
    if (this.repliedAt === null && this.replyBreachedAt === null)
      marks.push({ at: tick(Math.max(this.replyDueAt, this.last)), kind: "reply_breach" });
    if (this.warnedAt === null && this.breachedAt === null) {
      const at = tick(Math.max(this.resolutionDueAt - this.env.warningMs, this.last));
      if (at < this.resolutionDueAt) marks.push({ at, kind: "warning" });
    }
    // One pass takes breaches, then reply breaches, then warnings.
    marks.sort((a, b) => a.at - b.at);
    return marks[0] ?? null;
  }

  private mark(at: number, kind: "breach" | "reply_breach" | "warning") {
    const system = { subject: "system", role: "system" };
    const s = this.status;
    if (kind === "warning") {
      this.warnedAt = at;
      this.push(at, CaseAction.warn, system, s, s, null, {
        limit: "resolution",
        dueAt: iso(this.resolutionDueAt),
      });
    } else if (kind === "reply_breach") {
      this.replyBreachedAt = at;
      this.push(at, CaseAction.breach, system, s, s, null, {
        limit: "reply",
        dueAt: iso(this.replyDueAt),
      });
    } else {
      this.breachedAt = at;
      this.push(at, CaseAction.breach, system, s, s, null, {
        limit: "resolution",
        dueAt: iso(this.resolutionDueAt),
      });
      if (!this.supervised) {
        const reason = `the resolution limit passed at ${iso(this.resolutionDueAt)}`;
        this.openSupervision("breach", reason, "system", at);
        this.push(at, CaseAction.supervise, system, s, s, reason, { trigger: "breach" });
      }
    }
    this.version += 1;
    this.updatedAt = at;
    this.last = at;
  }

  /** Applies the sweeper's marks and the asides due up to `until`, in time order. */
  private advance(until: number) {
    for (;;) {
      const mark = this.nextMark();
      const aside = this.asides[0];
      const markAt = mark && mark.at <= until ? mark.at : Infinity;
      const asideAt = aside && aside.at <= until ? aside.at : Infinity;
      if (markAt === Infinity && asideAt === Infinity) return;
      if (markAt <= asideAt) this.mark(markAt, mark!.kind);
      else {
        this.asides.shift();
        this.depth += 1;
        try {
          aside.run();
        } finally {
          this.depth -= 1;
        }
      }
    }
  }

  /** Plays the remaining asides and marks up to now. */
  finish() {
    this.advance(this.env.now);
  }

  private openSupervision(
    trigger: SimSupervision["trigger"],
    reason: string,
    by: string,
    at: number,
  ) {
    this.supervisions.push({
      id: uuidv7(at),
      trigger,
      reason,
      status: "open",
      findings: null,
      openedBy: by,
      openedAt: at,
      concludedBy: null,
      concludedAt: null,
    });
    this.supervised = true;
  }

  private active(department: string | undefined) {
    return this.assignments.filter((a) => a.departmentId === department && a.status === "assigned");
  }

  /**
   * One workflow action at `at` (moved after the last event if need be), as act() applies it.
   * Returns the time it happened, or null once the script has reached now.
   */
  private act(
    at: number,
    action: CaseAction,
    who: Actor,
    note: string | null,
    params: { granted?: boolean; redo?: boolean },
    data: Record<string, unknown>,
    effect?: (at: number, extra: Array<Omit<SimEvent, "seq" | "at">>) => void,
  ): number | null {
    if (this.stopped) return null;
    at = Math.round(at);
    this.advance(Math.min(at, this.env.now));
    at = Math.max(at, this.last + 1000);
    if (at > this.env.now) {
      if (this.depth === 0) this.stopped = true;
      return null;
    }
    const mine = this.active(who.department);
    const decision = decide(
      {
        status: this.status,
        stage: this.stage,
        supervised: this.supervised,
        pendingReturn: this.requests.some((r) => r.kind === "return" && r.status === "pending"),
        pendingExtension: this.requests.some(
          (r) => r.kind === "extension" && r.status === "pending",
        ),
        replied: this.repliedAt !== null,
      },
      action,
      who.role,
      {
        grid: who.role === "grid_worker" || who.role === "grid_chief",
        street: who.role === "street_officer",
        assigned: mine.length > 0,
        lead: mine.some((a) => a.role === "lead"),
      },
      params,
    );
    if (!decision.ok)
      throw new Error(
        `case history: ${action} by ${who.role} (${this.status}): ${decision.message}`,
      );
    const from = this.status;
    this.status = decision.to;
    if (HANDLING.has(decision.to)) this.stage = decision.to;
    const extra: Array<Omit<SimEvent, "seq" | "at">> = [];
    effect?.(at, extra);
    this.version += 1;
    this.updatedAt = at;
    this.last = at;
    this.push(at, action, who, from, this.status, note, data);
    for (const e of extra)
      this.push(
        at,
        e.action,
        { subject: e.actor, role: e.actorRole },
        e.from,
        e.to,
        e.note,
        e.data,
      );
    return at;
  }

  reply(at: number, who: Actor, note: string) {
    return this.act(at, CaseAction.reply, who, note, {}, {}, (t) => {
      this.repliedAt = t;
    });
  }
  takeLead(at: number, who: Actor, note: string | null) {
    return this.act(at, CaseAction.take_lead, who, note, {}, {});
  }
  referToStreet(at: number, who: Actor, note: string) {
    return this.act(at, CaseAction.refer_to_street, who, note, {}, {});
  }
  referToCommandCenter(at: number, who: Actor, note: string) {
    return this.act(at, CaseAction.refer_to_command_center, who, note, {}, {});
  }
  assign(
    at: number,
    who: Actor,
    parts: Array<{ id: string; code: string; role: "lead" | "co" }>,
    note: string | null,
  ) {
    return this.act(
      at,
      CaseAction.assign,
      who,
      note,
      {},
      { departments: parts.map((p) => p.code) },
      (t) => {
        for (const a of this.assignments) if (a.status === "assigned") a.status = "withdrawn";
        for (const p of parts)
          this.assignments.push({
            id: uuidv7(t),
            departmentId: p.id,
            role: p.role,
            status: "assigned",
            dueAt: this.resolutionDueAt,
            report: null,
            reportedAt: null,
            assignedAt: t,
          });
      },
    );
  }
  reportProgress(at: number, who: Actor, note: string, final: boolean) {
    return this.act(at, CaseAction.report_progress, who, note, {}, { final }, (t) => {
      if (!final) return;
      for (const a of this.active(who.department)) {
        a.status = "reported";
        a.report = note;
        a.reportedAt = t;
      }
    });
  }
  resolve(at: number, who: Actor, note: string) {
    return this.act(at, CaseAction.resolve, who, note, {}, {}, (t) => {
      this.resolution = note;
      this.resolvedAt = t;
      if (this.stage === CaseStatus.dispatched)
        for (const a of this.assignments)
          if (a.role === "lead" && a.status === "assigned") {
            a.status = "reported";
            a.report = note;
            a.reportedAt = t;
          }
    });
  }
  requestReturn(at: number, who: Actor, reason: string) {
    return this.act(at, CaseAction.request_return, who, reason, {}, {}, (t) => {
      const a = this.active(who.department)[0];
      this.requests.push(this.request("return", reason, a?.id ?? null, null, who, t));
    });
  }
  private request(
    kind: "return" | "extension",
    reason: string,
    assignmentId: string | null,
    requestedDueAt: number | null,
    who: Actor,
    at: number,
  ): SimRequest {
    return {
      id: uuidv7(at),
      assignmentId,
      kind,
      reason,
      requestedDueAt,
      status: "pending",
      requestedBy: who.subject,
      requestedAt: at,
      ruledBy: null,
      ruledAt: null,
      rulingNote: null,
    };
  }
  private rule(
    kind: "return" | "extension",
    granted: boolean,
    who: Actor,
    note: string | null,
    at: number,
  ) {
    const req = this.requests.find((r) => r.kind === kind && r.status === "pending")!;
    req.status = granted ? "granted" : "refused";
    req.ruledBy = who.subject;
    req.ruledAt = at;
    req.rulingNote = note;
    return req;
  }
  ruleOnReturn(at: number, who: Actor, granted: boolean, note: string | null) {
    return this.act(at, CaseAction.rule_return, who, note, { granted }, { granted }, (t, extra) => {
      this.rule("return", granted, who, note, t);
      if (!granted) return;
      for (const a of this.assignments) if (a.status === "assigned") a.status = "returned";
      this.returnCount += 1;
      if (this.returnCount > this.env.maxReturns && !this.supervised) {
        const reason = `returned ${this.returnCount} times (the district allows ${this.env.maxReturns})`;
        this.openSupervision("returns", reason, "system", t);
        extra.push({
          action: CaseAction.supervise,
          actor: "system",
          actorRole: "system",
          from: this.status,
          to: this.status,
          note: reason,
          data: { trigger: "returns" },
        });
      }
    });
  }
  /** The due time an extension would move: the department's own, else the case's. */
  dueOf(department: string | undefined): number {
    return this.active(department)[0]?.dueAt ?? this.resolutionDueAt;
  }
  requestExtension(at: number, who: Actor, requestedDueAt: number, reason: string) {
    return this.act(
      at,
      CaseAction.request_extension,
      who,
      reason,
      {},
      { requestedDueAt: iso(requestedDueAt) },
      (t) => {
        const a = this.active(who.department)[0];
        const due = a?.dueAt ?? this.resolutionDueAt;
        if (t >= due || requestedDueAt <= due)
          throw new Error("case history: an extension is asked before the due time, for later");
        this.requests.push(
          this.request("extension", reason, a?.id ?? null, requestedDueAt, who, t),
        );
      },
    );
  }
  ruleOnExtension(at: number, who: Actor, granted: boolean, note: string | null) {
    return this.act(at, CaseAction.rule_extension, who, note, { granted }, { granted }, (t) => {
      const req = this.rule("extension", granted, who, note, t);
      if (!granted || req.requestedDueAt === null) return;
      const a = this.assignments.find((x) => x.id === req.assignmentId);
      if (a) a.dueAt = req.requestedDueAt;
      if (req.requestedDueAt > this.resolutionDueAt) {
        this.resolutionDueAt = req.requestedDueAt;
        this.warnedAt = null;
      }
    });
  }
  callback(
    at: number,
    who: Actor,
    reached: boolean,
    satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied" | null,
    redo: boolean,
    note: string | null,
  ) {
    return this.act(
      at,
      CaseAction.callback,
      who,
      note,
      { redo },
      { reached, satisfaction, redo },
      (t) => {
        this.callbackReached = reached;
        this.satisfaction = satisfaction;
        if (redo) {
          this.redoCount += 1;
          this.resolvedAt = null;
          if (this.status === CaseStatus.dispatched)
            for (const a of this.assignments)
              if (a.role === "lead" && a.status === "reported") a.status = "assigned";
        } else {
          this.closedAt = t;
        }
      },
    );
  }
  escalate(at: number, who: Actor, note: string) {
    return this.act(at, CaseAction.escalate, who, note, {}, {}, () => {
      this.escalated = true;
      for (const a of this.assignments) if (a.status === "assigned") a.status = "withdrawn";
    });
  }
  supervise(at: number, who: Actor, reason: string) {
    return this.act(at, CaseAction.supervise, who, reason, {}, {}, (t) =>
      this.openSupervision("inspector", reason, who.subject, t),
    );
  }
  concludeSupervision(at: number, who: Actor, findings: string) {
    return this.act(at, CaseAction.conclude_supervision, who, findings, {}, {}, (t) => {
      for (const s of this.supervisions)
        if (s.status === "open") {
          s.status = "concluded";
          s.findings = findings;
          s.concludedBy = who.subject;
          s.concludedAt = t;
        }
      this.supervised = false;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Time: working hours on the district's calendar.

function isWorkingDay(calendar: WorkCalendar, day: string): boolean {
  try {
    return calendar.isWorkingDay(day);
  } catch (err) {
    if (!(err instanceof CalendarYearMissing)) throw err;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

class Clock {
  private readonly working = new Map<number, boolean>();
  constructor(
    private readonly calendar: WorkCalendar,
    private readonly rng: Rng,
  ) {}

  /** Whether the local day (days since the epoch, UTC+8) is a working day. */
  workingDay(localDayNumber: number): boolean {
    let w = this.working.get(localDayNumber);
    if (w === undefined) {
      w = isWorkingDay(this.calendar, iso(localDayNumber * DAY_MS).slice(0, 10));
      this.working.set(localDayNumber, w);
    }
    return w;
  }

  /**
   * The first moment at or after `at` inside office hours (on working days, or every day for
   * 24-hour services such as the hotline's callbacks), a little after the doors open if it had to
   * wait.
   */
  office(at: number, opts: { from?: number; to?: number; everyDay?: boolean } = {}): number {
    const from = (opts.from ?? 8.5) * HOUR_MS;
    const to = (opts.to ?? 17.5) * HOUR_MS;
    let t = at;
    for (let i = 0; i < 40; i++) {
      const local = t + OFFSET_MS;
      const day = Math.floor(local / DAY_MS);
      const inDay = local - day * DAY_MS;
      const open = opts.everyDay || this.workingDay(day);
      if (open && inDay >= from && inDay < to) return t;
      if (open && inDay < from)
        return day * DAY_MS - OFFSET_MS + from + this.rng.int(0, 75 * 60_000);
      t = (day + 1) * DAY_MS - OFFSET_MS;
    }
    return t;
  }
}

/** Hours as milliseconds, skewed towards the lower bound (most things are quick, some are not). */
function hours(rng: Rng, min: number, max: number, skew = 1.6): number {
  return (min + (max - min) * rng.next() ** skew) * HOUR_MS;
}

// ---------------------------------------------------------------------------------------------
// The cases of one district.

interface Draft {
  id: string;
  channel: Channel;
  category: CategoryInfo;
  grid: GridInfo;
  compoundId: string | null;
  buildingId: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  complainantName: string | null;
  complainantPhone: string | null;
  description: string;
  urgent: boolean;
  createdBy: Actor;
  sim: CaseSim;
}

interface World {
  code: string;
  now: number;
  rng: Rng;
  clock: Clock;
  calendar: WorkCalendar;
  settings: Settings;
  departments: Map<string, string>;
  actors: {
    operator: Actor;
    commandCenter: Actor;
    worker: Actor;
    chief: Actor;
    street: Actor;
    inspector: Actor;
  };
}

function departmentActor(w: World, id: string): Actor {
  return { subject: `${w.code}.department`, role: "department", department: id };
}

/** Lead and co-handling departments for a category, among the district's departments. */
function pickDepartments(
  w: World,
  category: string,
  avoid: ReadonlySet<string> = new Set(),
): Array<{ id: string; code: string; role: "lead" | "co" }> {
  const has = (code: string) => w.departments.has(code) && !avoid.has(code);
  const all = [...w.departments.keys()].filter(has);
  const usual = LEAD_DEPARTMENT[category];
  const lead =
    usual && has(usual) && !(category === "noise" && w.rng.chance(0.4))
      ? usual
      : category === "noise" && has("urban_management")
        ? "urban_management"
        : w.rng.pick(all.length ? all : [...w.departments.keys()]);
  const pool = (CO_DEPARTMENTS[category] ?? []).filter((c) => c !== lead && has(c));
  const n = w.rng.weighted([
    [0, 70],
    [1, 22],
    [2, 8],
  ] as const);
  const co = w.rng.sample(pool, Math.min(n, pool.length));
  return [
    { id: w.departments.get(lead)!, code: lead, role: "lead" as const },
    ...co.map((code) => ({ id: w.departments.get(code)!, code, role: "co" as const })),
  ];
}

interface Plan {
  late: boolean;
  returns: boolean[];
  extension: boolean | null;
  escalate: "none" | "received" | "dispatched";
  inspector: boolean;
}

/** Plays one case's life: what people do, in order, at realistic times. */
function play(w: World, d: Draft) {
  const { rng, clock, actors: A } = w;
  const s = d.sim;
  const cat = d.category.code;
  const plan: Plan = {
    late: rng.chance(0.055),
    returns: [],
    extension: null,
    escalate: "none",
    inspector: rng.chance(0.011),
  };
  const gridStaff = rng.chance(0.2) ? A.chief : A.worker;

  if (plan.inspector)
    s.aside(s.receivedAt + hours(rng, 3, 40, 1), () => {
      if (!s.supervised && s.status !== CaseStatus.closed)
        s.supervise(s.last + rng.int(60, 600) * 1000, A.inspector, noteText(rng, "inspect"));
    });

  // The provisional reply, by whoever has the case; some late, after the 2 hours.
  const replier =
    s.status === CaseStatus.grid_handling
      ? gridStaff
      : s.status === CaseStatus.street_handling
        ? A.street
        : A.operator;
  const lateReply = rng.chance(0.06);
  const replyAt = lateReply
    ? s.replyDueAt + rng.int(10, 360) * MINUTE_MS
    : s.receivedAt + (3 + 112 * rng.next() ** 1.8) * MINUTE_MS;
  let t = s.reply(
    replyAt,
    replier,
    noteText(rng, replier === A.operator ? "reply" : "replyOnSite"),
  );
  if (t === null) return;

  /** When the handler resolves: on time (before the due time, with room for the callback) or late. */
  const resolveAt = (natural: number, late = plan.late): number => {
    const due = s.resolutionDueAt;
    if (late) return clock.office(Math.max(natural, due + hours(rng, 1, 40)));
    const latest = due - 5 * HOUR_MS;
    if (natural <= latest) return natural;
    return latest > s.last + 30 * MINUTE_MS
      ? s.last + 30 * MINUTE_MS + rng.next() * (latest - s.last - 30 * MINUTE_MS)
      : natural;
  };

  /** The departments' part: assignment, returns, extension, co-handling reports, resolution. */
  const departments = (from: number): number | null => {
    const avoid = new Set<string>();
    let parts = pickDepartments(w, cat);
    let at = s.assign(from, A.commandCenter, parts, assignNote(parts, w));
    if (at === null) return null;
    // Returns: most are granted and the case goes to another department.
    while (plan.returns.length) {
      const granted = plan.returns.shift()!;
      const lead = departmentActor(w, parts[0].id);
      at = s.requestReturn(
        clock.office(at + hours(rng, 1, 20)),
        lead,
        noteText(rng, "requestReturn"),
      );
      if (at === null) return null;
      at = s.ruleOnReturn(
        at + hours(rng, 0.3, 4),
        A.commandCenter,
        granted,
        noteText(rng, granted ? "returnGranted" : "returnRefused"),
      );
      if (at === null) return null;
      if (granted) {
        avoid.add(parts[0].code);
        parts = pickDepartments(w, cat, avoid);
        at = s.assign(at + hours(rng, 0.2, 3), A.commandCenter, parts, assignNote(parts, w));
        if (at === null) return null;
      }
    }
    const lead = departmentActor(w, parts[0].id);
    if (plan.escalate === "dispatched") {
      at = s.escalate(at + hours(rng, 4, 30), A.commandCenter, noteText(rng, "escalate"));
      return at === null ? null : city(at);
    }
    // An extension, asked during the last day before the due time.
    if (plan.extension !== null) {
      const due = s.dueOf(lead.department);
      const askAt = due - hours(rng, 6, 30, 1);
      if (askAt > at + HOUR_MS) {
        const requested = due + rng.pick([2, 3, 5]) * DAY_MS;
        at = s.requestExtension(askAt, lead, requested, noteText(rng, "requestExtension"));
        if (at === null) return null;
        at = s.ruleOnExtension(
          at + hours(rng, 0.5, 4),
          A.commandCenter,
          plan.extension,
          noteText(rng, plan.extension ? "extensionGranted" : "extensionRefused"),
        );
        if (at === null) return null;
      }
    }
    const natural = clock.office(at + hours(rng, 3, 56, 1.4));
    const done = resolveAt(natural, plan.late || (plan.extension === false && rng.chance(0.6)));
    if (rng.chance(0.3)) {
      at = s.reportProgress(
        clock.office(at + (done - at) * (0.3 + 0.4 * rng.next())),
        lead,
        noteText(rng, "progress"),
        false,
      );
      if (at === null) return null;
    }
    for (const co of parts.slice(1)) {
      at = s.reportProgress(
        clock.office(at + (done - at) * (0.2 + 0.6 * rng.next())),
        departmentActor(w, co.id),
        noteText(rng, "coReport"),
        true,
      );
      if (at === null) return null;
    }
    return s.resolve(done, lead, resolutionText(rng, cat));
  };

  /** Escalated to the city: the command center records the city's answer days later. */
  const city = (from: number): number | null =>
    s.resolve(
      clock.office(from + hours(rng, 40, 150, 1)),
      A.commandCenter,
      noteText(rng, "cityAnswered"),
    );

  const street = (from: number, dept: number): number | null => {
    if (rng.chance(dept)) {
      const at = s.referToCommandCenter(
        clock.office(from + hours(rng, 2, 24)),
        A.street,
        noteText(rng, "toCommandCenter"),
      );
      return at === null ? null : departments(at + hours(rng, 0.2, 3));
    }
    return s.resolve(
      resolveAt(clock.office(from + hours(rng, 4, 60, 1.3), { everyDay: rng.chance(0.2) })),
      A.street,
      resolutionText(rng, cat),
    );
  };

  const grid = (from: number, toStreet: number, dept: number): number | null => {
    if (rng.chance(toStreet)) {
      const at = s.referToStreet(
        clock.office(from + hours(rng, 1, 20), { everyDay: true }),
        gridStaff,
        noteText(rng, "gridToStreet"),
      );
      return at === null ? null : street(at, dept);
    }
    return s.resolve(
      resolveAt(clock.office(from + hours(rng, 0.5, 30, 2), { from: 7.5, to: 19, everyDay: true })),
      gridStaff,
      resolutionText(rng, cat),
    );
  };

  // Departments' handling details are drawn once: a return (one in ten), else an extension.
  const detail = rng.next();
  if (detail < 0.1) {
    plan.returns.push(rng.chance(0.6));
    if (plan.returns[0] && rng.chance(0.25)) plan.returns.push(rng.chance(0.7));
    if (plan.returns.length === 2 && plan.returns[1] && rng.chance(0.35)) plan.returns.push(true);
  } else if (detail < 0.19) plan.extension = rng.chance(0.8);

  let resolved: number | null;
  if (s.status === CaseStatus.grid_handling) {
    resolved = grid(t, d.channel === "grid_patrol" ? 0.2 : 0.4, 0.45);
  } else if (s.status === CaseStatus.street_handling) {
    resolved = street(t, 0.3);
  } else {
    // A call or a resident's report: who takes it.
    const route = rng.weighted([
      ["grid", 24.1],
      ["grid_street", 11.5],
      ["street", 15],
      ["dept", 34],
      ["street_dept", 10],
      ["escalate", 0.8],
      ["dept_escalate", 0.7],
    ] as const);
    if (route === "grid" || route === "grid_street") {
      t = s.takeLead(
        clock.office(t + hours(rng, 0.1, 3), { from: 7.5, to: 19, everyDay: true }),
        gridStaff,
        rng.chance(0.6) ? noteText(rng, "takeLead") : null,
      );
      resolved = t === null ? null : grid(t, route === "grid" ? 0 : 1, 0.3);
    } else if (route === "street" || route === "street_dept") {
      t = s.referToStreet(
        t + hours(rng, 0.2, 4),
        rng.chance(0.5) ? A.operator : A.commandCenter,
        noteText(rng, "toStreet"),
      );
      resolved = t === null ? null : street(t, route === "street" ? 0 : 1);
    } else if (route === "escalate") {
      t = s.escalate(t + hours(rng, 1, 8), A.commandCenter, noteText(rng, "escalate"));
      resolved = t === null ? null : city(t);
    } else {
      if (route === "dept_escalate") plan.escalate = "dispatched";
      resolved = departments(t + hours(rng, 0.2, 4));
    }
  }
  if (resolved === null) return;

  // The callback, then possibly a redo and a second callback.
  const callbackBy =
    d.channel === "hotline" || d.channel === "resident" ? A.operator : A.commandCenter;
  const callback = (from: number, second: boolean): number | null => {
    let at = clock.office(from + hours(rng, 0.5, 22), { from: 8.5, to: 20.5, everyDay: true });
    const latest = s.resolutionDueAt - 10 * MINUTE_MS;
    if (!s.breachedAt && at > latest && latest > from + 10 * MINUTE_MS)
      at = from + 10 * MINUTE_MS + rng.next() * (latest - from - 10 * MINUTE_MS);
    const reached = rng.chance(0.92);
    const satisfaction = !reached
      ? null
      : rng.weighted([
          ["satisfied", second ? 70 : 85],
          ["basically_satisfied", second ? 25 : 10],
          ["unsatisfied", 5],
        ] as const);
    const redo = !second && satisfaction === "unsatisfied" && rng.chance(1 / 3);
    const note = callbackText(rng, satisfaction ?? "unreached");
    const done = s.callback(at, callbackBy, reached, satisfaction, redo, note);
    if (done === null || !redo) return done;
    // Back to the stage that handled it: the same handler does it again.
    const handler =
      s.stage === CaseStatus.grid_handling
        ? gridStaff
        : s.stage === CaseStatus.street_handling
          ? A.street
          : s.stage === CaseStatus.escalated
            ? A.commandCenter
            : departmentActor(
                w,
                s.assignments.find((a) => a.role === "lead" && a.status === "assigned")!
                  .departmentId,
              );
    const again = s.resolve(
      clock.office(done + hours(rng, 4, 48), { everyDay: handler.role !== "department" }),
      handler,
      `返工：${resolutionText(rng, cat)}`,
    );
    return again === null ? null : callback(again, true);
  };
  const closed = callback(resolved, false);
  if (closed === null) return;

  // Discipline inspection concludes most supervisions once the case is closed.
  if (s.supervised) {
    const inspector = s.supervisions.some((x) => x.status === "open" && x.trigger === "inspector");
    if (rng.chance(inspector ? 0.8 : 0.45))
      s.concludeSupervision(
        clock.office(closed + hours(rng, 4, 96, 1)),
        A.inspector,
        noteText(rng, "conclude"),
      );
  }
}

function assignNote(parts: Array<{ code: string; role: "lead" | "co" }>, w: World): string | null {
  return w.rng.chance(0.15) ? null : assignmentNote(parts);
}
/** The command center's note on an assignment: who leads, who helps. */
export function assignmentNote(parts: Array<{ code: string; role: "lead" | "co" }>): string {
  const name = (code: string) => DEPARTMENT_SHORT[code] ?? code;
  const lead = parts.find((p) => p.role === "lead");
  const co = parts.filter((p) => p.role === "co").map((p) => name(p.code));
  return `${lead ? name(lead.code) : ""}牵头办理${co.length ? `，${co.join("、")}协办` : ""}`;
}
const DEPARTMENT_SHORT: Record<string, string> = {
  housing: "住建局",
  agriculture: "农业农村局",
  education: "教育局",
  urban_management: "城管局",
  public_security: "公安分局",
  market_supervision: "市场监管局",
  civil_affairs: "民政局",
  water: "水务局",
};

// ---------------------------------------------------------------------------------------------
// Receipt times.

/**
 * `count` receipt times in the window, following an hourly profile, fewer on days off, with some
 * day-to-day noise. Returned unsorted.
 */
function receiptTimes(
  w: World,
  start: number,
  count: number,
  profile: number[],
  dayOff: number,
): number[] {
  const slots: Array<{ at: number; len: number }> = [];
  const weights: number[] = [];
  const dayNoise = new Map<number, number>();
  for (let at = start; at < w.now; at += HOUR_MS) {
    const len = Math.min(HOUR_MS, w.now - at);
    const local = at + OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    if (!dayNoise.has(day)) dayNoise.set(day, 0.8 + 0.4 * w.rng.next());
    const hour = new Date(local).getUTCHours();
    const weight =
      profile[hour] *
      (w.clock.workingDay(day) ? 1 : dayOff) *
      dayNoise.get(day)! *
      (0.85 + 0.3 * w.rng.next()) *
      (len / HOUR_MS);
    slots.push({ at, len });
    weights.push(weight);
  }
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  // Largest remainder, so that the counts add up exactly.
  const exact = weights.map((x) => (count * x) / total);
  const parts = exact.map(Math.floor);
  let left = count - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]] += 1;
  const times: number[] = [];
  slots.forEach((slot, i) => {
    for (let n = 0; n < parts[i]; n++) times.push(slot.at + Math.floor(w.rng.next() * slot.len));
  });
  return times;
}

/** How often each category comes through a channel in an urban or a rural grid in a month. */
export function categoryWeights(channel: Channel, rural: boolean, month: number): Weights {
  const calls = rural ? CALL_RURAL : CALL_URBAN;
  const patrols = rural ? PATROL_RURAL : PATROL_URBAN;
  // Community reports: what patrols find, and some of what residents bring to the community.
  const weights: Weights =
    channel === "grid_patrol"
      ? { ...patrols }
      : channel === "community_report"
        ? Object.fromEntries(
            [...new Set([...Object.keys(patrols), ...Object.keys(calls)])].map((k) => [
              k,
              (patrols[k] ?? 0) + 0.5 * (calls[k] ?? 0),
            ]),
          )
        : { ...calls };
  const heatingSeason = month >= 11 || month <= 3;
  if (weights.heating && !heatingSeason) weights.heating = 0.8;
  return weights;
}

// ---------------------------------------------------------------------------------------------
// Loading.

export interface CaseHistoryStats {
  cases: number;
  events: number;
  open: number;
}

/** Rows per statement: few round trips, modest memory. */
const CHUNK = 4000;

async function insertRows(
  client: ClientBase,
  districtId: string,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const names = columns.map(([c]) => `"${c}"`);
  const sql = `INSERT INTO ${table} (district_id, ${names.join(", ")})
    SELECT $1, ${names.map((n) => `x.${n}`).join(", ")}
      FROM jsonb_to_recordset($2::jsonb) AS x(${columns.map(([c, t]) => `"${c}" ${t}`).join(", ")})`;
  for (let i = 0; i < rows.length; i += CHUNK)
    await client.query(sql, [districtId, JSON.stringify(rows.slice(i, i + CHUNK))]);
}

/**
 * Loads a month of case history for one district, on the owner's connection inside the caller's
 * transaction, under the district's tenant context. Idempotent: a district that has any case is
 * left alone, and null is returned.
 */
export async function loadCaseHistory(
  client: ClientBase,
  district: DistrictInfo & { id: string },
  opts: { now?: Date; days?: number } = {},
): Promise<CaseHistoryStats | null> {
  const districtId = district.id;
  await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
  await client.query(
    "SELECT pg_advisory_xact_lock(hashtext('civic-grid:case-history'), hashtext($1))",
    [districtId],
  );
  const present = await client.query(
    "SELECT EXISTS (SELECT 1 FROM hotline_case WHERE district_id = $1) AS present",
    [districtId],
  );
  if (present.rows[0].present) return null;

  // The settings and default catalogue, as the server makes them on first use.
  await insertCaseDefaults((sql, params) => client.query(sql, params), districtId);

  const q = async <T>(sql: string): Promise<T[]> =>
    (await client.query(sql, [districtId])).rows as T[];
  const [settings] = await q<Settings>(
    `SELECT reply_hours AS "replyHours", resolution_days AS "resolutionDays",
            max_returns AS "maxReturns", warning_minutes AS "warningMinutes"
       FROM case_setting WHERE district_id = $1`,
  );
  const categories = await q<CategoryInfo>(
    `SELECT id, code, line_of_work AS "lineOfWork", resolution_days AS "resolutionDays",
            department_id AS "departmentId"
       FROM case_category WHERE district_id = $1 AND active ORDER BY code`,
  );
  const departments = await q<{ id: string; code: string }>(
    "SELECT id, code FROM department WHERE district_id = $1 ORDER BY code",
  );
  const days = await q<{ day: string; kind: "holiday" | "workday" }>(
    "SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day WHERE district_id = $1",
  );
  const grids = await q<Omit<GridInfo, "compounds" | "people">>(
    `SELECT g.id, g.code, g.kind, g.street_office_id AS "streetOfficeId", s.name AS "streetName",
            c.name AS "communityName", g.latitude, g.longitude
       FROM grid g JOIN street_office s ON s.district_id = g.district_id AND s.id = g.street_office_id
       JOIN community c ON c.district_id = g.district_id AND c.id = g.community_id
      WHERE g.district_id = $1 AND g.retired_at IS NULL ORDER BY g.code`,
  );
  if (grids.length === 0 || departments.length === 0 || categories.length === 0) return null;
  const compounds = await q<{ id: string; grid_id: string; name: string; address: string | null }>(
    "SELECT id, grid_id, name, address FROM compound WHERE district_id = $1 ORDER BY code",
  );
  const buildings = await q<{ id: string; compound_id: string; number: string }>(
    "SELECT id, compound_id, number FROM building WHERE district_id = $1 ORDER BY compound_id, number",
  );
  const people = await q<{
    grid_id: string;
    name: string;
    phone: string | null;
    subject: string | null;
  }>(
    `SELECT grid_id, name, phone, subject FROM person
      WHERE district_id = $1 AND phone IS NOT NULL AND birth_year <= 2006 ORDER BY id`,
  );
  const [head] = await q<{ position: string }>(
    "SELECT position::text AS position FROM case_log_head WHERE district_id = $1",
  );

  const byGrid = new Map<string, GridInfo>();
  const gridList: GridInfo[] = grids.map((g) => {
    const info: GridInfo = { ...g, compounds: [], people: [] };
    byGrid.set(g.id, info);
    return info;
  });
  const byCompound = new Map<string, GridInfo["compounds"][number]>();
  for (const c of compounds) {
    const entry = { id: c.id, name: c.name, address: c.address, buildings: [] as string[][] };
    byCompound.set(c.id, entry);
    byGrid.get(c.grid_id)?.compounds.push(entry);
  }
  for (const b of buildings) byCompound.get(b.compound_id)?.buildings.push([b.id, b.number]);
  for (const p of people)
    if (p.phone)
      byGrid.get(p.grid_id)?.people.push({ name: p.name, phone: p.phone, subject: p.subject });

  const now = (opts.now ?? new Date()).getTime();
  const windowDays = opts.days ?? 30;
  const rng = new Rng(seedOf(`${district.code}:case-history`));
  const calendar = OFFICIAL_CALENDAR.withOverrides(days);
  const code = district.code;
  const w: World = {
    code,
    now,
    rng,
    clock: new Clock(calendar, rng),
    calendar,
    settings,
    departments: new Map(departments.map((d) => [d.code, d.id])),
    actors: {
      operator: { subject: `${code}.operator`, role: "operator" },
      commandCenter: { subject: `${code}.command_center`, role: "command_center" },
      worker: { subject: `${code}.grid_worker`, role: "grid_worker" },
      chief: { subject: `${code}.grid_chief`, role: "grid_chief" },
      street: { subject: `${code}.street_officer`, role: "street_officer" },
      inspector: { subject: `${code}.inspector`, role: "inspector" },
    },
  };

  // How many: about 17 a month per grid in a large district (Mingshan ~12,000), 1,000–3,000 else.
  const perMonth =
    gridList.length >= 300
      ? Math.round(gridList.length * 17 * (0.97 + 0.06 * rng.next()))
      : rng.int(1200, 2800);
  const total = Math.max(1, Math.round((perMonth * windowDays) / 30));
  const start = now - windowDays * DAY_MS;
  const shares = CHANNEL_SHARE.map(([, s]) => s);
  const sum = shares.reduce((a, b) => a + b, 0);
  const counts = shares.map((s) => Math.round((total * s) / sum));
  const arrivals: Array<{ at: number; channel: Channel }> = [];
  CHANNEL_SHARE.forEach(([channel], i) => {
    const profile =
      channel === "hotline"
        ? HOTLINE_HOURS
        : channel === "resident"
          ? RESIDENT_HOURS
          : PATROL_HOURS;
    const dayOff = channel === "hotline" ? 0.6 : channel === "resident" ? 0.8 : 0.3;
    for (const at of receiptTimes(w, start, counts[i], profile, dayOff))
      arrivals.push({ at, channel });
  });
  arrivals.sort((a, b) => a.at - b.at);
  // Distinct milliseconds: ids (uuidv7 of the receipt time) then sort as the receipts do.
  for (let i = 1; i < arrivals.length; i++)
    if (arrivals[i].at <= arrivals[i - 1].at) arrivals[i].at = arrivals[i - 1].at + 1;
  while (arrivals.length && arrivals[arrivals.length - 1].at >= now) arrivals.pop();

  // Callers are weighted by the grid's population; patrols cover every grid alike.
  const popWeights = gridList.map((g) => [g, 1 + g.people.length] as const);
  const residentCases = counts[3];
  const demoResident = gridList
    .flatMap((g) => g.people.map((p) => ({ g, p })))
    .find(({ p }) => p.subject === `${code}.resident`);
  const catByCode = new Map(categories.map((c) => [c.code, c]));
  const env = {
    now,
    warningMs: settings.warningMinutes * MINUTE_MS,
    maxReturns: settings.maxReturns,
  };

  const drafts: Draft[] = [];
  for (const { at, channel } of arrivals) {
    let grid =
      channel === "grid_patrol" || channel === "community_report"
        ? rng.pick(gridList)
        : rng.weighted(popWeights);
    let person: GridInfo["people"][number] | null = null;
    let createdBy: Actor;
    let status: CaseStatus;
    if (channel === "hotline") {
      createdBy = w.actors.operator;
      status = CaseStatus.received;
    } else if (channel === "resident") {
      if (demoResident && rng.chance(3 / Math.max(residentCases, 3))) {
        grid = demoResident.g;
        person = demoResident.p;
      } else if (grid.people.length) person = rng.pick(grid.people);
      createdBy = {
        subject: person?.subject ?? `${code}.resident.${rng.int(100000, 999999)}`,
        role: "resident",
      };
      status = CaseStatus.received;
    } else if (channel === "community_report" && rng.chance(0.45)) {
      createdBy = w.actors.street;
      status = CaseStatus.street_handling;
    } else {
      createdBy = rng.chance(0.2) ? w.actors.chief : w.actors.worker;
      status = CaseStatus.grid_handling;
    }
    const month = Number(localDay(new Date(at)).slice(5, 7));
    const weights = Object.entries(categoryWeights(channel, grid.kind === "rural", month)).filter(
      ([c]) => catByCode.has(c),
    );
    const category = weights.length ? catByCode.get(rng.weighted(weights))! : rng.pick(categories);

    // Where: a compound and building of the grid, or the village.
    const compound =
      grid.compounds.length && grid.kind === "urban" && rng.chance(0.8)
        ? rng.pick(grid.compounds)
        : null;
    const building =
      compound?.buildings.length && rng.chance(0.6) ? rng.pick(compound.buildings) : null;
    const spot = compound
      ? `${compound.name}${building ? `${building[1]}号楼` : ""}`
      : grid.kind === "rural"
        ? `${grid.communityName}${rng.int(1, 8)}组`
        : grid.communityName;
    const address = compound
      ? `${compound.address ?? compound.name}${building ? ` ${building[1]}号楼` : ""}`
      : `${grid.streetName}${spot}`;
    const gps = channel === "grid_patrol" || channel === "resident";

    if (channel === "hotline" && grid.people.length && rng.chance(0.65))
      person = rng.pick(grid.people);
    const caller = channel === "hotline" || channel === "resident";
    const receivedAt = at;
    const due = resolutionDue(
      calendar,
      new Date(receivedAt),
      category.resolutionDays ?? settings.resolutionDays,
    );
    const sim = new CaseSim(
      receivedAt,
      receivedAt + settings.replyHours * HOUR_MS,
      due.due.getTime(),
      status,
      createdBy,
      {
        channel,
        category: category.code,
        ...(due.assumedYears.length ? { calendarAssumedYears: due.assumedYears } : {}),
      },
      env,
    );
    drafts.push({
      id: uuidv7(receivedAt),
      channel,
      category,
      grid,
      compoundId: compound?.id ?? null,
      buildingId: building?.[0] ?? null,
      address,
      latitude: gps ? Math.round((grid.latitude + (rng.next() - 0.5) * 0.004) * 1e6) / 1e6 : null,
      longitude: gps ? Math.round((grid.longitude + (rng.next() - 0.5) * 0.005) * 1e6) / 1e6 : null,
      complainantName: caller ? (person?.name ?? personName(rng)) : null,
      complainantPhone: caller ? (person?.phone ?? phoneNumber(rng)) : null,
      description:
        channel === "grid_patrol" || (channel === "community_report" && rng.chance(0.5))
          ? findingText(rng, category.code, spot)
          : complaintText(rng, category.code, spot),
      urgent: rng.chance(
        category.code === "fire_hazards" ? 0.3 : category.code === "water_gas" ? 0.15 : 0.03,
      ),
      createdBy,
      sim,
    });
  }
  for (const d of drafts) {
    play(w, d);
    d.sim.finish();
  }

  // The district's log: every event in time order, numbered after the current head.
  const all: Array<{ d: number; e: SimEvent }> = [];
  drafts.forEach((d, i) => {
    for (const e of d.sim.events) all.push({ d: i, e });
  });
  all.sort((a, b) => a.e.at - b.e.at || a.d - b.d || a.e.seq - b.e.seq);
  const base = Number(head?.position ?? 0);
  const createPosition = new Array<number>(drafts.length);
  all.forEach(({ d, e }, i) => {
    if (e.action === CaseAction.create) createPosition[d] = base + i + 1;
  });

  const caseRows = drafts.map((d, i) => {
    const s = d.sim;
    const t = (ms: number | null) => (ms === null ? null : iso(ms));
    return {
      id: d.id,
      number: `${code.toUpperCase()}-${localDay(new Date(s.receivedAt)).replaceAll("-", "")}-${String(createPosition[i]).padStart(6, "0")}`,
      channel: d.channel,
      category_id: d.category.id,
      line_of_work: d.category.lineOfWork,
      urgency: d.urgent ? "urgent" : "normal",
      description: d.description,
      street_office_id: d.grid.streetOfficeId,
      grid_id: d.grid.id,
      compound_id: d.compoundId,
      building_id: d.buildingId,
      address: d.address,
      latitude: d.latitude,
      longitude: d.longitude,
      complainant_name: d.complainantName,
      complainant_phone: d.complainantPhone,
      status: s.status,
      stage: s.stage,
      version: s.version,
      received_at: t(s.receivedAt),
      reply_due_at: t(s.replyDueAt),
      replied_at: t(s.repliedAt),
      resolution_due_at: t(s.resolutionDueAt),
      resolved_at: t(s.resolvedAt),
      closed_at: t(s.closedAt),
      warned_at: t(s.warnedAt),
      breached_at: t(s.breachedAt),
      reply_breached_at: t(s.replyBreachedAt),
      return_count: s.returnCount,
      redo_count: s.redoCount,
      supervised: s.supervised,
      escalated: s.escalated,
      callback_reached: s.callbackReached,
      satisfaction: s.satisfaction,
      resolution: s.resolution,
      created_by: d.createdBy.subject,
      created_at: t(s.receivedAt),
      updated_at: t(s.updatedAt),
    };
  });
  await insertRows(client, districtId, "hotline_case", CASE_COLUMNS, caseRows);
  await insertRows(
    client,
    districtId,
    "case_assignment",
    ASSIGNMENT_COLUMNS,
    drafts.flatMap((d) =>
      d.sim.assignments.map((a) => ({
        id: a.id,
        case_id: d.id,
        department_id: a.departmentId,
        role: a.role,
        status: a.status,
        due_at: iso(a.dueAt),
        report: a.report,
        reported_at: a.reportedAt === null ? null : iso(a.reportedAt),
        assigned_at: iso(a.assignedAt),
      })),
    ),
  );
  await insertRows(
    client,
    districtId,
    "case_request",
    REQUEST_COLUMNS,
    drafts.flatMap((d) =>
      d.sim.requests.map((r) => ({
        id: r.id,
        case_id: d.id,
        assignment_id: r.assignmentId,
        kind: r.kind,
        reason: r.reason,
        requested_due_at: r.requestedDueAt === null ? null : iso(r.requestedDueAt),
        status: r.status,
        requested_by: r.requestedBy,
        requested_at: iso(r.requestedAt),
        ruled_by: r.ruledBy,
        ruled_at: r.ruledAt === null ? null : iso(r.ruledAt),
        ruling_note: r.rulingNote,
      })),
    ),
  );
  await insertRows(
    client,
    districtId,
    "supervision",
    SUPERVISION_COLUMNS,
    drafts.flatMap((d) =>
      d.sim.supervisions.map((s) => ({
        id: s.id,
        case_id: d.id,
        trigger: s.trigger,
        reason: s.reason,
        status: s.status,
        findings: s.findings,
        opened_by: s.openedBy,
        opened_at: iso(s.openedAt),
        concluded_by: s.concludedBy,
        concluded_at: s.concludedAt === null ? null : iso(s.concludedAt),
      })),
    ),
  );
  await insertRows(
    client,
    districtId,
    "case_event",
    EVENT_COLUMNS,
    all.map(({ d, e }, i) => ({
      id: uuidv7(e.at),
      position: base + i + 1,
      case_id: drafts[d].id,
      action: e.action,
      actor: e.actor,
      actor_role: e.actorRole,
      from_status: e.from,
      to_status: e.to,
      note: e.note,
      data: e.data,
      at: iso(e.at),
    })),
  );
  await client.query(
    `INSERT INTO case_log_head (district_id, id, position) VALUES ($1, $2, $3)
     ON CONFLICT (district_id) DO UPDATE SET position = EXCLUDED.position`,
    [districtId, uuidv7(), base + all.length],
  );
  return {
    cases: drafts.length,
    events: all.length,
    open: drafts.filter((d) => d.sim.status !== CaseStatus.closed).length,
  };
}

const CASE_COLUMNS = [
  ["id", "uuid"],
  ["number", "text"],
  ["channel", "text"],
  ["category_id", "uuid"],
  ["line_of_work", "text"],
  ["urgency", "text"],
  ["description", "text"],
  ["street_office_id", "uuid"],
  ["grid_id", "uuid"],
  ["compound_id", "uuid"],
  ["building_id", "uuid"],
  ["address", "text"],
  ["latitude", "double precision"],
  ["longitude", "double precision"],
  ["complainant_name", "text"],
  ["complainant_phone", "text"],
  ["status", "text"],
  ["stage", "text"],
  ["version", "integer"],
  ["received_at", "timestamptz"],
  ["reply_due_at", "timestamptz"],
  ["replied_at", "timestamptz"],
  ["resolution_due_at", "timestamptz"],
  ["resolved_at", "timestamptz"],
  ["closed_at", "timestamptz"],
  ["warned_at", "timestamptz"],
  ["breached_at", "timestamptz"],
  ["reply_breached_at", "timestamptz"],
  ["return_count", "integer"],
  ["redo_count", "integer"],
  ["supervised", "boolean"],
  ["escalated", "boolean"],
  ["callback_reached", "boolean"],
  ["satisfaction", "text"],
  ["resolution", "text"],
  ["created_by", "text"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
] as const;
const ASSIGNMENT_COLUMNS = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["department_id", "uuid"],
  ["role", "text"],
  ["status", "text"],
  ["due_at", "timestamptz"],
  ["report", "text"],
  ["reported_at", "timestamptz"],
  ["assigned_at", "timestamptz"],
] as const;
const REQUEST_COLUMNS = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["assignment_id", "uuid"],
  ["kind", "text"],
  ["reason", "text"],
  ["requested_due_at", "timestamptz"],
  ["status", "text"],
  ["requested_by", "text"],
  ["requested_at", "timestamptz"],
  ["ruled_by", "text"],
  ["ruled_at", "timestamptz"],
  ["ruling_note", "text"],
] as const;
const SUPERVISION_COLUMNS = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["trigger", "text"],
  ["reason", "text"],
  ["status", "text"],
  ["findings", "text"],
  ["opened_by", "text"],
  ["opened_at", "timestamptz"],
  ["concluded_by", "text"],
  ["concluded_at", "timestamptz"],
] as const;
const EVENT_COLUMNS = [
  ["id", "uuid"],
  ["position", "bigint"],
  ["case_id", "uuid"],
  ["action", "text"],
  ["actor", "text"],
  ["actor_role", "text"],
  ["from_status", "text"],
  ["to_status", "text"],
  ["note", "text"],
  ["data", "jsonb"],
  ["at", "timestamptz"],
] as const;

/** The tables the history writes, for ANALYZE after a bulk load and for tests. */
export const CASE_HISTORY_TABLES = [
  "case_setting",
  "case_category",
  "case_log_head",
  "hotline_case",
  "case_assignment",
  "case_request",
  "supervision",
  "case_event",
] as const;
