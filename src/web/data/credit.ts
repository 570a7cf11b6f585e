/**
 * Microcredit (小额信贷): loans through the §C4 lifecycle, repayments and days past due, bank files, the
 * indicators, the interest-subsidy ledger and the risk fund. A change to a loan (a step, a repayment, a bank file)
 * moves the lists, the indicators, the ledger and the overdue list, so those writes invalidate `creditKeys.all`.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client, fileBody } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type LoanList = ResponseOf<'/api/credit/loans', 'get'>;
export type Loan = LoanList['items'][number];
export type LoanSearch = QueryOf<'/api/credit/loans', 'get'>;
export type LoanDetail = ResponseOf<'/api/credit/loans/{id}', 'get'>;
export type LoanApplication = BodyOf<'/api/credit/loans', 'post'>;
export type LoanStep = BodyOf<'/api/credit/loans/{id}/steps', 'post'>;
export type LoanRepayment = BodyOf<'/api/credit/loans/{id}/repayments', 'post'>;
export type LoanDaysPastDue = BodyOf<'/api/credit/loans/{id}/days-past-due', 'post'>;
export type BankFileResult = ResponseOf<'/api/credit/bank-files', 'post'>;

export const creditKeys = {
  all: ['credit'] as const,
  banks: ['credit', 'banks'] as const,
  loans: (search: LoanSearch) => ['credit', 'loans', search] as const,
  loan: (id: number) => ['credit', 'loan', id] as const,
  files: (page: number) => ['credit', 'bank-files', page] as const,
  indicators: ['credit', 'indicators'] as const,
  ledger: (quarter: string | undefined, page: number) => ['credit', 'ledger', quarter ?? null, page] as const,
  riskFund: (page: number) => ['credit', 'risk-fund', page] as const,
  epochs: ['credit', 'subsidy-epochs'] as const,
};

export function useBanks() {
  return useQuery({
    queryKey: creditKeys.banks,
    queryFn: ({ signal }) => call(client.GET('/api/credit/banks', { signal })),
  });
}

export function useLoans(search: LoanSearch) {
  return useQuery({
    queryKey: creditKeys.loans(search),
    queryFn: ({ signal }) => call(client.GET('/api/credit/loans', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useLoan(id: number | null) {
  return useQuery({
    queryKey: creditKeys.loan(id ?? 0),
    queryFn: ({ signal }) =>
      call(client.GET('/api/credit/loans/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== null,
  });
}

export function useBankFiles(page: number) {
  return useQuery({
    queryKey: creditKeys.files(page),
    queryFn: ({ signal }) =>
      call(client.GET('/api/credit/bank-files', { params: { query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCreditIndicators() {
  return useQuery({
    queryKey: creditKeys.indicators,
    queryFn: ({ signal }) => call(client.GET('/api/credit/indicators', { signal })),
  });
}

export function useSubsidyLedger(quarter: string | undefined, page: number) {
  return useQuery({
    queryKey: creditKeys.ledger(quarter, page),
    queryFn: ({ signal }) =>
      call(
        client.GET('/api/credit/subsidy-ledger', {
          params: { query: { quarter, page, pageSize: 20 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRiskFund(page: number) {
  return useQuery({
    queryKey: creditKeys.riskFund(page),
    queryFn: ({ signal }) =>
      call(client.GET('/api/credit/risk-fund', { params: { query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Every loan write answers with the loan: keep it as the drawer's copy and refresh everything it moves. */
function useLoanWrite<V>(write: (vars: V) => Promise<LoanDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (loan) => {
      queryClient.setQueryData(creditKeys.loan(loan.id), loan);
      return queryClient.invalidateQueries({ queryKey: creditKeys.all });
    },
  });
}

export function useApplyLoan() {
  return useLoanWrite((body: LoanApplication) => call(client.POST('/api/credit/loans', { body })));
}

export function useLoanStep() {
  return useLoanWrite(({ id, body }: { id: number; body: LoanStep }) =>
    call(client.POST('/api/credit/loans/{id}/steps', { params: { path: { id } }, body })),
  );
}

export function useRecordRepayment() {
  return useLoanWrite(({ id, body }: { id: number; body: LoanRepayment }) =>
    call(client.POST('/api/credit/loans/{id}/repayments', { params: { path: { id } }, body })),
  );
}

export function useRecordDaysPastDue() {
  return useLoanWrite(({ id, body }: { id: number; body: LoanDaysPastDue }) =>
    call(client.POST('/api/credit/loans/{id}/days-past-due', { params: { path: { id } }, body })),
  );
}

export function useUploadBankFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, skipBadRows }: { file: File; skipBadRows: boolean }) =>
      call(
        client.POST('/api/credit/bank-files', {
          params: { query: { filename: file.name, skipBadRows: skipBadRows ? 'true' : 'false' } },
          ...fileBody(file),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: creditKeys.all }),
  });
}

export function useDepositRiskFund() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/credit/risk-fund', 'post'>) =>
      call(client.POST('/api/credit/risk-fund', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: creditKeys.all }),
  });
}

export const bankFileTemplateUrl = apiUrl('/api/credit/bank-files/template');

export type SubsidyEpoch = ResponseOf<'/api/credit/subsidy-epochs', 'get'>[number];
export type SubsidyScheduleBody = BodyOf<'/api/credit/subsidy-epochs', 'put'>;

/** The interest-subsidy schedule in force (its newest version). */
export function useSubsidyEpochs() {
  return useQuery({
    queryKey: creditKeys.epochs,
    queryFn: ({ signal }) => call(client.GET('/api/credit/subsidy-epochs', { signal })),
  });
}

/** A new schedule: the ledger's subsidies change with it, so every credit query refreshes. */
export function useUpdateSubsidyEpochs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubsidyScheduleBody) => call(client.PUT('/api/credit/subsidy-epochs', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: creditKeys.all }),
  });
}
