import {
  AddConsultationCommentDocument,
  CastVoteDocument,
  CityPersonsDocument,
  ConsultationsDocument,
  MyPersonDocument,
  MyVotesDocument,
  PersonsDocument,
} from "../generated/graphql";
import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { testClock } from "../helpers/clock";
import {
  asDistrict,
  buildCity,
  buildDistrict,
  closeFactories,
  tokenFor,
  type BuiltDistrict,
} from "../factories";
import { buildTree, gid, type BuiltTree } from "../factories/tree";

let server: TestServer;
let a: BuiltDistrict;
let b: BuiltDistrict;
let treeA: BuiltTree;
let treeB: BuiltTree;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const city = await buildCity();
  a = await buildDistrict({ city });
  b = await buildDistrict({ city });
  treeA = await buildTree(a);
  treeB = await buildTree(b);
  const as = (role: string, extra = {}) => tokenFor({ district: a, role }, extra);
  tokens.admin = await as("district_admin");
  tokens.streetA = await as("street_officer", { street: "so-a" });
  tokens.streetB = await as("street_officer", { street: "so-b" });
  tokens.chief = await as("grid_chief", { grids: ["so-a-c01-g01"] });
  tokens.worker = await as("grid_worker", { grids: ["so-a-c01-g01"] });
  tokens.command = await as("command_center");
  tokens.department = await as("department", { department: "housing" });
  tokens.inspector = await as("inspector");
  tokens.resident = await as("resident");
  tokens.spouse = await as("resident", { sub: `${a.code}.spouse` });
  tokens.resident2 = await as("resident", { sub: `${a.code}.resident2` });
  tokens.outsider = await as("resident", { sub: `${a.code}.outsider` });
  tokens.unlinked = await as("resident", { sub: `${a.code}.nobody` });
  tokens.residentB = await tokenFor({ district: b, role: "resident" });
  tokens.city = await tokenFor({ city, role: "city_admin" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

async function phones(token: string): Promise<Record<string, string>> {
  const res = await gql(server, PersonsDocument, { first: 50 }, token);
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(
    res.data!.district.persons.edges.map((e) => [e.node.name, e.node.phone!]),
  );
}

describe("masking of phones and ID numbers", () => {
  it("the district admin sees them in full", async () => {
    const p = await phones(tokens.admin);
    expect(p["王秀英"]).toBe("13812345678");
    expect(p["赵桂兰"]).toBe("15112345673");
  });

  it("a street officer sees its own street office's people in full, others masked", async () => {
    const p = await phones(tokens.streetA);
    expect(p["王秀英"]).toBe("13812345678");
    expect(p["刘洋"]).toBe("15012345672"); // grid B is in street office A too
    expect(p["赵桂兰"]).toBe("151****5673"); // the village is in street office B
    const q = await phones(tokens.streetB);
    expect(q["赵桂兰"]).toBe("15112345673");
    expect(q["王秀英"]).toBe("138****5678");
  });

  it("grid staff see their own grid's people in full, others masked", async () => {
    for (const who of ["chief", "worker"]) {
      const res = await gql(server, PersonsDocument, { first: 50 }, tokens[who]);
      const byName = Object.fromEntries(
        res.data!.district.persons.edges.map((e) => [e.node.name, e.node]),
      );
      expect(byName["王秀英"]).toMatchObject({
        phone: "13812345678",
        idNumber: "210504196203150021",
        personalDataVisible: true,
      });
      expect(byName["刘洋"]).toMatchObject({
        phone: "150****5672",
        idNumber: "2105**********0035",
        personalDataVisible: false,
      });
    }
  });

  it("command center, departments and inspectors get everything masked", async () => {
    for (const who of ["command", "department", "inspector"]) {
      const p = await phones(tokens[who]);
      expect({ who, phones: Object.values(p).every((v) => /^\d{3}\*{4}\d{4}$/.test(v)) }).toEqual({
        who,
        phones: true,
      });
    }
  });

  it("a city admin never gets them, in any district of its city", async () => {
    const res = await gql(server, CityPersonsDocument, {}, tokens.city);
    expect(res.errors).toBeUndefined();
    const people = res.data!.city.districts.flatMap((d) => d.persons.edges.map((e) => e.node));
    expect(people.length).toBeGreaterThanOrEqual(14);
    for (const p of people) {
      expect(p.personalDataVisible).toBe(false);
      expect(p.phone).toMatch(/^\d{3}\*+\d{4}$/);
      expect(p.idNumber).toMatch(/^\d{4}\*+[\dX]{4}$/);
    }
  });

  it("a resident sees its own data in full and nobody else's", async () => {
    const me = await gql(server, MyPersonDocument, {}, tokens.resident);
    expect(me.data!.me.person).toMatchObject({
      name: "王秀英",
      phone: "13812345678",
      personalDataVisible: true,
      household: { address: "永丰小区1号楼1单元101" },
    });
    const unlinked = await gql(server, MyPersonDocument, {}, tokens.unlinked);
    expect(unlinked.data!.me.person).toBeNull();
  });
});

describe("voting: one vote per household", () => {
  const proposal = () => gid("Proposal", treeA.proposalWhether);

  it("the first member of a household votes; the second is refused with CONFLICT", async () => {
    const first = await gql(
      server,
      CastVoteDocument,
      { input: { proposalId: proposal(), choice: "for" } },
      tokens.resident,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.castVote).toMatchObject({
      myVote: "for",
      tally: { for: 1, against: 0, abstain: 0, voted: 1 },
    });
    const spouse = await gql(
      server,
      CastVoteDocument,
      { input: { proposalId: proposal(), choice: "against" } },
      tokens.spouse,
    );
    expect(errorCode(spouse)).toBe("CONFLICT");
    expect(spouse.errors![0].message).toMatch(/already voted/);
    const mine = await gql(server, MyVotesDocument, { id: proposal() }, tokens.spouse);
    expect(mine.data!.node).toMatchObject({
      myVote: "for",
      tally: { for: 1, against: 0, voted: 1 },
    });
  });

  it("another household of the compound votes too", async () => {
    const res = await gql(
      server,
      CastVoteDocument,
      { input: { proposalId: proposal(), choice: "against" } },
      tokens.resident2,
    );
    expect(res.data!.castVote.tally).toEqual({ for: 1, against: 1, abstain: 0, voted: 2 });
  });

  it("two members of a household voting at the same moment: exactly one vote counts", async () => {
    const target = gid("Proposal", treeA.proposalWhat);
    const results = await Promise.all([
      gql(
        server,
        CastVoteDocument,
        { input: { proposalId: target, choice: "for" } },
        tokens.resident,
      ),
      gql(
        server,
        CastVoteDocument,
        { input: { proposalId: target, choice: "against" } },
        tokens.spouse,
      ),
    ]);
    expect(results.map((r) => (r.errors ? errorCode(r) : "ok")).sort()).toEqual(["CONFLICT", "ok"]);
    const tally = await gql(server, MyVotesDocument, { id: target }, tokens.resident);
    expect((tally.data!.node as { tally: { voted: number } }).tally.voted).toBe(1);
  });

  it("refuses households of other compounds, unlinked accounts, staff and other districts", async () => {
    const outsider = await gql(
      server,
      CastVoteDocument,
      { input: { proposalId: proposal(), choice: "for" } },
      tokens.outsider,
    );
    expect(errorCode(outsider)).toBe("FORBIDDEN");
    const unlinked = await gql(
      server,
      CastVoteDocument,
      { input: { proposalId: proposal(), choice: "for" } },
      tokens.unlinked,
    );
    expect(errorCode(unlinked)).toBe("FORBIDDEN");
    for (const who of ["admin", "streetA", "chief", "command", "city"]) {
      const res = await gql(
        server,
        CastVoteDocument,
        { input: { proposalId: proposal(), choice: "for" } },
        tokens[who],
      );
      expect({ who, code: errorCode(res) }).toEqual({ who, code: "FORBIDDEN" });
    }
    const cross = await gql(
      server,
      CastVoteDocument,
      { input: { proposalId: proposal(), choice: "for" } },
      tokens.residentB,
    );
    expect(errorCode(cross)).toBe("NOT_FOUND");
    const crossOwn = await gql(
      server,
      CastVoteDocument,
      { input: { proposalId: gid("Proposal", treeB.proposalWhether), choice: "for" } },
      tokens.resident,
    );
    expect(errorCode(crossOwn)).toBe("NOT_FOUND");
  });

  it("a closed consultation takes no votes and no comments", async () => {
    const district = b;
    await asDistrict(district.id, (q) =>
      q("UPDATE consultation SET closes_at = $2, opened_at = $3 WHERE id = $1", [
        treeB.consultation,
        new Date(testClock.now().getTime() - 60_000),
        new Date(testClock.now().getTime() - 2 * 86_400_000),
      ]),
    );
    const vote = await gql(
      server,
      CastVoteDocument,
      { input: { proposalId: gid("Proposal", treeB.proposalWhether), choice: "for" } },
      tokens.residentB,
    );
    expect(errorCode(vote)).toBe("BAD_USER_INPUT");
    const comment = await gql(
      server,
      AddConsultationCommentDocument,
      { input: { consultationId: gid("Consultation", treeB.consultation), body: "晚了" } },
      tokens.residentB,
    );
    expect(errorCode(comment)).toBe("BAD_USER_INPUT");
  });

  it("residents of the compound comment; others are refused", async () => {
    const ok = await gql(
      server,
      AddConsultationCommentDocument,
      {
        input: {
          consultationId: gid("Consultation", treeA.consultation),
          proposalId: gid("Proposal", treeA.proposalWhat),
          body: "希望同步更换楼道灯",
        },
      },
      tokens.resident2,
    );
    expect(ok.data!.addConsultationComment).toMatchObject({
      body: "希望同步更换楼道灯",
      author: "张伟",
    });
    const outsider = await gql(
      server,
      AddConsultationCommentDocument,
      { input: { consultationId: gid("Consultation", treeA.consultation), body: "x" } },
      tokens.outsider,
    );
    expect(errorCode(outsider)).toBe("FORBIDDEN");
    const staff = await gql(
      server,
      AddConsultationCommentDocument,
      { input: { consultationId: gid("Consultation", treeA.consultation), body: "x" } },
      tokens.admin,
    );
    expect(errorCode(staff)).toBe("FORBIDDEN");
    const cross = await gql(
      server,
      AddConsultationCommentDocument,
      { input: { consultationId: gid("Consultation", treeA.consultation), body: "x" } },
      tokens.residentB,
    );
    expect(errorCode(cross)).toBe("NOT_FOUND");
    const list = await gql(server, ConsultationsDocument, {}, tokens.resident);
    const c = list.data!.district.consultations.edges[0].node;
    expect(c.comments.edges.map((e) => e.node.author)).toEqual(["张伟"]);
  });
});

describe("what a resident sees of other people", () => {
  it("only the names of grid staff, never their details", async () => {
    const res = await gql(
      server,
      `{ district { grids(first: 5) { edges { node { staff { person { name gender birthYear tags phone idNumber } } } } } } }`,
      {},
      tokens.outsider,
    );
    expect(res.errors).toBeUndefined();
    const people = (
      res.data as {
        district: {
          grids: { edges: Array<{ node: { staff: Array<{ person: Record<string, unknown> }> } }> };
        };
      }
    ).district.grids.edges.flatMap((e) => e.node.staff.map((s) => s.person));
    expect(people.map((p) => p.name).sort()).toEqual(["杨丽", "陈明"].sort());
    for (const p of people)
      expect(p).toMatchObject({
        gender: null,
        birthYear: null,
        tags: [],
        phone: null,
        idNumber: null,
      });
  });

  it("a staff member linked to a person sees its own record in full", async () => {
    const own = await tokenFor(
      { district: a, role: "command_center" },
      { sub: `${a.code}.resident2` },
    );
    const me = await gql(server, MyPersonDocument, {}, own);
    expect(me.data!.me.person).toMatchObject({
      name: "张伟",
      phone: "13712345671",
      personalDataVisible: true,
    });
  });

  it("who recorded renovation progress is for district staff only", async () => {
    await asDistrict(a.id, (q) =>
      q(
        "INSERT INTO renovation_progress (district_id, id, project_id, percent, recorded_by) VALUES ($1, gen_random_uuid(), $2, 30, 'x.district_admin')",
        [a.id, treeA.project],
      ),
    );
    const doc = `{ district { renovationProjects { edges { node { progress { percent recordedBy } } } } } }`;
    const resident = await gql(server, doc, {}, tokens.resident);
    expect(errorCode(resident)).toBe("FORBIDDEN");
    const staff = await gql(server, doc, {}, tokens.command);
    expect(staff.errors).toBeUndefined();
  });
});
