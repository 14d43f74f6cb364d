import { Args, Authorized, Resolver, Root, Subscription } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { idOf } from "../grid/grid.args";
import { Case } from "./case.entity";
import { type CaseEvent } from "./case-event.entity";
import { DeadlineKind } from "./case.enums";
import { CaseAction } from "./case.workflow";
import { caseStream, SUBSCRIBERS, type CaseFeedItem, type StreamItem } from "./case.subscriptions";
import { CaseDeadlineMessage, CaseEventMessage, StreamArgs } from "./case.types";
import { extend } from "../../common/objects";

@Resolver(() => Case)
export class CaseSubscriptionResolver {
  @Authorized(...SUBSCRIBERS)
  @Subscription(() => CaseEventMessage, {
    subscribe: ({ args, context }) =>
      caseStream(
        context as AuthedContext,
        "caseCreated",
        (args as StreamArgs).after,
        acceptor(args as StreamArgs, (e) => e.action === CaseAction.create),
      ),
    description: "New cases the caller may see, as they are taken in.",
  })
  caseCreated(
    @Root() item: StreamItem,
    @Args({ validate: false }) _args: StreamArgs,
  ): CaseEventMessage {
    return item;
  }

  @Authorized(...SUBSCRIBERS)
  @Subscription(() => CaseEventMessage, {
    subscribe: ({ args, context }) =>
      caseStream(
        context as AuthedContext,
        "caseUpdated",
        (args as StreamArgs).after,
        acceptor(args as StreamArgs, (e) => e.action !== CaseAction.create),
      ),
    description:
      "Every change of the cases the caller may see (not their creation; see caseCreated).",
  })
  caseUpdated(
    @Root() item: StreamItem,
    @Args({ validate: false }) _args: StreamArgs,
  ): CaseEventMessage {
    return item;
  }

  @Authorized(...SUBSCRIBERS)
  @Subscription(() => CaseDeadlineMessage, {
    subscribe: ({ args, context }) =>
      caseStream(
        context as AuthedContext,
        "caseDeadline",
        (args as StreamArgs).after,
        acceptor(
          args as StreamArgs,
          (e) => e.action === CaseAction.warn || e.action === CaseAction.breach,
        ),
      ),
    description: "Warnings before a due time and breaches after it.",
  })
  caseDeadline(
    @Root() item: StreamItem,
    @Args({ validate: false }) _args: StreamArgs,
  ): CaseDeadlineMessage {
    return extend(item, {
      kind: item.event.action === CaseAction.warn ? DeadlineKind.warning : DeadlineKind.breach,
      limit: String(item.event.data.limit ?? "resolution"),
    });
  }
}

/** The per-event test of a subscription, in memory: kind of event, then the subscriber's filters. */
function acceptor(args: StreamArgs, kind: (e: CaseEvent) => boolean) {
  const so = args.streetOfficeId
    ? idOf(args.streetOfficeId, "StreetOffice", "streetOfficeId")
    : null;
  const grid = args.gridId ? idOf(args.gridId, "Grid", "gridId") : null;
  const dept = args.departmentId ? idOf(args.departmentId, "Department", "departmentId") : null;
  const statuses = args.status?.length ? new Set(args.status) : null;
  return ({ event: e, case: c, assignments }: CaseFeedItem) =>
    kind(e) &&
    (!so || c.streetOfficeId === so) &&
    (!grid || c.gridId === grid) &&
    (!statuses || statuses.has(e.toStatus)) &&
    (!dept || assignments.some((a) => a.departmentId === dept));
}
