import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import { getDriver } from "./client";
import type { Executor } from "./executor";

/**
 * Bulk loading with COPY on both drivers (stack-notes §3: COPY is 2–3× faster than multi-row inserts, and
 * drizzle's builder is far slower still). Rows are turned into CSV here and streamed: postgres-js through
 * `COPY … FROM STDIN`, PGlite through `COPY … FROM '/dev/blob'` a chunk at a time.
 */

/** A transaction that can run plain SQL (an Executor, so db/queries helpers accept it) and COPY into it. */
export type BulkTx = Executor & { readonly target: CopyTarget };

type CopyTarget = { kind: "postgres"; sql: postgres.TransactionSql } | { kind: "pglite"; tx: Transaction | PGlite };

/**
 * Rows one by one, or (for a long stream) arrays of rows as they are produced: one await per array; or
 * arrays of rows already written as CSV lines (`csvLine`'s format, each ending in a line break).
 */
export type RowSource =
  | Iterable<readonly unknown[]>
  | AsyncIterable<readonly unknown[]>
  | { batches: AsyncIterable<readonly (readonly unknown[])[]> }
  | { lines: AsyncIterable<readonly string[]> };

export interface CopyOptions {
  /** Rough size of one CSV chunk (one COPY statement on PGlite, one write on PostgreSQL). */
  chunkBytes?: number;
}

/**
 * One CSV field as PostgreSQL's CSV format reads it: null is an unquoted empty field, '' is `""`. A JS array
 * becomes an array literal (text[], int[]); any other object becomes JSON (pass a JSON array as a string).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`cannot COPY the number ${value}`);
      return String(value);
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "t" : "f";
    default:
      if (value instanceof Date) return quote(value.toISOString());
      if (Array.isArray(value)) return quote(arrayLiteral(value));
      return quote(JSON.stringify(value)); // json / jsonb columns
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

// Quoted when it holds a comma, a quote or a line break, or would read otherwise bare: the empty string
// (bare, NULL) and `\.` (bare, the end of the data). Most text goes bare: a new string per field for
// the quotes was a tenth of a national import's reading time.
function quote(text: string): string {
  if (text !== "" && text !== "\\." && !NEEDS_QUOTES.test(text)) return text;
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

/** A one-dimensional PostgreSQL array literal ({"a","b",NULL}) for text[] / int[] columns. */
function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((item) => {
    if (item === null || item === undefined) return "NULL";
    const text = String(item);
    return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  });
  return `{${parts.join(",")}}`;
}

export function csvLine(row: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < row.length; i++) line += (i === 0 ? "" : ",") + csvField(row[i]);
  return line + "\n";
}

