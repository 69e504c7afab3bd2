import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, ROLES, can, type Action, type Role } from './permissions';

// The expected matrix written out by hand: changing the table in permissions.ts without changing this
// test (i.e. without meaning to) fails.
const EXPECTED: Record<Role, Action[]> = {
  staff: [
    'session.self',
    'clinic.read',
    'cultural_profiles.read',
    'procedures.read',
    'clinic_procedures.read',
    'pricing.read',
    'response_library.read',
    'medical_terms.read',
    'conversations.read',
    'conversations.handle',
    'notifications.read',
    'events.subscribe',
    'media.read',
  ],
  supervisor: [
    'session.self',
    'clinic.read',
    'users.read',
    'messenger_accounts.read',
    'personas.read',
    'cultural_profiles.read',
    'procedures.read',
    'clinic_procedures.read',
    'pricing.read',
    'response_library.read',
    'response_library.manage',
    'medical_terms.read',
    'medical_terms.manage',
    'conversations.read',
    'conversations.handle',
    'conversations.assign',
    'conversations.archive',
    'satisfaction.override',
    'notifications.read',
    'audit.read',
    'events.subscribe',
    'media.read',
    'dead_letters.read',
    'dead_letters.redrive',
  ],
  admin: [
    'session.self',
    'clinic.read',
    'clinic.update',
    'users.read',
    'users.manage',
    'messenger_accounts.read',
    'messenger_accounts.manage',
    'personas.read',
    'personas.manage',
    'cultural_profiles.read',
    'procedures.read',
    'clinic_procedures.read',
    'clinic_procedures.manage',
    'pricing.read',
    'pricing.manage',
    'response_library.read',
    'response_library.manage',
    'medical_terms.read',
    'medical_terms.manage',
    'conversations.read',
    'conversations.handle',
    'conversations.assign',
    'conversations.archive',
    'satisfaction.override',
    'notifications.read',
    'audit.read',
    'events.subscribe',
    'media.read',
    'dead_letters.read',
    'dead_letters.redrive',
    'alerts.manage',
  ],
  superadmin: ACTIONS,
};

describe('permission table', () => {
  for (const role of ROLES) {
    it(`${role} can do exactly its actions`, () => {
      const allowed = ACTIONS.filter((a) => can(role, a)).sort();
      expect(allowed).toEqual([...EXPECTED[role]].sort());
    });
  }

  it('platform actions belong to the superadmin alone', () => {
    for (const [action, p] of Object.entries(PERMISSIONS)) {
      if (p.scope === 'platform') expect(p.roles, action).toEqual(['superadmin']);
    }
  });
});
