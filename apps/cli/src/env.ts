import path from 'node:path';

import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** Every setting the command reads, validated once at start; nothing else reads process.env. */
const envSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.string().min(1).default('./data'),
  ANALYST_PRICES_FILE: optionalText,
  ANALYST_FALLBACK_MODEL: optionalText,
  ANALYST_DEFAULT_MONTHLY_BUDGET_USD: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'ANALYST_DEFAULT_MONTHLY_BUDGET_USD must be a decimal amount')
    .default('50'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /**
   * Where the person ran `pnpm`; pnpm runs the script from apps/cli, so paths are read from here.
   */
  INIT_CWD: optionalText,
});

export type Env = Omit<z.infer<typeof envSchema>, 'INIT_CWD'>;

/** An invalid setting: the person running the command can fix it, so it exits like a bad flag. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readEnv(
  source: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }

  const { INIT_CWD: invokedFrom, ...env } = parsed.data;
  const base = invokedFrom ?? cwd;
  return {
    ...env,
    // "memory" is the embedded database's in-memory mode, not a directory.
    DATA_DIR: env.DATA_DIR === 'memory' ? 'memory' : path.resolve(base, env.DATA_DIR),
    ANALYST_PRICES_FILE:
      env.ANALYST_PRICES_FILE === undefined
        ? undefined
        : path.resolve(base, env.ANALYST_PRICES_FILE),
  };
}
