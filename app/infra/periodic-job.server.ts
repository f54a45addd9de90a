export type PeriodicJob = { stop(): Promise<void> };

/**
 * Runs `run` now, then `intervalMs` after each run ends: runs never overlap within a process,
 * and the timer never keeps a process alive. No error escapes: a failed run is logged as a
 * warning after `failureMessage` and tried again at the next tick. `stop()` waits for a run in
 * progress.
 */
export function startPeriodicJob(options: { intervalMs: number; failureMessage: string; run: () => Promise<void> }): PeriodicJob & { stopped: () => boolean } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = options
        .run()
        .catch((error: unknown) => console.warn(options.failureMessage, error instanceof Error ? error.message : error))
        .finally(() => schedule(options.intervalMs));
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
