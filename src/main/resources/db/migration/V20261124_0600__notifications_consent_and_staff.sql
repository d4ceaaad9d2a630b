-- Marketing consent is identity's consent record; the marketing category is only the member's opt-out, on by default.
ALTER TABLE notifications.preferences ALTER COLUMN disabled_categories SET DEFAULT '{}';

COMMENT ON COLUMN notifications.messages.member_id IS
  'the member; for category staff (alerts to business owners and admins) the staff account';
