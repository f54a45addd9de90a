import { expect, test, vi } from "vitest";
import { startPeriodicJob } from "~/infra/periodic-job.server";

test("a run that fails is logged with the job's message and the job runs again at the next tick", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  let runs = 0;
  let secondRun!: () => void;
  const ranAgain = new Promise<void>((resolve) => (secondRun = resolve));
  const job = startPeriodicJob({
    intervalMs: 1,
    failureMessage: "[essai] passage interrompu :",
    async run() {
      runs += 1;
      if (runs === 1) throw new Error("base absente");
      secondRun();
    },
  });
  await ranAgain;
  await job.stop();
  expect(warn).toHaveBeenCalledWith("[essai] passage interrompu :", "base absente");
  warn.mockRestore();
});
