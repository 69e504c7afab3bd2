-- Staff alerts beyond the console (issue 22). The notifications table becomes the alert outbox: a row
-- written with the event that raises it is picked up by the worker (dispatched_at NULL), which queues one
-- delivery per alert × channel × recipient (alert_deliveries), escalates unacknowledged urgent alerts down
-- the rota (alert_rota) and records who acknowledged it, when and how.

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "ack_via" VARCHAR(20),
ADD COLUMN     "acknowledged_at" TIMESTAMPTZ(6),
ADD COLUMN     "acknowledged_by" UUID,
ADD COLUMN     "dispatched_at" TIMESTAMPTZ(6),
ADD COLUMN     "escalation_step" INTEGER NOT NULL DEFAULT 0;


-- Alerts raised before this migration were shown in the console only: they are not sent now.
UPDATE "notifications" SET "dispatched_at" = "created_at";
-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "roles" VARCHAR(20)[],
    "channels" VARCHAR(20)[],
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "escalate_after_sec" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "config" JSONB NOT NULL,
    "status" VARCHAR(10) NOT NULL DEFAULT 'active',
    "failure_reason" TEXT,
    "failed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rota" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "on_duty" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "alert_rota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_alert_settings" (
    "user_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "channels" VARCHAR(20)[],
    "quiet_start" VARCHAR(5),
    "quiet_end" VARCHAR(5),
    "time_zone" VARCHAR(50) NOT NULL DEFAULT 'Asia/Seoul',
    "email" VARCHAR(200),
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_alert_settings_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "push_subscriptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" VARCHAR(200) NOT NULL,
    "auth" VARCHAR(100) NOT NULL,
    "gone_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "push_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "notification_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "user_id" UUID,
    "channel" VARCHAR(20) NOT NULL,
    "target" VARCHAR(100) NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "status" VARCHAR(10) NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "sent_at" TIMESTAMPTZ(6),
    "read_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_keys" (
    "id" VARCHAR(40) NOT NULL,
    "public_key" TEXT NOT NULL,
    "secret" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "uq_alert_rules_kind" ON "alert_rules"("clinic_id", "kind");

-- CreateIndex
CREATE INDEX "idx_alert_channels_clinic" ON "alert_channels"("clinic_id");

-- CreateIndex
CREATE UNIQUE INDEX "uq_alert_rota_user" ON "alert_rota"("clinic_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "uq_push_subscriptions_endpoint" ON "push_subscriptions"("endpoint");

-- CreateIndex
CREATE INDEX "idx_push_subscriptions_user" ON "push_subscriptions"("user_id");

-- CreateIndex
CREATE INDEX "idx_alert_deliveries_clinic" ON "alert_deliveries"("clinic_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "uq_alert_deliveries" ON "alert_deliveries"("notification_id", "channel", "target", "step");

-- CreateIndex
CREATE INDEX "idx_notifications_dispatch" ON "notifications"("dispatched_at", "created_at");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_acknowledged_by_fkey" FOREIGN KEY ("acknowledged_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rota" ADD CONSTRAINT "alert_rota_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rota" ADD CONSTRAINT "alert_rota_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_alert_settings" ADD CONSTRAINT "user_alert_settings_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_alert_settings" ADD CONSTRAINT "user_alert_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- updated_at stays true for writes that bypass Prisma, as on every other table.
CREATE TRIGGER "alert_rules_set_updated_at" BEFORE UPDATE ON "alert_rules" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "user_alert_settings_set_updated_at" BEFORE UPDATE ON "user_alert_settings" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
