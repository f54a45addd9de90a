import { failOnUnexpectedConsoleError } from "../setup/fail-on-console-error";

// The server runs in child processes; these tests only talk to it and read the database.
process.env.NODE_ENV = "test";

// As in the integration suite.
failOnUnexpectedConsoleError();
