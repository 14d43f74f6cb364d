import { CalendarDay, CaseCategory, CaseSetting } from "./settings.entity";
import { CaseEvent, CaseLogHead } from "./case-event.entity";
import { Case } from "./case.entity";
import { CaseAssignment, CaseRequest } from "./assignment.entity";
import { Supervision } from "./supervision.entity";
import { CaseUnitEngagement } from "./engagement.entity";

export const CASE_ENTITIES = [
  CaseSetting,
  CalendarDay,
  CaseCategory,
  CaseLogHead,
  Case,
  CaseAssignment,
  CaseRequest,
  Supervision,
  CaseUnitEngagement,
  CaseEvent,
];

/** Case types that `node(id)` refetches (those with a caseId are seen through their case). */
export const CASE_NODE_ENTITIES: Record<string, new () => { id: string; districtId: string }> = {
  Case,
  CaseCategory,
  CaseAssignment,
  CaseRequest,
  Supervision,
  CaseUnitEngagement,
};
