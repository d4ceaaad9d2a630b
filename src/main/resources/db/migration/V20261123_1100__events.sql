-- Events: club events and their registrations, waitlists, tickets and check-ins, reviews; members' proposals and
-- weighted votes; allocations of the events budget (whose money lives in the ledger's EVENTS_BUDGET account).
CREATE SCHEMA events;

-- An event of the club. Times are instants; the API shows them in the program's time zone. seats_taken counts the
-- seats of confirmed registrations (a plus-one takes a second seat) and is changed only under the row's lock.
CREATE TABLE events.events (
  id                   uuid PRIMARY KEY,
  program_id           uuid NOT NULL,
  title                text NOT NULL,
  description          text,
  full_description     text,
  type                 text NOT NULL,
  format               text NOT NULL CHECK (format IN ('free', 'paid', 'closed')),
  price                numeric(19,2) NOT NULL DEFAULT 0,
  starts_at            timestamptz NOT NULL,
  ends_at              timestamptz NOT NULL,
  business_id          uuid,
  location_address     text,
  capacity             integer NOT NULL CHECK (capacity > 0),
  seats_taken          integer NOT NULL DEFAULT 0,
  min_status           text NOT NULL CHECK (min_status IN ('insider', 'vip', 'elite', 'inner_circle')),
  cover_image_url      text,
  program              jsonb NOT NULL DEFAULT '[]',
  speakers             jsonb NOT NULL DEFAULT '[]',
  what_to_bring        jsonb NOT NULL DEFAULT '[]',
  gallery              jsonb NOT NULL DEFAULT '[]',
  organizer_type       text NOT NULL CHECK (organizer_type IN ('business', 'platform')),
  organizer_name       text NOT NULL,
  allow_plus_one       boolean NOT NULL DEFAULT false,
  refund_cutoff_hours  integer NOT NULL CHECK (refund_cutoff_hours BETWEEN 0 AND 8760),
  proposal_id          uuid,
  cancelled_at         timestamptz,
  cancel_reason        text,
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (seats_taken >= 0 AND seats_taken <= capacity),
  CHECK ((format = 'paid') = (price > 0)),
  CHECK (price >= 0)
);
CREATE INDEX events_by_start ON events.events (program_id, starts_at, id);
CREATE INDEX events_by_business ON events.events (program_id, business_id, starts_at);
CREATE UNIQUE INDEX events_by_proposal ON events.events (proposal_id) WHERE proposal_id IS NOT NULL;

-- A member's registration. seq orders the waitlist (first come, first promoted). A member holds at most one live
-- (confirmed or waitlisted) registration per event; cancelled ones stay as history. paid_amount was taken from the
-- member's bonuses by spend_transaction_id; refunded_amount given back by refund_transaction_id.
CREATE TABLE events.registrations (
  id                     uuid PRIMARY KEY,
  program_id             uuid NOT NULL,
  event_id               uuid NOT NULL REFERENCES events.events (id),
  member_id              uuid NOT NULL,
  seq                    bigint GENERATED ALWAYS AS IDENTITY,
  status                 text NOT NULL CHECK (status IN ('confirmed', 'waitlist', 'cancelled')),
  plus_one               boolean NOT NULL,
  seats                  integer NOT NULL CHECK (seats IN (1, 2)),
  dietary_restrictions   text,
  ticket_code            text NOT NULL UNIQUE,
  registered_by          text NOT NULL,
  registered_at          timestamptz NOT NULL,
  promoted_at            timestamptz,
  cancelled_at           timestamptz,
  cancel_reason          text CHECK (cancel_reason IN ('member', 'event_cancelled', 'waitlist_closed')),
  paid_amount            numeric(19,2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
  spend_transaction_id   uuid,
  refunded_amount        numeric(19,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  refund_transaction_id  uuid,
  checked_in_at          timestamptz,
  checked_in_by          text,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK (refunded_amount <= paid_amount),
  CHECK (checked_in_at IS NULL OR status = 'confirmed')
);
CREATE UNIQUE INDEX registrations_live ON events.registrations (event_id, member_id) WHERE status <> 'cancelled';
CREATE INDEX registrations_waitlist ON events.registrations (event_id, seq) WHERE status = 'waitlist';
CREATE INDEX registrations_by_member ON events.registrations (program_id, member_id, event_id);

-- What happened to registrations, in order: the trail that shows every promotion happened once and in turn.
CREATE TABLE events.registration_log (
  seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  program_id       uuid NOT NULL,
  registration_id  uuid NOT NULL REFERENCES events.registrations (id),
  event_id         uuid NOT NULL,
  action           text NOT NULL CHECK (action IN ('confirmed', 'waitlisted', 'promoted', 'cancelled', 'checked_in')),
  actor            text NOT NULL,
  at               timestamptz NOT NULL
);
COMMENT ON TABLE events.registration_log IS 'append-only: every change of a registration, never rewritten';
CREATE INDEX registration_log_by_event ON events.registration_log (event_id, seq);

-- Reviews by members who attended, one per member and event.
CREATE TABLE events.reviews (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  event_id    uuid NOT NULL REFERENCES events.events (id),
  member_id   uuid NOT NULL,
  rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  text        text,
  created_at  timestamptz NOT NULL,
  UNIQUE (event_id, member_id)
);
CREATE INDEX reviews_by_event ON events.reviews (event_id, created_at DESC, id);

-- Members' event ideas put to the vote (seed 003, "Конструктор мероприятий"). voting_month is the first day of the
-- month (program time zone) in which voting ends: the monthly decision takes each month's top three.
CREATE TABLE events.proposals (
  id                   uuid PRIMARY KEY,
  program_id           uuid NOT NULL,
  member_id            uuid NOT NULL,
  title                text NOT NULL,
  description          text,
  type                 text NOT NULL,
  preferred_date       date,
  location_preference  text,
  business_id          uuid,
  budget_per_person    numeric(19,2) CHECK (budget_per_person >= 0),
  max_participants     integer CHECK (max_participants > 0),
  program              jsonb NOT NULL DEFAULT '[]',
  visibility           text NOT NULL CHECK (visibility IN ('all', 'vip', 'elite')),
  status               text NOT NULL CHECK (status IN ('voting', 'approved', 'rejected', 'realized')),
  voting_ends_at       timestamptz NOT NULL,
  voting_month         date NOT NULL,
  created_at           timestamptz NOT NULL,
  decided_at           timestamptz,
  decision             text CHECK (decision IN ('top_three', 'not_selected', 'vetoed')),
  vetoed_by            uuid,
  veto_reason          text,
  event_id             uuid,
  CHECK ((status = 'voting') = (decided_at IS NULL))
);
CREATE INDEX proposals_by_status ON events.proposals (program_id, status, voting_ends_at);
CREATE INDEX proposals_by_month ON events.proposals (program_id, voting_month) WHERE status = 'voting';

-- One vote per member and proposal; a member may change it until voting ends. weight is the member's weight when
-- they (last) voted.
CREATE TABLE events.proposal_votes (
  program_id     uuid NOT NULL,
  proposal_id    uuid NOT NULL REFERENCES events.proposals (id),
  member_id      uuid NOT NULL,
  vote           text NOT NULL CHECK (vote IN ('yes', 'no')),
  weight         numeric(4,1) NOT NULL CHECK (weight > 0),
  member_status  text NOT NULL,
  voted_at       timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, member_id)
);

-- A program's events settings; a program without a row uses the seed's figures.
CREATE TABLE events.settings (
  program_id           uuid PRIMARY KEY,
  weight_insider       numeric(4,1) NOT NULL CHECK (weight_insider > 0),
  weight_vip           numeric(4,1) NOT NULL CHECK (weight_vip > 0),
  weight_elite         numeric(4,1) NOT NULL CHECK (weight_elite > 0),
  weight_inner_circle  numeric(4,1) NOT NULL CHECK (weight_inner_circle > 0),
  share_open           numeric(5,4) NOT NULL CHECK (share_open >= 0),
  share_vip            numeric(5,4) NOT NULL CHECK (share_vip >= 0),
  share_elite          numeric(5,4) NOT NULL CHECK (share_elite >= 0),
  share_reserve        numeric(5,4) NOT NULL CHECK (share_reserve >= 0),
  updated_at           timestamptz NOT NULL,
  updated_by           text NOT NULL,
  CHECK (share_open + share_vip + share_elite + share_reserve = 1)
);

-- Money of the events budget given to events: each row is also a ledger transaction EVENTS_BUDGET -> settlement.
-- budget_month is the first day of the month whose inflow it is charged against.
CREATE TABLE events.budget_allocations (
  id                     uuid PRIMARY KEY,
  program_id             uuid NOT NULL,
  event_id               uuid NOT NULL REFERENCES events.events (id),
  level                  text NOT NULL CHECK (level IN ('open', 'vip', 'elite', 'reserve')),
  budget_month           date NOT NULL,
  amount                 numeric(19,2) NOT NULL CHECK (amount > 0),
  ledger_transaction_id  uuid NOT NULL,
  note                   text,
  allocated_by           text NOT NULL,
  allocated_at           timestamptz NOT NULL
);
COMMENT ON TABLE events.budget_allocations IS 'append-only: allocations of the events budget, as posted to the ledger';
CREATE INDEX budget_allocations_by_month ON events.budget_allocations (program_id, budget_month, level);