/** Groups rows into CSV text chunks of about `chunkBytes` characters, counting the rows in `tally`. */
async function* csvChunks(
  rows: RowSource,
  width: number,
  chunkBytes: number,
  tally: { rows: number },
): AsyncGenerator<string> {
  let chunk = "";
  const add = (row: readonly unknown[]) => {
    if (row.length !== width) throw new Error(`row ${tally.rows + 1} has ${row.length} values for ${width} columns`);
    chunk += csvLine(row);
    tally.rows++;
  };
  // A plain iterable is read synchronously: an await per row would cost more than the CSV itself.
  if ("lines" in rows) {
    for await (const lines of rows.lines) {
      for (const line of lines) {
        chunk += line;
        tally.rows++;
        if (chunk.length >= chunkBytes) {
          yield chunk;
          chunk = "";
        }
      }
    }
  } else if ("batches" in rows) {
    for await (const batch of rows.batches) {
      for (const row of batch) {
        add(row);
        if (chunk.length >= chunkBytes) {
          yield chunk;
          chunk = "";
        }
      }
    }
  } else if (Symbol.asyncIterator in rows) {
    for await (const row of rows) {
      add(row);
      if (chunk.length >= chunkBytes) {
        yield chunk;
        chunk = "";
      }
    }
  } else {
    for (const row of rows) {
      add(row);
      if (chunk.length >= chunkBytes) {
        yield chunk;
        chunk = "";
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copyStatement(table: string, columns: readonly string[], from: string): string {
  const qualified = table.split(".").map(identifier).join(".");
  return `copy ${qualified} (${columns.map(identifier).join(", ")}) from ${from} with (format csv)`;
}

/**
 * Streams CSV chunks into `COPY … FROM STDIN`. postgres-js 3.4.9 never settles the writable when the server
 * rejects the data after the last chunk was sent (porsager/postgres#1173: a bad row or a duplicate key
 * would hang the load and leave the transaction open), so the server's error is caught where the library
 * reports it, on the query, and used to fail the stream; the caller's transaction then rolls back.
 */
async function copyFromStdin(
  sql: postgres.TransactionSql,
  statement: string,
  chunks: AsyncIterable<string>,
): Promise<void> {
  const query = sql.unsafe(statement);
  const settle = query as unknown as { reject: (error: unknown) => void };
  const reject = settle.reject;
  const copy: { stream?: Writable } = {};
  settle.reject = (error) => {
    copy.stream?.destroy(error instanceof Error ? error : new Error(String(error)));
    reject(error);
  };
  copy.stream = await query.writable();
  await pipeline(Readable.from(chunks, { objectMode: false }), copy.stream);
}

/** Loads rows into `table` (`columns` in row order) inside the transaction; returns the number of rows. */
export async function copyInto(
  tx: BulkTx,
  table: string,
  columns: readonly string[],
  rows: RowSource,
  options: CopyOptions = {},
): Promise<number> {
  const tally = { rows: 0 };
  const target = tx.target;
  if (target.kind === "postgres") {
    const chunks = csvChunks(rows, columns.length, options.chunkBytes ?? 1 << 20, tally);
    await copyFromStdin(target.sql, copyStatement(table, columns, "stdin"), chunks);
  } else {
    // Each chunk is its own COPY: PGlite reads the blob whole, so chunks bound the memory it needs.
    for await (const chunk of csvChunks(rows, columns.length, options.chunkBytes ?? 4 << 20, tally)) {
      await target.tx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([chunk]) });
    }
  }
  return tally.rows;
}

/**
 * For loading into empty tables (the PostgreSQL manual's "Populating a Database"): drops the tables'
 * secondary indexes and foreign keys, runs `work`, then recreates them from their saved definitions. A sorted
 * index build and one validating join are far cheaper than maintaining both row by row. Inside the
 * caller's transaction, so a failure puts everything back.
 */
export async function withIndexesRebuiltAfter<T>(
  tx: BulkTx,
  tables: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  // Indexes that back a constraint (primary keys, unique constraints) stay: foreign keys may depend on them.
  const indexes = await tx.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     where i.indrelid = any (select to_regclass(t) from unnest($1::text[]) as t)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [tables],
  );
  return withForeignKeysCheckedAfter(tx, tables, async () => {
    for (const index of indexes) await tx.query(`drop index ${index.name}`);
    const result = await work();
    for (const index of indexes) await tx.query(index.definition);
    return result;
  });
}

/**
 * Drops the tables' foreign keys, runs `work`, then adds them back: one validating join instead of a
 * check per row (for a national facility list, a per-row check made the load 2.6 s instead of 1.8 s).
 * Only keys of tables the connected role owns: the application's runtime role owns none (see db/roles.ts),
 * so under it the keys stay and are checked row by row.
 * Inside the caller's transaction, so a failure puts everything back. Dropping a key locks both its tables
 * until the transaction ends: for a first facility list, import_batches too, so another upload's batch row
 * (and the import history page) waits for that load to commit.
 */
export async function withForeignKeysCheckedAfter<T>(
  tx: BulkTx,
  tables: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const foreignKeys = await tx.query<{ tableName: string; name: string; definition: string }>(
    `select c.conrelid::regclass::text as "tableName", c.conname as name, pg_get_constraintdef(c.oid) as definition
     from pg_constraint c
     where c.contype = 'f' and c.conrelid = any (select to_regclass(t) from unnest($1::text[]) as t)
       and pg_has_role((select relowner from pg_class where oid = c.conrelid), 'USAGE')`,
    [tables],
  );
  for (const fk of foreignKeys) await tx.query(`alter table ${fk.tableName} drop constraint ${identifier(fk.name)}`);
  const result = await work();
  if (foreignKeys.length === 0) return result;
  // The check's plan follows the table's statistics, which describe it before the load (after a reset, rows
  // that had no batch): then it probed the referenced key once per row, 230,000 times (0.15 s), where one
  // hashed join takes 0.05 s. Nested loops are off for the checks only; the caller's setting is put back.
  await withSetting(tx, "enable_nestloop", "off", async () => {
    for (const fk of foreignKeys)
      await tx.query(`alter table ${fk.tableName} add constraint ${identifier(fk.name)} ${fk.definition}`);
  });
  return result;
}

function executorFor(target: CopyTarget): BulkTx {
  if (target.kind === "postgres") {
    return {
      driver: "postgres",
      target,
      async query<T>(text: string, params: unknown[] = []) {
        return (await target.sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
      },
    };
  }
  return {
    driver: "pglite",
    target,
    async query<T>(text: string, params: unknown[] = []) {
      return (await target.tx.query<T>(text, params)).rows;
    },
  };
}

/**
 * Runs `work` in one transaction on the current driver; a throw rolls everything back, and so does
 * `rollback: true` after success (dry runs). On PGlite only the transaction's own handle is used inside
 * (the outer one would deadlock).
 */
export async function withBulkTransaction<T>(
  work: (tx: BulkTx) => Promise<T>,
  options: { rollback?: boolean } = {},
): Promise<T> {
  const driver = getDriver();
  const DRY = Symbol("dry-run");
  let result: T | undefined;
  const run = async (tx: BulkTx) => {
    result = await work(tx);
    if (options.rollback) throw DRY;
  };
  try {
    if (driver.kind === "postgres") await driver.sql.begin((sql) => run(executorFor({ kind: "postgres", sql })));
    else await driver.pg.transaction((tx) => run(executorFor({ kind: "pglite", tx })));
  } catch (error) {
    if (error !== DRY) throw error;
  }
  return result as T;
}

/**
 * Runs `work` with one setting of the planner changed for the caller's transaction, then puts back what the
 * caller had (on a throw the transaction is lost anyway).
 */
export async function withSetting<T>(tx: Executor, name: string, value: string, work: () => Promise<T>): Promise<T> {
  const [{ before }] = await tx.query<{ before: string }>(
    "select current_setting($1) as before, set_config($1, $2, true)",
    [name, value],
  );
  const result = await work();
  await tx.query("select set_config($1, $2, true)", [name, before]);
  return result;
}
