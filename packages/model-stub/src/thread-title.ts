import { keyTerms } from './key-terms';
import type { MessagesRequest } from './messages-request';
import { messageText, systemText } from './request-text';

const longestTitle = 7;
const shortestTitle = 3;
const fillers = ['requirements', 'discussion'] as const;

/** The app's title generator says so in its system prompt ("Write a concise thread title"). */
export function isTitleRequest(request: MessagesRequest): boolean {
  return /thread title/i.test(systemText(request));
}

/**
 * Three to seven words from the key terms of the conversation, with no quotes and no trailing
 * punctuation, the way the app shows it in its thread list. The person's own words come
 * first: the assistant's replies are the stub's own boilerplate and would name every thread
 * alike, so they are used only when the person said nothing with terms in it.
 */
export function threadTitle(request: MessagesRequest): string {
  const everything = request.messages.map(messageText).join('\n');
  const personal = request.messages
    .filter((message) => message.role === 'user')
    .map((message) => withoutAssistantTurns(messageText(message)))
    .join('\n');

  const fromPerson = keyTerms({ text: personal, limit: 3 });
  const terms = fromPerson.length > 0 ? fromPerson : keyTerms({ text: everything, limit: 3 });
  const wordCount = (parts: string[]) => parts.join(' ').split(' ').filter(Boolean).length;

  if (wordCount(terms) < shortestTitle) {
    const padded = [...(terms.length === 0 ? ['new'] : terms), ...fillers];
    return capitalise(padded.join(' ').split(' ').slice(0, shortestTitle).join(' '));
  }

  const parts: string[] = [];
  for (const term of terms) {
    const and = parts.length > 0 ? 1 : 0;
    if (wordCount([...parts, term]) + and > longestTitle) break;
    parts.push(term);
  }
  return capitalise(joinWithAnd(parts.length === 0 ? terms.slice(0, 1) : parts));
}

/**
 * The app sends the conversation as one transcript ("Analyst: ...", "Assistant: ..."); this
 * keeps the lines of every speaker but the assistant. Unlabelled text is kept whole.
 */
function withoutAssistantTurns(text: string): string {
  const turns = text.split(/^(?=[ \t]*[\p{L}]+[ \t]*:)/mu);
  return turns.filter((turn) => !/^[ \t]*(assistant|ai|claude)[ \t]*:/i.test(turn)).join('');
}

function joinWithAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

function capitalise(title: string): string {
  return title.charAt(0).toUpperCase() + title.slice(1);
}
