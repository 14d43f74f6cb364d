import renovationData from "../data/renovation.json";
import {
  type CompoundRow,
  type ConsultationRow,
  type HouseholdRow,
  type PersonRow,
  type ProposalRow,
  type RenovationProjectRow,
  type VoteRow,
} from "./rows";
import { type Build } from "./plan";
import { type Housing } from "./compounds";
import { type Homes } from "./households";
import { isAdult, type Residents } from "./persons";
import { type Staff } from "./staff";
import { chineseNumber, dateIn, timeOn } from "./words";

/** The three questions put to a compound: whether to renovate, what, and how. */
const PROPOSALS = renovationData.proposals as Array<{
  question: ProposalRow["question"];
  title: string;
  description: string;
}>;
/** How households vote on each proposal, in order: most agree, fewer on the how. */
const VOTE_WEIGHTS = renovationData.voteWeights.map(
  (w) => Object.entries(w) as Array<[VoteRow["choice"], number]>,
);
const COMMENTS = renovationData.comments as Array<{
  question: ProposalRow["question"] | null;
  body: string;
}>;

/** The plan's renovation projects: the compounds each covers, its progress and its bid sections. */
export function buildRenovation(build: Build, housing: Housing): RenovationProjectRow[] {
  const { t, plan, newId, district } = build;
  const { renovatedCompounds } = housing;
  const projects = plan.projects.map((pp): RenovationProjectRow => {
    const row: RenovationProjectRow = {
      id: newId(),
      code: pp.code,
      name: pp.name,
      kind: pp.kind,
      year: 2022,
      investment: pp.investment,
      progress_percent: pp.progress[pp.progress.length - 1][1],
      planned_completion: "2023-12-31",
      department_id: null,
    };
    t.renovation_project.push(row);
    for (const i of pp.compounds) {
      t.renovation_project_compound.push({
        id: newId(),
        project_id: row.id,
        compound_id: renovatedCompounds[i].id,
      });
    }
    for (const [day, percent, note] of pp.progress) {
      t.renovation_progress.push({
        id: newId(),
        project_id: row.id,
        percent,
        note,
        recorded_by: `${district.code}.district_admin`,
        recorded_at: `${day}T17:30:00+08:00`,
      });
    }
    return row;
  });
  const bidsPerProject = new Map<number, number>();
  for (const bp of plan.bids) {
    const n = (bidsPerProject.get(bp.project) ?? 0) + 1;
    bidsPerProject.set(bp.project, n);
    const project = projects[bp.project];
    t.bid_section.push({
      id: newId(),
      project_id: project.id,
      code: `${project.code}-${n}`,
      name: `${project.name}第${chineseNumber(n)}标段`,
      contractor: bp.contractor,
      winning_amount: bp.amount,
      awarded_on: bp.awardedOn,
    });
  }
  return projects;
}

/** The persons the demo's resident, grid chief and grid worker tokens stand for. */
export interface DemoPersons {
  resident: PersonRow;
  demoChief: PersonRow;
  demoWorker: PersonRow | undefined;
}

/**
 * Residents' consultations on the renovation (改不改、改什么、怎么改): an open one in the first
 * renovated compound, where the demo resident's household has not voted yet, and a closed one.
 */
export function buildConsultations(
  build: Build,
  housing: Housing,
  homes: Homes,
  residents: Residents,
  staff: Staff,
  projects: RenovationProjectRow[],
): DemoPersons {
  const { t, rng, newId, district } = build;
  const { renovatedCompounds } = housing;
  const { householdsOfCompound } = homes;
  const { personsOfHousehold, adultsOf } = residents;
  const { chiefOf, workersOf } = staff;
  const demoGrid = t.grid[0];
  const demoChief = chiefOf.get(demoGrid.id)!;
  const demoWorker = (workersOf.get(demoGrid.id) ?? [])[0];
  const projectOf = (c: CompoundRow) =>
    projects.find((p) =>
      t.renovation_project_compound.some((l) => l.project_id === p.id && l.compound_id === c.id),
    ) ?? null;
  const openCompound = renovatedCompounds[0];
  const openHouseholds = householdsOfCompound.get(openCompound.id) ?? [];
  // The demo resident: an adult of working age if the sample has one, whose household does not vote.
  const residentCandidates = openHouseholds.flatMap((h) =>
    (personsOfHousehold.get(h.id) ?? []).filter(
      (p) => isAdult(p) && p !== demoChief && p !== demoWorker,
    ),
  );
  const resident =
    residentCandidates.find((p) => p.birth_year >= 1962 && p.birth_year <= 1995) ??
    residentCandidates[0];
  if (!resident) throw new Error(`${district.code}: no adult for the demo resident`);
  const residentHousehold = openHouseholds.find((h) => h.id === resident.household_id)!;
  const consult = (
    compound: CompoundRow,
    status: "open" | "closed",
    openedOn: string,
    closesAt: string,
    voteDays: [string, string],
    turnout: number,
    exclude: HouseholdRow | null,
  ) => {
    const row: ConsultationRow = {
      id: newId(),
      compound_id: compound.id,
      project_id: projectOf(compound)?.id ?? null,
      title: `${compound.name}老旧小区改造居民议事：改不改、改什么、怎么改`,
      status,
      opened_at: `${openedOn}T09:00:00+08:00`,
      closes_at: closesAt,
      opened_by: `${district.code}.street_officer`,
    };
    t.consultation.push(row);
    const proposals = PROPOSALS.map((p, position): ProposalRow => ({
      id: newId(),
      consultation_id: row.id,
      question: p.question,
      position,
      title: p.title.replace("{compound}", compound.name),
      description: p.description.replace("{compound}", compound.name),
    }));
    t.proposal.push(...proposals);
    const households = (householdsOfCompound.get(compound.id) ?? []).filter((h) => h !== exclude);
    for (const [i, p] of proposals.entries()) {
      for (const h of households) {
        const adults = (personsOfHousehold.get(h.id) ?? []).filter(isAdult);
        if (!adults.length || !rng.chance(turnout)) continue;
        t.vote.push({
          id: newId(),
          proposal_id: p.id,
          household_id: h.id,
          person_id: rng.pick(adults).id,
          choice: rng.weighted(VOTE_WEIGHTS[i]),
          cast_at: timeOn(rng, dateIn(rng, ...voteDays)),
        });
      }
    }
    const commenters = adultsOf(households);
    const comments = rng.sample(COMMENTS, status === "open" ? rng.int(3, 5) : 2);
    for (const c of comments) {
      const by = rng.pick(commenters);
      t.consultation_comment.push({
        id: newId(),
        consultation_id: row.id,
        proposal_id:
          c.question === null ? null : proposals[["whether", "what", "how"].indexOf(c.question)].id,
        person_id: by.id,
        body: c.body,
        created_at: timeOn(rng, dateIn(rng, ...voteDays)),
      });
    }
  };
  consult(
    openCompound,
    "open",
    "2022-08-01",
    "2027-12-31T23:59:59+08:00",
    ["2022-08-01", "2022-08-26"],
    0.6,
    residentHousehold,
  );
  if (renovatedCompounds[1]) {
    consult(
      renovatedCompounds[1],
      "closed",
      "2022-03-01",
      "2022-03-31T18:00:00+08:00",
      ["2022-03-01", "2022-03-30"],
      0.85,
      null,
    );
  }
  return { resident, demoChief, demoWorker };
}
