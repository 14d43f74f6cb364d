import officialJson from "../../src/modules/cases/cn-work-calendar.json";
import {
  CalendarYearMissing,
  localDay,
  OFFICIAL_CALENDAR,
  WorkCalendar,
} from "../../src/modules/cases/calendar.rules";

// Expected due times below are worked out by hand from cn-work-calendar.json and a wall calendar,
// never by calling the code under test. The rule: the day of receipt never counts; the first
// working day after it is day 1; the case is due at the end of day N. A due time "end of D" is
// D+1 00:00 UTC+8 = D 16:00 UTC.

const at = (iso: string) => new Date(iso);
const due = (received: string, n: number, cal = OFFICIAL_CALENDAR) =>
  cal.resolutionDue(at(received), n).toISOString();

const officialDays = (year: "2025" | "2026") => ({
  holidays: officialJson.years[year].holidays.flatMap((h) => h.dates),
  workdays: officialJson.years[year].workdays,
});

describe("resolutionDue", () => {
  it("the official example: received Wed 2026-09-30 17:00, N = 3, due end of the worked Saturday 10 October", () => {
    // 30 Sep (receipt) not counted; 1–7 Oct holiday; Thu 8 Oct = 1; Fri 9 Oct = 2; Sat 10 Oct (worked) = 3.
    expect(due("2026-09-30T17:00:00+08:00", 3)).toBe("2026-10-10T16:00:00.000Z");
    expect(OFFICIAL_CALENDAR.resolutionDue(at("2026-09-30T17:00:00+08:00"), 3).getTime()).toBe(
      at("2026-10-11T00:00:00+08:00").getTime(),
    );
  });

  it("the National Day example for other N and receipt hours", () => {
    const received = "2026-09-30T17:00:00+08:00";
    expect(due(received, 1)).toBe("2026-10-08T16:00:00.000Z"); // Thu 8 Oct
    expect(due(received, 2)).toBe("2026-10-09T16:00:00.000Z"); // Fri 9 Oct
    expect(due(received, 4)).toBe("2026-10-12T16:00:00.000Z"); // Sun 11 Oct rests; Mon 12 Oct
    expect(due(received, 5)).toBe("2026-10-13T16:00:00.000Z"); // Tue 13 Oct
    // The hour does not matter: received at 00:00 on 30 Sep, 30 Sep still does not count.
    expect(due("2026-09-30T00:00:00+08:00", 3)).toBe("2026-10-10T16:00:00.000Z");
    // Received the day before (Tue 29 Sep): 30 Sep = 1; 8 Oct = 2; 9 Oct = 3.
    expect(due("2026-09-29T17:00:00+08:00", 3)).toBe("2026-10-09T16:00:00.000Z");
    // Received on a holiday (Thu 1 Oct): 2–7 Oct off; 8 Oct = 1; 9 Oct = 2; 10 Oct = 3.
    expect(due("2026-10-01T10:00:00+08:00", 3)).toBe("2026-10-10T16:00:00.000Z");
  });

  it("the 2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked", () => {
    const received = "2025-09-30T17:00:00+08:00"; // Tuesday, not counted
    expect(due(received, 1)).toBe("2025-10-09T16:00:00.000Z"); // Thu 9 Oct
    expect(due(received, 2)).toBe("2025-10-10T16:00:00.000Z"); // Fri 10 Oct
    expect(due(received, 3)).toBe("2025-10-11T16:00:00.000Z"); // Sat 11 Oct, worked
    expect(due(received, 4)).toBe("2025-10-13T16:00:00.000Z"); // Sun 12 rests; Mon 13 Oct
    // Received Sat 27 Sep (rest): Sun 28 (worked) = 1; Mon 29 = 2; Tue 30 = 3; Thu 9 Oct = 4.
    expect(due("2025-09-27T12:00:00+08:00", 1)).toBe("2025-09-28T16:00:00.000Z");
    expect(due("2025-09-27T12:00:00+08:00", 3)).toBe("2025-09-30T16:00:00.000Z");
    expect(due("2025-09-27T12:00:00+08:00", 4)).toBe("2025-10-09T16:00:00.000Z");
  });

  it("received on a Friday in an ordinary week: Friday does not count, due end of Wednesday", () => {
    // Fri 13 Mar 2026 not counted; Sat 14, Sun 15 rest; Mon 16 = 1; Tue 17 = 2; Wed 18 = 3.
    expect(due("2026-03-13T18:00:00+08:00", 3)).toBe("2026-03-18T16:00:00.000Z");
    // The hour does not matter, early or late.
    expect(due("2026-03-13T23:59:00+08:00", 3)).toBe("2026-03-18T16:00:00.000Z");
    expect(due("2026-03-13T00:00:00+08:00", 1)).toBe("2026-03-16T16:00:00.000Z");
    // Received Thu 12 Mar: Fri 13 = 1.
    expect(due("2026-03-12T09:00:00+08:00", 1)).toBe("2026-03-13T16:00:00.000Z");
  });

  it("received on a Saturday or Sunday: due at the same time as if received on the Friday", () => {
    // Sat 14 / Sun 15 Mar 2026 not counted; Mon 16 = 1; Tue 17 = 2; Wed 18 = 3.
    expect(due("2026-03-14T09:00:00+08:00", 3)).toBe("2026-03-18T16:00:00.000Z");
    expect(due("2026-03-15T23:00:00+08:00", 3)).toBe("2026-03-18T16:00:00.000Z");
    expect(due("2026-03-14T09:00:00+08:00", 1)).toBe("2026-03-16T16:00:00.000Z");
    expect(due("2026-03-15T23:00:00+08:00", 1)).toBe("2026-03-16T16:00:00.000Z");
  });

  it("received on a weekend day worked in exchange: that day does not count either", () => {
    // Sun 2026-09-20 worked but not counted; Mon–Thu 21–24 = 1–4; Fri–Sun 25–27 Mid-Autumn;
    // Mon 28 = 5; Tue 29 = 6; Wed 30 = 7; 1–7 Oct holiday; Thu 8 Oct = 8.
    const sunday = "2026-09-20T10:00:00+08:00";
    expect(due(sunday, 1)).toBe("2026-09-21T16:00:00.000Z");
    expect(due(sunday, 4)).toBe("2026-09-24T16:00:00.000Z");
    expect(due(sunday, 5)).toBe("2026-09-28T16:00:00.000Z");
    expect(due(sunday, 7)).toBe("2026-09-30T16:00:00.000Z");
    expect(due(sunday, 8)).toBe("2026-10-08T16:00:00.000Z");
    // Received the day before it (Sat 19 Sep, a rest day): the worked Sunday 20 Sep is day 1.
    expect(due("2026-09-19T10:00:00+08:00", 1)).toBe("2026-09-20T16:00:00.000Z");
    // Sat 2026-10-10 worked but not counted; Sun 11 rests; Mon 12 = 1; Tue 13 = 2.
    expect(due("2026-10-10T20:00:00+08:00", 1)).toBe("2026-10-12T16:00:00.000Z");
    expect(due("2026-10-10T20:00:00+08:00", 2)).toBe("2026-10-13T16:00:00.000Z");
    // Received Fri 9 Oct: the worked Saturday 10 Oct is day 1.
    expect(due("2026-10-09T20:00:00+08:00", 1)).toBe("2026-10-10T16:00:00.000Z");
  });

  it("across the 2026 Spring Festival (15–23 Feb off, Saturdays 14 and 28 Feb worked)", () => {
    // Fri 13 Feb not counted; Sat 14 (worked) = 1; 15–23 off; Tue 24 = 2; Wed 25 = 3; Thu 26 = 4;
    // Fri 27 = 5; Sat 28 (worked) = 6; Sun 1 Mar rests; Mon 2 Mar = 7.
    const received = "2026-02-13T09:00:00+08:00";
    expect(due(received, 1)).toBe("2026-02-14T16:00:00.000Z");
    expect(due(received, 2)).toBe("2026-02-24T16:00:00.000Z");
    expect(due(received, 5)).toBe("2026-02-27T16:00:00.000Z");
    expect(due(received, 6)).toBe("2026-02-28T16:00:00.000Z");
    expect(due(received, 7)).toBe("2026-03-02T16:00:00.000Z");
    // Received on the worked Saturday 14 Feb, during the holiday, or on its last day: Tue 24 = 1.
    expect(due("2026-02-14T11:00:00+08:00", 1)).toBe("2026-02-24T16:00:00.000Z");
    expect(due("2026-02-17T11:00:00+08:00", 1)).toBe("2026-02-24T16:00:00.000Z");
    expect(due("2026-02-23T23:00:00+08:00", 1)).toBe("2026-02-24T16:00:00.000Z");
    // Received Tue 24 Feb, the first working day after it: Wed 25 = 1.
    expect(due("2026-02-24T08:00:00+08:00", 1)).toBe("2026-02-25T16:00:00.000Z");
  });

  it("across New Year 2025 → 2026 (1–3 Jan off, Sunday 4 Jan worked)", () => {
    // Wed 31 Dec 2025 not counted; 1–3 Jan off; Sun 4 Jan (worked) = 1; Mon 5 = 2; Tue 6 = 3.
    const received = "2025-12-31T15:00:00+08:00";
    expect(due(received, 1)).toBe("2026-01-04T16:00:00.000Z");
    expect(due(received, 2)).toBe("2026-01-05T16:00:00.000Z");
    expect(due(received, 3)).toBe("2026-01-06T16:00:00.000Z");
    // Received Tue 30 Dec: Wed 31 Dec = 1; Sun 4 Jan = 2.
    expect(due("2025-12-30T15:00:00+08:00", 1)).toBe("2025-12-31T16:00:00.000Z");
    expect(due("2025-12-30T15:00:00+08:00", 2)).toBe("2026-01-04T16:00:00.000Z");
    // 23:59 local on 30 Dec is still 30 Dec (31 Dec = 1); 00:30 local on 31 Dec is 31 Dec (4 Jan = 1).
    expect(due("2025-12-30T15:59:00Z", 1)).toBe("2025-12-31T16:00:00.000Z");
    expect(due("2025-12-30T16:30:00Z", 1)).toBe("2026-01-04T16:00:00.000Z");
  });

  it("never throws while counting inside the known years, and is at a local midnight after the day of receipt", () => {
    const start = Date.UTC(2025, 0, 1, 2); // 2025-01-01 10:00 UTC+8
    for (let day = 0; day < 600; day++) {
      const received = new Date(start + day * 86_400_000);
      for (const n of [1, 60]) {
        const result = OFFICIAL_CALENDAR.resolutionDue(received, n).getTime();
        // At least the end of the next day, which is more than 24 hours after any receipt time.
        expect(result - received.getTime()).toBeGreaterThan(86_400_000);
        expect((result + 8 * 3_600_000) % 86_400_000).toBe(0);
      }
    }
  });

  it("throws CalendarYearMissing when counting reaches 2027, which has no data", () => {
    // Thu 31 Dec 2026 not counted; the first day to classify is Fri 1 Jan 2027: no data.
    let error: unknown;
    try {
      due("2026-12-31T10:00:00+08:00", 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarYearMissing);
    expect(error).toBeInstanceOf(Error);
    expect((error as CalendarYearMissing).year).toBe(2027);
    expect((error as Error).message).toMatch(/district must add the 2027 calendar/);
    // Wed 30 Dec 2026: Thu 31 Dec = 1 stays inside 2026; day 2 would be in 2027.
    expect(due("2026-12-30T10:00:00+08:00", 1)).toBe("2026-12-31T16:00:00.000Z");
    expect(() => due("2026-12-30T10:00:00+08:00", 2)).toThrow(CalendarYearMissing);
    // Around local midnight: 23:59 on 30 Dec is fine, 00:30 on 31 Dec (16:30 UTC on 30 Dec) throws.
    expect(due("2026-12-30T15:59:00Z", 1)).toBe("2026-12-31T16:00:00.000Z");
    expect(() => due("2026-12-30T16:30:00Z", 1)).toThrow(CalendarYearMissing);
    // Received in 2027 itself.
    expect(() => due("2027-01-04T10:00:00+08:00", 1)).toThrow(
      expect.objectContaining({ year: 2027 }),
    );
    // Before the data: Mon 30 Dec 2024 needs Tue 31 Dec 2024, which has no data.
    expect(() => due("2024-12-30T10:00:00+08:00", 1)).toThrow(
      expect.objectContaining({ year: 2024 }),
    );
    // Tue 31 Dec 2024 itself is not counted, so only 2025 is needed: Wed 1 Jan 2025 off; Thu 2 Jan = 1.
    expect(due("2024-12-31T10:00:00+08:00", 1)).toBe("2025-01-02T16:00:00.000Z");
  });

  it("accepts N = 1..60 only, as an integer", () => {
    const received = at("2026-03-13T18:00:00+08:00");
    for (const n of [0, -1, 61, 1.5, NaN, Infinity]) {
      expect(() => OFFICIAL_CALENDAR.resolutionDue(received, n)).toThrow(RangeError);
    }
    expect(() => OFFICIAL_CALENDAR.resolutionDue(received, 60)).not.toThrow();
    expect(() => OFFICIAL_CALENDAR.resolutionDue(received, 1)).not.toThrow();
    expect(() => OFFICIAL_CALENDAR.resolutionDue(new Date(NaN), 3)).toThrow(RangeError);
  });
});

describe("the shipped data", () => {
  it("has 2026 National Day as 1–7 October, with Sunday 20 September and Saturday 10 October worked", () => {
    const { holidays, workdays } = officialDays("2026");
    for (let d = 1; d <= 7; d++) expect(holidays).toContain(`2026-10-0${d}`);
    expect(holidays).not.toContain("2026-10-08");
    expect(holidays).not.toContain("2026-10-09");
    expect(workdays).toEqual(expect.arrayContaining(["2026-09-20", "2026-10-10"]));
  });

  it("loads 2025 and 2026 only", () => {
    expect([...OFFICIAL_CALENDAR.knownYears].sort()).toEqual([2025, 2026]);
  });

  it("classifies days: weekdays work, weekends rest, holidays rest, exchanged weekends work", () => {
    expect(OFFICIAL_CALENDAR.isWorkingDay("2026-03-16")).toBe(true); // ordinary Monday
    expect(OFFICIAL_CALENDAR.isWorkingDay("2026-09-19")).toBe(false); // ordinary Saturday
    expect(OFFICIAL_CALENDAR.isWorkingDay("2026-09-20")).toBe(true); // Sunday worked in exchange
    expect(OFFICIAL_CALENDAR.isWorkingDay("2026-10-07")).toBe(false); // Wednesday, National Day
    expect(OFFICIAL_CALENDAR.isWorkingDay("2026-10-08")).toBe(true); // Thursday after it
    expect(OFFICIAL_CALENDAR.isWorkingDay("2026-10-10")).toBe(true); // Saturday worked in exchange
    expect(() => OFFICIAL_CALENDAR.isWorkingDay("2027-01-04")).toThrow(CalendarYearMissing);
    expect(() => OFFICIAL_CALENDAR.isWorkingDay("2026-02-30")).toThrow(/not a valid date/);
  });
});

describe("replyDue", () => {
  it("is exactly the given hours of clock time later, holidays or not", () => {
    const received = at("2026-09-30T23:00:00+08:00");
    const reply = WorkCalendar.replyDue(received, 2);
    expect(reply.toISOString()).toBe("2026-09-30T17:00:00.000Z"); // 01:00 on 1 Oct, a holiday
    expect(reply.getTime() - received.getTime()).toBe(7_200_000);
    expect(WorkCalendar.replyDue(at("2026-03-13T18:00:00+08:00"), 2).toISOString()).toBe(
      "2026-03-13T12:00:00.000Z",
    );
    expect(WorkCalendar.replyDue(received, 0).getTime()).toBe(received.getTime());
    expect(() => WorkCalendar.replyDue(received, -1)).toThrow(RangeError);
    expect(() => WorkCalendar.replyDue(received, NaN)).toThrow(RangeError);
    expect(() => WorkCalendar.replyDue(new Date(NaN), 2)).toThrow(RangeError);
  });
});

describe("localDay", () => {
  it("gives the date in UTC+8 around local midnight", () => {
    expect(localDay(at("2026-01-01T16:30:00Z"))).toBe("2026-01-02");
    expect(localDay(at("2026-01-01T16:00:00Z"))).toBe("2026-01-02");
    expect(localDay(at("2026-01-01T15:59:59.999Z"))).toBe("2026-01-01");
    expect(localDay(at("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
    expect(localDay(at("2026-09-30T17:00:00+08:00"))).toBe("2026-09-30");
  });
});

describe("withOverrides", () => {
  const received = "2026-09-30T17:00:00+08:00";

  it("a district holiday on 9 October moves the N = 3 due time past the weekend to Monday 12 October", () => {
    const district = OFFICIAL_CALENDAR.withOverrides([{ day: "2026-10-09", kind: "holiday" }]);
    // 30 Sep not counted; Thu 8 Oct = 1; Fri 9 Oct off; Sat 10 Oct (worked) = 2; Sun 11 rests;
    // Mon 12 Oct = 3.
    expect(due(received, 3, district)).toBe("2026-10-12T16:00:00.000Z");
    // The official calendar is unchanged.
    expect(due(received, 3)).toBe("2026-10-10T16:00:00.000Z");
    expect(OFFICIAL_CALENDAR.isWorkingDay("2026-10-09")).toBe(true);
  });

  it("a district workday on an official holiday makes it a working day, and vice versa", () => {
    const worked = OFFICIAL_CALENDAR.withOverrides([{ day: "2026-10-01", kind: "workday" }]);
    // 30 Sep not counted; Thu 1 Oct (district workday) = 1; 2–7 Oct off; Thu 8 Oct = 2.
    expect(due(received, 1, worked)).toBe("2026-10-01T16:00:00.000Z");
    expect(due(received, 2, worked)).toBe("2026-10-08T16:00:00.000Z");
    const rested = OFFICIAL_CALENDAR.withOverrides([{ day: "2026-10-10", kind: "holiday" }]);
    // 30 Sep not counted; 8 Oct = 1; 9 Oct = 2; Sat 10 and Sun 11 off; Mon 12 Oct = 3.
    expect(due(received, 3, rested)).toBe("2026-10-12T16:00:00.000Z");
    // The later entry wins.
    const twice = OFFICIAL_CALENDAR.withOverrides([
      { day: "2026-10-01", kind: "workday" },
      { day: "2026-10-01", kind: "holiday" },
    ]);
    expect(twice.isWorkingDay("2026-10-01")).toBe(false);
  });

  it("overriding the day of receipt changes nothing, since it never counts", () => {
    const offOnReceipt = OFFICIAL_CALENDAR.withOverrides([{ day: "2026-09-30", kind: "holiday" }]);
    expect(due(received, 3, offOnReceipt)).toBe("2026-10-10T16:00:00.000Z");
    // Sat 14 Mar 2026 declared worked, case received that day: Mon 16 Mar is still day 1.
    const workedSaturday = OFFICIAL_CALENDAR.withOverrides([
      { day: "2026-03-14", kind: "workday" },
    ]);
    expect(due("2026-03-14T09:00:00+08:00", 1, workedSaturday)).toBe("2026-03-16T16:00:00.000Z");
    // …but received on Fri 13 Mar, that Saturday is day 1.
    expect(due("2026-03-13T09:00:00+08:00", 1, workedSaturday)).toBe("2026-03-14T16:00:00.000Z");
  });

  it("declaring 2027 days makes 2027 known, and counting into it works", () => {
    const with2027 = OFFICIAL_CALENDAR.withOverrides([{ day: "2027-01-01", kind: "holiday" }]);
    expect([...with2027.knownYears].sort()).toEqual([2025, 2026, 2027]);
    expect([...OFFICIAL_CALENDAR.knownYears].sort()).toEqual([2025, 2026]);
    // Thu 31 Dec 2026 not counted; Fri 1 Jan 2027 off; Sat 2, Sun 3 rest; Mon 4 Jan = 1; Tue 5 = 2.
    expect(due("2026-12-31T10:00:00+08:00", 1, with2027)).toBe("2027-01-04T16:00:00.000Z");
    expect(due("2026-12-31T10:00:00+08:00", 2, with2027)).toBe("2027-01-05T16:00:00.000Z");
    // Wed 30 Dec 2026: Thu 31 Dec = 1; Mon 4 Jan 2027 = 2.
    expect(due("2026-12-30T10:00:00+08:00", 2, with2027)).toBe("2027-01-04T16:00:00.000Z");
    expect(() => due("2026-12-31T10:00:00+08:00", 1)).toThrow(CalendarYearMissing);
  });

  it("rejects malformed days", () => {
    expect(() => OFFICIAL_CALENDAR.withOverrides([{ day: "2026-13-01", kind: "holiday" }])).toThrow(
      /not a valid date/,
    );
  });
});

describe("WorkCalendar constructor", () => {
  it("knows the years of its days by default, or the years it is given", () => {
    const cal = new WorkCalendar({ holidays: new Set(["2030-01-01"]), workdays: new Set() });
    expect([...cal.knownYears]).toEqual([2030]);
    expect(cal.isWorkingDay("2030-01-01")).toBe(false); // a Tuesday, declared a holiday
    expect(cal.isWorkingDay("2030-01-02")).toBe(true);
    const plain = new WorkCalendar(
      { holidays: new Set(), workdays: new Set() },
      { knownYears: new Set([2030]) },
    );
    expect(plain.isWorkingDay("2030-01-01")).toBe(true);
    expect(() => plain.isWorkingDay("2031-01-01")).toThrow(CalendarYearMissing);
  });

  it("rejects a day that is both a holiday and a workday", () => {
    expect(
      () =>
        new WorkCalendar({ holidays: new Set(["2030-01-05"]), workdays: new Set(["2030-01-05"]) }),
    ).toThrow(/both/);
  });
});

describe("fromOfficial", () => {
  const doc = (year: Record<string, unknown>) => ({ years: { "2026": year } });
  const good = { holidays: [{ name: "x", dates: ["2026-10-01"] }], workdays: ["2026-10-10"] };

  it("accepts the shipped document and a minimal one", () => {
    expect([...WorkCalendar.fromOfficial(officialJson).knownYears].sort()).toEqual([2025, 2026]);
    const cal = WorkCalendar.fromOfficial(doc(good));
    expect(cal.isWorkingDay("2026-10-01")).toBe(false);
    expect(cal.isWorkingDay("2026-10-10")).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ["not an object", "calendar", /document: must be an object/],
    ["null", null, /document: must be an object/],
    ["no years", { about: "x" }, /years: must be an object/],
    ["years as an array", { years: [] }, /years: must be an object/],
    ["no year at all", { years: {} }, /lists no year/],
    ["a bad year key", { years: { "26": good } }, /years\["26"\]: key must be a four-digit year/],
    ["holidays missing", doc({ workdays: [] }), /holidays: must be an array/],
    ["workdays missing", doc({ holidays: [] }), /workdays: must be an array/],
    [
      "a holiday block without name",
      doc({ holidays: [{ dates: ["2026-10-01"] }], workdays: [] }),
      /holidays\[0\]\.name/,
    ],
    [
      "an impossible date",
      doc({ holidays: [{ name: "x", dates: ["2026-02-30"] }], workdays: [] }),
      /dates\[0\]: "2026-02-30" is not a valid date/,
    ],
    [
      "an unpadded date",
      doc({ holidays: [{ name: "x", dates: ["2026-1-1"] }], workdays: [] }),
      /is not a valid date/,
    ],
    [
      "a date as a number",
      doc({ holidays: [{ name: "x", dates: [20261001] }], workdays: [] }),
      /is not a valid date/,
    ],
    [
      "a date in another year",
      doc({ holidays: [{ name: "x", dates: ["2025-10-01"] }], workdays: [] }),
      /2025-10-01 is not in 2026/,
    ],
    [
      "a worked day that is not a weekend day",
      doc({ holidays: [], workdays: ["2026-10-09"] }),
      /2026-10-09 is not a Saturday or Sunday/,
    ],
    [
      "a day both off and worked",
      doc({ holidays: [{ name: "x", dates: ["2026-10-10"] }], workdays: ["2026-10-10"] }),
      /also listed as a holiday/,
    ],
  ])("rejects %s", (_what, input, message) => {
    expect(() => WorkCalendar.fromOfficial(input)).toThrow(/Invalid work calendar document/);
    expect(() => WorkCalendar.fromOfficial(input)).toThrow(message);
  });
});
