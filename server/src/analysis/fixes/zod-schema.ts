import type { Node, Type } from 'ts-morph';
import { quoted } from './body-edits';
import type { CodeStyle } from './imports';
import { refuse } from './refactor';

/** Deeper than this, a type is left for a schema written by hand. */
const MAX_DEPTH = 5;

/**
 * The zod 3 schema of a TypeScript type, as a value of it is checked at runtime: primitives, their
 * literals and unions (`z.enum` for string literals), arrays, records, `Date`, `File`, and object
 * types with their optional keys; `null` and `undefined` make it nullable and optional. A type no
 * schema states (a function, a class, `any`) is refused, naming `what` has it.
 */
export function zodSchemaOf(type: Type, at: Node, style: CodeStyle, what: string, depth = 0): string {
  const shown = (): string => type.getText(at);
  if (depth > MAX_DEPTH) refuse(`The type of ${what} is nested too deep for the fix: write its schema by hand.`);
  if (type.isAny() || type.isUnknown() || type.isNever()) refuse(`${what} is typed \`${shown()}\`, which states nothing a schema could check: give it a type first.`);
  const parts = type.isUnion() && !type.isBoolean() ? type.getUnionTypes() : [type];
  const nullable = parts.some((p) => p.isNull());
  const optional = parts.some((p) => p.isUndefined());
  let rest = parts.filter((p) => !p.isNull() && !p.isUndefined());
  // `boolean | null` comes apart as `true | false | null`.
  const booleans = rest.filter((p) => p.isBooleanLiteral());
  const boolean = booleans.length === 2 ? rest.find((p) => p.isBooleanLiteral()) : undefined;
  if (boolean) rest = rest.filter((p) => !p.isBooleanLiteral() || p === boolean);
  const single = (t: Type): string => (t === boolean ? 'z.boolean()' : one(t, at, style, what, depth));
  let schema: string;
  if (rest.length === 1) schema = single(rest[0]!);
  else if (rest.every((p) => p.isStringLiteral())) schema = `z.enum([${rest.map((p) => quoted(style, String(p.getLiteralValue()))).join(', ')}])`;
  else schema = `z.union([${rest.map(single).join(', ')}])`;
  return `${schema}${nullable ? '.nullable()' : ''}${optional ? '.optional()' : ''}`;
}

function one(type: Type, at: Node, style: CodeStyle, what: string, depth: number): string {
  if (type.isString()) return 'z.string()';
  if (type.isNumber()) return 'z.number()';
  if (type.isBoolean()) return 'z.boolean()';
  if (type.isStringLiteral()) return `z.literal(${quoted(style, String(type.getLiteralValue()))})`;
  if (type.isNumberLiteral() || type.isBooleanLiteral()) return `z.literal(${type.getText()})`;
  if (type.isArray()) return `z.array(${zodSchemaOf(type.getArrayElementTypeOrThrow(), at, style, what, depth + 1)})`;
  const name = type.getSymbol()?.getName();
  if (name === 'Date') return 'z.date()';
  if (name === 'File' || name === 'Blob') return `z.instanceof(${name})`;
  if (type.isObject() && !type.isTuple() && type.getCallSignatures().length === 0 && !type.isClass()) {
    const properties = type.getProperties();
    const index = type.getStringIndexType();
    if (index && properties.length === 0) return `z.record(${zodSchemaOf(index, at, style, what, depth + 1)})`;
    if (!index && properties.length > 0) {
      const entries = properties.map((p) => {
        const key = /^[A-Za-z_$][\w$]*$/.test(p.getName()) ? p.getName() : quoted(style, p.getName());
        const schema = zodSchemaOf(p.getTypeAtLocation(at), at, style, `${what}.${p.getName()}`, depth + 1);
        return `${key}: ${p.isOptional() && !schema.endsWith('.optional()') ? `${schema}.optional()` : schema}`;
      });
      return `z.object({ ${entries.join(', ')} })`;
    }
  }
  refuse(`${what} is typed \`${type.getText(at)}\`, which this fix cannot state as a schema: write it by hand.`);
}
