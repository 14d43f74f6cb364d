/**
 * How a case starts: where it starts by channel and role, its workflow state and create event,
 * and its number. Pure; the intake service and the demo history both start cases here.
 */
import { localDay } from "../../common/dates";
import { type ActorRole, CaseAction, CaseStatus } from "./case.workflow";
import { type Actor, type CaseState, type EventDraft } from "./case.state";
import { type Outcome } from "./case.rules";

/** Which roles may take a case in through which channel. */
export const CHANNEL_ROLES: Record<
  "hotline" | "community_report" | "grid_patrol" | "resident",
  readonly ActorRole[]
> = {
  hotline: ["operator", "command_center"],
  community_report: ["community_worker", "street_officer", "grid_chief", "grid_worker"],
  grid_patrol: ["grid_worker", "grid_chief"],
  resident: ["resident"],
};

/** Every role that takes cases in through some channel. */
export const INTAKE_ROLES: readonly ActorRole[] = [...new Set(Object.values(CHANNEL_ROLES).flat())];

/**
 * Where a new case starts: a patrol's or a grid's own report with its grid (网格领办), a street
 * office's report with the street office (街道首办), a community's direct report in the command
 * center's queue (the appeals center's 社区直报: "民意诉求直达中心"), a call or a resident's report
 * as received.
 */
export function startingStatus(channel: string, role: ActorRole | string): CaseStatus {
  if (channel === "grid_patrol") return CaseStatus.grid_handling;
  if (channel === "community_report") {
    if (role === "community_worker") return CaseStatus.awaiting_dispatch;
    return role === "street_officer" ? CaseStatus.street_handling : CaseStatus.grid_handling;
  }
  return CaseStatus.received;
}

/** A new case's workflow state, with its `create` event. */
export function newCase(input: {
  districtId: string;
  id: string;
  status: CaseStatus;
  receivedAt: Date;
  replyDueAt: Date;
  resolutionDueAt: Date;
  /** The case's resolution limit in working days (the category's or the district's). */
  resolutionDays: number;
  creator: Actor;
  /** What the create event records: channel, category, and any year the calendar assumed. */
  data: Record<string, unknown>;
}): Outcome {
  const at = input.receivedAt;
  const state: CaseState = {
    case: {
      districtId: input.districtId,
      id: input.id,
      status: input.status,
      stage: input.status,
      version: 1,
      receivedAt: at,
      replyDueAt: input.replyDueAt,
      repliedAt: null,
      resolutionDueAt: input.resolutionDueAt,
      resolutionDays: input.resolutionDays,
      resolvedAt: null,
      closedAt: null,
      warnedAt: null,
      breachedAt: null,
      replyBreachedAt: null,
      returnCount: 0,
      redoCount: 0,
      supervised: false,
      escalated: false,
      callbackReached: null,
      satisfaction: null,
      resolution: null,
      updatedAt: at,
    },
    assignments: [],
    requests: [],
    supervisions: [],
    engagements: [],
  };
  const create: EventDraft = {
    action: CaseAction.create,
    actor: input.creator.subject,
    actorRole: input.creator.role,
    from: null,
    to: input.status,
    note: null,
    data: input.data,
    at,
  };
  return { state, events: [create] };
}

/**
 * The case number: the district's code, the local day of receipt and the position of its create
 * event in the district's log, e.g. MS-20260930-000123. Unique in a district because positions are.
 */
export function caseNumber(
  districtCode: string,
  receivedAt: Date,
  position: string | number,
): string {
  const day = localDay(receivedAt).replaceAll("-", "");
  return `${districtCode.toUpperCase()}-${day}-${String(position).padStart(6, "0")}`;
}
