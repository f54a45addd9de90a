-- A reviewer may ask for changes on a renewal too (issue 12, second round). The label stays GRANTED until
-- its end meanwhile; this says the renewal waits for the producer's answer (the message is reviewMessage).
-- Set when the changes are asked, cleared when the producer sends the renewal again, or when it ends otherwise.
ALTER TABLE "Label" ADD COLUMN "renewalChangesRequestedAt" TIMESTAMPTZ(3);
