/** Where a vendored plugin lives in a generated repo, and the time limits of the plugin tests. */
export const VENDORED = ".claude/skills/litclaude";
export const SCAFFOLD_TIMEOUT = 600_000;
export const CLAUDE_TIMEOUT = 60_000;
