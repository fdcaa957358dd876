#!/usr/bin/env bash
# PostToolUse hook: run the repository's scripts/no-excuse on the file the agent just edited.
# Exit 2 with the findings on stderr makes Claude Code show them to the agent at once; so does
# a checker that fails (exit 2 and up: a toolchain upgrade, a file it cannot parse), since the
# gate cannot pass until that is fixed. A file the check does not apply to (no path, no such
# file, outside the project, no checker in the repo) exits 0 with a note.
set -u

# No file name is longer than PATH_MAX; a longer value is not decoded (that alone took seconds).
MAX_PATH=4096

note() {
  printf 'litclaude hook: %s\n' "$1"
  exit 0
}

# Decodes the JSON string escapes of one extracted value (paths rarely have any).
json_unescape() {
  local s=$1 out='' c i=0 n=${#1}
  if [[ $s != *\\* ]]; then
    printf '%s' "$s"
    return
  fi
  while ((i < n)); do
    c=${s:i:1}
    if [[ $c == "\\" && $((i + 1)) -lt $n ]]; then
      i=$((i + 1))
      c=${s:i:1}
      case $c in
        n) c=$'\n' ;;
        t) c=$'\t' ;;
        r) c=$'\r' ;;
        b) c=$'\b' ;;
        f) c=$'\f' ;;
        u)
          printf -v c '%b' "\\u${s:i+1:4}"
          i=$((i + 4))
          ;;
      esac
    fi
    out+=$c
    i=$((i + 1))
  done
  printf '%s' "$out"
}

payload=$(cat)

# The key "file_path" followed by a colon can only be a real key: inside a JSON string its
# quotes would be escaped. The first one is tool_input.file_path.
pattern='"file_path"[[:space:]]*:[[:space:]]*"(([^"\\]|\\.)*)"'
[[ $payload =~ $pattern ]] || note "no tool_input.file_path in the hook input; nothing checked"
raw=${BASH_REMATCH[1]}
((${#raw} <= MAX_PATH)) || note "file_path is longer than $MAX_PATH characters; nothing checked"
file=$(json_unescape "$raw")
[[ -n $file ]] || note "empty file_path; nothing checked"

cwd=$PWD
cwd_pattern='"cwd"[[:space:]]*:[[:space:]]*"(([^"\\]|\\.)*)"'
if [[ $payload =~ $cwd_pattern ]] && ((${#BASH_REMATCH[1]} <= MAX_PATH)); then
  cwd=$(json_unescape "${BASH_REMATCH[1]}")
fi
project=${CLAUDE_PROJECT_DIR:-$cwd}
[[ $project == /* ]] || project="$cwd/$project"

# Both paths canonical (symlinks resolved, no . or .. left), so that "inside the project" is a
# plain prefix test: proj/../outside.ts is outside, a symlinked project dir is the same project.
project=$(cd "$project" 2>/dev/null && pwd -P) || note "cannot enter the project dir ${CLAUDE_PROJECT_DIR:-$cwd}; nothing checked"
[[ $file == /* ]] || file="$project/$file"
[[ -f $file ]] || note "$file does not exist; nothing checked"
dir=$(cd "$(dirname "$file")" 2>/dev/null && pwd -P) || note "cannot enter the folder of $file; nothing checked"
file="${dir%/}/$(basename "$file")"
base=${project%/}
case $file in
  "$base"/*) rel=${file#"$base"/} ;;
  *) note "$file is outside the project $project; nothing checked" ;;
esac
[[ $rel == -* ]] && rel="./$rel"

checker="$base/scripts/no-excuse"
[[ -x $checker ]] || note "no executable scripts/no-excuse in $project; nothing checked"

cd "$project" || note "cannot enter $project; nothing checked"
# Below hooks.json's 90 s, so that a checker that hangs is reported instead of killed unseen.
limit=${LITCLAUDE_HOOK_CHECK_SECONDS:-75}
if command -v timeout >/dev/null 2>&1; then
  findings=$(timeout "$limit" "$checker" "$rel" 2>&1)
  status=$?
else
  findings=$("$checker" "$rel" 2>&1)
  status=$?
fi
((status == 124)) && findings="it did not finish within $limit seconds. $findings"
case $status in
  0) exit 0 ;;
  1)
    {
      printf 'scripts/no-excuse found problems in %s. Fix them now (see the litclaude programming skill):\n' "$rel"
      printf '%s\n' "$findings"
    } >&2
    exit 2
    ;;
  *)
    {
      printf 'scripts/no-excuse could not check %s (exit %s), so scripts/check cannot pass either. ' "$rel" "$status"
      printf 'Its output:\n%s\n' "${findings:0:2000}"
      printf 'Fix the cause (a file that does not parse, a missing or upgraded toolchain: run scripts/no-excuse %s), or tell the user if it is not yours to fix.\n' "$rel"
    } >&2
    exit 2
    ;;
esac
