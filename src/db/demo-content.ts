/**
 * Content for the demo county, so a newcomer's first start shows a working site:
 * published items, requests at different stages, a paper ledger of last year and an inbox of messages.
 * Written through the same services as real use (workflow, 索引号, audit trail).
 */
import type { AppContext } from '../context.js';
import type { Actor, Role } from '../domain/roles.js';
import { createItem, reviewItem, submitItem } from '../modules/publishing/publishing.service.js';
import { importLedger } from '../modules/reports/reports.service.js';
import { performAction, submitRequest } from '../modules/requests/requests.service.js';
import { handleMessage } from '../modules/interaction/messages-handling.service.js';
import { submitMessage } from '../modules/interaction/messages-intake.service.js';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from './seed.js';
import { seedDemoServices } from './demo-services.js';

async function actor(ctx: AppContext, username: string): Promise<Actor> {
  const u = await ctx.db
    .selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.orgId')
    .select(['users.id', 'users.username', 'users.displayName', 'users.orgId', 'users.roles', 'orgs.code'])
    .where('users.username', '=', username).executeTakeFirstOrThrow();
  return { userId: u.id, username: u.username, displayName: u.displayName, orgId: u.orgId, orgCode: u.code, roles: u.roles as Role[], via: 'session' };
}

const CHECKLIST = { stateSecret: true, tradeSecret: true, privacy: true, threeSecurityOneStability: true };

const ITEMS = [
  { clerk: 'clerk', title: '示例县财政局2026年部门预算及“三公”经费预算情况说明', category: '财政预决算与三公经费', topic: '财政、金融、审计', docKind: 'other', docNo: null,
    body: '根据《中华人民共和国预算法》和《中华人民共和国政府信息公开条例》，现将本局2026年部门预算及“三公”经费预算情况公开如下。2026年“三公”经费预算合计18.6万元，比上年减少1.2万元。' },
  { clerk: 'clerk', title: '示例县财政局关于印发《示例县县级财政专项资金管理办法》的通知', category: '政策文件', topic: '财政、金融、审计', docKind: 'normative', docNo: '县财发〔2026〕3号',
    body: '各乡镇人民政府，县直各部门：现将《示例县县级财政专项资金管理办法》印发给你们，请认真贯彻执行。本办法自发布之日起施行，有效期5年。' },
  { clerk: 'clerk', title: '《示例县县级财政专项资金管理办法》政策解读', category: '政策解读', topic: '财政、金融、审计', docKind: 'other', docNo: null,
    body: '一、制定背景。为规范县级财政专项资金管理，提高资金使用效益，制定本办法。二、主要内容。明确了专项资金的设立、分配、使用、绩效评价和信息公开要求。' },
  { clerk: 'clerk2', title: '示例县教育局关于2026年义务教育阶段招生入学工作的通知', category: '公共服务', topic: '科技、教育', docKind: 'normative', docNo: '县教发〔2026〕8号',
    body: '为做好2026年义务教育阶段招生入学工作，坚持免试就近入学原则，现就有关事项通知如下。适龄儿童少年的父母或者其他法定监护人可通过政务服务平台办理入学登记。' },
  { clerk: 'clerk2', title: '示例县教育局2026年政府信息公开工作要点', category: '工作动态', topic: '科技、教育', docKind: 'other', docNo: null,
    body: '围绕教育领域群众关切，做好招生入学、学生资助、教育收费等信息的主动公开，规范依申请公开答复工作。' },
];

