import type { Server, ServerResponse } from "node:http";
import { within } from "~/infra/within";

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
 * Follows the requests of an HTTP server so that it can stop without cutting any. Node's own
 * `server.close()` stops accepting and closes the idle keep-alive connections, and
 * `closeAllConnections()` cuts the rest; what it lacks is told here: the answers in flight say
 * `Connection: close` (so no client sends another request on a closing connection), and the
 * connection each of them frees is closed as soon as its answer is out, not at keepAliveTimeout.
 */
export function trackRequests(server: Server): HttpDrain {
  const pending = new Set<ServerResponse>();
  let draining = false;

  server.on("request", (_request, response: ServerResponse) => {
    pending.add(response);
    if (draining) closeAfter(response);
    response.once("close", () => {
      pending.delete(response);
      // The connection this answer held is idle now: nothing more to wait for on it.
      if (draining) server.closeIdleConnections();
    });
  });

  function closeAfter(response: ServerResponse): void {
    // Tells the client not to send another request on this connection; Node closes it after the answer.
    if (!response.headersSent) response.setHeader("Connection", "close");
  }

  async function drain(graceMs: number): Promise<{ cut: number }> {
    draining = true;
    const closed = new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      // Also closes the idle keep-alive connections (Node 19 and later).
      server.close(() => resolve());
    });
    for (const response of pending) closeAfter(response);
    if ((await within(closed, graceMs)) !== "expired") return { cut: 0 };
    const cut = pending.size;
    server.closeAllConnections();
    await closed;
    return { cut };
  }

  return { inFlight: () => pending.size, drain };
}
