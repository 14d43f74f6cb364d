import net from "node:net";

/**
 * A TCP relay to the server, between it and a client (its WebSocket, or a whole browser page):
 * `cut` drops every connection through it at once (a reset, as when a network goes away) and holds
 * new ones, unanswered, until `release`.
 */
export async function relay(port: number) {
  const open = new Set<net.Socket>();
  let held: Array<() => void> | null = null;
  const relayServer = net.createServer((client) => {
    const through = () => {
      const upstream = net.connect(port, "127.0.0.1");
      for (const s of [client, upstream]) {
        open.add(s);
        s.on("error", () => undefined);
        s.on("close", () => {
          open.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    };
    client.on("error", () => undefined);
    if (held) held.push(through);
    else through();
  });
  await new Promise<void>((r) => relayServer.listen(0, "127.0.0.1", () => r()));
  return {
    port: (relayServer.address() as net.AddressInfo).port,
    cut() {
      held = [];
      for (const s of open) s.resetAndDestroy();
    },
    release() {
      const waiting = held ?? [];
      held = null;
      waiting.forEach((through) => through());
    },
    close: () => new Promise<void>((r) => relayServer.close(() => r())),
  };
}
