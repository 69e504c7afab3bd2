-- Conversations are updated several times per customer message (last message, turn lease, reply,
-- satisfaction) and messages two or three times (answered, sending, sent). Free space in each page lets
-- PostgreSQL keep those updates on the same page as heap-only tuples (HOT): no index entries are
-- written for them and the tables bloat less. Applies to pages written from now on.
ALTER TABLE "conversations" SET (fillfactor = 70);
ALTER TABLE "messages" SET (fillfactor = 85);
