/** The request register (登记台账, 条例第四十五条) as XLSX, with personal data masked. */
import ExcelJS from 'exceljs';

export interface RegisterRow {
  trackingNo: string;
  orgName?: string;
  channel: string;
  applicant: { name: string; type: string; idNumber: string; phone: string };
  description: string;
  statusLabel: string;
  receivedOn: string | null;
  deadline: { dueOn: string; overdue: boolean } | null;
  outcome: string | null;
  completedOn: string | null;
}

export async function registerWorkbook(rows: RegisterRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('政府信息公开申请登记台账');
  sheet.columns = [
    { header: '受理编号', key: 'trackingNo', width: 20 }, { header: '办理机关', key: 'orgName', width: 24 }, { header: '申请方式', key: 'channel', width: 12 },
    { header: '申请人', key: 'name', width: 16 }, { header: '申请人类型', key: 'type', width: 12 }, { header: '证件号码', key: 'idNumber', width: 22 },
    { header: '联系电话', key: 'phone', width: 14 }, { header: '所需信息', key: 'description', width: 40 }, { header: '收到日期', key: 'receivedOn', width: 12 },
    { header: '答复期限', key: 'dueOn', width: 12 }, { header: '状态', key: 'status', width: 16 }, { header: '办理结果', key: 'outcome', width: 24 },
    { header: '办结日期', key: 'completedOn', width: 12 },
  ];
  for (const r of rows) {
    sheet.addRow({
      trackingNo: r.trackingNo, orgName: r.orgName ?? '', channel: r.channel, name: r.applicant.name, type: r.applicant.type,
      idNumber: r.applicant.idNumber, phone: r.applicant.phone, description: r.description, receivedOn: r.receivedOn ?? '',
      dueOn: r.deadline?.dueOn ?? '', status: `${r.statusLabel}${r.deadline?.overdue ? '（逾期）' : ''}`, outcome: r.outcome ?? '', completedOn: r.completedOn ?? '',
    });
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
