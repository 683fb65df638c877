-- Smart lockout: failed passwords per sign-in name (the email as typed, normalised), whether or not
-- an account uses it, so an unknown address locks exactly like a real one. Wrong passwords are kept
-- only as HMAC-SHA256 under a random key of the row, to tell a repeated one from a new one.
create table sign_in_lockout (
    tenant_id       uuid         not null references tenant (id) on delete cascade,
    sign_in_name    varchar(254) not null,
    failures        integer      not null,
    lockouts        integer      not null,
    locked_until    timestamp with time zone,
    last_failure_at timestamp with time zone not null,
    password_key    varchar(64)  not null,
    wrong_passwords varchar(400) not null,
    primary key (tenant_id, sign_in_name)
);
create index sign_in_lockout_last_failure_ix on sign_in_lockout (last_failure_at);
