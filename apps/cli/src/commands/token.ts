import { createApiToken } from '@analyst/core';
import type { Command } from 'commander';

import { withDatabase, type CliContext } from '../context.ts';
import { requireSubcommand } from '../subcommands.ts';

export function registerToken(program: Command, context: CliContext): void {
  const token = program.command('token').description('bearer tokens for scripts');
  token
    .command('create')
    .description('make a bearer token for a user; it is printed once and stored only as a hash')
    .argument('<email>', 'the user the token acts as')
    .action(async (email: string) => {
      const created = await withDatabase(context, (deps) => createApiToken({ deps, email }));

      context.print(created.token);
      context.note(`Token for ${email}; it is shown only this once, so keep it now.`);
    });

  requireSubcommand(token);
}
