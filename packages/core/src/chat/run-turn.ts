import type { ChatDeps } from '../deps.ts';
import { ModelError, type ChatModel } from '../model/model-port.ts';
import type { Usage } from '../pricing/index.ts';
import { maybeUpdateTitle } from '../titles/maybe-update-title.ts';
import { estimateTokens } from '../usage/estimate-tokens.ts';
import { trackTokenUsage } from '../usage/track-token-usage.ts';
import { eventIds, type ChatEvent } from './chat-events.ts';
import type { ModelMessage } from '../model/model-port.ts';

export interface TurnPlan {
  userId: string;
  threadId: string;
  userMessageId: string;
  reservationId: string;
  model: string;
  system: string;
  history: ModelMessage[];
}

const USER_MESSAGES: Record<string, string> = {
  overloaded: 'The model is overloaded right now. What arrived was kept; try again shortly.',
  rate_limited: 'The model is rate limited right now. Try again shortly.',
  timeout: 'The model stopped answering. What arrived was kept.',
  connection: 'The connection to the model was lost. What arrived was kept.',
  aborted: 'The reply was stopped.',
};

/**
 * Streams one reply and, however the stream ends (finished, failed upstream, timed out, or
 * cancelled because the client left), saves what arrived, bills the usage the upstream reported
 * (or what can be counted from the delivered text), settles the reservation and updates the
 * title. It never throws: the reply and its cost must be recorded even with nobody listening.
 */
export async function runTurn(options: {
  deps: ChatDeps & { model: ChatModel };
  plan: TurnPlan;
  signal: AbortSignal;
  emit: (event: ChatEvent) => void;
}): Promise<void> {
  const { deps, plan, signal, emit } = options;
  const log = deps.logger.child({ threadId: plan.threadId, userId: plan.userId, step: 'chat' });
  const started = Date.now();
  let text = '';
  let startUsage = null as Usage | null;
  let model = plan.model;
  let finalOutput = null as number | null;
  let failure = null as ModelError | null;

  emit({ id: eventIds.accepted, type: 'accepted', userMessageId: plan.userMessageId });
  try {
    const stream = deps.model.stream({
      model: plan.model,
      system: plan.system,
      messages: plan.history,
      maxTokens: deps.settings.maxOutputTokens,
      signal,
    });
    for await (const event of stream) {
      if (event.type === 'start') {
        startUsage = event.usage;
        model = event.model;
      } else if (event.type === 'text') {
        text += event.text;
        emit({ id: eventIds.delta(text.length), type: 'delta', text: event.text });
      } else if (event.type === 'usage') {
        // Running totals: each value replaces the one before, never adds to it.
        if (event.usage.outputTokens !== undefined) finalOutput = event.usage.outputTokens;
        if (startUsage) startUsage = { ...startUsage, ...withoutOutput(event.usage) };
      }
    }
  } catch (error) {
    failure =
      error instanceof ModelError
        ? error
        : new ModelError('api', 'The model call failed.', { cause: error });
  }

  const outcome = failure === null ? 'complete' : text.length > 0 ? 'partial' : 'failed';
  const endReason = failure ? failure.kind.toUpperCase() : null;
  const assistantId = await saveReply({ deps, plan, text, outcome, model, endReason }).catch(
    (error: unknown) => {
      // The thread may have been deleted mid-reply; the call is still billed, without it.
      log.warn({ err: error }, 'reply could not be saved');
      return null;
    },
  );

  let cost = '0';
  const usage = billableUsage(startUsage, finalOutput, text);
  try {
    if (usage) {
      const tracked = await trackTokenUsage({
        deps,
        reservationId: plan.reservationId,
        record: {
          userId: plan.userId,
          threadId: assistantId === null ? null : plan.threadId,
          messageId: assistantId,
          kind: 'chat',
          model,
          usage,
          endpoint: `/threads/${plan.threadId}/chat`,
          outcome,
        },
      });
      cost = tracked.cost.toFixed();
      log.info(
        {
          usageId: tracked.id,
          outcome,
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          cacheReadInputTokens: usage.cacheReadInputTokens,
          cacheCreationInputTokens: usage.cacheCreationInputTokens,
          cost,
          ms: Date.now() - started,
          failure: failure?.kind,
        },
        'chat turn recorded',
      );
    } else {
      // Nothing reached the model's accounting (it failed before its first event): no charge.
      log.warn({ outcome, failure: failure?.kind, ms: Date.now() - started }, 'chat turn unbilled');
    }
  } catch (error) {
    log.error({ err: error, usage }, 'chat usage could not be recorded');
  } finally {
    // Settled above when billed; released here in every other case, so no hold outlives a turn.
    await deps.db.budgetReservation
      .deleteMany({ where: { id: plan.reservationId } })
      .catch((error: unknown) => log.error({ err: error }, 'reservation could not be released'));
  }

  if (assistantId === null) {
    emit({
      id: eventIds.error,
      type: 'error',
      code: 'INTERNAL',
      message: 'The reply could not be saved.',
    });
    return;
  }
  if (failure) {
    emit({
      id: eventIds.error,
      type: 'error',
      code: failure.kind.toUpperCase(),
      message: USER_MESSAGES[failure.kind] ?? 'The model call failed. What arrived was kept.',
    });
  } else {
    emit({
      id: eventIds.complete,
      type: 'complete',
      assistantMessageId: assistantId,
      model,
      usage: {
        inputTokens: usage?.inputTokens ?? 0,
        outputTokens: usage?.outputTokens ?? 0,
        cacheCreationInputTokens: usage?.cacheCreationInputTokens ?? 0,
        cacheReadInputTokens: usage?.cacheReadInputTokens ?? 0,
      },
      cost,
    });
  }

  const title = await maybeUpdateTitle({ deps, userId: plan.userId, threadId: plan.threadId });
  if (title) emit({ id: eventIds.title, type: 'title', threadId: plan.threadId, ...title });
}

async function saveReply(options: {
  deps: ChatDeps;
  plan: TurnPlan;
  text: string;
  outcome: 'complete' | 'partial' | 'failed';
  model: string;
  endReason: string | null;
}): Promise<string> {
  const { deps, plan } = options;
  return deps.db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        threadId: plan.threadId,
        role: 'assistant',
        content: options.text,
        status: options.outcome,
        endReason: options.endReason,
        replyToId: plan.userMessageId,
        model: options.model,
      },
    });
    await tx.thread.update({
      where: { id: plan.threadId },
      data: { messageCount: { increment: 1 }, lastMessageAt: message.createdAt },
    });
    return message.id;
  });
}

function billableUsage(start: Usage | null, finalOutput: number | null, text: string) {
  if (!start) return null;
  return {
    ...start,
    outputTokens: finalOutput ?? Math.max(start.outputTokens, estimateTokens(text)),
  };
}

function withoutOutput(usage: Partial<Usage>): Partial<Usage> {
  const rest = { ...usage };
  delete rest.outputTokens;
  return rest;
}
