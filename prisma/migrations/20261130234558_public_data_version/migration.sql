-- CreateTable
CREATE TABLE "PublicDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PublicDataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row the app reads (lib/page-cache/data-version.ts).
INSERT INTO "PublicDataVersion" ("id", "version") VALUES (1, 0);

-- Bumps the version once per statement that changes a table public pages are
-- drawn from, inside the transaction of the writer: readers see the new version
-- exactly when they can see the change. BEFORE, so every writer takes the
-- lock on the version row before any row lock of the public tables (one order for
-- all writers, no deadlock between them), and writers of public data therefore
-- commit one after another, which suits the rate of writes of the back office.
-- The body is an E string with \x3B for each semicolon: the migration runner here
-- (the pg driver adapter of Prisma) splits scripts at every semicolon, quoted or not.
CREATE FUNCTION "bump_public_data_version"() RETURNS trigger LANGUAGE plpgsql
AS E'BEGIN UPDATE "PublicDataVersion" SET "version" = "version" + 1 WHERE "id" = 1\x3B RETURN NULL\x3B END';

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
