/**
 * Chinese full-text search without a segmentation dictionary: Chinese runs become
 * overlapping character bigrams (信息公开 → 信息 息公 公开), Latin words and numbers stay
 * whole. Indexed with PostgreSQL's 'simple' configuration, this runs the same on
 * PGlite and PostgreSQL, and a query matches when all its bigrams occur.
 */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[A-Za-z0-9]+/g;

/** Quotation marks and title brackets do not break a phrase: “三公”经费 is searched as 三公经费. */
const TRANSPARENT = /[“”‘’"'《》〈〉「」『』]/g;

export function searchTokens(input: string): string[] {
  const text = input.replace(TRANSPARENT, '');
  const tokens: string[] = [];
  for (const [run] of text.matchAll(CJK)) {
    if (run.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < run.length; i += 1) tokens.push(run.slice(i, i + 2));
  }
  for (const [word] of text.replace(CJK, ' ').matchAll(WORD)) tokens.push(word.toLowerCase());
  return tokens;
}

/** The document side: space-separated tokens for to_tsvector('simple', …). */
export function searchDocument(...parts: (string | null | undefined)[]): string {
  return searchTokens(parts.filter(Boolean).join(' ')).join(' ');
}

/** The query side for to_tsquery('simple', …): every token required; null when nothing searchable. */
export function searchQuery(q: string): string | null {
  const tokens = [...new Set(searchTokens(q))].slice(0, 32);
  return tokens.length ? tokens.map((t) => `'${t}'`).join(' & ') : null;
}

/** Terms to highlight in snippets: the query's Chinese runs and words as typed. */
export function highlightTerms(q: string): string[] {
  return [...q.matchAll(/[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+/g)].map((m) => m[0]);
}
