import { type EntityManager } from "typeorm";
import { badInput, conflict, forbidden, notFound } from "../../common/errors";
import { Building, BuildingUnit, Compound, Grid } from "../grid/tree.entity";
import { Case } from "./case.entity";
import { type CaseEvent } from "./case-event.entity";
import { appendEvent, nextPosition } from "./case.events";
import { CHANNEL_ROLES, caseNumber, newCase, startingStatus } from "./intake.rules";
import { dueTimesOf, resolutionDaysOf } from "./case.clocks";
import { CaseStatus } from "./case.workflow";
import { type CaseChannel, Urgency } from "./case.enums";
import { intakeSettingsOf } from "./settings.service";
import { type Caller } from "./case-action.service";
import { newId } from "./case.state";

/** What a new case says (the API's CreateCaseInput, with ids already decoded). */
export interface CaseIntake {
  channel: CaseChannel;
  categoryCode: string;
  lineOfWork?: Case["lineOfWork"];
  description: string;
  urgency?: Urgency;
  gridId?: string | null;
  compoundId?: string | null;
  buildingId?: string | null;
  unitId?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  complainantName?: string | null;
  complainantPhone?: string | null;
  attachmentUrls?: string[] | null;
  idempotencyKey?: string | null;
}

interface Location {
  gridId: string | null;
  streetOfficeId: string | null;
  compoundId: string | null;
  buildingId: string | null;
  unitId: string | null;
}

/**
 * Completes a location from its most precise part: a unit gives its building, a building its
 * compound, a compound its grid, a grid its street office; with only coordinates, the grid whose
 * centroid is nearest. What is given must agree (a unit in another compound is BAD_USER_INPUT).
 * Beside the location, the community of its grid (a case records no community of its own).
 */
async function locate(
  m: EntityManager,
  districtId: string,
  input: CaseIntake,
  defaultGridId: string | null,
): Promise<{ loc: Location; communityId: string | null }> {
  const loc: Location = {
    gridId: null,
    streetOfficeId: null,
    compoundId: null,
    buildingId: null,
    unitId: null,
  };
  const find = async <T extends { id: string }>(entity: new () => T, id: string, field: string) => {
    const row = await m.findOne(entity, { where: { districtId, id } as never });
    if (!row) throw notFound(`no such ${entity.name} in your district (${field})`);
    return row;
  };
  const agree = (field: string, given: string | null, derived: string | null) => {
    if (given && derived && given !== derived)
      throw badInput(field, `the ${field} does not match the rest of the location`);
    return given ?? derived;
  };
  if (input.unitId) {
    const u = await find(BuildingUnit, input.unitId, "unitId");
    loc.unitId = u.id;
    loc.buildingId = u.buildingId;
  }
  if (input.buildingId) {
    const b = await find(Building, input.buildingId, "buildingId");
    loc.buildingId = agree("buildingId", b.id, loc.buildingId);
  }
  if (loc.buildingId) {
    const b = await m.findOneOrFail(Building, { where: { districtId, id: loc.buildingId } });
    loc.compoundId = b.compoundId;
  }
  if (input.compoundId) {
    const c = await find(Compound, input.compoundId, "compoundId");
    loc.compoundId = agree("compoundId", c.id, loc.compoundId);
  }
  if (loc.compoundId) {
    const c = await m.findOneOrFail(Compound, { where: { districtId, id: loc.compoundId } });
    loc.gridId = c.gridId;
  }
  let grid: Grid | null = null;
  if (input.gridId) {
    grid = await find(Grid, input.gridId, "gridId");
    loc.gridId = agree("gridId", grid.id, loc.gridId);
  }
  if (!loc.gridId && input.latitude != null && input.longitude != null) {
    const [near] = (await m.query(
      `SELECT id FROM grid WHERE district_id = $1 AND retired_at IS NULL
        ORDER BY (latitude - $2) ^ 2 + ((longitude - $3) * cos(radians($2))) ^ 2 LIMIT 1`,
      [districtId, input.latitude, input.longitude],
    )) as Array<{ id: string }>;
    loc.gridId = near?.id ?? null;
  }
  loc.gridId ??= defaultGridId;
  if (!loc.gridId) return { loc, communityId: null };
  const g =
    grid?.id === loc.gridId
      ? grid
      : await m.findOneOrFail(Grid, { where: { districtId, id: loc.gridId } });
  loc.streetOfficeId = g.streetOfficeId;
  return { loc, communityId: g.communityId };
}

export interface IntakeInput {
  caller: Caller;
  /** The district's code, for the case number. */
  districtCode: string;
  intake: CaseIntake;
  at: Date;
}

