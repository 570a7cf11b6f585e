import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export interface BulletinSection {
  heading: string;
  text: string;
  /** The ranking table, when the section carries one: header row then rows. */
  table?: string[][] | undefined;
}

// The fonts of Chinese government documents (GB/T 9704), with common fallbacks named by Word and LibreOffice.
const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TABLE_FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, bold, font: TABLE_FONT, size: 21 })],
      }),
    ],
  });

/** A quarterly bulletin (一季一通报) as a Word document in the bureau's style. */
export async function bulletinDocx(input: {
  title: string;
  subtitle: string;
  sections: readonly BulletinSection[];
}): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: input.title, font: TITLE_FONT, size: 44 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: input.subtitle, font: BODY_FONT, size: 28 })],
    }),
  ];
  input.sections.forEach((section, i) => {
    const numeral = ['一', '二', '三', '四', '五', '六', '七', '八'][i] ?? String(i + 1);
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: `${numeral}、${section.heading}`, font: HEADING_FONT, size: 32 })],
      }),
    );
    for (const line of section.text.split('\n').filter((l) => l.trim() !== '')) {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560 },
          children: [new TextRun({ text: line.trim(), font: BODY_FONT, size: 32 })],
        }),
      );
    }
    if (section.table && section.table.length > 0) {
      const [header, ...rows] = section.table;
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: {
            top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
          },
          rows: [
            new TableRow({ tableHeader: true, children: (header ?? []).map((h) => cell(h, true)) }),
            ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
          ],
        }),
      );
    }
  });
  const doc = new Document({
    creator: 'Shoudi 守底',
    title: input.title,
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
