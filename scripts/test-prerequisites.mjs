#!/usr/bin/env node
/**
 * The first step of `npm test`: the machine packages the tests need besides npm's.
 * - chromium: browser tests (playwright-core drives Debian's chromium, never a downloaded browser)
 * - poppler-utils: pdftotext reads generated PDFs back
 * - fonts-noto-cjk: the CJK font embedded in generated PDFs
 * Missing ones are installed through apt when this runs as root on Debian/Ubuntu (as CI does);
 * otherwise the exact command to run is printed and the tests do not start.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const PACKAGES = [
  { name: 'chromium', present: () => fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), why: '浏览器测试 browser tests' },
  { name: 'poppler-utils', present: () => onPath('pdftotext'), why: 'PDF 文本校验 reading PDFs back' },
  { name: 'fonts-noto-cjk', present: () => debInstalled('fonts-noto-cjk') || fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'), why: 'PDF 中文字体 CJK font for PDFs' },
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function debInstalled(pkg) {
  if (!onPath('dpkg-query')) return false;
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const missing = PACKAGES.filter((p) => !p.present());
if (missing.length === 0) process.exit(0);

const names = missing.map((p) => p.name);
console.log(`测试需要的系统软件包缺失 · missing packages the tests need: ${missing.map((p) => `${p.name} (${p.why})`).join(', ')}`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && onPath('apt-get')) {
  console.log(`Installing with apt-get: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
  } catch {
    console.error('apt-get failed: install the packages above by hand, then run npm test again.');
    process.exit(1);
  }
  const still = PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (still.length) {
    console.error(`Still missing after apt-get: ${still.join(', ')}`);
    process.exit(1);
  }
  process.exit(0);
}
console.error(`请先安装后再运行 npm test · install them first, then run npm test again:\n\n  sudo apt-get install -y --no-install-recommends ${names.join(' ')}\n`);
process.exit(1);
