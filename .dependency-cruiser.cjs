/* global module */
/**
 * The import graph of src/: no cycles between files, and layers that only look down.
 *
 * A node of the layered graph is a folder of src/ (`context`), a module (`modules/cases`) or a
 * file at either top (`config`, `modules/entities`). A node may import from its own layer and the
 * layers below it, never from one above. test/unit/architecture.test.ts reads the same table and
 * also refuses cycles between folders (which layers alone allow within one layer) and nodes that
 * belong to no layer: a new folder has to be placed here, with its reason.
 *
 * Lowest first. Each `why` says what the layer may rely on below it, and why it is not lower.
 */
const LAYERS = [
  {
    nodes: ["common"],
    why: "helpers that know no part of the platform (ids, errors, clock, dates, masking, paging, batching, tenant rows, the Node interface): everyone uses them, they use nothing of ours",
  },
  {
    nodes: ["logger"],
    why: "structured logs, and their readable form: needed from the first line of start-up, before any setting or connection exists",
  },
  {
    nodes: ["auth"],
    why: "tokens, the roles they carry and the principal they become: the database's tenant scope, the request context and every module's @Authorized speak of them",
  },
  {
    nodes: ["db"],
    why: "connections, the tenant transaction, embedded PostgreSQL, migrations: it knows the tenant scope, but no entity, no demo data and no request; the callers hand in the entities and the seed",
  },
  {
    nodes: ["realtime"],
    why: "pub/sub, live feeds and bounded queues: they move ids between processes and know no module's rules",
  },
  {
    nodes: ["observability"],
    why: "request ids, access log, metrics: they watch requests and the pub/sub, and sit below the request context so that its transaction can log through them",
  },
  {
    nodes: ["context"],
    why: "what every resolver receives (principal, tenant database, loaders, clock, read collector): below the modules so that each takes it as given, so it names no module's entity",
  },
  {
    nodes: ["planner"],
    why: "the planned read path: it reads rows and calls resolvers through type-graphql's metadata and the relations each module declares, so it names no module",
  },
  {
    nodes: ["modules/labels"],
    why: "the Chinese labels of the values the API exposes: words only, below every module that shows them",
  },
  {
    nodes: ["modules/tenancy"],
    why: "cities and districts, and a token's codes checked against them: every other module hangs off a district",
  },
  { nodes: ["modules/org"], why: "a district's departments and staff accounts" },
  {
    nodes: ["modules/grid"],
    why: "the district's tree (street offices down to households) and its people: cases, scores and targets point into it",
  },
  {
    nodes: ["modules/cases"],
    why: "12345 cases: they are filed in grids and assigned to departments",
  },
  {
    nodes: ["modules/accountability"],
    why: "accountability (追责问责) for the handling of cases: it names a case, its supervision and a unit of the tree or a department",
  },
  {
    nodes: ["modules/patrols"],
    why: "grid work beside the cases: daily patrols and household visits (每日巡查走访) in grids, naming households, compounds and the cases they raised, and the district's rewards and penalties (奖惩) for units of the tree or departments; below scores, which weigh them",
  },
  { nodes: ["modules/scores"], why: "counters and boards computed from the cases" },
  { nodes: ["modules/targets"], why: "targets of grids and departments, and their progress" },
  {
    nodes: ["modules/audit"],
    why: "lists the reads of people (grid) and of complainants (cases), so it sits above both; they note reads on the context's collector, never through this module",
  },
  {
    nodes: ["modules/entities"],
    why: "every entity, for the data source that the entry points build",
  },
  { nodes: ["modules/node"], why: "node(id) refetches objects of every module" },
  {
    nodes: ["modules/export"],
    why: "CSV, Excel and GeoJSON files of cases, scoreboards and grids, read through the modules' own rules",
  },
  {
    nodes: ["security"],
    why: "the guard at the edge (limits, cost, rates, CORS, trusted documents): it wraps the schema from outside, and no module calls it",
  },
  {
    nodes: ["config"],
    why: "reads the environment for the entry points, security's settings included; the parts below take plain settings objects, so none of them depends on the environment's shape",
  },
  {
    nodes: ["demo"],
    why: "demo tenants, written with the modules' own rules (workflow, counters)",
  },
  { nodes: ["schema"], why: "builds the schema from every module's resolvers" },
  {
    nodes: ["web"],
    why: "the browser's side of the server: the built pages and the IDE as static files, and in development the demo accounts' token endpoint (it signs with auth's rules and the demo's accounts)",
  },
  {
    nodes: ["server"],
    why: "wires schema, context, security and observability to HTTP and the WebSocket",
  },
  {
    nodes: ["main", "cli", "bench"],
    why: "entry points: they choose the configuration, the database, the seed and the server",
  },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A node's files: `src/<node>/…` for a folder, `src/<node>.ts` for a file. */
const pathsOf = (nodes) => `^src/(${nodes.map(escape).join("|")})(/|\\.[^/]+$)`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer:${layer.nodes.join("+")}`,
  comment: `${layer.nodes.join(", ")}: ${layer.why}. It may not import from a layer above it.`,
  severity: "error",
  from: { path: pathsOf(layer.nodes) },
  to: { path: pathsOf(LAYERS.slice(i + 1).flatMap((l) => l.nodes)) },
}));

const config = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle makes its files one unit: none can be read, tested or moved alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-layer",
      comment: "Every folder of src/ has a place in LAYERS (.dependency-cruiser.cjs).",
      severity: "error",
      from: { path: "^src/", pathNot: pathsOf(LAYERS.flatMap((l) => l.nodes)) },
      to: {},
    },
    ...layerRules,
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
  },
};

// For the architecture test; not enumerable, because dependency-cruiser refuses keys it does not know.
Object.defineProperty(config, "LAYERS", { value: LAYERS });

module.exports = config;
