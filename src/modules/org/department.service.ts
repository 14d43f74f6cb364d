import { type EntityManager } from "typeorm";
import { Department } from "./department.entity";
import { type Principal, writableDistrict } from "../../auth/principal";
import { type TenantDb } from "../../db/tenant";
import { uuidv7, fromGlobalId } from "../../common/ids";
import { badInput, conflict, notFound } from "../../common/errors";
import { type PubSub, Topic } from "../../realtime/pubsub";

export interface DepartmentDeps {
  db: TenantDb;
  principal: Principal;
  pubSub: PubSub;
}

function publishAfterCommit(deps: DepartmentDeps, d: Department, action: "created" | "updated") {
  deps.db.afterCommit(() =>
    deps.pubSub.publish(Topic.DEPARTMENT_CHANGED, {
      districtId: d.districtId,
      departmentId: d.id,
      action,
      at: new Date().toISOString(),
    }),
  );
}

export async function createDepartment(
  deps: DepartmentDeps,
  input: { code: string; name: string },
): Promise<Department> {
  const districtId = writableDistrict(deps.principal);
  const d = await deps.db.run(async (m: EntityManager) => {
    const exists = await m.existsBy(Department, { districtId, code: input.code });
    if (exists) throw conflict(`a department with code "${input.code}" already exists`);
    const row = m.create(Department, {
      districtId,
      id: uuidv7(),
      code: input.code,
      name: input.name.trim(),
    });
    return m.save(row);
  });
  publishAfterCommit(deps, d, "created");
  return d;
}

export async function renameDepartment(
  deps: DepartmentDeps,
  input: { id: string; name: string },
): Promise<Department> {
  const districtId = writableDistrict(deps.principal);
  const ref = fromGlobalId(input.id);
  if (!ref || ref.type !== "Department") throw badInput("id", "not a Department id");
  const d = await deps.db.run(async (m) => {
    const row = await m.findOne(Department, { where: { districtId, id: ref.id } });
    // Another district's department looks exactly like a missing one.
    if (!row) throw notFound("no such department in your district");
    row.name = input.name.trim();
    return m.save(row);
  });
  publishAfterCommit(deps, d, "updated");
  return d;
}
