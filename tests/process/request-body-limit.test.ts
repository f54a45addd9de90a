// A gigabyte POSTed to the login page, chunked or declared, is refused 413 as soon as it passes
// the form's bound, and the server goes on serving (app/http/body.server.ts, decision 017).
import http from "node:http";
import { beforeAll, expect, test } from "vitest";
import { processTestBed, type ServerProcess } from "./server-process";

const bed = processTestBed({ stopServers: "afterAll", signal: "SIGKILL" });
let server: ServerProcess;

beforeAll(async () => {
  server = await bed.start({ DATABASE_URL: await bed.cluster.createDatabase("bodies") });
  await server.waitUntilHealthy();
});

const GIGABYTE = 1024 ** 3;
const CHUNK = new Uint8Array(64 * 1024).fill(0x61);

test("a 1 GB chunked POST to /connexion gets a 413 page in French at once, and the server keeps serving", async () => {
  let sent = 0;
  let answered = false;
  // The body is made as it is pulled, and no more is made once the answer has come.
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (answered || sent >= GIGABYTE) return controller.close();
        if (sent === 0) {
          const head = new TextEncoder().encode("email=quelqu-un%40example.test&password=");
          sent += head.byteLength;
          return controller.enqueue(head);
        }
        sent += CHUNK.byteLength;
        controller.enqueue(CHUNK);
      },
    },
    { highWaterMark: 0 },
  );
  const response = await fetch(`${server.url}/connexion`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "fr" },
    duplex: "half",
    signal: AbortSignal.timeout(60_000),
  } as RequestInit);
  answered = true;
  const page = await response.text();
  expect(response.status).toBe(413);
  expect(page).toContain("Votre envoi est trop volumineux (64 Ko au plus) : rien n&#x27;a été enregistré.");
  expect(page).toMatch(/<h1[^>]*>Envoi trop volumineux<\/h1>/);
  // The server read on no further than its bound and the socket buffers: far from the gigabyte.
  expect(sent).toBeLessThan(64 * 1024 * 1024);

  const login = await fetch(`${server.url}/connexion`);
  expect(login.status).toBe(200);
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
});

test("a POST to /connexion declaring 1 GB is refused 413 before its body is read, and its connection is closed", async () => {
  const answer = await new Promise<{ status: number; connection: string | undefined; page: string }>((resolve, reject) => {
    const request = http.request(`${server.url}/connexion`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(GIGABYTE), "accept-language": "en" },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      let page = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (page += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, page }));
      response.on("error", reject);
    });
    // Only the start of the announced gigabyte is ever written.
    request.write("email=someone%40example.test&password=");
  });
  expect(answer.status).toBe(413);
  expect(answer.connection).toBe("close");
  expect(answer.page).toContain("What you sent is too large (64 KB at most): nothing was saved.");
  expect((await fetch(`${server.url}/connexion`)).status).toBe(200);
});
