/**
 * 发文字号 (GB/T 9704-2012 §7.2.5) and Gongkai's default 索引号.
 */
import { describe, expect, it } from 'vitest';
import { formatDocNumber, formatIndexNo, normalizeDocNumber, parseDocNumber, parseIndexNo, validateDocNumber } from '../../src/domain/doc-number.js';

describe('parseDocNumber', () => {
  it.each([
    ['县政办发〔2026〕12号', '县政办发', 2026, 12],
    ['国办发〔2017〕47号', '国办发', 2017, 47],
    ['国办函〔2020〕109号', '国办函', 2020, 109],
    ['国发明电〔2020〕1号', '国发明电', 2020, 1],
    ['财预〔2026〕100000号', '财预', 2026, 100000],
    ['县财发〔1999〕5号', '县财发', 1999, 5],
    ['ABC发〔2026〕3号', 'ABC发', 2026, 3],
    ['甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉〔2026〕1号', '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉', 2026, 1],
    // A character outside the BMP counts as one character.
    ['𠀀发〔2026〕1号', '𠀀发', 2026, 1],
    [' 县政办发〔2026〕12号 ', '县政办发', 2026, 12],
  ])('%s', (value, agencyCode, year, serial) => {
    expect(parseDocNumber(value)).toEqual({ agencyCode, year, serial });
  });

  it.each([
    ['县政办发[2026]12号', 'square brackets'],
    ['县政办发【2026】12号', 'lenticular brackets'],
    ['县政办发(2026)12号', 'ASCII parentheses'],
    ['县政办发（2026）12号', 'full-width parentheses'],
    ['县政办发［2026］12号', 'full-width square brackets'],
    ['县政办发﹝2026﹞12号', 'small tortoise shell brackets'],
    ['县政办发〔2026〕第12号', '第 before the serial'],
    ['县政办发〔2026〕012号', 'a leading zero'],
    ['县政办发〔2026〕0号', 'serial 0'],
    ['县政办发〔26〕12号', 'a two-digit year'],
    ['县政办发〔1899〕12号', 'a year before 1900'],
    ['县政办发〔2026〕12', 'no 号'],
    ['县政办发〔2026〕12号文', 'text after 号'],
    ['县政办发〔2026〕1234567号', 'a seven-digit serial'],
    ['县政办发 〔2026〕12号', 'a space inside'],
    ['县政办发2〔2026〕12号', 'a digit in the agency code'],
    ['甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌〔2026〕1号', '21 characters of agency code'],
    ['〔2026〕12号', 'no agency code'],
    ['', 'empty'],
  ])('refuses %s (%s)', (value) => {
    expect(parseDocNumber(value)).toBeNull();
  });

  it('formats a parsed number back', () => {
    expect(formatDocNumber({ agencyCode: '县政办发', year: 2026, serial: 12 })).toBe('县政办发〔2026〕12号');
  });
});

describe('normalizeDocNumber fixes the usual mistakes', () => {
  it.each([
    ['县财发[2026]第012号', '县财发〔2026〕12号'],
    ['县政办发【2026】12号', '县政办发〔2026〕12号'],
    ['县政办发(2026)12号', '县政办发〔2026〕12号'],
    ['县政办发（2026）12号', '县政办发〔2026〕12号'],
    ['县政办发［2026］12号', '县政办发〔2026〕12号'],
    ['县政办发﹝2026﹞12号', '县政办发〔2026〕12号'],
    ['县政办发〔2026]12号', '县政办发〔2026〕12号'],
    ['县政办发〔2026〕第12号', '县政办发〔2026〕12号'],
    ['县政办发〔2026〕012号', '县政办发〔2026〕12号'],
    ['县政办发〔2026〕00100号', '县政办发〔2026〕100号'],
    ['县政办发〔２０２６〕１２号', '县政办发〔2026〕12号'],
    ['县政办发 〔2026〕 12 号', '县政办发〔2026〕12号'],
    ['县政办发　〔2026〕12号', '县政办发〔2026〕12号'],
    ['县政办发〔2026〕12', '县政办发〔2026〕12号'],
    ['县政办发〔2026〕12號', '县政办发〔2026〕12号'],
    ['县政办发〔2026〕12号', '县政办发〔2026〕12号'],
  ])('%s → %s', (value, fixed) => {
    expect(normalizeDocNumber(value)).toBe(fixed);
  });

  it.each(['县政办发〔26〕12号', '县政办发2026年12号', '县政办发〔2026〕0号', '〔2026〕12号', '县政办发〔2026〕12号附件', ''])('cannot fix %j', (value) => {
    expect(normalizeDocNumber(value)).toBeNull();
  });
});

