import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { MacroEditor } from './macro-editor';
import { MacroFolderRename } from './macro-folder-rename';
import type { Macro, MacroBoard } from './macro-types';

// The macro board (R000-10, R000-13: whoever keeps the board current manages it). Folders are the
// macros' folder names: a new name starts a folder, moving the last macro out empties it. Every
// change of text is a new version, in force at once; older versions can be read and restored.

export function MacrosAdmin() {
  const [folder, setFolder] = useState('');
  const [archived, setArchived] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const board = useResource(`macros:${folder}:${archived}`, () => api.get<MacroBoard>('/macros', { folder, includeArchived: archived || undefined, limit: 500 }));
  const folders = board.data?.folders ?? [];
  const changed = () => board.reload();

  return (
    <div className="admin-section macros-admin">
      <section className="panel" aria-labelledby="macros-h">
        <h2 id="macros-h">Macros</h2>
        <div className="filters">
          <label className="inline-label">Folder{' '}
            <select value={folder} onChange={(e) => { setFolder(e.target.value); setOpenId(null); }}>
              <option value="">All folders</option>
              {folders.map((f) => <option key={f.name} value={f.name}>{f.name} ({f.count})</option>)}
            </select>
          </label>
          <label className="check"><input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> Show archived</label>
        </div>
        {folder ? <MacroFolderRename key={folder} folder={folder} onRenamed={(to) => { setFolder(to); setOpenId(null); changed(); }} /> : null}
        <ErrorNote error={board.error} title="Could not load the macros." />
        {board.data && board.data.items.length === 0 ? <p className="muted">No macros here.</p> : null}
        {(board.data?.items ?? []).length > 0 ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Macros</caption>
              <thead><tr><th scope="col">Title</th><th scope="col">Folder</th><th scope="col">Version</th><th scope="col">State</th></tr></thead>
              <tbody>
                {board.data!.items.map((m: Macro) => (
                  <tr key={m.id} className={m.active ? undefined : 'disabled-row'}>
                    <td>
                      <button type="button" className="link-button" aria-expanded={openId === m.id} onClick={() => setOpenId(openId === m.id ? null : m.id)}>{m.title}</button>
                    </td>
                    <td>{m.folder}</td>
                    <td>v{m.version}</td>
                    <td>{m.active ? 'In use' : 'Archived'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {openId ? <MacroEditor key={openId} id={openId} folders={folders.map((f) => f.name)} onChanged={changed} /> : null}
      <NewMacro folders={folders.map((f) => f.name)} onCreated={(m) => { changed(); setOpenId(m.id); }} />
    </div>
  );
}

function NewMacro({ folders, onCreated }: { folders: string[]; onCreated(m: Macro): void }) {
  const [folder, setFolder] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const submit = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const m = await submit.run(() => api.post<Macro>('/macros', { folder, title, body }));
    if (m) {
      setTitle('');
      setBody('');
      onCreated(m);
    }
  };
  return (
    <section className="panel" aria-labelledby="new-macro-h">
      <h2 id="new-macro-h">New macro</h2>
      <form className="form-grid" aria-label="New macro" onSubmit={onSubmit} noValidate>
        <Field label="Folder" name="folder" error={submit.error} hint="An existing folder, or a new name to start one" render={(a) => (
          <input {...a} list="macro-folders" value={folder} onChange={(e) => setFolder(e.target.value)} />
        )} />
        <datalist id="macro-folders">{folders.map((f) => <option key={f} value={f} />)}</datalist>
        <Field label="Title" name="title" error={submit.error} render={(a) => <input {...a} value={title} onChange={(e) => setTitle(e.target.value)} />} />
        <Field label="Text" name="body" error={submit.error} hint="{{customer.firstName}} is filled by Ladder; [[blank]] is for the agent" render={(a) => (
          <textarea {...a} rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
        )} />
        <FormError error={submit.error} fields={['folder', 'title', 'body']} />
        <div className="form-actions"><button type="submit" className="button primary" disabled={submit.busy}>Add macro</button></div>
      </form>
    </section>
  );
}
