/**
 * Internal business data of clinic_procedures. These columns are never selected for indexing or prompts
 * (the selects below name their columns explicitly); the names are kept here only to scan for leaks.
 */
export const INTERNAL_FIELDS = ['materialCost', 'difficultyScore', 'clinicPreference', 'salesPerformanceScore'] as const;
export const INTERNAL_COLUMNS = ['material_cost', 'difficulty_score', 'clinic_preference', 'sales_performance_score'] as const;

const INTERNAL_KEY = new RegExp(`^(${[...INTERNAL_FIELDS, ...INTERNAL_COLUMNS].join('|')})$`, 'i');

/** Paths of keys that name an internal field anywhere inside a JSON value. */
export function internalKeyPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => internalKeyPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      INTERNAL_KEY.test(k) ? [`${path}.${k}`] : internalKeyPaths(v, `${path}.${k}`),
    );
  }
  return [];
}

/** Throws when metadata about to be stored or sent carries an internal field: a programming error, never data. */
export function assertNoInternalFields(value: unknown, what: string): void {
  const paths = internalKeyPaths(value);
  if (paths.length) throw new Error(`internal business field in ${what}: ${paths.join(', ')}`);
}
