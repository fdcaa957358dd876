/**
 * Each no-excuse rule's violation with its one documented opt-out (content/no-excuse/python/
 * AGENTS.md), and the same comment without its reason, which must leave the gate red.
 */
export interface OptOutCase {
  readonly rule: string;
  /** A module of the package: src/<importName>/<file>. */
  readonly file: string;
  readonly excused: string;
  readonly unexplained: string;
  readonly step: "lint" | "types" | "no-excuse";
  /** Text in the red gate's output that names the rule. */
  readonly reason: string;
}

const WHY = " -- planted by the test";

function module(doc: string, body: readonly string[]): string {
  return [`"""${doc}"""`, "", ...body, ""].join("\n");
}

function both(
  rule: string,
  step: OptOutCase["step"],
  reason: string,
  build: (why: string) => string,
): OptOutCase {
  const file = `opt_out_${rule.replaceAll("-", "_")}.py`;
  return { rule, file, excused: build(WHY), unexplained: build(""), step, reason };
}

const longBody = Array.from({ length: 260 }, (_, i) => `VALUE_${String(i)} = ${String(i)}`);

export const optOutCases: readonly OptOutCase[] = [
  both("no-cast", "no-excuse", "no-cast", (why) =>
    module("A cast.", [
      "import typing",
      "",
      "",
      "def as_int(value: object) -> int:",
      '    """Claim value is an int."""',
      `    return typing.cast("int", value)  # noqa: TID251${why}`,
    ]),
  ),
  both("no-asyncio", "no-excuse", "no-asyncio", (why) =>
    module("asyncio.", [`import asyncio  # noqa: TID251${why}`, "", "RUN = asyncio.run"]),
  ),
  both("no-bare-except", "no-excuse", "no-bare-except", (why) =>
    module("A bare except.", [
      "",
      "def first(items: tuple[int, ...]) -> int:",
      '    """Return the first item, or zero."""',
      "    try:",
      "        return items[0]",
      `    except:  # noqa: E722${why}`,
      "        return 0",
    ]),
  ),
  both("no-empty-except", "no-excuse", "opt-out-needs-reason", (why) =>
    module("An empty handler.", [
      "",
      "def number(text: str) -> int:",
      '    """Return text as a number, zero when it is none."""',
      "    value = 0",
      "    try:",
      "        value = int(text)",
      `    except ValueError:  # no-excuse-ok: no-empty-except${why}`,
      "        pass",
      "    return value",
    ]),
  ),
  both("no-empty-except-exception", "no-excuse", "no-empty-except", (why) =>
    module("An empty handler of Exception.", [
      "",
      "def number(text: str) -> int:",
      '    """Return text as a number, zero when it is none."""',
      "    value = 0",
      "    try:",
      "        value = int(text)",
      `    except Exception:  # noqa: BLE001, S110${why}`,
      "        pass",
      "    return value",
    ]),
  ),
  both("no-mutable-default", "no-excuse", "no-mutable-default", (why) =>
    module("A shared default.", [
      "",
      `def add(into: list[int] = []) -> list[int]:  # noqa: B006${why}`,
      '    """Append one to into."""',
      "    into.append(1)",
      "    return into",
    ]),
  ),
  both("frozen-dataclass", "no-excuse", "opt-out-needs-reason", (why) =>
    module("A mutable dataclass.", [
      "from dataclasses import dataclass",
      "",
      "",
      `@dataclass  # no-excuse-ok: frozen-dataclass${why}`,
      "class Entry:",
      '    """One booking."""',
      "",
      "    cents: int",
    ]),
  ),
  both("no-pyright-config", "no-excuse", "no-pyright-config", (why) =>
    [
      `# no-excuse-ok: no-pyright-config${why}`,
      "# pyright: strict",
      module("A file-level pyright comment.", ["VALUE = 1"]),
    ].join("\n"),
  ),
  both("file-too-long", "no-excuse", "file-too-long", (why) =>
    [`# no-excuse-ok: file-too-long${why}`, module("A long module.", longBody)].join("\n"),
  ),
  both("type-ignore-needs-reason", "no-excuse", "type-ignore-needs-reason", (why) =>
    module("A wrong stub, worked around.", [
      `VALUE: int = "1"  # pyright: ignore[reportAssignmentType]${why}`,
    ]),
  ),
];

/** A stale opt-out: the dataclass it excused has been fixed since. */
export const staleOptOut = module("A fixed dataclass.", [
  "from dataclasses import dataclass",
  "",
  "",
  `# no-excuse-ok: frozen-dataclass${WHY}`,
  "@dataclass(frozen=True, slots=True)",
  "class Entry:",
  '    """One booking."""',
  "",
  "    cents: int",
]);

/** `Any` has no opt-out: even ruff's noqa and a no-excuse-ok with reasons leave the gate red. */
export const anyWithExcuses = module("Any, excused every way there is.", [
  `from typing import Any  # noqa: TID251${WHY}`,
  "",
  `VALUE: Any = 1  # no-excuse-ok: no-any${WHY}`,
]);
