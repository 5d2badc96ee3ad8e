/**
 * 依申请公开 on the portal: guidance, the application form (条例第二十九条) and the
 * status lookup. Plain HTML forms: everything works with JavaScript switched off.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { issueDetails } from '../../http/error-handler.js';
import { formatChineseDate } from '../../domain/dates.js';
import { AppError, isAppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { html } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { listOrgs } from '../orgs/orgs.service.js';
import { newRequestSchema, publicApplyRate } from './requests.schemas.js';
import * as requests from './requests.service.js';
import { issueChallenge, verifyChallenge } from '../platform/challenge.service.js';
import * as applicants from '../applicants/applicants.service.js';

type Values = Record<string, string>;

const APPLICANT_TYPES: [string, string][] = [
  ['natural', '自然人'], ['commercial', '法人或其他组织：商业企业'], ['research', '法人或其他组织：科研机构'],
  ['nonprofit', '法人或其他组织：社会公益组织'], ['legalService', '法人或其他组织：法律服务机构'], ['otherOrg', '法人或其他组织：其他'],
];
const ID_TYPES: [string, string][] = [['idCard', '居民身份证'], ['passport', '护照'], ['creditCode', '统一社会信用代码'], ['other', '其他证件']];
const FORMS: [string, string][] = [['paper', '纸质'], ['electronic', '电子'], ['inspection', '查阅']];
const DELIVERIES: [string, string][] = [['post', '邮寄'], ['email', '电子邮件'], ['pickup', '自行领取'], ['online', '在线下载']];

function select(name: string, label: string, options: [string, string][], values: Values, errors: Record<string, string>) {
  return html`<div class="form-row"><label for="f-${name}">${label}（必填）</label>
<select id="f-${name}" name="${name}" required${errors[name] ? html` aria-invalid="true" aria-describedby="e-${name}"` : ''}>
${options.map(([v, l]) => html`<option value="${v}"${values[name] === v ? html` selected` : ''}>${l}</option>`)}
</select>${errors[name] ? html`<p class="error" id="e-${name}">${errors[name]}</p>` : ''}</div>`;
}

function input(name: string, label: string, values: Values, errors: Record<string, string>, options: { type?: string; required?: boolean; hint?: string; autocomplete?: string } = {}) {
  const required = options.required ?? true;
  const described = [errors[name] ? `e-${name}` : '', options.hint ? `h-${name}` : ''].filter(Boolean).join(' ');
  return html`<div class="form-row"><label for="f-${name}">${label}${required ? '（必填）' : '（选填）'}</label>
${options.hint ? html`<span class="hint" id="h-${name}">${options.hint}</span>` : ''}
<input id="f-${name}" name="${name}" type="${options.type ?? 'text'}" value="${options.type === 'password' ? '' : values[name] ?? ''}"${required ? html` required` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${errors[name] ? html` aria-invalid="true"` : ''}>
${errors[name] ? html`<p class="error" id="e-${name}">${errors[name]}</p>` : ''}</div>`;
}

/** Maps API field paths (applicant.idNumber) to form field names (idNumber). */
function formErrors(details: { path?: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details ?? []) {
    const name = (d.path ?? '').startsWith('attachments') ? 'attachments' : (d.path ?? '').split('.').pop() || 'form';
    out[name === 'id' || name === 'answer' ? 'challengeAnswer' : name] ??= d.message;
  }
  return out;
}

