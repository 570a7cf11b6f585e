/**
 * Self-declarations (一码通): a farmer declares a difficulty on the public page his village's QR code opens
 * (no login), and looks it up by reference and phone; staff link an unmatched declaration to its household or
 * close it with a reason.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl, call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type DeclarationList = ResponseOf<'/api/declarations', 'get'>;
export type Declaration = DeclarationList['items'][number];
export type DeclarationSearch = QueryOf<'/api/declarations', 'get'>;
export type DeclarationBody = BodyOf<'/api/public/declare/{code}', 'post'>;
export type DeclarationStatusBody = BodyOf<'/api/public/declarations/status', 'post'>;

export const declarationKeys = {
  all: ['declarations'] as const,
  list: (search: DeclarationSearch) => ['declarations', 'list', search] as const,
  village: (code: string) => ['declarations', 'village', code] as const,
};

export const declarationPhotoUrl = (id: number) => apiUrl(`/api/declarations/${id}/photo`);
export const villageQrUrl = (code: string) => apiUrl(`/api/declarations/qr/${code}`);

export function useDeclarations(search: DeclarationSearch) {
  return useQuery({
    queryKey: declarationKeys.list(search),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => call(client.GET('/api/declarations', { params: { query: search }, signal })),
  });
}

/** Settling a declaration raises (link) or drops (close) a lead on the household. */
function useInvalidateDeclarations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [declarationKeys.all, ['leads'], ['households']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

export function useLinkDeclaration() {
  const invalidate = useInvalidateDeclarations();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<'/api/declarations/{id}/link', 'post'> }) =>
      call(client.POST('/api/declarations/{id}/link', { params: { path: { id } }, body })),
    onSuccess: () => invalidate(),
  });
}

export function useCloseDeclaration() {
  const invalidate = useInvalidateDeclarations();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<'/api/declarations/{id}/close', 'post'> }) =>
      call(client.POST('/api/declarations/{id}/close', { params: { path: { id } }, body })),
    onSuccess: () => invalidate(),
  });
}

/** Public: the village a declaration page belongs to (its name only). */
export function useDeclarationVillage(code: string) {
  return useQuery({
    queryKey: declarationKeys.village(code),
    queryFn: ({ signal }) =>
      call(client.GET('/api/public/declare/{code}', { params: { path: { code } }, signal })),
  });
}

/** Public: a declaration sent from the village page; the answer carries its reference. */
export function useDeclare(code: string) {
  return useMutation({
    mutationFn: (body: DeclarationBody) =>
      call(client.POST('/api/public/declare/{code}', { params: { path: { code } }, body })),
  });
}

/** Public: where a declaration stands, looked up by reference and phone (a POST: the phone is not in a URL). */
export function useDeclarationStatus() {
  return useMutation({
    mutationFn: (body: DeclarationStatusBody) =>
      call(client.POST('/api/public/declarations/status', { body })),
  });
}
