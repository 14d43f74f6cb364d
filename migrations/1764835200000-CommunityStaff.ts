import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Community staff (社区工作者) become a role of their own (issue 13): the district's appeals center
 * opened a community direct-report channel (社区直报) whose reports reach the command center at
 * once, filed by the staff of a community. Which community is the token's `community` claim, as a
 * street officer's street office is its `street` claim, so the account row needs no new column.
 * The event log's actor_role and the read audit's reader_role take any role already.
 */
export class CommunityStaff1764835200000 implements MigrationInterface {
  name = "CommunityStaff1764835200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff_account DROP CONSTRAINT staff_account_role_check;
      ALTER TABLE staff_account ADD CONSTRAINT staff_account_role_check CHECK (role IN ('resident',
        'operator', 'grid_worker', 'grid_chief', 'street_officer', 'community_worker',
        'command_center', 'department', 'inspector', 'district_admin'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The accounts go with the role; the cases they filed stay, with their events' actor_role.
    // The owner is subject to the forced row-level security: the DELETE acts as every district.
    await q.query(`
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      DELETE FROM staff_account WHERE role = 'community_worker';
      ALTER TABLE staff_account DROP CONSTRAINT staff_account_role_check;
      ALTER TABLE staff_account ADD CONSTRAINT staff_account_role_check CHECK (role IN ('resident',
        'operator', 'grid_worker', 'grid_chief', 'street_officer', 'command_center', 'department',
        'inspector', 'district_admin'));
    `);
  }
}
