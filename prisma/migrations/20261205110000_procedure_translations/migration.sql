-- Per-language renderings of a procedure's free-text facts (precautions after, common side effects, effect
-- duration), so every provider can state them in the customer's language; and the same for a clinic's
-- overrides, which win over the textbook text (a Korean-only override has no rendering until staff add one).
-- Shape: {"en": {"precautionsAfter": "...", "commonSideEffects": "...", "effectDuration": "..."}, "ja": {...}}
ALTER TABLE procedures ADD COLUMN translations JSONB;
ALTER TABLE clinic_procedures ADD COLUMN custom_translations JSONB;

ALTER TABLE procedures ADD CONSTRAINT procedures_translations_object CHECK (translations IS NULL OR jsonb_typeof(translations) = 'object');
ALTER TABLE clinic_procedures ADD CONSTRAINT clinic_procedures_custom_translations_object
  CHECK (custom_translations IS NULL OR jsonb_typeof(custom_translations) = 'object');
