/**
 * Users (系统管理 › 用户): the example of the data-layer pattern. Query keys first, then one hook per read and
 * per write; every write invalidates what it changes, so a saved dialog refreshes its list and the record.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type User = ResponseOf<'/api/users/{id}', 'get'>;
export type UserList = ResponseOf<'/api/users', 'get'>;
export type UserSearch = QueryOf<'/api/users', 'get'>;
export type CreateUserBody = BodyOf<'/api/users', 'post'>;
export type UpdateUserBody = BodyOf<'/api/users/{id}', 'patch'>;

export const userKeys = {
  all: ['users'] as const,
  list: (search: UserSearch) => ['users', 'list', search] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

export function useUsers(search: UserSearch) {
  return useQuery({
    queryKey: userKeys.list(search),
    queryFn: ({ signal }) => call(client.GET('/api/users', { params: { query: search }, signal })),
    // Paging keeps the current rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => call(client.POST('/api/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) =>
      call(client.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      call(client.POST('/api/users/{id}/reset-password', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** The current copy of one user, read fresh (after a conflict, to show what the other person saved). */
export function useFetchUser() {
  const queryClient = useQueryClient();
  return (id: number) =>
    queryClient.fetchQuery({
      queryKey: userKeys.detail(id),
      queryFn: ({ signal }) => call(client.GET('/api/users/{id}', { params: { path: { id } }, signal })),
      staleTime: 0,
    });
}
