import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** Every setting the server reads, validated once at start; nothing else reads process.env. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
      .optional(),
  ),
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: optionalText.pipe(z.url().optional()),
  ANALYST_CHAT_MODEL: z.string().min(1).default('claude-sonnet-4-5'),
  ANALYST_TITLE_MODEL: z.string().min(1).default('claude-haiku-4-5'),
  ANALYST_DEFAULT_MONTHLY_BUDGET_USD: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'ANALYST_DEFAULT_MONTHLY_BUDGET_USD must be a decimal amount')
    .default('50'),
  ANALYST_TITLE_INTERVAL: positiveInt(5),
  ANALYST_PRICES_FILE: optionalText,
  ANALYST_FALLBACK_MODEL: optionalText,
  ANALYST_MAX_OUTPUT_TOKENS: positiveInt(4096),
  ANALYST_RESERVATION_TTL_SECONDS: positiveInt(600),
  ANALYST_UPSTREAM_IDLE_TIMEOUT_SECONDS: positiveInt(60),
  ANALYST_MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** Spacing between the offline stand-in's deltas, so its replies visibly stream. */
  ANALYST_STUB_DELTA_DELAY_MS: z.coerce.number().int().min(0).default(30),
  ANALYST_WEB_DIST: optionalText,
  BETTER_AUTH_SECRET: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
