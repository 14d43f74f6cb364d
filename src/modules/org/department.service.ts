import { type EntityManager } from "typeorm";
import { Department } from "./department.entity";
import { uuidv7 } from "../../common/ids";
import { conflict, notFound } from "../../common/errors";

/**
 * A district's departments. Each function runs in the caller's transaction and writes to the
 * caller's district; the resolver publishes the change once the transaction commits.
 */

/** Who writes, from the verified token: the district it writes to. */
export interface DepartmentCaller {
  districtId: string;
}

export interface NewDepartment {
  code: string;
  name: string;
}

export interface DepartmentRename {
  /** The department's id (the resolver decodes its global id). */
  id: string;
  name: string;
}

export async function createDepartment(
  m: EntityManager,
  { caller, input }: { caller: DepartmentCaller; input: NewDepartment },
): Promise<Department> {
  const districtId = caller.districtId;
  if (await m.existsBy(Department, { districtId, code: input.code }))
    throw conflict(`a department with code "${input.code}" already exists`);
  const row = m.create(Department, {
    districtId,
    id: uuidv7(),
    code: input.code,
    name: input.name.trim(),
  });
  return m.save(row);
}

export async function renameDepartment(
  m: EntityManager,
  { caller, input }: { caller: DepartmentCaller; input: DepartmentRename },
): Promise<Department> {
  const row = await m.findOne(Department, {
    where: { districtId: caller.districtId, id: input.id },
  });
  // Another district's department looks exactly like a missing one.
  if (!row) throw notFound("no such department in your district");
  row.name = input.name.trim();
  return m.save(row);
}
