import { startApp } from './app.ts';
import { readEnv } from './env.ts';
import { createLogger } from './logger.ts';

const env = readEnv();
const logger = createLogger(env);

try {
  const app = await startApp({ env, logger });
  logger.info(`Analyst is running at ${app.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
}
