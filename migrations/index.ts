import { Foundation1764230400000 } from "./1764230400000-Foundation";
import { GridTree1764316800000 } from "./1764316800000-GridTree";
import { Cases1764403200000 } from "./1764403200000-Cases";
import { Targets1764489600000 } from "./1764489600000-Targets";
import { ScoreCounters1764576000000 } from "./1764576000000-ScoreCounters";
import { ScoreFormula1764662400000 } from "./1764662400000-ScoreFormula";
import { ReadAudit1764748800000 } from "./1764748800000-ReadAudit";
import { CommunityStaff1764835200000 } from "./1764835200000-CommunityStaff";
import { SupervisionOnDissatisfaction1764921600000 } from "./1764921600000-SupervisionOnDissatisfaction";
import { Accountability1765008000000 } from "./1765008000000-Accountability";
import { PatrolLog1765094400000 } from "./1765094400000-PatrolLog";
import { DepartmentClocks1765180800000 } from "./1765180800000-DepartmentClocks";
import { StreetFirst1765267200000 } from "./1765267200000-StreetFirst";
import { ScaleIndexes1765353600000 } from "./1765353600000-ScaleIndexes";
import { ReadAuditBatches1765526400000 } from "./1765526400000-ReadAuditBatches";
import { ScaleRollups1765612800000 } from "./1765612800000-ScaleRollups";
import { PatrolRollups1765699200000 } from "./1765699200000-PatrolRollups";
import { ReadAuditStorage1765785600000 } from "./1765785600000-ReadAuditStorage";
import { EventActionIndex1765872000000 } from "./1765872000000-EventActionIndex";
import { ReplyBreaches1765958400000 } from "./1765958400000-ReplyBreaches";
import { MonthsEarlyReturn1766044800000 } from "./1766044800000-MonthsEarlyReturn";
import { ReadAuditSets1766131200000 } from "./1766131200000-ReadAuditSets";
import { GridHouseholds1766217600000 } from "./1766217600000-GridHouseholds";

/** Every migration, oldest first. Listed explicitly so the same code runs under tsc output and jest. */
export const MIGRATIONS = [
  Foundation1764230400000,
  GridTree1764316800000,
  Cases1764403200000,
  Targets1764489600000,
  ScoreCounters1764576000000,
  ScoreFormula1764662400000,
  ReadAudit1764748800000,
  CommunityStaff1764835200000,
  SupervisionOnDissatisfaction1764921600000,
  Accountability1765008000000,
  PatrolLog1765094400000,
  DepartmentClocks1765180800000,
  StreetFirst1765267200000,
  ScaleIndexes1765353600000,
  ReadAuditBatches1765526400000,
  ScaleRollups1765612800000,
  PatrolRollups1765699200000,
  ReadAuditStorage1765785600000,
  EventActionIndex1765872000000,
  ReplyBreaches1765958400000,
  MonthsEarlyReturn1766044800000,
  ReadAuditSets1766131200000,
  GridHouseholds1766217600000,
];
