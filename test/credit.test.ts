import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import {
  computeSubsidy,
  type DpdBucket,
  nplBreaker,
  overdueRanges,
  quartersBetween,
  type SubsidyEpoch,
} from '../src/shared/credit.js';
import { bankWithUser } from './helpers/credit.js';
import { PEOPLE, seedDonggang } from './helpers/department.js';
import { newHousehold } from './helpers/factories.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let households: Record<'h1' | 'h2' | 'h3', number>;
let bank: { bankId: number; cookie: string };
let otherBank: { bankId: number; cookie: string };
const cookies = new Map<string, string>();

async function call(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const cookie = cookies.get(who) ?? (who === 'bank' ? bank.cookie : who === 'bank2' ? otherBank.cookie : '');
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: response.statusCode, body: response.json() };
}

async function upload(cookie: string, csv: string, query: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/credit/bank-files?${query}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv, 'utf8'),
  });
  return { status: response.statusCode, body: response.json() };
}

/** Applies for a loan for `idNumber` and takes it through to disbursement; returns the loan. */
async function disbursedLoan(idNumber: string, contractNo: string, amount = '30000') {
  const applied = await call('village_guanzhuang', 'POST', '/api/credit/loans', {
    idNumber,
    bankId: bank.bankId,
    amount,
    termMonths: 36,
    ratePercent: '3.45',
    lprPercent: '3.45',
    purposeCode: '种植',
  });
  expect(applied.status).toBe(200);
  let loan = applied.body;
  const steps: Array<[string, Record<string, unknown>]> = [
    ['village_guanzhuang', { action: 'endorse' }],
    ['bank', { action: 'rate', creditGrade: 'AA' }],
    ['bank', { action: 'approve', contractNo }],
    ['bank', { action: 'disburse' }],
  ];
  for (const [who, step] of steps) {
    const next = await call(who, 'POST', `/api/credit/loans/${loan.id}/steps`, {
      ...step,
      version: loan.version,
    });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    loan = next.body;
  }
  return loan;
}

beforeAll(async () => {
  t = await createTestApp();
  households = await seedDonggang(t);
  for (const user of [
    'village_guanzhuang',
    'town_guanzhuang',
    'county_wancheng',
    'county_wolong',
    'city_admin',
  ]) {
    cookies.set(user, await t.login(user));
  }
  bank = await bankWithUser(t);
  otherBank = await bankWithUser(t, '宛城邮储银行', 'bank_postal');
});
afterAll(async () => {
  await t?.close();
});

