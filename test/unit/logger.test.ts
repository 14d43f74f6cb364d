import { createLogger, prettyLine } from "../../src/logger";
import { BoundedLabel } from "../../src/observability/metrics";
import { requestIdFrom } from "../../src/observability/request";

function collected(level: Parameters<typeof createLogger>[0] = "debug") {
  const lines: string[] = [];
  const log = createLogger(level, { destination: { write: (s: string) => lines.push(s) } });
  return { log, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

it("writes one JSON object a line with an ISO time, a level word and the message", () => {
  const { log, lines, json } = collected();
  log.info("started", { port: 4000 });
  log.child({ requestId: "r1" }).warn("slow");
  expect(lines.every((l) => l.endsWith("\n") && !l.slice(0, -1).includes("\n"))).toBe(true);
  const [a, b] = json();
  expect(a).toMatchObject({ level: "info", msg: "started", port: 4000 });
  expect(new Date(a.time as string).toISOString()).toBe(a.time);
  expect(b).toMatchObject({ level: "warn", msg: "slow", requestId: "r1" });
});

it("logs an error with its type, message and stack in `err`, and a non-error as a message", () => {
  const { log, json } = collected();
  log.error("failed", new TypeError("boom"));
  log.error("odd", "a string");
  const [a, b] = json();
  expect(a).toMatchObject({
    level: "error",
    msg: "failed",
    err: { type: "TypeError", message: "boom" },
  });
  expect((a.err as { stack: string }).stack).toMatch(/\n\s+at /);
  expect(b).toMatchObject({ err: { message: "a string" } });
});

it("keeps a failed statement's parameters and a row's detail out of the log", () => {
  const { log, json } = collected();
  const err = Object.assign(new Error("duplicate key"), {
    code: "23505",
    constraint: "person_id_number_key",
    query: "INSERT INTO person (id_number) VALUES ($1)",
    parameters: ["110101199003070000"],
    detail: "Key (id_number)=(110101199003070000) already exists.",
  });
  log.error("failed", new Error("wrapped", { cause: err }));
  const [line] = json();
  expect(line.err).toMatchObject({
    message: "wrapped",
    cause: { code: "23505", constraint: "person_id_number_key", query: expect.any(String) },
  });
  expect(JSON.stringify(line)).not.toContain("110101199003070000");
});

it("writes nothing below its level, and nothing at all when silent", () => {
  const info = collected("info");
  info.log.debug("hidden");
  info.log.info("shown");
  expect(info.json().map((l) => l.msg)).toEqual(["shown"]);
  const silent = collected("silent");
  silent.log.error("hidden", new Error("x"));
  expect(silent.lines).toEqual([]);
});

it("formats a line for a terminal: time, level, message, fields, and the stack below", () => {
  const err = new Error("boom");
  const text = prettyLine(
    JSON.stringify({
      level: "error",
      time: "2026-03-10T01:00:00.123Z",
      pid: 1,
      hostname: "h",
      msg: "unexpected error",
      requestId: "r1",
      note: "two words",
      err: { type: "Error", message: "boom", stack: err.stack },
    }),
  );
  expect(text.split("\n")[0]).toBe(
    '01:00:00.123 ERROR unexpected error  requestId=r1 note="two words"',
  );
  expect(text).toMatch(/\n {4}Error: boom\n {4}\s*at /);
  // A banner of several lines stays readable.
  expect(prettyLine(JSON.stringify({ level: "info", time: "x", msg: "a\n  b" }))).toContain(
    "a\n  b",
  );
});

it("keeps a plain incoming request id and replaces anything else", () => {
  expect(requestIdFrom("lb-1.2:3/4+5=")).toBe("lb-1.2:3/4+5=");
  for (const bad of [undefined, "", "a b", "x".repeat(129), "<x>", "é"])
    expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
});

it("folds client-chosen label values past its bound into 'other'", () => {
  const label = new BoundedLabel(2, 8);
  expect([label.of("a"), label.of("b"), label.of("c"), label.of("a")]).toEqual([
    "a",
    "b",
    "other",
    "a",
  ]);
  expect(label.of("a".repeat(20))).toBe("other");
  expect(new BoundedLabel(5, 8).of("abcdefghijk")).toBe("abcdefgh");
});
