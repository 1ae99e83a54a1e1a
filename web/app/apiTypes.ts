/**
 * The types of API answers, taken from the server's own use cases instead of being written again by hand
 * (they drifted): `ApiResult<typeof getRound>` is what GET /api/par/rounds/:id sends. Type-only imports of
 * server code are erased at build time, so no server code reaches the browser; `Json` turns what the use case
 * returns into what JSON carries (dates as ISO strings).
 */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends readonly (infer U)[]
      ? readonly Json<U>[]
      : T extends Map<unknown, unknown>
        ? Record<string, never>
        : T extends object
          ? { [K in keyof T]: Json<T[K]> }
          : T;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ApiResult<F extends (...args: any[]) => unknown> = Json<Awaited<ReturnType<F>>>;

/** A procedure of the catalogue as GET /api/procedures lists it (staff list and the public search). */
export interface ProcedureItem {
  id: number;
  code: string;
  name: string;
  field: string;
  level: string;
  agency: string | null;
  limit: { value: number; unit: 'day' | 'hour' };
  onlineLevel: 'full' | 'partial' | 'none';
  fee: string | null;
}
