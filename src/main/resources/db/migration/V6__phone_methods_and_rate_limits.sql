-- Verified phone numbers attached to accounts (MFA by SMS or voice call).
create table phone_method (
    id           uuid        primary key,
    tenant_id    uuid        not null references tenant (id),
    object_id    uuid        not null references directory_user (object_id) on delete cascade,
    phone_number varchar(20) not null,
    verified_at  timestamp with time zone not null
);
create unique index phone_method_user_number_uk on phone_method (object_id, phone_number);

-- Fixed-window counters for rate limits shared by every node (one row per bucket and window).
create table rate_limit_window (
    bucket       varchar(200) not null,
    window_start timestamp with time zone not null,
    hits         integer      not null,
    primary key (bucket, window_start)
);
create index rate_limit_window_start_ix on rate_limit_window (window_start);
