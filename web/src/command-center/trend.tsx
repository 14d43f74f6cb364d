import { useEffect, useRef, useState } from "react";
import { type Api } from "../../../examples/client/src/api";
import {
  CityDayDocument,
  CityTrendDocument,
  TREND_DAYS,
  TREND_FULL_READ_MS,
  type TrendRow,
} from "./documents";
import "./trend.css";

/** A local day (YYYY-MM-DD) `n` days from `day`. */
function shift(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

interface Day {
  day: string;
  rows: TrendRow[];
  received: number;
  breaches: number;
}

interface District {
  unitId: string;
  name: string;
  color: string;
  /** Its rank on each day of the trend, null on a day without cases. */
  ranks: Array<number | null>;
}

/** Colours of the districts' lines, in the order the districts are listed. */
const COLORS = [
  "#1d4ed8",
  "#b42318",
  "#18794e",
  "#b54708",
  "#6d28d9",
  "#0e7490",
  "#be185d",
  "#4d7c0f",
  "#374151",
  "#9a3412",
];

/**
 * The city's figures per day: its districts' rows of that day's board added up, as `cityTotals`
 * adds them (cityTotalsOf); the test holds them to the API's.
 */
function daysOf(boards: Array<{ from: string; rows: TrendRow[] }>): Day[] {
  return boards.map((b) => ({
    day: b.from,
    rows: b.rows,
    received: b.rows.reduce((n, r) => n + r.measures.received, 0),
    breaches: b.rows.reduce((n, r) => n + r.measures.breaches, 0),
  }));
}

/** Each district seen in the period, by its rank on the last day (then by name), with its ranks. */
function districtsOf(days: Day[]): District[] {
  const names = new Map<string, string>();
  for (const d of days) for (const r of d.rows) names.set(r.measures.unitId, r.measures.name);
  const rankOn = (d: Day | undefined, unitId: string) =>
    d?.rows.find((r) => r.measures.unitId === unitId)?.rank ?? null;
  const last = days[days.length - 1];
  return [...names]
    .sort(
      ([a, an], [b, bn]) =>
        (rankOn(last, a) ?? Infinity) - (rankOn(last, b) ?? Infinity) ||
        an.localeCompare(bn, "zh-CN"),
    )
    .map(([unitId, name], i) => ({
      unitId,
      name,
      color: COLORS[i % COLORS.length],
      ranks: days.map((d) => rankOn(d, unitId)),
    }));
}

/**
 * The city admin's last TREND_DAYS local days (`cityTrend(bucket: day)`): the city's cases
 * received and breached per day, each district's rank per day, and how each district moved from
 * the first day to the last. After each live push or reconnection (`bump`) today's board is read
 * again (`cityScoreboard`, the same board as the trend's last day), the whole trend now and then
 * (useTrend).
 */
export function CityTrend({
  api,
  day,
  settled,
  label,
  describe,
}: {
  api: Api;
  /** Today (UTC+8): the trend's last day. */
  day: string;
  /** The page's live pushes and reconnections, settled (refresh.ts): each change reads the trend again. */
  settled: number;
  label: (kind: string, value: string) => string;
  describe: (err: unknown) => string;
}) {
  const { days, problem } = useTrend(api, day, settled, describe);
  const received = label("Measure", "received");
  const breaches = label("Measure", "breaches");
  const rank = label("ScoreColumn", "rank");
  return (
    <section className="card trend" aria-label={`近${TREND_DAYS}日趋势`} data-testid="trend">
      <h2>近{TREND_DAYS}日趋势</h2>
      {problem && (
        <p className="error" data-testid="trend-problem">
          {problem}
        </p>
      )}
      {!days ? (
        <p className="quiet">正在加载…</p>
      ) : (
        <>
          <div className="trend-charts">
            <CityChart days={days} received={received} breaches={breaches} />
            <RankChart days={days} districts={districtsOf(days)} rank={rank} />
          </div>
          <DayTable days={days} received={received} breaches={breaches} />
          <MoveTable days={days} districts={districtsOf(days)} rank={rank} />
        </>
      )}
    </section>
  );
}

/** A board of the trend as the API answers it. */
type Board = { from: string; rows: TrendRow[] };

/**
 * The trend's days, read after each settled burst of pushes (refresh.ts): whole (CityTrendDocument) when none has been read for
 * today yet or the last is older than TREND_FULL_READ_MS, else today's board only (CityDayDocument).
 * Reads are not cancelled by later bumps (a burst of pushes must not starve the slow whole read):
 * a whole answer is shown unless a later whole one was, and today's board read after it replaces
 * its last day; answers for another day than today are dropped.
 */
function useTrend(api: Api, day: string, settled: number, describe: (err: unknown) => string) {
  const [days, setDays] = useState<Day[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const state = useRef({
    day: "",
    seq: 0,
    /** The whole read in flight (its sequence number), and the latest shown with when it was read. */
    wholeAsked: 0,
    wholeShown: 0,
    wholeAt: -Infinity,
    /** The latest of today's boards answered. */
    today: null as { seq: number; board: Board } | null,
  });
  useEffect(() => {
    const s = state.current;
    if (s.day !== day)
      Object.assign(s, { day, wholeAsked: 0, wholeShown: 0, wholeAt: -Infinity, today: null });
    const seq = ++s.seq;
    const withToday = (boards: Board[]) =>
      s.today && s.today.seq > seq ? [...boards.slice(0, -1), s.today.board] : boards;
    const failed = (e: unknown) => s.day === day && setProblem(describe(e));
    if (!s.wholeAsked && Date.now() - s.wholeAt >= TREND_FULL_READ_MS) {
      s.wholeAsked = seq;
      api.request(CityTrendDocument, { from: shift(day, 1 - TREND_DAYS), to: day }).then(
        ({ cityTrend }) => {
          if (s.day !== day) return;
          s.wholeAsked = 0;
          if (seq < s.wholeShown) return;
          Object.assign(s, { wholeShown: seq, wholeAt: Date.now() });
          setDays(daysOf(withToday(cityTrend)));
          setProblem(null);
        },
        (e: unknown) => {
          if (s.day === day) s.wholeAsked = 0;
          failed(e);
        },
      );
    } else {
      api.request(CityDayDocument, { day }).then(
        ({ cityScoreboard }) => {
          // Older than the board shown: a whole read asked after it, or a later one of today's.
          if (s.day !== day || seq < s.wholeShown || (s.today && seq < s.today.seq)) return;
          s.today = { seq, board: cityScoreboard };
          // Into the days shown when they end today; else the whole read in flight takes it.
          setDays((shown) =>
            shown && shown[shown.length - 1].day === day
              ? [...shown.slice(0, -1), ...daysOf([cityScoreboard])]
              : shown,
          );
          // Only once the whole trend is shown: before, a failed whole read is still the news.
          if (s.wholeShown) setProblem(null);
        },
        (e: unknown) => {
          // A failure older than today's board shown is no news.
          if (!s.today || seq > s.today.seq) failed(e);
        },
      );
    }
    // `describe` never changes: it is no reason to read again.
  }, [api, day, settled]);
  return { days, problem };
}

const W = 560;
const H = 240;
const PAD = { left: 40, right: 12, top: 16, bottom: 36 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;

/** The x of a day's slot centre. */
const xOf = (i: number, n: number) => PAD.left + ((i + 0.5) * plotW) / n;
const mmdd = (day: string) => day.slice(5);

/** Round steps for an axis up to `max` (at least 1), about four of them. */
function ticks(max: number): number[] {
  const top = Math.max(1, max);
  const step = Math.max(1, Math.ceil(top / 4));
  const out: number[] = [];
  for (let v = 0; v <= top + step - 1; v += step) out.push(v);
  return out;
}

function DayAxis({ days }: { days: Day[] }) {
  return (
    <g className="axis" aria-hidden="true">
      <line x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} />
      {days.map((d, i) => (
        <text
          key={d.day}
          x={xOf(i, days.length)}
          y={H - PAD.bottom + 14}
          textAnchor="middle"
          className={(days.length - 1 - i) % 2 === 0 ? "" : "faint"}
        >
          {mmdd(d.day)}
        </text>
      ))}
    </g>
  );
}

/** The city's cases received (bars) and breached (narrower red bars) per day. */
function CityChart({
  days,
  received,
  breaches,
}: {
  days: Day[];
  received: string;
  breaches: string;
}) {
  const marks = ticks(Math.max(...days.map((d) => d.received)));
  const top = marks[marks.length - 1];
  const yOf = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const slot = plotW / days.length;
  const title = `全市每日${received}与${breaches}（${days[0].day} 至 ${days[days.length - 1].day}）`;
  return (
    <figure className="trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="trend-city-chart">
        <title>{title}</title>
        <g className="grid" aria-hidden="true">
          {marks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} y1={yOf(v)} x2={W - PAD.right} y2={yOf(v)} />
              <text x={PAD.left - 6} y={yOf(v) + 4} textAnchor="end">
                {v}
              </text>
            </g>
          ))}
        </g>
        {days.map((d, i) => (
          <g key={d.day} data-day={d.day} data-received={d.received} data-breaches={d.breaches}>
            <rect
              className="bar-received"
              x={xOf(i, days.length) - slot * 0.35}
              y={yOf(d.received)}
              width={slot * 0.7}
              height={PAD.top + plotH - yOf(d.received)}
            >
              <title>{`${d.day} ${received} ${d.received}`}</title>
            </rect>
            <rect
              className="bar-breaches"
              x={xOf(i, days.length) - slot * 0.15}
              y={yOf(d.breaches)}
              width={slot * 0.3}
              height={PAD.top + plotH - yOf(d.breaches)}
            >
              <title>{`${d.day} ${breaches} ${d.breaches}`}</title>
            </rect>
            {d.received > 0 && (
              <text
                className="bar-value"
                x={xOf(i, days.length)}
                y={yOf(d.received) - 3}
                textAnchor="middle"
              >
                {d.received}
              </text>
            )}
          </g>
        ))}
        <DayAxis days={days} />
      </svg>
      <figcaption className="legend">
        <span className="legend-item">
          <span className="key key-received" />
          {received}
        </span>
        <span className="legend-item">
          <span className="key key-breaches" />
          {breaches}
        </span>
      </figcaption>
    </figure>
  );
}

