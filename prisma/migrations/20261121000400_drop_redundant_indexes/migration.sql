-- Two indexes that no query needs, maintained on every message insert and every conversation update
-- that is not HOT (four per customer message):
--  * idx_conversations_clinic (clinic_id): its column is the prefix of idx_conversations_status,
--    idx_conversations_last_msg and idx_conversations_satisfaction, which serve a clinic_id-only filter;
--  * idx_messages_conversation (conversation_id, created_at): every per-conversation read orders by seq
--    (idx_messages_conversation_seq), the platform-independent arrival order.
DROP INDEX IF EXISTS "idx_conversations_clinic";
DROP INDEX IF EXISTS "idx_messages_conversation";
