import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladder } from '../support/cli.js';
import { availableDialects, createTestStore, postgresUrlWithSchema, type TestStore } from '../support/databases.js';
import { DEFAULT_MACROS } from '../../src/domain/macros/default-macros.js';

// `ladder macros list|show|import|rename-folder|seed` (issue 5 item 3), run as an operator runs it.
const dialects = await availableDialects();


describe.each(dialects)('ladder macros on %s', (dialect) => {
  let store: TestStore;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'ladder-macros-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    store = await createTestStore(dialect);
    env = { LADDER_DATA_DIR: store.dataDir, ...(store.url && store.schema ? { DATABASE_URL: postgresUrlWithSchema(store.url, store.schema) } : {}) };
  });
  afterAll(async () => {
    await store?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a YAML file, then revises a changed text as version 2 (R000-13)', async () => {
    const v1 = file('v1.yaml', 'macros:\n  - folder: Shipping\n    title: Delay\n    body: "Order #{{order.number}} delayed: [[why]]."\n    note: first\n');
    const first = await ladder(env, ['macros', 'import', v1]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('created 1, revised 0, unchanged 0, kept 0');
    const v2 = file('v2.yaml', '- folder: Shipping\n  title: Delay\n  body: |\n    Order #{{order.number}} is delayed because [[why]].\n  note: clearer\n');
    const second = await ladder(env, ['macros', 'import', v2]);
    expect(second.stdout).toMatch(/^revised\s+\d+\s+v2\s+Shipping \/ Delay$/m);

    const list = await ladder(env, ['macros', 'list']);
    expect(list.stdout).toMatch(/^Shipping\n\s+\d+\s+v2\s+Delay$/m);
    const id = /(\d+)\s+v2\s+Delay/.exec(list.stdout)![1]!;
    const shown = await ladder(env, ['macros', 'show', id, '--version', '1']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('version 1, ');
    expect(shown.stdout).toContain('Order #{{order.number}} delayed: [[why]].');
    expect(shown.stdout).toMatch(/v2 .* clearer\n\s+v1 .* first/);
  }, 60_000);

  it('refuses a bad template naming the item, line and column; exit 2, nothing written', async () => {
    const bad = file('bad.yaml', 'macros:\n  - { folder: A, title: Fine, body: "ok" }\n  - { folder: A, title: Broken, body: "Hi {{customer.nmae}}" }\n');
    const r = await ladder(env, ['macros', 'import', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('macros[1].body: line 1, column 6: unknown variable "customer.nmae"; did you mean "customer.name"?');
    expect((await ladder(env, ['macros', 'list', '--folder', 'A'])).stdout).toBe('no macros\n');
    const notYaml = await ladder(env, ['macros', 'import', file('x.yaml', 'macros: [\n')]);
    expect(notYaml.code).toBe(2);
    expect(notYaml.stderr).toMatch(/x\.yaml(:\d+)?: invalid YAML/);
  }, 60_000);

  it('seeds the default set once', async () => {
    expect((await ladder(env, ['macros', 'seed'])).stdout).toBe(`created ${DEFAULT_MACROS.length}, kept 0\n`);
    expect((await ladder(env, ['macros', 'seed'])).stdout).toBe(`created 0, kept ${DEFAULT_MACROS.length}\n`);
    const json = JSON.parse((await ladder(env, ['macros', 'list', '--folder', 'Updates to CS', '--json'])).stdout);
    expect(json.items).toHaveLength(4);
  }, 60_000);

  it('renames a folder: all its macros move, or none when a title is already in the target (exit 2)', async () => {
    await ladder(env, ['macros', 'import', file('folders.yaml', 'macros:\n  - { folder: Old, title: Apology, body: "Sorry" }\n  - { folder: Old, title: Delay, body: "Late" }\n  - { folder: Taken, title: Delay, body: "Late too" }\n')]);
    const refused = await ladder(env, ['macros', 'rename-folder', 'Old', 'Taken']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^to: folder "Taken" already has macros titled "Delay"/);
    expect((await ladder(env, ['macros', 'list', '--folder', 'Old', '--json'])).stdout).toContain('"Apology"');
    const moved = await ladder(env, ['macros', 'rename-folder', 'Old', 'New']);
    expect(moved).toMatchObject({ code: 0, stdout: 'moved 2 macros from "Old" to "New"\n' });
    expect((await ladder(env, ['macros', 'list', '--folder', 'Old'])).stdout).toBe('no macros\n');
  }, 60_000);
});
