import villageData from "../data/villages.json";
import { type ToiletSurveyRow, type VillageDesignationRow } from "./rows";
import { type Build } from "./plan";
import { type Areas } from "./areas";
import { dateIn } from "./words";

const UNUSABLE_CAUSES: string[] = villageData.unusableCauses;
const BROKEN_CAUSES: string[] = villageData.brokenCauses;
const HARD_TO_USE_CAUSES: string[] = villageData.hardToUseCauses;

/** The plan's beautiful villages (demonstration and livable), with their projects. */
export function buildVillageDesignations(build: Build, areas: Areas): void {
  const { t, rng, plan, newId } = build;
  const { named } = areas;
  const villages = t.community.filter((c) => c.kind === "village");
  const designated = new Set<string>();
  for (const dp of plan.designations) {
    const village =
      villages.find((v) => v.name === dp.village && !designated.has(v.id)) ??
      rng.pick(villages.filter((v) => !designated.has(v.id) && !named.has(v.name)));
    if (!village) continue;
    designated.add(village.id);
    const row: VillageDesignationRow = {
      id: newId(),
      community_id: village.id,
      kind: dp.kind,
      theme: dp.theme,
      featured_industry: dp.featuredIndustry,
      designated_year: dp.year,
    };
    t.village_designation.push(row);
    for (const p of dp.projects) t.village_project.push({ id: newId(), village_id: row.id, ...p });
  }
}

/**
 * The rural toilet survey: most rural households surveyed, their toilets usable or not, and the
 * report's repaired and restored toilets (each in a household with that one toilet).
 */
export function buildToiletSurvey(build: Build): void {
  const { t, rng, plan, newId, district } = build;
  const ruralHouseholds = t.household.filter((h) => h.villager_group !== null);
  const toilets = { ...plan.toilets };
  if (!plan.exact) {
    // Smaller districts survey most of their rural households; the plan gives the extra toilets.
    toilets.records = Math.round(ruralHouseholds.length * 0.85);
    toilets.toilets = toilets.records + plan.toilets.toilets;
  }
  if (ruralHouseholds.length < toilets.records) {
    throw new Error(
      `${district.code}: ${ruralHouseholds.length} rural households, fewer than the survey`,
    );
  }
  const surveyed = rng.sample(ruralHouseholds, toilets.records);
  const records: ToiletSurveyRow[] = surveyed.map((h) => ({
    id: newId(),
    household_id: h.id,
    surveyed_on: dateIn(rng, "2022-04-06", "2022-06-30"),
    toilets: 1,
    state: "usable",
    cause: null,
    remedy: null,
  }));
  for (let extra = toilets.toilets - toilets.records; extra > 0;) {
    const r = rng.pick(records);
    if (r.toilets >= 3) continue;
    r.toilets++;
    extra--;
  }
  // Brought back into use (恢复使用): toilets that stood unused; repaired: broken or awkward ones;
  // then some still waiting for a remedy. The report counts remedied toilets (19 and 69), so the
  // remedies go to households with one toilet: households and toilets remedied are the same count.
  const shuffled = rng.shuffle(records);
  const remedies = toilets.restored + toilets.repaired;
  const remedied = new Set(shuffled.filter((r) => r.toilets === 1).slice(0, remedies));
  if (remedied.size < remedies) {
    throw new Error(`${district.code}: too few one-toilet households for the remedies`);
  }
  const bad = [...remedied, ...shuffled.filter((r) => !remedied.has(r))];
  const unremedied = Math.round(records.length * 0.05);
  for (const [i, r] of bad.entries()) {
    if (i < toilets.restored) {
      r.state = "unusable";
      r.cause = rng.pick(UNUSABLE_CAUSES);
      r.remedy = "restored";
    } else if (i < toilets.restored + toilets.repaired + unremedied) {
      r.state = rng.chance(0.6) ? "hard_to_use" : "unusable";
      if (i < toilets.restored + toilets.repaired) {
        r.cause = rng.pick(r.state === "hard_to_use" ? HARD_TO_USE_CAUSES : BROKEN_CAUSES);
        r.remedy = "repaired";
      } else {
        r.cause = rng.pick(r.state === "hard_to_use" ? HARD_TO_USE_CAUSES : UNUSABLE_CAUSES);
      }
    }
  }
  t.toilet_survey.push(...records);
}
