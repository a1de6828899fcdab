import { postgresClient } from "../../db/client";
import { readConfig } from "../../lib/config";
import postgres from "postgres";
/**
 * What the socket of our own in db/client.ts buys: 30 small COPYs (2,000 rows each, in a transaction) and
 * 200 one-row queries on one connection, with our socket (Nagle's algorithm off) and with postgres-js's
 * own, twice each. Run: DATABASE_URL=… npx tsx scripts/bench/copy-socket.ts (only a temporary table is used).
 */
const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
async function measure(label: string, sql: postgres.Sql) {
  await sql`create temp table if not exists t (a int, b text)`;
  const data = Array.from(
    { length: 2000 },
    (_, i) => `${i},row ${i} with some text to make it longer than a packet\n`,
  ).join("");
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await sql.begin(async (tx) => {
      const w = await tx`copy t from stdin with (format csv)`.writable();
      await new Promise<void>((res, rej) => {
        w.on("finish", res);
        w.on("error", rej);
        w.end(data);
      });
      await tx`select count(*) from t`;
    });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await sql`select ${i}::int as x, now()`;
    q.push(performance.now() - t);
  }
  q.sort((a, b) => a - b);
  console.log(label, "copy p50", times[15].toFixed(1), "ms; query p50", q[100].toFixed(2), "ms");
  await sql.end();
}
const config = readConfig({ DATABASE_URL: url });
for (let r = 0; r < 2; r++) {
  await measure("own socket (noDelay)", postgresClient(url, config, { max: 1 }));
  await measure("postgres-js socket  ", postgresClient(url, config, { max: 1, socket: undefined } as never));
}
