import { goLanguage } from "./go.js";
import { pythonLanguage } from "./python.js";
import { rustLanguage } from "./rust.js";
import { tsLanguage } from "./ts.js";
import type { LanguageId, LanguageModule } from "./types.js";

const LANGUAGES: Readonly<Record<LanguageId, LanguageModule>> = {
  go: goLanguage,
  python: pythonLanguage,
  rust: rustLanguage,
  ts: tsLanguage,
};

export function languageModule(id: LanguageId): LanguageModule {
  return LANGUAGES[id];
}
