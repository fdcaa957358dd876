import { join } from "node:path";
import { tempDir } from "./support.js";

/** An environment where git finds no identity: no global or system config, no author variables. */
export async function noGitIdentity(): Promise<Readonly<Record<string, string>>> {
  const home = await tempDir("litclaude-home-");
  return {
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: join(home, "no-gitconfig"),
    GIT_AUTHOR_NAME: "",
    GIT_AUTHOR_EMAIL: "",
    GIT_COMMITTER_NAME: "",
    GIT_COMMITTER_EMAIL: "",
    EMAIL: "",
  };
}
