import { account } from "./account";
import { admin } from "./admin";
import { common } from "./common";
import { dashboard } from "./dashboard";
import { errors } from "./errors";
import { facilities } from "./facilities";
import { followUps } from "./follow-ups";
import { imports } from "./imports";
import { report } from "./report";

/** Each area owns its keys (the areas' keys do not overlap; lib/i18n/catalogue.test.ts checks it). */
export const jaAreas = { common, account, dashboard, facilities, followUps, imports, report, admin, errors };

/** The Japanese catalogue: every area's keys, side by side. Its shape is the one English must match. */
export const ja = {
  ...common,
  ...account,
  ...dashboard,
  ...facilities,
  ...followUps,
  ...imports,
  ...report,
  ...admin,
  ...errors,
} as const;
