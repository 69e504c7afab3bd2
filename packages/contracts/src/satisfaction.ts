/** A conversation's satisfaction levels, best first (scorer, AI judge, API and console read this list). */
export const SATISFACTION_LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export type SatisfactionLevelName = (typeof SATISFACTION_LEVELS)[number];
