/**
 * The request state machine (条例第三十条至第四十二条): every action from every status, written
 * out by hand, then the facts some steps need on top of the status.
 */
import { describe, expect, it } from 'vitest';
import {
  canApply, nextStatus, refusalOf, REQUEST_ACTIONS, REQUEST_STATUSES, RequestAction, RequestFacts, RequestStatus,
} from '../../src/domain/request-state.js';

type Row = [RequestStatus | '—', RequestStatus | '—', RequestStatus | '—', RequestStatus | '—', RequestStatus | '—'];

// Columns: from submitted, processing, awaitingSupplement, paused, completed. '—' = refused.
const TABLE: Record<RequestAction, Row> = {
  confirmReceipt: ['processing', '—', '—', '—', '—'],
  requestSupplement: ['—', 'awaitingSupplement', '—', '—', '—'],
  receiveSupplement: ['—', '—', 'processing', '—', '—'],
  abandonForNoSupplement: ['—', '—', 'completed', '—', '—'],
  startConsultation: ['—', 'paused', '—', '—', '—'],
  endConsultation: ['—', '—', '—', 'processing', '—'],
  issueFeeNotice: ['—', 'paused', '—', '—', '—'],
  recordFeePaid: ['—', '—', '—', 'processing', '—'],
  abandonForUnpaidFee: ['—', '—', '—', 'completed', '—'],
  extend: ['—', 'processing', '—', 'paused', '—'],
  transfer: ['submitted', 'processing', '—', '—', '—'],
  assign: ['submitted', 'processing', 'awaitingSupplement', 'paused', '—'],
  draftReply: ['—', 'processing', '—', '—', '—'],
  returnReply: ['—', 'processing', '—', '—', '—'],
  approveReply: ['—', 'completed', '—', '—', '—'],
  reply: ['—', 'completed', '—', '—', '—'],
  setLaterReplyDate: ['—', 'processing', '—', 'paused', '—'],
  requestExplanation: ['—', 'processing', '—', '—', '—'],
  rejectExcessive: ['—', 'completed', '—', '—', '—'],
  recordDelivery: ['—', '—', '—', '—', 'completed'],
  archive: ['—', '—', '—', '—', 'completed'],
};

const STATUSES: RequestStatus[] = ['submitted', 'processing', 'awaitingSupplement', 'paused', 'completed'];

describe('the transition table', () => {
  it('covers every action and every status', () => {
    expect([...REQUEST_ACTIONS].sort()).toEqual(Object.keys(TABLE).sort());
    expect(REQUEST_STATUSES).toEqual(STATUSES);
  });

  const cells = Object.entries(TABLE).flatMap(([action, row]) => row.map((next, i) => [action as RequestAction, STATUSES[i], next] as const));
  it.each(cells)('%s from %s → %s', (action, from, next) => {
    expect(canApply(action, from)).toBe(next !== '—');
    if (next !== '—') expect(nextStatus(action, from)).toBe(next);
  });
});

describe('refusalOf: the facts the law requires', () => {
  const base: RequestFacts = { status: 'processing', openPause: null, supplementDueOn: null, explanationRequested: false, laterReplyDueOn: null };
  const consulting: RequestFacts = { ...base, status: 'paused', openPause: { reason: 'consultation', dueOn: '2026-03-23' } };
  const charging: RequestFacts = { ...base, status: 'paused', openPause: { reason: 'fee', dueOn: '2026-03-30' } };
  const supplementing: RequestFacts = { ...base, status: 'awaitingSupplement', supplementDueOn: '2026-03-04' };

  it.each<[string, RequestAction, RequestFacts, string, string | null]>([
    // 条例第三十条: 视为放弃 only after the supplement period.
    ['no supplement before the period ends', 'abandonForNoSupplement', supplementing, '2026-03-04', '补正期限（2026年3月4日）尚未届满'],
    ['no supplement after the period', 'abandonForNoSupplement', supplementing, '2026-03-05', null],
    // 国办函〔2020〕109号: 视为放弃 for an unpaid fee only in a fee pause, after its payment period.
    ['unpaid fee during a consultation', 'abandonForUnpaidFee', consulting, '2026-04-30', '只有发出收费通知'],
    ['unpaid fee on the last day to pay', 'abandonForUnpaidFee', charging, '2026-03-30', '缴费期限（2026年3月30日）尚未届满'],
    ['unpaid fee after the last day to pay', 'abandonForUnpaidFee', charging, '2026-03-31', null],
    ['unpaid fee while the clock runs', 'abandonForUnpaidFee', base, '2026-03-31', '该申请当前处于“办理中”阶段'],
    // A payment never ends a consultation, an answer never a fee pause.
    ['a payment during a consultation', 'recordFeePaid', consulting, '2026-03-10', '没有待缴纳的信息处理费'],
    ['a payment during a fee pause', 'recordFeePaid', charging, '2026-03-10', null],
    ['an answer during a fee pause', 'endConsultation', charging, '2026-03-10', '没有正在进行的征求意见'],
    ['an answer during a consultation', 'endConsultation', consulting, '2026-03-10', null],
    // 条例第三十五条: 不予处理 and a later date only after the applicant was asked for reasons, not both.
    ['不予处理 without asking for reasons', 'rejectExcessive', base, '2026-03-10', '须先要求申请人说明理由'],
    ['不予处理 after asking for reasons', 'rejectExcessive', { ...base, explanationRequested: true }, '2026-03-10', null],
    ['不予处理 after accepting the reasons', 'rejectExcessive', { ...base, explanationRequested: true, laterReplyDueOn: '2026-05-29' }, '2026-03-10', '已认可申请理由'],
    ['a later date without asking for reasons', 'setLaterReplyDate', base, '2026-03-10', '须先要求申请人说明理由'],
    ['a later date after asking for reasons', 'setLaterReplyDate', { ...base, explanationRequested: true }, '2026-03-10', null],
    ['a reply once completed', 'reply', { ...base, status: 'completed' }, '2026-03-10', '该申请当前处于“已办结”阶段'],
  ])('%s', (_label, action, facts, today, refused) => {
    const refusal = refusalOf(action, facts, today);
    if (refused === null) expect(refusal).toBeNull();
    else expect(refusal?.message).toContain(refused);
  });

  it('codes a missing request for reasons apart from a wrong stage', () => {
    expect(refusalOf('setLaterReplyDate', base, '2026-03-10')?.code).toBe('REQUEST_EXPLANATION_FIRST');
    expect(refusalOf('rejectExcessive', base, '2026-03-10')?.code).toBe('REQUEST_EXPLANATION_FIRST');
    expect(refusalOf('recordFeePaid', consulting, '2026-03-10')?.code).toBe('REQUEST_ACTION_NOT_ALLOWED');
  });
});
