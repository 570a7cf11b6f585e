/**
 * The project library (项目库): the list by year, stage and name, one project with its steps and money, the
 * declaration, the change of a draft (a sent-back project) and the workflow steps. A step or a declaration changes the list and the project; money put on a
 * project (funds.ts) changes the project too, so those hooks invalidate `projectKeys.all` as well.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';

export type Project = ResponseOf<'/api/projects/{id}', 'get'>;
export type ProjectSearch = QueryOf<'/api/projects', 'get'>;
export type ProjectInput = BodyOf<'/api/projects', 'post'>;
export type ProjectAct = BodyOf<'/api/projects/{id}/actions', 'post'>;
export type ProjectUpdate = BodyOf<'/api/projects/{id}', 'put'>;

export const projectKeys = {
  all: ['projects'] as const,
  list: (search: ProjectSearch) => ['projects', 'list', search] as const,
  detail: (id: number) => ['projects', 'detail', id] as const,
};

export function useProjects(search: ProjectSearch) {
  return useQuery({
    queryKey: projectKeys.list(search),
    queryFn: ({ signal }) => call(client.GET('/api/projects', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => call(client.GET('/api/projects/{id}', { params: { path: { id } }, signal })),
  });
}

export function useDeclareProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectInput) => call(client.POST('/api/projects', { body })),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}

export function useProjectStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ProjectAct }) =>
      call(client.POST('/api/projects/{id}/actions', { params: { path: { id } }, body })),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}

/**
 * Saves a changed draft with the version the user saw: a 409 means someone saved first (the form reloads the
 * project and says so).
 */
export function useUpdateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ProjectUpdate }) =>
      call(client.PUT('/api/projects/{id}', { params: { path: { id } }, body })),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      return queryClient.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}
