import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../src/shared/id-number.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let county: string;

const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
const fullWidth = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** An ID number whose check character is X, from a 14-digit address + birth date prefix. */
function idEndingInX(prefix14: string) {
  for (let seq = 1; seq < 1000; seq++) {
    const first17 = `${prefix14}${String(seq).padStart(3, '0')}`;
    if (checkCharacter(first17) === 'X') {
      return `${first17}X`;
    }
  }
  throw new Error('no X');
}
const HEADER =
  '县,乡,村,行政区划代码,户编号,户类型,姓名,证件号码,与户主关系,劳动技能,户联系电话,住房安全等级';

function upload(cookie: string, body: Buffer, filename: string, skipBadRows = false, dryRun = false) {
  return t.app.inject({
    method: 'POST',
    url: `/api/households/import?filename=${encodeURIComponent(filename)}&skipBadRows=${skipBadRows}&dryRun=${dryRun}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

const countHouseholds = async () =>
  (
    await t.database.db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  t = await createTestApp();
  county = await t.login('county_wancheng');
});
afterAll(async () => {
  await t.close();
});

describe('household import', () => {
  // A messy GBK file from a Chinese Excel: a title row, a group row, the header, blank rows, IDs with
  // spaces, full-width digits, a lowercase x, one mangled into scientific notation, and a duplicate.
  const messy = [
    '南阳市宛城区农户信息采集表,,,,,,,,,,,',
    '基本信息,,,,,,家庭成员,,,,,',
    HEADER,
    `宛城区,官庄镇,东岗村,411302102201,H001,脱贫户,张大山,${id('41130219700101001')},户主,普通劳动力,13800000001,B`,
    `宛城区,官庄镇,东岗村,411302102201,H001,脱贫户,李秀英, ${id('41130219720202002').slice(0, 6)} ${id('41130219720202002').slice(6)} ,配偶,普通劳动力,,`,
    ',,,,,,,,,,,',
    `宛城区,官庄镇,东岗村,411302102201,H002,一般农户,王小明,${fullWidth(id('41130219800303001'))},户主,技能劳动力,,A`,
    `宛城区,官庄镇,东岗村,411302102201,H002,一般农户,王丽,4.11302E+17,之女,,,`,
    `宛城区,官庄镇,西湾村,,H003,一般农户,赵四,${id('41130219650505005')},户主,,,C`,
    `宛城区,官庄镇,西湾村,,H003,一般农户,赵四重复,${id('41130219650505005')},之子,,,`,
    `宛城区,官庄镇,西湾村,,H004,监测户,钱五,${idEndingInX('41130219601231').slice(0, 17)}x,户主,,,D`,
  ];
  const ID_X = idEndingInX('41130219601231');

  it('refuses the whole file by default, naming every bad row with its reason', async () => {
    expect(ID_X.endsWith('X')).toBe(true);
    const file = iconv.encode(messy.join('\r\n'), 'gbk');
    const before = await countHouseholds();
    const response = await upload(county, file, '采集表.csv');
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.status).toBe('refused');
    expect(result.households).toBe(0);
    expect(await countHouseholds()).toBe(before);
    const byRow = Object.fromEntries(
      result.problems.map((p: { row: number; reason: string }) => [p.row, p.reason]),
    );
    expect(byRow[8]).toMatch(/科学计数法/);
    expect(byRow[10]).toMatch(/与第 9 行身份证号重复/);
    expect(byRow[7]).toMatch(/同户其他行有错误/);
    expect(Object.keys(byRow).map(Number)).toEqual([7, 8, 9, 10]);
    const report = await t.app.inject({
      url: `/api/imports/${result.jobId}/problems.csv`,
      headers: { cookie: county },
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain('attachment');
    expect(report.body).toContain('科学计数法');
  });

  it('imports the good households when asked to skip bad rows, normalising what can be trusted', async () => {
    const file = iconv.encode(messy.join('\r\n'), 'gbk');
    const result = (await upload(county, file, '采集表.csv', true)).json();
    expect(result.status).toBe('partial');
    expect(result.households).toBe(2); // H001 (spaces in an ID) and H004 (lowercase x)
    expect(result.persons).toBe(3);
    const found = await t.app.inject({
      url: `/api/households?idNumber=${ID_X}`,
      headers: { cookie: county },
    });
    expect(found.json().items).toHaveLength(1);
    expect(found.json().items[0]).toMatchObject({
      headName: '钱五',
      householdType: 'monitored',
      villageName: '西湾村',
    });
    const h001 = await t.app.inject({
      url: `/api/households?idNumber=${id('41130219720202002')}`,
      headers: { cookie: county },
    });
    const detail = await t.app.inject({
      url: `/api/households/${h001.json().items[0].id}`,
      headers: { cookie: county },
    });
    expect(
      detail
        .json()
        .members.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['张大山', '李秀英'].sort());
    expect(detail.json().household.housingGrade).toBe('B');
    const audit = await t.app.inject({
      url: '/api/audit?action=household.import',
      headers: { cookie: county },
    });
    expect(audit.json().total).toBe(2);
  });

  it('imports by the division code, saying so when the file names another village, and previews the stored name', async () => {
    const file = [
      HEADER,
      `宛城区,官庄镇,西湾村,411302102201,M001,一般农户,冯码,${id('41130219910909009')},户主,,,A`,
    ].join('\n');
    const result = (await upload(county, Buffer.from(file), '村名不符.csv', false, true)).json();
    expect(result).toMatchObject({ status: 'checked', households: 1, problems: [] });
    expect(result.notes).toEqual([
      { row: 2, reason: expect.stringContaining('按行政区划代码 411302102201 导入到“官庄镇东岗村”') },
    ]);
    expect(result.notes[0].reason).toContain('“西湾村”与代码不符');
    expect(result.preview[0]).toMatchObject({ headName: '冯码', village: '宛城区官庄镇东岗村' });
  });

  it('refuses people already registered, and villages outside the region', async () => {
    const again = [
      HEADER,
      `宛城区,官庄镇,东岗村,411302102201,H009,一般农户,张大山,${id('41130219700101001')},户主,,,`,
    ];
    const result = (await upload(county, Buffer.from(`\uFEFF${again.join('\n')}`), 'again.csv')).json();
    expect(result.problems).toEqual([{ row: 2, reason: '该身份证号已在系统中登记，一人只能登记一次' }]);
    const foreign = [HEADER, `卧龙区,,,411303101201,,一般农户,外县,${id('41130319700101001')},户主,,,`];
    const outside = (await upload(county, Buffer.from(foreign.join('\n')), 'foreign.csv')).json();
    expect(outside.problems[0].reason).toMatch(/不是本辖区的村/);
  });

  it('reads .xlsx, refusing an ID that Excel stored as a number', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      '宛城区',
      '官庄镇',
      '南庄村',
      '411302102203',
      'X1',
      '一般农户',
      '孙六',
      id('41130219800808008'),
      '户主',
      '',
      '',
      'A',
    ]);
    sheet.addRow([
      '宛城区',
      '官庄镇',
      '南庄村',
      '411302102203',
      'X2',
      '一般农户',
      '周七',
      411302198009090000,
      '户主',
      '',
      '',
      'A',
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = (await upload(county, buffer, 'members.xlsx')).json();
    expect(result.status).toBe('refused');
    expect(result.problems).toEqual([{ row: 3, reason: expect.stringMatching(/Excel/) }]);
    const ok = (await upload(county, buffer, 'members.xlsx', true)).json();
    expect(ok).toMatchObject({ status: 'partial', households: 1, persons: 1 });
  });

  it('checks a file without importing it (预检), and lists checks and imports in the history of their scope', async () => {
    const file = Buffer.from(
      [
        HEADER,
        `宛城区,官庄镇,东岗村,411302102201,P001,一般农户,孙预检,${id('41130219810404001')},户主,,,A`,
        `宛城区,官庄镇,东岗村,411302102201,P001,一般农户,孙小检,${id('41130220100404002')},之子,,,`,
        `宛城区,官庄镇,东岗村,411302102201,P002,一般农户,坏行,12345,户主,,,A`,
      ].join('\n'),
    );
    const before = await countHouseholds();
    const checked = (await upload(county, file, '预检.csv', true, true)).json();
    expect(checked).toMatchObject({ status: 'checked', households: 1, persons: 2 });
    expect(checked.problems.map((p: { row: number }) => p.row)).toEqual([4]);
    expect(checked.preview).toEqual([
      { row: 2, householdNo: 'P001', headName: '孙预检', village: '宛城区官庄镇东岗村', members: 2 },
    ]);
    expect(await countHouseholds()).toBe(before);
    // Its problem report downloads like an import's.
    const report = await t.app.inject({
      url: `/api/imports/${checked.jobId}/problems.csv`,
      headers: { cookie: county },
    });
    expect(report.statusCode).toBe(200);
    expect(report.body).toMatch(/^\uFEFF?行号,原因\r?\n4,/);

    const history = await t.app.inject({ url: '/api/households/imports', headers: { cookie: county } });
    expect(history.statusCode).toBe(200);
    const [newest] = history.json().items;
    expect(newest).toMatchObject({
      id: checked.jobId,
      filename: '预检.csv',
      status: 'checked',
      households: 1,
      problemCount: 1,
    });
    const onlyChecks = await t.app.inject({
      url: '/api/households/imports?status=checked',
      headers: { cookie: county },
    });
    expect(onlyChecks.json().items.every((j: { status: string }) => j.status === 'checked')).toBe(true);
    // Another county's user does not see 宛城区's imports.
    const wolong = await t.login('county_wolong');
    const theirs = await t.app.inject({ url: '/api/households/imports', headers: { cookie: wolong } });
    expect(theirs.json().items.map((j: { id: number }) => j.id)).not.toContain(checked.jobId);
  });

  it('rejects a file without the required columns', async () => {
    const result = (await upload(county, Buffer.from('a,b,c\n1,2,3\n'), 'x.csv')).json();
    expect(result.problems[0].reason).toMatch(/表头/);
  });
});

describe('household export', () => {
  it('exports CSV in the import layout with masked IDs and neutralised formulas', async () => {
    const list = await t.app.inject({
      url: `/api/households?idNumber=${id('41130219700101001')}`,
      headers: { cookie: county },
    });
    const household = list.json().items[0];
    const detail = (
      await t.app.inject({ url: `/api/households/${household.id}`, headers: { cookie: county } })
    ).json();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/households/${household.id}`,
      headers: { cookie: county },
      payload: { version: detail.household.version, address: '=HYPERLINK("http://evil","点我")' },
    });
    const response = await t.app.inject({
      url: '/api/households/export?format=csv',
      headers: { cookie: county },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.split(',').slice(0, 10)).toEqual([
      '县',
      '乡',
      '村',
      '行政区划代码',
      '户编号',
      '户类型',
      '姓名',
      '性别',
      '出生日期',
      '证件号码',
    ]);
    expect(lines).toHaveLength(1 + 4);
    expect(response.body).not.toMatch(/\d{17}[\dX]/);
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    const audit = await t.app.inject({
      url: '/api/audit?action=household.export',
      headers: { cookie: county },
    });
    expect(audit.json().items[0].newValues).toMatchObject({ format: 'csv', unmasked: false });
  });

  it('exports .xlsx with text columns; full IDs only for a permitted role', async () => {
    const response = await t.app.inject({
      url: '/api/households/export?format=xlsx&unmasked=true',
      headers: { cookie: county },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(10).value).toBe('证件号码');
    const ids: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) {
        ids.push(String(row.getCell(10).value));
      }
    });
    expect(ids).toContain(id('41130219700101001'));
    const admin = await t.login('city_admin');
    const denied = await t.app.inject({
      url: '/api/households/export?unmasked=true',
      headers: { cookie: admin },
    });
    expect(denied.statusCode).toBe(403);
    const wolong = await t.login('county_wolong');
    const empty = await t.app.inject({
      url: '/api/households/export?format=csv',
      headers: { cookie: wolong },
    });
    expect(empty.statusCode).toBe(200);
    expect(empty.body.trim().split('\r\n')).toHaveLength(1); // 卧龙区 has no households here: header only
  });

  it('exports the search the list shows: one ID number, a head name, a flag', async () => {
    const exportCsv = async (search: string) => {
      const response = await t.app.inject({
        url: `/api/households/export?format=csv&${search}`,
        headers: { cookie: county },
      });
      expect(response.statusCode).toBe(200);
      return response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1);
    };
    const all = await exportCsv('');
    expect(all).toHaveLength(4);
    // 张大山's household: him and 李秀英, and nobody else in the county.
    const byId = await exportCsv(`idNumber=${id('41130219700101001')}`);
    expect(byId.map((line) => line.split(',')[6])).toEqual(['张大山', '李秀英']);
    const byName = await exportCsv(`headName=${encodeURIComponent('孙')}`);
    expect(byName.map((line) => line.split(',')[6])).toEqual(['孙六']);
    // Housing graded C, D or none: of H001 (B), H004 (D) and X1 (A), only 钱五's H004.
    const housing = await exportCsv('flag=housing');
    expect(housing.map((line) => line.split(',')[6])).toEqual(['钱五']);
    expect(await exportCsv('idNumber=not-an-id')).toEqual([]);
    const audit = await t.app.inject({
      url: '/api/audit?action=household.export',
      headers: { cookie: county },
    });
    expect(audit.json().items[0].newValues).toMatchObject({ byIdNumber: true });
    expect(JSON.stringify(audit.json().items[0].newValues)).not.toContain('41130219700101001');
  });
});

