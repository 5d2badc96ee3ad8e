/**
 * Charts rendered on the server as SVG (ECharts server-side rendering), so they show
 * without JavaScript. Each chart is also given as a table next to it for screen readers.
 */
import * as echarts from 'echarts';

export function barChartSvg(title: string, labels: string[], values: number[], options: { width?: number; height?: number; horizontal?: boolean } = {}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.width ?? 560, height: options.height ?? 260 });
  const category = { type: 'category' as const, data: labels, axisLabel: { interval: 0, fontSize: 10 } };
  const value = { type: 'value' as const, minInterval: 1 };
  chart.setOption({
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
    grid: { left: options.horizontal ? 130 : 40, right: 20, top: 40, bottom: options.horizontal ? 30 : 50 },
    xAxis: options.horizontal ? value : category,
    yAxis: options.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, itemStyle: { color: '#b31b1b' }, label: { show: true, position: options.horizontal ? 'right' : 'top', fontSize: 10 } }],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // The table beside the chart carries the numbers; the picture is decoration for assistive technology.
  return svg.replace('<svg ', `<svg role="img" aria-label="${title.replace(/"/g, '')}" `);
}
