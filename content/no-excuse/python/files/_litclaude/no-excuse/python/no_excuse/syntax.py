"""The rules that read the syntax tree: Any, cast, asyncio, except, defaults."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from no_excuse.model import RULES, Finding

_TYPING = frozenset({"typing", "typing_extensions"})
_MUTABLE_CALLS = frozenset(
    {
        "list",
        "dict",
        "set",
        "bytearray",
        "defaultdict",
        "deque",
        "OrderedDict",
        "Counter",
    }
)
_MUTABLE_LITERALS = (
    ast.List,
    ast.Dict,
    ast.Set,
    ast.ListComp,
    ast.DictComp,
    ast.SetComp,
)
_Function = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


@dataclass(frozen=True, slots=True)
class _Names:
    """Local names bound to typing, typing.Any and typing.cast by the imports."""

    typing: set[str] = field(default_factory=lambda: set(_TYPING))
    any: set[str] = field(default_factory=set[str])
    cast: set[str] = field(default_factory=set[str])


_Located = ast.expr | ast.stmt | ast.alias | ast.excepthandler


def _at(node: _Located, rule: str) -> Finding:
    return Finding(node.lineno, node.col_offset + 1, rule, RULES[rule])


def _import(node: ast.Import, names: _Names) -> list[Finding]:
    found: list[Finding] = []
    for alias in node.names:
        if alias.name in _TYPING:
            names.typing.add(alias.asname or alias.name)
        if alias.name.split(".")[0] == "asyncio":
            found.append(_at(alias, "no-asyncio"))
    return found


def _import_from(node: ast.ImportFrom, names: _Names) -> list[Finding]:
    module = node.module or ""
    if node.level != 0:
        return []
    if module.split(".")[0] == "asyncio":
        return [_at(node, "no-asyncio")]
    if module not in _TYPING:
        return []
    found: list[Finding] = []
    for alias in node.names:
        if alias.name == "Any":
            names.any.add(alias.asname or alias.name)
            found.append(_at(alias, "no-any"))
        elif alias.name == "cast":
            names.cast.add(alias.asname or alias.name)
    return found


def _imports(nodes: list[ast.AST], names: _Names) -> list[Finding]:
    found: list[Finding] = []
    for node in nodes:
        if isinstance(node, ast.Import):
            found.extend(_import(node, names))
        elif isinstance(node, ast.ImportFrom):
            found.extend(_import_from(node, names))
    return found


def _typing_attr(node: ast.Attribute, names: _Names) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id in names.typing


def _references(nodes: list[ast.AST], names: _Names) -> list[Finding]:
    found: list[Finding] = []
    for node in nodes:
        if isinstance(node, ast.Name):
            if node.id in names.any:
                found.append(_at(node, "no-any"))
            elif node.id in names.cast:
                found.append(_at(node, "no-cast"))
        elif isinstance(node, ast.Attribute) and _typing_attr(node, names):
            if node.attr == "Any":
                found.append(_at(node, "no-any"))
            elif node.attr == "cast":
                found.append(_at(node, "no-cast"))
    return found


def _annotation(node: ast.expr | None) -> list[Finding]:
    """Flag the name Any in an annotation even when it was not imported from typing."""
    if node is None or (
        isinstance(node, ast.Subscript) and _last_name(node.value) == "Literal"
    ):
        return []
    if isinstance(node, ast.Name):
        return [_at(node, "no-any")] if node.id == "Any" else []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _string_annotation(node, node.value)
    found: list[Finding] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.expr):
            found.extend(_annotation(child))
    return found


def _string_annotation(node: ast.Constant, text: str) -> list[Finding]:
    try:
        parsed = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, RecursionError, ValueError):
        return []
    return [_at(node, f.rule) for f in _annotation(parsed.body)]


def _annotations(nodes: list[ast.AST]) -> list[Finding]:
    found: list[Finding] = []
    for node in nodes:
        if isinstance(node, ast.AnnAssign | ast.arg):
            found.extend(_annotation(node.annotation))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.extend(_annotation(node.returns))
    return found


def _last_name(node: ast.expr) -> str:
    """Give `deque` for both `deque` and `collections.deque`."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _is_mutable(default: ast.expr) -> bool:
    if isinstance(default, _MUTABLE_LITERALS):
        return True
    if not isinstance(default, ast.Call):
        return False
    return _last_name(default.func) in _MUTABLE_CALLS


def _defaults(function: _Function) -> list[Finding]:
    defaults = [*function.args.defaults, *function.args.kw_defaults]
    return [
        _at(default, "no-mutable-default")
        for default in defaults
        if default is not None and _is_mutable(default)
    ]


def _is_empty(body: list[ast.stmt]) -> bool:
    return all(
        isinstance(stmt, ast.Pass)
        or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
        for stmt in body
    )


def _handler(handler: ast.ExceptHandler) -> list[Finding]:
    found: list[Finding] = []
    if handler.type is None:
        found.append(_at(handler, "no-bare-except"))
    if _is_empty(handler.body):
        found.append(_at(handler, "no-empty-except"))
    return found


_REQUIRED = ("frozen", "slots")


def _missing(decorator: ast.expr) -> list[str]:
    """List what a dataclass decorator lacks of frozen=True and slots=True."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if _last_name(target) != "dataclass":
        return []
    keywords = decorator.keywords if isinstance(decorator, ast.Call) else []
    given = {
        keyword.arg
        for keyword in keywords
        if isinstance(keyword.value, ast.Constant) and keyword.value.value is True
    }
    return [f"{name}=True" for name in _REQUIRED if name not in given]


def _dataclass(node: ast.ClassDef) -> list[Finding]:
    found: list[Finding] = []
    for decorator in node.decorator_list:
        if missing := _missing(decorator):
            message = f"a domain dataclass needs {' and '.join(missing)}"
            line, column = decorator.lineno, decorator.col_offset + 1
            found.append(Finding(line, column, "frozen-dataclass", message))
    return found


def check_syntax(tree: ast.Module, *, is_test: bool) -> list[Finding]:
    """Run every syntax rule over one parsed module."""
    names = _Names()
    nodes = list(ast.walk(tree))
    found = _imports(nodes, names)
    found.extend(_references(nodes, names))
    found.extend(_annotations(nodes))
    for node in nodes:
        if isinstance(node, _Function):
            found.extend(_defaults(node))
        elif isinstance(node, ast.ExceptHandler):
            found.extend(_handler(node))
        elif isinstance(node, ast.ClassDef) and not is_test:
            found.extend(_dataclass(node))
    return found
