/**
 * The flow chart of an item's procedure (办理流程图), drawn on the server as SVG from the guide's
 * steps: one box per step, top to bottom, joined by arrows. No script, prints as it shows; the
 * steps are also listed as text next to it for readers that do not see the picture.
 */
import { escapeHtml, raw, type SafeHtml } from '../../http/views/html.js';

const BOX_W = 360;
const BOX_H = 56;
const GAP = 28;
const PAD = 12;
const FONT = 15;
/** Characters per line inside a box (CJK characters are about one em wide). */
const PER_LINE = Math.floor((BOX_W - 24) / FONT);

function lines(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length && out.length < 2; i += PER_LINE) out.push(text.slice(i, i + PER_LINE));
  if (text.length > PER_LINE * 2) out[1] = `${out[1].slice(0, PER_LINE - 1)}…`;
  return out;
}

export function flowChartSvg(steps: { name: string; who?: string; limit?: string }[], title: string): SafeHtml {
  if (!steps.length) return raw('');
  const height = PAD * 2 + steps.length * BOX_H + (steps.length - 1) * GAP;
  const width = BOX_W + PAD * 2;
  const parts: string[] = [];
  steps.forEach((s, i) => {
    const y = PAD + i * (BOX_H + GAP);
    const detail = [s.who, s.limit].filter(Boolean).join('　');
    const first = i === 0 || i === steps.length - 1;
    parts.push(`<rect x="${PAD}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="${first ? 28 : 6}" fill="#eef4fb" stroke="#1d5a9e" stroke-width="1.5"/>`);
    const text = lines(`${i + 1}. ${s.name}`);
    const rows = detail ? [...text.slice(0, 1), detail] : text;
    rows.forEach((line, j) => {
      const ty = y + BOX_H / 2 + (j - (rows.length - 1) / 2) * (FONT + 4) + FONT / 3;
      parts.push(`<text x="${PAD + BOX_W / 2}" y="${ty.toFixed(1)}" text-anchor="middle" font-size="${j === 0 ? FONT : FONT - 2}" fill="${j === 0 ? '#1a1a1a' : '#444'}">${escapeHtml(line)}</text>`);
    });
    if (i < steps.length - 1) {
      const ax = PAD + BOX_W / 2;
      const y1 = y + BOX_H;
      const y2 = y1 + GAP;
      parts.push(`<line x1="${ax}" y1="${y1}" x2="${ax}" y2="${y2 - 7}" stroke="#1d5a9e" stroke-width="1.5"/>`);
      parts.push(`<path d="M${ax - 6} ${y2 - 8} L${ax + 6} ${y2 - 8} L${ax} ${y2} Z" fill="#1d5a9e"/>`);
    }
  });
  return raw(`<svg class="flow-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="flow-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif"><title id="flow-title">${escapeHtml(title)}</title>${parts.join('')}</svg>`);
}
