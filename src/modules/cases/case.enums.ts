import { registerEnumType } from "type-graphql";
import { CaseAction, CaseStatus } from "./case.workflow";

export { CaseAction, CaseStatus };

export enum CaseChannel {
  hotline = "hotline",
  community_report = "community_report",
  grid_patrol = "grid_patrol",
  resident = "resident",
}
export enum Urgency {
  normal = "normal",
  urgent = "urgent",
}
export enum Satisfaction {
  satisfied = "satisfied",
  basically_satisfied = "basically_satisfied",
  unsatisfied = "unsatisfied",
}
export enum AssignmentRole {
  lead = "lead",
  co = "co",
}
export enum AssignmentStatus {
  assigned = "assigned",
  reported = "reported",
  returned = "returned",
  withdrawn = "withdrawn",
}
export enum RequestKind {
  return = "return",
  extension = "extension",
}
export enum RequestStatus {
  pending = "pending",
  granted = "granted",
  refused = "refused",
}
export enum SupervisionTrigger {
  inspector = "inspector",
  breach = "breach",
  returns = "returns",
  unsatisfied = "unsatisfied",
}
export enum DeadlineKind {
  warning = "warning",
  breach = "breach",
}

registerEnumType(CaseStatus, {
  name: "CaseStatus",
  valuesConfig: {
    received: { description: "Registered; nobody has taken it yet." },
    grid_handling: { description: "网格领办: the grid takes the lead." },
    street_handling: { description: "街道首办: the street office handles it first." },
    awaiting_dispatch: { description: "Referred to the command center, waiting to be assigned." },
    dispatched: { description: "指挥中心交办: assigned to a lead department and co-handlers." },
    return_requested: {
      description: "退单: a department asked to return it; the command center rules.",
    },
    resolved: { description: "The handler reported a resolution; the callback is due." },
    escalated: { description: "Sent to the city's departments." },
    closed: { description: "Called back and closed." },
  },
});
registerEnumType(CaseAction, {
  name: "CaseAction",
  description: "What an event in a case's log did.",
});
registerEnumType(CaseChannel, {
  name: "CaseChannel",
  valuesConfig: {
    hotline: { description: "12345 hotline (接诉即办)." },
    community_report: { description: "Community direct report (社区直报)." },
    grid_patrol: { description: "Found on a grid patrol: proactive (未诉先办)." },
    resident: { description: "Filed by a resident in the app." },
  },
});
registerEnumType(Urgency, { name: "Urgency" });
registerEnumType(Satisfaction, { name: "Satisfaction" });
registerEnumType(AssignmentRole, {
  name: "AssignmentRole",
  valuesConfig: { lead: { description: "牵头部门" }, co: { description: "协同联办" } },
});
registerEnumType(AssignmentStatus, { name: "AssignmentStatus" });
registerEnumType(RequestKind, { name: "CaseRequestKind" });
registerEnumType(RequestStatus, { name: "CaseRequestStatus" });
registerEnumType(SupervisionTrigger, { name: "SupervisionTrigger" });
registerEnumType(DeadlineKind, { name: "DeadlineKind" });
