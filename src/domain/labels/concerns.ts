/**
 * Labels of 回应关切（issue 13）: merged into the one table in src/domain/labels.ts (LABELS), so the
 * API, the console and exports read them from there. Each part lands in the vocabulary of the same name.
 */
export const CONCERN_LABELS = {
  /** New vocabularies of this capability, e.g. `messageType: { consultation: '咨询' }`. */
  vocabularies: {},
  /** Chinese names of this capability's input fields (error messages name the field). */
  formField: {},
  /** Every audit action this capability records. */
  auditAction: {},
  auditTargetType: {},
  auditCategory: {},
  auditField: {},
} as const;
