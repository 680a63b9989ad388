import type { AppRouter } from '@analyst/api';
import type { TRPCClient } from '@trpc/client';

import { errorCode, friendlyError } from '../lib/errors';

export interface ReplyUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

/**
 * sending: asked, nothing back yet; streaming: accepted, text arriving; complete; partial/failed:
 * the upstream broke (what arrived is kept); stopped: the reader pressed Stop; refused: the
 * budget is spent, nothing was sent.
 */
export type TurnStatus =
  'sending' | 'streaming' | 'complete' | 'partial' | 'failed' | 'stopped' | 'refused';

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
  error: string | null;
  reconnecting: boolean;
}

export interface ChatHooks {
  /** The thread's title changed: update every cached copy at once. */
  onTitle(options: { projectId: string; threadId: string; title: string }): void;
  /** A turn ended (any way): budget, thread list and usage are out of date. */
  onSettled(options: { projectId: string; threadId: string }): void;
}

const EMPTY: readonly LiveTurn[] = [];
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
  private turns = new Map<string, readonly LiveTurn[]>();
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

  turnsOf(threadId: string): readonly LiveTurn[] {
    return this.turns.get(threadId) ?? EMPTY;
  }

  send(options: { projectId: string; threadId: string; content: string }): void {
    const { projectId, threadId, content } = options;
    const clientMessageId = crypto.randomUUID();
    this.put({
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
      error: null,
      reconnecting: false,
    });

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
              this.hooks.onTitle({ projectId, threadId: event.threadId, title: event.title });
              break;
            case 'error':
              this.patch(threadId, clientMessageId, (turn) => ({
                status: turn.text ? 'partial' : 'failed',
                error: event.message,
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
          // A refusal comes before any event: nothing was sent, nothing was billed.
          const refused = errorCode(error) === 'TOO_MANY_REQUESTS';
          this.patch(threadId, clientMessageId, (turn) => ({
            status: refused ? 'refused' : turn.text ? 'partial' : 'failed',
            error: refused ? null : friendlyError(error),
            reconnecting: false,
          }));
          settle();
        },
        onComplete: () => {
          this.unsubscribers.delete(clientMessageId);
          const turn = this.find(threadId, clientMessageId);
          if (turn && isActive(turn)) {
            this.patch(threadId, clientMessageId, {
              status: turn.text ? 'partial' : 'failed',
              error: 'The reply ended before it was finished.',
            });
            settle();
          }
        },
      },
    );
    this.unsubscribers.set(clientMessageId, () => subscription.unsubscribe());
  }

  /**
   * Leaving the subscription is the cancel: the server aborts the model call, keeps the text it
   * had and bills it. Its settlement lands a moment later, hence the delayed refreshes.
   */
  stop(threadId: string): void {
    for (const turn of this.turnsOf(threadId)) {
      if (!isActive(turn)) continue;
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
    return this.turnsOf(threadId).find((turn) => turn.clientMessageId === clientMessageId);
  }

  private put(turn: LiveTurn) {
    this.turns.set(turn.threadId, [...this.turnsOf(turn.threadId), turn]);
    this.publish();
  }

  private patch(
    threadId: string,
    clientMessageId: string,
    change: Partial<LiveTurn> | ((turn: LiveTurn) => Partial<LiveTurn>),
    options: { deferred?: boolean } = {},
  ) {
    const list = this.turnsOf(threadId);
    this.turns.set(
      threadId,
      list.map((turn) =>
        turn.clientMessageId === clientMessageId
          ? { ...turn, ...(typeof change === 'function' ? change(turn) : change) }
          : turn,
      ),
    );
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
