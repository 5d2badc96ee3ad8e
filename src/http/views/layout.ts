/**
 * The public portal's page frame: works without JavaScript, lang="zh-CN",
 * landmarks (banner, navigation, main, contentinfo), a skip link, visible focus,
 * and the 适老化 switches (larger text, high contrast) as plain links that set a cookie.
 */
import { html, SafeHtml } from './html.js';

export interface PortalPrefs {
  largeText: boolean;
  highContrast: boolean;
}

export interface Breadcrumb {
  label: string;
  href?: string;
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Path of the current page (for the switches' return link and the active menu entry). */
  path: string;
  prefs?: PortalPrefs;
  breadcrumbs?: Breadcrumb[];
  description?: string;
  /** Extra <head> content such as feed links. */
  head?: SafeHtml;
  siteName?: string;
}

export const SITE_NAME = '示例县人民政府 政府信息公开平台';

const NAV: { href: string; label: string }[] = [
  { href: '/', label: '首页' },
  { href: '/xxgk', label: '政府信息公开' },
  { href: '/xxgk/guide', label: '公开指南' },
  { href: '/xxgk/catalog', label: '公开目录' },
  { href: '/xxgk/reports', label: '年度报告' },
  { href: '/ysqgk', label: '依申请公开' },
  { href: '/hdjl', label: '互动交流' },
  { href: '/zwfw', label: '政务服务' },
  { href: '/orgs', label: '机构信息' },
];

function isActive(current: string, href: string): boolean {
  return href === '/' ? current === '/' : current === href || current.startsWith(`${href}/`);
}

export function renderPage(options: PageOptions): string {
  const prefs = options.prefs ?? { largeText: false, highContrast: false };
  const classes = [prefs.largeText ? 'large-text' : '', prefs.highContrast ? 'high-contrast' : ''].filter(Boolean).join(' ');
  const back = encodeURIComponent(options.path);
  const site = options.siteName ?? SITE_NAME;
  const doc = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - ${site}</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ''}
<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48">
<link rel="stylesheet" href="/static/portal.css">
${options.head ?? ''}
</head>
<body class="${classes}">
<a class="skip-link" href="#main">跳转到主要内容</a>
<header class="site-header">
  <div class="container header-row">
    <p class="site-name"><a href="/">${site}</a></p>
    <nav aria-label="无障碍与适老化设置">
      <ul class="a11y-switches">
        <li><a href="/prefs?largeText=${prefs.largeText ? '0' : '1'}&amp;back=${back}">${prefs.largeText ? '标准字号' : '大字号'}</a></li>
        <li><a href="/prefs?highContrast=${prefs.highContrast ? '0' : '1'}&amp;back=${back}">${prefs.highContrast ? '标准配色' : '高对比度'}</a></li>
        <li><a href="/admin/">工作人员登录</a></li>
      </ul>
    </nav>
  </div>
  <nav class="main-nav" aria-label="主导航">
    <ul class="container">
      ${NAV.map((n) => html`<li><a href="${n.href}"${isActive(options.path, n.href) ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}
    </ul>
  </nav>
</header>
${options.breadcrumbs?.length ? html`<nav class="breadcrumbs container" aria-label="当前位置"><ol>${options.breadcrumbs.map((b) => (b.href ? html`<li><a href="${b.href}">${b.label}</a></li>` : html`<li aria-current="page">${b.label}</li>`))}</ol></nav>` : ''}
<main id="main" class="container" tabindex="-1">
${options.body}
</main>
<footer class="site-footer">
  <div class="container">
    <p>主办：示例县人民政府办公室　承办：示例县政务公开办公室</p>
    <p><a href="/xxgk/guide">政府信息公开指南</a>　<a href="/ysqgk">依申请公开</a>　<a href="/sitemap">网站地图</a>　<a href="/api/docs">开放接口</a></p>
  </div>
</footer>
</body>
</html>`;
  return doc.value;
}
