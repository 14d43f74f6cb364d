import path from "node:path";
import { buildDistrict, closeFactories } from "../factories";

/**
 * The scale load runs in a process of its own (src/bench/scale-load-process.ts), so that the
 * benchmark's process, which measures the server's reads right after it, never holds the load's
 * objects. The built module is used: the child runs it with Node, without the test's compiler.
 */
let loadScaleCasesApart: (typeof import("../../src/bench/scale-load-process"))["loadScaleCasesApart"];

beforeAll(async () => {
  ({ loadScaleCasesApart } = (await import(
    path.join(__dirname, "..", "..", "dist", "src", "bench", "scale-load-process.js")
  )) as typeof import("../../src/bench/scale-load-process"));
});
afterAll(() => closeFactories());

it("loads in a child process: done when the district already holds the cases asked for", async () => {
  const d = await buildDistrict();
  await expect(
    loadScaleCasesApart(process.env.TEST_OWNER_DATABASE_URL!, { district: d.code, cases: 0 }),
  ).resolves.toBeUndefined();
});

it("reports a load that failed in the child as an error here", async () => {
  await expect(
    loadScaleCasesApart(process.env.TEST_OWNER_DATABASE_URL!, {
      district: "no-such-district",
      cases: 10,
    }),
  ).rejects.toThrow(/the scale load stopped \(exit code 1\)/);
});
