/** Tables of 依申请公开 (see migrations/0003_requests.ts). */
export interface RequestsTables {}
