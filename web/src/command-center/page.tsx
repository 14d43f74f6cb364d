import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  ApiError,
  createApi,
  type Api,
  type ConnectionState,
} from "../../../examples/client/src/api";
import { followCases } from "../../../examples/client/src/cases";
import { getToken } from "../session";
import {
  CaseDetailDocument,
  CHANNEL_MEASURES,
  CityTodayDocument,
  LABEL_KINDS,
  LabelsDocument,
  MeDocument,
  OPEN_STATUSES,
  ScoreboardChangedDocument,
  ScoreboardDocument,
  TodayDocument,
  type CaseDetail,
  type CityFigures,
  type FeedCase,
  type Label,
  type Me,
  type ScoreRow,
  type TodayFigures,
} from "./documents";
import { GridMap } from "./map";
import { CityTrend } from "./trend";
import { useLatest, useSettled } from "./refresh";
import "../site.css";
import "./command-center.css";

/**
 * The district roles this page is for (a city_admin gets the city's view); any other is told so
 * and shown nothing.
 */
const ROLES = new Set(["command_center", "district_admin"]);
const FEED_LENGTH = 50;

type LabelOf = (kind: string, value: string) => string;

/**
 * Today in the districts' time (UTC+8) by the server's clock: this browser's clock moved by
 * `offset` (the server's time less the browser's, read with `me`), since an intranet machine's
 * clock may be off by hours or days. Follows midnight.
 */
function useToday(offset: number): string {
  const dayOf = () => new Date(Date.now() + offset + 8 * 3_600_000).toISOString().slice(0, 10);
  const [day, setDay] = useState(dayOf);
  useEffect(() => {
    setDay(dayOf());
    const timer = setInterval(() => setDay(dayOf()), 60_000);
    return () => clearInterval(timer);
    // dayOf reads only `offset`.
  }, [offset]);
  return day;
}

function messageOf(err: unknown): string {
  if (err instanceof ApiError) return `${err.message}（${err.code}）`;
  if (err && typeof err === "object" && "code" in err) return `连接被关闭（${String(err.code)}）`;
  return err instanceof Error ? err.message : String(err);
}

function Page() {
  const token = getToken();
  const api = useMemo(
    () =>
      token
        ? createApi({
            url: `${location.origin}/graphql`,
            token: () => getToken() ?? "",
          })
        : null,
    [token],
  );
  const [labels, setLabels] = useState<Map<string, string> | null>(null);
  const [me, setMe] = useState<{ me?: Me; offset?: number; error?: string } | null>(null);

  useEffect(() => {
    if (!api) return;
    api.request(LabelsDocument, { kinds: LABEL_KINDS }).then(
      ({ labels }) =>
        setLabels(new Map(labels.map((l: Label) => [`${l.kind}:${l.value}`, l.label]))),
      () => setLabels(new Map()),
    );
    const asked = Date.now();
    api.request(MeDocument, {}).then(
      // The server's clock read halfway through the request, as near as the browser can tell.
      ({ me, serverClock }) =>
        setMe({ me, offset: Date.parse(serverClock.now) - (asked + Date.now()) / 2 }),
      (e: unknown) => setMe({ error: messageOf(e) }),
    );
    return () => void api.close();
  }, [api]);

  const label: LabelOf = useCallback(
    (kind, value) => labels?.get(`${kind}:${value}`) ?? value,
    [labels],
  );

  let body;
  if (!api) {
    body = (
      <p className="notice" data-testid="notice">
        尚未登录：请先在<a href="/">首页</a>登录。
      </p>
    );
  } else if (!me || !labels) {
    body = <p className="notice">正在加载…</p>;
  } else if (me.error) {
    body = (
      <p className="notice error" data-testid="notice">
        服务器拒绝了当前令牌：{me.error}。请回到<a href="/">首页</a>重新登录。
      </p>
    );
  } else if (me.me!.role === "city_admin") {
    body = <CityDashboard api={api} label={label} offset={me.offset!} />;
  } else if (!ROLES.has(me.me!.role)) {
    body = (
      <p className="notice" data-testid="notice">
        指挥中心页面仅供指挥中心、区级管理员和市级管理员使用。当前账号（{label("Role", me.me!.role)}
        ）无权查看。
      </p>
    );
  } else {
    body = <Dashboard api={api} label={label} offset={me.offset!} />;
  }

  return (
    <main className="cc">
      <header className="cc-head">
        <h1>指挥中心{me?.me?.district ? ` · ${me.me.district.name}` : ""}</h1>
        <nav className="links">
          <a href="/">首页</a>
          <a href="/graphiql">GraphQL IDE</a>
        </nav>
      </header>
      {body}
    </main>
  );
}

