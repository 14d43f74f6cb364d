/**
 * `{ ...base, ...more }`, made so that V8 can share the result's shape between calls.
 *
 * On Node 20 (V8 11.3) an object literal that begins with a spread is a clone of its source's
 * shape, and a clone's shape keeps no transitions: each key the literal then adds that the source
 * does not have gives the object a new hidden class and a new copy of the table of its keys, on
 * every call (`%HaveSameMap` tells two such objects apart; overriding keys the source has costs
 * nothing). For an object of 40 keys given three more that is about 11 µs a call against 2 µs this
 * way, and a few KB that outlive two scavenges (V8 makes hidden classes in the old generation),
 * so they fill the old generation and bring on its full collections: six in the benchmark's
 * single intake, from four such literals on its path, against one to three without
 * (docs/performance.md, "The single intake's tail").
 *
 * A result of more than about 19 keys is kept by V8 as a dictionary (one shared map, slower keyed
 * reads): still about a tenth of the spread's cost to make, for objects read once (the `Case`
 * given to TypeORM's `create`); keep objects read often, such as the request's context, smaller.
 *
 * For plain data with known keys only (a source's own `__proto__` key would be set, not copied).
 * The lint rule `no-restricted-syntax` asks for it on the request and event paths.
 */
export function extend<A extends object, B extends object>(base: A, more: B): Omit<A, keyof B> & B {
  return Object.assign({}, base, more);
}
