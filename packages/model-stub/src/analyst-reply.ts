import { pick } from './hash';
import type { ReplyContext } from './reply-context';

/**
 * A short Markdown answer in a business analyst's voice: a one-line restatement, a few bullets
 * and one or two clarifying questions. The seed picks the opening, the kind of bullets and the
 * questions, so different conversations get differently shaped replies while the same
 * conversation always gets the same one. Terms are placed where any noun phrase reads well,
 * never after an article, because they arrive without one.
 */
export function analystReply(context: ReplyContext): string {
  const { seed } = context;

  const opening = pick({ items: openings, seed, salt: 'opening' })(context);
  const bullets = pick({ items: shapes, seed, salt: 'shape' })(context);
  const asks = questions(context);
  const closing = pick({ items: closings, seed, salt: 'closing' });

  return [opening, bullets, asks, closing].filter((part) => part !== '').join('\n\n');
}

type Part = (context: ReplyContext) => string;

const openings: readonly [Part, ...Part[]] = [
  ({ terms: [a, b], project }) =>
    `**In short:** you need ${a} to work reliably${forProject(project)}, with ${b} handled explicitly.`,
  ({ terms: [a, b], project }) =>
    `Restating the need: a dependable way to handle ${a}${forProject(project)}, shaped by ${b}.`,
  ({ terms: [a, b], project }) =>
    `If I read this right, ${a} is the priority${forProject(project)} and ${b} is the main constraint.`,
  ({ terms: [a, b, c], project }) =>
    `So the core need is ${a}${forProject(project)}, and it touches ${b} as well as ${c}.`,
];

const shapes: readonly [Part, ...Part[]] = [
  ({ terms: [a, b, c], role }) =>
    [
      '**User stories**',
      `- As ${withArticle(role)}, I want ${a} available in one place so that I can finish my work without workarounds.`,
      `- As ${withArticle(role)}, I want changes to ${b} to be visible so that decisions stay traceable.`,
      `- As an administrator, I want to configure ${c} so that rules can change without a release.`,
    ].join('\n'),
  ({ terms: [a, b, c], role }) =>
    [
      '**Acceptance criteria**',
      `- Given ${withArticle(role)} with the right access, when they work on ${a}, then the current state of ${b} is shown without a refresh.`,
      `- Given invalid input for ${b}, when it is submitted, then the system explains what to fix and keeps what was entered.`,
      `- Given a change to ${c}, when it is saved, then an audit entry records who made it and when.`,
    ].join('\n'),
  ({ terms: [a, b, c] }) =>
    [
      '**Risks and assumptions**',
      `- *Risk:* ${a} may depend on data other teams own, so the source of truth needs agreeing early.`,
      `- *Risk:* edge cases around ${b}, such as duplicates and partial updates, are easy to miss in testing.`,
      `- *Assumption:* ${c} fits within today's permissions, so no new roles are needed.`,
    ].join('\n'),
  ({ terms: [a, b, c], role }) =>
    [
      '**Proposed scope**',
      `- In scope: capturing ${a}, validating ${b} and reporting on ${c}.`,
      '- Out of scope for now: bulk imports and new integrations.',
      `- Done when ${withArticle(role)} can complete the flow for ${a} end to end with no manual steps.`,
    ].join('\n'),
];

/** Ordered so that a question and the one three places on never ask about the same term. */
const questionPool: readonly Part[] = [
  ({ terms: [a] }) => `Who owns ${a} today, and who signs off on changes to it?`,
  ({ terms: [, b] }) => `What volume of ${b} do we expect in the first three months?`,
  ({ terms: [, , c] }) => `Are there regulatory or audit rules that apply to ${c}?`,
  ({ terms: [, b] }) => `Which systems hold ${b} today, and which one is the source of truth?`,
  ({ terms: [, , c] }) => `Is there a deadline or an external commitment tied to ${c}?`,
  ({ terms: [a] }) => `What does success look like for ${a} in numbers, say time saved per week?`,
];

const closings: readonly [string, ...string[]] = [
  '',
  'Once these are settled I can turn the list into tickets with estimates.',
  '',
  'Happy to draft a process diagram next if that helps the discussion.',
];

function questions(context: ReplyContext): string {
  const { seed } = context;

  const count = pick({ items: [1, 2], seed, salt: 'question-count' });
  const first = pick({ items: [0, 1, 2, 3, 4, 5], seed, salt: 'question' });
  const chosen = [first, first + 3].slice(0, count).map((index) => {
    const question = questionPool[index % questionPool.length];
    return question === undefined ? '' : question(context);
  });

  if (chosen.length === 1) return `**Open question:** ${chosen.join('')}`;
  const heading = pick({ items: ['**Questions**', '**To clarify**'], seed, salt: 'heading' });
  return [heading, ...chosen.map((question, index) => `${index + 1}. ${question}`)].join('\n');
}

function forProject(project: string | undefined): string {
  return project === undefined ? '' : ` for ${project}`;
}

/** By spelling, which is right for every role the stub names; "user" takes "a" despite its u. */
function withArticle(word: string): string {
  return `${/^[aeio]/i.test(word) ? 'an' : 'a'} ${word}`;
}
