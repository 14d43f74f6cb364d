import "reflect-metadata";
import { buildSchema } from "type-graphql";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { authChecker } from "./context/auth-checker";
import { type PubSub } from "./realtime/pubsub";
import {
  CityResolver,
  DistrictResolver,
  PrincipalResolver,
} from "./modules/tenancy/tenancy.resolver";
import { DepartmentResolver, StaffAccountResolver } from "./modules/org/department.resolver";
import { NodeResolver } from "./modules/node/node.resolver";

export const RESOLVERS = [
  PrincipalResolver,
  DistrictResolver,
  CityResolver,
  DepartmentResolver,
  StaffAccountResolver,
  NodeResolver,
] as const;

/** The executable schema. Inputs are validated with class-validator before any resolver runs. */
export function createSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    pubSub,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}

/** The SDL committed as schema.graphql: sorted, so that it changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
