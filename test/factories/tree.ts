import { testClock } from "../helpers/clock";
import { uuidv7, toGlobalId } from "../../src/common/ids";
import { asDistrict, type BuiltDistrict } from "./index";

/**
 * A small but complete tree for one district, written as the owner: two street offices, a
 * community and a village, three grids, a compound with buildings, units and households, people
 * with phones and ID numbers, grid staff, a renovation project and an open consultation, and a
 * joint committee unit (大工委) of the second street office.
 * Returned ids are raw uuids; `gid` gives the global id.
 */
export async function buildTree(district: BuiltDistrict, opts: { departmentId?: string } = {}) {
  const id = () => uuidv7();
  const t = {
    district,
    streetA: id(),
    streetB: id(),
    community: id(),
    village: id(),
    gridA: id(),
    gridB: id(),
    gridRural: id(),
    compound: id(),
    compound2: id(),
    building1: id(),
    building2: id(),
    unit11: id(),
    unit12: id(),
    household1: id(),
    household2: id(),
    household3: id(),
    householdRural: id(),
    resident: id(),
    residentSpouse: id(),
    resident2: id(),
    outsider: id(),
    villager: id(),
    chief: id(),
    worker: id(),
    chiefPost: id(),
    workerPost: id(),
    project: id(),
    consultation: id(),
    proposalWhether: id(),
    proposalWhat: id(),
    village_: id(),
    jointUnitB: id(),
  };
  const d = district.id;
  await asDistrict(d, async (q) => {
    await q(
      `INSERT INTO street_office (district_id, id, code, name) VALUES ($1, $2, 'so-a', '甲街道'), ($1, $3, 'so-b', '乙街道')`,
      [d, t.streetA, t.streetB],
    );
    await q(
      `INSERT INTO community (district_id, id, street_office_id, code, name, kind) VALUES
         ($1, $2, $3, 'so-a-c01', '永丰社区', 'community'), ($1, $4, $5, 'so-b-v01', '韩家村', 'village')`,
      [d, t.community, t.streetA, t.village, t.streetB],
    );
    await q(
      `INSERT INTO grid (district_id, id, community_id, street_office_id, code, name, kind, latitude, longitude, lines_of_work) VALUES
         ($1, $2, $3, $4, 'so-a-c01-g01', '永丰社区第1网格', 'urban', 41.30, 123.78, '{party_building,fire_safety}'),
         ($1, $5, $3, $4, 'so-a-c01-g02', '永丰社区第2网格', 'urban', 41.31, 123.79, '{fire_safety}'),
         ($1, $6, $7, $8, 'so-b-v01-g01', '韩家村第1网格', 'rural', 41.25, 123.85, '{emergency_management}')`,
      [d, t.gridA, t.community, t.streetA, t.gridB, t.gridRural, t.village, t.streetB],
    );
    await q(
      `INSERT INTO compound (district_id, id, grid_id, code, name, year_built, building_count, household_count, is_old, self_managed) VALUES
         ($1, $2, $3, 'k-yongfeng', '永丰小区', 1988, 2, 120, true, false),
         ($1, $4, $5, 'k-xinyuan', '新苑小区', 2012, 0, 40, false, true)`,
      [d, t.compound, t.gridA, t.compound2, t.gridB],
    );
    await q(
      `INSERT INTO building (district_id, id, compound_id, number, floors) VALUES ($1, $2, $4, '1', 6), ($1, $3, $4, '2', 6)`,
      [d, t.building1, t.building2, t.compound],
    );
    await q(
      `INSERT INTO building_unit (district_id, id, building_id, number) VALUES ($1, $2, $4, '1'), ($1, $3, $4, '2')`,
      [d, t.unit11, t.unit12, t.building1],
    );
    await q(
      `INSERT INTO household (district_id, id, grid_id, compound_id, unit_id, villager_group, address) VALUES
         ($1, $2, $6, $7, $8, NULL, '永丰小区1号楼1单元101'),
         ($1, $3, $6, $7, $8, NULL, '永丰小区1号楼1单元102'),
         ($1, $4, $9, $10, NULL, NULL, '新苑小区3号楼201'),
         ($1, $5, $11, NULL, NULL, '第一村民组', '韩家村一组12号')`,
      [
        d,
        t.household1,
        t.household2,
        t.household3,
        t.householdRural,
        t.gridA,
        t.compound,
        t.unit11,
        t.gridB,
        t.compound2,
        t.gridRural,
      ],
    );
    const people = [
      [
        t.resident,
        t.gridA,
        t.household1,
        "王秀英",
        "female",
        1962,
        "13812345678",
        "210504196203150021",
        "{volunteer}",
        `${district.code}.resident`,
      ],
      [
        t.residentSpouse,
        t.gridA,
        t.household1,
        "李建国",
        "male",
        1960,
        "13912345670",
        "210504196001010013",
        "{party_member}",
        `${district.code}.spouse`,
      ],
      [
        t.resident2,
        t.gridA,
        t.household2,
        "张伟",
        "male",
        1985,
        "13712345671",
        "210504198505050037",
        "{}",
        `${district.code}.resident2`,
      ],
      [
        t.outsider,
        t.gridB,
        t.household3,
        "刘洋",
        "male",
        1990,
        "15012345672",
        "210504199001010035",
        "{}",
        `${district.code}.outsider`,
      ],
      [
        t.villager,
        t.gridRural,
        t.householdRural,
        "赵桂兰",
        "female",
        1958,
        "15112345673",
        "210504195807070048",
        "{villager_representative}",
        null,
      ],
      [
        t.chief,
        t.gridA,
        t.household2,
        "陈明",
        "male",
        1972,
        "18612345674",
        "210504197203030019",
        "{party_member}",
        `${district.code}.grid_chief`,
      ],
      [
        t.worker,
        t.gridA,
        null,
        "杨丽",
        "female",
        1958,
        "18712345675",
        "210504195806060026",
        "{party_member,volunteer}",
        `${district.code}.grid_worker`,
      ],
    ];
    for (const p of people) {
      await q(
        `INSERT INTO person (district_id, id, grid_id, household_id, name, gender, birth_year, phone, id_number, tags, subject)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [d, ...p],
      );
    }
    await q(
      `INSERT INTO staff_assignment (district_id, id, person_id, grid_id, role, starts_on) VALUES
         ($1, $2, $4, $6, 'grid_chief', '2022-01-01'), ($1, $3, $5, $6, 'grid_worker', '2022-01-01')`,
      [d, t.chiefPost, t.workerPost, t.chief, t.worker, t.gridA],
    );
    await q(
      `INSERT INTO village_designation (district_id, id, community_id, kind, theme) VALUES ($1, $2, $3, 'demonstration', '文化体验旅游')`,
      [d, t.village_, t.village],
    );
    await q(
      `INSERT INTO renovation_project (district_id, id, code, name, kind, year, investment, progress_percent, planned_completion, department_id)
       VALUES ($1, $2, 'r-2022-1', '2022年老旧小区改造楼体改造工程', 'building_body', 2022, 19461300, 30, '2023-12-31', $3)`,
      [d, t.project, opts.departmentId ?? null],
    );
    await q(
      `INSERT INTO renovation_project_compound (district_id, id, project_id, compound_id) VALUES ($1, $2, $3, $4)`,
      [d, uuidv7(), t.project, t.compound],
    );
    await q(
      `INSERT INTO consultation (district_id, id, compound_id, project_id, title, status, opened_at, closes_at, opened_by)
       VALUES ($1, $2, $3, $4, '永丰小区改造意见征集', 'open', $5, $6, 'test')`,
      [
        d,
        t.consultation,
        t.compound,
        t.project,
        testClock.now(),
        new Date(testClock.now().getTime() + 30 * 86_400_000),
      ],
    );
    await q(
      `INSERT INTO proposal (district_id, id, consultation_id, question, position, title) VALUES
         ($1, $2, $4, 'whether', 0, '是否实施改造'), ($1, $3, $4, 'what', 1, '更换楼体外保温')`,
      [d, t.proposalWhether, t.proposalWhat, t.consultation],
    );
    await q(
      `INSERT INTO joint_committee_unit (district_id, id, street_office_id, name, kind, contact_phone)
       VALUES ($1, $2, $3, '乙街道综合执法队', 'government_agency', '024-41234567')`,
      [d, t.jointUnitB, t.streetB],
    );
  });
  return t;
}

export type BuiltTree = Awaited<ReturnType<typeof buildTree>>;

export function gid(type: string, id: string): string {
  return toGlobalId(type, id);
}
