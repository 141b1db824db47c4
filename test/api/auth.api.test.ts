import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, TEST_PASSWORD, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp('sqlite'); });
afterAll(async () => { await t?.close(); });

function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : String(set);
  return String(first).split(';')[0]!;
}

describe('sessions, CSRF and tokens', () => {
  it('signs in with a password and sets an HttpOnly SameSite cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'agent@test.ladder', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
    expect(res.json().csrfToken).toMatch(/.{20,}/);
    expect(res.json().user).not.toHaveProperty('passwordHash');
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'agent@test.ladder', password: 'nope nope nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'ghost@test.ladder', password: 'nope nope nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('a session may read, but writes need the X-CSRF-Token it was given', async () => {
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'agent@test.ladder', password: TEST_PASSWORD } });
    const cookie = cookieFrom(signIn);
    const csrf = signIn.json().csrfToken as string;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } })).statusCode).toBe(200);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie }, payload: { category: 'order_status' } });
    expect(noCsrf.statusCode).toBe(403);
    const withCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie, 'x-csrf-token': csrf }, payload: { category: 'order_status' } });
    expect(withCsrf.statusCode).toBe(201);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { email: 'agent@test.ladder', role: 'agent' }, csrfToken: csrf });
    // The desk's currency (DESK_CURRENCY) comes with the session: the console's money forms start in it.
    expect(me.json().desk).toEqual({ currency: 'USD' });
    expect(signIn.json().desk).toEqual({ currency: 'USD' });
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } })).statusCode).toBe(401);
  });

  it('a revoked token stops working at once', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: auth(t.tokens.lead), payload: { name: 'zap' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth(token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: auth(t.tokens.lead) })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth(token) })).statusCode).toBe(401);
  });

  it('a disabled user is locked out of sessions and tokens', async () => {
    const u = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: auth(t.tokens.admin), payload: { email: 'temp@test.ladder', role: 'agent', password: TEST_PASSWORD } });
    expect(u.statusCode).toBe(201);
    const tok = (await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: auth(t.tokens.admin), payload: { email: 'temp@test.ladder' } })).json().token;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth(tok) })).statusCode).toBe(200);
    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${u.json().id}`, headers: auth(t.tokens.admin), payload: { disabled: true } });
    expect(off.json().disabled).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth(tok) })).statusCode).toBe(401);
  });

  it('a password shorter than 12 characters is refused naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: auth(t.tokens.admin), payload: { email: 'short@test.ladder', role: 'agent', password: 'short' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.field).toBe('password');
  });
});
