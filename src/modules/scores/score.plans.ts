import { type PlannedRelations } from "../../planner/relations";
import { type UnitLevel } from "../cases/case.measures";
import { CityScoresResolver } from "./city-scores.resolver";
import { ScoreboardResolver } from "./scoreboard.resolver";

/**
 * The scoreboards for the planned read path (planner/): each is made by its own resolver, as
 * for graphql-js, and the planner writes the fields asked of it (a grid's board is 702 rows of
 * some 27 fields: graphql-js's execution per field was a fifth of the request). The rows' `points`
 * and `accountability` are still answered by ScoreRowResolver, per reader.
 */
const boards = new ScoreboardResolver();
const city = new CityScoresResolver();

export const SCORE_PLANS: PlannedRelations = {
  "Query.scoreboard": {
    kind: "rootValue",
    value: (ctx, a) =>
      boards.scoreboard(a.level as UnitLevel, a.from as string, a.to as string, ctx),
  },
  "Query.cityScoreboard": {
    kind: "rootValue",
    value: (ctx, a) => city.cityScoreboard(a.from as string, a.to as string, ctx),
  },
};
