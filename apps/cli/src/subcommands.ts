import type { Command } from 'commander';

import { UsageError } from './errors.ts';

/**
 * Makes a command that only groups others refuse a missing or unknown subcommand in one line,
 * where commander would print its whole help. Call it after adding the subcommands: they copy
 * their parent's settings when created, and must not inherit its tolerance of extra arguments.
 */
export function requireSubcommand(group: Command): void {
  group.allowExcessArguments().action((_options: unknown, command: Command) => {
    const names = command.commands.map((sub) => sub.name()).join(', ');
    const given = command.args[0];
    const what = given === undefined ? 'missing command' : `unknown command "${given}"`;
    throw new UsageError(`${what} for "${command.name()}"; expected one of: ${names}.`);
  });
}
