/** Says where the secrets came from: only what the demo made itself is called generated. */
export function demoSecretsNote(secretGiven: boolean, passwordGiven: boolean): string {
  const given = [secretGiven && "NEXTAUTH_SECRET", passwordGiven && "DEMO_PASSWORD"].filter(Boolean).join(" and ");
  const made = [!secretGiven && "session secret", !passwordGiven && "password"].filter(Boolean).join(" and ");
  if (!made) return `The session secret and password are the ones you gave (${given}).`;
  const kept =
    `The ${made} ${made.includes(" and ") ? "were" : "was"} generated for this demo (or kept from its ` +
    `last run) in .data/demo-secrets.json`;
  return given ? `${kept}; ${given} ${given.includes(" and ") ? "are" : "is"} yours.` : `${kept}.`;
}
