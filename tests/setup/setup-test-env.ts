import { inject } from "vitest";
import { failOnUnexpectedConsoleError } from "./fail-on-console-error";
// Pages render with their group's dictionary, held as the server holds it (docs/decisions/025).
import "~/i18n/dictionaries.server";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NODE_ENV = "test";
process.env.DATABASE_POOL_SIZE ??= "20";

failOnUnexpectedConsoleError();
