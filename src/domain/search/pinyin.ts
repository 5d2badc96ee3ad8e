/**
 * Pinyin of terms (pinyin-pro): full syllables without tones and initials, for pinyin queries
 * (gongzufang, gzf → 公租房), suggestions while typing, and homophone typos (公祖房 → 公租房).
 */
import { pinyin } from 'pinyin-pro';

export function pinyinOf(term: string): { full: string; initials: string; syllables: string[] } {
  const syllables = pinyin(term, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
  return { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join(''), syllables };
}

/** Levenshtein distance of two strings, by code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length];
}

/** Whether `term` differs from the stretch of `chars` at `at` (of the term's length) in exactly one character. */
function oneCharacterApart(term: string[], chars: string[], at: number): boolean {
  let differences = 0;
  for (let k = 0; k < term.length; k += 1) if (term[k] !== chars[at + k] && ++differences > 1) return false;
  return differences === 1;
}

interface SoundIndex {
  /** Known Chinese terms of two characters or more. */
  terms: { text: string; length: number; full: string; initials: string }[];
  /** The same terms by length, as code points. */
  byLength: Map<number, { text: string; chars: string[] }[]>;
  /** Full pinyin → the terms that sound so. */
  bySound: Map<string, string[]>;
}

/** Pinyin of the known terms, worked out once per set of terms (a thesaurus keeps its set). */
const soundIndexes = new WeakMap<object, SoundIndex>();

function soundIndexOf(known: Iterable<string>): SoundIndex {
  const cacheable = typeof known === 'object';
  const cached = cacheable ? soundIndexes.get(known) : undefined;
  if (cached) return cached;
  const terms = [...known].filter((t) => /^\p{Script=Han}{2,}$/u.test(t)).map((text) => ({ text, length: [...text].length, ...pinyinOf(text) }));
  const bySound = new Map<string, string[]>();
  for (const t of terms) bySound.set(t.full, [...(bySound.get(t.full) ?? []), t.text]);
  const byLength = new Map<number, { text: string; chars: string[] }[]>();
  for (const t of terms) byLength.set(t.length, [...(byLength.get(t.length) ?? []), { text: t.text, chars: [...t.text] }]);
  const index = { terms, bySound, byLength };
  if (cacheable) soundIndexes.set(known, index);
  return index;
}

/**
 * Corrections of a normalised Chinese query: each replaces one stretch of it by a known term that
 * sounds the same (same pinyin) or differs in one character (for terms of three characters or more).
 * Homophones first, then longer replacements.
 */
export function corrections(query: string, known: Iterable<string>, limit = 3): string[] {
  const chars = [...query];
  if (!chars.length || chars.length > 30) return [];
  const { bySound, byLength } = soundIndexOf(known);
  const syllables = pinyinOf(query).syllables;
  const found: { text: string; score: number }[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    for (let len = Math.min(12, chars.length - i); len >= 2; len -= 1) {
      const part = chars.slice(i, i + len).join('');
      if (!/^\p{Script=Han}+$/u.test(part)) continue;
      const replace = (t: string) => chars.slice(0, i).join('') + t + chars.slice(i + len).join('');
      const sound = syllables.length === chars.length ? syllables.slice(i, i + len).join('') : pinyinOf(part).full;
      for (const t of bySound.get(sound) ?? []) if (t !== part && t !== query) found.push({ text: replace(t), score: 100 + len });
      if (len >= 3) {
        // Of equal length, one edit is one character replaced.
        for (const t of byLength.get(len) ?? []) if (t.text !== query && oneCharacterApart(t.chars, chars, i)) found.push({ text: replace(t.text), score: len });
      }
    }
  }
  found.sort((a, b) => b.score - a.score);
  return [...new Set(found.map((f) => f.text))].slice(0, limit);
}

/** Known terms a partly typed query may become: by Chinese prefix, pinyin prefix or initials. */
export function completions(typed: string, known: Iterable<string>, limit = 8): string[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [];
  const out: string[] = [];
  const latin = /^[a-z]+$/.test(q);
  for (const t of soundIndexOf(known).terms) {
    if (latin) {
      if (!(t.full.startsWith(q) || (q.length >= 2 && t.initials.startsWith(q)))) continue;
    } else if (!t.text.startsWith(q) || t.text === q) continue;
    out.push(t.text);
  }
  return out.sort((a, b) => a.length - b.length || a.localeCompare(b, 'zh')).slice(0, limit);
}
