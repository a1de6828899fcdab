import { createReadStream } from "node:fs";
import { closeDb } from "../../db/client";
import { runImport } from "../../db/import/run";
import { NATIONAL } from "../../lib/scope";

/**
 * One import in a process of its own, so that its time and its peak memory are the import's alone:
 * prints {"ms","rows","inserted","updated","unchanged","rejected","maxRssMb"}.
 */
async function main() {
  const file = process.argv[2];
  const started = performance.now();
  const s = await runImport({
    kind: "facilities",
    fileName: "national.csv",
    actor: { id: null, email: "bench", scope: NATIONAL },
    dryRun: false,
    source: createReadStream(file, { highWaterMark: 256 * 1024 }),
  });
  const ms = performance.now() - started;
  await closeDb();
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      ms,
      rows: s.rows,
      inserted: s.inserted,
      updated: s.updated,
      unchanged: s.unchanged,
      rejected: s.rejected,
      maxRssMb,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
