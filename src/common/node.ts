import { Field, ID, InterfaceType } from "type-graphql";

/**
 * Relay's Node: every object a client may refetch by id. Ids are opaque (see common/ids.ts);
 * `node(id)` answers only for objects the caller may see, and NOT_FOUND otherwise, so that an id of
 * another district reveals nothing, not even that it exists.
 */
@InterfaceType({
  description: "An object with an opaque global id that `node(id:)` can refetch.",
  resolveType: (value: { constructor: { name: string } }) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { name: "id", description: "Opaque global id." })
  globalId: string;
}
