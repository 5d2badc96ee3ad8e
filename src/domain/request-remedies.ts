/**
 * Where an applicant applies for 行政复议 against a disclosure decision, named in every reply
 * (条例第五十一条). Under the 《中华人民共和国行政复议法》 as revised in 2023 (in force 2024-01-01),
 * 第二十四条第一款: a county (or higher) government handles applications against its own
 * departments (第（一）项) and against the government one level below (第（二）项). So a county
 * department's or a township's decision goes to the county government; the county government's
 * own to the government above it, which lies outside a county platform's tree: its name is a
 * setting, by default the words “上一级人民政府”.
 * 行政诉讼 goes to the 人民法院 within six months (《行政诉讼法》第四十六条).
 */
import type { OrgType } from './org-types.js';

export const DEFAULT_SUPERIOR_GOVERNMENT = '上一级人民政府';

export interface BodyInTree {
  name: string;
  type: OrgType;
}

/**
 * @param chain the deciding body first, then its parent, up to the root of the tree
 * @param superiorGovernment the name of the government above the tree's top government
 */
export function reviewBodyOf(chain: BodyInTree[], superiorGovernment = DEFAULT_SUPERIOR_GOVERNMENT): string {
  // An office inside a body (内设机构) decides in that body's name.
  const deciding = chain.findIndex((b) => b.type !== 'office');
  if (deciding < 0) throw new RangeError('the deciding body is missing');
  // A government (a township's included) answers to the next government up, a department to the
  // government it belongs to: either way the nearest government above the deciding body.
  const government = chain.slice(deciding + 1).find((b) => b.type === 'government');
  if (government) return government.name;
  return superiorGovernment.trim() || DEFAULT_SUPERIOR_GOVERNMENT;
}
