-- What Prisma's schema language cannot express: CHECK constraints, the HNSW vector index,
-- and a trigger that keeps updated_at true for writes that bypass Prisma (raw SQL, psql).
-- test/schema-agreement.int.test.ts asserts each of these exists.

-- CheckConstraints
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK (role IN ('superadmin','admin','supervisor','staff'));
ALTER TABLE "users" ADD CONSTRAINT "users_clinic_role_check" CHECK ((role = 'superadmin') = (clinic_id IS NULL));
ALTER TABLE "messenger_accounts" ADD CONSTRAINT "messenger_accounts_type_check" CHECK (messenger_type IN ('telegram','instagram','facebook','whatsapp','line','kakao'));
ALTER TABLE "customers" ADD CONSTRAINT "customers_messenger_type_check" CHECK (messenger_type IN ('telegram','instagram','facebook','whatsapp','line','kakao'));
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_status_check" CHECK (status IN ('active','waiting','resolved','archived'));
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_satisfaction_score_check" CHECK (satisfaction_score BETWEEN 0 AND 100);
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_satisfaction_level_check" CHECK (satisfaction_level IN ('green','yellow','orange','red'));
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_unread_count_check" CHECK (unread_count >= 0);
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_type_check" CHECK (sender_type IN ('customer','ai','staff','system'));
ALTER TABLE "messages" ADD CONSTRAINT "messages_delivery_status_check" CHECK (delivery_status IN ('received','pending','sending','sent','failed','not_deliverable','discarded'));
ALTER TABLE "cultural_profiles" ADD CONSTRAINT "cultural_profiles_emoji_level_check" CHECK (emoji_level IN ('none','minimal','moderate','heavy'));
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_pain_level_check" CHECK (pain_level BETWEEN 1 AND 10);
ALTER TABLE "clinic_procedures" ADD CONSTRAINT "clinic_procedures_difficulty_score_check" CHECK (difficulty_score BETWEEN 1 AND 5);
ALTER TABLE "clinic_procedures" ADD CONSTRAINT "clinic_procedures_clinic_preference_check" CHECK (clinic_preference BETWEEN 1 AND 3);
ALTER TABLE "clinic_procedures" ADD CONSTRAINT "clinic_procedures_custom_pain_level_check" CHECK (custom_pain_level BETWEEN 1 AND 10);
ALTER TABLE "procedure_pricing" ADD CONSTRAINT "procedure_pricing_regular_price_check" CHECK (regular_price >= 0);
ALTER TABLE "procedure_pricing" ADD CONSTRAINT "procedure_pricing_event_price_check" CHECK (event_price IS NULL OR (event_price >= 0 AND event_price <= regular_price));
ALTER TABLE "procedure_pricing" ADD CONSTRAINT "procedure_pricing_event_dates_check" CHECK (event_end_date IS NULL OR event_start_date IS NULL OR event_end_date >= event_start_date);
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_status_check" CHECK (status IN ('pending','confirmed','completed','cancelled','no_show'));
ALTER TABLE "payments" ADD CONSTRAINT "payments_type_check" CHECK (payment_type IN ('deposit','remaining','full','additional'));
ALTER TABLE "payments" ADD CONSTRAINT "payments_status_check" CHECK (status IN ('pending','link_sent','processing','completed','failed','refunded','cancelled'));
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_check" CHECK (amount >= 0);
ALTER TABLE "crm_events" ADD CONSTRAINT "crm_events_type_check" CHECK (event_type IN ('receipt','review_request','aftercare','survey_1','survey_2','survey_3','revisit_reminder'));
ALTER TABLE "crm_events" ADD CONSTRAINT "crm_events_status_check" CHECK (status IN ('scheduled','sent','completed','cancelled','failed'));
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_round_check" CHECK (survey_round IN (1,2,3));
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_satisfaction_score_check" CHECK (satisfaction_score BETWEEN 1 AND 5);
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_revisit_intention_check" CHECK (revisit_intention IN ('yes','maybe','no'));
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_nps_score_check" CHECK (nps_score BETWEEN 0 AND 10);
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_score_check" CHECK (score BETWEEN 0 AND 100);
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_level_check" CHECK (level IN ('green','yellow','orange','red'));
ALTER TABLE "satisfaction_scores" ADD CONSTRAINT "satisfaction_scores_override_check" CHECK (supervisor_override BETWEEN 0 AND 100);
ALTER TABLE "consultation_performance" ADD CONSTRAINT "consultation_performance_month_check" CHECK (period_month BETWEEN 1 AND 12);
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_month_check" CHECK (period_month BETWEEN 1 AND 12);
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_status_check" CHECK (status IN ('pending','confirmed','invoice_sent','paid'));

-- HNSW cosine index for RAG (pgvector); m/ef_construction from the seed design.
CREATE INDEX "idx_embeddings_vector" ON "embeddings" USING hnsw ("embedding" vector_cosine_ops) WITH (m = 16, ef_construction = 64);

-- UpdatedAtTrigger
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "clinics_set_updated_at" BEFORE UPDATE ON "clinics" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "users_set_updated_at" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "messenger_accounts_set_updated_at" BEFORE UPDATE ON "messenger_accounts" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "customers_set_updated_at" BEFORE UPDATE ON "customers" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "conversations_set_updated_at" BEFORE UPDATE ON "conversations" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "ai_personas_set_updated_at" BEFORE UPDATE ON "ai_personas" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "cultural_profiles_set_updated_at" BEFORE UPDATE ON "cultural_profiles" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "response_library_set_updated_at" BEFORE UPDATE ON "response_library" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "procedures_set_updated_at" BEFORE UPDATE ON "procedures" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "clinic_procedures_set_updated_at" BEFORE UPDATE ON "clinic_procedures" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "procedure_pricing_set_updated_at" BEFORE UPDATE ON "procedure_pricing" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "bookings_set_updated_at" BEFORE UPDATE ON "bookings" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "payments_set_updated_at" BEFORE UPDATE ON "payments" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "crm_events_set_updated_at" BEFORE UPDATE ON "crm_events" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "consultation_performance_set_updated_at" BEFORE UPDATE ON "consultation_performance" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "settlements_set_updated_at" BEFORE UPDATE ON "settlements" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER "medical_terms_set_updated_at" BEFORE UPDATE ON "medical_terms" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