describe("the national system's member export (forms.md §2, 47 columns)", () => {
  const NATIONAL =
    '省,市,县,乡,村,户编号,人口编号,姓名,性别,出生日期,证件类型,证件号码,民族,户联系电话,成员联系电话,年度,与户主关系,文化程度,在校生状况,劳动技能,务工时间（月）,健康状况,政治面貌,务工企业名称,是否享受低保,是否参加城镇职工基本养老保险,是否参加大病保险,是否参加新型农村合作医疗（城乡居民基本医疗保险）,是否参加城乡居民基本养老保险,失学或辍学原因,是否会讲普通话,是否参加商业补充医疗保险,是否国外务工,产业分类,是否接受大病医疗救助,是否接受其他健康扶贫,公益性岗位类型,公益性岗位(月数),就业渠道,残疾类别,务工所在地,户主姓名,户主证件号码,是否参加城镇职工基本医疗保险,是否特困供养人员,残疾证办证年度,识别标准'.split(
      ',',
    );
  const row = (values: Record<string, string>) =>
    NATIONAL.map((h) => values[h] ?? (h.startsWith('是否') ? '' : '')).join(',');
  const base = {
    省: '河南省',
    市: '南阳市',
    县: '宛城区',
    乡: '官庄镇',
    村: '东岗村',
    健康状况: '健康',
    年度: '2026',
  };
  // 孙大河 has an old 15-digit ID and is not in the residents' scheme (否); 孙小河 is.
  const oldId = '411302550101011';
  const file = () =>
    Buffer.from(
      [
        NATIONAL.join(','),
        row({
          ...base,
          户编号: 'N001',
          姓名: '孙大河',
          证件号码: oldId,
          与户主关系: '户主',
          劳动技能: '普通劳动力',
          '是否参加新型农村合作医疗（城乡居民基本医疗保险）': '否',
          是否参加城镇职工基本医疗保险: '否',
        }),
        row({
          ...base,
          户编号: 'N001',
          姓名: '孙小河',
          证件号码: id('41130219800202021'),
          与户主关系: '之子',
          '是否参加新型农村合作医疗（城乡居民基本医疗保险）': '是',
        }),
        row({ ...base, 户编号: 'N002', 姓名: '周甲', 证件号码: id('41130219700303031'), 与户主关系: '户主' }),
        row({ ...base, 户编号: 'N002', 姓名: '周乙', 证件号码: id('41130219720404042'), 与户主关系: '户主' }),
      ].join('\n'),
      'utf8',
    );

  it("reads 是否参加新型农村合作医疗 (否 = not insured), notes the converted ID and every column not read, and puts a second head's reason on its own row", async () => {
    const response = await upload(county, file(), 'national.csv', true);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ status: 'partial', households: 1, persons: 2 });
    // The second head's row (5) carries the reason; the valid head (4) is only reported as "same household".
    expect(result.problems).toEqual([
      { row: 4, reason: '同户其他行有错误，整户未导入' },
      { row: 5, reason: expect.stringContaining('该户已有户主（第 4 行）') },
    ]);
    expect(result.notes).toContainEqual({
      row: 2,
      reason: expect.stringContaining('由 15 位旧号码转换为 18 位'),
    });
    const ignored =
      (result.notes as Array<{ row: number; reason: string }>).find((n) => n.row === 1)?.reason ?? '';
    const { headerKey } = await import('../src/server/domain/household-layout.js');
    const unread = NATIONAL.filter((h) => headerKey(h) === null);
    expect(unread.length).toBeGreaterThan(0);
    for (const header of unread) {
      expect(ignored).toContain(header);
    }
    expect(headerKey('是否参加新型农村合作医疗（城乡居民基本医疗保险）')).toBe('medicalInsured');
    const persons = await t.database.db
      .selectFrom('person')
      .select(['name', 'medical_insured'])
      .where('name', 'in', ['孙大河', '孙小河'])
      .orderBy('name')
      .execute();
    expect(persons).toEqual([
      { name: '孙大河', medical_insured: false },
      { name: '孙小河', medical_insured: true },
    ]);
    const report = await t.app.inject({
      url: `/api/imports/${result.jobId}/problems.csv`,
      headers: { cookie: county },
    });
    expect(report.body).toContain('说明：身份证号由 15 位旧号码转换为 18 位');
  });
});
