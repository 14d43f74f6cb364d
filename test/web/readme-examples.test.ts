import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "graphql";
import { readmeExamples } from "../../web/readme-examples";

const README = readFileSync(path.join(__dirname, "../../README.md"), "utf8");

it("finds the README's example operations, each one valid GraphQL", () => {
  const examples = readmeExamples(README);
  const names = examples.map((e) => e.name);
  expect(names).toEqual(expect.arrayContaining(["Example query 1", "Example subscription 1"]));
  for (const e of examples) expect(() => parse(e.query)).not.toThrow();
  expect(examples.map((e) => e.query)).toEqual(
    expect.arrayContaining([
      "{ me { role district { name city { name } } } }",
      expect.stringMatching(/^subscription \{ departmentChanged/),
      expect.stringMatching(/^mutation \{ createDepartment/),
    ]),
  );
});

it("stops a section at the next heading and refuses a section without operations", () => {
  const md = [
    "## Example query",
    "```graphql",
    "{ a }",
    "```",
    "## Other",
    "```graphql",
    "{ b }",
    "```",
    "## Empty",
    "text",
  ].join("\n");
  expect(readmeExamples(md, ["Example query"])).toEqual([
    { name: "Example query 1", query: "{ a }" },
  ]);
  expect(() => readmeExamples(md, ["Empty"])).toThrow(/has no operation/);
  expect(() => readmeExamples(md, ["Missing"])).toThrow(/no "## Missing" section/);
});
