import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/** Reads a secret kept in `file`, making it on first use (mode 600). Safe against a racing writer. */
export function readOrCreateSecret(file: string, bytes = 24): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const value = randomBytes(bytes).toString("base64url");
  try {
    fs.writeFileSync(file, value + "\n", { mode: 0o600, flag: "wx" });
    return value;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST")
      return fs.readFileSync(file, "utf8").trim();
    throw err;
  }
}
