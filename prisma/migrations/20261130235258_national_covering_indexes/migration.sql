-- CreateIndex
CREATE INDEX "StandardRating_inspectionId_standardId_rating_idx" ON "StandardRating"("inspectionId", "standardId", "rating");

-- CreateIndex
CREATE INDEX "KeyQuestionResult_inspectionId_keyQuestionId_percentYes_idx" ON "KeyQuestionResult"("inspectionId", "keyQuestionId", "percentYes");
