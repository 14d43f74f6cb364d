import { type CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the operations the tests send (test/operations), generated from the
 * committed schema.graphql. `npm run codegen` rewrites test/generated/graphql.ts.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["test/operations/**/*.graphql"],
  generates: {
    "test/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTimeISO: "string", ID: "string", JSONObject: "Record<string, unknown>" },
      },
    },
  },
};

export default config;
