import { describe, expect, it } from 'vitest';
import { searchDocument, searchQuery, searchTokens } from '../../src/domain/search-text.js';

describe('Chinese search tokens', () => {
  it.each([
    ['信息公开', ['信息', '息公', '公开']],
    ['依申请', ['依申', '申请']],
    ['“三公”经费', ['三公', '公经', '经费']],
    ['《条例》第26条', ['条例', '例第', '条', '26']],
    ['GB 11643 标准', ['标准', 'gb', '11643']],
  ])('%s → %j', (text, tokens) => {
    expect(searchTokens(text)).toEqual(tokens);
  });

  it('builds a tsquery that needs every bigram, and nothing for punctuation alone', () => {
    expect(searchQuery('三公经费')).toBe("'三公' & '公经' & '经费'");
    expect(searchQuery('！？')).toBeNull();
    expect(searchDocument('标题', null, '正文')).toBe('标题 正文');
  });
});
