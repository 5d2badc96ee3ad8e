import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/domain/search/normalize.js';
import { pinyinOf, corrections, completions, editDistance } from '../../src/domain/search/pinyin.js';
import { buildThesaurus, compileTerms, phraseQuery, queryTerms } from '../../src/domain/search/query.js';
import { cutWords, DICTIONARY_TERMS, INDEXED_TERMS, searchVector } from '../../src/domain/search/segment.js';
import { DEFAULT_SYNONYM_GROUPS } from '../../src/domain/search/thesaurus.js';

const th = buildThesaurus(DEFAULT_SYNONYM_GROUPS, DICTIONARY_TERMS, pinyinOf);
const alternatives = (q: string) => queryTerms(q, th).map((t) => t.alternatives);

describe('normalisation (documents and queries alike)', () => {
  it.each([
    ['“五公开”工作', '五公开工作'],
    ['《政府信息公开条例》', '政府信息公开条例'],
    ['個人所得稅', '个人所得税'],
    ['公共租賃住房', '公共租赁住房'],
    ['殘疾人聯合會', '残疾人联合会'],
    ['ＡＢＣ１２３', 'abc123'],
    ['２０２４年', '2024年'],
    ['GB Ｔ', 'gb t'],
    ['最低 生活　保障', '最低生活保障'],
    ['信息公开 2024', '信息公开 2024'],
    ['关于·通知', '关于通知'],
  ])('%s → %s', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});

describe('segmentation with the government dictionary', () => {
  it.each([
    ['公租房申请', ['公租房', '申请']],
    ['一网通办', ['一网通办']],
    ['新农合报销', ['新农合', '报销']],
    ['城乡居民最低生活保障', ['城乡居民', '最低生活保障']],
    ['三公经费', ['三公经费']],
    ['个人所得税专项附加扣除', ['个人所得税', '专项附加扣除']],
    ['依申请公开', ['依申请公开']],
    ['残联', ['残联']],
  ])('%s → %j', (text, words) => {
    expect(cutWords(text)).toEqual(words);
  });

  it('indexes bigrams, words and the last character of body runs, title characters alone, weights by field', () => {
    const v = searchVector({ title: ['低保'], body: ['城乡居民最低生活保障'] });
    expect(v).toContain("'低保':1A");
    expect(v).toContain("'低':1A");
    expect(v).toContain("'城乡居民':4C");
    expect(v).toContain("'最低生活保障':8C");
    expect(v).toContain("'障':13C");
    expect(v).not.toContain("'城':");
  });

  it('keeps the year and number of a 发文字号 apart', () => {
    const v = searchVector({ title: ['县住建发〔2025〕3号'] });
    expect(v).toContain("'2025':");
    expect(v).toContain("'3':");
  });
});

describe('synonym expansion', () => {
  it.each([
    ['个税', ['个人所得税', '个税']],
    ['公租房', ['公共租赁住房', '公租房']],
    ['残联', ['残疾人联合会', '残联']],
    ['新农合', ['新型农村合作医疗', '新农合']],
    ['一网通办', ['一网通办', '政务服务', '网上办事']],
    ['低保', ['低保', '最低生活保障']],
    ['社保', ['社会保险', '社保']],
    ['五保户', ['五保户', '特困人员', '特困供养']],
  ])('%s → %j', (q, expected) => {
    expect(alternatives(q)[0].slice().sort()).toEqual(expected.slice().sort());
  });

  it('needs every term (AND), any of its synonyms (OR), and drops words of a spoken question', () => {
    expect(alternatives('怎么申请公租房')).toEqual([['申请'], ['公租房', '公共租赁住房']]);
    expect(compileTerms(queryTerms('低保 标准', th))).toBe("('低保' | ('最低生活保障' | '最低' & '低生' & '生活' & '活保' & '保障')) & '标准'");
    expect(compileTerms(queryTerms('税', th))).toBe("'税':*");
    expect(compileTerms(queryTerms('！？', th))).toBeNull();
    expect(phraseQuery(queryTerms('低保标准', th))).toBe("'低保' <-> '保标' <-> '标准'");
  });

  it('looks for a dictionary term by its own lexeme once the index holds such lexemes', () => {
    expect(compileTerms(queryTerms('社会救助', th), INDEXED_TERMS)).toBe("'社会救助'");
    expect(compileTerms(queryTerms('低保 标准', th), INDEXED_TERMS)).toBe("('低保' | '最低生活保障') & '标准'");
    // A group the 系统管理员 added: not in the documents' vectors as a lexeme, so its bigrams too.
    const edited = buildThesaurus([['暖心卡', '关爱卡']], [], pinyinOf);
    expect(compileTerms(queryTerms('暖心卡', edited), INDEXED_TERMS)).toBe("(('暖心卡' | '暖心' & '心卡') | ('关爱卡' | '关爱' & '爱卡'))");
  });

  it('applies a changed thesaurus at once', () => {
    const edited = buildThesaurus([['暖心卡', '关爱卡']], [], pinyinOf);
    expect(queryTerms('关爱卡', edited)[0].alternatives.sort()).toEqual(['关爱卡', '暖心卡']);
  });
});

describe('dictionary terms in documents', () => {
  it.each([
    // The segmenter cuts 全社会 / 救助, yet the text has 社会救助.
    ['全社会救助工作', '社会救助'],
    ['城乡居民最低生活保障标准', '最低生活保障'],
    ['推进政府信息公开条例的实施', '政府信息公开条例'],
    ['新型农村合作医疗', '新型农村合作医疗'],
  ])('%s has the lexeme %s', (text, term) => {
    expect(INDEXED_TERMS.has(term)).toBe(true);
    expect(searchVector({ title: [], body: [text] })).toMatch(new RegExp(`'${term}':\\d+C`));
  });

  it('not where the characters are apart', () => {
    expect(searchVector({ title: [], body: ['社会，救助'] })).not.toContain("'社会救助'");
  });
});

describe('pinyin', () => {
  it.each([
    ['公租房', 'gongzufang', 'gzf'],
    ['个税', 'geshui', 'gs'],
    ['残联', 'canlian', 'cl'],
    ['低保', 'dibao', 'db'],
    ['女', 'nv', 'n'],
  ])('%s → %s / %s', (term, full, initials) => {
    expect(pinyinOf(term)).toMatchObject({ full, initials });
  });

  it.each([
    ['gongzufang', '公租房'],
    ['gong zu fang', '公租房'],
    ['gzf', '公租房'],
    ['canlian', '残联'],
    ['xinnonghe', '新农合'],
    ['ywtb', '一网通办'],
  ])('the query %s finds %s', (q, term) => {
    expect(alternatives(q)[0]).toContain(term);
  });

  it('proposes the known term that sounds the same or differs in one character', () => {
    expect(corrections('公祖房', th.known)[0]).toBe('公租房');
    expect(corrections('最低生话保障', th.known)[0]).toBe('最低生活保障');
    expect(corrections('三公经废', th.known)[0]).toBe('三公经费');
    expect(corrections('公租房', th.known)).not.toContain('公租房');
    expect(editDistance('公祖房', '公租房')).toBe(1);
  });

  it('completes a partly typed query from Chinese or pinyin', () => {
    expect(completions('公租', th.known)).toContain('公租房');
    expect(completions('gongz', th.known)).toContain('公租房');
    expect(completions('dib', th.known)).toContain('低保');
  });
});