/** Each district's rank per day, 1 at the top; a gap on a day it had no cases. */
function RankChart({
  days,
  districts,
  rank,
}: {
  days: Day[];
  districts: District[];
  rank: string;
}) {
  const worst = Math.max(1, ...districts.flatMap((d) => d.ranks.map((r) => r ?? 1)));
  // Rank r sits in the middle of the r-th of `worst` bands, 1 at the top.
  const yOf = (r: number) => PAD.top + ((r - 0.5) / worst) * plotH;
  const title = `各区每日${rank}（${days[0].day} 至 ${days[days.length - 1].day}）`;
  // A line through the days a district has a rank, broken where it has none.
  const path = (ranks: Array<number | null>) =>
    ranks
      .map((r, i) =>
        r == null
          ? ""
          : `${i > 0 && ranks[i - 1] != null ? "L" : "M"}${xOf(i, days.length)},${yOf(r)}`,
      )
      .join(" ");
  return (
    <figure className="trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} data-testid="trend-rank-chart">
        <title>{title}</title>
        <text className="axis-name" x={4} y={10} aria-hidden="true">
          {rank}
        </text>
        <g className="grid" aria-hidden="true">
          {Array.from({ length: worst }, (_, i) => i + 1).map((r) => (
            <g key={r}>
              <line x1={PAD.left} y1={yOf(r)} x2={W - PAD.right} y2={yOf(r)} />
              <text x={PAD.left - 6} y={yOf(r) + 4} textAnchor="end">
                {r}
              </text>
            </g>
          ))}
        </g>
        {districts.map((d) => (
          <g key={d.unitId} data-unit={d.unitId} stroke={d.color} fill={d.color}>
            <path d={path(d.ranks)} fill="none" strokeWidth={2} />
            {d.ranks.map(
              (r, i) =>
                r != null && (
                  <circle key={i} cx={xOf(i, days.length)} cy={yOf(r)} r={3.5}>
                    <title>{`${d.name} ${days[i].day} ${rank} ${r}`}</title>
                  </circle>
                ),
            )}
          </g>
        ))}
        <DayAxis days={days} />
      </svg>
      <figcaption className="legend" data-testid="trend-legend">
        {districts.map((d) => (
          <span key={d.unitId} className="legend-item" data-unit={d.unitId}>
            <span className="key" style={{ background: d.color }} />
            {d.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** The charts' city figures as a table: a column per day. */
function DayTable({
  days,
  received,
  breaches,
}: {
  days: Day[];
  received: string;
  breaches: string;
}) {
  const row = (name: string, measure: "received" | "breaches") => (
    <tr>
      <th scope="row">{name}</th>
      {days.map((d) => (
        <td key={d.day} data-testid={`trend-${measure}-${d.day}`}>
          {d[measure]}
        </td>
      ))}
    </tr>
  );
  return (
    <table className="trend-days" data-testid="trend-days">
      <thead>
        <tr>
          <th scope="col">日期</th>
          {days.map((d) => (
            <th key={d.day} scope="col">
              {mmdd(d.day)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {row(received, "received")}
        {row(breaches, "breaches")}
      </tbody>
    </table>
  );
}

/** Each district's rank on the first and the last day, and its move between them. */
function MoveTable({
  days,
  districts,
  rank,
}: {
  days: Day[];
  districts: District[];
  rank: string;
}) {
  const first = days[0].day;
  const last = days[days.length - 1].day;
  return (
    <table className="trend-moves" data-testid="trend-ranks">
      <thead>
        <tr>
          <th scope="col">区县</th>
          <th scope="col">
            {mmdd(first)} {rank}
          </th>
          <th scope="col">
            {mmdd(last)} {rank}
          </th>
          <th scope="col">变化</th>
        </tr>
      </thead>
      <tbody>
        {districts.map((d) => {
          const a = d.ranks[0];
          const b = d.ranks[d.ranks.length - 1];
          const move = a != null && b != null ? a - b : null;
          return (
            <tr key={d.unitId} data-unit={d.unitId}>
              <td>
                <span className="key" style={{ background: d.color }} />
                {d.name}
              </td>
              <td data-testid="trend-first-rank">{a ?? "—"}</td>
              <td data-testid="trend-last-rank">{b ?? "—"}</td>
              <td className="rank" data-testid="trend-move">
                {move == null ? (
                  "—"
                ) : move > 0 ? (
                  <span className="up">↑{move}</span>
                ) : move < 0 ? (
                  <span className="down">↓{-move}</span>
                ) : (
                  "持平"
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
