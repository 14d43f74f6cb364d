import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Dissatisfaction opens a supervision (issue 13): the report holds handling whose "群众满意度不高"
 * to account. A district chooses whether an unsatisfied callback opens one by itself, and after
 * how many redos a case goes to supervision regardless. Defaults follow the report: on, and after
 * the first redo beyond one.
 */
export class SupervisionOnDissatisfaction1764921600000 implements MigrationInterface {
  name = "SupervisionOnDissatisfaction1764921600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_setting
        ADD COLUMN supervise_on_unsatisfied boolean NOT NULL DEFAULT true,
        ADD COLUMN max_redos integer NOT NULL DEFAULT 1 CHECK (max_redos BETWEEN 0 AND 20);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_setting DROP COLUMN max_redos, DROP COLUMN supervise_on_unsatisfied;
    `);
  }
}
