/**
 * A citizen's query → a PostgreSQL tsquery (to_tsquery('simple', …)) over the lexemes of segment.ts.
 *
 * The query is normalised like the documents, split into terms (known government terms and thesaurus
 * entries first, longest match; the rest by the segmenter; words like 怎么、如何、的 dropped) and every
 * term must occur somewhere (AND), each as any of its synonyms (OR). A Chinese term of two characters is
 * its bigram; a longer one its word or all of its bigrams; one character is a prefix query. A Latin
 * word that spells a known term in pinyin (full or initials) stands for that term.
 */
import { cutWords } from './segment.js';
import { normalizeText, runsOf } from './normalize.js';

/** Words of a spoken question that no document needs to contain. */
export const QUERY_STOPWORDS = new Set([
  '的', '了', '和', '与', '及', '或', '等', '在', '是', '有', '吗', '呢', '啊', '吧', '呀', '么', '我', '我们', '你', '您', '他',
  '怎么', '怎样', '怎么样', '如何', '什么', '哪些', '哪里', '哪儿', '哪个', '请问', '想', '要', '想要', '能', '能不能', '可以', '需要',
  '关于', '有关', '一下', '相关', '多少', '几', '吗', '去', '到', '给', '把', '被', '对', '从', '哪', '谁', '啥', '咋', '咋办', '怎么办',
]);

const UNITS = new Set(['年', '月', '日', '号', '期', '届', '元', '岁']);

export interface Thesaurus {
  /** Normalised term → every term of its groups (itself included). */
  synonyms: Map<string, string[]>;
  /** Terms matched whole in a query before segmenting (thesaurus and dictionary terms). */
  known: Set<string>;
  /** Longest known term, in characters. */
  longest: number;
  /** Pinyin (full, without tones, and initials) → the known terms it spells. */
  pinyin: Map<string, string[]>;
}

export function buildThesaurus(groups: readonly (readonly string[])[], dictionary: readonly string[], pinyinOf: (term: string) => { full: string; initials: string }): Thesaurus {
  const synonyms = new Map<string, string[]>();
  for (const group of groups) {
    const terms = [...new Set(group.map((t) => normalizeText(t).replace(/\s+/g, '')).filter(Boolean))];
    for (const t of terms) synonyms.set(t, [...new Set([...(synonyms.get(t) ?? [t]), ...terms])]);
  }
  const known = new Set<string>([...synonyms.keys(), ...dictionary.map((t) => normalizeText(t))]);
  const pinyin = new Map<string, string[]>();
  const addPinyin = (key: string, term: string) => {
    if (key.length < 2) return;
    const list = pinyin.get(key) ?? [];
    if (!list.includes(term)) list.push(term);
    pinyin.set(key, list);
  };
  for (const term of known) {
    if (!/^\p{Script=Han}+$/u.test(term)) continue;
    const p = pinyinOf(term);
    addPinyin(p.full, term);
    if ([...term].length >= 2) addPinyin(p.initials, term);
  }
  return { synonyms, known, longest: Math.max(1, ...[...known].map((t) => [...t].length)), pinyin };
}

/** One required term of a query and the forms that satisfy it. */
export interface QueryTerm {
  /** As it stands in the (normalised) query. */
  text: string;
  /** The term and its synonyms (or, for pinyin, the Chinese terms it spells). */
  alternatives: string[];
}

/** Splits a normalised Chinese run: known terms whole (longest first), the rest by the segmenter. */
function splitRun(run: string, th: Thesaurus): string[] {
  const chars = [...run];
  const out: string[] = [];
  let rest = '';
  const flush = () => {
    if (rest) out.push(...cutWords(rest));
    rest = '';
  };
  for (let i = 0; i < chars.length;) {
    let found = '';
    for (let len = Math.min(th.longest, chars.length - i); len >= 2; len -= 1) {
      const candidate = chars.slice(i, i + len).join('');
      if (th.known.has(candidate)) { found = candidate; break; }
    }
    if (found) {
      flush();
      out.push(found);
      i += [...found].length;
    } else {
      rest += chars[i];
      i += 1;
    }
  }
  flush();
  return out;
}

