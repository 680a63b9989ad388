/**
 * Token counts of one request as Anthropic reports them. `cacheCreationInputTokens` is the total
 * of cache writes; newer models also split it by lifetime.
 */
export type Usage = {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheCreation5mInputTokens?: number;
  cacheCreation1hInputTokens?: number;
  cacheReadInputTokens: number;
};

/** The counts each billed at one rate. */
export type BilledTokens = {
  input: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  output: number;
};

/**
 * Checks every count and splits the cache writes by lifetime: without a split all writes are
 * 5-minute writes; with one, whatever the split leaves of the total is 5-minute too. Throws a
 * RangeError on a count that is not a non-negative safe integer, or a split above the total.
 */
export function billedTokens(usage: Usage): BilledTokens {
  const input = count('inputTokens', usage.inputTokens);
  const output = count('outputTokens', usage.outputTokens);
  const writes = count('cacheCreationInputTokens', usage.cacheCreationInputTokens);
  const split5m = count('cacheCreation5mInputTokens', usage.cacheCreation5mInputTokens ?? 0);
  const split1h = count('cacheCreation1hInputTokens', usage.cacheCreation1hInputTokens ?? 0);
  const cacheRead = count('cacheReadInputTokens', usage.cacheReadInputTokens);

  if (split5m + split1h > writes) {
    throw new RangeError(
      `usage cache write split (5m ${String(split5m)} + 1h ${String(split1h)}) exceeds ` +
        `cacheCreationInputTokens ${String(writes)}`,
    );
  }

  return { input, cacheWrite5m: writes - split1h, cacheWrite1h: split1h, cacheRead, output };
}

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`usage.${name} must be a non-negative integer, got ${String(value)}`);
  }

  return value;
}
