-- AlterTable
ALTER TABLE "BudgetReservation" ADD COLUMN     "messageId" TEXT;

-- CreateIndex
CREATE INDEX "BudgetReservation_messageId_idx" ON "BudgetReservation"("messageId");

-- CreateIndex
CREATE INDEX "Thread_userId_idx" ON "Thread"("userId");

-- CreateIndex
CREATE INDEX "TokenUsage_createdAt_idx" ON "TokenUsage"("createdAt");
