import {
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  ObjectType,
  Resolver,
  Root,
} from "type-graphql";
import { In } from "typeorm";
import { effectiveStatus } from "./consultation.rules";
import { type AuthedContext } from "../../context/context";
import { PageArgs } from "../../common/connection";
import { childList } from "../../common/batch";
import { District } from "../tenancy/district.entity";
import { Department } from "../org/department.entity";
import { Role } from "../../auth/roles";
import { Compound } from "./tree.entity";
import { Person } from "./people.entity";
import {
  BidSection,
  Consultation,
  ConsultationComment,
  Proposal,
  RenovationProgress,
  RenovationProject,
  RenovationProjectCompound,
  Vote,
} from "./renovation.entity";
import { ConsultationStatus, VoteChoice } from "./grid.enums";
import { ConsultationFilterArgs, RenovationFilterArgs } from "./grid.args";
import {
  ConsultationCommentConnection,
  ConsultationConnection,
  RenovationProjectConnection,
} from "./grid.connections";
import { childPage, districtPage } from "./grid.query";
import { callerPerson } from "./grid.policy";

@ObjectType({ description: "What a renovation project covers, from its compounds' registers." })
export class RenovationCoverage {
  @Field(() => Int) compounds: number;
  @Field(() => Int) buildings: number;
  @Field(() => Int) households: number;
}

@ObjectType({ description: "Votes on a proposal, one per household." })
export class VoteTally {
  @Field(() => Int, { name: "for" }) for: number;
  @Field(() => Int) against: number;
  @Field(() => Int) abstain: number;
  @Field(() => Int, { description: "Households that voted." }) voted: number;
  @Field(() => Int, { description: "Households registered in the compound." }) households: number;
  @Field(() => Float, {
    nullable: true,
    description: "voted / households; null without households.",
  })
  turnout: number | null;
}

@Resolver(() => RenovationProject)
export class RenovationProjectResolver {
  @FieldResolver(() => [Compound], { description: "Compounds the project covers." })
  async compounds(@Root() p: RenovationProject, @Ctx() ctx: AuthedContext) {
    const links = await childList(
      ctx.loaders,
      {
        entity: RenovationProjectCompound,
        parentColumn: "project_id",
        parentKey: "projectId",
        sortColumn: "id",
      },
      p.id,
    );
    const rows = await ctx.loaders.entity(Compound).loadMany(links.map((l) => l.compoundId));
    return rows.filter((r): r is Compound => r instanceof Compound);
  }

  @FieldResolver(() => RenovationCoverage)
  coverage(@Root() p: RenovationProject, @Ctx() ctx: AuthedContext): Promise<RenovationCoverage> {
    return ctx.loaders
      .batch<string, RenovationCoverage>("renovationCoverage", (ids) =>
        ctx.db.run(async (m) => {
          const rows: Array<RenovationCoverage & { pid: string }> = await m.query(
            `SELECT l.project_id AS pid, count(*)::int AS compounds,
                    sum(c.building_count)::int AS buildings, sum(c.household_count)::int AS households
               FROM renovation_project_compound l
               JOIN compound c ON c.district_id = l.district_id AND c.id = l.compound_id
              WHERE l.district_id = ANY($1::uuid[]) AND l.project_id = ANY($2::uuid[])
              GROUP BY l.project_id`,
            [ctx.loaders.districtIds, [...ids]],
          );
          const by = new Map(rows.map((r) => [r.pid, r]));
          return ids.map((id) => by.get(id) ?? { compounds: 0, buildings: 0, households: 0 });
        }),
      )
      .load(p.id);
  }

  @FieldResolver(() => [BidSection], { description: "Bid sections (标段), by code." })
  bidSections(@Root() p: RenovationProject, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: BidSection,
        parentColumn: "project_id",
        parentKey: "projectId",
        sortColumn: "code",
      },
      p.id,
    );
  }

  @FieldResolver(() => [RenovationProgress], { description: "Progress entries, oldest first." })
  progress(@Root() p: RenovationProject, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: RenovationProgress,
        parentColumn: "project_id",
        parentKey: "projectId",
        sortColumn: "recorded_at",
      },
      p.id,
    );
  }

  @FieldResolver(() => Department, { nullable: true, description: "The department in charge." })
  department(@Root() p: RenovationProject, @Ctx() ctx: AuthedContext) {
    return p.departmentId ? ctx.loaders.entity(Department).load(p.departmentId) : null;
  }
}

@Resolver(() => BidSection)
export class BidSectionResolver {
  @FieldResolver(() => RenovationProject)
  project(@Root() b: BidSection, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(RenovationProject).load(b.projectId);
  }
}

@Resolver(() => Consultation)
export class ConsultationResolver {
  @FieldResolver(() => ConsultationStatus, {
    description: "`open` until it is closed or its closing time passes.",
  })
  status(@Root() c: Consultation, @Ctx() ctx: AuthedContext) {
    return effectiveStatus(c, ctx.clock.now());
  }

