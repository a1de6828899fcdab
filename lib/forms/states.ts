/** The states the forms' server actions answer with: returned by app/ actions, read by the form components. */

/** A user form's answer: which catalogue messages to show. */
export interface UserFormState {
  ok: boolean;
  /** Keys of admin.users.errors. */
  errors?: string[];
  /** Keys of admin.password.problems. */
  passwordProblems?: string[];
  at?: number;
}

export interface PasswordFormState {
  ok: boolean;
  error?: "invalid" | "wrongCurrent" | "mismatch" | "same" | "tooMany";
  problems?: string[];
  at?: number;
}

export interface BulkState {
  ok: boolean;
  error?: "invalid" | "nothing_selected";
  updated?: number;
  refused?: number;
  at?: number;
}

export interface ActionState {
  ok: boolean;
  error?: "invalid" | "not_found";
  fields?: string[];
  at?: number;
}
