export { startApp, type App } from './app.ts';
export { readEnv, type Env } from './env.ts';
export { createLogger } from './logger.ts';