describe('validateDocNumber', () => {
  it.each(['县政办发〔2026〕12号', '国办发〔2017〕47号', ' 国办函〔2020〕109号'])('accepts %s', (value) => {
    expect(validateDocNumber(value)).toEqual({ ok: true });
  });

  it.each<[string, string[], string | undefined]>([
    ['县财发[2026]第012号', ['六角括号', '不加“第”', '不编虚位'], '县财发〔2026〕12号'],
    ['县政办发（2026）12号', ['六角括号'], '县政办发〔2026〕12号'],
    ['县政办发〔2026〕第12号', ['不加“第”'], '县政办发〔2026〕12号'],
    ['县政办发〔2026〕012号', ['不编虚位'], '县政办发〔2026〕12号'],
    ['县政办发〔2026〕12', ['应加“号”'], '县政办发〔2026〕12号'],
    ['县政办发〔2026〕12號', ['简体字'], '县政办发〔2026〕12号'],
    ['县政办发 〔2026〕12号', ['空格'], '县政办发〔2026〕12号'],
    ['县政办发〔２０２６〕１２号', ['半角'], '县政办发〔2026〕12号'],
    ['县政办发〔26〕12号', ['四位数字'], undefined],
    ['县政办发2026年12号', ['六角括号'], undefined],
    ['县政办发〔2026〕0号', ['从1开始'], undefined],
    ['〔2026〕12号', ['缺少发文机关代字'], undefined],
    ['县政办发〔2026〕号', ['缺少发文顺序号'], undefined],
    ['县政办发〔2026〕12号附件', ['“号”字后'], undefined],
    ['甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌〔2026〕1号', ['20个字'], undefined],
    ['县政办发2〔2026〕12号', ['汉字或字母'], undefined],
    ['县政办发〔2026〕1234567号', ['过长'], undefined],
    ['', ['请填写'], undefined],
  ])('%j explains %j and suggests %s', (value, phrases, suggestion) => {
    const result = validateDocNumber(value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const phrase of phrases) expect(result.message).toContain(phrase);
    expect(result.message).toContain('县政办发〔2026〕12号');
    expect(result.message.endsWith('。')).toBe(true);
    expect(result.suggestion).toBe(suggestion);
  });
});

describe('索引号 <orgCode>/<year>-<5-digit serial>', () => {
  it.each<[string, number, number, string]>([
    ['11990100123400151W', 2026, 12, '11990100123400151W/2026-00012'],
    ['000014349', 2017, 110, '000014349/2017-00110'],
    ['00001434-9', 2017, 1, '00001434-9/2017-00001'],
    ['11990100123400151W', 2026, 99999, '11990100123400151W/2026-99999'],
  ])('%s, %i, %i → %s and back', (orgCode, year, serial, indexNo) => {
    expect(formatIndexNo(orgCode, year, serial)).toBe(indexNo);
    expect(parseIndexNo(indexNo)).toEqual({ orgCode, year, serial });
  });

  it.each<[number, number]>([[2026, 0], [2026, 100000], [2026, 1.5], [26, 1], [Number.NaN, 1]])('refuses year %s serial %s', (year, serial) => {
    expect(() => formatIndexNo('000014349', year, serial)).toThrow(RangeError);
  });

  it.each([
    '000014349/2017-0011',
    '000014349/2017-000110',
    '000014349-2017-00110',
    '000014349/17-00110',
    '000014349/2017-00000',
    '00001434/2017-00110',
    'abcdefghi/2017-00110',
    '11990100123400151W/2026_00012',
    '',
  ])('parseIndexNo refuses %j', (value) => {
    expect(parseIndexNo(value)).toBeNull();
  });
});