async function renderForm(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, values: Values, errors: Record<string, string> = {}, status = 200) {
  const orgs = (await listOrgs(ctx)).filter((o) => o.type !== 'office');
  const applicant = await applicants.authenticate(ctx, request.cookies[applicants.APPLICANT_COOKIE]);
  const challenge = issueChallenge(ctx);
  const errorList = Object.values(errors);
  reply.code(status);
  return sendPage(request, reply, {
    title: '在线申请政府信息公开',
    breadcrumbs: [{ label: '首页', href: '/' }, { label: '依申请公开', href: '/ysqgk' }, { label: '在线申请' }],
    body: html`<h1>在线申请政府信息公开</h1>
<p class="notice">已主动公开的政府信息可直接查阅，无需申请：请先在<a href="/xxgk/catalog">政府信息公开目录</a>中检索。一份申请只针对一项政府信息（一事一申请）。</p>
${errorList.length ? html`<div class="error" role="alert"><p>提交未成功，请修改以下内容：</p><ul>${errorList.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
${applicant ? html`<p class="notice">您已登录申请人账户（${applicant.displayName}），提交的申请将列入<a href="/ysqgk/account">我的申请</a>。</p>` : html`<p><a href="/ysqgk/account">登录申请人账户</a>后提交，可在“我的申请”中查看全部申请。</p>`}
<form method="post" action="/ysqgk/apply" enctype="multipart/form-data" novalidate>
${applicant ? html`<input type="hidden" name="_csrf" value="${applicant.csrfToken}">` : ''}
<fieldset><legend>受理机关</legend>
${select('orgCode', '向哪个机关申请', orgs.map((o) => [o.code, o.name]), values, errors)}
</fieldset>
<fieldset><legend>申请人信息</legend>
${select('applicantType', '申请人类型', APPLICANT_TYPES, values, errors)}
${input('name', '姓名或名称', values, errors, { autocomplete: 'name' })}
${select('idType', '证件类型', ID_TYPES, values, errors)}
${input('idNumber', '证件号码', values, errors, { hint: '身份证号码或统一社会信用代码，系统会核对校验位。' })}
${input('phone', '联系电话', values, errors, { type: 'tel', autocomplete: 'tel' })}
${input('email', '电子邮箱', values, errors, { type: 'email', required: false, autocomplete: 'email' })}
${input('address', '通信地址', values, errors, { required: false, autocomplete: 'address-line1' })}
</fieldset>
<fieldset><legend>所需信息</legend>
<div class="form-row"><label for="f-description">所需政府信息的名称、文号或者便于查询的其他特征性描述（必填）</label>
<textarea id="f-description" name="description" rows="5" required${errors.description ? html` aria-invalid="true" aria-describedby="e-description"` : ''}>${values.description ?? ''}</textarea>
${errors.description ? html`<p class="error" id="e-description">${errors.description}</p>` : ''}</div>
${input('purpose', '用途', values, errors, { required: false })}
${select('form', '获取信息的载体形式', FORMS, values, errors)}
${select('delivery', '获取信息的方式', DELIVERIES, values, errors)}
</fieldset>
<fieldset><legend>附件（选填）</legend>
<div class="form-row"><label for="f-idCopy">身份证件或营业执照复印件（PDF、JPEG、PNG，不超过10MB）</label><input id="f-idCopy" name="idCopy" type="file" accept=".pdf,.jpg,.jpeg,.png"></div>
<div class="form-row"><label for="f-authorization">授权委托书（委托代理时提供）</label><input id="f-authorization" name="authorization" type="file" accept=".pdf,.jpg,.jpeg,.png,.docx"></div>
${errors.attachments ? html`<p class="error">${errors.attachments}</p>` : ''}
</fieldset>
<fieldset><legend>查询密码与验证</legend>
${input('queryPassword', '查询密码', values, errors, { type: 'password', hint: '至少8位，用于凭受理编号查询办理进度，请牢记。', autocomplete: 'new-password' })}
<input type="hidden" name="challengeId" value="${challenge.challengeId}">
${input('challengeAnswer', `验证问题：${challenge.question}`, {}, errors, { autocomplete: 'off' })}
</fieldset>
<p><button type="submit">提交申请</button></p>
</form>`,
  });
}

function toApiInput(v: Values) {
  return {
    orgCode: v.orgCode ?? '',
    applicant: {
      type: v.applicantType, name: v.name ?? '', idType: v.idType, idNumber: v.idNumber ?? '', phone: v.phone ?? '',
      ...(v.email ? { email: v.email } : {}), ...(v.address ? { address: v.address } : {}),
    },
    description: v.description ?? '',
    ...(v.purpose ? { purpose: v.purpose } : {}),
    form: v.form, delivery: v.delivery, queryPassword: v.queryPassword ?? '',
    challenge: { id: v.challengeId ?? '', answer: v.challengeAnswer ?? '' },
  };
}

/** 条例第三十条: while the supplement is awaited no reply period runs; the applicant sees the day to supplement by. */
function dueText(view: Awaited<ReturnType<typeof requests.viewAsApplicant>>): string {
  if (view.supplementDueOn) return `补正期间不计算答复期限，请于${formatChineseDate(view.supplementDueOn)}前补正；答复期限自收到补正之日起重新计算`;
  if (view.dueOn) return `${formatChineseDate(view.dueOn)}${view.deadline?.paused ? '（暂停计时中）' : ''}`;
  return view.completedOn ? `已于${formatChineseDate(view.completedOn)}办结` : '确认收到后计算';
}

/** The applicant's view of a request: summary, every public step, the documents to download. */
export function applicantStatusBody(ctx: AppContext, view: Awaited<ReturnType<typeof requests.viewAsApplicant>>) {
  return html`<h1>办理进度</h1>
<table><caption>申请概况</caption><tbody>
<tr><th scope="row">受理编号</th><td>${view.trackingNo}</td></tr>
<tr><th scope="row">受理机关</th><td>${view.orgName}</td></tr>
<tr><th scope="row">当前状态</th><td id="status">${view.statusLabel}${view.outcomeLabel ? `（${view.outcomeLabel}）` : ''}</td></tr>
<tr><th scope="row">收到日期</th><td>${view.receivedOn ?? '待确认'}</td></tr>
<tr><th scope="row">答复期限</th><td id="due-on">${dueText(view)}</td></tr>
</tbody></table>
<h2>办理步骤</h2>
<ol class="steps">${view.steps.map((s) => html`<li><time datetime="${s.date}">${s.date}</time> ${s.title}${s.note ? html`：${s.note}` : ''}</li>`)}</ol>
<h2>文书</h2>
${view.documents.length ? html`<ul>${view.documents.map((d) => html`<li><a href="${requests.documentLink(ctx, view.trackingNo, d.id)}">${d.title.replace('（PDF）', '')}（${d.fileName.endsWith('.pdf') ? 'PDF' : 'DOCX'}）</a></li>`)}</ul>` : html`<p>暂无文书。</p>`}`;
}

export async function requestsPages(app: App, ctx: AppContext) {
  app.get('/ysqgk', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, {
      title: '依申请公开',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '依申请公开' }],
      body: html`<h1>依申请公开</h1>
<p>公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。</p>
<p class="notice">已主动公开的政府信息可直接查阅：请先在<a href="/xxgk/catalog">政府信息公开目录</a>中检索。</p>
<h2>办理流程</h2>
<ol>
  <li>提交申请：在线填写申请表，或以信函、传真、电子邮件、当面等方式提交（下载申请表：<a href="/ysqgk/form.docx">DOCX</a>　<a href="/ysqgk/form.pdf">PDF</a>）。</li>
  <li>确认收到：网上、传真、电子邮件申请以双方确认之日为收到日；当面申请以提交之日为收到日；挂号信以签收之日为收到日（条例第三十一条）。</li>
  <li>答复：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，经批准可延长不超过20个工作日（条例第三十三条）。</li>
</ol>
<p><a class="button" href="/ysqgk/apply">在线申请</a>　<a class="button" href="/ysqgk/status">查询办理进度</a>　<a class="button" href="/ysqgk/account">我的申请（申请人账户）</a></p>
<h2>收费</h2>
<p>行政机关依申请提供政府信息，不收取费用；申请数量、频次明显超过合理范围的，可以按照《政府信息公开信息处理费管理办法》收取信息处理费（条例第四十二条）。</p>`,
    }));

  app.get('/ysqgk/apply', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    // A signed-in applicant starts with what the account knows.
    const applicant = await applicants.authenticate(ctx, request.cookies[applicants.APPLICANT_COOKIE]);
    const known: Values = applicant ? { name: applicant.displayName, [applicant.login.includes('@') ? 'email' : 'phone']: applicant.login } : {};
    return renderForm(ctx, request, reply, { form: 'electronic', delivery: 'online', ...known });
  });

  app.post('/ysqgk/apply', {
    config: { auth: 'public', rateLimit: publicApplyRate(ctx.config.publicFormRateLimit) },
    schema: { hide: true },
  }, async (request, reply) => {
    const values: Values = {};
    const files: requests.UploadedFile[] = [];
    const FILE_LABELS: Record<string, string> = { idCopy: '身份证件或营业执照复印件', authorization: '授权委托书' };
    if (request.isMultipart()) {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (data.length) files.push({ fileName: part.filename, data, label: FILE_LABELS[part.fieldname] ?? '申请材料' });
        } else if (typeof part.value === 'string') values[part.fieldname] = part.value;
      }
    } else {
      for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') values[k] = v;
    }
    const apiInput = toApiInput(values);
    const parsed = newRequestSchema.safeParse(apiInput);
    if (!parsed.success) {
      return renderForm(ctx, request, reply, values, formErrors(issueDetails(parsed.error.issues, apiInput)), 400);
    }
    try {
      await verifyChallenge(ctx, parsed.data.challenge);
      const { challenge: _c, ...input } = parsed.data;
      // Signed in to an applicant account (and the form is the one we served): the request joins it.
      const applicant = await applicants.authenticate(ctx, request.cookies[applicants.APPLICANT_COOKIE]);
      const applicantAccountId = applicant && values._csrf === applicant.csrfToken ? applicant.accountId : undefined;
      const result = await requests.submitRequest(ctx, null, { ...input, attachments: files }, { applicantAccountId });
      return sendPage(request, reply, {
        title: '申请已提交',
        breadcrumbs: [{ label: '首页', href: '/' }, { label: '依申请公开', href: '/ysqgk' }, { label: '申请已提交' }],
        body: html`<h1>申请已提交</h1>
<p>您的受理编号为：<strong id="tracking-no">${result.trackingNo}</strong></p>
<p>请牢记受理编号和查询密码。受理机关确认收到申请后开始计算答复期限，您可以随时<a href="/ysqgk/status">查询办理进度</a>${applicantAccountId ? html`，或在<a href="/ysqgk/account">我的申请</a>中查看` : ''}。</p>`,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const errors = formErrors(error.details);
      if (!Object.keys(errors).length) errors.form = error.message;
      return renderForm(ctx, request, reply, values, errors, error.status);
    }
  });

  const statusForm = (message?: string) => html`<form method="post" action="/ysqgk/status">
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<div class="form-row"><label for="f-trackingNo">受理编号</label><input id="f-trackingNo" name="trackingNo" type="text" required autocomplete="off"></div>
<div class="form-row"><label for="f-queryPassword">查询密码</label><input id="f-queryPassword" name="queryPassword" type="password" required autocomplete="current-password"></div>
<p><button type="submit">查询</button></p></form>`;

  app.get('/ysqgk/status', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, {
      title: '查询办理进度',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '依申请公开', href: '/ysqgk' }, { label: '查询办理进度' }],
      body: html`<h1>查询办理进度</h1>${statusForm()}`,
    }));

  app.post('/ysqgk/status', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true, body: z.object({ trackingNo: z.string().max(40).default(''), queryPassword: z.string().max(64).default('') }) },
  }, async (request, reply) => {
    const crumbs = [{ label: '首页', href: '/' }, { label: '依申请公开', href: '/ysqgk' }, { label: '查询办理进度' }];
    try {
      const view = await requests.viewAsApplicant(ctx, request.body.trackingNo, request.body.queryPassword);
      return sendPage(request, reply, {
        title: `办理进度 ${view.trackingNo}`,
        breadcrumbs: crumbs,
        body: applicantStatusBody(ctx, view),
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(404);
      return sendPage(request, reply, { title: '查询办理进度', breadcrumbs: crumbs, body: html`<h1>查询办理进度</h1>${statusForm(error.message)}` });
    }
  });

  app.get('/ysqgk/documents/:trackingNo/:documentId', {
    config: { auth: 'public' },
    schema: {
      hide: true,
      params: z.object({ trackingNo: z.string().max(40), documentId: z.coerce.number().int().positive().max(2_147_483_647) }),
      querystring: z.object({ e: z.coerce.number().int(), s: z.string().max(100) }),
    },
  }, async (request, reply) => {
    const doc = await requests.documentByLink(ctx, request.params.trackingNo, request.params.documentId, request.query.e, request.query.s);
    return reply.type(doc.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`).send(doc.data);
  });

  app.get('/ysqgk/form.pdf', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const pdf = await requests.blankApplicationFormPdf();
    if (!pdf) throw new AppError('SERVICE_UNAVAILABLE', undefined, '服务器未安装中文字体，暂不能生成 PDF，请下载 DOCX 申请表。');
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('政府信息公开申请表.pdf')}`)
      .send(pdf);
  });

  app.get('/ysqgk/form.docx', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const docx = await requests.blankApplicationForm();
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('政府信息公开申请表.docx')}`)
      .send(docx);
  });
}
