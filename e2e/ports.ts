/** Fixed ports for the processes the browser tests start (see playwright.config.ts). */
export const ports = {
  stub: 4210,
  main: 3210,
  budget: 3211,
  offline: 3212,
} as const;

export const urls = {
  stub: `http://127.0.0.1:${String(ports.stub)}`,
  main: `http://127.0.0.1:${String(ports.main)}`,
  budget: `http://127.0.0.1:${String(ports.budget)}`,
  offline: `http://127.0.0.1:${String(ports.offline)}`,
};
