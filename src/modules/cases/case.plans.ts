import { PageArgs } from "../../common/connection";
import { argsOf, type PlannedRelations } from "../../planner/relations";
import { Department } from "../org/department.entity";
import { CaseAssignment } from "./assignment.entity";
import { Case } from "./case.entity";
import { casePage } from "./case.resolver";
import { CaseFilterArgs } from "./case.types";

/**
 * The case list for the planned read path (planner/): the page is read as the `cases` resolver
 * reads it (who may see which case, the filters, the order), for the columns the selection needs,
 * and a case's parts as its `assignments` resolver reads them, each with its department.
 */
export const CASE_PLANS: PlannedRelations = {
  "Query.cases": {
    kind: "rootPage",
    entity: Case,
    page(ctx, args, want) {
      const { first, after, ...filters } = args;
      return casePage(
        ctx,
        argsOf(PageArgs, { first, after }),
        argsOf(CaseFilterArgs, filters),
        want,
      );
    },
  },
  // What the complainant's resolver reads (case.policy.ts: who may read it, whose own complaint
  // it is, the read audit's note), so that a page showing it need not read every column.
  "Case.complainant": {
    kind: "reads",
    props: [
      "complainantName",
      "complainantPhone",
      "createdBy",
      "channel",
      "gridId",
      "streetOfficeId",
    ],
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
