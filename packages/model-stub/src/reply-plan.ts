import { countTokens } from './count-tokens';
import type { MessagesRequest } from './messages-request';
import { newId } from './new-id';
import { inputTokens } from './request-text';
import type { UsageOverride } from './scenario';
import { fitToMaxTokens, splitIntoDeltas } from './split-deltas';

export interface Usage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens: number;
}

/** Everything a reply will say, decided before the first byte is sent. */
export interface ReplyPlan {
  id: string;
  model: string;
  deltas: string[];
  stopReason: 'end_turn' | 'max_tokens';
  /** The whole reply's usage; output_tokens is the final total. */
  usage: Usage;
}

export function planReply(options: {
  request: MessagesRequest;
  text: string;
  usage?: UsageOverride;
}): ReplyPlan {
  const { request, text, usage } = options;

  const fitted = fitToMaxTokens({
    deltas: splitIntoDeltas(text),
    maxTokens: request.max_tokens ?? Number.POSITIVE_INFINITY,
  });
  const computed: Usage = {
    input_tokens: inputTokens(request),
    // The stub keeps no prompt cache, so it reports none unless a scenario says otherwise.
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: countTokens(fitted.deltas.join('')),
  };

  return {
    id: newId('msg'),
    model: request.model,
    deltas: fitted.deltas,
    stopReason: fitted.truncated ? 'max_tokens' : 'end_turn',
    usage: { ...computed, ...definedFields(usage ?? {}) },
  };
}

/** `{ output_tokens: undefined }` means "not overridden", not "report undefined". */
function definedFields(usage: UsageOverride): UsageOverride {
  return Object.fromEntries(Object.entries(usage).filter(([, value]) => value !== undefined));
}