/**
 * Takes a case in, in the caller's transaction. The same idempotency key returns the same case,
 * never a second one (and no event).
 */
export async function takeCaseIn(
  m: EntityManager,
  { caller, districtCode, intake: input, at }: IntakeInput,
): Promise<{ case: Case; events: CaseEvent[] }> {
  const districtId = caller.districtId;
  if (!CHANNEL_ROLES[input.channel].includes(caller.role))
    throw forbidden(
      `the role ${caller.role} does not take cases in through the ${input.channel} channel`,
    );
  const gridStaff = caller.role === "grid_worker" || caller.role === "grid_chief";
  if (gridStaff && caller.gridIds.size === 0)
    throw forbidden("a grid report needs a grid: the token names none of the district's grids");
  const communityStaff = caller.role === "community_worker";
  if (communityStaff && !caller.communityId)
    throw forbidden(
      "a community report needs a community: the token names none of the district's communities",
    );
  if (input.idempotencyKey) {
    // Same-key requests queue here, so the second finds the first's case.
    await m.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
      districtId,
      input.idempotencyKey,
    ]);
    const existing = await m.findOne(Case, {
      where: { districtId, idempotencyKey: input.idempotencyKey },
    });
    if (existing) {
      if (existing.createdBy !== caller.subject)
        throw conflict("the idempotency key was used by someone else for another case");
      return { case: existing, events: [] };
    }
  }
  const { setting, category, calendar } = await intakeSettingsOf(m, districtId, input.categoryCode);
  if (!category)
    throw badInput(
      "categoryCode",
      `no active category "${input.categoryCode}" in your district's catalogue`,
    );
  const { loc, communityId } = await locate(
    m,
    districtId,
    input,
    gridStaff ? ([...caller.gridIds][0] ?? null) : null,
  );
  const resolutionDays = resolutionDaysOf(category, setting);
  const due = dueTimesOf(calendar, at, {
    replyHours: setting.replyHours,
    resolutionDays,
  });
  const status = startingStatus(input.channel, caller.role);
  if (
    status === CaseStatus.street_handling &&
    (!loc.streetOfficeId || loc.streetOfficeId !== caller.streetOfficeId)
  )
    throw forbidden("a street office reports cases of its own area");
  if (status === CaseStatus.grid_handling && !(loc.gridId && caller.gridIds.has(loc.gridId)))
    throw forbidden("grid staff report cases of their own grids");
  // No grid is picked for a community that says no place: the case's grid is what it is counted
  // against, and any one of the community's grids would be charged with a case it never had.
  if (communityStaff && !loc.gridId)
    throw badInput(
      "gridId",
      "a community report says where: a grid, compound, building, unit or coordinates in the community",
    );
  if (communityStaff && communityId !== caller.communityId)
    throw forbidden("a community reports cases of its own community");
  const id = newId(at);
  const opened = newCase({
    districtId,
    id,
    status,
    receivedAt: at,
    replyDueAt: due.replyDueAt,
    resolutionDueAt: due.resolutionDueAt,
    resolutionDays,
    creator: { subject: caller.subject, role: caller.role },
    data: {
      channel: input.channel,
      category: category.code,
      ...(due.assumedYears.length ? { calendarAssumedYears: due.assumedYears } : {}),
    },
  });
  // The log position first (see nextPosition): the case number carries it.
  const position = await nextPosition(m, districtId);
  const c = m.create(Case, {
    ...opened.state.case,
    number: caseNumber(districtCode, at, position),
    idempotencyKey: input.idempotencyKey ?? null,
    channel: input.channel,
    categoryId: category.id,
    lineOfWork: input.lineOfWork ?? category.lineOfWork,
    urgency: input.urgency ?? Urgency.normal,
    description: input.description.trim(),
    ...loc,
    address: input.address?.trim() || null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    complainantName: input.complainantName?.trim() || null,
    complainantPhone: input.complainantPhone?.trim() || null,
    attachmentUrls: input.attachmentUrls ?? [],
    createdBy: caller.subject,
  } as Partial<Case>);
  await m.insert(Case, c);
  // A new case has no earlier event: its measures' facts are what was just written.
  const event = await appendEvent(m, c, opened.events[0], {
    position,
    measures: {
      f: {
        districtId,
        receivedAt: at,
        replyDueAt: c.replyDueAt,
        channel: c.channel,
        streetOfficeId: c.streetOfficeId,
        communityId,
        gridId: c.gridId,
      },
      past: [],
    },
  });
  return { case: c, events: [event] };
}
