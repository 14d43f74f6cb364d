import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Case } from "../cases/case.entity";
import { type Counts, UnitLevel } from "../cases/case.measures";
import { type Rates } from "../cases/case.rates";

// These types are plain data with no field middleware or role: `simpleResolvers` lets GraphQL
// read their properties directly (a grid scoreboard is some 17,000 fields).

registerEnumType(UnitLevel, { name: "UnitLevel", description: "The level of the units measured." });

export enum MeasureName {
  received = "received",
  hotline = "hotline",
  communityReport = "communityReport",
  gridPatrol = "gridPatrol",
  residentReport = "residentReport",
  repliedOnTime = "repliedOnTime",
  resolved = "resolved",
  resolvedOnTime = "resolvedOnTime",
  callbacks = "callbacks",
  callbacksValid = "callbacksValid",
  satisfied = "satisfied",
  basicallySatisfied = "basicallySatisfied",
  unsatisfied = "unsatisfied",
  returns = "returns",
  supervisions = "supervisions",
  breaches = "breaches",
  replyBreaches = "replyBreaches",
  parts = "parts",
  partsRepliedOnTime = "partsRepliedOnTime",
  partsOnTime = "partsOnTime",
  partBreaches = "partBreaches",
}
registerEnumType(MeasureName, {
  name: "MeasureName",
  description: "A counted measure (see UnitMeasures).",
});

/** The GraphQL type of each level's units, for their global ids. */
export const LEVEL_TYPE: Record<UnitLevel, string> = {
  district: "District",
  street_office: "StreetOffice",
  community: "Community",
  grid: "Grid",
  department: "Department",
};

// The rates' descriptions repeat the formulas of `ratesOf` (cases/case.rates.ts), where they are computed.
@ObjectType({
  simpleResolvers: true,
  description:
    "A unit's measures over a period: the cases received in the period (local days, UTC+8), counted as they stand now. Rates are null when their denominator is zero.",
})
export class UnitMeasures implements Counts, Rates {
  @Field(() => UnitLevel) level: UnitLevel;
  @Field(() => ID, {
    description: "The unit's global id (District, StreetOffice, Community, Grid or Department).",
  })
  unitId: string;
  @Field() name: string;
  @Field(() => Int, { description: "Cases received." }) received: number;
  @Field(() => Int, { description: "Received from the 12345 hotline." }) hotline: number;
  @Field(() => Int, { description: "Community direct reports." }) communityReport: number;
  @Field(() => Int, { description: "Found on grid patrols (proactive)." }) gridPatrol: number;
  @Field(() => Int, { description: "Filed by residents." }) residentReport: number;
  @Field(() => Int, { description: "First provisional reply within the reply limit (2 hours)." })
  repliedOnTime: number;
  @Field(() => Int, { description: "Resolved at least once." }) resolved: number;
  @Field(() => Int, { description: "First resolved before the resolution limit was breached." })
  resolvedOnTime: number;
  @Field(() => Int, { description: "Callbacks made." }) callbacks: number;
  @Field(() => Int, { description: "Callbacks that reached the complainant and got an answer." })
  callbacksValid: number;
  @Field(() => Int) satisfied: number;
  @Field(() => Int) basicallySatisfied: number;
  @Field(() => Int) unsatisfied: number;
  @Field(() => Int, { description: "Returns granted." }) returns: number;
  @Field(() => Int, { description: "Supervisions opened (inspectors and automatic)." })
  supervisions: number;
  @Field(() => Int, { description: "Cases whose resolution limit was breached." }) breaches: number;
  @Field(() => Int, {
    description:
      "Cases whose provisional reply limit (2 hours) was breached: no reply by its due time.",
  })
  replyBreaches: number;
  @Field(() => Int, {
    description:
      "Departments' parts given (each department's part of each assignment); a department counts its own, a unit above counts its cases'.",
  })
  parts: number;
  @Field(() => Int, {
    description: "Parts whose department replied by the part's own reply due time.",
  })
  partsRepliedOnTime: number;
  @Field(() => Int, {
    description:
      "Parts their department finished (lead: resolved; co-handler: final report) before the part's own due time was breached.",
  })
  partsOnTime: number;
  @Field(() => Int, { description: "Parts whose own due time the department let pass." })
  partBreaches: number;
  @Field(() => Int, {
    description:
      "Now (any receipt date): the unit's open cases (not yet resolved, nor closed); for a department, the parts it still holds of open cases.",
  })
  openNow: number;
  @Field(() => Int, {
    description:
      "Now (any receipt date): open cases of the unit past their resolution due time; for a department, the parts it still holds past their own due time.",
  })
  overdueNow: number;
  @Field(() => Float, { nullable: true, description: "Proactive share = gridPatrol / received." })
  proactiveShare: number | null;
  @Field(() => Float, { nullable: true, description: "Response rate = repliedOnTime / received." })
  responseRate: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "On-time completion rate (办结率) = resolvedOnTime / received.",
  })
  onTimeCompletionRate: number | null;
  @Field(() => Float, { nullable: true, description: "Resolution rate = resolved / received." })
  resolutionRate: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Satisfaction rate (满意率) = (satisfied + basicallySatisfied) / callbacksValid.",
  })
  satisfactionRate: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Effective callback rate (有效回访率) = callbacksValid / callbacks.",
  })
  effectiveCallbackRate: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Departments' reply rate = partsRepliedOnTime / parts.",
  })
  partReplyRate: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Departments' on-time rate = partsOnTime / parts.",
  })
  partOnTimeRate: number | null;
}

@ObjectType({ simpleResolvers: true, description: "The cases behind one figure." })
export class MeasureCases {
  @Field(() => Int, {
    description: "How many cases make the figure (the figure itself for counts of cases).",
  })
  total: number;

  @Field(() => [Case], { description: "Up to 200 of them, newest first." })
  cases: Case[];
}
