import net from "node:net";

export class PortInUseError extends Error {}

/**
 * Fails with one clear line when the port cannot be listened on (taken by another process, or
 * not ours to take), so that `npm start` stops before it starts a database and runs migrations.
 * Port 0 (any free port) always passes.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => {
      const why =
        err.code === "EADDRINUSE"
          ? "is already in use (another civic-grid, or another program); stop it or set PORT"
          : err.code === "EACCES"
            ? "may not be used by this user; choose a PORT above 1023"
            : `cannot be listened on (${err.code ?? err.message})`;
      reject(new PortInUseError(`port ${port} on ${host} ${why}`));
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
