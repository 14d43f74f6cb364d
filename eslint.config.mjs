import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      ".data/",
      "test/generated/",
      "examples/client/src/gql/",
      "coverage/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { disallowTypeAnnotations: false, fixStyle: "inline-type-imports" },
      ],
      "no-console": "off",
    },
  },
  {
    // On the paths every request, event or demo case takes: a literal that begins with a spread
    // and then adds keys (or spreads another) costs V8 a new hidden class per object
    // (src/common/objects.ts).
    files: [
      "src/server.ts",
      "src/planner/**/*.ts",
      "src/realtime/**/*.ts",
      "src/context/**/*.ts",
      "src/observability/**/*.ts",
      "src/common/batch.ts",
      "src/common/errors.ts",
      "src/modules/grid/grid.query.ts",
      "src/modules/cases/**/*.ts",
      "src/modules/tenancy/**/*.ts",
      "src/demo/**/*.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ObjectExpression[properties.0.type='SpreadElement'][properties.length>1]",
          message:
            "A literal that begins with a spread and adds keys gives each object a hidden class of its own in V8: use extend() from src/common/objects.ts, or a literal without the spread.",
        },
      ],
    },
  },
  {
    files: ["jest.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable" } },
  },
  {
    // Decorated classes need their imports at run time for emitDecoratorMetadata.
    files: ["src/modules/**/*.ts", "src/schema.ts", "src/common/**/*.ts"],
    rules: { "@typescript-eslint/consistent-type-imports": "off" },
  },
);
