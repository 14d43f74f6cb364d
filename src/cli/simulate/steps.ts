import { type Rng } from "../../demo/rng";
import {
  assignmentNote,
  callbackText,
  LEAD_DEPARTMENT,
  noteText,
  resolutionText,
} from "../../demo/case-texts";
import { type TokenFor } from "./api";
import { type OpenCase } from "./operations";

/**
 * How open cases move: at each look, the role whose turn it is takes the case one step further,
 * mostly the usual way (reply, handle, resolve, call back), now and then another (refer up, ask
 * for a return or more time, escalate).
 */

export interface Step {
  action: string;
  bearer: string;
  input: Record<string, unknown>;
}

export interface Handlers {
  rng: Rng;
  token: TokenFor;
  /** Department ids by code. */
  departments: Map<string, string>;
  /** The district lets grid staff resolve (else they refer to the street office, 街道首办). */
  gridMayResolve: boolean;
}

/** The next step of a case: which mutation, with which token and input. */
export async function nextStep(h: Handlers, c: OpenCase): Promise<Step | null> {
  const { rng, token } = h;
  const base = { id: c.id, expectedVersion: c.version };
  const command = () => token("command_center");
  const lead = c.assignments.find((a) => a.role === "lead" && a.status === "assigned");
  const coPending = c.assignments.find((a) => a.role === "co" && a.status === "assigned");
  const pendingExtension = c.requests.some((r) => r.kind === "extension" && r.status === "pending");
  const gridStaff = () => token("grid_worker", { grid: c.grid!.code });
  const street = () => token("street_officer", { street: c.streetOffice!.code });
  const dept = (code: string) => token("department", { department: code });

  if (!c.repliedAt && c.status !== "resolved")
    return {
      action: "reply",
      bearer: await token("operator"),
      input: { ...base, note: noteText(rng, "reply") },
    };
  const r = rng.next();
  switch (c.status) {
    case "received":
      if (r < 0.4 && c.grid)
        return {
          action: "take_lead",
          bearer: await gridStaff(),
          input: { ...base, note: noteText(rng, "takeLead") },
        };
      if (r < 0.6 && c.streetOffice)
        return {
          action: "refer_to_street",
          bearer: await command(),
          input: { ...base, note: noteText(rng, "toStreet") },
        };
      if (r < 0.98) return assign(h, c, base);
      return {
        action: "escalate",
        bearer: await command(),
        input: { ...base, note: noteText(rng, "escalate") },
      };
    case "grid_handling":
      if (!c.grid) return assign(h, c, base);
      return r < 0.8 && h.gridMayResolve
        ? {
            action: "resolve",
            bearer: await gridStaff(),
            input: { ...base, note: resolutionText(rng, c.category) },
          }
        : {
            action: "refer_to_street",
            bearer: await gridStaff(),
            input: { ...base, note: noteText(rng, "gridToStreet") },
          };
    case "street_handling":
      if (!c.streetOffice) return assign(h, c, base);
      return r < 0.7
        ? {
            action: "resolve",
            bearer: await street(),
            input: { ...base, note: resolutionText(rng, c.category) },
          }
        : {
            action: "refer_to_command_center",
            bearer: await street(),
            input: { ...base, note: noteText(rng, "toCommandCenter") },
          };
    case "awaiting_dispatch":
      return assign(h, c, base);
    case "dispatched": {
      if (pendingExtension) {
        const granted = rng.chance(0.8);
        return {
          action: "rule_extension",
          bearer: await command(),
          input: {
            ...base,
            granted,
            note: noteText(rng, granted ? "extensionGranted" : "extensionRefused"),
          },
        };
      }
      if (coPending)
        return {
          action: "report_progress",
          bearer: await dept(coPending.department.code),
          input: { ...base, note: noteText(rng, "coReport"), final: true },
        };
      if (!lead) return null;
      const leadToken = await dept(lead.department.code);
      const due = new Date(lead.dueAt).getTime();
      if (r < 0.05)
        return {
          action: "request_return",
          bearer: leadToken,
          input: { ...base, note: noteText(rng, "requestReturn") },
        };
      if (r < 0.09 && due > Date.now() + 60_000)
        return {
          action: "request_extension",
          bearer: leadToken,
          input: {
            ...base,
            note: noteText(rng, "requestExtension"),
            requestedDueAt: new Date(due + 2 * 86_400_000).toISOString(),
          },
        };
      if (r < 0.15)
        return {
          action: "report_progress",
          bearer: leadToken,
          input: { ...base, note: noteText(rng, "progress") },
        };
      return {
        action: "resolve",
        bearer: leadToken,
        input: { ...base, note: resolutionText(rng, c.category) },
      };
    }
    case "return_requested": {
      const granted = rng.chance(0.5);
      return {
        action: "rule_return",
        bearer: await command(),
        input: {
          ...base,
          granted,
          note: noteText(rng, granted ? "returnGranted" : "returnRefused"),
        },
      };
    }
    case "escalated":
      return {
        action: "resolve",
        bearer: await command(),
        input: { ...base, note: noteText(rng, "cityAnswered") },
      };
    case "resolved": {
      const reached = rng.chance(0.92);
      const satisfaction = reached
        ? rng.weighted([
            ["satisfied", 85],
            ["basically_satisfied", 10],
            ["unsatisfied", 5],
          ] as const)
        : null;
      const redo = satisfaction === "unsatisfied" && rng.chance(1 / 3);
      return {
        action: "callback",
        bearer: await token(
          c.channel === "hotline" || c.channel === "resident" ? "operator" : "command_center",
        ),
        input: {
          ...base,
          reached,
          ...(satisfaction ? { satisfaction } : {}),
          ...(redo ? { handlerAtFault: true } : {}),
          note: callbackText(rng, satisfaction ?? "unreached"),
        },
      };
    }
    default:
      return null;
  }
}

/**
 * To the category's usual lead department (any, if the district has not got it), and now and then
 * to a second one as co-handler.
 */
async function assign(
  h: Handlers,
  c: OpenCase,
  base: { id: string; expectedVersion: number },
): Promise<Step> {
  const { rng, token, departments } = h;
  const codes = [...departments.keys()];
  const usual = LEAD_DEPARTMENT[c.category];
  const lead = usual && departments.has(usual) ? usual : rng.pick(codes);
  const others = codes.filter((d) => d !== lead);
  const co = others.length && rng.chance(0.25) ? [rng.pick(others)] : [];
  return {
    action: "assign",
    bearer: await token("command_center"),
    input: {
      ...base,
      note: assignmentNote([
        { code: lead, role: "lead" },
        ...co.map((code) => ({ code, role: "co" as const })),
      ]),
      assignments: [
        { departmentId: departments.get(lead)!, role: "lead" },
        ...co.map((d) => ({ departmentId: departments.get(d)!, role: "co" })),
      ],
    },
  };
}
