import type { Accepted } from "../core/answers.js";
import type { ProjectFile } from "../core/files.js";
import type { Kind, Language, PluginMode } from "../core/options.js";

/** One language of the repository, as answers.json records it (or as `--lang` names it). */
export interface Unit {
  readonly lang: Language;
  /** Its folder, relative to the repository root ("." for the root). */
  readonly dir: string;
  readonly kind: Kind;
  readonly name: string;
  readonly module: string | undefined;
  readonly plugin: PluginMode;
  readonly marketplace: string | undefined;
  /**
   * How its files were laid out: `create` at the root; `adopted`, a created root project whose
   * gate a later `add` moved to `scripts/check-<lang>`; `add`, written by `add` into `dir`;
   * `detected`, no answers.json (`--lang`).
   */
  readonly origin: "create" | "adopted" | "add" | "detected";
  /** The create-litclaude version that wrote it; undefined without answers.json. */
  readonly madeWith: string | undefined;
}

/** What the tool wrote for a unit: every file, keyed by its path from the repository root. */
export type Baseline = ReadonlyMap<string, ProjectFile>;

/** One place where the repo is weaker than its baseline. */
export interface Finding {
  /** Stable across runs and line moves: what `accepted` entries in answers.json name. */
  readonly id: string;
  /** Path from the repository root. */
  readonly file: string;
  /** 1-based; 1 when the problem is the file as a whole. */
  readonly line: number;
  readonly baseline: string;
  readonly current: string;
  /** The exact change that restores the baseline, or `run create-litclaude update`. */
  readonly fix: string;
}

/** A finding the team accepted in answers.json, with its reason. */
export interface AcceptedFinding extends Finding {
  readonly reason: string;
}

/** One suppression comment or attribute in the code. */
export interface Suppression {
  /** `eslint-disable`, `@ts-expect-error`, `noqa`, `pyright: ignore`, `type: ignore`, `nolint`, `allow`, `expect`, `no-excuse-ok`. */
  readonly kind: string;
  /** The rules it names, comma-joined; "" when it names none (a blanket suppression). */
  readonly rules: string;
  readonly file: string;
  readonly line: number;
  /** "" when it gives none. */
  readonly reason: string;
  /** Not in the baseline's copy of the file. */
  readonly isNew: boolean;
}

/** What the checks of one unit (or of the repo as a whole) look at. */
export interface CheckContext {
  readonly unit: Unit;
  readonly baseline: Baseline;
  /** Current text of a file (path from the repository root), undefined when it is absent. */
  readonly read: (path: string) => Promise<string | undefined>;
  /** Whether the file is executable; undefined when it is absent. */
  readonly executable: (path: string) => Promise<boolean | undefined>;
  /** Every file of the repository that is not ignored, paths from its root. */
  readonly files: readonly string[];
}

export type Check = (context: CheckContext) => Promise<readonly Finding[]>;

export interface GroupReport {
  /** `ts`, `python (services/api)`, or `repo` for what the languages share (the plugin). */
  readonly label: string;
  readonly lang: Language | "repo";
  readonly dir: string;
  /** The version answers.json says wrote this language (undefined for `repo` and `--lang`). */
  readonly madeWith: string | undefined;
  /** Whether the baseline is the base snapshot (what was written) or this version's templates. */
  readonly judgedBy: "snapshot" | "templates";
  readonly findings: readonly Finding[];
  readonly accepted: readonly AcceptedFinding[];
  /** New ones first, then by file and line. */
  readonly suppressions: readonly Suppression[];
}

export interface DoctorResult {
  readonly ok: boolean;
  readonly command: "doctor";
  readonly target: string;
  /** Whether the baseline came from answers.json or from the current templates' defaults. */
  readonly baselineSource: "answers" | "defaults";
  readonly groups: readonly GroupReport[];
  /** Entries of `accepted` in answers.json that match no finding any more: safe to remove. */
  readonly staleAccepted: readonly Accepted[];
}
