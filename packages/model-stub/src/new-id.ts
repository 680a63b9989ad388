import { randomBytes } from 'node:crypto';

/**
 * A fresh id in the API's style ("msg_stub_...", "req_stub_..."). Unique rather than derived
 * from the request, because the app may store these under a unique key.
 */
export function newId(prefix: 'msg' | 'req'): string {
  return `${prefix}_stub_${randomBytes(12).toString('hex')}`;
}
