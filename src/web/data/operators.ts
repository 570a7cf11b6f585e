/** The operator registry (经营主体): list, one operator, register and edit; writes refresh the lists. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type Operator = ResponseOf<'/api/operators/{id}', 'get'>;
export type OperatorSearch = QueryOf<'/api/operators', 'get'>;
export type CreateOperatorBody = BodyOf<'/api/operators', 'post'>;
export type UpdateOperatorBody = BodyOf<'/api/operators/{id}', 'patch'>;

export const operatorKeys = {
  all: ['operators'] as const,
  list: (search: OperatorSearch) => ['operators', 'list', search] as const,
  detail: (id: number) => ['operators', 'detail', id] as const,
};

export function useOperators(search: OperatorSearch) {
  return useQuery({
    queryKey: operatorKeys.list(search),
    queryFn: ({ signal }) => call(client.GET('/api/operators', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One operator, kept fresh: a saved edit or workshop profile shows in an open drawer at once. */
export function useOperator(id: number | null) {
  return useQuery({
    queryKey: operatorKeys.detail(id ?? 0),
    queryFn: ({ signal }) =>
      call(client.GET('/api/operators/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== null,
  });
}

export function useCreateOperator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOperatorBody) => call(client.POST('/api/operators', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKeys.all }),
  });
}

export function useUpdateOperator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateOperatorBody }) =>
      call(client.PATCH('/api/operators/{id}', { params: { path: { id } }, body })),
    onSuccess: (operator) => {
      queryClient.setQueryData(operatorKeys.detail(operator.id), operator);
      return queryClient.invalidateQueries({ queryKey: operatorKeys.all });
    },
  });
}

/** The current copy of one operator, read fresh (after a conflict, to show what the other person saved). */
export function useFetchOperator() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: operatorKeys.detail(id),
      queryFn: ({ signal }) => call(client.GET('/api/operators/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}

export type WorkshopBody = BodyOf<'/api/operators/{id}/workshop', 'put'>;

export function useSaveWorkshop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: WorkshopBody }) =>
      call(client.PUT('/api/operators/{id}/workshop', { params: { path: { id } }, body })),
    onSuccess: (operator) => {
      queryClient.setQueryData(operatorKeys.detail(operator.id), operator);
      return queryClient.invalidateQueries({ queryKey: operatorKeys.all });
    },
  });
}
