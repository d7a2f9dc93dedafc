-- Stored status values are Dutch, as people see them (CONTRIBUTING.md, "Names"): a guide version is a
-- concept or gepubliceerd, like the statuses of cards, contributions and conversations.
UPDATE "guide_versions" SET "status" = CASE "status" WHEN 'draft' THEN 'concept' WHEN 'published' THEN 'gepubliceerd' ELSE "status" END;
