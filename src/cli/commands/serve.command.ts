import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../cli-io.js';
import { loadCliConfig } from '../cli-store.js';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Run the desk: the HTTP API and the web console (PORT, default 8080)')
    .option('--demo', 'load the demo desk first when the store is empty')
    .action((opts: { demo?: boolean }) =>
      runCommand(async () => {
        const { ensureSessionSecret } = await import('../../config.js');
        const { startServer } = await import('../../http/start-server.js');
        const config = ensureSessionSecret(loadCliConfig());
        // The built console lives in <repo>/dist/console whether this runs compiled or from sources.
        const consoleDir = fileURLToPath(new URL('../../../dist/console/', import.meta.url));
        await startServer({ config, consoleDir, demo: opts.demo === true });
        // Runs until SIGINT/SIGTERM; startServer installs the shutdown handlers.
        await new Promise(() => undefined);
      }),
    );
}
