import { isWithin, joinPath } from '../project/paths';
import { kebab, methodFor, routeFile } from './action-to-route';
import type { FileChange } from './file-change';
import { moduleWith, styleOf, type CodeStyle, type ImportBinding } from './imports';
import { morphProject } from './morph-project';
import { addAll, translate } from './morph-syntax';
import { dependsOn, domainOf, importSpecifier, servicePath } from './placement';
import { refuse, Refusal, type RefactorContext, type RefactorOutcome } from './refactor';
import { actionsModule } from './route-to-action';
import { appGuard } from './session-guard';

/** What the wizard scaffolds: a service and its Server Action, its Route Handler, or both. */
export type ScaffoldVariant = 'action' | 'route' | 'both';

/** A name the files are built from: a verb and a noun, `createInvoice`. */
const NAME = /^[a-z]+[A-Z][A-Za-z0-9]*$/;

/**
 * New code where the decision put it: `lib/<domain>/service.ts` with the input's schema (zod when the
 * app depends on it) and the function both transports call; the Server Action (`useActionState`
 * shape: previous state and form data in, `{ error }` or the result out) in the domain's actions
 * module; and the Route Handler at `app/api/<domain>/route.ts`, answering 401, 400 and 201. Each
 * adapter checks the session with the guard the app uses most. Existing modules get the code
 * appended with their imports merged; nothing is overwritten.
 *
 * ```ts
 * // scaffold('createInvoice', 'both'): src/lib/invoices/service.ts
 * export const CreateInvoiceInput = z.object({ name: z.string().trim().min(1, 'Name is required') })
 * export async function createInvoice(input: CreateInvoiceInput) { … }
 * // src/app/invoices/actions.ts, src/app/api/invoices/route.ts: thin adapters over it
 * ```
 */
