import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CliInputError, EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { SYSTEM_ACTOR } from '../../services/actor.js';
import { DomainError } from '../../domain/errors.js';

function readFileText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliInputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Subcommands of `ladder policy` that work against the configured store (apply, diff, backtest, versions). */
export function registerPolicyStoreCommands(program: Command): void {
  const policy = program.commands.find((c) => c.name() === 'policy') ?? program.command('policy');

  policy
    .command('apply')
    .description("Validate FILE and make it the policy in force (a new version; no restart needed); refused (exit 1) while its own tests fail, unless --force")
    .argument('<file>')
    .option('--label <text>', 'what changed')
    .option('--force', "apply even though the policy's own tests fail (recorded in the audit event)")
    .action((file: string, opts: { label?: string; force?: boolean }) =>
      runCommand(async () => {
        const { applyPolicy, validatePolicyText } = await import('../../services/policy/manage-policy.js');
        const { formatProblem } = await import('../../domain/policy/policy-problems.js');
        const yaml = readFileText(file);
        const check = validatePolicyText(yaml, basename(file));
        if (!check.ok) {
          for (const p of check.problems) process.stderr.write(`${formatProblem(p)}\n`);
          return EXIT_BAD_INPUT;
        }
        return withStore(async (store) => {
          let v;
          try {
            v = await applyPolicy(store, SYSTEM_ACTOR, { yaml, label: opts.label ?? basename(file), force: opts.force === true });
          } catch (err) {
            if (!(err instanceof DomainError) || err.code !== 'policy_tests_failed') throw err;
            // One line, as every refusal; `policy test` prints each failing test's differences.
            process.stderr.write(`${err.message} (--force); \`ladder policy test --policy ${file}\` shows the differences\n`);
            return EXIT_FAILED;
          }
          process.stdout.write(`policy version ${v.version} is in force\n`);
          return EXIT_OK;
        });
      }),
    );

  policy
    .command('versions')
    .description('List stored policy versions')
    .action(() =>
      runCommand(async () => {
        const { listPolicies } = await import('../../services/policy/manage-policy.js');
        await withStore(async (store) => {
          for (const v of await listPolicies(store, SYSTEM_ACTOR)) process.stdout.write(`${v.version}\t${v.createdAt}\t${v.label ?? ''}\n`);
        });
      }),
    );

  policy
    .command('diff')
    .description('Line diff between the policy in force (or --from VERSION) and FILE (or --to VERSION)')
    .argument('[file]')
    .option('--from <version>')
    .option('--to <version>')
    .action((file: string | undefined, opts: { from?: string; to?: string }) =>
      runCommand(async () => {
        const { getCurrentPolicy, getPolicyVersion } = await import('../../services/policy/manage-policy.js');
        const { lineDiff } = await import('../../domain/policy/line-diff.js');
        await withStore(async (store) => {
          const from = opts.from ? await getPolicyVersion(store, SYSTEM_ACTOR, { version: opts.from }) : await getCurrentPolicy(store, SYSTEM_ACTOR);
          let toText: string;
          let toName: string;
          if (opts.to) {
            toText = (await getPolicyVersion(store, SYSTEM_ACTOR, { version: opts.to })).yaml!;
            toName = `version ${opts.to}`;
          } else if (file) {
            toText = readFileText(file);
            toName = file;
          } else throw new CliInputError('give a FILE or --to VERSION');
          const out = lineDiff(from.yaml!, toText, `version ${from.version}`, toName);
          process.stdout.write(out || 'no differences\n');
        });
      }),
    );

  policy
    .command('backtest')
    .description('Re-decide the stored cases with FILE, read-only: how many would change priority, level or escalation')
    .argument('<file>')
    .option('--examples <n>', 'how many examples to show', '10')
    .option('--json', 'print the report as JSON')
    .action((file: string, opts: { examples: string; json?: boolean }) =>
      runCommand(async () => {
        const { backtestPolicy } = await import('../../services/policy/backtest-policy.js');
        const yaml = readFileText(file);
        await withStore(async (store) => {
          const r = await backtestPolicy(store, SYSTEM_ACTOR, { yaml, source: basename(file), examples: Number(opts.examples) || 10 });
          if (opts.json) return printJson(r);
          const pct = (n: number) => (r.cases ? `${((100 * n) / r.cases).toFixed(1)}%` : '0%');
          process.stdout.write(`backtest of ${r.candidate} against policy version ${r.against} over ${r.cases} stored cases\n`);
          process.stdout.write(`  would change: priority ${r.changed.priority} (${pct(r.changed.priority)}), level ${r.changed.level} (${pct(r.changed.level)}), escalation ${r.changed.escalate} (${pct(r.changed.escalate)}); any ${r.changed.any}\n`);
          for (const [move, n] of Object.entries(r.transitions).sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${move}: ${n}\n`);
          for (const [cat, n] of Object.entries(r.unknownCategories)) process.stdout.write(`  ${n} cases of category ${cat} are not in the candidate policy\n`);
          for (const e of r.examples) {
            process.stdout.write(`  case ${e.caseId} (${e.category}): ${e.from.priority}/${e.from.level}${e.from.escalate ? '/escalated' : ''} → ${e.to.priority}/${e.to.level}${e.to.escalate ? '/escalated' : ''}\n`);
            for (const reason of e.reasons.slice(0, 3)) process.stdout.write(`      ${reason}\n`);
          }
        });
      }),
    );
}
