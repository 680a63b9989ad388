import type { AppRouter } from '@analyst/api';
import type { TRPCClient } from '@trpc/client';

import { errorCode } from '../lib/errors';
import { CUT_SHORT, reasonForCallCode, reasonForStreamCode } from './reply-wording';

export interface ReplyUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

/**
 * sending: asked, nothing back yet; streaming: accepted, text arriving; complete; partial/failed:
 * the reply ended early (what arrived is kept); stopped: the reader pressed Stop. A message the
 * budget refuses never becomes a turn: it goes back into the composer.
 */
export type TurnStatus = 'sending' | 'streaming' | 'complete' | 'partial' | 'failed' | 'stopped';

export interface LiveTurn {
  clientMessageId: string;
  projectId: string;
  threadId: string;
  content: string;
  userMessageId: string | null;
  text: string;
  status: TurnStatus;
  model: string | null;
  usage: ReplyUsage | null;
  cost: string | null;
  /** Why the reply ended early, as a sentence fragment (see reply-wording.ts). */
  reason: string | null;
  reconnecting: boolean;
  /** The title this turn gave the thread, when it was the one that renamed it. */
  retitledAs: string | null;
}

/** One thread's chat in this session. */
export interface ThreadChat {
  turns: readonly LiveTurn[];
  /**
   * The composer's text, kept here so it survives leaving the thread and a refusal can restore
   * it.
   */
  draft: string;
  /** When (Date.now()) a message was last refused because this month's budget is spent. */
  budgetRefusedAt: number | null;
}

export interface ChatHooks {
  /** The thread's title changed: update every cached copy at once. */
  onTitle(options: { projectId: string; threadId: string; title: string }): void;
  /** A turn ended (any way): budget, thread list and usage are out of date. */
  onSettled(options: { projectId: string; threadId: string }): void;
  /** The server no longer knows this person: their session ended elsewhere. */
  onSignedOut(): void;
}

const EMPTY: ThreadChat = { turns: [], draft: '', budgetRefusedAt: null };
const ACTIVE: ReadonlySet<TurnStatus> = new Set(['sending', 'streaming']);

export function isActive(turn: LiveTurn | undefined): boolean {
  return turn !== undefined && ACTIVE.has(turn.status);
}

/**
 * The chat turns of this session, kept outside React so a reply keeps streaming while the
 * reader looks at another thread (leaving would otherwise cancel it on the server). Components
 * read it through useSyncExternalStore; text deltas are published once per animation frame.
 */
export class ChatStore {
  private threads = new Map<string, ThreadChat>();
  private readonly unsubscribers = new Map<string, () => void>();
  private readonly listeners = new Set<() => void>();
  private frame: number | null = null;

