/**
 * Settings for running the stub on its own (src/main.ts), read and checked once here. Tests
 * and other packages pass options to startModelStub instead.
 */
export interface StubEnv {
  port: number;
  host: string;
  deltaDelayMs: number;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): StubEnv {
  return {
    port: whole({ name: 'PORT', value: env.PORT, fallback: 4010 }),
    host: env.MODEL_STUB_HOST ?? '127.0.0.1',
    deltaDelayMs: whole({
      name: 'MODEL_STUB_DELTA_DELAY_MS',
      value: env.MODEL_STUB_DELTA_DELAY_MS,
      fallback: 0,
    }),
  };
}

function whole(options: { name: string; value: string | undefined; fallback: number }): number {
  const { name, value, fallback } = options;
  if (value === undefined || value === '') return fallback;

  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  }
  return number;
}
