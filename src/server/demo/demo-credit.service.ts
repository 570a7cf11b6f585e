import { clock } from '../../shared/clock.js';
import { passwords } from '../adapters/passwords.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from '../services/actor.js';
import { recordAudit } from '../services/audit.js';
import type { RunInTransaction } from '../services/transaction.js';

/** The demo bank user (a 银行 department user of 宛城农商银行). */
export const DEMO_BANK_USER = { username: 'bank_demo', displayName: '宛城农商银行信贷员' };
const DEMO_COUNTY = '411302000000';

/**
 * Microcredit demo data in the demo county: two lending banks, a bank user, the risk fund's first payment and
 * about eighty loans of 宛城区 households (the demo cases' county, so some meet live cases) in every state, so the loan ledger, the overdue list, the breakers and the
 * 贴息台账 show live figures. Idempotent.
 */
export function createDemoCreditService(deps: { repos: Repositories; tx: RunInTransaction; config: Config }) {
  const { repos, tx, config } = deps;
  return {
    async seedCredit(actor: Actor) {
      if (config.isProduction) {
        throw new AppError(
          'FORBIDDEN',
          '生产环境（NODE_ENV=production）禁止演示模式 / demo mode is refused in production',
        );
      }
      if (
        (await repos.regions.findByCode(DEMO_COUNTY)) === undefined ||
        (await repos.credit.hasDemoLoans())
      ) {
        return { loans: 0 };
      }
      const passwordHash = await passwords.hash(config.demoPassword);
      const today = clock().today();
      return tx(async (t) => {
        const bankIds = [
          await t.credit.insertBank(DEMO_COUNTY, '宛城农商银行'),
          await t.credit.insertBank(DEMO_COUNTY, '邮储银行宛城区支行'),
        ];
        if (!(await t.users.findByUsername(DEMO_BANK_USER.username))) {
          await t.users.insert({
            username: DEMO_BANK_USER.username,
            display_name: DEMO_BANK_USER.displayName,
            role: 'department',
            department: '银行',
            bank_id: bankIds[0] ?? null,
            region_code: DEMO_COUNTY,
            county_code: DEMO_COUNTY,
            password_hash: passwordHash,
          });
        }
        await t.credit.insertFundEntry({
          countyCode: DEMO_COUNTY,
          entryOn: `${today.slice(0, 4)}-01-05`,
          kind: 'deposit',
          amount: '2000000.00',
          loanId: null,
          note: '县财政注入风险补偿金（演示）',
          createdBy: null,
        });
        const loans = await t.credit.seedDemoLoans({
          townPrefix: DEMO_COUNTY.slice(0, 6),
          bankIds,
          today,
          limit: 80,
        });
        await recordAudit(t, actor, {
          action: 'demo.seed_credit',
          entityType: 'system',
          new: { banks: bankIds.length, loans },
        });
        return { loans };
      });
    },
  };
}

export type DemoCreditService = ReturnType<typeof createDemoCreditService>;
