import { z } from "zod";

/** The shape `scripts/no-excuse --json` prints, checked rather than assumed. */
const reportSchema = z.strictObject({
  files: z.number().int().nonnegative(),
  findings: z.array(
    z.strictObject({
      path: z.string(),
      line: z.number().int().positive(),
      column: z.number().int().positive(),
      rule: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      message: z.string().min(1),
    }),
  ),
});

export type Report = z.infer<typeof reportSchema>;

export function parseReport(stdout: string): Report {
  return reportSchema.parse(JSON.parse(stdout));
}
