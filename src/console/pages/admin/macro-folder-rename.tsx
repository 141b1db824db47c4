import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Field, FormError } from '../../components/fields';
import { useSubmit } from '../../lib/use-submit';

interface FolderRenamed { from: string; to: string; moved: number; merged: boolean }

/**
 * A folder is the name its macros share, so renaming one moves each of its macros, archived ones
 * too, in one step on the server (POST /macros/folders/rename): all of them or none. Renaming onto
 * an existing folder merges them; titles that folder already has are named and nothing moves.
 */
export function MacroFolderRename({ folder, onRenamed }: { folder: string; onRenamed(to: string): void }) {
  const [name, setName] = useState(folder);
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await submit.run(() => api.post<FolderRenamed>('/macros/folders/rename', { from: folder, to: name.trim() }));
    if (done) onRenamed(done.to);
  };
  return (
    <form className="inline-form" aria-label="Rename folder" onSubmit={onSubmit} noValidate>
      <Field label={`New name for “${folder}”`} name="to" error={submit.error} render={(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} />} />
      <FormError error={submit.error} fields={['to']} />
      <button type="submit" className="button small" disabled={submit.busy || name.trim() === folder}>Rename folder</button>
    </form>
  );
}
