import { Column, Entity } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";

/** The five failings the report holds to account (追责问责), in its order. */
export enum HandlingFailing {
  irregular_handling = "irregular_handling",
  weak_resolution = "weak_resolution",
  low_satisfaction = "low_satisfaction",
  inaction = "inaction",
  misconduct = "misconduct",
}

/**
 * What the unit or person was given. The report names no sanctions; these are the usual steps of
 * party and government discipline, from none up to a disciplinary sanction.
 */
export enum Sanction {
  none = "none",
  criticism = "criticism",
  admonition = "admonition",
  circulated_criticism = "circulated_criticism",
  disciplinary = "disciplinary",
}

/** Which kind of unit is held to account; `unitId` names one of the district's of that kind. */
export enum AccountableUnitLevel {
  district = "district",
  street_office = "street_office",
  community = "community",
  grid = "grid",
  department = "department",
}

registerEnumType(HandlingFailing, {
  name: "HandlingFailing",
  description: "The failings of case handling that are held to account (追责问责).",
  valuesConfig: {
    irregular_handling: { description: "Handling that is not regular (办理不够规范)." },
    weak_resolution: { description: "Resolution that is not forceful enough (解决不够有力)." },
    low_satisfaction: { description: "Low public satisfaction (群众满意度不高)." },
    inaction: { description: "Inaction (不作为)." },
    misconduct: { description: "Misconduct (乱作为)." },
  },
});
registerEnumType(Sanction, {
  name: "Sanction",
  description: "What accountability imposed, lightest first.",
  valuesConfig: {
    none: { description: "No sanction (the finding is recorded)." },
    criticism: { description: "Criticism and education (批评教育)." },
    admonition: { description: "Admonishing talk (诫勉谈话)." },
    circulated_criticism: { description: "Criticism circulated in notice (通报批评)." },
    disciplinary: { description: "Party or administrative sanction (党纪政务处分)." },
  },
});
registerEnumType(AccountableUnitLevel, {
  name: "AccountableUnitLevel",
  description: "The kind of unit held to account.",
});

/**
 * One decision of accountability for the handling of a case. Recorded by discipline inspection
 * or the supervision office and never changed (a correction is a new record); read by them and
 * the district admin only.
 */
@Entity({ name: "accountability_record" })
@ObjectType({
  implements: Node,
  description:
    "Accountability (追责问责) for the handling of a case: which unit (and who), for which failing, with what outcome and sanction.",
})
export class AccountabilityRecord extends TenantRow implements Node {
  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Column("uuid", { name: "supervision_id", nullable: true })
  supervisionId: string | null;

  @Field(() => AccountableUnitLevel)
  @Column("text", { name: "unit_level" })
  unitLevel: AccountableUnitLevel;

  @Column("uuid", { name: "unit_id" })
  unitId: string;

  @Field(() => String, { nullable: true, description: "The person held to account, as named." })
  @Column("text", { nullable: true })
  person: string | null;

  @Field(() => HandlingFailing)
  @Column("text")
  failing: HandlingFailing;

  @Field({ description: "What was found and decided." })
  @Column("text")
  outcome: string;

  @Field(() => Sanction)
  @Column("text")
  sanction: Sanction;

  @Field({ description: "The day of the decision (YYYY-MM-DD)." })
  @Column("date", { name: "decided_on" })
  decidedOn: string;

  @Field({ description: "Token subject of who recorded it." })
  @Column("text", { name: "recorded_by" })
  recordedBy: string;

  @Field({ description: "When it was recorded, by the server's clock." })
  @Column("timestamptz", { name: "recorded_at" })
  recordedAt: Date;
}
