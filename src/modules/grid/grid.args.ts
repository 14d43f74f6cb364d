import { ArgsType, Field, ID, Int } from "type-graphql";
import { ArrayMaxSize, MaxLength } from "class-validator";
import { type Filter } from "../../common/batch";
import { fromGlobalId } from "../../common/ids";
import { badInput } from "../../common/errors";
import { escapeLike } from "../tenancy/tenancy.resolver";
import {
  CommitteeStatus,
  CommunityKind,
  ConsultationStatus,
  GridKind,
  LineOfWork,
  OrganizationKind,
  PersonTag,
  RenovationKind,
  ToiletRemedy,
  ToiletState,
  TreeOrder,
  VillageKind,
} from "./grid.enums";

/** The uuid behind a global id of the expected type, or BAD_USER_INPUT naming the argument. */
export function idOf(globalId: string, type: string, field: string): string {
  const ref = fromGlobalId(globalId);
  if (!ref || ref.type !== type) throw badInput(field, `not a ${type} id`);
  return ref.id;
}

const search =
  (q: string | undefined, ...columns: string[]): Filter =>
  (a) =>
    q
      ? {
          sql: columns.map((c) => `${a}.${c} ILIKE :search`).join(" OR "),
          params: { search: `%${escapeLike(q.trim())}%` },
        }
      : null;

const equals =
  (column: string, param: string, value: unknown): Filter =>
  (a) =>
    value === undefined || value === null
      ? null
      : { sql: `${a}.${column} = :${param}`, params: { [param]: value } };

/** Rows whose grid lies in the given street office or community (a semi-join on grid). */
const gridIn =
  (param: string, gridColumn: string, column: "street_office_id" | "community_id", id?: string) =>
  (a: string) =>
    id
      ? {
          sql: `${a}.${gridColumn} IN (SELECT g.id FROM grid g WHERE g.district_id = ${a}.district_id AND g.${column} = :${param})`,
          params: { [param]: id },
        }
      : null;

/** Keys of the filters' values, so that equal questions share one batched query. */
export function keyOf(args: object): string {
  return JSON.stringify(args);
}

@ArgsType()
export class TreeSortArgs {
  @Field(() => TreeOrder, { nullable: true, description: "Default `code`." })
  orderBy?: TreeOrder;
}

@ArgsType()
export class StreetOfficeFilterArgs extends TreeSortArgs {
  @Field(() => String, { nullable: true, description: "Text to find in the name or code." })
  @MaxLength(100)
  search?: string;

  filters(): Filter[] {
    return [search(this.search, "name", "code")];
  }
}

@ArgsType()
export class CommunityFilterArgs extends StreetOfficeFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only this street office's." })
  streetOfficeId?: string;

  @Field(() => CommunityKind, { nullable: true })
  kind?: CommunityKind;

  override filters(): Filter[] {
    const so = this.streetOfficeId
      ? idOf(this.streetOfficeId, "StreetOffice", "streetOfficeId")
      : undefined;
    return [
      ...super.filters(),
      equals("street_office_id", "fSo", so),
      equals("kind", "fKind", this.kind),
    ];
  }
}

@ArgsType()
export class GridFilterArgs extends StreetOfficeFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only this street office's grids." })
  streetOfficeId?: string;

  @Field(() => ID, { nullable: true, description: "Only this community's or village's grids." })
  communityId?: string;

  @Field(() => GridKind, { nullable: true })
  kind?: GridKind;

  @Field(() => [LineOfWork], {
    nullable: true,
    description: "Only grids that carry all of these lines of work.",
  })
  @ArrayMaxSize(6)
  linesOfWork?: LineOfWork[];

  @Field({ nullable: true, description: "Include retired grids (default false)." })
  includeRetired?: boolean;

  override filters(): Filter[] {
    const so = this.streetOfficeId
      ? idOf(this.streetOfficeId, "StreetOffice", "streetOfficeId")
      : undefined;
    const co = this.communityId ? idOf(this.communityId, "Community", "communityId") : undefined;
    const lines = this.linesOfWork;
    return [
      ...super.filters(),
      equals("street_office_id", "fSo", so),
      equals("community_id", "fCo", co),
      equals("kind", "fKind", this.kind),
      (a) =>
        lines?.length ? { sql: `${a}.lines_of_work @> :fLines`, params: { fLines: lines } } : null,
      (a) => (this.includeRetired ? null : { sql: `${a}.retired_at IS NULL`, params: {} }),
    ];
  }
}

@ArgsType()
export class CompoundFilterArgs extends StreetOfficeFilterArgs {
  @Field(() => ID, { nullable: true })
  streetOfficeId?: string;

  @Field(() => ID, { nullable: true })
  communityId?: string;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field({ nullable: true, description: "Only old compounds (老旧小区), or only the others." })
  isOld?: boolean;

  @Field({ nullable: true, description: "Only self-managed compounds, or only the others." })
  selfManaged?: boolean;

  override filters(): Filter[] {
    const so = this.streetOfficeId
      ? idOf(this.streetOfficeId, "StreetOffice", "streetOfficeId")
      : undefined;
    const co = this.communityId ? idOf(this.communityId, "Community", "communityId") : undefined;
    const grid = this.gridId ? idOf(this.gridId, "Grid", "gridId") : undefined;
    return [
      ...super.filters(),
      gridIn("fSo", "grid_id", "street_office_id", so),
      gridIn("fCo", "grid_id", "community_id", co),
      equals("grid_id", "fGrid", grid),
      equals("is_old", "fOld", this.isOld),
      equals("self_managed", "fSelf", this.selfManaged),
    ];
  }
}

