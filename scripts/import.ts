import { createReadStream, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { closeDb } from "../db/client";
import { runAuditedImport } from "../db/import/audited-run";
import { runMigrations } from "../db/migrate";
import { contractSummary, type ImportSummary } from "../db/import/run";
import { ImportFileError } from "../lib/import/decode";
import { IMPORT_KINDS, isImportKind } from "../lib/import/kinds";
import { errorsCsv } from "../lib/import/errors-csv";
import { encodeCsv } from "../lib/csv";
import { NATIONAL } from "../lib/scope";
import { parseArgs, stringOption } from "./args";

// A batch job: no limit per statement unless DB_STATEMENT_TIMEOUT_MS is set (the server's default is 30 s).
process.env.DB_STATEMENT_TIMEOUT_MS ||= "0";

const USAGE =
  `usage: npm run import -- <${IMPORT_KINDS.join("|")}> <file> [--sheet NAME] [--dry-run] [--errors ` +
  `out.csv] [--json]`;

function printHuman(s: ImportSummary): void {
  const sheet = s.sheet
    ? ` sheet ${s.sheet}${s.sheets && s.sheets.length > 1 ? ` (of ${s.sheets.join(", ")})` : ""}`
    : "";
  console.log(
    `${s.dryRun ? "[dry run] " : ""}${s.kind} ${s.file} (${s.encoding}${sheet}): rows ${s.rows}, ` +
      `inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected}`,
  );
  for (const e of s.errors.slice(0, 50))
    console.log(`  ${e.cell ? `cell ${e.cell}` : `line ${e.row}`} ${e.column} "${e.value}": ${e.message}`);
  if (s.errors.length > 50) console.log(`  … and ${s.errors.length - 50} more (use --errors out.csv)`);
  if (s.errorsOmitted > 0) console.log(`  ${s.errorsOmitted} further errors were counted, not kept`);
}

/** Exit codes (contracts.md): 0 read (rows may be rejected), 2 the file is unusable, 1 any other failure. */
async function main(): Promise<number> {
  const { positional, options } = parseArgs(process.argv.slice(2));
  const [kind, file] = positional;
  if (!isImportKind(kind) || !file) {
    console.error(USAGE);
    return 1;
  }
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 2;
  }
  const json = options.has("json");
  // The command line is audited like an upload: the operating-system user and host stand for the person.
  const actor = {
    id: null,
    email: `cli:${process.env.USER ?? process.env.LOGNAME ?? "unknown"}@${os.hostname()}`,
    ip: null,
  };
  const run = { fileName: path.basename(file), dryRun: options.has("dry-run") };
  try {
    await runMigrations();
    const summary = await runAuditedImport({
      kind,
      fileName: run.fileName,
      actor: { ...actor, scope: NATIONAL },
      via: "cli",
      dryRun: run.dryRun,
      source: createReadStream(file, { highWaterMark: 256 * 1024 }),
      sheet: stringOption(options, "sheet"),
    });
    const errorsFile = stringOption(options, "errors");
    if (errorsFile) writeFileSync(errorsFile, encodeCsv(errorsCsv(summary.errors, summary.errorsOmitted), "utf-8"));
    if (json) {
      console.log(JSON.stringify(contractSummary(summary)));
    } else printHuman(summary);
    return 0;
  } catch (error) {
    if (error instanceof ImportFileError) {
      if (json)
        console.log(JSON.stringify({ kind, file: path.basename(file), error: error.reason, message: error.messageJa }));
      console.error(`refused: ${error.messageJa} (${error.message})`);
      return 2;
    }
    console.error("import failed; nothing was changed:", error);
    return 1;
  } finally {
    await closeDb();
  }
}

main().then((code) => process.exit(code));
