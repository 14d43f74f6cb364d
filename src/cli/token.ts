import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { signingSecret, signToken } from "../auth/jwt";
import { ROLES } from "../auth/roles";
import { DEMO_CITIES } from "../demo/cities";
import { tokenClaims, TokenRequestError } from "../demo/tokens";

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
  let claims;
  try {
    claims = tokenClaims({ ...values, grids: values.grid });
  } catch (err) {
    if (err instanceof TokenRequestError) return fail(err.message);
    throw err;
  }
  const config = loadConfig();
  const token = await signToken(signingSecret(config), claims, config);
  console.log(token);
}

main().catch((err) => {
  console.error(`token: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
