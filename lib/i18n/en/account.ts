import type { Shape } from "../shape";
import type { account as ja } from "../ja/account";

/** Sign-in, the password page and sessions. */
export const account: Shape<typeof ja> = {
  email: "E-mail",
  password: "Password",
  signInFailed: "The e-mail or password is not correct.",
  signInHelp: "Sign in with the account you were given.",
  signingIn: "Signing in…",
  sessionsTitle: "Sessions",
  signOutEverywhere: "Sign out everywhere",
  signOutEverywhereLead: "Ends every session open with this account at once, this one included.",
  tooManyWrongPasswords: "Too many wrong current passwords; try again later.",
  tempPasswordExpired: "The temporary password has expired. Ask an administrator to reset it.",
};
