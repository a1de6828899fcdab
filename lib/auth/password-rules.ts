/** Why a new password is refused; each has a message in the catalogue (admin.passwordRules). */
export type PasswordProblem = "too_short" | "too_long" | "contains_email" | "common";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * Words that make up most leaked passwords. A candidate is refused when, with digits, symbols and case
 * taken away, what is left is one of these, or when it has no letter at all: "Password2024!" and "qwerty123456" fail.
 */
const COMMON_WORDS = new Set([
  "password", "passwd", "passw", "pass", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbnm", "qwertyasdf",
  "letmein", "welcome", "admin", "administrator", "iloveyou", "monkey", "dragon", "master", "sunshine", "princess",
  "football", "baseball", "superman", "batman", "trustno", "shadow", "abc", "abcdef", "abcdefg", "abcdefgh",
  "login", "user", "guest", "root", "test", "secret", "changeme", "default", "hello", "freedom", "whatever",
  "starwars", "pokemon", "naruto", "sakura", "tokyo", "japan", "nippon", "doraemon", "pikachu", "azerty",
  "qazwsx", "qwe", "asd", "zxc", "aaa", "a", "p", "pw", "pwd", "hospital", "clinic", "online", "claims",
]);

/** The letters of a password, as written and with look-alike substitutions undone (P@ssw0rd → password). */
function cores(password: string): string[] {
  const lower = password.normalize("NFKC").toLowerCase();
  const unleet = lower.replace(/@/g, "a").replace(/0/g, "o").replace(/\$/g, "s").replace(/!/g, "i");
  return [lower, unleet].map((s) => s.replace(/[^a-z]/g, ""));
}

function isRepetitive(password: string): boolean {
  // One character repeated, or a run like 123456789012 / abcdefghijkl.
  if (new Set(password).size <= 2) return true;
  const codes = [...password].map((c) => c.codePointAt(0)!);
  return codes.every((c, i) => i === 0 || Math.abs(c - codes[i - 1]) === 1);
}

/** The problems with a password chosen for `email` (empty when it is acceptable). */
export function passwordProblems(password: string, email: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN) problems.push("too_short");
  if (length > PASSWORD_MAX) problems.push("too_long");
  const lower = password.normalize("NFKC").toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split("@")[0] ?? "";
  if ((address && lower.includes(address)) || (local.length >= 3 && lower.includes(local))) problems.push("contains_email");
  if (cores(password).some((core) => COMMON_WORDS.has(core)) || !/\p{L}/u.test(lower) || isRepetitive(lower)) problems.push("common");
  return problems;
}
