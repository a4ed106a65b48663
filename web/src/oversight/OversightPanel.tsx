import type { Bbox } from '../api/types.ts';
import type { SessionUser } from '../auth/session.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { AuditLog } from './AuditLog.tsx';
import { PlannedAssets } from './PlannedAssets.tsx';
import { Inventory } from './Inventory.tsx';
import { InspectionPlans } from '../inspections/InspectionPlans.tsx';

/** The DIC's and admins' oversight: area inventories, carriers' planned networks, joint inspection plans and the audit log. */
export function OversightPanel({ user, onFit, onDrawing }: { user: SessionUser; onFit: (bbox: Bbox) => void; onDrawing: (request: DrawingRequest | null) => void }) {
  const { language } = useLanguage();
  return (
    <aside className="workspace-panel" data-testid="oversight-panel">
      <h2>{language === 'vi' ? 'Giám sát, thẩm định' : 'Oversight'}</h2>
      <p className="hint">{user.organisation}</p>
      <Inventory onDrawing={onDrawing} />
      <PlannedAssets onFit={onFit} />
      <InspectionPlans />
      <AuditLog />
    </aside>
  );
}
