import { closeDb } from "../db/client";
import { checkDerived } from "../db/check";

// A batch job: no limit per statement unless DB_STATEMENT_TIMEOUT_MS is set (the server's default is 30 s).
process.env.DB_STATEMENT_TIMEOUT_MS ||= "0";

/**
 * npm run db:check [-- --json]: rebuilds the derived tables from the source data in a scratch schema
 * (rolled back; nothing is written) and compares them with the live ones. Exit 0 when they agree, 1 when
 * any differ (with examples), 2 when the check could not run.
 */
async function main() {
  const json = process.argv.includes("--json");
  const report = await checkDerived();
  if (json) console.log(JSON.stringify(report));
  else {
    for (const c of report.checks) {
      console.log(
        `${c.mismatched === 0 ? "ok  " : "DIFF"} ${c.table}: ${c.what}; ${c.rows} rows` +
          `${c.mismatched ? `, ${c.mismatched} differ` : ""}`,
      );
      for (const e of c.examples) console.log(`       ${e}`);
    }
    console.log(
      report.ok
        ? `derived data match the source data (${report.ms} ms)`
        : "derived data differ from the source data: rebuild them (see README, Backup and restore)",
    );
  }
  await closeDb();
  process.exit(report.ok ? 0 : 1);
}

main().catch(async (error) => {
  console.error("db:check could not run:", error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(2);
});
