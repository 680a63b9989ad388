import type { ChatDeps } from '../deps.ts';
import type { ModelRequest } from '../model/model-port.ts';
import type { Usage } from '../pricing/index.ts';
import { cleanTitle } from './clean-title.ts';

export const RECENT_MESSAGES = 10;
const MESSAGE_EXCERPT = 600;
const TITLE_MAX_TOKENS = 60;

const TITLE_INSTRUCTIONS = [
  'Write a concise thread title for the conversation between a business analyst and an',
  'assistant shown below. Use the language the conversation is written in. At most 100',
  'characters and about 3 to 8 words. Reply with the title only: no quotes, no Markdown, no',
  'final punctuation.',
].join(' ');

export interface TitleMessage {
  role: string;
  content: string;
}

/** The title model's request: recent messages, each cut short, and the instructions. */
export function buildTitleRequest(options: {
  settings: Pick<ChatDeps['settings'], 'titleModel'>;
  messages: TitleMessage[];
  signal?: AbortSignal | undefined;
}): ModelRequest {
  const transcript = options.messages
    .slice(-RECENT_MESSAGES)
    .map((message) => {
      const text = message.content.trim();
      const excerpt = text.length > MESSAGE_EXCERPT ? `${text.slice(0, MESSAGE_EXCERPT)}…` : text;
      return `${message.role === 'user' ? 'Analyst' : 'Assistant'}: ${excerpt}`;
    })
    .join('\n\n');
  return {
    model: options.settings.titleModel,
    system: TITLE_INSTRUCTIONS,
    messages: [{ role: 'user', content: `<conversation>\n${transcript}\n</conversation>` }],
    maxTokens: TITLE_MAX_TOKENS,
    signal: options.signal,
  };
}

/** Asks the title model for a title drawn from the thread's recent messages. */
export async function generateThreadTitle(options: {
  deps: Pick<ChatDeps, 'model' | 'settings'>;
  messages: TitleMessage[];
  signal?: AbortSignal | undefined;
}): Promise<{ title: string; model: string; usage: Usage }> {
  const request = buildTitleRequest({ ...options, settings: options.deps.settings });
  const reply = await options.deps.model.complete(request);
  return { title: cleanTitle(reply.text), model: reply.model, usage: reply.usage };
}
