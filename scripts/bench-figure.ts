// The shape every part of `npm run bench` hands back (scripts/bench.ts prints them): typed
// figures with their own budgets, so the table never guesses what a number is.

export interface Budget {
  /** The figure must be ≤ this (in the figure's unit). */
  max: number;
  /** …and ≥ this, when set ("exactly one request"). */
  min?: number;
  /** Whether `--check` fails on it (sizes only: timings are noisy on shared machines). */
  enforced: boolean;
  /** How the budget reads in the table, e.g. "≤ 25 KB". */
  text: string;
}

/** One measured figure of a bench part, before scripts/bench.ts files it under a section. */
export interface PartFigure {
  id: string;
  label: string;
  unit: string;
  median: number;
  min?: number;
  max?: number;
  runs?: number;
  budget?: Budget;
  /** What the number means beyond its label. */
  note?: string;
}