  @FieldResolver(() => Compound)
  compound(@Root() c: Consultation, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Compound).load(c.compoundId);
  }

  @FieldResolver(() => RenovationProject, { nullable: true })
  project(@Root() c: Consultation, @Ctx() ctx: AuthedContext) {
    return c.projectId ? ctx.loaders.entity(RenovationProject).load(c.projectId) : null;
  }

  @FieldResolver(() => [Proposal], { description: "Its proposals, in order." })
  proposals(@Root() c: Consultation, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: Proposal,
        parentColumn: "consultation_id",
        parentKey: "consultationId",
        sortColumn: "position",
      },
      c.id,
    );
  }

  @FieldResolver(() => ConsultationCommentConnection, { description: "Comments, oldest first." })
  comments(@Root() c: Consultation, @Args() page: PageArgs, @Ctx() ctx: AuthedContext) {
    // uuidv7 ids are time-ordered, so ordering by id is ordering by time.
    return childPage(
      ctx,
      {
        entity: ConsultationComment,
        parentColumn: "consultation_id",
        parentKey: "consultationId",
        sortColumn: "id",
        sortKey: "id",
        sortKind: "uuid",
      },
      c.id,
      page,
      { filters: () => [] },
    );
  }
}

@Resolver(() => Proposal)
export class ProposalResolver {
  @FieldResolver(() => VoteTally, {
    description: "The votes so far (individual votes are secret).",
  })
  tally(@Root() p: Proposal, @Ctx() ctx: AuthedContext): Promise<VoteTally> {
    return ctx.loaders
      .batch<string, VoteTally>("voteTally", (ids) =>
        ctx.db.run(async (m) => {
          const rows: Array<{ pid: string; f: number; a: number; n: number; households: number }> =
            await m.query(
              `SELECT p.id AS pid,
                      (SELECT count(*) FROM vote v WHERE v.district_id = p.district_id AND v.proposal_id = p.id AND v.choice = 'for')::int AS f,
                      (SELECT count(*) FROM vote v WHERE v.district_id = p.district_id AND v.proposal_id = p.id AND v.choice = 'against')::int AS a,
                      (SELECT count(*) FROM vote v WHERE v.district_id = p.district_id AND v.proposal_id = p.id AND v.choice = 'abstain')::int AS n,
                      c.household_count AS households
                 FROM proposal p
                 JOIN consultation k ON k.district_id = p.district_id AND k.id = p.consultation_id
                 JOIN compound c ON c.district_id = k.district_id AND c.id = k.compound_id
                WHERE p.district_id = ANY($1::uuid[]) AND p.id = ANY($2::uuid[])`,
              [ctx.loaders.districtIds, [...ids]],
            );
          const by = new Map(rows.map((r) => [r.pid, r]));
          return ids.map((id) => {
            const r = by.get(id) ?? { f: 0, a: 0, n: 0, households: 0 };
            const voted = r.f + r.a + r.n;
            return {
              for: r.f,
              against: r.a,
              abstain: r.n,
              voted,
              households: r.households,
              turnout: r.households > 0 ? voted / r.households : null,
            };
          });
        }),
      )
      .load(p.id);
  }

  @Authorized(Role.resident)
  @FieldResolver(() => VoteChoice, {
    nullable: true,
    description: "How the caller's household voted, if it has (residents).",
  })
  async myVote(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    const me = await callerPerson(ctx);
    const householdId = me?.householdId;
    if (!householdId) return null;
    // One statement for every proposal the query shows.
    return ctx.loaders
      .batch<string, VoteChoice | null>("myVote", async (proposalIds) => {
        const votes = await ctx.db.run((m) =>
          m.find(Vote, {
            where: {
              districtId: In(ctx.loaders.districtIds),
              proposalId: In([...proposalIds]),
              householdId,
            },
          }),
        );
        const by = new Map(votes.map((v) => [v.proposalId, v.choice]));
        return proposalIds.map((id) => by.get(id) ?? null);
      })
      .load(p.id);
  }

  @FieldResolver(() => Consultation)
  consultation(@Root() p: Proposal, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Consultation).load(p.consultationId);
  }
}

@Resolver(() => ConsultationComment)
export class ConsultationCommentResolver {
  @FieldResolver(() => String, { description: "The author's name." })
  async author(@Root() c: ConsultationComment, @Ctx() ctx: AuthedContext) {
    return (await ctx.loaders.entity(Person).load(c.personId))?.name ?? "";
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: "The proposal it is about, if any.",
  })
  proposal(@Root() c: ConsultationComment, @Ctx() ctx: AuthedContext) {
    return c.proposalId ? ctx.loaders.entity(Proposal).load(c.proposalId) : null;
  }
}

@Resolver(() => District)
export class DistrictRenovationResolver {
  @FieldResolver(() => RenovationProjectConnection, {
    description: "Renovation projects, by code.",
  })
  renovationProjects(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: RenovationFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, RenovationProject, d.id, filter.filters(), page, {
      key: "code",
      column: "code",
    });
  }

  @FieldResolver(() => ConsultationConnection, { description: "Consultations, oldest first." })
  consultations(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: ConsultationFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, Consultation, d.id, filter.filters(ctx.clock.now()), page, {
      key: "id",
      column: "id",
      kind: "uuid",
    });
  }
}