describe('a loan from application to settlement', () => {
  let loanId = 0;

  it('refuses what the rules forbid, and records a valid application', async () => {
    const base = {
      bankId: bank.bankId,
      amount: '60000',
      termMonths: 24,
      ratePercent: '3.45',
      lprPercent: '3.45',
      purposeCode: '养殖',
    };
    const ordinary = await call('village_guanzhuang', 'POST', '/api/credit/loans', {
      ...base,
      idNumber: PEOPLE.c.id,
    });
    expect(ordinary).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(ordinary.body.message).toContain('脱贫户和监测对象');
    const child = await call('village_guanzhuang', 'POST', '/api/credit/loans', {
      ...base,
      idNumber: PEOPLE.e.id,
    });
    expect(child.status).toBe(400);
    expect(child.body.message).toContain('18');
    // A use outside the production list (consumption) is refused by name.
    const consumption = await call('village_guanzhuang', 'POST', '/api/credit/loans', {
      ...base,
      purposeCode: '买房',
      idNumber: PEOPLE.c.id,
    });
    expect(consumption.status).toBe(400);
    expect(JSON.stringify(consumption.body)).toContain('贷款用途应为');
    const aboveLpr = await call('village_guanzhuang', 'POST', '/api/credit/loans', {
      ...base,
      idNumber: PEOPLE.d.id,
      ratePercent: '3.50',
    });
    expect(aboveLpr.body.message).toContain('LPR');
    const tooMuch = await call('village_guanzhuang', 'POST', '/api/credit/loans', {
      ...base,
      idNumber: PEOPLE.d.id,
      amount: '100000.01',
    });
    expect(tooMuch.body.message).toContain('100000.00');
    const wolong = await call('county_wolong', 'POST', '/api/credit/loans', {
      ...base,
      idNumber: PEOPLE.d.id,
    });
    expect(wolong.status).toBe(404);

    const applied = await call('village_guanzhuang', 'POST', '/api/credit/loans', {
      ...base,
      idNumber: PEOPLE.d.id,
    });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      status: 'applied',
      amount: '60000.00',
      subsidisedAmount: '50000.00',
      borrowerName: PEOPLE.d.name,
      allowedActions: ['endorse'],
    });
    loanId = applied.body.id;
  });

  it('runs endorsement, rating, approval and disbursement by the actor of each step, with a finance measure', async () => {
    // A live case on the household: the loan becomes its finance measure when disbursed.
    const lead = await call('county_wancheng', 'POST', '/api/leads', {
      householdId: households.h3,
      reasons: ['medical_spending'],
      note: '大病',
    });
    const opened = await call('county_wancheng', 'POST', `/api/leads/${lead.body.id}/case`, {
      version: lead.body.version,
      note: '入户核实属实',
    });
    await t.database.db
      .updateTable('monitoring_case')
      .set({ stage: 'monitored', identified_on: '2026-05-01' })
      .where('id', '=', opened.body.id)
      .execute();

    let loan = (await call('village_guanzhuang', 'GET', `/api/credit/loans/${loanId}`)).body;
    const byBank = await call('bank', 'POST', `/api/credit/loans/${loanId}/steps`, {
      action: 'endorse',
      version: loan.version,
    });
    expect(byBank.status).toBe(409);
    expect((await call('bank2', 'GET', `/api/credit/loans/${loanId}`)).status).toBe(404);
    expect((await call('county_wolong', 'GET', `/api/credit/loans/${loanId}`)).status).toBe(404);

    loan = (
      await call('village_guanzhuang', 'POST', `/api/credit/loans/${loanId}/steps`, {
        action: 'endorse',
        version: loan.version,
      })
    ).body;
    expect(loan.status).toBe('endorsed');
    const noGrade = await call('bank', 'POST', `/api/credit/loans/${loanId}/steps`, {
      action: 'rate',
      version: loan.version,
    });
    expect(noGrade.status).toBe(400);
    loan = (
      await call('bank', 'POST', `/api/credit/loans/${loanId}/steps`, {
        action: 'rate',
        creditGrade: 'AAA',
        version: loan.version,
      })
    ).body;
    loan = (
      await call('bank', 'POST', `/api/credit/loans/${loanId}/steps`, {
        action: 'approve',
        contractNo: 'WC-2026-001',
        version: loan.version,
      })
    ).body;
    expect(loan).toMatchObject({
      status: 'approved',
      contractNo: 'WC-2026-001',
      allowedActions: ['disburse'],
    });
    const stale = await call('bank', 'POST', `/api/credit/loans/${loanId}/steps`, {
      action: 'disburse',
      version: loan.version - 1,
    });
    expect(stale.status).toBe(409);
    loan = (
      await call('bank', 'POST', `/api/credit/loans/${loanId}/steps`, {
        action: 'disburse',
        version: loan.version,
      })
    ).body;
    expect(loan).toMatchObject({
      status: 'normal',
      principalOutstanding: '60000.00',
      disbursedOn: clock().today(),
    });

    const measures = await t.database.db
      .selectFrom('assistance_measure')
      .selectAll()
      .where('source_kind', '=', 'loan')
      .where('source_id', '=', loanId)
      .execute();
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({ category: 'finance', case_id: opened.body.id, amount: '60000.00' });
  });

  it('takes repayments and days past due from the bank only, and settles the loan when repaid', async () => {
    const today = clock().today();
    let loan = (await call('bank', 'GET', `/api/credit/loans/${loanId}`)).body;
    expect(loan.canReport).toBe(true);
    const byTown = await call('town_guanzhuang', 'POST', `/api/credit/loans/${loanId}/repayments`, {
      version: loan.version,
      paidOn: today,
      principal: '1',
      interest: '0',
    });
    expect(byTown.status).toBe(403);
    const tooMuch = await call('bank', 'POST', `/api/credit/loans/${loanId}/repayments`, {
      version: loan.version,
      paidOn: today,
      principal: '60000.01',
      interest: '0',
    });
    expect(tooMuch.status).toBe(400);
    loan = (
      await call('bank', 'POST', `/api/credit/loans/${loanId}/repayments`, {
        version: loan.version,
        paidOn: today,
        principal: '20000',
        interest: '100.50',
      })
    ).body;
    expect(loan.principalOutstanding).toBe('40000.00');
    loan = (
      await call('bank', 'POST', `/api/credit/loans/${loanId}/days-past-due`, {
        version: loan.version,
        asOf: today,
        daysPastDue: 35,
      })
    ).body;
    expect(loan).toMatchObject({ status: 'overdue', dpdBucket: 'dpd_31_60', daysPastDue: 35 });
    expect(loan.dpdHistory).toEqual([{ fromOn: today, daysPastDue: 35, bucket: 'dpd_31_60' }]);

    const overdue = await call('town_guanzhuang', 'GET', '/api/credit/loans?status=overdue,npl');
    expect(overdue.body.items.map((l: { id: number }) => l.id)).toContain(loanId);
    const ofOtherBank = await call('bank2', 'GET', '/api/credit/loans');
    expect(ofOtherBank.body.total).toBe(0);

    loan = (
      await call('bank', 'POST', `/api/credit/loans/${loanId}/repayments`, {
        version: loan.version,
        paidOn: today,
        principal: '40000.00',
        interest: '80',
      })
    ).body;
    expect(loan).toMatchObject({
      status: 'settled',
      principalOutstanding: '0.00',
      settledOn: today,
      dpdBucket: 'current',
    });
    expect(loan.events.map((e: { action: string }) => e.action)).toEqual([
      'apply',
      'endorse',
      'rate',
      'approve',
      'disburse',
      'repay',
      'dpd',
      'repay',
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'loan')
      .where('entity_id', '=', String(loanId))
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(8);
  });
});

