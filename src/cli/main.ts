import { Command } from 'commander';
import { registerPolicyCommands } from './commands/policy.command.js';
import { registerReturnsCommands } from './commands/returns.command.js';
import { registerRmaCommands } from './commands/rma.command.js';
import { registerServeCommands } from './commands/serve.command.js';
import { registerAdminCommands } from './commands/admin.command.js';
import { registerDemoCommands } from './commands/demo.command.js';
import { registerPolicyStoreCommands } from './commands/policy-store.command.js';
import { registerShiftCommands } from './commands/shifts.command.js';
import { registerJobsCommands } from './commands/jobs.command.js';
import { registerMacrosCommands } from './commands/macros.command.js';
import { registerImportCommands } from './commands/import.command.js';
import { registerLogsCommands } from './commands/logs.command.js';
import { registerMailCommands } from './commands/mail.command.js';
import { registerTeamsCommands } from './commands/teams.command.js';
import { registerWebhooksCommands } from './commands/webhooks.command.js';
import { registerIncidentsCommands } from './commands/incidents.command.js';
import { registerFinanceCommands } from './commands/finance.command.js';
import { registerSurveyCommands } from './commands/survey.command.js';
import { registerCasesCommands } from './commands/cases.command.js';
import { registerShopifyCommands } from './commands/shopify.command.js';

// Every command module registers itself and imports its heavy dependencies (database drivers,
// Fastify) lazily inside its action, so `ladder policy explain` starts in milliseconds.
const program = new Command();
program
  .name('ladder')
  .description('Ladder: the order-issue and escalation desk')
  .showHelpAfterError()
  .exitOverride((err) => {
    // Usage errors are bad input: exit 2 (help and version exit 0).
    process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : 2);
  });

registerPolicyCommands(program);
registerReturnsCommands(program);
registerRmaCommands(program);
registerServeCommands(program);
registerAdminCommands(program);
registerDemoCommands(program);
registerPolicyStoreCommands(program);
registerShiftCommands(program);
registerJobsCommands(program);
registerMacrosCommands(program);
registerImportCommands(program);
registerLogsCommands(program);
registerMailCommands(program);
registerTeamsCommands(program);
registerWebhooksCommands(program);
registerIncidentsCommands(program);
registerFinanceCommands(program);
registerSurveyCommands(program);
registerCasesCommands(program);
registerShopifyCommands(program);

await program.parseAsync(process.argv);
