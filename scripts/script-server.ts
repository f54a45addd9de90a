// The production server (scripts/server.ts) started by a script of its own — the screenshots, the
// phone benchmark — and stopped at its end: one way to start it, wait for /healthz and stop it.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type ScriptServer = { process: ChildProcess; url: string; logFile: string; exited: Promise<number | null> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts scripts/server.ts with `environment`, its output appended to `logFile`, and waits until `url`/healthz answers 200 (180 s at most). */
export async function startScriptServer(environment: NodeJS.ProcessEnv, url: string, logFile: string): Promise<ScriptServer> {
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], { cwd: ROOT, env: environment, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server = { process: child, url, logFile, exited };
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  await stopScriptServer(server);
  const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
  throw new Error(`Le serveur n'a pas répondu sur /healthz${gone ? " (il s'est arrêté)" : " en 180 s"}. Fin de ${logFile} :\n${tail}`);
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs` (its own drain takes up to ~25 s). */
export async function stopScriptServer(server: ScriptServer, graceMs = 40_000): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  server.process.kill("SIGTERM");
  const stopped = await Promise.race([server.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!stopped) {
    console.warn(`Le serveur ne s'est pas arrêté en ${graceMs / 1000} s après SIGTERM : SIGKILL.`);
    server.process.kill("SIGKILL");
    await server.exited;
  }
}
