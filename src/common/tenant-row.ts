import { PrimaryColumn, type ValueTransformer } from "typeorm";
import { toGlobalId } from "./ids";

/**
 * The keys every tenant row has: (district_id, id). The GraphQL id is the opaque global id of the
 * concrete type, named after its class (which is also its GraphQL type name); it is served as
 * the `id` field that every type gets from the Node interface.
 */
export abstract class TenantRow {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  /** Served as the field `id` of the Node interface. */
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}

/** numeric columns arrive from pg as strings; the API speaks numbers. */
export const numeric: ValueTransformer = {
  from: (v: string | null) => (v === null || v === undefined ? v : Number(v)),
  to: (v: number | null) => v,
};
