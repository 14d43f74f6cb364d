import { fromGlobalId, idFloor, isUuid, toGlobalId, uuidv7 } from "../../src/common/ids";

it("uuidv7 makes valid version-7 UUIDs that sort by time, also within one millisecond", () => {
  const ids = Array.from({ length: 2000 }, () => uuidv7());
  for (const id of ids) {
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
  }
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
  const t = Date.UTC(2026, 8, 30, 9, 0, 0);
  expect(parseInt(uuidv7(t).replace(/-/g, "").slice(0, 12), 16)).toBe(t);
});

it("global ids round-trip and reject anything else", () => {
  const id = uuidv7();
  expect(fromGlobalId(toGlobalId("Department", id))).toEqual({ type: "Department", id });
  for (const bad of [
    "",
    "abc",
    Buffer.from("Department").toString("base64url"),
    Buffer.from(`1x:${id}`).toString("base64url"),
    "a/b",
  ]) {
    expect(fromGlobalId(bad)).toBeNull();
  }
});

describe("idFloor", () => {
  it("is the smallest uuidv7 of an instant, and clamps instants a uuidv7 cannot hold", () => {
    const at = new Date("2026-03-10T01:00:00.123Z");
    expect(idFloor(at)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-0000-0000-000000000000$/);
    expect(idFloor(at) <= uuidv7(at.getTime())).toBe(true);
    expect(idFloor(new Date(at.getTime() + 1)) > uuidv7(at.getTime())).toBe(true);
    expect(idFloor(new Date("1969-12-31T00:00:00Z"))).toBe("00000000-0000-0000-0000-000000000000");
    expect(idFloor(new Date("+020000-01-01T00:00:00Z"))).toBe(
      "ffffffff-ffff-0000-0000-000000000000",
    );
  });
});

it("isUuid takes the 8-4-4-4-12 hex form in either case, and nothing else", () => {
  const id = uuidv7();
  expect(isUuid(id)).toBe(true);
  expect(isUuid(id.toUpperCase())).toBe(true);
  expect(isUuid("00000000-0000-0000-0000-000000000000")).toBe(true);
  for (const bad of [
    "",
    id.slice(1),
    `${id}0`,
    `${id}\n`,
    ` ${id.slice(1)}`,
    id.replace(/-/g, ""),
    `${id.slice(0, 8)}_${id.slice(9)}`,
    `${id.slice(0, 35)}g`,
    `${id.slice(0, 35)}G`,
    `${id.slice(0, 35)}/`,
    `${id.slice(0, 35)}:`,
    `${id.slice(0, 35)}@`,
    `${id.slice(0, 35)}\``,
    `${id.slice(0, 9)}-${id.slice(10)}`,
  ]) {
    expect(isUuid(bad)).toBe(false);
  }
});
