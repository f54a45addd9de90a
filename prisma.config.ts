import { defineConfig } from "prisma/config";

// The URL is only needed by Prisma's CLI commands that talk to a database; the app itself builds
// its connection in app/db.server.ts (embedded PostgreSQL when DATABASE_URL is absent).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:54329/terre_et_mer" },
});
