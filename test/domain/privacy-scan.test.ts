/**
 * The privacy scan before publication (条例第十五条、第十七条; API contract "Privacy scan"):
 * what counts as a finding, UTF-16 offsets, overlap resolution, redaction.
 *
 * Numbers used: 11010519491231002X (the GB 11643-1999 example); 110105491231002 (its 15-digit
 * form); 330102198506121151 (GB 11643-valid and Luhn-valid alike); 440301199003071046
 * (GB 11643-valid, not Luhn-valid); 6222020200112233446, 4111111111111111 and
 * 5500000000000004 (Luhn-valid card numbers); 622202020011223307 (18 digits, Luhn-valid, not an
 * ID: its "birth year" would be 0200). The check characters and Luhn sums were verified by hand
 * and with the independent helpers below.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSITIVE_WORDS, Finding, FindingType, luhnValid, redactText, scanText } from '../../src/domain/privacy-scan.js';

function luhn(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((c, i) => {
    const d = Number(c) * (i % 2 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

const TODAY = '2026-03-10';
type Row = [label: string, text: string, expected: [FindingType, string, string][], words?: string[]];

function summary(findings: Finding[]): [FindingType, string, string][] {
  return findings.map((f) => [f.type, f.value, f.masked]);
}

describe('scanText', () => {
  it('the helper agrees with the fixed numbers', () => {
    for (const card of ['6222020200112233446', '4111111111111111', '5500000000000004', '622202020011223307', '330102198506121151']) expect(luhn(card)).toBe(true);
    for (const other of ['6222020200112233445', '110105194912310021', '440301199003071046', '4111111111111112']) expect(luhn(other)).toBe(false);
  });

  it.each<Row>([
    ['the API contract example',
      '申请人张三，身份证号11010519491231002X，电话13800138000，邮箱zhang@example.com；无效号码110105194912310021。',
      [['idCard', '11010519491231002X', '110105********002X'], ['mobile', '13800138000', '138****8000'], ['email', 'zhang@example.com', 'z***@example.com']]],

    // 身份证号
    ['a lower-case x', '号码11010519491231002x。', [['idCard', '11010519491231002x', '110105********002X']]],
    ['a 15-digit pre-1999 number', '旧证110105491231002。', [['idCard', '110105491231002', '110105*****1002']]],
    ['an ID that also passes Luhn is an ID', '身份证330102198506121151', [['idCard', '330102198506121151', '330102********1151']]],
    ['an ID with a digit check character', '证件号：440301199003071046', [['idCard', '440301199003071046', '440301********1046']]],
    ['a wrong check digit is neither an ID nor a card', '110105194912310021', []],
    ['17 digits + X with the wrong check character', '11010519491231003X', []],
    ['an impossible birth date', '110105194902300020', []],
    ['a birth date after today', '110105202603110021', []],
    ['an ID inside a longer digit run', '9440301199003071046 与 4403011990030710469', []],
    ['an ID right after a letter', 'ID11010519491231002X', [['idCard', '11010519491231002X', '110105********002X']]],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ', [['idCard', '１１０１０５１９４９１２３１００２Ｘ', '110105********002X']]],

    // Mobile numbers
    ['a bare mobile number', '联系电话13912345678', [['mobile', '13912345678', '139****5678']]],
    ['+86 without spaces', '电话+8613812345678', [['mobile', '+8613812345678', '138****5678']]],
    ['86 without +', '电话8613812345678', [['mobile', '8613812345678', '138****5678']]],
    ['+86 and spaces', '电话：+86 138 1234 5678。', [['mobile', '+86 138 1234 5678', '138****5678']]],
    ['86- prefix', '86-13812345678', [['mobile', '86-13812345678', '138****5678']]],
    ['0086 prefix', '0086 13812345678', [['mobile', '0086 13812345678', '138****5678']]],
    ['(+86) prefix', '(+86)13812345678', [['mobile', '(+86)13812345678', '138****5678']]],
    ['（86） full-width prefix', '（86）13812345678', [['mobile', '（86）13812345678', '138****5678']]],
    ['hyphens', '138-1234-5678', [['mobile', '138-1234-5678', '138****5678']]],
    ['spaces', '手机 138 1234 5678 联系', [['mobile', '138 1234 5678', '138****5678']]],
    ['full-width digits', '１３８１２３４５６７８', [['mobile', '１３８１２３４５６７８', '138****5678']]],
    ['12… is not a mobile prefix', '12812345678', []],
    ['10… is not a mobile prefix', '10012345678', []],
    ['12 digits', '138123456789', []],
    ['inside a longer grouping', '138-1234-56789 和 138 1234 5678 9012', []],
    ['part of a decimal number', '13812345678.5 与 3.13812345678', []],
    ['two numbers in a row', '13812345678、13912345678', [['mobile', '13812345678', '138****5678'], ['mobile', '13912345678', '139****5678']]],

    // Bank cards
    ['19 digits passing Luhn', '卡号6222020200112233446', [['bankCard', '6222020200112233446', '6222 **** **** 3446']]],
    ['19 digits failing Luhn', '卡号6222020200112233445', []],
    ['16 digits passing Luhn', '4111111111111111', [['bankCard', '4111111111111111', '4111 **** **** 1111']]],
    ['16 digits failing Luhn', '4111111111111112', []],
    ['18 digits passing Luhn that are not an ID', '622202020011223307', [['bankCard', '622202020011223307', '6222 **** **** 3307']]],
    ['15 digits passing Luhn are not a card', '378282246310005', []],
    ['20 digits', '62220202001122334460', []],
    ['grouped in fours with spaces', '账号 6222 0202 0011 2233 446 户名', [['bankCard', '6222 0202 0011 2233 446', '6222 **** **** 3446']]],
    ['grouped in fours with hyphens', '5500-0000-0000-0004', [['bankCard', '5500-0000-0000-0004', '5500 **** **** 0004']]],
    ['grouped, failing Luhn', '4111 1111 1111 1112', []],

    // E-mail
    ['an e-mail address between Chinese text', '邮箱zhang.san+gk@mail.example.gov.cn。', [['email', 'zhang.san+gk@mail.example.gov.cn', 'z***@mail.example.gov.cn']]],
    ['a mobile number as the local part is one e-mail finding', '13800138000@163.com', [['email', '13800138000@163.com', '1***@163.com']]],
    ['no top-level domain', 'user@localhost', []],
    ['a trailing full stop is not part of the domain', 'Write to a.b@example.org.', [['email', 'a.b@example.org', 'a***@example.org']]],

    // Sensitive words
    ['no sensitive words by default', '绝密文件', []],
    ['configured words, case-insensitive', '本件 Confidential，内部资料', [['sensitiveWord', 'Confidential', '************'], ['sensitiveWord', '内部资料', '****']], ['CONFIDENTIAL', '内部资料']],
    ['literal, not a pattern', '秘密★1年 与 秘密文件', [['sensitiveWord', '秘密★', '***']], ['秘密★']],
    ['the longer of two overlapping words wins', '请注意保密', [['sensitiveWord', '注意保密', '****']], ['保密', '注意保密']],
    ['blank and duplicate words are ignored', '内部资料', [['sensitiveWord', '内部资料', '****']], ['', '  ', '内部资料', '内部资料 ']],
    ['each occurrence', '机密、机密', [['sensitiveWord', '机密', '**'], ['sensitiveWord', '机密', '**']], ['机密']],
  ])('%s', (_label, text, expected, words) => {
    const findings = scanText(text, { today: TODAY, ...(words ? { sensitiveWords: words } : {}) });
    expect(summary(findings)).toEqual(expected);
    for (const f of findings) {
      expect(text.slice(f.offset, f.offset + f.length)).toBe(f.value);
      expect(f.length).toBe(f.value.length);
    }
  });

  it('reports the offsets of the API contract example', () => {
    const text = '申请人张三，身份证号11010519491231002X，电话13800138000，邮箱zhang@example.com；无效号码110105194912310021。';
    expect(scanText(text, { today: TODAY }).map((f) => [f.offset, f.length])).toEqual([[10, 18], [31, 11], [45, 17]]);
  });

  it('counts offsets in UTF-16 code units past characters outside the BMP', () => {
    const text = '𠀀𠀀 11010519491231002X 𠀀机密';
    expect(scanText(text, { today: TODAY, sensitiveWords: ['机密'] }).map((f) => [f.type, f.offset, f.length])).toEqual([['idCard', 5, 18], ['sensitiveWord', 26, 2]]);
  });

  it('keeps offsets where lower-casing would change the length (İ)', () => {
    // 'İ'.toLowerCase() has two code units; the finding must still point into the original text.
    expect(scanText('İİ 机密 Gİzli', { sensitiveWords: ['机密', 'gİzli'] }).map((f) => [f.offset, f.value])).toEqual([[3, '机密'], [6, 'Gİzli']]);
  });

  it('checks birth dates against the given day', () => {
    expect(scanText('110105202603110021', { today: '2026-03-10' })).toEqual([]);
    expect(summary(scanText('110105202603110021', { today: '2026-03-11' }))).toEqual([['idCard', '110105202603110021', '110105********0021']]);
  });

  it('returns findings sorted by offset and never overlapping', () => {
    const text = '内部资料：13800138000@163.com，+86 139 1234 5678，卡 4111111111111111，证 11010519491231002X，绝密';
    const findings = scanText(text, { today: TODAY, sensitiveWords: DEFAULT_SENSITIVE_WORDS });
    expect(findings.map((f) => f.type)).toEqual(['sensitiveWord', 'email', 'mobile', 'bankCard', 'idCard', 'sensitiveWord']);
    for (let i = 1; i < findings.length; i += 1) expect(findings[i].offset).toBeGreaterThanOrEqual(findings[i - 1].offset + findings[i - 1].length);
  });

  it('finds nothing in an empty text', () => {
    expect(scanText('')).toEqual([]);
  });
});

describe('DEFAULT_SENSITIVE_WORDS', () => {
  it('holds the 密级 marks and internal-circulation notes', () => {
    expect(DEFAULT_SENSITIVE_WORDS).toEqual(expect.arrayContaining(['绝密', '机密', '秘密★', '内部资料', '注意保密']));
  });
});

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['6222020200112233446', true],
    ['79927398713', true],
    ['79927398710', false],
    ['', false],
    ['4111 1111', false],
  ])('%s → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });
});

describe('redactText', () => {
  it('replaces every finding with its mask', () => {
    const text = '申请人张三，身份证号11010519491231002X，电话13800138000，邮箱zhang@example.com；无效号码110105194912310021。';
    expect(redactText(text, scanText(text, { today: TODAY }))).toBe('申请人张三，身份证号110105********002X，电话138****8000，邮箱z***@example.com；无效号码110105194912310021。');
  });

  it('handles masks of a different length, unsorted input, overlaps and findings beyond the text', () => {
    const text = '卡号 6222 0202 0011 2233 446，电话 +86 138 1234 5678。';
    expect(redactText(text, scanText(text))).toBe('卡号 6222 **** **** 3446，电话 138****5678。');
    expect(redactText('abcdef', [
      { offset: 4, length: 2, masked: '**' },
      { offset: 0, length: 2, masked: '#' },
      { offset: 1, length: 2, masked: '!' },
      { offset: 5, length: 9, masked: '?' },
    ])).toBe('#cd**');
  });

  it('returns the text unchanged without findings', () => {
    expect(redactText('没有个人信息', [])).toBe('没有个人信息');
  });
});
