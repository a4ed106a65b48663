-- Issue 18 §2: rewards (khen thưởng) for citizens whose hotline report led to a confirmed case. The police propose one
-- on a converted report, the department decides it: approved with an amount and a decision number, or refused with a
-- reason. One reward per report; a decision is final.
CREATE TABLE rewards (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hotline_report_id INTEGER NOT NULL UNIQUE REFERENCES hotline_reports (id),
  incident_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'refused')),
  proposal TEXT NOT NULL,
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  amount_vnd INTEGER CHECK (amount_vnd IS NULL OR amount_vnd > 0),
  decision_number TEXT,
  refusal_reason TEXT,
  decided_by TEXT,
  decided_at TEXT,
  CHECK ((status = 'approved') = (amount_vnd IS NOT NULL AND decision_number IS NOT NULL)),
  CHECK ((status = 'refused') = (refusal_reason IS NOT NULL))
);
CREATE INDEX rewards_status ON rewards (status, proposed_at);
CREATE INDEX rewards_proposed_at ON rewards (proposed_at);
CREATE INDEX rewards_decided_at ON rewards (decided_at);
