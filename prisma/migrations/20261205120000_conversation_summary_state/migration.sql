-- Conversation summary and intents, kept current off the hot path (the summary queue): where a summary
-- came from (a remote model, or the local rules, also when a remote call failed), when, and up to which
-- message, so a job that finds nothing new does nothing and an older job never overwrites a newer summary.

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN "summary_source" VARCHAR(20),
ADD COLUMN "summary_model" VARCHAR(100),
ADD COLUMN "summary_error" TEXT,
ADD COLUMN "summary_updated_at" TIMESTAMPTZ(6),
ADD COLUMN "summary_message_seq" BIGINT;

ALTER TABLE "conversations" ADD CONSTRAINT "conversations_summary_source_check"
  CHECK ("summary_source" IS NULL OR "summary_source" IN ('anthropic', 'openai', 'rules'));

-- The console filters the conversation list by intent (detected_intents @> ARRAY[...]).
-- CreateIndex
CREATE INDEX "idx_conversations_intents" ON "conversations" USING GIN ("detected_intents");
