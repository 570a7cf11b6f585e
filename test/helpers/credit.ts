import { systemActor } from '../../src/server/services/actor.js';
import type { TestApp } from './test-app.js';

/** A lending bank in 宛城区 and one of its users (a 银行 department user), logged in. */
export async function bankWithUser(
  t: TestApp,
  name = '宛城农商银行',
  username = 'bank_wancheng',
): Promise<{ bankId: number; cookie: string }> {
  const bank = await t.services.credit.createBank(systemActor('test'), { countyCode: '411302000000', name });
  const existing = await t.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!existing) {
    await t.services.users.create(systemActor('test'), {
      username,
      displayName: `${name}信贷员`,
      password: 'bank-password-1',
      role: 'department',
      department: '银行',
      bankId: bank.id,
      regionCode: '411302000000',
    });
    await t.database.db
      .updateTable('app_user')
      .set({ must_change_password: false })
      .where('username', '=', username)
      .execute();
  }
  return { bankId: bank.id, cookie: await t.login(username, 'bank-password-1') };
}
