/**
 * Every way a request can end, one per outcome row of the annual report
 * (国办公开办函〔2021〕30号), with its legal basis, the decision sentence of the 告知书,
 * the step that reaches it and what the handler must explain.
 */
export interface OutcomeSpec {
  key: string;
  label: string;
  basis: string;
  decision: string;
}

/**
 * The action through which an outcome is reached. Most are a reply; three follow from facts the
 * law requires first and have their own step: 逾期不补正 (条例第三十条) after the supplement period,
 * 逾期未缴费 (国办函〔2020〕109号) after the payment period, 大量反复申请 (条例第三十五条) after the
 * applicant was asked for reasons.
 */
export type OutcomeStep = 'reply' | 'abandonForNoSupplement' | 'abandonForUnpaidFee' | 'rejectExcessive';

export const OUTCOME_STEPS: Record<string, OutcomeStep> = {
  'otherHandling.noSupplement': 'abandonForNoSupplement',
  'otherHandling.unpaidFee': 'abandonForUnpaidFee',
  'notProcessed.excessive': 'rejectExcessive',
};

export function stepOf(outcome: string): OutcomeStep {
  return OUTCOME_STEPS[outcome] ?? 'reply';
}

/** The label of each own step, for messages (the console's button names). */
export const STEP_LABELS: Record<Exclude<OutcomeStep, 'reply'>, string> = {
  abandonForNoSupplement: '逾期未补正',
  abandonForUnpaidFee: '逾期未缴费',
  rejectExcessive: '不予处理（理由不合理）',
};

/**
 * What the 告知书 must explain for each outcome (条例第三十六条至第三十九条): `required` when the law
 * says the applicant is told the reasons, the responsible body, the earlier reply or the way to
 * obtain the information; `help` says what to write, for the console and for the refusal.
 */
export const EXPLANATIONS: Record<string, { required: boolean; help: string }> = {
  granted: { required: false, help: '已主动公开的，写明获取的方式和途径；予以提供的，写明提供的方式和时间（条例第三十六条第（一）项、第（二）项）。' },
  partial: { required: true, help: '写明不予公开的部分及其理由、依据（条例第三十六条第（三）项、第三十七条）。' },
  'withheld.stateSecret': { required: true, help: '写明不予公开的理由和依据（条例第十四条、第三十六条第（三）项）。' },
  'withheld.prohibitedByLaw': { required: true, help: '写明禁止公开的法律、行政法规的名称和条款（条例第十四条、第三十六条第（三）项）。' },
  'withheld.threeSecurityOneStability': { required: true, help: '写明公开后可能危及国家安全、公共安全、经济安全或者社会稳定的理由（条例第十四条、第三十六条第（三）项）。' },
  'withheld.thirdPartyRights': { required: true, help: '写明涉及的商业秘密或者个人隐私、第三方的意见及不予公开的理由（条例第十五条、第三十二条、第三十六条第（三）项）。' },
  'withheld.internalAffairs': { required: true, help: '写明属于人事管理、后勤管理或内部工作流程中的哪一类及理由（条例第十六条第一款、第三十六条第（三）项）。' },
  'withheld.processInformation': { required: true, help: '写明属于讨论记录、过程稿、磋商信函或请示报告中的哪一类及理由（条例第十六条第二款、第三十六条第（三）项）。' },
  'withheld.enforcementFiles': { required: true, help: '写明所涉行政执法案卷及不予公开的理由（条例第十六条第二款、第三十六条第（三）项）。' },
  'withheld.administrativeQuery': { required: true, help: '写明应当依照的法律、行政法规和办理查询的途径（条例第三十六条第（七）项）。' },
  'unable.notHeld': { required: true, help: '写明检索查找的情况；不属于本机关负责公开、能够确定负责机关的，写明该机关的名称和联系方式（条例第三十六条第（四）项、第（五）项）。' },
  'unable.needsCreation': { required: true, help: '写明需要对现有政府信息进行加工、分析的情况（条例第三十八条）。' },
  'unable.stillUnclear': { required: true, help: '写明补正后仍不明确的内容（条例第三十条）。' },
  'notProcessed.petitionComplaint': { required: true, help: '写明可以提出信访、投诉、举报的相应渠道（条例第三十九条第一款）。' },
  'notProcessed.repeated': { required: true, help: '写明已经作出的答复：受理编号和答复日期（条例第三十六条第（六）项）。' },
  'notProcessed.publication': { required: true, help: '写明该公开出版物的名称和获取途径（条例第三十九条第二款）。' },
  'notProcessed.excessive': { required: true, help: '写明要求申请人说明理由的情况，以及申请人未说明理由或理由不合理的原因（条例第三十五条）。' },
  'notProcessed.confirmation': { required: true, help: '写明不作为政府信息公开申请处理的理由（条例第三十九条）。' },
  'otherHandling.noSupplement': { required: false, help: '可写明补正期限和申请人未补正的情况（条例第三十条）。' },
  'otherHandling.unpaidFee': { required: false, help: '可写明缴费期限和申请人未缴费的情况（国办函〔2020〕109号）。' },
  'otherHandling.other': { required: true, help: '写明对申请作出的具体处理及理由（条例第三十六条）。' },
};

