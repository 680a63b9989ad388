import { rm } from 'node:fs/promises';

/** Removes the run's data directories once every server has stopped. */
export default async function globalTeardown() {
  const dataRoot = process.env.ANALYST_E2E_DATA;
  if (dataRoot?.includes('analyst-e2e-')) await rm(dataRoot, { recursive: true, force: true });
}