interface FeedItem {
  key: string;
  created: boolean;
  action: string;
  at: string;
  case: FeedCase;
}

/** `offset`: the server's clock less this browser's (useToday). */
function Dashboard({ api, label, offset }: { api: Api; label: LabelOf; offset: number }) {
  const day = useToday(offset);
  const [figures, setFigures] = useState<TodayFigures | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [feed, setFeed] = useState<FeedItem[]>([]);
  const [bump, setBump] = useState(0);
  // The case opened from the feed, and a count of its own events to read it again on each.
  const [opened, setOpened] = useState<{ id: string; version: number } | null>(null);

  // Back after a drop: what happened meanwhile may have moved the figures.
  const { live, connection } = useLive(() => setBump((n) => n + 1));

  // Today's figures, read again once a burst of case events or a reconnection has passed (refresh.ts).
  // An answer, or a failure, is shown unless a later request's was shown already.
  const settled = useSettled(bump);
  const latest = useLatest();
  useEffect(() => {
    const seq = latest.ask();
    api.request(TodayDocument, { day }).then(
      (f) => {
        if (!latest.fresh(seq)) return;
        setFigures(f);
        setProblem(null);
      },
      (e: unknown) => latest.fresh(seq) && setProblem(messageOf(e)),
    );
  }, [api, day, settled, latest]);

  // The feed: new and changed cases, resumed from their cursors after a dropped connection.
  useEffect(() => {
    const seen = new Set<string>();
    const add = (item: FeedItem) => {
      if (seen.has(item.key)) return;
      seen.add(item.key);
      setFeed((items) => [item, ...items].slice(0, FEED_LENGTH));
      setBump((n) => n + 1);
      setOpened((o) => (o && o.id === item.case.id ? { ...o, version: o.version + 1 } : o));
    };
    const { stop } = followCases(live, {
      created: (m) =>
        add({ key: m.cursor, created: true, action: m.event.action, at: m.event.at, case: m.case }),
      updated: (m) =>
        add({
          key: m.cursor,
          created: false,
          action: m.event.action,
          at: m.event.at,
          case: m.case,
        }),
      error: (e) => setProblem(messageOf(e)),
    });
    return stop;
  }, [live]);

  return (
    <>
      <ConnectionBar connection={connection} day={day} />
      {problem && (
        <p className="notice error" data-testid="problem">
          {problem}
        </p>
      )}
      <div className="cc-grid">
        <Figures figures={figures} label={label} />
        <Feed items={feed} label={label} open={(id) => setOpened({ id, version: 0 })} />
        <Board api={api} live={live} day={day} label={label} />
      </div>
      <GridMap
        api={api}
        day={day}
        settled={settled}
        label={label}
        open={(id) => setOpened({ id, version: 0 })}
        describe={messageOf}
      />
      {opened && <CaseView api={api} opened={opened} label={label} close={() => setOpened(null)} />}
    </>
  );
}

/** The page's own socket (the example's transport) and its state, for the banner. */
function useLive(onConnected: () => void) {
  // "waiting" until the first connection; after it, any other state is a reconnection.
  const [connection, setConnection] = useState<ConnectionState | "waiting">("waiting");
  const everConnected = useRef(false);
  const connected = useRef(onConnected);
  connected.current = onConnected;
  const live = useMemo(
    () =>
      createApi({
        url: `${location.origin}/graphql`,
        token: () => getToken() ?? "",
        onConnection: (state) => {
          if (state === "connected") everConnected.current = true;
          setConnection(everConnected.current ? state : "waiting");
          if (state === "connected") connected.current();
        },
      }),
    [],
  );
  useEffect(() => () => void live.close(), [live]);
  return { live, connection };
}

