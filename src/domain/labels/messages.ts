/**
 * Labels of 互动交流：信箱与信件（issue 13）: merged into the one table in src/domain/labels.ts (LABELS), so the
 * API, the console and exports read them from there. Each part lands in the vocabulary of the same name.
 */
export const MESSAGE_LABELS = {
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
