/**
 * The anti-spam challenge of the public forms (applications, messages, account sign-up).
 *
 * - Plain text in the form's label, so it works without JavaScript and a screen reader reads it
 *   (the question is its own text alternative; the hint says how to answer).
 * - Several kinds of question, each worded a few ways, so a script needs more than one parser.
 * - Stateless to issue (the id carries its expiry and a MAC of the answer), used once: the first
 *   answer, right or wrong, spends it (its id is stored until it expires, shared by every process).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { markChallengeUsed } from './challenge.repository.js';

const CHALLENGE_TTL_MS = 30 * 60_000;
const DIGITS = '零一二三四五六七八九';
const ORDINALS = ['第一', '第二', '第三', '第四'];
/** Four-character phrases of public administration, familiar to anyone who reads the portal. */
const PHRASES = [
  '公开透明', '依法行政', '便民利民', '政务服务', '信息公开', '为民办事', '高效便捷', '公平公正',
  '实事求是', '群众满意', '规范管理', '优化营商', '乡村振兴', '绿水青山', '安居乐业', '民生实事',
];

export type Kind = 'arith' | 'largest' | 'char' | 'digits';
const KINDS: Kind[] = ['arith', 'largest', 'char', 'digits'];

export interface Challenge {
  challengeId: string;
  /** The question as shown in the form's label, ending with how to answer it. */
  question: string;
  /** How to answer (also at the end of the question). */
  hint: string;
}

/** 0–99 in Chinese numerals: 七, 十二, 三十, 四十五. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

function pick<T>(values: readonly T[]): T {
  return values[randomInt(values.length)];
}

function compose(kind: Kind): { question: string; answer: string } {
  switch (kind) {
    case 'arith': {
      const a = randomInt(2, 30);
      const b = randomInt(1, 20);
      const c = randomInt(1, Math.min(a + b, 20));
      const [x, y, z] = [a, b, c].map(chineseNumeral);
      return { question: pick([`${x}加${y}，再减去${z}，等于多少？`, `${x}加上${y}再减${z}，结果是多少？`]), answer: String(a + b - c) };
    }
    case 'largest': {
      const values = new Set<number>();
      while (values.size < 3) values.add(randomInt(10, 100));
      const list = [...values];
      return { question: pick([`${list.map(chineseNumeral).join('、')}这三个数中，最大的是多少？`, `在${list.map(chineseNumeral).join('、')}中，哪个数最大？`]), answer: String(Math.max(...list)) };
    }
    case 'char': {
      const phrase = pick(PHRASES);
      const position = randomInt(4);
      return { question: `“${phrase}”这个词的${ORDINALS[position]}个字是什么？`, answer: phrase[position] };
    }
    case 'digits': {
      const digits = Array.from({ length: 4 }, () => randomInt(10));
      return { question: `请把“${digits.map((d) => DIGITS[d]).join('')}”写成阿拉伯数字。`, answer: digits.join('') };
    }
  }
}

const HINTS: Record<Kind, string> = {
  arith: '请填写数字，阿拉伯数字或汉字均可',
  largest: '请填写数字，阿拉伯数字或汉字均可',
  char: '请填写一个汉字',
  digits: '请填写阿拉伯数字',
};

/** The answer as compared: numbers in Arabic digits (full-width digits and Chinese numerals accepted), text trimmed. */
export function canonicalAnswer(kind: Kind, answer: string): string {
  let value = answer.normalize('NFKC').replace(/[\s“”"'‘’。.，,]/g, '');
  if (kind === 'char') return value;
  if (kind === 'digits') return /^[零〇一二三四五六七八九]+$/.test(value) ? [...value].map((c) => (c === '〇' ? 0 : DIGITS.indexOf(c))).join('') : value;
  const chinese = /^([一二三四五六七八九])?十([一二三四五六七八九])?$|^[零一二三四五六七八九]$/.exec(value);
  if (chinese) {
    if (!value.includes('十')) return String(DIGITS.indexOf(value));
    value = String((chinese[1] ? DIGITS.indexOf(chinese[1]) : 1) * 10 + (chinese[2] ? DIGITS.indexOf(chinese[2]) : 0));
  }
  return /^\d{1,4}$/.test(value) ? String(Number(value)) : value;
}

const mac = (ctx: AppContext, kind: Kind, expires: number, nonce: string, answer: string) => ctx.crypto.sign(`challenge|${kind}|${expires}|${nonce}|${answer}`);
/** Proves an id was issued here without knowing the answer, so made-up ids are never stored. */
const tag = (ctx: AppContext, kind: Kind, expires: number, nonce: string) => ctx.crypto.sign(`challenge-id|${kind}|${expires}|${nonce}`).slice(0, 16);

export function issueChallenge(ctx: AppContext): Challenge {
  const kind = pick(KINDS);
  const { question, answer } = compose(kind);
  const expires = ctx.now().getTime() + CHALLENGE_TTL_MS;
  const nonce = randomBytes(9).toString('base64url');
  const challengeId = ['c2', kind, expires, nonce, tag(ctx, kind, expires, nonce), mac(ctx, kind, expires, nonce, answer)].join('.');
  // The hint is part of the label, so a screen reader reads it with the question.
  return { challengeId, question: `${question}（${HINTS[kind]}）`, hint: HINTS[kind] };
}

function refuse(message: string): never {
  throw new AppError('REQUEST_CHALLENGE_FAILED', [{ path: 'challenge', message }]);
}

/** Accepts a correct answer to a challenge issued here, once; any answer spends the challenge. */
export async function verifyChallenge(ctx: AppContext, challenge: { id: string; answer: string } | undefined): Promise<void> {
  const [version, kind, expiresText, nonce, idTag, answerMac, ...rest] = (challenge?.id ?? '').split('.');
  const expires = Number(expiresText);
  if (version !== 'c2' || rest.length || !KINDS.includes(kind as Kind) || !Number.isSafeInteger(expires) || !nonce || !answerMac
    || idTag !== tag(ctx, kind as Kind, expires, nonce)) {
    refuse('验证问题无效，请回答页面上的新问题。');
  }
  if (expires < ctx.now().getTime()) refuse('验证问题已过期，请回答新的验证问题。');
  if (!(await markChallengeUsed(ctx.db, `${expires}.${nonce}`, new Date(expires)))) refuse('该验证问题已经使用过，请回答新的验证问题。');
  const answer = canonicalAnswer(kind as Kind, String(challenge?.answer ?? ''));
  if (!answer || mac(ctx, kind as Kind, expires, nonce, answer) !== answerMac) refuse('验证问题回答错误，请回答新的验证问题。');
}
