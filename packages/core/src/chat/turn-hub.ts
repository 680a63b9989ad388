import type { ChatEvent } from './chat-events.ts';

interface LiveTurn {
  events: ChatEvent[];
  done: boolean;
  wake: Set<() => void>;
  followers: number;
  controller: AbortController;
  /** Set while the turn has no follower: it is cancelled when this fires. */
  orphaned?: NodeJS.Timeout;
}

/** How long a finished turn stays in memory for clients that reconnect right after its end. */
const KEEP_FINISHED_MS = 30_000;

/** How long a turn with no client left waits for one to reconnect before it is cancelled. */
const RECONNECT_GRACE_MS = 2_000;

/**
 * The turns this process is streaming, so that a client that reconnects mid-reply joins the live
 * turn instead of starting a second model call. When the last follower leaves, the turn waits a
 * moment for it to come back (a dropped connection reconnects within a second or two); then it is
 * cancelled: the upstream call is aborted and the partial reply is kept and billed. A client that
 * means to stop says so (`stop`), and that cancels at once.
 */
export class TurnHub {
  private readonly turns = new Map<string, LiveTurn>();

  constructor(private readonly options: { reconnectGraceMs?: number } = {}) {}

  static key(threadId: string, clientMessageId: string): string {
    return `${threadId}:${clientMessageId}`;
  }

  has(key: string): boolean {
    return this.turns.has(key);
  }

  /** Registers a new turn; its signal aborts when every follower has gone. */
  open(key: string): {
    signal: AbortSignal;
    push: (event: ChatEvent) => void;
    finish: () => void;
  } {
    const turn: LiveTurn = {
      events: [],
      done: false,
      wake: new Set(),
      followers: 0,
      controller: new AbortController(),
    };
    this.turns.set(key, turn);
    const notify = () => {
      for (const wake of turn.wake) wake();
      turn.wake.clear();
    };
    return {
      signal: turn.controller.signal,
      push: (event) => {
        turn.events.push(event);
        notify();
      },
      finish: () => {
        turn.done = true;
        notify();
        setTimeout(() => {
          if (this.turns.get(key) === turn) this.turns.delete(key);
        }, KEEP_FINISHED_MS).unref();
      },
    };
  }

  /** Yields the turn's events after `afterId` (all when absent) until it ends or `signal` aborts. */
  async *follow(
    key: string,
    options: { afterId?: string | undefined; signal?: AbortSignal | undefined },
  ): AsyncGenerator<ChatEvent> {
    const turn = this.turns.get(key);
    if (!turn) return;
    let index = 0;
    if (options.afterId) {
      const seen = turn.events.findIndex((event) => event.id === options.afterId);
      index = seen + 1;
    }
    turn.followers += 1;
    clearTimeout(turn.orphaned);
    try {
      for (;;) {
        while (index < turn.events.length) {
          const event = turn.events[index];
          index += 1;
          if (event) yield event;
        }
        if (turn.done || options.signal?.aborted) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            options.signal?.removeEventListener('abort', done);
            turn.wake.delete(done);
            resolve();
          };
          turn.wake.add(done);
          options.signal?.addEventListener('abort', done, { once: true });
        });
      }
    } finally {
      turn.followers -= 1;
      if (turn.followers === 0 && !turn.done) {
        turn.orphaned = setTimeout(() => {
          if (turn.followers === 0) turn.controller.abort();
        }, this.options.reconnectGraceMs ?? RECONNECT_GRACE_MS);
        turn.orphaned.unref();
      }
    }
  }

  /** Cancels a live turn now; false when this process has no such turn running. */
  stop(key: string): boolean {
    const turn = this.turns.get(key);
    if (!turn || turn.done) return false;
    turn.controller.abort();
    return true;
  }

  /** Cancels every live turn, as a server does when it shuts down. */
  abortAll(): void {
    for (const turn of this.turns.values()) turn.controller.abort();
  }

  /** Resolves once no turn is still running, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.turns.values()].some((turn) => !turn.done) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
