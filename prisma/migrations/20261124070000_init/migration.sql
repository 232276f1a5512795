-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Nation" AS ENUM ('ENGLAND', 'WALES');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE');

-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('FULL', 'REINSPECTION', 'THEMATIC', 'OTHER');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('DRAFT', 'EMBARGOED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "KeyQuestionArea" AS ENUM ('DESISTANCE', 'SAFETY_OF_CHILD', 'SAFETY_OF_OTHERS');

-- CreateTable
CREATE TABLE "Service" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nation" "Nation" NOT NULL,
    "region" TEXT,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "sourceUrls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalAuthority" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "welshName" TEXT,

    CONSTRAINT "LocalAuthority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceLocalAuthority" (
    "serviceId" INTEGER NOT NULL,
    "localAuthorityId" INTEGER NOT NULL,

    CONSTRAINT "ServiceLocalAuthority_pkey" PRIMARY KEY ("serviceId","localAuthorityId")
);

-- CreateTable
CREATE TABLE "ServiceSuccession" (
    "predecessorId" INTEGER NOT NULL,
    "successorId" INTEGER NOT NULL,

    CONSTRAINT "ServiceSuccession_pkey" PRIMARY KEY ("predecessorId","successorId")
);

-- CreateTable
CREATE TABLE "Framework" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "inUseFrom" INTEGER,
    "inUseTo" INTEGER,
    "scored" BOOLEAN NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "Framework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreBand" (
    "id" SERIAL NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "rating" "Rating" NOT NULL,
    "minScore" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "confidence" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "ScoreBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyQuestionThreshold" (
    "id" SERIAL NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "rating" "Rating" NOT NULL,
    "minPercent" INTEGER NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "KeyQuestionThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" SERIAL NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Standard" (
    "id" SERIAL NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "domainId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "statement" TEXT,
    "statementConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "countsTowardOverall" BOOLEAN NOT NULL,
    "caseBased" BOOLEAN NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "Standard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyQuestion" (
    "id" SERIAL NOT NULL,
    "standardId" INTEGER NOT NULL,
    "area" "KeyQuestionArea" NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "KeyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "frameworkId" INTEGER NOT NULL,
    "frameworkConfirmed" BOOLEAN NOT NULL DEFAULT true,
    "kind" "InspectionKind" NOT NULL,
    "serviceNameAtInspection" TEXT NOT NULL,
    "fieldworkStart" DATE,
    "fieldworkStartPrecision" "DatePrecision",
    "publishedOn" DATE,
    "publishedOnPrecision" "DatePrecision",
    "overallRating" "Rating",
    "score" INTEGER,
    "scoreMax" INTEGER,
    "visibility" "Visibility" NOT NULL DEFAULT 'DRAFT',
    "embargoUntil" TIMESTAMP(3),
    "sourceUrls" TEXT[],
    "notes" TEXT,
    "discrepancyNote" TEXT,
    "casesInspected" INTEGER,
    "importKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StandardRating" (
    "inspectionId" INTEGER NOT NULL,
    "standardId" INTEGER NOT NULL,
    "rating" "Rating" NOT NULL,

    CONSTRAINT "StandardRating_pkey" PRIMARY KEY ("inspectionId","standardId")
);

-- CreateTable
CREATE TABLE "KeyQuestionResult" (
    "inspectionId" INTEGER NOT NULL,
    "keyQuestionId" INTEGER NOT NULL,
    "percentYes" INTEGER NOT NULL,

    CONSTRAINT "KeyQuestionResult_pkey" PRIMARY KEY ("inspectionId","keyQuestionId")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "inspectionId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("inspectionId","ordinal")
);

-- CreateIndex
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");

-- CreateIndex
CREATE INDEX "Service_nation_region_idx" ON "Service"("nation", "region");

-- CreateIndex
CREATE UNIQUE INDEX "LocalAuthority_name_key" ON "LocalAuthority"("name");

-- CreateIndex
CREATE INDEX "ServiceLocalAuthority_localAuthorityId_idx" ON "ServiceLocalAuthority"("localAuthorityId");

-- CreateIndex
CREATE UNIQUE INDEX "Framework_code_key" ON "Framework"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreBand_frameworkId_rating_key" ON "ScoreBand"("frameworkId", "rating");

-- CreateIndex
CREATE UNIQUE INDEX "KeyQuestionThreshold_frameworkId_rating_key" ON "KeyQuestionThreshold"("frameworkId", "rating");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_frameworkId_number_key" ON "Domain"("frameworkId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Standard_frameworkId_code_key" ON "Standard"("frameworkId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "KeyQuestion_standardId_area_key" ON "KeyQuestion"("standardId", "area");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_importKey_key" ON "Inspection"("importKey");

-- CreateIndex
CREATE INDEX "Inspection_serviceId_publishedOn_idx" ON "Inspection"("serviceId", "publishedOn");

-- CreateIndex
CREATE INDEX "Inspection_visibility_embargoUntil_idx" ON "Inspection"("visibility", "embargoUntil");

-- CreateIndex
CREATE INDEX "StandardRating_standardId_rating_idx" ON "StandardRating"("standardId", "rating");

-- AddForeignKey
ALTER TABLE "ServiceLocalAuthority" ADD CONSTRAINT "ServiceLocalAuthority_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceLocalAuthority" ADD CONSTRAINT "ServiceLocalAuthority_localAuthorityId_fkey" FOREIGN KEY ("localAuthorityId") REFERENCES "LocalAuthority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceSuccession" ADD CONSTRAINT "ServiceSuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceSuccession" ADD CONSTRAINT "ServiceSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreBand" ADD CONSTRAINT "ScoreBand_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyQuestionThreshold" ADD CONSTRAINT "KeyQuestionThreshold_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Standard" ADD CONSTRAINT "Standard_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Standard" ADD CONSTRAINT "Standard_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyQuestion" ADD CONSTRAINT "KeyQuestion_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardRating" ADD CONSTRAINT "StandardRating_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardRating" ADD CONSTRAINT "StandardRating_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyQuestionResult" ADD CONSTRAINT "KeyQuestionResult_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyQuestionResult" ADD CONSTRAINT "KeyQuestionResult_keyQuestionId_fkey" FOREIGN KEY ("keyQuestionId") REFERENCES "KeyQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express , kept by hand, see docs/DATA.md.
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_scoreMax_range" CHECK ("scoreMax" IS NULL OR "scoreMax" BETWEEN 1 AND 36);
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_score_range" CHECK ("score" IS NULL OR ("score" >= 0 AND "score" <= COALESCE("scoreMax", 36)));
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_embargo_has_time" CHECK ("visibility" <> 'EMBARGOED' OR "embargoUntil" IS NOT NULL);
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_date_precision" CHECK (("fieldworkStart" IS NULL) = ("fieldworkStartPrecision" IS NULL) AND ("publishedOn" IS NULL) = ("publishedOnPrecision" IS NULL));
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_casesInspected_positive" CHECK ("casesInspected" IS NULL OR "casesInspected" >= 0);
ALTER TABLE "KeyQuestionResult" ADD CONSTRAINT "KeyQuestionResult_percentYes_range" CHECK ("percentYes" BETWEEN 0 AND 100);
ALTER TABLE "KeyQuestionThreshold" ADD CONSTRAINT "KeyQuestionThreshold_minPercent_range" CHECK ("minPercent" BETWEEN 0 AND 100);
ALTER TABLE "ScoreBand" ADD CONSTRAINT "ScoreBand_range" CHECK ("minScore" >= 0 AND "minScore" <= "maxScore");
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_ordinal_positive" CHECK ("ordinal" >= 1);
ALTER TABLE "Service" ADD CONSTRAINT "Service_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
