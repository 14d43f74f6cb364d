import {
  CreateCaseDocument,
  GridWorkScoreboardDocument,
  RecordAccountabilityDocument,
  RecordPatrolDocument,
  RecordRewardPenaltyDocument,
  ScoreFormulaTermsDocument,
  SetScoreFormulaTermsDocument,
  type ScoreFormulaInput,
  type UnitLevel,
} from "../generated/graphql";
import { errorCode, gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { testClock, testDay } from "../helpers/clock";
import { asDistrict, closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { uuidv7 } from "../../src/common/ids";

/**
 * The formula weighs grid work beside the cases: patrol coverage, rewards and penalties (奖惩) and
 * accountability records (追责问责). A unit without them scores as before; each one added moves
 * the score by exactly its term; a district's own weights apply; a version saved before these
 * terms existed reads with their defaults.
 */
let server: TestServer;
let cityAdmin: string;
const today = testDay(0);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const ago = (hours: number) =>
  new Date(testClock.now().getTime() - hours * 3_600_000).toISOString();

/** A world with one case in each urban grid, the hotline's (no rate above 0: a base of 0). */
async function world(): Promise<CaseWorld> {
  const w = await buildCaseWorld();
  for (const grid of [w.tree.gridA, w.tree.gridB])
    ok(
      await gql(
        server,
        CreateCaseDocument,
        {
          input: {
            channel: "hotline",
            categoryCode: "roads",
            description: "路灯不亮",
            gridId: gid("Grid", grid),
          },
        },
        w.tokens.operator,
      ),
    );
  return w;
}

async function board(w: CaseWorld, level: UnitLevel, token = w.tokens.admin) {
  const b = ok(
    await gql(server, GridWorkScoreboardDocument, { level, from: today, to: today }, token),
  ).scoreboard;
  return {
    version: b.formulaVersion,
    row: (id: string) => b.rows.find((r) => r.measures.unitId === id)!,
  };
}

async function patrolAndVisit(w: CaseWorld) {
  const base = { gridId: gid("Grid", w.tree.gridA), observation: "巡查" };
  ok(
    await gql(
      server,
      RecordPatrolDocument,
      { input: { ...base, kind: "patrol", at: ago(1) } },
      w.tokens.worker,
    ),
  );
  ok(
    await gql(
      server,
      RecordPatrolDocument,
      {
        input: {
          ...base,
          kind: "visit",
          at: ago(0.5),
          householdId: gid("Household", w.tree.household1),
        },
      },
      w.tokens.worker,
    ),
  );
}

async function reward(
  w: CaseWorld,
  unitLevel: "grid" | "street_office" | "department",
  unitId: string,
  points: number,
) {
  ok(
    await gql(
      server,
      RecordRewardPenaltyDocument,
      { input: { unitLevel, unitId, points, reason: "考核", awardedOn: today } },
      w.tokens.admin,
    ),
  );
}

it("moves each unit's score by exactly the formula's terms, and by nothing without grid work", async () => {
  const w = await world();
  const gridA = gid("Grid", w.tree.gridA);
  const gridB = gid("Grid", w.tree.gridB);
  const streetA = gid("StreetOffice", w.tree.streetA);
  let grids = await board(w, "grid");
  // No patrols, entries or records: the cases' score alone (no rate above 0, no penalty: 0).
  expect(grids.version).toBe(0);
  expect(grids.row(gridA)).toMatchObject({
    score: 0,
    points: 0,
    accountability: 0,
    patrol: { patrolDays: 0, householdsVisited: 0, households: 2, householdCoverage: 0 },
  });

  // A patrol and a visit in grid A today: + 5 × 1/2 (households) + 5 × 1/1 (days) = 7.5.
  await patrolAndVisit(w);
  grids = await board(w, "grid");
  expect(grids.row(gridA)).toMatchObject({
    score: 7.5,
    patrol: { patrolDays: 1, patrolDayShare: 1, householdCoverage: 0.5 },
  });
  expect(grids.row(gridB).score).toBe(0);

  // 奖惩: + 0.1 × points.
  await reward(w, "grid", gridA, 20);
  await reward(w, "grid", gridB, -30);
  grids = await board(w, "grid");
  expect(grids.row(gridA)).toMatchObject({ score: 9.5, points: 20 });
  expect(grids.row(gridB)).toMatchObject({ score: -3, points: -30 });

  // An accountability record against grid A: − 5.
  const c = ok(
    await gql(
      server,
      CreateCaseDocument,
      { input: { channel: "hotline", categoryCode: "roads", description: "井盖", gridId: gridA } },
      w.tokens.operator,
    ),
  ).createCase;
  ok(
    await gql(
      server,
      RecordAccountabilityDocument,
      {
        input: {
          caseId: c.id,
          unitLevel: "grid",
          unitId: gridA,
          failing: "inaction",
          outcome: "巡查不到位",
          sanction: "criticism",
          decidedOn: today,
        },
      },
      w.tokens.inspector,
    ),
  );
  grids = await board(w, "grid");
  // Grid A has two cases now, still no rate above 0: 7.5 + 2 − 5.
  expect(grids.row(gridA)).toMatchObject({ score: 4.5, points: 20, accountability: 1 });

  // Each level its own units' work: street office A covers 1 of its 3 households, patrolled today.
  const streets = await board(w, "street_office");
  expect(streets.row(streetA)).toMatchObject({ score: 6.67, points: 0, accountability: 0 });
  await reward(w, "street_office", streetA, 10);
  expect((await board(w, "street_office")).row(streetA)).toMatchObject({ score: 7.67, points: 10 });
  // The district: 1 of 4 households; no entries at this level.
  const district = await board(w, "district");
  expect(district.row(gid("District", w.district.id))).toMatchObject({ score: 6.25, points: 0 });
  // Departments do not patrol; their entries count.
  await reward(w, "department", gid("Department", w.housing.id), 5);
  const depts = await board(w, "department");
  expect(depts.row(gid("Department", w.housing.id))).toMatchObject({ patrol: null, points: 5 });
});

it("applies the district's own weights for the new terms; terms left out take their defaults", async () => {
  const w = await world();
  const gridA = gid("Grid", w.tree.gridA);
  await patrolAndVisit(w);
  await reward(w, "grid", gridA, 20);
  const input: ScoreFormulaInput = {
    weights: {
      onTimeCompletionRate: 40,
      satisfactionRate: 30,
      effectiveCallbackRate: 15,
      responseRate: 15,
    },
    penalties: { supervision: 2, breach: 1, return: 0.5, accountability: 10 },
    bonus: { proactive: 10, patrolCoverage: 20, patrolDays: 0 },
    rewardsPenalties: 1,
  };
  const saved = ok(
    await gql(server, SetScoreFormulaTermsDocument, { input }, w.tokens.admin),
  ).setScoreFormula;
  expect(saved).toMatchObject({
    version: 1,
    penalties: { accountability: 10 },
    bonus: { patrolCoverage: 20, patrolDays: 0 },
    rewardsPenalties: 1,
  });
  // 20 × 1/2 + 0 × 1 + 1 × 20 = 30.
  expect((await board(w, "grid")).row(gridA)).toMatchObject({ score: 30 });

  const bare: ScoreFormulaInput = {
    weights: input.weights,
    penalties: { supervision: 2, breach: 1, return: 0.5 },
    bonus: { proactive: 10 },
  };
  const defaults = ok(
    await gql(server, SetScoreFormulaTermsDocument, { input: bare }, w.tokens.admin),
  ).setScoreFormula;
  expect(defaults).toMatchObject({
    version: 2,
    penalties: { accountability: 5 },
    bonus: { patrolCoverage: 5, patrolDays: 5 },
    rewardsPenalties: 0.1,
  });
  expect((await board(w, "grid")).row(gridA)).toMatchObject({ score: 9.5 });

  for (const wrong of [
    { ...input, rewardsPenalties: 11 },
    { ...input, bonus: { ...input.bonus, patrolCoverage: -1 } },
    { ...input, penalties: { ...input.penalties, accountability: 1001 } },
  ]) {
    const res = await gql(server, SetScoreFormulaTermsDocument, { input: wrong }, w.tokens.admin);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  }
  expect(
    ok(await gql(server, ScoreFormulaTermsDocument, {}, w.tokens.admin)).scoreFormula.version,
  ).toBe(2);
});

it("reads a version saved before the grid-work terms with their defaults", async () => {
  const w = await world();
  // A version as saved before the terms existed: no accountability, patrol or 奖惩 keys; its
  // proactive bonus (50) tells it apart from the default (10). It weighs satisfaction only, which
  // no callback has defined yet: a base of 0.
  const old = {
    weights: {
      onTimeCompletionRate: 0,
      satisfactionRate: 100,
      effectiveCallbackRate: 0,
      responseRate: 0,
    },
    penalties: { supervision: 2, breach: 1, return: 0.5 },
    bonus: { proactive: 50 },
  };
  await asDistrict(w.district.id, (q) =>
    q(
      `INSERT INTO score_formula (district_id, id, version, rules, note, created_by, created_at)
       VALUES ($1, $2, 1, $3::jsonb, 'before grid work', 'test', $4)`,
      [
        w.district.id,
        uuidv7(),
        JSON.stringify(old),
        new Date(testClock.now().getTime() - 3_600_000),
      ],
    ),
  );
  const f = ok(await gql(server, ScoreFormulaTermsDocument, {}, w.tokens.admin)).scoreFormula;
  expect(f).toEqual({
    version: 1,
    note: "before grid work",
    weights: old.weights,
    penalties: { ...old.penalties, accountability: 5 },
    bonus: { proactive: 50, patrolCoverage: 5, patrolDays: 5 },
    rewardsPenalties: 0.1,
  });
  // A patrol report of grid A's own (proactive share 1/2 of its 2 cases): 50 × 1/2 = 25; then a
  // patrol and a visit: + 5 × 1/2 + 5 × 1 = 32.5.
  ok(
    await gql(
      server,
      CreateCaseDocument,
      { input: { channel: "grid_patrol", categoryCode: "sanitation", description: "巡查发现" } },
      w.tokens.worker,
    ),
  );
  const gridA = gid("Grid", w.tree.gridA);
  let grids = await board(w, "grid");
  expect(grids.version).toBe(1);
  expect(grids.row(gridA)).toMatchObject({ score: 25 });
  await patrolAndVisit(w);
  grids = await board(w, "grid");
  expect(grids.row(gridA)).toMatchObject({ score: 32.5 });
});

it("leaves accountability out of the city's board", async () => {
  const w = await world();
  cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  const b = ok(
    await gql(
      server,
      GridWorkScoreboardDocument,
      { level: "district", from: today, to: today },
      cityAdmin,
    ),
  ).scoreboard;
  const mine = b.rows.find((r) => r.measures.unitId === gid("District", w.district.id))!;
  expect(mine).toMatchObject({ accountability: null, points: null });
  expect(mine.patrol).toMatchObject({ households: 4 });
});

it("shows 奖惩 totals and accountability counts only to those who may read them", async () => {
  const w = await world();
  const gridB = gid("Grid", w.tree.gridB);
  await reward(w, "grid", gridB, -30);
  const seen = async (token: string) => (await board(w, "grid", token)).row(gridB);
  expect(await seen(w.tokens.admin)).toMatchObject({ points: -30, accountability: 0 });
  expect(await seen(w.tokens.command)).toMatchObject({ points: -30, accountability: null });
  // Grid A's worker, a department, an operator: the score counts them, the figures are not theirs.
  for (const token of [w.tokens.worker, w.tokens.housing, w.tokens.operator])
    expect(await seen(token)).toMatchObject({ points: null, accountability: null });
  expect((await seen(w.tokens.worker)).score).toBe((await seen(w.tokens.admin)).score);
});
