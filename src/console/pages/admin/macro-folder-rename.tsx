import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Field, FormError } from '../../components/fields';
import { useSubmit } from '../../lib/use-submit';
import type { MacroBoard } from './macro-types';

/**
 * A folder is the name its macros share, so renaming one moves each of its macros, archived ones
 * too (PUT /macros/:id {folder}); renaming onto an existing folder merges them. A macro the server
 * refuses (a title already in the target folder) stops the move and is named.
 */
export function MacroFolderRename({ folder, onRenamed }: { folder: string; onRenamed(to: string): void }) {
  const [name, setName] = useState(folder);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const to = name.trim();
    const done = await submit.run(async () => {
      const board = await api.get<MacroBoard>('/macros', { folder, includeArchived: true, limit: 500 });
      for (const m of board.items) {
        try {
          await api.put(`/macros/${encodeURIComponent(m.id)}`, { folder: to });
        } catch (err) {
          if (err instanceof ApiError) throw new ApiError(err.status, err.code, `“${m.title}”: ${err.message}`, err.field === 'folder' ? 'folder' : undefined);
          throw err;
        }
      }
      return to;
    });
    if (done !== undefined) onRenamed(done);
  };
  return (
    <form className="inline-form" aria-label="Rename folder" onSubmit={onSubmit} noValidate>
      <Field label={`New name for “${folder}”`} name="folder" error={submit.error} render={(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} />} />
      <FormError error={submit.error} fields={['folder']} />
      <button type="submit" className="button small" disabled={submit.busy || name.trim() === folder}>Rename folder</button>
    </form>
  );
}
