/**
 * Differences between two versions of a text, marked by word: a Chinese character is a word
 * (Chinese has no spaces to split on), a run of Latin letters or digits is one word, and every
 * space or punctuation mark stands alone. What staff see when they compare two versions of an item.
 */
import { diffArrays } from 'diff';

export interface DiffSegment {
  type: 'same' | 'added' | 'removed';
  text: string;
}

const TOKEN = /[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+|\s+|[\s\S]/gu;

export function diffTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The segments that turn `before` into `after`, adjacent segments of one kind merged. */
export function diffWords(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  for (const part of diffArrays(diffTokens(before), diffTokens(after))) {
    const type = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const text = part.value.join('');
    if (!text) continue;
    const last = segments[segments.length - 1];
    if (last && last.type === type) last.text += text;
    else segments.push({ type, text });
  }
  return segments;
}
