import type { Bbox } from '../api/types.ts';
import type { SessionUser } from '../auth/session.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import { useOversightText } from './messages.ts';
import { AuditLog } from './AuditLog.tsx';
import { PlannedAssets } from './PlannedAssets.tsx';
import { Inventory } from './Inventory.tsx';
import { InspectionPlans } from '../inspections/InspectionPlans.tsx';
import { RewardDecisions } from '../rewards/RewardDecisions.tsx';

/** The DIC's and admins' oversight: area inventories, rewards to decide, carriers' planned networks, joint inspection plans and the audit log. */
export function OversightPanel({ user, onFit, onDrawing }: { user: SessionUser; onFit: (bbox: Bbox) => void; onDrawing: (request: DrawingRequest | null) => void }) {
  const o = useOversightText();
  return (
    <aside className="workspace-panel oversight-panel" data-testid="oversight-panel">
      <h2>{o('title')}</h2>
      <p className="hint" translate="no">{user.organisation}</p>
      <Inventory onDrawing={onDrawing} />
      <RewardDecisions />
      <PlannedAssets onFit={onFit} />
      <InspectionPlans onDrawing={onDrawing} />
      <AuditLog />
    </aside>
  );
}
