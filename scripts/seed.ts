import { closeDb, driverName, getDb, pgliteDir } from "../db/client";
import { runMigrations } from "../db/migrate";
import { DatabaseNotEmptyError, seedNationalData } from "../db/seed";
import { resolveOptions } from "../db/seed/generate";
import { EVENT_STATES } from "../lib/states";
import { parseArgs, stringOption } from "./args";
import { DEMO_USERS, ensureDemoUsers } from "./demo-users";
import { generatePassword } from "../lib/password";

// A batch job: no limit per statement unless DB_STATEMENT_TIMEOUT_MS is set (the server's default is 30 s).
process.env.DB_STATEMENT_TIMEOUT_MS ||= "0";

const USAGE = "usage: npm run db:seed -- [--facilities N] [--seed S] [--as-of YYYY-MM-DD] [--reset]";

function wholeNumber(options: Map<string, string | true>, name: string): number | undefined {
  const raw = stringOption(options, name);
  if (options.has(name) && raw === undefined) throw new Error(`--${name} needs a value`);
  if (raw === undefined) return undefined;
  const value = Number(raw.replaceAll(/[,_]/g, ""));
  if (!Number.isInteger(value)) throw new Error(`--${name} must be a whole number (got ${raw})`);
  return value;
}

async function main() {
  const { options } = parseArgs(process.argv.slice(2));
  if (options.has("help")) {
    console.log(USAGE);
    return;
  }
  // Check the arguments before opening anything.
  const resolved = resolveOptions({
    facilities: wholeNumber(options, "facilities"),
    seed: wholeNumber(options, "seed"),
    asOf: stringOption(options, "as-of"),
  });
  const started = performance.now();
  const where = driverName() === "pglite" ? `embedded database in ${pgliteDir()}` : "PostgreSQL (DATABASE_URL)";
  console.log(
    `seeding ${resolved.facilities.toLocaleString("en-US")} facilities, seed ${resolved.seed}, ` +
      `as of ${resolved.asOf}, into the ${where}`,
  );
  await runMigrations();
  const result = await seedNationalData(getDb(), {
    ...resolved,
    reset: options.has("reset"),
    log: (line) => console.log(line),
  });

  const password = process.env.DEMO_PASSWORD || generatePassword();
  await ensureDemoUsers(getDb(), password);
  console.log(`demo users ${DEMO_USERS.map((u) => u.email).join(", ")} with password ${password}`);

  const total = (performance.now() - started) / 1000;
  console.log(
    `facilities ${result.facilities.toLocaleString("en-US")}, ` +
      `status events ${result.events.toLocaleString("en-US")}, filings ${result.filings.toLocaleString("en-US")}`,
  );
  console.log(`by status: ${EVENT_STATES.map((s) => `${s} ${result.byStatus[s].toLocaleString("en-US")}`).join(", ")}`);
  const t = result.timingsMs;
  console.log(
    `timings: generate ${(t.generate / 1000).toFixed(1)} s, write ${(t.write / 1000).toFixed(1)} s, ` +
      `analyze ${(t.analyze / 1000).toFixed(1)} s, total ${total.toFixed(1)} s`,
  );
}

main()
  .catch((error) => {
    if (error instanceof DatabaseNotEmptyError) console.error(`refused: ${error.message}`);
    else
      console.error(error instanceof Error && !(error as { code?: string }).code ? `error: ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
