import type { ja } from "../ja";
import type { Shape } from "../shape";
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
export const enAreas = { common, account, dashboard, facilities, followUps, imports, report, admin, errors };

/** The English catalogue: the same areas and keys as the Japanese one (a missing key is a type error). */
export const en: Shape<typeof ja> = {
  ...common,
  ...account,
  ...dashboard,
  ...facilities,
  ...followUps,
  ...imports,
  ...report,
  ...admin,
  ...errors,
};
