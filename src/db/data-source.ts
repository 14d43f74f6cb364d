import { DataSource, type Logger } from "typeorm";
import { MIGRATIONS } from "../../migrations";
import { installTimestampParser } from "./timestamps";
import { PromptClient } from "./pg-client";

export const MIGRATIONS_TABLE = "schema_migrations";

export interface DataSourceOptions {
  url: string;
  /**
   * The entity classes (modules/entities.ts), handed in by the caller: db/ sits below the modules
   * and knows none of them. Migrations are SQL and need none.
   */
  entities: Array<new () => unknown>;
  poolSize?: number;
  /** Called with each SQL statement; tests use it to count statements. */
  onQuery?: (sql: string) => void;
  applicationName?: string;
}

class QueryHook implements Logger {
  constructor(private readonly onQuery: (sql: string) => void) {}
  logQuery(query: string) {
    this.onQuery(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/**
 * A TypeORM data source. Schema changes happen only through migrations/ (never synchronize);
 * the server's data source connects as the restricted application role.
 */
export function createDataSource(opts: DataSourceOptions): DataSource {
  installTimestampParser();
  return new DataSource({
    type: "postgres",
    url: opts.url,
    entities: opts.entities,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: "each",
    synchronize: false,
    poolSize: opts.poolSize ?? 10,
    applicationName: opts.applicationName ?? "civic-grid",
    logging: opts.onQuery ? ["query"] : false,
    logger: opts.onQuery ? new QueryHook(opts.onQuery) : undefined,
    // The pool's connections answer promises through pg's callbacks (db/pg-client.ts), and are
    // pipelined: a statement given while another runs is sent at once, and the answers come back
    // in order. A request's transaction sends its first statement behind BEGIN and its COMMIT
    // behind a write sent ahead without waiting (db/tenant.ts). No cursor or COPY runs on them.
    extra: { Client: PromptClient, pipeline: true },
  });
}
