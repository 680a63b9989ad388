import { Command } from 'commander';
import type { Logger } from 'pino';

import { registerBudget } from './commands/budget.ts';
import { registerCost } from './commands/cost.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerPrices } from './commands/prices.ts';
import { registerToken } from './commands/token.ts';
import { registerUsage } from './commands/usage.ts';
import { registerUsers } from './commands/users.ts';
import type { CliContext } from './context.ts';
import { readEnv } from './env.ts';
import { describeFailure, EXIT_FAILURE } from './errors.ts';
import { createLogger } from './logger.ts';
import { requireSubcommand } from './subcommands.ts';

function buildProgram(context: CliContext): Command {
  const program = new Command('analyst')
    .description('Analyst from the terminal: costs, usage, budgets, tokens, prices, migrations')
    // Set before the commands are added, so that every subcommand inherits them.
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .showSuggestionAfterError(true);
  for (const register of [
    registerCost,
    registerUsage,
    registerBudget,
    registerToken,
    registerPrices,
    registerMigrate,
    registerUsers,
  ]) {
    register(program, context);
  }
  requireSubcommand(program);
  return program;
}

/** `pnpm analyst -- cost ...` hands the script a leading "--"; it is not an argument. */
function userArguments(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  return args[0] === '--' ? args.slice(1) : args;
}

async function main(): Promise<number> {
  let logger: Logger | undefined;
  try {
    const env = readEnv();
    logger = createLogger(env);
    const context: CliContext = {
      env,
      logger,
      print: (line) => process.stdout.write(`${line}\n`),
      write: (text) => process.stdout.write(text),
      note: (line) => process.stderr.write(`${line}\n`),
    };

    await buildProgram(context).parseAsync(userArguments(process.argv), { from: 'user' });
    return 0;
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.exitCode === EXIT_FAILURE) logger?.debug({ err: error }, 'command failed');
    if (failure.line !== undefined) process.stderr.write(`${failure.line}\n`);
    return failure.exitCode;
  }
}

// A reader that stops early (`analyst prices | head`) is not a failure of the command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main();
