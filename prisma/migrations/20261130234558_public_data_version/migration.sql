-- CreateTable
CREATE TABLE "PublicDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PublicDataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row the app reads (lib/page-cache/data-version.ts).
INSERT INTO "PublicDataVersion" ("id", "version") VALUES (1, 0);

-- Bumps the version once per statement that changes a table public pages are
-- drawn from, inside the writer's transaction: readers see the new version
-- exactly when they can see the change. BEFORE, so every writer takes the
-- version row's lock before any row lock of the public tables (one order for
-- all writers, no deadlock between them); writers of public data therefore
-- commit one after another, which the back office's rate of writes allows.
CREATE FUNCTION "bump_public_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PublicDataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Service" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LocalAuthority" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ServiceLocalAuthority" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ServiceSuccession" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Framework" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ScoreBand" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KeyQuestionThreshold" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Domain" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Standard" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KeyQuestion" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Inspection" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StandardRating" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KeyQuestionResult" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
CREATE TRIGGER "public_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Recommendation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_data_version"();
