import type { CallFact, FunctionFact } from './facts/file-facts';

/**
 * The names that carry a value from `seeds` through the function's declarations: `title` in
 * `const title = formData.get('title')`, and on through `const data = { title }` and `data.items = …`.
 */
export function namesFedBy(fn: FunctionFact, seeds: Iterable<string>): ReadonlySet<string> {
  const fed = new Set(seeds);
  for (let grew = fed.size > 0; grew; ) {
    grew = false;
    const feed = (names: readonly string[]): void => {
      for (const name of names) {
        if (fed.has(name)) continue;
        fed.add(name);
        grew = true;
      }
    };
    for (const assignment of fn.assignments) if (assignment.from.some((name) => fed.has(name))) feed(assignment.names);
    // A method given the value may keep it in its receiver: `items.push(input.item)`.
    for (const call of fn.calls) if (call.root !== null && call.members.length > 0 && receives(call, fed)) feed([call.root]);
  }
  return fed;
}

/** The call is given one of the names, or a value computed from it. */
export function receives(call: CallFact, names: ReadonlySet<string>): boolean {
  return call.argReferences.some((name) => names.has(name));
}
