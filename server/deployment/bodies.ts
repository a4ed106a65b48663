import type { AreaBody } from '../storage/accounts.ts';
import type { Storage } from '../storage/storage.ts';
import type { AreaConfig } from './area.ts';

/**
 * Names the organisations that stand for the area's bodies (the department, the provincial police, the People's
 * Committee; migration 044) as the area's `area.json` names them today, so accounts, officers and histories show
 * the same names as the documents and the hotline. Run at every start: a database seeded with older names (before
 * the 2025 merger, or for another area) is renamed in place; nothing changes when the names already agree.
 * @returns the codes of the organisations renamed
 */
export function nameAreaBodies(storage: Storage, area: AreaConfig): Promise<string[]> {
  const { department, police, committee } = area.organisations;
  const names: Record<AreaBody, string> = { department: department.name.normalize('NFC'), police: police.name.normalize('NFC'), committee: committee.name.normalize('NFC') };
  return storage.transaction((tx) => tx.accounts.nameAreaBodies(names));
}
