import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { assertStorageKey, localStorage, newStorageKey, s3Storage, signV4, type S3Config } from "~/infra/storage.server";

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

const config: S3Config = {
  STORAGE_S3_ENDPOINT: "https://examplebucket.s3.amazonaws.com",
  STORAGE_S3_BUCKET: "examplebucket",
  STORAGE_S3_REGION: "us-east-1",
  STORAGE_S3_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  STORAGE_S3_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

test("requests are signed as AWS documents it (Signature V4, GET Object example)", () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html — "GET Object".
  const headers = signV4({
    config,
    method: "GET",
    url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
    payload: new Uint8Array(),
    now: new Date("2013-05-24T00:00:00Z"),
    headers: { range: "bytes=0-9" },
  });
  expect(headers.authorization).toBe(
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
  );
});

test("the S3 storage speaks path-style requests: PUT with the bytes, GET, 404 as nothing, DELETE", async () => {
  const objects = new Map<string, Uint8Array>();
  const seen: string[] = [];
  const fakeS3: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    seen.push(`${init?.method} ${url.pathname} ${headers.get("authorization")?.startsWith("AWS4-HMAC-SHA256 Credential=") ? "signed" : "unsigned"}`);
    if (init?.method === "PUT") {
      objects.set(url.pathname, new Uint8Array(init.body as Buffer));
      return new Response(null, { status: 200 });
    }
    if (init?.method === "DELETE") {
      objects.delete(url.pathname);
      return new Response(null, { status: 204 });
    }
    const object = objects.get(url.pathname);
    return object ? new Response(Buffer.from(object)) : new Response("NoSuchKey", { status: 404 });
  };
  const store = s3Storage({ ...config, STORAGE_S3_ENDPOINT: "http://minio.test:9000/" }, fakeS3);
  await store.put("photos/abc.webp", new Uint8Array([9, 8, 7]), "image/webp");
  expect(await store.get("photos/abc.webp")).toEqual(new Uint8Array([9, 8, 7]));
  await store.delete("photos/abc.webp");
  expect(await store.get("photos/abc.webp")).toBeNull();
  expect(seen).toEqual([
    "PUT /examplebucket/photos/abc.webp signed",
    "GET /examplebucket/photos/abc.webp signed",
    "DELETE /examplebucket/photos/abc.webp signed",
    "GET /examplebucket/photos/abc.webp signed",
  ]);
  await expect(store.get("../secret")).rejects.toThrow();
});
