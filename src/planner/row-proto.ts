import { type RowEntity } from "./relations";

/** Rows' prototypes and constructors for the planned read path (rows.ts). */

/**
 * A constructor of rows with the given prototype: V8 keeps the properties of the objects a
 * constructor makes inside them (sized by what its first objects were given), where objects of
 * `Object.create` keep most of theirs in a second, growing allocation.
 */
export function madeRows(proto: object): new () => Record<string, unknown> {
  const Made = function () {} as unknown as new () => Record<string, unknown>;
  Made.prototype = proto;
  return Made;
}

/** A column a plan did not read was asked of its row: the plan must not answer. */
export class ColumnNotRead extends Error {
  constructor(entity: string, prop: string) {
    super(`${entity}.${prop} was read by a resolver but not by the plan (declare it in the plans)`);
    this.name = "ColumnNotRead";
  }
}

/**
 * The prototype of rows read for some columns only: the entity's, with every other column a
 * property that throws when read (ColumnNotRead), so that a resolver reading a column its
 * declaration forgot cannot answer from a missing value. Setting one makes it the row's own.
 */
export function guardedPrototype(
  entity: RowEntity,
  all: ReadonlyArray<{ prop: string }>,
  props: ReadonlySet<string>,
): object {
  const guard = Object.create(entity.prototype as object) as object;
  for (const c of all) {
    if (props.has(c.prop)) continue;
    Object.defineProperty(guard, c.prop, {
      get() {
        throw new ColumnNotRead(entity.name, c.prop);
      },
      set(this: object, value: unknown) {
        Object.defineProperty(this, c.prop, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      },
    });
  }
  return guard;
}
