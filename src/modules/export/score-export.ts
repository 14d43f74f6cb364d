import { type AuthedContext } from "../../context/context";
import { badInput, forbidden } from "../../common/errors";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { UnitLevel } from "../cases/case.measures";
import { buildScoreboard } from "../scores/scoreboard.service";
import { LABELS, labelOf } from "../labels/labels";
import { type Cell } from "./table-writers";

/** The measures written, in the labels' order (every field of UnitMeasures but its id). */
const MEASURES = Object.keys(LABELS.Measure) as Array<keyof typeof LABELS.Measure>;
export const SCORE_HEADERS: readonly string[] = [
  LABELS.ScoreColumn.rank,
  LABELS.ScoreColumn.score,
  ...MEASURES.map((m) => LABELS.Measure[m]),
];

const PARAMS = new Set(["level", "from", "to"]);
/** Who may read a scoreboard: as `scoreboard` (its @Authorized). */
const READERS: ReadonlySet<string> = new Set<string>([...STAFF_ROLES, Role.city_admin]);

/** `level`, `from`, `to` as the `scoreboard` query takes them; the period is checked by it. */
export function scoreParamsOf(q: Record<string, unknown>): {
  level: UnitLevel;
  from: string;
  to: string;
} {
  const unknown = Object.keys(q).find((k) => !PARAMS.has(k));
  if (unknown !== undefined)
    throw badInput(
      unknown.slice(0, 60),
      `unknown parameter ${JSON.stringify(unknown.slice(0, 60))}; the parameters are level, from, to`,
    );
  for (const k of PARAMS)
    if (typeof q[k] !== "string" || q[k] === "") throw badInput(k, `give ${k} once`);
  const level = q.level as string;
  if (!Object.values(UnitLevel).includes(level as UnitLevel))
    throw badInput("level", `level must be one of ${Object.values(UnitLevel).join(", ")}`);
  return { level: level as UnitLevel, from: q.from as string, to: q.to as string };
}

/**
 * The scoreboard's rows as `scoreboard` ranks them (buildScoreboard: the same measures, formula
 * and ranks for the same caller), one unit a row. A board has a row per unit of a level (702 grids
 * at most in Mingshan), computed whole by the service, so it is written in one piece.
 */
export async function scoreRows(
  ctx: AuthedContext,
  p: { level: UnitLevel; from: string; to: string },
): Promise<Cell[][]> {
  if (!READERS.has(ctx.principal.role)) throw forbidden("your role may not do this");
  const board = await buildScoreboard(ctx, p.level, p.from, p.to);
  return board.rows.map((r) => [
    r.rank,
    r.score,
    ...MEASURES.map((m): Cell => {
      const v = r.measures[m];
      if (m === "level") return labelOf("UnitLevel", v as string);
      return (v ?? null) as Cell;
    }),
  ]);
}
