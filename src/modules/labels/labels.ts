/**
 * The Chinese labels of the values the API exposes, in one place: every value of every GraphQL
 * enum (keyed by the enum's name in the schema), the fields of the measures (`Measure`), and the
 * columns of the exports. The `labels` query offers them to clients, the exports write them, and
 * a test fails when an enum value of the schema has no label here. Categories have their names in
 * the database (`Case.categoryName`, `caseCategories`), so they are not repeated here.
 */
export const LABELS = {
  AccountableUnitLevel: {
    district: "区",
    street_office: "街道",
    community: "社区（村）",
    grid: "网格",
    department: "部门",
  },
  AssignmentRole: { lead: "牵头部门", co: "协同部门" },
  AssignmentStatus: {
    assigned: "已交办",
    reported: "已反馈",
    returned: "已退回",
    withdrawn: "已撤回",
  },
  Bucket: { day: "日", week: "周", month: "月" },
  CaseAction: {
    create: "受理登记",
    take_lead: "网格领办",
    refer_to_street: "转街道",
    refer_to_command_center: "转指挥中心",
    assign: "指挥中心交办",
    reply: "首次回复",
    report_progress: "报告进展",
    request_return: "申请退单",
    rule_return: "退单审核",
    request_extension: "申请延期",
    rule_extension: "延期审核",
    engage_units: "调度大工委成员单位",
    record_unit_result: "记录成员单位办理结果",
    resolve: "办结",
    escalate: "上报市级",
    callback: "回访",
    supervise: "督办",
    conclude_supervision: "督办办结",
    warn: "临期预警",
    breach: "超期",
  },
  CaseChannel: {
    hotline: "12345热线",
    community_report: "社区直报",
    grid_patrol: "网格巡查",
    resident: "居民上报",
  },
  CaseOrder: { newest: "最新在前", oldest: "最早在前" },
  CaseRequestKind: { return: "退单", extension: "延期" },
  CaseRequestStatus: { pending: "待审核", granted: "已同意", refused: "已驳回" },
  CaseStatus: {
    received: "已受理",
    grid_handling: "网格领办",
    street_handling: "街道首办",
    awaiting_dispatch: "待交办",
    dispatched: "指挥中心交办",
    return_requested: "申请退单",
    resolved: "已办结",
    escalated: "已上报市级",
    closed: "已回访结案",
  },
  CommitteeRole: { chair: "主任", vice_chair: "副主任", member: "委员" },
  CommitteeStatus: { preparing: "筹备中", active: "任期内", expired: "已届满" },
  CommunityKind: { community: "社区", village: "行政村" },
  ConsultationStatus: { open: "征集中", closed: "已结束" },
  DeadlineKind: { warning: "临期预警", breach: "超期" },
  DistrictKind: { district: "区", county: "县" },
  Gender: { male: "男", female: "女" },
  GridKind: { urban: "城市网格", rural: "农村网格" },
  GridPost: {
    grid_chief: "网格长",
    grid_worker: "网格员",
    building_head: "楼栋长",
    unit_head: "单元长",
    villager_group_leader: "村民小组长",
    villager_representative: "村民代表",
  },
  HandlingFailing: {
    inaction: "不作为",
    irregular_handling: "办理不规范",
    low_satisfaction: "满意度低",
    misconduct: "违规违纪",
    weak_resolution: "办理不力",
  },
  HandlingRule: { street_first: "街道首办", grid_may_resolve: "网格可办结" },
  JointUnitKind: {
    government_agency: "机关单位",
    police_station: "派出所",
    hospital: "医院",
    school: "学校",
    enterprise: "企业",
    property_management: "物业公司",
    social_organization: "社会组织",
    other: "其他",
  },
  LineOfWork: {
    comprehensive_governance: "综合治理",
    emergency_management: "应急管理",
    epidemic_control: "疫情防控",
    fire_safety: "消防安全",
    party_building: "党建",
    rule_of_law: "法治建设",
  },
  MeasureName: {
    received: "受理量",
    hotline: "热线受理量",
    communityReport: "社区直报量",
    gridPatrol: "巡查发现量",
    residentReport: "居民上报量",
    repliedOnTime: "按时回复量",
    resolved: "办结量",
    resolvedOnTime: "按时办结量",
    callbacks: "回访量",
    callbacksValid: "有效回访量",
    satisfied: "满意量",
    basicallySatisfied: "基本满意量",
    unsatisfied: "不满意量",
    returns: "退单量",
    supervisions: "督办量",
    breaches: "超期量",
    replyBreaches: "回复超时量",
    parts: "部门交办量",
    partsRepliedOnTime: "部门按时回复量",
    partsOnTime: "部门按时办结量",
    partBreaches: "部门超期量",
  },
  OperationType: { query: "查询", mutation: "变更", subscription: "订阅" },
  OrganizationKind: {
    enterprise: "企业",
    school: "学校",
    clinic: "诊所",
    market: "市场",
    shop: "商铺",
    commercial_building: "商务楼宇",
    government_agency: "机关单位",
    social_organization: "社会组织",
  },
  PatrolKind: { patrol: "巡查", visit: "走访" },
  PersonTag: {
    party_member: "党员",
    peoples_congress_deputy: "人大代表",
    cppcc_member: "政协委员",
    villager_representative: "村民代表",
    volunteer: "志愿者",
  },
  PersonalField: { name: "姓名", phone: "电话", id_number: "身份证号" },
  PersonalRecordKind: { person: "人员", case_complainant: "诉求人" },
  ProposalQuestion: { whether: "是否", what: "内容", how: "方式" },
  RenovationKind: {
    building_body: "楼体改造",
    infrastructure: "基础设施",
    gas_pipeline: "燃气管道",
  },
  RewardUnitLevel: {
    street_office: "街道",
    community: "社区（村）",
    grid: "网格",
    department: "部门",
  },
  Role: {
    city_admin: "市级管理员",
    district_admin: "区级管理员",
    command_center: "指挥中心",
    operator: "话务员",
    inspector: "纪检督查",
    supervision_office: "督查室",
    street_officer: "街道干部",
    community_worker: "社区工作者",
    grid_chief: "网格长",
    grid_worker: "网格员",
    department: "职能部门",
    resident: "居民",
  },
  Sanction: {
    none: "不予处理",
    criticism: "批评教育",
    circulated_criticism: "通报批评",
    admonition: "诫勉谈话",
    disciplinary: "纪律处分",
  },
  Satisfaction: { satisfied: "满意", basically_satisfied: "基本满意", unsatisfied: "不满意" },
  SupervisionTrigger: {
    inspector: "督查人员督办",
    breach: "超期自动督办",
    returns: "多次退单督办",
    unsatisfied: "不满意督办",
  },
  TargetProgramme: { civilized_city: "文明城市创建", livelihood: "民生实事", other: "其他" },
  ToiletRemedy: { repaired: "维修", restored: "恢复使用" },
  ToiletState: { usable: "正常使用", hard_to_use: "使用不便", unusable: "无法使用" },
  TreeOrder: { code: "按编码", name: "按名称" },
  UnitLevel: {
    district: "区",
    street_office: "街道",
    community: "社区（村）",
    grid: "网格",
    department: "部门",
  },
  Urgency: { normal: "一般", urgent: "紧急" },
  VillageKind: { demonstration: "美丽示范村", livable: "美丽宜居村" },
  VoteChoice: { for: "赞成", against: "反对", abstain: "弃权" },

  /** The fields of a unit's measures (`UnitMeasures`), counts and rates: a scoreboard's columns. */
  Measure: {
    name: "单位",
    level: "层级",
    received: "受理量",
    hotline: "热线受理量",
    communityReport: "社区直报量",
    gridPatrol: "巡查发现量",
    residentReport: "居民上报量",
    proactiveShare: "未诉先办占比",
    repliedOnTime: "按时回复量",
    responseRate: "响应率",
    resolved: "办结量",
    resolvedOnTime: "按时办结量",
    onTimeCompletionRate: "按时办结率",
    resolutionRate: "解决率",
    callbacks: "回访量",
    callbacksValid: "有效回访量",
    effectiveCallbackRate: "有效回访率",
    satisfied: "满意量",
    basicallySatisfied: "基本满意量",
    unsatisfied: "不满意量",
    satisfactionRate: "满意率",
    returns: "退单量",
    supervisions: "督办量",
    breaches: "超期量",
    replyBreaches: "回复超时量",
    openNow: "当前在办",
    overdueNow: "当前超期",
    parts: "部门交办量",
    partsRepliedOnTime: "部门按时回复量",
    partReplyRate: "部门按时回复率",
    partsOnTime: "部门按时办结量",
    partOnTimeRate: "部门按时办结率",
    partBreaches: "部门超期量",
  },

  /** The columns of the cases export (GET /export/cases.csv, .xlsx), in their order. */
  CaseColumn: {
    number: "案件编号",
    receivedAt: "受理时间",
    channel: "来源渠道",
    urgency: "紧急程度",
    category: "类别编码",
    categoryName: "问题类别",
    status: "办理状态",
    streetOffice: "街道",
    grid: "网格",
    address: "地址",
    description: "诉求内容",
    complainantName: "诉求人",
    complainantPhone: "联系电话",
    replyDueAt: "回复时限",
    repliedAt: "回复时间",
    resolutionDueAt: "办结时限",
    resolvedAt: "办结时间",
    closedAt: "结案时间",
    overdue: "是否超期",
    supervised: "是否督办",
    escalated: "是否上报市级",
    satisfaction: "满意度",
  },

  /** The scoreboard export's columns before the measures (GET /export/scoreboard.csv, .xlsx). */
  ScoreColumn: { rank: "排名", score: "得分" },

  /** Yes and no, as the exports write a boolean. */
  Boolean: { true: "是", false: "否" },
} as const satisfies Record<string, Record<string, string>>;

export type LabelKind = keyof typeof LABELS;

export interface Label {
  kind: string;
  value: string;
  label: string;
}

const KINDS: ReadonlySet<string> = new Set(Object.keys(LABELS));

export function isLabelKind(kind: string): kind is LabelKind {
  return KINDS.has(kind);
}

/** The label of a value; the value itself where it has none (never thrown on: a list must print). */
export function labelOf(kind: LabelKind, value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return (LABELS[kind] as Record<string, string>)[value] ?? value;
}

/** Every label of the given kinds (all kinds when none), in the order they are declared. */
export function labelList(kinds?: readonly LabelKind[] | null): Label[] {
  const wanted = kinds && kinds.length > 0 ? kinds : (Object.keys(LABELS) as LabelKind[]);
  return wanted.flatMap((kind) =>
    Object.entries(LABELS[kind]).map(([value, label]) => ({ kind, value, label })),
  );
}
