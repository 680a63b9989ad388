import { Prisma } from '@analyst/db';
import { describe, expect, it } from 'vitest';

import { toUsageCsv } from './usage-csv.ts';

const row = {
  id: 'u1',
  userId: 'user-1',
  threadId: null,
  messageId: null,
  kind: 'chat',
  model: 'claude-haiku-5-5',
  inputTokens: 30,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheCreation5mInputTokens: 0,
  cacheCreation1hInputTokens: 0,
  cacheReadInputTokens: 0,
  cost: new Prisma.Decimal('0.000003'),
  priceEntry: 'claude-haiku-5-5@2026-11-01',
  outcome: 'complete',
  endpoint: '/threads/a,"b"/chat',
  createdAt: new Date('2026-12-01T10:00:00.000Z'),
};

describe('the usage CSV', () => {
  it('writes RFC 4180 lines with costs as plain decimals, never exponents', () => {
    const csv = toUsageCsv([{ ...row, cost: new Prisma.Decimal('3e-7') }, row], {
      withEmail: false,
    });

    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'createdAt,kind,model,inputTokens,outputTokens,cacheCreationInputTokens,' +
        'cacheCreation5mInputTokens,cacheCreation1hInputTokens,cacheReadInputTokens,cost,' +
        'priceEntry,outcome,endpoint,threadId,id,projectName,threadTitle',
    );
    expect(lines[1]).toBe(
      '2026-12-01T10:00:00.000Z,chat,claude-haiku-5-5,30,0,0,0,0,0,0.0000003,' +
        'claude-haiku-5-5@2026-11-01,complete,"/threads/a,""b""/chat",,u1,,',
    );
    expect(lines[2]).toContain(',0.000003,');
    expect(lines.at(-1)).toBe('');
  });

  it('names the project and thread of each row', () => {
    const thread = { title: 'Returns, "fast"', project: { name: 'Shop' } };
    const csv = toUsageCsv([{ ...row, thread }], { withEmail: false });
    expect(csv.split('\r\n')[1]?.endsWith(',u1,Shop,"Returns, ""fast"""')).toBe(true);
  });

  it('adds the user column only when asked', () => {
    const csv = toUsageCsv([{ ...row, user: { email: 'ann@example.com' } }], { withEmail: true });
    expect(csv.startsWith('userEmail,createdAt')).toBe(true);
    expect(csv.split('\r\n')[1]?.startsWith('ann@example.com,')).toBe(true);
  });
});
