import type { OpenApiPart } from "~/http/openapi/parts";

/** The part of the /api/v1 OpenAPI document this area adds (merged by app/http/openapi.ts). */
export const preparationApi: OpenApiPart = { schemas: {}, paths: {} };
