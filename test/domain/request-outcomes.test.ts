/**
 * What each outcome needs (条例第三十条、第三十五条至第三十九条; 国办函〔2020〕109号): its own step
 * for the three automatic ones, an explanation for those the law says must be explained, and
 * the 行政复议 body named in the remedies (《行政复议法》第二十四条).
 */
import { describe, expect, it } from 'vitest';
import {
  EXPLANATIONS, explanationRefusal, OUTCOME_KEYS, remediesSentence, replyRefusal, stepOf,
} from '../../src/domain/request-outcomes.js';
import { reviewBodyOf } from '../../src/domain/request-remedies.js';

describe('outcomes reached through their own step', () => {
  it.each([
    ['otherHandling.noSupplement', 'abandonForNoSupplement', '补正期限届满'],
    ['otherHandling.unpaidFee', 'abandonForUnpaidFee', '缴费期限届满'],
    ['notProcessed.excessive', 'rejectExcessive', '说明理由'],
  ])('%s only through %s', (outcome, step, when) => {
    expect(stepOf(outcome)).toBe(step);
    expect(replyRefusal(outcome)).toContain(when);
  });

  it('every other outcome is a reply', () => {
    const replies = OUTCOME_KEYS.filter((k) => replyRefusal(k) === null);
    expect(replies).toHaveLength(OUTCOME_KEYS.length - 3);
    expect(replies).toContain('granted');
    expect(replies).toContain('notProcessed.repeated');
  });
});

describe('explanations the law requires', () => {
  // Written out: which outcomes must be explained in the 告知书.
  const REQUIRED: Record<string, boolean> = {
    granted: false,
    partial: true,
    'withheld.stateSecret': true,
    'withheld.prohibitedByLaw': true,
    'withheld.threeSecurityOneStability': true,
    'withheld.thirdPartyRights': true,
    'withheld.internalAffairs': true,
    'withheld.processInformation': true,
    'withheld.enforcementFiles': true,
    'withheld.administrativeQuery': true,
    'unable.notHeld': true,
    'unable.needsCreation': true,
    'unable.stillUnclear': true,
    'notProcessed.petitionComplaint': true,
    'notProcessed.repeated': true,
    'notProcessed.publication': true,
    'notProcessed.excessive': true,
    'notProcessed.confirmation': true,
    'otherHandling.noSupplement': false,
    'otherHandling.unpaidFee': false,
    'otherHandling.other': true,
  };

  it('has a rule and a help text citing the article for every outcome', () => {
    expect(Object.keys(EXPLANATIONS).sort()).toEqual([...OUTCOME_KEYS].sort());
    for (const key of OUTCOME_KEYS) {
      expect(EXPLANATIONS[key].required, key).toBe(REQUIRED[key]);
      expect(EXPLANATIONS[key].help, key).toMatch(/条例第|国办函/);
    }
  });

  it.each<[string, string | undefined, boolean]>([
    ['partial', undefined, false],
    ['partial', '   ', false],
    ['partial', '无。', false],
    ['partial', '见附件。', false],
    ['partial', '投标报价属于商业秘密，不予公开。', true],
    ['granted', undefined, true],
    ['unable.notHeld', '', false],
    ['unable.notHeld', '经检索本机关档案，未制作该信息。', true],
    ['notProcessed.repeated', '已于2026年3月2日答复', true],
    ['otherHandling.unpaidFee', undefined, true],
  ])('%s with the note %j: accepted %s', (outcome, note, accepted) => {
    const refusal = explanationRefusal(outcome, note);
    if (accepted) expect(refusal).toBeNull();
    else expect(refusal).toContain(EXPLANATIONS[outcome].help);
  });

  it('names the 部分公开 rule in the refusal', () => {
    expect(explanationRefusal('partial', '')).toBe('“部分公开”须在告知书中说明：写明不予公开的部分及其理由、依据（条例第三十六条第（三）项、第三十七条）。');
  });
});

describe('the 行政复议 body (《行政复议法》(2023) 第二十四条)', () => {
  const county = { name: '示例县人民政府', type: 'government' as const };
  const city = { name: '示例市人民政府', type: 'government' as const };
  it.each([
    ['a county department → the county government', [{ name: '示例县财政局', type: 'department' as const }, county], undefined, '示例县人民政府'],
    ['a township → the county government', [{ name: '示例镇人民政府', type: 'township' as const }, county], undefined, '示例县人民政府'],
    ['the county government, nothing configured', [county], undefined, '上一级人民政府'],
    ['the county government, the city configured', [county], '示例市人民政府', '示例市人民政府'],
    ['the county government with the city in the tree', [county, city], undefined, '示例市人民政府'],
    ['an office inside the county government decides in its name', [{ name: '示例县政务公开办', type: 'office' as const }, county], '示例市人民政府', '示例市人民政府'],
    ['an office inside a department', [{ name: '办公室', type: 'office' as const }, { name: '示例县财政局', type: 'department' as const }, county], undefined, '示例县人民政府'],
    ['a blank configured name falls back', [county], '  ', '上一级人民政府'],
  ])('%s', (_label, chain, configured, expected) => {
    expect(reviewBodyOf(chain, configured)).toBe(expected);
  });

  it('writes both remedies with their periods and bodies', () => {
    expect(remediesSentence('示例县人民政府')).toBe('如对本答复不服，可以自收到本告知书之日起六十日内向示例县人民政府申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。');
  });
});
