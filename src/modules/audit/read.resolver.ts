import { Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { ConnectionType, PageArgs } from "../../common/connection";
import { badInput, forbidden, notFound } from "../../common/errors";
import { fromGlobalId, toGlobalId } from "../../common/ids";
import { Role } from "../../auth/roles";
import { StaffAccount } from "../org/staff-account.entity";
import { Person } from "../grid/people.entity";
import { callerPerson } from "../grid/grid.policy";
import { idOf } from "../grid/grid.args";
import { Case } from "../cases/case.entity";
import { PersonalDataRead, PersonalDataReader, PersonalRecordKind } from "./read.entity";
import { ReadFilterArgs, ReadTimeArgs } from "./read.inputs";
import { AUDIT_READERS } from "./read.policy";
import { listReads, type ReadQuery } from "./read.service";

export const PersonalDataReadConnection = ConnectionType("PersonalDataRead", PersonalDataRead);

/** The caller's own district: the audit is read one district at a time. */
function auditDistrict(ctx: AuthedContext): string {
  const id = ctx.principal.districtId;
  if (!id) throw forbidden("the read audit is kept per district; a city-scope caller has none");
  return id;
}

/** A Person or Case global id as an audited record of the caller's district, or NOT_FOUND. */
async function recordOf(ctx: AuthedContext, globalId: string): Promise<ReadQuery["record"]> {
  const ref = fromGlobalId(globalId);
  if (ref?.type === "Person") {
    if (!(await ctx.loaders.entity(Person).load(ref.id)))
      throw notFound("no person with this id in your district");
    return { kind: PersonalRecordKind.person, id: ref.id };
  }
  if (ref?.type === "Case") {
    if (!(await ctx.loaders.entity(Case).load(ref.id)))
      throw notFound("no case with this id in your district");
    return { kind: PersonalRecordKind.case_complainant, id: ref.id };
  }
  throw badInput("recordId", "not a Person or Case id");
}

@Resolver(() => PersonalDataRead)
export class PersonalDataReadResolver {
  @Authorized(...AUDIT_READERS)
  @Query(() => PersonalDataReadConnection, {
    description:
      "Reads of unmasked personal data in the caller's district, newest first (inspectors, the supervision office and the district admin).",
  })
  async personalDataReads(
    @Args() page: PageArgs,
    @Args() f: ReadFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    const q: ReadQuery = {
      districtId: auditDistrict(ctx),
      readerSubject: f.readerSubject ?? undefined,
      recordKind: f.recordKind ?? undefined,
      from: f.from ?? undefined,
      to: f.to ?? undefined,
    };
    if (f.recordId) q.record = await recordOf(ctx, f.recordId);
    if (f.personId) {
      const person = await ctx.loaders.entity(Person).load(idOf(f.personId, "Person", "personId"));
      if (!person) throw notFound("no person with this id in your district");
      q.about = { personId: person.id, subject: person.subject };
    }
    return listReads(ctx.db, q, page);
  }

  @Authorized(Role.resident)
  @Query(() => PersonalDataReadConnection, {
    description:
      "Who read your own personal data in full (your register entry, and the complainant of cases you filed), newest first (residents).",
  })
  async whoReadMyData(@Args() page: PageArgs, @Args() t: ReadTimeArgs, @Ctx() ctx: AuthedContext) {
    const me = await callerPerson(ctx);
    return listReads(
      ctx.db,
      {
        districtId: auditDistrict(ctx),
        about: { personId: me?.id ?? null, subject: ctx.principal.subject },
        from: t.from ?? undefined,
        to: t.to ?? undefined,
      },
      page,
    );
  }

  @FieldResolver(() => PersonalDataReader)
  async reader(
    @Root() r: PersonalDataRead,
    @Ctx() ctx: AuthedContext,
  ): Promise<PersonalDataReader> {
    const displayName = await ctx.loaders
      .batch<string, string | null>("staffNameBySubject", async (subjects) => {
        const rows = await ctx.db.run((m) =>
          m.find(StaffAccount, {
            where: { districtId: In(ctx.loaders.districtIds), subject: In([...subjects]) },
            select: { subject: true, displayName: true },
          }),
        );
        const names = new Map(rows.map((a) => [a.subject, a.displayName]));
        return subjects.map((s) => names.get(s) ?? null);
      })
      .load(r.readerSubject);
    return { subject: r.readerSubject, role: r.readerRole, displayName };
  }

  @FieldResolver(() => ID, {
    description: "The record read: a Person's id, or for a complainant the Case's id.",
  })
  recordId(@Root() r: PersonalDataRead): string {
    return toGlobalId(r.recordKind === PersonalRecordKind.person ? "Person" : "Case", r.recordId);
  }
}
