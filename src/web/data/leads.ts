/**
 * Leads (线索): every signal that a household may be at risk (screening, a cadre, a department, a
 * self-declaration, a petition…), joined per household until a cadre verifies it at home and either closes it
 * or opens an identification case from it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type LeadList = ResponseOf<'/api/leads', 'get'>;
export type LeadItem = LeadList['items'][number];
export type LeadSearch = QueryOf<'/api/leads', 'get'>;
export type LeadDetail = ResponseOf<'/api/leads/{id}', 'get'>;
export type LeadSignal = LeadDetail['signals'][number];
export type LeadCreateBody = BodyOf<'/api/leads', 'post'>;
export type LeadCloseBody = BodyOf<'/api/leads/{id}/close', 'post'>;
export type LeadOpenCaseBody = BodyOf<'/api/leads/{id}/case', 'post'>;
export type LeadRegisterBody = BodyOf<'/api/leads/register', 'post'>;

export const leadKeys = {
  all: ['leads'] as const,
  list: (search: LeadSearch) => ['leads', 'list', search] as const,
  detail: (id: number) => ['leads', 'detail', id] as const,
};

export function useLeads(search: LeadSearch) {
  return useQuery({
    queryKey: leadKeys.list(search),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(client.GET('/api/leads', { params: { query: search }, signal })),
  });
}

/** One lead with its signals; idle while no lead is chosen. */
export function useLead(id: number | null) {
  return useQuery({
    queryKey: leadKeys.detail(id ?? 0),
    enabled: id !== null,
    queryFn: ({ signal }) =>
      call(client.GET('/api/leads/{id}', { params: { path: { id: id ?? 0 } }, signal })),
  });
}

/**
 * A lead changes what the household page shows (its open leads) and the workbench counts, so every lead write
 * refreshes households too.
 */
function useInvalidateLeads() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: leadKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['households'] }),
    ]);
}

export function useReportLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (body: LeadCreateBody) => call(client.POST('/api/leads', { body })),
    onSuccess: () => invalidate(),
  });
}

/** A petition (信访) or public-opinion item (舆情) registered as a lead on the household. */
export function useRegisterLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: (body: LeadRegisterBody) => call(client.POST('/api/leads/register', { body })),
    onSuccess: () => invalidate(),
  });
}

/** Verified at home and not at risk: closed with the reason. */
export function useCloseLead() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: LeadCloseBody }) =>
      call(client.POST('/api/leads/{id}/close', { params: { path: { id } }, body })),
    onSuccess: (lead) => {
      queryClient.setQueryData(leadKeys.detail(lead.id), lead);
      return invalidate();
    },
  });
}

/** Verified at home and at risk: an identification case opened from the lead (the case list changes too). */
export function useOpenCaseFromLead() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: LeadOpenCaseBody }) =>
      call(client.POST('/api/leads/{id}/case', { params: { path: { id } }, body })),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: ['cases'] })]),
  });
}
