import { createHash, createHmac, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
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
});

export type S3Config = z.infer<typeof s3Schema>;

/**
 * An S3-compatible bucket (AWS, Scaleway, OVH, MinIO…) through plain HTTPS requests signed with
 * AWS Signature V4 — three calls do not justify the AWS SDK. Servers behind a load balancer use
 * this so that every process sees every file.
 */
export function s3Storage(config: S3Config, fetchImpl: typeof fetch = fetch): Storage {
  const endpoint = config.STORAGE_S3_ENDPOINT.replace(/\/+$/, "");
  const request = async (method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array, contentType?: string) => {
    assertStorageKey(key);
    const url = new URL(`${endpoint}/${encodeURIComponent(config.STORAGE_S3_BUCKET)}/${key}`);
    // host is signed, but fetch writes it itself (from the same URL): it may not be set by hand.
    const { host: _host, ...headers } = signV4({ config, method, url, payload: body ?? new Uint8Array(), now: new Date() });
    if (contentType) headers["content-type"] = contentType;
    return fetchImpl(url, { method, headers, body: body ? Buffer.from(body) : undefined });
  };
  return {
    async put(key, bytes, contentType) {
      const response = await request("PUT", key, bytes, contentType);
      if (!response.ok) throw new Error(`S3 PUT ${key} : ${response.status}`);
    },
    async get(key) {
      const response = await request("GET", key);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`S3 GET ${key} : ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await request("DELETE", key);
      if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} : ${response.status}`);
    },
  };
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

/** The headers of an AWS Signature V4 request (host, date, payload hash, authorization). */
export function signV4(options: {
  config: S3Config;
  method: string;
  url: URL;
  payload: Uint8Array;
  now: Date;
  /** More headers to sign and send (lower-case names), e.g. range. */
  headers?: Record<string, string>;
}): Record<string, string> {
  const { config, method, url, payload, now } = options;
  const amzDate = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256Hex(payload);
  const headers: Record<string, string> = { ...options.headers, host: url.host, "x-amz-content-sha256": payloadHash, "x-amz-date": amzDate };
  const signedHeaders = Object.keys(headers).sort();
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${headers[name]}\n`).join("");
  const canonicalRequest = [method, url.pathname, url.searchParams.toString(), canonicalHeaders, signedHeaders.join(";"), payloadHash].join("\n");
  const scope = `${day}/${config.STORAGE_S3_REGION}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${config.STORAGE_S3_SECRET_ACCESS_KEY}`, day), config.STORAGE_S3_REGION), "s3"), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${config.STORAGE_S3_ACCESS_KEY_ID}/${scope}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`,
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
