-- Referrals: members' codes, attributions of new members to the members who brought them (and the rejected ones,
-- with the reason), campaigns and their rewards (bonuses in the ledger, quota units for billing), the referred
-- members' purchases (base of percentage rewards and of campaign revenue), the leaderboard's cached snapshots.
CREATE SCHEMA referrals;

-- A member's referral code, unique per program. device_fingerprint is the one the member registered with (abuse
-- checks). Deleted when the member is erased.
CREATE TABLE referrals.codes (
  program_id          uuid NOT NULL,
  member_id           uuid NOT NULL,
  code                text NOT NULL CHECK (code ~ '^[A-Z0-9]{6,12}$'),
  device_fingerprint  text,
  created_at          timestamptz NOT NULL,
  PRIMARY KEY (program_id, member_id),
  UNIQUE (program_id, code)
);

-- A referral campaign: when it runs, its limits and its rewards. The campaign in force at a registration is the
-- latest started one that has not ended or been deleted.
CREATE TABLE referrals.campaigns (
  id                            uuid PRIMARY KEY,
  program_id                    uuid NOT NULL,
  name                          text NOT NULL,
  starts_at                     timestamptz NOT NULL,
  ends_at                       timestamptz,
  max_uses_per_code             integer CHECK (max_uses_per_code > 0),
  monthly_limit                 integer NOT NULL CHECK (monthly_limit > 0),
  hold_days                     integer NOT NULL CHECK (hold_days BETWEEN 0 AND 365),
  referrer_registration_bonus   numeric(19,2) NOT NULL CHECK (referrer_registration_bonus >= 0),
  friend_registration_bonus     numeric(19,2) NOT NULL CHECK (friend_registration_bonus >= 0),
  referrer_first_purchase_bonus numeric(19,2) NOT NULL CHECK (referrer_first_purchase_bonus >= 0),
  friend_first_purchase_bonus   numeric(19,2) NOT NULL CHECK (friend_first_purchase_bonus >= 0),
  purchase_percent              numeric(5,2) NOT NULL CHECK (purchase_percent BETWEEN 0 AND 100),
  purchase_percent_days         integer CHECK (purchase_percent_days > 0),
  quota_units                   integer NOT NULL CHECK (quota_units >= 0),
  quota_name                    text,
  created_at                    timestamptz NOT NULL,
  updated_at                    timestamptz NOT NULL,
  deleted_at                    timestamptz,
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX campaigns_by_start ON referrals.campaigns (program_id, starts_at DESC, id);

-- One registration with a code: attributed to the referrer, or rejected with the reason. A member is referred at
-- most once. first_purchase_id is claimed once, by a conditional update.
CREATE TABLE referrals.referrals (
  id                  uuid PRIMARY KEY,
  program_id          uuid NOT NULL,
  referrer_id         uuid NOT NULL,
  referred_id         uuid NOT NULL,
  code                text NOT NULL,
  campaign_id         uuid REFERENCES referrals.campaigns (id),
  status              text NOT NULL CHECK (status IN ('attributed', 'rejected')),
  reject_reason       text CHECK (reject_reason IN ('self_referral', 'duplicate_device', 'cycle', 'monthly_limit',
                                              'code_max_uses')),
  device_fingerprint  text,
  first_purchase_id   uuid,
  first_purchase_at   timestamptz,
  created_at          timestamptz NOT NULL,
  UNIQUE (program_id, referred_id),
  CHECK ((status = 'rejected') = (reject_reason IS NOT NULL))
);
CREATE INDEX referrals_by_referrer ON referrals.referrals (program_id, referrer_id, created_at);
CREATE INDEX referrals_by_campaign ON referrals.referrals (program_id, campaign_id);
CREATE INDEX referrals_by_status ON referrals.referrals (program_id, status, created_at DESC, id);

-- A bonus credited for a referral, exactly once per reward_key (also the ledger transaction's idempotency key).
-- reversed is what refunds of the friend's purchase took back from a percentage reward.
CREATE TABLE referrals.rewards (
  id              uuid PRIMARY KEY,
  program_id      uuid NOT NULL,
  referral_id     uuid NOT NULL REFERENCES referrals.referrals (id),
  member_id       uuid NOT NULL,
  role            text NOT NULL CHECK (role IN ('referrer', 'friend')),
  trigger         text NOT NULL CHECK (trigger IN ('registration', 'first_purchase', 'purchase')),
  purchase_id     uuid,
  amount          numeric(19,2) NOT NULL CHECK (amount > 0),
  reversed        numeric(19,2) NOT NULL DEFAULT 0 CHECK (reversed >= 0 AND reversed <= amount),
  reward_key      text NOT NULL,
  transaction_id  uuid,
  created_at      timestamptz NOT NULL,
  UNIQUE (program_id, reward_key)
);
CREATE INDEX rewards_by_member ON referrals.rewards (program_id, member_id);
CREATE INDEX rewards_by_referral ON referrals.rewards (program_id, referral_id);
CREATE INDEX rewards_by_purchase ON referrals.rewards (program_id, purchase_id) WHERE purchase_id IS NOT NULL;

-- One refund's take-back of a percentage reward, once per (reward, refund).
CREATE TABLE referrals.reward_reversals (
  id              uuid PRIMARY KEY,
  program_id      uuid NOT NULL,
  reward_id       uuid NOT NULL REFERENCES referrals.rewards (id),
  refund_id       uuid NOT NULL,
  amount          numeric(19,2) NOT NULL CHECK (amount > 0),
  transaction_id  uuid NOT NULL,
  created_at      timestamptz NOT NULL,
  UNIQUE (program_id, reward_id, refund_id)
);
COMMENT ON TABLE referrals.reward_reversals IS 'append-only: refunds taking back percentage rewards';

-- Quota units (seed 004's "+1 free letter") granted for a referral, for the billing module to honour.
CREATE TABLE referrals.quota_grants (
  id           uuid PRIMARY KEY,
  program_id   uuid NOT NULL,
  referral_id  uuid NOT NULL REFERENCES referrals.referrals (id),
  member_id    uuid NOT NULL,
  role         text NOT NULL CHECK (role IN ('referrer', 'friend')),
  quota        text NOT NULL,
  units        integer NOT NULL CHECK (units > 0),
  grant_key    text NOT NULL,
  created_at   timestamptz NOT NULL,
  UNIQUE (program_id, grant_key)
);
CREATE INDEX quota_grants_by_member ON referrals.quota_grants (program_id, member_id);
COMMENT ON TABLE referrals.quota_grants IS 'append-only: quota units granted for referrals';

-- A referred member's purchase while attributed: the base of percentage rewards and of campaign revenue.
CREATE TABLE referrals.friend_purchases (
  program_id       uuid NOT NULL,
  purchase_id      uuid NOT NULL,
  referral_id      uuid NOT NULL REFERENCES referrals.referrals (id),
  amount           numeric(19,2) NOT NULL,
  refunded         numeric(19,2) NOT NULL DEFAULT 0,
  occurred_at      timestamptz NOT NULL,
  PRIMARY KEY (program_id, purchase_id)
);
CREATE INDEX friend_purchases_by_referral ON referrals.friend_purchases (program_id, referral_id);

-- The leaderboard as last computed, per program and period; recomputed when older than 15 minutes.
CREATE TABLE referrals.leaderboards (
  program_id   uuid NOT NULL,
  period       text NOT NULL CHECK (period IN ('week', 'month', 'all')),
  computed_at  timestamptz NOT NULL,
  entries      jsonb NOT NULL,
  PRIMARY KEY (program_id, period)
);
