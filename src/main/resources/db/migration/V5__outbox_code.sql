-- The one-time code a message carries, kept apart from the body so the dev outbox can show it and
-- a voice channel can read it out digit by digit. Once a real provider has delivered a message,
-- the dispatcher clears body (to '') and code: they are not kept longer than delivery needs.
alter table outbox_message add column code varchar(16);
