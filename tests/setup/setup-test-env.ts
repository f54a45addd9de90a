import { inject } from "vitest";
import { failOnUnexpectedConsoleError } from "./fail-on-console-error";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NODE_ENV = "test";
process.env.DATABASE_POOL_SIZE ??= "20";

failOnUnexpectedConsoleError();