describe('a bank file with messy rows', () => {
  let loanId = 0;
  const today = clock().today();
  const csv = () =>
    [
      '宛城农商银行小额信贷还款明细',
      '',
      '借款人姓名,身份证号码,合同编号,还款日期,还款本金（元）,还款利息,逾期天数',
      `张大山, ${PEOPLE.a.id.slice(0, 6)} ${PEOPLE.a.id.slice(6)} ,WC-2026-002,${today.replaceAll('-', '/')},"5,000.00元",30.2,`,
      `张大山,41130219700101001X,WC-2026-002,${today},100,1,`,
      `王五,${PEOPLE.c.id},,${today},100,1,`,
      `张大山,${PEOPLE.a.id},WC-2026-002,${today},5000,30.20,`,
      `张大山,${PEOPLE.a.id},WC-2026-002,${today},1.2.3,0,`,
      ',,,,,,',
      `张大山,${PEOPLE.a.id},,,,,12天`,
    ].join('\n');

  it('refuses the whole file while any row is bad, and names every bad row', async () => {
    loanId = (await disbursedLoan(PEOPLE.a.id, 'WC-2026-002')).id;
    const refused = await upload(bank.cookie, csv(), 'filename=repay.csv');
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', acceptedRows: 0, repaymentsAdded: 0 });
    const byRow = Object.fromEntries(
      refused.body.problems.map((p: { row: number; reason: string }) => [p.row, p.reason]),
    );
    expect(Object.keys(byRow).map(Number)).toEqual([5, 6, 7, 8]);
    expect(byRow[5]).toMatch(/校验|身份证/);
    expect(byRow[6]).toContain('本行没有');
    expect(byRow[7]).toContain('与第 4 行重复');
    expect(byRow[8]).toContain('不是金额');
    const loan = (await call('bank', 'GET', `/api/credit/loans/${loanId}`)).body;
    expect(loan).toMatchObject({ principalOutstanding: '30000.00', repayments: [] });
  });

  it('takes the good rows when bad rows are skipped, once', async () => {
    const partial = await upload(bank.cookie, csv(), 'filename=repay.csv&skipBadRows=true');
    expect(partial.body).toMatchObject({
      status: 'partial',
      acceptedRows: 2,
      repaymentsAdded: 1,
      loansUpdated: 1,
      duplicate: false,
    });
    const loan = (await call('town_guanzhuang', 'GET', `/api/credit/loans/${loanId}`)).body;
    expect(loan).toMatchObject({
      principalOutstanding: '25000.00',
      daysPastDue: 12,
      dpdBucket: 'dpd_1_30',
      status: 'overdue',
    });
    expect(loan.repayments).toMatchObject([
      { principal: '5000.00', interest: '30.20', bankFileId: partial.body.id },
    ]);
    expect(loan.dpdHistory).toMatchObject([{ bucket: 'dpd_1_30', daysPastDue: 12 }]);
    const again = await upload(bank.cookie, csv(), 'filename=repay.csv&skipBadRows=true');
    expect(again.body).toMatchObject({ duplicate: true, id: partial.body.id });
    expect((await call('bank', 'GET', `/api/credit/loans/${loanId}`)).body.repayments).toHaveLength(1);
  });

  it('matches only the uploading bank’s loans, and shows each bank only its own files', async () => {
    const other = await upload(otherBank.cookie, csv(), 'skipBadRows=true');
    expect(other.body.status).toBe('refused');
    expect(other.body.problems.some((p: { reason: string }) => p.reason.includes('本行没有'))).toBe(true);
    const own = await call('bank2', 'GET', '/api/credit/bank-files');
    expect(own.body.items.map((f: { bankId: number }) => f.bankId)).toEqual([otherBank.bankId]);
    const county = await call('county_wancheng', 'GET', '/api/credit/bank-files');
    expect(county.body.total).toBe(3);
    expect((await call('bank2', 'GET', `/api/credit/bank-files/${own.body.items[0].id - 1}`)).status).toBe(
      404,
    );
    expect(
      (await call('county_wolong', 'GET', `/api/credit/bank-files/${own.body.items[0].id}`)).status,
    ).toBe(404);
    const town = await upload(cookies.get('town_guanzhuang') ?? '', csv(), '');
    expect(town.status).toBe(403);
  });

  it('computes the NPL breakers per township and village from the loans, as the pure rule does', async () => {
    let loan = (await call('bank', 'GET', `/api/credit/loans/${loanId}`)).body;
    loan = (
      await call('bank', 'POST', `/api/credit/loans/${loanId}/days-past-due`, {
        version: loan.version,
        asOf: today,
        daysPastDue: 95,
      })
    ).body;
    expect(loan).toMatchObject({ status: 'npl', dpdBucket: 'dpd_90_plus' });
    const indicators = (await call('county_wancheng', 'GET', '/api/credit/indicators')).body;
    expect(indicators.breakers).toEqual({ town: '5', village: '7' });
    const village = indicators.items.find((r: { code: string }) => r.code === '411302102201');
    const town = indicators.items.find(
      (r: { code: string; level: string }) => r.level === 'town' && r.code === '411302102000',
    );
    expect(village).toMatchObject({
      eligibleHouseholds: 2,
      borrowerHouseholds: 2,
      balance: '25000.00',
      nplBalance: '25000.00',
      nplRate: '100.00',
      loanRate: '100.00',
      tripped: true,
    });
    expect(town).toMatchObject({ tripped: true, balance: '25000.00' });
    for (const row of indicators.items as Array<{
      level: 'town' | 'village';
      nplBalance: string;
      balance: string;
      nplRate: string | null;
      tripped: boolean;
    }>) {
      expect(nplBreaker(row.level, row.nplBalance, row.balance)).toEqual({
        rate: row.nplRate,
        tripped: row.tripped,
      });
    }
    expect((await call('bank', 'GET', '/api/credit/indicators')).status).toBe(403);
    expect((await call('bank', 'GET', '/api/credit/risk-fund')).status).toBe(403);
  });

  it('compensates a non-performing loan from the risk fund, and refuses when the fund is short', async () => {
    let loan = (await call('county_wancheng', 'GET', `/api/credit/loans/${loanId}`)).body;
    expect(loan.allowedActions).toEqual(['compensate']);
    const short = await call('county_wancheng', 'POST', `/api/credit/loans/${loanId}/steps`, {
      action: 'compensate',
      version: loan.version,
    });
    expect(short.status).toBe(409);
    const deposit = await call('county_wancheng', 'POST', '/api/credit/risk-fund', {
      amount: '100000',
      note: '县财政注入',
    });
    expect(deposit.body.balance).toBe('100000.00');
    loan = (
      await call('county_wancheng', 'POST', `/api/credit/loans/${loanId}/steps`, {
        action: 'compensate',
        version: loan.version,
      })
    ).body;
    expect(loan.status).toBe('compensated');
    loan = (
      await call('county_wancheng', 'POST', `/api/credit/loans/${loanId}/steps`, {
        action: 'recover',
        amount: '3000',
        version: loan.version,
      })
    ).body;
    const fund = (await call('county_wancheng', 'GET', '/api/credit/risk-fund')).body;
    // 70 % of the 25,000 balance: 17,500 paid out; 3,000 recovered
    expect(fund.balances).toEqual([
      {
        countyCode: '411302000000',
        name: '宛城区',
        deposits: '100000.00',
        compensations: '17500.00',
        recoveries: '3000.00',
        balance: '85500.00',
      },
    ]);
    expect(fund.items.map((e: { kind: string }) => e.kind)).toEqual(['recovery', 'compensation', 'deposit']);
    expect((await call('county_wolong', 'GET', '/api/credit/risk-fund')).body.items).toEqual([]);
  });
});

