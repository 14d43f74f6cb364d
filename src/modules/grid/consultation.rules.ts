import { ConsultationStatus } from "./grid.enums";

/** The consultation's status as of `now`: an open one whose closing time has passed is closed. */
export function effectiveStatus(
  c: { status: ConsultationStatus; closesAt: Date },
  now: Date,
): ConsultationStatus {
  return c.status === ConsultationStatus.open && c.closesAt > now
    ? ConsultationStatus.open
    : ConsultationStatus.closed;
}
