-- A platform message id is unique per bot (Telegram message ids per bot and chat), not per clinic: two
-- Telegram bots of one clinic produced colliding (clinic, platform, id) keys, so a second bot's message
-- was dropped as a redelivery and a reply's 'sent' mark failed after Telegram had accepted it.
-- Identity becomes (messenger_account_id, messenger_message_id), for inbound and outbound alike.

-- AlterTable
ALTER TABLE "messages" ADD COLUMN "messenger_account_id" UUID,
ADD COLUMN "delivery_parts_sent" INTEGER NOT NULL DEFAULT 0;

-- Existing rows keep their identity: a conversation has one messenger account, and the old key
-- (clinic, platform, id) was unique, so it stays unique per account. Replies already sent count as
-- wholly delivered.
UPDATE "messages" m SET "messenger_account_id" = c."messenger_account_id"
FROM "conversations" c
WHERE c."id" = m."conversation_id" AND m."messenger_message_id" IS NOT NULL;
UPDATE "messages" SET "delivery_parts_sent" = greatest(cardinality("messenger_message_ids"), 1)
WHERE "delivery_status" = 'sent' AND "sender_type" IN ('ai', 'staff');

-- A platform id means nothing without its account.
ALTER TABLE "messages" ADD CONSTRAINT "messages_platform_id_has_account"
  CHECK ("messenger_message_id" IS NULL OR "messenger_account_id" IS NOT NULL);

-- DropIndex
DROP INDEX "uq_messages_platform_message";

-- CreateIndex
CREATE UNIQUE INDEX "uq_messages_account_message" ON "messages"("messenger_account_id", "messenger_message_id");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_messenger_account_id_fkey" FOREIGN KEY ("messenger_account_id") REFERENCES "messenger_accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "dead_letters" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID,
    "queue" VARCHAR(50) NOT NULL,
    "job_id" VARCHAR(200) NOT NULL,
    "job_name" VARCHAR(50) NOT NULL,
    "payload" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "attempts_made" INTEGER NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'open',
    "redrive_count" INTEGER NOT NULL DEFAULT 0,
    "redriven_at" TIMESTAMPTZ(6),
    "redriven_by_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "uq_dead_letters_job" ON "dead_letters"("queue", "job_id");

-- CreateIndex
CREATE INDEX "idx_dead_letters_clinic" ON "dead_letters"("clinic_id", "status", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "dead_letters" ADD CONSTRAINT "dead_letters_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "dead_letters" ADD CONSTRAINT "dead_letters_status_check" CHECK ("status" IN ('open', 'redriven', 'dismissed'));
CREATE TRIGGER "dead_letters_set_updated_at" BEFORE UPDATE ON "dead_letters" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
