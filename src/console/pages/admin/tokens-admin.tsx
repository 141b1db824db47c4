import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { useDirectory, useSession, userLabel } from '../../app/session';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

interface CreatedToken {
  token: string;
  id: string;
  name: string;
}

/** API tokens for integrations; the secret is shown once, only its hash is kept on the server. */
export function TokensAdmin() {
  const session = useSession();
  const dir = useDirectory();
  const list = useResource('tokens', () => api.get<{ items: ApiToken[] }>('/tokens'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [copied, setCopied] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  const create = useSubmit();
  const revoke = useSubmit();
  const forOthers = session.can('tokens.manage');

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const t = await create.run(() => api.post<CreatedToken>('/tokens', {
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(forOthers && email.trim() ? { email: email.trim() } : {}),
    }));
    if (t) {
      setCreated(t);
      setCopied(false);
      setName('');
      setEmail('');
      list.reload();
      requestAnimationFrame(() => tokenRef.current?.select());
    }
  };
  const onRevoke = async (t: ApiToken) => {
    if (!window.confirm(`Revoke the token "${t.name}" (${t.prefix}…)? Integrations using it stop working at once.`)) return;
    const done = await revoke.run(async () => {
      await api.del(`/tokens/${t.id}`);
      return true;
    });
    if (done) list.reload();
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      tokenRef.current?.select();
    }
  };

  return (
    <div className="admin-section">
      <section className="panel" aria-labelledby="tokens-h">
        <h2 id="tokens-h">{forOthers ? 'All tokens' : 'Your tokens'}</h2>
        <ErrorNote error={list.error ?? revoke.error} />
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Starts with</th>{forOthers ? <th scope="col">Owner</th> : null}<th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
            <tbody>
              {(list.data?.items ?? []).map((t) => (
                <tr key={t.id} className={t.revokedAt ? 'disabled-row' : undefined}>
                  <td>{t.name}</td>
                  <td><code>{t.prefix}…</code></td>
                  {forOthers ? <td>{userLabel(dir, session.user, t.userId)}</td> : null}
                  <td className="nowrap">{formatDateTime(t.createdAt)}</td>
                  <td className="nowrap">{formatDateTime(t.lastUsedAt)}</td>
                  <td>
                    {t.revokedAt ? <span className="muted">Revoked {formatDateTime(t.revokedAt)}</span> : (
                      <button type="button" className="button small danger-outline" disabled={revoke.busy} onClick={() => void onRevoke(t)} aria-label={`Revoke token ${t.name}`}>Revoke</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {list.data && list.data.items.length === 0 ? <p className="muted">No tokens yet.</p> : null}
      </section>
      <section className="panel" aria-labelledby="new-token-h">
        <h2 id="new-token-h">Create a token</h2>
        {created ? (
          <div className="token-once" role="status">
            <p><strong>Copy the token now</strong> — it is not shown again.</p>
            <div className="token-row">
              <label htmlFor="new-token" className="visually-hidden">New API token</label>
              <input id="new-token" ref={tokenRef} readOnly value={created.token} className="mono" onFocus={(e) => e.target.select()} />
              <button type="button" className="button" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
            </div>
            <p className="small muted">Use it as <code>Authorization: Bearer …</code></p>
          </div>
        ) : null}
        <form onSubmit={onCreate} className="inline-form" noValidate>
          <Field label="Name" name="name" error={create.error} hint="What uses it, e.g. “shopify-sync”" render={(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} />} />
          {forOthers ? (
            <Field label="For (email, optional)" name="email" error={create.error} hint="Leave empty for your own token" render={(a) => <input {...a} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />} />
          ) : null}
          <FormError error={create.error} fields={['name', 'email']} />
          <div className="form-actions"><button type="submit" className="button primary" disabled={create.busy}>Create token</button></div>
        </form>
      </section>
    </div>
  );
}
