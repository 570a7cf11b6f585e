/**
 * Connection funds (衔接资金): allocations received, lines putting them on projects, payments, the live progress
 * and the monthly bulletin. Every write changes the allocations' unallocated balance and the progress/bulletin
 * figures (`fundKeys.all`, the workbench's funds card included), and a line or a payment changes its project
 * (`projectKeys.all`). A payment import's check (预检) writes nothing and refreshes nothing.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client, fileBody } from '../api/client.js';
import type { BodyOf, ResponseOf } from '../api/contract.js';
import { projectKeys } from './projects.js';

export type Allocation = ResponseOf<'/api/fund-allocations', 'get'>[number];
export type AllocationInput = BodyOf<'/api/fund-allocations', 'post'>;
export type FundLineInput = BodyOf<'/api/fund-allocations/{id}/lines', 'post'>;
export type PaymentInput = BodyOf<'/api/fund-payments', 'post'>;
export type FundBulletin = ResponseOf<'/api/fund-bulletins/{period}', 'get'>;
export type PaymentImportResult = ResponseOf<'/api/fund-payments/import', 'post'>;
export type FundOverview = ResponseOf<'/api/funds/overview', 'get'>;

export const fundKeys = {
  all: ['funds'] as const,
  allocations: (year: number | undefined) => ['funds', 'allocations', year ?? null] as const,
  bulletin: (period: string) => ['funds', 'bulletin', period] as const,
  overview: (year: number | undefined) => ['funds', 'overview', year ?? null] as const,
};

/** The year's money in the user's scope (the workbench and big-screen card); `enabled` for who may read it. */
export function useFundOverview(year: number | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: fundKeys.overview(year),
    queryFn: ({ signal }) => call(client.GET('/api/funds/overview', { params: { query: { year } }, signal })),
    enabled: options.enabled ?? true,
  });
}

/**
 * Sends a payment file: `dryRun` only checks it (预检); otherwise nothing is written when a row is bad unless
 * `skipBadRows`. An import that wrote payments changes the figures and the projects.
 */
export function useImportPayments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, skipBadRows, dryRun }: { file: File; skipBadRows: boolean; dryRun: boolean }) =>
      call(
        client.POST('/api/fund-payments/import', {
          params: {
            query: { skipBadRows: skipBadRows ? 'true' : 'false', dryRun: dryRun ? 'true' : 'false' },
          },
          ...fileBody(file),
        }),
      ),
    onSuccess: (result) =>
      result.imported > 0
        ? Promise.all([
            queryClient.invalidateQueries({ queryKey: fundKeys.all }),
            queryClient.invalidateQueries({ queryKey: projectKeys.all }),
          ])
        : undefined,
  });
}

/** The payment file's columns, as an empty CSV to fill in. */
export const paymentTemplateUrl = apiUrl('/api/fund-payments/template.csv');

export function useAllocations(year: number | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: fundKeys.allocations(year),
    queryFn: ({ signal }) =>
      call(client.GET('/api/fund-allocations', { params: { query: { year } }, signal })),
    enabled: options.enabled ?? true,
  });
}

/** The month's bulletin: the issued (frozen) one when there is one, else the live figures. */
export function useFundBulletin(period: string) {
  return useQuery({
    queryKey: fundKeys.bulletin(period),
    queryFn: ({ signal }) =>
      call(client.GET('/api/fund-bulletins/{period}', { params: { path: { period } }, signal })),
  });
}

export function useCreateAllocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AllocationInput) => call(client.POST('/api/fund-allocations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fundKeys.all }),
  });
}

export function useAllocateToProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ allocationId, body }: { allocationId: number; body: FundLineInput }) =>
      call(client.POST('/api/fund-allocations/{id}/lines', { params: { path: { id: allocationId } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: fundKeys.all }),
        queryClient.invalidateQueries({ queryKey: projectKeys.all }),
      ]),
  });
}

export function useRecordPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentInput) => call(client.POST('/api/fund-payments', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: fundKeys.all }),
        queryClient.invalidateQueries({ queryKey: projectKeys.all }),
      ]),
  });
}

export function useIssueBulletin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => call(client.POST('/api/fund-bulletins', { body: { period } })),
    onSuccess: (bulletin, period) => {
      queryClient.setQueryData(fundKeys.bulletin(period), bulletin);
      return queryClient.invalidateQueries({ queryKey: fundKeys.all });
    },
  });
}

export const bulletinXlsxUrl = (period: string) => apiUrl(`/api/fund-bulletins/${period}/xlsx`);
export const bulletinDocxUrl = (period: string) => apiUrl(`/api/fund-bulletins/${period}/docx`);
