import type { AppLoadContext } from "@remix-run/node";
import { env } from "~/env.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the HTTP server saw it (scripts/server.ts), for rate limits. */
    clientAddress?: string;
  }
}

export function clientAddress(context: AppLoadContext | undefined): string {
  return context?.clientAddress ?? "unknown";
}

export function appUrl(): string {
  return env().APP_URL;
}
