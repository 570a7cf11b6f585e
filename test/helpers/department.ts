import { systemActor } from '../../src/server/services/actor.js';
import { checkCharacter } from '../../src/shared/id-number.js';
import type { Department } from '../../src/shared/roles.js';
import type { TestApp } from './test-app.js';

export const id = (first17: string) => `${first17}${checkCharacter(first17)}`;

/** People of 东岗村 (411302102201), each with a known ID number, in three households. */
export const PEOPLE = {
  /** 脱贫户 head, born 1970: its 15-digit form is 411302700101001. */
  a: { name: '张大山', id: id('41130219700101001') },
  b: { name: '李秀英', id: id('41130219720202002') },
  /** 一般农户 head. */
  c: { name: '王五', id: id('41130219650505005') },
  /** 监测户 head and a school-age son. */
  d: { name: '赵六', id: id('41130219800808008') },
  e: { name: '赵小六', id: id('41130220120305002') },
};

const HEADER =
  '县,乡,村,行政区划代码,户编号,户类型,姓名,证件号码,与户主关系,劳动技能,户联系电话,住房安全等级';

/** Registers the three households through the household import, as the county does. */
export async function seedDonggang(t: TestApp): Promise<Record<'h1' | 'h2' | 'h3', number>> {
  const cookie = await t.login('county_wancheng');
  const p = PEOPLE;
  const csv = [
    HEADER,
    `宛城区,官庄镇,东岗村,411302102201,DG001,脱贫户,${p.a.name},${p.a.id},户主,普通劳动力,13800000001,B`,
    `宛城区,官庄镇,东岗村,411302102201,DG001,脱贫户,${p.b.name},${p.b.id},配偶,普通劳动力,,`,
    `宛城区,官庄镇,东岗村,411302102201,DG002,一般农户,${p.c.name},${p.c.id},户主,普通劳动力,13800000002,B`,
    `宛城区,官庄镇,东岗村,411302102201,DG003,监测户,${p.d.name},${p.d.id},户主,普通劳动力,13800000003,B`,
    `宛城区,官庄镇,东岗村,411302102201,DG003,监测户,${p.e.name},${p.e.id},之子,无劳动力,,`,
  ].join('\n');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/households/import?filename=dg.csv',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv, 'utf8'),
  });
  if (response.json().status !== 'imported') {
    throw new Error(`seed import failed: ${response.body}`);
  }
  const rows = await t.database.db
    .selectFrom('household')
    .select(['id', 'household_no'])
    .where('household_no', 'in', ['DG001', 'DG002', 'DG003'])
    .execute();
  const of = (no: string) => Number(rows.find((r) => r.household_no === no)?.id);
  return { h1: of('DG001'), h2: of('DG002'), h3: of('DG003') };
}

/** A department user of `department` at city level, logged in; returns the cookie. */
export async function departmentUser(t: TestApp, department: Department): Promise<string> {
  const username = `dept_${Buffer.from(department).toString('hex').slice(0, 8)}`;
  const existing = await t.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!existing) {
    await t.services.users.create(systemActor('test'), {
      username,
      displayName: `${department}数据员`,
      password: 'dept-password-1',
      role: 'department',
      department,
      regionCode: '411300000000',
    });
    await t.database.db
      .updateTable('app_user')
      .set({ must_change_password: false })
      .where('username', '=', username)
      .execute();
  }
  return t.login(username, 'dept-password-1');
}
