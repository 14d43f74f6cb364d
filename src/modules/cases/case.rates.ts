/**
 * The rates of the measures (case.measures.ts): fractions of a unit's counts, never stored, so
 * that they are always those of the counts they are shown with.
 */
import { type Counts } from "./case.measures";

export const RATES = [
  "responseRate",
  "onTimeCompletionRate",
  "resolutionRate",
  "satisfactionRate",
  "effectiveCallbackRate",
  "proactiveShare",
  "partReplyRate",
  "partOnTimeRate",
] as const;

export type RateName = (typeof RATES)[number];
export type Rates = Record<RateName, number | null>;

/** The measures the rates are made of. */
export type RateCounts = Pick<
  Counts,
  | "received"
  | "gridPatrol"
  | "repliedOnTime"
  | "resolved"
  | "resolvedOnTime"
  | "callbacks"
  | "callbacksValid"
  | "satisfied"
  | "basicallySatisfied"
  | "parts"
  | "partsRepliedOnTime"
  | "partsOnTime"
>;

/** n / d; null when there is nothing to divide by, so that "no cases" never reads as 0 %. */
const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * The rates of a unit's counts, each a fraction from 0 to 1, or null when its denominator is 0:
 * - responseRate = repliedOnTime / received
 * - onTimeCompletionRate (办结率) = resolvedOnTime / received
 * - resolutionRate = resolved / received
 * - satisfactionRate (满意率) = (satisfied + basicallySatisfied) / callbacksValid
 * - effectiveCallbackRate (有效回访率) = callbacksValid / callbacks
 * - proactiveShare = gridPatrol / received
 * - partReplyRate = partsRepliedOnTime / parts (departments' own replies on time)
 * - partOnTimeRate = partsOnTime / parts (departments' own parts finished on time)
 * The only place they are computed: the rates of several units together are the rates of their
 * summed counts (`sumCounts`), never a mean of their rates, which would weigh a unit of 3 cases
 * like one of 3,000.
 */
export function ratesOf(c: Readonly<RateCounts>): Rates {
  return {
    responseRate: rate(c.repliedOnTime, c.received),
    onTimeCompletionRate: rate(c.resolvedOnTime, c.received),
    resolutionRate: rate(c.resolved, c.received),
    satisfactionRate: rate(c.satisfied + c.basicallySatisfied, c.callbacksValid),
    effectiveCallbackRate: rate(c.callbacksValid, c.callbacks),
    proactiveShare: rate(c.gridPatrol, c.received),
    partReplyRate: rate(c.partsRepliedOnTime, c.parts),
    partOnTimeRate: rate(c.partsOnTime, c.parts),
  };
}
