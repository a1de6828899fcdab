import { closeDb, getDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { unsafeUpsertUser, type Role } from "../db/queries/users";
import { generatePassword } from "../lib/password";
import { isPrefectureCode } from "../lib/prefectures";
import { parseArgs, stringOption } from "./args";

const USAGE = "usage: npm run user -- add --email E --role admin|editor|viewer [--prefectures 13,14] [--password P]";

async function main() {
  const { positional, options } = parseArgs(process.argv.slice(2));
  const email = stringOption(options, "email");
  const role = stringOption(options, "role") as Role | undefined;
  if (positional[0] !== "add" || !email || !role || !["admin", "editor", "viewer"].includes(role)) {
    console.error(USAGE);
    process.exit(2);
  }
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error(`not an e-mail address: ${email}`);
    process.exit(2);
  }
  const prefArg = stringOption(options, "prefectures");
  const prefectures = prefArg ? prefArg.split(",").map((p) => p.trim().padStart(2, "0")) : null;
  const bad = prefectures?.filter((p) => !isPrefectureCode(p)) ?? [];
  if (bad.length > 0) {
    console.error(`unknown prefecture codes: ${bad.join(", ")} (use JIS codes 01–47)`);
    process.exit(2);
  }
  const given = stringOption(options, "password");
  const password = given ?? generatePassword();
  await runMigrations();
  const { created } = await unsafeUpsertUser(getDb(), { email, role, prefectures, password });
  console.log(
    `${created ? "created" : "updated"} ${email.toLowerCase()} ` +
      `(${role}, ${prefectures ? prefectures.join(",") : "national"})`,
  );
  if (!given) console.log(`password: ${password}`);
  await closeDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
