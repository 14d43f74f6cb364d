import { type HouseholdRow, type PersonRow, REFERENCE_YEAR } from "./rows";
import { type Build } from "./plan";
import { GIVEN, idNumberCheckChar, pad2, PHONE_PREFIXES, SURNAMES } from "./words";

interface Family {
  surname: string;
  gender: "female" | "male";
  birth: number;
}

const ADULT_BORN_BY = REFERENCE_YEAR - 18;
export const isAdult = (p: PersonRow) => p.birth_year <= ADULT_BORN_BY;

const TAG_ORDER = [
  "party_member",
  "volunteer",
  "peoples_congress_deputy",
  "cppcc_member",
  "villager_representative",
];

/** A tag added in the order tags are shown. */
export function addTag(p: PersonRow, tag: string): void {
  if (!p.tags.includes(tag)) p.tags.push(tag);
  p.tags.sort((a, b) => TAG_ORDER.indexOf(a) - TAG_ORDER.indexOf(b));
}

export interface Residents {
  personsOfHousehold: Map<string, PersonRow[]>;
  /** The adults of these households, household by household. */
  adultsOf(households: readonly HouseholdRow[]): PersonRow[];
}

/**
 * The persons of every household: families of one to five, born as Liaoning's were, with unique
 * phone and identity numbers, and a few tags (party members, volunteers, deputies).
 */
export function buildPersons(build: Build): Residents {
  const { t, rng, plan, newId } = build;
  const phones = new Set<string>();
  const idNumbers = new Set<string>();
  const phone = (): string => {
    for (;;) {
      const p = `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 99999999)).padStart(8, "0")}`;
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };
  const idNumber = (birthYear: number, gender: "female" | "male"): string => {
    for (;;) {
      const month = rng.int(1, 12);
      const days = new Date(Date.UTC(birthYear, month, 0)).getUTCDate();
      // The sequence's last digit is odd for men, even for women.
      const seq = String(rng.int(0, 499) * 2 + (gender === "male" ? 1 : 0)).padStart(3, "0");
      const first17 = `${plan.regionCode}${birthYear}${pad2(month)}${pad2(rng.int(1, days))}${seq}`;
      const id = first17 + idNumberCheckChar(first17);
      if (!idNumbers.has(id)) {
        idNumbers.add(id);
        return id;
      }
    }
  };
  const given = (gender: "female" | "male", birth: number): string => {
    const era = birth < 1965 ? 0 : birth < 1990 ? 1 : 2;
    return rng.pick(GIVEN[gender][era]);
  };
  const surname = () => rng.weighted(SURNAMES);
  const otherSurname = (not: string) => {
    for (;;) {
      const s = surname();
      if (s !== not) return s;
    }
  };
  const family = (size: number): Family[] => {
    const headBirth =
      size === 1 && rng.chance(0.6)
        ? rng.int(1936, 1960)
        : 1938 + Math.floor(58 * ((rng.next() + rng.next()) / 2));
    const head: Family = {
      surname: surname(),
      gender: rng.chance(0.55) ? "male" : "female",
      birth: Math.min(headBirth, 1996),
    };
    const members: Family[] = [head];
    if (size >= 2) {
      const gap = rng.int(0, 5);
      members.push({
        surname: otherSurname(head.surname),
        gender: head.gender === "male" ? "female" : "male",
        birth: Math.min(head.gender === "male" ? head.birth + gap : head.birth - gap, 1998),
      });
    }
    const father = members.find((m) => m.gender === "male") ?? head;
    const mother = members.find((m) => m.gender === "female") ?? head;
    const children: Family[] = [];
    while (members.length < size) {
      const last = children[children.length - 1];
      const childBirth = last ? last.birth + rng.int(2, 6) : mother.birth + rng.int(23, 34);
      let next: Family;
      if (children.length < 2 && childBirth <= REFERENCE_YEAR - 1) {
        next = {
          surname: rng.chance(0.94) ? father.surname : mother.surname,
          gender: rng.chance(0.51) ? "male" : "female",
          birth: childBirth,
        };
        children.push(next);
      } else if (head.birth >= 1953 || !children.length) {
        // One of the head's parents lives with them.
        const gender = rng.chance(0.35) ? "male" : "female";
        next = {
          surname: gender === "male" ? head.surname : otherSurname(head.surname),
          gender,
          birth: Math.max(1925, head.birth - rng.int(22, 32)),
        };
      } else {
        // Three generations: a grandchild of an elderly head.
        next = {
          surname: children[0].surname,
          gender: rng.chance(0.51) ? "male" : "female",
          birth: Math.min(REFERENCE_YEAR - 1, children[0].birth + rng.int(24, 32)),
        };
      }
      members.push(next);
    }
    return members;
  };
  const personsOfHousehold = new Map<string, PersonRow[]>();
  for (const h of t.household) {
    const size = h.villager_group
      ? rng.weighted([
          [1, 10],
          [2, 30],
          [3, 30],
          [4, 18],
          [5, 12],
        ] as const)
      : rng.weighted([
          [1, 15],
          [2, 35],
          [3, 30],
          [4, 13],
          [5, 7],
        ] as const);
    const members = family(size).map((f): PersonRow => {
      const tags: string[] = [];
      if (f.birth <= ADULT_BORN_BY && rng.chance(0.075)) tags.push("party_member");
      if (f.birth <= REFERENCE_YEAR - 14 && rng.chance(0.055)) tags.push("volunteer");
      if (f.birth <= REFERENCE_YEAR - 30 && f.birth >= 1950) {
        const r = rng.next();
        if (r < 0.0012) tags.push("peoples_congress_deputy");
        else if (r < 0.0024) tags.push("cppcc_member");
      }
      return {
        id: newId(),
        grid_id: h.grid_id,
        household_id: h.id,
        name: f.surname + given(f.gender, f.birth),
        gender: f.gender,
        birth_year: f.birth,
        phone: phone(),
        id_number: idNumber(f.birth, f.gender),
        tags,
        subject: null,
      };
    });
    personsOfHousehold.set(h.id, members);
    t.person.push(...members);
  }
  for (const tag of ["peoples_congress_deputy", "cppcc_member"]) {
    if (!t.person.some((p) => p.tags.includes(tag))) {
      const p = rng.pick(t.person.filter((x) => x.birth_year <= 1992 && x.tags.length === 0));
      p.tags.push(tag);
    }
  }
  const adultsOf = (households: readonly HouseholdRow[]) =>
    households.flatMap((h) => (personsOfHousehold.get(h.id) ?? []).filter(isAdult));
  return { personsOfHousehold, adultsOf };
}
