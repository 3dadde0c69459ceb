-- Every contact of a phone number (SMS and WhatsApp rows of one person): read for each message sent.
CREATE INDEX ix_contacts_organisation_address ON contacts (organisation_id, address);
