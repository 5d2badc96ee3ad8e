/**
 * 政务服务 for the demo county: the county centre with two windows, a few items with their guides,
 * and cases at different steps (open, waiting for a supplement, closed and rated, overdue). Written
 * through the services, like the rest of the demo content.
 */
import type { AppContext } from '../context.js';
import { todayInChina } from '../domain/dates.js';
import type { Actor } from '../domain/roles.js';
import { registerCase, takeCaseAction } from '../modules/services/cases.service.js';
import { createCentre, createWindow } from '../modules/services/centres.service.js';
import { createItem } from '../modules/services/items.service.js';
import { rateOnSite } from '../modules/services/ratings.service.js';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from './seed.js';

const STEPS = [{ name: '申请', who: '申请人' }, { name: '受理', who: '窗口工作人员', limit: '当场' }, { name: '审查', who: '承办科室' }, { name: '决定', who: '首席代表' }, { name: '送达', who: '窗口工作人员' }];

export async function seedDemoServices(ctx: AppContext, actor: (username: string) => Promise<Actor>): Promise<void> {
  const manager = await actor('svcmanager');
  const clerk = await actor('svcclerk');
  const guide = (extra: Record<string, unknown>) => ({
    location: '示例县政务服务中心二楼', hours: '工作日 上午9:00—12:00，下午13:30—17:00', consultPhone: '0999-8123456', complaintPhone: '0999-12345', steps: STEPS, ...extra,
  });
  await createItem(ctx, manager, {
    orgCode: DEMO_FINANCE_CODE, code: 'CZ-XK-0001', name: '政府采购代理机构名录登记', kind: 'license', legalLimitDays: 20, promisedLimitDays: 5,
    guide: guide({ basis: '《中华人民共和国政府采购法》第十九条', conditions: '依法设立、具有独立承担民事责任能力的代理机构。', fees: '不收费', online: true, businessStages: ['founding', 'permits'],
      materials: [{ key: 'form', name: '政府采购代理机构登记表', copies: '原件1份' }, { key: 'license', name: '营业执照副本', copies: '复印件1份' }] }),
  });
  await createItem(ctx, manager, {
    orgCode: DEMO_FINANCE_CODE, code: 'CZ-QR-0001', name: '会计人员信息变更确认', kind: 'confirmation', legalLimitDays: 5, promisedLimitDays: 0,
    guide: guide({ basis: '《会计人员管理办法》第六条', fees: '不收费', online: true, lifeEvents: ['employment'], materials: [{ key: 'id', name: '居民身份证', copies: '原件核验' }] }),
  });
  await createItem(ctx, manager, {
    orgCode: DEMO_EDUCATION_CODE, code: 'JY-XK-0001', name: '民办学校办学许可', kind: 'license', legalLimitDays: 20, promisedLimitDays: 15, deemedApproval: false,
    guide: guide({ basis: '《中华人民共和国民办教育促进法》第十二条', fees: '不收费', businessStages: ['permits'], materials: [{ key: 'apply', name: '办学申请书', copies: '原件1份' }] }),
  });
  await createItem(ctx, manager, {
    orgCode: DEMO_EDUCATION_CODE, code: 'JY-GG-0001', name: '义务教育阶段入学登记', kind: 'publicService', legalLimitDays: 0, promisedLimitDays: 0,
    guide: guide({ fees: '不收费', online: true, lifeEvents: ['education'], materials: [{ key: 'hukou', name: '户口簿', copies: '原件核验' }] }),
  });
  const centre = await createCentre(ctx, manager, { orgCode: DEMO_COUNTY_CODE, name: '示例县政务服务中心', type: 'county', address: '示例县城关镇人民路1号', hours: '工作日 9:00—17:00', phone: '0999-8123000' });
  await createWindow(ctx, manager, centre.id, { number: '8', name: '财政综合窗口', orgCode: DEMO_FINANCE_CODE, chiefUserId: clerk.userId, clerkUserIds: [clerk.userId], itemCodes: ['CZ-XK-0001', 'CZ-QR-0001'] });
  await createWindow(ctx, manager, centre.id, { number: '12', name: '教育窗口', orgCode: DEMO_EDUCATION_CODE, itemCodes: ['JY-XK-0001', 'JY-GG-0001'] });

  const calendar = await ctx.calendar();
  const today = todayInChina(ctx.now());
  const ago = (n: number) => calendar.addWorkingDays(today, -n).date;
  const applicant = (name: string, idNumber: string) => ({ type: 'natural' as const, name, idNumber, phone: '13800138000' });
  const open = await registerCase(ctx, clerk, { itemCode: 'CZ-XK-0001', applicant: applicant('李华', '11010519491231002X'), acceptedOn: ago(2) });
  await takeCaseAction(ctx, clerk, open.caseNo, { action: 'startHandling', onDate: ago(1) });
  const waiting = await registerCase(ctx, clerk, { itemCode: 'CZ-XK-0001', applicant: applicant('赵敏', '11010519491231002X'), acceptedOn: ago(3) });
  await takeCaseAction(ctx, clerk, waiting.caseNo, { action: 'requestSupplement', onDate: ago(2), missing: ['营业执照副本复印件'] });
  const done = await registerCase(ctx, clerk, { itemCode: 'CZ-QR-0001', applicant: applicant('王小明', '11010519491231002X'), acceptedOn: ago(4) });
  await takeCaseAction(ctx, clerk, done.caseNo, { action: 'complete', onDate: ago(4), result: 'approved' });
  await rateOnSite(ctx, clerk, done.caseNo, { level: 5, comment: '当场办结，很方便' });
  await registerCase(ctx, clerk, { itemCode: 'CZ-XK-0001', applicant: applicant('孙强', '11010519491231002X'), acceptedOn: ago(8) });
}
