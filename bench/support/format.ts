// How the reports write numbers, and a goal met or missed.
export const f0 = (n: number) => n.toFixed(0);
export const f1 = (n: number) => n.toFixed(1);
export const f2 = (n: number) => n.toFixed(2);
export const f3 = (n: number) => n.toFixed(3);
export const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
export const met = (ok: boolean) => (ok ? "yes" : "**no**");
