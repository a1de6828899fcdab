import type { Scope } from "../scope";

export type Role = "admin" | "editor" | "viewer";
export const ROLES: readonly Role[] = ["viewer", "editor", "admin"];
export const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** Why an administrator may not make a change to a user (each has a message in the catalogue). */
export type GrantProblem = "self_change" | "role_above_own" | "scope_beyond_own";

export interface Grantor {
  id: number;
  role: Role;
  scope: Scope;
}

export interface UserChange {
  role?: Role;
  /** null = national. */
  prefectures?: string[] | null;
  disabled?: boolean;
}

/** True when `prefectures` (null = national) lies inside `scope`. */
export function withinScope(scope: Scope, prefectures: readonly string[] | null): boolean {
  if (scope.kind === "national") return true;
  if (prefectures === null) return false;
  return prefectures.every((p) => scope.prefectures.includes(p));
}

/**
 * The rules on who may grant what: nobody changes their own role, scope or disabled flag (so nobody raises
 * their own rights or locks themselves out), nobody grants a role above their own, and nobody grants a
 * scope wider than their own (a Tokyo admin cannot make a national user, nor one for Osaka).
 */
export function grantProblems(
  actor: Grantor,
  targetId: number | null,
  current: { role: Role; prefectures: string[] | null; disabled: boolean } | null,
  change: UserChange,
): GrantProblem[] {
  const problems: GrantProblem[] = [];
  if (targetId === actor.id && current) {
    const roleChanges = change.role !== undefined && change.role !== current.role;
    const scopeChanges = change.prefectures !== undefined && !sameScope(change.prefectures, current.prefectures);
    const disabledChanges = change.disabled !== undefined && change.disabled !== current.disabled;
    if (roleChanges || scopeChanges || disabledChanges) problems.push("self_change");
  }
  if (change.role !== undefined && ROLE_RANK[change.role] > ROLE_RANK[actor.role]) problems.push("role_above_own");
  if (change.prefectures !== undefined && !withinScope(actor.scope, change.prefectures))
    problems.push("scope_beyond_own");
  return problems;
}

function sameScope(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
