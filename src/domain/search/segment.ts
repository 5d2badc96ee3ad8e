/**
 * Chinese word segmentation (jieba, @node-rs/jieba) with the government terms of gov-dictionary.ts and
 * the default thesaurus added, and what a document puts in its tsvector: its words, the character
 * bigrams of every Chinese run (names and words missing from the dictionary still match), the run's
 * last character alone (a single-character query is a prefix query on the bigrams plus that) and
 * Latin words and numbers whole. Each lexeme carries the positions of its characters (for ranking by
 * proximity) and the weight of its field: A title and 发文字号, B keywords, C body and attachments.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { GOV_TERMS } from './gov-dictionary.js';
import { normalizeText } from './normalize.js';
import { DEFAULT_SYNONYM_GROUPS } from './thesaurus.js';

let jieba: Jieba | undefined;

/** The terms added to the segmenter's dictionary. */
export const DICTIONARY_TERMS: readonly string[] = [...new Set([...GOV_TERMS, ...DEFAULT_SYNONYM_GROUPS.flat()])];

/**
 * Dictionary terms of three characters or more, normalised: a document gets one of them as a lexeme
 * wherever its text contains it (whatever the segmenter cut), so a query for such a term needs only
 * that lexeme — not the AND of its bigrams, whose posting lists are long for common characters.
 */
export const INDEXED_TERMS: ReadonlySet<string> = new Set(DICTIONARY_TERMS.map((t) => normalizeText(t).replace(/\s+/g, '')).filter((t) => /^\p{Script=Han}{3,}$/u.test(t)));

/** What the documents' vectors were built with: an index built otherwise cannot be searched by those terms alone. */
export const DICTIONARY_SIGNATURE = createHash('sha256').update(`vector-3\n${[...INDEXED_TERMS].sort().join('\n')}`).digest('hex').slice(0, 16);

/** INDEXED_TERMS by their first two characters, for finding them in a run of text. */
const termsByPrefix = new Map<string, string[]>();
for (const t of INDEXED_TERMS) termsByPrefix.set(t.slice(0, 2), [...(termsByPrefix.get(t.slice(0, 2)) ?? []), t]);

export function segmenter(): Jieba {
  if (!jieba) {
    const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
    jieba.loadDict(new TextEncoder().encode(DICTIONARY_TERMS.map((t) => `${t} 30000 n`).join('\n')));
  }
  return jieba;
}

/** Words of a normalised Chinese run, in order (precise mode, without guessing new words). */
export function cutWords(run: string): string[] {
  return segmenter().cut(run, false);
}

export type Weight = 'A' | 'B' | 'C';
/** PostgreSQL keeps positions up to 16383. */
const MAX_POSITION = 16383;
/** Positions kept per lexeme: enough for ranking, and the index stays small. */
const POSITIONS_PER_LEXEME = 8;
const MAX_LATIN = 60;

class VectorBuilder {
  private readonly lexemes = new Map<string, string[]>();
  position = 1;

  add(lexeme: string, position: number, weight: Weight) {
    const list = this.lexemes.get(lexeme);
    const entry = `${Math.min(position, MAX_POSITION)}${weight}`;
    if (!list) this.lexemes.set(lexeme, [entry]);
    else if (list.length < POSITIONS_PER_LEXEME && list[list.length - 1] !== entry) list.push(entry);
  }

  /** The tsvector in PostgreSQL's text form ('lexeme':1A,5C …), cast with ::tsvector. */
  toString(): string {
    const parts: string[] = [];
    for (const [lexeme, positions] of this.lexemes) parts.push(`'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${positions.join(',')}`);
    return parts.join(' ');
  }
}

const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isWordCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c > 0x7f && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));

function addText(v: VectorBuilder, text: string, weight: Weight, unigrams: boolean) {
  const s = normalizeText(text);
  const n = s.length;
  // Position of each Chinese character (0 elsewhere); runs are a position apart, so a phrase does not
  // run across punctuation.
  const positionAt = new Int32Array(n);
  let hasWords = false;
  for (let i = 0; i < n;) {
    const c = s.charCodeAt(i);
    if (isHanCode(c)) {
      let j = i;
      while (j < n && isHanCode(s.charCodeAt(j))) positionAt[j] = v.position + (j - i), j += 1;
      for (let k = i; k + 1 < j; k += 1) v.add(s[k] + s[k + 1], positionAt[k], weight);
      // Every character alone in short fields; in the body only the run's last one (the others are
      // prefixes of their bigrams, which a single-character query reads).
      if (unigrams) for (let k = i; k < j; k += 1) v.add(s[k], positionAt[k], weight);
      else v.add(s[j - 1], positionAt[j - 1], weight);
      if (j - i > 2) {
        hasWords = true;
        for (let k = i; k + 2 < j; k += 1) {
          for (const term of termsByPrefix.get(s[k] + s[k + 1]) ?? []) if (k + term.length <= j && s.startsWith(term, k)) v.add(term, positionAt[k], weight);
        }
      }
      v.position += j - i + 1;
      i = j;
    } else if (isWordCode(c)) {
      let j = i;
      while (j < n && isWordCode(s.charCodeAt(j)) && !isHanCode(s.charCodeAt(j))) j += 1;
      v.add(s.slice(i, Math.min(j, i + MAX_LATIN)), v.position, weight);
      v.position += 2;
      i = j;
    } else i += 1;
  }
  if (!hasWords) return;
  // Words of three characters or more (shorter ones are bigrams and characters already).
  let offset = 0;
  for (const word of segmenter().cut(s, false)) {
    if (word.length > 2 && isHanCode(word.charCodeAt(0)) && isHanCode(word.charCodeAt(word.length - 1))) v.add(word, positionAt[offset], weight);
    offset += word.length;
  }
}

export interface SearchFields {
  /** Title and 发文字号 (weight A). */
  title: (string | null | undefined)[];
  /** Keywords, names of bodies (weight B). */
  keywords?: (string | null | undefined)[];
  /** Body and attachments' text (weight C). */
  body?: (string | null | undefined)[];
}

/** The text form of a document's tsvector (`${vector}::tsvector`). */
export function searchVector(fields: SearchFields): string {
  const v = new VectorBuilder();
  for (const t of fields.title) if (t) addText(v, t, 'A', true);
  for (const t of fields.keywords ?? []) if (t) addText(v, t, 'B', true);
  for (const t of fields.body ?? []) if (t) addText(v, t, 'C', false);
  return v.toString();
}
