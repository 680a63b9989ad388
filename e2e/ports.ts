// Fixed ports for the processes the browser tests start (see playwright.config.ts). Another run
// on the same machine can move all of them at once with ANALYST_E2E_PORT_OFFSET=100, say.
const offset = Number(process.env.ANALYST_E2E_PORT_OFFSET ?? 0) || 0;

export const ports = {
  stub: 4210 + offset,
  main: 3210 + offset,
  budget: 3211 + offset,
  offline: 3212 + offset,
} as const;

export const urls = {
  stub: `http://127.0.0.1:${String(ports.stub)}`,
  main: `http://127.0.0.1:${String(ports.main)}`,
  budget: `http://127.0.0.1:${String(ports.budget)}`,
  offline: `http://127.0.0.1:${String(ports.offline)}`,
};
