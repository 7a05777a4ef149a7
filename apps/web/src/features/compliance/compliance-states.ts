import type { ComplianceState } from '@qizhi/domain';

/**
 * Each state's tag colour and label; the cells' colours are in compliance.module.css by
 * `data-state`. 待完成 (this period, still time) is amber and dashed, 未落实 (a past period short) red.
 */
export const STATE_STYLE: Record<ComplianceState, { color: string; label: string }> = {
  met: { color: '#389e0d', label: '已落实' },
  due: { color: '#d48806', label: '待完成' },
  missed: { color: '#cf1322', label: '未落实' },
  upcoming: { color: '#8c8c8c', label: '未到期' },
  informational: { color: '#5b8c9f', label: '记录' },
};

/** The mark after an item's short name in a cell. */
export function stateMark(state: ComplianceState, held: number, required: number): string {
  if (state === 'met') return required > 1 ? `✓${String(held)}/${String(required)}` : '✓';
  if (required > 1) return `${String(held)}/${String(required)}`;
  if (state === 'missed') return '✗';
  if (state === 'due') return '…';
  return '';
}
