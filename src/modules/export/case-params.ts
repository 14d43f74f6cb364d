import { validate } from "class-validator";
import { badInput } from "../../common/errors";
import { CaseChannel, CaseStatus } from "../cases/case.enums";
import { CaseFilterArgs, CaseOrder } from "../cases/case.types";

/**
 * The query parameters of the cases export: the filters of the `cases` query, by the same names,
 * checked by the same validators (CaseFilterArgs). A list (`status`) is given comma-separated or
 * repeated; a boolean is `true` or `false`; a time is ISO 8601 with its offset
 * (`2026-11-01T00:00:00+08:00`). An unknown parameter is refused, so that a misspelt filter does
 * not export every case.
 */
const PARAMS = [
  "status",
  "channel",
  "category",
  "streetOfficeId",
  "gridId",
  "departmentId",
  "overdue",
  "supervised",
  "escalated",
  "receivedFrom",
  "receivedTo",
  "orderBy",
] as const;
type Param = (typeof PARAMS)[number];
const KNOWN: ReadonlySet<string> = new Set(PARAMS);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export type Query = Record<string, unknown>;

/** One value of a parameter (a repeated one is refused, but for the lists). */
function one(q: Query, name: Param): string | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw badInput(name, `give ${name} once`);
  return v;
}

function oneOf<T extends string>(q: Query, name: Param, values: Record<string, T>): T | undefined {
  const v = one(q, name);
  if (v === undefined) return undefined;
  if (!Object.values(values).includes(v as T))
    throw badInput(name, `${name} must be one of ${Object.values(values).join(", ")}`);
  return v as T;
}

function bool(q: Query, name: Param): boolean | undefined {
  const v = one(q, name);
  if (v === undefined) return undefined;
  if (v !== "true" && v !== "false") throw badInput(name, `${name} must be true or false`);
  return v === "true";
}

function time(q: Query, name: Param): Date | undefined {
  const v = one(q, name);
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (!ISO_TIME.test(v) || !Number.isFinite(t))
    throw badInput(
      name,
      `${name} must be an ISO 8601 time with its offset (2026-11-01T00:00:00+08:00)`,
    );
  return new Date(t);
}

/** The export's parameters as the `cases` query's arguments; BAD_USER_INPUT naming the one at fault. */
export async function caseFilterOf(q: Query): Promise<CaseFilterArgs> {
  const unknown = Object.keys(q).find((k) => !KNOWN.has(k));
  if (unknown !== undefined)
    throw badInput(
      unknown.slice(0, 60),
      `unknown parameter ${JSON.stringify(unknown.slice(0, 60))}; the filters are ${PARAMS.join(", ")}`,
    );
  const raw = q.status;
  const statuses =
    raw === undefined
      ? undefined
      : (Array.isArray(raw) ? raw : [raw]).flatMap((s) =>
          typeof s === "string" ? s.split(",").filter((x) => x !== "") : [null],
        );
  if (statuses?.some((s) => s === null || !Object.values(CaseStatus).includes(s as CaseStatus)))
    throw badInput("status", `status must be among ${Object.values(CaseStatus).join(", ")}`);
  const id = (name: Param) => {
    const v = one(q, name);
    if (v !== undefined && v === "") throw badInput(name, `${name} is empty`);
    return v;
  };
  const f = Object.assign(new CaseFilterArgs(), {
    status: statuses as CaseStatus[] | undefined,
    channel: oneOf(q, "channel", CaseChannel),
    category: one(q, "category"),
    streetOfficeId: id("streetOfficeId"),
    gridId: id("gridId"),
    departmentId: id("departmentId"),
    overdue: bool(q, "overdue"),
    supervised: bool(q, "supervised"),
    escalated: bool(q, "escalated"),
    receivedFrom: time(q, "receivedFrom"),
    receivedTo: time(q, "receivedTo"),
    orderBy: oneOf(q, "orderBy", CaseOrder),
  });
  // The `cases` query's own validators (the category's form, at most 9 statuses).
  const [first] = await validate(f, { forbidUnknownValues: false });
  if (first)
    throw badInput(
      first.property,
      `${first.property}: ${Object.values(first.constraints ?? {}).join("; ")}`,
    );
  return f;
}
