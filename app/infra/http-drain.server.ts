import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

export type HttpDrain = {
  /** Requests received and not yet answered. */
  inFlight: () => number;
  /**
   * Stops accepting connections, closes the idle keep-alive ones, lets the requests in flight
   * finish (each answer then closes its connection), and after `graceMs` cuts what is left.
   * Resolves once every connection is closed, with how many requests had to be cut.
   */
  drain: (graceMs: number) => Promise<{ cut: number }>;
};

/**
 * Follows the requests of an HTTP server so that it can stop without cutting any: a plain
 * `server.close()` only stops accepting, and the process exit that follows resets every
 * connection whose answer is not written yet (a checkout, a hand-over).
 */
export function trackRequests(server: Server): HttpDrain {
  const open = new Map<Socket, Set<ServerResponse>>();
  let draining = false;

  server.on("connection", (socket: Socket) => {
    open.set(socket, new Set());
    socket.once("close", () => open.delete(socket));
  });

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    const pending = open.get(socket) ?? new Set<ServerResponse>();
    open.set(socket, pending);
    pending.add(response);
    if (draining) closeAfter(response);
    response.once("close", () => {
      pending.delete(response);
      // A keep-alive connection whose last answer is out has nothing more to wait for.
      if (draining && pending.size === 0) socket.end();
    });
  });

  function closeAfter(response: ServerResponse): void {
    // Tells the client not to send another request on this connection; Node closes it after the answer.
    if (!response.headersSent) response.setHeader("Connection", "close");
  }

  function inFlight(): number {
    let count = 0;
    for (const pending of open.values()) count += pending.size;
    return count;
  }

  async function drain(graceMs: number): Promise<{ cut: number }> {
    draining = true;
    const closed = new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
    for (const [socket, pending] of open) {
      if (pending.size === 0) socket.end();
      for (const response of pending) closeAfter(response);
    }
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<"expired">((resolve) => {
      timer = setTimeout(() => resolve("expired"), graceMs);
    });
    const outcome = await Promise.race([closed, expired]);
    clearTimeout(timer);
    if (outcome !== "expired") return { cut: 0 };
    const cut = inFlight();
    for (const socket of open.keys()) socket.destroy();
    await closed;
    return { cut };
  }

  return { inFlight, drain };
}
