/**
 * A bound on waiting for something that should end by itself (a worker's current run, a server's
 * connections, a database's answer): its outcome, or "expired" after `ms`. The work itself goes on.
 */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | "expired"> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"expired">((resolve) => {
    timer = setTimeout(() => resolve("expired"), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
