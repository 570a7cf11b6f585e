import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';
import { download } from '../http/download.js';
import { authErrors, ZError, ZPage } from '../schemas/common.schema.js';
import {
  ZBank,
  ZBankFile,
  ZBankFileList,
  ZBankFileQuery,
  ZBankFileResult,
  ZBankInput,
  ZDaysPastDue,
  ZIndicatorQuery,
  ZIndicators,
  ZLoanApplication,
  ZLoanDetail,
  ZLoanId,
  ZLoanList,
  ZLoanListQuery,
  ZLoanStep,
  ZRepayment,
  ZRiskFund,
  ZRiskFundDeposit,
  ZRiskFundDeposited,
  ZSubsidyEpoch,
  ZSubsidyLedger,
  ZSubsidyLedgerQuery,
  ZSubsidyScheduleUpdate,
} from '../schemas/credit.schema.js';
import type { Services } from '../services/index.js';

const tags = ['microcredit'];
const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Microcredit (小额信贷): banks, loans and their lifecycle, bank reports and files, ledgers and indicators. */
export const creditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.credit;
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: 60 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/credit/banks',
      {
        config: { permission: 'credit.read' },
        schema: {
          summary: 'Banks lending in the caller’s counties (a bank user: its own)',
          tags,
          response: { 200: z.array(ZBank), ...authErrors },
        },
      },
      async (request) => s.banks(actorOf(request)),
    );

    app.post(
      '/credit/banks',
      {
        config: { permission: 'credit.manage' },
        schema: {
          summary: 'Add a bank (county branch) that lends in the county',
          tags,
          body: ZBankInput,
          response: { 200: ZBank, ...authErrors },
        },
      },
      async (request) => s.createBank(actorOf(request), request.body),
    );

    app.get(
      '/credit/subsidy-epochs',
      {
        config: { permission: 'credit.read' },
        schema: {
          summary: 'The interest-subsidy schedule in force (latest version): share of interest by period',
          tags,
          response: { 200: z.array(ZSubsidyEpoch), ...authErrors },
        },
      },
      async () => s.epochs(),
    );

    app.put(
      '/credit/subsidy-epochs',
      {
        config: { permission: 'credit.configure' },
        schema: {
          summary: 'A new version of the interest-subsidy schedule (checked for order, overlaps and gaps)',
          tags,
          body: ZSubsidyScheduleUpdate,
          response: { 200: z.array(ZSubsidyEpoch), ...authErrors },
        },
      },
      async (request) => s.updateEpochs(actorOf(request), request.body),
    );

    app.get(
      '/credit/loans',
      {
        config: { permission: 'credit.read' },
        schema: {
          summary: '小额信贷台账: loans in scope (a bank user: its bank’s), most days past due first',
          tags,
          querystring: ZLoanListQuery,
          response: { 200: ZLoanList, ...authErrors },
        },
      },
      async (request) => s.list(actorOf(request), request.query),
    );

    app.post(
      '/credit/loans',
      {
        config: { permission: 'credit.apply' },
        schema: {
          summary:
            'Record a household member’s loan application (eligibility, age 18–65, household cap, rate ≤ LPR)',
          tags,
          body: ZLoanApplication,
          response: { 200: ZLoanDetail, ...authErrors },
        },
      },
      async (request) => s.apply(actorOf(request), request.body),
    );

    app.get(
      '/credit/loans/:id',
      {
        config: { permission: 'credit.read' },
        schema: {
          summary: 'One loan with its lifecycle events, repayments, DPD history and this year’s subsidy',
          tags,
          params: ZLoanId,
          response: { 200: ZLoanDetail, ...authErrors },
        },
      },
      async (request) => s.get(actorOf(request), request.params.id),
    );

    app.post(
      '/credit/loans/:id/steps',
      {
        config: { permission: 'credit.act' },
        schema: {
          summary:
            'Take a lifecycle step (endorse, rate, approve, refuse, disburse, renew, extend, compensate, …)',
          description: 'The loan state machine names who takes each step; a stale version gets 409.',
          tags,
          params: ZLoanId,
          body: ZLoanStep,
          response: { 200: ZLoanDetail, ...authErrors },
        },
      },
      async (request) => s.act(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/credit/loans/:id/repayments',
      {
        config: { permission: 'credit.bank' },
        schema: {
          summary: 'The bank reports a repayment; a loan repaid in full is settled',
          tags,
          params: ZLoanId,
          body: ZRepayment,
          response: { 200: ZLoanDetail, ...authErrors },
        },
      },
      async (request) => s.repay(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/credit/loans/:id/days-past-due',
      {
        config: { permission: 'credit.bank' },
        schema: {
          summary: 'The bank reports days past due; the bucket move is kept as history',
          tags,
          params: ZLoanId,
          body: ZDaysPastDue,
          response: { 200: ZLoanDetail, ...authErrors },
        },
      },
      async (request) => s.reportDaysPastDue(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/credit/bank-files',
      {
        config: { permission: 'credit.bank' },
        bodyLimit: 60 * 1024 * 1024,
        schema: {
          summary: 'Import a bank’s repayment and days-past-due file (.xlsx or .csv), matched by ID number',
          description:
            'With any refused or unmatched row nothing is taken, unless skipBadRows=true. The same file is taken once.',
          tags,
          querystring: ZBankFileQuery,
          response: { 200: ZBankFileResult, 413: ZError, 415: ZError, ...authErrors },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new AppError('VALIDATION', '请上传文件（请求体为 .xlsx 或 .csv 文件内容）');
        }
        return s.importBankFile(actorOf(request), { ...request.query, file: request.body });
      },
    );

    app.get(
      '/credit/bank-files',
      {
        config: { permission: 'credit.read' },
        schema: {
          summary: 'Bank files: a bank user sees its own, the bureau those of banks in its counties',
          tags,
          querystring: ZPage,
          response: { 200: ZBankFileList, ...authErrors },
        },
      },
      async (request) => s.files(actorOf(request), request.query),
    );

    app.get(
      '/credit/bank-files/template',
      {
        config: { permission: 'credit.read' },
        schema: { summary: 'The bank file layout as an empty CSV', tags },
      },
      async (_request, reply) =>
        download(reply, '小额信贷还款模板.csv', 'text/csv; charset=utf-8').send(
          Buffer.from(s.template(), 'utf8'),
        ),
    );

    app.get(
      '/credit/bank-files/:id',
      {
        config: { permission: 'credit.read' },
        schema: {
          summary: 'One bank file with its counts and every refused row',
          tags,
          params: ZLoanId,
          response: { 200: ZBankFile, ...authErrors },
        },
      },
      async (request) => s.file(actorOf(request), request.params.id),
    );

    app.get(
      '/credit/indicators',
      {
        config: { permission: 'credit.report' },
        schema: {
          summary:
            '获贷率, balance, overdue and NPL rates per township and village, with the 5 % / 7 % breakers',
          tags,
          querystring: ZIndicatorQuery,
          response: { 200: ZIndicators, ...authErrors },
        },
      },
      async (request) => s.indicators(actorOf(request), request.query.regionCode),
    );

    app.get(
      '/credit/subsidy-ledger',
      {
        config: { permission: 'credit.read' },
        schema: {
          summary:
            '贴息台账 of a quarter: per loan interest, subsidisable interest and subsidy by policy epoch',
          tags,
          querystring: ZSubsidyLedgerQuery,
          response: { 200: ZSubsidyLedger, ...authErrors },
        },
      },
      async (request) => s.subsidyLedger(actorOf(request), request.query),
    );

    app.get(
      '/credit/risk-fund',
      {
        config: { permission: 'credit.report' },
        schema: {
          summary: '风险补偿金 ledger: balance per county, deposits, compensations and recoveries',
          tags,
          querystring: ZPage,
          response: { 200: ZRiskFund, ...authErrors },
        },
      },
      async (request) => s.riskFund(actorOf(request), request.query),
    );

    app.post(
      '/credit/risk-fund',
      {
        config: { permission: 'credit.manage' },
        schema: {
          summary: 'Record money paid into the county’s risk compensation fund',
          tags,
          body: ZRiskFundDeposit,
          response: { 200: ZRiskFundDeposited, ...authErrors },
        },
      },
      async (request) => s.deposit(actorOf(request), request.body),
    );
  };
