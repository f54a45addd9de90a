import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/** A piece of the OpenAPI document: component schemas and paths, merged by app/http/openapi.ts. */
export type OpenApiPart = { schemas: Record<string, JsonSchema>; paths: Record<string, JsonSchema> };

export function schema(type: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, unrepresentable: "any", target: "openapi-3.0" }) as JsonSchema;
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (content: JsonSchema) => ({ "application/json": { schema: content } });
export const error = (description: string) => ({ description, content: json(ref("Error")) });