function ConnectionBar({
  connection,
  day,
}: {
  connection: ConnectionState | "waiting";
  day: string;
}) {
  const reconnecting = connection !== "connected" && connection !== "waiting";
  return (
    <p
      className={`connection ${reconnecting ? "down" : connection === "waiting" ? "wait" : "up"}`}
      data-testid="connection"
      role="status"
    >
      {connection === "connected"
        ? "实时连接正常"
        : connection === "waiting"
          ? "正在连接…"
          : "重新连接中…"}
      <span className="day">统计日：{day}</span>
    </p>
  );
}

const CITY_TOTALS = [
  "received",
  "gridPatrol",
  "resolved",
  "overdueNow",
  "breaches",
  "replyBreaches",
  "supervisions",
] as const;

/**
 * A city admin's view: the city's districts ranked today, live (scoreboardChanged at the district
 * level), and the city's totals and its last days' trend, read again after each push.
 */
function CityDashboard({ api, label, offset }: { api: Api; label: LabelOf; offset: number }) {
  const day = useToday(offset);
  const [bump, setBump] = useState(0);
  const { live, connection } = useLive(() => setBump((n) => n + 1));
  const [figures, setFigures] = useState<CityFigures | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const settled = useSettled(bump);
  const latest = useLatest();
  useEffect(() => {
    const seq = latest.ask();
    api.request(CityTodayDocument, { day }).then(
      (f) => latest.fresh(seq) && (setFigures(f), setProblem(null)),
      (e: unknown) => latest.fresh(seq) && setProblem(messageOf(e)),
    );
  }, [api, day, settled, latest]);
  const t = figures?.cityTotals;
  return (
    <>
      <ConnectionBar connection={connection} day={day} />
      {problem && (
        <p className="notice error" data-testid="problem">
          {problem}
        </p>
      )}
      <div className="cc-grid city">
        <section className="card" aria-label="全市今日">
          <h2>
            {figures?.city.name ?? ""} 今日合计（{t?.districts ?? "—"} 个区县）
          </h2>
          <div className="figures">
            {CITY_TOTALS.map((m) => (
              <Figure key={m} name={label("Measure", m)} value={t?.[m]} testId={`city-${m}`} />
            ))}
          </div>
        </section>
        <Board
          api={api}
          live={live}
          day={day}
          label={label}
          levels={["district"]}
          onPush={() => setBump((n) => n + 1)}
        />
        <CityTrend api={api} day={day} settled={settled} label={label} describe={messageOf} />
      </div>
    </>
  );
}

function Figure({
  name,
  value,
  testId,
}: {
  name: string;
  value: number | undefined;
  testId: string;
}) {
  return (
    <div className="figure" data-testid={testId}>
      <span className="figure-name">{name}</span>
      <span className="figure-value">{value ?? "—"}</span>
    </div>
  );
}

function Figures({ figures, label }: { figures: TodayFigures | null; label: LabelOf }) {
  const m = figures?.measures[0];
  return (
    <section className="card" aria-label="今日概况">
      <h2>今日受理（按渠道）</h2>
      <div className="figures">
        <Figure name={label("Measure", "received")} value={m?.received} testId="received" />
        {CHANNEL_MEASURES.map(([channel, measure]) => (
          <Figure
            key={channel}
            name={label("CaseChannel", channel)}
            value={m?.[measure]}
            testId={`channel-${channel}`}
          />
        ))}
      </div>
      <h2>在办案件（按环节）</h2>
      <div className="figures">
        <Figure name={label("Measure", "openNow")} value={m?.openNow} testId="open-now" />
        {OPEN_STATUSES.map((status) => (
          <Figure
            key={status}
            name={label("CaseStatus", status)}
            value={figures?.[`open_${status}`].totalCount}
            testId={`open-${status}`}
          />
        ))}
        <Figure
          name={`${label("CaseStatus", "resolved")}待回访`}
          value={figures?.awaitingCallback.totalCount}
          testId="awaiting-callback"
        />
      </div>
      <h2>超期</h2>
      <div className="figures">
        <Figure name={label("Measure", "overdueNow")} value={m?.overdueNow} testId="overdue-now" />
        <Figure
          name={`今日受理${label("Measure", "breaches")}`}
          value={m?.breaches}
          testId="breaches"
        />
        <Figure
          name={`今日受理${label("Measure", "replyBreaches")}`}
          value={m?.replyBreaches}
          testId="reply-breaches"
        />
      </div>
    </section>
  );
}

