import type { Command } from 'commander';

import { withDatabase, type CliContext } from '../context.ts';

export function registerMigrate(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description('bring the database schema up to date and say what was applied')
    .action(async () => {
      // Opening the database applies the pending migrations; there is nothing more to do.
      await withDatabase(context, (_deps, database) => {
        const { applied, alreadyApplied } = database.migrations;
        context.print(`database: ${database.kind} ${database.location}`);
        context.print(`already applied: ${String(alreadyApplied)}`);
        if (applied.length === 0) context.print('applied now: none, the schema is up to date');
        applied.forEach((name) => context.print(`applied now: ${name}`));
        return Promise.resolve();
      });
    });
}
