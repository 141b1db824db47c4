import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/access/roles.js';
import { can } from '../../src/domain/access/permissions.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';

// Issue 2 item 5: authorization on the server for every route, proven by trying each role
// against each route. The route table comes from the server itself, so a new route is covered
// the moment it exists (and a route without an access rule fails at startup).

let t: TestApp;
beforeAll(async () => { t = await createTestApp('sqlite'); });
afterAll(async () => { await t?.close(); });

function concrete(url: string): string {
  return url
    .replace(':attachmentId', '1')
    .replace(':version', '1')
    .replace(':number', 'ORD-NOPE')
    .replace(':id', '999999');
}

describe('role × route matrix', () => {
  it('covers every API route', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(30);
  });

  it('every route refuses a caller without credentials unless it is public', async () => {
    for (const route of t.app.routeTable) {
      if (route.access === 'public') continue;
      const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('each role gets 403 exactly where its permissions say no', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      if (route.access === 'public' || route.access === 'authenticated') continue;
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: auth(t.tokens[role]),
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const allowed = can(role, route.access);
        const forbidden = res.statusCode === 403;
        if (allowed === forbidden) failures.push(`${role} ${route.method} ${route.url} → ${res.statusCode} (allowed: ${allowed})`);
        if (res.statusCode >= 500) failures.push(`${role} ${route.method} ${route.url} → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('incident routes: agents log and link (R000-07), L2 and back office move and apply suggestions (R003-04), the supplier sees none', () => {
    const rows = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/incidents')).map((r) => `${r.method} ${r.url} ${r.access}`).sort();
    expect(rows).toEqual([
      'DELETE /api/v1/incidents/:id/cases/:caseId incidents.write',
      'GET /api/v1/incidents incidents.read',
      'GET /api/v1/incidents/:id incidents.read',
      'GET /api/v1/incidents/suggestions incidents.read',
      'POST /api/v1/incidents incidents.write',
      'POST /api/v1/incidents/:id/cases incidents.write',
      'POST /api/v1/incidents/:id/transitions incidents.manage',
      'POST /api/v1/incidents/suggestions incidents.manage',
    ]);
    expect(ROLES.filter((r) => can(r, 'incidents.write'))).toEqual(['admin', 'agent', 'lead', 'escalations', 'leadership', 'back_office']);
    expect(ROLES.filter((r) => can(r, 'incidents.manage'))).toEqual(['admin', 'lead', 'escalations', 'leadership', 'back_office']);
    expect(can('supplier', 'incidents.read')).toBe(false);
  });

  it('finance routes: agents record refunds, supervisors approve (four eyes in the service), compliance reads the tracker (R000-09)', () => {
    const rows = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/finance') || r.url === '/api/v1/reports/refunds-tracker').map((r) => `${r.method} ${r.url} ${r.access}`).sort();
    expect(rows).toEqual([
      'GET /api/v1/finance/entries returns.read',
      'GET /api/v1/finance/entries/:id returns.read',
      'GET /api/v1/reports/refunds-tracker returns.report',
      'POST /api/v1/finance/entries returns.manage',
      'POST /api/v1/finance/entries/:id/transitions returns.manage',
    ]);
    expect(can('compliance', 'returns.report') && !can('compliance', 'returns.manage')).toBe(true);
    expect(can('supplier', 'returns.read')).toBe(false);
  });

  it('team calendar routes: everyone on the desk reads, admins set and reset (issue 4 item 1)', () => {
    const rows = t.app.routeTable.filter((r) => /^\/api\/v1\/teams\/:id\/calendar$/.test(r.url)).map((r) => `${r.method} ${r.url} ${r.access}`).sort();
    expect(rows).toEqual([
      'DELETE /api/v1/teams/:id/calendar teams.manage',
      'GET /api/v1/teams/:id/calendar teams.read',
      'PUT /api/v1/teams/:id/calendar teams.manage',
    ]);
    expect(ROLES.filter((r) => can(r, 'teams.manage'))).toEqual(['admin']);
  });

  it('policy routes: everyone reads and explains, admins validate, test, backtest and apply (issue 8 item 6)', () => {
    const rows = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/policy')).map((r) => `${r.method} ${r.url} ${r.access}`).sort();
    expect(rows).toEqual([
      'GET /api/v1/policy policy.read',
      'GET /api/v1/policy/versions policy.read',
      'GET /api/v1/policy/versions/:version policy.read',
      'POST /api/v1/policy/backtest policy.manage',
      'POST /api/v1/policy/explain policy.read',
      'POST /api/v1/policy/test policy.manage',
      'POST /api/v1/policy/validate policy.manage',
      'PUT /api/v1/policy policy.manage',
    ]);
  });
});
