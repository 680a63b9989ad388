import { stopwords } from './stopwords';

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const longestPhrase = 3;

interface Phrase {
  surface: string;
  words: string[];
  score: number;
  first: number;
}

/**
 * The subject-matter phrases of a text, best first. A phrase is a run of up to three content
 * words not broken by punctuation or a line end, so "the refund approval limit" yields
 * "refund approval limit" rather than three loose words. Phrases are ranked the way RAKE
 * does it (each word scores how many neighbours it keeps per appearance), which favours
 * specific multi-word phrases over lone verbs; ties go to the earlier phrase. A phrase whose
 * words an earlier pick already covers is skipped, so the result never says a thing twice.
 */
export function keyTerms(options: { text: string; limit: number }): string[] {
  const { text, limit } = options;

  const runs = contentRuns(text);
  const wordScores = scoreWords(runs);
  const phrases = new Map<string, Phrase>();
  runs.forEach((words, position) => {
    const key = words.join(' ').toLowerCase();
    if (phrases.has(key)) return;
    const score = words.reduce((sum, word) => sum + (wordScores.get(word.toLowerCase()) ?? 0), 0);
    phrases.set(key, { surface: words.join(' '), words, score, first: position });
  });

  const ranked = [...phrases.values()].sort((a, b) => b.score - a.score || a.first - b.first);
  const covered = new Set<string>();
  const chosen: string[] = [];
  for (const phrase of ranked) {
    if (chosen.length >= limit) break;
    const lower = phrase.words.map((word) => word.toLowerCase());
    if (lower.every((word) => covered.has(word))) continue;
    chosen.push(phrase.surface);
    lower.forEach((word) => covered.add(word));
  }
  return chosen;
}

function scoreWords(runs: string[][]): Map<string, number> {
  const frequency = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const run of runs) {
    for (const word of run) {
      const lower = word.toLowerCase();
      frequency.set(lower, (frequency.get(lower) ?? 0) + 1);
      degree.set(lower, (degree.get(lower) ?? 0) + run.length);
    }
  }

  const scores = new Map<string, number>();
  for (const [word, count] of frequency) scores.set(word, (degree.get(word) ?? 0) / count);
  return scores;
}

function contentRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let previousEnd = 0;
  let isFirstWord = true;
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };

  for (const match of text.matchAll(wordPattern)) {
    const gap = text.slice(previousEnd, match.index);
    previousEnd = match.index + match[0].length;
    if (/[^ \t]/.test(gap)) flush();

    const startsSentence = isFirstWord || /[.!?:\n]/.test(gap);
    isFirstWord = false;
    const word = asWrittenMidSentence({ word: match[0].replace(/['’-]+$/, ''), startsSentence });
    if (!isContentWord(word)) {
      flush();
      continue;
    }
    run.push(word);
    if (run.length === longestPhrase) flush();
  }
  flush();
  return runs;
}

/** "Export" opening a sentence reads as "export" inside one; "Excel" or "CSV" keep their case. */
function asWrittenMidSentence(options: { word: string; startsSentence: boolean }): string {
  const { word, startsSentence } = options;
  return startsSentence && /^\p{Lu}\p{Ll}+$/u.test(word) ? word.toLowerCase() : word;
}

function isContentWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (stopwords.has(lower) || /^\d+$/.test(word)) return false;
  const isAcronym = word.length >= 2 && word === word.toUpperCase() && /\p{L}/u.test(word);
  return word.length >= 3 || isAcronym;
}