/** The terms of a query, each with its alternatives; stopwords dropped unless nothing else is left. */
export function queryTerms(q: string, th: Thesaurus): QueryTerm[] {
  const normalized = normalizeText(q);
  const runs = runsOf(normalized);
  // A query all in letters may be pinyin with spaces (gong zu fang).
  const letters = runs.every((r) => !r.han && /^[a-z]+$/.test(r.text)) ? runs.map((r) => r.text).join('') : '';
  if (letters && runs.length > 1 && th.pinyin.has(letters)) return [{ text: letters, alternatives: expand(th.pinyin.get(letters)!, th) }];
  const words: string[] = [];
  for (const [i, run] of runs.entries()) {
    if (!run.han) {
      words.push(run.text);
      continue;
    }
    const parts = splitRun(run.text, th);
    // 2025年、3号、第5期: the unit after a number belongs to it (the number alone is searched).
    const prev = runs[i - 1];
    if (prev && !prev.han && /^\d+$/.test(prev.text) && prev.at + prev.text.length === run.at && UNITS.has(parts[0])) parts.shift();
    words.push(...parts);
  }
  const kept = words.filter((w) => !QUERY_STOPWORDS.has(w));
  const terms = (kept.length ? kept : words).filter((w, i, all) => all.indexOf(w) === i);
  return terms.slice(0, 12).map((text) => {
    if (/^[a-z]+$/.test(text) && th.pinyin.has(text)) return { text, alternatives: expand(th.pinyin.get(text)!, th) };
    return { text, alternatives: expand([text], th) };
  });
}

function expand(terms: string[], th: Thesaurus): string[] {
  return [...new Set(terms.flatMap((t) => th.synonyms.get(t) ?? [t]))].slice(0, 12);
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsquery of one form of a term. `indexed`: terms every document carries as a lexeme wherever its
 * text has them (segment.ts INDEXED_TERMS, when the index was built with them): such a term is its
 * lexeme alone.
 */
export function formQuery(form: string, indexed?: ReadonlySet<string>): string {
  const chars = [...form];
  if (!/^\p{Script=Han}+$/u.test(form)) return quote(form);
  if (chars.length === 1) return `${quote(form)}:*`;
  if (chars.length === 2 || indexed?.has(form)) return quote(form);
  const bigrams = [...new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]))];
  return `(${quote(form)} | ${bigrams.map(quote).join(' & ')})`;
}

/** AND of the terms, OR of each term's alternatives; null when the query has nothing to search for. */
export function compileTerms(terms: QueryTerm[], indexed?: ReadonlySet<string>): string | null {
  if (!terms.length) return null;
  const form = (f: string) => formQuery(f, indexed);
  return terms.map((t) => (t.alternatives.length === 1 ? form(t.alternatives[0]) : `(${t.alternatives.map(form).join(' | ')})`)).join(' & ');
}

/**
 * Documents with all terms but one, for a query of three or more terms whose full match finds little:
 * shown after the full matches, as results that lack one of the words. A query of two terms keeps
 * both required (one word of two is too loose: 火星移民 must not list every page on 移民搬迁).
 */
export function partialTerms(terms: QueryTerm[], indexed?: ReadonlySet<string>): string | null {
  if (terms.length < 3) return null;
  return terms.map((_, skipped) => `(${compileTerms(terms.filter((__, i) => i !== skipped), indexed)})`).join(' | ');
}

/**
 * The exact phrase: the query's Chinese characters as consecutive bigrams (ranking puts documents
 * with the phrase as typed above those with its words scattered); null for a one-word query.
 */
export function phraseQuery(terms: QueryTerm[]): string | null {
  if (terms.length < 2) return null;
  const chars = [...terms.map((t) => t.text).join('')];
  if (chars.length < 3 || !/^\p{Script=Han}+$/u.test(chars.join(''))) return null;
  return chars.slice(0, -1).map((c, i) => quote(c + chars[i + 1])).join(' <-> ');
}

/** The strings to highlight in titles and snippets: every alternative of every term. */
export function highlightStrings(terms: QueryTerm[]): string[] {
  return [...new Set(terms.flatMap((t) => t.alternatives))].sort((a, b) => b.length - a.length);
}
