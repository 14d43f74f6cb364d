import { type EntityManager } from "typeorm";
import { type Statement } from "../../db/statements";
import { type TenantDb } from "../../db/tenant";
import { badInput, conflict, forbidden, notFound } from "../../common/errors";
import { Case } from "./case.entity";
import { CaseEvent } from "./case-event.entity";
import { eventRow } from "./case.events";
import { countEventStatement } from "./case.counters";
import { CHANNEL_ROLES, caseNumber, newCase, startingStatus } from "./intake.rules";
import { dueTimesOf, resolutionDaysOf } from "./case.clocks";
import { CaseStatus } from "./case.workflow";
import { type CaseChannel, Urgency } from "./case.enums";
import { intakeSettingsOf } from "./settings.service";
import { type Caller } from "./case-action.service";
import { newId } from "./case.state";
import { type IntakeRead, type Places, newCaseStatement, startIntake } from "./intake.sql";
import { extend } from "../../common/objects";

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
 * centroid is nearest; else the caller's own grid (grid staff). What is given must agree (a unit
 * in another compound is BAD_USER_INPUT). Beside the location, the community of its grid (a case
 * records no community of its own). Pure: the places come read (startIntake).
 */
function locate(
  places: Places,
  input: CaseIntake,
  defaultGridId: string | null,
): { loc: Location; communityId: string | null } {
  const loc: Location = {
    gridId: null,
    streetOfficeId: null,
    compoundId: null,
    buildingId: null,
    unitId: null,
  };
  const find = <T extends { id: string }>(rows: T[], id: string, kind: string, field: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound(`no such ${kind} in your district (${field})`);
    return row;
  };
  const agree = (field: string, given: string | null, derived: string | null) => {
    if (given && derived && given !== derived)
      throw badInput(field, `the ${field} does not match the rest of the location`);
    return given ?? derived;
  };
  if (input.unitId) {
    const u = find(places.units, input.unitId, "BuildingUnit", "unitId");
    loc.unitId = u.id;
    loc.buildingId = u.buildingId;
  }
  if (input.buildingId) {
    const b = find(places.buildings, input.buildingId, "Building", "buildingId");
    loc.buildingId = agree("buildingId", b.id, loc.buildingId);
  }
  if (loc.buildingId)
    loc.compoundId = find(places.buildings, loc.buildingId, "Building", "unitId").compoundId;
  if (input.compoundId) {
    const c = find(places.compounds, input.compoundId, "Compound", "compoundId");
    loc.compoundId = agree("compoundId", c.id, loc.compoundId);
  }
  if (loc.compoundId)
    loc.gridId = find(places.compounds, loc.compoundId, "Compound", "compoundId").gridId;
  if (input.gridId) {
    const g = find(places.grids, input.gridId, "Grid", "gridId");
    loc.gridId = agree("gridId", g.id, loc.gridId);
  }
  loc.gridId ??= places.nearestGridId ?? defaultGridId;
  if (!loc.gridId) return { loc, communityId: null };
  const g = find(places.grids, loc.gridId, "Grid", "gridId");
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
 * never a second one (and no event). The new case's write is the transaction's last statement
 * and nothing reads its result, so it is sent ahead (TenantDb.sendAhead): the answer is made
 * while PostgreSQL writes, and the commit waits for the write and fails with it.
 */
export async function takeCaseIn(
  db: TenantDb,
  input: IntakeInput,
): Promise<{ case: Case; events: CaseEvent[] }> {
  const taken = await db.run((m) => caseToWrite(m, input));
  if (taken.write) await db.sendAhead(taken.write);
  return { case: taken.case, events: taken.events };
}

/** A case taken in, and the statement that writes it (null when the key's case answers). */
interface Taken {
  case: Case;
  events: CaseEvent[];
  write: Statement | null;
}

/** Everything of intake up to the new case's write: the read, the rules, the log position. */
async function caseToWrite(
  m: EntityManager,
  { caller, districtCode, intake: input, at }: IntakeInput,
): Promise<Taken> {
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
  const key = input.idempotencyKey ?? null;
  const defaultGridId = gridStaff ? ([...caller.gridIds][0] ?? null) : null;
  // The read and the log position in one wait: from here to the commit the district's log head
  // is locked and every other intake of the district waits; the rules below are all that runs
  // in that time before the write, which is sent with the COMMIT behind it.
  const read = await startIntake(
    m,
    districtId,
    input.categoryCode,
    key,
    extend(input, { defaultGridId }),
  );
  // The key's case answers for the key, whatever this input says: another caller's is CONFLICT.
  if (read.existing) {
    if (read.existing.createdBy !== caller.subject)
      throw conflict("the idempotency key was used by someone else for another case");
    const c = await m.findOneOrFail(Case, { where: { districtId, id: read.existing.id } });
    return { case: c, events: [], write: null };
  }
  const position = read.position!;
  const { c, event, counters } = await newCaseRows(m, caller, {
    input,
    at,
    read,
    defaultGridId,
  });
  c.number = caseNumber(districtCode, at, position);
  event.position = position;
  return { case: c, events: [event], write: newCaseStatement(m, c, event, counters) };
}

/**
 * The new case's rows, not yet written and without their log position: the case, its create
 * event and the counters' statement. Refuses what the district's settings, the location or the
 * caller's reach do not allow.
 */
async function newCaseRows(
  m: EntityManager,
  caller: Caller,
  {
    input,
    at,
    read,
    defaultGridId,
  }: {
    input: CaseIntake;
    at: Date;
    read: IntakeRead;
    defaultGridId: string | null;
  },
): Promise<{ c: Case; event: CaseEvent; counters: Statement | null }> {
  const districtId = caller.districtId;
  const key = input.idempotencyKey ?? null;
  const communityStaff = caller.role === "community_worker";
  const { setting, category, calendar } =
    read.settings ?? (await intakeSettingsOf(m, districtId, input.categoryCode));
  if (!category)
    throw badInput(
      "categoryCode",
      `no active category "${input.categoryCode}" in your district's catalogue`,
    );
  const description = input.description.trim();
  if (!description) throw badInput("description", "the description says what the case is about");
  const { loc, communityId } = locate(read.places, input, defaultGridId);
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
  const c = m.create(
    Case,
    extend(opened.state.case, {
      idempotencyKey: key,
      channel: input.channel,
      categoryId: category.id,
      lineOfWork: input.lineOfWork ?? category.lineOfWork,
      urgency: input.urgency ?? Urgency.normal,
      description,
      ...loc,
      address: input.address?.trim() || null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      complainantName: input.complainantName?.trim() || null,
      complainantPhone: input.complainantPhone?.trim() || null,
      attachmentUrls: input.attachmentUrls ?? [],
      createdBy: caller.subject,
    }) as Partial<Case>,
  );
  const draft = opened.events[0];
  const event = eventRow(m, c, extend(draft, { at }));
  // A new case has no earlier event: its measures' facts are what is written here.
  const counters = await countEventStatement(
    (sql, params) => m.query(sql, params),
    districtId,
    c.id,
    { action: draft.action, at, data: draft.data },
    {
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
  );
  return { c, event, counters };
}
