/**
 * Publication-date lexemes, so that a search can look among the newest documents first.
 *
 * A common word matches a large share of a big index, and asking for “the newest 150 matches” makes
 * PostgreSQL read every match to sort them. Each document therefore also carries two lexemes of its
 * publication date, `@d20261103` (the day) and `@m202611` (the month); a query ANDed with the lexemes
 * of a recent window is answered by the full-text index alone, which skips through the long posting
 * lists of common words along the short ones of the window. The lexemes start with “@”, which no
 * normalised text contains, so a citizen's query never matches them.
 */

const day = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
const month = (iso: string) => iso.slice(0, 7).replace(/-/g, '');

/** The date lexemes of a document published on `publishedOn` (YYYY-MM-DD), in tsvector text form. */
export function dateLexemes(publishedOn: string | null | undefined): string {
  if (!publishedOn || !/^\d{4}-\d{2}-\d{2}/.test(publishedOn)) return '';
  return `'@d${day(publishedOn)}' '@m${month(publishedOn)}'`;
}

function addMonths(ym: string, n: number): string {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(4, 6)) - 1 + n;
  return `${y + Math.floor(m / 12)}${String((m % 12 + 12) % 12 + 1).padStart(2, '0')}`;
}

/**
 * The tsquery (OR of date lexemes) of the documents published from `since` to `newest` (both
 * YYYY-MM-DD, since ≤ newest): the days of since's month from since on, then whole months.
 */
export function windowQuery(since: string, newest: string): string {
  const first = month(since);
  const last = month(newest);
  const parts: string[] = [];
  const [y, m, d] = since.slice(0, 10).split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d === 1) parts.push(`'@m${first}'`);
  else {
    const end = first === last ? Number(newest.slice(8, 10)) : daysInMonth;
    for (let k = d; k <= end; k += 1) parts.push(`'@d${first}${String(k).padStart(2, '0')}'`);
  }
  for (let ym = addMonths(first, 1); ym <= last; ym = addMonths(ym, 1)) parts.push(`'@m${ym}'`);
  return parts.join(' | ');
}
