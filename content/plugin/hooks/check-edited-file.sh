#!/usr/bin/env bash
# PostToolUse hook: run the repository's scripts/no-excuse on the file the agent just edited.
# Exit 2 with the findings on stderr makes Claude Code show them to the agent at once.
# Anything that keeps the check from running (no path, no file, no checker) exits 0 with a note:
# a missing tool must never block editing.
set -u

note() {
  printf 'litclaude hook: %s\n' "$1"
  exit 0
}

# Decodes the JSON string escapes of one extracted value (paths rarely have any).
json_unescape() {
  local s=$1 out='' c i=0 n=${#1}
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
file=$(json_unescape "${BASH_REMATCH[1]}")
[[ -n $file ]] || note "empty file_path; nothing checked"

project=${CLAUDE_PROJECT_DIR:-}
if [[ -z $project ]]; then
  cwd_pattern='"cwd"[[:space:]]*:[[:space:]]*"(([^"\\]|\\.)*)"'
  if [[ $payload =~ $cwd_pattern ]]; then project=$(json_unescape "${BASH_REMATCH[1]}"); else project=$PWD; fi
fi

[[ $project == / ]] || project=${project%/}
[[ $file == /* ]] || file="$project/$file"
[[ -f $file ]] || note "$file does not exist; nothing checked"
case $file in
  "$project"/*) rel=${file#"$project"/} ;;
  *) note "$file is outside the project; nothing checked" ;;
esac
[[ $rel == -* ]] && rel="./$rel"

checker="$project/scripts/no-excuse"
[[ -x $checker ]] || note "no executable scripts/no-excuse in $project; nothing checked"

cd "$project" || note "cannot enter $project; nothing checked"
findings=$("$checker" "$rel" 2>&1)
status=$?
case $status in
  0) exit 0 ;;
  1)
    {
      printf 'scripts/no-excuse found problems in %s. Fix them now (see the litclaude programming skill):\n' "$rel"
      printf '%s\n' "$findings"
    } >&2
    exit 2
    ;;
  *) note "scripts/no-excuse exited $status on $rel: ${findings:0:400}" ;;
esac
