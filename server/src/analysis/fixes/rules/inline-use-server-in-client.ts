import { Node, SyntaxKind, type Identifier, type SourceFile, type Statement } from 'ts-morph';
import { dirName, joinPath } from '../../project/paths';
import { relativeToApp, typeText } from '../extract-service';
import { applyEdits, editBetween, type FileChange, type TextChange } from '../file-change';
import { moduleWith, reimported, styleOf, type CodeStyle, type ImportBinding } from '../imports';
import { morphProject } from '../morph-project';
import { addAll, addBinding, declares, indentOfLine, isWithinNode, leadingStart, referencesOf, reindent, statementRemoval, templateRanges, topStatement, translate } from '../morph-syntax';
import { freeName, importSpecifier } from '../placement';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { locate } from '../target-function';
import { inlineActionOf, whyNotMovable } from './inline-use-server-in-client-offers';

/** The endings a module beside the component may have, in the order a folder's actions module is looked for. */
const MODULE_ENDINGS = ['.ts', '.tsx', '.js', '.jsx'];

/**
 * `inline-use-server-in-client/move-to-module`: the inline action moves to the folder's `'use server'`
 * module (`actions.ts`, created, or extended when it is one already), with the imports it uses; the
 * values it captured from the component become its first parameters, bound at each use, and the client
 * module imports it and drops the imports only it read:
 *
 * ```tsx
 * // Before: task-form.tsx ('use client')            // After: task-form.tsx
 * export function TaskForm({ projectId }: Props) {     import { createTask } from './actions'
 *   async function createTask(formData: FormData) {    export function TaskForm({ projectId }: Props) {
 *     'use server'                                        return <form action={createTask.bind(null, projectId)}>…</form>
 *     await db.task.create({ data: { projectId, … } })  }
 *   }                                                   // and actions.ts
 *   return <form action={createTask}>…</form>           'use server'
 * }                                                     export async function createTask(projectId: string, formData: FormData) {
 *                                                         await db.task.create({ data: { projectId, … } })
 *                                                       }
 * ```
 * A call `createTask(input)` becomes `createTask(projectId, input)`. The bound values now come from the
 * browser, like any argument of an action: the action checks them as it checks the rest of its input.
 * A captured function (a state setter) cannot cross to the server, and a value of the client module's
 * own cannot be imported by the new one: the fix refuses both, with the reason.
 */
