-- Deliveries already received from a channel (Telegram update_id, Twilio MessageSid): each is processed once.
CREATE TABLE inbound_deliveries (
    channel     TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (channel, delivery_id)
);

-- Messages Reach would have sent on a channel that has no credentials configured: kept for staff to
-- see, clearly not sent.
CREATE TABLE local_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel    TEXT    NOT NULL,
    address    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
