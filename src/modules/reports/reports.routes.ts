import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { isoDate } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { html } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { REPORT_STYLESHEET, reportArticle, reportsPages } from './reports.pages.js';
import { reportTitle } from './report-tables.js';
import { reportDocx, reportPdf } from './report-documents.js';
import { reportWorkbook } from './report-export.js';
import * as reports from './reports.service.js';
import { statisticsRoutes } from './statistics.pages.js';

const tags = ['年度报告'];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const params = z.object({ code: z.string().max(64), year: z.coerce.number().int().min(1900).max(2200) });
const flag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');
/** Unset: a draft is the body alone (as the contract says), a published report is the body's latest version of either kind. */
const kind = z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true'));

export async function reportRoutes(app: App, ctx: AppContext) {
  app.post('/api/v1/orgs/:code/request-ledger', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: {
      tags, summary: '导入纸质申请台账（CSV 或 XLSX，全部成功或全部不导入）',
      description: '列：receivedOn（收到日期）、channel（申请方式）、applicantType（申请人类型）、outcome（办理结果）、completedOn（办结日期）。',
      params: z.object({ code: z.string().max(64) }),
    },
  }, async (request) => {
    const body = request.body as unknown;
    if (Buffer.isBuffer(body)) return reports.importLedger(ctx, actorOf(request), request.params.code, { xlsx: body });
    if (typeof body !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 text/csv 或 XLSX 格式提交台账。');
    return reports.importLedger(ctx, actorOf(request), request.params.code, { csv: body });
  });

  app.get('/api/v1/orgs/:code/annual-reports/:year', {
    config: { auth: 'public' },
    schema: {
      tags, summary: '政府信息公开工作年度报告（已发布；draft=true 为工作人员查看的实时计算稿，rollup=true 含下级机关）',
      description: '未指定 rollup 时：计算稿为本机关；已发布报告为该机关该年度最新发布的版本（人民政府的报告为含下级机关的汇总报告）。',
      params, querystring: z.object({ draft: flag, rollup: kind }),
    },
  }, async (request) => reports.getReport(ctx, request.actor, request.params.code, request.params.year, request.query));

  // The report as a file: XLSX (tables), DOCX (公文 style), PDF (embedded CJK font).
  const exports = [
    { ext: 'xlsx', summary: '年度报告表格（XLSX）', mime: XLSX_MIME, render: reportWorkbook },
    { ext: 'docx', summary: '年度报告（DOCX，公文格式）', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: reportDocx },
    { ext: 'pdf', summary: '年度报告（PDF，内嵌中文字体）', mime: 'application/pdf', render: reportPdf },
  ] as const;
  for (const format of exports) {
    app.get(`/api/v1/orgs/:code/annual-reports/:year/export.${format.ext}`, {
      config: { auth: 'public' },
      schema: { tags, summary: format.summary, params, querystring: z.object({ draft: flag, rollup: kind }) },
    }, async (request, reply) => {
      const report = await reports.getReport(ctx, request.actor, request.params.code, request.params.year, request.query);
      const fileName = `${report.orgName}${report.year}年政府信息公开工作年度报告.${format.ext}`;
      return reply.type(format.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(await format.render(report));
    });
  }

  // The draft as the portal will show it: the same page, for the console's preview.
  app.get('/api/v1/orgs/:code/annual-reports/:year/preview', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor'] },
    schema: { tags, summary: '年度报告计算稿预览（与门户网站发布后的页面相同，HTML）', params, querystring: z.object({ rollup: flag }) },
  }, async (request, reply) => {
    const report = await reports.getReport(ctx, actorOf(request), request.params.code, request.params.year, { draft: true, rollup: request.query.rollup });
    return sendPage(request, reply, {
      title: `${reportTitle(report)}（草稿预览）`,
      head: REPORT_STYLESHEET,
      body: html`<p class="draft-banner" role="note">草稿预览：本页按当前数据计算，尚未发布，发布后以门户网站页面为准。</p>
${reportArticle(report)}`,
    });
  });

  app.put('/api/v1/orgs/:code/annual-reports/:year/draft', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: {
      tags, summary: '编辑报告正文与系统外数据（行政许可、处罚、强制决定数，收费金额）',
      params,
      body: z.object({
        overview: z.string().max(20000).nullable().optional(),
        problems: z.string().max(20000).nullable().optional(),
        other: z.string().max(20000).nullable().optional(),
        externalFigures: z.record(z.string().regex(/^(licensing|penalties|enforcement)\.decisions$|^fees\.amountTenThousandYuan$|^requests\.[A-Za-z.]+$/, '不支持的数据项'), z.number().min(0).max(1e9)).optional(),
        sources: z.record(z.string().regex(/^(licensing|penalties|enforcement)\.decisions$|^fees\.amountTenThousandYuan$/, '不支持的数据项'), z.string().trim().min(2).max(200)).optional().describe('系统外数据的来源，如“县行政审批局行政许可台账”'),
        licensingFrom: z.enum(['manual', 'serviceCases']).optional().describe('表二行政许可决定数：manual 手工填报（默认），serviceCases 取自政务服务办件统计'),
      }),
    },
  }, async (request) => reports.saveDraft(ctx, actorOf(request), request.params.code, request.params.year, request.body));

  app.post('/api/v1/orgs/:code/annual-reports/:year/publish', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: {
      tags, summary: '发布年度报告（年度结束前、勾稽关系不符或“五、存在的主要问题及改进情况”未填写时拒绝）', params,
      body: z.object({
        rollup: z.boolean().optional().describe('含下级机关汇总；未填写时人民政府发布汇总报告，其他机关发布本机关报告'),
        note: z.string().max(2000).optional().describe('更正说明（更正已发布的报告时必填）'),
      }),
    },
  }, async (request) => reports.publishReport(ctx, actorOf(request), request.params.code, request.params.year, request.body));

  app.get('/api/v1/orgs/:code/annual-reports/:year/status', {
    config: { auth: 'staff' },
    schema: { tags, summary: '本机关及下级机关年度报告发布情况', params },
  }, async (request) => reports.publicationStatus(ctx, actorOf(request), request.params.code, request.params.year));

  app.post('/api/v1/orgs/:code/review-cases', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: {
      tags, summary: '登记政府信息公开行政复议、行政诉讼案件',
      params: z.object({ code: z.string().max(64) }),
      body: z.object({
        caseNo: z.string().trim().min(1).max(100),
        stage: z.enum(['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']),
        result: z.enum(['upheld', 'corrected', 'other', 'pending']).default('pending'),
        filedOn: isoDate,
        closedOn: isoDate.nullable().optional(),
        note: z.string().max(2000).optional(),
        trackingNo: z.string().max(40).optional().describe('关联的申请受理编号'),
      }),
    },
  }, async (request, reply) => reply.code(201).send(await reports.addReviewCase(ctx, actorOf(request), request.params.code, request.body)));

  await statisticsRoutes(app, ctx);
  await reportsPages(app, ctx);
}
