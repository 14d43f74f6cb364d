/**
 * The demo history's reference data: when cases come in, what they are about, which departments
 * handle them, and what people write at each step. The live simulator (`npm run simulate`) draws
 * its texts from here too, so that the history and the traffic read alike.
 */
import { UTC8_OFFSET_MS } from "../common/dates";
import { type Rng } from "./rng";

/** Calls per local hour (0–23): few at night, peaks 9–11 and 14–17. */
export const HOTLINE_HOURS = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 1.0, 2.2, 3.2, 3.4, 2.9, 1.7, 2.0, 3.0, 3.2, 3.0, 2.4,
  1.6, 1.4, 1.2, 0.9, 0.6, 0.4,
];
/** Grid patrols and community reports: working hours. */
export const PATROL_HOURS = [
  0, 0, 0, 0, 0, 0, 0, 0.3, 2.0, 3.2, 3.0, 2.2, 0.6, 1.2, 2.8, 3.0, 2.4, 1.0, 0.2, 0, 0, 0, 0, 0,
];
/** Residents' app reports: spread over the day and the evening. */
export const RESIDENT_HOURS = [
  0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 2.0, 2.2, 2.0, 1.8, 1.8, 2.0, 2.0, 2.0, 1.9, 1.8,
  2.0, 2.2, 2.0, 1.4, 0.8,
];

/** How busy the hotline is at an instant, relative to the day's average (1). */
export function hotlineFactor(at: Date): number {
  const mean = HOTLINE_HOURS.reduce((a, b) => a + b, 0) / 24;
  return HOTLINE_HOURS[new Date(at.getTime() + UTC8_OFFSET_MS).getUTCHours()] / mean;
}

export type Channel = "hotline" | "grid_patrol" | "community_report" | "resident";
export const CHANNEL_SHARE: Array<readonly [Channel, number]> = [
  ["hotline", 60],
  ["grid_patrol", 20],
  ["community_report", 12],
  ["resident", 8],
];

export type Weights = Record<string, number>;
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
export const CO_DEPARTMENTS: Record<string, string[]> = {
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
  gridHandledToStreet: [
    "网格已现场处置，报街道核实办结",
    "网格员已协调解决，请街道审核办结",
    "已现场处理完毕，报街道办结",
  ],
  engageUnits: [
    "请协助现场核查并提出处理意见",
    "请派员配合街道共同处置",
    "请协调本单位相关人员到场解决",
  ],
  unitResult: ["已派员到场，配合完成处置", "已核实情况并整改完毕", "已协调解决，诉求人认可"],
  replyDepartment: ["已收到，正在安排人员核实", "已联系诉求人，近日处理", "已派员前往现场查看"],
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
