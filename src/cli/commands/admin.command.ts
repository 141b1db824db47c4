import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { loadCliConfig, withStore } from '../cli-store.js';
import { SYSTEM_ACTOR } from '../../services/actor.js';

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text.replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo off while typing: replace written characters with nothing.
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(q);
      out._writeToOutput = () => undefined;
      rl.question('', (answer) => {
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password (at least 12 characters): ');
  const second = await ask('Again: ');
  rl.close();
  if (first !== second) throw new CliInputError('password: the two entries differ');
  return first;
}

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (also done at every start)')
    .action(() =>
      runCommand(async () => {
        const { openStore } = await import('../../store/database.js');
        const { migrateToLatest, migrationStatus } = await import('../../store/migrate.js');
        const config = loadCliConfig();
        const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
        try {
          const { applied } = await migrateToLatest(store);
          const status = await migrationStatus(store);
          process.stdout.write(`${applied.length ? `applied: ${applied.join(', ')}\n` : 'nothing to apply\n'}database: ${store.dialect}, ${status.applied.length} migrations in place\n`);
        } finally {
          await store.close();
        }
      }),
    );

  const configCmd = program.command('config').description('Configuration');
  configCmd
    .command('check')
    .description('Validate the configuration from the environment and print it (secrets hidden)')
    .action(() =>
      runCommand(() => {
        const config = loadCliConfig();
        printJson({
          ...config,
          sessionSecret: config.sessionSecret ? '[set]' : '[generated in the data directory]',
          shopifyWebhookSecret: config.shopifyWebhookSecret ? '[set]' : null,
          smtpUrl: config.smtpUrl ? config.smtpUrl.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:[hidden]@') : null,
          imapUrl: config.imapUrl ? config.imapUrl.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:[hidden]@') : null,
          databaseUrl: config.databaseUrl ? config.databaseUrl.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:[hidden]@') : null,
          store: config.databaseUrl ? 'postgres' : `sqlite (${config.dataDir}/ladder.db)`,
        });
      }),
    );

  const users = program.command('users').description('People who use the desk');
  users
    .command('add')
    .description('Add a user (roles: admin, agent, lead, escalations, leadership, back_office, supplier, compliance)')
    .requiredOption('--email <email>')
    .requiredOption('--role <role>')
    .option('--name <name>')
    .option('--team <key>', 'team key')
    .option('--password-stdin', 'read the password from standard input')
    .option('--no-password', 'create without a password (token-only, e.g. an integration)')
    .action((opts: { email: string; role: string; name?: string; team?: string; passwordStdin?: boolean; password: boolean }) =>
      runCommand(async () => {
        const { createUser } = await import('../../services/users/create-user.js');
        const { findTeamByKey } = await import('../../store/repositories/team.repository.js');
        const password = opts.password === false ? undefined : await readPassword(opts.passwordStdin === true);
        await withStore(async (store) => {
          let teamId: number | undefined;
          if (opts.team) {
            const team = await findTeamByKey(store.db, opts.team);
            if (!team) throw new CliInputError(`team: no team with key "${opts.team}"`);
            teamId = team.id;
          }
          const user = await createUser(store, SYSTEM_ACTOR, { email: opts.email, role: opts.role, name: opts.name, password, teamId });
          process.stdout.write(`added ${user.email} (${user.role}), id ${user.id}\n`);
        });
      }),
    );
  users
    .command('list')
    .description('List users')
    .option('--all', 'include disabled users')
    .option('--json', 'print JSON')
    .action((opts: { all?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const { listUsers } = await import('../../services/users/list-users.js');
        await withStore(async (store) => {
          const rows = await listUsers(store, SYSTEM_ACTOR, { includeDisabled: opts.all === true });
          if (opts.json) return printJson(rows);
          for (const u of rows) process.stdout.write(`${u.id}\t${u.email}\t${u.role}${u.disabled ? '\tdisabled' : ''}\n`);
        });
      }),
    );
  users
    .command('disable')
    .description('Disable a user and end their sessions')
    .requiredOption('--email <email>')
    .action((opts: { email: string }) =>
      runCommand(async () => {
        const { updateUserAccount } = await import('../../services/users/update-user.js');
        await withStore(async (store) => {
          await updateUserAccount(store, SYSTEM_ACTOR, { user: { email: opts.email }, disabled: true });
          process.stdout.write(`disabled ${opts.email}\n`);
        });
      }),
    );
  users
    .command('reset-password')
    .description('Set a new password (ends the user\'s sessions)')
    .requiredOption('--email <email>')
    .option('--password-stdin', 'read the password from standard input')
    .action((opts: { email: string; passwordStdin?: boolean }) =>
      runCommand(async () => {
        const { resetPassword } = await import('../../services/users/update-user.js');
        const password = await readPassword(opts.passwordStdin === true);
        await withStore(async (store) => {
          await resetPassword(store, SYSTEM_ACTOR, { user: { email: opts.email }, password });
          process.stdout.write(`password reset for ${opts.email}\n`);
        });
      }),
    );

  const tokens = program.command('tokens').description('API tokens for integrations');
  tokens
    .command('create')
    .description('Create an API token; prints the token alone on standard output')
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--name <name>', 'what the token is for', 'api')
    .action((opts: { email: string; name: string }) =>
      runCommand(async () => {
        const { createApiToken } = await import('../../services/auth/create-api-token.js');
        await withStore(async (store) => {
          const { token } = await createApiToken(store, SYSTEM_ACTOR, { email: opts.email, name: opts.name });
          process.stdout.write(`${token}\n`);
        });
      }),
    );
  tokens
    .command('list')
    .description('List API tokens (never the secrets)')
    .action(() =>
      runCommand(async () => {
        const { listApiTokens } = await import('../../store/repositories/api-token.repository.js');
        await withStore(async (store) => {
          for (const t of await listApiTokens(store.db)) {
            process.stdout.write(`${t.id}\tuser ${t.userId}\t${t.name}\t${t.prefix}…\t${t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`}\n`);
          }
        });
      }),
    );
  tokens
    .command('revoke')
    .description('Revoke an API token by id')
    .argument('<id>')
    .action((id: string) =>
      runCommand(async () => {
        const { revokeToken } = await import('../../services/auth/revoke-api-token.js');
        if (!/^\d+$/.test(id)) throw new CliInputError('id: expected a token id (see ladder tokens list)');
        await withStore(async (store) => {
          await revokeToken(store, SYSTEM_ACTOR, { tokenId: Number(id) });
          process.stdout.write(`revoked token ${id}\n`);
        });
      }),
    );
}
