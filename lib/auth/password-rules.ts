import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as japanese from "@zxcvbn-ts/language-ja";

/** Why a new password is refused; each has a message in the catalogue (admin.passwordRules). */
export type PasswordProblem = "too_short" | "too_long" | "contains_email" | "common";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * The strength estimator: zxcvbn-ts with its common dictionaries (leaked passwords, diceware words, keyboard
 * patterns) and its Japanese one (romanised words and names), built once per process. A password it
 * scores below 4 (guessable in under about 10^10 tries) counts as common: "Password2024!", "qwerty123456",
 * "sakura-sakura-1", dates, repeats and keyboard walks fail whatever their length.
 */
let estimator: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
  return (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...japanese.dictionary, app: APP_WORDS },
    graphs: common.adjacencyGraphs,
  }));
}

/** Words anyone attacking this service would try first. */
const APP_WORDS = [
  "online",
  "claims",
  "claim",
  "receipt",
  "rece",
  "hospital",
  "clinic",
  "pharmacy",
  "iryou",
  "seikyu",
  "mhlw",
  "kokuho",
  "shiharai",
  "kikin",
  "tracker",
];

const MIN_SCORE = 4;

/** The problems with a password chosen for `email` (empty when it is acceptable). */
export function passwordProblems(password: string, email: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN) problems.push("too_short");
  if (length > PASSWORD_MAX) problems.push("too_long");
  const lower = password.normalize("NFKC").toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split("@")[0] ?? "";
  if ((address && lower.includes(address)) || (local.length >= 3 && lower.includes(local)))
    problems.push("contains_email");
  // The estimator is slow on very long input and says nothing new past its first hundred characters.
  if (
    length <= PASSWORD_MAX &&
    strength().check(password.slice(0, 100), [address, local, ...local.split(/[._-]/)]).score < MIN_SCORE
  )
    problems.push("common");
  return problems;
}
