/**
 * Written notices to applicants (告知书) as DOCX in 公文 style (GB/T 9704-2012):
 * title in 方正小标宋 二号, body in 仿宋 三号, the body's name and date at the end.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatChineseDate } from '../../domain/dates.js';
import { startCjkPdf } from '../../lib/documents/pdf.js';

const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };

export interface NoticeContent {
  title: string;
  docNo: string;
  addressee: string;
  paragraphs: string[];
  orgName: string;
  date: string;
}

function bodyParagraph(text: string, options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new Paragraph({
    alignment: options.align,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: 32 })],
  });
}

export async function renderNoticeDocx(content: NoticeContent): Promise<Buffer> {
  const doc = new Document({
    creator: content.orgName,
    title: content.title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: content.title, font: TITLE_FONT, size: 44 })] }),
          bodyParagraph(content.docNo, { indent: false, align: AlignmentType.CENTER }),
          bodyParagraph(`${content.addressee}：`, { indent: false }),
          ...content.paragraphs.map((p) => bodyParagraph(p)),
          bodyParagraph(''),
          bodyParagraph(content.orgName, { indent: false, align: AlignmentType.RIGHT }),
          bodyParagraph(formatChineseDate(content.date), { indent: false, align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const FORM_ROWS = [
  '申请人类型（自然人／法人或其他组织）', '姓名或名称', '证件名称及号码', '联系电话', '电子邮箱', '通信地址及邮政编码',
  '受理机关', '所需政府信息的名称、文号或者便于查询的其他特征性描述', '用途（选填）',
  '获取信息的载体形式（纸质／电子／查阅）', '获取信息的方式（邮寄／电子邮件／自行领取／在线下载）', '申请人签名或者盖章、日期',
];

/** The blank 政府信息公开申请表 (the content of 条例第二十九条). */
export async function renderApplicationFormDocx(): Promise<Buffer> {
  const cell = (text: string, width: number) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ spacing: { line: 480 }, children: [new TextRun({ text, font: BODY_FONT, size: 28 })] })] });
  const doc = new Document({
    title: '政府信息公开申请表',
    sections: [{
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: '政府信息公开申请表', font: TITLE_FONT, size: 44 })] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: FORM_ROWS.map((label) => new TableRow({ children: [cell(label, 40), cell('', 60)] })) }),
        bodyParagraph('说明：一份申请表只针对一项政府信息；请附身份证件复印件，委托代理的请附授权委托书。', { indent: false }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/** The blank application form as PDF, a table to fill in by hand; null without a CJK font. */
export async function renderApplicationFormPdf(): Promise<Buffer | null> {
  const pdf = startCjkPdf({ title: '政府信息公开申请表', author: '政府信息公开申请表', margins: { top: 64, bottom: 56, left: 64, right: 64 } });
  if (!pdf) return null;
  const { doc, done } = pdf;
  const left = 64;
  const width = doc.page.width - 128;
  const labelWidth = width * 0.4;
  doc.font('heading').fontSize(20).text('政府信息公开申请表', left, doc.y, { width, align: 'center' }).moveDown();
  doc.font('body').fontSize(12);
  let y = doc.y;
  for (const label of FORM_ROWS) {
    const height = Math.max(40, doc.heightOfString(label, { width: labelWidth - 12 }) + 16);
    doc.rect(left, y, labelWidth, height).rect(left + labelWidth, y, width - labelWidth, height).stroke();
    doc.text(label, left + 6, y + 8, { width: labelWidth - 12 });
    y += height;
  }
  doc.text('说明：一份申请表只针对一项政府信息；请附身份证件复印件，委托代理的请附授权委托书。', left, y + 12, { width });
  doc.end();
  return done;
}

/** The same notice as PDF with an embedded CJK font; null when the server has no CJK font installed. */
export async function renderNoticePdf(content: NoticeContent): Promise<Buffer | null> {
  const pdf = startCjkPdf({ title: content.title, author: content.orgName, margins: { top: 72, bottom: 72, left: 80, right: 72 } });
  if (!pdf) return null;
  const { doc, done } = pdf;
  const width = doc.page.width - 152;
  doc.font('heading').fontSize(20).text(content.title, { width, align: 'center' }).moveDown(0.5);
  doc.font('body').fontSize(14).text(content.docNo, { width, align: 'center' }).moveDown();
  doc.text(`${content.addressee}：`, { width }).moveDown(0.3);
  for (const p of content.paragraphs) doc.text(p, { width, indent: 28, lineGap: 6 }).moveDown(0.3);
  doc.moveDown(2).text(content.orgName, { width, align: 'right' }).text(formatChineseDate(content.date), { width, align: 'right' });
  doc.end();
  return done;
}
