-- Rewards: coupon campaigns, their codes and member coupons, redemptions at the till, cross-promotions between
-- partner businesses, and the two facts the rewards module keeps of other modules' events (members with their
-- status, purchases) so that targeting and "customers of a business" need no other module's tables.
CREATE SCHEMA IF NOT EXISTS rewards;

-- A campaign of one business. value is a percent (1..100) of the check or a fixed amount; a gift's value is what the
-- gift is worth. redeemed_count is changed only by a conditional UPDATE (never above total_limit). A cross-promotion's
-- campaign names the business that sent the customer (source_business_id) and the member's cross bonus rate.
CREATE TABLE rewards.coupon_campaigns (
  id                   uuid PRIMARY KEY,
  program_id           uuid NOT NULL,
  business_id          uuid NOT NULL,
  title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description          text CHECK (length(description) <= 2000),
  conditions           text CHECK (length(conditions) <= 2000),
  type                 text NOT NULL CHECK (type IN ('discount', 'bonus', 'gift')),
  value_kind           text NOT NULL CHECK (value_kind IN ('percent', 'fixed')),
  value                numeric(19,2) NOT NULL CHECK (value > 0),
  min_purchase         numeric(19,2) CHECK (min_purchase >= 0),
  valid_from           timestamptz NOT NULL,
  valid_until          timestamptz NOT NULL,
  total_limit          integer CHECK (total_limit > 0),
  per_member_limit     integer CHECK (per_member_limit > 0),
  target               text NOT NULL CHECK (target IN ('everyone', 'tier', 'members', 'new_customers')),
  target_tier          text CHECK (target_tier IN ('insider', 'vip', 'elite', 'inner_circle')),
  source_business_id   uuid,
  cross_bonus_rate     numeric(5,4) CHECK (cross_bonus_rate >= 0 AND cross_bonus_rate <= 1),
  active               boolean NOT NULL DEFAULT true,
  redeemed_count       integer NOT NULL DEFAULT 0 CHECK (redeemed_count >= 0),
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK (valid_until > valid_from),
  CHECK (total_limit IS NULL OR redeemed_count <= total_limit),
  CHECK (value_kind = 'fixed' OR value <= 100),
  CHECK (type <> 'gift' OR value_kind = 'fixed'),
  CHECK ((target = 'tier') = (target_tier IS NOT NULL)),
  CHECK ((source_business_id IS NULL) = (cross_bonus_rate IS NULL))
);
CREATE INDEX coupon_campaigns_by_business ON rewards.coupon_campaigns (program_id, business_id, created_at DESC);

-- The members a campaign with target 'members' is for.
CREATE TABLE rewards.coupon_campaign_members (
  campaign_id  uuid NOT NULL REFERENCES rewards.coupon_campaigns (id),
  program_id   uuid NOT NULL,
  member_id    uuid NOT NULL,
  PRIMARY KEY (campaign_id, member_id)
);

-- A code of a campaign: a bearer promo code (member_id NULL) or a coupon issued to one member, at most one per member
-- and campaign. Each is single-use; status goes available -> redeemed by a conditional UPDATE, and back when the
-- purchase is refunded. activation_code is the member's short code of the day (seed 003 "activate").
CREATE TABLE rewards.coupons (
  id                      uuid PRIMARY KEY,
  program_id              uuid NOT NULL,
  campaign_id             uuid NOT NULL REFERENCES rewards.coupon_campaigns (id),
  code                    text NOT NULL,
  member_id               uuid,
  status                  text NOT NULL CHECK (status IN ('available', 'redeemed')),
  activation_code         text,
  activation_valid_until  timestamptz,
  issued_at               timestamptz NOT NULL,
  redeemed_at             timestamptz,
  expiring_notified_at    timestamptz,
  CHECK ((activation_code IS NULL) = (activation_valid_until IS NULL)),
  CHECK ((status = 'redeemed') = (redeemed_at IS NOT NULL))
);
CREATE UNIQUE INDEX coupons_code ON rewards.coupons (program_id, code);
CREATE UNIQUE INDEX coupons_activation_code ON rewards.coupons (program_id, activation_code)
  WHERE activation_code IS NOT NULL;
