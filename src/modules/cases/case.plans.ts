import { PageArgs } from "../../common/connection";
import { argsOf, type PlannedRelations } from "../../planner/relations";
import { Department } from "../org/department.entity";
import { CaseAssignment } from "./assignment.entity";
import { Case } from "./case.entity";
import { CaseResolver } from "./case.resolver";
import { CaseFilterArgs } from "./case.types";

/**
 * The case list for the planned read path (planner/): the page is read by the `cases` resolver
 * itself (who may see which case, the filters, the order), and a case's parts as its
 * `assignments` resolver reads them, each with its department.
 */
const cases = new CaseResolver();

export const CASE_PLANS: PlannedRelations = {
  "Query.cases": {
    kind: "rootPage",
    entity: Case,
    page(ctx, args) {
      const { first, after, ...filters } = args;
      return cases.cases(argsOf(PageArgs, { first, after }), argsOf(CaseFilterArgs, filters), ctx);
    },
  },
  "Case.assignments": {
    kind: "list",
    entity: CaseAssignment,
    parentColumn: "case_id",
    sortColumn: "assigned_at",
    filters: () => [],
  },
  "CaseAssignment.department": { kind: "one", entity: Department, idKey: "departmentId" },
};
