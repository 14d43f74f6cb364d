/**
 * The five-handling workflow (五办工作法) as a pure state machine: which action is allowed from
 * which status for which role, and where it leads. No I/O: services load the case and the
 * caller's reach, ask `decide`, and apply the decision in one transaction.
 *
 *   received ──take_lead──▶ grid_handling ──refer_to_street──▶ street_handling ◀─┐ engage_units,
 *      │                         │                                  │  └──────┘ record_unit_result
 *      │          resolve (only where the district     refer_to_command_center      (大工委)
 *      │            lets the grid: gridMayResolve)                  │
 *      │                         ▼                                  ▼
 *      ├──────────assign──────▶ dispatched ◀──────assign────── awaiting_dispatch ◀─┐
 *      │                  (lead + co depts)                                       │
 *      │             request_return ▼   ▲ rule_return(refused)                    │
 *      │                   return_requested ──rule_return(granted)────────────────┘
 *      │                         │ resolve (lead department)
 *      │                         ▼
 *      └──(any stage) resolve ─▶ resolved ──callback──▶ closed
 *                                    │  └─callback(unsatisfied, handler's fault)─▶ back to the stage
 *   escalate (command center) ─▶ escalated ──resolve (city answered)──▶ resolved
 *
 * Beside the path: reply (provisional reply, any handler; a department on its own part),
 * report_progress, request_extension and rule_extension, supervise and conclude_supervision
 * (inspector, supervision office), engage_units and record_unit_result (the street office pulls in
 * the units of its joint committee, 大工委, before it refers a case up), and the sweeper's
 * warn/breach.
 * Who handles first is the district's rule: by default the street office does (街道首办), so grid
 * staff take the lead and refer to the street, which resolves; a district may let the grid
 * resolve what it can settle itself (`gridMayResolve`).
 * A community worker's direct report (社区直报) starts at awaiting_dispatch (intake.rules.ts); the
 * community files and follows it but takes no action here, so every branch below refuses it.
 */

export enum CaseStatus {
  received = "received",
  grid_handling = "grid_handling",
  street_handling = "street_handling",
  awaiting_dispatch = "awaiting_dispatch",
  dispatched = "dispatched",
  return_requested = "return_requested",
  resolved = "resolved",
  escalated = "escalated",
  closed = "closed",
}

export enum CaseAction {
  create = "create",
  reply = "reply",
  take_lead = "take_lead",
  refer_to_street = "refer_to_street",
  refer_to_command_center = "refer_to_command_center",
  assign = "assign",
  report_progress = "report_progress",
  resolve = "resolve",
  request_return = "request_return",
  rule_return = "rule_return",
  request_extension = "request_extension",
  rule_extension = "rule_extension",
  callback = "callback",
  escalate = "escalate",
  supervise = "supervise",
  conclude_supervision = "conclude_supervision",
  engage_units = "engage_units",
  record_unit_result = "record_unit_result",
  warn = "warn",
  breach = "breach",
}

export type ActorRole =
  | "resident"
  | "operator"
  | "grid_worker"
  | "grid_chief"
  | "street_officer"
  | "community_worker"
  | "command_center"
  | "department"
  | "inspector"
  | "supervision_office"
  | "district_admin"
  | "city_admin"
  | "system";

/**
 * Who opens and concludes supervisions by hand: discipline inspection (纪检监察) and the supervision
 * office (督查室), which the report names side by side as inspecting case handling.
 */
const SUPERVISORS: ReadonlySet<ActorRole> = new Set(["inspector", "supervision_office"]);

/** What the service knows about the caller's relation to this case. */
export interface Reach {
  /** The case's grid is one of the caller's grids (grid staff). */
  grid: boolean;
  /** The case's street office is the caller's (street officers). */
  street: boolean;
  /** The caller's department holds an active assignment of the case, and whether as lead. */
  assigned: boolean;
  lead: boolean;
}

export interface CaseFacts {
  status: CaseStatus;
  /** The stage that last handled the case: where a redo sends it back. */
  stage: CaseStatus;
  supervised: boolean;
  pendingReturn: boolean;
  pendingExtension: boolean;
  replied: boolean;
  /** The district lets grid staff resolve from grid handling (else the street handles first). */
  gridMayResolve: boolean;
}

