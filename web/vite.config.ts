import { readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import { readmeExamples } from "./readme-examples";

const web = import.meta.dirname;
const root = path.dirname(web);

/** `import examples from "virtual:readme-examples"`: the README's example operations (readme-examples.ts). */
function readmeExamplesModule(): Plugin {
  const id = "virtual:readme-examples";
  const readme = path.join(root, "README.md");
  return {
    name: "civic-grid:readme-examples",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loaded) {
      if (loaded !== `\0${id}`) return undefined;
      this.addWatchFile(readme);
      return `export default ${JSON.stringify(readmeExamples(readFileSync(readme, "utf8")))};`;
    },
  };
}

/**
 * The browser pages, built into dist/web and served by the server (src/web/routes.ts): the home
 * and sign-in page (index.html), the offline IDE (graphiql/index.html) and the command center's
 * page (command-center/index.html). Everything they load is
 * bundled here, the IDE's editor workers and fonts included: nothing comes from another host.
 * Vite compiles the TSX itself (esbuild/oxc), without a React plugin.
 */
export default defineConfig({
  root: web,
  base: "/",
  publicDir: false,
  plugins: [readmeExamplesModule()],
  oxc: { jsx: { runtime: "automatic" } },
  worker: { format: "es" },
  build: {
    outDir: path.join(root, "dist", "web"),
    emptyOutDir: true,
    assetsDir: "assets",
    // The Monaco editor is large by nature (about 3 MB); it is cached for good once loaded.
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
    rolldownOptions: {
      // Libraries marked "use client" for React servers; these pages run only in the browser.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
      input: {
        home: path.join(web, "index.html"),
        graphiql: path.join(web, "graphiql", "index.html"),
        commandCenter: path.join(web, "command-center", "index.html"),
      },
    },
  },
});
