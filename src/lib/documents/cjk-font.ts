/**
 * A CJK font for PDF output, from the system (Debian: fonts-noto-cjk). PDFs embed a
 * subset of it with a ToUnicode map, so text copied or extracted from them is the
 * same characters as the HTML (一, not the look-alike Kangxi radical ⼀).
 */
import fs from 'node:fs';

export interface CjkFont {
  path: string;
  /** PostScript name inside a TrueType collection. */
  family?: string;
}

const CANDIDATES: { path: string; serif?: string; sans?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', serif: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', sans: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', serif: 'NotoSerifCJKsc-Bold' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', sans: 'NotoSansCJKsc-Bold' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', sans: 'WenQuanYiZenHei' },
];

/** Body text: a serif (宋/仿宋-like) face where available; headings: a bold sans (黑体-like). */
export function findCjkFonts(env: NodeJS.ProcessEnv = process.env): { body: CjkFont; heading: CjkFont } | null {
  if (env.GONGKAI_CJK_FONT && fs.existsSync(env.GONGKAI_CJK_FONT)) {
    const font = { path: env.GONGKAI_CJK_FONT };
    return { body: font, heading: font };
  }
  const present = CANDIDATES.filter((c) => fs.existsSync(c.path));
  const body = present.find((c) => c.serif && !c.serif.endsWith('Bold')) ?? present.find((c) => c.sans);
  const heading = present.find((c) => c.sans?.endsWith('Bold')) ?? present.find((c) => c.sans) ?? body;
  if (!body || !heading) return null;
  return {
    body: { path: body.path, family: body.serif ?? body.sans },
    heading: { path: heading.path, family: heading.sans ?? heading.serif },
  };
}
