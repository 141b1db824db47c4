import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { buildServer } from '../../src/http/server.js';
import { ROLES, type Role } from '../../src/domain/access/roles.js';
import { SYSTEM_ACTOR, type Actor } from '../../src/services/actor.js';
import { createUser } from '../../src/services/users/create-user.js';
import { createTeam } from '../../src/services/teams/create-team.js';
import { createApiToken } from '../../src/services/auth/create-api-token.js';
import type { Dialect } from '../../src/store/database.js';
import { createTestStore, type TestStore } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  store: TestStore;
  config: Config;
  tokens: Record<Role, string>;
  actors: Record<Role, Actor>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A server on a fresh store with one user and API token per role; the supplier in the supplier team. */
export async function createTestApp(dialect: Dialect): Promise<TestApp> {
  const store = await createTestStore(dialect);
  const config: Config = { ...loadConfig({ LADDER_DATA_DIR: store.dataDir, LOG_LEVEL: 'silent' }), sessionSecret: 'x'.repeat(48) };
  const supplierTeam = await createTeam(store, SYSTEM_ACTOR, { key: 'supplier', name: 'Supplier', kind: 'supplier' });
  const tokens = {} as Record<Role, string>;
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) {
    const email = `${role}@test.ladder`;
    const user = await createUser(store, SYSTEM_ACTOR, {
      email, role, password: TEST_PASSWORD, ...(role === 'supplier' ? { teamId: Number(supplierTeam.id) } : {}),
    });
    tokens[role] = (await createApiToken(store, SYSTEM_ACTOR, { email, name: 'test' })).token;
    actors[role] = { id: Number(user.id), role, teamId: user.teamId === null ? null : Number(user.teamId), email };
  }
  const app = await buildServer({ store, config, consoleDir: null });
  await app.ready();
  return {
    app, store, config, tokens, actors,
    async close() {
      await app.close();
      await store.dispose();
    },
  };
}

export function auth(token: string) {
  return { authorization: `Bearer ${token}` };
}
