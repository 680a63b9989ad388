import { hashText } from './hash';
import { keyTerms } from './key-terms';
import type { MessagesRequest } from './messages-request';
import { lastUserText, messageText, systemText } from './request-text';

/** What a reply is built from: never the user's sentences, only terms lifted out of them. */
export interface ReplyContext {
  terms: readonly [string, string, string];
  role: string;
  project: string | undefined;
  seed: number;
}

const fallbackTerms = ['this workflow', 'the underlying data', 'the reporting needs'] as const;

const roles = new Set(
  `accountant admin administrator agent approver auditor buyer cashier clerk client customer
  dispatcher driver editor employee guest manager member operator owner patient planner reviewer
  seller student supervisor supplier teacher technician vendor viewer`.split(/\s+/),
);

export function replyContext(request: MessagesRequest): ReplyContext {
  const question = lastUserText(request);
  const system = systemText(request);
  const project = projectName(system);

  const asked = keyTerms({ text: question, limit: 3 });
  const known = new Set(asked.flatMap(words).concat(project === undefined ? [] : words(project)));
  const fromContext = keyTerms({ text: projectContext(system), limit: 6 }).filter(
    (term) => !words(term).every((word) => known.has(word)),
  );
  // The fallbacks at the end make sure there are always three terms to place.
  const [first, second, third] = [...asked, ...fromContext, ...fallbackTerms];

  return {
    terms: [first, second, third],
    role: findRole(question) ?? findRole(system) ?? 'user',
    project,
    seed: hashText(
      JSON.stringify([
        system,
        request.messages.map((message) => [message.role, messageText(message)]),
      ]),
    ),
  };
}

/**
 * The app's system prompt is expected to name the project on a line such as "Project: Acme
 * refunds". Without such a line the reply simply leaves the project unnamed.
 */
function projectName(system: string): string | undefined {
  const line = /^[\s#*-]*project(?:\s+name)?\s*[:–-]\s*(.+)$/im.exec(system);
  const name = line?.[1]
    ?.replace(/[*_`"]/g, '')
    .replace(/[\s.,;:!?]+$/, '')
    .trim();
  return name === undefined || name === '' ? undefined : name.slice(0, 60);
}

/** Only what follows the project line is context; what precedes it is instructions to us. */
function projectContext(system: string): string {
  const start = system.search(/^[\s#*-]*project\b/im);
  return start === -1 ? system : system.slice(start);
}

function findRole(text: string): string | undefined {
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const singular = word.endsWith('s') ? word.slice(0, -1) : word;
    if (roles.has(word)) return word;
    if (roles.has(singular)) return singular;
  }
  return undefined;
}

function words(term: string): string[] {
  return term.toLowerCase().split(/\s+/);
}
