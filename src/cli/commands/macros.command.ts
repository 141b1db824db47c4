import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';

/** `macros: [{ folder, title, body, note? }]`, or the list alone; YAML loads only when importing. */
async function readMacroFile(file: string): Promise<unknown[]> {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliInputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const YAML = await import('yaml');
  const doc = YAML.parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw new CliInputError(`${file}${line ? `:${line}` : ''}: invalid YAML (${first.message.split('\n')[0]})`);
  }
  const value = doc.toJS() as unknown;
  const list = Array.isArray(value) ? value : (value as { macros?: unknown } | null)?.macros;
  if (!Array.isArray(list)) throw new CliInputError(`${file}: expected a list of macros, or "macros:" with a list`);
  return list;
}

/** `ladder macros list|show|import|rename-folder|seed` (issue 5 item 3), against the configured store, as the operator. */
export function registerMacrosCommands(program: Command): void {
  const macros = program.command('macros').description('Reply macros: folders, versions, import');

  macros
    .command('list')
    .description('List macros in force, by folder')
    .option('--folder <name>', 'only this folder')
    .option('--q <text>', 'search titles and texts')
    .option('--all', 'archived macros too')
    .option('--json', 'print JSON')
    .action((opts: { folder?: string; q?: string; all?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const { listMacros } = await import('../../services/macros/list-macros.js');
        const { SYSTEM_ACTOR } = await import('../../services/actor.js');
        await withStore(async (store) => {
          const list = await listMacros(store, SYSTEM_ACTOR, { includeArchived: opts.all === true, limit: 500, ...(opts.folder ? { folder: opts.folder } : {}), ...(opts.q ? { q: opts.q } : {}) });
          if (opts.json) return printJson(list);
          let folder: string | null = null;
          for (const m of list.items) {
            if (m.folder !== folder) process.stdout.write(`${(folder = m.folder)}\n`);
            process.stdout.write(`${m.id.padStart(6)}  v${String(m.version).padEnd(3)} ${m.title}${m.active ? '' : '  (archived)'}\n`);
          }
          if (list.items.length === 0) process.stdout.write('no macros\n');
        });
      }),
    );

  macros
    .command('show')
    .description('Show a macro in force (or --version N) and its history')
    .argument('<id>')
    .option('--version <n>', 'an earlier version')
    .option('--json', 'print JSON')
    .action((id: string, opts: { version?: string; json?: boolean }) =>
      runCommand(async () => {
        const { getMacro } = await import('../../services/macros/get-macro.js');
        const { SYSTEM_ACTOR } = await import('../../services/actor.js');
        await withStore(async (store) => {
          const m = await getMacro(store, SYSTEM_ACTOR, { id });
          if (opts.json) return printJson(m);
          const shown = opts.version === undefined ? m.versions[0] : m.versions.find((v) => String(v.version) === opts.version);
          if (!shown) throw new CliInputError(`--version: macro ${m.id} has versions 1 to ${m.version}`);
          process.stdout.write(`${m.folder} / ${m.title}${m.active ? '' : ' (archived)'}\nversion ${shown.version}${shown.current ? ' (in force)' : ''}, ${shown.createdAt}\n\n${shown.body}\n\nhistory:\n`);
          for (const v of m.versions) process.stdout.write(`  v${v.version}  ${v.createdAt}  ${v.changeNote ?? ''}\n`);
        });
      }),
    );

  macros
    .command('import')
    .description('Create or revise macros from a YAML file (macros: [{folder, title, body, note}]); all or nothing')
    .argument('<file>', 'YAML file, or - for standard input')
    .option('--keep-existing', 'leave macros that already exist untouched')
    .option('--json', 'print JSON')
    .action((file: string, opts: { keepExisting?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const items = await readMacroFile(file);
        const { importMacros } = await import('../../services/macros/import-macros.js');
        const { SYSTEM_ACTOR } = await import('../../services/actor.js');
        await withStore(async (store) => {
          const r = await importMacros(store, SYSTEM_ACTOR, { items, existing: opts.keepExisting ? 'keep' : 'revise' });
          if (opts.json) return printJson(r);
          for (const i of r.items) process.stdout.write(`${i.outcome.padEnd(9)} ${i.id.padStart(6)}  v${i.version}  ${i.folder} / ${i.title}\n`);
          process.stdout.write(`created ${r.created}, revised ${r.revised}, unchanged ${r.unchanged}, kept ${r.kept}\n`);
        });
      }),
    );

  macros
    .command('rename-folder')
    .description('Rename a folder: every macro in it moves, archived ones too, or none does; onto an existing folder merges them')
    .argument('<from>', 'the folder now')
    .argument('<to>', 'its new name')
    .option('--json', 'print JSON')
    .action((from: string, to: string, opts: { json?: boolean }) =>
      runCommand(async () => {
        const { renameMacroFolder } = await import('../../services/macros/rename-macro-folder.js');
        const { SYSTEM_ACTOR } = await import('../../services/actor.js');
        await withStore(async (store) => {
          const r = await renameMacroFolder(store, SYSTEM_ACTOR, { from, to });
          if (opts.json) return printJson(r);
          process.stdout.write(`moved ${r.moved} macro${r.moved === 1 ? '' : 's'} from "${r.from}" to "${r.to}"${r.merged ? ' (merged into the existing folder)' : ''}\n`);
        });
      }),
    );

  macros
    .command('seed')
    .description('Add the default macro set (R001-10 templates and support classics); existing macros are kept')
    .action(() =>
      runCommand(async () => {
        const { seedDefaultMacros } = await import('../../services/macros/seed-default-macros.js');
        await withStore(async (store) => {
          const r = await seedDefaultMacros(store);
          process.stdout.write(`created ${r.created}, kept ${r.kept}\n`);
        });
      }),
    );
}