export type Decision =
  | { ok: true; to: CaseStatus }
  | { ok: false; code: "FORBIDDEN" | "BAD_USER_INPUT"; message: string };

const GRID = new Set<ActorRole>(["grid_worker", "grid_chief"]);
const OPEN = (s: CaseStatus) => s !== CaseStatus.closed;

function forbid(message: string): Decision {
  return { ok: false, code: "FORBIDDEN", message };
}
function wrongState(action: CaseAction, s: CaseStatus): Decision {
  return { ok: false, code: "BAD_USER_INPUT", message: `cannot ${action} a case that is ${s}` };
}

/** Parameters some actions need to decide (the rest is validated by the service). */
export interface ActionParams {
  granted?: boolean;
  /** callback: the complainant was unsatisfied and the cause lies with the handler. */
  redo?: boolean;
}

export function decide(
  f: CaseFacts,
  action: CaseAction,
  role: ActorRole,
  reach: Reach,
  params: ActionParams = {},
): Decision {
  const s = f.status;
  switch (action) {
    case CaseAction.create:
      return forbid("cases are created with createCase");

    case CaseAction.reply: {
      const handler =
        (GRID.has(role) && reach.grid) ||
        (role === "street_officer" && reach.street) ||
        (role === "department" && reach.assigned) ||
        role === "command_center" ||
        role === "operator";
      if (!handler) return forbid("only the case's handlers give the provisional reply");
      if (!OPEN(s)) return wrongState(action, s);
      if (f.replied)
        return {
          ok: false,
          code: "BAD_USER_INPUT",
          message: "the case has already had its provisional reply",
        };
      return { ok: true, to: s };
    }

    case CaseAction.take_lead:
      if (!(GRID.has(role) && reach.grid))
        return forbid("only the staff of the case's grid take the lead");
      if (s !== CaseStatus.received) return wrongState(action, s);
      return { ok: true, to: CaseStatus.grid_handling };

    case CaseAction.refer_to_street:
      if (GRID.has(role) && reach.grid) {
        if (s !== CaseStatus.grid_handling) return wrongState(action, s);
        return { ok: true, to: CaseStatus.street_handling };
      }
      if (role === "command_center" || role === "operator") {
        if (s !== CaseStatus.received) return wrongState(action, s);
        return { ok: true, to: CaseStatus.street_handling };
      }
      return forbid(
        "the grid's staff, the operator or the command center refer a case to the street office",
      );

    case CaseAction.refer_to_command_center:
      if (!(role === "street_officer" && reach.street))
        return forbid("only the case's street office refers it to the command center");
      if (s !== CaseStatus.street_handling) return wrongState(action, s);
      return { ok: true, to: CaseStatus.awaiting_dispatch };

    case CaseAction.assign:
      if (role !== "command_center")
        return forbid("only the command center assigns cases to departments");
      if (
        ![CaseStatus.received, CaseStatus.street_handling, CaseStatus.awaiting_dispatch].includes(s)
      )
        return wrongState(action, s);
      return { ok: true, to: CaseStatus.dispatched };

    case CaseAction.report_progress:
      if (!(role === "department" && reach.assigned))
        return forbid("only an assigned department reports progress");
      if (s !== CaseStatus.dispatched) return wrongState(action, s);
      return { ok: true, to: s };

    case CaseAction.resolve:
      if (s === CaseStatus.grid_handling) {
        if (!(GRID.has(role) && reach.grid))
          return forbid("the grid handling the case resolves it");
        return f.gridMayResolve
          ? { ok: true, to: CaseStatus.resolved }
          : forbid(
              "in this district the street office handles first (街道首办): refer the case to the street office, which resolves it",
            );
      }
      if (s === CaseStatus.street_handling) {
        return role === "street_officer" && reach.street
          ? { ok: true, to: CaseStatus.resolved }
          : forbid("the street office handling the case resolves it");
      }
      if (s === CaseStatus.dispatched) {
        return role === "department" && reach.lead
          ? { ok: true, to: CaseStatus.resolved }
          : forbid("the lead department resolves a dispatched case");
      }
      if (s === CaseStatus.escalated) {
        return role === "command_center"
          ? { ok: true, to: CaseStatus.resolved }
          : forbid("the command center records the city's resolution");
      }
      return wrongState(action, s);

    case CaseAction.request_return:
      if (!(role === "department" && reach.lead))
        return forbid("only the lead department returns a case (a co-handler reports its part)");
      if (s !== CaseStatus.dispatched) return wrongState(action, s);
      if (f.pendingReturn)
        return {
          ok: false,
          code: "BAD_USER_INPUT",
          message: "a return is already waiting for a ruling",
        };
      return { ok: true, to: CaseStatus.return_requested };

    case CaseAction.rule_return:
      if (role !== "command_center") return forbid("only the command center rules on returns");
      if (s !== CaseStatus.return_requested) return wrongState(action, s);
      return {
        ok: true,
        to: params.granted ? CaseStatus.awaiting_dispatch : CaseStatus.dispatched,
      };

    case CaseAction.request_extension:
      if (!(role === "department" && reach.assigned))
        return forbid("only an assigned department asks for an extension");
      if (s !== CaseStatus.dispatched) return wrongState(action, s);
      if (f.pendingExtension)
        return {
          ok: false,
          code: "BAD_USER_INPUT",
          message: "an extension is already waiting for a ruling",
        };
      return { ok: true, to: s };

    case CaseAction.rule_extension:
      if (role !== "command_center") return forbid("only the command center rules on extensions");
      if (s !== CaseStatus.dispatched) return wrongState(action, s);
      if (!f.pendingExtension)
        return {
          ok: false,
          code: "BAD_USER_INPUT",
          message: "no extension is waiting for a ruling",
        };
      return { ok: true, to: s };

    case CaseAction.callback:
      if (role !== "operator" && role !== "command_center")
        return forbid("the hotline operator or the command center calls the complainant back");
      if (s !== CaseStatus.resolved) return wrongState(action, s);
      return { ok: true, to: params.redo ? f.stage : CaseStatus.closed };

    case CaseAction.escalate:
      if (role !== "command_center")
        return forbid("only the command center escalates a case to the city");
      if (![CaseStatus.received, CaseStatus.awaiting_dispatch, CaseStatus.dispatched].includes(s))
        return wrongState(action, s);
      return { ok: true, to: CaseStatus.escalated };

    case CaseAction.supervise:
      if (!SUPERVISORS.has(role) && role !== "system")
        return forbid("only discipline inspection or the supervision office opens a supervision");
      if (f.supervised)
        return {
          ok: false,
          code: "BAD_USER_INPUT",
          message: "the case is already under supervision",
        };
      return { ok: true, to: s };

    case CaseAction.conclude_supervision:
      if (!SUPERVISORS.has(role))
        return forbid(
          "only discipline inspection or the supervision office concludes a supervision",
        );
      if (!f.supervised)
        return { ok: false, code: "BAD_USER_INPUT", message: "the case is not under supervision" };
      return { ok: true, to: s };

    case CaseAction.engage_units:
    case CaseAction.record_unit_result:
      if (!(role === "street_officer" && reach.street))
        return forbid("only the case's street office works with its joint committee's units");
      if (s !== CaseStatus.street_handling) return wrongState(action, s);
      return { ok: true, to: s };

    case CaseAction.warn:
    case CaseAction.breach:
      if (role !== "system") return forbid("deadlines are watched by the system");
      if (!OPEN(s)) return wrongState(action, s);
      return { ok: true, to: s };
  }
}

/** Statuses that are a stage of handling: entering one makes it the case's stage (where a redo
 * sends it back). */
export const STAGES: ReadonlySet<CaseStatus> = new Set([
  CaseStatus.grid_handling,
  CaseStatus.street_handling,
  CaseStatus.dispatched,
  CaseStatus.escalated,
]);

/** A department's relation to a case from the case's parts: it holds one, and whether as lead. */
export function departmentReach(
  parts: ReadonlyArray<{ departmentId: string; role: string; status: string }>,
  departmentId: string | null | undefined,
): Pick<Reach, "assigned" | "lead"> {
  const mine = departmentId
    ? parts.filter((a) => a.departmentId === departmentId && a.status === "assigned")
    : [];
  return { assigned: mine.length > 0, lead: mine.some((a) => a.role === "lead") };
}