@ArgsType()
export class PersonFilterArgs {
  @Field(() => String, { nullable: true, description: "Text to find in the name." })
  @MaxLength(50)
  search?: string;

  @Field(() => ID, { nullable: true })
  streetOfficeId?: string;

  @Field(() => ID, { nullable: true })
  communityId?: string;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field(() => [PersonTag], { nullable: true, description: "Only people with all of these tags." })
  @ArrayMaxSize(5)
  tags?: PersonTag[];

  filters(): Filter[] {
    const so = this.streetOfficeId
      ? idOf(this.streetOfficeId, "StreetOffice", "streetOfficeId")
      : undefined;
    const co = this.communityId ? idOf(this.communityId, "Community", "communityId") : undefined;
    const grid = this.gridId ? idOf(this.gridId, "Grid", "gridId") : undefined;
    const tags = this.tags;
    return [
      search(this.search, "name"),
      gridIn("fSo", "grid_id", "street_office_id", so),
      gridIn("fCo", "grid_id", "community_id", co),
      equals("grid_id", "fGrid", grid),
      (a) => (tags?.length ? { sql: `${a}.tags @> :fTags`, params: { fTags: tags } } : null),
    ];
  }
}

@ArgsType()
export class OrganizationFilterArgs {
  @Field(() => String, { nullable: true, description: "Text to find in the name." })
  @MaxLength(100)
  search?: string;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  filters(): Filter[] {
    const grid = this.gridId ? idOf(this.gridId, "Grid", "gridId") : undefined;
    return [
      search(this.search, "name"),
      equals("kind", "fKind", this.kind),
      equals("grid_id", "fGrid", grid),
    ];
  }
}

@ArgsType()
export class CommitteeFilterArgs {
  @Field(() => String, { nullable: true, description: "Text to find in the name." })
  @MaxLength(100)
  search?: string;

  @Field(() => CommitteeStatus, { nullable: true })
  status?: CommitteeStatus;

  @Field(() => ID, { nullable: true })
  streetOfficeId?: string;

  filters(): Filter[] {
    const so = this.streetOfficeId
      ? idOf(this.streetOfficeId, "StreetOffice", "streetOfficeId")
      : undefined;
    return [
      search(this.search, "name"),
      equals("status", "fStatus", this.status),
      (a) =>
        so
          ? {
              sql: `${a}.compound_id IN (SELECT c.id FROM compound c JOIN grid g ON g.district_id = c.district_id AND g.id = c.grid_id WHERE c.district_id = ${a}.district_id AND g.street_office_id = :fSo)`,
              params: { fSo: so },
            }
          : null,
    ];
  }
}

@ArgsType()
export class VillageFilterArgs {
  @Field(() => VillageKind, { nullable: true })
  kind?: VillageKind;

  filters(): Filter[] {
    return [equals("kind", "fKind", this.kind)];
  }
}

@ArgsType()
export class RenovationFilterArgs {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => RenovationKind, { nullable: true })
  kind?: RenovationKind;

  filters(): Filter[] {
    return [equals("year", "fYear", this.year), equals("kind", "fKind", this.kind)];
  }
}

@ArgsType()
export class ConsultationFilterArgs {
  @Field(() => ConsultationStatus, { nullable: true })
  status?: ConsultationStatus;

  @Field(() => ID, { nullable: true })
  compoundId?: string;

  /** `now`: the platform's clock, which decides whether a closing time has passed. */
  filters(now: Date): Filter[] {
    const compound = this.compoundId ? idOf(this.compoundId, "Compound", "compoundId") : undefined;
    const status = this.status;
    return [
      // The status as users see it: an open consultation past its closing time is closed.
      (a) =>
        status === undefined || status === null
          ? null
          : status === ConsultationStatus.open
            ? { sql: `${a}.status = 'open' AND ${a}.closes_at > :fNow`, params: { fNow: now } }
            : { sql: `(${a}.status = 'closed' OR ${a}.closes_at <= :fNow)`, params: { fNow: now } },
      equals("compound_id", "fCompound", compound),
    ];
  }
}

@ArgsType()
export class ToiletSurveyFilterArgs {
  @Field(() => ToiletState, { nullable: true })
  state?: ToiletState;

  @Field(() => ToiletRemedy, { nullable: true })
  remedy?: ToiletRemedy;

  @Field(() => ID, { nullable: true, description: "Only households of this street office." })
  streetOfficeId?: string;

  filters(): Filter[] {
    const so = this.streetOfficeId
      ? idOf(this.streetOfficeId, "StreetOffice", "streetOfficeId")
      : undefined;
    return [
      equals("state", "fState", this.state),
      equals("remedy", "fRemedy", this.remedy),
      (a) =>
        so
          ? {
              sql: `${a}.household_id IN (SELECT h.id FROM household h JOIN grid g ON g.district_id = h.district_id AND g.id = h.grid_id WHERE h.district_id = ${a}.district_id AND g.street_office_id = :fSo)`,
              params: { fSo: so },
            }
          : null,
    ];
  }
}
