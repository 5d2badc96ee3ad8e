import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { isoDate } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import * as calendar from './calendar.service.js';

const tags = ['工作日历'];
const year = z.coerce.number().int().min(2000).max(2100);

export async function calendarRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/calendar/workdays/add', {
    config: { auth: 'public' },
    schema: {
      tags, summary: '推算第 N 个工作日（起算日不计入）',
      querystring: z.object({ from: isoDate, days: z.coerce.number().int().min(-calendar.MAX_WORKING_DAYS).max(calendar.MAX_WORKING_DAYS) }),
      response: { 200: z.object({ from: z.string(), days: z.number(), date: z.string(), certain: z.boolean(), warning: z.string().optional() }) },
    },
  }, async (request) => calendar.addWorkingDays(ctx, request.query.from, request.query.days));

  app.get('/api/v1/calendar/workdays/check', {
    config: { auth: 'public' },
    schema: {
      tags, summary: '判断某日是否为工作日',
      querystring: z.object({ date: isoDate }),
      response: { 200: z.object({ date: z.string(), workingDay: z.boolean(), reason: z.string(), certain: z.boolean(), warning: z.string().optional() }) },
    },
  }, async (request) => calendar.checkDay(ctx, request.query.date));

  app.get('/api/v1/calendar/status', {
    config: { auth: 'staff' },
    schema: { tags, summary: '节假日安排录入情况' },
  }, async () => calendar.calendarStatus(ctx));

  app.get('/api/v1/calendar/overrides', {
    config: { auth: 'staff' },
    schema: { tags, summary: '管理员录入的节假日与调休', querystring: z.object({ year: year.optional() }) },
  }, async (request) => calendar.listOverrides(ctx, request.query.year));

  app.put('/api/v1/calendar/overrides/:date', {
    config: { auth: ['admin'] },
    schema: {
      tags, summary: '录入或修改某日安排', params: z.object({ date: isoDate }),
      body: z.object({ working: z.boolean().describe('true 调休上班 / false 放假'), name: z.string().trim().min(1).max(30).describe('节日名称，如 春节') }),
    },
  }, async (request, reply) => {
    await calendar.setOverride(ctx, actorOf(request), request.params.date, request.body.working, request.body.name);
    return reply.code(204).send();
  });

  app.delete('/api/v1/calendar/overrides/:date', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '删除某日安排', params: z.object({ date: isoDate }) },
  }, async (request, reply) => {
    await calendar.removeOverride(ctx, actorOf(request), request.params.date);
    return reply.code(204).send();
  });

  app.post('/api/v1/calendar/years/:year/confirm', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '确认某年度放假安排已完整录入', params: z.object({ year }) },
  }, async (request, reply) => {
    await calendar.confirmYear(ctx, actorOf(request), request.params.year);
    return reply.code(204).send();
  });
}
