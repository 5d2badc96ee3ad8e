/**
 * Every way a request can end, one per outcome row of the annual report
 * (国办公开办函〔2021〕30号), with its legal basis and the decision sentence of the 告知书.
 */
export interface OutcomeSpec {
  key: string;
  label: string;
  basis: string;
  decision: string;
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

/** The remedies every reply must state (条例第五十一条; 行政复议法, 行政诉讼法). */
export const REMEDIES =
  '如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。';
