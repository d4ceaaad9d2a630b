-- A member's purchase figures, kept on their status row so that a purchase decides the status from them with the one
-- upsert that locks the row, instead of re-reading the member's purchases (ADR 0013). Every full recomputation
-- (nightly, refund, invitation, matched claims) rewrites them from the purchases; each purchase adds itself while
-- they are current. NULL figures are unknown: the next purchase recomputes them from the purchases.
ALTER TABLE loyalty.member_status
  ADD COLUMN window_net     jsonb,
  ADD COLUMN ever_net       jsonb,
  ADD COLUMN window_oldest  timestamptz,
  ADD COLUMN purchase_count bigint,
  ADD CONSTRAINT member_status_figures_whole
    CHECK ((window_net IS NULL) = (ever_net IS NULL) AND (window_net IS NULL) = (purchase_count IS NULL));
COMMENT ON COLUMN loyalty.member_status.window_net IS
  'category -> net spend (amount - refunded) of the member''s matched purchases in the rolling 12 months';
COMMENT ON COLUMN loyalty.member_status.ever_net IS 'category -> net spend of all time';
COMMENT ON COLUMN loyalty.member_status.window_oldest IS
  'the oldest occurred_at counted in window_net: the figures are current while the window starts before it';
