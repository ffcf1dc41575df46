import { Node, type Block, type CallExpression, type SourceFile, type Statement, type TypeChecker } from 'ts-morph';
import type { FormDataReadFact, ParamFact } from '../../facts/file-facts';
import { readCheckOptions } from '../../project/tsconfig-reader';
import { actionAndCallers, bodyStatements, importEdits, linesBefore, namesDeclaredIn, newTypeError, quoted, topStatementIn } from '../body-edits';
import type { TextChange } from '../file-change';
import { styleOf, type CodeStyle } from '../imports';
import { morphProject } from '../morph-project';
import { indentOfLine, isPropertyName, nodeAt, parametersOf, statementRemoval, topStatement } from '../morph-syntax';
import { freeName } from '../placement';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { locate } from '../target-function';
import { zodSchemaOf } from '../zod-schema';
import { validationPlan } from './action-unvalidated-input-offers';

/** A line longer than this is written one key a line. */
const WIDTH = 100;

/** One key of the schema: its zod type, the value `safeParse` is given, and the code that then reads the parsed value. */
interface Field {
  key: string;
  schema: string;
  value: string;
  /** Reads replaced by `parsed.data.<key>`: the form-data read with its casts, or a parameter's uses. */
  reads: Node[];
}

/**
 * `action-unvalidated-input/zod-schema`: a zod schema of the input, parsed with `safeParse` before
 * the first statement that reads it, the field errors returned when it fails, and the parsed data
 * read after. Form fields take the type their casts give (`as string`, `Number(…)`, `as File`, a
 * union of literals); a field read bare may be missing (`.nullable()`). Parameters take their
 * declared type; objects and arrays are then read from `parsed.data` (keys the schema does not name
 * are dropped), while a primitive is the parsed value already.
 *
 * ```ts
 * export async function addTask(formData: FormData) {      const AddTaskInput = z.object({ title: z.string(), estimate: z.coerce.number() })
 *   const title = formData.get('title') as string
 *   const estimate = Number(formData.get('estimate'))  →   export async function addTask(formData: FormData) {
 *   await db.task.create({ data: { title, estimate } })      const parsed = AddTaskInput.safeParse({ title: formData.get('title'), estimate: formData.get('estimate') })
 * }                                                          if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors }
 *                                                            const { title, estimate } = parsed.data
 *                                                            await db.task.create({ data: { title, estimate } })
 *                                                          }
 * ```
 */
