import fs from "node:fs";
import path from "node:path";
import { createPubSub } from "@graphql-yoga/subscription";
import { createSchema, printSortedSchema } from "../src/schema";
import { type PubSub } from "../src/realtime/pubsub";

it("schema.graphql matches the code (run `npm run schema` after changing the API)", async () => {
  const pubSub = Object.assign(createPubSub(), {
    close: async () => undefined,
  }) as unknown as PubSub;
  const printed = printSortedSchema(await createSchema(pubSub));
  const committed = fs.readFileSync(path.join(__dirname, "..", "schema.graphql"), "utf8");
  expect(committed).toBe(printed);
});