CREATE UNIQUE INDEX coupons_one_per_member ON rewards.coupons (campaign_id, member_id) WHERE member_id IS NOT NULL;
CREATE INDEX coupons_by_member ON rewards.coupons (program_id, member_id) WHERE member_id IS NOT NULL;
CREATE INDEX coupons_by_campaign ON rewards.coupons (campaign_id, status);

-- How many times a member redeemed a campaign's coupons: raised by a conditional upsert, never above the limit.
CREATE TABLE rewards.coupon_member_uses (
  campaign_id  uuid NOT NULL REFERENCES rewards.coupon_campaigns (id),
  program_id   uuid NOT NULL,
  member_id    uuid NOT NULL,
  uses         integer NOT NULL CHECK (uses >= 0),
  PRIMARY KEY (campaign_id, member_id)
);

-- A coupon redeemed with a purchase. discount is the partner's cost; bonus the points credited (earn_tx_id);
-- gift_value the worth of the gift given; cross_bonus the member's bonus for an engaged purchase (cross_tx_id).
-- refunded_at is set once when the purchase is fully refunded; coupon_returned says whether the coupon came back.
CREATE TABLE rewards.coupon_redemptions (
  id                  uuid PRIMARY KEY,
  program_id          uuid NOT NULL,
  coupon_id           uuid NOT NULL REFERENCES rewards.coupons (id),
  campaign_id         uuid NOT NULL REFERENCES rewards.coupon_campaigns (id),
  member_id           uuid,
  business_id         uuid NOT NULL,
  purchase_id         uuid NOT NULL,
  check_amount        numeric(19,2) NOT NULL CHECK (check_amount >= 0),
  paid_amount         numeric(19,2) NOT NULL CHECK (paid_amount >= 0),
  discount            numeric(19,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
  bonus               numeric(19,2) NOT NULL DEFAULT 0 CHECK (bonus >= 0),
  gift_value          numeric(19,2) NOT NULL DEFAULT 0 CHECK (gift_value >= 0),
  cross_bonus         numeric(19,2) NOT NULL DEFAULT 0 CHECK (cross_bonus >= 0),
  engaged             boolean NOT NULL,
  source_business_id  uuid,
  earn_tx_id          uuid,
  cross_tx_id         uuid,
  redeemed_by         text NOT NULL,
  redeemed_at         timestamptz NOT NULL,
  refunded_at         timestamptz,
  coupon_returned     boolean NOT NULL DEFAULT false
);
CREATE INDEX coupon_redemptions_by_purchase ON rewards.coupon_redemptions (program_id, purchase_id);
CREATE INDEX coupon_redemptions_by_campaign ON rewards.coupon_redemptions (campaign_id, redeemed_at);

-- A cross-promotion: business B (to) offers A's (from) customers a coupon of B's campaign. Proposed by B's owner,
-- accepted or declined by A's owner or an admin. One live (proposed or accepted) per pair.
CREATE TABLE rewards.cross_promotions (
  id                uuid PRIMARY KEY,
  program_id        uuid NOT NULL,
  from_business_id  uuid NOT NULL,
  to_business_id    uuid NOT NULL,
  campaign_id       uuid NOT NULL REFERENCES rewards.coupon_campaigns (id),
  status            text NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined')),
  created_by        text NOT NULL,
  created_at        timestamptz NOT NULL,
  decided_by        text,
  decided_at        timestamptz,
  CHECK (from_business_id <> to_business_id),
  CHECK ((status = 'proposed') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX cross_promotions_live ON rewards.cross_promotions (program_id, from_business_id, to_business_id)
  WHERE status IN ('proposed', 'accepted');
CREATE INDEX cross_promotions_by_source ON rewards.cross_promotions (program_id, from_business_id)
  WHERE status = 'accepted';

-- Members of the program with their status, as identity and loyalty announced them (targeting by tier).
CREATE TABLE rewards.known_members (
  member_id   uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  status      text NOT NULL,
  active      boolean NOT NULL
);

-- Purchases of members as loyalty announced them: who bought where (new customers, a business's customers) and the
-- amount a coupon may be redeemed against.
CREATE TABLE rewards.known_purchases (
  purchase_id  uuid PRIMARY KEY,
  program_id   uuid NOT NULL,
  business_id  uuid NOT NULL,
  member_id    uuid,
  amount       numeric(19,2) NOT NULL,
  occurred_at  timestamptz NOT NULL
);
CREATE INDEX known_purchases_by_business_member ON rewards.known_purchases (program_id, business_id, member_id);
