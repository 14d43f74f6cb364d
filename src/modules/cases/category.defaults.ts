import { LineOfWork } from "../grid/grid.enums";

/**
 * The default catalogue every district starts with (it may change limits per category). The
 * department is the one a category usually goes to, by code; the command center decides.
 */
export const DEFAULT_CATEGORIES: ReadonlyArray<{
  code: string;
  name: string;
  lineOfWork: LineOfWork | null;
  department: string | null;
}> = [
  {
    code: "property_management",
    name: "物业管理",
    lineOfWork: LineOfWork.comprehensive_governance,
    department: "housing",
  },
  {
    code: "parking",
    name: "停车管理",
    lineOfWork: LineOfWork.comprehensive_governance,
    department: "urban_management",
  },
  { code: "heating", name: "供暖", lineOfWork: null, department: "housing" },
  { code: "water_gas", name: "供水供气", lineOfWork: null, department: "housing" },
  { code: "roads", name: "道路设施", lineOfWork: null, department: "urban_management" },
  { code: "sanitation", name: "环境卫生", lineOfWork: null, department: "urban_management" },
  { code: "rural_toilets", name: "农村厕所", lineOfWork: null, department: "agriculture" },
  {
    code: "noise",
    name: "噪音扰民",
    lineOfWork: LineOfWork.comprehensive_governance,
    department: "public_security",
  },
  {
    code: "illegal_structures",
    name: "违章建筑",
    lineOfWork: LineOfWork.rule_of_law,
    department: "urban_management",
  },
  {
    code: "neighbour_disputes",
    name: "邻里纠纷",
    lineOfWork: LineOfWork.comprehensive_governance,
    department: null,
  },
  {
    code: "fire_hazards",
    name: "消防隐患",
    lineOfWork: LineOfWork.fire_safety,
    department: "public_security",
  },
  { code: "market_order", name: "市场秩序", lineOfWork: null, department: "market_supervision" },
  { code: "education", name: "教育", lineOfWork: null, department: "education" },
  {
    code: "epidemic",
    name: "疫情防控",
    lineOfWork: LineOfWork.epidemic_control,
    department: "civil_affairs",
  },
  { code: "other", name: "其他", lineOfWork: null, department: null },
];