export function fixInlineUseServerInClient(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const disabled = whyNotMovable(context.index, finding);
  if (disabled) refuse(disabled);
  const fact = inlineActionOf(context.index, finding);
  if (!fact) refuse('The inline action is no longer there: ask for the fix again.');
  const { project, sources } = morphProject(context.fs, context.app, [finding.file]);
  const client = sources[0]!;
  const { node, body } = locate(client, fact);
  if (Node.isFunctionLikeDeclaration(node) && node.getTypeParameters().length > 0) refuse(`"${fact.name}" is generic: a Server Action takes plain values, so drop its type parameters first.`);
  const declared = declarationOf(node);
  const moved: Node = declared?.statement ?? node;
  const jsx = node.getDescendants().some((n) => Node.isJsxElement(n) || Node.isJsxSelfClosingElement(n) || Node.isJsxFragment(n));
  const ending = /\.jsx?$/.test(finding.file) ? (jsx ? '.jsx' : '.js') : jsx ? '.tsx' : '.ts';
  const target = actionsModuleBeside(context, finding.file, ending);
  const existing = target.existing ? project.createSourceFile(target.path, context.fs.readFile(target.path) ?? '', { overwrite: true }) : undefined;
  const typed = !/\.jsx?$/.test(target.path);

  // What it reads: imports move with it, the component's values become parameters.
  const imports = new Map<string, ImportBinding[]>();
  const typeImports = new Map<string, ImportBinding[]>();
  const captured = new Map<Node, { name: string; type: string }>();
  const checker = project.getTypeChecker();
  // Imports in the client module's order, captured values in the order the function first reads them.
  const references = referencesOf([node], client, topStatement(node), (d) => isWithinNode(moved, d));
  const order = (r: (typeof references)[number]): number => (r.kind === 'import' ? r.declaration.getStart() : r.identifier.getStart());
  for (const { identifier, declaration, kind } of references.sort((a, b) => order(a) - order(b))) {
    const name = identifier.getText();
    if (kind === 'import') addBinding(imports, declaration, name, (specifier) => translate(context, finding.file, target.path, specifier));
    else if (kind === 'module') refuse(`"${fact.name}" uses \`${name}\`, declared in this client module: move it to a module that both can import first.`);
    else {
      if (writes(identifier)) refuse(`"${fact.name}" assigns \`${name}\` of the component: on the server it would change a copy. Return the new value instead first.`);
      if (captured.has(declaration)) continue;
      const type = checker.getTypeAtLocation(declaration);
      if (type.getCallSignatures().length > 0) refuse(`"${fact.name}" uses \`${name}\`, a function of the component, which cannot be sent to the server: call it with the action's result instead first.`);
      captured.set(declaration, { name, type: typed ? typeText(type, typeImports) : '' });
    }
  }
  for (const [path, bindings] of typeImports) {
    if (path === finding.file) refuse(`The type \`${bindings[0]!.local}\` of a value "${fact.name}" uses is declared in the client module: move it to a module of its own first.`);
    addAll(imports, importSpecifier(context.app, target.path, path), bindings);
  }
  for (const [specifier, bindings] of imports) {
    for (const b of bindings) {
      if (existing && declares(existing, b.local) && !importsFrom(existing, specifier, b.local)) refuse(`${relativeToApp(context, target.path)} already has a \`${b.local}\` of its own, which "${fact.name}" imports: rename one of them first.`);
    }
  }

  // The module's function: the same name when free in both modules, the directive dropped (the module has it).
  const wanted = declared?.name.getText() ?? (Node.isFunctionExpression(node) ? node.getName() : undefined) ?? `${(fact.container ?? 'form').replace(/^./, (c) => c.toLowerCase())}Action`;
  const name = freeName(wanted, (n) => (existing !== undefined && declares(existing, n)) || declaresOutside(client, n, moved));
  const style = existing ? styleOf(existing) : styleOf(client);
  const fnText = exportedFunction(client, node, body, declared?.statement, name, [...captured.values()], style);
  const q = style.quote;
  const moduleChange = moduleWith(target.path, existing, style, imports, [fnText], `${q}use server${q}${style.semicolon}`);

  // The client module: the function goes, each use binds (or passes) the captured values.
  const text = client.getFullText();
  const args = [...captured.values()].map((c) => c.name);
  const edits: TextChange[] = declared ? [statementRemoval(declared.statement)] : [];
  const uses: Node[] = declared ? declared.name.findReferencesAsNodes().filter((r) => r.getSourceFile() === client && !isWithinNode(moved, r)) : [node];
  const bound = args.length > 0 ? `${name}.bind(null, ${args.join(', ')})` : name;
  for (const use of uses) {
    const parent = use.getParent();
    if (declared && parent && Node.isCallExpression(parent) && parent.getExpression() === use) {
      if (name !== wanted) edits.push({ start: use.getStart(), end: use.getEnd(), newText: name });
      const first = parent.getArguments()[0];
      const open = parent.getFirstChildByKindOrThrow(SyntaxKind.OpenParenToken).getEnd();
      if (args.length > 0) edits.push(first ? { start: first.getStart(), end: first.getStart(), newText: `${args.join(', ')}, ` } : { start: open, end: open, newText: args.join(', ') });
    } else if (parent && Node.isShorthandPropertyAssignment(parent)) edits.push({ start: use.getStart(), end: use.getEnd(), newText: `${wanted}: ${bound}` });
    else if (bound !== wanted || !declared) edits.push({ start: use.getStart(), end: use.getEnd(), newText: bound });
  }
  const specifier = `./${target.path.slice(dirName(target.path).length + 1).replace(/\.[jt]sx?$/, '')}`;
  const clientText = reimported(client, applyEdits(text, edits), styleOf(client), [{ specifier, bindings: [{ imported: name, local: name, typeOnly: false }] }]);
  const changes = [editBetween(finding.file, text, clientText), moduleChange].filter((c): c is FileChange => c !== null);
  return { ok: true, title: `Move "${name}" to ${relativeToApp(context, target.path)}`, changes };
}

