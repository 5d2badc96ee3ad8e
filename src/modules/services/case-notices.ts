/**
 * The written notices of a case, in the style of the request notices (requests/notice.ts, 公文
 * style): 受理通知书, 不予受理通知书, 补正材料通知书 (一次性告知), 办结通知. Rendered on demand from
 * the case and its steps, so they always say what the record says.
 */
import type { AppContext } from '../../context.js';
import { formatChineseDate, todayInChina } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { renderNoticeDocx, renderNoticePdf, type NoticeContent } from '../requests/notice.js';
import * as repo from './cases.repository.js';
import { caseInScope, caseScopeOf, canReadServiceCases } from './services.policy.js';

export const CASE_NOTICES = { acceptance: '受理通知书', refusal: '不予受理通知书', supplement: '补正材料通知书', completion: '办结通知' } as const;
export type CaseNoticeKind = keyof typeof CASE_NOTICES;

const REMEDY = '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。';

export async function caseNoticeContent(ctx: AppContext, row: repo.ServiceCaseRow, kind: CaseNoticeKind): Promise<NoticeContent> {
  const pauses = await repo.listPauses(ctx.db, row.id);
  const accepted = row.acceptedOn ? formatChineseDate(row.acceptedOn) : '';
  const item = `“${row.itemName}”`;
  const paragraphs: string[] = [];
  let date = row.acceptedOn ?? todayInChina(ctx.now());
  switch (kind) {
    case 'acceptance':
      if (row.status === 'refused' || row.status === 'informed') throw new AppError('SERVICE_CASE_STEP_INVALID', [{ path: 'kind', message: '该申请未予受理，没有受理通知书。' }]);
      paragraphs.push(`你（单位）于${accepted}提出的${item}申请，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理。`);
      paragraphs.push(row.promisedLimitDays === 0
        ? '该事项为即办件，当场办结。'
        : `本机关承诺自受理之日起${row.promisedLimitDays}个工作日内（${row.dueOn ? `即${formatChineseDate(row.dueOn)}前，` : ''}补正材料的时间不计算在内）作出决定。`);
      paragraphs.push(`办件编号：${row.caseNo}。你（单位）可以凭办件编号和查询密码在政务服务网站“办件查询”中查询办理进度。`);
      break;
    case 'refusal':
      if (row.status !== 'refused' && row.status !== 'informed') throw new AppError('SERVICE_CASE_STEP_INVALID', [{ path: 'kind', message: '该申请已受理，没有不予受理通知书。' }]);
      paragraphs.push(`你（单位）于${accepted}提出的${item}申请，经审查，${row.intakeReason ?? '不符合受理条件'}。根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。`);
      paragraphs.push(REMEDY);
      break;
    case 'supplement': {
      const pause = pauses[pauses.length - 1];
      if (!pause && row.status !== 'informed') throw new AppError('SERVICE_CASE_STEP_INVALID', [{ path: 'kind', message: '该办件没有要求补正材料。' }]);
      const missing = pause ? (pause.missing as string[]) : (row.intakeReason ?? '').split('；').filter(Boolean);
      date = pause?.startedOn ?? date;
      paragraphs.push(`你（单位）提出的${item}申请，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容：`);
      missing.forEach((m, i) => paragraphs.push(`${i + 1}. ${m}`));
      paragraphs.push('请补正后再次提交。补正材料期间不计入办理时限，自收到补正材料之日起继续计算。');
      break;
    }
    case 'completion': {
      if (!row.completedOn) throw new AppError('SERVICE_CASE_STEP_INVALID', [{ path: 'kind', message: '该办件尚未办结。' }]);
      date = row.completedOn;
      paragraphs.push(`你（单位）于${accepted}提出的${item}申请（办件编号：${row.caseNo}），本机关已于${formatChineseDate(row.completedOn)}办结，办理结果：${labelOf('serviceCaseResult', row.result)}。`);
      if (row.result === 'rejected') paragraphs.push(`不予批准的理由：${row.resultReason ?? ''}。${REMEDY}`);
      paragraphs.push(`欢迎对本次服务进行评价（非常满意、满意、基本满意、不满意、非常不满意）：请访问政务服务网站 /zwfw/rate?caseNo=${row.caseNo}，输入查询密码。`);
      break;
    }
  }
  return { title: CASE_NOTICES[kind], docNo: `办件编号：${row.caseNo}`, addressee: row.applicantName ?? '申请人', paragraphs, orgName: row.orgName, date };
}

export async function caseNotice(ctx: AppContext, actor: Actor, caseNo: string, kind: CaseNoticeKind, format: 'docx' | 'pdf') {
  if (!canReadServiceCases(actor)) throw new AppError('FORBIDDEN');
  const row = await repo.findCaseByNo(ctx.db, caseNo.trim().toUpperCase());
  if (!row || !caseInScope(await caseScopeOf(ctx.db, actor), row)) throw new AppError('SERVICE_CASE_NOT_FOUND');
  const content = await caseNoticeContent(ctx, row, kind);
  const data = format === 'docx' ? await renderNoticeDocx(content) : await renderNoticePdf(content);
  if (!data) throw new AppError('SERVICE_UNAVAILABLE', undefined, '服务器未安装中文字体，暂不能生成 PDF，请下载 DOCX 版本。');
  return { fileName: `${content.title}-${row.caseNo}.${format}`, mime: format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf', data };
}
