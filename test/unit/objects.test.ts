import { execFileSync } from "node:child_process";
import path from "node:path";
import { extend } from "../../src/common/objects";

it("extend gives what a spread followed by more keys gives: the keys, their order and who wins", () => {
  const tag = Symbol("tag");
  const base = { a: 1, b: "two", c: null as string | null, [tag]: "base" };
  const more = { b: "more", d: undefined, e: [5], [tag]: "more" };
  const spread = { ...base, ...more };
  const made = extend(base, more);
  expect(made).toEqual(spread);
  expect(Object.keys(made)).toEqual(Object.keys(spread));
  expect(made[tag]).toBe("more");
  expect("d" in made).toBe(true);
  // A new object: neither argument is changed, and nested values are shared as a spread shares them.
  expect(made).not.toBe(base);
  expect(base.b).toBe("two");
  expect(made.e).toBe(more.e);
  // Own enumerable keys only, as a spread copies.
  const proto = { inherited: 1 };
  const child = Object.create(proto) as { own?: number };
  child.own = 2;
  expect(extend(child, {})).toEqual({ own: 2 });
});

it("objects made by extend share one hidden class in V8, call after call", () => {
  // In a process of its own, for V8's %HaveSameMap (the built module, as the server runs it).
  const objects = path.join(__dirname, "..", "..", "dist", "src", "common", "objects.js");
  const script = `
    const { extend } = require(${JSON.stringify(objects)});
    const base = { id: "x", status: "open", version: 1, receivedAt: 0, grid: null };
    const made = Array.from({ length: 200 }, (_, i) => extend(base, { key: "k" + i, at: i }));
    let shapes = 1;
    for (let i = 1; i < made.length; i++) if (!%HaveSameMap(made[i - 1], made[i])) shapes++;
    console.log(shapes);`;
  const out = execFileSync(process.execPath, ["--allow-natives-syntax", "-e", script], {
    encoding: "utf8",
  });
  expect(Number(out.trim())).toBe(1);
});
