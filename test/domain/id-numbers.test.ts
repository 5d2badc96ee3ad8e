/**
 * GB 11643-1999 身份证号码, GB 32100-2015 统一社会信用代码, GB 11714-1997 组织机构代码, masking.
 *
 * Fixed, published examples come first. Further valid numbers (for dates and boundary cases)
 * are built by the independent check-character helpers below, written from the standards
 * and not imported from the code under test; the helpers are themselves checked against the
 * fixed examples.
 */
import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, isValidOrganizationCode, isValidResidentIdNumber, maskAddress, maskBankCard,
  maskEmail, maskIdNumber, maskPhone, organizationCodeCheckCharacter, residentIdCheckCharacter, residentIdNumberProblem, toHalfWidth,
} from '../../src/domain/id-numbers.js';

// ---- independent helpers (from the standards' text) ----

/** GB 11643: Σ a_i × (2^(i−1) mod 11), i = 18 … 2 from the left; check = (12 − Σ mod 11) mod 11, 10 → X. */
function idCheck(first17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k += 1) sum += Number(first17[k]) * (2 ** (17 - k) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}
const withIdCheck = (first17: string) => first17 + idCheck(first17);

/** GB 32100: values 0–30 over 0-9A-HJ-NPQRTUWY… alphabet, weights 3^(i−1) mod 31, check = 31 − Σ mod 31 (31 → 0). */
const USCI = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCheck(first17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k += 1) sum += USCI.indexOf(first17[k]) * (3 ** k % 31);
  return USCI[(31 - (sum % 31)) % 31];
}
const withCreditCheck = (first17: string) => first17 + creditCheck(first17);

/** GB 11714: letters A=10 … Z=35, weights 3 7 9 10 5 8 4 2, check = 11 − Σ mod 11 (10 → X, 11 → 0). */
function orgCheck(first8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let k = 0; k < 8; k += 1) sum += parseInt(first8[k], 36) * w[k];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const TODAY = '2026-03-10';

describe('the test helpers agree with the published examples', () => {
  it.each(['11010519491231002X', '440524188001010014'])('身份证号 %s', (id) => {
    expect(withIdCheck(id.slice(0, 17))).toBe(id);
  });
  it.each(['91350100M000100Y43', '91440300708461136T', '914403001922038216'])('信用代码 %s', (code) => {
    expect(withCreditCheck(code.slice(0, 17))).toBe(code);
    expect(orgCheck(code.slice(8, 16))).toBe(code[16]);
  });
});

describe('isValidResidentIdNumber (GB 11643-1999)', () => {
  it.each([
    // The example printed in GB 11643-1999 itself.
    ['11010519491231002X', 'the standard’s example, check character X'],
    ['11010519491231002x', 'a lower-case x'],
    [' 11010519491231002X ', 'surrounding spaces'],
    // The same person’s 15-digit number before 1999 (no century, no check character).
    ['110105491231002', 'a 15-digit pre-1999 number'],
    ['110105480229002', 'a 15-digit number born 1948-02-29 (a leap year)'],
    [withIdCheck('44030120000229123'), 'born 2000-02-29 (a leap year)'],
    [withIdCheck('11010119000101001'), 'born 1900-01-01, the earliest year allowed'],
    [withIdCheck('33010220260310001'), 'born today'],
    [withIdCheck('81000019800101123'), 'a Hong Kong residence permit number (81)'],
    [withIdCheck('65010219991231456'), 'Xinjiang (65)'],
  ])('accepts %s (%s)', (id) => {
    expect(isValidResidentIdNumber(id, TODAY)).toBe(true);
    expect(residentIdNumberProblem(id, TODAY)).toBeNull();
  });

  it.each([
    ['110105194912310021', '校验码', 'the wrong check digit'],
    ['110105194912310028', '校验码', 'another wrong check digit'],
    ['11010519491231002Y', '18位', 'a letter other than X'],
    ['X1010519491231002X', '18位', 'a letter in the body'],
    ['1101051949123100', '18位', '16 digits'],
    ['11010519491231002', '18位', '17 digits'],
    ['11010519491231002X1', '18位', '19 characters'],
    ['', '18位', 'empty'],
    ['１１０１０５１９４９１２３１００２Ｘ', '18位', 'full-width digits'],
    // The standard’s second example is checksum-valid but born in 1880.
    ['440524188001010014', '1900年', 'born before 1900'],
    [withIdCheck('11010519490230002'), '出生日期', 'born 1949-02-30'],
    [withIdCheck('11010520010229002'), '出生日期', 'born 2001-02-29 (not a leap year)'],
    [withIdCheck('11010519491301002'), '出生日期', 'month 13'],
    [withIdCheck('11010519490100002'), '出生日期', 'day 00'],
    [withIdCheck('11010520260311002'), '晚于今天', 'born tomorrow'],
    [withIdCheck('00010519491231002'), '地址码', 'province 00'],
    [withIdCheck('99010519491231002'), '地址码', 'province 99'],
    ['110105491331002', '出生日期', '15 digits, month 13'],
    ['110105490229002', '出生日期', '15 digits, 1949-02-29'],
    ['990105491231002', '地址码', '15 digits, province 99'],
  ])('refuses %s (%s: %s)', (id, problem) => {
    expect(isValidResidentIdNumber(id, TODAY)).toBe(false);
    expect(residentIdNumberProblem(id, TODAY)).toContain(problem);
  });

  it('computes the check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
    expect(() => residentIdCheckCharacter('1101051949')).toThrow(RangeError);
  });

  it('checks birth dates against today in China by default', () => {
    expect(isValidResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isValidResidentIdNumber(withIdCheck('11010521000101002'))).toBe(false);
  });
});

