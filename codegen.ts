import { type CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the operations the tests send (test/operations), generated from the
 * committed schema.graphql. `npm run codegen` rewrites test/generated/graphql.ts, and
 * test/generated/client/ the way a frontend would generate its trusted documents.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["test/operations/**/*.graphql"],
  generates: {
    // What a frontend's build makes for trusted documents: its documents, typed, each with a
    // hash, and persisted-documents.json (hash → document), the manifest TRUSTED_DOCUMENTS reads.
    "test/generated/client/": {
      preset: "client",
      presetConfig: { persistedDocuments: { hashAlgorithm: "sha256" }, fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: "string", ID: "string", JSONObject: "Record<string, unknown>" },
      },
    },
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
