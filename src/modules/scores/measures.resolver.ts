import {
  Arg,
  Authorized,
  Ctx,
  Field,
  Float,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { badInput } from "../../common/errors";
import { fromGlobalId, toGlobalId } from "../../common/ids";
import { Role, STAFF_ROLES } from "../tenancy/role.enums";
import { Case } from "../cases/case.entity";
import { maySeeCase } from "../cases/case.policy";
import { overdueSql } from "../cases/settings.service";
import { COLUMN } from "./score.counters";
import { caseMeasures, MEASURES, type Measure, UnitLevel } from "./score.measures";

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
}
registerEnumType(MeasureName, {
  name: "MeasureName",
  description: "A counted measure (see UnitMeasures).",
});

const LEVEL_TYPE: Record<UnitLevel, string> = {
  district: "District",
  street_office: "StreetOffice",
  community: "Community",
  grid: "Grid",
  department: "Department",
};
const LEVEL_TABLE: Record<UnitLevel, string> = {
  district: "district",
  street_office: "street_office",
  community: "community",
  grid: "grid",
  department: "department",
};

@ObjectType({
  description:
    "A unit's measures over a period: the cases received in the period (local days, UTC+8), counted as they stand now. Rates are null when their denominator is zero.",
})
export class UnitMeasures {
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
    description: "Open cases of the unit past their resolution due time, now (any receipt date).",
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
}

/** n / d, or null when there is nothing to divide by. */
export const rate = (n: number, d: number) => (d > 0 ? n / d : null);

/** A day of a period: YYYY-MM-DD, a real date, from 2000 to 2100 (BAD_USER_INPUT otherwise). */
export function checkDay(field: string, v: string): string {
  const t = new Date(`${v}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
    Number.isNaN(t.getTime()) ||
    t.toISOString().slice(0, 10) !== v
  )
    throw badInput(field, "use a date as YYYY-MM-DD");
  if (v < "2000-01-01" || v > "2100-12-31") throw badInput(field, "a date from 2000 to 2100");
  return v;
}

/** A period: both days valid, and not ending before it starts. */
export function checkPeriod(from: string, to: string): void {
  checkDay("from", from);
  checkDay("to", to);
  if (from > to) throw badInput("to", "the period ends before it starts");
}

/** The measures of every unit of a level over a period, from the counters (see `measures`). */
export function computeMeasures(
  ctx: AuthedContext,
  level: UnitLevel,
  from: string,
  to: string,
): Promise<UnitMeasures[]> {
  const districtIds = ctx.principal.districtIds;
  const cols = MEASURES.map((m) => `coalesce(sum(s.${COLUMN[m]}), 0)::int AS "${m}"`);
  return ctx.db.run(async (m) => {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT u.id AS unit, u.name, ${cols.join(", ")}
           FROM ${LEVEL_TABLE[level]} u
           LEFT JOIN score_counter s ON s.district_id = ${level === UnitLevel.district ? "u.id" : "u.district_id"}
                AND s.level = $1 AND s.unit_id = u.id AND s.day BETWEEN $2::date AND $3::date
          WHERE ${level === UnitLevel.district ? "u.id" : "u.district_id"} = ANY($4::uuid[])
          GROUP BY u.id, u.name ORDER BY u.name`,
      [level, from, to, districtIds],
    );
    const overdue: Array<{ unit: string; n: number }> = await m.query(
      `SELECT ${level === UnitLevel.community ? "g.community_id" : level === UnitLevel.department ? "a.department_id" : level === UnitLevel.district ? "c.district_id" : `c.${level}_id`} AS unit,
                count(DISTINCT c.id)::int AS n
           FROM hotline_case c
           ${level === UnitLevel.community ? "JOIN grid g ON g.district_id = c.district_id AND g.id = c.grid_id" : ""}
           ${level === UnitLevel.department ? "JOIN case_assignment a ON a.district_id = c.district_id AND a.case_id = c.id AND a.status = 'assigned'" : ""}
          WHERE c.district_id = ANY($1::uuid[]) AND ${overdueSql("c", "$2")}
          GROUP BY 1`,
      [districtIds, ctx.clock.now()],
    );
    const overdueBy = new Map(overdue.map((o) => [o.unit, o.n]));
    return rows.map((r) => {
      const n = (k: Measure) => Number(r[k]);
      return {
        level,
        unitId: toGlobalId(LEVEL_TYPE[level], r.unit as string),
        name: r.name as string,
        ...(Object.fromEntries(MEASURES.map((k) => [k, n(k)])) as Record<Measure, number>),
        overdueNow: overdueBy.get(r.unit as string) ?? 0,
        proactiveShare: rate(n("gridPatrol"), n("received")),
        responseRate: rate(n("repliedOnTime"), n("received")),
        onTimeCompletionRate: rate(n("resolvedOnTime"), n("received")),
        resolutionRate: rate(n("resolved"), n("received")),
        satisfactionRate: rate(n("satisfied") + n("basicallySatisfied"), n("callbacksValid")),
        effectiveCallbackRate: rate(n("callbacksValid"), n("callbacks")),
      };
    });
  });
}

@ObjectType({ description: "The cases behind one figure." })
export class MeasureCases {
  @Field(() => Int, {
    description: "How many cases make the figure (the figure itself for counts of cases).",
  })
  total: number;