export function fixActionUnvalidatedInput(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const plan = validationPlan(context.index, request.finding);
  if ('reason' in plan) refuse(plan.reason);
  const file = plan.action.file;
  // The callers are loaded too: the errors the action now returns must type-check where they read its result.
  const { project, sources } = morphProject(context.fs, context.app, actionAndCallers(context, plan.action), readCheckOptions(context.fs, context.app.root));
  const source = sources[0]!;
  const style = styleOf(source);
  const { node, body } = locate(source, plan.action.fn);
  const checker = project.getTypeChecker();
  const taken = namesDeclaredIn(node);
  const parsed = freeName('parsed', (n) => taken.has(n));
  const data = `${parsed}.data`;
  const input = plan.input;
  const { fields, whole, mentions } = input.kind === 'form' ? formInput(source, node, plan.action.fn.formDataReads, input.keys, checker, style) : paramFields(node, input.params, checker, style);
  // The parse goes before the first statement that reads the input (a session check stays first).
  const earliest = mentions.sort((a, b) => a.getStart() - b.getStart())[0];
  const first = earliest ? topStatementIn(body, earliest) : bodyStatements(body)[0]!;
  const bodyIndent = indentOfLine(source.getFullText(), first.getStart());

  const s = style.semicolon;
  const pascal = (plan.action.name === 'default' ? plan.action.fn.name || 'action' : plan.action.name).replace(/^./, (c) => c.toUpperCase());
  const schemaName = freeName(`${pascal}Input`, (n) => source.getLocals().some((l) => l.getName() === n) || taken.has(n));
  // An object literal on the line it starts (`before` is what precedes it there), or one key a line when that is too long.
  const objectOf = (entries: string[], before: string): string =>
    before.length + entries.join(', ').length + 6 > WIDTH ? `{\n${entries.map((e) => `${style.indent}${e},`).join('\n')}\n}` : `{ ${entries.join(', ')} }`;
  const keyOf = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : quoted(style, key));
  const declared = `const ${schemaName} = `;
  const schema = `${declared}${whole ? whole.schema : `z.object(${objectOf(fields.map((f) => `${keyOf(f.key)}: ${f.schema}`), `${declared}z.object(`)})`}${s}`;
  const parse = `const ${parsed} = ${schemaName}.safeParse(`;
  const argument = whole ? whole.value : objectOf(fields.map((f) => (f.value === f.key ? f.key : `${keyOf(f.key)}: ${f.value}`)), `${bodyIndent}${parse}`);
  const returned = `return { errors: ${parsed}.error.flatten().fieldErrors }`;
  const lines = [`${parse}${argument})${s}`, `if (!${parsed}.success) ${returned}${s}`];

  const edits: TextChange[] = [];
  const read = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${data}.${key}` : `${data}[${quoted(style, key)}]`);
  // `const title = formData.get('title') as string` and the like, one after another from the first: one destructuring.
  const destructured = input.kind === 'form' ? destructuring(body, first, fields) : [];
  if (destructured.length > 0) {
    const names = destructured.map(({ key, name }) => (key === name ? key : `${keyOf(key)}: ${name}`));
    const head = destructured[0]!.statement;
    edits.push({ start: head.getStart(), end: head.getEnd(), newText: `const { ${names.join(', ')} } = ${data}${head.getText().endsWith(';') ? ';' : ''}` });
    edits.push(...destructured.slice(1).map((d) => statementRemoval(d.statement)));
  }
  const inDestructured = (n: Node): boolean => destructured.some((d) => d.statement.getStart() <= n.getStart() && n.getEnd() <= d.statement.getEnd());
  const uses = whole ? whole.reads.map((use) => ({ use, value: data })) : fields.flatMap((f) => f.reads.filter((r) => !inDestructured(r)).map((use) => ({ use, value: read(f.key) })));
  for (const { use, value } of uses) {
    const shorthand = use.getParent();
    if (shorthand && Node.isShorthandPropertyAssignment(shorthand)) edits.push({ start: shorthand.getStart(), end: shorthand.getEnd(), newText: `${use.getText()}: ${value}` });
    else edits.push({ start: use.getStart(), end: use.getEnd(), newText: value });
  }
  edits.push(linesBefore(first, lines, style), linesBefore(topStatement(node), [schema, ''], style));
  if (!importsZod(source)) edits.push(...importEdits(source, style, new Map([['zod', [{ imported: 'z', local: 'z', typeOnly: false }]]])));
  const broken = newTypeError(context, sources, source, edits);
  if (broken) refuse(`With the schema, the code would not compile in ${broken} Validate the input by hand.`);
  return { ok: true, title: plan.title, changes: [{ kind: 'edit', path: file, edits }] };
}

/** What a cast or a conversion of a form field says it holds. */
type FieldKind = 'string' | 'number' | 'boolean' | 'file' | 'nullable' | { literals: string[] };

/** What the schema checks, and every place the function reads it. */
interface Input {
  fields: Field[];
  /** A lone object parameter: the schema is its type's, and `parsed.data` replaces it. */
  whole: { schema: string; value: string; reads: Node[] } | null;
  mentions: Node[];
}

/**
 * The form's fields, one per key: the type the reads' casts and conversions give, and the reads
 * with those wrappers (`String(formData.get('name') ?? '')` as a whole) to replace.
 */
function formInput(source: SourceFile, fn: Node, reads: FormDataReadFact[], keys: string[], checker: TypeChecker, style: CodeStyle): Input {
  const params = new Set(parametersOf(fn).map((p) => p.getName()));
  const fields = keys.map((key) => {
    const calls = reads
      .filter((r) => r.key === key)
      .map((r) => nodeAt(source, r.span))
      .filter((n): n is CallExpression => n !== undefined && Node.isCallExpression(n));
    if (calls.length === 0) refuse(`The read of "${key}" is no longer there: ask for the fix again.`);
    // `safeParse` runs before the reads, so what it reads the form from must be there from the start.
    const receiver = calls[0]!.getExpression();
    if (!Node.isPropertyAccessExpression(receiver) || !params.has(receiver.getExpression().getText())) refuse(`"${key}" is read from a form data the function makes itself: parse it with a schema by hand.`);
    const many = calls.every((c) => /\.getAll$/.test(c.getExpression().getText()));
    const typed = calls.map((call) => wrapped(call, checker, key));
    const kinds = [...new Set(typed.map((t) => JSON.stringify(t.kind)))];
    if (kinds.length > 1) refuse(`"${key}" is read as ${kinds.length} different types: give it one, then ask again.`);
    const kind = typed[0]!.kind;
    const element = kind === 'number' ? 'z.coerce.number()' : kind === 'boolean' ? 'z.coerce.boolean()' : kind === 'file' ? 'z.instanceof(File)' : kind === 'nullable' ? 'z.string().nullable()' : kind === 'string' ? 'z.string()' : `z.enum([${kind.literals.map((l) => quoted(style, l)).join(', ')}])`;
    return { key, schema: many ? `z.array(${kind === 'nullable' ? 'z.string()' : element})` : element, value: calls[0]!.getText(), reads: typed.map((t) => t.node) };
  });
  return { fields, whole: null, mentions: fields.flatMap((f) => f.reads) };
}

/** The read with the casts, conversions and `?? ''` around it, and the type they give. */
function wrapped(call: CallExpression, checker: TypeChecker, key: string): { node: Node; kind: FieldKind } {
  let node: Node = call;
  let kind: FieldKind | null = null;
  let emptyDefault = false;
  for (let parent = node.getParent(); parent; parent = node.getParent()) {
    if (Node.isParenthesizedExpression(parent) || Node.isNonNullExpression(parent)) node = parent;
    else if (Node.isAsExpression(parent) || Node.isTypeAssertion(parent)) {
      kind = castKind(parent.getTypeNodeOrThrow().getText(), checker.getTypeAtLocation(parent.getTypeNodeOrThrow()), key);
      node = parent;
    } else if (Node.isCallExpression(parent) && parent.getArguments()[0] === node && /^(String|Number|Boolean)$/.test(parent.getExpression().getText())) {
      kind = ({ String: 'string', Number: 'number', Boolean: 'boolean' } as const)[parent.getExpression().getText() as 'String' | 'Number' | 'Boolean'];
      node = parent;
    } else if (Node.isBinaryExpression(parent) && parent.getLeft() === node && /^(\?\?|\|\|)$/.test(parent.getOperatorToken().getText()) && /^(''|""|``)$/.test(parent.getRight().getText())) {
      // `?? ''` makes a missing field empty text: the schema asks for the text instead.
      emptyDefault = true;
      node = parent;
    } else break;
  }
  return { node, kind: kind ?? (emptyDefault ? 'string' : 'nullable') };
}

function castKind(text: string, type: ReturnType<TypeChecker['getTypeAtLocation']>, key: string): FieldKind {
  const bare = text.replace(/\[\]$/, '');
  if (bare === 'string') return 'string';
  if (bare === 'File' || bare === 'Blob') return 'file';
  const parts = (type.isArray() ? type.getArrayElementTypeOrThrow() : type).getUnionTypes();
  if (parts.length > 0 && parts.every((p) => p.isStringLiteral())) return { literals: parts.map((p) => String(p.getLiteralValue())) };
  refuse(`"${key}" is cast to \`${text}\`, which this fix cannot state as a schema: write it by hand.`);
}

