import { useEffect, useState, type FormEvent } from 'react';
import { api, request } from '../api/client';
import type { SessionInfo } from '../api/types';
import { Field, FormError } from '../components/fields';
import { useSubmit } from '../lib/use-submit';

interface Setup {
  needsFirstAdmin: boolean;
  howTo: string | null;
}

export function SignInPage({ notice, onSignedIn }: { notice: string | null; onSignedIn(info: SessionInfo): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [setup, setSetup] = useState<Setup | null>(null);
  const submit = useSubmit();

  useEffect(() => {
    document.title = 'Sign in · Ladder';
    api.get<Setup>('/auth/setup').then(setSetup, () => {});
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const info = await submit.run(() => request<SessionInfo>('POST', '/auth/sign-in', { email: email.trim(), password }, { quiet401: true }));
    if (info) onSignedIn(info);
  };

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <h1 className="signin-brand">Ladder</h1>
        <p className="muted">Order issues and escalations, decided by your SOP.</p>
        {notice ? <p className="notice" role="status">{notice}</p> : null}
        {setup?.needsFirstAdmin ? (
          <div className="setup-note" role="note">
            <h2>This desk has no users yet</h2>
            <p>Create the first admin on the server, then sign in here:</p>
            <pre><code>{setup.howTo ?? 'npx ladder users add --email you@example.com --role admin'}</code></pre>
            <p>Or load a demo desk with a user for every role:</p>
            <pre><code>npx ladder demo</code></pre>
          </div>
        ) : null}
        <form onSubmit={onSubmit} noValidate>
          <Field label="Email" name="email" error={submit.error} render={(a) => (
            <input {...a} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
          )} />
          <Field label="Password" name="password" error={submit.error} render={(a) => (
            <input {...a} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          )} />
          <FormError error={submit.error} fields={['email', 'password']} />
          <button type="submit" className="button primary wide" disabled={submit.busy}>
            {submit.busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
