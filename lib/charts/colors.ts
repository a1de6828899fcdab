/** The map's colour scale for an online share: five steps from red (below 80%) to deep green (99% and over). */
export const SHARE_STEPS: { min: number; color: string; label: string }[] = [
  { min: 0.99, color: "#1b7a3d", label: "99%〜" },
  { min: 0.97, color: "#4caf50", label: "97–99%" },
  { min: 0.94, color: "#a5d66f", label: "94–97%" },
  { min: 0.9, color: "#f6c343", label: "90–94%" },
  { min: 0, color: "#e0633a", label: "〜90%" },
];

export function shareColor(rate: number): string {
  return (SHARE_STEPS.find((s) => rate >= s.min) ?? SHARE_STEPS[SHARE_STEPS.length - 1]).color;
}
