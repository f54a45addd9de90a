import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { z } from "zod";
import { env } from "~/env.server";

/**
 * Where uploaded files live: the one way bytes are written, read and deleted. Keys are made by
 * the application (random ids), never from a file name a visitor sent. Nothing here is under
 * public/: files are served by a route that sets their type (app/routes/photos.$id.ts).
 */
export type Storage = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under that key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
};

// Lower-case ids, slashes between folders, one extension: no "..", no absolute path, no surprise.
const KEY = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*(?:\.[a-z0-9]{1,5})?$/;

export function assertStorageKey(key: string): void {
  if (key.length > 200 || !KEY.test(key)) throw new Error(`Clé de stockage refusée : ${JSON.stringify(key)}`);
}

/** A fresh key under a folder: `photos/3f2c….webp`. */
export function newStorageKey(folder: string, extension: string): string {
  const key = `${folder}/${randomUUID()}.${extension}`;
  assertStorageKey(key);
  return key;
}

/** Files in a local folder (DATA_DIR/files by default): one server, or a shared volume. */
export function localStorage(root: string): Storage {
  const resolvedRoot = path.resolve(root);
  const fileOf = (key: string) => {
    assertStorageKey(key);
    const file = path.resolve(resolvedRoot, key);
    // The key pattern already forbids it; this is the belt to its braces.
    if (!file.startsWith(resolvedRoot + path.sep)) throw new Error(`Clé de stockage hors du dossier : ${key}`);
    return file;
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written beside, then renamed: a reader never sees half a file.
      const partial = `${file}.${randomUUID()}.part`;
      await writeFile(partial, bytes);
      await rename(partial, file);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileOf(key)));
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT";
}

const s3Schema = z.object({
  /** https://s3.fr-par.scw.cloud, http://minio:9000 … (path-style addressing: endpoint/bucket/key). */
  STORAGE_S3_ENDPOINT: z.string().url(),
  STORAGE_S3_BUCKET: z.string().min(1),
  STORAGE_S3_REGION: z.string().min(1).default("us-east-1"),
  STORAGE_S3_ACCESS_KEY_ID: z.string().min(1),
  STORAGE_S3_SECRET_ACCESS_KEY: z.string().min(1),
  /** How long one call may take before it fails (a hung storage must not hang a page). */
  STORAGE_S3_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export type S3Config = z.input<typeof s3Schema>;

/**
 * An S3-compatible bucket (AWS, Scaleway, OVH, MinIO…), requests signed with AWS Signature V4 by
 * aws4fetch (docs/decisions/018-object-storage-library.md): a small, dependency-free signer over
 * the platform's fetch. The payload's SHA-256 is signed too. Every call is bounded by
 * STORAGE_S3_TIMEOUT_MS and fails with a clear error past it. Servers behind a load balancer use
 * this so that every process sees every file.
 */
export function s3Storage(input: S3Config): Storage {
  const config = s3Schema.parse(input);
  const endpoint = config.STORAGE_S3_ENDPOINT.replace(/\/+$/, "");
  // No retries inside the signer: one bounded attempt, the caller decides.
  const client = new AwsClient({
    accessKeyId: config.STORAGE_S3_ACCESS_KEY_ID,
    secretAccessKey: config.STORAGE_S3_SECRET_ACCESS_KEY,
    region: config.STORAGE_S3_REGION,
    service: "s3",
    retries: 0,
  });
  const request = async (method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array, contentType?: string): Promise<Response> => {
    assertStorageKey(key);
    const url = `${endpoint}/${encodeURIComponent(config.STORAGE_S3_BUCKET)}/${key}`;
    const headers: Record<string, string> = { "x-amz-content-sha256": createHash("sha256").update(body ?? new Uint8Array()).digest("hex") };
    if (contentType) headers["content-type"] = contentType;
    try {
      return await client.fetch(url, { method, headers, body: body ? Buffer.from(body) : undefined, signal: AbortSignal.timeout(config.STORAGE_S3_TIMEOUT_MS) });
    } catch (error) {
      if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
        throw new Error(`S3 ${method} ${key} : pas de réponse du stockage en ${config.STORAGE_S3_TIMEOUT_MS} ms`, { cause: error });
      }
      throw new Error(`S3 ${method} ${key} : stockage injoignable (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
  };
  // The body is read under the same bound as the headers: a server that stalls mid-file fails too.
  const refused = async (method: string, key: string, response: Response) =>
    new Error(`S3 ${method} ${key} : ${response.status} ${(await response.text().catch(() => "")).match(/<Code>([^<]+)<\/Code>/)?.[1] ?? ""}`.trim());
  return {
    async put(key, bytes, contentType) {
      const response = await request("PUT", key, bytes, contentType);
      if (!response.ok) throw await refused("PUT", key, response);
      await response.arrayBuffer();
    },
    async get(key) {
      const response = await request("GET", key);
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) throw await refused("GET", key, response);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await request("DELETE", key);
      if (!response.ok && response.status !== 404) throw await refused("DELETE", key, response);
      await response.arrayBuffer();
    },
  };
}

let cached: Storage | undefined;

/** The storage of this process: S3 when STORAGE_S3_* are set, else DATA_DIR/files. */
export function storage(): Storage {
  if (cached) return cached;
  const wantsS3 = Object.keys(process.env).some((name) => name.startsWith("STORAGE_S3_"));
  if (wantsS3) {
    const parsed = s3Schema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Configuration invalide : ${parsed.error.issues.map((issue) => issue.path.join(".")).join(", ")}`);
    cached = s3Storage(parsed.data);
  } else {
    cached = localStorage(path.join(env().DATA_DIR, "files"));
  }
  return cached;
}
