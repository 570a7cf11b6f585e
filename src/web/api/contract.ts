/**
 * Names for the generated types, so pages and hooks say `ResponseOf<'/api/users/{id}', 'get'>` instead of
 * writing a shape by hand. Everything here is derived from `schema.gen.ts`; nothing is typed twice.
 */
import type { paths } from './schema.gen.js';

export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends Method> = paths[P][M];

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON of the success answer (200 or 201) of an operation. */
export type ResponseOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer OK }
      ? JsonOf<OK>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;

/** The JSON request body of an operation. */
export type BodyOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? JsonOf<NonNullable<B>>
    : never;

/** The query parameters of an operation. */
export type QueryOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;
