-- Numbers a client address had codes sent to while enrolling them (SMS toll-fraud defence): the
-- ones never verified within 24 hours count against that address.
create table phone_enrollment_attempt (
    tenant_id     uuid        not null references tenant (id) on delete cascade,
    client_ip     varchar(64) not null,
    phone_number  varchar(20) not null,
    first_sent_at timestamp with time zone not null,
    verified_at   timestamp with time zone,
    primary key (tenant_id, client_ip, phone_number)
);
create index phone_enrollment_attempt_sent_ix on phone_enrollment_attempt (first_sent_at);
