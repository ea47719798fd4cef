/**
 * A PostgreSQL array literal ('{"a","b",NULL}') for one text parameter: many rows go to
 * the server as one parameter per column (`unnest($1::uuid[], $2::bigint[], …)`) rather
 * than one per value, which costs both drivers far less to build and send, and reads
 * the same on PGlite and postgres.js. Every element is quoted, so any text is safe.
 */
export function pgArray(values: readonly (string | number | bigint | null | undefined)[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
