import type { Command } from 'commander';
import { CliInputError, parseJsonInput, printJson, readInputText, runCommand } from '../cli-io.js';
import type { ReturnPolicy } from '../../domain/returns/return-policy.js';

// `ladder returns quote` (../shared/contract/returns-quote.md): one request or an array in, one quote
// or an array out; exit 2 with one stderr line naming the field on bad input. No server, no database.

export function registerReturnsCommands(program: Command): void {
  const returns = program.command('returns').description('Return and refund quotes (R004)');

  returns
    .command('quote')
    .description('Quote a return: eligibility, resolution and refund amounts in minor units')
    .option('--policy <file>', 'policy YAML; its `returns:` section overrides the default return policy')
    .argument('[file]', 'request JSON (an object or an array of them); "-" or none reads standard input')
    .action((file: string | undefined, options: { policy?: string }) =>
      runCommand(async () => {
        const fromStdin = file === undefined || file === '-';
        if (options.policy === '-' && fromStdin) {
          throw new CliInputError('--policy: the policy and the request cannot both come from standard input');
        }
        const policy = await loadReturnPolicy(options.policy);
        const input = parseJsonInput(readInputText(file), fromStdin ? 'stdin' : file);
        const { parseReturnRequest } = await import('../../domain/returns/return-request.js');
        const { quoteReturn } = await import('../../domain/returns/quote-return.js');
        // A request without `now` is quoted as of this moment; one clock reading for the whole batch.
        const now = new Date();
        if (Array.isArray(input)) {
          printJson(input.map((item, i) => quoteReturn(parseReturnRequest(item, { now, path: `[${i}]` }), policy)));
        } else {
          printJson(quoteReturn(parseReturnRequest(input, { now }), policy));
        }
      }),
    );
}

async function loadReturnPolicy(file: string | undefined): Promise<ReturnPolicy> {
  const { DEFAULT_RETURN_POLICY } = await import('../../domain/returns/return-policy.js');
  if (file === undefined) return DEFAULT_RETURN_POLICY;
  const text = readInputText(file);
  const { parse } = await import('yaml');
  let document: unknown;
  try {
    document = parse(text);
  } catch (err) {
    throw new CliInputError(`${file}: invalid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  if (document !== null && (typeof document !== 'object' || Array.isArray(document))) {
    throw new CliInputError(`${file}: expected a YAML mapping at the top level`);
  }
  const { parseReturnPolicy } = await import('../../domain/returns/return-policy.parse.js');
  return parseReturnPolicy((document as Record<string, unknown> | null)?.returns, file);
}
