import { z } from 'zod';

export const ROLES = ['superadmin', 'admin', 'supervisor', 'staff'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
/** Roles a clinic user can have (superadmin is a platform role without a clinic). */
export const CLINIC_ROLES = ['admin', 'supervisor', 'staff'] as const;
export const ClinicRoleSchema = z.enum(CLINIC_ROLES);

/**
 * Where an action runs:
 *  - clinic: on one clinic's data; clinic users act on their own clinic, a superadmin names one with X-Clinic-Id;
 *  - platform: on platform data (clinics, the procedure hub, cultural profiles);
 *  - user: any signed-in user, about themselves or global read-only data.
 */
export type Scope = 'clinic' | 'platform' | 'user';

interface Permission {
  roles: readonly Role[];
  scope: Scope;
}

const EVERYONE = ['superadmin', 'admin', 'supervisor', 'staff'] as const;
const ADMINS = ['superadmin', 'admin'] as const;
const LEADS = ['superadmin', 'admin', 'supervisor'] as const;
const PLATFORM = ['superadmin'] as const;

/** The permission table: action → roles allowed. Every route names exactly one action. */
export const PERMISSIONS = {
  'session.self': { roles: EVERYONE, scope: 'user' },

  'clinics.manage': { roles: PLATFORM, scope: 'platform' },
  'clinic.read': { roles: EVERYONE, scope: 'clinic' },
  'clinic.update': { roles: ADMINS, scope: 'clinic' },

  'users.read': { roles: LEADS, scope: 'clinic' },
  'users.manage': { roles: ADMINS, scope: 'clinic' },

  'messenger_accounts.read': { roles: LEADS, scope: 'clinic' },
  'messenger_accounts.manage': { roles: ADMINS, scope: 'clinic' },

  'personas.read': { roles: LEADS, scope: 'clinic' },
  'personas.manage': { roles: ADMINS, scope: 'clinic' },

  'cultural_profiles.read': { roles: EVERYONE, scope: 'user' },
  'cultural_profiles.manage': { roles: PLATFORM, scope: 'platform' },

  'procedures.read': { roles: EVERYONE, scope: 'user' },
  'procedures.manage': { roles: PLATFORM, scope: 'platform' },

  'clinic_procedures.read': { roles: EVERYONE, scope: 'clinic' },
  'clinic_procedures.manage': { roles: ADMINS, scope: 'clinic' },
  'pricing.read': { roles: EVERYONE, scope: 'clinic' },
  'pricing.manage': { roles: ADMINS, scope: 'clinic' },
  'response_library.read': { roles: EVERYONE, scope: 'clinic' },
  'response_library.manage': { roles: LEADS, scope: 'clinic' },
  'medical_terms.read': { roles: EVERYONE, scope: 'clinic' },
  'medical_terms.manage': { roles: LEADS, scope: 'clinic' },

  'conversations.read': { roles: EVERYONE, scope: 'clinic' },
  /** Mark read, take over, reply, preview a translation, hand back, resolve, retry a failed send. */
  'conversations.handle': { roles: EVERYONE, scope: 'clinic' },
  'conversations.assign': { roles: LEADS, scope: 'clinic' },
  'conversations.archive': { roles: LEADS, scope: 'clinic' },
  'satisfaction.override': { roles: LEADS, scope: 'clinic' },

  'notifications.read': { roles: EVERYONE, scope: 'clinic' },
  'audit.read': { roles: LEADS, scope: 'clinic' },
  'events.subscribe': { roles: EVERYONE, scope: 'clinic' },
  'media.read': { roles: EVERYONE, scope: 'clinic' },
  'dead_letters.read': { roles: LEADS, scope: 'clinic' },
  'dead_letters.redrive': { roles: LEADS, scope: 'clinic' },
  /** Alert rules, rota, Slack and webhook channels, delivery records. */
  'alerts.manage': { roles: ADMINS, scope: 'clinic' },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action].roles as readonly Role[]).includes(role);
}

export function scopeOf(action: Action): Scope {
  return PERMISSIONS[action].scope;
}

/** Which notification audiences a role sees (a broadcast to 'staff' reaches every clinic role). */
export function audiencesFor(role: Role): string[] {
  if (role === 'staff') return ['staff'];
  if (role === 'supervisor') return ['staff', 'supervisor'];
  return ['staff', 'supervisor', 'admin'];
}
