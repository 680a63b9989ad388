import type { ServerResponse } from 'node:http';

import { errorMessages } from './http-replies';
import type { ReplyPlan } from './reply-plan';
import type { Scenario } from './scenario';
import { errorFrame, streamFrames } from './wire-format';
import { writeFrames, type StreamFinish } from './write-frames';

/** The HTTP status each mid-stream error has when the API sends it before a stream instead. */
export const midStreamErrorStatus = { overloaded_error: 529, api_error: 500 } as const;

/** Streams a planned reply, or the first part of it followed by the scenario's fault. */
export async function streamReply(options: {
  res: ServerResponse;
  requestId: string;
  plan: ReplyPlan;
  scenario: Scenario | undefined;
  delayMs: number;
  signal: AbortSignal;
}): Promise<void> {
  const { scenario } = options;

  const { head, deltas, tail } = streamFrames(options.plan);
  let frames = [...head, ...deltas, ...tail];
  let finish: StreamFinish = 'end';

  switch (scenario?.kind) {
    case 'error-mid-stream': {
      const errorType = scenario.errorType ?? 'overloaded_error';
      const message = errorMessages[errorType] ?? errorType;
      frames = [
        ...head,
        ...deltas.slice(0, scenario.afterDeltas),
        errorFrame({ errorType, message }),
      ];
      break;
    }
    case 'cut':
      frames = [...head, ...deltas.slice(0, scenario.afterDeltas)];
      finish = 'destroy';
      break;
    case 'hang':
      frames = [...head, ...deltas.slice(0, scenario.afterDeltas)];
      finish = 'hang';
      break;
    default:
      break;
  }

  await writeFrames({ ...options, frames, finish });
}
