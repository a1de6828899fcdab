import type { Scope } from "../scope";
import type { Role } from "./grants";

/** The signed-in user as every page, route and action sees them, re-read from the database per request. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  scope: Scope;
  prefectures: string[] | null;
  /** Set by an administrator's reset: nothing but the password page until a new password is chosen. */
  mustChangePassword: boolean;
}
