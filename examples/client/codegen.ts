import { type CodegenConfig } from "@graphql-codegen/cli";

/**
 * The example client's own codegen: its documents (src/*.graphql), typed against the API's
 * committed schema.graphql. Run from the repository's root (`npm run codegen` runs it after the
 * tests' codegen.ts); a frontend of its own points `schema` at its copy of schema.graphql.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/client/src/**/*.graphql"],
  generates: {
    "examples/client/src/gql/": {
      preset: "client",
      presetConfig: {
        // Each document carries its hash (`__meta__.hash`), and persisted-documents.json lists
        // them: the manifest a deployment with trusted documents serves (README "Trusted documents").
        persistedDocuments: { hashAlgorithm: "sha256" },
        fragmentMasking: false,
      },
      config: {
        // Documents as strings with their types: nothing to parse or print at run time.
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: "string", ID: "string", JSONObject: "Record<string, unknown>" },
      },
    },
  },
};

export default config;