describe('the 贴息台账 in SQL agrees with the pure computation', () => {
  it('on random loans across the 2023/2024 boundary with repayments and overdue spells', async () => {
    const epochs: SubsidyEpoch[] = (
      await call('county_wancheng', 'GET', '/api/credit/subsidy-epochs')
    ).body.map((e: SubsidyEpoch) => ({ ...e }));
    const person = await t.database.db
      .selectFrom('person')
      .innerJoin('household', 'household.id', 'person.household_id')
      .select(['person.id as person_id', 'household.id as household_id'])
      .where('person.name', '=', PEOPLE.b.name)
      .executeTakeFirstOrThrow();
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const loans: Array<{ id: number; input: Parameters<typeof computeSubsidy>[0] }> = [];
    for (let i = 0; i < 25; i++) {
      const disbursedOn = addDays('2023-06-01', Math.floor(random() * 700));
      const amount = `${10000 + Math.floor(random() * 60) * 1000}.${String(Math.floor(random() * 100)).padStart(2, '0')}`;
      const ratePercent = ['3.45', '3.65', '4.20', '3.10'][i % 4] as string;
      const oldPolicy = i % 7 === 0;
      const repayments: Array<{ paidOn: string; principal: string }> = [];
      let day = disbursedOn;
      for (let k = 0; k < 3; k++) {
        day = addDays(day, 20 + Math.floor(random() * 120));
        repayments.push({ paidOn: day, principal: `${1000 + Math.floor(random() * 3000)}.50` });
      }
      const history: Array<{ fromOn: string; bucket: DpdBucket }> = [];
      if (i % 3 === 0) {
        const start = addDays(disbursedOn, 30 + Math.floor(random() * 200));
        history.push(
          { fromOn: start, bucket: 'dpd_1_30' },
          { fromOn: addDays(start, 10 + Math.floor(random() * 50)), bucket: 'current' },
        );
      }
      const settledOn = i % 5 === 0 ? addDays(day, 5) : null;
      const row = await t.database.db
        .insertInto('loan')
        .values({
          county_code: '411302000000',
          town_code: '411302102000',
          region_code: '411302102201',
          household_id: person.household_id,
          person_id: person.person_id,
          bank_id: otherBank.bankId,
          contract_no: `TWIN-${i}`,
          amount,
          rate_percent: ratePercent,
          lpr_percent: '4.20',
          term_months: 36,
          purpose_code: '种植',
          old_policy: oldPolicy,
          status: settledOn ? 'settled' : 'normal',
          applied_on: disbursedOn,
          disbursed_on: disbursedOn,
          maturity_on: addDays(disbursedOn, 1000),
          settled_on: settledOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      for (const r of repayments) {
        await t.database.db
          .insertInto('loan_repayment')
          .values({
            loan_id: id,
            county_code: '411302000000',
            paid_on: r.paidOn,
            principal: r.principal,
            interest: '0',
          })
          .execute();
      }
      for (const h of history) {
        await t.database.db
          .insertInto('loan_dpd_history')
          .values({
            loan_id: id,
            county_code: '411302000000',
            from_on: h.fromOn,
            days_past_due: h.bucket === 'current' ? 0 : 5,
            bucket: h.bucket,
          })
          .execute();
      }
      loans.push({
        id,
        input: {
          amount,
          ratePercent,
          disbursedOn,
          settledOn,
          oldPolicy,
          repayments,
          overdue: overdueRanges(history, '2099-12-31'),
        },
      });
    }
    let compared = 0;
    for (const { quarter, fromOn, toOn } of quartersBetween('2023-10-01', '2025-03-31')) {
      const ledger = (
        await call('bank2', 'GET', `/api/credit/subsidy-ledger?quarter=${quarter}&pageSize=200`)
      ).body;
      expect(ledger.fromOn).toBe(fromOn);
      for (const { id, input } of loans) {
        const expected = computeSubsidy(input, epochs, { fromOn, toOn });
        const row = ledger.items.find((r: { loanId: number }) => r.loanId === id);
        if (!row) {
          expect(expected.interest).toBe('0.00');
          continue;
        }
        compared++;
        expect({
          id,
          quarter,
          interest: row.interest,
          sub: row.subsidisableInterest,
          subsidy: row.subsidy,
        }).toEqual({
          id,
          quarter,
          interest: expected.interest,
          sub: expected.subsidisableInterest,
          subsidy: expected.subsidy,
        });
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('renewal, extension and the subsidy schedule', () => {
  it('renews and extends a loan once each, with an objective cause and a later maturity, by the township', async () => {
    const h = await newHousehold(t, clock().today(), { householdType: 'exited_poverty', headName: '续贷户' });
    const loan = await disbursedLoan(h.idNumber, 'WC-2026-RENEW');
    const maturity = loan.maturityOn as string;
    const step = (who: string, body: Record<string, unknown>, version: number) =>
      call(who, 'POST', `/api/credit/loans/${loan.id}/steps`, { ...body, version });
    const later = addDays(maturity, 365);
    // A renewal is the township's step (the bank lends, the township vouches for the cause), as the state machine says.
    expect(
      (await step('bank', { action: 'renew', cause: 'illness', maturityOn: later }, loan.version)).status,
    ).toBe(409);
    const noCause = await step('town_guanzhuang', { action: 'renew', maturityOn: later }, loan.version);
    expect(noCause.status).toBe(400);
    expect(noCause.body.message).toContain('原因');
    const earlier = await step(
      'town_guanzhuang',
      { action: 'renew', cause: 'illness', maturityOn: addDays(maturity, -1) },
      loan.version,
    );
    expect(earlier.status).toBe(400);
    const renewed = await step(
      'town_guanzhuang',
      { action: 'renew', cause: 'illness', maturityOn: later },
      loan.version,
    );
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ maturityOn: later, renewals: 1, extensions: 0, status: 'normal' });
    const again = await step(
      'town_guanzhuang',
      { action: 'renew', cause: 'disaster', maturityOn: addDays(later, 30) },
      renewed.body.version,
    );
    expect(again.status).toBe(409);
    const extended = await step(
      'town_guanzhuang',
      { action: 'extend', cause: 'market', maturityOn: addDays(later, 90) },
      renewed.body.version,
    );
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ maturityOn: addDays(later, 90), renewals: 1, extensions: 1 });
    expect(extended.body.events.map((e: { action: string }) => e.action).slice(-2)).toEqual([
      'renew',
      'extend',
    ]);
  });

  it('lets the city change the subsidy schedule as a new version, checked for overlaps and stale versions', async () => {
    const current = (await call('county_wancheng', 'GET', '/api/credit/subsidy-epochs')).body as Array<
      SubsidyEpoch & { version: number; note: string | null }
    >;
    const version = current[0]?.version ?? 0;
    const strip = ({ version: _v, ...e }: (typeof current)[number]) => e;
    // From 2026 the province pays 60 %: the open 2026 period of new loans changes.
    const next = current.map((e) =>
      e.appliesTo === 'new' && e.fromOn === '2026-01-01'
        ? { ...strip(e), rate: '0.6', note: '2026 年起 60%' }
        : strip(e),
    );
    const put = (who: string, body: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/credit/subsidy-epochs',
        headers: { cookie: cookies.get(who) ?? '' },
        payload: body as Record<string, unknown>,
      });
    expect((await put('county_wancheng', { version, epochs: next })).statusCode).toBe(403);
    const overlapping = next.map((e) =>
      e.appliesTo === 'new' && e.fromOn === '2024-01-01' ? { ...e, toOn: '2026-06-30' } : e,
    );
    const refused = await put('city_admin', { version, epochs: overlapping });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('重叠');
    const saved = await put('city_admin', { version, epochs: next });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().every((e: { version: number }) => e.version === version + 1)).toBe(true);
    expect(
      saved.json().find((e: SubsidyEpoch) => e.fromOn === '2026-01-01' && e.appliesTo === 'new'),
    ).toMatchObject({
      rate: '0.6000',
      note: '2026 年起 60%',
    });
    // Saving over the version one saw before is refused: someone changed it since.
    expect((await put('city_admin', { version, epochs: next })).statusCode).toBe(409);
    // The older versions stay on record.
    const versions = await t.database.db
      .selectFrom('credit_subsidy_epoch')
      .select('version')
      .distinct()
      .execute();
    expect(versions.map((v) => v.version).sort()).toEqual([version, version + 1]);
  });
});
