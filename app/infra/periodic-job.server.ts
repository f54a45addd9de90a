export type PeriodicJob = { stop(): Promise<void> };

/**
 * Runs `run` now, then `intervalMs` after each run ends: runs never overlap within a process,
 * and the timer never keeps a process alive. `run` must not throw: each job logs its own failure
 * and is tried again at the next tick. `stop()` waits for a run in progress.
 */
export function startPeriodicJob(options: { intervalMs: number; run: () => Promise<void> }): PeriodicJob & { stopped: () => boolean } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = options.run().finally(() => schedule(options.intervalMs));
    }, delayMs);
    timer.unref();
  }

  schedule(0);
  return {
    stopped: () => stopped,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
