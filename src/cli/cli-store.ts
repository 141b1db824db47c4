import { loadConfig, ConfigError, type Config } from '../config.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { CliInputError } from './cli-io.js';

/** Loads the validated config; a bad one is bad input (exit 2) with every problem listed. */
export function loadCliConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliInputError(err.message);
    throw err;
  }
}

/** Runs a command against the configured store, migrated, and closes it afterwards. */
export async function withStore<T>(body: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadCliConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await migrateToLatest(store);
    return await body(store, config);
  } finally {
    await store.close();
  }
}
