/**
 * Department feeds (部门数据): a department uploads a month's file of one feed type (the rows are matched to
 * persons and turned into alerts); the feeds sent and their feedback; the department's own headers for a feed
 * type, mapped once when a file's header did not match and saved per department and feed type; later files of
 * that type are read with them.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeedType } from '../../shared/feed-types.js';
import { apiUrl, call, client, fileBody } from '../api/client.js';
import type { BodyOf, QueryOf, ResponseOf } from '../api/contract.js';
import { alertKeys } from './alerts.js';

export type FeedColumnMap = ResponseOf<'/api/feeds/column-maps/{feedType}', 'get'>;
export type FeedColumnMapBody = BodyOf<'/api/feeds/column-maps/{feedType}', 'put'>;

export type FeedList = ResponseOf<'/api/feeds', 'get'>;
export type Feed = ResponseOf<'/api/feeds/{id}', 'get'>;
export type Feedback = ResponseOf<'/api/feeds/{id}/feedback', 'get'>;
export type FeedResult = ResponseOf<'/api/feeds/upload', 'post'>;
/** What the upload asks besides the file (its name is taken from the file). */
export type FeedUploadQuery = Omit<QueryOf<'/api/feeds/upload', 'post'>, 'filename'>;

export const feedKeys = {
  all: ['feeds'] as const,
  list: (page: number, pageSize: number) => ['feeds', 'list', page, pageSize] as const,
  detail: (id: number) => ['feeds', 'detail', id] as const,
  feedback: (id: number, page: number, pageSize: number) =>
    ['feeds', 'feedback', id, page, pageSize] as const,
  columnMap: (feedType: FeedType) => ['feeds', 'column-map', feedType] as const,
};

export function useFeedColumnMap(feedType: FeedType | undefined) {
  return useQuery({
    queryKey: feedKeys.columnMap(feedType ?? 'dibao'),
    enabled: feedType !== undefined,
    queryFn: ({ signal }) =>
      call(
        client.GET('/api/feeds/column-maps/{feedType}', {
          params: { path: { feedType: feedType ?? 'dibao' } },
          signal,
        }),
      ),
  });
}

export function useSaveFeedColumnMap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ feedType, body }: { feedType: FeedType; body: FeedColumnMapBody }) =>
      call(client.PUT('/api/feeds/column-maps/{feedType}', { params: { path: { feedType } }, body })),
    onSuccess: (_data, { feedType }) =>
      queryClient.invalidateQueries({ queryKey: feedKeys.columnMap(feedType) }),
  });
}

/** The feeds sent in the user's scope (a department sees its own), newest first. */
export function useFeeds(page: number, pageSize: number) {
  return useQuery({
    queryKey: feedKeys.list(page, pageSize),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(client.GET('/api/feeds', { params: { query: { page, pageSize } }, signal })),
  });
}

export function useFeed(id: number) {
  return useQuery({
    queryKey: feedKeys.detail(id),
    queryFn: ({ signal }) => call(client.GET('/api/feeds/{id}', { params: { path: { id } }, signal })),
  });
}

/** The outcome of every row one feed sent (反馈). */
export function useFeedback(id: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: feedKeys.feedback(id, page, pageSize),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        client.GET('/api/feeds/{id}/feedback', {
          params: { path: { id }, query: { page, pageSize } },
          signal,
        }),
      ),
  });
}

/**
 * Sends one file as the request body (the server detects its encoding). A refused file answers 200 with
 * `status: 'refused'` and its problems; the feeds and the alerts it raised change.
 */
export function useUploadFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, query }: { file: File; query: FeedUploadQuery }) =>
      call(
        client.POST('/api/feeds/upload', {
          params: { query: { ...query, filename: file.name } },
          ...fileBody(file),
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: feedKeys.all }),
        queryClient.invalidateQueries({ queryKey: alertKeys.all }),
      ]),
  });
}

/** The refused rows of one feed, as CSV. */
export const feedProblemsUrl = (id: number) => apiUrl(`/api/feeds/${id}/problems.csv`);
/** An empty workbook with the feed type's headers. */
export const feedTemplateUrl = (feedType: FeedType) => apiUrl(`/api/feeds/templates/${feedType}`);
/** The 脱贫 and 监测 lists for one department, in its layout (.xlsx). */
export const departmentListUrl = (department: string) => apiUrl('/api/department-lists', { department });
