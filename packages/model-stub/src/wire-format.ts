import type { ReplyPlan, Usage } from './reply-plan';

/** One SSE frame. Both lines matter: the SDK drops frames that have no `event:` line. */
export function sseFrame(options: { event: string; data: unknown }): string {
  return `event: ${options.event}\ndata: ${JSON.stringify(options.data)}\n\n`;
}

/** A streamed reply as three runs of frames, so faults can be injected between them. */
export function streamFrames(plan: ReplyPlan): {
  head: string[];
  deltas: string[];
  tail: string[];
} {
  const { usage } = plan;

  const head = [
    sseFrame({
      event: 'message_start',
      data: { type: 'message_start', message: { ...messageShell(plan), usage: startUsage(usage) } },
    }),
    sseFrame({
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    }),
    sseFrame({ event: 'ping', data: { type: 'ping' } }),
  ];
  const deltas = plan.deltas.map((text) =>
    sseFrame({
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
    }),
  );
  const tail = [
    sseFrame({ event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } }),
    sseFrame({
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: plan.stopReason, stop_sequence: null },
        usage: { output_tokens: usage.output_tokens },
      },
    }),
    sseFrame({ event: 'message_stop', data: { type: 'message_stop' } }),
  ];
  return { head, deltas, tail };
}

/** The non-streaming Message body. */
export function messageBody(plan: ReplyPlan): Record<string, unknown> {
  return {
    ...messageShell(plan),
    content: [{ type: 'text', text: plan.deltas.join('') }],
    stop_reason: plan.stopReason,
    usage: plan.usage,
  };
}

export function errorFrame(options: { errorType: string; message: string }): string {
  return sseFrame({
    event: 'error',
    data: { type: 'error', error: { type: options.errorType, message: options.message } },
  });
}

function messageShell(plan: ReplyPlan) {
  return {
    id: plan.id,
    type: 'message',
    role: 'assistant',
    content: [],
    model: plan.model,
    stop_reason: null,
    stop_sequence: null,
  };
}

/** As the API does, message_start counts one output token; message_delta gives the total. */
function startUsage(usage: Usage): Usage {
  const { cache_creation, ...counts } = usage;
  return {
    input_tokens: counts.input_tokens,
    cache_creation_input_tokens: counts.cache_creation_input_tokens,
    cache_read_input_tokens: counts.cache_read_input_tokens,
    ...(cache_creation === undefined ? {} : { cache_creation }),
    output_tokens: 1,
  };
}
