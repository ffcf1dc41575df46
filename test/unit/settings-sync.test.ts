import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/analysis/settings';
import { DEFAULT_EDITOR_SETTINGS, editorSettingsFrom } from '../../server/src/lsp/editor-settings';
import { manifestProperties, projectFileSchema } from '../../scripts/settings-schema';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string): any => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

describe('settings', () => {
  it('package.json declares exactly the settings object, with its defaults', () => {
    const properties = read('package.json').contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(properties[`nextActionAdvisor.${key}`].default, value);
    assert.deepEqual(properties, manifestProperties(), 'run npm run sync:settings');
  });

  it('package.json declares the editor-only settings with their defaults, for the whole window', () => {
    const properties = read('package.json').contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_EDITOR_SETTINGS)) {
      assert.equal(key in DEFAULT_SETTINGS, false, `${key} is the editor's, not the analysis's`);
      assert.deepEqual(properties[`nextActionAdvisor.${key}`].default, value);
      assert.equal(properties[`nextActionAdvisor.${key}`].scope, 'window');
      assert.ok(properties[`nextActionAdvisor.${key}`].enum.includes(value));
    }
  });

  it('reads each editor setting from its enum, keeping the default for a wrong value', () => {
    assert.deepEqual(editorSettingsFrom(undefined), DEFAULT_EDITOR_SETTINGS);
    const properties = read('package.json').contributes.configuration.properties;
    for (const key of Object.keys(DEFAULT_EDITOR_SETTINGS)) {
      for (const value of properties[`nextActionAdvisor.${key}`].enum) assert.equal(editorSettingsFrom({ [key]: value })[key as keyof typeof DEFAULT_EDITOR_SETTINGS], value);
      assert.deepEqual(editorSettingsFrom({ [key]: 'loud' }), DEFAULT_EDITOR_SETTINGS);
    }
  });

  it('the project file schema declares the same keys and defaults', () => {
    const schema = read('schemas/next-action-advisor.schema.json');
    assert.deepEqual(Object.keys(schema.properties).filter((k) => k !== '$schema').sort(), Object.keys(DEFAULT_SETTINGS).sort());
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(schema.properties[key].default, value);
    assert.deepEqual(schema, projectFileSchema(), 'run npm run sync:settings');
  });

  it('merges names onto the defaults and names each wrong field', () => {
    const problems: string[] = [];
    const merged = mergeSettings(DEFAULT_SETTINGS, { rules: { 'action-missing-auth': 'error', 'redirect-in-try': 'loud' }, authFunctions: ['requireAdmin'], maxFileSize: -1 }, problems);
    assert.equal(merged.rules['action-missing-auth'], 'error');
    assert.equal(merged.rules['redirect-in-try'], undefined);
    assert.deepEqual(merged.authFunctions, ['requireAdmin']);
    assert.equal(merged.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.deepEqual(problems, ['rules.redirect-in-try: expected one of off, hint, info, warning, error', 'maxFileSize: expected a positive number of bytes']);
  });
});
