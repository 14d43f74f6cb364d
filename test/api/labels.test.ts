import { errorCode, gql, ok, startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface LabelsData {
  labels: Array<{ kind: string; value: string; label: string }>;
}
const LABELS = `query Labels($kinds: [String!]) { labels(kinds: $kinds) { kind value label } }`;

it("answers the labels of the kinds asked for, without a token", async () => {
  const { labels } = ok(
    await gql<LabelsData, { kinds: string[] }>(server, LABELS, {
      kinds: ["CaseStatus", "Measure"],
    }),
  );
  expect(labels).toContainEqual({
    kind: "CaseStatus",
    value: "street_handling",
    label: "街道首办",
  });
  expect(labels).toContainEqual({ kind: "Measure", value: "satisfactionRate", label: "满意率" });
  expect(new Set(labels.map((l) => l.kind))).toEqual(new Set(["CaseStatus", "Measure"]));
});

it("answers every kind when none is named", async () => {
  const { labels } = ok(await gql<LabelsData, Record<string, never>>(server, LABELS, {}));
  const kinds = new Set(labels.map((l) => l.kind));
  for (const k of ["CaseChannel", "Urgency", "Role", "UnitLevel", "CaseAction", "MeasureName"])
    expect(kinds).toContain(k);
});

it("refuses an unknown kind with BAD_USER_INPUT naming the argument", async () => {
  const res = await gql<LabelsData, { kinds: string[] }>(server, LABELS, { kinds: ["Nope"] });
  expect(errorCode(res)).toBe("BAD_USER_INPUT");
  expect(res.errors?.[0].extensions?.field).toBe("kinds");
});
