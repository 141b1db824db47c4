import type { Command } from 'commander';
import { CliInputError, EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, parseJsonInput, printJson, readInputText, runCommand } from '../cli-io.js';

// `ladder policy explain|test|validate|show` (decision.md). Everything heavy — the YAML parser, the
// engine, the signal detector, the calendar — is imported inside the actions, so registering these
// commands costs nothing for the others. apply/diff/backtest need the database and live elsewhere;
// they parse a stored policy's text with the same parsePolicy.

export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('Explain, test and validate the escalation policy');

  policy
    .command('explain')
    .description('Decide case facts (a JSON object or array, from FILE or standard input) and print the decision(s)')
    .argument('[file]', 'case-facts JSON file, or - for standard input')
    .option('--policy <file>', 'policy YAML file (default: the shipped default policy)')
    .action((file: string | undefined, opts: { policy?: string }) =>
      runCommand(async () => {
        const input = parseJsonInput(readInputText(file), file === undefined || file === '-' ? 'stdin' : file);
        const [{ parseCaseFacts }, { decide }, { standardDecideDeps }] = await Promise.all([
          import('../../domain/policy/parse-case-facts.js'),
          import('../../domain/policy/decide.js'),
          import('../../domain/policy/engine-deps.js'),
        ]);
        const compiled = await loadPolicyOrFail(opts.policy);
        const many = Array.isArray(input);
        const decisions = (many ? input : [input]).map((item: unknown, i) => {
          const facts = withFieldPrefix(many ? `[${i}]` : '', () => parseCaseFacts(item, compiled.policy));
          return decide(facts, compiled, standardDecideDeps);
        });
        printJson(many ? decisions : decisions[0]);
        return EXIT_OK;
      }),
    );

  policy
    .command('test')
    .description("Run the policy's examples and report every mismatch")
    .option('--policy <file>', 'policy YAML file (default: the shipped default policy)')
    .action((opts: { policy?: string }) =>
      runCommand(async () => {
        const [{ runPolicyExamples, formatExampleFailure }, { standardDecideDeps }] = await Promise.all([
          import('../../domain/policy/policy-examples.js'),
          import('../../domain/policy/engine-deps.js'),
        ]);
        const compiled = await loadPolicyOrFail(opts.policy);
        const results = runPolicyExamples(compiled, standardDecideDeps);
        const failed = results.filter((r) => r.mismatches.length > 0);
        for (const r of failed) process.stdout.write(`${formatExampleFailure(r, compiled.policy.source)}\n\n`);
        process.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed\n`);
        return failed.length > 0 ? EXIT_FAILED : EXIT_OK;
      }),
    );

  policy
    .command('validate')
    .description('Check a policy file; every problem is listed with its line')
    .argument('<file>', 'policy YAML file')
    .action((file: string) =>
      runCommand(async () => {
        const [{ readPolicyFile, PolicyFileError }, { PolicyError, formatProblem }] = await Promise.all([
          import('../../integrations/policy-file.js'),
          import('../../domain/policy/policy-problems.js'),
        ]);
        try {
          const p = readPolicyFile(file);
          const rules = p.rules.length + Object.values(p.signals).reduce((n, t) => n + (t?.length ?? 0), 0) + p.offenses.bands.length;
          process.stdout.write(
            `${file}: ok (version ${p.version}; ${Object.keys(p.categories).length} categories, ${rules} rules, ${p.examples.length} examples)\n`,
          );
          return EXIT_OK;
        } catch (err) {
          if (err instanceof PolicyFileError) throw new CliInputError(err.message);
          if (!(err instanceof PolicyError)) throw err;
          for (const problem of err.problems) process.stderr.write(`${formatProblem(problem)}\n`);
          process.stderr.write(`${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}\n`);
          return EXIT_BAD_INPUT;
        }
      }),
    );

  policy
    .command('show')
    .description('Print the shipped default policy (YAML)')
    .action(() =>
      runCommand(async () => {
        const { readDefaultPolicyText } = await import('../../integrations/policy-file.js');
        process.stdout.write(readDefaultPolicyText());
        return EXIT_OK;
      }),
    );
}

async function loadPolicyOrFail(file: string | undefined) {
  const { loadPolicy, PolicyFileError } = await import('../../integrations/policy-file.js');
  try {
    return loadPolicy(file);
  } catch (err) {
    if (err instanceof PolicyFileError) throw new CliInputError(err.message);
    throw err;
  }
}

/** Array items report their index first: `[3].order.total: expected a decimal string`. */
function withFieldPrefix<T>(prefix: string, body: () => T): T {
  if (!prefix) return body();
  try {
    return body();
  } catch (err) {
    const e = err as { code?: string; field?: string; message?: string };
    if (e?.code !== 'invalid_input') throw err;
    throw new CliInputError(e.field ? `${prefix}.${e.message}` : `${prefix}: ${e.message}`);
  }
}