/**
 * The parameters' keys: each one's declared type, or a destructured one's properties. Objects and
 * arrays are then read from the parsed data; a lone object parameter is the schema itself (`whole`).
 */
function paramFields(fn: Node, params: ParamFact[], checker: TypeChecker, style: CodeStyle): Input {
  const declarations = parametersOf(fn);
  const nodes = params.map((p) => declarations.find((d) => d.getStart() === p.span.start) ?? refuse(`The parameter "${p.name}" is no longer there: ask for the fix again.`));
  const usesOf = (name: Node): Node[] => {
    const symbol = name.getSymbol();
    return fn.getDescendants().filter((d) => {
      if (!Node.isIdentifier(d) || d === name || d.getText() !== name.getText() || isPropertyName(d)) return false;
      const parent = d.getParent();
      return (parent && Node.isShorthandPropertyAssignment(parent) ? parent.getValueSymbol() : d.getSymbol()) === symbol;
    });
  };
  const structured = (type: ReturnType<TypeChecker['getTypeAtLocation']>): boolean => {
    const value = type.getNonNullableType();
    return value.isArray() || (value.isObject() && !['Date', 'File', 'Blob'].includes(value.getSymbol()?.getName() ?? ''));
  };
  const only = nodes.length === 1 ? nodes[0]! : undefined;
  if (only && Node.isIdentifier(only.getNameNode())) {
    const type = checker.getTypeAtLocation(only);
    const value = type.getNonNullableType();
    if (structured(type) && !value.isArray() && !only.hasQuestionToken()) {
      const reads = usesOf(only.getNameNode());
      return { fields: [], whole: { schema: zodSchemaOf(type, only, style, `"${only.getName()}"`), value: only.getName(), reads }, mentions: reads };
    }
  }
  const mentions: Node[] = [];
  const mentioned = (name: Node, type: ReturnType<TypeChecker['getTypeAtLocation']>): Node[] => {
    const uses = usesOf(name);
    mentions.push(...uses);
    return structured(type) ? uses : [];
  };
  const fields = nodes.flatMap((param): Field[] => {
    const name = param.getNameNode();
    if (Node.isIdentifier(name)) {
      const type = checker.getTypeAtLocation(param);
      const schema = zodSchemaOf(type, param, style, `"${name.getText()}"`);
      return [{ key: name.getText(), schema: param.hasQuestionToken() && !schema.endsWith('.optional()') ? `${schema}.optional()` : schema, value: name.getText(), reads: mentioned(name, type) }];
    }
    if (!Node.isObjectBindingPattern(name)) refuse(`"${param.getText()}" destructures an array: write its schema by hand.`);
    return name.getElements().map((element) => {
      if (element.getDotDotDotToken() || element.getInitializer()) refuse(`"${element.getText()}" takes a rest or a default, which this fix does not state as a schema: write it by hand.`);
      const local = element.getNameNode();
      if (!Node.isIdentifier(local)) refuse(`"${element.getText()}" destructures further: write its schema by hand.`);
      const key = element.getPropertyNameNode()?.getText() ?? local.getText();
      const type = checker.getTypeAtLocation(local);
      return { key, schema: zodSchemaOf(type, local, style, `"${key}"`), value: local.getText(), reads: mentioned(local, type) };
    });
  });
  return { fields, whole: null, mentions };
}