export function scaffold(context: RefactorContext, name: string, variant: ScaffoldVariant): RefactorOutcome {
  try {
    return build(context, name, variant);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

function build(context: RefactorContext, name: string, variant: ScaffoldVariant): RefactorOutcome {
  if (!NAME.test(name)) refuse(`Name it with a verb and a noun, like \`createInvoice\`: \`${name}\` is not such a name.`);
  const { app, index } = context;
  const appDir = app.appDirs[0];
  if (!appDir) refuse('This app has no `app/` folder to put the new code in.');
  const domain = domainOf(name, joinPath(appDir, 'page.tsx'), app);
  const service = servicePath(app, domain, context.settings.serviceFile);
  const action = actionsModule(context, domain, []);
  const method = methodFor(name);
  const route = routeFile(context, joinPath(appDir, 'api', domain), method, 'route.ts');
  const wanted = [service, ...(variant !== 'route' ? [action] : []), ...(variant !== 'action' && route.existing ? [route.routePath] : [])];
  const sample = index.paths().find((p) => isWithin(appDir, p) && (index.actionsIn(p).length > 0 || index.routesIn(p).length > 0));
  const { sources } = morphProject(context.fs, app, [...new Set([...wanted.filter((p) => context.fs.fileExists(p)), ...(sample ? [sample] : [])])]);
  const existing = (path: string) => sources.find((s) => s.getFilePath() === path);
  const sampleSource = sample ? existing(sample) : undefined;
  const style: CodeStyle = sampleSource ? styleOf(sampleSource) : { quote: "'", semicolon: '', eol: '\n', indent: '  ' };
  const q = style.quote;
  const s = style.semicolon;
  const i = style.indent;
  const zod = dependsOn(context, 'zod');
  const Input = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const noun = name.replace(/^[a-z]+/, '').toLowerCase();
  if (existing(service)?.getFunction(name) || existing(action)?.getFunction(name)) refuse(`\`${name}\` exists already in ${existing(service)?.getFunction(name) ? service : action}.`);

  // The service: the input's shape and the function both adapters call.
  const serviceImports = new Map<string, ImportBinding[]>();
  if (zod) addAll(serviceImports, 'zod', [{ imported: 'z', local: 'z', typeOnly: false }]);
  const schema = zod
    ? [`export const ${Input} = z.object({ name: z.string().trim().min(1, ${q}Name is required${q}) })${s}`, `export type ${Input} = z.infer<typeof ${Input}>${s}`]
    : [`export interface ${Input} {${style.eol}${i}name: string${s || ';'}${style.eol}}`];
  const serviceFn = [
    `/** The data logic of \`${name}\`, with no Next.js in it: every transport calls it. */`,
    `export async function ${name}(input: ${Input}) {`,
    `${i}// Read and write the ${noun} with the app's data layer here.`,
    `${i}return { id: crypto.randomUUID(), name: input.name }${s}`,
    '}',
  ].join(style.eol);
  const changes: FileChange[] = [moduleWith(service, existing(service), style, serviceImports, [...schema, serviceFn])];

  const guard = appGuard(index, context.settings, app);
  const who = guard && /user|member/i.test(guard.name) ? 'user' : 'session';
  const inService = `${name}InService`;
  const parse = (value: string): string[] =>
    zod
      ? [`const parsed = ${Input}.safeParse(${value})${s}`]
      : [`const raw = ${value} as { name?: unknown } | null${s}`, `const parsed = typeof raw?.name === ${q}string${q} && raw.name.trim() !== ${q}${q} ? { success: true as const, data: { name: raw.name.trim() } } : { success: false as const, error: { issues: [{ message: ${q}Name is required${q} }] } }${s}`];
  const importFrom = (imports: Map<string, ImportBinding[]>, file: string): void => {
    addAll(imports, importSpecifier(app, file, service), [...(zod ? [{ imported: Input, local: Input, typeOnly: false }] : []), { imported: name, local: file === action ? inService : name, typeOnly: false }]);
    if (guard) addAll(imports, translate(context, guard.from, file, guard.specifier), [{ imported: guard.name, local: guard.name, typeOnly: false }]);
  };

  if (variant !== 'route') {
    const imports = new Map<string, ImportBinding[]>();
    addAll(imports, 'next/cache', [{ imported: 'revalidatePath', local: 'revalidatePath', typeOnly: false }]);
    importFrom(imports, action);
    const State = `${name[0]!.toUpperCase()}${name.slice(1)}State`;
    const check = guard ? (guard.keepsResult ? [`const ${who} = await ${guard.name}()${s}`, `if (!${who}) return { error: ${q}Sign in first${q} }${s}`] : [`await ${guard.name}()${s}`]) : [];
    const body = [...check, ...parse(`{ name: formData.get(${q}name${q}) }`), `if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? ${q}Invalid input${q} }${s}`, `const { id } = await ${inService}(parsed.data)${s}`, `revalidatePath(${q}/${q})${s}`, `return { id }${s}`];
    const code = [
      `export type ${State} = { error?: string; id?: string }${s}`,
      [`export async function ${name}(_state: ${State}, formData: FormData): Promise<${State}> {`, ...body.map((l) => i + l), '}'].join(style.eol),
    ];
    changes.push(moduleWith(action, existing(action), style, imports, code, `${q}use server${q}${s}`));
  }
  if (variant !== 'action') {
    const imports = new Map<string, ImportBinding[]>();
    addAll(imports, 'next/server', [{ imported: 'NextResponse', local: 'NextResponse', typeOnly: false }]);
    importFrom(imports, route.routePath);
    const check = guard
      ? [`const ${who} = await ${guard.name}().catch(() => null)${s}`, `if (!${who}) return NextResponse.json({ error: ${q}Unauthorized${q} }, { status: 401 })${s}`]
      : [];
    const body = [
      ...check,
      ...parse('await request.json().catch(() => null)'),
      `if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? ${q}Invalid input${q} }, { status: 400 })${s}`,
      `return NextResponse.json(await ${name}(parsed.data), { status: ${method === 'POST' ? 201 : 200} })${s}`,
    ];
    const handler = [`export async function ${method}(request: Request) {`, ...body.map((l) => i + l), '}'].join(style.eol);
    changes.push(moduleWith(route.routePath, existing(route.routePath), style, imports, [handler]));
  }
  const what = variant === 'both' ? 'a service, a Server Action and a Route Handler' : variant === 'action' ? 'a service and a Server Action' : 'a service and a Route Handler';
  return { ok: true, title: `Scaffold "${name}": ${what} (${kebab(domain)})`, changes };
}
