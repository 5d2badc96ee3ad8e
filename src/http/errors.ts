import { ErrorCode, errorCodes } from './error-codes.js';

export interface ErrorDetail {
  path?: string;
  row?: number;
  message: string;
}

/** A coded, expected failure. The error handler turns it into `{ code, message, details? }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetail[],
    message?: string,
  ) {
    super(message ?? errorCodes[code].message);
    this.status = errorCodes[code].status;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