function when(at: string | null): string {
  return at
    ? new Date(at).toLocaleString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" })
    : "—";
}

/** A case opened from the feed: read again whenever one of its events arrives. */
function CaseView({
  api,
  opened,
  label,
  close,
}: {
  api: Api;
  opened: { id: string; version: number };
  label: LabelOf;
  close: () => void;
}) {
  const [c, setCase] = useState<CaseDetail | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    api.request(CaseDetailDocument, { id: opened.id }).then(
      (r) => !stale && setCase(r.case),
      (e: unknown) => !stale && setProblem(messageOf(e)),
    );
    return () => {
      stale = true;
    };
  }, [api, opened.id, opened.version]);

  return (
    <section className="card case-view" aria-label="案件详情" data-testid="case">
      <h2>
        案件详情 {c?.number}
        <button type="button" onClick={close}>
          关闭
        </button>
      </h2>
      {problem && <p className="error">{problem}</p>}
      {c === null && <p className="quiet">无权查看或不存在</p>}
      {c && (
        <>
          <dl className="case-facts">
            <dt>状态</dt>
            <dd data-testid="case-status">{label("CaseStatus", c.status)}</dd>
            <dt>渠道</dt>
            <dd>{label("CaseChannel", c.channel)}</dd>
            <dt>类别</dt>
            <dd>{c.categoryName}</dd>
            <dt>网格</dt>
            <dd>
              {c.streetOffice?.name ?? ""} {c.grid?.name ?? ""}
            </dd>
            <dt>受理时间</dt>
            <dd>{when(c.receivedAt)}</dd>
            <dt>回复时限</dt>
            <dd>
              {when(c.replyDueAt)}（回复：{when(c.repliedAt)}）
            </dd>
            <dt>办结时限</dt>
            <dd className={c.overdue ? "overdue" : ""}>
              {when(c.resolutionDueAt)}（办结：{when(c.resolvedAt)}）
            </dd>
          </dl>
          <p>{c.description}</p>
          {c.assignments.length > 0 && (
            <table className="case-parts">
              <tbody>
                {c.assignments.map((a) => (
                  <tr key={a.id}>
                    <td>{a.department.name}</td>
                    <td>{label("AssignmentRole", a.role)}</td>
                    <td>{label("AssignmentStatus", a.status)}</td>
                    <td>回复时限 {when(a.replyDueAt)}</td>
                    <td>办结时限 {when(a.dueAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ol className="timeline" data-testid="timeline">
            {c.timeline.map((e) => (
              <li key={e.cursor}>
                <span className="feed-time">{when(e.at)}</span>
                <span className="feed-action">{label("CaseAction", e.action)}</span>
                <span>
                  {label("Role", e.actorRole)} {e.actor}
                </span>
                <span>
                  {e.fromStatus ? `${label("CaseStatus", e.fromStatus)} → ` : ""}
                  {label("CaseStatus", e.toStatus)}
                </span>
                {e.note && <span className="quiet">{e.note}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function time(at: string): string {
  return new Date(at).toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
}

function Feed({
  items,
  label,
  open,
}: {
  items: FeedItem[];
  label: LabelOf;
  open: (caseId: string) => void;
}) {
  return (
    <section className="card" aria-label="实时动态">
      <h2>实时动态</h2>
      {items.length === 0 && <p className="quiet">暂无新动态</p>}
      <ol className="feed" data-testid="feed">
        {items.map((item) => (
          <li
            key={item.key}
            className={item.created ? "created" : "updated"}
            data-case={item.case.id}
          >
            <span className="feed-time">{time(item.at)}</span>
            <span className="feed-action">{label("CaseAction", item.action)}</span>
            <button type="button" className="feed-number" onClick={() => open(item.case.id)}>
              {item.case.number}
            </button>
            <span>{label("CaseChannel", item.case.channel)}</span>
            <span className="feed-status">{label("CaseStatus", item.case.status)}</span>
            <span className="quiet">{item.case.grid?.name ?? ""}</span>
            {item.case.overdue && <span className="overdue">{label("Measure", "overdueNow")}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

type Level = "district" | "street_office" | "grid";
const DISTRICT_LEVELS: readonly Level[] = ["street_office", "grid"];

/** Rows in rank order (unranked last, then by name). */
function ranked(rows: Iterable<ScoreRow>): ScoreRow[] {
  return [...rows].sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.measures.name.localeCompare(b.measures.name, "zh-CN"),
  );
}

function Board({
  api,
  live,
  day,
  label,
  levels = DISTRICT_LEVELS,
  onPush,
}: {
  api: Api;
  live: Api;
  day: string;
  label: LabelOf;
  levels?: readonly Level[];
  onPush?: () => void;
}) {
  const [level, setLevel] = useState<Level>(levels[0]);
  // Read when a push comes: not a reason to subscribe again.
  const pushed = useRef(onPush);
  pushed.current = onPush;
  const [rows, setRows] = useState<Map<string, ScoreRow> | null>(null);
  const moves = useRef(new Map<string, number>());
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    setRows(null);
    moves.current = new Map();
    const merge = (changed: ScoreRow[], replace: boolean) =>
      setRows((current) => {
        const next = new Map(replace ? [] : (current ?? []));
        for (const row of changed) {
          const before = current?.get(row.measures.unitId)?.rank;
          if (!replace && before != null && row.rank != null && before !== row.rank)
            moves.current.set(row.measures.unitId, before - row.rank);
          next.set(row.measures.unitId, row);
        }
        return next;
      });
    api.request(ScoreboardDocument, { level, day }).then(
      ({ scoreboard }) => !stale && merge(scoreboard.rows, true),
      (e: unknown) => !stale && setProblem(messageOf(e)),
    );
    const stop = live.subscribe(ScoreboardChangedDocument, () => ({ level, day }), {
      next: ({ scoreboardChanged }) => {
        merge(scoreboardChanged.scoreboard.rows, false);
        pushed.current?.();
      },
      error: (e) => setProblem(messageOf(e)),
    });
    return () => {
      stale = true;
      stop();
    };
  }, [api, live, level, day]);

  return (
    <section className="card board" aria-label="排名">
      <h2>
        排名（今日）
        {levels.map((l) => (
          <button
            key={l}
            type="button"
            className={l === level ? "active" : ""}
            aria-pressed={l === level}
            onClick={() => setLevel(l)}
          >
            {label("UnitLevel", l)}
          </button>
        ))}
      </h2>
      {problem && <p className="error">{problem}</p>}
      {!rows ? (
        <p className="quiet">正在加载…</p>
      ) : (
        <table data-testid="scoreboard">
          <thead>
            <tr>
              <th>名次</th>
              <th>{label("Measure", "name")}</th>
              <th>得分</th>
              <th>{label("Measure", "received")}</th>
              <th>{label("Measure", "overdueNow")}</th>
            </tr>
          </thead>
          <tbody>
            {ranked(rows.values()).map((row) => {
              const move = moves.current.get(row.measures.unitId) ?? 0;
              return (
                <tr key={row.measures.unitId} data-unit={row.measures.unitId}>
                  <td className="rank">
                    {row.rank ?? "—"}
                    {move > 0 && <span className="up"> ↑{move}</span>}
                    {move < 0 && <span className="down"> ↓{-move}</span>}
                  </td>
                  <td>{row.measures.name}</td>
                  <td>{row.score?.toFixed(2) ?? "—"}</td>
                  <td>{row.measures.received}</td>
                  <td>{row.measures.overdueNow}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
