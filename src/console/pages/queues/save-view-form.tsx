import { useId, useState, type FormEvent } from 'react';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { deleteView, saveView, type SavedView } from '../../lib/saved-views';
import type { Filters } from './queue-filters';

/** Saves the queue with its current filters under a name; on a saved view, also removes it. */
export function SaveViewForm({ queueKey, filters, view }: { queueKey: string; filters: Filters; view: SavedView | undefined }) {
  const session = useSession();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Give the view a name.');
      return;
    }
    if (trimmed.length > 60) {
      setError('At most 60 characters.');
      return;
    }
    const saved = saveView(session.user.id, { name: trimmed, queueKey, filters });
    setName('');
    setError(null);
    navigate(`/views/${saved.id}`);
  };

  return (
    <form className="save-view" onSubmit={onSave} noValidate aria-label="Saved view">
      <label htmlFor={`${id}-name`}>Save these filters as a view</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} placeholder="View name" maxLength={80}
        aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-err` : undefined} />
      <button type="submit" className="button">Save view</button>
      {view ? (
        <button type="button" className="button danger-outline" onClick={() => { deleteView(session.user.id, view.id); navigate(`/queues/${queueKey}`); }}>
          Delete this view
        </button>
      ) : null}
      {error ? <small id={`${id}-err`} className="field-error" role="alert">{error}</small> : null}
    </form>
  );
}
