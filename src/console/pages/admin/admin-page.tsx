import { useEffect } from 'react';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { UsersAdmin } from './users-admin';
import { TeamsAdmin } from './teams-admin';
import { TokensAdmin } from './tokens-admin';
import { PolicyAdmin } from './policy-admin';
import { WebhooksAdmin } from './webhooks-admin';
import { MacrosAdmin } from './macros-admin';
import { ShopifyParkedReturns } from './shopify-parked-returns';

const TABS = [
  { key: 'users', label: 'Users', permission: 'users.manage' },
  { key: 'teams', label: 'Teams', permission: 'teams.manage' },
  { key: 'tokens', label: 'API tokens', permission: 'tokens.own' },
  { key: 'policy', label: 'Policy', permission: 'policy.manage' },
  { key: 'webhooks', label: 'Webhooks', permission: 'webhooks.manage' },
  { key: 'macros', label: 'Macros', permission: 'macros.manage' },
  { key: 'shopify', label: 'Shopify', permission: 'integrations.read' },
] as const;

export default function AdminPage({ tab }: { tab: string | null }) {
  const session = useSession();
  const tabs = TABS.filter((t) => session.can(t.permission));
  const current = tabs.find((t) => t.key === tab);

  useEffect(() => {
    if (!current && tabs[0]) navigate(`/admin/${tabs[0].key}`, { replace: true });
  }, [current, tabs]);
  useEffect(() => {
    if (current) document.title = `${current.label} · Admin · Ladder`;
  }, [current]);

  if (!current) return null;
  return (
    <section className="page admin-page" aria-labelledby="admin-title">
      <h1 id="admin-title">{tabs.length > 1 ? 'Administration' : current.label}</h1>
      {tabs.length > 1 ? (
        <nav className="subnav" aria-label="Administration sections">
          {tabs.map((t) => <Link key={t.key} to={`/admin/${t.key}`} aria-current={t.key === current.key ? 'page' : undefined}>{t.label}</Link>)}
        </nav>
      ) : null}
      {current.key === 'users' ? <UsersAdmin /> : null}
      {current.key === 'teams' ? <TeamsAdmin /> : null}
      {current.key === 'tokens' ? <TokensAdmin /> : null}
      {current.key === 'policy' ? <PolicyAdmin /> : null}
      {current.key === 'webhooks' ? <WebhooksAdmin /> : null}
      {current.key === 'macros' ? <MacrosAdmin /> : null}
      {current.key === 'shopify' ? <ShopifyParkedReturns /> : null}
    </section>
  );
}
