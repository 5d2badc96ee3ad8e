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

/**
 * Corrections of a normalised Chinese query: each replaces one stretch of it by a known term that
 * sounds the same (same pinyin) or differs in one character (for terms of three characters or more).
 * Homophones first, then longer replacements.
 */
export function corrections(query: string, known: Iterable<string>, limit = 3): string[] {
  const chars = [...query];
  if (!chars.length || chars.length > 30) return [];
  const terms = [...known].filter((t) => /^\p{Script=Han}{2,}$/u.test(t) && t !== query);
  const bySound = new Map<string, string[]>();
  for (const t of terms) {
    const key = pinyinOf(t).full;
    bySound.set(key, [...(bySound.get(key) ?? []), t]);
  }
  const syllables = pinyinOf(query).syllables;
  const found: { text: string; score: number }[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    for (let len = Math.min(12, chars.length - i); len >= 2; len -= 1) {
      const part = chars.slice(i, i + len).join('');
      if (!/^\p{Script=Han}+$/u.test(part)) continue;
      const replace = (t: string) => chars.slice(0, i).join('') + t + chars.slice(i + len).join('');
      const sound = syllables.length === chars.length ? syllables.slice(i, i + len).join('') : pinyinOf(part).full;
      for (const t of bySound.get(sound) ?? []) if (t !== part) found.push({ text: replace(t), score: 100 + len });
      if (len >= 3) {
        for (const t of terms) if (t !== part && [...t].length === len && editDistance(t, part) === 1) found.push({ text: replace(t), score: len });
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
  for (const t of known) {
    if (!/^\p{Script=Han}{2,}$/u.test(t)) continue;
    if (latin) {
      const p = pinyinOf(t);
      if (!(p.full.startsWith(q) || (q.length >= 2 && p.initials.startsWith(q)))) continue;
    } else if (!t.startsWith(q) || t === q) continue;
    out.push(t);
  }
  return out.sort((a, b) => a.length - b.length || a.localeCompare(b, 'zh')).slice(0, limit);
}
