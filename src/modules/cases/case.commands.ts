/**
 * The commands a case's handlers give (one per workflow action), and what can be checked of one
 * before the case is read. Pure.
 */
import { CaseAction } from "./case.workflow";
import { type AssignmentRole, CaseRuleError, type Satisfaction } from "./case.state";

/** What a caller asks of a case; `note` is the action's text (required where the action says). */
export type Command =
  | { action: CaseAction.reply; note?: string | null }
  | { action: CaseAction.take_lead; note?: string | null }
  | { action: CaseAction.refer_to_street; note?: string | null }
  | { action: CaseAction.refer_to_command_center; note?: string | null }
  | {
      action: CaseAction.assign;
      note?: string | null;
      parts: Array<{
        departmentId: string;
        code: string;
        role: AssignmentRole;
        dueAt?: Date | null;
      }>;
    }
  | { action: CaseAction.report_progress; note?: string | null; final?: boolean | null }
  | { action: CaseAction.resolve; note?: string | null }
  | { action: CaseAction.request_return; note?: string | null }
  | { action: CaseAction.rule_return; note?: string | null; granted: boolean }
  | { action: CaseAction.request_extension; note?: string | null; requestedDueAt: Date }
  | { action: CaseAction.rule_extension; note?: string | null; granted: boolean }
  | {
      action: CaseAction.callback;
      note?: string | null;
      reached: boolean;
      satisfaction?: Satisfaction | null;
      handlerAtFault?: boolean | null;
    }
  | { action: CaseAction.escalate; note?: string | null }
  | { action: CaseAction.supervise; note?: string | null }
  | { action: CaseAction.conclude_supervision; note?: string | null }
  | {
      action: CaseAction.engage_units;
      note?: string | null;
      /** The joint committee's units, with what the service read of them: their names, whether
       * they are of the case's street office, whether still on the committee. */
      units: Array<{ unitId: string; name: string; ofCaseStreet: boolean; active: boolean }>;
    }
  | { action: CaseAction.record_unit_result; note?: string | null; engagementId: string };

/** Actions whose note is required, and what the note is. */
const NOTE_REQUIRED: ReadonlySet<CaseAction> = new Set([
  CaseAction.reply,
  CaseAction.refer_to_street,
  CaseAction.refer_to_command_center,
  CaseAction.report_progress,
  CaseAction.resolve,
  CaseAction.request_return,
  CaseAction.request_extension,
  CaseAction.escalate,
  CaseAction.supervise,
  CaseAction.conclude_supervision,
  CaseAction.engage_units,
  CaseAction.record_unit_result,
]);

export function bad(field: string, message: string): CaseRuleError {
  return new CaseRuleError("BAD_USER_INPUT", field, message);
}

/** The command's text, trimmed; null when empty. */
export function noteOf(cmd: Command): string | null {
  return cmd.note?.trim() || null;
}

/**
 * What can be said of a command before the case is read (the API checks it first, so a bad input
 * is answered the same whatever the case's state): required notes, a callback's answers, an
 * assignment's parts.
 */
export function checkCommand(cmd: Command, at: Date): void {
  if (NOTE_REQUIRED.has(cmd.action) && !noteOf(cmd))
    throw bad("note", "note is required for this action");
  if (cmd.action === CaseAction.callback) {
    if (cmd.reached && !cmd.satisfaction)
      throw bad("satisfaction", "say how satisfied the complainant was");
    if (!cmd.reached && cmd.satisfaction)
      throw bad("satisfaction", "an unreached complainant gives no answer");
    if (cmd.handlerAtFault && cmd.satisfaction !== "unsatisfied")
      throw bad("handlerAtFault", "a redo follows an unsatisfied answer only");
  }
  if (cmd.action === CaseAction.engage_units) {
    if (cmd.units.length === 0) throw bad("unitIds", "name at least one unit");
    if (new Set(cmd.units.map((u) => u.unitId)).size !== cmd.units.length)
      throw bad("unitIds", "a unit is named twice");
  }
  if (cmd.action === CaseAction.assign) {
    if (cmd.parts.filter((p) => p.role === "lead").length !== 1)
      throw bad("assignments", "name exactly one lead department");
    if (new Set(cmd.parts.map((p) => p.departmentId)).size !== cmd.parts.length)
      throw bad("assignments", "a department is named twice");
    for (const [n, p] of cmd.parts.entries())
      if (p.dueAt && p.dueAt.getTime() <= at.getTime())
        throw bad(`assignments.${n}.dueAt`, "a due time must be in the future");
  }
}
