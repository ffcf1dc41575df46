import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticResults, NO_DIAGNOSTICS } from '../../server/src/lsp/diagnostic-results';

const diagnostic = (message: string, related = 'The read'): Diagnostic => ({
  range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } },
  severity: 2,
  code: 'action-used-for-read',
  message,
  relatedInformation: [{ location: { uri: 'file:///a.ts', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } }, message: related }],
});

describe('diagnostic result ids', () => {
  it('keep the id while the diagnostics are equal, and change it with any difference, nested ones included', () => {
    let items: Diagnostic[] = [];
    const results = new DiagnosticResults(() => items, () => undefined);
    assert.equal(results.fresh('/a.ts').resultId, NO_DIAGNOSTICS.resultId, 'no diagnostics, as before the first answer');
    assert.deepEqual(results.takeChanged(), []);

    items = [diagnostic('"load" reads')];
    const first = results.fresh('/a.ts');
    assert.deepEqual(results.takeChanged(), ['/a.ts']);
    items = [diagnostic('"load" reads')];
    assert.equal(results.fresh('/a.ts').resultId, first.resultId, 'equal diagnostics computed again');
    assert.deepEqual(results.takeChanged(), []);

    const ids = new Set([first.resultId]);
    for (const changed of [[diagnostic('"load" reads', 'The write')], [{ ...diagnostic('"load" reads'), tags: [1] }], [diagnostic('"load" reads'), diagnostic('"save" reads')], []]) {
      items = changed as Diagnostic[];
      const result = results.fresh('/a.ts');
      assert.ok(!ids.has(result.resultId), JSON.stringify(changed));
      ids.add(result.resultId);
      assert.deepEqual(results.takeChanged(), ['/a.ts']);
    }
  });
});
