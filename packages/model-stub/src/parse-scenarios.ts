import type { Scenario } from './scenario';

export type ParsedScenarios = { ok: true; scenarios: Scenario[] } | { ok: false; message: string };

/**
 * Checks scenarios posted to the admin endpoint, which come from other processes and so
 * escape the type checker. A bad one is refused whole rather than half-applied, because a
 * test that queued the wrong thing should fail at the queueing, not three requests later.
 */
export function parseScenarios(body: unknown): ParsedScenarios {
  const candidates = Array.isArray(body) ? (body as unknown[]) : [body];

  const problems = candidates.flatMap((candidate, index) => {
    const problem = scenarioProblem(candidate);
    return problem === undefined ? [] : [`scenario ${index}: ${problem}`];
  });

  if (problems.length > 0) return { ok: false, message: problems.join('; ') };
  return { ok: true, scenarios: candidates as Scenario[] };
}

function scenarioProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'must be an object';
  const scenario = value as Record<string, unknown>;
  if (scenario.match !== undefined && typeof scenario.match !== 'string') {
    return 'match must be a string';
  }

  switch (scenario.kind) {
    case 'reply':
      if (scenario.text !== undefined && typeof scenario.text !== 'string') {
        return 'text must be a string';
      }
      if (scenario.usage !== undefined && !isUsage(scenario.usage)) {
        return 'usage must hold non-negative integer token counts';
      }
      return optionalCount(scenario.deltaDelayMs, 'deltaDelayMs');
    case 'error-mid-stream': {
      const types = [undefined, 'overloaded_error', 'api_error'];
      if (!types.includes(scenario.errorType as string | undefined)) {
        return 'errorType must be overloaded_error or api_error';
      }
      return requiredCount(scenario.afterDeltas, 'afterDeltas');
    }
    case 'cut':
    case 'hang':
      return requiredCount(scenario.afterDeltas, 'afterDeltas');
    case 'http-error':
      if (!isCount(scenario.status) || scenario.status < 400 || scenario.status > 599) {
        return 'status must be an HTTP error status (400-599)';
      }
      if (typeof scenario.errorType !== 'string') return 'errorType must be a string';
      if (scenario.message !== undefined && typeof scenario.message !== 'string') {
        return 'message must be a string';
      }
      if (scenario.shouldRetry !== undefined && typeof scenario.shouldRetry !== 'boolean') {
        return 'shouldRetry must be a boolean';
      }
      return optionalCount(scenario.retryAfterMs, 'retryAfterMs');
    case 'raw':
      return typeof scenario.body === 'string' ? undefined : 'body must be a string';
    default:
      return 'kind must be one of reply, error-mid-stream, cut, hang, http-error, raw';
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function requiredCount(value: unknown, name: string): string | undefined {
  return isCount(value) ? undefined : `${name} must be a non-negative integer`;
}

function optionalCount(value: unknown, name: string): string | undefined {
  return value === undefined ? undefined : requiredCount(value, name);
}

function isUsage(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).every(([field, count]) =>
    field === 'cache_creation' ? isUsage(count) : isCount(count),
  );
}
