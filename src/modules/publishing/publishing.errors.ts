/** Error codes of 主动公开 (merged into src/http/error-codes.ts). */
export const publishingErrors = {} as const;
