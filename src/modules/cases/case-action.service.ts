import { In, type EntityManager } from "typeorm";
import { badInput, conflict, forbidden, notFound } from "../../common/errors";
import { Department } from "../org/department.entity";
import { JointCommitteeUnit } from "../grid/joint-committee.entity";
import { type Case } from "./case.entity";
import { type CaseEvent } from "./case-event.entity";
import { perform } from "./case.rules";
import { type Command, checkCommand } from "./case.commands";
import { type Actor, CaseRuleError, newId } from "./case.state";
import { type ActorRole, CaseAction } from "./case.workflow";
import { loadCase, policyOf, saveCase } from "./case.store";
import { extend } from "../../common/objects";

/** Who acts, as the services need it: taken from the verified token by the resolver. */
export interface Caller {
  subject: string;
  role: ActorRole;
  /** The district the caller writes to. */
  districtId: string;
  /** The caller's department (department role), if the token names one of the district's. */
  departmentId: string | null;
  /** The caller's grids (grid staff) and street office (street officers). */
  gridIds: ReadonlySet<string>;
  streetOfficeId: string | null;
  /** The caller's community (community workers), if the token names one of the district's. */
  communityId: string | null;
}

/** The caller as the rules see them on this case. */
export function actorOn(
  caller: Caller,
  c: { gridId: string | null; streetOfficeId: string | null },
): Actor {
  return {
    subject: caller.subject,
    role: caller.role,
    departmentId: caller.departmentId,
    gridOfCase: c.gridId !== null && caller.gridIds.has(c.gridId),
    streetOfCase: c.streetOfficeId !== null && caller.streetOfficeId === c.streetOfficeId,
  };
}

/** A refusal of the rules as the API answers it. */
export function apiError(err: unknown): unknown {
  if (!(err instanceof CaseRuleError)) return err;
  return err.code === "FORBIDDEN" ? forbidden(err.message) : badInput(err.field, err.message);
}

/** An assignment's departments, named by id, given their codes; NOT_FOUND for another district's. */
async function withCodes(m: EntityManager, districtId: string, cmd: Command): Promise<Command> {
  if (cmd.action !== CaseAction.assign) return cmd;
  const ids = cmd.parts.map((p) => p.departmentId);
  const depts = await m.find(Department, { where: { districtId, id: In(ids) } });
  if (depts.length !== ids.length) throw notFound("no such department in your district");
  const code = new Map(depts.map((d) => [d.id, d.code]));
  return extend(cmd, {
    parts: cmd.parts.map((p) => extend(p, { code: code.get(p.departmentId)! })),
  });
}

/**
 * The joint committee's units a street office pulls in, named by id, given what the rules need to
 * know of them: each must be a unit of the district (NOT_FOUND); whether it is of the case's
 * street office and still active is the rules' call, after who may pull units in at all.
 */
async function withUnits(
  m: EntityManager,
  districtId: string,
  cmd: Command,
  streetOfficeId: string | null,
): Promise<Command> {
  if (cmd.action !== CaseAction.engage_units) return cmd;
  const ids = cmd.units.map((u) => u.unitId);
  const units = await m.find(JointCommitteeUnit, { where: { districtId, id: In(ids) } });
  if (units.length !== new Set(ids).size)
    throw notFound("no such joint committee unit in your district");
  const byId = new Map(units.map((u) => [u.id, u]));
  return extend(cmd, {
    units: cmd.units.map(({ unitId }) => {
      const u = byId.get(unitId)!;
      return {
        unitId,
        name: u.name,
        ofCaseStreet: u.streetOfficeId === streetOfficeId,
        active: u.active,
      };
    }),
  });
}

export interface ActionInput {
  caller: Caller;
  caseId: string;
  /** The version the caller read: a case that moved on since is a CONFLICT. */
  expectedVersion: number;
  command: Command;
  /** The action's one instant: its effects, the case's updated_at and its events agree. */
  at: Date;
}

/**
 * Applies one workflow action in the caller's transaction: reads the case under its row lock,
 * checks the version, lets the rules decide and change it, writes the change and appends the
 * events. The caller publishes the events after the transaction commits.
 */
export async function actOnCase(
  m: EntityManager,
  input: ActionInput,
): Promise<{ case: Case; events: CaseEvent[] }> {
  const { caller, at } = input;
  try {
    checkCommand(input.command, at);
  } catch (err) {
    throw apiError(err);
  }
  const { row, state } = await loadCase(m, caller.districtId, input.caseId, true);
  const command = await withUnits(
    m,
    caller.districtId,
    await withCodes(m, caller.districtId, input.command),
    row.streetOfficeId,
  );
  if (state.case.version !== input.expectedVersion)
    throw conflict(
      `the case is at version ${state.case.version}, not ${input.expectedVersion}: read it again`,
    );
  const policy = await policyOf(m, caller.districtId);
  let out;
  try {
    out = perform(state, command, actorOn(caller, row), at, policy, newId);
  } catch (err) {
    throw apiError(err);
  }
  const events = await saveCase(m, state, out.state, out.events);
  Object.assign(row, out.state.case);
  return { case: row, events };
}
