import { getNamedType, isEnumType, isObjectType, type GraphQLSchema } from "graphql";
import { createSchema } from "../../src/schema";
import { LABELS, labelOf } from "../../src/modules/labels/labels";

/**
 * The labels are the one home of the API's Chinese words: every value of every enum the schema
 * exposes must have one (a new value without a label fails here), and no label may outlive its
 * value.
 */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const enums = () =>
  Object.values(schema.getTypeMap()).filter((t) => isEnumType(t) && !t.name.startsWith("__"));

it("labels every value of every enum of the schema", () => {
  const missing: string[] = [];
  for (const t of enums()) {
    if (!isEnumType(t)) continue;
    const labels = (LABELS as Record<string, Record<string, string>>)[t.name] ?? {};
    for (const v of t.getValues())
      if (!labels[v.value as string]) missing.push(`${t.name}.${v.name}`);
  }
  expect(missing).toEqual([]);
  expect(enums().length).toBeGreaterThan(40);
});

it("has no label of an enum value that no longer exists", () => {
  const stale: string[] = [];
  const own = new Set(["Measure", "CaseColumn", "Boolean"]);
  for (const [kind, labels] of Object.entries(LABELS)) {
    if (own.has(kind)) continue;
    const t = schema.getType(kind);
    if (!t || !isEnumType(t)) {
      stale.push(kind);
      continue;
    }
    const values = new Set(t.getValues().map((v) => v.value as string));
    for (const value of Object.keys(labels)) if (!values.has(value)) stale.push(`${kind}.${value}`);
  }
  expect(stale).toEqual([]);
});

it("labels every measure of UnitMeasures, and the measures' names as MeasureName does", () => {
  const t = schema.getType("UnitMeasures");
  if (!isObjectType(t)) throw new Error("UnitMeasures is not an object type");
  const fields = Object.keys(t.getFields()).filter((f) => f !== "unitId");
  expect(Object.keys(LABELS.Measure).sort()).toEqual(fields.sort());
  for (const [name, label] of Object.entries(LABELS.MeasureName))
    expect(LABELS.Measure[name as keyof typeof LABELS.Measure]).toBe(label);
  expect(getNamedType(t.getFields().level.type).name).toBe("UnitLevel");
});

it("gives one label per value, and the value itself for an unknown one", () => {
  for (const [kind, labels] of Object.entries(LABELS)) {
    const words = Object.values(labels as Record<string, string>);
    // Two values of one kind with one label could not be told apart in an export.
    expect([kind, new Set(words).size]).toEqual([kind, words.length]);
  }
  expect(labelOf("CaseStatus", "grid_handling")).toBe("网格领办");
  expect(labelOf("CaseStatus", "not_a_status")).toBe("not_a_status");
  expect(labelOf("CaseStatus", null)).toBe("");
});
