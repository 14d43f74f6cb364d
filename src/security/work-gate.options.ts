/**
 * The work gate's bounds and their defaults (work-gate.ts says what they bound). Apart from the gate
 * so that the configuration, read before the database is begun, does not load Apollo Server.
 */
export interface WorkGateOptions {
  /** Operations costing more than this are heavy. */
  heavyCost: number;
  /** Heavy operations running at once in this process. */
  heavySlots: number;
  /**
   * The total cost of the heavy operations running at once in this process (absent: no bound but
   * the slots). One operation dearer than this still runs, alone.
   */
  heavyCostInFlight?: number;
  /** Heavy operations waiting for a slot in this process. */
  heavyQueue: number;
  /** The longest a heavy operation waits for a slot, in ms. */
  queueWaitMs: number;
  /** Operations in flight for one account. */
  perPrincipal: number;
  /** Heavy operations in flight (running or waiting) for one account. */
  perPrincipalHeavy: number;
}

export const DEFAULT_WORK_GATE: Readonly<WorkGateOptions> = {
  heavyCost: 1000,
  heavySlots: 4,
  // One operation at the default cost limit (limits.ts): a whole-tree walk runs alone.
  heavyCostInFlight: 50_000,
  heavyQueue: 256,
  queueWaitMs: 15_000,
  perPrincipal: 32,
  perPrincipalHeavy: 8,
};