export async function seedDemoContent(ctx: AppContext): Promise<void> {
  const approver = { depthead: await actor(ctx, 'depthead'), reviewer: await actor(ctx, 'reviewer'), leader: await actor(ctx, 'leader') };
  let policyId: number | null = null;
  for (const spec of ITEMS) {
    const clerk = await actor(ctx, spec.clerk);
    const item = await createItem(ctx, clerk, {
      title: spec.title, bodyHtml: `<p>${spec.body}</p>`, disclosure: 'proactive', docKind: spec.docKind as 'other', docNo: spec.docNo,
      category: spec.category, topic: spec.topic, writtenOn: '2026-01-15', formedOn: '2026-01-15',
      interpretsItemId: spec.category === '政策解读' ? policyId : null,
    });
    if (spec.docKind === 'normative' && spec.clerk === 'clerk') policyId = item.id;
    if (spec.clerk !== 'clerk') continue; // the education bureau's drafts wait in its queue (no approvers there in the demo)
    await submitItem(ctx, clerk, item.id);
    await reviewItem(ctx, approver.depthead, item.id, { decision: 'approve' });
    await reviewItem(ctx, approver.reviewer, item.id, { decision: 'approve', checklist: CHECKLIST });
    await reviewItem(ctx, approver.leader, item.id, { decision: 'approve' });
  }

  const office = await actor(ctx, 'office');
  const applicant = { type: 'natural' as const, name: '王小明', idType: 'idCard' as const, idNumber: '11010519491231002X', phone: '13800138000', address: '示例县城关镇幸福路9号' };
  const common = { form: 'electronic' as const, delivery: 'online' as const, queryPassword: 'demo-query-1' };
  await submitRequest(ctx, office, { ...common, orgCode: DEMO_COUNTY_CODE, channel: 'inPerson', applicant, description: '2025年示例县城区老旧小区改造项目的立项批复文件' });
  await submitRequest(ctx, office, { ...common, orgCode: DEMO_FINANCE_CODE, channel: 'letter', applicant: { ...applicant, name: '示例科技有限公司', type: 'commercial', idType: 'creditCode', idNumber: '91350100M000100Y43' }, description: '2025年度县级政府采购项目中标结果' });
  const replied = await submitRequest(ctx, office, { ...common, orgCode: DEMO_COUNTY_CODE, channel: 'inPerson', applicant, description: '示例县2025年财政决算报告' });
  const id = (await ctx.db.selectFrom('disclosureRequests').select('id').where('trackingNo', '=', replied.trackingNo).executeTakeFirstOrThrow()).id;
  await performAction(ctx, office, id, { action: 'reply', outcome: 'granted', note: '该信息已主动公开，可在政府信息公开目录“财政预决算与三公经费”栏目查阅。' });

  // 互动交流: a filled inbox — one answered and published, one with the department, one waiting for triage, one by phone.
  const clerk = await actor(ctx, 'clerk');
  const sender = { name: '李华', phone: '13900001234' };
  const letter = { orgCode: DEMO_COUNTY_CODE, publicReply: true, queryPassword: 'demo-query-1', sender };
  const idOf = async (trackingNo: string) => (await ctx.db.selectFrom('messages').select('id').where('trackingNo', '=', trackingNo).executeTakeFirstOrThrow()).id;
  const answered = await submitMessage(ctx, null, { ...letter, type: 'consultation', subject: '县级专项资金管理办法何时施行', body: '请问《示例县县级财政专项资金管理办法》从什么时候开始施行？' });
  const answeredId = await idOf(answered.trackingNo);
  await handleMessage(ctx, office, answeredId, { action: 'accept' });
  await handleMessage(ctx, office, answeredId, { action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE });
  await handleMessage(ctx, clerk, answeredId, { action: 'draft', reply: '您好！该办法自发布之日起施行，有效期5年，全文可在政府信息公开目录“政策文件”栏目查阅。感谢您的关注。' });
  await handleMessage(ctx, office, answeredId, { action: 'approve' });
  await handleMessage(ctx, office, answeredId, { action: 'publish' });
  const withDepartment = await submitMessage(ctx, null, { ...letter, type: 'suggestion', subject: '建议公开专项资金分配结果', body: '建议按项目公开县级专项资金的分配结果和绩效评价情况。' });
  await handleMessage(ctx, office, await idOf(withDepartment.trackingNo), { action: 'accept' });
  await handleMessage(ctx, office, await idOf(withDepartment.trackingNo), { action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE });
  await submitMessage(ctx, null, { ...letter, type: 'complaint', subject: '政务服务中心窗口午间无人', body: '工作日中午12点到13点，政务服务中心社保窗口无人值守，办事群众需要等待。', publicReply: false });
  await submitMessage(ctx, office, { ...letter, type: 'consultation', channel: 'phone', subject: '依申请公开申请表在哪里领取', body: '来电询问依申请公开申请表的领取地点和办理时间。', sender: { name: '赵强', phone: '13700005678' } });

  // Last year's paper ledger of the finance bureau, so a 2025 report can be drafted at once.
  await importLedger(ctx, office, DEMO_FINANCE_CODE, {
    csv: [
      'receivedOn,channel,applicantType,outcome,completedOn',
      '2024-12-23,letter,natural,granted,2025-01-10',
      '2025-03-04,online,natural,granted,2025-03-20',
      '2025-04-11,inPerson,commercial,partial,2025-05-08',
      '2025-06-02,online,natural,unable.notHeld,2025-06-18',
      '2025-08-19,email,legalService,withheld.processInformation,2025-09-05',
      '2025-12-26,online,natural,,',
    ].join('\n'),
  });

  // 政务服务 (issue 14)
  await seedDemoServices(ctx, (username) => actor(ctx, username));
}