  constructor(
    private readonly client: TRPCClient<AppRouter>,
    private readonly hooks: ChatHooks,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  chatOf(threadId: string): ThreadChat {
    return this.threads.get(threadId) ?? EMPTY;
  }

  setDraft(threadId: string, draft: string): void {
    this.update(threadId, (chat) => ({ ...chat, draft }));
  }

  send(options: { projectId: string; threadId: string; content: string }): void {
    const { projectId, threadId, content } = options;
    const clientMessageId = crypto.randomUUID();
    const turn: LiveTurn = {
      clientMessageId,
      projectId,
      threadId,
      content,
      userMessageId: null,
      text: '',
      status: 'sending',
      model: null,
      usage: null,
      cost: null,
      reason: null,
      reconnecting: false,
      retitledAs: null,
    };
    this.update(threadId, (chat) => ({
      turns: [...chat.turns, turn],
      draft: '',
      budgetRefusedAt: null,
    }));

    const settle = () => this.hooks.onSettled({ projectId, threadId });
    const subscription = this.client.chat.subscribe(
      { threadId, clientMessageId, content },
      {
        onData: ({ data: event }) => {
          switch (event.type) {
            case 'accepted':
              this.patch(threadId, clientMessageId, {
                userMessageId: event.userMessageId,
                status: 'streaming',
              });
              break;
            case 'delta':
              this.patch(threadId, clientMessageId, (turn) => ({ text: turn.text + event.text }), {
                deferred: true,
              });
              break;
            case 'complete':
              this.patch(threadId, clientMessageId, {
                status: 'complete',
                model: event.model,
                usage: event.usage,
                cost: event.cost,
              });
              settle();
              break;
            case 'title':
              this.patch(threadId, clientMessageId, { retitledAs: event.title });
              this.hooks.onTitle({ projectId, threadId: event.threadId, title: event.title });
              // The title call is billed too: the meter and usage should show it.
              settle();
              break;
            case 'error':
              this.patch(threadId, clientMessageId, (turn) => ({
                status: turn.text ? 'partial' : 'failed',
                reason: reasonForStreamCode(event.code),
              }));
              settle();
              break;
          }
        },
        onConnectionStateChange: (state) => {
          const reconnecting = state.state === 'connecting' && state.error !== null;
          const turn = this.find(threadId, clientMessageId);
          if (turn && turn.reconnecting !== reconnecting) {
            this.patch(threadId, clientMessageId, { reconnecting });
          }
        },
        onError: (error) => {
          this.unsubscribers.delete(clientMessageId);
          const code = errorCode(error);
          if (code === 'TOO_MANY_REQUESTS') {
            // Refused before anything was sent or billed: the text goes back to the composer,
            // and the thread shows the budget banner instead of a dead message.
            this.update(threadId, (chat) => ({
              turns: chat.turns.filter((item) => item.clientMessageId !== clientMessageId),
              draft: chat.draft || content,
              budgetRefusedAt: Date.now(),
            }));
          } else {
            this.patch(threadId, clientMessageId, (turn) => ({
              status: turn.text ? 'partial' : 'failed',
              reason: turn.text ? CUT_SHORT : reasonForCallCode(code),
              reconnecting: false,
            }));
          }
          settle();
          if (code === 'UNAUTHORIZED') this.hooks.onSignedOut();
        },
        onComplete: () => {
          this.unsubscribers.delete(clientMessageId);
          const turn = this.find(threadId, clientMessageId);
          if (turn && isActive(turn)) {
            this.patch(threadId, clientMessageId, {
              status: turn.text ? 'partial' : 'failed',
              reason: CUT_SHORT,
            });
            settle();
          }
        },
      },
    );
    this.unsubscribers.set(clientMessageId, () => subscription.unsubscribe());
  }

  /**
   * Stop tells the server to cancel now (leaving alone would give the connection a moment to
   * come back), then leaves the subscription. The server keeps the text it had and bills it; its
   * settlement lands a moment later, hence the delayed refreshes.
   */
  stop(threadId: string): void {
    for (const turn of this.chatOf(threadId).turns) {
      if (!isActive(turn)) continue;
      // If this call fails the reply still ends: the server cancels it once the client is gone.
      this.client.stopChat
        .mutate({ threadId, clientMessageId: turn.clientMessageId })
        .catch(() => undefined);
      this.unsubscribers.get(turn.clientMessageId)?.();
      this.unsubscribers.delete(turn.clientMessageId);
      this.patch(threadId, turn.clientMessageId, { status: 'stopped', reconnecting: false });
      const { projectId } = turn;
      for (const delay of [500, 2000]) {
        setTimeout(() => this.hooks.onSettled({ projectId, threadId }), delay);
      }
    }
  }

  /** Ends every stream, as when the person signs out. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribers.values()) unsubscribe();
    this.unsubscribers.clear();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
  }

  private find(threadId: string, clientMessageId: string): LiveTurn | undefined {
    return this.chatOf(threadId).turns.find((turn) => turn.clientMessageId === clientMessageId);
  }

  private update(threadId: string, change: (chat: ThreadChat) => ThreadChat) {
    this.threads.set(threadId, change(this.chatOf(threadId)));
    this.publish();
  }

  private patch(
    threadId: string,
    clientMessageId: string,
    change: Partial<LiveTurn> | ((turn: LiveTurn) => Partial<LiveTurn>),
    options: { deferred?: boolean } = {},
  ) {
    const chat = this.chatOf(threadId);
    const turns = chat.turns.map((turn) =>
      turn.clientMessageId === clientMessageId
        ? { ...turn, ...(typeof change === 'function' ? change(turn) : change) }
        : turn,
    );
    this.threads.set(threadId, { ...chat, turns });
    if (options.deferred) this.publishOnNextFrame();
    else this.publish();
  }

  private publishOnNextFrame() {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.notify();
    });
  }

  private publish() {
    if (this.frame !== null) {
      cancelAnimationFrame(this.frame);
      this.frame = null;
    }
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}