describe('isValidCreditCode (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the usual textbook example'],
    // Real, published enterprise codes.
    ['91440300708461136T', 'an enterprise (9 1)'],
    ['914403001922038216', 'an enterprise, check character 6'],
    ['91110108551385082Q', 'an enterprise registered in Beijing'],
    ['91110000710926094P', 'an enterprise registered in Beijing'],
    ['91330100799655058B', 'an enterprise registered in Hangzhou'],
    // Gongkai’s demo bodies (organ of government: 1 1).
    ['11990100123400151W', 'demo 财政局'],
    ['11990100123400223M', 'demo 教育局'],
    ['91350100m000100y43', 'lower case'],
    [' 91350100M000100Y43', 'a leading space'],
    [withCreditCheck('52110000MJ0000000'), '民办非企业单位 (5 2)'],
    [withCreditCheck('Y1110000MA0000000'), '其他 (Y)'],
    [withCreditCheck('N2330100MA0000001'), '村级集体经济组织 (N 2)'],
    [withCreditCheck('A1110000MB0000002'), '军队事业单位 (A 1)'],
    [withCreditCheck('92330100MA2B3C4D5'), '个体工商户 (9 2)'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeProblem(code)).toBeNull();
  });

  it.each([
    ['91350100M000100Y44', '校验码', 'the wrong check character'],
    ['91350100M000100Y4', '18位', '17 characters'],
    ['91350100M000100Y431', '18位', '19 characters'],
    ['', '18位', 'empty'],
    // I, O, Z, S and V are not used (they look like 1, 0, 2, 5, U).
    ['91350100M000100I43', 'I、O、Z、S、V', 'I'],
    ['91350100M0001O0Y43', 'I、O、Z、S、V', 'O'],
    ['91350100Z000100Y43', 'I、O、Z、S、V', 'Z'],
    ['91350100M0S0100Y43', 'I、O、Z、S、V', 'S'],
    ['91350100M000100V43', 'I、O、Z、S、V', 'V'],
    ['91350100M000100Y4Z', 'I、O、Z、S、V', 'Z as the check character'],
    [withCreditCheck('B1350100M000100Y4'), '登记管理部门', 'registration authority B'],
    [withCreditCheck('01350100M000100Y4'), '登记管理部门', 'registration authority 0'],
    [withCreditCheck('90350100M000100Y4'), '机构类别', 'type code 0'],
    [withCreditCheck('9A350100M000100Y4'), '机构类别', 'type code A'],
    [withCreditCheck('91A50100M000100Y4'), '行政区划码', 'a letter in the region code'],
    ['91350100M000100Y4-', '格式不正确', 'a punctuation mark'],
  ])('refuses %s (%s: %s)', (code, problem) => {
    expect(isValidCreditCode(code)).toBe(false);
    expect(creditCodeProblem(code)).toContain(problem);
  });

  it('computes the check character', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(() => creditCodeCheckCharacter('91350100M000100I4')).toThrow(RangeError);
  });
});

