-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- CreateTable
CREATE TABLE "clinics" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(100) NOT NULL,
    "business_number" VARCHAR(20),
    "phone" VARCHAR(20),
    "email" VARCHAR(200),
    "address" TEXT,
    "timezone" VARCHAR(50) NOT NULL DEFAULT 'Asia/Seoul',
    "logo_url" VARCHAR(500),
    "commission_rate" DECIMAL(5,2) NOT NULL DEFAULT 10.00,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID,
    "email" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(200) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "role" VARCHAR(20) NOT NULL,
    "phone" VARCHAR(20),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(6),
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "refresh_token_hash" VARCHAR(100) NOT NULL,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "revoked_at" TIMESTAMPTZ(6),
    "user_agent" VARCHAR(300),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messenger_accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "messenger_type" VARCHAR(20) NOT NULL,
    "account_name" VARCHAR(200) NOT NULL,
    "display_name" VARCHAR(200),
    "credentials" JSONB NOT NULL,
    "credentials_key_id" VARCHAR(50) NOT NULL,
    "webhook_url" VARCHAR(500),
    "webhook_secret" VARCHAR(200),
    "target_countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_connected" BOOLEAN NOT NULL DEFAULT false,
    "connection_error" TEXT,
    "last_synced_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messenger_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "messenger_type" VARCHAR(20) NOT NULL,
    "messenger_user_id" VARCHAR(200) NOT NULL,
    "name" VARCHAR(200),
    "display_name" VARCHAR(200),
    "profile_image" VARCHAR(500),
    "country_code" VARCHAR(5),
    "language_code" VARCHAR(10),
    "timezone" VARCHAR(50),
    "phone" VARCHAR(20),
    "email" VARCHAR(200),
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "total_bookings" INTEGER NOT NULL DEFAULT 0,
    "total_payments" DECIMAL(15,2) NOT NULL DEFAULT 0,
    "last_visit_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "messenger_account_id" UUID NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'active',
    "ai_mode" BOOLEAN NOT NULL DEFAULT true,
    "assigned_to" UUID,
    "satisfaction_score" INTEGER,
    "satisfaction_level" VARCHAR(10),
    "last_message_at" TIMESTAMPTZ(6),
    "last_message_preview" TEXT,
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT,
    "detected_intents" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "last_customer_message_at" TIMESTAMPTZ(6),
    "handoff_reason" TEXT,
    "last_alert_level" VARCHAR(10),
    "turn_lease_id" UUID,
    "turn_lease_until" TIMESTAMPTZ(6),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "conversation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "sender_type" VARCHAR(10) NOT NULL,
    "sender_id" UUID,
    "content" TEXT NOT NULL,
    "content_type" VARCHAR(20) NOT NULL DEFAULT 'text',
    "original_language" VARCHAR(10),
    "translated_content" TEXT,
    "translated_language" VARCHAR(10),
    "messenger_type" VARCHAR(20),
    "messenger_message_id" VARCHAR(200),
    "messenger_message_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "platform_sent_at" TIMESTAMPTZ(6),
    "ai_metadata" JSONB,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "platform_context" JSONB,
    "delivery_status" VARCHAR(20) NOT NULL DEFAULT 'received',
    "delivery_error" TEXT,
    "delivery_attempts" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMPTZ(6),
    "answered_by_id" UUID,
    "is_read" BOOLEAN NOT NULL DEFAULT false,
    "read_at" TIMESTAMPTZ(6),
    "is_deleted" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_personas" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "language_code" VARCHAR(10) NOT NULL,
    "personality" TEXT,
    "tone" VARCHAR(50),
    "greeting_morning" TEXT,
    "greeting_afternoon" TEXT,
    "greeting_evening" TEXT,
    "system_prompt_override" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_personas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cultural_profiles" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "country_code" VARCHAR(5) NOT NULL,
    "country_name" VARCHAR(100),
    "style_prompt" TEXT NOT NULL,
    "preferred_expressions" JSONB,
    "avoided_expressions" JSONB,
    "emoji_level" VARCHAR(10) NOT NULL DEFAULT 'moderate',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cultural_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_library" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "category" VARCHAR(50) NOT NULL,
    "subcategory" VARCHAR(50),
    "question_ko" TEXT NOT NULL,
    "answer_ko" TEXT NOT NULL,
    "translations" JSONB NOT NULL DEFAULT '{}',
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "response_library_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_categories" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name_ko" VARCHAR(100) NOT NULL,
    "name_en" VARCHAR(100),
    "name_ja" VARCHAR(100),
    "name_zh" VARCHAR(100),
    "slug" VARCHAR(100) NOT NULL,
    "parent_id" UUID,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "category_id" UUID,
    "name_ko" VARCHAR(200) NOT NULL,
    "name_en" VARCHAR(200),
    "name_ja" VARCHAR(200),
    "name_zh" VARCHAR(200),
    "name_vi" VARCHAR(200),
    "slug" VARCHAR(200) NOT NULL,
    "description_ko" TEXT,
    "description_en" TEXT,
    "effects_ko" TEXT,
    "duration_minutes" INTEGER,
    "effect_duration" VARCHAR(100),
    "downtime_days" INTEGER,
    "min_interval_days" INTEGER,
    "common_side_effects" TEXT,
    "rare_side_effects" TEXT,
    "dangerous_side_effects" TEXT,
    "precautions_before" TEXT,
    "precautions_during" TEXT,
    "precautions_after" TEXT,
    "pain_level" INTEGER,
    "pain_type" VARCHAR(100),
    "anesthesia_options" TEXT,
    "anesthesia_details" JSONB,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clinic_procedures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "procedure_id" UUID NOT NULL,
    "custom_description" TEXT,
    "custom_effects" TEXT,
    "custom_duration_minutes" INTEGER,
    "custom_effect_duration" VARCHAR(100),
    "custom_downtime_days" INTEGER,
    "custom_min_interval_days" INTEGER,
    "custom_precautions_before" TEXT,
    "custom_precautions_during" TEXT,
    "custom_precautions_after" TEXT,
    "custom_pain_level" INTEGER,
    "custom_anesthesia_options" TEXT,
    "cross_sell_procedure_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "upsell_procedure_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "incompatible_procedure_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "sequence_notes" TEXT,
    "material_cost" DECIMAL(10,2),
    "difficulty_score" INTEGER,
    "clinic_preference" INTEGER,
    "sales_performance_score" DECIMAL(5,2),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinic_procedures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_pricing" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_procedure_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "label" VARCHAR(200),
    "regular_price" DECIMAL(12,2) NOT NULL,
    "event_price" DECIMAL(12,2),
    "discount_rate" DECIMAL(5,2),
    "event_start_date" DATE,
    "event_end_date" DATE,
    "is_package" BOOLEAN NOT NULL DEFAULT false,
    "package_details" JSONB,
    "prices_by_currency" JSONB NOT NULL DEFAULT '{}',
    "discount_warning" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_pricing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bookings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "conversation_id" UUID,
    "clinic_procedure_id" UUID,
    "booking_date" DATE NOT NULL,
    "booking_time" TIME(6) NOT NULL,
    "status" VARCHAR(20) NOT NULL DEFAULT 'pending',
    "total_amount" DECIMAL(12,2),
    "currency" VARCHAR(5) NOT NULL DEFAULT 'KRW',
    "deposit_amount" DECIMAL(12,2),
    "remaining_amount" DECIMAL(12,2),
    "notes" TEXT,
    "cancellation_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "booking_id" UUID,
    "customer_id" UUID NOT NULL,
    "payment_type" VARCHAR(20) NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "currency" VARCHAR(5) NOT NULL DEFAULT 'KRW',
    "pg_provider" VARCHAR(50),
    "pg_payment_id" VARCHAR(200),
    "payment_method" VARCHAR(50),
    "payment_link" VARCHAR(500),
    "qr_code_url" VARCHAR(500),
    "link_expires_at" TIMESTAMPTZ(6),
    "status" VARCHAR(20) NOT NULL DEFAULT 'pending',
    "paid_at" TIMESTAMPTZ(6),
    "sent_via_messenger" BOOLEAN NOT NULL DEFAULT false,
    "sent_at" TIMESTAMPTZ(6),
    "receipt_url" VARCHAR(500),
    "receipt_sent" BOOLEAN NOT NULL DEFAULT false,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "payment_id" UUID,
    "booking_id" UUID,
    "event_type" VARCHAR(30) NOT NULL,
    "scheduled_at" TIMESTAMPTZ(6) NOT NULL,
    "executed_at" TIMESTAMPTZ(6),
    "status" VARCHAR(20) NOT NULL DEFAULT 'scheduled',
    "message_content" TEXT,
    "response" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "crm_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "satisfaction_surveys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "booking_id" UUID,
    "crm_event_id" UUID,
    "survey_round" INTEGER NOT NULL,
    "satisfaction_score" INTEGER,
    "revisit_intention" VARCHAR(10),
    "nps_score" INTEGER,
    "feedback_text" TEXT,
    "side_effects_reported" TEXT,
    "responded_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "satisfaction_surveys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "satisfaction_scores" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "conversation_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "level" VARCHAR(10) NOT NULL,
    "language_signals" JSONB,
    "behavior_signals" JSONB,
    "flow_signals" JSONB,
    "message_id" UUID,
    "supervisor_override" INTEGER,
    "supervisor_note" TEXT,
    "supervised_by" UUID,
    "supervised_at" TIMESTAMPTZ(6),
    "alert_sent" BOOLEAN NOT NULL DEFAULT false,
    "alert_sent_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "satisfaction_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultation_performance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "period_year" INTEGER NOT NULL,
    "period_month" INTEGER NOT NULL,
    "total_score" DECIMAL(5,2),
    "sales_mix_score" DECIMAL(5,2),
    "booking_conversion_score" DECIMAL(5,2),
    "booking_conversion_rate" DECIMAL(5,2),
    "total_consultations" INTEGER,
    "total_bookings" INTEGER,
    "payment_conversion_score" DECIMAL(5,2),
    "payment_conversion_rate" DECIMAL(5,2),
    "total_payments" INTEGER,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_performance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlements" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "period_year" INTEGER NOT NULL,
    "period_month" INTEGER NOT NULL,
    "total_payment_amount" DECIMAL(15,2),
    "commission_rate" DECIMAL(5,2),
    "commission_amount" DECIMAL(15,2),
    "vat_amount" DECIMAL(15,2),
    "total_settlement" DECIMAL(15,2),
    "total_payment_count" INTEGER,
    "status" VARCHAR(20) NOT NULL DEFAULT 'pending',
    "invoice_number" VARCHAR(50),
    "invoice_issued_at" TIMESTAMPTZ(6),
    "paid_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "medical_terms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID,
    "term_ko" VARCHAR(200) NOT NULL,
    "term_en" VARCHAR(200),
    "term_ja" VARCHAR(200),
    "term_zh" VARCHAR(200),
    "term_zh_tw" VARCHAR(200),
    "term_vi" VARCHAR(200),
    "category" VARCHAR(50),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "medical_terms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "embeddings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID,
    "source_type" VARCHAR(30) NOT NULL,
    "source_id" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "embedding" vector(1536),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "embeddings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID,
    "actor_user_id" UUID,
    "actor_type" VARCHAR(20) NOT NULL DEFAULT 'user',
    "action" VARCHAR(60) NOT NULL,
    "entity_type" VARCHAR(40) NOT NULL,
    "entity_id" UUID,
    "before" JSONB,
    "after" JSONB,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "ip" VARCHAR(64),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinic_id" UUID NOT NULL,
    "user_id" UUID,
    "audience" VARCHAR(20) NOT NULL DEFAULT 'staff',
    "kind" VARCHAR(40) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "clinics_slug_key" ON "clinics"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "idx_users_clinic" ON "users"("clinic_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_sessions_refresh_token_hash_key" ON "user_sessions"("refresh_token_hash");

-- CreateIndex
CREATE INDEX "idx_user_sessions_user" ON "user_sessions"("user_id");

-- CreateIndex
CREATE INDEX "idx_messenger_accounts_clinic" ON "messenger_accounts"("clinic_id");

-- CreateIndex
CREATE INDEX "idx_messenger_accounts_type" ON "messenger_accounts"("messenger_type");

-- CreateIndex
CREATE INDEX "idx_customers_clinic" ON "customers"("clinic_id");

-- CreateIndex
CREATE INDEX "idx_customers_country" ON "customers"("country_code");

-- CreateIndex
CREATE UNIQUE INDEX "customers_clinic_id_messenger_type_messenger_user_id_key" ON "customers"("clinic_id", "messenger_type", "messenger_user_id");

-- CreateIndex
CREATE INDEX "idx_conversations_clinic" ON "conversations"("clinic_id");

-- CreateIndex
CREATE INDEX "idx_conversations_status" ON "conversations"("clinic_id", "status");

-- CreateIndex
CREATE INDEX "idx_conversations_last_msg" ON "conversations"("clinic_id", "last_message_at" DESC);

-- CreateIndex
CREATE INDEX "idx_conversations_satisfaction" ON "conversations"("clinic_id", "satisfaction_level");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_customer_id_messenger_account_id_key" ON "conversations"("customer_id", "messenger_account_id");

-- CreateIndex
CREATE INDEX "idx_messages_conversation" ON "messages"("conversation_id", "created_at");

-- CreateIndex
CREATE INDEX "idx_messages_clinic" ON "messages"("clinic_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "idx_messages_conversation_seq" ON "messages"("conversation_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "uq_messages_platform_message" ON "messages"("clinic_id", "messenger_type", "messenger_message_id");

-- CreateIndex
CREATE INDEX "idx_ai_personas_clinic_lang" ON "ai_personas"("clinic_id", "language_code");

-- CreateIndex
CREATE UNIQUE INDEX "cultural_profiles_country_code_key" ON "cultural_profiles"("country_code");

-- CreateIndex
CREATE INDEX "idx_response_library_clinic" ON "response_library"("clinic_id", "category");

-- CreateIndex
CREATE UNIQUE INDEX "procedure_categories_slug_key" ON "procedure_categories"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "procedures_slug_key" ON "procedures"("slug");

-- CreateIndex
CREATE INDEX "idx_clinic_procedures_clinic" ON "clinic_procedures"("clinic_id");

-- CreateIndex
CREATE INDEX "idx_clinic_procedures_score" ON "clinic_procedures"("clinic_id", "sales_performance_score" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "clinic_procedures_clinic_id_procedure_id_key" ON "clinic_procedures"("clinic_id", "procedure_id");

-- CreateIndex
CREATE INDEX "idx_pricing_clinic" ON "procedure_pricing"("clinic_id");

-- CreateIndex
CREATE INDEX "idx_bookings_clinic" ON "bookings"("clinic_id", "booking_date");

-- CreateIndex
CREATE INDEX "idx_bookings_customer" ON "bookings"("customer_id");

-- CreateIndex
CREATE INDEX "idx_bookings_status" ON "bookings"("clinic_id", "status");

-- CreateIndex
CREATE INDEX "idx_payments_clinic" ON "payments"("clinic_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "idx_payments_booking" ON "payments"("booking_id");

-- CreateIndex
CREATE INDEX "idx_payments_status" ON "payments"("clinic_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "uq_payments_pg" ON "payments"("pg_provider", "pg_payment_id");

-- CreateIndex
CREATE INDEX "idx_crm_events_schedule" ON "crm_events"("scheduled_at") WHERE (status = 'scheduled');

-- CreateIndex
CREATE INDEX "idx_crm_events_clinic" ON "crm_events"("clinic_id", "event_type");

-- CreateIndex
CREATE INDEX "idx_surveys_clinic" ON "satisfaction_surveys"("clinic_id", "survey_round");

-- CreateIndex
CREATE INDEX "idx_surveys_customer" ON "satisfaction_surveys"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "satisfaction_scores_message_id_key" ON "satisfaction_scores"("message_id");

-- CreateIndex
CREATE INDEX "idx_satisfaction_conversation" ON "satisfaction_scores"("conversation_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "consultation_performance_clinic_id_period_year_period_month_key" ON "consultation_performance"("clinic_id", "period_year", "period_month");

-- CreateIndex
CREATE UNIQUE INDEX "settlements_clinic_id_period_year_period_month_key" ON "settlements"("clinic_id", "period_year", "period_month");

-- CreateIndex
CREATE INDEX "idx_medical_terms_clinic" ON "medical_terms"("clinic_id");

-- CreateIndex
CREATE INDEX "idx_medical_terms_ko" ON "medical_terms"("term_ko");

-- CreateIndex
CREATE INDEX "idx_embeddings_clinic" ON "embeddings"("clinic_id", "source_type");

-- CreateIndex
CREATE INDEX "idx_embeddings_source" ON "embeddings"("source_type", "source_id");

-- CreateIndex
CREATE INDEX "idx_audit_logs_clinic" ON "audit_logs"("clinic_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "idx_audit_logs_entity" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "idx_notifications_clinic" ON "notifications"("clinic_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messenger_accounts" ADD CONSTRAINT "messenger_accounts_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_messenger_account_id_fkey" FOREIGN KEY ("messenger_account_id") REFERENCES "messenger_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assigned_to_fkey" FOREIGN KEY ("assigned_to") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_personas" ADD CONSTRAINT "ai_personas_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_library" ADD CONSTRAINT "response_library_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure_categories" ADD CONSTRAINT "procedure_categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "procedure_categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "procedure_categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinic_procedures" ADD CONSTRAINT "clinic_procedures_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinic_procedures" ADD CONSTRAINT "clinic_procedures_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure_pricing" ADD CONSTRAINT "procedure_pricing_clinic_procedure_id_fkey" FOREIGN KEY ("clinic_procedure_id") REFERENCES "clinic_procedures"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure_pricing" ADD CONSTRAINT "procedure_pricing_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_clinic_procedure_id_fkey" FOREIGN KEY ("clinic_procedure_id") REFERENCES "clinic_procedures"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_events" ADD CONSTRAINT "crm_events_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_events" ADD CONSTRAINT "crm_events_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_events" ADD CONSTRAINT "crm_events_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm_events" ADD CONSTRAINT "crm_events_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_crm_event_id_fkey" FOREIGN KEY ("crm_event_id") REFERENCES "crm_events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_supervised_by_fkey" FOREIGN KEY ("supervised_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_performance" ADD CONSTRAINT "consultation_performance_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "medical_terms" ADD CONSTRAINT "medical_terms_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "embeddings" ADD CONSTRAINT "embeddings_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
