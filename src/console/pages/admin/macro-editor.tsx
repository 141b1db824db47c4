import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { userLabel, useDirectory, useSession } from '../../app/session';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import type { Macro, MacroDetail } from './macro-types';

/**
 * One macro: edit its folder, title and text (a changed text is a new version, refused with 409
 * when someone saved another since — `baseVersion`), archive or restore it, and read or restore
 * any earlier version's text.
 */
export function MacroEditor({ id, folders, onChanged }: { id: string; folders: string[]; onChanged(): void }) {
  const session = useSession();
  const directory = useDirectory();
  const detail = useResource(`macro:${id}`, () => api.get<MacroDetail>(`/macros/${encodeURIComponent(id)}`));
  const [draft, setDraft] = useState<{ folder: string; title: string; body: string; note: string } | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const m = detail.data;
  if (m && !draft) setDraft({ folder: m.folder, title: m.title, body: m.body, note: '' });
  if (detail.error) return <ErrorNote error={detail.error} title="Could not load the macro." />;
  if (!m || !draft) return <p className="loading small">Loading…</p>;

  const put = async (body: Record<string, unknown>, message: string) => {
    setSaved(null);
    const next = await submit.run(async () => {
      await api.put<Macro>(`/macros/${encodeURIComponent(id)}`, { ...body, baseVersion: m.version });
      // The answer has no versions: ask for the macro with its history.
      return api.get<MacroDetail>(`/macros/${encodeURIComponent(id)}`);
    });
    if (next) {
      detail.set(next);
      setDraft({ folder: next.folder, title: next.title, body: next.body, note: '' });
      setViewing(null);
      setSaved(message);
      onChanged();
    }
  };
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void put({ folder: draft.folder, title: draft.title, body: draft.body, ...(draft.note.trim() ? { changeNote: draft.note.trim() } : {}) }, 'Saved.');
  };
  const shown = m.versions.find((v) => v.version === viewing) ?? null;

  return (
    <section className="panel macro-editor" aria-labelledby="macro-editor-h">
      <h2 id="macro-editor-h">{m.title} <span className="muted small">v{m.version}{m.active ? '' : ' · archived'}</span></h2>
      {saved ? <p className="notice success small" role="status">{saved}</p> : null}
      <form className="form-grid" aria-label="Edit macro" onSubmit={onSave} noValidate>
        <Field label="Folder" name="folder" error={submit.error} hint="Another folder's name moves it; a new name starts a folder" render={(a) => (
          <input {...a} list="macro-editor-folders" value={draft.folder} onChange={(e) => setDraft({ ...draft, folder: e.target.value })} />
        )} />
        <datalist id="macro-editor-folders">{folders.map((f) => <option key={f} value={f} />)}</datalist>
        <Field label="Title" name="title" error={submit.error} render={(a) => <input {...a} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />} />
        <Field label="Text" name="body" error={submit.error} render={(a) => <textarea {...a} rows={6} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />} />
        <Field label="What changed (optional)" name="changeNote" error={submit.error} render={(a) => <input {...a} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />} />
        <FormError error={submit.error} fields={['folder', 'title', 'body', 'changeNote']} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.busy}>Save macro</button>
          <button type="button" className="button" disabled={submit.busy} onClick={() => void put({ active: !m.active }, m.active ? 'Archived: agents no longer see it.' : 'Restored: agents see it again.')}>
            {m.active ? 'Archive' : 'Restore'}
          </button>
        </div>
      </form>
      <h3>Versions</h3>
      <ol className="plain-list macro-versions" aria-label="Versions">
        {m.versions.map((v) => (
          <li key={v.version}>
            <button type="button" className="link-button" aria-expanded={viewing === v.version} onClick={() => setViewing(viewing === v.version ? null : v.version)}>
              Version {v.version}
            </button>{' '}
            <span className="small muted">{formatDateTime(v.createdAt)} · {userLabel(directory, session.user, v.authorId)}{v.changeNote ? ` · ${v.changeNote}` : ''}{v.current ? ' · in force' : ''}</span>
          </li>
        ))}
      </ol>
      {shown ? (
        <div className="macro-version-text" role="region" aria-label={`Text of version ${shown.version}`}>
          <pre className="code-area small">{shown.body}</pre>
          {!shown.current ? (
            <button type="button" className="button small" disabled={submit.busy} onClick={() => void put({ body: shown.body, changeNote: `Restored version ${shown.version}` }, `Version ${shown.version}'s text is in force again.`)}>
              Restore this text
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
