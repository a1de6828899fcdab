/** An audit action in words, or its code when the catalogue has no name for it yet. */
export function auditActionName(names: Record<string, string>, action: string): string {
  return Object.hasOwn(names, action) ? names[action] : action;
}
