import { type DataSource } from "typeorm";
import { createDataSource } from "../../src/db/data-source";
import { ENTITIES } from "../../src/modules/entities";

/**
 * What goes over the wire of a data source of one connection: each write to the socket (a simple
 * query as `Q` and the start of its text; the extended protocol's messages by their type: `P`
 * parse, `B` bind, `D` describe, `E` execute, `S` sync) and each `ready` PostgreSQL sends when it
 * has answered a message. Waits on PostgreSQL show as writes that come after a `ready`.
 */
export interface Wire {
  ds: DataSource;
  events: string[];
  /** The writes between one wait and the next: one group per wait on PostgreSQL. */
  sendGroups(): string[][];
}

export async function wiredDataSource(): Promise<Wire> {
  const ds = createDataSource({
    url: process.env.TEST_APP_DATABASE_URL!,
    entities: ENTITIES,
    poolSize: 1,
  });
  await ds.initialize();
  const qr = ds.createQueryRunner();
  const client = (await qr.connect()) as {
    pipeline?: boolean;
    connection: {
      stream: { write: (b: Buffer, ...r: unknown[]) => boolean };
      on(e: string, f: () => void): void;
    };
  };
  if (client.pipeline !== true) throw new Error("the server's pool is not pipelined");
  const events: string[] = [];
  const { stream } = client.connection;
  const write = stream.write.bind(stream);
  stream.write = (b: Buffer, ...rest: unknown[]) => {
    events.push(b[0] === 0x51 ? `Q ${b.subarray(5, 25).toString()}` : String.fromCharCode(b[0]));
    return write(b, ...rest);
  };
  client.connection.on("readyForQuery", () => events.push("ready"));
  await qr.release();
  return {
    ds,
    events,
    sendGroups() {
      const groups: string[][] = [];
      let last = "ready";
      for (const e of events) {
        if (e !== "ready") {
          if (last === "ready") groups.push([]);
          groups[groups.length - 1].push(e);
        }
        last = e;
      }
      return groups;
    },
  };
}
