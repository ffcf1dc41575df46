import type { AppInfo } from '../project/app-locator';
import type { ProjectIndex } from '../project/project-index';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'unused-server-action',
    defaultSeverity: 'info',
    title: "An export of a 'use server' module that nothing in the app uses",
    why: "Every export of a `'use server'` module is a Server Action, which the Next.js docs tell you to treat as reachable by a direct POST request, not only through the app's UI. One that nothing uses any more (left behind by a refactor) is dead code that must stay as safe as any endpoint; a helper exported by mistake, which the module's other actions call after checking the session, may be called directly without that check.",
    fix: 'Remove the function; when the module itself still calls it, remove only its `export`, so that it stays a plain function of the module and is no action at all.',
    bad: "'use server'\n\n// Called by nothing since the archive page went away.\nexport async function purgeArchivedProjects() {\n  await db.project.deleteMany({ where: { archived: true } })\n}",
    good: "'use server'\n\n// Not exported: a plain function that only the actions below call.\nasync function ownedProject(id: string) {\n  const user = await requireUser()\n  return db.project.findFirst({ where: { id, ownerId: user.id } })\n}",
    sources: [{ title: 'Next.js docs: Data Security, Built-in Server Actions security features', url: 'https://nextjs.org/docs/app/guides/data-security#built-in-server-actions-security-features' }],
  },
  check(context) {
    const { app, file, index } = context;
    if (file.directive !== 'use server' || !app || !index.callersKnown()) return;
    const imported = importedExports(index, app, file.path);
    if (!imported) return;
    const reported = new Set<string>();
    for (const action of context.actions) {
      if (action.kind !== 'module' || reported.has(action.key)) continue;
      reported.add(action.key);
      // A webhook receiver is meant to be called from outside: action-as-webhook says what to do with it.
      if (action.fn && context.behaviour.webhookSignal(action.fn)) continue;
      const names = context.actions.filter((a) => a.key === action.key).map((a) => a.name);
      if (names.some((n) => imported.has(n))) continue;
      const usages = index.usagesOf(action.key);
      // Called by the module itself it is needed, yet as an export still an endpoint. Passed on as a
      // value (to a wrapper, in an object) it may be called from anywhere.
      if (usages.some((u) => u.file !== file.path || u.usage.context !== 'call')) continue;
      context.report(
        action.span,
        usages.length > 0
          ? `The Server Action "${action.name}" is exported, yet only its own module calls it. As an export of a 'use server' module it may be reached by a direct POST request too, without the checks its callers make first. Remove its export, so that it stays a plain function of this module.`
          : `Nothing in the app uses the Server Action "${action.name}". Exported from a 'use server' module, it may still be reached by a direct POST request, so it must stay as safe as any endpoint. Remove it if it is no longer needed.`,
      );
    }
  },
};

/**
 * The export names of `home` that some module imports (through re-exports by name, too), or `null`
 * when which of them are used cannot be told: a module reading them is read whole (`import * as`,
 * `export *`, `import()`), or is imported from outside the app (another package of a monorepo).
 */
function importedExports(index: ProjectIndex, app: AppInfo, home: string): Set<string> | null {
  const imported = new Set<string>();
  // Each module exposing `home`'s exports, with the name each is exported under there → the name in `home`.
  const exposing = new Map<string, Map<string, string>>([[home, new Map(index.facts(home)?.exports.map((e) => [e.name, e.name]))]]);
  for (const [module, names] of exposing) {
    for (const importer of index.importersOf(module)) {
      const facts = index.facts(importer);
      if (!facts || index.appOf(importer) !== app) return null;
      const fromModule = (specifier: string): boolean => {
        const target = index.resolve(importer, specifier);
        return target.kind === 'file' && target.path === module;
      };
      for (const fact of facts.imports.filter((i) => fromModule(i.specifier))) {
        for (const binding of fact.bindings) {
          if (binding.imported === '*') return null;
          const name = names.get(binding.imported);
          if (name !== undefined) imported.add(name);
        }
      }
      for (const reExport of facts.reExports.filter((r) => fromModule(r.specifier))) {
        if (reExport.names === null || reExport.names.some((n) => n.imported === '*')) return null;
        const onward = exposing.get(importer) ?? new Map<string, string>();
        for (const { exported, imported: from } of reExport.names) {
          const name = names.get(from);
          if (name !== undefined) onward.set(exported, name);
        }
        if (onward.size > 0 && !exposing.has(importer)) exposing.set(importer, onward);
      }
    }
  }
  return loadedDynamically(index, new Set(exposing.keys())) ? null : imported;
}

/** Some module loads one of these with `import('…')` or `require('…')`, whose bindings the facts do not follow. */
function loadedDynamically(index: ProjectIndex, modules: ReadonlySet<string>): boolean {
  const loaded = index.dynamicallyImported();
  return [...modules].some((m) => loaded.has(m));
}