  @Field(() => [Case], { description: "Up to 200 of them, newest first." })
  cases: Case[];
}

/** The units' SQL column on a case, for drill-down. */
function unitCondition(level: UnitLevel): string {
  switch (level) {
    case UnitLevel.district:
      return "c.district_id = $2";
    case UnitLevel.street_office:
      return "c.street_office_id = $2";
    case UnitLevel.grid:
      return "c.grid_id = $2";
    case UnitLevel.community:
      return "c.grid_id IN (SELECT g.id FROM grid g WHERE g.district_id = c.district_id AND g.community_id = $2)";
    case UnitLevel.department:
      return "c.id IN (SELECT a.case_id FROM case_assignment a WHERE a.district_id = c.district_id AND a.department_id = $2)";
  }
}

@Resolver()
export class MeasuresResolver {
  @Authorized(...STAFF_ROLES, Role.city_admin)
  @Query(() => [UnitMeasures], {
    description:
      "Measures per unit of a level over the cases received from `from` to `to` (inclusive, local days), read from counters kept current with every case event. District staff see their district's units; a city admin sees its districts (level district only), with no personal data.",
  })
  async measures(
    @Arg("level", () => UnitLevel) level: UnitLevel,
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<UnitMeasures[]> {
    checkPeriod(from, to);
    if (ctx.principal.role === Role.city_admin && level !== UnitLevel.district)
      throw badInput("level", "a city admin compares districts: use level district");
    return computeMeasures(ctx, level, from, to);
  }

  @Authorized(...STAFF_ROLES, Role.city_admin)
  @Query(() => MeasureCases, {
    description:
      "Drills a figure down to its cases: the unit's cases received in the period that count in `measure` (recomputed from their event logs, the same rule as the counters).",
  })
  async measureCases(
    @Arg("level", () => UnitLevel) level: UnitLevel,
    @Arg("unitId", () => ID) unitId: string,
    @Arg("measure", () => MeasureName) measure: MeasureName,
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<MeasureCases> {
    checkPeriod(from, to);
    if (ctx.principal.role === Role.city_admin && level !== UnitLevel.district)
      throw badInput("level", "a city admin compares districts: use level district");
    const ref = fromGlobalId(unitId);
    if (!ref || ref.type !== LEVEL_TYPE[level])
      throw badInput("unitId", `not a ${LEVEL_TYPE[level]} id`);
    const rows = await ctx.db.run(async (m) => {
      const cases: Case[] = await m
        .createQueryBuilder(Case, "c")
        .where("c.district_id = ANY(CAST(:d AS uuid[]))", { d: ctx.principal.districtIds })
        .andWhere(unitCondition(level).replace("$2", ":unit"), { unit: ref.id })
        .andWhere(
          "(c.received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN CAST(:from AS date) AND CAST(:to AS date)",
          { from, to },
        )
        .orderBy("c.id", "DESC")
        .getMany();
      if (cases.length === 0) return [];
      const events: Array<{
        case_id: string;
        action: string;
        at: Date;
        data: Record<string, unknown>;
      }> = await m.query(
        `SELECT case_id, action, at, data FROM case_event WHERE district_id = ANY($1::uuid[]) AND case_id = ANY($2::uuid[]) ORDER BY position`,
        [ctx.principal.districtIds, cases.map((c) => c.id)],
      );
      const depts: Array<{ code: string; id: string }> =
        level === UnitLevel.department
          ? await m.query(`SELECT code, id FROM department WHERE district_id = ANY($1::uuid[])`, [
              ctx.principal.districtIds,
            ])
          : [];
      const codeOf = new Map(depts.map((d) => [d.id, d.code]));
      const byCase = new Map<
        string,
        Array<{ action: string; at: Date; data: Record<string, unknown> }>
      >();
      for (const e of events) {
        let l = byCase.get(e.case_id);
        if (!l) byCase.set(e.case_id, (l = []));
        l.push({ action: e.action, at: new Date(e.at), data: e.data ?? {} });
      }
      const grids: Array<{ id: string; community_id: string }> = await m.query(
        `SELECT id, community_id FROM grid WHERE district_id = ANY($1::uuid[])`,
        [ctx.principal.districtIds],
      );
      const communityOf = new Map(grids.map((g) => [g.id, g.community_id]));
      const unitKey = level === UnitLevel.department ? codeOf.get(ref.id) : ref.id;
      return cases.filter((c) => {
        const units = caseMeasures(
          {
            districtId: c.districtId,
            receivedAt: c.receivedAt,
            replyDueAt: c.replyDueAt,
            channel: c.channel,
            streetOfficeId: c.streetOfficeId,
            communityId: c.gridId ? (communityOf.get(c.gridId) ?? null) : null,
            gridId: c.gridId,
          },
          byCase.get(c.id) ?? [],
        );
        const u = units.find((x) => x.level === level && x.unit === unitKey);
        return (u?.counts[measure as Measure] ?? 0) > 0;
      });
    });
    const visible: Case[] = [];
    for (const c of rows) if (await maySeeCase(ctx, c)) visible.push(c);
    return { total: rows.length, cases: visible.slice(0, 200) };
  }
}