describe('isValidOrganizationCode (GB 11714-1997)', () => {
  it.each([
    // The 主体标识码 inside the credit codes above.
    'M000100Y4', 'M000100Y-4', '70846113-6', '708461136', '19220382-1', '55138508-2', '71092609-4',
    '12340015-1', 'm000100y-4', ' 70846113-6 ',
    `D2143569-${orgCheck('D2143569')}`,
  ])('accepts %s', (code) => {
    expect(isValidOrganizationCode(code)).toBe(true);
  });

  it.each([
    ['70846113-5', 'the wrong check character'],
    ['7084611-36', 'the hyphen in the wrong place'],
    ['70846113--6', 'two hyphens'],
    ['70846113', 'no check character'],
    ['708461136X', '10 characters'],
    ['7084611*-6', 'a symbol'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidOrganizationCode(code)).toBe(false);
  });

  it('writes 10 as X and 11 as 0', () => {
    // Found with the helper: bodies whose check value is 10 and 11.
    const bodies = ['00000000', '00000001', '00000002', '00000003', '00000004', '00000005', '00000006', '00000007', '00000008', '00000009', '0000000A', '0000000B'];
    const x = bodies.find((b) => orgCheck(b) === 'X')!;
    const zero = bodies.find((b) => orgCheck(b) === '0')!;
    expect(organizationCodeCheckCharacter(x)).toBe('X');
    expect(organizationCodeCheckCharacter(zero)).toBe('0');
    expect(isValidOrganizationCode(`${x}-X`)).toBe(true);
    expect(isValidOrganizationCode(`${zero}-0`)).toBe(true);
    // 00000000: Σ = 0, 11 − 0 = 11 → 0.
    expect(organizationCodeCheckCharacter('00000000')).toBe('0');
  });
});

describe('masking', () => {
  it.each([
    [maskIdNumber, '11010519491231002X', '110105********002X'],
    [maskIdNumber, '110105194912310021', '110105********0021'],
    [maskIdNumber, '110105491231002', '110105*****1002'],
    [maskIdNumber, '１１０１０５１９４９１２３１００２Ｘ', '110105********002X'],
    [maskIdNumber, '12345', '12****'],
    [maskPhone, '13812345678', '138****5678'],
    [maskPhone, '138-1234-5678', '138****5678'],
    [maskPhone, '+86 138 1234 5678', '138****5678'],
    [maskPhone, '008613812345678', '138****5678'],
    [maskPhone, '（+86）13812345678', '138****5678'],
    [maskPhone, '１３８１２３４５６７８', '138****5678'],
    [maskPhone, '010-12345678', '010****5678'],
    [maskPhone, '12345', '****'],
    [maskEmail, 'zhang@example.com', 'z***@example.com'],
    [maskEmail, 'a@b.cn', 'a***@b.cn'],
    [maskEmail, 'no-at-sign', '****'],
    [maskEmail, '@example.com', '****'],
    [maskBankCard, '6222020200112233446', '6222 **** **** 3446'],
    [maskBankCard, '6222 0202 0011 2233 446', '6222 **** **** 3446'],
    [maskBankCard, '1234', '****'],
    [maskAddress, '北京市东城区景山前街4号', '北京市东城区****'],
    [maskAddress, '福建省福州市鼓楼区', '福建省福州市****'],
    [maskAddress, '北京市', '北京****'],
    [maskAddress, '  示例县城关镇人民路1号  ', '示例县城关镇****'],
    // Characters outside the BMP are never split in half.
    [maskAddress, '𠀀𠀁𠀂𠀃𠀄𠀅𠀆', '𠀀𠀁𠀂𠀃𠀄𠀅****'],
  ])('%o(%j) = %j', (mask, value, masked) => {
    expect(mask(value)).toBe(masked);
  });

  it('never shows more than the kept parts of an ID number', () => {
    const masked = maskIdNumber('11010519491231002X');
    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('19491231');
  });

  it('converts full-width digits and letters', () => {
    expect(toHalfWidth('１２３ＡＢｘ')).toBe('123ABx');
  });
});