/**
 * The run of `const name = <read>` statements the parse goes before, each a whole read of a field
 * and free of comments after the first: they become one destructuring of the parsed data.
 */
function destructuring(body: Block, first: Statement, fields: Field[]): { statement: Statement; key: string; name: string }[] {
  const statements = body.getStatements();
  const run: { statement: Statement; key: string; name: string }[] = [];
  for (const statement of statements.slice(statements.indexOf(first))) {
    if (!Node.isVariableStatement(statement) || statement.getDeclarationKind() !== 'const' || statement.getDeclarations().length !== 1) break;
    if (run.length > 0 && statement.getLeadingCommentRanges().length > 0) break;
    const declaration = statement.getDeclarations()[0]!;
    const initializer = declaration.getInitializer();
    const field = fields.find((f) => f.reads.some((r) => r === initializer));
    if (!field || !Node.isIdentifier(declaration.getNameNode()) || run.some((r) => r.key === field.key)) break;
    run.push({ statement, key: field.key, name: declaration.getName() });
  }
  return run;
}

/** The file has zod's `z` in scope (`import { z }` or `import * as z`). */
function importsZod(source: SourceFile): boolean {
  return source.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === 'zod' && !d.isTypeOnly() && (d.getNamespaceImport()?.getText() === 'z' || d.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === 'z')));
}
