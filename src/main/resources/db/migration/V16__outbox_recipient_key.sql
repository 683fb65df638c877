-- The development outbox and tests look messages up by recipient in any casing. lower(recipient)
-- cannot use an index on recipient, so every lookup read the whole outbox. recipient_key holds the
-- lower-cased recipient, written with each message, and is indexed for newest-first reads.
alter table outbox_message add column recipient_key varchar(320);
update outbox_message set recipient_key = lower(recipient);
alter table outbox_message alter column recipient_key set not null;
create index outbox_message_recipient_key_ix on outbox_message (recipient_key, created_at);
-- No query reads by the exact recipient any more.
drop index outbox_message_recipient_ix;
