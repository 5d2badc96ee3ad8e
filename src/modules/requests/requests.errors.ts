/** Error codes of 依申请公开 (merged into src/http/error-codes.ts). */
export const requestErrors = {} as const;
