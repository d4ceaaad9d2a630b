-- Drip campaigns: steps sent at delays after a member's enrolment (each step becomes a one-off schedule).
CREATE TABLE notifications.campaigns (
  id          uuid PRIMARY KEY,
  program_id  uuid NOT NULL,
  name        text NOT NULL,
  category    text NOT NULL,
  priority    text NOT NULL,
  steps       jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE notifications.campaign_enrolments (
  program_id   uuid NOT NULL,
  campaign_id  uuid NOT NULL REFERENCES notifications.campaigns (id),
  member_id    uuid NOT NULL,
  enrolled_at  timestamptz NOT NULL,
  PRIMARY KEY (campaign_id, member_id)
);
