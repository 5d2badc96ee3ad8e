/**
 * Accessibility repairs for Ant Design behaviour the console cannot configure.
 *
 * antd's tables copy each column title into a zero-height "measure row" (aria-hidden) to size the
 * columns: a select-all checkbox or a sort button in a title then exists twice, once invisible but
 * still reachable with Tab. Marking that row `inert` takes it out of the focus order and the
 * accessibility tree, which is what aria-hidden promised.
 */
export function repairAntdAccessibility(root: HTMLElement = document.body): void {
  const fix = () => root.querySelectorAll('.ant-table-measure-row:not([inert])').forEach((row) => row.setAttribute('inert', ''));
  fix();
  new MutationObserver(fix).observe(root, { childList: true, subtree: true });
}
