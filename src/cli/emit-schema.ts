import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { createSchema, printSortedSchema } from "../schema";

/** Writes schema.graphql from the code (`npm run schema`). A test fails when the file is stale. */
async function main() {
  const sdl = printSortedSchema(await createSchema());
  const file = path.resolve(__dirname, "../../../schema.graphql");
  fs.writeFileSync(file, sdl);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
