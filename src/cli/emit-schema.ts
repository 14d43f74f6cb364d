import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { createPubSub } from "@graphql-yoga/subscription";
import { createSchema, printSortedSchema } from "../schema";
import { type PubSub } from "../realtime/pubsub";

/** Writes schema.graphql from the code (`npm run schema`). A test fails when the file is stale. */
async function main() {
  const pubSub = Object.assign(createPubSub(), {
    close: async () => undefined,
  }) as unknown as PubSub;
  const sdl = printSortedSchema(await createSchema(pubSub));
  const file = path.resolve(__dirname, "../../../schema.graphql");
  fs.writeFileSync(file, sdl);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
