/** "四查四促" campaigns (sample, checks, findings) and 帮扶龙头企业 figures and status. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type Campaign = ResponseOf<'/api/linkage-checks', 'get'>['items'][number];
export type CampaignDetail = ResponseOf<'/api/linkage-checks/{id}', 'get'>;
export type SampledAgreement = CampaignDetail['sample'][number];
export type Finding = CampaignDetail['findings'][number];
export type CheckDetail = ResponseOf<'/api/linkage-checks/{id}/agreements/{agreementId}', 'get'>;
export type CreateCampaignBody = BodyOf<'/api/linkage-checks', 'post'>;
export type UpdateCampaignBody = BodyOf<'/api/linkage-checks/{id}', 'patch'>;
export type CheckBody = BodyOf<'/api/linkage-checks/{id}/agreements/{agreementId}/check', 'put'>;
export type FindingActionBody = BodyOf<'/api/linkage-check-findings/{id}/{action}', 'post'>;
export type LeadList = ResponseOf<'/api/lead-enterprises', 'get'>;
export type LeadItem = LeadList['items'][number];
export type LeadSearch = QueryOf<'/api/lead-enterprises', 'get'>;
export type CriteriaBody = BodyOf<'/api/lead-enterprises/criteria', 'put'>;

export const linkageCheckKeys = {
  all: ['linkage-checks'] as const,
  list: (year: number | undefined) => ['linkage-checks', 'list', year] as const,
  detail: (id: number) => ['linkage-checks', 'detail', id] as const,
  check: (id: number, agreementId: number) => ['linkage-checks', 'check', id, agreementId] as const,
  leads: (search: LeadSearch) => ['lead-enterprises', search] as const,
};

export function useCampaigns(year: number | undefined) {
  return useQuery({
    queryKey: linkageCheckKeys.list(year),
    queryFn: ({ signal }) => call(client.GET('/api/linkage-checks', { params: { query: { year } }, signal })),
  });
}

export function useCampaign(id: number | null) {
  return useQuery({
    queryKey: linkageCheckKeys.detail(id ?? 0),
    queryFn: ({ signal }) =>
      call(client.GET('/api/linkage-checks/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== null,
  });
}

export function useCheckView(campaignId: number | null, agreementId: number | null) {
  return useQuery({
    queryKey: linkageCheckKeys.check(campaignId ?? 0, agreementId ?? 0),
    queryFn: ({ signal }) =>
      call(
        client.GET('/api/linkage-checks/{id}/agreements/{agreementId}', {
          params: { path: { id: campaignId ?? 0, agreementId: agreementId ?? 0 } },
          signal,
        }),
      ),
    enabled: campaignId !== null && agreementId !== null,
  });
}

/** Every write refreshes the campaigns, the open check and the lead-enterprise figures. */
function useCheckWrite<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: linkageCheckKeys.all }),
  });
}

export const useCreateCampaign = () =>
  useCheckWrite((body: CreateCampaignBody) => call(client.POST('/api/linkage-checks', { body })));

export const useUpdateCampaign = () =>
  useCheckWrite(({ id, body }: { id: number; body: UpdateCampaignBody }) =>
    call(client.PATCH('/api/linkage-checks/{id}', { params: { path: { id } }, body })),
  );

export const useAddToSample = () =>
  useCheckWrite(({ id, agreementId }: { id: number; agreementId: number }) =>
    call(client.POST('/api/linkage-checks/{id}/sample', { params: { path: { id } }, body: { agreementId } })),
  );

export const useSaveCheck = () =>
  useCheckWrite(({ id, agreementId, body }: { id: number; agreementId: number; body: CheckBody }) =>
    call(
      client.PUT('/api/linkage-checks/{id}/agreements/{agreementId}/check', {
        params: { path: { id, agreementId } },
        body,
      }),
    ),
  );

export const useFindingAction = () =>
  useCheckWrite(
    ({
      id,
      action,
      body,
    }: {
      id: number;
      action: 'rectify' | 'verify' | 'reopen';
      body: FindingActionBody;
    }) =>
      call(
        client.POST('/api/linkage-check-findings/{id}/{action}', { params: { path: { id, action } }, body }),
      ),
  );

export function useLeadEnterprises(search: LeadSearch, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: linkageCheckKeys.leads(search),
    queryFn: ({ signal }) => call(client.GET('/api/lead-enterprises', { params: { query: search }, signal })),
    enabled: options.enabled ?? true,
  });
}

export function useSaveCriteria() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CriteriaBody) => call(client.PUT('/api/lead-enterprises/criteria', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['lead-enterprises'] }),
  });
}

export const campaignLedgerUrl = (id: number) => apiUrl(`/api/linkage-checks/${id}/ledger.xlsx`, {});