/** The statement declaring a named inline action, and its name; `null` for a function written where it is used. */
function declarationOf(node: Node): { statement: Statement; name: Identifier } | null {
  if (Node.isFunctionDeclaration(node)) {
    const name = node.getNameNode();
    return name ? { statement: node, name } : null;
  }
  const declaration = node.getParentIfKind(SyntaxKind.VariableDeclaration);
  const statement = declaration?.getFirstAncestorByKind(SyntaxKind.VariableStatement);
  const name = declaration?.getNameNode();
  if (!declaration || !statement || !name || !Node.isIdentifier(name) || declaration.getInitializer() !== node) return null;
  if (statement.getDeclarations().length > 1) refuse(`"${name.getText()}" is declared with other variables in one statement: split it first.`);
  return { statement, name };
}

/** The function as the `'use server'` module exports it: the captured values first, the comments above it kept. */
function exportedFunction(client: SourceFile, node: Node, body: Node, statement: Statement | undefined, name: string, captured: { name: string; type: string }[], style: CodeStyle): string {
  if (!Node.isFunctionLikeDeclaration(node) || !Node.isBlock(body)) refuse('The inline action has no block body.');
  const text = client.getFullText();
  const directive = body.getStatements().find((s) => Node.isExpressionStatement(s) && Node.isStringLiteral(s.getExpression()) && s.getExpression().getText().slice(1, -1) === 'use server');
  if (!directive) refuse("The function no longer declares 'use server'.");
  const rest = text.slice(directive.getEnd(), body.getEnd() - 1);
  // The directive's line and the blank lines after it go; a comment on its line stays.
  const lead = /^\s*\n/.exec(rest)?.[0].length ?? 0;
  const code = rest.slice(lead).trimEnd();
  const start = directive.getEnd() + lead;
  const inner = code === '' ? '' : `${reindent(code, /^[ \t]*/.exec(code)![0], style, templateRanges(body.getStatements(), start))}${style.eol}`;
  const params = [...captured.map((c) => (c.type ? `${c.name}: ${c.type}` : c.name)), ...node.getParameters().map((p) => p.getText())];
  const returns = node.getReturnTypeNode()?.getText();
  const indent = statement ? indentOfLine(text, statement.getStart()) : '';
  const comments = statement
    ? text
        .slice(leadingStart(statement), statement.getStart())
        .trim()
        .split(/\r?\n/)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join(style.eol)
    : '';
  return `${comments ? comments + style.eol : ''}export async function ${name}(${params.join(', ')})${returns ? `: ${returns}` : ''} {${style.eol}${inner}}`;
}

/**
 * The folder's actions module when it is a `'use server'` module that can hold the function's syntax,
 * else a new module beside the component, under a name no file or folder there has.
 */
function actionsModuleBeside(context: RefactorContext, file: string, ending: string): { path: string; existing: boolean } {
  const dir = dirName(file);
  const present = MODULE_ENDINGS.map((e) => joinPath(dir, `actions${e}`)).find((p) => context.fs.fileExists(p));
  if (present && context.index.facts(present)?.directive === 'use server' && (!ending.endsWith('x') || present.endsWith('x'))) return { path: present, existing: true };
  const taken = (n: string): boolean => context.fs.directoryExists(joinPath(dir, n)) || MODULE_ENDINGS.some((e) => context.fs.fileExists(joinPath(dir, `${n}${e}`)));
  return { path: joinPath(dir, `${freeName('actions', taken)}${ending}`), existing: false };
}

/** The identifier is assigned to (`x = …`, `x += …`, `x++`). */
function writes(identifier: Identifier): boolean {
  const parent = identifier.getParent();
  if (Node.isBinaryExpression(parent)) {
    const operator = parent.getOperatorToken().getKind();
    return parent.getLeft() === identifier && operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment;
  }
  const updates = [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken];
  return (Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && updates.includes(parent.getOperatorToken());
}

/** The file declares or imports `name` at its top level, other than in the code that moves. */
function declaresOutside(source: SourceFile, name: string, moved: Node): boolean {
  return source.getLocals().some((symbol) => symbol.getName() === name && symbol.getDeclarations().some((d) => !isWithinNode(moved, d)));
}

function importsFrom(source: SourceFile, specifier: string, local: string): boolean {
  return source
    .getImportDeclarations()
    .some((d) => d.getModuleSpecifierValue() === specifier && (d.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === local) || d.getDefaultImport()?.getText() === local || d.getNamespaceImport()?.getText() === local));
}