/** Fewer characters than this say nothing (“无”“见附件”). */
export const MIN_EXPLANATION_CHARS = 6;

/** Why the explanation given for an outcome is not enough (null when it is). */
export function explanationRefusal(outcome: string, note: string | null | undefined): string | null {
  const rule = EXPLANATIONS[outcome];
  if (!rule?.required) return null;
  const text = (note ?? '').replace(/[\s。，、；：.,;:!！?？]/g, '');
  if (text.length >= MIN_EXPLANATION_CHARS) return null;
  return `“${outcomeSpec(outcome)?.label ?? '该答复类型'}”须在告知书中说明：${rule.help}`;
}

/** Why an outcome cannot be given by a reply (null when it can): it has its own step. */
export function replyRefusal(outcome: string): string | null {
  const step = stepOf(outcome);
  if (step === 'reply') return null;
  const when = step === 'abandonForNoSupplement' ? '补正期限届满、申请人仍未补正后'
    : step === 'abandonForUnpaidFee' ? '收费通知的缴费期限届满、申请人仍未缴费后' : '要求申请人说明理由、理由不合理后';
  return `“${outcomeSpec(outcome)!.label}”不能直接答复，须在${when}通过“${STEP_LABELS[step]}”办理。`;
}

export const OUTCOMES: OutcomeSpec[] = [
  { key: 'granted', label: '予以公开', basis: '《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项', decision: '经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开。' },
  { key: 'partial', label: '部分公开', basis: '《中华人民共和国政府信息公开条例》第三十七条', decision: '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定对可以公开的部分予以公开，不予公开部分及理由见下文。' },
  { key: 'withheld.stateSecret', label: '不予公开（属于国家秘密）', basis: '《中华人民共和国政府信息公开条例》第十四条', decision: '经审查，您申请获取的政府信息依法确定为国家秘密，本机关决定不予公开。' },
  { key: 'withheld.prohibitedByLaw', label: '不予公开（其他法律行政法规禁止公开）', basis: '《中华人民共和国政府信息公开条例》第十四条', decision: '经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息，本机关决定不予公开。' },
  { key: 'withheld.threeSecurityOneStability', label: '不予公开（危及“三安全一稳定”）', basis: '《中华人民共和国政府信息公开条例》第十四条', decision: '经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。' },
  { key: 'withheld.thirdPartyRights', label: '不予公开（保护第三方合法权益）', basis: '《中华人民共和国政府信息公开条例》第十五条、第三十二条', decision: '经审查，您申请获取的政府信息涉及商业秘密、个人隐私，公开会对第三方合法权益造成损害，本机关决定不予公开。' },
  { key: 'withheld.internalAffairs', label: '不予公开（属于三类内部事务信息）', basis: '《中华人民共和国政府信息公开条例》第十六条第一款', decision: '经审查，您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关决定不予公开。' },
  { key: 'withheld.processInformation', label: '不予公开（属于四类过程性信息）', basis: '《中华人民共和国政府信息公开条例》第十六条第二款', decision: '经审查，您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。' },
  { key: 'withheld.enforcementFiles', label: '不予公开（属于行政执法案卷）', basis: '《中华人民共和国政府信息公开条例》第十六条第二款', decision: '经审查，您申请获取的信息属于行政执法案卷信息，本机关决定不予公开。' },
  { key: 'withheld.administrativeQuery', label: '不予公开（属于行政查询事项）', basis: '《中华人民共和国政府信息公开条例》第三十六条第（七）项', decision: '经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规规定的查询事项，请按照相关法律、行政法规的规定办理。' },
  { key: 'unable.notHeld', label: '无法提供（本机关不掌握相关政府信息）', basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项', decision: '经检索查找，本机关未制作或获取您申请的政府信息，该政府信息不存在；如另有机关负责，其名称和联系方式见下文。' },
  { key: 'unable.needsCreation', label: '无法提供（没有现成信息需要另行制作）', basis: '《中华人民共和国政府信息公开条例》第三十八条', decision: '您申请的信息需要本机关对现有政府信息进行加工、分析，本机关不负有另行制作的义务，无法提供。' },
  { key: 'unable.stillUnclear', label: '无法提供（补正后申请内容仍不明确）', basis: '《中华人民共和国政府信息公开条例》第三十条', decision: '您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。' },
  { key: 'notProcessed.petitionComplaint', label: '不予处理（信访举报投诉类申请）', basis: '《中华人民共和国政府信息公开条例》第三十九条第一款', decision: '您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道提出。' },
  { key: 'notProcessed.repeated', label: '不予处理（重复申请）', basis: '《中华人民共和国政府信息公开条例》第三十六条第（六）项', decision: '本机关已就您申请公开的政府信息作出答复，您重复申请公开相同政府信息，本机关不予重复处理。' },
  { key: 'notProcessed.publication', label: '不予处理（要求提供公开出版物）', basis: '《中华人民共和国政府信息公开条例》第三十九条第二款', decision: '您申请获取的信息为公开出版物，请通过公开出版物的获取途径获取，获取途径见下文。' },
  { key: 'notProcessed.excessive', label: '不予处理（无正当理由大量反复申请）', basis: '《中华人民共和国政府信息公开条例》第三十五条', decision: '您的申请数量、频次明显超过合理范围，经本机关要求说明理由，您未说明或说明的理由不合理，本机关不予处理。' },
  { key: 'notProcessed.confirmation', label: '不予处理（要求确认或重新出具已获取信息）', basis: '《中华人民共和国政府信息公开条例》第三十九条', decision: '您的申请系要求行政机关确认或重新出具已获取的信息，不属于政府信息公开申请，本机关不予处理。' },
  { key: 'otherHandling.noSupplement', label: '其他处理（逾期不补正）', basis: '《中华人民共和国政府信息公开条例》第三十条', decision: '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。' },
  { key: 'otherHandling.unpaidFee', label: '其他处理（逾期未缴纳信息处理费）', basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', decision: '您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。' },
  { key: 'otherHandling.other', label: '其他处理（其他）', basis: '《中华人民共和国政府信息公开条例》', decision: '本机关对您的申请作如下处理，具体情况见下文。' },
];

export const OUTCOME_KEYS = OUTCOMES.map((o) => o.key) as [string, ...string[]];

export function outcomeSpec(key: string): OutcomeSpec | undefined {
  return OUTCOMES.find((o) => o.key === key);
}

/**
 * The remedies every reply states (条例第五十一条): 行政复议 within 60 days, to the body that
 * 《行政复议法》(2023) names (see request-remedies.ts), or 行政诉讼 within 6 months (《行政诉讼法》第四十六条).
 */
export function remediesSentence(reviewBody: string): string {
  return `如对本答复不服，可以自收到本告知书之日起六十日内向${reviewBody}申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。`;
}
