-- Deliveries already received from a channel (Telegram update_id, Twilio MessageSid): each is processed once.
CREATE TABLE inbound_deliveries (
    channel     text        NOT NULL,
    delivery_id text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (channel, delivery_id)
);

-- Messages Reach would have sent on a channel that has no credentials configured: kept for staff to
-- see, clearly not sent.
CREATE TABLE local_outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel    text        NOT NULL,
    address    text        NOT NULL,
    text       text        NOT NULL,
    status     text        NOT NULL,
    created_at timestamptz NOT NULL
);
