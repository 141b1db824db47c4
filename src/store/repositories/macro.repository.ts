import { sql, type Selectable } from 'kysely';
import type { Dialect, Executor } from '../database.js';
import type { MacroVersionsTable } from '../schema.js';

export interface MacroRecord {
  id: number;
  folder: string;
  title: string;
  active: boolean;
  currentVersion: number;
  createdById: number | null;
  createdAt: string;
  /** The version in force: its text, author and time. */
  body: string;
  updatedById: number | null;
  updatedAt: string;
}

export interface MacroVersionRecord {
  macroId: number;
  version: number;
  body: string;
  authorId: number | null;
  createdAt: string;
  changeNote: string | null;
}

const idOrNull = (v: number | null) => (v === null ? null : Number(v));

function toVersion(r: Selectable<MacroVersionsTable>): MacroVersionRecord {
  return {
    macroId: Number(r.macro_id),
    version: Number(r.version),
    body: r.body,
    authorId: idOrNull(r.author_id),
    createdAt: r.created_at,
    changeNote: r.change_note,
  };
}

/** Macros joined to the version in force. */
function macrosWithCurrent(db: Executor) {
  return db
    .selectFrom('macros as m')
    .innerJoin('macro_versions as v', (j) => j.onRef('v.macro_id', '=', 'm.id').onRef('v.version', '=', 'm.current_version'))
    .select([
      'm.id', 'm.folder', 'm.title', 'm.active', 'm.current_version', 'm.created_by', 'm.created_at',
      'v.body', 'v.author_id', 'v.created_at as version_created_at',
    ]);
}

type MacroRow = {
  id: number; folder: string; title: string; active: number; current_version: number; created_by: number | null; created_at: string;
  body: string; author_id: number | null; version_created_at: string;
};

function toMacro(r: MacroRow): MacroRecord {
  return {
    id: Number(r.id),
    folder: r.folder,
    title: r.title,
    active: Number(r.active) === 1,
    currentVersion: Number(r.current_version),
    createdById: idOrNull(r.created_by),
    createdAt: r.created_at,
    body: r.body,
    updatedById: idOrNull(r.author_id),
    updatedAt: r.version_created_at,
  };
}

export async function insertMacro(
  db: Executor,
  input: { folder: string; title: string; body: string; authorId: number | null; at: string; changeNote: string | null },
): Promise<MacroRecord> {
  const row = await db
    .insertInto('macros')
    .values({ folder: input.folder, title: input.title, active: 1, current_version: 1, created_by: input.authorId, created_at: input.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await insertMacroVersion(db, { macroId: id, version: 1, body: input.body, authorId: input.authorId, at: input.at, changeNote: input.changeNote });
  return (await findMacroById(db, id))!;
}

export async function insertMacroVersion(
  db: Executor,
  input: { macroId: number; version: number; body: string; authorId: number | null; at: string; changeNote: string | null },
): Promise<void> {
  await db
    .insertInto('macro_versions')
    .values({ macro_id: input.macroId, version: input.version, body: input.body, author_id: input.authorId, created_at: input.at, change_note: input.changeNote })
    .execute();
}

export async function findMacroById(db: Executor, id: number): Promise<MacroRecord | undefined> {
  const row = await macrosWithCurrent(db).where('m.id', '=', id).executeTakeFirst();
  return row && toMacro(row);
}

/** Locks the macro row until the transaction ends (PostgreSQL; SQLite serialises writers anyway). */
export async function lockMacro(db: Executor, id: number, dialect: Dialect): Promise<boolean> {
  let q = db.selectFrom('macros').select('id').where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return (await q.executeTakeFirst()) !== undefined;
}

export async function findMacroByFolderTitle(db: Executor, folder: string, title: string): Promise<MacroRecord | undefined> {
  const row = await macrosWithCurrent(db).where('m.folder', '=', folder).where('m.title', '=', title).executeTakeFirst();
  return row && toMacro(row);
}

export async function updateMacroRow(
  db: Executor,
  id: number,
  patch: { folder?: string; title?: string; active?: boolean; currentVersion?: number },
): Promise<void> {
  const values = {
    ...(patch.folder !== undefined ? { folder: patch.folder } : {}),
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    ...(patch.currentVersion !== undefined ? { current_version: patch.currentVersion } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await db.updateTable('macros').set(values).where('id', '=', id).execute();
}

/** A folder's macros (archived ones too), locked until the transaction ends on PostgreSQL. */
export async function lockMacroFolder(db: Executor, folder: string, dialect: Dialect): Promise<number[]> {
  let q = db.selectFrom('macros').select('id').where('folder', '=', folder).orderBy('id');
  if (dialect === 'postgres') q = q.forUpdate();
  return (await q.execute()).map((r) => Number(r.id));
}

/** Titles `to` already has that a macro in `from` also has: moving `from` there would repeat them. */
export async function findFolderTitleClashes(db: Executor, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('macros')
    .select('title')
    .where('folder', '=', to)
    .where('title', 'in', db.selectFrom('macros').select('title').where('folder', '=', from))
    .orderBy('title')
    .execute();
  return rows.map((r) => r.title);
}

/** Moves every macro of `from` to `to` in one statement; the ids that moved. */
export async function moveMacroFolder(db: Executor, from: string, to: string): Promise<number[]> {
  const rows = await db.updateTable('macros').set({ folder: to }).where('folder', '=', from).returning('id').execute();
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export interface MacroListFilter {
  folder?: string;
  /** Case-insensitive substring of the title or the text in force. */
  q?: string;
  includeArchived: boolean;
  limit: number;
}

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listMacros(db: Executor, filter: MacroListFilter): Promise<MacroRecord[]> {
  let q = macrosWithCurrent(db);
  if (!filter.includeArchived) q = q.where('m.active', '=', 1);
  if (filter.folder !== undefined) q = q.where('m.folder', '=', filter.folder);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    q = q.where((eb) => eb.or([
      eb(sql`lower(m.title)`, 'like', sql`${pattern} escape '\\'`),
      eb(sql`lower(v.body)`, 'like', sql`${pattern} escape '\\'`),
    ]));
  }
  const rows = await q.orderBy('m.folder').orderBy('m.title').orderBy('m.id').limit(filter.limit).execute();
  return rows.map(toMacro);
}

export async function listMacroFolders(db: Executor, options: { includeArchived: boolean }): Promise<{ folder: string; count: number }[]> {
  let q = db.selectFrom('macros').select(['folder', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('folder').orderBy('folder');
  if (!options.includeArchived) q = q.where('active', '=', 1);
  return (await q.execute()).map((r) => ({ folder: r.folder, count: Number(r.n) }));
}

/** Every version, newest first. */
export async function listMacroVersions(db: Executor, macroId: number): Promise<MacroVersionRecord[]> {
  const rows = await db.selectFrom('macro_versions').selectAll().where('macro_id', '=', macroId).orderBy('version', 'desc').execute();
  return rows.map(toVersion);
}

export async function findMacroVersion(db: Executor, macroId: number, version: number): Promise<MacroVersionRecord | undefined> {
  const row = await db.selectFrom('macro_versions').selectAll().where('macro_id', '=', macroId).where('version', '=', version).executeTakeFirst();
  return row && toVersion(row);
}

/** Two writers raced for the same (folder, title) or (macro, version): the later one lost. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
