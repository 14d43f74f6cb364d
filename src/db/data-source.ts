import { DataSource, type Logger } from "typeorm";
import { MIGRATIONS } from "../../migrations";
import { City } from "../modules/tenancy/city.entity";
import { District } from "../modules/tenancy/district.entity";
import { Department } from "../modules/org/department.entity";
import { StaffAccount } from "../modules/org/staff-account.entity";
import { GRID_ENTITIES } from "../modules/grid/grid.entities";
import { CASE_ENTITIES } from "../modules/cases/case.entity";
import { TARGET_ENTITIES } from "../modules/targets/target.entity";
import { PersonalDataRead } from "../modules/audit/read.entity";

export const ENTITIES = [
  City,
  District,
  Department,
  StaffAccount,
  ...GRID_ENTITIES,
  ...CASE_ENTITIES,
  ...TARGET_ENTITIES,
  PersonalDataRead,
];
export const MIGRATIONS_TABLE = "schema_migrations";

export interface DataSourceOptions {
  url: string;
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
  return new DataSource({
    type: "postgres",
    url: opts.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: "each",
    synchronize: false,
    poolSize: opts.poolSize ?? 10,
    applicationName: opts.applicationName ?? "civic-grid",
    logging: opts.onQuery ? ["query"] : false,
    logger: opts.onQuery ? new QueryHook(opts.onQuery) : undefined,
  });
}
