import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { type Context } from "../../context/context";
import { localDay } from "../../common/dates";

@ObjectType({
  description:
    "The server's clock, by which every time limit runs and every figure's day is counted.",
})
export class ServerClock {
  @Field({ description: "Now, by the server." })
  now: Date;

  @Field({
    description:
      "Today in the districts' time (UTC+8), YYYY-MM-DD: the day the figures (`measures`, `scoreboard`) of today are of.",
  })
  today: string;
}

@Resolver()
export class ClockResolver {
  @Query(() => ServerClock, {
    description:
      "The server's time and today's date. A screen shows today's figures by it rather than by its own machine's clock, which on an intranet may be off. Needs no token.",
  })
  serverClock(@Ctx() ctx: Context): ServerClock {
    const now = ctx.clock.now();
    return { now, today: localDay(now) };
  }
}
