// @ts-check
// The rules that read the syntax tree: any, as, !, enum, throw, export let, catch.
import { RULES, nativeRule } from "./model.mjs";

/** @typedef {typeof import("typescript")} TS */
/** @typedef {import("typescript").Node} Node */
/** @typedef {import("./model.mjs").Finding} Finding */

/**
 * Visits root and what is below it, depth first, with its own stack (deeply nested code cannot
 * exhaust the call stack); visit returns false to skip a node's children.
 * @param {TS} ts
 * @param {Node} root
 * @param {(node: Node) => boolean} visit
 */
export function walkTree(ts, root, visit) {
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!visit(node)) continue;
    /** @type {Node[]} */
    const children = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    stack.push(...children.reverse());
  }
}

/**
 * @param {TS} ts
 * @param {Node} node
 */
function unwrap(ts, node) {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/**
 * A thrown value that is plainly not an Error: a literal, an object or array shape,
 * a function. Identifiers and calls need types; typescript-eslint's only-throw-error has them.
 * @param {TS} ts
 * @param {Node} thrown
 * @returns {boolean}
 */
function notAnError(ts, thrown) {
  const k = ts.SyntaxKind;
  // A long string concatenation is a deep tree: take its operands from a stack.
  const operands = [unwrap(ts, thrown)];
  for (let node = operands.pop(); node !== undefined; node = operands.pop()) {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === k.PlusToken) {
      operands.push(unwrap(ts, node.left), unwrap(ts, node.right));
    } else if (plainValue(ts, node)) return true;
  }
  return false;
}

/**
 * @param {TS} ts
 * @param {Node} node
 */
function plainValue(ts, node) {
  const k = ts.SyntaxKind;
  const plain = [
    k.StringLiteral,
    k.NoSubstitutionTemplateLiteral,
    k.TemplateExpression,
    k.NumericLiteral,
    k.BigIntLiteral,
    k.ObjectLiteralExpression,
    k.ArrayLiteralExpression,
    k.NullKeyword,
    k.TrueKeyword,
    k.FalseKeyword,
    k.VoidExpression,
    k.ArrowFunction,
    k.FunctionExpression,
    k.PrefixUnaryExpression,
  ];
  if (plain.includes(node.kind)) return true;
  return ts.isIdentifier(node) && node.text === "undefined";
}

/**
 * @param {TS} ts
 * @param {Node} node
 * @param {string} name the catch variable
 */
function narrows(ts, node, name) {
  /** @param {Node} n */
  const isName = (n) => {
    const inner = unwrap(ts, n);
    return ts.isIdentifier(inner) && inner.text === name;
  };
  const k = ts.SyntaxKind;
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    return (
      (op === k.InstanceOfKeyword && isName(node.left)) ||
      (op === k.InKeyword && isName(node.right))
    );
  }
  if (ts.isTypeOfExpression(node)) return isName(node.expression);
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  const calleeName = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
  return /^(is|assert)([A-Z_]|$)/.test(calleeName) && node.arguments.some(isName);
}

/**
 * True when the catch block rethrows or narrows the caught value (outside nested functions).
 * @param {TS} ts
 * @param {import("typescript").CatchClause} clause
 */
function handles(ts, clause) {
  const binding = clause.variableDeclaration?.name;
  const name = binding !== undefined && ts.isIdentifier(binding) ? binding.text : undefined;
  let found = false;
  walkTree(ts, clause.block, (node) => {
    if (found || (node !== clause.block && ts.isFunctionLike(node))) return false;
    found = ts.isThrowStatement(node) || (name !== undefined && narrows(ts, node, name));
    return !found;
  });
  return found;
}

/**
 * @param {TS} ts
 * @param {import("typescript").VariableStatement} node
 */
function mutableExport(ts, node) {
  const exported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) === true;
  return exported && (node.declarationList.flags & ts.NodeFlags.Constant) === 0;
}

/**
 * @param {TS} ts
 * @param {import("typescript").SourceFile} file
 */
function mutableTopLevelNames(ts, file) {
  /** @type {Set<string>} */
  const names = new Set();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if ((statement.declarationList.flags & ts.NodeFlags.Constant) !== 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    }
  }
  return names;
}

/**
 * The rule one node breaks, if any (a node breaks at most one of these).
 * @param {TS} ts
 * @param {Node} node
 * @param {Set<string>} mutableNames
 * @returns {string | undefined}
 */
function ruleFor(ts, node, mutableNames) {
  const k = ts.SyntaxKind;
  if (node.kind === k.AnyKeyword) return "no-any";
  if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
    return ts.isConstTypeReference(node.type) ? undefined : "no-cast";
  }
  if (ts.isNonNullExpression(node)) return "no-non-null";
  if (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) {
    return node.exclamationToken === undefined ? undefined : "no-non-null";
  }
  if (ts.isEnumDeclaration(node)) return "no-enum";
  if (ts.isThrowStatement(node)) return notAnError(ts, node.expression) ? "throw-error" : undefined;
  if (ts.isVariableStatement(node)) return mutableExport(ts, node) ? "no-export-let" : undefined;
  if (ts.isExportSpecifier(node) && node.parent.parent.moduleSpecifier === undefined) {
    const local = (node.propertyName ?? node.name).getText();
    return mutableNames.has(local) ? "no-export-let" : undefined;
  }
  if (ts.isCatchClause(node)) {
    if (node.block.statements.length === 0) return "no-empty-catch";
    return handles(ts, node) ? undefined : "catch-must-narrow";
  }
  return undefined;
}

/**
 * Runs every syntax rule over one parsed file.
 * @param {TS} ts
 * @param {import("typescript").SourceFile} file
 * @returns {Finding[]}
 */
export function checkSyntax(ts, file) {
  /** @type {Finding[]} */
  const found = [];
  const mutableNames = mutableTopLevelNames(ts, file);
  const k = ts.SyntaxKind;
  // Only these kinds can break a rule; skipping the rest keeps the walk cheap.
  const kinds = new Set([
    k.AnyKeyword,
    k.AsExpression,
    k.TypeAssertionExpression,
    k.NonNullExpression,
    k.VariableDeclaration,
    k.PropertyDeclaration,
    k.EnumDeclaration,
    k.ThrowStatement,
    k.VariableStatement,
    k.ExportSpecifier,
    k.CatchClause,
  ]);
  /** @param {number} pos */
  const lineOf = (pos) => file.getLineAndCharacterOfPosition(pos).line + 1;
  walkTree(ts, file, (node) => {
    const rule = kinds.has(node.kind) ? ruleFor(ts, node, mutableNames) : undefined;
    if (rule === undefined) return true;
    const at = file.getLineAndCharacterOfPosition(node.getStart(file));
    // A definite assignment (let x!: T) is no ESLint rule's business; a postfix ! is.
    const definite = rule === "no-non-null" && !ts.isNonNullExpression(node);
    /** @type {Finding} */
    const finding = {
      line: at.line + 1,
      column: at.character + 1,
      rule,
      message: RULES[rule] ?? rule,
      native: definite ? undefined : nativeRule(rule, file.fileName),
    };
    // A catch's opt-out may also be the comment that explains it, inside its block.
    if (ts.isCatchClause(node)) {
      finding.optOutFrom = lineOf(node.block.getStart(file));
      finding.optOutTo = lineOf(node.block.end);
    }
    found.push(finding);
    return true;
  });
  return found;
}
