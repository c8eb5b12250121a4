-- A revision holds every kind of metadata document in one member per kind ({"objects": [...],
-- "roles": [...], ...}), so that a new kind (apps, dashboards, automations) needs no new column.
ALTER TABLE metadata_revision ADD COLUMN documents jsonb;
UPDATE metadata_revision SET documents = jsonb_build_object(
    'objects', objects,
    'roles', coalesce(access -> 'roles', '[]'::jsonb),
    'permission-sets', coalesce(access -> 'permissionSets', '[]'::jsonb),
    'sharing-rules', coalesce(access -> 'sharingRules', '[]'::jsonb));
ALTER TABLE metadata_revision
    ALTER COLUMN documents SET NOT NULL,
    ADD CONSTRAINT metadata_revision_documents_object CHECK (jsonb_typeof(documents) = 'object'),
    DROP COLUMN objects,
    DROP COLUMN access;
