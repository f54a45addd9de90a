import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { AwsV4Signer } from "aws4fetch";
import S3rver from "s3rver";
import { freePort } from "~/infra/free-port.server";
import { assertStorageKey, localStorage, newStorageKey, s3Storage, type S3Config } from "~/infra/storage.server";

const root = mkdtempSync(path.join(tmpdir(), "terre-et-mer-storage-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the local storage puts, gets and deletes under its folder", async () => {
  const store = localStorage(root);
  const key = newStorageKey("photos", "webp");
  expect(key).toMatch(/^photos\/[0-9a-f-]{36}\.webp$/);
  await store.put(key, new Uint8Array([1, 2, 3]), "image/webp");
  expect(await store.get(key)).toEqual(new Uint8Array([1, 2, 3]));
  await store.delete(key);
  expect(await store.get(key)).toBeNull();
  await store.delete(key);
});

test("keys that could leave the folder are refused before any file is touched", async () => {
  const store = localStorage(root);
  for (const key of ["../evil", "/etc/passwd", "photos/../../evil", "photos//x", "Photos/X.JPG", "a\\b", "", "x".repeat(201), "photos/.hidden"]) {
    expect(() => assertStorageKey(key)).toThrow();
    await expect(store.put(key, new Uint8Array([1]), "image/webp")).rejects.toThrow();
    await expect(store.get(key)).rejects.toThrow();
  }
});

// ───────────────────────── S3, against a real S3-compatible server ─────────────────────────

/**
 * s3rver speaks S3 over HTTP and stores in a folder, but it does not check Signature V4 (its
 * lib/middleware/authentication.js: "Signature version 4 calculation is unimplemented"; it only
 * looks the access key up). So the test puts a gate in front of it that does what S3 does:
 * recompute the request's signature with the server's own secret and refuse a mismatch with 403
 * SignatureDoesNotMatch. The storage under test talks to the gate.
 */
const ACCESS_KEY = "S3RVER"; // the one account s3rver knows
const SECRET = "S3RVER";

async function s3Server() {
  const directory = mkdtempSync(path.join(tmpdir(), "terre-et-mer-s3-"));
  const s3 = new S3rver({ address: "127.0.0.1", port: await freePort(), silent: true, directory, configureBuckets: [{ name: "photos-test" }] });
  const { port: s3Port } = await s3.run();
  const gate = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
    if (!(await signatureMatches(request.method ?? "GET", `http://${request.headers.host}${request.url}`, headers, body))) {
      response.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    headers.delete("host");
    const answer = await fetch(`http://127.0.0.1:${s3Port}${request.url}`, { method: request.method, headers, body: body.length > 0 ? body : undefined });
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/octet-stream" }).end(Buffer.from(await answer.arrayBuffer()));
  });
  const gatePort = await freePort();
  await new Promise<void>((resolve) => gate.listen(gatePort, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${gatePort}`,
    async close() {
      await new Promise((resolve) => gate.close(resolve));
      await s3.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** What S3 does with a signed request: the same canonical request, signed with the server's secret, must give the same signature; the payload must hash to what was signed. */
async function signatureMatches(method: string, url: string, headers: Headers, body: Buffer): Promise<boolean> {
  const authorization = headers.get("authorization") ?? "";
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match || match[1] !== ACCESS_KEY) return false;
  const payloadHash = headers.get("x-amz-content-sha256");
  if (payloadHash !== createHash("sha256").update(body).digest("hex")) return false;
  const signed = new Headers();
  for (const name of match[3]!.split(";")) if (name !== "host") signed.set(name, headers.get(name) ?? "");
  const signer = new AwsV4Signer({ method, url, headers: signed, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, service: "s3", region: match[2], datetime: headers.get("x-amz-date") ?? "" });
  const expected = (await signer.sign()).headers.get("authorization");
  return expected === authorization;
}

function s3Config(endpoint: string, secret = SECRET): S3Config {
  return { STORAGE_S3_ENDPOINT: endpoint, STORAGE_S3_BUCKET: "photos-test", STORAGE_S3_REGION: "us-east-1", STORAGE_S3_ACCESS_KEY_ID: ACCESS_KEY, STORAGE_S3_SECRET_ACCESS_KEY: secret };
}

test("the signing library signs as AWS documents it (Signature V4, GET Object example)", async () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html — "GET Object".
  const signer = new AwsV4Signer({
    method: "GET",
    url: "https://examplebucket.s3.amazonaws.com/test.txt",
    headers: { range: "bytes=0-9", "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    service: "s3",
    region: "us-east-1",
    datetime: "20130524T000000Z",
    // aws4fetch leaves range out of the signature by default; the AWS example signs it.
    allHeaders: true,
  });
  expect((await signer.sign()).headers.get("authorization")).toBe(
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41".replaceAll(",", ", "),
  );
});

test("the S3 storage puts, gets and deletes on a real S3 server; a missing key is nothing; a wrong secret is refused", async () => {
  const server = await s3Server();
  try {
    const store = s3Storage(s3Config(server.endpoint));
    const key = newStorageKey("photos", "webp");
    await store.put(key, new Uint8Array([9, 8, 7]), "image/webp");
    expect(await store.get(key)).toEqual(new Uint8Array([9, 8, 7]));
    expect(await store.get(newStorageKey("photos", "webp"))).toBeNull();
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);

    await store.put(key, new Uint8Array([1]), "image/webp");
    const intruder = s3Storage(s3Config(server.endpoint, "pas-le-bon-secret"));
    await expect(intruder.get(key)).rejects.toThrow("S3 GET photos/");
    await expect(intruder.get(key)).rejects.toThrow("403 SignatureDoesNotMatch");
    await expect(intruder.put(key, new Uint8Array([6, 6, 6]), "image/webp")).rejects.toThrow("403 SignatureDoesNotMatch");
    await expect(intruder.delete(key)).rejects.toThrow("403 SignatureDoesNotMatch");
    expect(await store.get(key)).toEqual(new Uint8Array([1]));
    await expect(store.get("../secret")).rejects.toThrow();
  } finally {
    await server.close();
  }
});

test("a storage server that accepts the connection and never answers gives a clear error within the configured bound", async () => {
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => sockets.add(socket));
  const port = await freePort();
  await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
  try {
    const store = s3Storage({ ...s3Config(`http://127.0.0.1:${port}`), STORAGE_S3_TIMEOUT_MS: 300 });
    await expect(store.get("photos/abc.webp")).rejects.toThrow("S3 GET photos/abc.webp : pas de réponse du stockage en 300 ms");
    await expect(store.put("photos/abc.webp", new Uint8Array([1]), "image/webp")).rejects.toThrow("pas de réponse du stockage en 300 ms");
    await expect(store.delete("photos/abc.webp")).rejects.toThrow("pas de réponse du stockage en 300 ms");
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});
