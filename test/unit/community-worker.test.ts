import {
  CaseAction,
  CaseStatus,
  decide,
  type CaseFacts,
} from "../../src/modules/cases/case.workflow";
import { CHANNEL_ROLES, startingStatus } from "../../src/modules/cases/intake.rules";

/**
 * A community worker files its community's direct reports and follows them; the workflow gives
 * it no action, whatever the case's status and even with every reach a handler could have.
 */

const REACH_ALL = { grid: true, street: true, assigned: true, lead: true };
const HANDLING = new Set([
  CaseStatus.grid_handling,
  CaseStatus.street_handling,
  CaseStatus.dispatched,
  CaseStatus.escalated,
]);

const cases = Object.values(CaseAction).flatMap((action) =>
  Object.values(CaseStatus).map((status) => [action, status] as const),
);

test.each(cases)("a community worker may not %s a case that is %s", (action, status) => {
  const facts: CaseFacts = {
    status,
    stage: status,
    supervised: true,
    pendingReturn: true,
    pendingExtension: true,
    replied: false,
    gridMayResolve: true,
  };
  for (const params of [{}, { granted: true }, { redo: true }]) {
    const d = decide(facts, action, "community_worker", REACH_ALL, params);
    expect(d.ok).toBe(false);
    // Resolving where nobody resolves is the wrong state for everyone; all else is the role.
    if (action !== CaseAction.resolve || HANDLING.has(status))
      expect(d).toMatchObject({ code: "FORBIDDEN" });
  }
});

test("a community worker takes in community reports only, straight to the command center", () => {
  expect(CHANNEL_ROLES.community_report).toContain("community_worker");
  for (const channel of ["hotline", "grid_patrol", "resident"] as const)
    expect(CHANNEL_ROLES[channel]).not.toContain("community_worker");
  expect(startingStatus("community_report", "community_worker")).toBe(CaseStatus.awaiting_dispatch);
});
