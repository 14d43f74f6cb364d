import {
  CaseLimitsDocument,
  CreateCaseDocument,
  SetCalendarDaysDocument,
  SetCategoryResolutionDaysDocument,
  UpdateCaseSettingsDocument,
} from "../generated/graphql";
import { ok, startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { closeFactories } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { OFFICIAL_CALENDAR } from "../../src/modules/cases/calendar.rules";
import { testDay } from "../helpers/clock";

let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

async function heatingCase(world: CaseWorld) {
  return ok(
    await gql(
      server,
      CreateCaseDocument,
      {
        input: {
          channel: "hotline",
          categoryCode: "heating",
          description: "暖气不热",
          gridId: gid("Grid", world.tree.gridA),
        },
      },
      world.tokens.operator,
    ),
  ).createCase;
}

it("every district starts with the default catalogue and limits", async () => {
  const limits = ok(await gql(server, CaseLimitsDocument, {}, w.tokens.command)).caseLimits;
  expect(limits.settings).toEqual({
    replyHours: 2,
    resolutionDays: 3,
    maxReturns: 2,
    warningMinutes: 240,
  });
  expect(limits.categories.map((c) => c.code)).toEqual(
    expect.arrayContaining(["property_management", "heating", "rural_toilets", "noise"]),
  );
  expect(limits.calendarDays).toEqual([]);
});

it("a district admin changes a category's limit; new cases follow it, other districts do not", async () => {
  const set = await gql(
    server,
    SetCategoryResolutionDaysDocument,
    { code: "heating", days: 5 },
    w.tokens.admin,
  );
  expect(ok(set).setCategoryResolutionDays).toEqual({ code: "heating", resolutionDays: 5 });
  const c = await heatingCase(w);
  // The test clock's Tuesday 10 March 2026: five working days are Wed 11 … Tue 17, due at its end.
  expect(testDay()).toBe("2026-03-10");
  expect(c.resolutionDueAt).toBe("2026-03-17T16:00:00.000Z");
  expect(c.resolutionDueAt).toBe(
    OFFICIAL_CALENDAR.resolutionDue(new Date(c.receivedAt), 5).toISOString(),
  );
  const o = await heatingCase(other);
  expect(o.resolutionDueAt).toBe("2026-03-13T16:00:00.000Z");
  ok(
    await gql(
      server,
      SetCategoryResolutionDaysDocument,
      { code: "heating", days: null },
      w.tokens.admin,
    ),
  );
});

it("a district admin adds its own calendar days; new cases' due times move", async () => {
  const tomorrow = testDay(1);
  const dayAfter = testDay(2);
  const days = [
    { day: tomorrow, kind: "holiday", name: "地方假日" },
    { day: dayAfter, kind: "holiday", name: "地方假日" },
  ];
  const res = ok(
    await gql(server, SetCalendarDaysDocument, { days }, w.tokens.admin),
  ).setCalendarDays;
  expect(res.map((d) => d.day)).toEqual([tomorrow, dayAfter]);
  const c = await heatingCase(w);
  const expected = OFFICIAL_CALENDAR.withOverrides(
    days.map((d) => ({ day: d.day, kind: d.kind as "holiday" })),
  ).resolutionDue(new Date(c.receivedAt), 3);
  expect(c.resolutionDueAt).toBe(expected.toISOString());
  // Wed 11 and Thu 12 March off: Fri 13, Mon 16 and Tue 17 are the three working days.
  expect(c.resolutionDueAt).toBe("2026-03-17T16:00:00.000Z");
  const o = await heatingCase(other);
  expect(new Date(o.resolutionDueAt).getTime()).toBeLessThanOrEqual(
    new Date(c.resolutionDueAt).getTime(),
  );
  const listed = ok(await gql(server, CaseLimitsDocument, {}, w.tokens.admin)).caseLimits
    .calendarDays;
  expect(listed.map((d) => d.day)).toEqual([tomorrow, dayAfter]);
  expect(
    ok(await gql(server, CaseLimitsDocument, {}, other.tokens.admin)).caseLimits.calendarDays,
  ).toEqual([]);
});

it("refuses other roles and bad input", async () => {
  for (const token of [w.tokens.command, w.tokens.operator, w.tokens.inspector]) {
    expect(
      errorCode(await gql(server, UpdateCaseSettingsDocument, { input: { maxReturns: 5 } }, token)),
    ).toBe("FORBIDDEN");
    expect(
      errorCode(
        await gql(server, SetCategoryResolutionDaysDocument, { code: "heating", days: 4 }, token),
      ),
    ).toBe("FORBIDDEN");
    expect(
      errorCode(
        await gql(
          server,
          SetCalendarDaysDocument,
          { days: [{ day: "2027-01-01", kind: "holiday" }] },
          token,
        ),
      ),
    ).toBe("FORBIDDEN");
  }
  expect(
    errorCode(
      await gql(server, UpdateCaseSettingsDocument, { input: { maxReturns: 99 } }, w.tokens.admin),
    ),
  ).toBe("BAD_USER_INPUT");
  expect(
    errorCode(
      await gql(
        server,
        SetCategoryResolutionDaysDocument,
        { code: "heating", days: 0 },
        w.tokens.admin,
      ),
    ),
  ).toBe("BAD_USER_INPUT");
  expect(
    errorCode(
      await gql(
        server,
        SetCategoryResolutionDaysDocument,
        { code: "nope", days: 4 },
        w.tokens.admin,
      ),
    ),
  ).toBe("NOT_FOUND");
  expect(
    errorCode(
      await gql(
        server,
        SetCalendarDaysDocument,
        { days: [{ day: "2027-02-30", kind: "holiday" }] },
        w.tokens.admin,
      ),
    ),
  ).toBe("BAD_USER_INPUT");
  expect(
    errorCode(
      await gql(
        server,
        SetCalendarDaysDocument,
        { days: [{ day: "2027-02-03", kind: "vacation" }] },
        w.tokens.admin,
      ),
    ),
  ).toBe("BAD_USER_INPUT");
  const settings = ok(
    await gql(
      server,
      UpdateCaseSettingsDocument,
      { input: { warningMinutes: 120 } },
      w.tokens.admin,
    ),
  ).updateCaseSettings;
  expect(settings).toMatchObject({ maxReturns: 2, resolutionDays: 3 });
});
