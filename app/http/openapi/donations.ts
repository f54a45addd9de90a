import type { OpenApiPart } from "~/http/openapi/parts";

/** The donations part of the /api/v1 OpenAPI document (merged by app/http/openapi.ts). */
export const donationsApi: OpenApiPart = { schemas: {}, paths: {} };
