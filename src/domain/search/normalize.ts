/**
 * Normalisation applied to documents and queries alike, so that the two meet: traditional characters
 * become simplified (legacy content is often traditional), full-width letters, digits and punctuation
 * half-width (NFKC), Latin letters lower case, and marks that do not break a word — quotation marks,
 * title brackets, spaces between two Chinese characters — disappear (“五公开”工作 = 五公开工作); the
 * brackets of a 发文字号 (〔2025〕) separate its parts.
 */
import * as OpenCC from 'opencc-js';

let toSimplified: ((text: string) => string) | undefined;

/** Traditional → simplified (OpenCC's traditional-to-mainland dictionaries). */
export function simplified(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

const HAN = '\\p{Script=Han}';
/** Marks inside a phrase that do not separate words. */
const TRANSPARENT = /[“”‘’"'`《》〈〉「」『』·・\u200b-\u200d\ufeff]/gu;
const SPACE_BETWEEN_HAN = new RegExp(`(?<=${HAN})\\s+(?=${HAN})`, 'gu');

export function normalizeText(input: string): string {
  const text = simplified(input.normalize('NFKC').toLowerCase());
  return text.replace(TRANSPARENT, '').replace(SPACE_BETWEEN_HAN, '');
}

/** A normalised run of Chinese characters, or a Latin/number word. */
export interface Run {
  text: string;
  han: boolean;
  /** Character offset in the normalised text. */
  at: number;
}

const RUN = new RegExp(`(${HAN}+)|((?:(?!${HAN})[\\p{L}\\p{N}])+)`, 'gu');

/** The runs of a normalised text, in order; everything else separates them. */
export function runsOf(normalized: string): Run[] {
  const runs: Run[] = [];
  for (const m of normalized.matchAll(RUN)) {
    runs.push({ text: m[0], han: !!m[1], at: m.index ?? 0 });
  }
  return runs;
}

export const isHan = (text: string) => new RegExp(`^${HAN}+$`, 'u').test(text);
