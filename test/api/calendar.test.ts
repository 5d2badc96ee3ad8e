import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-24T02:00:00Z') });
});
afterAll(async () => t.close());

describe('GET /api/v1/calendar/workdays/add', () => {
  it.each([
    // from, days, expected — 2026 Spring Festival: 02-15..02-23 off, 02-14 and 02-28 working.
    ['2026-02-10', 5, '2026-02-24'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2024-09-27', 3, '2024-10-08'],
    ['2026-02-14', 0, '2026-02-14'],
  ])('from %s plus %i working days is %s', async (from, days, date) => {
    const res = await t.app.inject(`/api/v1/calendar/workdays/add?from=${from}&days=${days}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ from, days, date, certain: true });
  });

  it('flags a count that runs into a year without an official schedule', async () => {
    const res = await t.app.inject('/api/v1/calendar/workdays/add?from=2026-12-20&days=20');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.certain).toBe(false);
    expect(body.warning).toContain('2027');
  });

  it.each([
    'from=2026-02-30&days=5', 'from=20260210&days=5', 'from=2026-02-10&days=abc', 'from=2026-02-10', 'days=5', 'from=2026-02-10&days=1.5', 'from=2026-02-10&days=99999',
  ])('answers 400 for %s', async (query) => {
    const res = await t.app.inject(`/api/v1/calendar/workdays/add?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('GET /api/v1/calendar/workdays/check', () => {
  it.each([
    ['2026-02-17', false, '法定节假日：春节'],
    ['2026-02-14', true, '调休上班'],
    ['2026-03-07', false, '周末'],
    ['2026-03-09', true, '工作日'],
    ['2025-10-01', false, '法定节假日：国庆节'],
  ])('%s → workingDay %s (%s)', async (date, workingDay, reason) => {
    const res = await t.app.inject(`/api/v1/calendar/workdays/check?date=${date}`);
    expect(res.json()).toEqual({ date, workingDay, reason, certain: true });
  });

  it('marks a date of an unknown year uncertain', async () => {
    const res = await t.app.inject('/api/v1/calendar/workdays/check?date=2027-02-08');
    expect(res.json()).toMatchObject({ workingDay: true, certain: false });
  });
});

describe('administrators enter a new year', () => {
  it('reminds the administrator that 2027 is missing until it is confirmed', async () => {
    const auth = await t.auth('admin');
    expect((await t.app.inject({ url: '/api/v1/calendar/status', headers: auth })).json().uncertainYears).toEqual([2027]);
    // 2027 元旦 (a Friday) off; a make-up working Sunday.
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2027-01-01', headers: auth, payload: { working: false, name: '元旦' } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2027-01-10', headers: auth, payload: { working: true, name: '元旦调休' } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/calendar/years/2027/confirm', headers: auth })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/calendar/status', headers: auth })).json().uncertainYears).toEqual([]);

    expect((await t.app.inject('/api/v1/calendar/workdays/check?date=2027-01-01')).json()).toEqual({ date: '2027-01-01', workingDay: false, reason: '法定节假日：元旦', certain: true });
    expect((await t.app.inject('/api/v1/calendar/workdays/check?date=2027-01-10')).json()).toEqual({ date: '2027-01-10', workingDay: true, reason: '调休上班', certain: true });
    // 2026-12-31 (Thu) + 2: 2027-01-01 is off, 01-04 (Mon), 01-05 (Tue).
    expect((await t.app.inject('/api/v1/calendar/workdays/add?from=2026-12-31&days=2')).json()).toEqual({ from: '2026-12-31', days: 2, date: '2027-01-05', certain: true });
  });

  it('refuses calendar changes from anyone but the administrator', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2027-05-01', headers: await t.auth('office'), payload: { working: false, name: '劳动节' } });
    expect(res.statusCode).toBe(403);
  });
});
