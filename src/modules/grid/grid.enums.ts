import { registerEnumType } from "type-graphql";

export enum CommunityKind {
  community = "community",
  village = "village",
}
export enum GridKind {
  urban = "urban",
  rural = "rural",
}
export enum LineOfWork {
  party_building = "party_building",
  comprehensive_governance = "comprehensive_governance",
  epidemic_control = "epidemic_control",
  rule_of_law = "rule_of_law",
  fire_safety = "fire_safety",
  emergency_management = "emergency_management",
}
export enum PersonTag {
  party_member = "party_member",
  volunteer = "volunteer",
  peoples_congress_deputy = "peoples_congress_deputy",
  cppcc_member = "cppcc_member",
  villager_representative = "villager_representative",
}
export enum Gender {
  female = "female",
  male = "male",
}
export enum OrganizationKind {
  enterprise = "enterprise",
  social_organization = "social_organization",
  school = "school",
  clinic = "clinic",
  market = "market",
  commercial_building = "commercial_building",
  shop = "shop",
  government_agency = "government_agency",
}
export enum GridPost {
  grid_chief = "grid_chief",
  grid_worker = "grid_worker",
  building_head = "building_head",
  unit_head = "unit_head",
  villager_group_leader = "villager_group_leader",
  villager_representative = "villager_representative",
}
export enum CommitteeStatus {
  preparing = "preparing",
  active = "active",
  expired = "expired",
}
export enum CommitteeRole {
  chair = "chair",
  vice_chair = "vice_chair",
  member = "member",
}
export enum VillageKind {
  demonstration = "demonstration",
  livable = "livable",
}
export enum ToiletState {
  usable = "usable",
  unusable = "unusable",
  hard_to_use = "hard_to_use",
}
export enum ToiletRemedy {
  repaired = "repaired",
  restored = "restored",
}
export enum RenovationKind {
  building_body = "building_body",
  infrastructure = "infrastructure",
  gas_pipeline = "gas_pipeline",
}
export enum ConsultationStatus {
  open = "open",
  closed = "closed",
}
export enum ProposalQuestion {
  whether = "whether",
  what = "what",
  how = "how",
}
export enum VoteChoice {
  for = "for",
  against = "against",
  abstain = "abstain",
}
export enum TreeOrder {
  code = "code",
  name = "name",
}

registerEnumType(CommunityKind, {
  name: "CommunityKind",
  description: "An urban community (社区) or an administrative village (行政村).",
});
registerEnumType(GridKind, { name: "GridKind", description: "Urban or rural grid." });
registerEnumType(LineOfWork, {
  name: "LineOfWork",
  description: "Lines of work that run through the grids (多网合一).",
  valuesConfig: {
    party_building: { description: "党建" },
    comprehensive_governance: { description: "综治" },
    epidemic_control: { description: "疫情防控" },
    rule_of_law: { description: "法治" },
    fire_safety: { description: "消防" },
    emergency_management: { description: "应急管理" },
  },
});
registerEnumType(PersonTag, {
  name: "PersonTag",
  valuesConfig: {
    party_member: { description: "党员" },
    volunteer: { description: "志愿者" },
    peoples_congress_deputy: { description: "人大代表" },
    cppcc_member: { description: "政协委员" },
    villager_representative: { description: "村民代表" },
  },
});
registerEnumType(Gender, { name: "Gender" });
registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What kind of organization is in the grid.",
});
registerEnumType(GridPost, {
  name: "GridPost",
  description: "A post in a grid's chain of responsibility.",
  valuesConfig: {
    grid_chief: { description: "网格长 (in villages: the village party secretary)." },
    grid_worker: { description: "网格员 (in villages: a village cadre)." },
    building_head: { description: "楼长: needs a building." },
    unit_head: { description: "单元长: needs a unit." },
    villager_group_leader: { description: "村民小组长." },
    villager_representative: { description: "村民代表." },
  },
});
registerEnumType(CommitteeStatus, { name: "CommitteeStatus" });
registerEnumType(CommitteeRole, {
  name: "CommitteeRole",
  valuesConfig: {
    chair: { description: "主任" },
    vice_chair: { description: "副主任" },
    member: { description: "委员" },
  },
});
registerEnumType(VillageKind, {
  name: "VillageKind",
  valuesConfig: {
    demonstration: { description: "美丽示范村" },
    livable: { description: "美丽宜居村" },
  },
});
registerEnumType(ToiletState, { name: "ToiletState" });
registerEnumType(ToiletRemedy, {
  name: "ToiletRemedy",
  valuesConfig: {
    repaired: { description: "Repaired (维修)." },
    restored: { description: "Brought back into use (恢复使用)." },
  },
});
registerEnumType(RenovationKind, {
  name: "RenovationKind",
  valuesConfig: {
    building_body: { description: "楼体改造" },
    infrastructure: { description: "配套基础设施" },
    gas_pipeline: { description: "燃气管网" },
  },
});
registerEnumType(ConsultationStatus, { name: "ConsultationStatus" });
registerEnumType(ProposalQuestion, {
  name: "ProposalQuestion",
  valuesConfig: {
    whether: { description: "改不改: whether to renovate." },
    what: { description: "改什么: what to renovate." },
    how: { description: "怎么改: how to renovate." },
  },
});
registerEnumType(VoteChoice, { name: "VoteChoice" });
registerEnumType(TreeOrder, {
  name: "TreeOrder",
  description: "Sort order of a list of the tree (ties broken by id).",
});
