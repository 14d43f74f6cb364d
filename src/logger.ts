/** A small structured logger: one line per event, errors with their stack, on stderr. */
export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export function createLogger(level: "silent" | "info" | "debug"): Logger {
  return {
    info(message) {
      if (level !== "silent") console.log(message);
    },
    error(message, err) {
      if (level === "silent") return;
      console.error(
        `${message}${err instanceof Error ? `: ${err.stack ?? err.message}` : err ? `: ${String(err)}` : ""}`,
      );
    },
  };
}
