import * as z from "zod/mini";
import { manifestSchema } from "./manifest-schema.js";

/**
 * The JSON Schema shipped as schema/litclaude.template.schema.json, made from the zod schema
 * the tool validates with, so the two cannot drift (test/unit/template-schema.test.ts).
 */
export function manifestJsonSchema(): Readonly<Record<string, unknown>> {
  return {
    ...z.toJSONSchema(manifestSchema),
    title: "create-litclaude team template manifest (litclaude.template.json)",
  };
}
