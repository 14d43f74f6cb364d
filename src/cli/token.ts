import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { signingSecret, signToken } from "../auth/jwt";
import { CITY_SCOPE_ROLES, isRole, ROLES } from "../auth/roles";
import { DEMO_CITIES, findDemoDistrict } from "../demo/cities";

const USAGE = `Prints a signed token for local use (HS256, the server's JWT_SECRET or DATA_DIR secret).

  npm run token -- --role district_admin --district mingshan
  npm run token -- --role city_admin --city benxi
  npm run token -- --role department --district mingshan --department housing
  npm run token -- --role street_officer --district mingshan --street beidi
  npm run token -- --role community_worker --district mingshan --community mingshan-c01
  npm run token -- --role grid_chief --district mingshan --grid mingshan-c01-g01
  npm run token -- --role resident --district mingshan
  npm run token -- --role supervision_office --district mingshan

Options:
  --role        one of: ${ROLES.join(", ")}
  --district    district code (district roles), e.g. ${DEMO_CITIES[0].districts.map((d) => d.code).join(", ")}
  --city        city code (city_admin; optional for district roles), e.g. benxi, dandong
  --department  department code (department role)
  --street      street office code (street_officer), e.g. beidi
  --community   community code (community_worker), e.g. mingshan-c01
  --grid        grid code (grid roles; repeatable), e.g. mingshan-c01-g01
  --sub         subject; default "<district or city>.<role>", the demo account of that role
  --ttl         lifetime, e.g. 8h, 30m, 7d (default 8h)`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      district: { type: "string" },
      city: { type: "string" },
      department: { type: "string" },
      street: { type: "string" },
      community: { type: "string" },
      grid: { type: "string", multiple: true },
      sub: { type: "string" },
      ttl: { type: "string", default: "8h" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const fail = (m: string) => {
    console.error(`token: ${m}\n\n${USAGE}`);
    process.exit(2);
  };
  const role = values.role;
  if (!role || !isRole(role)) return fail(`--role must be one of ${ROLES.join(", ")}`);
  let city = values.city;
  if (CITY_SCOPE_ROLES.has(role)) {
    if (!city) return fail("--city is required for a city-scope role");
    if (values.district) return fail("a city-scope role has no --district");
  } else {
    if (!values.district) return fail("--district is required for this role");
    city ??= findDemoDistrict(values.district)?.city.code;
  }
  if (role === "department" && !values.department)
    return fail("--department is required for the department role");
  if (role === "street_officer" && !values.street)
    return fail("--street is required for the street_officer role, e.g. --street beidi");
  if (role === "community_worker" && !values.community)
    return fail(
      "--community is required for the community_worker role, e.g. --community mingshan-c01",
    );
  if ((role === "grid_chief" || role === "grid_worker") && !values.grid?.length)
    return fail("--grid is required for grid roles, e.g. --grid mingshan-c01-g01");
  if (!/^\d+[smhd]$/.test(values.ttl!)) return fail("--ttl must look like 30m, 8h or 7d");
  const config = loadConfig();
  const sub = values.sub ?? `${values.district ?? city}.${role}`;
  const token = await signToken(
    signingSecret(config),
    {
      sub,
      role,
      city,
      district: values.district,
      department: values.department,
      street: values.street,
      community: values.community,
      grids: values.grid,
      expiresIn: values.ttl,
    },
    config,
  );
  console.log(token);
}

main().catch((err) => {
  console.error(`token: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
