/**
 * Log lines for a person at a terminal (LOG_FORMAT=pretty, or `auto` on a terminal in
 * development): `09:00:01.234 INFO  message key=value …`, an error's stack below its line, and a
 * message of several lines (the start-up banner) as it was written. The same JSON lines underneath,
 * so no field is lost; no dependency, so a production install needs nothing more.
 */
const HIDDEN = new Set(["time", "level", "msg", "pid", "hostname", "err"]);

function value(v: unknown): string {
  if (typeof v === "string") return /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith("\n") ? json : json + "\n";
  }
  const time = typeof entry.time === "string" ? entry.time.slice(11, 23) : "";
  const level = String(entry.level ?? "").toUpperCase();
  const fields = Object.entries(entry)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${value(v)}`)
    .join(" ");
  let line = `${time} ${level.padEnd(5)} ${String(entry.msg ?? "")}${fields ? "  " + fields : ""}\n`;
  const err = entry.err as { stack?: string; message?: string } | undefined;
  if (err) line += `    ${(err.stack ?? err.message ?? "").split("\n").join("\n    ")}\n`;
  return line;
}

export function prettyLines(out: { write(line: string): unknown }) {
  return { write: (json: string) => void out.write(prettyLine(json)) };
}
