import { type CompoundRow, type OwnerCommitteeRow, type PersonRow } from "./rows";
import { type Build } from "./plan";
import { type Housing } from "./compounds";
import { type Homes } from "./households";
import { isAdult, type Residents } from "./persons";
import { addYears, dateIn, dayBefore } from "./words";

/**
 * Owner committees (业主委员会) of the compounds chosen for them: active (elected in 2022, the year
 * the report's 76 were formed), preparing or expired (as the plan says; Mingshan's are all
 * active), with a chair, vice chairs and members from different households; some of the active
 * ones manage their compound themselves.
 */
export function buildCommittees(
  build: Build,
  housing: Housing,
  homes: Homes,
  residents: Residents,
): void {
  const { t, rng, plan, newId } = build;
  const { committeeCompounds } = housing;
  const { householdsOfCompound } = homes;
  const { personsOfHousehold } = residents;
  const statuses: OwnerCommitteeRow["status"][] = [
    ...Array<"active">(plan.committees.active).fill("active"),
    ...Array<"preparing">(plan.committees.preparing).fill("preparing"),
    ...Array<"expired">(plan.committees.expired).fill("expired"),
  ];
  const shuffledStatuses = rng.shuffle(statuses);
  const committeeOrder = [...committeeCompounds].sort((a, b) => (a.code < b.code ? -1 : 1));
  const activeCompounds: CompoundRow[] = [];
  for (const [i, c] of committeeOrder.entries()) {
    const status = shuffledStatuses[i];
    let election: string | null = null;
    let termEnd: string | null = null;
    if (status === "active") {
      election = dateIn(rng, "2022-01-08", "2022-08-28");
      termEnd = dayBefore(addYears(election, 5));
      activeCompounds.push(c);
    } else if (status === "expired") {
      election = dateIn(rng, "2015-04-01", "2016-10-31");
      termEnd = dayBefore(addYears(election, 5));
    }
    const committee: OwnerCommitteeRow = {
      id: newId(),
      compound_id: c.id,
      name: `${c.name}业主委员会`,
      status,
      election_date: election,
      term_start: election,
      term_end: termEnd,
    };
    t.owner_committee.push(committee);
    // Members from different households where the sample allows.
    const households = rng.shuffle(householdsOfCompound.get(c.id) ?? []);
    const byHousehold = households
      .map((h) => rng.shuffle((personsOfHousehold.get(h.id) ?? []).filter(isAdult)))
      .filter((l) => l.length);
    const candidates: PersonRow[] = [];
    for (let round = 0; candidates.length < 12 && round < 4; round++) {
      for (const l of byHousehold) if (l[round]) candidates.push(l[round]);
    }
    const want = 1 + rng.int(1, 2) + rng.int(3, 5);
    const members = candidates.slice(0, want);
    if (members.length < 3)
      throw new Error(`compound ${c.code} has too few adults for a committee`);
    const chairIdx = members.reduce(
      (best, p, k) => (p.birth_year < members[best].birth_year && p.birth_year >= 1950 ? k : best),
      0,
    );
    const [chair] = members.splice(chairIdx, 1);
    const vices = rng.int(1, 2);
    t.committee_member.push({
      id: newId(),
      committee_id: committee.id,
      person_id: chair.id,
      role: "chair",
    });
    for (const [k, p] of members.entries()) {
      t.committee_member.push({
        id: newId(),
        committee_id: committee.id,
        person_id: p.id,
        role: k < vices ? "vice_chair" : "member",
      });
    }
  }
  for (const c of rng.sample(activeCompounds, plan.selfManaged)) c.self_managed = true;
}
