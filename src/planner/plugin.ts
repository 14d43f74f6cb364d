import { type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { type FragmentDefinitionNode, getVariableValues, Kind } from "graphql";
import { type DataSource } from "typeorm";
import { type AuthedContext, type Context } from "../context/context";
import { FieldIndex } from "./fields";
import { Planner } from "./execute";
import { type PlannedRelations } from "./relations";

/**
 * Answers the queries the planner can plan (planner/execute.ts) before graphql-js would execute
 * them; every other operation, and every one it declines, runs as before. It runs after the
 * operation was parsed, validated and admitted by the security plugin, inside the request's tenant
 * transaction, and the read audit's notes are written by the transaction plugin as for any other.
 */
export function plannedReadsPlugin(
  relations: PlannedRelations,
  dataSource: DataSource,
): ApolloServerPlugin<Context> {
  const planner = new Planner(relations, new FieldIndex(), dataSource);
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, operation, document, request, contextValue }) {
          if (operation.operation !== "query" || !contextValue.principal) return null;
          const vars = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (vars.errors) return null;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) {
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          }
          const data = await planner.execute({
            schema,
            operation,
            fragments,
            variables: vars.coerced,
            ctx: contextValue as AuthedContext,
          });
          if (!data) return null;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: "single", singleResult: { data } },
          };
        },
      };
    },
  };
}
