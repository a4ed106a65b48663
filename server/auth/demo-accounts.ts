import type { Accounts, NewUser } from './accounts.ts';
import { hashPassword } from './passwords.ts';

/** The published password of every demo account (README). Only the demo seed creates these accounts. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: readonly Omit<NewUser, 'password'>[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', organisationCode: 'operator' },
  { username: 'police', displayName: 'Cán bộ Công an tỉnh', role: 'police_planner', organisationCode: 'police-kontum' },
  { username: 'dic', displayName: 'Chuyên viên Sở KH&CN', role: 'dic_reviewer', organisationCode: 'dic-kontum' },
  { username: 'viettel', displayName: 'Kỹ thuật Viettel Kon Tum', role: 'carrier_editor', organisationCode: 'viettel' },
  { username: 'vnpt', displayName: 'Kỹ thuật VNPT Kon Tum', role: 'carrier_editor', organisationCode: 'vnpt' },
  { username: 'ubnd', displayName: 'Chuyên viên UBND tỉnh', role: 'viewer', organisationCode: 'ubnd-kontum' },
];

let demoHash: Promise<string> | undefined;

/** Creates the demo accounts; the shared password is hashed once per process, which keeps test set-up fast. */
export async function seedDemoAccounts(accounts: Accounts): Promise<string[]> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  for (const user of DEMO_USERS) await accounts.createUser({ ...user, password: DEMO_PASSWORD, passwordHash });
  return DEMO_USERS.map((user) => user.username);
}
