-- Loyalty: members' statuses (tiers) over the rolling 12 months, their history, and badges.

-- A member's current status. A member without a row is an insider. invited_by is set while an inner-circle
-- invitation holds (an invited member stays inner_circle whatever their spend).
CREATE TABLE loyalty.member_status (
  program_id uuid NOT NULL,
  member_id  uuid PRIMARY KEY,
  status     text NOT NULL CHECK (status IN ('insider', 'vip', 'elite', 'inner_circle')),
  since      timestamptz NOT NULL,
  invited_by text,
  invited_at timestamptz,
  updated_at timestamptz NOT NULL,
  CHECK ((invited_by IS NULL) = (invited_at IS NULL))
);
CREATE INDEX member_status_above_insider ON loyalty.member_status (program_id, member_id) WHERE status <> 'insider';

-- Every change of a member's status, with what caused it.
CREATE TABLE loyalty.status_history (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  member_id   uuid NOT NULL,
  from_status text NOT NULL CHECK (from_status IN ('insider', 'vip', 'elite', 'inner_circle')),
  to_status   text NOT NULL CHECK (to_status IN ('insider', 'vip', 'elite', 'inner_circle')),
  reason      text NOT NULL CHECK (reason IN ('purchase', 'refund', 'nightly', 'invitation', 'revocation')),
  actor       text,
  at          timestamptz NOT NULL,
  CHECK (from_status <> to_status)
);
COMMENT ON TABLE loyalty.status_history IS 'append-only: every status change of a member, never rewritten';
CREATE INDEX status_history_by_member ON loyalty.status_history (program_id, member_id, at DESC, id DESC);

-- Per program, the smallest 12-month spend that ranks a member in the elite top share, as of the nightly job.
-- elite_min_spend is NULL when the top share holds no rank (fewer than 100 spenders at 1%).
CREATE TABLE loyalty.status_cutoffs (
  program_id      uuid PRIMARY KEY,
  elite_min_spend numeric(19,2),
  ranked_members  integer NOT NULL CHECK (ranked_members >= 0),
  computed_at     timestamptz NOT NULL
);

-- Badges a member earned; each at most once, never taken back.
CREATE TABLE loyalty.badges (
  program_id uuid NOT NULL,
  member_id  uuid NOT NULL,
  badge      text NOT NULL,
  awarded_at timestamptz NOT NULL,
  PRIMARY KEY (member_id, badge)
);
COMMENT ON TABLE loyalty.badges IS 'append-only: a badge is awarded once and kept';

-- The nightly recomputation ranks every member by 12-month spend and finds who had purchases in the window.
CREATE INDEX purchases_by_program_time ON loyalty.purchases (program_id, occurred_at)
  INCLUDE (member_id, amount, refunded_amount)
  WHERE member_id IS NOT NULL AND status <> 'unmatched';
