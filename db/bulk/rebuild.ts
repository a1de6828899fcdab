import { sql } from "drizzle-orm";
import { arrayParam, withSetting, type Tx } from "../transaction";
import { identifier } from "./copy";

/**
 * For loading into empty tables (the PostgreSQL manual's "Populating a Database"): drops the tables'
 * secondary indexes and foreign keys (those of tables the connected role owns), runs `work`, then recreates
 * them from their saved definitions. A sorted
 * index build and one validating join are far cheaper than maintaining both row by row. Inside the
 * caller's transaction, so a failure puts everything back.
 */
export async function withIndexesRebuiltAfter<T>(
  tx: Tx,
  tables: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  // Indexes that back a constraint (primary keys, unique constraints) stay: foreign keys may depend on them.
  // So do those of tables the connected role does not own (it may not drop them; see below for keys).
  const indexes = await tx.query<{ name: string; definition: string }>(
    sql`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i
        where i.indrelid = any (select to_regclass(t) from unnest(${arrayParam(tables)}::text[]) as t)
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
          and pg_has_role((select relowner from pg_class where oid = i.indrelid), 'USAGE')`,
  );
  return withForeignKeysCheckedAfter(tx, tables, async () => {
    // The names and definitions are the catalogue's own text (regclass output is already quoted).
    for (const index of indexes) await tx.query(sql.raw(`drop index ${index.name}`));
    const result = await work();
    for (const index of indexes) await tx.query(sql.raw(index.definition));
    return result;
  });
}

/**
 * Drops the tables' foreign keys, runs `work`, then adds them back: one validating join instead of a
 * check per row, which loads a national facility list markedly faster.
 * Only keys of tables the connected role owns: the application's runtime role owns none (see db/roles.ts),
 * so under it the keys stay and are checked row by row.
 * Inside the caller's transaction, so a failure puts everything back. Dropping a key locks both its tables
 * until the transaction ends: for a first facility list, import_batches too, so another upload's batch row
 * (and the import history page) waits for that load to commit.
 */
export async function withForeignKeysCheckedAfter<T>(
  tx: Tx,
  tables: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const foreignKeys = await tx.query<{ tableName: string; name: string; definition: string }>(
    sql`select c.conrelid::regclass::text as "tableName", c.conname as name, pg_get_constraintdef(c.oid) as definition
        from pg_constraint c
        where c.contype = 'f'
          and c.conrelid = any (select to_regclass(t) from unnest(${arrayParam(tables)}::text[]) as t)
          and pg_has_role((select relowner from pg_class where oid = c.conrelid), 'USAGE')`,
  );
  for (const fk of foreignKeys)
    await tx.query(sql.raw(`alter table ${fk.tableName} drop constraint ${identifier(fk.name)}`));
  const result = await work();
  if (foreignKeys.length === 0) return result;
  // The check's plan follows the table's statistics, which describe it before the load (after a reset, rows
  // that had no batch): then it probed the referenced key once per row, 230,000 times, where one hashed join
  // is several times faster. Nested loops are off for the checks only; the caller's setting is put back.
  await withSetting(tx, "enable_nestloop", "off", async () => {
    for (const fk of foreignKeys)
      await tx.query(sql.raw(`alter table ${fk.tableName} add constraint ${identifier(fk.name)} ${fk.definition}`));
  });
  return result;
}
